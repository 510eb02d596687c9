//! The catalogue behind recommendations, shipped as data: cross-border structures
//! (`data/structures.json`), contact types (`data/contacts.json`) and resources, i.e. funding
//! instruments, engineering offers and publications (`data/resources.json`).
//!
//! Each entry says where it applies (programmes, neighbour countries, départements; empty
//! lists mean "everywhere"), so recommendations can pick what fits a town's territory.

use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::perimeter::{Perimeter, Place};
use super::provenance::{impl_provenance, provenance_problems, DatedFact, Source};
use super::{parse, ReferenceError, ReferenceTables};

const STRUCTURES_JSON: &str = include_str!("../../data/structures.json");
const PERIMETERS_JSON: &str = include_str!("../../data/perimeters.json");
const CONTACTS_JSON: &str = include_str!("../../data/contacts.json");
const RESOURCES_JSON: &str = include_str!("../../data/resources.json");

/// Where a town lies, as far as recommendations are concerned.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Territory {
    /// Département code, when known.
    pub departement: Option<String>,
    /// Codes of the neighbouring countries.
    pub countries: BTreeSet<String>,
    /// Ids of the Interreg programmes of the territory.
    pub programmes: BTreeSet<String>,
    /// The commune itself: INSEE code and intercommunalité, when known.
    pub place: Place,
    /// Ids of the perimeters (`perimeters.json`) the commune is inside.
    pub inside: BTreeSet<String>,
}

impl Territory {
    /// Whether the town lies near a border (it has a neighbour country or a programme).
    pub fn is_border(&self) -> bool {
        !self.countries.is_empty() || !self.programmes.is_empty()
    }
}

/// Whether a list restricts nothing (empty) or shares an entry with the given set.
fn open_or_meets(list: &[String], set: &BTreeSet<String>) -> bool {
    list.is_empty() || list.iter().any(|code| set.contains(code))
}

/// Whether a list of départements restricts nothing or contains the given one.
fn open_or_contains(list: &[String], departement: Option<&String>) -> bool {
    list.is_empty() || departement.is_some_and(|code| list.contains(code))
}

/// The legal or organisational form of a cross-border structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StructureKind {
    /// Groupement européen de coopération territoriale (EGTC).
    Gect,
    /// Groupement local de coopération transfrontalière.
    Glct,
    /// Eurodistrict (whatever its legal form).
    Eurodistrict,
    /// Conference or cooperation body without legal personality.
    Conference,
    /// Association under French or foreign law.
    Association,
    /// Spanish consorcio.
    Consorcio,
    /// Joint commission set up by the States.
    Commission,
    /// Integrated territorial plan (e.g. an ALCOTRA PITER).
    PlanIntegre,
}

impl StructureKind {
    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            StructureKind::Gect => "GECT",
            StructureKind::Glct => "GLCT ou agglomération transfrontalière",
            StructureKind::Eurodistrict => "Eurodistrict",
            StructureKind::Conference => "Conférence transfrontalière",
            StructureKind::Association => "Association transfrontalière",
            StructureKind::Consorcio => "Consorcio",
            StructureKind::Commission => "Commission transfrontalière",
            StructureKind::PlanIntegre => "Plan intégré territorial",
        }
    }
}

/// A cross-border structure (eurodistrict, GECT…); its id is the option id in the profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    /// Stable identifier, also the option id of `profil_structures`.
    pub id: String,
    /// Name, e.g. "Eurodistrict PAMINA".
    pub name: String,
    /// Legal or organisational form.
    pub kind: StructureKind,
    /// Codes of the neighbouring countries involved.
    pub countries: Vec<String>,
    /// French départements it covers (wholly or partly).
    pub departements: Vec<String>,
    /// One or two sentences on what it does.
    pub description: String,
    /// The small-project fund it runs, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_projects: Option<DatedFact>,
    /// Id of its perimeter in `perimeters.json`; absent when its members are not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perimeter: Option<String>,
    /// Its members on the other side of the border, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbour_members: Option<String>,
    /// Its website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The public documents these facts were read from.
    pub sources: Vec<Source>,
    /// What could not be checked in a public source, and who to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
}

impl Structure {
    /// Whether it lies in the territory's département, across one of its borders: near the
    /// commune, whether or not the commune is a member.
    pub fn is_near(&self, territory: &Territory) -> bool {
        territory
            .departement
            .as_ref()
            .is_some_and(|code| self.departements.contains(code))
            && self
                .countries
                .iter()
                .any(|c| territory.countries.contains(c))
    }

    /// Whether the commune is inside its perimeter.
    pub fn includes(&self, territory: &Territory) -> bool {
        self.perimeter
            .as_ref()
            .is_some_and(|id| territory.inside.contains(id))
    }

    /// Who to ask to confirm one of its facts: the structure itself.
    pub fn confirm_with(&self) -> String {
        format!("la structure « {} »", self.name)
    }
}

impl_provenance!(Structure, id: id, facts: [small_projects], addresses: [website]);

/// A type of contact to recommend (MOT, prefecture, Interreg secretariat, ARS…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactType {
    /// Stable identifier, e.g. `prefecture_anct`.
    pub id: String,
    /// Name shown to the town.
    pub label: String,
    /// What this contact does, in one or two sentences.
    pub role: String,
    /// When to contact it.
    pub when: String,
    /// Theme (step) ids it helps with; empty: every theme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// Countries where it applies; empty: every border.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Départements where it applies; empty: every département.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departements: Vec<String>,
    /// Only for towns near a border.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub border_only: bool,
    /// Always recommended (MOT, the prefecture).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub always: bool,
    /// Its website, as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Its phone number, as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Its e-mail address, as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The public documents these facts were read from.
    pub sources: Vec<Source>,
    /// What could not be checked in a public source, and who to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
}

impl_provenance!(ContactType, id: id, facts: [], addresses: [website, phone, email]);

impl ContactType {
    /// Whether this contact is relevant where the town lies.
    pub fn applies_to(&self, territory: &Territory) -> bool {
        (!self.border_only || territory.is_border())
            && open_or_meets(&self.countries, &territory.countries)
            && open_or_contains(&self.departements, territory.departement.as_ref())
    }
}

/// What kind of help a resource is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// Funding (a grant, a programme).
    Financement,
    /// Engineering support.
    Ingenierie,
    /// Advice (e.g. legal expertise).
    Conseil,
    /// A publication to read.
    Publication,
}

impl ResourceKind {
    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            ResourceKind::Financement => "Financement",
            ResourceKind::Ingenierie => "Ingénierie",
            ResourceKind::Conseil => "Conseil",
            ResourceKind::Publication => "Publication",
        }
    }
}

/// A resource to recommend: a funding instrument, an engineering offer, advice, a publication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// Stable identifier, e.g. `fwvl_microprojets`.
    pub id: String,
    /// Name shown to the town.
    pub label: String,
    /// What kind of help it is.
    pub kind: ResourceKind,
    /// Who offers it.
    pub provider: String,
    /// What it funds or offers, in one or two sentences.
    pub description: String,
    /// Amounts and rates, with the day they were checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amounts: Option<DatedFact>,
    /// Calls for projects, with their closing days.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<DatedFact>,
    /// A small-project instrument (micro-projects, petits projets) for less experienced actors.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub small_projects: bool,
    /// Interreg programmes it belongs to; empty: not tied to a programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<String>,
    /// Countries where it applies; empty: every border.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Départements where it applies; empty: every département.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departements: Vec<String>,
    /// Theme (step) ids it helps with; empty: every theme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// Only for towns near a border.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub border_only: bool,
    /// Id of a perimeter in `perimeters.json`: only for the communes inside (a functional area).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perimeter: Option<String>,
    /// The public documents these facts were read from.
    pub sources: Vec<Source>,
    /// What could not be checked in a public source, and who to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
}

impl_provenance!(Resource, id: id, facts: [amounts, calls], addresses: []);

impl Resource {
    /// Whether the town can use it, given its programmes, borders and département.
    pub fn applies_to(&self, territory: &Territory) -> bool {
        (!self.border_only || territory.is_border())
            && open_or_meets(&self.programmes, &territory.programmes)
            && open_or_meets(&self.countries, &territory.countries)
            && open_or_contains(&self.departements, territory.departement.as_ref())
            && self
                .perimeter
                .as_ref()
                .is_none_or(|id| territory.inside.contains(id))
    }

    /// Who to ask to confirm one of its facts: the body that offers it.
    pub fn confirm_with(&self) -> String {
        format!("l'organisme qui le propose ({})", self.provider)
    }

    /// Whether it applies to every territory in France (no border or place restriction).
    pub fn is_national(&self) -> bool {
        !self.border_only
            && self.programmes.is_empty()
            && self.countries.is_empty()
            && self.departements.is_empty()
            && self.perimeter.is_none()
    }
}

/// The texts of the catalogue files.
#[derive(Clone, Copy, Debug)]
pub struct CatalogueFiles<'a> {
    /// `structures.json`.
    pub structures: &'a str,
    /// `contacts.json`.
    pub contacts: &'a str,
    /// `resources.json`.
    pub resources: &'a str,
    /// `perimeters.json`.
    pub perimeters: &'a str,
}

impl CatalogueFiles<'static> {
    /// The files shipped with the app.
    pub const EMBEDDED: CatalogueFiles<'static> = CatalogueFiles {
        structures: STRUCTURES_JSON,
        contacts: CONTACTS_JSON,
        resources: RESOURCES_JSON,
        perimeters: PERIMETERS_JSON,
    };
}

/// Structures, contact types, resources and perimeters together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    /// Cross-border structures.
    pub structures: Vec<Structure>,
    /// Contact types.
    pub contacts: Vec<ContactType>,
    /// Resources.
    pub resources: Vec<Resource>,
    /// Who is inside each structure or functional area.
    pub perimeters: Vec<Perimeter>,
}

impl Catalogue {
    /// Reads the catalogue files from JSON and checks them against the reference tables.
    pub fn from_json(
        files: CatalogueFiles<'_>,
        tables: &ReferenceTables,
    ) -> Result<Catalogue, Vec<ReferenceError>> {
        let catalogue = Catalogue {
            structures: parse("structures.json", files.structures).map_err(|e| vec![e])?,
            contacts: parse("contacts.json", files.contacts).map_err(|e| vec![e])?,
            resources: parse("resources.json", files.resources).map_err(|e| vec![e])?,
            perimeters: parse("perimeters.json", files.perimeters).map_err(|e| vec![e])?,
        };
        let errors = catalogue.check(tables);
        if errors.is_empty() {
            Ok(catalogue)
        } else {
            Err(errors)
        }
    }

    /// The catalogue shipped with the app, read and checked once.
    pub fn embedded() -> Result<&'static Catalogue, Vec<ReferenceError>> {
        static EMBEDDED: OnceLock<Result<Catalogue, Vec<ReferenceError>>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                let tables = ReferenceTables::embedded()?;
                Catalogue::from_json(CatalogueFiles::EMBEDDED, tables)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Every problem: blank or repeated ids, blank texts, unknown countries, départements or
    /// programmes. (Theme ids are checked against the questionnaire by the report module.)
    pub fn check(&self, tables: &ReferenceTables) -> Vec<ReferenceError> {
        let mut errors = Vec::new();
        let mut seen = HashSet::new();
        let entries = self
            .structures
            .iter()
            .map(|s| ("structures", &s.id, [&s.name, &s.description]))
            .chain(
                self.contacts
                    .iter()
                    .map(|c| ("contacts", &c.id, [&c.label, &c.role])),
            )
            .chain(
                self.resources
                    .iter()
                    .map(|r| ("ressources", &r.id, [&r.label, &r.description])),
            );
        for (table, id, texts) in entries {
            if id.trim().is_empty() || !seen.insert((table, id.as_str())) {
                errors.push(ReferenceError::BadCode {
                    table,
                    code: id.clone(),
                });
            }
            if texts.iter().any(|text| text.trim().is_empty()) {
                errors.push(ReferenceError::EmptyName {
                    table,
                    code: id.clone(),
                });
            }
        }
        let mut cite =
            |owner: &str, table: &'static str, codes: &[String], known: &dyn Fn(&str) -> bool| {
                for code in codes.iter().filter(|code| !known(code)) {
                    errors.push(ReferenceError::UnknownReference {
                        owner: owner.to_string(),
                        table,
                        code: code.clone(),
                    });
                }
            };
        let country = |code: &str| tables.country(code).is_some();
        let departement = |code: &str| tables.departement(code).is_some();
        let programme = |code: &str| tables.programme(code).is_some();
        for structure in &self.structures {
            cite(&structure.id, "pays", &structure.countries, &country);
            cite(
                &structure.id,
                "départements",
                &structure.departements,
                &departement,
            );
        }
        for contact in &self.contacts {
            cite(&contact.id, "pays", &contact.countries, &country);
            cite(
                &contact.id,
                "départements",
                &contact.departements,
                &departement,
            );
        }
        for resource in &self.resources {
            cite(&resource.id, "pays", &resource.countries, &country);
            cite(
                &resource.id,
                "départements",
                &resource.departements,
                &departement,
            );
            cite(&resource.id, "programmes", &resource.programmes, &programme);
        }
        let perimeter = |id: &str| self.perimeter(id).is_some();
        for structure in &self.structures {
            cite(
                &structure.id,
                "périmètres",
                structure.perimeter.as_slice(),
                &perimeter,
            );
        }
        for resource in &self.resources {
            cite(
                &resource.id,
                "périmètres",
                resource.perimeter.as_slice(),
                &perimeter,
            );
        }
        for entry in &self.perimeters {
            cite(
                &entry.id,
                "départements",
                &entry.whole_departements,
                &departement,
            );
        }
        let problems = self
            .structures
            .iter()
            .flat_map(|s| provenance_problems("La structure", s))
            .chain(
                self.contacts
                    .iter()
                    .flat_map(|c| provenance_problems("Le contact", c)),
            )
            .chain(
                self.resources
                    .iter()
                    .flat_map(|r| provenance_problems("La ressource", r)),
            )
            .chain(self.perimeters.iter().flat_map(|p| {
                let mut problems = provenance_problems("Le périmètre", p);
                problems.extend(p.member_problems());
                problems
            }));
        errors.extend(problems.map(ReferenceError::Provenance));
        errors
    }

    /// Ids of the perimeters the commune is inside.
    pub fn perimeters_containing(&self, place: &Place) -> BTreeSet<String> {
        self.perimeters
            .iter()
            .filter(|p| p.contains(place))
            .map(|p| p.id.clone())
            .collect()
    }

    /// The perimeter with this id.
    pub fn perimeter(&self, id: &str) -> Option<&Perimeter> {
        self.perimeters.iter().find(|p| p.id == id)
    }

    /// The structure with this id.
    pub fn structure(&self, id: &str) -> Option<&Structure> {
        self.structures.iter().find(|s| s.id == id)
    }

    /// The contact type with this id.
    pub fn contact(&self, id: &str) -> Option<&ContactType> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// The resource with this id.
    pub fn resource(&self, id: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
#[path = "catalogue_tests.rs"]
mod tests;
