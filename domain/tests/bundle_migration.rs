//! Older bundles are migrated: format version 0 to 1, and answers given against an older
//! questionnaire version carried over by declared mappings, with what could not be mapped kept.

mod common;

use common::{questionnaire, sample_diagnostic, DIAGNOSTIC_ID, NOW};
use std::collections::BTreeMap;

use domain::bundle::{
    apply_import, embedded_migrations, export_for_mot, parse_bundle, parse_bundle_with,
    plan_import, to_json_pretty, ImportContext, ImportStatus, MigrationStep, MigrationTable,
    ValidBundle, MAX_TEXT_CHARS, UNMAPPED_NOTE_KEY,
};
use domain::{Answer, DiagnosticStatus, Questionnaire};

const V0: &str = include_str!("fixtures/bundle-v0.json");

#[test]
fn a_format_0_bundle_is_read_as_format_1() {
    let valid = parse_bundle("ancien.json", V0.as_bytes(), questionnaire()).unwrap();
    assert_eq!(valid.format_version, 0);
    assert_eq!(valid.app_version, "0.0.1-prototype");
    assert_eq!(valid.exported_at, "2025-11-20T08:30:00Z");
    let incoming = &valid.diagnostics[0];
    let diagnostic = &incoming.diagnostic;
    assert_eq!(diagnostic.id, "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e");
    assert_eq!(diagnostic.revision, 4);
    assert_eq!(diagnostic.status, DiagnosticStatus::Completed);
    assert_eq!(diagnostic.commune_name(), "Hendaye");
    assert_eq!(diagnostic.insee_code(), Some("64260"));
    assert!(incoming.private_notes_included);
    assert_eq!(
        diagnostic
            .private_notes
            .get("gouvernance")
            .map(String::as_str),
        Some("Consorcio Bidasoa-Txingudi.")
    );
    assert!(valid.notices()[0].contains("converti au format 1"));
}

#[test]
fn a_format_0_bundle_is_checked_like_any_other() {
    let level_7 = |text: &str| {
        text.replace(
            "\"kind\": \"maturity\", \"value\": 3",
            "\"kind\": \"maturity\", \"value\": 7",
        )
    };
    // Answers given against the current questionnaire version are checked against it.
    let current = V0.replace(
        "\"version\": 1 }",
        &format!("\"version\": {} }}", questionnaire().version),
    );
    assert_ne!(current, V0);
    let broken = level_7(&current);
    let rejection = parse_bundle("ancien.json", broken.as_bytes(), questionnaire()).unwrap_err();
    assert!(
        rejection.to_string().contains("Le niveau 7 n'existe pas"),
        "{rejection}"
    );
    // Against an older version (the app no longer has its definition), an answer that does not
    // fit is carried over like any other: kept aside, listed, never lost.
    let valid = parse_bundle("ancien.json", level_7(V0).as_bytes(), questionnaire()).unwrap();
    let unmapped = &valid.diagnostics[0].migration.as_ref().unwrap().unmapped;
    assert_eq!(unmapped[0].question_id, "gov_relations");
    assert!(unmapped[0].reason.contains("Le niveau 7 n'existe pas"));
    // An INSEE code not well formed is kept for correction, as the app keeps it when typed.
    let to_correct = V0.replace("\"64260\"", "\"6426\"");
    let valid = parse_bundle("ancien.json", to_correct.as_bytes(), questionnaire()).unwrap();
    assert!(valid
        .notices()
        .iter()
        .any(|notice| notice.contains("1 réponse à corriger")));
    let broken = V0.replace("\"rev\"", "\"revision\"");
    let rejection = parse_bundle("ancien.json", broken.as_bytes(), questionnaire()).unwrap_err();
    assert_eq!(rejection.problems[0].field_path, "items[0].rev");
}

#[test]
fn the_embedded_migration_table_is_readable() {
    let table = embedded_migrations().unwrap();
    assert_eq!(table.questionnaire_id, questionnaire().id);
    for step in &table.steps {
        assert!(step.from_version < step.to_version);
        assert!(step.to_version <= questionnaire().version);
    }
}

/// The current questionnaire as a later version would change it: a question renamed, an option
/// renamed, a question dropped, an option removed.
fn next_version() -> (Questionnaire, MigrationTable) {
    let mut next = questionnaire().clone();
    next.version += 1;
    for step in &mut next.steps {
        step.questions.retain(|q| q.id != "san_temps_voisin");
        for question in &mut step.questions {
            if question.id == "gov_relations" {
                question.id = "gov_relations_voisins".into();
            }
            if let domain::QuestionKind::SingleChoice { options, .. }
            | domain::QuestionKind::MultipleChoice { options, .. } = &mut question.kind
            {
                for option in options.iter_mut() {
                    if question.id == "gov_instances" && option.id == "ponctuellement" {
                        option.id = "parfois".into();
                    }
                }
                if question.id == "mob_desserte" {
                    options.retain(|o| o.id != "bus");
                }
            }
        }
    }
    let step = MigrationStep {
        from_version: questionnaire().version,
        to_version: next.version,
        description: "Essai".into(),
        renamed_questions: [(
            "gov_relations".to_string(),
            "gov_relations_voisins".to_string(),
        )]
        .into(),
        renamed_options: [(
            "gov_instances".to_string(),
            [("ponctuellement".to_string(), "parfois".to_string())].into(),
        )]
        .into(),
        renamed_steps: Default::default(),
        dropped_questions: ["san_temps_voisin".to_string()].into(),
    };
    let table = MigrationTable {
        description: String::new(),
        questionnaire_id: next.id.clone(),
        steps: vec![step],
    };
    (next, table)
}

/// The sample diagnostic, exported for MOT today, read by the next questionnaire version.
fn sample_read_by_next_version() -> (Questionnaire, ValidBundle) {
    let (next, table) = next_version();
    let context = ImportContext {
        questionnaire: &next,
        migrations: &table,
    };
    let json = to_json_pretty(&export_for_mot(
        &[sample_diagnostic(DIAGNOSTIC_ID)],
        "0.1.0",
        NOW,
        false,
    ));
    let valid = parse_bundle_with("x.json", json.as_bytes(), &context).unwrap();
    (next, valid)
}

#[test]
fn answers_to_an_older_questionnaire_are_carried_over_and_nothing_is_lost() {
    let (next, valid) = sample_read_by_next_version();
    let incoming = &valid.diagnostics[0];
    let diagnostic = &incoming.diagnostic;
    assert_eq!(diagnostic.questionnaire_version, next.version);
    assert_eq!(
        diagnostic.answers.get("gov_relations_voisins"),
        Some(&Answer::Maturity(2))
    );
    assert!(!diagnostic.answers.contains_key("gov_relations"));
    assert_eq!(
        diagnostic.answers.get("gov_instances"),
        Some(&Answer::Choice("parfois".into()))
    );
    assert!(!diagnostic.answers.contains_key("san_temps_voisin"));
    assert!(!diagnostic.answers.contains_key("mob_desserte"));

    let report = incoming.migration.as_ref().unwrap();
    assert_eq!(report.moved.len(), 1);
    assert_eq!(report.moved[0].from_question, "gov_relations");
    let unmapped: Vec<&str> = report
        .unmapped
        .iter()
        .map(|u| u.question_id.as_str())
        .collect();
    assert_eq!(unmapped, ["san_temps_voisin", "mob_desserte"]);
    assert!(report.unmapped[0].reason.contains("retirée"));
    assert!(report.unmapped[1].reason.contains("« bus »"));

    let note = &diagnostic.private_notes[UNMAPPED_NOTE_KEY];
    assert!(
        note.contains("san_temps_voisin : {\"kind\":\"number\",\"value\":25.0}"),
        "{note}"
    );
    assert!(note.contains("mob_desserte"), "{note}");
    let notices = valid.notices().join("\n");
    assert!(notices.contains("1 déplacée, 2 non reprises"), "{notices}");
}

#[test]
fn without_a_declared_step_ids_are_kept() {
    let (next, _) = next_version();
    let empty = MigrationTable {
        questionnaire_id: next.id.clone(),
        ..MigrationTable::default()
    };
    let context = ImportContext {
        questionnaire: &next,
        migrations: &empty,
    };
    let json = to_json_pretty(&export_for_mot(
        &[sample_diagnostic(DIAGNOSTIC_ID)],
        "0.1.0",
        NOW,
        false,
    ));
    let valid = parse_bundle_with("x.json", json.as_bytes(), &context).unwrap();
    let diagnostic = &valid.diagnostics[0].diagnostic;
    assert_eq!(
        diagnostic.answers.get("profil_code_insee"),
        Some(&Answer::Text("08190".into()))
    );
    let report = valid.diagnostics[0].migration.as_ref().unwrap();
    // gov_relations is unknown to the next version and nothing maps it: kept aside, listed.
    assert!(report
        .unmapped
        .iter()
        .any(|u| u.question_id == "gov_relations"));
}

/// Imports `valid` over the device's copy of the sample: an older revision, already at the
/// `next` questionnaire version, with the private note `note_key` = `note`. Returns what is written.
fn import_over_device_copy(
    next: &Questionnaire,
    valid: &ValidBundle,
    note_key: &str,
    note: &str,
) -> Vec<domain::Diagnostic> {
    let mut mine = sample_diagnostic(DIAGNOSTIC_ID);
    mine.revision -= 1;
    mine.questionnaire_version = next.version;
    mine.private_notes.insert(note_key.into(), note.into());
    let existing = [mine];
    let decisions = plan_import(&valid.diagnostics, &existing);
    assert_eq!(decisions[0].status, ImportStatus::Newer);
    apply_import(
        &decisions,
        &valid.diagnostics,
        &existing,
        &BTreeMap::new(),
        &mut || unreachable!("no copy"),
    )
    .unwrap()
}

#[test]
fn answers_kept_aside_survive_an_import_over_the_device_copy_and_its_notes() {
    let (next, valid) = sample_read_by_next_version();
    // The device holds an older revision, with a note of its own.
    let writes = import_over_device_copy(&next, &valid, "gouvernance", "Appeler le DGS");
    let notes = &writes[0].private_notes;
    assert_eq!(notes["gouvernance"], "Appeler le DGS");
    assert!(
        notes[UNMAPPED_NOTE_KEY].contains("san_temps_voisin"),
        "{notes:?}"
    );
}

#[test]
fn the_note_of_answers_kept_aside_stays_within_the_text_limit_so_a_backup_reads_back() {
    let (next, valid) = sample_read_by_next_version();
    // The device's note of answers kept aside by earlier imports is nearly full.
    let earlier = format!("Réponses plus anciennes : {}", "x".repeat(9_960));
    let writes = import_over_device_copy(&next, &valid, UNMAPPED_NOTE_KEY, &earlier);
    let note = &writes[0].private_notes[UNMAPPED_NOTE_KEY];
    assert_eq!(note.chars().count(), MAX_TEXT_CHARS);
    assert!(note.starts_with("[…] "), "the oldest text is cut");
    assert!(note.contains("san_temps_voisin"), "the newest is kept");

    // A backup of the diagnostic, notes included, is read back.
    let context = ImportContext {
        questionnaire: &next,
        migrations: &MigrationTable::default(),
    };
    let json = to_json_pretty(&export_for_mot(&writes, "0.1.0", NOW, true));
    parse_bundle_with("sauvegarde.json", json.as_bytes(), &context).unwrap();
}

#[test]
fn a_note_on_a_step_a_later_version_drops_joins_the_note_of_what_was_not_carried_over() {
    let (mut next, table) = next_version();
    next.steps.retain(|step| step.id != "sante");
    let mut diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    diagnostic
        .private_notes
        .insert("sante".into(), "Appeler l'hôpital de Dinant.".into());
    diagnostic
        .private_notes
        .insert("gouvernance".into(), "Relancer la préfecture.".into());
    domain::bundle::migrate_answers(&mut diagnostic, &table, &next);
    assert!(!diagnostic.private_notes.contains_key("sante"));
    assert_eq!(
        diagnostic.private_notes["gouvernance"],
        "Relancer la préfecture."
    );
    assert!(
        diagnostic.private_notes[UNMAPPED_NOTE_KEY].contains(&format!(
            "Note de l'étape « sante », absente de la version {} : Appeler l'hôpital de Dinant.",
            next.version
        ))
    );
    // Its later backups read back with that version.
    let backup = domain::bundle::export_backup(&[diagnostic], &[], "0.2.0", NOW);
    let context = ImportContext {
        questionnaire: &next,
        migrations: &table,
    };
    assert!(parse_bundle_with("b.json", to_json_pretty(&backup).as_bytes(), &context).is_ok());
}
