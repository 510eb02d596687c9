//! A real export of questionnaire version 1 (written by the version-1 app: two towns of
//! `sample_bundles`, one of them changed through the app's own API), imported into the
//! current version: each reworded, merged and removed question, and the import report's lines.
//!
//! The fixture `fixtures/questionnaire-v1-export.json` is a backup (private notes included) of
//! Longwy, which answered the information point in both « Emploi » and « Services publics », and
//! of Breil-sur-Roya, which answered it only in « Services publics » and has a project at the
//! idea stage with the cooperation criteria ticked.

mod common;

use common::questionnaire;
use domain::bundle::{
    embedded_migrations, export_backup, parse_bundle, to_json_pretty, IncomingDiagnostic,
    MigrationReport, ValidBundle, UNMAPPED_NOTE_KEY,
};
use domain::questionnaire::is_question_visible;
use domain::{Answer, Diagnostic};
use serde_json::Value;

const FILE: &str = "questionnaire-v1-export.json";
const V1_EXPORT: &str = include_str!("fixtures/questionnaire-v1-export.json");

/// The maturity questions reworded « Où en est… ? » (their levels keep their meaning).
const REWORDED: [&str; 14] = [
    "gov_relations",
    "mob_projets_alternatifs",
    "san_secours",
    "san_pole_sante",
    "emp_formation",
    "eco_entreprises",
    "eco_reseaux",
    "edu_echanges",
    "edu_jeunesse",
    "edu_petite_enfance",
    "cul_evenements",
    "cul_tourisme",
    "env_alerte",
    "ame_strategie",
];

fn imported() -> ValidBundle {
    parse_bundle(FILE, V1_EXPORT.as_bytes(), questionnaire()).expect("a version-1 export imports")
}

/// The answers of one town as the version-1 file gives them.
fn given(commune: &str) -> serde_json::Map<String, Value> {
    let file: Value = serde_json::from_str(V1_EXPORT).expect("the fixture is JSON");
    let items = file["diagnostics"].as_array().expect("diagnostics");
    let item = items
        .iter()
        .find(|item| item["territory"]["commune_name"] == commune)
        .expect("the town is in the fixture");
    assert_eq!(item["questionnaire_version"], 1, "written by version 1");
    item["answers"].as_object().expect("answers").clone()
}

fn answer_given(commune: &str, question: &str) -> Answer {
    serde_json::from_value(given(commune)[question].clone()).expect("an answer")
}

fn town<'v>(valid: &'v ValidBundle, commune: &str) -> &'v IncomingDiagnostic {
    (valid.diagnostics.iter())
        .find(|incoming| incoming.diagnostic.commune_name() == commune)
        .expect("the town is imported")
}

fn report(incoming: &IncomingDiagnostic) -> &MigrationReport {
    incoming
        .migration
        .as_ref()
        .expect("migrated from version 1")
}

fn unmapped_ids(incoming: &IncomingDiagnostic) -> Vec<&str> {
    (report(incoming).unmapped.iter())
        .map(|u| u.question_id.as_str())
        .collect()
}

#[test]
fn the_fixture_answers_every_question_version_2_changes() {
    let longwy = given("Longwy");
    let breil = given("Breil-sur-Roya");
    for id in REWORDED {
        assert!(longwy.contains_key(id) || breil.contains_key(id), "{id}");
    }
    for id in ["emp_information", "spu_point_info", "mob_navetteurs"] {
        assert!(longwy.contains_key(id), "Longwy: {id}");
    }
    assert!(!breil.contains_key("emp_information"));
    for id in [
        "spu_point_info",
        "mob_navetteurs",
        "ing_stade",
        "ing_criteres",
    ] {
        assert!(breil.contains_key(id), "Breil-sur-Roya: {id}");
    }
}

#[test]
fn both_towns_are_carried_to_version_2() {
    let valid = imported();
    assert_eq!(valid.diagnostics.len(), 2);
    for incoming in &valid.diagnostics {
        assert_eq!(
            incoming.diagnostic.questionnaire_version,
            questionnaire().version
        );
        let report = report(incoming);
        assert_eq!((report.from_version, report.to_version), (1, 2));
        assert!(report.dropped_themes.is_empty());
    }
}

#[test]
fn reworded_maturity_questions_keep_their_answers() {
    let valid = imported();
    for commune in ["Longwy", "Breil-sur-Roya"] {
        let diagnostic = &town(&valid, commune).diagnostic;
        for id in REWORDED {
            if given(commune).contains_key(id) {
                assert_eq!(
                    diagnostic.answers.get(id),
                    Some(&answer_given(commune, id)),
                    "{commune}: {id}"
                );
            }
        }
    }
}

#[test]
fn the_information_point_answered_only_in_services_publics_moves_to_emploi() {
    let valid = imported();
    let breil = town(&valid, "Breil-sur-Roya");
    assert_eq!(
        answer_given("Breil-sur-Roya", "spu_point_info"),
        Answer::Choice("plus_loin".into())
    );
    assert_eq!(
        breil.diagnostic.answers.get("emp_information"),
        Some(&Answer::Choice("plus_loin".into()))
    );
    assert!(!breil.diagnostic.answers.contains_key("spu_point_info"));
    let moved: Vec<(&str, &str)> = (report(breil).moved.iter())
        .map(|m| (m.from_question.as_str(), m.to_question.as_str()))
        .collect();
    assert_eq!(moved, [("spu_point_info", "emp_information")]);
    // The merged question's option still counts as « no information point nearby ».
    let data = domain::report::ReportData::embedded().expect("report data");
    let report = domain::report::build_report_with(&data, questionnaire(), &breil.diagnostic);
    assert_eq!(
        breil.diagnostic.answers.get("emp_part_frontaliers"),
        Some(&Answer::Choice("de_5_a_15".into()))
    );
    assert!(report.opportunity("emp_information_frontaliers").is_some());
}

#[test]
fn when_both_information_points_were_answered_emploi_s_is_kept_and_the_other_kept_aside() {
    let valid = imported();
    let longwy = town(&valid, "Longwy");
    assert_eq!(
        longwy.diagnostic.answers.get("emp_information"),
        Some(&answer_given("Longwy", "emp_information"))
    );
    assert_ne!(
        answer_given("Longwy", "emp_information"),
        answer_given("Longwy", "spu_point_info")
    );
    assert!(report(longwy).moved.is_empty());
    let kept_aside = (report(longwy).unmapped.iter())
        .find(|u| u.question_id == "spu_point_info")
        .expect("listed");
    assert_eq!(kept_aside.answer, answer_given("Longwy", "spu_point_info"));
    assert!(
        kept_aside
            .reason
            .contains("réunie avec « emp_information »"),
        "{}",
        kept_aside.reason
    );
}

#[test]
fn the_commuter_trips_are_dropped_from_the_answers_and_kept_in_the_note() {
    let valid = imported();
    for commune in ["Longwy", "Breil-sur-Roya"] {
        let incoming = town(&valid, commune);
        assert!(!incoming.diagnostic.answers.contains_key("mob_navetteurs"));
        assert!(unmapped_ids(incoming).contains(&"mob_navetteurs"));
        let Answer::Number(trips) = answer_given(commune, "mob_navetteurs") else {
            panic!("a number of trips");
        };
        let note = &incoming.diagnostic.private_notes[UNMAPPED_NOTE_KEY];
        assert!(
            note.contains(&format!(
                "- mob_navetteurs : {{\"kind\":\"number\",\"value\":{trips:?}}} (la question a \
                 été retirée en version 2 du questionnaire)"
            )),
            "{commune}: {note}"
        );
        // The share of workers in the neighbouring country is asked instead, in « Emploi ».
        assert!(questionnaire().question("emp_part_frontaliers").is_some());
    }
    assert_eq!(
        unmapped_ids(town(&valid, "Breil-sur-Roya")),
        ["mob_navetteurs"]
    );
    assert_eq!(
        unmapped_ids(town(&valid, "Longwy")),
        ["mob_navetteurs", "spu_point_info"]
    );
}

#[test]
fn the_cooperation_criteria_of_a_project_at_the_idea_stage_are_kept_but_no_longer_asked() {
    let valid = imported();
    let breil = &town(&valid, "Breil-sur-Roya").diagnostic;
    assert_eq!(
        breil.answers.get("ing_stade"),
        Some(&Answer::Choice("idee".into()))
    );
    assert_eq!(
        breil.answers.get("ing_criteres"),
        Some(&answer_given("Breil-sur-Roya", "ing_criteres"))
    );
    let criteria = questionnaire()
        .question("ing_criteres")
        .expect("still asked");
    assert!(!is_question_visible(
        questionnaire(),
        criteria,
        &breil.answers
    ));
    // Once partners are found, it is asked again, with the answer given.
    let mut later = breil.answers.clone();
    later.insert(
        "ing_stade".into(),
        Answer::Choice("partenaires_identifies".into()),
    );
    assert!(is_question_visible(questionnaire(), criteria, &later));
}

#[test]
fn nothing_given_is_lost() {
    let valid = imported();
    for commune in ["Longwy", "Breil-sur-Roya"] {
        let incoming = town(&valid, commune);
        let diagnostic: &Diagnostic = &incoming.diagnostic;
        let note = diagnostic.private_notes.get(UNMAPPED_NOTE_KEY);
        for (id, value) in given(commune) {
            let answer: Answer = serde_json::from_value(value).expect("an answer");
            let carried = diagnostic.answers.get(&id) == Some(&answer)
                || (report(incoming).moved.iter()).any(|m| {
                    m.from_question == id && diagnostic.answers.get(&m.to_question) == Some(&answer)
                });
            let kept_aside = note.is_some_and(|note| {
                note.contains(&format!(
                    "- {id} : {}",
                    serde_json::to_string(&answer).expect("JSON")
                ))
            });
            assert!(carried || kept_aside, "{commune}: {id}");
        }
    }
    // The town's own note is kept beside the note of answers not carried over.
    let breil = &town(&valid, "Breil-sur-Roya").diagnostic;
    assert_eq!(
        breil.private_notes["mobilite"],
        "Compter les navetteurs avec la gare."
    );
}

#[test]
fn the_import_report_says_what_moved_and_what_was_kept_aside() {
    let notices = imported().notices();
    let expected = [
        "« questionnaire-v1-export.json », diagnostic de Longwy : Réponses reprises de la version \
         1 à la version 2 du questionnaire : 0 déplacée, 2 non reprises.",
        "  – réponse à « mob_navetteurs » non reprise : la question a été retirée en version 2 du \
         questionnaire (conservée dans les notes privées).",
        "  – réponse à « spu_point_info » non reprise : la question a été réunie avec \
         « emp_information » en version 2 du questionnaire, qui avait déjà une autre réponse \
         (conservée dans les notes privées).",
        "« questionnaire-v1-export.json », diagnostic de Breil-sur-Roya : Réponses reprises de la \
         version 1 à la version 2 du questionnaire : 1 déplacée, 1 non reprise.",
        "  – réponse à « mob_navetteurs » non reprise : la question a été retirée en version 2 du \
         questionnaire (conservée dans les notes privées).",
    ];
    assert_eq!(notices, expected);
}

#[test]
fn the_carried_diagnostics_read_back_as_version_2_files() {
    let valid = imported();
    let diagnostics: Vec<Diagnostic> = (valid.diagnostics.iter())
        .map(|incoming| incoming.diagnostic.clone())
        .collect();
    let backup = export_backup(&diagnostics, &[], "0.2.0", "2026-04-01T10:00:00Z");
    let again = parse_bundle(
        "v2.json",
        to_json_pretty(&backup).as_bytes(),
        questionnaire(),
    )
    .expect("a version-2 backup reads back");
    for incoming in &again.diagnostics {
        assert!(incoming.migration.is_none());
        assert!(incoming.answers_to_correct.is_empty());
    }
    assert!(again.notices().is_empty());
}

#[test]
fn the_declared_step_names_questions_and_options_of_the_current_version() {
    let table = embedded_migrations().expect("table");
    let step = (table.steps.iter())
        .find(|step| step.from_version == 1 && step.to_version == 2)
        .expect("the step 1 → 2");
    assert!(!step.description.trim().is_empty());
    for id in REWORDED {
        assert!(step.description.contains(id), "{id} is said reworded");
        assert!(questionnaire().question(id).is_some());
    }
    for (old, new) in &step.renamed_questions {
        assert!(questionnaire().question(old).is_none(), "{old} is gone");
        assert!(questionnaire().question(new).is_some(), "{new} exists");
    }
    for (question, options) in &step.renamed_options {
        let question = questionnaire()
            .question(question)
            .expect("renamed onto a question");
        for new in options.values() {
            assert!(
                question.kind.options().iter().any(|o| &o.id == new),
                "{new}"
            );
        }
    }
    for id in &step.dropped_questions {
        assert!(questionnaire().question(id).is_none(), "{id} is gone");
    }
    // The merged question offers every option of the one merged into it.
    let merged = questionnaire().question("emp_information").expect("kept");
    for option in ["sur_place", "moins_30_min", "plus_loin", "non"] {
        assert!(
            merged.kind.options().iter().any(|o| o.id == option),
            "{option}"
        );
    }
}

/// A version-1 diagnostic with these answers.
fn version_1(answers: &[(&str, Answer)]) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(
        "00000000-0000-4000-8000-000000000001".into(),
        "Givet",
        "2026-01-01T00:00:00Z",
        &questionnaire().id,
        1,
    );
    for (id, answer) in answers {
        diagnostic.answers.insert(id.to_string(), answer.clone());
    }
    diagnostic
}

#[test]
fn a_merged_answer_that_says_something_wins_over_ne_sait_pas_and_the_same_answer_twice_is_one() {
    let table = embedded_migrations().expect("table");
    let mut unknown_here = version_1(&[
        ("emp_information", Answer::Unknown),
        ("spu_point_info", Answer::Choice("sur_place".into())),
    ]);
    let report = domain::bundle::migrate_answers(&mut unknown_here, table, questionnaire());
    assert_eq!(
        unknown_here.answers.get("emp_information"),
        Some(&Answer::Choice("sur_place".into()))
    );
    assert_eq!(report.moved.len(), 1);
    assert_eq!(report.unmapped.len(), 1);
    assert_eq!(report.unmapped[0].question_id, "emp_information");
    assert_eq!(report.unmapped[0].answer, Answer::Unknown);

    let mut twice = version_1(&[
        ("emp_information", Answer::Choice("non".into())),
        ("spu_point_info", Answer::Choice("non".into())),
    ]);
    let report = domain::bundle::migrate_answers(&mut twice, table, questionnaire());
    assert_eq!(
        twice.answers.get("emp_information"),
        Some(&Answer::Choice("non".into()))
    );
    assert!(report.unmapped.is_empty(), "{:?}", report.unmapped);
    assert!(!twice.private_notes.contains_key(UNMAPPED_NOTE_KEY));
}

#[test]
fn carrying_twice_changes_nothing() {
    let table = embedded_migrations().expect("table");
    let mut diagnostic = version_1(&[
        ("spu_point_info", Answer::Choice("moins_30_min".into())),
        ("mob_navetteurs", Answer::Number(300.0)),
    ]);
    domain::bundle::migrate_answers(&mut diagnostic, table, questionnaire());
    let once = diagnostic.clone();
    let report = domain::bundle::migrate_answers(&mut diagnostic, table, questionnaire());
    assert_eq!(diagnostic, once);
    assert!(report.moved.is_empty() && report.unmapped.is_empty());
}
