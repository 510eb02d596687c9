//! MOT's feedback being written and not saved yet, kept in `localStorage` at every change: a
//! reload, a click back to the workspace or a closed tab loses nothing. It is kept with the
//! feedback as the page had it when the writing began (its base), so that saving it later puts
//! only what was written onto the feedback as stored then.

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

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn key(diagnostic_id: &str) -> String {
    format!("{KEY_PREFIX}{diagnostic_id}")
}

impl FeedbackDraft {
    /// The draft kept for this diagnostic, if any (an unreadable one is ignored).
    pub fn read(diagnostic_id: &str) -> Option<FeedbackDraft> {
        let json = local_storage()?.get_item(&key(diagnostic_id)).ok()??;
        serde_json::from_str(&json).ok()
    }

    /// Keeps the draft, or forgets it once there is nothing left unsaved. Best effort: without
    /// room in `localStorage`, the text stays in the page until it is saved.
    pub fn keep(&self, diagnostic_id: &str) {
        let Some(storage) = local_storage() else {
            return;
        };
        if self.draft == self.base {
            let _ = storage.remove_item(&key(diagnostic_id));
        } else if let Ok(json) = serde_json::to_string(self) {
            let _ = storage.set_item(&key(diagnostic_id), &json);
        }
    }
}
