//! Tests of the definition check: each kind of mistake is caught and named.

use super::*;

/// A small sound questionnaire: the required profile and one theme.
fn minimal() -> Questionnaire {
    serde_json::from_str(
        r#"{
        "id": "test", "version": 1, "title": "Test",
        "maturity_levels": [
            {"level": 0, "label": "Aucun", "description": "Rien."},
            {"level": 1, "label": "Enjeu identifié", "description": "Vu."},
            {"level": 2, "label": "Contacts établis", "description": "Échanges."},
            {"level": 3, "label": "Action en cours", "description": "Projet."},
            {"level": 4, "label": "Coopération structurée", "description": "Durable."}
        ],
        "steps": [
            {"id": "profil", "kind": "profile", "title": "Profil", "intro": "Votre territoire.",
             "questions": [
                {"id": "profil_commune_nom", "label": "Commune", "help": "Pour vous nommer.",
                 "kind": {"type": "text", "max_length": 80}},
                {"id": "profil_code_insee", "label": "Code INSEE", "help": "Pour vous situer.",
                 "kind": {"type": "insee_code"}},
                {"id": "profil_siren_epci", "label": "SIREN", "help": "Pour l'EPCI.",
                 "kind": {"type": "siren"}},
                {"id": "profil_departement", "label": "Département", "help": "Pour les programmes.",
                 "kind": {"type": "single_choice", "options": [{"id": "08", "label": "Ardennes"}]}},
                {"id": "profil_pays_voisins", "label": "Pays", "help": "Pour la frontière.",
                 "kind": {"type": "multiple_choice", "options": [{"id": "BE", "label": "Belgique"}]}},
                {"id": "profil_programmes_interreg", "label": "Programmes", "help": "Pour financer.",
                 "kind": {"type": "multiple_choice", "options": [{"id": "fwvl", "label": "FWVL"}]}},
                {"id": "profil_distance", "label": "Distance", "help": "Pour la proximité.",
                 "kind": {"type": "number", "unit": "km", "min": 0, "max": 500}}
             ]},
            {"id": "gouvernance", "kind": "theme", "title": "Gouvernance", "intro": "Coopérer.",
             "questions": [
                {"id": "gov_relations", "label": "Relations ?", "help": "Base de tout.",
                 "kind": {"type": "maturity"}},
                {"id": "gov_convention", "label": "Convention ?", "help": "Cadre formel.",
                 "kind": {"type": "yes_no"}},
                {"id": "gov_convention_detail", "label": "Laquelle ?", "help": "Pour la retrouver.",
                 "kind": {"type": "text", "max_length": 300},
                 "condition": {"equals": {"question": "gov_convention", "value": true}}}
             ]}
        ]}"#,
    )
    .unwrap()
}

fn theme(q: &mut Questionnaire) -> &mut Vec<Question> {
    &mut q.steps[1].questions
}

fn with_condition(json: &str) -> Vec<DefinitionError> {
    let mut q = minimal();
    theme(&mut q)[2].condition = Some(serde_json::from_str(json).unwrap());
    q.check()
}

#[test]
fn the_minimal_questionnaire_is_sound() {
    assert_eq!(minimal().check(), vec![]);
}

#[test]
fn duplicate_question_ids_are_caught_across_steps() {
    let mut q = minimal();
    theme(&mut q)[0].id = "profil_distance".into();
    let errors = q.check();
    assert!(errors.contains(&DefinitionError::DuplicateQuestionId {
        question: "profil_distance".into(),
        first_step: "profil".into(),
        second_step: "gouvernance".into(),
    }));
    assert_eq!(
        errors[0].to_string(),
        "L'identifiant de question « profil_distance » est utilisé plusieurs fois \
         (étapes « profil » et « gouvernance »)."
    );
}

#[test]
fn duplicate_step_and_option_ids_are_caught() {
    let mut q = minimal();
    q.steps[1].id = "profil".into();
    assert!(q.check().contains(&DefinitionError::DuplicateStepId {
        step: "profil".into()
    }));

    let mut q = minimal();
    if let QuestionKind::MultipleChoice { options, .. } = &mut q.steps[0].questions[4].kind {
        options.push(options[0].clone());
    }
    assert!(q.check().contains(&DefinitionError::BadOptionId {
        question: "profil_pays_voisins".into(),
        option: "BE".into(),
    }));
}

#[test]
fn ids_must_be_plain_lower_case() {
    let mut q = minimal();
    theme(&mut q)[0].id = "Gov relations".into();
    assert!(q.check().contains(&DefinitionError::InvalidId {
        id: "Gov relations".into()
    }));
}

#[test]
fn empty_labels_and_help_are_caught() {
    let mut q = minimal();
    theme(&mut q)[0].label = " ".into();
    theme(&mut q)[1].help = String::new();
    let errors = q.check();
    assert!(errors.contains(&DefinitionError::EmptyLabel {
        question: "gov_relations".into()
    }));
    assert!(errors.contains(&DefinitionError::EmptyHelp {
        question: "gov_convention".into()
    }));
    assert_eq!(
        errors[1].to_string(),
        "La question « gov_convention » n'a pas de texte d'aide (« help »)."
    );
}

#[test]
fn a_choice_without_options_is_caught() {
    let mut q = minimal();
    theme(&mut q)[1].kind = QuestionKind::SingleChoice {
        options: vec![],
        max_points: None,
    };
    let errors = q.check();
    assert!(errors.contains(&DefinitionError::NoOptions {
        question: "gov_convention".into()
    }));
}

#[test]
fn number_bounds_must_make_sense() {
    let mut q = minimal();
    q.steps[0].questions[6].kind =
        serde_json::from_str(r#"{"type": "number", "min": 50, "max": 10}"#).unwrap();
    let errors = q.check();
    assert_eq!(
        errors,
        vec![DefinitionError::MinAboveMax {
            question: "profil_distance".into(),
            min: "50".into(),
            max: "10".into()
        }]
    );

    q.steps[0].questions[6].kind =
        serde_json::from_str(r#"{"type": "number", "min": 0, "max": 10, "default": 12.5}"#)
            .unwrap();
    assert!(matches!(
        &q.check()[..],
        [DefinitionError::BadDefault { .. }]
    ));
}

#[test]
fn text_with_no_room_is_caught() {
    let mut q = minimal();
    theme(&mut q)[2].kind = QuestionKind::Text {
        max_length: 0,
        multiline: false,
    };
    assert_eq!(
        q.check(),
        vec![DefinitionError::TextMaxLengthZero {
            question: "gov_convention_detail".into()
        }]
    );
}

#[test]
fn maturity_questions_need_the_five_levels() {
    let mut q = minimal();
    q.maturity_levels.pop();
    assert_eq!(
        q.check(),
        vec![DefinitionError::MaturityScaleMissing {
            question: "gov_relations".into()
        }]
    );
    let mut q = minimal();
    q.maturity_levels[3].label = String::new();
    assert_eq!(q.check().len(), 1);
}

#[test]
fn conditions_must_name_an_existing_earlier_question() {
    let errors = with_condition(r#"{"answered": "gov_inconnue"}"#);
    assert_eq!(
        errors,
        vec![DefinitionError::ConditionUnknownQuestion {
            question: "gov_convention_detail".into(),
            target: "gov_inconnue".into()
        }]
    );
    let itself = with_condition(r#"{"answered": "gov_convention_detail"}"#);
    assert!(matches!(
        &itself[..],
        [DefinitionError::ConditionNotEarlier { .. }]
    ));

    let mut q = minimal();
    theme(&mut q)[0].condition =
        Some(serde_json::from_str(r#"{"answered": "gov_convention"}"#).unwrap());
    assert!(matches!(
        &q.check()[..],
        [DefinitionError::ConditionNotEarlier { .. }]
    ));
}

#[test]
fn conditions_may_read_the_profile_but_not_another_theme() {
    assert_eq!(
        with_condition(r#"{"any_of": {"question": "profil_pays_voisins", "values": ["BE"]}}"#),
        vec![]
    );
    let mut q = minimal();
    let mut other = q.steps[1].clone();
    other.id = "mobilite".into();
    for question in &mut other.questions {
        question.id = question.id.replace("gov_", "mob_");
    }
    other.questions[2].condition = Some(
        serde_json::from_str(r#"{"equals": {"question": "gov_convention", "value": true}}"#)
            .unwrap(),
    );
    q.steps.push(other);
    assert!(matches!(
        &q.check()[..],
        [DefinitionError::ConditionOtherTheme { .. }]
    ));
}

#[test]
fn conditions_must_fit_the_kind_and_options_of_their_target() {
    let wrong_value =
        with_condition(r#"{"equals": {"question": "gov_convention", "value": "oui"}}"#);
    assert!(matches!(
        &wrong_value[..],
        [DefinitionError::ConditionKindMismatch { kind: "yes_no", .. }]
    ));
    let level_too_high = with_condition(r#"{"equals": {"question": "gov_relations", "value": 7}}"#);
    assert_eq!(level_too_high.len(), 1);
    let not_a_number = with_condition(r#"{"gt": {"question": "gov_convention", "value": 1}}"#);
    assert_eq!(not_a_number.len(), 1);
    let unknown_option = with_condition(
        r#"{"any_of": {"question": "profil_pays_voisins", "values": ["BE", "XX"]}}"#,
    );
    assert_eq!(
        unknown_option,
        vec![DefinitionError::ConditionUnknownOption {
            question: "gov_convention_detail".into(),
            target: "profil_pays_voisins".into(),
            option: "XX".into()
        }]
    );
    let nested = with_condition(
        r#"{"all": [{"not": {"answered": "nulle_part"}}, {"ge": {"question": "gov_relations", "value": 2}}]}"#,
    );
    assert!(matches!(
        &nested[..],
        [DefinitionError::ConditionUnknownQuestion { .. }]
    ));
}

#[test]
fn the_profile_questions_the_app_reads_must_exist() {
    let mut q = minimal();
    q.steps[0].questions.remove(2);
    assert_eq!(
        q.check(),
        vec![DefinitionError::MissingProfileQuestion {
            question: "profil_siren_epci",
            expected: "siren"
        }]
    );
}

#[test]
fn the_questionnaire_needs_an_id_a_version_and_a_profile_first() {
    let mut q = minimal();
    q.id = String::new();
    q.version = 0;
    q.steps.swap(0, 1);
    let errors = q.check();
    assert!(errors.contains(&DefinitionError::MissingId));
    assert!(errors.contains(&DefinitionError::VersionZero));
    assert!(errors.contains(&DefinitionError::ProfileStepMisplaced));
}

#[test]
fn misc_option_mistakes_are_caught() {
    let mut q = minimal();
    q.steps[0].questions[3].kind = serde_json::from_str(
        r#"{"type": "single_choice", "options": [{"id": "08", "label": "", "exclusive": true}]}"#,
    )
    .unwrap();
    let errors = q.check();
    assert!(errors.contains(&DefinitionError::EmptyOptionLabel {
        question: "profil_departement".into(),
        option: "08".into()
    }));
    assert!(errors.contains(&DefinitionError::ExclusiveInSingleChoice {
        question: "profil_departement".into(),
        option: "08".into()
    }));
}

#[test]
fn the_closing_step_must_be_last_and_unique_and_unscored() {
    let mut q = minimal();
    let mut closing = q.steps[1].clone();
    closing.id = "attentes".into();
    closing.kind = StepKind::Closing;
    for question in &mut closing.questions {
        question.id = question.id.replace("gov_", "att_");
        question.condition = None;
    }
    q.steps.push(closing.clone());
    // gov_relations (maturity) became a scored question in the closing step.
    assert_eq!(
        q.check(),
        vec![DefinitionError::ScoredOutsideTheme {
            question: "att_relations".into()
        }]
    );
    q.steps[2].questions.remove(0);
    assert_eq!(q.check(), vec![]);
    q.steps.swap(1, 2);
    assert!(q.check().contains(&DefinitionError::ClosingStepMisplaced));
}

#[test]
fn an_outside_condition_may_read_any_step_but_must_fit_its_target() {
    let q = minimal();
    let sound: Condition = serde_json::from_str(
        r#"{"all": [{"any_of": {"question": "profil_pays_voisins", "values": ["BE"]}},
                    {"ge": {"question": "gov_relations", "value": 2}}]}"#,
    )
    .unwrap();
    assert_eq!(q.check_outside_condition("regle", &sound), vec![]);
    let wrong: Condition = serde_json::from_str(
        r#"{"any": [{"equals": {"question": "gov_convention", "value": 2}},
                    {"answered": "nulle_part"}]}"#,
    )
    .unwrap();
    let errors = q.check_outside_condition("regle", &wrong);
    assert_eq!(errors.len(), 2);
    assert!(matches!(
        &errors[0],
        DefinitionError::ConditionKindMismatch { question, .. } if question == "regle"
    ));
}
