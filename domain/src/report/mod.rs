//! The results of a diagnostic: the report model (territory, completion, scores per theme and
//! overall, strengths, opportunities, obstacles, recommendations, unknowns, expectations), the
//! radar-chart geometry, the printable annex of answers, and project sheets started from an
//! opportunity.
//!
//! Everything is computed from data: opportunity rules (`data/opportunities.json`), the
//! catalogue of structures, contacts and resources, and the reference tables. Only answers
//! that apply are read: hidden questions and "non concerné" themes leave every result.

#![warn(missing_docs)]

mod annex;
mod data;
mod findings;
mod opportunity;
mod radar;
mod recommend;
mod rules;
mod territory;
pub mod text;

#[cfg(test)]
mod recommend_tests;
#[cfg(test)]
mod report_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_support;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::questionnaire::{
    overall_of, overall_progress, theme_results, OverallScore, Progress, Questionnaire, ThemeResult,
};

pub use annex::{answers_annex, format_answer, fr_grouped_number, AnnexItem, AnnexStep};
pub use data::{ReportData, ReportDataError};
pub use findings::{
    expectations, obstacles, strengths, unknowns, Expectations, ObstacleSource, ObstacleSummary,
    Strength, StrengthKind, UnknownItem, STRENGTH_THRESHOLD,
};
pub use opportunity::{project_sheet_from_opportunity, resolve_opportunities, Opportunity};
pub use radar::{
    radar_layout, radar_values, Axis, Point, RadarLayout, TextAnchor, LABEL_DISTANCE, RING_SHARES,
};
pub use recommend::{
    locate, recommend_with, recommended_structures, structures_for, Location, Membership,
    Recommendations, RecommendedContact, RecommendedStructure, UnknownMembership, STRUCTURES_ID,
};
pub use rules::{
    check_rules, matching_rules, parse_rules, OpportunityRule, RuleError, LOWEST_PRIORITY,
};
pub use territory::{
    territory_summary, TerritorySummary, DISTANCE_ID, OTHER_STRUCTURES_ID, POPULATION_ID,
    RESPONDENT_ROLE_ID,
};

/// The whole report of a diagnostic, ready for the report page and for print.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Who and where the town is.
    pub territory: TerritorySummary,
    /// Required questions answered, out of those that apply.
    pub completion: Progress,
    /// One result per theme, in questionnaire order ("non concerné" ones included, flagged).
    pub theme_results: Vec<ThemeResult>,
    /// The score over every theme that applies.
    pub overall: OverallScore,
    /// Strong themes, then strong answers.
    pub strengths: Vec<Strength>,
    /// Opportunities, by priority then theme order.
    pub opportunities: Vec<Opportunity>,
    /// Obstacles met, most reported first.
    pub obstacles: Vec<ObstacleSummary>,
    /// Programmes, small-project instruments, structures, resources and contacts.
    pub recommendations: Recommendations,
    /// Questions answered "ne sait pas", to clarify.
    pub unknowns: Vec<UnknownItem>,
    /// Training interests and support wanted from MOT.
    pub expectations: Expectations,
}

impl Report {
    /// The radar chart's values: one per theme that is not "non concerné".
    pub fn radar_values(&self) -> Vec<(String, Option<f64>)> {
        radar_values(&self.theme_results)
    }

    /// The opportunity that a rule gave, if it fired.
    pub fn opportunity(&self, rule_id: &str) -> Option<&Opportunity> {
        self.opportunities.iter().find(|o| o.rule_id == rule_id)
    }
}

/// Builds the report of a diagnostic from the given data.
pub fn build_report_with(
    data: &ReportData,
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
) -> Report {
    let location = locate(data, diagnostic);
    let fired = matching_rules(data.rules, questionnaire, diagnostic, &location.territory);
    let recommendations =
        recommend::recommend_for(data, questionnaire, diagnostic, &location, &fired);
    let opportunities = resolve_opportunities(
        data,
        questionnaire,
        &location.territory,
        &fired,
        &recommendations,
    );
    let results = theme_results(questionnaire, diagnostic);
    Report {
        territory: territory_summary(data, questionnaire, diagnostic, &location),
        completion: overall_progress(questionnaire, diagnostic),
        overall: overall_of(&results),
        strengths: strengths(questionnaire, diagnostic, &results),
        theme_results: results,
        opportunities,
        obstacles: obstacles(questionnaire, diagnostic),
        recommendations,
        unknowns: unknowns(questionnaire, diagnostic),
        expectations: expectations(questionnaire, diagnostic),
    }
}

/// Builds the report of a diagnostic from the data shipped with the app.
pub fn build_report(
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
) -> Result<Report, ReportDataError> {
    Ok(build_report_with(
        &ReportData::embedded()?,
        questionnaire,
        diagnostic,
    ))
}

/// Recommendations for a diagnostic from the data shipped with the app.
pub fn recommend(
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
) -> Result<Recommendations, ReportDataError> {
    Ok(recommend_with(
        &ReportData::embedded()?,
        questionnaire,
        diagnostic,
    ))
}
