//! Bundles written by the app read back to the same data, with a stable digest.

mod common;

use common::{questionnaire, sample_diagnostic, sample_feedback, DIAGNOSTIC_ID, NOW};
use domain::bundle::{
    backup_files, backup_files_within, diagnostic_canonical_content, diagnostic_digest,
    export_backup, export_feedback, export_for_mot, parse_bundle, to_json_pretty, BundleKind,
    DiagnosticItem, FORMAT_NAME,
};
use domain::{Answer, Diagnostic};

#[test]
fn a_mot_export_reads_back_to_the_same_diagnostic_without_private_notes() {
    let diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    let bundle = export_for_mot(std::slice::from_ref(&diagnostic), "0.1.0", NOW, false);
    let json = to_json_pretty(&bundle);
    assert!(
        !json.contains("À vérifier avec le DGS"),
        "private note leaked"
    );
    let valid = parse_bundle("export.json", json.as_bytes(), questionnaire()).unwrap();
    assert_eq!(valid.kind, BundleKind::Diagnostics);
    assert_eq!(valid.diagnostics.len(), 1);
    let incoming = &valid.diagnostics[0];
    assert!(!incoming.private_notes_included);
    assert!(incoming.migration.is_none());
    let mut expected = diagnostic.clone();
    expected.private_notes.clear();
    assert_eq!(incoming.diagnostic, expected);
}

#[test]
fn a_mot_export_may_include_the_private_notes_on_request() {
    let diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    let bundle = export_for_mot(std::slice::from_ref(&diagnostic), "0.1.0", NOW, true);
    let valid = parse_bundle(
        "x.json",
        to_json_pretty(&bundle).as_bytes(),
        questionnaire(),
    )
    .unwrap();
    assert!(valid.diagnostics[0].private_notes_included);
    assert_eq!(valid.diagnostics[0].diagnostic, diagnostic);
}

#[test]
fn a_backup_reads_back_to_everything_on_the_device() {
    let diagnostics = vec![
        sample_diagnostic(DIAGNOSTIC_ID),
        sample_diagnostic("0e1d2c3b-4a59-4687-a5b4-c3d2e1f0a9b8"),
    ];
    let feedback = vec![sample_feedback()];
    let bundle = export_backup(&diagnostics, &feedback, "0.1.0", NOW);
    let valid = parse_bundle(
        "b.json",
        to_json_pretty(&bundle).as_bytes(),
        questionnaire(),
    )
    .unwrap();
    assert_eq!(valid.kind, BundleKind::Backup);
    let read: Vec<Diagnostic> = valid
        .diagnostics
        .into_iter()
        .map(|i| i.diagnostic)
        .collect();
    assert_eq!(read, diagnostics);
    assert_eq!(valid.feedback, feedback);
}

#[test]
fn answers_the_app_keeps_for_correction_read_back_and_are_told() {
    // What a town can type and the app keeps, flagged in the review: a number over its maximum,
    // an INSEE code and a SIREN not well formed. A backup and an export must still read back.
    let mut diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    diagnostic.set_answer("san_temps_france", Some(Answer::Number(301.0)), NOW);
    diagnostic.set_answer("profil_code_insee", Some(Answer::Text("12".into())), NOW);
    diagnostic.set_answer(
        "profil_siren_epci",
        Some(Answer::Text("123456789".into())),
        NOW,
    );
    // What the number field keeps when the typing is no number.
    let distance = Answer::Text("environ 2 km".into());
    diagnostic.set_answer("profil_distance_frontiere", Some(distance), NOW);
    let mut feedback = sample_feedback();
    feedback.insee_code = Some("12".into());
    for bundle in [
        export_backup(std::slice::from_ref(&diagnostic), &[feedback], "0.1.0", NOW),
        export_for_mot(std::slice::from_ref(&diagnostic), "0.1.0", NOW, true),
    ] {
        let valid = parse_bundle(
            "b.json",
            to_json_pretty(&bundle).as_bytes(),
            questionnaire(),
        )
        .expect("the app's own file reads back");
        assert_eq!(valid.diagnostics[0].diagnostic, diagnostic);
        let notices = valid.notices();
        let told = notices
            .iter()
            .find(|notice| notice.contains("4 réponses à corriger"))
            .expect("told in the import report");
        for label in [
            "Temps d'accès en voiture à l'hôpital",
            "Code INSEE de la commune",
            "Numéro SIREN de l'intercommunalité",
        ] {
            assert!(told.contains(label), "{label} not in « {told} »");
        }
    }
}

#[test]
fn mot_feedback_reads_back() {
    let bundle = export_feedback(&[sample_feedback()], "0.1.0", NOW);
    let valid = parse_bundle(
        "r.json",
        to_json_pretty(&bundle).as_bytes(),
        questionnaire(),
    )
    .unwrap();
    assert_eq!(valid.kind, BundleKind::MotFeedback);
    assert_eq!(valid.feedback, vec![sample_feedback()]);
    assert!(valid.diagnostics.is_empty());
}

#[test]
fn the_header_names_the_format_version_app_and_time() {
    let bundle = export_for_mot(&[sample_diagnostic(DIAGNOSTIC_ID)], "0.1.0", NOW, false);
    let value: serde_json::Value = serde_json::from_str(&to_json_pretty(&bundle)).unwrap();
    assert_eq!(value["format"], FORMAT_NAME);
    assert_eq!(value["format_version"], 1);
    assert_eq!(value["app_version"], "0.1.0");
    assert_eq!(value["exported_at"], NOW);
    assert_eq!(value["kind"], "diagnostics");
    let item = &value["diagnostics"][0];
    assert_eq!(item["territory"]["insee_code"], "08190");
    assert_eq!(item["territory"]["epci_siren"], "200067213");
    assert_eq!(item["territory"]["neighbour_countries"][0], "BE");
    assert!(item["training_interests"].is_array());
    assert!(item["support_requests"].is_array());
    assert!(item.get("private_notes").is_none());
}

#[test]
fn a_backup_and_a_mot_export_carry_the_same_digest() {
    let diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    let with_notes = DiagnosticItem::from_diagnostic(&diagnostic, true);
    let without = DiagnosticItem::from_diagnostic(&diagnostic, false);
    assert_eq!(with_notes.digest, without.digest);
    assert_eq!(with_notes.digest, diagnostic_digest(&diagnostic));
    let mut changed = diagnostic.clone();
    changed
        .private_notes
        .insert("mobilite".into(), "autre".into());
    assert_eq!(diagnostic_digest(&changed), diagnostic_digest(&diagnostic));
    changed.set_answer("gov_relations", Some(Answer::Maturity(3)), NOW);
    assert_ne!(diagnostic_digest(&changed), diagnostic_digest(&diagnostic));
}

/// A diagnostic built by hand (not from the embedded questionnaire), so its digest never moves.
fn pinned_diagnostic() -> Diagnostic {
    let mut d = Diagnostic::new(
        "00000000-0000-4000-8000-000000000000".into(),
        "Modane",
        "2026-01-01T00:00:00Z",
        "mot-pvd-transfrontalier",
        1,
    );
    d.answers
        .insert("profil_code_insee".into(), Answer::Text("73157".into()));
    d.answers
        .insert("gov_relations".into(), Answer::Maturity(2));
    d.answers
        .insert("mob_navetteurs".into(), Answer::Number(12.5));
    d
}

#[test]
fn the_canonical_content_and_digest_are_stable() {
    let item = DiagnosticItem::from_diagnostic(&pinned_diagnostic(), true);
    assert_eq!(
        diagnostic_canonical_content(&item),
        concat!(
            r#"{"answers":{"gov_relations":{"kind":"maturity","value":2},"#,
            r#""mob_navetteurs":{"kind":"number","value":12.5},"#,
            r#""profil_code_insee":{"kind":"text","value":"73157"},"#,
            r#""profil_commune_nom":{"kind":"text","value":"Modane"}},"#,
            r#""created_at":"2026-01-01T00:00:00Z","good_practices":[],"#,
            r#""id":"00000000-0000-4000-8000-000000000000","not_concerned_themes":[],"#,
            r#""project_sheets":[],"questionnaire_id":"mot-pvd-transfrontalier","#,
            r#""questionnaire_version":1,"revision":1,"status":"in_progress","#,
            r#""support_requests":[],"territory":{"commune_name":"Modane","#,
            r#""departement":null,"epci_siren":null,"insee_code":"73157","#,
            r#""interreg_programmes":[],"neighbour_countries":[]},"#,
            r#""training_interests":[],"updated_at":"2026-01-01T00:00:00Z"}"#
        )
    );
    assert_eq!(item.digest, PINNED_DIGEST);
}

/// SHA-256 of the canonical content above (e.g. `printf '%s' "$content" | sha256sum`).
const PINNED_DIGEST: &str = "878aee7c1c4dcb870f98698f1213d959733f4d2000f7b2fd823df13a21437055";

#[test]
fn a_digest_is_recomputable_from_the_file_alone() {
    // What docs/bundle-format.md tells other tools to do: parse the item, drop `digest` and
    // `private_notes`, write it canonically, hash it.
    let bundle = export_backup(&[sample_diagnostic(DIAGNOSTIC_ID)], &[], "0.1.0", NOW);
    let value: serde_json::Value = serde_json::from_str(&to_json_pretty(&bundle)).unwrap();
    let mut item = value["diagnostics"][0].as_object().unwrap().clone();
    let claimed = item.remove("digest").unwrap();
    item.remove("private_notes");
    let canonical = domain::bundle::canonical_json(&serde_json::Value::Object(item));
    assert_eq!(
        domain::bundle::sha256_hex(&canonical),
        claimed.as_str().unwrap()
    );
}

#[test]
fn a_backup_too_big_for_one_file_is_split_into_parts_that_restore_everything() {
    let diagnostics: Vec<Diagnostic> = (0..5)
        .map(|n| sample_diagnostic(&format!("3f2b8c1e-7a4d-4e2b-9c1a-2b3c4d5e6f7{n}")))
        .collect();
    let feedback = vec![sample_feedback()];
    let one = backup_files(&diagnostics, &feedback, "0.1.0", NOW);
    assert_eq!(one.len(), 1, "within the limits: one file");
    assert_eq!(
        one[0].name,
        "sauvegarde-diagnostic-transfrontalier-2026-03-01.json"
    );

    // A file holding at most two diagnostics, and about two diagnostics' worth of bytes.
    let two_diagnostics = one[0].json.len() * 2 / 5;
    let parts = backup_files_within(&diagnostics, &feedback, "0.1.0", NOW, (two_diagnostics, 2));
    assert!(parts.len() >= 3, "{} parts", parts.len());
    let mut restored = Vec::new();
    let mut feedback_read = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        assert!(part.json.len() <= two_diagnostics, "{}", part.name);
        assert!(part
            .name
            .ends_with(&format!("-partie-{}-sur-{}.json", index + 1, parts.len())));
        let valid = parse_bundle(&part.name, part.json.as_bytes(), questionnaire()).unwrap();
        assert_eq!(valid.kind, BundleKind::Backup);
        restored.extend(valid.diagnostics.into_iter().map(|i| i.diagnostic));
        feedback_read.extend(valid.feedback);
    }
    assert_eq!(restored, diagnostics);
    assert_eq!(feedback_read, feedback, "once, with the first part");
}
