//! Tests of answer validation: each kind of mistake gets its French message.

use super::*;

fn question(kind_json: &str) -> Question {
    serde_json::from_str(&format!(
        r#"{{"id":"q","label":"Question ?","help":"Parce que.","kind":{kind_json}}}"#
    ))
    .unwrap()
}

fn choices() -> Question {
    question(
        r#"{"type":"multiple_choice","options":[
            {"id":"train","label":"Train"},{"id":"bus","label":"Bus"},
            {"id":"aucune","label":"Aucune desserte","exclusive":true}]}"#,
    )
}

#[test]
fn a_variant_of_another_kind_is_refused() {
    let yes_no = question(r#"{"type":"yes_no"}"#);
    assert_eq!(validate_answer(&yes_no, &Answer::YesNo(false)), Ok(()));
    let error = validate_answer(&yes_no, &Answer::Number(1.0)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Cette réponse ne correspond pas à la question : elle attend oui ou non."
    );
}

#[test]
fn unknown_follows_the_question_and_its_kind() {
    let yes_no = question(r#"{"type":"yes_no"}"#);
    assert_eq!(validate_answer(&yes_no, &Answer::Unknown), Ok(()));
    let text = question(r#"{"type":"text","max_length":10}"#);
    assert_eq!(
        validate_answer(&text, &Answer::Unknown),
        Err(AnswerError::UnknownNotAllowed)
    );
    let mut number = question(r#"{"type":"number"}"#);
    number.allow_unknown = Some(true);
    assert_eq!(validate_answer(&number, &Answer::Unknown), Ok(()));
}

#[test]
fn maturity_levels_stop_at_four() {
    let maturity = question(r#"{"type":"maturity"}"#);
    assert_eq!(validate_answer(&maturity, &Answer::Maturity(4)), Ok(()));
    let error = validate_answer(&maturity, &Answer::Maturity(5)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Le niveau 5 n'existe pas : choisissez un niveau de 0 à 4."
    );
}

#[test]
fn options_must_exist_and_exclusive_ones_stand_alone() {
    let q = choices();
    assert_eq!(
        validate_answer(&q, &Answer::Choices(vec!["train".into(), "bus".into()])),
        Ok(())
    );
    assert_eq!(
        validate_answer(&q, &Answer::Choices(vec!["aucune".into()])),
        Ok(())
    );
    let error =
        validate_answer(&q, &Answer::Choices(vec!["bus".into(), "aucune".into()])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "« Aucune desserte » ne peut pas être cochée avec d'autres options : décochez l'une ou l'autre."
    );
    assert_eq!(
        validate_answer(&q, &Answer::Choices(vec!["avion".into()])),
        Err(AnswerError::UnknownOption {
            option: "avion".into()
        })
    );
    assert_eq!(
        validate_answer(&q, &Answer::Choices(vec!["bus".into(), "bus".into()])),
        Err(AnswerError::DuplicateOption {
            option: "bus".into()
        })
    );
    assert_eq!(
        validate_answer(&q, &Answer::Choices(vec![])),
        Err(AnswerError::NothingTicked)
    );
}

#[test]
fn single_choice_checks_the_option_id() {
    let q = question(r#"{"type":"single_choice","options":[{"id":"oui","label":"Oui"}]}"#);
    assert_eq!(validate_answer(&q, &Answer::Choice("oui".into())), Ok(()));
    let error = validate_answer(&q, &Answer::Choice("peut_etre".into())).unwrap_err();
    assert_eq!(
        error.to_string(),
        "L'option « peut_etre » ne fait pas partie des choix de cette question."
    );
}

#[test]
fn numbers_respect_bounds_and_integers() {
    let q = question(r#"{"type":"number","unit":"km","min":0,"max":200,"integer":false}"#);
    assert_eq!(validate_answer(&q, &Answer::Number(12.5)), Ok(()));
    let error = validate_answer(&q, &Answer::Number(250.5)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "La valeur 250,5 est supérieure au maximum accepté (200 km)."
    );
    let error = validate_answer(&q, &Answer::Number(-1.0)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "La valeur -1 est inférieure au minimum accepté (0 km)."
    );
    let whole = question(r#"{"type":"number","integer":true}"#);
    let error = validate_answer(&whole, &Answer::Number(3.5)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "La valeur 3,5 doit être un nombre entier."
    );
    assert_eq!(
        validate_answer(&whole, &Answer::Number(f64::NAN)),
        Err(AnswerError::NotANumber)
    );
    // The field keeps what does not read as a number, for the town to correct.
    let error = validate_answer(&q, &Answer::Text(" 12 km ".into())).unwrap_err();
    assert_eq!(
        error.to_string(),
        "« 12 km » n'est pas un nombre : écrivez seulement le nombre, par exemple 12,5."
    );
    assert!(error.is_kept_for_correction());
    let wrong_kind = validate_answer(&q, &Answer::YesNo(true)).unwrap_err();
    assert!(!wrong_kind.is_kept_for_correction());
}

#[test]
fn texts_have_a_length_limit() {
    let q = question(r#"{"type":"text","max_length":5}"#);
    assert_eq!(validate_answer(&q, &Answer::Text("Étang".into())), Ok(()));
    let error = validate_answer(&q, &Answer::Text("Rivières".into())).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Le texte compte 8 caractères ; la limite est de 5 caractères."
    );
    assert_eq!(
        validate_answer(&q, &Answer::Text("  ".into())),
        Err(AnswerError::EmptyText)
    );
}

#[test]
fn identifiers_are_checked_with_their_own_messages() {
    let insee = question(r#"{"type":"insee_code"}"#);
    assert_eq!(
        validate_answer(&insee, &Answer::Text("2A004".into())),
        Ok(())
    );
    let error = validate_answer(&insee, &Answer::Text("1234".into())).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Le code INSEE « 1234 » doit comporter 5 caractères (ex. 08190 ou 2A004)."
    );
    let siren = question(r#"{"type":"siren"}"#);
    assert_eq!(
        validate_answer(&siren, &Answer::Text("200 067 213".into())),
        Ok(())
    );
    assert!(matches!(
        validate_answer(&siren, &Answer::Text("123456789".into())),
        Err(AnswerError::Siren(SirenError::BadChecksum { .. }))
    ));
}
