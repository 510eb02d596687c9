//! Opportunities for the town (fired rules with their resources and contacts resolved for its
//! territory), in order, and the project sheet a town can start from one.

use serde::Serialize;

use crate::project::ProjectSheet;
use crate::questionnaire::Questionnaire;
use crate::reference::{ContactType, Resource, ResourceKind, Territory};

use super::data::ReportData;
use super::recommend::Recommendations;
use super::rules::OpportunityRule;
use super::text;

/// An opportunity for the town, ready to show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Opportunity {
    /// Id of the rule that gave it (kept by project sheets).
    pub rule_id: String,
    /// Id of its theme.
    pub theme_id: String,
    /// Title of its theme.
    pub theme_title: String,
    /// 1 (to do first) to 3 (to consider).
    pub priority: u8,
    /// French label of the priority.
    pub priority_label: &'static str,
    /// Short title.
    pub title: String,
    /// Why it fits the town.
    pub why: String,
    /// What a project would aim at.
    pub objective: String,
    /// First steps, in order.
    pub first_steps: Vec<String>,
    /// Resources that apply to the town: those the rule cites, then, when the rule asks, the
    /// small-project instruments of the town's programmes.
    pub resources: Vec<Resource>,
    /// Contact types the rule cites that apply to the town.
    pub contacts: Vec<ContactType>,
}

/// Resolves fired rules for the territory and orders them by priority, then theme order, then
/// file order.
pub fn resolve_opportunities(
    data: &ReportData,
    questionnaire: &Questionnaire,
    territory: &Territory,
    rules: &[&OpportunityRule],
    recommendations: &Recommendations,
) -> Vec<Opportunity> {
    let theme_position = |id: &str| {
        questionnaire
            .steps
            .iter()
            .position(|step| step.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut ordered: Vec<&&OpportunityRule> = rules.iter().collect();
    ordered.sort_by_key(|rule| (rule.priority, theme_position(&rule.theme)));
    ordered
        .into_iter()
        .map(|rule| {
            let mut resources: Vec<Resource> = rule
                .resources
                .iter()
                .filter_map(|id| data.catalogue.resource(id))
                .filter(|r| r.applies_to(territory))
                .cloned()
                .collect();
            if rule.small_projects {
                for instrument in &recommendations.small_project_instruments {
                    if !resources.iter().any(|r| r.id == instrument.id) {
                        resources.push(instrument.clone());
                    }
                }
            }
            let contacts = rule
                .contacts
                .iter()
                .filter_map(|id| data.catalogue.contact(id))
                .filter(|c| c.always || c.applies_to(territory))
                .cloned()
                .collect();
            Opportunity {
                rule_id: rule.id.clone(),
                theme_id: rule.theme.clone(),
                theme_title: questionnaire
                    .step(&rule.theme)
                    .map_or_else(|| rule.theme.clone(), |s| s.title.clone()),
                priority: rule.priority,
                priority_label: text::priority_label(rule.priority),
                title: rule.title.clone(),
                why: rule.why.clone(),
                objective: rule.objective.clone().unwrap_or_else(|| rule.title.clone()),
                first_steps: rule.first_steps.clone(),
                resources,
                contacts,
            }
        })
        .collect()
}

/// A project sheet started from an opportunity: title, theme, need (why), objective, actions
/// (first steps) and funding sources (the opportunity's funding resources, then the town's
/// small-project instruments).
pub fn project_sheet_from_opportunity(
    opportunity: &Opportunity,
    recommendations: &Recommendations,
    id: String,
    now: &str,
) -> ProjectSheet {
    let mut funding_sources: Vec<String> = Vec::new();
    let funding = opportunity
        .resources
        .iter()
        .chain(&recommendations.small_project_instruments)
        .filter(|r| r.kind == ResourceKind::Financement);
    for resource in funding {
        if !funding_sources.contains(&resource.label) {
            funding_sources.push(resource.label.clone());
        }
    }
    ProjectSheet {
        id,
        title: opportunity.title.clone(),
        opportunity_id: Some(opportunity.rule_id.clone()),
        theme_id: Some(opportunity.theme_id.clone()),
        need: opportunity.why.clone(),
        objectives: opportunity.objective.clone(),
        actions: opportunity.first_steps.clone(),
        funding_sources,
        created_at: now.to_string(),
        updated_at: now.to_string(),
        ..ProjectSheet::default()
    }
}
