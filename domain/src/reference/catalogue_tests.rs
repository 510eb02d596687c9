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
        ..Territory::default()
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
fn structures_are_near_their_departements_across_their_borders() {
    let catalogue = catalogue();
    let covers = |id: &str, t: &Territory| catalogue.structure(id).expect(id).is_near(t);
    assert!(covers("grand_geneve", &territory("74", &["CH"], &[])));
    assert!(!covers("grand_geneve", &territory("74", &["IT"], &[])));
    assert!(!covers("grand_geneve", &territory("68", &["CH"], &[])));
    // Creuse lies in Nouvelle-Aquitaine but has no border: the eurorégion is not "near" it
    // (whether a Creuse commune is inside is the perimeter's business, tested apart).
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

const SOURCE: &str =
    r#""sources": [{"title": "T", "url": "https://example.org/", "checked": "2026-12-06"}]"#;

fn files<'a>(structures: &'a str, contacts: &'a str, resources: &'a str) -> CatalogueFiles<'a> {
    CatalogueFiles {
        structures,
        contacts,
        resources,
        perimeters: "[]",
    }
}

#[test]
fn unknown_codes_and_repeated_ids_are_named() {
    let tables = ReferenceTables::embedded().expect("tables");
    let structures = format!(
        r#"[{{"id": "s", "name": "S", "kind": "gect", "countries": ["XX"], "departements": ["08"],
             "description": "Test.", {SOURCE}}}]"#
    );
    let contacts = format!(
        r#"[{{"id": "c", "label": "C", "role": "R.", "when": "W.", {SOURCE}}},
            {{"id": "c", "label": "C", "role": "R.", "when": "W.", {SOURCE}}}]"#
    );
    let resources = format!(
        r#"[{{"id": "r", "label": "R", "kind": "financement", "provider": "P",
             "description": "D.", "programmes": ["inconnu"], {SOURCE}}}]"#
    );
    let errors = Catalogue::from_json(files(&structures, &contacts, &resources), tables)
        .expect_err("three problems");
    assert_eq!(errors.len(), 3);
    assert_eq!(
        errors[2].to_string(),
        "« r » cite « inconnu », absent de la table des programmes."
    );
    let misspelt = Catalogue::from_json(
        files("[]", "[]", r#"[{"id": "r", "libelle": "R"}]"#),
        tables,
    );
    assert!(matches!(
        &misspelt.expect_err("unknown field")[..],
        [ReferenceError::Parse {
            file: "resources.json",
            ..
        }]
    ));
}

#[test]
fn facts_without_a_source_or_a_person_to_ask_are_refused() {
    let tables = ReferenceTables::embedded().expect("tables");
    let contacts = r#"[{"id": "c", "label": "C", "role": "R.", "when": "W.", "sources": [],
                        "unverified": "Le numéro n'est pas sûr."}]"#;
    let resources = format!(
        r#"[{{"id": "r", "label": "R", "kind": "financement", "provider": "P", "description": "D.",
             "amounts": {{"text": "10 000 €", "checked": "2026-12-06", "source": "https://ailleurs.org/"}},
             "perimeter": "inconnu", {SOURCE}}}]"#
    );
    let perimeters = r#"[{"id": "p", "name": "P", "epcis": [{"siren": "200093202", "name": "X"}],
                          "communes": [{"insee": "2C004", "name": "Y"}],
                          "sources": [{"title": "T", "url": "example.org", "checked": "2026-12-06"}]}]"#;
    let errors = Catalogue::from_json(
        CatalogueFiles {
            structures: "[]",
            contacts,
            resources: &resources,
            perimeters,
        },
        tables,
    )
    .expect_err("problems");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let expected = [
        "« r » cite « inconnu », absent de la table des périmètres.",
        "Le contact « c » : aucune source publique n'est indiquée.",
        "Le contact « c » : ce qui n'est pas vérifié doit dire auprès de qui le confirmer.",
        "La ressource « r » : la source « https://ailleurs.org/ » d'un fait daté n'est pas dans ses sources.",
        "Le périmètre « p » : la source « example.org » n'a pas de titre ou d'adresse web valable.",
        "Le périmètre « p » cite le SIREN « 200093202 » (X), mal formé.",
        "Le périmètre « p » cite le code INSEE « 2C004 » (Y), mal formé.",
    ];
    assert_eq!(messages, expected);
}

#[test]
fn no_text_of_the_data_says_a_raw_a_verifier() {
    for (file, json) in [
        ("structures.json", CatalogueFiles::EMBEDDED.structures),
        ("contacts.json", CatalogueFiles::EMBEDDED.contacts),
        ("resources.json", CatalogueFiles::EMBEDDED.resources),
        ("perimeters.json", CatalogueFiles::EMBEDDED.perimeters),
        (
            "interreg_programmes.json",
            include_str!("../../data/interreg_programmes.json"),
        ),
        (
            "departements.json",
            include_str!("../../data/departements.json"),
        ),
    ] {
        let lower = json.to_lowercase();
        for banned in ["vérifier", "a_verifier", "jems"] {
            assert!(!lower.contains(banned), "{file} contient « {banned} »");
        }
    }
}

#[test]
fn a_partial_perimeter_must_say_what_is_missing_and_who_to_ask() {
    let partial = |unverified: &str| -> Perimeter {
        serde_json::from_str(&format!(
            r#"{{"id": "p", "name": "P", "partial": true,
                 "communes": [{{"insee": "64260", "name": "Hendaye"}}], {SOURCE}{unverified}}}"#
        ))
        .expect("perimeter")
    };
    assert_eq!(
        partial("").member_problems(),
        vec![
            "Le périmètre « p » est incomplet : dites ce qui manque et auprès de qui le confirmer \
             (« unverified »)."
                .to_string()
        ]
    );
    let said = r#", "unverified": "Irun n'est pas listée : à confirmer auprès du consorcio.""#;
    assert!(partial(said).member_problems().is_empty());
}

#[test]
fn a_commune_is_inside_a_perimeter_by_its_code_its_intercommunalite_or_its_departement() {
    let perimeter: Perimeter = serde_json::from_str(&format!(
        r#"{{"id": "p", "name": "P", "whole_departements": ["66"],
             "epcis": [{{"siren": "200093201", "name": "MEL"}}],
             "communes": [{{"insee": "64260", "name": "Hendaye"}}], {SOURCE}}}"#
    ))
    .expect("perimeter");
    let place = |insee: Option<&str>, siren: Option<&str>, departement: &str| Place {
        insee: insee.map(str::to_string),
        siren: siren.map(str::to_string),
        departement: Some(departement.to_string()),
    };
    assert!(perimeter.contains(&place(Some("64260"), None, "64")));
    assert!(perimeter.contains(&place(Some("59350"), Some("200093201"), "59")));
    assert!(perimeter.contains(&place(None, None, "66")));
    assert!(!perimeter.contains(&place(Some("59599"), Some("245901160"), "59")));
    assert!(!place(Some("59599"), None, "59").can_be_placed_in(&perimeter));
    assert!(place(Some("59599"), Some("245901160"), "59").can_be_placed_in(&perimeter));
}
