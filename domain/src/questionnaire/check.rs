//! Checking a questionnaire definition: every problem is reported, in French, naming its id.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::profile_ids;

mod conditions;
mod definition_error;

pub use definition_error::DefinitionError;

use conditions::{check_condition, Scope};

use super::condition::Condition;
use super::kind::{QuestionKind, MAX_MATURITY_LEVEL};
use super::model::{Question, Questionnaire, StepKind};
use super::validate::fr_number;

/// Where each question sits: its position in questionnaire order and its step.
struct Place<'q> {
    position: usize,
    step: &'q str,
    step_kind: StepKind,
    question: &'q Question,
}

impl Questionnaire {
    /// Every problem found in this definition, in questionnaire order; empty when it is sound.
    pub fn check(&self) -> Vec<DefinitionError> {
        let mut errors = Vec::new();
        if self.id.trim().is_empty() {
            errors.push(DefinitionError::MissingId);
        }
        if self.version == 0 {
            errors.push(DefinitionError::VersionZero);
        }
        let profile_count = self
            .steps
            .iter()
            .filter(|s| s.kind == StepKind::Profile)
            .count();
        if profile_count != 1 || self.steps.first().map(|s| s.kind) != Some(StepKind::Profile) {
            errors.push(DefinitionError::ProfileStepMisplaced);
        }
        let closing_count = self
            .steps
            .iter()
            .filter(|s| s.kind == StepKind::Closing)
            .count();
        if closing_count > 1
            || (closing_count == 1 && self.steps.last().map(|s| s.kind) != Some(StepKind::Closing))
        {
            errors.push(DefinitionError::ClosingStepMisplaced);
        }
        for step in self.steps.iter().filter(|s| s.kind != StepKind::Theme) {
            for question in step
                .questions
                .iter()
                .filter(|q| q.kind.max_points().is_some())
            {
                errors.push(DefinitionError::ScoredOutsideTheme {
                    question: question.id.clone(),
                });
            }
        }
        let places = self.check_ids(&mut errors);
        for question in self.questions() {
            check_question(question, &mut errors);
        }
        self.check_maturity_scale(&mut errors);
        let mut position = 0;
        for step in &self.steps {
            for question in &step.questions {
                if let Some(condition) = &question.condition {
                    let here = Scope {
                        owner: &question.id,
                        before: position,
                        step: Some(&step.id),
                    };
                    check_condition(condition, &here, &places, &mut errors);
                }
                position += 1;
            }
        }
        self.check_profile_questions(&mut errors);
        errors
    }

    /// Checks a condition used outside the questionnaire (e.g. by an opportunity rule): it may
    /// read any question, and its tests must fit the kinds and options of the questions read.
    /// Errors name `owner` as the question carrying the condition.
    pub fn check_outside_condition(
        &self,
        owner: &str,
        condition: &Condition,
    ) -> Vec<DefinitionError> {
        let mut errors = Vec::new();
        let places = self.check_ids(&mut Vec::new());
        let scope = Scope {
            owner,
            before: usize::MAX,
            step: None,
        };
        check_condition(condition, &scope, &places, &mut errors);
        errors
    }

    fn check_ids(&self, errors: &mut Vec<DefinitionError>) -> BTreeMap<&str, Place<'_>> {
        let mut step_ids = BTreeSet::new();
        let mut places: BTreeMap<&str, Place> = BTreeMap::new();
        let mut position = 0;
        for step in &self.steps {
            if !is_valid_id(&step.id) {
                errors.push(DefinitionError::InvalidId {
                    id: step.id.clone(),
                });
            }
            if !step_ids.insert(step.id.as_str()) {
                errors.push(DefinitionError::DuplicateStepId {
                    step: step.id.clone(),
                });
            }
            if step.title.trim().is_empty() || step.intro.trim().is_empty() {
                errors.push(DefinitionError::EmptyStepText {
                    step: step.id.clone(),
                });
            }
            if step.questions.is_empty() {
                errors.push(DefinitionError::EmptyStep {
                    step: step.id.clone(),
                });
            }
            for question in &step.questions {
                if !is_valid_id(&question.id) {
                    errors.push(DefinitionError::InvalidId {
                        id: question.id.clone(),
                    });
                }
                if let Some(first) = places.get(question.id.as_str()) {
                    errors.push(DefinitionError::DuplicateQuestionId {
                        question: question.id.clone(),
                        first_step: first.step.to_string(),
                        second_step: step.id.clone(),
                    });
                } else {
                    places.insert(
                        &question.id,
                        Place {
                            position,
                            step: &step.id,
                            step_kind: step.kind,
                            question,
                        },
                    );
                }
                position += 1;
            }
        }
        places
    }

    fn check_maturity_scale(&self, errors: &mut Vec<DefinitionError>) {
        let first_maturity = self
            .questions()
            .find(|q| matches!(q.kind, QuestionKind::Maturity));
        let scale_is_sound = self.maturity_levels.len() == usize::from(MAX_MATURITY_LEVEL) + 1
            && self
                .maturity_levels
                .iter()
                .enumerate()
                .all(|(index, level)| {
                    usize::from(level.level) == index
                        && !level.label.trim().is_empty()
                        && !level.description.trim().is_empty()
                });
        let scale_is_used = first_maturity.is_some() || !self.maturity_levels.is_empty();
        if scale_is_used && !scale_is_sound {
            errors.push(DefinitionError::MaturityScaleMissing {
                question: first_maturity.map_or_else(String::new, |q| q.id.clone()),
            });
        }
    }

    fn check_profile_questions(&self, errors: &mut Vec<DefinitionError>) {
        let expected = [
            (profile_ids::COMMUNE_NAME, "text"),
            (profile_ids::INSEE_CODE, "insee_code"),
            (profile_ids::EPCI_SIREN, "siren"),
            (profile_ids::DEPARTEMENT, "single_choice"),
            (profile_ids::NEIGHBOUR_COUNTRIES, "multiple_choice"),
            (profile_ids::INTERREG_PROGRAMMES, "multiple_choice"),
        ];
        let profile = self.profile_step();
        for (question, kind) in expected {
            let found = profile
                .and_then(|step| step.questions.iter().find(|q| q.id == question))
                .is_some_and(|q| q.kind.type_name() == kind);
            if !found {
                errors.push(DefinitionError::MissingProfileQuestion {
                    question,
                    expected: kind,
                });
            }
        }
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn check_question(question: &Question, errors: &mut Vec<DefinitionError>) {
    let id = || question.id.clone();
    if question.label.trim().is_empty() {
        errors.push(DefinitionError::EmptyLabel { question: id() });
    }
    if question.help.trim().is_empty() {
        errors.push(DefinitionError::EmptyHelp { question: id() });
    }
    match &question.kind {
        QuestionKind::SingleChoice { options, .. }
        | QuestionKind::MultipleChoice { options, .. } => {
            if options.is_empty() {
                errors.push(DefinitionError::NoOptions { question: id() });
            }
            let single = matches!(question.kind, QuestionKind::SingleChoice { .. });
            let mut seen = BTreeSet::new();
            for option in options {
                let blank = option.id.trim().is_empty() || option.id.contains(char::is_whitespace);
                if blank || !seen.insert(option.id.as_str()) {
                    errors.push(DefinitionError::BadOptionId {
                        question: id(),
                        option: option.id.clone(),
                    });
                }
                if option.label.trim().is_empty() {
                    errors.push(DefinitionError::EmptyOptionLabel {
                        question: id(),
                        option: option.id.clone(),
                    });
                }
                if single && option.exclusive {
                    errors.push(DefinitionError::ExclusiveInSingleChoice {
                        question: id(),
                        option: option.id.clone(),
                    });
                }
            }
        }
        QuestionKind::Number {
            min,
            max,
            integer,
            default,
            ..
        } => {
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    errors.push(DefinitionError::MinAboveMax {
                        question: id(),
                        min: fr_number(min),
                        max: fr_number(max),
                    });
                }
            }
            if let Some(value) = default {
                let outside = min.is_some_and(|m| *value < m) || max.is_some_and(|m| *value > m);
                if outside || (*integer && value.fract() != 0.0) {
                    errors.push(DefinitionError::BadDefault {
                        question: id(),
                        default: fr_number(value),
                    });
                }
            }
        }
        QuestionKind::Text { max_length: 0, .. } => {
            errors.push(DefinitionError::TextMaxLengthZero { question: id() });
        }
        QuestionKind::YesNo {
            obstacle_when: Some(_),
            ..
        } if question.obstacle.is_none() => {
            errors.push(DefinitionError::ObstacleWhenWithoutObstacle { question: id() });
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
