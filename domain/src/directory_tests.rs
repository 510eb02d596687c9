//! Tests of the « Ressources et contacts » directory and of the question to the MOT.

use super::*;

fn data() -> ReportData<'static> {
    ReportData::embedded().expect("embedded data")
}

fn query() -> DirectoryQuery {
    DirectoryQuery::default()
}

fn programme_ids(d: &Directory) -> Vec<&str> {
    d.programmes.iter().map(|p| p.id.as_str()).collect()
}

fn structure_ids(d: &Directory) -> Vec<&str> {
    d.structures
        .iter()
        .map(|s| s.structure.id.as_str())
        .collect()
}

fn contact_ids(d: &Directory) -> Vec<&str> {
    d.contacts.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn with_no_filter_everything_is_listed() {
    let data = data();
    let all = directory(&data, &query());
    assert_eq!(all.programmes.len(), data.tables.programmes.len());
    assert_eq!(all.structures.len(), data.catalogue.structures.len());
    assert_eq!(all.contacts.len(), data.catalogue.contacts.len());
    assert_eq!(
        all.resources.len() + all.small_projects.len(),
        data.catalogue.resources.len()
    );
}

#[test]
fn a_departement_gives_its_programmes_structures_and_contacts() {
    let d = directory(
        &data(),
        &DirectoryQuery {
            departement: Some("64".into()),
            ..query()
        },
    );
    assert_eq!(programme_ids(&d), vec!["poctefa"]);
    let structures = structure_ids(&d);
    assert!(structures.contains(&"gect_pirineos_pyrenees"));
    assert!(!structures.contains(&"grand_geneve"));
    let contacts = contact_ids(&d);
    assert!(contacts.contains(&"mot"));
    assert!(contacts.contains(&"prefecture_anct"));
    assert!(!contacts.contains(&"infobest"));
    assert!(d
        .small_projects
        .iter()
        .any(|r| r.id == "poctefa_petits_projets"));
    assert!(!d.small_projects.iter().any(|r| r.id == "fwvl_microprojets"));
}

#[test]
fn a_commune_is_told_which_structures_it_belongs_to() {
    let d = directory(
        &data(),
        &DirectoryQuery {
            insee: Some("64260".into()),
            ..query()
        },
    );
    let bidasoa = d
        .structures
        .iter()
        .find(|s| s.structure.id == "consorcio_bidasoa_txingudi")
        .expect("Bidasoa-Txingudi");
    assert_eq!(bidasoa.membership, Membership::Member);
    assert_eq!(programme_ids(&d), vec!["poctefa"]);
}

#[test]
fn a_country_gives_the_programmes_and_structures_of_that_border() {
    let d = directory(
        &data(),
        &DirectoryQuery {
            country: Some("CH".into()),
            ..query()
        },
    );
    assert_eq!(programme_ids(&d), vec!["rhin_superieur", "france_suisse"]);
    let structures: Vec<&str> = d
        .structures
        .iter()
        .map(|s| s.structure.id.as_str())
        .collect();
    assert!(structures.contains(&"grand_geneve"), "{structures:?}");
    assert!(structures.contains(&"arc_jurassien"), "{structures:?}");
    assert!(d
        .structures
        .iter()
        .all(|s| s.structure.countries.contains(&"CH".to_string())
            && s.membership == Membership::Nearby));
    assert!(!contact_ids(&d).contains(&"zoast_franco_belge"));
}

#[test]
fn a_theme_keeps_what_helps_with_it_and_what_is_for_every_theme() {
    let d = directory(
        &data(),
        &DirectoryQuery {
            theme: Some("sante".into()),
            ..query()
        },
    );
    let contacts = contact_ids(&d);
    assert!(contacts.contains(&"ars"));
    assert!(contacts.contains(&"mot"));
    assert!(!contacts.contains(&"rectorat"));
    assert!(d
        .contacts
        .iter()
        .all(|c| c.themes.is_empty() || c.themes.contains(&"sante".to_string())));
}

#[test]
fn the_search_ignores_case_and_accents() {
    let d = directory(
        &data(),
        &DirectoryQuery {
            text: "SANTE regionale".into(),
            ..query()
        },
    );
    assert!(contact_ids(&d).contains(&"ars"), "{:?}", contact_ids(&d));
    let nothing = directory(
        &data(),
        &DirectoryQuery {
            text: "xyzzy".into(),
            ..query()
        },
    );
    assert!(nothing.is_empty());
}

#[test]
fn the_question_to_the_mot_carries_its_context_encoded() {
    let question = MotQuestion {
        commune: "Givet".into(),
        border: "Belgique".into(),
        theme: "Santé et secours".into(),
        question: "Qui finance une navette ?\nMerci & à bientôt".into(),
    };
    let (subject, body) = mot_question_text(&question);
    assert_eq!(
        subject,
        "Question transfrontalière — Givet — Santé et secours"
    );
    assert!(body.contains("Commune : Givet\nFrontière : Belgique\nThème : Santé et secours"));
    assert!(body.contains("Qui finance une navette ?\nMerci & à bientôt"));
    let mailto = mot_question_mailto(Some("contact@example.org"), &question);
    assert!(
        mailto.starts_with("mailto:contact@example.org?subject=Question%20transfrontali%C3%A8re")
    );
    assert!(mailto.contains("%0D%0AMerci%20%26%20%C3%A0%20bient%C3%B4t"));
    assert!(!mailto.contains(' ') && !mailto.contains('\n'));
    let blank = mot_question_mailto(None, &MotQuestion::default());
    assert!(blank.starts_with("mailto:?subject="));
    assert!(blank.contains("non%20pr%C3%A9cis%C3%A9"));
}

#[test]
fn the_subject_names_only_what_was_said_and_the_body_what_was_not() {
    let (subject, body) = mot_question_text(&MotQuestion {
        border: "Belgique".into(),
        question: "Qui finance une navette ?".into(),
        ..MotQuestion::default()
    });
    assert_eq!(subject, "Question transfrontalière");
    assert!(body.contains("Commune : non précisée\nFrontière : Belgique\nThème : non précisé"));
}
