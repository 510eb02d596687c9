//! The bundle corpus under `tests/bundles/` (also imported by the Playwright tests): good files
//! are accepted, bad files refused with the message fragment listed in `bad/expected.json`.
//!
//! `UPDATE_BUNDLE_CORPUS=1 cargo test -p domain --test bundle_corpus` rewrites the corpus from
//! the fixtures below (so digests are right); without it, the committed files are checked.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{questionnaire, sample_diagnostic, sample_feedback, DIAGNOSTIC_ID, NOW};
use domain::bundle::{
    canonical_json, export_backup, export_feedback, export_for_mot, parse_bundle, sha256_hex,
    to_json_pretty, MAX_FILE_BYTES,
};
use domain::Answer;
use serde_json::{json, Value};

const JUNK: &str = "junk-10mb.json";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bundles")
}

fn reseal(value: &mut Value) {
    for list in ["diagnostics", "feedback"] {
        for item in value[list].as_array_mut().into_iter().flatten() {
            let Some(map) = item.as_object_mut() else {
                continue;
            };
            let mut content = map.clone();
            content.remove("digest");
            content.remove("private_notes");
            let digest = sha256_hex(&canonical_json(&Value::Object(content)));
            map.insert("digest".into(), Value::String(digest));
        }
    }
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    text.into_bytes()
}

fn town_export() -> Value {
    let bundle = export_for_mot(&[sample_diagnostic(DIAGNOSTIC_ID)], "0.1.0", NOW, false);
    serde_json::from_str(&to_json_pretty(&bundle)).unwrap()
}

/// A backup whose every free text holds HTML and script: valid data, to be shown as text.
fn html_everywhere() -> Value {
    let evil =
        |field: &str| format!("<script>alert('{field}')</script><img src=x onerror=alert(1)>");
    let mut diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    diagnostic.set_answer(
        "profil_commune_nom",
        Some(Answer::Text("<b>Givet</b><script>alert(1)</script>".into())),
        NOW,
    );
    for question in questionnaire().questions() {
        if let domain::QuestionKind::Text { max_length, .. } = question.kind {
            if question.id != "profil_commune_nom" {
                let text: String = evil(&question.id)
                    .chars()
                    .take(max_length as usize)
                    .collect();
                diagnostic
                    .answers
                    .insert(question.id.clone(), Answer::Text(text));
            }
        }
    }
    for sheet in &mut diagnostic.project_sheets {
        sheet.title = evil("title");
        sheet.need = evil("need");
        sheet.objectives = evil("objectives");
        sheet.timeline = evil("timeline");
        sheet.actions = vec![evil("action")];
        sheet.funding_sources = vec![evil("funding")];
        sheet.opportunity_id = Some(evil("opportunity"));
        for partner in &mut sheet.partners {
            partner.name = evil("partner");
            partner.kind = evil("kind");
            partner.country = evil("country");
        }
    }
    for practice in &mut diagnostic.good_practices {
        practice.title = evil("title");
        practice.partners = evil("partners");
        practice.description = evil("description");
        practice.results = evil("results");
        practice.contact = "<a href=\"javascript:alert(1)\">contact</a>".into();
    }
    diagnostic
        .private_notes
        .insert("gouvernance".into(), evil("note"));
    let mut feedback = sample_feedback();
    feedback.commune_name = evil("commune");
    feedback.author = evil("author");
    feedback.general_comment = evil("general");
    feedback
        .theme_comments
        .insert("mobilite".into(), evil("theme"));
    feedback
        .question_comments
        .insert("gov_relations".into(), evil("question"));
    let bundle = export_backup(&[diagnostic], &[feedback], "<i>0.1.0</i>", NOW);
    serde_json::from_str(&to_json_pretty(&bundle)).unwrap()
}

/// A town's export with answers the app keeps flagged for correction (imported, and told).
fn with_answers_to_correct() -> Value {
    let mut value = town_export();
    let item = &mut value["diagnostics"][0];
    item["answers"]["profil_code_insee"]["value"] = json!("20004");
    item["territory"]["insee_code"] = json!("20004");
    item["answers"]["profil_siren_epci"]["value"] = json!("200067214");
    item["territory"]["epci_siren"] = json!("200067214");
    item["answers"]["profil_population"] = json!({"kind": "number", "value": 100001.0});
    reseal(&mut value);
    value
}

fn good_files() -> Vec<(&'static str, Vec<u8>)> {
    let backup = export_backup(
        &[sample_diagnostic(DIAGNOSTIC_ID)],
        &[sample_feedback()],
        "0.1.0",
        NOW,
    );
    vec![
        (
            "diagnostic-givet-08190-2026-03-01.json",
            pretty(&town_export()),
        ),
        (
            "sauvegarde-diagnostic-transfrontalier-2026-03-01.json",
            to_json_pretty(&backup).into_bytes(),
        ),
        (
            "retour-mot-givet-08190-2026-03-01.json",
            to_json_pretty(&export_feedback(&[sample_feedback()], "0.1.0", NOW)).into_bytes(),
        ),
        (
            "html-et-script-dans-chaque-texte.json",
            pretty(&html_everywhere()),
        ),
        (
            "ancien-format-0.json",
            include_bytes!("fixtures/bundle-v0.json").to_vec(),
        ),
        (
            "reponses-a-corriger.json",
            pretty(&with_answers_to_correct()),
        ),
    ]
}

/// A bad file: its name, its bytes and the message fragment the import must show.
type Bad = (&'static str, Vec<u8>, &'static str);

fn mutated(name: &'static str, fragment: &'static str, seal: bool, change: fn(&mut Value)) -> Bad {
    let mut value = town_export();
    change(&mut value);
    if seal {
        reseal(&mut value);
    }
    (name, pretty(&value), fragment)
}

fn bad_files() -> Vec<Bad> {
    let valid = pretty(&town_export());
    vec![
        ("empty.json", Vec::new(), "le fichier est vide"),
        ("not-json.json", b"Bonjour, voici notre diagnostic.\n".to_vec(), "n'est pas un fichier JSON valide (ligne 1, colonne 1)"),
        ("truncated.json", valid[..valid.len() / 2].to_vec(), "fichier tronqué"),
        ("unknown-format.json", pretty(&json!({"name": "mon-projet", "version": "1.0.0"})), "n'est pas un export du diagnostic transfrontalier"),
        ("top-level-array.json", pretty(&json!([town_export()])), "n'est pas un export du diagnostic transfrontalier"),
        mutated("future-version.json", "mettez l'application à jour", false, |v| v["format_version"] = json!(2)),
        mutated("wrong-types.json", "champ diagnostics[0].revision : type incorrect", false, |v| v["diagnostics"][0]["revision"] = json!("sept")),
        mutated("missing-field.json", "champ diagnostics[0].questionnaire_id : champ obligatoire absent", false, |v| {
            v["diagnostics"][0].as_object_mut().unwrap().remove("questionnaire_id");
        }),
        mutated("unknown-field.json", "champ diagnostics[0].script : champ inconnu", true, |v| v["diagnostics"][0]["script"] = json!("<script>alert(1)</script>")),
        mutated("unknown-kind.json", "valeur « tout » inconnue", false, |v| v["kind"] = json!("tout")),
        mutated("digest-mismatch.json", "fichier endommagé ou modifié", false, |v| {
            v["diagnostics"][0]["answers"]["gov_relations"]["value"] = json!(4);
        }),
        mutated("malformed-digest.json", "64 caractères hexadécimaux", false, |v| v["diagnostics"][0]["digest"] = json!("sha256:abc")),
        mutated("duplicate-ids.json", "figure deux fois dans le fichier", false, |v| {
            let item = v["diagnostics"][0].clone();
            v["diagnostics"].as_array_mut().unwrap().push(item);
        }),
        mutated("unknown-question.json", "question inconnue « question_inventee »", true, |v| {
            v["diagnostics"][0]["answers"]["question_inventee"] = json!({"kind": "yes_no", "value": true});
        }),
        mutated("invalid-answer.json", "Le niveau 9 n'existe pas", true, |v| {
            v["diagnostics"][0]["answers"]["gov_relations"] = json!({"kind": "maturity", "value": 9});
        }),
        mutated("unknown-questionnaire.json", "questionnaire « autre-questionnaire » inconnu", true, |v| {
            v["diagnostics"][0]["questionnaire_id"] = json!("autre-questionnaire");
        }),
        mutated("future-questionnaire.json", "version plus récente du questionnaire", true, |v| {
            v["diagnostics"][0]["questionnaire_version"] = json!(99);
        }),
        mutated("not-a-uuid.json", "UUID attendu", true, |v| v["diagnostics"][0]["id"] = json!("diagnostic-1")),
        mutated("bad-date.json", "n'est pas une date valide", false, |v| v["exported_at"] = json!("01/03/2026")),
        mutated("wrong-kind.json", "un retour de la MOT ne doit pas contenir de diagnostic", false, |v| v["kind"] = json!("mot_feedback")),
        mutated("text-too-long.json", "texte trop long (20000 caractères)", true, |v| {
            v["diagnostics"][0]["answers"]["gov_convention_detail"]["value"] = json!("a".repeat(20_000));
        }),
        mutated("too-many-diagnostics.json", "trop d'éléments (2001)", false, |v| v["diagnostics"] = json!(vec![0; 2_001])),
        mutated("inconsistent-territory.json", "ne correspond pas à la réponse « profil_commune_nom »", true, |v| {
            v["diagnostics"][0]["territory"]["commune_name"] = json!("Charleville-Mézières");
        }),
        (
            "duplicate-key.json",
            br#"{"format": "diagnostic-transfrontalier-mot", "format_version": 1, "kind": "diagnostics", "kind": "backup"}"#.to_vec(),
            "la clé « kind » figure deux fois",
        ),
        (
            "deep-nesting.json",
            format!(
                "{{\"format\": \"diagnostic-transfrontalier-mot\", \"format_version\": 1, \"x\": {}{}}}",
                "[".repeat(1_000),
                "]".repeat(1_000)
            )
            .into_bytes(),
            "données imbriquées trop profondément",
        ),
    ]
}

/// Deterministic junk over the size limit (same idea as `tests/bundles/make_junk.py`).
fn junk() -> Vec<u8> {
    let mut state: u32 = 12345;
    (0..10 * 1024 * 1024)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as u8
        })
        .collect()
}

fn write_corpus() {
    let dir = corpus_dir();
    for sub in ["good", "bad"] {
        fs::create_dir_all(dir.join(sub)).unwrap();
    }
    for (name, bytes) in good_files() {
        fs::write(dir.join("good").join(name), bytes).unwrap();
    }
    let mut expected = BTreeMap::new();
    for (name, bytes, fragment) in bad_files() {
        fs::write(dir.join("bad").join(name), bytes).unwrap();
        expected.insert(name.to_string(), fragment.to_string());
    }
    expected.insert(JUNK.to_string(), "trop volumineux".to_string());
    let mut text = serde_json::to_string_pretty(&expected).unwrap();
    text.push('\n');
    fs::write(dir.join("bad/expected.json"), text).unwrap();
}

#[test]
fn the_corpus_files_are_accepted_or_refused_as_listed() {
    if std::env::var_os("UPDATE_BUNDLE_CORPUS").is_some() {
        write_corpus();
    }
    let dir = corpus_dir();
    let mut good = 0;
    for entry in fs::read_dir(dir.join("good")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = fs::read(&path).unwrap();
        if let Err(rejection) = parse_bundle(&name, &bytes, questionnaire()) {
            panic!("{name} should be accepted: {:#?}", rejection.messages());
        }
        good += 1;
    }
    assert!(good >= 5, "the good corpus is missing");

    let expected: BTreeMap<String, String> =
        serde_json::from_slice(&fs::read(dir.join("bad/expected.json")).unwrap()).unwrap();
    for (name, fragment) in &expected {
        let path = dir.join("bad").join(name);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(_) if name == JUNK => junk(),
            Err(error) => panic!("{name}: {error}"),
        };
        match parse_bundle(name, &bytes, questionnaire()) {
            Ok(_) => panic!("{name} should be refused"),
            Err(rejection) => {
                let message = rejection.to_string();
                assert!(
                    message.contains(fragment),
                    "{name}: « {fragment} » not in « {message} »"
                );
                assert!(message.contains(&format!("« {name} »")), "{message}");
            }
        }
    }
    for entry in fs::read_dir(dir.join("bad")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".json") && name != "expected.json" {
            assert!(
                expected.contains_key(&name),
                "{name} has no expected message"
            );
        }
    }
    assert!(junk().len() > MAX_FILE_BYTES);
}
