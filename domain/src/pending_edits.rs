//! Edits made in a tab and not yet committed to storage, as data.
//!
//! Typing is committed after a short pause, so a tab closed (or killed) in that pause would lose
//! the last keystrokes. The app keeps these edits in a crash journal, written synchronously at
//! each keystroke, and replays it when the diagnostic is opened again. Answers are kept per
//! question, with the stored answer they change: a replay leaves an answer another tab stored
//! since. The text typed in a project sheet or a good practice is kept as the item's whole
//! state as the tab last showed it, and as it showed it before that typing (both taken again
//! from each record the tab reads). A replay sets, on an item that still exists, only the
//! fields typed since, and not over a field another tab stored since. Items created or deleted
//! in the tab are journaled too: a replay adds or removes them. So are the themes marked
//! « non concerné » and the private notes typed, with their state before, like answers, and
//! the diagnostic marked as completed.

mod carry;
mod items;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::project::{GoodPractice, ProjectSheet};
use crate::{Answer, Diagnostic, DiagnosticStatus};
use items::{replay_items, ItemEdits, JournaledItem};

/// Edits of one diagnostic not yet committed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
// Unknown fields are refused so that a journal in the earlier format (a bare map of answers by
// question id) is never read as an empty one; the app then reads it with `from_answers`.
#[serde(deny_unknown_fields)]
pub struct PendingEdits {
    /// Answers by question id (`None` clears the answer).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, Option<Answer>>,
    /// The answers as stored when this tab changed them (by question id): a replay sets an
    /// answer only where the stored one is still that, so a change another tab stored since
    /// is not overwritten. (Absent from earlier journals: their answers are replayed as they are.)
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers_before: BTreeMap<String, Option<Answer>>,
    /// Project sheets being typed in, by id, as last shown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub project_sheets: BTreeMap<String, ProjectSheet>,
    /// Good practices being typed in, by id, as last shown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub good_practices: BTreeMap<String, GoodPractice>,
    /// The project sheets being typed in as shown before the typing not yet committed.
    /// (Absent from journals of the earlier format: their sheets are replayed whole.)
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sheets_before: BTreeMap<String, ProjectSheet>,
    /// The good practices being typed in as shown before the typing not yet committed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub practices_before: BTreeMap<String, GoodPractice>,
    /// Ids of the sheets and practices created in this tab and not stored yet (they are in
    /// `project_sheets` or `good_practices`): a replay adds them.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub created_items: BTreeSet<String>,
    /// Ids of the stored sheets and practices deleted in this tab: a replay removes them.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub deleted_items: BTreeSet<String>,
    /// Themes marked or unmarked « non concerné » in this tab (`true`: not concerned).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub themes_not_concerned: BTreeMap<String, bool>,
    /// The same themes as stored when this tab changed them: a replay leaves a theme another
    /// tab marked or unmarked since.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub themes_before: BTreeMap<String, bool>,
    /// The diagnostic was marked as completed (« Terminer le diagnostic ») in this tab.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub completed: bool,
    /// Private notes typed in this tab, by step id (an empty text clears the note).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub private_notes: BTreeMap<String, String>,
    /// The same notes as stored when this tab changed them: a replay leaves a note another tab
    /// stored since.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub private_notes_before: BTreeMap<String, String>,
}

/// When a typed item is recorded: just before the keystroke's change, or just after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// Before the change: recorded once, at the first keystroke not yet committed.
    BeforeChange,
    /// After the change: the item as shown now.
    AfterChange,
}

impl PendingEdits {
    /// The names of the fields of a journal in this format; a journal with another key is of
    /// the earlier format (some JSON readers do not report unknown fields).
    pub const FIELDS: [&'static str; 13] = [
        "answers",
        "answers_before",
        "project_sheets",
        "good_practices",
        "sheets_before",
        "practices_before",
        "created_items",
        "deleted_items",
        "themes_not_concerned",
        "themes_before",
        "completed",
        "private_notes",
        "private_notes_before",
    ];

    /// No edit at all.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
            && self.project_sheets.is_empty()
            && self.good_practices.is_empty()
            && self.deleted_items.is_empty()
            && self.themes_not_concerned.is_empty()
            && !self.completed
            && self.private_notes.is_empty()
    }

    /// Edits of answers only: how a journal of the earlier format (a bare map of answers by
    /// question id) is read.
    pub fn from_answers(answers: BTreeMap<String, Option<Answer>>) -> PendingEdits {
        PendingEdits {
            answers,
            ..PendingEdits::default()
        }
    }

    /// Sets the pending answers on a diagnostic.
    pub fn apply_answers(&self, diagnostic: &mut Diagnostic, now: &str) {
        for (question_id, answer) in &self.answers {
            diagnostic.set_answer(question_id, answer.clone(), now);
        }
    }

    /// Records an answer changed in the tab (`None` clears it), and, at its first change not yet
    /// committed, the answer as it was before.
    pub fn record_answer(
        &mut self,
        question_id: &str,
        answer: Option<Answer>,
        before: Option<Answer>,
    ) {
        self.answers.insert(question_id.to_string(), answer);
        (self.answers_before)
            .entry(question_id.to_string())
            .or_insert(before);
    }

    /// Takes the answers in `stored` as the state before the changes still to commit: the tab
    /// has read it (its own commit, or another tab's), and shows its pending answers over it.
    pub fn rebase_answers(&mut self, stored: &Diagnostic) {
        for (question_id, before) in self.answers_before.iter_mut() {
            *before = stored.answers.get(question_id).cloned();
        }
    }

    /// Records a project sheet being changed, before or after the change.
    pub fn record_sheet(&mut self, moment: Moment, sheet: &ProjectSheet) {
        record_item(
            (&mut self.sheets_before, &mut self.project_sheets),
            moment,
            sheet,
        );
    }

    /// Records a good practice being changed, before or after the change.
    pub fn record_good_practice(&mut self, moment: Moment, practice: &GoodPractice) {
        record_item(
            (&mut self.practices_before, &mut self.good_practices),
            moment,
            practice,
        );
    }

    /// Records a project sheet created in the tab: a replay adds it if it is not stored.
    pub fn record_created_sheet(&mut self, sheet: &ProjectSheet) {
        self.created_items.insert(sheet.id.clone());
        self.project_sheets.insert(sheet.id.clone(), sheet.clone());
    }

    /// Records a good practice created in the tab: a replay adds it if it is not stored.
    pub fn record_created_good_practice(&mut self, practice: &GoodPractice) {
        self.created_items.insert(practice.id.clone());
        (self.good_practices).insert(practice.id.clone(), practice.clone());
    }

    /// Records a sheet or a practice deleted in the tab: its changes are forgotten, and a
    /// replay removes it (unless it was created here and never stored: then it is just gone).
    pub fn record_deleted_item(&mut self, id: &str) {
        self.project_sheets.remove(id);
        self.sheets_before.remove(id);
        self.good_practices.remove(id);
        self.practices_before.remove(id);
        if !self.created_items.remove(id) {
            self.deleted_items.insert(id.to_string());
        }
    }

    /// Records whether a theme is marked « non concerné » in the tab, before or after a change
    /// (before: only at its first change not yet committed).
    pub fn record_theme_not_concerned(&mut self, moment: Moment, theme_id: &str, marked: bool) {
        let theme_id = theme_id.to_string();
        match moment {
            Moment::BeforeChange => {
                self.themes_before.entry(theme_id).or_insert(marked);
            }
            Moment::AfterChange => {
                self.themes_not_concerned.insert(theme_id, marked);
            }
        }
    }

    /// Records the diagnostic marked as completed in the tab: a replay marks it so.
    pub fn record_completed(&mut self) {
        self.completed = true;
    }

    /// Records a private note typed in the tab (empty: cleared), and, at its first change not
    /// yet committed, the note as it was before (empty when there was none).
    pub fn record_private_note(&mut self, step_id: &str, text: &str, before: &str) {
        (self.private_notes).insert(step_id.to_string(), text.to_string());
        (self.private_notes_before)
            .entry(step_id.to_string())
            .or_insert_with(|| before.to_string());
    }

    /// Forgets the sheets and practices changed, created and deleted, the themes marked and
    /// the completion: all of it is committed.
    pub fn forget_typed_items(&mut self) {
        self.completed = false;
        self.private_notes.clear();
        self.private_notes_before.clear();
        self.themes_not_concerned.clear();
        self.themes_before.clear();
        self.project_sheets.clear();
        self.good_practices.clear();
        self.sheets_before.clear();
        self.practices_before.clear();
        self.created_items.clear();
        self.deleted_items.clear();
    }

    /// Takes the changed items as `stored` has them as their state before the changes still to
    /// commit, and as `shown` has them (that record with the pending changes on top) as their
    /// changed state: the tab has read the record (its own commit, or another tab's), and what
    /// it would commit now is the difference. An item no longer stored (deleted in another tab)
    /// is forgotten, unless created here and not stored yet; a deletion is forgotten once stored.
    /// The themes marked « non concerné » take their stored state as their state before.
    pub fn rebase_typed_items(&mut self, stored: &Diagnostic, shown: &Diagnostic) {
        let created = &mut self.created_items;
        ItemEdits {
            changed: &mut self.project_sheets,
            before: &mut self.sheets_before,
        }
        .rebase(&stored.project_sheets, &shown.project_sheets, created);
        ItemEdits {
            changed: &mut self.good_practices,
            before: &mut self.practices_before,
        }
        .rebase(&stored.good_practices, &shown.good_practices, created);
        for (theme_id, before) in self.themes_before.iter_mut() {
            *before = stored.not_concerned_themes.contains(theme_id);
        }
        for (step_id, before) in self.private_notes_before.iter_mut() {
            *before = note_of(stored, step_id).to_string();
        }
        self.deleted_items.retain(|id| {
            stored.project_sheets.iter().any(|sheet| &sheet.id == id)
                || stored
                    .good_practices
                    .iter()
                    .any(|practice| &practice.id == id)
        });
    }

    /// Replays every edit onto the stored diagnostic after a crash: the answers (but not over one
    /// another tab changed since); on each project sheet and good practice that still exists
    /// (one deleted since, in another tab, stays deleted), the fields changed; the items
    /// created here and never stored are added, those deleted here removed; the themes marked
    /// « non concerné » or unmarked (but not one another tab changed since); the completion.
    pub fn replay(&self, diagnostic: &mut Diagnostic, now: &str) {
        for (question_id, answer) in &self.answers {
            let stored = diagnostic.answers.get(question_id);
            let changed_since = self
                .answers_before
                .get(question_id)
                .is_some_and(|before| stored != before.as_ref() && stored != answer.as_ref());
            if !changed_since {
                diagnostic.set_answer(question_id, answer.clone(), now);
            }
        }
        let sheets = replay_items(
            &self.project_sheets,
            &self.sheets_before,
            &self.created_items,
            &self.deleted_items,
            &mut diagnostic.project_sheets,
        );
        let practices = replay_items(
            &self.good_practices,
            &self.practices_before,
            &self.created_items,
            &self.deleted_items,
            &mut diagnostic.good_practices,
        );
        let mut themes = false;
        for (theme_id, &marked) in &self.themes_not_concerned {
            let stored = diagnostic.not_concerned_themes.contains(theme_id);
            let changed_since = (self.themes_before.get(theme_id))
                .is_some_and(|&before| stored != before && stored != marked);
            if stored != marked && !changed_since {
                if marked {
                    diagnostic.not_concerned_themes.insert(theme_id.clone());
                } else {
                    diagnostic.not_concerned_themes.remove(theme_id);
                }
                themes = true;
            }
        }
        let notes = self.replay_private_notes(diagnostic);
        let completed = self.completed && diagnostic.status != DiagnosticStatus::Completed;
        if completed {
            diagnostic.status = DiagnosticStatus::Completed;
        }
        if sheets || practices || themes || notes || completed {
            diagnostic.touch(now);
        }
    }

    /// Sets the private notes typed here, but not over one another tab stored since; whether
    /// one changed.
    fn replay_private_notes(&self, diagnostic: &mut Diagnostic) -> bool {
        let mut changed = false;
        for (step_id, text) in &self.private_notes {
            // A blank note is no note: it equals none.
            let text = if text.trim().is_empty() {
                ""
            } else {
                text.as_str()
            };
            let stored = note_of(diagnostic, step_id);
            let changed_since = (self.private_notes_before.get(step_id))
                .is_some_and(|before| stored != before && stored != text);
            if stored != text && !changed_since {
                set_private_note(diagnostic, step_id, text);
                changed = true;
            }
        }
        changed
    }

    /// Drops the answers `committed` holds, unless they were changed again since.
    pub fn forget_committed_answers(&mut self, committed: &PendingEdits) {
        self.answers
            .retain(|question_id, answer| committed.answers.get(question_id) != Some(answer));
        let pending = &self.answers;
        (self.answers_before).retain(|question_id, _| pending.contains_key(question_id));
    }
}

/// A diagnostic's private note on a step ("" when it has none).
pub fn note_of<'a>(diagnostic: &'a Diagnostic, step_id: &str) -> &'a str {
    diagnostic
        .private_notes
        .get(step_id)
        .map_or("", String::as_str)
}

/// Sets a diagnostic's private note on a step; a blank text removes it.
pub fn set_private_note(diagnostic: &mut Diagnostic, step_id: &str, text: &str) {
    if text.trim().is_empty() {
        diagnostic.private_notes.remove(step_id);
    } else {
        (diagnostic.private_notes).insert(step_id.to_string(), text.to_string());
    }
}

/// Records an item being changed: its state before the first change not yet committed, and
/// its state after each change.
fn record_item<T: JournaledItem>(
    (before, changed): (&mut BTreeMap<String, T>, &mut BTreeMap<String, T>),
    moment: Moment,
    item: &T,
) {
    let id = item.id().to_string();
    match moment {
        Moment::BeforeChange => {
            before.entry(id).or_insert_with(|| item.clone());
        }
        Moment::AfterChange => {
            changed.insert(id, item.clone());
        }
    }
}

#[cfg(test)]
mod tests;
