//! Edits made in a tab and not yet committed to storage, as data.
//!
//! Typing is committed after a short pause, so a tab closed (or killed) in that pause would lose
//! the last keystrokes. The app keeps these edits in a crash journal, written synchronously at
//! each keystroke, and replays it when the diagnostic is opened again. Answers are kept per
//! question; the text typed in a project sheet or a good practice is kept as the item's whole
//! state as the tab last showed it, replayed only onto an item that still exists.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::project::{GoodPractice, ProjectSheet};
use crate::{Answer, Diagnostic};

/// Edits of one diagnostic not yet committed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
// Unknown fields are refused so that a journal in the earlier format (a bare map of answers by
// question id) is never read as an empty one; the app then reads it with `from_answers`.
#[serde(deny_unknown_fields)]
pub struct PendingEdits {
    /// Answers by question id (`None` clears the answer).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, Option<Answer>>,
    /// Project sheets being typed in, by id, as last shown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub project_sheets: BTreeMap<String, ProjectSheet>,
    /// Good practices being typed in, by id, as last shown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub good_practices: BTreeMap<String, GoodPractice>,
}

impl PendingEdits {
    /// The names of the fields of a journal in this format; a journal with another key is of
    /// the earlier format (some JSON readers do not report unknown fields).
    pub const FIELDS: [&'static str; 3] = ["answers", "project_sheets", "good_practices"];

    /// No edit at all.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.project_sheets.is_empty() && self.good_practices.is_empty()
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

    /// Replays every edit onto the stored diagnostic after a crash: the answers, then each
    /// project sheet and good practice that still exists replaced by its journaled state (one
    /// deleted since, in another tab, stays deleted).
    pub fn replay(&self, diagnostic: &mut Diagnostic, now: &str) {
        self.apply_answers(diagnostic, now);
        let mut replaced = false;
        for sheet in diagnostic.project_sheets.iter_mut() {
            if let Some(journaled) = self.project_sheets.get(&sheet.id) {
                *sheet = journaled.clone();
                replaced = true;
            }
        }
        for practice in diagnostic.good_practices.iter_mut() {
            if let Some(journaled) = self.good_practices.get(&practice.id) {
                *practice = journaled.clone();
                replaced = true;
            }
        }
        if replaced {
            diagnostic.touch(now);
        }
    }

    /// Drops the answers `committed` holds, unless they were changed again since.
    pub fn forget_committed_answers(&mut self, committed: &PendingEdits) {
        self.answers
            .retain(|question_id, answer| committed.answers.get(question_id) != Some(answer));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic_with_sheet_and_practice() -> Diagnostic {
        let mut diagnostic =
            Diagnostic::new("d1".into(), "Givet", "2026-01-01T00:00:00.000Z", "q", 1);
        diagnostic.project_sheets.push(ProjectSheet {
            id: "s1".into(),
            title: "Navette".into(),
            ..ProjectSheet::default()
        });
        diagnostic.good_practices.push(GoodPractice {
            id: "p1".into(),
            title: "Fête".into(),
            ..GoodPractice::default()
        });
        diagnostic
    }

    fn typed_sheet(id: &str, need: &str) -> ProjectSheet {
        ProjectSheet {
            id: id.into(),
            title: "Navette".into(),
            need: need.into(),
            ..ProjectSheet::default()
        }
    }

    #[test]
    fn the_journal_round_trips_and_an_empty_one_is_empty() {
        let mut edits = PendingEdits::default();
        assert!(edits.is_empty());
        edits
            .answers
            .insert("q1".into(), Some(Answer::Text("tapé".into())));
        edits.answers.insert("q2".into(), None);
        edits
            .project_sheets
            .insert("s1".into(), typed_sheet("s1", "Aller à Irun"));
        assert!(!edits.is_empty());
        let json = serde_json::to_string(&edits).unwrap();
        assert_eq!(serde_json::from_str::<PendingEdits>(&json).unwrap(), edits);
        let empty = serde_json::to_string(&PendingEdits::default()).unwrap();
        assert_eq!(empty, "{}");
        assert!(serde_json::from_str::<PendingEdits>(&empty)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn the_field_names_are_those_written() {
        let mut edits = PendingEdits::default();
        edits.answers.insert("q1".into(), None);
        edits
            .project_sheets
            .insert("s1".into(), typed_sheet("s1", "Aller à Irun"));
        edits
            .good_practices
            .insert("p1".into(), GoodPractice::default());
        let value = serde_json::to_value(&edits).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = PendingEdits::FIELDS.to_vec();
        expected.sort_unstable();
        assert_eq!(keys, expected);
    }

    #[test]
    fn a_journal_of_the_earlier_format_is_not_taken_for_this_one() {
        let mut answers = BTreeMap::new();
        answers.insert(
            "profil_id_pvd".to_string(),
            Some(Answer::Text("pvd-08-01-1".into())),
        );
        // What the app wrote before sheets were journaled: the bare map of answers.
        let earlier = serde_json::to_string(&answers).unwrap();
        assert!(serde_json::from_str::<PendingEdits>(&earlier).is_err());
        let read = PendingEdits::from_answers(serde_json::from_str(&earlier).unwrap());
        assert_eq!(read.answers, answers);
        assert!(read.project_sheets.is_empty());
    }

    #[test]
    fn replay_restores_typed_items_that_still_exist_and_answers() {
        let mut diagnostic = diagnostic_with_sheet_and_practice();
        let revision = diagnostic.revision;
        let mut edits = PendingEdits::default();
        edits
            .answers
            .insert("q1".into(), Some(Answer::Text("tapé".into())));
        edits
            .project_sheets
            .insert("s1".into(), typed_sheet("s1", "Aller à Irun"));
        edits
            .project_sheets
            .insert("gone".into(), typed_sheet("gone", "supprimée"));
        edits.good_practices.insert(
            "p1".into(),
            GoodPractice {
                id: "p1".into(),
                title: "Fête de la Meuse".into(),
                ..GoodPractice::default()
            },
        );
        edits.replay(&mut diagnostic, "2026-02-01T00:00:00.000Z");
        assert_eq!(
            diagnostic.answers.get("q1"),
            Some(&Answer::Text("tapé".into()))
        );
        assert_eq!(
            diagnostic.project_sheets.len(),
            1,
            "a deleted sheet stays deleted"
        );
        assert_eq!(diagnostic.project_sheets[0].need, "Aller à Irun");
        assert_eq!(diagnostic.good_practices[0].title, "Fête de la Meuse");
        assert!(diagnostic.revision > revision);
        assert_eq!(diagnostic.updated_at, "2026-02-01T00:00:00.000Z");
    }

    #[test]
    fn replay_of_nothing_leaves_the_diagnostic_as_it_was() {
        let mut diagnostic = diagnostic_with_sheet_and_practice();
        let before = diagnostic.clone();
        PendingEdits::default().replay(&mut diagnostic, "2026-02-01T00:00:00.000Z");
        assert_eq!(diagnostic, before);
    }

    #[test]
    fn committed_answers_are_forgotten_unless_changed_again() {
        let mut committed = PendingEdits::default();
        committed
            .answers
            .insert("q1".into(), Some(Answer::Text("a".into())));
        committed
            .answers
            .insert("q2".into(), Some(Answer::Text("b".into())));
        let mut pending = committed.clone();
        pending
            .answers
            .insert("q2".into(), Some(Answer::Text("bc".into())));
        pending.answers.insert("q3".into(), None);
        pending.forget_committed_answers(&committed);
        assert_eq!(pending.answers.len(), 2);
        assert_eq!(pending.answers["q2"], Some(Answer::Text("bc".into())));
        assert!(pending.answers.contains_key("q3"));
    }
}
