//! One row of MOT's territories table per diagnostic, computed once (location, completion,
//! scores, MOT status) with its folded search and sort keys.

use std::collections::HashMap;

use crate::bundle::MotStatus;
use crate::diagnostic::{Diagnostic, DiagnosticStatus};
use crate::questionnaire::{overall_of, overall_progress, theme_results, Questionnaire};
use crate::report::{locate, ReportData};

use super::normalize::normalize_for_search;
use super::review::{review_of, MotReview};
use super::text;

/// One territory of the table: what MOT sees of a diagnostic at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct TerritoryRow {
    /// Id of the diagnostic.
    pub diagnostic_id: String,
    /// Commune name.
    pub commune: String,
    /// INSEE code, if given.
    pub insee_code: Option<String>,
    /// Département code (from the profile, or from the INSEE code).
    pub departement_code: Option<String>,
    /// Département name.
    pub departement_name: Option<String>,
    /// Codes of the neighbouring countries (the town's, or its département's), in table order.
    pub country_codes: Vec<String>,
    /// Names of the neighbouring countries, in the same order.
    pub countries: Vec<String>,
    /// Ids of the Interreg programmes, in table order.
    pub programme_ids: Vec<String>,
    /// Short names of the programmes, in the same order.
    pub programmes: Vec<String>,
    /// The programmes were suggested from the département (the town ticked none).
    pub programmes_suggested: bool,
    /// Required questions answered, as a whole percentage.
    pub completion_percent: u8,
    /// The overall score as a whole percentage (`None` when nothing can be scored).
    pub overall_percent: Option<u8>,
    /// The share (0.0 to 1.0) of every theme, in questionnaire order; `None` when the theme is
    /// "non concerné" or has nothing to score.
    pub theme_shares: Vec<Option<f64>>,
    /// The diagnostic's revision counter.
    pub revision: u32,
    /// When the town last changed it (RFC 3339).
    pub updated_at: String,
    /// The town's own status (in progress / completed).
    pub diagnostic_status: DiagnosticStatus,
    /// MOT's status ("Reçu" when MOT has no review yet).
    pub mot_status: MotStatus,
    /// MOT has written a review (status or notes) of this diagnostic.
    pub has_review: bool,
    search_text: String,
    sort_name: String,
}

impl TerritoryRow {
    /// French label of MOT's status.
    pub fn mot_status_label(&self) -> &'static str {
        self.mot_status.label()
    }

    /// French label of the town's status.
    pub fn diagnostic_status_label(&self) -> &'static str {
        match self.diagnostic_status {
            DiagnosticStatus::InProgress => text::IN_PROGRESS,
            DiagnosticStatus::Completed => text::COMPLETED,
        }
    }

    /// The département as "08 – Ardennes" (or the code alone, or empty).
    pub fn departement_label(&self) -> String {
        match (&self.departement_code, &self.departement_name) {
            (Some(code), Some(name)) => format!("{code}{}{name}", text::HEADER_SEPARATOR),
            (Some(code), None) => code.clone(),
            _ => String::new(),
        }
    }

    /// Country names joined for a cell ("Belgique, Luxembourg").
    pub fn countries_label(&self) -> String {
        self.countries.join(text::LIST_SEPARATOR)
    }

    /// Programme short names joined for a cell.
    pub fn programmes_label(&self) -> String {
        self.programmes.join(text::LIST_SEPARATOR)
    }

    /// Folded text searched by the table's search box (commune, INSEE, département, programmes).
    pub fn search_text(&self) -> &str {
        &self.search_text
    }

    /// Folded commune name, for sorting.
    pub(crate) fn sort_name(&self) -> &str {
        &self.sort_name
    }
}

/// The row of one diagnostic, with MOT's review if there is one.
pub fn territory_row(
    data: &ReportData,
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
    review: Option<&MotReview>,
) -> TerritoryRow {
    let location = locate(data, diagnostic);
    let territory = &location.territory;
    let results = theme_results(questionnaire, diagnostic);
    let overall = overall_of(&results);
    let (country_codes, countries): (Vec<String>, Vec<String>) = data
        .tables
        .countries
        .iter()
        .filter(|c| territory.countries.contains(&c.code))
        .map(|c| (c.code.clone(), c.name.clone()))
        .unzip();
    let (programme_ids, programmes): (Vec<String>, Vec<String>) = data
        .tables
        .programmes
        .iter()
        .filter(|p| territory.programmes.contains(&p.id))
        .map(|p| (p.id.clone(), p.short_name.clone()))
        .unzip();
    let departement_name = territory
        .departement
        .as_ref()
        .and_then(|code| data.tables.departement(code))
        .map(|d| d.name.clone());
    let commune = diagnostic.commune_name().to_string();
    let insee_code = diagnostic.insee_code().map(str::to_string);
    let search_source = [
        commune.as_str(),
        insee_code.as_deref().unwrap_or_default(),
        territory.departement.as_deref().unwrap_or_default(),
        departement_name.as_deref().unwrap_or_default(),
        &programmes.join(" "),
        &programme_ids.join(" "),
    ]
    .join(" ");
    TerritoryRow {
        diagnostic_id: diagnostic.id.clone(),
        sort_name: normalize_for_search(&commune),
        search_text: normalize_for_search(&search_source),
        commune,
        insee_code,
        departement_code: territory.departement.clone(),
        departement_name,
        country_codes,
        countries,
        programme_ids,
        programmes,
        programmes_suggested: location.programmes_suggested,
        completion_percent: overall_progress(questionnaire, diagnostic).percent(),
        overall_percent: overall.percent(),
        theme_shares: results.iter().map(|r| r.share).collect(),
        revision: diagnostic.revision,
        updated_at: diagnostic.updated_at.clone(),
        diagnostic_status: diagnostic.status,
        mot_status: review.map(|r| r.status).unwrap_or_default(),
        has_review: review.is_some(),
    }
}

/// One row per diagnostic, in the diagnostics' order, each with its review (matched by id).
pub fn territory_rows(
    data: &ReportData,
    questionnaire: &Questionnaire,
    diagnostics: &[Diagnostic],
    reviews: &[MotReview],
) -> Vec<TerritoryRow> {
    let by_id: HashMap<&str, &MotReview> = review_of(reviews);
    diagnostics
        .iter()
        .map(|d| territory_row(data, questionnaire, d, by_id.get(d.id.as_str()).copied()))
        .collect()
}
