//! Tests of the embedded catalogue and of where its entries apply.

use std::collections::BTreeSet;

use super::*;
use crate::diagnostic::profile_ids;
use crate::Questionnaire;

fn catalogue() -> &'static Catalogue {
    match Catalogue::embedded() {
        Ok(catalogue) => catalogue,
        Err(errors) => panic!("{errors:?}"),
    }
}

fn territory(departement: &str, countries: &[&str], programmes: &[&str]) -> Territory {
    Territory {
        departement: Some(departement.to_string()),
        countries: countries.iter().map(|c| c.to_string()).collect(),
        programmes: programmes.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn the_embedded_catalogue_passes_the_check() {
    let catalogue = catalogue();
    let tables = ReferenceTables::embedded().expect("tables");
    assert_eq!(catalogue.check(tables), vec![]);
    assert!(catalogue.structures.len() >= 20);
    assert!(catalogue.contacts.len() >= 20);
    assert!(catalogue.resources.len() >= 20);
}

#[test]
fn the_profile_structures_are_the_structures_table() {
    let questionnaire = Questionnaire::embedded().expect("questionnaire");
    let question = questionnaire
        .question("profil_structures")
        .expect("profile question");
    let options: BTreeSet<&str> = question
        .kind
        .options()
        .iter()
        .map(|o| o.id.as_str())
        .filter(|id| !matches!(*id, "autre" | "aucune"))
        .collect();
    let structures: BTreeSet<&str> = catalogue()
        .structures
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(options, structures);
    assert!(questionnaire.question(profile_ids::DEPARTEMENT).is_some());
}

#[test]
fn mot_and_the_prefecture_are_always_recommended() {
    let always: Vec<&str> = catalogue()
        .contacts
        .iter()
        .filter(|c| c.always)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(always, vec!["mot", "prefecture_anct"]);
}

#[test]
fn resources_apply_by_programme_border_and_departement() {
    let catalogue = catalogue();
    let applies = |id: &str, t: &Territory| catalogue.resource(id).expect(id).applies_to(t);
    let givet = territory("08", &["BE"], &["fwvl"]);
    assert!(applies("fwvl_microprojets", &givet));
    assert!(!applies("alcotra_microprojets", &givet));
    assert!(applies("region_frontaliers_grand_est", &givet));
    assert!(applies("b_solutions", &givet));
    let inland = territory("23", &[], &[]);
    assert!(!applies("b_solutions", &inland));
    assert!(!applies("fwvl_microprojets", &inland));
    assert!(applies("pvd_anct", &inland));
    assert!(catalogue.resource("pvd_anct").expect("pvd").is_national());
    let geneva = territory("74", &["CH", "IT"], &["france_suisse", "alcotra"]);
    assert!(applies("cofinancement_suisse", &geneva));
    assert!(!applies("region_frontaliers_grand_est", &geneva));
}

#[test]
fn structures_cover_their_departements_across_their_borders() {
    let catalogue = catalogue();
    let covers = |id: &str, t: &Territory| catalogue.structure(id).expect(id).covers(t);
    assert!(covers("grand_geneve", &territory("74", &["CH"], &[])));
    assert!(!covers("grand_geneve", &territory("74", &["IT"], &[])));
    assert!(!covers("grand_geneve", &territory("68", &["CH"], &[])));
    // Creuse lies in Nouvelle-Aquitaine but has no border: the eurorégion does not cover it.
    let creuse = territory("23", &[], &[]);
    assert!(!covers(
        "euroregion_nouvelle_aquitaine_euskadi_navarre",
        &creuse
    ));
}

#[test]
fn contacts_can_be_limited_to_a_border_area() {
    let catalogue = catalogue();
    let infobest = catalogue.contact("infobest").expect("infobest");
    assert!(infobest.applies_to(&territory("68", &["DE", "CH"], &["rhin_superieur"])));
    assert!(!infobest.applies_to(&territory("74", &["CH"], &["france_suisse"])));
    let secretariat = catalogue
        .contact("secretariat_interreg")
        .expect("secretariat");
    assert!(!secretariat.applies_to(&territory("23", &[], &[])));
}

#[test]
fn unknown_codes_and_repeated_ids_are_named() {
    let tables = ReferenceTables::embedded().expect("tables");
    let errors = Catalogue::from_json(
        r#"[{"id": "s", "name": "S", "kind": "gect", "countries": ["XX"], "departements": ["08"],
             "description": "Test."}]"#,
        r#"[{"id": "c", "label": "C", "role": "R.", "when": "W."},
            {"id": "c", "label": "C", "role": "R.", "when": "W."}]"#,
        r#"[{"id": "r", "label": "R", "kind": "financement", "provider": "P",
             "description": "D.", "programmes": ["inconnu"]}]"#,
        tables,
    )
    .expect_err("three problems");
    assert_eq!(errors.len(), 3);
    assert_eq!(
        errors[2].to_string(),
        "« r » cite « inconnu », absent de la table des programmes."
    );
    let misspelt = Catalogue::from_json("[]", "[]", r#"[{"id": "r", "libelle": "R"}]"#, tables);
    assert!(matches!(
        &misspelt.expect_err("unknown field")[..],
        [ReferenceError::Parse {
            file: "resources.json",
            ..
        }]
    ));
}
