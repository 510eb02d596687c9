//! MOT's feedback being written and not saved yet, kept in `localStorage` at every change: a
//! reload, a click back to the workspace or a closed tab loses nothing. It is kept with the
//! feedback as the page had it when the writing began (its base), so that saving it later puts
//! only what was written onto the feedback as stored then.

use std::cell::RefCell;

use domain::bundle::MotFeedback;
use serde::{Deserialize, Serialize};

const KEY_PREFIX: &str = "diagnostic-transfrontalier:retour-mot:";

/// A feedback being written: as the page had it (`base`), and as written since (`draft`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedbackDraft {
    /// The feedback as read from storage or last saved.
    pub base: MotFeedback,
    /// The feedback with what was written since.
    pub draft: MotFeedback,
}

/// Where a page keeps the draft of one diagnostic's feedback. Pages on the same diagnostic
/// share it: a page forgets the draft once saved only if the draft kept is still its own (not
/// one another page has written since).
pub struct DraftSlot {
    key: String,
    last_written: RefCell<Option<String>>,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl DraftSlot {
    /// The slot of one diagnostic's feedback.
    pub fn new(diagnostic_id: &str) -> DraftSlot {
        DraftSlot {
            key: format!("{KEY_PREFIX}{diagnostic_id}"),
            last_written: RefCell::new(None),
        }
    }

    /// The draft kept, if any, with unsaved text (an unreadable one is ignored); this page
    /// takes it over.
    pub fn take_over(&self) -> Option<FeedbackDraft> {
        let json = local_storage()?.get_item(&self.key).ok()??;
        let kept: FeedbackDraft = serde_json::from_str(&json).ok()?;
        self.last_written.replace(Some(json));
        (kept.draft != kept.base).then_some(kept)
    }

    /// Keeps the draft, or, once there is nothing left unsaved, forgets the one this page
    /// wrote. Best effort: without room in `localStorage`, the text stays in the page until it
    /// is saved.
    pub fn keep(&self, kept: &FeedbackDraft) {
        let Some(storage) = local_storage() else {
            return;
        };
        if kept.draft == kept.base {
            let ours = self.last_written.take();
            if ours.is_some() && storage.get_item(&self.key).ok().flatten() == ours {
                let _ = storage.remove_item(&self.key);
            }
        } else if let Ok(json) = serde_json::to_string(kept) {
            if storage.set_item(&self.key, &json).is_ok() {
                self.last_written.replace(Some(json));
            }
        }
    }
}
