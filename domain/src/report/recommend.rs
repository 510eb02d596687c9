//! Recommendations for a town: its Interreg programmes and their small-project instruments,
//! the cross-border structures around it, resources and contacts that fit its département and
//! its borders.
//!
//! The territory comes from the profile: the département (or, failing it, the INSEE code),
//! the neighbouring countries (or, failing them, the département's land neighbours) and the
//! programmes the town ticked (or, when none, those whose area includes the département).

use std::collections::BTreeSet;

use serde::Serialize;

use crate::answer::Answer;
use crate::diagnostic::{profile_ids, Diagnostic};
use crate::questionnaire::{departement_of_insee_code, Questionnaire};
use crate::reference::{ContactType, Place, Programme, Resource, Structure, Territory};

use super::data::ReportData;
use super::rules::{matching_rules, OpportunityRule};
use super::text;

/// Profile question listing the cross-border structures the town belongs to.
pub const STRUCTURES_ID: &str = "profil_structures";

/// Contacts recommended whenever the town has an Interreg programme.
const PROGRAMME_CONTACTS: [&str; 2] = ["secretariat_interreg", "autorite_gestion"];
/// Contact recommended whenever a structure covers the town.
const STRUCTURE_CONTACT: &str = "structure_transfrontaliere";
/// Contact whose detail names the prefecture of the département.
const PREFECTURE_CONTACT: &str = "prefecture_anct";

/// Where the town lies, read from its profile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// Département, countries and programmes used to pick recommendations.
    pub territory: Territory,
    /// The programmes were suggested from the département (the town ticked none).
    pub programmes_suggested: bool,
}

/// Reads where the town lies from the profile answers, with fallbacks (see the module doc).
pub fn locate(data: &ReportData, diagnostic: &Diagnostic) -> Location {
    let choices = |id: &str| -> BTreeSet<String> {
        match diagnostic.answers.get(id) {
            Some(Answer::Choices(ids)) => ids.iter().cloned().collect(),
            _ => BTreeSet::new(),
        }
    };
    let departement = match diagnostic.answers.get(profile_ids::DEPARTEMENT) {
        Some(Answer::Choice(code)) => Some(code.clone()),
        _ => diagnostic
            .insee_code()
            .and_then(|code| departement_of_insee_code(code).map(|d| d.to_string())),
    }
    .filter(|code| data.tables.departement(code).is_some());
    let mut countries = choices(profile_ids::NEIGHBOUR_COUNTRIES);
    if countries.is_empty() {
        if let Some(d) = departement
            .as_ref()
            .and_then(|c| data.tables.departement(c))
        {
            countries = d.neighbours.iter().cloned().collect();
        }
    }
    let mut programmes = choices(profile_ids::INTERREG_PROGRAMMES);
    let programmes_suggested = programmes.is_empty() && departement.is_some();
    if programmes_suggested {
        if let Some(code) = &departement {
            programmes = data
                .tables
                .suggest_programmes(code)
                .iter()
                .map(|p| p.id.clone())
                .collect();
        }
    }
    let place = Place {
        insee: diagnostic.insee_code().map(str::to_string),
        siren: diagnostic
            .text_answer(profile_ids::EPCI_SIREN)
            .map(str::to_string),
        departement: departement.clone(),
    };
    Location {
        territory: Territory {
            departement,
            countries,
            programmes,
            inside: data.catalogue.perimeters_containing(&place),
            place,
        },
        programmes_suggested,
    }
}

/// How a cross-border structure relates to the commune.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    /// The commune or its intercommunalité is inside its perimeter.
    Member,
    /// The town ticked it in its profile (its perimeter does not say so, or is not known).
    Declared,
    /// It lies in the département, across one of its borders, but the commune is not inside
    /// (or the profile lacks the codes to tell): context, not a suggestion.
    Nearby,
}

/// Why it cannot be said that the commune is outside a nearby structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnknownMembership {
    /// The profile lacks the INSEE code or the SIREN that would tell.
    MissingCodes,
    /// The data's list of its members is known to be incomplete, or there is none.
    IncompleteList,
}

/// A cross-border structure to know, and how it relates to the commune.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecommendedStructure {
    /// The structure.
    pub structure: Structure,
    /// Member, declared, or only nearby.
    pub membership: Membership,
    /// For a nearby structure: why the commune may still be a member, if it may. `None` says
    /// the commune is outside.
    pub unknown: Option<UnknownMembership>,
}

impl RecommendedStructure {
    /// Whether the structure is the commune's own (member or declared), not only nearby.
    pub fn is_own(&self) -> bool {
        self.membership != Membership::Nearby
    }
}

/// A contact type to get in touch with, with a precision for this town when there is one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecommendedContact {
    /// The contact type.
    pub contact: ContactType,
    /// E.g. the prefecture's département, or the programmes or structures concerned.
    pub detail: Option<String>,
}

/// Everything recommended for the town's territory.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Recommendations {
    /// The Interreg programmes of the town, in table order.
    pub programmes: Vec<Programme>,
    /// The programmes were suggested from the département (the town ticked none).
    pub programmes_suggested: bool,
    /// Small-project instruments of those programmes (micro-projects, petits projets…).
    pub small_project_instruments: Vec<Resource>,
    /// Structures the commune belongs to, then those nearby that it is not inside.
    pub structures: Vec<RecommendedStructure>,
    /// Other resources that apply to the territory and to themes that concern the town.
    pub resources: Vec<Resource>,
    /// Contacts: MOT and the prefecture always, then those the territory and opportunities call for.
    pub contacts: Vec<RecommendedContact>,
}

/// Recommendations for a diagnostic, from the given data.
pub fn recommend_with(
    data: &ReportData,
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
) -> Recommendations {
    let location = locate(data, diagnostic);
    let rules = matching_rules(data.rules, questionnaire, diagnostic, &location.territory);
    recommend_for(data, questionnaire, diagnostic, &location, &rules)
}

/// Recommendations once the location and the matching rules are known.
pub(super) fn recommend_for(
    data: &ReportData,
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
    location: &Location,
    rules: &[&OpportunityRule],
) -> Recommendations {
    let territory = &location.territory;
    let programmes: Vec<Programme> = data
        .tables
        .programmes
        .iter()
        .filter(|p| territory.programmes.contains(&p.id))
        .cloned()
        .collect();
    let concerned: BTreeSet<&str> = questionnaire
        .theme_steps()
        .filter(|step| !diagnostic.not_concerned_themes.contains(&step.id))
        .map(|step| step.id.as_str())
        .collect();
    let for_concerned_themes = |themes: &[String]| {
        themes.is_empty() || themes.iter().any(|t| concerned.contains(t.as_str()))
    };
    let (small_project_instruments, resources) = data
        .catalogue
        .resources
        .iter()
        .filter(|r| r.applies_to(territory) && for_concerned_themes(&r.themes))
        .cloned()
        .partition(|r| r.small_projects);
    let structures = recommended_structures(data, diagnostic, territory);
    let contacts = recommended_contacts(data, location, &programmes, &structures, rules);
    Recommendations {
        programmes,
        programmes_suggested: location.programmes_suggested,
        small_project_instruments,
        structures,
        resources,
        contacts,
    }
}

/// The structures the commune belongs to (inside the perimeter, or ticked), then those of its
/// département across its borders that it is not inside, as context.
pub fn recommended_structures(
    data: &ReportData,
    diagnostic: &Diagnostic,
    territory: &Territory,
) -> Vec<RecommendedStructure> {
    let declared: BTreeSet<&str> = match diagnostic.answers.get(STRUCTURES_ID) {
        Some(Answer::Choices(ids)) => ids.iter().map(String::as_str).collect(),
        _ => BTreeSet::new(),
    };
    structures_for(data, territory, &declared)
}

/// The structures for a territory, given the ids the town declared (see [`recommended_structures`]).
pub fn structures_for(
    data: &ReportData,
    territory: &Territory,
    declared: &BTreeSet<&str>,
) -> Vec<RecommendedStructure> {
    let catalogue = data.catalogue;
    let membership = |s: &Structure| {
        if s.includes(territory) {
            Some(Membership::Member)
        } else if declared.contains(s.id.as_str()) {
            Some(Membership::Declared)
        } else if s.is_near(territory) {
            Some(Membership::Nearby)
        } else {
            None
        }
    };
    let mut structures: Vec<RecommendedStructure> = catalogue
        .structures
        .iter()
        .filter_map(|s| {
            let membership = membership(s)?;
            let perimeter = s.perimeter.as_ref().and_then(|id| catalogue.perimeter(id));
            let unknown = match perimeter {
                _ if membership != Membership::Nearby => None,
                None => Some(UnknownMembership::IncompleteList),
                Some(p) if !territory.place.can_be_placed_in(p) => {
                    Some(UnknownMembership::MissingCodes)
                }
                // A list known to be partial cannot tell that the commune is outside.
                Some(p) if p.partial => Some(UnknownMembership::IncompleteList),
                Some(_) => None,
            };
            Some(RecommendedStructure {
                structure: s.clone(),
                membership,
                unknown,
            })
        })
        .collect();
    // Own structures first, in file order; the sort is stable.
    structures.sort_by_key(|s| !s.is_own());
    structures
}

fn recommended_contacts(
    data: &ReportData,
    location: &Location,
    programmes: &[Programme],
    structures: &[RecommendedStructure],
    rules: &[&OpportunityRule],
) -> Vec<RecommendedContact> {
    let cited: BTreeSet<&str> = rules
        .iter()
        .flat_map(|rule| rule.contacts.iter().map(String::as_str))
        .collect();
    let wanted = |contact: &ContactType| {
        contact.always
            || cited.contains(contact.id.as_str())
            || (!programmes.is_empty() && PROGRAMME_CONTACTS.contains(&contact.id.as_str()))
            || (structures.iter().any(RecommendedStructure::is_own)
                && contact.id == STRUCTURE_CONTACT)
    };
    let territory = &location.territory;
    data.catalogue
        .contacts
        .iter()
        .filter(|c| wanted(c) && (c.always || c.applies_to(territory)))
        .map(|contact| RecommendedContact {
            detail: contact_detail(data, contact, territory, programmes, structures),
            contact: contact.clone(),
        })
        .collect()
}

fn contact_detail(
    data: &ReportData,
    contact: &ContactType,
    territory: &Territory,
    programmes: &[Programme],
    structures: &[RecommendedStructure],
) -> Option<String> {
    let listed = |prefix: &str, names: Vec<&str>| {
        (!names.is_empty()).then(|| format!("{prefix}{}", names.join(text::LIST_SEPARATOR)))
    };
    match contact.id.as_str() {
        PREFECTURE_CONTACT => territory
            .departement
            .as_ref()
            .and_then(|code| data.tables.departement(code))
            .map(|d| format!("{}{} ({})", text::PREFECTURE_OF, d.name, d.code)),
        id if PROGRAMME_CONTACTS.contains(&id) => listed(
            text::PROGRAMMES_OF,
            programmes.iter().map(|p| p.name.as_str()).collect(),
        ),
        STRUCTURE_CONTACT => listed(
            text::STRUCTURES_OF,
            structures
                .iter()
                .filter(|s| s.is_own())
                .map(|s| s.structure.name.as_str())
                .collect(),
        ),
        _ => None,
    }
}
