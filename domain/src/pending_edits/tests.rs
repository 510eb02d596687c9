//! Tests of the crash journal's edits: recording, rebasing on a record read, replaying.

use super::*;

fn diagnostic_with_sheet_and_practice() -> Diagnostic {
    let mut diagnostic = Diagnostic::new("d1".into(), "Givet", "2026-01-01T00:00:00.000Z", "q", 1);
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
    edits.record_created_sheet(&typed_sheet("s2", ""));
    edits.record_deleted_item("p9");
    edits.record_theme_not_concerned(Moment::BeforeChange, "mobilite", false);
    edits.record_theme_not_concerned(Moment::AfterChange, "mobilite", true);
    edits.record_completed();
    edits.record_private_note("gouvernance", "À vérifier", "");
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

#[test]
fn a_sheet_created_here_and_never_stored_is_added_by_a_replay_with_what_was_typed() {
    let mut edits = PendingEdits::default();
    let created = typed_sheet("s2", "");
    edits.record_created_sheet(&created);
    edits.record_sheet(Moment::BeforeChange, &created);
    edits.record_sheet(Moment::AfterChange, &typed_sheet("s2", "Relier les gares"));
    let mut stored = diagnostic_with_sheet_and_practice();
    edits.replay(&mut stored, LATER);
    assert_eq!(stored.project_sheets.len(), 2);
    assert_eq!(
        stored.project_sheets[1],
        typed_sheet("s2", "Relier les gares")
    );
    assert_eq!(stored.updated_at, LATER);
    // Replayed again (another tab's journal was replayed first, say), it is not added twice.
    edits.replay(&mut stored, LATER);
    assert_eq!(stored.project_sheets.len(), 2);
}

#[test]
fn a_created_item_not_stored_yet_survives_a_read_and_is_forgotten_once_deleted_here() {
    let mut edits = PendingEdits::default();
    let practice = GoodPractice {
        id: "p2".into(),
        title: "Marché commun".into(),
        ..GoodPractice::default()
    };
    edits.record_created_good_practice(&practice);
    // Another tab's commit is read: the practice is not stored (this tab's disk is full).
    let stored = diagnostic_with_sheet_and_practice();
    let mut shown = stored.clone();
    shown.good_practices.push(practice.clone());
    edits.rebase_typed_items(&stored, &shown);
    assert_eq!(edits.good_practices.get("p2"), Some(&practice));
    assert!(edits.created_items.contains("p2"));

    edits.record_deleted_item("p2");
    assert!(edits.is_empty(), "never stored: nothing to remove");
    assert!(edits.created_items.is_empty() && edits.deleted_items.is_empty());

    // Once stored, it is an item like the others.
    edits.record_created_good_practice(&practice);
    edits.rebase_typed_items(&shown, &shown);
    assert!(edits.created_items.is_empty());
    assert_eq!(edits.practices_before.get("p2"), Some(&practice));
}

#[test]
fn an_item_deleted_here_is_removed_by_a_replay_until_a_read_record_no_longer_has_it() {
    let mut edits = PendingEdits::default();
    edits.record_sheet(Moment::BeforeChange, &typed_sheet("s1", ""));
    edits.record_sheet(Moment::AfterChange, &typed_sheet("s1", "Relier"));
    edits.record_deleted_item("s1");
    assert!(edits.project_sheets.is_empty() && edits.sheets_before.is_empty());
    assert!(!edits.is_empty());
    let mut stored = diagnostic_with_sheet_and_practice();
    edits.replay(&mut stored, LATER);
    assert!(stored.project_sheets.is_empty());
    assert_eq!(stored.good_practices.len(), 1, "the practice stays");

    edits.rebase_typed_items(&stored, &stored);
    assert!(edits.is_empty(), "the deletion is stored");
}

#[test]
fn a_theme_marked_not_concerned_is_replayed_unless_another_tab_changed_it_since() {
    let mut edits = PendingEdits::default();
    edits.record_theme_not_concerned(Moment::BeforeChange, "mobilite", false);
    edits.record_theme_not_concerned(Moment::AfterChange, "mobilite", true);
    edits.record_theme_not_concerned(Moment::BeforeChange, "sante", true);
    edits.record_theme_not_concerned(Moment::AfterChange, "sante", false);
    assert!(!edits.is_empty());
    let mut stored = diagnostic_with_sheet_and_practice();
    stored.not_concerned_themes.insert("sante".into());
    edits.replay(&mut stored, LATER);
    assert!(stored.not_concerned_themes.contains("mobilite"));
    assert!(!stored.not_concerned_themes.contains("sante"));
    assert_eq!(stored.updated_at, LATER);

    // The tab reads a record where neither theme is marked: that is its state before. Another
    // tab then marks "sante" again: a replay keeps that mark, and still marks "mobilite".
    let mut other = diagnostic_with_sheet_and_practice();
    edits.rebase_typed_items(&other, &other);
    assert_eq!(edits.themes_before.get("sante"), Some(&false), "rebased");
    other.not_concerned_themes.insert("sante".into());
    edits.replay(&mut other, LATER);
    assert!(
        other.not_concerned_themes.contains("sante"),
        "marked by another tab after this tab's last read: kept"
    );
    assert!(other.not_concerned_themes.contains("mobilite"));

    edits.forget_typed_items();
    assert!(edits.is_empty() && edits.themes_before.is_empty());
}

#[test]
fn a_diagnostic_completed_here_is_completed_by_a_replay_and_the_mark_goes_once_stored() {
    let mut edits = PendingEdits::default();
    edits.record_completed();
    assert!(!edits.is_empty(), "a completion alone is worth journaling");
    let read: PendingEdits = serde_json::from_str(&serde_json::to_string(&edits).unwrap()).unwrap();
    assert_eq!(read, edits);

    let mut stored = diagnostic_with_sheet_and_practice();
    let revision = stored.revision;
    edits.replay(&mut stored, LATER);
    assert_eq!(stored.status, DiagnosticStatus::Completed);
    assert_eq!(
        (stored.revision, stored.updated_at.as_str()),
        (revision + 1, LATER)
    );

    // Replaying it again (a second tab's journal) changes nothing more.
    edits.replay(&mut stored, "2026-03-01T00:00:00.000Z");
    assert_eq!(stored.updated_at, LATER);

    edits.forget_typed_items();
    assert!(edits.is_empty());
}

#[test]
fn a_private_note_typed_here_is_replayed_unless_another_tab_stored_one_since() {
    let mut edits = PendingEdits::default();
    edits.record_private_note("gouvernance", "Voir le DGS", "");
    edits.record_private_note("gouvernance", "Voir le DGS lundi", "Voir le DGS");
    edits.record_private_note("mobilite", "", "Ancienne note");
    assert!(!edits.is_empty());
    assert_eq!(
        edits.private_notes_before["gouvernance"], "",
        "the first state before"
    );

    let mut stored = diagnostic_with_sheet_and_practice();
    stored
        .private_notes
        .insert("mobilite".into(), "Ancienne note".into());
    edits.replay(&mut stored, LATER);
    assert_eq!(note_of(&stored, "gouvernance"), "Voir le DGS lundi");
    assert_eq!(note_of(&stored, "mobilite"), "", "cleared");
    assert!(!stored.private_notes.contains_key("mobilite"));
    assert_eq!(stored.updated_at, LATER);

    // Another tab stored its own note after this tab last read the record: it stays.
    let mut other = diagnostic_with_sheet_and_practice();
    edits.rebase_typed_items(&other, &other);
    other
        .private_notes
        .insert("gouvernance".into(), "Note de l'autre onglet".into());
    edits.replay(&mut other, LATER);
    assert_eq!(note_of(&other, "gouvernance"), "Note de l'autre onglet");

    edits.forget_typed_items();
    assert!(edits.is_empty() && edits.private_notes_before.is_empty());
}
