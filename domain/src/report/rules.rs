//! Opportunity rules as data (`data/opportunities.json`): a condition on the answers, written
//! in the same syntax as the questionnaire's skip logic, gives an opportunity for the town
//! (title, why, first steps) linked to resources and contact types.
//!
//! Rules read only answers that apply: answers to hidden questions or to a "non concerné"
//! theme are read as absent, and a rule whose own theme is "non concerné" never fires.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::questionnaire::{
    condition_holds, is_step_not_concerned, Condition, DefinitionError, Questionnaire, StepKind,
};
use crate::reference::{Catalogue, ReferenceTables, Territory};

/// Lowest priority a rule may have (1 is the highest).
pub const LOWEST_PRIORITY: u8 = 3;

/// One opportunity rule, as read from JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpportunityRule {
    /// Stable identifier, e.g. `san_acces_soins`; project sheets keep it.
    pub id: String,
    /// Id of the theme (questionnaire step) the opportunity belongs to.
    pub theme: String,
    /// 1 (to do first) to 3 (to consider); orders opportunities with the theme order.
    pub priority: u8,
    /// The condition on the answers that makes the opportunity apply.
    pub when: Condition,
    /// Short title, e.g. "Organiser l'accès aux soins de l'autre côté de la frontière".
    pub title: String,
    /// Why it fits the town, in one or two sentences (often with an example).
    pub why: String,
    /// What a project would aim at; defaults to the title on a project sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// First steps, in order.
    pub first_steps: Vec<String>,
    /// Ids of resources (`resources.json`) to suggest, kept only where they apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    /// Ids of contact types (`contacts.json`) to suggest, kept only where they apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<String>,
    /// Also suggest the small-project instruments of the town's programmes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub small_projects: bool,
    /// Country codes of the borders where the rule applies; empty: every border.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub borders: Vec<String>,
}

/// A problem in the opportunity rules (or in the theme ids of the catalogue).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// The JSON could not be read.
    #[error("Le fichier des opportunités est illisible : {0}")]
    Parse(String),
    /// Two rules share an id, or an id is blank.
    #[error("L'identifiant de règle « {rule} » est vide ou répété.")]
    BadId {
        /// The rule id.
        rule: String,
    },
    /// A rule without title, why or first steps.
    #[error(
        "La règle « {rule} » doit avoir un titre, une explication et au moins une première étape."
    )]
    EmptyText {
        /// The rule id.
        rule: String,
    },
    /// A priority outside 1 to 3.
    #[error("La règle « {rule} » a une priorité de {priority} : utilisez 1, 2 ou 3.")]
    BadPriority {
        /// The rule id.
        rule: String,
        /// The priority given.
        priority: u8,
    },
    /// A theme id that is not a theme of the questionnaire.
    #[error("« {owner} » cite la thématique « {theme} », absente du questionnaire.")]
    UnknownTheme {
        /// The rule, resource or contact citing it.
        owner: String,
        /// The theme id.
        theme: String,
    },
    /// The condition names a question that does not exist.
    #[error("La condition de la règle « {rule} » porte sur « {target} », qui n'existe pas.")]
    UnknownQuestion {
        /// The rule id.
        rule: String,
        /// The question id.
        target: String,
    },
    /// The condition names an option the question does not offer.
    #[error("La condition de la règle « {rule} » cite l'option « {option} », que la question « {target} » ne propose pas.")]
    UnknownOption {
        /// The rule id.
        rule: String,
        /// The question id.
        target: String,
        /// The option id.
        option: String,
    },
    /// The condition tests a question in a way that does not fit its kind.
    #[error("La condition de la règle « {rule} » teste « {target} » d'une façon qui ne convient pas à son type ({kind}).")]
    ConditionMismatch {
        /// The rule id.
        rule: String,
        /// The question id.
        target: String,
        /// The `type` of the question.
        kind: &'static str,
    },
    /// Any other problem in the condition.
    #[error("La condition de la règle « {rule} » est incorrecte : {message}")]
    Condition {
        /// The rule id.
        rule: String,
        /// What the questionnaire check said.
        message: String,
    },
    /// A resource id that is not in `resources.json`.
    #[error("La règle « {rule} » cite la ressource « {resource} », absente de resources.json.")]
    UnknownResource {
        /// The rule id.
        rule: String,
        /// The resource id.
        resource: String,
    },
    /// A contact id that is not in `contacts.json`.
    #[error("La règle « {rule} » cite le contact « {contact} », absent de contacts.json.")]
    UnknownContact {
        /// The rule id.
        rule: String,
        /// The contact id.
        contact: String,
    },
    /// A border code that is not in the countries table.
    #[error("La règle « {rule} » cite le pays « {code} », absent de la table des pays.")]
    UnknownCountry {
        /// The rule id.
        rule: String,
        /// The country code.
        code: String,
    },
}

impl RuleError {
    fn from_condition(rule: &str, error: DefinitionError) -> RuleError {
        let rule = rule.to_string();
        match error {
            DefinitionError::ConditionUnknownOption { target, option, .. } => {
                RuleError::UnknownOption {
                    rule,
                    target,
                    option,
                }
            }
            DefinitionError::ConditionKindMismatch { target, kind, .. } => {
                RuleError::ConditionMismatch { rule, target, kind }
            }
            DefinitionError::ConditionUnknownQuestion { target, .. }
            | DefinitionError::ConditionNotEarlier { target, .. }
            | DefinitionError::ConditionOtherTheme { target, .. } => {
                RuleError::UnknownQuestion { rule, target }
            }
            other => RuleError::Condition {
                rule,
                message: other.to_string(),
            },
        }
    }
}

/// Reads the rules from JSON (without checking them; see [`check_rules`]).
pub fn parse_rules(json: &str) -> Result<Vec<OpportunityRule>, RuleError> {
    serde_json::from_str(json).map_err(|error| RuleError::Parse(error.to_string()))
}

/// Every problem in the rules and in the theme ids of the catalogue, in file order.
pub fn check_rules(
    rules: &[OpportunityRule],
    questionnaire: &Questionnaire,
    catalogue: &Catalogue,
    tables: &ReferenceTables,
) -> Vec<RuleError> {
    let mut errors = Vec::new();
    let themes: BTreeSet<&str> = questionnaire
        .theme_steps()
        .map(|step| step.id.as_str())
        .collect();
    let mut seen = BTreeSet::new();
    for rule in rules {
        let id = || rule.id.clone();
        if rule.id.trim().is_empty() || !seen.insert(rule.id.as_str()) {
            errors.push(RuleError::BadId { rule: id() });
        }
        let blank = [&rule.title, &rule.why]
            .iter()
            .any(|text| text.trim().is_empty())
            || rule.first_steps.is_empty()
            || rule.first_steps.iter().any(|step| step.trim().is_empty());
        if blank {
            errors.push(RuleError::EmptyText { rule: id() });
        }
        if !(1..=LOWEST_PRIORITY).contains(&rule.priority) {
            errors.push(RuleError::BadPriority {
                rule: id(),
                priority: rule.priority,
            });
        }
        if !themes.contains(rule.theme.as_str()) {
            errors.push(RuleError::UnknownTheme {
                owner: id(),
                theme: rule.theme.clone(),
            });
        }
        for error in questionnaire.check_outside_condition(&rule.id, &rule.when) {
            errors.push(RuleError::from_condition(&rule.id, error));
        }
        for resource in rule
            .resources
            .iter()
            .filter(|r| catalogue.resource(r).is_none())
        {
            errors.push(RuleError::UnknownResource {
                rule: id(),
                resource: resource.clone(),
            });
        }
        for contact in rule
            .contacts
            .iter()
            .filter(|c| catalogue.contact(c).is_none())
        {
            errors.push(RuleError::UnknownContact {
                rule: id(),
                contact: contact.clone(),
            });
        }
        for code in rule.borders.iter().filter(|c| tables.country(c).is_none()) {
            errors.push(RuleError::UnknownCountry {
                rule: id(),
                code: code.clone(),
            });
        }
    }
    let catalogue_themes = catalogue
        .resources
        .iter()
        .map(|r| (&r.id, &r.themes))
        .chain(catalogue.contacts.iter().map(|c| (&c.id, &c.themes)));
    for (owner, cited) in catalogue_themes {
        for theme in cited.iter().filter(|t| !themes.contains(t.as_str())) {
            errors.push(RuleError::UnknownTheme {
                owner: owner.clone(),
                theme: theme.clone(),
            });
        }
    }
    errors
}

/// The rules that fire for this diagnostic, in file order: the condition holds on the answers
/// that apply, the rule's theme is not "non concerné", and the town is on one of its borders.
pub fn matching_rules<'r>(
    rules: &'r [OpportunityRule],
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
    territory: &Territory,
) -> Vec<&'r OpportunityRule> {
    rules
        .iter()
        .filter(|rule| {
            let theme_applies = questionnaire.step(&rule.theme).is_some_and(|step| {
                step.kind == StepKind::Theme
                    && !is_step_not_concerned(step, &diagnostic.not_concerned_themes)
            });
            let border_fits = rule.borders.is_empty()
                || rule.borders.iter().any(|c| territory.countries.contains(c));
            theme_applies && border_fits && condition_holds(questionnaire, diagnostic, &rule.when)
        })
        .collect()
}
