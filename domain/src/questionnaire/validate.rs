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
    #[error("« {label} » ne peut pas être cochée avec d'autres options : décochez l'une ou l'autre.")]
    ExclusiveCombined {
        /// Label of the exclusive option.
        label: String,
    },
    /// Not a finite number.
    #[error("La valeur saisie n'est pas un nombre.")]
    NotANumber,
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
        (QuestionKind::SingleChoice { .. }, Answer::Choice(id)) => {
            match question.kind.option(id) {
                Some(_) => Ok(()),
                None => Err(AnswerError::UnknownOption { option: id.clone() }),
            }
        }
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
mod tests {
    use super::*;

    fn question(kind_json: &str) -> Question {
        serde_json::from_str(&format!(
            r#"{{"id":"q","label":"Question ?","help":"Parce que.","kind":{kind_json}}}"#
        ))
        .unwrap()
    }

    fn choices() -> Question {
        question(
            r#"{"type":"multiple_choice","options":[
                {"id":"train","label":"Train"},{"id":"bus","label":"Bus"},
                {"id":"aucune","label":"Aucune desserte","exclusive":true}]}"#,
        )
    }

    #[test]
    fn a_variant_of_another_kind_is_refused() {
        let yes_no = question(r#"{"type":"yes_no"}"#);
        assert_eq!(validate_answer(&yes_no, &Answer::YesNo(false)), Ok(()));
        let error = validate_answer(&yes_no, &Answer::Number(1.0)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Cette réponse ne correspond pas à la question : elle attend oui ou non."
        );
    }

    #[test]
    fn unknown_follows_the_question_and_its_kind() {
        let yes_no = question(r#"{"type":"yes_no"}"#);
        assert_eq!(validate_answer(&yes_no, &Answer::Unknown), Ok(()));
        let text = question(r#"{"type":"text","max_length":10}"#);
        assert_eq!(
            validate_answer(&text, &Answer::Unknown),
            Err(AnswerError::UnknownNotAllowed)
        );
        let mut number = question(r#"{"type":"number"}"#);
        number.allow_unknown = Some(true);
        assert_eq!(validate_answer(&number, &Answer::Unknown), Ok(()));
    }

    #[test]
    fn maturity_levels_stop_at_four() {
        let maturity = question(r#"{"type":"maturity"}"#);
        assert_eq!(validate_answer(&maturity, &Answer::Maturity(4)), Ok(()));
        let error = validate_answer(&maturity, &Answer::Maturity(5)).unwrap_err();
        assert_eq!(error.to_string(), "Le niveau 5 n'existe pas : choisissez un niveau de 0 à 4.");
    }

    #[test]
    fn options_must_exist_and_exclusive_ones_stand_alone() {
        let q = choices();
        assert_eq!(validate_answer(&q, &Answer::Choices(vec!["train".into(), "bus".into()])), Ok(()));
        assert_eq!(validate_answer(&q, &Answer::Choices(vec!["aucune".into()])), Ok(()));
        let error =
            validate_answer(&q, &Answer::Choices(vec!["bus".into(), "aucune".into()])).unwrap_err();
        assert_eq!(
            error.to_string(),
            "« Aucune desserte » ne peut pas être cochée avec d'autres options : décochez l'une ou l'autre."
        );
        assert_eq!(
            validate_answer(&q, &Answer::Choices(vec!["avion".into()])),
            Err(AnswerError::UnknownOption { option: "avion".into() })
        );
        assert_eq!(
            validate_answer(&q, &Answer::Choices(vec!["bus".into(), "bus".into()])),
            Err(AnswerError::DuplicateOption { option: "bus".into() })
        );
        assert_eq!(validate_answer(&q, &Answer::Choices(vec![])), Err(AnswerError::NothingTicked));
    }

    #[test]
    fn single_choice_checks_the_option_id() {
        let q = question(r#"{"type":"single_choice","options":[{"id":"oui","label":"Oui"}]}"#);
        assert_eq!(validate_answer(&q, &Answer::Choice("oui".into())), Ok(()));
        let error = validate_answer(&q, &Answer::Choice("peut_etre".into())).unwrap_err();
        assert_eq!(
            error.to_string(),
            "L'option « peut_etre » ne fait pas partie des choix de cette question."
        );
    }

    #[test]
    fn numbers_respect_bounds_and_integers() {
        let q = question(r#"{"type":"number","unit":"km","min":0,"max":200,"integer":false}"#);
        assert_eq!(validate_answer(&q, &Answer::Number(12.5)), Ok(()));
        let error = validate_answer(&q, &Answer::Number(250.5)).unwrap_err();
        assert_eq!(error.to_string(), "La valeur 250,5 est supérieure au maximum accepté (200 km).");
        let error = validate_answer(&q, &Answer::Number(-1.0)).unwrap_err();
        assert_eq!(error.to_string(), "La valeur -1 est inférieure au minimum accepté (0 km).");
        let whole = question(r#"{"type":"number","integer":true}"#);
        let error = validate_answer(&whole, &Answer::Number(3.5)).unwrap_err();
        assert_eq!(error.to_string(), "La valeur 3,5 doit être un nombre entier.");
        assert_eq!(validate_answer(&whole, &Answer::Number(f64::NAN)), Err(AnswerError::NotANumber));
    }

    #[test]
    fn texts_have_a_length_limit() {
        let q = question(r#"{"type":"text","max_length":5}"#);
        assert_eq!(validate_answer(&q, &Answer::Text("Étang".into())), Ok(()));
        let error = validate_answer(&q, &Answer::Text("Rivières".into())).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Le texte compte 8 caractères ; la limite est de 5 caractères."
        );
        assert_eq!(validate_answer(&q, &Answer::Text("  ".into())), Err(AnswerError::EmptyText));
    }

    #[test]
    fn identifiers_are_checked_with_their_own_messages() {
        let insee = question(r#"{"type":"insee_code"}"#);
        assert_eq!(validate_answer(&insee, &Answer::Text("2A004".into())), Ok(()));
        let error = validate_answer(&insee, &Answer::Text("1234".into())).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Le code INSEE « 1234 » doit comporter 5 caractères (ex. 08190 ou 2A004)."
        );
        let siren = question(r#"{"type":"siren"}"#);
        assert_eq!(validate_answer(&siren, &Answer::Text("200 067 213".into())), Ok(()));
        assert!(matches!(
            validate_answer(&siren, &Answer::Text("123456789".into())),
            Err(AnswerError::Siren(SirenError::BadChecksum { .. }))
        ));
    }
}
