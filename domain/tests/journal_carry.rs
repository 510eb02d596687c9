//! A crash journal written by the version-1 app, replayed onto a diagnostic already carried to
//! version 2: its answers go where the declared mappings take them, or to the note of answers
//! not carried over; none is lost, none is set on a question the questionnaire lacks.

mod common;

use common::questionnaire;
use domain::bundle::{embedded_migrations, migrate_answers, UNMAPPED_NOTE_KEY};
use domain::pending_edits::PendingEdits;
use domain::{Answer, Diagnostic};

const NOW: &str = "2026-03-02T10:00:00Z";

/// A diagnostic stored under version 1 and carried to the current version.
fn carried(answers: &[(&str, Answer)]) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(
        "00000000-0000-4000-8000-000000000002".into(),
        "Modane",
        "2026-01-01T00:00:00Z",
        &questionnaire().id,
        1,
    );
    for (id, answer) in answers {
        diagnostic.answers.insert(id.to_string(), answer.clone());
    }
    migrate_answers(
        &mut diagnostic,
        embedded_migrations().expect("table"),
        questionnaire(),
    );
    diagnostic
}

fn choice(id: &str) -> Option<Answer> {
    Some(Answer::Choice(id.into()))
}

fn replay(edits: &PendingEdits, diagnostic: &mut Diagnostic) {
    let table = embedded_migrations().expect("table");
    edits.replay_carried(diagnostic, NOW, table, questionnaire());
}

#[test]
fn a_journaled_answer_to_a_merged_question_goes_to_the_question_it_joined() {
    let mut diagnostic = carried(&[("spu_point_info", Answer::Choice("non".into()))]);
    assert_eq!(
        diagnostic.answers.get("emp_information"),
        choice("non").as_ref()
    );
    let mut edits = PendingEdits::default();
    // Typed in the older app's « Services publics » over the « non » it showed.
    edits.record_answer("spu_point_info", choice("sur_place"), choice("non"));
    edits.record_answer("gov_relations", Some(Answer::Maturity(3)), None);
    replay(&edits, &mut diagnostic);
    assert_eq!(
        diagnostic.answers.get("emp_information"),
        choice("sur_place").as_ref()
    );
    assert_eq!(
        diagnostic.answers.get("gov_relations"),
        Some(&Answer::Maturity(3))
    );
    assert!(!diagnostic.answers.contains_key("spu_point_info"));
    assert!(!diagnostic.private_notes.contains_key(UNMAPPED_NOTE_KEY));
}

#[test]
fn a_journaled_answer_that_cannot_be_carried_is_kept_in_the_note() {
    // Both information points were answered: « Emploi »'s is the one kept.
    let mut diagnostic = carried(&[
        ("emp_information", Answer::Choice("non".into())),
        ("spu_point_info", Answer::Choice("moins_30_min".into())),
    ]);
    let revision = diagnostic.revision;
    let mut edits = PendingEdits::default();
    edits.record_answer(
        "spu_point_info",
        choice("sur_place"),
        choice("moins_30_min"),
    );
    edits.record_answer("mob_navetteurs", Some(Answer::Number(450.0)), None);
    replay(&edits, &mut diagnostic);
    assert_eq!(
        diagnostic.answers.get("emp_information"),
        choice("non").as_ref()
    );
    assert!(!diagnostic.answers.contains_key("spu_point_info"));
    assert!(!diagnostic.answers.contains_key("mob_navetteurs"));
    let note = &diagnostic.private_notes[UNMAPPED_NOTE_KEY];
    assert!(note.contains("Réponses saisies dans une version précédente de l'application"));
    assert!(
        note.contains("- spu_point_info : {\"kind\":\"choice\",\"value\":\"sur_place\"}"),
        "{note}"
    );
    assert!(
        note.contains("- mob_navetteurs : {\"kind\":\"number\",\"value\":450.0} (la question a été retirée en version 2 du questionnaire)"),
        "{note}"
    );
    assert!(
        diagnostic.revision > revision,
        "the note is a change to store"
    );
    // Replayed again (the journal not cleared yet), the note does not grow.
    let once = diagnostic.private_notes.clone();
    replay(&edits, &mut diagnostic);
    assert_eq!(diagnostic.private_notes, once);
}

#[test]
fn a_journal_of_the_current_version_replays_as_before() {
    let mut diagnostic = carried(&[]);
    let mut edits = PendingEdits::default();
    edits.record_answer("emp_information", choice("plus_loin"), None);
    let mut expected = diagnostic.clone();
    edits.replay(&mut expected, NOW);
    replay(&edits, &mut diagnostic);
    assert_eq!(diagnostic, expected);
}
