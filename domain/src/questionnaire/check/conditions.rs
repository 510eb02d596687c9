//! Checking skip-logic conditions: they must read earlier questions of the same step or of the
//! profile, with tests that fit the kind and options of the question they read.

use std::collections::BTreeMap;

use super::super::condition::{Condition, ConditionValue};
use super::super::kind::{QuestionKind, MAX_MATURITY_LEVEL};
use super::super::model::StepKind;
use super::{DefinitionError, Place};

/// What a condition may read: questions before a position, in one step and the profile, or
/// anywhere (for rules outside the questionnaire).
pub(super) struct Scope<'a> {
    /// Id of the question (or rule) carrying the condition, named in errors.
    pub owner: &'a str,
    /// Only questions at an earlier position may be read.
    pub before: usize,
    /// Only questions of this step (and of the profile) may be read; `None`: any step.
    pub step: Option<&'a str>,
}

pub(super) fn check_condition(
    condition: &Condition,
    here: &Scope,
    places: &BTreeMap<&str, Place>,
    errors: &mut Vec<DefinitionError>,
) {
    let question = || here.owner.to_string();
    let target_place = |target: &str, errors: &mut Vec<DefinitionError>| -> Option<&QuestionKind> {
        let Some(place) = places.get(target) else {
            errors.push(DefinitionError::ConditionUnknownQuestion {
                question: question(),
                target: target.to_string(),
            });
            return None;
        };
        if place.position >= here.before {
            errors.push(DefinitionError::ConditionNotEarlier {
                question: question(),
                target: target.to_string(),
            });
            return None;
        }
        let other_step = here.step.is_some_and(|step| step != place.step);
        if other_step && place.step_kind != StepKind::Profile {
            errors.push(DefinitionError::ConditionOtherTheme {
                question: question(),
                target: target.to_string(),
            });
            return None;
        }
        Some(&place.question.kind)
    };
    let mismatch = |target: &str, kind: &QuestionKind| DefinitionError::ConditionKindMismatch {
        question: question(),
        target: target.to_string(),
        kind: kind.type_name(),
    };
    let check_options =
        |target: &str, kind: &QuestionKind, ids: &[String], errors: &mut Vec<DefinitionError>| {
            for option in ids.iter().filter(|id| kind.option(id).is_none()) {
                errors.push(DefinitionError::ConditionUnknownOption {
                    question: question(),
                    target: target.to_string(),
                    option: option.clone(),
                });
            }
        };
    match condition {
        Condition::Equals(test) => {
            let Some(kind) = target_place(&test.question, errors) else {
                return;
            };
            let fits = match (kind, &test.value) {
                (QuestionKind::YesNo { .. }, ConditionValue::Bool(_)) => true,
                (QuestionKind::Maturity, ConditionValue::Number(n)) => {
                    n.fract() == 0.0 && (0.0..=f64::from(MAX_MATURITY_LEVEL)).contains(n)
                }
                (QuestionKind::Number { .. }, ConditionValue::Number(_)) => true,
                (QuestionKind::SingleChoice { .. }, ConditionValue::Text(option)) => {
                    check_options(&test.question, kind, std::slice::from_ref(option), errors);
                    true
                }
                (
                    QuestionKind::Text { .. } | QuestionKind::InseeCode | QuestionKind::Siren,
                    ConditionValue::Text(_),
                ) => true,
                _ => false,
            };
            if !fits {
                errors.push(mismatch(&test.question, kind));
            }
        }
        Condition::OneOf(test) | Condition::AnyOf(test) => {
            let Some(kind) = target_place(&test.question, errors) else {
                return;
            };
            let fits = match condition {
                Condition::OneOf(_) => matches!(kind, QuestionKind::SingleChoice { .. }),
                _ => matches!(
                    kind,
                    QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. }
                ),
            };
            if fits {
                check_options(&test.question, kind, &test.values, errors);
            } else {
                errors.push(mismatch(&test.question, kind));
            }
        }
        Condition::Lt(test) | Condition::Le(test) | Condition::Gt(test) | Condition::Ge(test) => {
            let Some(kind) = target_place(&test.question, errors) else {
                return;
            };
            if !matches!(kind, QuestionKind::Number { .. } | QuestionKind::Maturity) {
                errors.push(mismatch(&test.question, kind));
            }
        }
        Condition::Answered(target) | Condition::NotAnswered(target) => {
            target_place(target, errors);
        }
        Condition::All(conditions) | Condition::Any(conditions) => {
            for condition in conditions {
                check_condition(condition, here, places, errors);
            }
        }
        Condition::Not(condition) => check_condition(condition, here, places, errors),
    }
}
