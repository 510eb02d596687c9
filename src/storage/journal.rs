//! A crash journal of edits not yet committed to IndexedDB, kept in `localStorage`.
//!
//! Typing is saved to IndexedDB after a short pause, and IndexedDB writes are asynchronous:
//! a tab closed (or killed) in that window would lose the last keystrokes. The journal is
//! written synchronously on every edit, cleared once the edit is committed, and replayed into
//! IndexedDB the next time the diagnostic is opened. What it holds, and how it is replayed, is
//! [`domain::pending_edits`].
//!
//! Each tab editing a diagnostic keeps its own entry (`…journal:<diagnostic>/<tab>`):
//! `localStorage` is shared by the tabs, and one entry for all of them would let a tab that
//! has just committed clear what another tab has typed and not yet committed.

pub use domain::pending_edits::{Moment, PendingEdits};
use serde::Serialize;
use wasm_bindgen::JsCast;

use super::answers_upgrade::shipped;
use crate::platform::new_uuid;

const KEY_PREFIX: &str = "diagnostic-transfrontalier:journal:";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Whether `key` is a journal entry of this diagnostic: a tab's entry, or the single entry of
/// the versions before entries per tab.
fn is_entry_of(key: &str, diagnostic_id: &str) -> bool {
    key.strip_prefix(KEY_PREFIX)
        .and_then(|rest| rest.strip_prefix(diagnostic_id))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The journal entry of one tab editing one diagnostic.
pub struct TabJournal {
    key: String,
}

impl TabJournal {
    /// A new entry for a tab that starts editing `diagnostic_id`.
    pub fn new(diagnostic_id: &str) -> TabJournal {
        TabJournal {
            key: format!("{KEY_PREFIX}{diagnostic_id}/{}", new_uuid()),
        }
    }

    /// Replaces this tab's entry with these edits (removes it when there are none).
    ///
    /// Best effort: without `localStorage` (or when it is full) the edit still goes to
    /// IndexedDB, only the protection against an abrupt close is lost.
    pub fn write(&self, edits: &PendingEdits) {
        let Some(storage) = local_storage() else {
            return;
        };
        if edits.is_empty() {
            let _ = storage.remove_item(&self.key);
        } else if let Some(json) = to_json(edits) {
            let _ = storage.set_item(&self.key, &json);
        }
    }
}

/// What the tabs have journaled for a diagnostic, as read when it is opened.
#[derive(Default)]
pub struct Journaled {
    /// Each entry's key, its text as read, and its edits (a damaged entry has none).
    entries: Vec<(String, String, PendingEdits)>,
}

impl Journaled {
    /// Reads every entry journaled for a diagnostic (none when `localStorage` is unavailable).
    pub fn read(diagnostic_id: &str) -> Journaled {
        let Some(storage) = local_storage() else {
            return Journaled::default();
        };
        let length = storage.length().unwrap_or(0);
        // In the browser's order of keys: which of two tabs typed last is not known anyway.
        let entries = (0..length)
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| is_entry_of(key, diagnostic_id))
            .filter_map(|key| {
                let json = storage.get_item(&key).ok().flatten()?;
                let edits = from_json(&json).unwrap_or_default();
                Some((key, json, edits))
            })
            .collect();
        Journaled { entries }
    }

    /// Whether no entry holds an edit.
    pub fn is_empty(&self) -> bool {
        self.entries.iter().all(|(_, _, edits)| edits.is_empty())
    }

    /// The edits of all entries, one entry after the other.
    pub fn edits(&self) -> impl Iterator<Item = &PendingEdits> {
        self.entries.iter().map(|(_, _, edits)| edits)
    }

    /// Replays every entry on a diagnostic. An entry left by a tab of an older version of the
    /// app may name questions the current questionnaire has renamed or removed: its answers
    /// are carried by the same declared mappings as the stored diagnostics, or kept in the
    /// note of answers not carried over ([`PendingEdits::replay_carried`]).
    pub fn replay(&self, diagnostic: &mut domain::Diagnostic, now: &str) {
        for edits in self.edits() {
            match shipped() {
                Some((questionnaire, table)) => {
                    edits.replay_carried(diagnostic, now, table, questionnaire)
                }
                None => edits.replay(diagnostic, now),
            }
        }
    }

    /// Removes the entries read, once replayed into IndexedDB. An entry a live tab has
    /// rewritten since it was read is left: it holds edits not replayed yet.
    pub fn clear(&self) {
        let Some(storage) = local_storage() else {
            return;
        };
        for (key, json, _) in &self.entries {
            if storage.get_item(key).ok().flatten().as_deref() == Some(json.as_str()) {
                let _ = storage.remove_item(key);
            }
        }
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
