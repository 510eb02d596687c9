//! Tests of recommendations: what is picked by département and by border.

use super::tests_support::{choices, data, questionnaire, town};
use super::*;
use crate::answer::Answer;
use crate::diagnostic::profile_ids;

fn recommendations(d: &Diagnostic) -> Recommendations {
    recommend_with(&data(), questionnaire(), d)
}

fn instrument_ids(r: &Recommendations) -> Vec<&str> {
    r.small_project_instruments
        .iter()
        .map(|i| i.id.as_str())
        .collect()
}

fn structure_ids(r: &Recommendations) -> Vec<&str> {
    r.structures
        .iter()
        .map(|s| s.structure.id.as_str())
        .collect()
}

fn contact_ids(r: &Recommendations) -> Vec<&str> {
    r.contacts.iter().map(|c| c.contact.id.as_str()).collect()
}

#[test]
fn ardennes_on_the_belgian_border_gets_fwvl_micro_projects() {
    let r = recommendations(&town("08", &["BE"], &[]));
    let programmes: Vec<&str> = r.programmes.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(programmes, vec!["fwvl"]);
    assert!(r.programmes_suggested);
    assert_eq!(instrument_ids(&r), vec!["fwvl_microprojets"]);
    let contacts = contact_ids(&r);
    assert_eq!(&contacts[..2], &["mot", "prefecture_anct"]);
    assert!(contacts.contains(&"secretariat_interreg"));
    let prefecture = &r.contacts[1];
    assert_eq!(
        prefecture.detail.as_deref(),
        Some("Préfecture du département : Ardennes (08)")
    );
    let secretariat = r
        .contacts
        .iter()
        .find(|c| c.contact.id == "secretariat_interreg")
        .expect("secretariat");
    assert_eq!(
        secretariat.detail.as_deref(),
        Some("Programme(s) : Interreg France-Wallonie-Vlaanderen (VI)")
    );
}

#[test]
fn a_nord_town_without_codes_is_only_told_of_the_structures_nearby() {
    let r = recommendations(&town("59", &["BE"], &[]));
    let structures = structure_ids(&r);
    assert!(structures.contains(&"eurometropole_lille_kortrijk_tournai"));
    assert!(r
        .structures
        .iter()
        .all(|s| s.membership == Membership::Nearby
            && s.unknown == Some(UnknownMembership::MissingCodes)));
    assert!(!contact_ids(&r).contains(&"structure_transfrontaliere"));
}

#[test]
fn a_placed_town_outside_is_told_so_unless_the_list_of_members_is_partial() {
    // Maubeuge (Maubeuge Val de Sambre): outside the Lille metropole, whose list is whole; the
    // Flandre-Dunkerque GECT's list is partial, so it cannot be said to be outside.
    let d = town(
        "59",
        &["BE"],
        &[
            (profile_ids::INSEE_CODE, Answer::Text("59392".into())),
            (profile_ids::EPCI_SIREN, Answer::Text("200043396".into())),
        ],
    );
    let r = recommendations(&d);
    let unknown = |id: &str| {
        r.structures
            .iter()
            .find(|s| s.structure.id == id)
            .map(|s| (s.membership, s.unknown))
    };
    assert_eq!(
        unknown("eurometropole_lille_kortrijk_tournai"),
        Some((Membership::Nearby, None))
    );
    assert_eq!(
        unknown("gect_west_vlaanderen_flandre_dunkerque"),
        Some((Membership::Nearby, Some(UnknownMembership::IncompleteList)))
    );
}

#[test]
fn a_town_of_the_lille_metropole_gets_the_eurometropole_as_its_own() {
    let d = town(
        "59",
        &["BE"],
        &[
            (profile_ids::INSEE_CODE, Answer::Text("59350".into())),
            (profile_ids::EPCI_SIREN, Answer::Text("200093201".into())),
        ],
    );
    let r = recommendations(&d);
    let own: Vec<&str> = r
        .structures
        .iter()
        .filter(|s| s.membership == Membership::Member)
        .map(|s| s.structure.id.as_str())
        .collect();
    assert_eq!(own, vec!["eurometropole_lille_kortrijk_tournai"]);
    let structure_contact = r
        .contacts
        .iter()
        .find(|c| c.contact.id == "structure_transfrontaliere")
        .expect("structure contact");
    assert_eq!(
        structure_contact.detail.as_deref(),
        Some("Structure(s) : Eurométropole Lille-Kortrijk-Tournai")
    );
}

#[test]
fn haute_savoie_gets_france_suisse_alcotra_and_grand_geneve() {
    let r = recommendations(&town("74", &["CH", "IT"], &[]));
    let programmes: Vec<&str> = r.programmes.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(programmes, vec!["france_suisse", "alcotra"]);
    // The France-Suisse integrated plans are not a small-project instrument.
    assert_eq!(instrument_ids(&r), vec!["alcotra_microprojets"]);
    let structures = structure_ids(&r);
    assert!(structures.contains(&"grand_geneve"));
    assert!(structures.contains(&"espace_mont_blanc"));
    assert!(r
        .structures
        .iter()
        .all(|s| s.membership == Membership::Nearby));
    let resources: Vec<&str> = r.resources.iter().map(|x| x.id.as_str()).collect();
    assert!(resources.contains(&"cofinancement_suisse"));
    assert!(resources.contains(&"alcotra_piter"));
    assert!(!resources.contains(&"region_frontaliers_grand_est"));
}

#[test]
fn pyrenees_atlantiques_gets_poctefa_small_projects_and_the_ctp() {
    let r = recommendations(&town("64", &["ES"], &[]));
    assert_eq!(
        instrument_ids(&r),
        vec!["poctefa_petits_projets", "ctp_microprojets"]
    );
    let structures = structure_ids(&r);
    for id in [
        "gect_pirineos_pyrenees",
        "euroregion_nouvelle_aquitaine_euskadi_navarre",
        "consorcio_bidasoa_txingudi",
    ] {
        assert!(structures.contains(&id), "{id}");
    }
    assert!(!structures.contains(&"grand_geneve"));
}

#[test]
fn a_departement_without_border_gets_only_national_resources() {
    let r = recommendations(&town("15", &[], &[]));
    assert!(r.programmes.is_empty());
    assert!(r.small_project_instruments.is_empty());
    assert!(r.structures.is_empty());
    assert!(!r.resources.is_empty());
    assert!(
        r.resources.iter().all(|x| x.is_national()),
        "{:?}",
        r.resources
    );
    assert_eq!(contact_ids(&r), vec!["mot", "prefecture_anct"]);
}

#[test]
fn ticked_programmes_and_declared_structures_come_first() {
    let d = town(
        "68",
        &["DE", "CH"],
        &[
            (
                profile_ids::INTERREG_PROGRAMMES,
                choices(&["rhin_superieur"]),
            ),
            (STRUCTURES_ID, choices(&["eurodistrict_pamina"])),
        ],
    );
    let r = recommendations(&d);
    assert!(!r.programmes_suggested);
    assert_eq!(instrument_ids(&r), vec!["rhin_superieur_petits_projets"]);
    let structures = structure_ids(&r);
    assert_eq!(structures[0], "eurodistrict_pamina");
    assert_eq!(r.structures[0].membership, Membership::Declared);
    assert!(structures.contains(&"eurodistrict_trinational_bale"));
}

#[test]
fn contacts_follow_the_opportunities_and_the_border_area() {
    let d = town(
        "67",
        &["DE"],
        &[
            ("emp_information", Answer::Choice("non".into())),
            ("emp_part_frontaliers", Answer::Choice("de_15_a_30".into())),
        ],
    );
    let rhine = recommendations(&d);
    let contacts = contact_ids(&rhine);
    assert!(contacts.contains(&"infobest"));
    assert!(contacts.contains(&"eures"));
    let same_in_savoie = town(
        "73",
        &["IT"],
        &[
            ("emp_information", Answer::Choice("non".into())),
            ("emp_part_frontaliers", Answer::Choice("de_15_a_30".into())),
        ],
    );
    let alps = recommendations(&same_in_savoie);
    let contacts = contact_ids(&alps);
    assert!(!contacts.contains(&"infobest"));
    assert!(contacts.contains(&"eures"));
}

#[test]
fn the_departement_and_neighbours_fall_back_on_the_insee_code() {
    let mut d = town("08", &[], &[]);
    d.answers.remove(profile_ids::DEPARTEMENT);
    d.answers
        .insert(profile_ids::INSEE_CODE.into(), Answer::Text("08190".into()));
    let location = locate(&data(), &d);
    assert_eq!(location.territory.departement.as_deref(), Some("08"));
    assert!(location.territory.countries.contains("BE"));
}

#[test]
fn functional_area_envelopes_go_to_the_communes_inside_them_only() {
    let areas = |siren: &str| -> Vec<String> {
        let d = town(
            "57",
            &["DE"],
            &[(profile_ids::EPCI_SIREN, Answer::Text(siren.into()))],
        );
        let r = recommendations(&d);
        r.resources
            .iter()
            .chain(&r.small_project_instruments)
            .filter(|x| x.id.contains("zone_fonctionnelle"))
            .map(|x| x.id.clone())
            .collect()
    };
    // Sarreguemines Confluences: in the Eurodistrict and in the Bliesbruck-Reinheim area.
    assert_eq!(
        areas("200070746"),
        vec![
            "grande_region_zone_fonctionnelle_saarmoselle",
            "grande_region_zone_fonctionnelle_bliesbruck_reinheim"
        ]
    );
    // Forbach Porte de France: in the Eurodistrict only.
    assert_eq!(
        areas("245700372"),
        vec!["grande_region_zone_fonctionnelle_saarmoselle"]
    );
    // Sarrebourg Moselle Sud: in neither, though in Moselle on the German border.
    assert!(areas("200068146").is_empty());
}

#[test]
fn the_health_framework_agreement_follows_the_border() {
    let ids = |departement: &str, country: &str| -> Vec<String> {
        recommendations(&town(departement, &[country], &[]))
            .resources
            .iter()
            .filter(|x| x.id.starts_with("accord_cadre_sante"))
            .map(|x| x.id.clone())
            .collect()
    };
    assert_eq!(ids("08", "BE"), vec!["accord_cadre_sante_franco_belge"]);
    assert_eq!(ids("64", "ES"), vec!["accord_cadre_sante_franco_espagnol"]);
    // No framework agreement exists on the Italian border.
    assert!(ids("73", "IT").is_empty());
}

#[test]
fn the_littoral_est_envelope_goes_to_its_five_intercommunalites_even_outside_the_border_departements(
) {
    let has_afle = |departement: &str, siren: &str| {
        let d = town(
            departement,
            &[],
            &[(profile_ids::EPCI_SIREN, Answer::Text(siren.into()))],
        );
        let r = recommendations(&d);
        r.resources
            .iter()
            .chain(&r.small_project_instruments)
            .any(|x| x.id == "poctefa_aire_fonctionnelle_littoral_est")
    };
    // Le Grand Narbonne (Aude) and Perpignan Méditerranée Métropole are inside.
    assert!(has_afle("11", "241100593"));
    assert!(has_afle("66", "200027183"));
    // Pyrénées-Cerdagne, in the mountains of the same département, is not.
    assert!(!has_afle("66", "246600399"));
}
