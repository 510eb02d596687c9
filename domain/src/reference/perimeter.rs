//! Who is inside a cross-border structure or a functional area (`data/perimeters.json`): its
//! member intercommunalités (SIREN), member communes (INSEE code), or whole départements for
//! bodies at the scale of a Region. A structure is suggested to a commune as its own only when
//! the commune is inside its perimeter; otherwise it is only named as being nearby.

use serde::{Deserialize, Serialize};

use super::provenance::{impl_provenance, Source};
use crate::questionnaire::{normalize_insee_code, normalize_siren};

/// A member intercommunalité.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberEpci {
    /// Its SIREN (9 digits, Luhn key).
    pub siren: String,
    /// Its name.
    pub name: String,
}

/// A member commune.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberCommune {
    /// Its INSEE code.
    pub insee: String,
    /// Its name.
    pub name: String,
}

/// The French part of a structure or functional area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perimeter {
    /// Stable identifier, cited by structures and resources.
    pub id: String,
    /// What it is the perimeter of, in words.
    pub name: String,
    /// Départements wholly inside (bodies whose French member is a Region or a Département).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub whole_departements: Vec<String>,
    /// Member intercommunalités: all their communes are inside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub epcis: Vec<MemberEpci>,
    /// Member communes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communes: Vec<MemberCommune>,
    /// The list of members is known to be incomplete: a commune not listed may still be inside.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    /// Where the members were read.
    pub sources: Vec<Source>,
    /// What could not be checked, and who to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
}

/// A commune as the perimeters see it: its INSEE code, its intercommunalité, its département.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// INSEE code of the commune.
    pub insee: Option<String>,
    /// SIREN of its intercommunalité.
    pub siren: Option<String>,
    /// Its département.
    pub departement: Option<String>,
}

impl Place {
    /// Whether the commune is identified well enough to say it is outside a perimeter that
    /// lists intercommunalités (the SIREN is known) or communes (the INSEE code is known).
    pub fn can_be_placed_in(&self, perimeter: &Perimeter) -> bool {
        (perimeter.epcis.is_empty() || self.siren.is_some())
            && (perimeter.communes.is_empty() || self.insee.is_some())
            && (perimeter.whole_departements.is_empty() || self.departement.is_some())
    }
}

impl Perimeter {
    /// Whether the commune is inside.
    pub fn contains(&self, place: &Place) -> bool {
        place
            .insee
            .as_ref()
            .is_some_and(|code| self.communes.iter().any(|c| &c.insee == code))
            || place
                .siren
                .as_ref()
                .is_some_and(|siren| self.epcis.iter().any(|e| &e.siren == siren))
            || place
                .departement
                .as_ref()
                .is_some_and(|code| self.whole_departements.contains(code))
    }

    /// Problems with the members: malformed codes, a commune outside the named département.
    pub fn member_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.whole_departements.is_empty() && self.epcis.is_empty() && self.communes.is_empty() {
            problems.push(format!("Le périmètre « {} » n'a aucun membre.", self.id));
        }
        if self.partial && self.unverified.is_none() {
            problems.push(format!(
                "Le périmètre « {} » est incomplet : dites ce qui manque et auprès de qui le \
                 confirmer (« unverified »).",
                self.id
            ));
        }
        for epci in self
            .epcis
            .iter()
            .filter(|e| normalize_siren(&e.siren).as_ref() != Ok(&e.siren))
        {
            problems.push(format!(
                "Le périmètre « {} » cite le SIREN « {} » ({}), mal formé.",
                self.id, epci.siren, epci.name
            ));
        }
        for commune in &self.communes {
            if normalize_insee_code(&commune.insee).as_ref() != Ok(&commune.insee) {
                problems.push(format!(
                    "Le périmètre « {} » cite le code INSEE « {} » ({}), mal formé.",
                    self.id, commune.insee, commune.name
                ));
            }
        }
        problems
    }
}

impl_provenance!(Perimeter, id: id, facts: [], addresses: []);
