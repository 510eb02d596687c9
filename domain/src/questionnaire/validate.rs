//! Checking one answer against its question, with messages a respondent can act on.

use std::collections::BTreeSet;

use crate::answer::Answer;

use super::identifiers::{normalize_insee_code, normalize_siren, InseeCodeError, SirenError};
use super::kind::{QuestionKind, MAX_MATURITY_LEVEL};
use super::model::Question;

/// Why an answer does not fit its question.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AnswerError {
    /// The answer's variant does not fit the question's kind.
    #[error("Cette réponse ne correspond pas à la question : elle attend {expected}.")]
    WrongKind {
        /// What the question expects, in French.
        expected: &'static str,
    },
    /// "Ne sait pas" was given where it is not offered.
    #[error("La réponse « Ne sait pas » n'est pas proposée pour cette question.")]
    UnknownNotAllowed,
    /// A maturity level above the scale.
    #[error("Le niveau {level} n'existe pas : choisissez un niveau de 0 à {max}.")]
    MaturityOutOfScale {
        /// The level given.
        level: u8,
        /// The highest level.
        max: u8,
    },
    /// An option id that the question does not have.
    #[error("L'option « {option} » ne fait pas partie des choix de cette question.")]
    UnknownOption {
        /// The unknown option id.
        option: String,
    },
    /// A multiple choice with nothing ticked.
    #[error("Cochez au moins une option.")]
    NothingTicked,
    /// The same option ticked twice.
    #[error("L'option « {option} » est cochée deux fois.")]
    DuplicateOption {
        /// The repeated option id.
        option: String,
    },
    /// An exclusive option ("aucun") ticked together with others.
    #[error(
        "« {label} » ne peut pas être cochée avec d'autres options : décochez l'une ou l'autre."
    )]
    ExclusiveCombined {
        /// Label of the exclusive option.
        label: String,
    },
    /// Not a finite number.
    #[error("La valeur saisie n'est pas un nombre.")]
    NotANumber,
    /// Text typed where a number is expected, kept as typed so nothing is lost.
    #[error("« {text} » n'est pas un nombre : écrivez seulement le nombre, par exemple 12,5.")]
    NumberNotRead {
        /// What was typed (trimmed).
        text: String,
    },
    /// A number below the minimum.
    #[error("La valeur {} est inférieure au minimum accepté ({}).", fr_number(.value), with_unit(.min, .unit))]
    BelowMinimum {
        /// The number given.
        value: f64,
        /// The minimum.
        min: f64,
        /// The unit, if any.
        unit: Option<String>,
    },
    /// A number above the maximum.
    #[error("La valeur {} est supérieure au maximum accepté ({}).", fr_number(.value), with_unit(.max, .unit))]
    AboveMaximum {
        /// The number given.
        value: f64,
        /// The maximum.
        max: f64,
        /// The unit, if any.
        unit: Option<String>,
    },
    /// A decimal where a whole number is expected.
    #[error("La valeur {} doit être un nombre entier.", fr_number(.value))]
    NotInteger {
        /// The number given.
        value: f64,
    },
    /// An empty text.
    #[error("La réponse est vide.")]
    EmptyText,
    /// A text longer than allowed.
    #[error("Le texte compte {length} caractères ; la limite est de {max} caractères.")]
    TextTooLong {
        /// Characters typed.
        length: usize,
        /// Characters allowed.
        max: u32,
    },
    /// An INSEE code that is not well formed.
    #[error(transparent)]
    InseeCode(#[from] InseeCodeError),
    /// A SIREN that is not well formed.
    #[error(transparent)]
    Siren(#[from] SirenError),
}

impl AnswerError {
    /// Whether the app keeps such an answer as typed and flags it for correction (beside the
    /// question and in the review) rather than refusing it: a number outside its range or not
    /// whole or not read as one, an INSEE code or a SIREN not well formed. A bundle may carry one (the app's own
    /// exports do): it is imported and flagged the same way. The other errors never come from
    /// the app (an answer of the wrong kind, an unknown option): a bundle with one is refused.
    pub fn is_kept_for_correction(&self) -> bool {
        matches!(
            self,
            AnswerError::NumberNotRead { .. }
                | AnswerError::BelowMinimum { .. }
                | AnswerError::AboveMaximum { .. }
                | AnswerError::NotInteger { .. }
                | AnswerError::InseeCode(_)
                | AnswerError::Siren(_)
        )
    }
}

/// Checks that an answer fits its question (kind, options, bounds, length, identifier format).
pub fn validate_answer(question: &Question, answer: &Answer) -> Result<(), AnswerError> {
    if *answer == Answer::Unknown {
        return if question.accepts_unknown() {
            Ok(())
        } else {
            Err(AnswerError::UnknownNotAllowed)
        };
    }
    let wrong_kind = || AnswerError::WrongKind {
        expected: question.kind.expected_answer(),
    };
    match (&question.kind, answer) {
        (QuestionKind::YesNo { .. }, Answer::YesNo(_)) => Ok(()),
        (QuestionKind::Maturity, Answer::Maturity(level)) => {
            if *level > MAX_MATURITY_LEVEL {
                Err(AnswerError::MaturityOutOfScale {
                    level: *level,
                    max: MAX_MATURITY_LEVEL,
                })
            } else {
                Ok(())
            }
        }
        (QuestionKind::SingleChoice { .. }, Answer::Choice(id)) => match question.kind.option(id) {
            Some(_) => Ok(()),
            None => Err(AnswerError::UnknownOption { option: id.clone() }),
        },
        (QuestionKind::MultipleChoice { .. }, Answer::Choices(ids)) => {
            validate_choices(question, ids)
        }
        (
            QuestionKind::Number {
                unit,
                min,
                max,
                integer,
                ..
            },
            Answer::Number(value),
        ) => validate_number(*value, *min, *max, *integer, unit),
        // What the number field keeps when the typing does not read as a number.
        (QuestionKind::Number { .. }, Answer::Text(text)) => Err(AnswerError::NumberNotRead {
            text: text.trim().to_string(),
        }),
        (QuestionKind::Text { max_length, .. }, Answer::Text(text)) => {
            let length = text.trim().chars().count();
            if length == 0 {
                Err(AnswerError::EmptyText)
            } else if length > *max_length as usize {
                Err(AnswerError::TextTooLong {
                    length,
                    max: *max_length,
                })
            } else {
                Ok(())
            }
        }
        (QuestionKind::InseeCode, Answer::Text(text)) => {
            normalize_insee_code(text).map(|_| ()).map_err(Into::into)
        }
        (QuestionKind::Siren, Answer::Text(text)) => {
            normalize_siren(text).map(|_| ()).map_err(Into::into)
        }
        _ => Err(wrong_kind()),
    }
}

fn validate_choices(question: &Question, ids: &[String]) -> Result<(), AnswerError> {
    if ids.is_empty() {
        return Err(AnswerError::NothingTicked);
    }
    let mut seen = BTreeSet::new();
    for id in ids {
        if question.kind.option(id).is_none() {
            return Err(AnswerError::UnknownOption { option: id.clone() });
        }
        if !seen.insert(id.as_str()) {
            return Err(AnswerError::DuplicateOption { option: id.clone() });
        }
    }
    if ids.len() > 1 {
        let exclusive = ids
            .iter()
            .filter_map(|id| question.kind.option(id))
            .find(|option| option.exclusive);
        if let Some(option) = exclusive {
            return Err(AnswerError::ExclusiveCombined {
                label: option.label.clone(),
            });
        }
    }
    Ok(())
}

fn validate_number(
    value: f64,
    min: Option<f64>,
    max: Option<f64>,
    integer: bool,
    unit: &Option<String>,
) -> Result<(), AnswerError> {
    if !value.is_finite() {
        return Err(AnswerError::NotANumber);
    }
    if integer && value.fract() != 0.0 {
        return Err(AnswerError::NotInteger { value });
    }
    if let Some(min) = min.filter(|min| value < *min) {
        return Err(AnswerError::BelowMinimum {
            value,
            min,
            unit: unit.clone(),
        });
    }
    if let Some(max) = max.filter(|max| value > *max) {
        return Err(AnswerError::AboveMaximum {
            value,
            max,
            unit: unit.clone(),
        });
    }
    Ok(())
}

/// Writes a number the French way: `12,5`, `3`, `20000`.
pub fn fr_number(value: &f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string().replace('.', ",")
    }
}

fn with_unit(value: &f64, unit: &Option<String>) -> String {
    match unit {
        Some(unit) => format!("{} {unit}", fr_number(value)),
        None => fr_number(value),
    }
}

#[cfg(test)]
mod tests;
