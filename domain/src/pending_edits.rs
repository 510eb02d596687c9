//! Edits made in a tab and not yet committed to storage, as data.
//!
//! Typing is committed after a short pause, so a tab closed (or killed) in that pause would lose
//! the last keystrokes. The app keeps these edits in a crash journal, written synchronously at
//! each keystroke, and replays it when the diagnostic is opened again. Answers are kept per
//! question, with the stored answer they change: a replay leaves an answer another tab stored
//! since. The text typed in a project sheet or a good practice is kept as the item's whole
//! state as the tab last showed it, and as it showed it before that typing (both taken again
//! from each record the tab reads). A replay sets, on an item that still exists, only the
//! fields typed since, and not over a field another tab stored since.

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
    pub const FIELDS: [&'static str; 6] = [
        "answers",
        "answers_before",
        "project_sheets",
        "good_practices",
        "sheets_before",
        "practices_before",
    ];

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

    /// Records a project sheet being typed in, before or after a keystroke's change.
    pub fn record_sheet(&mut self, moment: Moment, sheet: &ProjectSheet) {
        match moment {
            Moment::BeforeChange => {
                (self.sheets_before)
                    .entry(sheet.id.clone())
                    .or_insert_with(|| sheet.clone());
            }
            Moment::AfterChange => {
                self.project_sheets.insert(sheet.id.clone(), sheet.clone());
            }
        }
    }

    /// Records a good practice being typed in, before or after a keystroke's change.
    pub fn record_good_practice(&mut self, moment: Moment, practice: &GoodPractice) {
        match moment {
            Moment::BeforeChange => {
                (self.practices_before)
                    .entry(practice.id.clone())
                    .or_insert_with(|| practice.clone());
            }
            Moment::AfterChange => {
                (self.good_practices).insert(practice.id.clone(), practice.clone());
            }
        }
    }

    /// Forgets the typed items: everything typed is committed.
    pub fn forget_typed_items(&mut self) {
        self.project_sheets.clear();
        self.good_practices.clear();
        self.sheets_before.clear();
        self.practices_before.clear();
    }

    /// Takes the typed items as `stored` has them as their state before the typing still to
    /// commit, and as `shown` has them (that record with the pending changes on top) as their
    /// typed state: the tab has read the record (its own commit, or another tab's), and what it
    /// would commit now is the difference. An item no longer stored (deleted in another tab) is
    /// forgotten.
    pub fn rebase_typed_items(&mut self, stored: &Diagnostic, shown: &Diagnostic) {
        rebase_items(
            (&mut self.sheets_before, &mut self.project_sheets),
            &stored.project_sheets,
            &shown.project_sheets,
            |sheet| &sheet.id,
        );
        rebase_items(
            (&mut self.practices_before, &mut self.good_practices),
            &stored.good_practices,
            &shown.good_practices,
            |practice| &practice.id,
        );
    }

    /// Replays every edit onto the stored diagnostic after a crash: the answers (but not over one
    /// another tab changed since), then, on each
    /// project sheet and good practice that still exists (one deleted since, in another tab,
    /// stays deleted), the fields typed.
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
        let mut replaced = false;
        for sheet in diagnostic.project_sheets.iter_mut() {
            if let Some(typed) = self.project_sheets.get(&sheet.id) {
                match self.sheets_before.get(&sheet.id) {
                    Some(before) => sheet.merge_typed(before, typed),
                    None => sheet.clone_from(typed),
                }
                replaced = true;
            }
        }
        for practice in diagnostic.good_practices.iter_mut() {
            if let Some(typed) = self.good_practices.get(&practice.id) {
                match self.practices_before.get(&practice.id) {
                    Some(before) => practice.merge_typed(before, typed),
                    None => practice.clone_from(typed),
                }
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
        let pending = &self.answers;
        (self.answers_before).retain(|question_id, _| pending.contains_key(question_id));
    }
}

/// Sets each typed item of `journaled` (its state before typing, and as typed) to its state
/// in `stored` and in `shown`; drops the items missing from either.
fn rebase_items<T: Clone>(
    (before, typed): (&mut BTreeMap<String, T>, &mut BTreeMap<String, T>),
    stored: &[T],
    shown: &[T],
    id_of: fn(&T) -> &String,
) {
    let find = |items: &[T], id: &String| items.iter().find(|item| id_of(item) == id).cloned();
    typed.retain(|id, item| match (find(stored, id), find(shown, id)) {
        (Some(stored_item), Some(shown_item)) => {
            before.insert(id.clone(), stored_item);
            *item = shown_item;
            true
        }
        _ => false,
    });
    before.retain(|id, _| typed.contains_key(id));
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

    fn text(value: &str) -> Option<Answer> {
        Some(Answer::Text(value.into()))
    }

    #[test]
    fn a_replay_does_not_put_an_answer_back_over_one_another_tab_changed_since() {
        let mut edits = PendingEdits::default();
        // This tab changed q1 from "Mairie" and q2 from nothing, then was killed.
        edits.record_answer("q1", text("Mairie annexe"), text("Mairie"));
        edits.record_answer("q2", text("Gare"), None);
        let mut stored = diagnostic_with_sheet_and_practice();
        stored.set_answer("q1", text("Communauté de communes"), "2026-01-02T00:00:00Z");
        edits.replay(&mut stored, "2026-01-03T00:00:00Z");
        assert_eq!(
            stored.answers.get("q1"),
            text("Communauté de communes").as_ref()
        );
        assert_eq!(stored.answers.get("q2"), text("Gare").as_ref());

        // Where the stored answer is still the one the tab changed, the change is replayed.
        let mut untouched = diagnostic_with_sheet_and_practice();
        untouched.set_answer("q1", text("Mairie"), "2026-01-02T00:00:00Z");
        edits.replay(&mut untouched, "2026-01-03T00:00:00Z");
        assert_eq!(untouched.answers.get("q1"), text("Mairie annexe").as_ref());
    }

    #[test]
    fn an_answer_read_from_another_tab_becomes_the_base_and_the_first_base_is_kept_until_then() {
        let mut edits = PendingEdits::default();
        edits.record_answer("q1", text("a"), text("x"));
        edits.record_answer("q1", text("ab"), text("a"));
        assert_eq!(edits.answers_before.get("q1"), Some(&text("x")));
        // The tab re-read the record: another tab had stored "y"; this tab's "ab" is shown
        // over it and, after a crash, replayed over it too.
        let mut stored = diagnostic_with_sheet_and_practice();
        stored.set_answer("q1", text("y"), "2026-01-02T00:00:00Z");
        edits.rebase_answers(&stored);
        edits.replay(&mut stored, "2026-01-03T00:00:00Z");
        assert_eq!(stored.answers.get("q1"), text("ab").as_ref());
        // Once committed, the answer and its base are forgotten.
        let committed = edits.clone();
        edits.forget_committed_answers(&committed);
        assert!(edits.answers.is_empty() && edits.answers_before.is_empty());
    }

    #[test]
    fn answers_of_a_journal_without_their_base_are_replayed_as_they_are() {
        let edits = PendingEdits::from_answers([("q1".to_string(), text("Mairie"))].into());
        let mut stored = diagnostic_with_sheet_and_practice();
        stored.set_answer("q1", text("Autre"), "2026-01-02T00:00:00Z");
        edits.replay(&mut stored, "2026-01-03T00:00:00Z");
        assert_eq!(stored.answers.get("q1"), text("Mairie").as_ref());
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
        edits.record_answer("q1", None, Some(Answer::YesNo(true)));
        edits
            .project_sheets
            .insert("s1".into(), typed_sheet("s1", "Aller à Irun"));
        edits
            .good_practices
            .insert("p1".into(), GoodPractice::default());
        edits.record_sheet(Moment::BeforeChange, &typed_sheet("s1", ""));
        edits.record_good_practice(Moment::BeforeChange, &GoodPractice::default());
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

    const LATER: &str = "2026-02-01T00:00:00.000Z";

    #[test]
    fn a_replay_sets_only_the_fields_typed_and_keeps_what_another_tab_changed() {
        let mut diagnostic = diagnostic_with_sheet_and_practice();
        let before = diagnostic.project_sheets[0].clone();
        let practice_before = diagnostic.good_practices[0].clone();
        let mut edits = PendingEdits::default();
        edits.record_sheet(Moment::BeforeChange, &before);
        edits.record_sheet(Moment::AfterChange, &typed_sheet("s1", "Relier les gares"));
        edits.record_good_practice(Moment::BeforeChange, &practice_before);
        edits.record_good_practice(
            Moment::AfterChange,
            &GoodPractice {
                results: "200 visiteurs".into(),
                ..practice_before.clone()
            },
        );
        // Meanwhile another tab stored other fields of the same items.
        diagnostic.project_sheets[0].objectives = "Une navette par heure".into();
        diagnostic.project_sheets[0].title = "Navette Givet – Dinant".into();
        diagnostic.good_practices[0].contact = "Mairie".into();

        edits.replay(&mut diagnostic, LATER);
        let sheet = &diagnostic.project_sheets[0];
        assert_eq!(sheet.need, "Relier les gares", "typed here");
        assert_eq!(sheet.objectives, "Une navette par heure", "typed elsewhere");
        assert_eq!(
            sheet.title, "Navette Givet – Dinant",
            "not typed here: kept"
        );
        let practice = &diagnostic.good_practices[0];
        assert_eq!(practice.results, "200 visiteurs");
        assert_eq!(practice.contact, "Mairie");
    }

    #[test]
    fn a_journal_without_the_state_before_typing_replaces_the_items_whole() {
        // Journals written before the state before typing was kept.
        let mut diagnostic = diagnostic_with_sheet_and_practice();
        diagnostic.project_sheets[0].objectives = "Une navette par heure".into();
        let mut edits = PendingEdits::default();
        edits
            .project_sheets
            .insert("s1".into(), typed_sheet("s1", "Relier les gares"));
        edits.replay(&mut diagnostic, LATER);
        assert_eq!(
            diagnostic.project_sheets[0],
            typed_sheet("s1", "Relier les gares")
        );
    }

    #[test]
    fn the_state_before_typing_is_the_first_recorded_until_rebased_or_forgotten() {
        let mut edits = PendingEdits::default();
        edits.record_sheet(Moment::BeforeChange, &typed_sheet("s1", ""));
        edits.record_sheet(Moment::AfterChange, &typed_sheet("s1", "R"));
        edits.record_sheet(Moment::BeforeChange, &typed_sheet("s1", "R"));
        edits.record_sheet(Moment::AfterChange, &typed_sheet("s1", "Re"));
        assert_eq!(edits.sheets_before["s1"].need, "");
        assert_eq!(edits.project_sheets["s1"].need, "Re");

        // "R" was committed; what is typed next starts from it.
        let mut stored = diagnostic_with_sheet_and_practice();
        stored.project_sheets[0] = typed_sheet("s1", "R");
        let mut shown = stored.clone();
        shown.project_sheets[0] = typed_sheet("s1", "Re");
        edits.rebase_typed_items(&stored, &shown);
        assert_eq!(edits.sheets_before["s1"].need, "R");
        // Typing back to what was committed before "R" is then replayed too.
        edits.record_sheet(Moment::AfterChange, &typed_sheet("s1", ""));
        let mut record = stored.clone();
        edits.replay(&mut record, LATER);
        assert_eq!(record.project_sheets[0].need, "");

        edits.forget_typed_items();
        assert!(edits.is_empty());
        assert!(edits.sheets_before.is_empty() && edits.practices_before.is_empty());
    }

    #[test]
    fn a_replay_does_not_put_a_typed_field_back_over_one_another_tab_stored_since() {
        let mut edits = PendingEdits::default();
        edits.record_sheet(Moment::BeforeChange, &typed_sheet("s1", ""));
        let mut typed = typed_sheet("s1", "Besoin tapé ici");
        typed.objectives = "Objectifs tapés ici".into();
        edits.record_sheet(Moment::AfterChange, &typed);
        // Another tab stored its own need after this tab's last read, then this tab was killed.
        let mut stored = diagnostic_with_sheet_and_practice();
        stored.project_sheets[0].need = "Besoin stocké ailleurs".into();
        edits.replay(&mut stored, LATER);
        let sheet = &stored.project_sheets[0];
        assert_eq!(sheet.need, "Besoin stocké ailleurs");
        assert_eq!(
            sheet.objectives, "Objectifs tapés ici",
            "unchanged elsewhere"
        );
    }

    #[test]
    fn a_record_read_becomes_the_base_of_the_typed_items_and_an_item_deleted_is_forgotten() {
        let mut edits = PendingEdits::default();
        edits.record_sheet(Moment::BeforeChange, &typed_sheet("s1", ""));
        edits.record_sheet(Moment::AfterChange, &typed_sheet("s1", "Besoin tapé ici"));
        edits.record_good_practice(Moment::BeforeChange, &GoodPractice::default());
        edits.record_good_practice(Moment::AfterChange, &GoodPractice::default());
        // The tab reads another tab's commit: a new title and need for the sheet, the practice
        // deleted. It shows its own need over the stored one.
        let mut stored = diagnostic_with_sheet_and_practice();
        stored.project_sheets[0].title = "Navette Givet – Dinant".into();
        stored.project_sheets[0].need = "Besoin stocké ailleurs".into();
        stored.good_practices.clear();
        let mut shown = stored.clone();
        shown.project_sheets[0].need = "Besoin tapé ici".into();
        edits.rebase_typed_items(&stored, &shown);
        assert!(edits.good_practices.is_empty() && edits.practices_before.is_empty());

        // Killed now, the tab's need is replayed (as it would have committed it), the title
        // another tab stored is kept.
        edits.replay(&mut stored, LATER);
        let sheet = &stored.project_sheets[0];
        assert_eq!(sheet.need, "Besoin tapé ici");
        assert_eq!(sheet.title, "Navette Givet – Dinant");
    }

    #[test]
    fn merging_a_sheet_with_every_field_typed_gives_the_typed_sheet() {
        let before = ProjectSheet {
            id: "s1".into(),
            created_at: "2026-01-01T00:00:00.000Z".into(),
            ..ProjectSheet::default()
        };
        let typed = ProjectSheet {
            id: "s1".into(),
            title: "Navette".into(),
            opportunity_id: Some("o1".into()),
            theme_id: Some("mobilite".into()),
            need: "Relier".into(),
            objectives: "Une par heure".into(),
            partners: vec![crate::project::Partner {
                name: "Dinant".into(),
                country: "BE".into(),
                ..Default::default()
            }],
            actions: vec!["Étude".into()],
            budget_class: Some(crate::project::BudgetClass::Under30k),
            funding_sources: vec!["Interreg".into()],
            timeline: "2027".into(),
            partnership_step: crate::project::PartnershipStep::Agreement,
            created_at: "2026-01-01T00:00:00.000Z".into(),
            updated_at: LATER.into(),
        };
        let mut stored = before.clone();
        stored.merge_typed(&before, &typed);
        assert_eq!(stored, typed);
        let practice_before = GoodPractice::default();
        let practice_typed = GoodPractice {
            id: String::new(),
            title: "Fête".into(),
            theme_id: Some("culture".into()),
            partners: "Dinant".into(),
            description: "Une fête".into(),
            results: "200".into(),
            contact: "Mairie".into(),
            updated_at: LATER.into(),
        };
        let mut stored = practice_before.clone();
        stored.merge_typed(&practice_before, &practice_typed);
        assert_eq!(stored, practice_typed);
    }
}
