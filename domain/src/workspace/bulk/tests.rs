//! Tests of the bulk import plan: outcomes per file, notices, the summary.
use super::*;
use crate::bundle::{export_for_mot, parse_bundle, to_json_pretty};
use crate::questionnaire::Questionnaire;
use crate::workspace::sample::realistic_diagnostics;

fn bundle_of(file_name: &str, diagnostics: &[Diagnostic]) -> ValidBundle {
    let bundle = export_for_mot(diagnostics, "0.1.0", "2026-11-27T10:00:00Z", false);
    let questionnaire = Questionnaire::embedded().expect("embedded questionnaire");
    parse_bundle(file_name, to_json_pretty(&bundle).as_bytes(), questionnaire)
        .expect("a freshly exported bundle is valid")
}

#[test]
fn new_files_are_written_and_reported_new() {
    let towns = realistic_diagnostics(3, 1);
    let bundles: Vec<ValidBundle> = towns
        .iter()
        .enumerate()
        .map(|(i, d)| bundle_of(&format!("f{i}.json"), std::slice::from_ref(d)))
        .collect();
    let plan = plan_bulk(&bundles, &[]);
    assert_eq!(plan.writes.len(), 3);
    assert!(plan.reports.iter().all(|r| r.outcome == FileOutcome::New));
    assert_eq!(plan.reports[1].file_name, "f1.json");
    assert!(plan.reports[1].details[0].starts_with(towns[1].commune_name()));
}

#[test]
fn answers_to_correct_are_imported_and_listed_in_the_file_report() {
    let mut town = realistic_diagnostics(1, 7).remove(0);
    town.set_answer(
        "profil_population",
        Some(crate::Answer::Number(250_000.0)),
        "2026-11-27T09:00:00Z",
    );
    let plan = plan_bulk(&[bundle_of("f.json", std::slice::from_ref(&town))], &[]);
    assert_eq!(plan.writes, vec![town]);
    let notices = &plan.reports[0].notices;
    assert!(
        notices
            .iter()
            .any(|line| line.contains("1 réponse à corriger")
                && line.contains("Population de la commune")),
        "{notices:#?}"
    );
    assert!(plan.reports[0].to_examine(), "imported, and worth a look");
}

#[test]
fn a_new_diagnostic_of_a_commune_already_there_is_told() {
    let towns = realistic_diagnostics(2, 3);
    let mut again = towns[0].clone();
    again.id = "0e1d2c3b-4a59-4687-a5b4-c3d2e1f0a9b8".into();
    let code = towns[0].insee_code().expect("an INSEE code").to_string();
    let plan = plan_bulk(
        &[
            bundle_of("a.json", std::slice::from_ref(&again)),
            bundle_of("b.json", &towns[1..]),
        ],
        &towns[..1],
    );
    assert_eq!(plan.writes.len(), 2, "written all the same");
    let told = &plan.reports[0].notices;
    assert!(
        told.iter().any(|n| n.contains(&format!(
            "un autre diagnostic porte déjà le code INSEE {code}"
        ))),
        "{told:#?}"
    );
    assert!(plan.reports[1].notices.is_empty(), "another commune");
}

#[test]
fn identical_newer_older_and_conflict_are_told_apart() {
    let towns = realistic_diagnostics(4, 2);
    let mut stored = towns.clone();
    // Device has a later revision of town 2, an earlier of town 1, and other content of town 3.
    stored[1].revision -= 1;
    stored[2].revision += 1;
    stored[3].private_notes.insert("x".into(), "y".into());
    stored[3]
        .answers
        .insert("profil_population".into(), crate::Answer::Number(1.0));
    let bundles: Vec<ValidBundle> = towns
        .iter()
        .enumerate()
        .map(|(i, d)| bundle_of(&format!("f{i}.json"), std::slice::from_ref(d)))
        .collect();
    let plan = plan_bulk(&bundles, &stored);
    let outcomes: Vec<FileOutcome> = plan.reports.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [
            FileOutcome::Identical,
            FileOutcome::Updated,
            FileOutcome::Older,
            FileOutcome::Conflict
        ]
    );
    // Only the later revision is written; the conflict keeps the device's version.
    assert_eq!(plan.writes.len(), 1);
    assert_eq!(plan.writes[0].id, towns[1].id);
    assert!(plan.reports[3].details[0].contains("Importer"));
}

#[test]
fn a_file_repeated_in_the_import_is_written_once() {
    let town = realistic_diagnostics(1, 3);
    let bundles = [bundle_of("a.json", &town), bundle_of("b.json", &town)];
    let plan = plan_bulk(&bundles, &[]);
    assert_eq!(plan.writes.len(), 1);
    assert_eq!(plan.reports[0].outcome, FileOutcome::New);
    assert_eq!(plan.reports[1].outcome, FileOutcome::Repeated);
}

#[test]
fn a_backup_of_several_towns_shows_its_most_important_outcome() {
    let towns = realistic_diagnostics(2, 4);
    let plan = plan_bulk(&[bundle_of("sauvegarde.json", &towns)], &towns[..1]);
    assert_eq!(plan.reports.len(), 1);
    assert_eq!(plan.reports[0].outcome, FileOutcome::New);
    assert_eq!(plan.reports[0].details.len(), 2);
}

#[test]
fn the_summary_counts_every_outcome_in_french() {
    let report = |outcome| FileReport {
        file_name: "f.json".into(),
        outcome,
        details: vec![],
        notices: vec![],
        written: usize::from(outcome == FileOutcome::New),
    };
    let mut reports = vec![report(FileOutcome::New); 47];
    reports.extend(vec![report(FileOutcome::Rejected); 3]);
    let summary = BulkSummary::of(&reports);
    assert_eq!(summary.count(FileOutcome::New), 47);
    assert_eq!(
        summary.sentence(),
        "50 fichiers traités : 47 nouveaux, 0 mis à jour, 0 déjà présent, 0 en conflit, 3 refusés ; 47 diagnostics enregistrés."
    );
    let one = BulkSummary::of(&[report(FileOutcome::Older)]);
    assert_eq!(
        one.sentence(),
        "1 fichier traité : 0 nouveau, 0 mis à jour, 0 déjà présent, 1 plus ancien, 0 en conflit, 0 refusé ; 0 diagnostic enregistré."
    );
    // A backup of 300 towns is one file, and 300 diagnostics written.
    let mut backup = report(FileOutcome::New);
    backup.written = 300;
    assert!(BulkSummary::of(&[backup])
        .sentence()
        .ends_with("; 300 diagnostics enregistrés."));
}
