//! The hold-out table of communes (`tests/data/holdout_communes.json`): for each, the Interreg
//! programmes and the cross-border structures a MOT expert would give it, with sources. The
//! report must suggest exactly those programmes, count exactly those structures as the
//! commune's own, and never count as its own a structure it lies outside.

use std::collections::BTreeSet;

use domain::diagnostic::profile_ids;
use domain::report::{recommend_with, Membership, ReportData};
use domain::{Answer, Diagnostic, Questionnaire};
use serde::Deserialize;

#[derive(Deserialize)]
struct Source {
    url: String,
}

#[derive(Deserialize)]
struct HoldOut {
    name: String,
    insee: String,
    siren_epci: Option<String>,
    departement: String,
    countries: Vec<String>,
    programmes: BTreeSet<String>,
    structures: BTreeSet<String>,
    #[serde(default)]
    not_structures: BTreeSet<String>,
    why: String,
    sources: Vec<Source>,
}

fn table() -> Vec<HoldOut> {
    serde_json::from_str(include_str!("data/holdout_communes.json")).expect("hold-out table")
}

fn diagnostic_of(commune: &HoldOut) -> Diagnostic {
    let mut d = Diagnostic::new(
        "d".into(),
        &commune.name,
        "2026-12-06T10:00:00Z",
        "mot-pvd-transfrontalier",
        Questionnaire::embedded().expect("questionnaire").version,
    );
    let mut answer = |id: &str, value: Answer| {
        d.answers.insert(id.to_string(), value);
    };
    answer(
        profile_ids::DEPARTEMENT,
        Answer::Choice(commune.departement.clone()),
    );
    answer(profile_ids::INSEE_CODE, Answer::Text(commune.insee.clone()));
    if let Some(siren) = &commune.siren_epci {
        answer(profile_ids::EPCI_SIREN, Answer::Text(siren.clone()));
    }
    if !commune.countries.is_empty() {
        answer(
            profile_ids::NEIGHBOUR_COUNTRIES,
            Answer::Choices(commune.countries.clone()),
        );
    }
    d
}

#[test]
fn the_table_covers_every_border_and_overseas() {
    let table = table();
    assert!(table.len() >= 30, "{} communes only", table.len());
    let departements: BTreeSet<&str> = table.iter().map(|c| c.departement.as_str()).collect();
    for code in [
        "59", "08", "57", "67", "68", "25", "74", "73", "06", "2B", "64", "66", "973", "978",
        "974", "976", "971",
    ] {
        assert!(departements.contains(code), "no commune of {code}");
    }
    assert!(
        table.iter().any(|c| c.programmes.is_empty()),
        "no commune far from a border"
    );
    for commune in &table {
        assert!(!commune.why.trim().is_empty(), "{}: why?", commune.name);
        assert!(
            commune.sources.iter().all(|s| s.url.starts_with("http"))
                && !commune.sources.is_empty(),
            "{}: sources",
            commune.name
        );
    }
}

#[test]
fn every_commune_gets_the_programmes_and_structures_an_expert_would_give() {
    let data = ReportData::embedded().expect("data");
    let questionnaire = Questionnaire::embedded().expect("questionnaire");
    let mut failures = Vec::new();
    for commune in table() {
        let r = recommend_with(&data, questionnaire, &diagnostic_of(&commune));
        let programmes: BTreeSet<String> = r.programmes.iter().map(|p| p.id.clone()).collect();
        if programmes != commune.programmes {
            failures.push(format!(
                "{} ({}): programmes {programmes:?}, attendus {:?}",
                commune.name, commune.insee, commune.programmes
            ));
        }
        let own: BTreeSet<String> = r
            .structures
            .iter()
            .filter(|s| s.membership == Membership::Member)
            .map(|s| s.structure.id.clone())
            .collect();
        if own != commune.structures {
            failures.push(format!(
                "{} ({}): structures {own:?}, attendues {:?}",
                commune.name, commune.insee, commune.structures
            ));
        }
        let wrong: Vec<&String> = commune.not_structures.intersection(&own).collect();
        if !wrong.is_empty() {
            failures.push(format!("{}: ne devrait pas avoir {wrong:?}", commune.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
