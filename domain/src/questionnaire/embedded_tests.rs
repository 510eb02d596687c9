//! Tests of the questionnaire shipped in `data/questionnaire.json`.

use std::collections::BTreeSet;

use super::*;
use crate::answer::Answer;
use crate::diagnostic::profile_ids;
use crate::reference::ReferenceTables;

fn embedded() -> &'static Questionnaire {
    match Questionnaire::embedded() {
        Ok(questionnaire) => questionnaire,
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn the_embedded_questionnaire_passes_the_check() {
    let questionnaire = embedded();
    assert_eq!(questionnaire.check(), vec![]);
    assert_eq!(questionnaire.id, "mot-pvd-transfrontalier");
    assert_eq!(questionnaire.version, 2);
    assert_eq!(questionnaire.maturity_levels[2].label, "Contacts établis");
}

#[test]
fn it_has_the_profile_then_the_twelve_themes_then_the_closing_step() {
    let questionnaire = embedded();
    let ids: Vec<&str> = questionnaire.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "profil",
            "gouvernance",
            "mobilite",
            "sante",
            "emploi",
            "economie",
            "education",
            "culture",
            "environnement",
            "amenagement",
            "services_publics",
            "observation",
            "ingenierie",
            "attentes",
        ]
    );
    assert_eq!(
        questionnaire.profile_step().map(|s| s.kind),
        Some(StepKind::Profile)
    );
    assert_eq!(questionnaire.theme_steps().count(), 12);
    assert_eq!(
        questionnaire.closing_step().map(|s| s.id.as_str()),
        Some("attentes")
    );
}

#[test]
fn the_closing_step_asks_training_interests_and_support_wanted() {
    let questionnaire = embedded();
    let closing = questionnaire.closing_step().expect("closing step");
    let option_ids = |id: &str| -> Vec<&str> {
        let question = closing
            .questions
            .iter()
            .find(|q| q.id == id)
            .expect("closing question");
        assert!(!question.optional, "{id} is required");
        assert!(question.kind.max_points().is_none(), "{id} is not scored");
        question
            .kind
            .options()
            .iter()
            .map(|o| o.id.as_str())
            .collect()
    };
    let training = option_ids(TRAINING_INTERESTS_ID);
    for topic in [
        "acces_soins",
        "mobilite_durable",
        "risques_ressources",
        "aucune",
    ] {
        assert!(training.contains(&topic), "{topic}");
    }
    let support = option_ids(SUPPORT_REQUESTS_ID);
    for kind in [
        "diagnostic_sur_place",
        "information_financements",
        "mise_en_relation",
        "appui_montage",
        "aucun",
    ] {
        assert!(support.contains(&kind), "{kind}");
    }
    assert!(questionnaire.question(EXPECTATIONS_DETAILS_ID).is_some());
    // The support question lives only in the closing step now.
    assert!(questionnaire.question("ing_appui_mot").is_none());
}

#[test]
fn the_closing_step_counts_in_progress_but_never_scores_nor_is_not_concerned() {
    let questionnaire = embedded();
    let closing = questionnaire.closing_step().expect("closing step");
    let mut diagnostic =
        crate::Diagnostic::new("d".into(), "Givet", "t", "mot-pvd-transfrontalier", 1);
    diagnostic.not_concerned_themes.insert(closing.id.clone());
    assert!(!is_step_not_concerned(
        closing,
        &diagnostic.not_concerned_themes
    ));
    assert_eq!(
        step_progress(questionnaire, closing, &diagnostic),
        Progress {
            answered: 0,
            applicable: 2
        }
    );
    diagnostic.answers.insert(
        TRAINING_INTERESTS_ID.into(),
        Answer::Choices(vec!["acces_soins".into()]),
    );
    assert_eq!(
        step_progress(questionnaire, closing, &diagnostic).answered,
        1
    );
    assert_eq!(
        score_theme(questionnaire, closing, &diagnostic),
        ThemeScore::default()
    );
}

#[test]
fn each_theme_has_five_to_eight_questions_with_help() {
    for step in embedded().theme_steps() {
        let count = step.questions.len();
        assert!(
            (5..=8).contains(&count),
            "{} has {count} questions",
            step.id
        );
        assert!(
            step.eu_cluster.is_some() || !step.obstacles.is_empty(),
            "{} has no tags",
            step.id
        );
    }
    for question in embedded().questions() {
        let help = question.help.trim();
        assert!(
            help.ends_with('.'),
            "{}: help should be sentences",
            question.id
        );
        assert!(
            help.chars().count() <= 320,
            "{}: help is too long",
            question.id
        );
    }
}

#[test]
fn the_profile_options_match_the_reference_tables() {
    let questionnaire = embedded();
    let tables = ReferenceTables::embedded().expect("tables");
    let option_ids = |id: &str| -> BTreeSet<String> {
        let question = questionnaire.question(id).expect("profile question");
        question
            .kind
            .options()
            .iter()
            .map(|o| o.id.clone())
            .collect()
    };
    let departements: BTreeSet<String> =
        tables.departements.iter().map(|d| d.code.clone()).collect();
    assert_eq!(option_ids(profile_ids::DEPARTEMENT), departements);
    let programmes: BTreeSet<String> = tables.programmes.iter().map(|p| p.id.clone()).collect();
    assert_eq!(option_ids(profile_ids::INTERREG_PROGRAMMES), programmes);
    let neighbours = option_ids(profile_ids::NEIGHBOUR_COUNTRIES);
    let expected = [
        "BE", "LU", "DE", "CH", "IT", "MC", "ES", "AD", "BR", "SR", "SX",
    ];
    assert_eq!(neighbours, expected.iter().map(|c| c.to_string()).collect());
    assert!(neighbours.iter().all(|code| tables.country(code).is_some()));
}

#[test]
fn lookups_find_steps_and_questions() {
    let questionnaire = embedded();
    assert_eq!(
        questionnaire.step("sante").map(|s| s.title.as_str()),
        Some("Santé et secours")
    );
    assert_eq!(
        questionnaire
            .step_of_question("mob_desserte")
            .map(|s| s.id.as_str()),
        Some("mobilite")
    );
    assert!(questionnaire.question(profile_ids::INSEE_CODE).is_some());
    assert_eq!(
        questionnaire.position_of(profile_ids::COMMUNE_NAME),
        Some(0)
    );
    assert!(questionnaire.step("inconnue").is_none());
}

#[test]
fn the_definition_survives_a_json_round_trip() {
    let questionnaire = embedded();
    let json = serde_json::to_string(questionnaire).expect("serialise");
    assert_eq!(Questionnaire::from_json(&json).as_ref(), Ok(questionnaire));
}

#[test]
fn a_misspelt_field_or_a_broken_definition_is_refused_with_a_message() {
    let misspelt = Questionnaire::embedded_json().replacen("\"help\"", "\"aide\"", 1);
    let error = Questionnaire::from_json(&misspelt).expect_err("unknown field");
    assert!(matches!(error, LoadError::Parse(_)));
    assert!(error
        .to_string()
        .starts_with("Le questionnaire est illisible"));

    let broken = Questionnaire::embedded_json().replacen("\"version\": 2", "\"version\": 0", 1);
    let error = Questionnaire::from_json(&broken).expect_err("version 0");
    assert_eq!(
        error,
        LoadError::Invalid(vec![DefinitionError::VersionZero])
    );
    assert_eq!(
        error.to_string(),
        "Le questionnaire comporte 1 problème(s) : La version du questionnaire doit être un entier \
         supérieur ou égal à 1."
    );
}

#[test]
fn a_full_walk_through_completes_and_scores() {
    let questionnaire = embedded();
    let mut diagnostic =
        crate::Diagnostic::new("d".into(), "Givet", "t", "mot-pvd-transfrontalier", 1);
    for step in questionnaire.theme_steps().skip(1) {
        diagnostic.not_concerned_themes.insert(step.id.clone());
    }
    let answers = [
        (profile_ids::INSEE_CODE, Answer::Text("08190".into())),
        (profile_ids::DEPARTEMENT, Answer::Choice("08".into())),
        ("profil_population", Answer::Number(6500.0)),
        (
            profile_ids::NEIGHBOUR_COUNTRIES,
            Answer::Choices(vec!["BE".into()]),
        ),
        ("profil_distance_frontiere", Answer::Number(1.5)),
        ("profil_structures", Answer::Choices(vec!["aucune".into()])),
        (profile_ids::EPCI_SIREN, Answer::Text("200067213".into())),
        (
            profile_ids::INTERREG_PROGRAMMES,
            Answer::Choices(vec!["fwvl".into()]),
        ),
        (
            "profil_fonction_repondant",
            Answer::Choice("chef_projet_pvd".into()),
        ),
        ("gov_relations", Answer::Maturity(2)),
        ("gov_convention", Answer::YesNo(false)),
        ("gov_instances", Answer::Choice("ponctuellement".into())),
        ("gov_projet_territoire", Answer::Unknown),
        ("gov_obstacle", Answer::YesNo(false)),
        ("gov_langues", Answer::Choices(vec!["neerlandais".into()])),
        (
            TRAINING_INTERESTS_ID,
            Answer::Choices(vec!["acces_soins".into(), "mobilite_durable".into()]),
        ),
        (SUPPORT_REQUESTS_ID, Answer::Choices(vec!["aucun".into()])),
    ];
    for (id, answer) in answers {
        diagnostic.answers.insert(id.to_string(), answer);
    }
    assert_eq!(review(questionnaire, &diagnostic), vec![]);
    let progress = overall_progress(questionnaire, &diagnostic);
    assert!(progress.is_complete(), "{progress:?}");
    let gouvernance = questionnaire.step("gouvernance").expect("step");
    let score = score_theme(questionnaire, gouvernance, &diagnostic);
    assert_eq!((score.points, score.potential, score.unknown), (3, 10, 1));
}

#[test]
fn maturity_questions_ask_where_things_stand() {
    // Their answer is a level on the scale (« Aucun » … « Coopération structurée »): a question
    // worded for « oui » or « non » (« Existe-t-il… ? ») would not fit it.
    for question in embedded().questions() {
        if matches!(question.kind, QuestionKind::Maturity) {
            assert!(
                question.label.starts_with("Où en est ")
                    || question.label.starts_with("Où en sont "),
                "{}: « {} » does not ask where things stand",
                question.id,
                question.label
            );
        }
    }
}

#[test]
fn no_number_is_asked_that_the_town_hall_would_have_to_guess() {
    // A guess (« selon vous ») is asked in ranges, with « Ne sait pas ».
    for question in embedded().questions() {
        if question.label.to_lowercase().contains("selon vous") {
            assert!(
                !matches!(question.kind, QuestionKind::Number { .. }),
                "{}: a guessed number",
                question.id
            );
            assert!(
                question.accepts_unknown(),
                "{}: no « Ne sait pas »",
                question.id
            );
        }
    }
}

#[test]
fn acronyms_are_explained_in_the_help_of_the_question_that_uses_them() {
    // Acronym → words of its meaning that the question's help (or its label, where the acronym
    // is spelt out at once) must hold wherever the question (label, help or options) uses it.
    let meanings: [(&str, &str); 16] = [
        ("ANCT", "cohésion des territoires"),
        ("GECT", "groupement"),
        ("ORT", "revitalisation"),
        ("CRTE", "transition écologique"),
        ("SCoT", "cohérence territoriale"),
        ("PLU", "plan local d'urbanisme"),
        ("SDIS", "incendie et de secours"),
        ("SMUR", "urgence"),
        ("CLEISS", "sécurité sociale"),
        ("ARS", "agence régionale de santé"),
        ("CPAM", "assurance maladie"),
        ("EURES", "réseau européen"),
        ("Anah", "Agence nationale de l'habitat"),
        ("OPAH", "amélioration de l'habitat"),
        ("ZOAST", "zones organisées"),
        ("EHPAD", "maisons de retraite"),
    ];
    for question in embedded().questions() {
        let mut texts = vec![question.label.as_str(), question.help.as_str()];
        texts.extend(question.kind.options().iter().map(|o| o.label.as_str()));
        let words: BTreeSet<&str> = texts
            .iter()
            .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
            .collect();
        // The programmes' application portal: a word for those who already apply, not here.
        assert!(!words.contains("JEMS"), "{}: « JEMS »", question.id);
        for (acronym, meaning) in meanings {
            if words.contains(acronym) {
                assert!(
                    question.help.contains(meaning) || question.label.contains(meaning),
                    "{}: « {acronym} » is not explained (« {meaning} »)",
                    question.id
                );
            }
        }
    }
}
