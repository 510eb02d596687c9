//! The data a report is built from: reference tables, the catalogue and the opportunity rules,
//! the embedded ones read and checked once.

use std::sync::OnceLock;

use crate::questionnaire::{LoadError, Questionnaire};
use crate::reference::{Catalogue, ReferenceError, ReferenceTables};

use super::rules::{check_rules, parse_rules, OpportunityRule, RuleError};

const OPPORTUNITIES_JSON: &str = include_str!("../../data/opportunities.json");

/// Reference tables, catalogue and rules, borrowed together.
#[derive(Clone, Copy, Debug)]
pub struct ReportData<'a> {
    /// Départements, countries and Interreg programmes.
    pub tables: &'a ReferenceTables,
    /// Structures, contact types and resources.
    pub catalogue: &'a Catalogue,
    /// Opportunity rules, in file order.
    pub rules: &'a [OpportunityRule],
}

/// Why the embedded report data could not be used (the tests rule it out).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportDataError {
    /// The embedded questionnaire is broken.
    #[error("{0}")]
    Questionnaire(LoadError),
    /// A reference or catalogue file is broken.
    #[error("Les tables de référence comportent {} problème(s) : {}", .0.len(), join(.0))]
    Reference(Vec<ReferenceError>),
    /// The opportunity rules are broken.
    #[error("Les règles d'opportunités comportent {} problème(s) : {}", .0.len(), join(.0))]
    Rules(Vec<RuleError>),
}

fn join<E: ToString>(errors: &[E]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ; ")
}

impl ReportData<'static> {
    /// The data shipped with the app, read and checked once (rules against the embedded
    /// questionnaire).
    pub fn embedded() -> Result<ReportData<'static>, ReportDataError> {
        let tables = ReferenceTables::embedded().map_err(ReportDataError::Reference)?;
        let catalogue = Catalogue::embedded().map_err(ReportDataError::Reference)?;
        let rules = embedded_rules()?;
        Ok(ReportData {
            tables,
            catalogue,
            rules,
        })
    }
}

fn embedded_rules() -> Result<&'static [OpportunityRule], ReportDataError> {
    static RULES: OnceLock<Result<Vec<OpportunityRule>, ReportDataError>> = OnceLock::new();
    RULES
        .get_or_init(|| {
            let questionnaire =
                Questionnaire::embedded().map_err(ReportDataError::Questionnaire)?;
            let tables = ReferenceTables::embedded().map_err(ReportDataError::Reference)?;
            let catalogue = Catalogue::embedded().map_err(ReportDataError::Reference)?;
            let rules =
                parse_rules(OPPORTUNITIES_JSON).map_err(|e| ReportDataError::Rules(vec![e]))?;
            let errors = check_rules(&rules, questionnaire, catalogue, tables);
            if errors.is_empty() {
                Ok(rules)
            } else {
                Err(ReportDataError::Rules(errors))
            }
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}
