//! The territory summary at the top of the report, read from the profile.

use serde::Serialize;

use crate::answer::Answer;
use crate::diagnostic::{profile_ids, Diagnostic};
use crate::questionnaire::{applicable_answer, Questionnaire};

use super::data::ReportData;
use super::recommend::{Location, STRUCTURES_ID};

/// Profile question: population of the commune (number).
pub const POPULATION_ID: &str = "profil_population";
/// Profile question: distance to the border in km (number).
pub const DISTANCE_ID: &str = "profil_distance_frontiere";
/// Profile question: the other structures, in words (text).
pub const OTHER_STRUCTURES_ID: &str = "profil_structures_autre";
/// Profile question: the respondent's role (single choice).
pub const RESPONDENT_ROLE_ID: &str = "profil_fonction_repondant";

/// Who and where the town is.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TerritorySummary {
    /// Commune name.
    pub commune: String,
    /// INSEE commune code, if given.
    pub insee_code: Option<String>,
    /// SIREN of the intercommunalité, if given.
    pub epci_siren: Option<String>,
    /// Département code (from the profile, or from the INSEE code).
    pub departement_code: Option<String>,
    /// Département name.
    pub departement_name: Option<String>,
    /// Population, if given.
    pub population: Option<f64>,
    /// Distance to the border in km, if given.
    pub distance_km: Option<f64>,
    /// Names of the neighbouring countries, in table order.
    pub countries: Vec<String>,
    /// Names of the Interreg programmes.
    pub programmes: Vec<String>,
    /// The programmes were suggested from the département (the town ticked none).
    pub programmes_suggested: bool,
    /// Cross-border structures the town declared (labels, and the "autre" text).
    pub structures: Vec<String>,
    /// The respondent's role, if given.
    pub respondent_role: Option<String>,
}

/// The territory summary for a diagnostic located at `location`.
pub fn territory_summary(
    data: &ReportData,
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
    location: &Location,
) -> TerritorySummary {
    let answer = |id: &str| applicable_answer(questionnaire, diagnostic, id);
    let number = |id: &str| match answer(id) {
        Some(Answer::Number(n)) => Some(*n),
        _ => None,
    };
    let option_label = |question_id: &str, option_id: &str| {
        questionnaire
            .question(question_id)
            .and_then(|q| q.kind.option(option_id))
            .map(|o| o.label.clone())
    };
    let territory = &location.territory;
    let other = match answer(OTHER_STRUCTURES_ID) {
        Some(Answer::Text(other)) if !other.trim().is_empty() => Some(other.trim().to_string()),
        _ => None,
    };
    // "Aucune structure" is an answer, shown as such; "Autre" is replaced by what was typed.
    let mut structures: Vec<String> = match answer(STRUCTURES_ID) {
        Some(Answer::Choices(ids)) => ids
            .iter()
            .filter(|id| !(id.as_str() == "autre" && other.is_some()))
            .filter_map(|id| option_label(STRUCTURES_ID, id))
            .collect(),
        _ => Vec::new(),
    };
    structures.extend(other);
    TerritorySummary {
        commune: diagnostic.commune_name().to_string(),
        insee_code: diagnostic.insee_code().map(str::to_string),
        epci_siren: diagnostic
            .text_answer(profile_ids::EPCI_SIREN)
            .map(str::to_string),
        departement_code: territory.departement.clone(),
        departement_name: territory
            .departement
            .as_ref()
            .and_then(|code| data.tables.departement(code))
            .map(|d| d.name.clone()),
        population: number(POPULATION_ID),
        distance_km: number(DISTANCE_ID),
        countries: data
            .tables
            .countries
            .iter()
            .filter(|c| territory.countries.contains(&c.code))
            .map(|c| c.name.clone())
            .collect(),
        programmes: data
            .tables
            .programmes
            .iter()
            .filter(|p| territory.programmes.contains(&p.id))
            .map(|p| p.name.clone())
            .collect(),
        programmes_suggested: location.programmes_suggested,
        structures,
        respondent_role: match answer(RESPONDENT_ROLE_ID) {
            Some(Answer::Choice(id)) => option_label(RESPONDENT_ROLE_ID, id),
            _ => None,
        },
    }
}
