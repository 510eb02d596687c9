//! Tests of the report: rules as data, recommendations by département and border, the report
//! model, the annex and project sheets, on the data shipped with the app.

use std::collections::BTreeSet;

use super::tests_support::{choices, data, questionnaire, town};
use super::*;
use crate::answer::Answer;

fn fired(d: &Diagnostic) -> Vec<String> {
    build_report_with(&data(), questionnaire(), d)
        .opportunities
        .into_iter()
        .map(|o| o.rule_id)
        .collect()
}

#[test]
fn the_embedded_rules_pass_the_check_and_cover_every_theme() {
    let data = data();
    assert!(
        (25..=45).contains(&data.rules.len()),
        "{}",
        data.rules.len()
    );
    let themes: BTreeSet<&str> = data.rules.iter().map(|r| r.theme.as_str()).collect();
    for step in questionnaire().theme_steps() {
        assert!(themes.contains(step.id.as_str()), "no rule for {}", step.id);
    }
}

#[test]
fn the_rule_check_names_each_mistake() {
    let rules = parse_rules(
        r#"[{"id": "r", "theme": "santee", "priority": 4, "title": "T", "why": "W.",
             "first_steps": ["S."], "resources": ["inconnue"], "contacts": ["personne"],
             "borders": ["XX"],
             "when": {"all": [{"equals": {"question": "san_dispositif", "value": "oui"}},
                              {"one_of": {"question": "san_recours", "values": ["parfois"]}},
                              {"answered": "nulle_part"}]}},
            {"id": "r", "theme": "sante", "priority": 1, "title": " ", "why": "W.",
             "first_steps": [], "when": {"answered": "san_recours"}}]"#,
    )
    .expect("parses");
    let d = data();
    let errors = check_rules(&rules, questionnaire(), d.catalogue, d.tables);
    let expected = [
        RuleError::BadPriority {
            rule: "r".into(),
            priority: 4,
        },
        RuleError::UnknownTheme {
            owner: "r".into(),
            theme: "santee".into(),
        },
        RuleError::ConditionMismatch {
            rule: "r".into(),
            target: "san_dispositif".into(),
            kind: "yes_no",
        },
        RuleError::UnknownOption {
            rule: "r".into(),
            target: "san_recours".into(),
            option: "parfois".into(),
        },
        RuleError::UnknownQuestion {
            rule: "r".into(),
            target: "nulle_part".into(),
        },
        RuleError::UnknownResource {
            rule: "r".into(),
            resource: "inconnue".into(),
        },
        RuleError::UnknownContact {
            rule: "r".into(),
            contact: "personne".into(),
        },
        RuleError::UnknownCountry {
            rule: "r".into(),
            code: "XX".into(),
        },
        RuleError::BadId { rule: "r".into() },
        RuleError::EmptyText { rule: "r".into() },
    ];
    assert_eq!(errors, expected);
    assert_eq!(
        errors[4].to_string(),
        "La condition de la règle « r » porte sur « nulle_part », qui n'existe pas."
    );
    assert!(matches!(
        parse_rules(r#"[{"id": "r", "quand": {}}]"#),
        Err(RuleError::Parse(_))
    ));
}

#[test]
fn a_rule_fires_when_its_condition_holds_on_applicable_answers() {
    let mut d = town(
        "08",
        &["BE"],
        &[
            ("san_recours", Answer::Choice("majoritairement".into())),
            ("san_dispositif", Answer::YesNo(false)),
        ],
    );
    assert!(fired(&d).contains(&"san_acces_soins".to_string()));
    d.answers
        .insert("san_dispositif".into(), Answer::YesNo(true));
    assert!(!fired(&d).contains(&"san_acces_soins".to_string()));
    // "Ne sait pas" never equals a value.
    d.answers.insert("san_dispositif".into(), Answer::Unknown);
    assert!(!fired(&d).contains(&"san_acces_soins".to_string()));
}

#[test]
fn a_rule_never_fires_on_a_not_concerned_theme_or_a_hidden_answer() {
    let answers = [
        ("san_recours", Answer::Choice("souvent".into())),
        ("san_dispositif", Answer::YesNo(false)),
        ("env_eau_partagee", Answer::YesNo(false)),
        ("env_eau_cooperation", Answer::Maturity(0)),
    ];
    let mut d = town("08", &["BE"], &answers);
    let rules = fired(&d);
    // env_eau_cooperation is hidden by "non": its kept answer does not fire the water rule.
    assert!(!rules.contains(&"env_gestion_eau".to_string()));
    d.answers
        .insert("env_eau_partagee".into(), Answer::YesNo(true));
    assert!(fired(&d).contains(&"env_gestion_eau".to_string()));
    d.not_concerned_themes.insert("sante".into());
    assert!(!fired(&d).contains(&"san_acces_soins".to_string()));
}

#[test]
fn a_rule_limited_to_some_borders_fires_only_there() {
    let relations = [("gov_relations", Answer::Maturity(3))];
    let italy = town("73", &["IT"], &relations);
    assert!(fired(&italy).contains(&"gov_traite_bilateral".to_string()));
    let belgium = town("08", &["BE"], &relations);
    assert!(!fired(&belgium).contains(&"gov_traite_bilateral".to_string()));
}

#[test]
fn opportunities_are_ordered_by_priority_then_theme() {
    let d = town(
        "08",
        &["BE"],
        &[
            ("gov_relations", Answer::Maturity(1)),
            ("gov_projet_territoire", Answer::Choice("non".into())),
            ("mob_desserte", choices(&["aucune"])),
            ("ing_projet_identifie", Answer::YesNo(false)),
        ],
    );
    let report = build_report_with(&data(), questionnaire(), &d);
    let order: Vec<(u8, &str)> = report
        .opportunities
        .iter()
        .map(|o| (o.priority, o.rule_id.as_str()))
        .collect();
    assert_eq!(
        order,
        vec![
            (1, "gov_premier_contact"),
            (1, "mob_ligne_transfrontaliere"),
            (1, "ing_identifier_projet"),
            (2, "gov_volet_pvd"),
        ]
    );
    let first = &report.opportunities[0];
    assert_eq!(first.priority_label, "Prioritaire");
    assert_eq!(first.theme_title, "Gouvernance et coopération");
    // The rule asks for small projects: the FWVL micro-projects of an Ardennes town come along.
    let resources: Vec<&str> = first.resources.iter().map(|r| r.id.as_str()).collect();
    assert!(resources.contains(&"fwvl_microprojets"), "{resources:?}");
    assert!(!resources.contains(&"alcotra_microprojets"));
}
