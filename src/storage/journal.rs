//! A crash journal of edits not yet committed to IndexedDB, kept in `localStorage`.
//!
//! Typing is saved to IndexedDB after a short pause, and IndexedDB writes are asynchronous:
//! a tab closed (or killed) in that window would lose the last keystrokes. The journal is
//! written synchronously on every edit, cleared once the edit is committed, and replayed into
//! IndexedDB the next time the diagnostic is opened. What it holds, and how it is replayed, is
//! [`domain::pending_edits`].

pub use domain::pending_edits::PendingEdits;

const KEY_PREFIX: &str = "diagnostic-transfrontalier:journal:";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn key(diagnostic_id: &str) -> String {
    format!("{KEY_PREFIX}{diagnostic_id}")
}

/// The edits journaled for a diagnostic (empty when none, or when the journal is unreadable).
pub fn read(diagnostic_id: &str) -> PendingEdits {
    local_storage()
        .and_then(|storage| storage.get_item(&key(diagnostic_id)).ok().flatten())
        .and_then(|json| PendingEdits::from_journal_json(&json))
        .unwrap_or_default()
}

/// Replaces the journal of a diagnostic with these edits (removes it when there are none).
///
/// Best effort: without `localStorage` (or when it is full) the edit still goes to IndexedDB,
/// only the protection against an abrupt close is lost.
pub fn write(diagnostic_id: &str, edits: &PendingEdits) {
    let Some(storage) = local_storage() else {
        return;
    };
    if edits.is_empty() {
        let _ = storage.remove_item(&key(diagnostic_id));
    } else if let Ok(json) = serde_json::to_string(edits) {
        let _ = storage.set_item(&key(diagnostic_id), &json);
    }
}
