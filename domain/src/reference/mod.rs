//! Reference tables shipped as data: départements, neighbouring countries and the Interreg
//! programmes of the French borders (`data/departements.json`, `data/countries.json`,
//! `data/interreg_programmes.json`), read once and checked; and the catalogue of structures,
//! contact types and resources used by recommendations (see [`catalogue`]).

#![warn(missing_docs)]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub mod catalogue;
pub mod perimeter;
pub mod provenance;

pub use catalogue::{
    Catalogue, CatalogueFiles, ContactType, Resource, ResourceKind, Structure, StructureKind,
    Territory,
};
pub use perimeter::{Perimeter, Place};
use provenance::impl_provenance;
pub use provenance::{DatedFact, Freshness, Office, Provenance, Source};

const DEPARTEMENTS_JSON: &str = include_str!("../../data/departements.json");
const COUNTRIES_JSON: &str = include_str!("../../data/countries.json");
const PROGRAMMES_JSON: &str = include_str!("../../data/interreg_programmes.json");

/// A French département (or overseas collectivity with a commune code prefix).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Departement {
    /// INSEE code: `01`…`95`, `2A`, `2B`, `971`…`978`.
    pub code: String,
    /// French name, e.g. "Ardennes".
    pub name: String,
    /// Codes of the countries it shares a land border with (empty when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub neighbours: Vec<String>,
    /// Where its neighbours were read (required when it has any).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// What could not be checked, and who to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
}

impl_provenance!(Departement, id: code, facts: [], addresses: []);

/// A country that borders France (ISO 3166-1 alpha-2 code).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO code, e.g. `BE`, or `SX` for Sint Maarten.
    pub code: String,
    /// French name, e.g. "Belgique".
    pub name: String,
}

/// An Interreg cross-border programme 2021-2027 with a French part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Stable identifier, e.g. `fwvl`; used as option id in the profile.
    pub id: String,
    /// Full name, e.g. "Interreg France-Wallonie-Vlaanderen (VI)".
    pub name: String,
    /// Short name for tables and charts.
    pub short_name: String,
    /// Codes of the neighbouring countries taking part.
    pub countries: Vec<String>,
    /// Codes of the French départements in the programme area.
    pub departements: Vec<String>,
    /// The neighbour's side of the programme area, in words.
    pub neighbour_area: String,
    /// Managing authority.
    pub managing_authority: String,
    /// The small-project instrument (micro-projects, petits projets), if one is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_projects: Option<DatedFact>,
    /// Other facts worth knowing (budget, priorities).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The programme's website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The joint secretariat, which informs and guides applicants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_secretariat: Option<Office>,
    /// Contact points and territorial advisers, by part of the area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact_points: Vec<Office>,
    /// Calls for projects, with their closing days.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<DatedFact>,
    /// The public documents these facts were read from.
    pub sources: Vec<Source>,
    /// What could not be checked in a public source, and who to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
}

impl Programme {
    /// Who to ask to confirm one of its facts: its joint secretariat.
    pub fn confirm_with(&self) -> String {
        format!("le secrétariat conjoint du programme {}", self.short_name)
    }
}

impl_provenance!(Programme, id: id, facts: [small_projects, calls], addresses: [website]);

/// All reference tables together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceTables {
    /// Départements, in code order.
    pub departements: Vec<Departement>,
    /// Neighbouring countries.
    pub countries: Vec<Country>,
    /// Interreg programmes.
    pub programmes: Vec<Programme>,
}

/// A problem in the reference tables.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    /// A file could not be read.
    #[error("Le fichier de référence {file} est illisible : {message}")]
    Parse {
        /// The file name.
        file: &'static str,
        /// What serde said.
        message: String,
    },
    /// A code or id appears twice, or is blank.
    #[error("Le code « {code} » est vide ou répété dans la table {table}.")]
    BadCode {
        /// The table.
        table: &'static str,
        /// The code.
        code: String,
    },
    /// A name is blank.
    #[error("L'entrée « {code} » de la table {table} n'a pas de nom.")]
    EmptyName {
        /// The table.
        table: &'static str,
        /// The code.
        code: String,
    },
    /// A country code that is not in the countries table.
    #[error("« {owner} » cite le pays « {code} », absent de la table des pays.")]
    UnknownCountry {
        /// The département or programme citing it.
        owner: String,
        /// The country code.
        code: String,
    },
    /// A code that is not in the table it refers to (catalogue files).
    #[error("« {owner} » cite « {code} », absent de la table des {table}.")]
    UnknownReference {
        /// The entry citing it.
        owner: String,
        /// The table the code should be in.
        table: &'static str,
        /// The code.
        code: String,
    },
    /// A source, a dated fact or an unverified note that does not follow the rules
    /// (see [`provenance::provenance_problems`]), or a malformed perimeter member.
    #[error("{0}")]
    Provenance(String),
    /// A département code that is not in the départements table.
    #[error("Le programme « {programme} » cite le département « {code} », absent de la table des départements.")]
    UnknownDepartement {
        /// The programme id.
        programme: String,
        /// The département code.
        code: String,
    },
}

fn parse<T: for<'de> Deserialize<'de>>(
    file: &'static str,
    json: &str,
) -> Result<T, ReferenceError> {
    serde_json::from_str(json).map_err(|error| ReferenceError::Parse {
        file,
        message: error.to_string(),
    })
}

impl ReferenceTables {
    /// Reads the three tables from JSON and checks them.
    pub fn from_json(
        departements: &str,
        countries: &str,
        programmes: &str,
    ) -> Result<ReferenceTables, Vec<ReferenceError>> {
        let tables = ReferenceTables {
            departements: parse("departements.json", departements).map_err(|e| vec![e])?,
            countries: parse("countries.json", countries).map_err(|e| vec![e])?,
            programmes: parse("interreg_programmes.json", programmes).map_err(|e| vec![e])?,
        };
        let errors = tables.check();
        if errors.is_empty() {
            Ok(tables)
        } else {
            Err(errors)
        }
    }

    /// The tables shipped with the app, read and checked once.
    pub fn embedded() -> Result<&'static ReferenceTables, Vec<ReferenceError>> {
        static EMBEDDED: OnceLock<Result<ReferenceTables, Vec<ReferenceError>>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                ReferenceTables::from_json(DEPARTEMENTS_JSON, COUNTRIES_JSON, PROGRAMMES_JSON)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Every problem found: blank or repeated codes, blank names, unknown cross-references.
    pub fn check(&self) -> Vec<ReferenceError> {
        let mut errors = Vec::new();
        let entries = self
            .departements
            .iter()
            .map(|d| ("départements", &d.code, &d.name))
            .chain(self.countries.iter().map(|c| ("pays", &c.code, &c.name)))
            .chain(
                self.programmes
                    .iter()
                    .map(|p| ("programmes", &p.id, &p.name)),
            );
        let mut seen = BTreeSet::new();
        for (table, code, name) in entries {
            if code.trim().is_empty() || !seen.insert((table, code.as_str())) {
                errors.push(ReferenceError::BadCode {
                    table,
                    code: code.clone(),
                });
            }
            if name.trim().is_empty() {
                errors.push(ReferenceError::EmptyName {
                    table,
                    code: code.clone(),
                });
            }
        }
        let unknown_country = |owner: &str, code: &String| ReferenceError::UnknownCountry {
            owner: owner.to_string(),
            code: code.clone(),
        };
        for departement in &self.departements {
            for code in departement
                .neighbours
                .iter()
                .filter(|c| self.country(c).is_none())
            {
                errors.push(unknown_country(&departement.code, code));
            }
        }
        for departement in self
            .departements
            .iter()
            .filter(|d| !d.neighbours.is_empty())
        {
            errors.extend(
                provenance::provenance_problems("Le département", departement)
                    .into_iter()
                    .map(ReferenceError::Provenance),
            );
        }
        for programme in &self.programmes {
            for code in programme
                .countries
                .iter()
                .filter(|c| self.country(c).is_none())
            {
                errors.push(unknown_country(&programme.id, code));
            }
            for code in programme
                .departements
                .iter()
                .filter(|c| self.departement(c).is_none())
            {
                errors.push(ReferenceError::UnknownDepartement {
                    programme: programme.id.clone(),
                    code: code.clone(),
                });
            }
            errors.extend(
                provenance::provenance_problems("Le programme", programme)
                    .into_iter()
                    .map(ReferenceError::Provenance),
            );
        }
        errors
    }

    /// The département with this code.
    pub fn departement(&self, code: &str) -> Option<&Departement> {
        self.departements.iter().find(|d| d.code == code)
    }

    /// The country with this code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The programme with this id.
    pub fn programme(&self, id: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id == id)
    }

    /// The programmes whose area includes the département, in table order.
    pub fn suggest_programmes(&self, departement_code: &str) -> Vec<&Programme> {
        let code = departement_code.trim().to_uppercase();
        self.programmes
            .iter()
            .filter(|p| p.departements.contains(&code))
            .collect()
    }
}

/// The programmes whose area includes the département (from the embedded tables).
///
/// Empty when the département is in no programme area (or if the tables could not be read,
/// which the tests rule out).
pub fn suggest_programmes(departement_code: &str) -> Vec<&'static Programme> {
    ReferenceTables::embedded()
        .map(|tables| tables.suggest_programmes(departement_code))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
