//! Tests of the report model, the annex and project sheets, on a Givet-like diagnostic.

use super::tests_support::{choices, data, questionnaire, town};
use super::*;
use crate::answer::Answer;
use crate::diagnostic::profile_ids;
use crate::questionnaire::{
    ObstacleType, EXPECTATIONS_DETAILS_ID, SUPPORT_REQUESTS_ID, TRAINING_INTERESTS_ID,
};

fn givet() -> Diagnostic {
    let mut d = town(
        "08",
        &["BE"],
        &[
            (profile_ids::INSEE_CODE, Answer::Text("08190".into())),
            ("profil_population", Answer::Number(6500.0)),
            ("profil_distance_frontiere", Answer::Number(1.5)),
            (STRUCTURES_ID, choices(&["autre"])),
            (
                OTHER_STRUCTURES_ID,
                Answer::Text("Pays de Givet – Namur".into()),
            ),
            (RESPONDENT_ROLE_ID, Answer::Choice("chef_projet_pvd".into())),
            ("gov_relations", Answer::Maturity(4)),
            ("gov_convention", Answer::YesNo(true)),
            ("gov_instances", Answer::Choice("regulierement".into())),
            ("gov_projet_territoire", Answer::Choice("actions".into())),
            ("gov_obstacle", Answer::YesNo(true)),
            ("gov_langues", choices(&["francais_seulement"])),
            ("mob_desserte", choices(&["aucune"])),
            ("mob_cooperation_aom", Answer::Maturity(3)),
            ("mob_problemes", choices(&["pas_de_ligne", "tarification"])),
            ("mob_planification", Answer::Unknown),
            ("san_recours", Answer::Choice("majoritairement".into())),
            ("san_dispositif", Answer::YesNo(false)),
            (
                TRAINING_INTERESTS_ID,
                choices(&["acces_soins", "mobilite_durable"]),
            ),
            (SUPPORT_REQUESTS_ID, choices(&["diagnostic_sur_place"])),
            (
                EXPECTATIONS_DETAILS_ID,
                Answer::Text(" Avant l'été. ".into()),
            ),
        ],
    );
    d.not_concerned_themes.insert("culture".into());
    d
}

fn report() -> Report {
    build_report_with(&data(), questionnaire(), &givet())
}

#[test]
fn the_territory_summary_reads_the_profile() {
    let t = report().territory;
    assert_eq!(t.commune, "Givet");
    assert_eq!(t.insee_code.as_deref(), Some("08190"));
    assert_eq!(t.departement_name.as_deref(), Some("Ardennes"));
    assert_eq!(t.countries, vec!["Belgique"]);
    assert_eq!(
        t.programmes,
        vec!["Interreg France-Wallonie-Vlaanderen (VI)"]
    );
    assert!(t.programmes_suggested);
    assert_eq!(t.population, Some(6500.0));
    assert_eq!(t.structures, vec!["Pays de Givet – Namur"]);
    assert_eq!(
        t.respondent_role.as_deref(),
        Some("Chef(fe) de projet Petites Villes de Demain")
    );
}

#[test]
fn no_structure_and_another_not_named_are_said_as_answered() {
    let structures = |answer: Answer| {
        let mut d = givet();
        d.answers.insert(STRUCTURES_ID.into(), answer);
        d.answers.remove(OTHER_STRUCTURES_ID);
        build_report_with(&data(), questionnaire(), &d)
            .territory
            .structures
    };
    let label = |id: &str| {
        let question = questionnaire().question(STRUCTURES_ID).expect("question");
        question.kind.option(id).expect("option").label.clone()
    };
    assert_eq!(structures(choices(&["aucune"])), vec![label("aucune")]);
    assert_eq!(structures(choices(&["autre"])), vec![label("autre")]);
}

#[test]
fn scores_strengths_obstacles_and_unknowns() {
    let r = report();
    assert_eq!(r.theme_results.len(), 12);
    let gouvernance = &r.theme_results[0];
    assert_eq!(gouvernance.percent(), Some(100));
    let culture = r
        .theme_results
        .iter()
        .find(|t| t.step_id == "culture")
        .expect("culture");
    assert!(culture.not_concerned);
    assert_eq!(r.overall.not_concerned_themes, 1);
    assert_eq!(r.radar_values().len(), 11);
    assert!(matches!(
        r.strengths[0].kind,
        StrengthKind::Theme { share } if share == 1.0
    ));
    // A maturity of 3 in a theme that is not strong overall is a strength of its own.
    assert!(r.strengths.iter().any(|s| matches!(
        &s.kind,
        StrengthKind::Answer { question_id, answer_text, .. }
            if question_id == "mob_cooperation_aom" && answer_text == "3 — Action en cours"
    )));
    let obstacles: Vec<(ObstacleType, usize)> =
        r.obstacles.iter().map(|o| (o.obstacle, o.count)).collect();
    assert_eq!(
        obstacles,
        vec![
            (ObstacleType::Accessibilite, 2),
            (ObstacleType::JuridiqueAdmin, 1),
            (ObstacleType::Langue, 1),
            (ObstacleType::Gouvernance, 1),
        ]
    );
    assert_eq!(r.obstacles[0].sources[0].answer_text, "Aucune desserte");
    // Of « mob_problemes », each obstacle lists only the options that report it.
    let option_label = |id: &str| {
        let question = questionnaire().question("mob_problemes").expect("question");
        question.kind.option(id).expect("option").label.clone()
    };
    let source_of = |obstacle: ObstacleType| {
        let summary = r.obstacles.iter().find(|o| o.obstacle == obstacle);
        summary
            .and_then(|o| o.sources.iter().find(|s| s.question_id == "mob_problemes"))
            .map(|s| s.answer_text.clone())
    };
    assert_eq!(
        source_of(ObstacleType::Accessibilite),
        Some(option_label("pas_de_ligne"))
    );
    assert_eq!(
        source_of(ObstacleType::Gouvernance),
        Some(option_label("tarification"))
    );
    let unknowns: Vec<&str> = r.unknowns.iter().map(|u| u.question_id.as_str()).collect();
    assert_eq!(unknowns, vec!["mob_planification"]);
    assert_eq!(r.overall.unknown, 1);
}

#[test]
fn expectations_and_completion_come_from_the_closing_step() {
    let r = report();
    assert_eq!(
        r.expectations.training_interests,
        vec!["Accès aux soins transfrontalier", "Mobilité durable"]
    );
    assert_eq!(
        r.expectations.support_requests,
        vec!["Diagnostic sur place"]
    );
    assert_eq!(r.expectations.details.as_deref(), Some("Avant l'été."));
    assert!(r.completion.applicable > r.completion.answered);
    let mut none = givet();
    none.answers
        .insert(TRAINING_INTERESTS_ID.into(), choices(&["aucune"]));
    let expectations = expectations(questionnaire(), &none);
    assert!(expectations.training_interests.is_empty());
}

#[test]
fn the_opportunities_of_givet_come_with_their_resources_and_contacts() {
    let r = report();
    let ids: Vec<&str> = r.opportunities.iter().map(|o| o.rule_id.as_str()).collect();
    for id in [
        "gov_obstacle_b_solutions",
        "mob_ligne_transfrontaliere",
        "san_acces_soins",
        "gov_langues",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(r
        .opportunities
        .windows(2)
        .all(|w| w[0].priority <= w[1].priority));
    let sante = r.opportunity("san_acces_soins").expect("santé");
    let contacts: Vec<&str> = sante.contacts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        contacts,
        vec!["ars", "cpam_cleiss", "conseil_departemental"]
    );
    assert!(sante.why.contains("ZOAST"));
}

#[test]
fn a_project_sheet_is_prefilled_from_an_opportunity() {
    let r = report();
    let opportunity = r
        .opportunity("mob_ligne_transfrontaliere")
        .expect("mobilité");
    let sheet =
        project_sheet_from_opportunity(opportunity, &r.recommendations, "p1".into(), "2026-03-01");
    assert_eq!(sheet.title, opportunity.title);
    assert_eq!(
        sheet.opportunity_id.as_deref(),
        Some("mob_ligne_transfrontaliere")
    );
    assert_eq!(sheet.theme_id.as_deref(), Some("mobilite"));
    assert_eq!(sheet.need, opportunity.why);
    assert_eq!(sheet.actions, opportunity.first_steps);
    assert_eq!(
        sheet.funding_sources,
        vec![
            "Projet Interreg « classique » du programme de votre frontière",
            "Micro-projets Interreg France-Wallonie-Vlaanderen",
        ]
    );
    assert_eq!(sheet.created_at, "2026-03-01");
    assert!(sheet.partners.is_empty());
}

#[test]
fn the_annex_lists_only_applicable_questions_in_french() {
    let annex = answers_annex(questionnaire(), &givet());
    let profile = &annex[0];
    let answer_of = |step: &AnnexStep, id: &str| {
        step.items
            .iter()
            .find(|i| i.question_id == id)
            .map(|i| i.answer_text.clone())
    };
    assert_eq!(
        answer_of(profile, "profil_population").as_deref(),
        Some("6\u{202F}500 habitants")
    );
    assert_eq!(
        answer_of(profile, "profil_distance_frontiere").as_deref(),
        Some("1,5 km")
    );
    let gouvernance = &annex[1];
    assert_eq!(
        answer_of(gouvernance, "gov_relations").as_deref(),
        Some("4 — Coopération structurée")
    );
    assert_eq!(
        answer_of(gouvernance, "gov_convention").as_deref(),
        Some("Oui")
    );
    // The detail is visible (convention = oui) but unanswered.
    assert_eq!(
        answer_of(gouvernance, "gov_convention_detail").as_deref(),
        Some("Sans réponse")
    );
    let environnement = annex
        .iter()
        .find(|s| s.step_id == "environnement")
        .expect("env");
    // Hidden until a shared river is declared.
    assert_eq!(answer_of(environnement, "env_eau_cooperation"), None);
    let culture = annex
        .iter()
        .find(|s| s.step_id == "culture")
        .expect("culture");
    assert!(culture.not_concerned && culture.items.is_empty());
    let mobilite = &annex[2];
    assert_eq!(
        answer_of(mobilite, "mob_planification").as_deref(),
        Some("Ne sait pas")
    );
    assert_eq!(
        answer_of(mobilite, "mob_problemes").as_deref(),
        Some("Pas de ligne, Tarifs ou billets différents de part et d'autre")
    );
}

#[test]
fn french_numbers_group_thousands_and_use_a_comma() {
    assert_eq!(fr_grouped_number(0.0), "0");
    assert_eq!(fr_grouped_number(999.0), "999");
    assert_eq!(fr_grouped_number(1234567.0), "1\u{202F}234\u{202F}567");
    assert_eq!(fr_grouped_number(12345.678), "12\u{202F}345,68");
    assert_eq!(fr_grouped_number(-1.5), "-1,5");
    assert_eq!(fr_grouped_number(2.10), "2,1");
}

#[test]
fn the_embedded_report_and_recommendations_are_available() {
    let d = givet();
    let report = build_report(questionnaire(), &d).expect("report");
    let recommendations = recommend(questionnaire(), &d).expect("recommendations");
    assert_eq!(report.recommendations, recommendations);
    let json = serde_json::to_string(&report).expect("serialises");
    assert!(json.contains("\"priority_label\":\"Prioritaire\""));
}
