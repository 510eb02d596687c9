//! Import planning: new, identical, newer, older, conflict and repeated items, the user's
//! choices on conflicts, and the records written.

mod common;

use std::collections::BTreeMap;

use common::{sample_diagnostic, sample_feedback, DIAGNOSTIC_ID, NOW};
use domain::bundle::{
    apply_import, plan_feedback_import, plan_import, ConflictChoice, FeedbackStatus,
    ImportDecision, ImportStatus, IncomingDiagnostic, MotFeedback, COPY_SUFFIX,
};
use domain::diagnostic::MAX_COMMUNE_NAME_CHARS;
use domain::{Answer, Diagnostic};

const OTHER_ID: &str = "0e1d2c3b-4a59-4687-a5b4-c3d2e1f0a9b8";

fn incoming(diagnostic: Diagnostic, notes: bool) -> IncomingDiagnostic {
    let mut diagnostic = diagnostic;
    if !notes {
        diagnostic.private_notes.clear();
    }
    IncomingDiagnostic {
        source_file: "f.json".into(),
        diagnostic,
        private_notes_included: notes,
        migration: None,
        answers_to_correct: Vec::new(),
    }
}

fn edited(mut diagnostic: Diagnostic, level: u8) -> Diagnostic {
    diagnostic.set_answer("gov_relations", Some(Answer::Maturity(level)), NOW);
    diagnostic
}

fn statuses(incoming: &[IncomingDiagnostic], existing: &[Diagnostic]) -> Vec<ImportStatus> {
    plan_import(incoming, existing)
        .iter()
        .map(|d| d.status)
        .collect()
}

#[test]
fn each_item_gets_its_status() {
    let mine = sample_diagnostic(DIAGNOSTIC_ID);
    let existing = vec![mine.clone()];
    assert_eq!(
        statuses(&[incoming(sample_diagnostic(OTHER_ID), false)], &existing),
        [ImportStatus::New]
    );
    // Same content without notes: identical, whatever notes the device holds.
    assert_eq!(
        statuses(&[incoming(mine.clone(), false)], &existing),
        [ImportStatus::Identical]
    );
    assert_eq!(
        statuses(&[incoming(mine.clone(), true)], &existing),
        [ImportStatus::Identical]
    );
    let newer = edited(mine.clone(), 4);
    assert_eq!(
        statuses(&[incoming(newer.clone(), false)], &existing),
        [ImportStatus::Newer]
    );
    assert_eq!(
        statuses(&[incoming(mine.clone(), false)], &[newer]),
        [ImportStatus::Older]
    );
    let mut diverging = edited(mine.clone(), 0);
    diverging.revision = mine.revision;
    assert_eq!(
        statuses(&[incoming(diverging, false)], &existing),
        [ImportStatus::Conflict]
    );
}

#[test]
fn two_versions_of_one_revision_in_an_import_are_told_not_taken_for_duplicates() {
    let town = sample_diagnostic(DIAGNOSTIC_ID);
    let mut other = town.clone();
    // Same revision, other content: changed on two devices from the same copy.
    other.set_answer("gov_relations", Some(Answer::Maturity(1)), NOW);
    other.revision = town.revision;
    let items = [incoming(town.clone(), false), incoming(other, false)];
    let plan = plan_import(&items, &[]);
    let got: Vec<ImportStatus> = plan.iter().map(|d| d.status).collect();
    assert_eq!(got, [ImportStatus::New, ImportStatus::RepeatedDifferent]);
    assert!(plan[1]
        .status
        .label()
        .contains("importez ce fichier seul pour choisir"));
    let writes = apply_import(&plan, &items, &[], &BTreeMap::new(), &mut String::new).unwrap();
    assert_eq!(writes, vec![items[0].diagnostic.clone()]);
}

#[test]
fn the_same_diagnostic_twice_in_an_import_is_planned_once() {
    let older = sample_diagnostic(DIAGNOSTIC_ID);
    let newer = edited(older.clone(), 4);
    let plan = plan_import(
        &[
            incoming(older.clone(), false),
            incoming(newer, false),
            incoming(older, false),
        ],
        &[],
    );
    let got: Vec<ImportStatus> = plan.iter().map(|d| d.status).collect();
    assert_eq!(
        got,
        [
            ImportStatus::Repeated,
            ImportStatus::New,
            ImportStatus::Repeated
        ]
    );
    assert_eq!(plan[1].incoming_revision, 8);
}

#[test]
fn a_newer_revision_replaces_mine_but_keeps_my_private_notes() {
    let mine = sample_diagnostic(DIAGNOSTIC_ID);
    let items = [incoming(edited(mine.clone(), 4), false)];
    let plan = plan_import(&items, std::slice::from_ref(&mine));
    let writes = apply_import(
        &plan,
        &items,
        std::slice::from_ref(&mine),
        &BTreeMap::new(),
        &mut || unreachable!(),
    )
    .unwrap();
    assert_eq!(writes.len(), 1);
    assert_eq!(writes[0].answers["gov_relations"], Answer::Maturity(4));
    assert_eq!(writes[0].private_notes, mine.private_notes);
}

/// "Garder les deux": the incoming diagnostic is written as a copy, with a new id and name.
fn assert_kept_as_copy(
    plan: &[ImportDecision],
    items: &[IncomingDiagnostic],
    existing: &[Diagnostic],
) {
    let choice = BTreeMap::from([(DIAGNOSTIC_ID.to_string(), ConflictChoice::KeepBoth)]);
    let mut new_id = || String::from("11111111-2222-4333-8444-555555555555");
    let both = apply_import(plan, items, existing, &choice, &mut new_id).unwrap();
    assert_eq!(both.len(), 1);
    assert_eq!(both[0].id, "11111111-2222-4333-8444-555555555555");
    assert_eq!(both[0].commune_name(), format!("Givet{COPY_SUFFIX}"));
}

#[test]
fn a_conflict_needs_a_choice_and_each_choice_does_what_it_says() {
    let mine = sample_diagnostic(DIAGNOSTIC_ID);
    let mut theirs = edited(mine.clone(), 0);
    theirs.revision = mine.revision;
    let items = [incoming(theirs.clone(), false)];
    let existing = [mine.clone()];
    let plan = plan_import(&items, &existing);
    let mut no_id = || String::from("never");

    let error = apply_import(&plan, &items, &existing, &BTreeMap::new(), &mut no_id).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Choisissez que faire du diagnostic de Givet : garder votre version, prendre la version \
         importée ou garder les deux."
    );

    let choose = |choice| BTreeMap::from([(DIAGNOSTIC_ID.to_string(), choice)]);
    let kept = apply_import(
        &plan,
        &items,
        &existing,
        &choose(ConflictChoice::KeepMine),
        &mut no_id,
    );
    assert_eq!(kept.unwrap(), Vec::<Diagnostic>::new());

    let taken = apply_import(
        &plan,
        &items,
        &existing,
        &choose(ConflictChoice::TakeTheirs),
        &mut no_id,
    )
    .unwrap();
    assert_eq!(taken[0].answers["gov_relations"], Answer::Maturity(0));
    assert_eq!(taken[0].private_notes, mine.private_notes);

    assert_kept_as_copy(&plan, &items, &existing);
}

#[test]
fn an_older_version_is_skipped_unless_the_user_goes_back_to_it() {
    let older = sample_diagnostic(DIAGNOSTIC_ID);
    let mine = edited(older.clone(), 4);
    let items = [incoming(older.clone(), false)];
    let existing = [mine.clone()];
    let plan = plan_import(&items, &existing);
    let status = plan[0].status;
    assert_eq!(status, ImportStatus::Older);
    assert!(status.offers_choice());
    let choose = |choice| BTreeMap::from([(DIAGNOSTIC_ID.to_string(), choice)]);
    let mut no_id = || String::from("never");

    // Without a choice, or with "keep mine", nothing is written: no choice is required.
    assert!(!status.writes(None));
    let skipped = apply_import(&plan, &items, &existing, &BTreeMap::new(), &mut no_id).unwrap();
    assert_eq!(skipped, Vec::<Diagnostic>::new());
    let kept = apply_import(
        &plan,
        &items,
        &existing,
        &choose(ConflictChoice::KeepMine),
        &mut no_id,
    );
    assert_eq!(kept.unwrap(), Vec::<Diagnostic>::new());

    // Going back: the older answers, my private notes, and the revision after mine, so that
    // the device's later edits and MOT's copy of the later revision see it as the newest.
    assert!(status.writes(Some(ConflictChoice::TakeTheirs)));
    let restored = apply_import(
        &plan,
        &items,
        &existing,
        &choose(ConflictChoice::TakeTheirs),
        &mut no_id,
    )
    .unwrap();
    assert_eq!(restored.len(), 1);
    assert_eq!(
        restored[0].answers["gov_relations"],
        older.answers["gov_relations"]
    );
    assert_ne!(restored[0].answers["gov_relations"], Answer::Maturity(4));
    assert_eq!(restored[0].revision, mine.revision + 1);
    assert_eq!(restored[0].private_notes, mine.private_notes);
    assert_eq!(
        statuses(&[incoming(mine.clone(), false)], &restored),
        [ImportStatus::Older],
        "the later file, imported again, no longer undoes the restoration"
    );

    assert_kept_as_copy(&plan, &items, &existing);
}

#[test]
fn a_revision_at_its_maximum_is_restored_without_overflow() {
    let older = sample_diagnostic(DIAGNOSTIC_ID);
    let mut mine = edited(older.clone(), 4);
    mine.revision = u32::MAX;
    let items = [incoming(older, false)];
    let plan = plan_import(&items, std::slice::from_ref(&mine));
    let choice = BTreeMap::from([(DIAGNOSTIC_ID.to_string(), ConflictChoice::TakeTheirs)]);
    let restored = apply_import(&plan, &items, &[mine], &choice, &mut String::new).unwrap();
    assert_eq!(restored[0].revision, u32::MAX);
}

#[test]
fn a_copy_name_stays_within_the_commune_name_limit() {
    let mut long = sample_diagnostic(DIAGNOSTIC_ID);
    long.set_answer(
        "profil_commune_nom",
        Some(Answer::Text("x".repeat(MAX_COMMUNE_NAME_CHARS))),
        NOW,
    );
    let copy = domain::bundle::copy_of(&long, "id".into());
    assert_eq!(copy.commune_name().chars().count(), MAX_COMMUNE_NAME_CHARS);
    assert!(copy.commune_name().ends_with(COPY_SUFFIX));
}

#[test]
fn feedback_is_planned_against_the_device() {
    let feedback = sample_feedback();
    let ids = [DIAGNOSTIC_ID];
    assert_eq!(
        plan_feedback_import(std::slice::from_ref(&feedback), &[], &ids),
        [FeedbackStatus::New]
    );
    assert_eq!(
        plan_feedback_import(
            std::slice::from_ref(&feedback),
            std::slice::from_ref(&feedback),
            &ids
        ),
        [FeedbackStatus::Identical]
    );
    let mut updated = feedback.clone();
    updated.revision = 2;
    updated.general_comment = "Complément".into();
    assert_eq!(
        plan_feedback_import(
            std::slice::from_ref(&updated),
            std::slice::from_ref(&feedback),
            &ids
        ),
        [FeedbackStatus::Updated]
    );
    assert_eq!(
        plan_feedback_import(std::slice::from_ref(&feedback), &[updated], &ids),
        [FeedbackStatus::Older]
    );
    assert_eq!(
        plan_feedback_import(&[feedback], &[], &[]),
        [FeedbackStatus::UnknownDiagnostic]
    );
    assert!(FeedbackStatus::New.writes() && !FeedbackStatus::Older.writes());
    assert!(!FeedbackStatus::Superseded.writes());
}

#[test]
fn of_several_feedbacks_on_one_diagnostic_only_the_latest_is_written() {
    let ids = [DIAGNOSTIC_ID];
    let second = MotFeedback {
        revision: 2,
        general_comment: "Deuxième version.".into(),
        written_at: "2026-03-06T09:00:00Z".into(),
        ..sample_feedback()
    };
    let third = MotFeedback {
        revision: 3,
        general_comment: "Troisième version.".into(),
        written_at: "2026-03-07T09:00:00Z".into(),
        ..sample_feedback()
    };
    // Two files of the same feedback dropped together, the later one first: it alone is written.
    assert_eq!(
        plan_feedback_import(&[third.clone(), second.clone()], &[], &ids),
        [FeedbackStatus::New, FeedbackStatus::Superseded]
    );
    assert_eq!(
        plan_feedback_import(
            &[second.clone(), third.clone()],
            std::slice::from_ref(&sample_feedback()),
            &ids
        ),
        [FeedbackStatus::Superseded, FeedbackStatus::Updated]
    );

    // Another feedback (another MOT device) on the same diagnostic: the later date wins,
    // whatever its revision.
    let from_elsewhere = MotFeedback {
        id: "0f0f0f0f-0000-4000-8000-000000000001".into(),
        revision: 1,
        general_comment: "Écrit sur un autre poste.".into(),
        written_at: "2026-03-06T12:00:00Z".into(),
        ..sample_feedback()
    };
    assert_eq!(
        plan_feedback_import(
            std::slice::from_ref(&from_elsewhere),
            std::slice::from_ref(&third),
            &ids
        ),
        [FeedbackStatus::Older]
    );
    assert_eq!(
        plan_feedback_import(
            std::slice::from_ref(&from_elsewhere),
            std::slice::from_ref(&second),
            &ids
        ),
        [FeedbackStatus::Updated]
    );
    assert_eq!(
        plan_feedback_import(&[from_elsewhere, third], &[second], &ids),
        [FeedbackStatus::Superseded, FeedbackStatus::Updated]
    );
}

#[test]
fn a_feedback_written_earlier_in_another_time_zone_does_not_replace_a_later_one() {
    let stored = sample_feedback();
    let mut other = sample_feedback();
    other.id = OTHER_ID.into();
    // 18:00 at UTC+8 is 10:00 UTC, four hours before the stored one (14:00 UTC).
    other.written_at = "2026-03-05T18:00:00+08:00".into();
    let ids = [DIAGNOSTIC_ID];
    assert_eq!(
        plan_feedback_import(
            std::slice::from_ref(&other),
            std::slice::from_ref(&stored),
            &ids
        ),
        [FeedbackStatus::Older]
    );
    other.written_at = "2026-03-05T16:00:00+01:00".into();
    assert_eq!(
        plan_feedback_import(
            std::slice::from_ref(&other),
            std::slice::from_ref(&stored),
            &ids
        ),
        [FeedbackStatus::Updated]
    );
}

#[test]
fn an_id_written_in_capitals_is_the_same_diagnostic() {
    let mine = sample_diagnostic(DIAGNOSTIC_ID);
    let mut value: serde_json::Value = serde_json::from_str(&domain::bundle::to_json_pretty(
        &domain::bundle::export_for_mot(std::slice::from_ref(&mine), "0.1.0", common::NOW, false),
    ))
    .unwrap();
    value["diagnostics"][0]["id"] = serde_json::json!(DIAGNOSTIC_ID.to_uppercase());
    let mut item = value["diagnostics"][0].as_object().unwrap().clone();
    item.remove("digest");
    value["diagnostics"][0]["digest"] = serde_json::json!(domain::bundle::sha256_hex(
        &domain::bundle::canonical_json(&serde_json::Value::Object(item))
    ));
    let valid = domain::bundle::parse_bundle(
        "x.json",
        value.to_string().as_bytes(),
        common::questionnaire(),
    )
    .unwrap();
    assert_eq!(valid.diagnostics[0].diagnostic.id, DIAGNOSTIC_ID);
    assert_eq!(
        statuses(&valid.diagnostics, std::slice::from_ref(&mine)),
        [ImportStatus::Identical]
    );
}
