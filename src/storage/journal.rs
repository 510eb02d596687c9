//! A crash journal of edits not yet committed to IndexedDB, kept in `localStorage`.
//!
//! Typing is saved to IndexedDB after a short pause, and IndexedDB writes are asynchronous:
//! a tab closed (or killed) in that window would lose the last keystrokes. The journal is
//! written synchronously on every edit, cleared once the edit is committed, and replayed into
//! IndexedDB the next time the diagnostic is opened. What it holds, and how it is replayed, is
//! [`domain::pending_edits`].

pub use domain::pending_edits::PendingEdits;
use serde::Serialize;
use wasm_bindgen::JsCast;

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
        .and_then(|json| from_json(&json))
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
    } else if let Some(json) = to_json(edits) {
        let _ = storage.set_item(&key(diagnostic_id), &json);
    }
}

// JSON through the browser's `JSON` and `serde_wasm_bindgen`, the way IndexedDB records are
// converted: `serde_json` code for project sheets would be more to download, for the same text.

fn to_json(edits: &PendingEdits) -> Option<String> {
    // JSON-compatible: maps as objects, and a cleared answer (`None`) as `null`, not dropped.
    let value = edits
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// Reads a journal: the current format, or the earlier one (a map of answers by question id).
/// `None` when it is neither: a damaged journal is ignored rather than replayed.
fn from_json(json: &str) -> Option<PendingEdits> {
    let value = js_sys::JSON::parse(json).ok()?;
    if !value.is_object() {
        return None;
    }
    // `serde_wasm_bindgen` reads only the fields it knows: look at the keys to tell the formats.
    let current = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>())
        .iter()
        .all(|key| {
            key.as_string()
                .is_some_and(|key| PendingEdits::FIELDS.contains(&key.as_str()))
        });
    if current {
        serde_wasm_bindgen::from_value(value).ok()
    } else {
        serde_wasm_bindgen::from_value(value)
            .ok()
            .map(PendingEdits::from_answers)
    }
}
