//! Every way a file is refused, each with its French message naming the file and the field.

mod common;

use common::{questionnaire, sample_diagnostic, DIAGNOSTIC_ID, NOW};
use domain::bundle::{
    canonical_json, check_file_size, export_for_mot, parse_bundle, sha256_hex, to_json_pretty,
    BundleRejection, RejectionKind, ValidBundle, MAX_FILE_BYTES,
};
use serde_json::{json, Value};

fn valid_value() -> Value {
    let bundle = export_for_mot(&[sample_diagnostic(DIAGNOSTIC_ID)], "0.1.0", NOW, false);
    serde_json::from_str(&to_json_pretty(&bundle)).unwrap()
}

/// Recomputes every item digest, so a test sees only the problem it plants.
fn reseal(value: &mut Value) {
    for list in ["diagnostics", "feedback"] {
        let Some(items) = value.get_mut(list).and_then(Value::as_array_mut) else {
            continue;
        };
        for item in items {
            let Some(map) = item.as_object_mut() else {
                continue;
            };
            let mut content = map.clone();
            content.remove("digest");
            content.remove("private_notes");
            map.insert(
                "digest".into(),
                Value::String(sha256_hex(&canonical_json(&Value::Object(content)))),
            );
        }
    }
}

fn import(bytes: &[u8]) -> Result<ValidBundle, BundleRejection> {
    parse_bundle("essai.json", bytes, questionnaire())
}

fn refused(value: &Value) -> BundleRejection {
    import(value.to_string().as_bytes()).expect_err("the file should be refused")
}

fn sealed_and_refused(mut value: Value) -> BundleRejection {
    reseal(&mut value);
    refused(&value)
}

/// Asserts that one problem sits at `path` and its message holds `fragment`.
fn assert_problem(rejection: &BundleRejection, path: &str, fragment: &str) {
    assert!(
        rejection
            .problems
            .iter()
            .any(|p| p.field_path == path && p.message().contains(fragment)),
        "expected « {fragment} » at {path}, got {:#?}",
        rejection.messages()
    );
}

#[test]
fn the_message_names_the_file_and_the_field() {
    let mut value = valid_value();
    value["diagnostics"][0]["revision"] = json!("trois");
    let rejection = refused(&value);
    assert_eq!(
        rejection.to_string(),
        "Le fichier « essai.json » est refusé : champ diagnostics[0].revision : type incorrect : \
         le texte « trois » trouvé, un nombre entier positif attendu."
    );
    assert_eq!(rejection.kind(), RejectionKind::Invalid);
    assert!(rejection.messages()[0].starts_with("« essai.json » : champ diagnostics[0].revision"));
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let rejection = check_file_size("gros.json", 10 * 1024 * 1024).unwrap_err();
    assert_eq!(
        rejection.to_string(),
        "Le fichier « gros.json » est refusé : le fichier est trop volumineux (10 Mo) : la limite \
         est de 5 Mo par fichier."
    );
    assert!(check_file_size("petit.json", 1000).is_ok());
    let junk = vec![b' '; MAX_FILE_BYTES + 1];
    let rejection = import(&junk).unwrap_err();
    assert_eq!(rejection.kind(), RejectionKind::Unreadable);
    assert!(rejection.to_string().contains("trop volumineux"));
}

#[test]
fn an_empty_file_is_refused() {
    assert!(import(b"")
        .unwrap_err()
        .to_string()
        .contains("le fichier est vide"));
    assert!(import(b" \n ")
        .unwrap_err()
        .to_string()
        .contains("le fichier est vide"));
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let rejection = import(b"{\n  \"format\": \"x\",,\n}").unwrap_err();
    assert_eq!(rejection.kind(), RejectionKind::Unreadable);
    assert!(
        rejection
            .to_string()
            .contains("ce n'est pas un fichier JSON valide (ligne 2, colonne 17)"),
        "{rejection}"
    );
    let text = import(b"bonjour").unwrap_err().to_string();
    assert!(text.contains("ligne 1, colonne 1"), "{text}");
}

#[test]
fn a_truncated_file_is_told_as_truncated() {
    let json = to_json_pretty(&export_for_mot(
        &[sample_diagnostic(DIAGNOSTIC_ID)],
        "0.1.0",
        NOW,
        false,
    ));
    let rejection = import(&json.as_bytes()[..json.len() / 2]).unwrap_err();
    assert!(rejection.to_string().contains("tronqué"), "{rejection}");
}

#[test]
fn another_json_file_is_not_a_bundle() {
    for other in [
        json!({"name": "package", "version": "1.0.0"}),
        json!([1, 2]),
        json!("texte"),
    ] {
        let rejection = refused(&other);
        assert_eq!(rejection.kind(), RejectionKind::NotABundle);
        assert!(rejection
            .to_string()
            .contains("ce fichier n'est pas un export du diagnostic transfrontalier"));
    }
    let mut value = valid_value();
    value["format"] = json!("autre-format");
    assert_problem(&refused(&value), "format", "n'est pas un export");
}

#[test]
fn a_newer_format_asks_to_update_the_app() {
    let mut value = valid_value();
    value["format_version"] = json!(2);
    let rejection = refused(&value);
    assert_eq!(rejection.kind(), RejectionKind::NeedsUpdate);
    assert_problem(&rejection, "format_version", "mettez l'application à jour");
    value["format_version"] = json!(1.5);
    assert_problem(&refused(&value), "format_version", "numéro de version");
    value["format_version"] = json!("1");
    assert_problem(&refused(&value), "format_version", "type incorrect");
    value.as_object_mut().unwrap().remove("format_version");
    assert_problem(
        &refused(&value),
        "format_version",
        "champ obligatoire absent",
    );
}

#[test]
fn missing_fields_and_wrong_types_are_named() {
    let mut value = valid_value();
    value["diagnostics"][0]
        .as_object_mut()
        .unwrap()
        .remove("id");
    assert_problem(
        &refused(&value),
        "diagnostics[0].id",
        "champ obligatoire absent",
    );

    let mut value = valid_value();
    value["diagnostics"][0]["answers"]["gov_relations"] =
        json!({"kind": "maturity", "value": "deux"});
    assert_problem(
        &refused(&value),
        "diagnostics[0].answers.gov_relations.value",
        "type incorrect",
    );

    let mut value = valid_value();
    value["kind"] = json!("autre");
    assert_problem(&refused(&value), "kind", "valeur « autre » inconnue");
}

#[test]
fn fields_outside_the_format_are_refused() {
    let mut value = valid_value();
    value["extra"] = json!(1);
    assert_problem(&refused(&value), "extra", "champ inconnu");
    let mut value = valid_value();
    value["diagnostics"][0]["project_sheets"][0]["onclick"] = json!("alert(1)");
    assert_problem(
        &sealed_and_refused(value),
        "diagnostics[0].project_sheets[0].onclick",
        "champ inconnu",
    );
}

#[test]
fn a_changed_content_is_a_damaged_file() {
    let mut value = valid_value();
    value["diagnostics"][0]["answers"]["gov_relations"]["value"] = json!(4);
    let rejection = refused(&value);
    assert_eq!(rejection.kind(), RejectionKind::Damaged);
    assert_problem(
        &rejection,
        "diagnostics[0].digest",
        "fichier endommagé ou modifié",
    );
    let mut value = valid_value();
    value["diagnostics"][0]["digest"] = json!("abc");
    assert_problem(&refused(&value), "diagnostics[0].digest", "64 caractères");
}

#[test]
fn identifiers_to_correct_are_imported_as_the_app_keeps_them_but_not_a_bad_id() {
    // The app keeps an INSEE code or a SIREN not well formed, flagged for correction: imported.
    let mut value = valid_value();
    value["diagnostics"][0]["answers"]["profil_code_insee"]["value"] = json!("20004");
    value["diagnostics"][0]["territory"]["insee_code"] = json!("20004");
    value["diagnostics"][0]["answers"]["profil_siren_epci"]["value"] = json!("123456789");
    value["diagnostics"][0]["territory"]["epci_siren"] = json!("123456789");
    reseal(&mut value);
    let valid = import(value.to_string().as_bytes()).expect("kept for correction");
    assert!(
        valid
            .notices()
            .iter()
            .any(|notice| notice.contains("2 réponses à corriger")),
        "{:#?}",
        valid.notices()
    );
    // But only what the form lets one type: no 20-character code, no control character.
    let mut long = value.clone();
    long["diagnostics"][0]["answers"]["profil_code_insee"]["value"] = json!("2".repeat(20));
    long["diagnostics"][0]["territory"]["insee_code"] = json!("2".repeat(20));
    assert_problem(
        &sealed_and_refused(long),
        "diagnostics[0].answers.profil_code_insee",
        "texte impossible à saisir dans le formulaire",
    );
    let mut control = value.clone();
    control["diagnostics"][0]["answers"]["san_temps_voisin"] =
        json!({"kind": "text", "value": "12\u{0007}"});
    assert_problem(
        &sealed_and_refused(control),
        "diagnostics[0].answers.san_temps_voisin",
        "texte impossible à saisir dans le formulaire",
    );
    // The summary must still say what the answer says.
    value["diagnostics"][0]["territory"]["insee_code"] = json!("08190");
    assert_problem(
        &sealed_and_refused(value),
        "diagnostics[0].territory.insee_code",
        "ne correspond pas à la réponse « profil_code_insee »",
    );

    let mut value = valid_value();
    value["diagnostics"][0]["id"] = json!("<b>pas-un-uuid</b>");
    assert_problem(
        &sealed_and_refused(value),
        "diagnostics[0].id",
        "UUID attendu",
    );
}

#[test]
fn answers_are_checked_question_by_question() {
    let mut value = valid_value();
    let answers = &mut value["diagnostics"][0]["answers"];
    answers["question_fantome"] = json!({"kind": "yes_no", "value": true});
    answers["gov_relations"] = json!({"kind": "maturity", "value": 7});
    answers["gov_instances"] = json!({"kind": "choice", "value": "souvent"});
    answers["san_temps_voisin"] = json!({"kind": "yes_no", "value": true});
    let rejection = sealed_and_refused(value);
    assert_problem(
        &rejection,
        "diagnostics[0].answers.question_fantome",
        "question inconnue « question_fantome »",
    );
    assert_problem(
        &rejection,
        "diagnostics[0].answers.gov_relations",
        "Le niveau 7 n'existe pas",
    );
    assert_problem(
        &rejection,
        "diagnostics[0].answers.gov_instances",
        "L'option « souvent » ne fait pas partie des choix",
    );
    assert_problem(
        &rejection,
        "diagnostics[0].answers.san_temps_voisin",
        "attend un nombre",
    );
}

#[test]
fn answers_to_hidden_questions_are_accepted() {
    let mut value = valid_value();
    value["diagnostics"][0]["answers"]["gov_convention"]["value"] = json!(false);
    reseal(&mut value);
    assert!(import(value.to_string().as_bytes()).is_ok());
}

#[test]
fn an_unknown_or_newer_questionnaire_is_refused() {
    let mut value = valid_value();
    value["diagnostics"][0]["questionnaire_id"] = json!("autre-questionnaire");
    assert_problem(
        &sealed_and_refused(value),
        "diagnostics[0].questionnaire_id",
        "questionnaire « autre-questionnaire » inconnu",
    );
    let mut value = valid_value();
    value["diagnostics"][0]["questionnaire_version"] = json!(questionnaire().version + 1);
    let rejection = sealed_and_refused(value);
    assert_eq!(rejection.kind(), RejectionKind::NeedsUpdate);
    assert_problem(
        &rejection,
        "diagnostics[0].questionnaire_version",
        "mettez l'application à jour",
    );
}

#[test]
fn duplicate_ids_and_keys_are_refused() {
    let mut value = valid_value();
    let item = value["diagnostics"][0].clone();
    value["diagnostics"].as_array_mut().unwrap().push(item);
    assert_problem(
        &refused(&value),
        "diagnostics[1].id",
        "figure deux fois dans le fichier (déjà en position 1)",
    );
    let text = r#"{"format": "diagnostic-transfrontalier-mot", "format": "x"}"#;
    let rejection = import(text.as_bytes()).unwrap_err();
    assert!(
        rejection
            .to_string()
            .contains("la clé « format » figure deux fois"),
        "{rejection}"
    );
}

#[test]
fn dates_must_be_rfc_3339() {
    let mut value = valid_value();
    value["exported_at"] = json!("hier");
    assert_problem(&refused(&value), "exported_at", "n'est pas une date valide");
}

#[test]
fn dates_of_project_sheets_and_good_practices_are_empty_or_rfc_3339() {
    let mut value = valid_value();
    value["diagnostics"][0]["good_practices"][0]["updated_at"] = json!("=HYPERLINK(\"x\")");
    value["diagnostics"][0]["project_sheets"][0]["created_at"] = json!("hier");
    let rejection = sealed_and_refused(value);
    assert_problem(
        &rejection,
        "diagnostics[0].good_practices[0].updated_at",
        "n'est pas une date valide",
    );
    assert_problem(
        &rejection,
        "diagnostics[0].project_sheets[0].created_at",
        "n'est pas une date valide",
    );

    // Versions that wrote no date leave it empty: still accepted.
    let mut value = valid_value();
    value["diagnostics"][0]["good_practices"][0]["updated_at"] = json!("");
    value["diagnostics"][0]["project_sheets"][0]["updated_at"] = json!("");
    reseal(&mut value);
    assert!(import(value.to_string().as_bytes()).is_ok());
}

#[test]
fn hostile_sizes_are_refused() {
    let mut value = valid_value();
    value["diagnostics"][0]["answers"]["gov_convention_detail"]["value"] =
        json!("x".repeat(10_001));
    assert_problem(
        &refused(&value),
        "diagnostics[0].answers.gov_convention_detail.value",
        "texte trop long (10001 caractères)",
    );
    let mut value = valid_value();
    value["diagnostics"] = Value::Array(vec![Value::Null; 2_001]);
    assert_problem(&refused(&value), "diagnostics", "trop d'éléments (2001)");
    let deep = format!(
        r#"{{"format":"diagnostic-transfrontalier-mot","format_version":1,"x":{}1{}}}"#,
        "[".repeat(500),
        "]".repeat(500)
    );
    assert!(import(deep.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("imbriquées"));
}

#[test]
fn the_kind_must_match_the_content() {
    let mut value = valid_value();
    value["kind"] = json!("mot_feedback");
    let rejection = refused(&value);
    assert_problem(
        &rejection,
        "diagnostics",
        "ne doit pas contenir de diagnostic",
    );
    assert_problem(&rejection, "feedback", "aucun commentaire");
    let mut value = valid_value();
    value["diagnostics"] = json!([]);
    assert_problem(&refused(&value), "diagnostics", "aucun diagnostic");
}

#[test]
fn summary_fields_must_agree_with_the_answers() {
    let mut value = valid_value();
    value["diagnostics"][0]["territory"]["commune_name"] = json!("Autre");
    assert_problem(
        &sealed_and_refused(value),
        "diagnostics[0].territory.commune_name",
        "ne correspond pas à la réponse « profil_commune_nom »",
    );
    let mut value = valid_value();
    value["diagnostics"][0]["training_interests"] = json!(["inventee"]);
    assert_problem(
        &sealed_and_refused(value),
        "diagnostics[0].training_interests",
        "ne correspond pas",
    );
}

#[test]
fn html_and_script_in_texts_are_kept_as_plain_data() {
    let evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    let mut value = valid_value();
    value["diagnostics"][0]["answers"]["gov_convention_detail"]["value"] = json!(evil);
    value["diagnostics"][0]["project_sheets"][0]["title"] = json!(evil);
    value["app_version"] = json!(evil);
    reseal(&mut value);
    let valid = import(value.to_string().as_bytes()).unwrap();
    let diagnostic = &valid.diagnostics[0].diagnostic;
    assert_eq!(diagnostic.project_sheets[0].title, evil);
    assert_eq!(valid.app_version, evil);
}

#[test]
fn a_file_just_over_the_limit_does_not_read_as_the_limit() {
    let rejection = check_file_size("juste.json", MAX_FILE_BYTES + 1).unwrap_err();
    assert!(
        rejection.to_string().contains("trop volumineux (5,1 Mo)"),
        "{rejection}"
    );
}

#[test]
fn a_file_not_in_utf8_says_so_and_how_to_fix_it() {
    let text = valid_value().to_string();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let rejection = import(&utf16).unwrap_err();
    assert_eq!(rejection.kind(), RejectionKind::Unreadable);
    assert!(
        rejection.to_string().contains(
            "le fichier n'est pas enregistré en UTF-8 (il semble enregistré en UTF-16) : exportez-le \
             de nouveau depuis l'application, ou enregistrez-le en UTF-8"
        ),
        "{rejection}"
    );
    // Without a mark, ASCII text in UTF-16 is valid UTF-8 (a zero byte beside each character).
    for without_mark in [
        text.encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect::<Vec<u8>>(),
        text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
    ] {
        let rejection = import(&without_mark).unwrap_err();
        assert!(rejection.to_string().contains("UTF-16"), "{rejection}");
    }
    // A commune name saved by an editor in Windows-1252: « Givét » with a lone 0xE9 byte.
    let mut bytes = text.into_bytes();
    let at = bytes.windows(5).position(|w| w == b"Givet").unwrap();
    bytes.insert(at + 4, 0xE9);
    let rejection = import(&bytes).unwrap_err();
    assert!(
        rejection.to_string().contains("Windows-1252"),
        "{rejection}"
    );
}

#[test]
fn impossible_dates_and_huge_revisions_are_refused() {
    for (date, path) in [
        ("2026-02-31T10:00:00Z", "diagnostics[0].created_at"),
        ("2026-03-01T10:00:60Z", "diagnostics[0].updated_at"),
    ] {
        let mut value = valid_value();
        let field = path.rsplit('.').next().unwrap();
        value["diagnostics"][0][field] = json!(date);
        assert_problem(
            &sealed_and_refused(value),
            path,
            "n'est pas une date valide",
        );
    }
    let mut value = valid_value();
    value["diagnostics"][0]["revision"] = json!(u32::MAX);
    assert_problem(
        &sealed_and_refused(value),
        "diagnostics[0].revision",
        "révision 4294967295 invalide : elle dépasse 1000000000",
    );
}

#[test]
fn a_private_note_must_belong_to_a_step() {
    let bundle =
        domain::bundle::export_backup(&[sample_diagnostic(DIAGNOSTIC_ID)], &[], "0.1.0", NOW);
    let mut value: Value = serde_json::from_str(&to_json_pretty(&bundle)).unwrap();
    value["diagnostics"][0]["private_notes"] =
        json!({"gouvernance": "Relancer la préfecture.", "__proto__": "perdue"});
    assert_problem(
        &refused(&value),
        "diagnostics[0].private_notes.__proto__",
        "thème inconnu « __proto__ »",
    );
    value["diagnostics"][0]["private_notes"] =
        json!({"gouvernance": "Relancer la préfecture.", "_import_non_repris": "Ancienne réponse"});
    assert!(import(value.to_string().as_bytes()).is_ok());
}

#[test]
fn a_feedback_on_a_question_this_version_lacks_asks_to_update_the_app() {
    let mut feedback = common::sample_feedback();
    feedback
        .question_comments
        .insert("question_de_2028".into(), "Nouvelle question.".into());
    let bundle = domain::bundle::export_feedback(&[feedback], "0.2.0", NOW);
    let rejection = import(to_json_pretty(&bundle).as_bytes()).unwrap_err();
    assert_problem(
        &rejection,
        "feedback[0].feedback.question_comments.question_de_2028",
        "inconnue de cette version de l'application : si la MOT utilise une version plus \
         récente, mettez l'application à jour",
    );
}
