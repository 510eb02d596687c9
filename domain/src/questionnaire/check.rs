//! Checking a questionnaire definition: every problem is reported, in French, naming its id.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::profile_ids;

use super::condition::{Condition, ConditionValue};
use super::kind::{QuestionKind, MAX_MATURITY_LEVEL};
use super::model::{Question, Questionnaire, StepKind};
use super::validate::fr_number;

/// One problem in a questionnaire definition.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    /// The questionnaire has no id.
    #[error("Le questionnaire n'a pas d'identifiant (champ « id »).")]
    MissingId,
    /// The version is 0.
    #[error("La version du questionnaire doit être un entier supérieur ou égal à 1.")]
    VersionZero,
    /// There is not exactly one profile step, or it is not first.
    #[error("Le questionnaire doit commencer par une et une seule étape de type « profile ».")]
    ProfileStepMisplaced,
    /// A step or question id with characters other than a-z, 0-9 and `_`.
    #[error(
        "L'identifiant « {id} » n'est pas valide : utilisez seulement des minuscules sans accent, \
         des chiffres et « _»."
    )]
    InvalidId {
        /// The id.
        id: String,
    },
    /// Two steps share an id.
    #[error("L'identifiant d'étape « {step} » est utilisé plusieurs fois.")]
    DuplicateStepId {
        /// The id.
        step: String,
    },
    /// A step without title or introduction.
    #[error("L'étape « {step} » doit avoir un titre et une introduction.")]
    EmptyStepText {
        /// The step id.
        step: String,
    },
    /// A step without questions.
    #[error("L'étape « {step} » ne contient aucune question.")]
    EmptyStep {
        /// The step id.
        step: String,
    },
    /// Two questions share an id (ids are unique across all steps).
    #[error(
        "L'identifiant de question « {question} » est utilisé plusieurs fois \
         (étapes « {first_step} » et « {second_step} »)."
    )]
    DuplicateQuestionId {
        /// The id.
        question: String,
        /// Step of the first use.
        first_step: String,
        /// Step of the repeated use.
        second_step: String,
    },
    /// A question without label.
    #[error("La question « {question} » n'a pas de libellé.")]
    EmptyLabel {
        /// The question id.
        question: String,
    },
    /// A question without help text.
    #[error("La question « {question} » n'a pas de texte d'aide (« help »).")]
    EmptyHelp {
        /// The question id.
        question: String,
    },
    /// A choice question without options.
    #[error("La question à choix « {question} » ne propose aucune option.")]
    NoOptions {
        /// The question id.
        question: String,
    },
    /// Two options of one question share an id, or an option id is blank.
    #[error("La question « {question} » a un identifiant d'option vide ou répété : « {option} ».")]
    BadOptionId {
        /// The question id.
        question: String,
        /// The option id.
        option: String,
    },
    /// An option without label.
    #[error("L'option « {option} » de la question « {question} » n'a pas de libellé.")]
    EmptyOptionLabel {
        /// The question id.
        question: String,
        /// The option id.
        option: String,
    },
    /// An exclusive option in a single choice, where it means nothing.
    #[error(
        "L'option « {option} » de la question « {question} » est marquée exclusive, ce qui n'a de \
         sens que pour un choix multiple."
    )]
    ExclusiveInSingleChoice {
        /// The question id.
        question: String,
        /// The option id.
        option: String,
    },
    /// Number bounds with min above max.
    #[error("La question « {question} » a un minimum ({min}) supérieur à son maximum ({max}).")]
    MinAboveMax {
        /// The question id.
        question: String,
        /// The minimum, written in French.
        min: String,
        /// The maximum, written in French.
        max: String,
    },
    /// A default number outside the bounds, or decimal for an integer question.
    #[error("La valeur par défaut ({default}) de la question « {question} » ne respecte pas ses bornes ou n'est pas entière.")]
    BadDefault {
        /// The question id.
        question: String,
        /// The default value, written in French.
        default: String,
    },
    /// A text question that accepts no character.
    #[error("La question texte « {question} » a une longueur maximale de 0 caractère.")]
    TextMaxLengthZero {
        /// The question id.
        question: String,
    },
    /// `obstacle_when` set on a yes/no question that names no obstacle.
    #[error("La question « {question} » indique « obstacle_when » sans préciser son « obstacle ».")]
    ObstacleWhenWithoutObstacle {
        /// The question id.
        question: String,
    },
    /// Maturity questions exist but the scale is not defined as levels 0 to 4.
    #[error(
        "L'échelle de maturité (« maturity_levels ») doit définir les 5 niveaux 0 à 4, dans l'ordre, \
         chacun avec un libellé et une description (utilisée par « {question} »)."
    )]
    MaturityScaleMissing {
        /// The first maturity question.
        question: String,
    },
    /// A condition naming a question that does not exist.
    #[error("La condition de la question « {question} » porte sur « {target} », qui n'existe pas.")]
    ConditionUnknownQuestion {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
    },
    /// A condition naming its own question or a later one.
    #[error(
        "La condition de la question « {question} » porte sur « {target} », qui n'est pas avant \
         elle : une condition ne peut porter que sur une question précédente."
    )]
    ConditionNotEarlier {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
    },
    /// A condition naming a question of another theme.
    #[error(
        "La condition de la question « {question} » porte sur « {target} », d'une autre thématique : \
         seules les questions de la même étape ou du profil sont permises."
    )]
    ConditionOtherTheme {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
    },
    /// A condition whose test does not fit the kind of the question it reads.
    #[error(
        "La condition de la question « {question} » teste « {target} » d'une façon qui ne convient \
         pas à son type ({kind})."
    )]
    ConditionKindMismatch {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
        /// The `type` of the target question.
        kind: &'static str,
    },
    /// A condition naming an option the target question does not offer.
    #[error(
        "La condition de la question « {question} » cite l'option « {option} », que la question \
         « {target} » ne propose pas."
    )]
    ConditionUnknownOption {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
        /// The unknown option id.
        option: String,
    },
    /// A profile question the app relies on is missing or of the wrong kind.
    #[error("L'étape de profil doit contenir la question « {question} » de type « {expected} ».")]
    MissingProfileQuestion {
        /// The expected id.
        question: &'static str,
        /// The expected `type`.
        expected: &'static str,
    },
}

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
        let profile_count = self.steps.iter().filter(|s| s.kind == StepKind::Profile).count();
        if profile_count != 1 || self.steps.first().map(|s| s.kind) != Some(StepKind::Profile) {
            errors.push(DefinitionError::ProfileStepMisplaced);
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
                    let here = Place { position, step: &step.id, step_kind: step.kind, question };
                    check_condition(condition, &here, &places, &mut errors);
                }
                position += 1;
            }
        }
        self.check_profile_questions(&mut errors);
        errors
    }

    fn check_ids(&self, errors: &mut Vec<DefinitionError>) -> BTreeMap<&str, Place<'_>> {
        let mut step_ids = BTreeSet::new();
        let mut places: BTreeMap<&str, Place> = BTreeMap::new();
        let mut position = 0;
        for step in &self.steps {
            if !is_valid_id(&step.id) {
                errors.push(DefinitionError::InvalidId { id: step.id.clone() });
            }
            if !step_ids.insert(step.id.as_str()) {
                errors.push(DefinitionError::DuplicateStepId { step: step.id.clone() });
            }
            if step.title.trim().is_empty() || step.intro.trim().is_empty() {
                errors.push(DefinitionError::EmptyStepText { step: step.id.clone() });
            }
            if step.questions.is_empty() {
                errors.push(DefinitionError::EmptyStep { step: step.id.clone() });
            }
            for question in &step.questions {
                if !is_valid_id(&question.id) {
                    errors.push(DefinitionError::InvalidId { id: question.id.clone() });
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
                        Place { position, step: &step.id, step_kind: step.kind, question },
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
            && self.maturity_levels.iter().enumerate().all(|(index, level)| {
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
                errors.push(DefinitionError::MissingProfileQuestion { question, expected: kind });
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
        QuestionKind::SingleChoice { options, .. } | QuestionKind::MultipleChoice { options, .. } => {
            if options.is_empty() {
                errors.push(DefinitionError::NoOptions { question: id() });
            }
            let single = matches!(question.kind, QuestionKind::SingleChoice { .. });
            let mut seen = BTreeSet::new();
            for option in options {
                let blank = option.id.trim().is_empty() || option.id.contains(char::is_whitespace);
                if blank || !seen.insert(option.id.as_str()) {
                    errors.push(DefinitionError::BadOptionId { question: id(), option: option.id.clone() });
                }
                if option.label.trim().is_empty() {
                    errors.push(DefinitionError::EmptyOptionLabel { question: id(), option: option.id.clone() });
                }
                if single && option.exclusive {
                    errors.push(DefinitionError::ExclusiveInSingleChoice { question: id(), option: option.id.clone() });
                }
            }
        }
        QuestionKind::Number { min, max, integer, default, .. } => {
            if let (Some(min), Some(max)) = (min, max) {
                if min > max {
                    errors.push(DefinitionError::MinAboveMax { question: id(), min: fr_number(min), max: fr_number(max) });
                }
            }
            if let Some(value) = default {
                let outside = min.is_some_and(|m| *value < m) || max.is_some_and(|m| *value > m);
                if outside || (*integer && value.fract() != 0.0) {
                    errors.push(DefinitionError::BadDefault { question: id(), default: fr_number(value) });
                }
            }
        }
        QuestionKind::Text { max_length: 0, .. } => {
            errors.push(DefinitionError::TextMaxLengthZero { question: id() });
        }
        QuestionKind::YesNo { obstacle_when: Some(_), .. } if question.obstacle.is_none() => {
            errors.push(DefinitionError::ObstacleWhenWithoutObstacle { question: id() });
        }
        _ => {}
    }
}

fn check_condition(
    condition: &Condition,
    here: &Place,
    places: &BTreeMap<&str, Place>,
    errors: &mut Vec<DefinitionError>,
) {
    let question = || here.question.id.clone();
    let target_place = |target: &str, errors: &mut Vec<DefinitionError>| -> Option<&QuestionKind> {
        let Some(place) = places.get(target) else {
            errors.push(DefinitionError::ConditionUnknownQuestion { question: question(), target: target.to_string() });
            return None;
        };
        if place.position >= here.position {
            errors.push(DefinitionError::ConditionNotEarlier { question: question(), target: target.to_string() });
            return None;
        }
        if place.step != here.step && place.step_kind != StepKind::Profile {
            errors.push(DefinitionError::ConditionOtherTheme { question: question(), target: target.to_string() });
            return None;
        }
        Some(&place.question.kind)
    };
    let mismatch = |target: &str, kind: &QuestionKind| DefinitionError::ConditionKindMismatch {
        question: question(),
        target: target.to_string(),
        kind: kind.type_name(),
    };
    let check_options = |target: &str, kind: &QuestionKind, ids: &[String], errors: &mut Vec<DefinitionError>| {
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
            let Some(kind) = target_place(&test.question, errors) else { return };
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
                (QuestionKind::Text { .. } | QuestionKind::InseeCode | QuestionKind::Siren, ConditionValue::Text(_)) => true,
                _ => false,
            };
            if !fits {
                errors.push(mismatch(&test.question, kind));
            }
        }
        Condition::OneOf(test) | Condition::AnyOf(test) => {
            let Some(kind) = target_place(&test.question, errors) else { return };
            let fits = match condition {
                Condition::OneOf(_) => matches!(kind, QuestionKind::SingleChoice { .. }),
                _ => matches!(kind, QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. }),
            };
            if fits {
                check_options(&test.question, kind, &test.values, errors);
            } else {
                errors.push(mismatch(&test.question, kind));
            }
        }
        Condition::Lt(test) | Condition::Le(test) | Condition::Gt(test) | Condition::Ge(test) => {
            let Some(kind) = target_place(&test.question, errors) else { return };
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

#[cfg(test)]
mod tests;
