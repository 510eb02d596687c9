//! The « Ressources et contacts » directory: the funding line, resources and contacts for a
//! border, a département or a commune, searchable and filterable by theme, usable with no
//! diagnostic; and the e-mail that prepares a question to the MOT with its context.
//!
//! It uses the same rules as the report's recommendations (programmes by département, structures
//! by perimeter, resources and contacts by territory), without the answers.

use std::collections::BTreeSet;

use crate::answer::Answer;
use crate::diagnostic::{profile_ids, Diagnostic};
use crate::reference::{ContactType, Place, Programme, Resource, Territory};
use crate::report::{
    structures_for, Membership, RecommendedStructure, ReportData, UnknownMembership,
};
use crate::workspace::normalize_for_search;

/// What the user is looking for; every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryQuery {
    /// A neighbouring country (ISO code).
    pub country: Option<String>,
    /// A département code.
    pub departement: Option<String>,
    /// INSEE code of the commune (to tell which structures it belongs to).
    pub insee: Option<String>,
    /// SIREN of its intercommunalité.
    pub siren: Option<String>,
    /// A theme (step id): keeps what helps with it and what is not tied to a theme.
    pub theme: Option<String>,
    /// Words to look for in names and descriptions (case and accents ignored).
    pub text: String,
}

/// What the directory shows for a query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Directory {
    /// Interreg programmes.
    pub programmes: Vec<Programme>,
    /// Small-project funds (micro-projects, petits projets, structures' funds).
    pub small_projects: Vec<Resource>,
    /// Cross-border structures: the commune's own first, then the others.
    pub structures: Vec<RecommendedStructure>,
    /// Other resources (funding, engineering, advice, publications).
    pub resources: Vec<Resource>,
    /// Contacts: MOT, the prefecture, the programmes' bodies, employment, health…
    pub contacts: Vec<ContactType>,
}

impl Directory {
    /// Whether nothing matches.
    pub fn is_empty(&self) -> bool {
        self.programmes.is_empty()
            && self.small_projects.is_empty()
            && self.structures.is_empty()
            && self.resources.is_empty()
            && self.contacts.is_empty()
    }
}

/// Whether every word of the search is in one of the texts.
fn matches_words(words: &[String], texts: &[&str]) -> bool {
    let haystack = normalize_for_search(&texts.join(" "));
    words.iter().all(|word| haystack.contains(word.as_str()))
}

/// The territory a query names: the département (or the INSEE code's), the country (or the
/// département's neighbours), the programmes of the département (or of the country).
fn territory_of(data: &ReportData, query: &DirectoryQuery) -> Territory {
    let departement = query
        .departement
        .clone()
        .or_else(|| {
            query.insee.as_deref().and_then(|code| {
                crate::questionnaire::departement_of_insee_code(code).map(str::to_string)
            })
        })
        .filter(|code| data.tables.departement(code).is_some());
    let countries: BTreeSet<String> = match (&query.country, &departement) {
        (Some(country), _) => [country.clone()].into(),
        (None, Some(code)) => data
            .tables
            .departement(code)
            .map(|d| d.neighbours.iter().cloned().collect())
            .unwrap_or_default(),
        (None, None) => BTreeSet::new(),
    };
    let programmes = data
        .tables
        .programmes
        .iter()
        .filter(|p| match (&departement, &query.country) {
            (Some(code), _) => p.departements.contains(code),
            (None, Some(country)) => p.countries.contains(country),
            (None, None) => true,
        })
        .filter(|p| {
            query
                .country
                .as_ref()
                .is_none_or(|country| p.countries.contains(country) || p.countries.is_empty())
        })
        .map(|p| p.id.clone())
        .collect();
    let place = Place {
        insee: query.insee.clone(),
        siren: query.siren.clone(),
        departement: departement.clone(),
    };
    Territory {
        departement,
        countries,
        programmes,
        inside: data.catalogue.perimeters_containing(&place),
        place,
    }
}

impl DirectoryQuery {
    /// The query for a diagnostic's territory: its département, its only neighbouring country
    /// (none when it has several: the département gives them all), its INSEE code and SIREN.
    pub fn of_diagnostic(diagnostic: &Diagnostic) -> DirectoryQuery {
        let departement = match diagnostic.answers.get(profile_ids::DEPARTEMENT) {
            Some(Answer::Choice(code)) => Some(code.clone()),
            _ => None,
        };
        let country = match diagnostic.answers.get(profile_ids::NEIGHBOUR_COUNTRIES) {
            Some(Answer::Choices(codes)) if codes.len() == 1 => codes.first().cloned(),
            _ => None,
        };
        DirectoryQuery {
            country,
            departement,
            insee: diagnostic.insee_code().map(str::to_string),
            siren: diagnostic
                .text_answer(profile_ids::EPCI_SIREN)
                .map(str::to_string),
            ..DirectoryQuery::default()
        }
    }
}

/// The border a query names, in words: its country, or the département's neighbours
/// (« Belgique », « Allemagne, Suisse »); empty when it names none.
pub fn border_in_words(data: &ReportData, query: &DirectoryQuery) -> String {
    let territory = territory_of(data, query);
    data.tables
        .countries
        .iter()
        .filter(|c| territory.countries.contains(&c.code))
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The directory for a query.
pub fn directory(data: &ReportData, query: &DirectoryQuery) -> Directory {
    let territory = territory_of(data, query);
    let anywhere = query.departement.is_none() && query.country.is_none() && query.insee.is_none();
    let words: Vec<String> = normalize_for_search(&query.text)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let for_theme = |themes: &[String]| {
        query
            .theme
            .as_ref()
            .is_none_or(|theme| themes.is_empty() || themes.contains(theme))
    };
    let programmes: Vec<Programme> = data
        .tables
        .programmes
        .iter()
        .filter(|p| territory.programmes.contains(&p.id))
        .filter(|p| {
            matches_words(
                &words,
                &[
                    &p.name,
                    &p.neighbour_area,
                    &p.managing_authority,
                    p.notes.as_deref().unwrap_or(""),
                ],
            )
        })
        .cloned()
        .collect();
    let applies = |r: &&Resource| {
        (anywhere || r.applies_to(&territory))
            && for_theme(&r.themes)
            && matches_words(&words, &[&r.label, &r.description, &r.provider])
    };
    let (small_projects, resources) = data
        .catalogue
        .resources
        .iter()
        .filter(applies)
        .cloned()
        .partition(|r| r.small_projects);
    // Without a département, nothing says which structures are near: all are listed (then
    // kept to the chosen border), none as the commune's own.
    let structures = if territory.departement.is_none() {
        data.catalogue
            .structures
            .iter()
            .map(|s| RecommendedStructure {
                structure: s.clone(),
                membership: Membership::Nearby,
                unknown: Some(UnknownMembership::MissingCodes),
            })
            .collect()
    } else {
        structures_for(data, &territory, &BTreeSet::new())
    };
    let structures = structures
        .into_iter()
        .filter(|s| {
            query
                .country
                .as_ref()
                .is_none_or(|country| s.structure.countries.contains(country))
        })
        .filter(|s| {
            let st = &s.structure;
            matches_words(
                &words,
                &[
                    &st.name,
                    &st.description,
                    st.neighbour_members.as_deref().unwrap_or(""),
                ],
            )
        })
        .collect();
    let contacts = data
        .catalogue
        .contacts
        .iter()
        .filter(|c| c.always || anywhere || c.applies_to(&territory))
        .filter(|c| for_theme(&c.themes))
        .filter(|c| {
            query
                .country
                .as_ref()
                .is_none_or(|country| c.countries.is_empty() || c.countries.contains(country))
        })
        .filter(|c| matches_words(&words, &[&c.label, &c.role, &c.when]))
        .cloned()
        .collect();
    Directory {
        programmes,
        small_projects,
        structures,
        resources,
        contacts,
    }
}

/// What a question to the MOT says about its context.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MotQuestion {
    /// The commune (or intercommunalité) asking.
    pub commune: String,
    /// The border concerned, in words (e.g. « Belgique »).
    pub border: String,
    /// The theme, in words.
    pub theme: String,
    /// The question itself.
    pub question: String,
}

/// Percent-encodes a text for a `mailto:` address's query (RFC 6068: UTF-8, every byte outside
/// the unreserved set encoded; line breaks as CR LF).
fn mailto_encoded(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The subject and body of the e-mail preparing a question to the MOT. The subject names only
/// what was said; the body says what was not (« non précisée »), so that MOT can ask.
pub fn mot_question_text(question: &MotQuestion) -> (String, String) {
    let said = |text: &str| {
        Some(text.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let (commune, border, theme, asked) = (
        said(&question.commune),
        said(&question.border),
        said(&question.theme),
        said(&question.question),
    );
    let subject = ["Question transfrontalière".to_string()]
        .into_iter()
        .chain(commune.clone())
        .chain(theme.clone())
        .collect::<Vec<_>>()
        .join(" — ");
    let body = format!(
        "Bonjour,\n\nCommune : {}\nFrontière : {}\nThème : {}\n\nMa question :\n{}\n\n\
         (Message préparé avec l'outil de diagnostic transfrontalier Petites Villes de Demain.)\n",
        commune.as_deref().unwrap_or("non précisée"),
        border.as_deref().unwrap_or("non précisée"),
        theme.as_deref().unwrap_or("non précisé"),
        asked.as_deref().unwrap_or("(à écrire)"),
    );
    (subject, body)
}

/// The `mailto:` address that opens the user's mail program with the question written; the
/// app sends nothing itself. `to` is the MOT's published address, when the data has one.
pub fn mot_question_mailto(to: Option<&str>, question: &MotQuestion) -> String {
    let (subject, body) = mot_question_text(question);
    format!(
        "mailto:{}?subject={}&body={}",
        to.map(mailto_encoded)
            .unwrap_or_default()
            .replace("%40", "@"),
        mailto_encoded(&subject),
        mailto_encoded(&body)
    )
}

#[cfg(test)]
#[path = "directory_tests.rs"]
mod tests;
