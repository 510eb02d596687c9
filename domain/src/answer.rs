//! One answer to one question, as stored and exchanged.

use serde::{Deserialize, Serialize};

/// The value a respondent gave to a question.
///
/// The variant must fit the question's kind; the questionnaire engine checks that
/// (see `questionnaire::validate_answer`). `Unknown` is "ne sait pas": it counts as
/// answered, gives no points, and is counted apart because unknowns matter to MOT.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// "Oui" (`true`) or "Non" (`false`).
    YesNo(bool),
    /// A maturity level from 0 to 4.
    Maturity(u8),
    /// "Ne sait pas".
    Unknown,
    /// The id of one option of a single-choice question.
    Choice(String),
    /// The ids of the options ticked in a multiple-choice question.
    Choices(Vec<String>),
    /// A number, in the unit the question declares.
    Number(f64),
    /// Free text, or an identifier (INSEE code, SIREN) typed as text.
    Text(String),
}

impl Answer {
    /// Whether this answer holds nothing worth keeping (empty text, no option ticked).
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(text) => text.trim().is_empty(),
            Answer::Choices(ids) => ids.is_empty(),
            _ => false,
        }
    }

    /// The options ticked in `current` (none when it is not a multiple choice) with `added`
    /// ticked too: ticking suggestions never unticks what the user chose.
    pub fn choices_with(current: Option<&Answer>, added: &[String]) -> Answer {
        let mut ids = match current {
            Some(Answer::Choices(ids)) => ids.clone(),
            _ => Vec::new(),
        };
        for id in added {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        Answer::Choices(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticking_suggested_choices_keeps_the_ones_already_ticked() {
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let current = Answer::Choices(ids(&["alcotra", "fwvl"]));
        assert_eq!(
            Answer::choices_with(Some(&current), &ids(&["fwvl", "grande_region"])),
            Answer::Choices(ids(&["alcotra", "fwvl", "grande_region"]))
        );
        assert_eq!(
            Answer::choices_with(Some(&Answer::Unknown), &ids(&["fwvl"])),
            Answer::Choices(ids(&["fwvl"]))
        );
        assert_eq!(
            Answer::choices_with(None, &ids(&["fwvl"])),
            Answer::Choices(ids(&["fwvl"]))
        );
    }

    #[test]
    fn answers_serialise_with_a_kind_tag() {
        let json = serde_json::to_string(&Answer::Maturity(3)).unwrap();
        assert_eq!(json, r#"{"kind":"maturity","value":3}"#);
        let unknown = serde_json::to_string(&Answer::Unknown).unwrap();
        assert_eq!(unknown, r#"{"kind":"unknown"}"#);
    }

    #[test]
    fn empty_text_and_no_choice_are_empty() {
        assert!(Answer::Text("  ".into()).is_empty());
        assert!(Answer::Choices(vec![]).is_empty());
        assert!(!Answer::YesNo(false).is_empty());
    }
}
