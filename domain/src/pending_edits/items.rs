//! The journal's project sheets and good practices, handled the same way for both kinds.
//!
//! An item is journaled whole, as the tab shows it after its changes and as the last record the
//! tab read had it. A replay merges field by field onto the stored item; an item created in the
//! tab and never stored is added whole, one deleted in the tab is removed.

use std::collections::{BTreeMap, BTreeSet};

use crate::project::{GoodPractice, ProjectSheet};

/// An item of a diagnostic that the journal keeps whole: a project sheet or a good practice.
pub(super) trait JournaledItem: Clone {
    /// Its id, unique among the diagnostic's items of both kinds.
    fn id(&self) -> &str;
    /// Sets on this (stored) item the fields `typed` changed from `before`, where still stored
    /// as they were.
    fn merge_typed(&mut self, before: &Self, typed: &Self);
}

impl JournaledItem for ProjectSheet {
    fn id(&self) -> &str {
        &self.id
    }
    fn merge_typed(&mut self, before: &Self, typed: &Self) {
        ProjectSheet::merge_typed(self, before, typed)
    }
}

impl JournaledItem for GoodPractice {
    fn id(&self) -> &str {
        &self.id
    }
    fn merge_typed(&mut self, before: &Self, typed: &Self) {
        GoodPractice::merge_typed(self, before, typed)
    }
}

/// One kind of item's part of the journal: the items as changed, and as they were before.
pub(super) struct ItemEdits<'a, T> {
    pub changed: &'a mut BTreeMap<String, T>,
    pub before: &'a mut BTreeMap<String, T>,
}

fn find<'a, T: JournaledItem>(items: &'a [T], id: &str) -> Option<&'a T> {
    items.iter().find(|item| item.id() == id)
}

impl<T: JournaledItem> ItemEdits<'_, T> {
    /// Takes each changed item as `stored` has it for its state before, and as `shown` has it
    /// for its changed state. An item missing from `shown` (deleted here) is dropped, and so is
    /// one missing from `stored`, unless it was created here and is still to store.
    pub fn rebase(&mut self, stored: &[T], shown: &[T], created: &mut BTreeSet<String>) {
        let before = &mut *self.before;
        self.changed.retain(|id, item| {
            let Some(shown_item) = find(shown, id) else {
                created.remove(id);
                return false;
            };
            item.clone_from(shown_item);
            match find(stored, id) {
                Some(stored_item) => {
                    created.remove(id);
                    before.insert(id.clone(), stored_item.clone());
                    true
                }
                None => created.contains(id),
            }
        });
        before.retain(|id, _| self.changed.contains_key(id));
    }
}

/// Replays one kind of item onto the stored `items`; `true` if anything was set.
pub(super) fn replay_items<T: JournaledItem>(
    changed: &BTreeMap<String, T>,
    before: &BTreeMap<String, T>,
    created: &BTreeSet<String>,
    deleted: &BTreeSet<String>,
    items: &mut Vec<T>,
) -> bool {
    let mut replayed = false;
    for item in items.iter_mut() {
        if let Some(typed) = changed.get(item.id()) {
            match before.get(item.id()) {
                Some(before) => item.merge_typed(before, typed),
                // A journal written before the state before typing was kept.
                None => item.clone_from(typed),
            }
            replayed = true;
        }
    }
    for (id, item) in changed {
        if created.contains(id) && find(items, id).is_none() {
            items.push(item.clone());
            replayed = true;
        }
    }
    let count = items.len();
    items.retain(|item| !deleted.contains(item.id()));
    replayed || items.len() != count
}
