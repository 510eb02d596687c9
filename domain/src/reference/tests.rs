//! Tests of the embedded reference tables and of programme suggestions.

use super::*;

fn suggested_ids(departement: &str) -> Vec<&'static str> {
    suggest_programmes(departement)
        .iter()
        .map(|p| p.id.as_str())
        .collect()
}

#[test]
fn the_embedded_tables_pass_the_check() {
    let tables = ReferenceTables::embedded().expect("the embedded reference tables are sound");
    assert_eq!(tables.check(), vec![]);
    // 96 metropolitan (2A and 2B instead of 20) + 8 overseas codes.
    assert_eq!(tables.departements.len(), 104);
}

#[test]
fn every_neighbour_of_the_questionnaire_is_a_known_country() {
    let tables = ReferenceTables::embedded().expect("tables");
    for code in [
        "BE", "LU", "DE", "CH", "IT", "MC", "ES", "AD", "BR", "SR", "SX",
    ] {
        assert!(tables.country(code).is_some(), "{code}");
    }
    assert_eq!(
        tables.country("CH").map(|c| c.name.as_str()),
        Some("Suisse")
    );
}

#[test]
fn border_departements_know_their_neighbours() {
    let tables = ReferenceTables::embedded().expect("tables");
    let neighbours = |code: &str| tables.departement(code).map(|d| d.neighbours.clone());
    assert_eq!(neighbours("08"), Some(vec!["BE".to_string()]));
    assert_eq!(
        neighbours("66"),
        Some(vec!["ES".to_string(), "AD".to_string()])
    );
    assert_eq!(neighbours("978"), Some(vec!["SX".to_string()]));
    assert_eq!(neighbours("2A"), Some(vec![]));
    assert_eq!(neighbours("20"), None);
}

#[test]
fn programmes_are_suggested_from_the_departement() {
    assert_eq!(suggested_ids("08"), vec!["fwvl"]);
    assert_eq!(suggested_ids("57"), vec!["grande_region"]);
    assert_eq!(suggested_ids("74"), vec!["france_suisse", "alcotra"]);
    assert_eq!(suggested_ids("06"), vec!["alcotra", "marittimo"]);
    assert_eq!(suggested_ids("64"), vec!["poctefa"]);
    assert_eq!(suggested_ids("973"), vec!["amazonie", "caraibes"]);
    assert_eq!(suggested_ids("2a"), vec!["marittimo"]);
    assert_eq!(suggested_ids("23"), Vec::<&str>::new());
}

#[test]
fn haut_rhin_gets_rhin_superieur_only() {
    // The France-Suisse area is five départements (01, 25, 39, 74, 90), per the Région
    // Bourgogne-Franche-Comté launch page of the 2021-2027 programme: Haut-Rhin is covered by
    // Rhin Supérieur, whose area includes the Basel cantons.
    assert_eq!(suggested_ids("68"), vec!["rhin_superieur"]);
}

#[test]
fn unverified_facts_say_who_to_ask() {
    let tables = ReferenceTables::embedded().expect("tables");
    let flagged = |id: &str| {
        tables
            .programme(id)
            .and_then(|p| p.unverified.as_deref())
            .is_some_and(|text| text.contains("auprès de"))
    };
    assert!(flagged("grande_region"));
    assert!(flagged("poctefa"));
    assert!(!flagged("france_suisse"));
}

#[test]
fn cross_references_are_checked() {
    let result = ReferenceTables::from_json(
        r#"[{"code": "08", "name": "Ardennes", "neighbours": ["XX"]}]"#,
        r#"[{"code": "BE", "name": "Belgique"}, {"code": "BE", "name": "Belgique"}]"#,
        r#"[{"id": "p", "name": "P", "short_name": "P", "countries": ["BE"], "departements": ["99"],
            "neighbour_area": "—", "managing_authority": "—",
            "sources": [{"title": "T", "url": "https://example.org/", "checked": "2026-12-06"}]}]"#,
    );
    let errors = result.expect_err("four problems");
    assert_eq!(errors.len(), 4);
    // A border read nowhere is a problem too.
    assert!(errors.contains(&ReferenceError::Provenance(
        "Le département « 08 » : aucune source publique n'est indiquée.".into()
    )));
    assert!(errors.contains(&ReferenceError::UnknownDepartement {
        programme: "p".into(),
        code: "99".into()
    }));
    assert_eq!(
        errors[0].to_string(),
        "Le code « BE » est vide ou répété dans la table pays."
    );
}

#[test]
fn unreadable_files_are_named() {
    let errors = ReferenceTables::from_json("[", "[]", "[]").expect_err("unreadable");
    assert!(matches!(
        &errors[..],
        [ReferenceError::Parse {
            file: "departements.json",
            ..
        }]
    ));
}
