//! MOT's internal notes typed and not stored yet, kept in `localStorage` at each keystroke: a
//! tab closed right after typing (its last write cut short) or a full disk loses nothing; the
//! next page opened on the territory stores them, unless another tab stored other notes since.

use serde::{Deserialize, Serialize};

const KEY_PREFIX: &str = "diagnostic-transfrontalier:notes-mot:";

/// Notes typed on a territory's page and not known to be stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingNotes {
    /// The notes as stored when the typing began.
    pub before: String,
    /// The notes as typed.
    pub typed: String,
}

fn key(diagnostic_id: &str) -> String {
    format!("{KEY_PREFIX}{diagnostic_id}")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read(storage: &web_sys::Storage, diagnostic_id: &str) -> Option<PendingNotes> {
    let json = storage.get_item(&key(diagnostic_id)).ok()??;
    serde_json::from_str(&json).ok()
}

/// Keeps the notes typed; `before` counts only for the first keystroke not yet stored (the
/// ones after it start from the same stored notes). Best effort: without room in
/// `localStorage`, the notes are still written to IndexedDB as usual.
pub fn remember(diagnostic_id: &str, before: &str, typed: &str) {
    let Some(storage) = local_storage() else {
        return;
    };
    let before =
        read(&storage, diagnostic_id).map_or_else(|| before.to_string(), |kept| kept.before);
    let pending = PendingNotes {
        before,
        typed: typed.to_string(),
    };
    if let Ok(json) = serde_json::to_string(&pending) {
        let _ = storage.set_item(&key(diagnostic_id), &json);
    }
}

/// Once `stored` is stored: forgets the notes kept if they are these, else (a later
/// keystroke's notes, still on their way) keeps them as typed from `stored`.
pub fn forget_stored(diagnostic_id: &str, stored: &str) {
    let Some(storage) = local_storage() else {
        return;
    };
    match read(&storage, diagnostic_id) {
        Some(kept) if kept.typed == stored => {
            let _ = storage.remove_item(&key(diagnostic_id));
        }
        Some(kept) => {
            let pending = PendingNotes {
                before: stored.to_string(),
                typed: kept.typed,
            };
            if let Ok(json) = serde_json::to_string(&pending) {
                let _ = storage.set_item(&key(diagnostic_id), &json);
            }
        }
        None => {}
    }
}

/// The notes a page left unstored, taken out of `localStorage`.
pub fn take(diagnostic_id: &str) -> Option<PendingNotes> {
    let storage = local_storage()?;
    let pending = read(&storage, diagnostic_id);
    let _ = storage.remove_item(&key(diagnostic_id));
    pending
}
