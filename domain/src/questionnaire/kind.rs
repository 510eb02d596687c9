//! The kinds of answer a question can expect, with their settings and scoring data.

use serde::{Deserialize, Serialize};

use super::model::ObstacleType;

/// Highest level of the maturity scale (levels go from 0 to this value).
pub const MAX_MATURITY_LEVEL: u8 = 4;

/// The kind of answer a question expects; in JSON, an object tagged by `"type"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum QuestionKind {
    /// Oui / non (and "ne sait pas").
    YesNo {
        /// Points scored by "oui"; absent when the question is not scored.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        points_yes: Option<u32>,
        /// The answer (`true` = oui) that reports the question's obstacle, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        obstacle_when: Option<bool>,
    },
    /// The shared maturity scale, 0 to 4 (and "ne sait pas"); scores the level.
    Maturity,
    /// One option among several.
    SingleChoice {
        /// The options, in display order.
        options: Vec<ChoiceOption>,
        /// Points of the best answer; defaults to the highest option points.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_points: Option<u32>,
    },
    /// Any number of options; an `exclusive` option ("aucun") excludes the others.
    MultipleChoice {
        /// The options, in display order.
        options: Vec<ChoiceOption>,
        /// Cap on the points scored; defaults to the sum of the option points.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_points: Option<u32>,
    },
    /// A number, in a unit, within bounds.
    Number {
        /// Unit shown after the field, e.g. "km" or "habitants".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// Smallest accepted value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// Largest accepted value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// Whether only whole numbers are accepted.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        integer: bool,
        /// Value suggested in the empty field (never stored as an answer by itself).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        default: Option<f64>,
    },
    /// Free text.
    Text {
        /// Longest accepted text, in characters.
        max_length: u32,
        /// Whether a multi-line area is shown instead of a one-line field.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        multiline: bool,
    },
    /// A French commune code (code officiel géographique, 5 characters).
    InseeCode,
    /// A SIREN number (9 digits with a Luhn key).
    Siren,
}

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable identifier, unique within the question; answers store it.
    pub id: String,
    /// Text shown to the respondent.
    pub label: String,
    /// Optional precision shown under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Ticking it excludes every other option (e.g. "aucun"); multiple choice only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
    /// Points scored when this option is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
    /// Obstacle reported when this option is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obstacle: Option<ObstacleType>,
}

impl QuestionKind {
    /// The options of a choice question (empty for other kinds).
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            QuestionKind::SingleChoice { options, .. }
            | QuestionKind::MultipleChoice { options, .. } => options,
            _ => &[],
        }
    }

    /// The option with this id, for a choice question.
    pub fn option(&self, id: &str) -> Option<&ChoiceOption> {
        self.options().iter().find(|option| option.id == id)
    }

    /// The `type` tag of this kind, as written in JSON.
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::YesNo { .. } => "yes_no",
            QuestionKind::Maturity => "maturity",
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultipleChoice { .. } => "multiple_choice",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Text { .. } => "text",
            QuestionKind::InseeCode => "insee_code",
            QuestionKind::Siren => "siren",
        }
    }

    /// What the answer should look like, in French, for error messages.
    pub fn expected_answer(&self) -> &'static str {
        match self {
            QuestionKind::YesNo { .. } => "oui ou non",
            QuestionKind::Maturity => "un niveau de maturité de 0 à 4",
            QuestionKind::SingleChoice { .. } => "une option de la liste",
            QuestionKind::MultipleChoice { .. } => "une ou plusieurs options de la liste",
            QuestionKind::Number { .. } => "un nombre",
            QuestionKind::Text { .. } => "un texte",
            QuestionKind::InseeCode => "un code INSEE",
            QuestionKind::Siren => "un numéro SIREN",
        }
    }

    /// The most characters the form lets one type for this question (its `maxlength`): a
    /// text's limit; room for spaces in an INSEE code or a SIREN; a number typed with its
    /// decimals. `None` for the questions answered by choosing.
    pub fn typed_max_chars(&self) -> Option<u32> {
        match self {
            QuestionKind::Text { max_length, .. } => Some(*max_length),
            QuestionKind::InseeCode => Some(8),
            QuestionKind::Siren => Some(15),
            QuestionKind::Number { .. } => Some(30),
            _ => None,
        }
    }

    /// The most points an answer can score, or `None` when the question is not scored.
    pub fn max_points(&self) -> Option<u32> {
        match self {
            QuestionKind::Maturity => Some(u32::from(MAX_MATURITY_LEVEL)),
            QuestionKind::YesNo { points_yes, .. } => *points_yes,
            QuestionKind::SingleChoice {
                options,
                max_points,
            } => max_points.or_else(|| options.iter().filter_map(|o| o.points).max()),
            QuestionKind::MultipleChoice {
                options,
                max_points,
            } => max_points.or_else(|| {
                let mut scored = options.iter().filter_map(|o| o.points).peekable();
                scored.peek().is_some().then(|| scored.sum())
            }),
            _ => None,
        }
    }
}
