//! MOT's feedback being written and not saved yet, kept in `localStorage` at every change: a
//! reload, a click back to the workspace or a closed tab loses nothing. It is kept with the
//! feedback as the page had it when the writing began (its base), so that saving it later puts
//! only what was written onto the feedback as stored then.

use domain::bundle::MotFeedback;
use serde::{Deserialize, Serialize};

use crate::platform::new_uuid;

const KEY_PREFIX: &str = "diagnostic-transfrontalier:retour-mot:";

/// A feedback being written: as the page had it (`base`), and as written since (`draft`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedbackDraft {
    /// The feedback as read from storage or last saved.
    pub base: MotFeedback,
    /// The feedback with what was written since.
    pub draft: MotFeedback,
}

/// Where a page keeps the draft of one diagnostic's feedback: a key of its own, so that two
/// pages on the same diagnostic never write over each other's text.
pub struct DraftSlot {
    /// The start of every key of this diagnostic's drafts (and the whole key of the one an
    /// older version of the app kept).
    prefix: String,
    /// This page's key.
    key: String,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl DraftSlot {
    /// A slot of its own for this page, on one diagnostic's feedback.
    pub fn new(diagnostic_id: &str) -> DraftSlot {
        let prefix = format!("{KEY_PREFIX}{diagnostic_id}");
        let key = format!("{prefix}:{}", new_uuid());
        DraftSlot { prefix, key }
    }

    /// The drafts other pages kept with unsaved text (a closed tab, a page left, or one still
    /// open: its text then shows here too, and saving it twice writes the same thing). This
    /// page takes them over: they leave storage, and are kept from now on in this page's slot.
    /// An unreadable one is dropped.
    pub fn take_over(&self) -> Vec<FeedbackDraft> {
        let Some(storage) = local_storage() else {
            return Vec::new();
        };
        let ours = |key: &str| {
            key == self.prefix
                || key
                    .strip_prefix(self.prefix.as_str())
                    .is_some_and(|rest| rest.starts_with(':'))
        };
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| ours(key))
            .collect();
        let mut drafts = Vec::new();
        for key in keys {
            let json = storage.get_item(&key).ok().flatten();
            let _ = storage.remove_item(&key);
            let kept = json.and_then(|json| serde_json::from_str::<FeedbackDraft>(&json).ok());
            drafts.extend(kept.filter(|kept| kept.draft != kept.base));
        }
        drafts
    }

    /// Keeps the draft in this page's slot, or forgets it once there is nothing left unsaved.
    /// Best effort: without room in `localStorage`, the text stays in the page until it is
    /// saved.
    pub fn keep(&self, kept: &FeedbackDraft) {
        let Some(storage) = local_storage() else {
            return;
        };
        if kept.draft == kept.base {
            let _ = storage.remove_item(&self.key);
        } else if let Ok(json) = serde_json::to_string(kept) {
            let _ = storage.set_item(&self.key, &json);
        }
    }
}
