//! Skip logic as data: conditions on earlier answers that decide whether a question is shown.
//!
//! In JSON a condition is an object with one key naming the test, e.g.
//! `{"equals": {"question": "gov_convention", "value": true}}`,
//! `{"any_of": {"question": "profil_pays_voisins", "values": ["ES", "AD"]}}`,
//! `{"ge": {"question": "gov_relations", "value": 2}}`, `{"answered": "ing_projet"}`,
//! `{"all": [..]}`, `{"any": [..]}`, `{"not": {..}}`.

use serde::{Deserialize, Serialize};

use crate::answer::Answer;

/// A test on earlier answers; the question carrying it is shown only when it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// The answer equals a value: `true`/`false` (yes/no), a number (number, maturity level)
    /// or a text (option id of a single choice).
    Equals(ValueTest),
    /// The single-choice answer is one of the listed option ids.
    OneOf(OptionsTest),
    /// The multiple-choice answer contains at least one of the listed option ids.
    AnyOf(OptionsTest),
    /// The number (or maturity level) is lower than the value.
    Lt(NumberTest),
    /// The number (or maturity level) is lower than or equal to the value.
    Le(NumberTest),
    /// The number (or maturity level) is greater than the value.
    Gt(NumberTest),
    /// The number (or maturity level) is greater than or equal to the value.
    Ge(NumberTest),
    /// The question has an answer ("ne sait pas" included).
    Answered(String),
    /// The question has no answer.
    NotAnswered(String),
    /// Every condition holds (true when the list is empty).
    All(Vec<Condition>),
    /// At least one condition holds (false when the list is empty).
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
}

/// Compares the answer to one question with a value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueTest {
    /// Id of the question whose answer is tested.
    pub question: String,
    /// The value the answer must equal.
    pub value: ConditionValue,
}

/// Compares the answer to one question with a list of option ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionsTest {
    /// Id of the question whose answer is tested.
    pub question: String,
    /// Option ids of that question.
    pub values: Vec<String>,
}

/// Compares the numeric answer to one question with a number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberTest {
    /// Id of the question whose answer is tested.
    pub question: String,
    /// The number compared with.
    pub value: f64,
}

/// A literal value in an `equals` condition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConditionValue {
    /// `true` (oui) or `false` (non).
    Bool(bool),
    /// A number or a maturity level.
    Number(f64),
    /// An option id (or a text).
    Text(String),
}

impl Condition {
    /// Whether the condition holds, given a way to read the answer to a question.
    ///
    /// `answer_of` must return `None` for a question that has no answer or is hidden.
    pub fn holds<'a>(&self, answer_of: &dyn Fn(&str) -> Option<&'a Answer>) -> bool {
        match self {
            Condition::Equals(test) => {
                answer_of(&test.question).is_some_and(|answer| value_matches(answer, &test.value))
            }
            Condition::OneOf(test) => match answer_of(&test.question) {
                Some(Answer::Choice(id)) => test.values.contains(id),
                _ => false,
            },
            Condition::AnyOf(test) => match answer_of(&test.question) {
                Some(Answer::Choices(ids)) => ids.iter().any(|id| test.values.contains(id)),
                Some(Answer::Choice(id)) => test.values.contains(id),
                _ => false,
            },
            Condition::Lt(test) => compare(answer_of, test, |a, b| a < b),
            Condition::Le(test) => compare(answer_of, test, |a, b| a <= b),
            Condition::Gt(test) => compare(answer_of, test, |a, b| a > b),
            Condition::Ge(test) => compare(answer_of, test, |a, b| a >= b),
            Condition::Answered(id) => answer_of(id).is_some_and(|a| !a.is_empty()),
            Condition::NotAnswered(id) => answer_of(id).is_none_or(Answer::is_empty),
            Condition::All(conditions) => conditions.iter().all(|c| c.holds(answer_of)),
            Condition::Any(conditions) => conditions.iter().any(|c| c.holds(answer_of)),
            Condition::Not(condition) => !condition.holds(answer_of),
        }
    }

    /// Ids of every question this condition reads, in order of appearance.
    pub fn referenced_questions(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        self.collect_references(&mut ids);
        ids
    }

    fn collect_references<'a>(&'a self, ids: &mut Vec<&'a str>) {
        match self {
            Condition::Equals(test) => ids.push(&test.question),
            Condition::OneOf(test) | Condition::AnyOf(test) => ids.push(&test.question),
            Condition::Lt(test)
            | Condition::Le(test)
            | Condition::Gt(test)
            | Condition::Ge(test) => ids.push(&test.question),
            Condition::Answered(id) | Condition::NotAnswered(id) => ids.push(id),
            Condition::All(conditions) | Condition::Any(conditions) => {
                for condition in conditions {
                    condition.collect_references(ids);
                }
            }
            Condition::Not(condition) => condition.collect_references(ids),
        }
    }
}

fn value_matches(answer: &Answer, value: &ConditionValue) -> bool {
    match (answer, value) {
        (Answer::YesNo(given), ConditionValue::Bool(expected)) => given == expected,
        (Answer::Maturity(level), ConditionValue::Number(expected)) => {
            f64::from(*level) == *expected
        }
        (Answer::Number(given), ConditionValue::Number(expected)) => given == expected,
        (Answer::Choice(id), ConditionValue::Text(expected)) => id == expected,
        (Answer::Text(text), ConditionValue::Text(expected)) => text.trim() == expected.trim(),
        _ => false,
    }
}

fn compare<'a>(
    answer_of: &dyn Fn(&str) -> Option<&'a Answer>,
    test: &NumberTest,
    op: fn(f64, f64) -> bool,
) -> bool {
    match answer_of(&test.question) {
        Some(Answer::Number(value)) => op(*value, test.value),
        Some(Answer::Maturity(level)) => op(f64::from(*level), test.value),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn holds(json: &str, answers: &BTreeMap<String, Answer>) -> bool {
        let condition: Condition = serde_json::from_str(json).unwrap();
        condition.holds(&|id| answers.get(id))
    }

    fn answers() -> BTreeMap<String, Answer> {
        BTreeMap::from([
            ("convention".to_string(), Answer::YesNo(true)),
            ("niveau".to_string(), Answer::Maturity(2)),
            ("distance".to_string(), Answer::Number(12.0)),
            ("recours".to_string(), Answer::Choice("souvent".into())),
            (
                "pays".to_string(),
                Answer::Choices(vec!["ES".into(), "AD".into()]),
            ),
            ("flou".to_string(), Answer::Unknown),
        ])
    }

    #[test]
    fn equals_matches_yes_no_levels_numbers_and_options() {
        let a = answers();
        assert!(holds(
            r#"{"equals":{"question":"convention","value":true}}"#,
            &a
        ));
        assert!(!holds(
            r#"{"equals":{"question":"convention","value":false}}"#,
            &a
        ));
        assert!(holds(r#"{"equals":{"question":"niveau","value":2}}"#, &a));
        assert!(holds(
            r#"{"equals":{"question":"recours","value":"souvent"}}"#,
            &a
        ));
        assert!(!holds(
            r#"{"equals":{"question":"absent","value":true}}"#,
            &a
        ));
    }

    #[test]
    fn option_lists_match_single_and_multiple_choices() {
        let a = answers();
        assert!(holds(
            r#"{"one_of":{"question":"recours","values":["rarement","souvent"]}}"#,
            &a
        ));
        assert!(!holds(
            r#"{"one_of":{"question":"recours","values":["jamais"]}}"#,
            &a
        ));
        assert!(holds(
            r#"{"any_of":{"question":"pays","values":["AD"]}}"#,
            &a
        ));
        assert!(!holds(
            r#"{"any_of":{"question":"pays","values":["BE","LU"]}}"#,
            &a
        ));
    }

    #[test]
    fn comparisons_read_numbers_and_maturity_levels() {
        let a = answers();
        assert!(holds(r#"{"lt":{"question":"distance","value":25}}"#, &a));
        assert!(holds(r#"{"le":{"question":"distance","value":12}}"#, &a));
        assert!(!holds(r#"{"gt":{"question":"distance","value":12}}"#, &a));
        assert!(holds(r#"{"ge":{"question":"niveau","value":2}}"#, &a));
        assert!(!holds(r#"{"ge":{"question":"flou","value":0}}"#, &a));
    }

    #[test]
    fn answered_counts_unknown_and_combinators_compose() {
        let a = answers();
        assert!(holds(r#"{"answered":"flou"}"#, &a));
        assert!(holds(r#"{"not_answered":"absent"}"#, &a));
        assert!(holds(
            r#"{"all":[{"answered":"niveau"},{"not":{"answered":"absent"}}]}"#,
            &a
        ));
        assert!(holds(
            r#"{"any":[{"answered":"absent"},{"answered":"pays"}]}"#,
            &a
        ));
        assert!(!holds(r#"{"any":[]}"#, &a));
        assert!(holds(r#"{"all":[]}"#, &a));
    }

    #[test]
    fn references_are_listed_in_order() {
        let condition: Condition = serde_json::from_str(
            r#"{"any":[{"answered":"a"},{"not":{"gt":{"question":"b","value":1}}}]}"#,
        )
        .unwrap();
        assert_eq!(condition.referenced_questions(), vec!["a", "b"]);
    }

    #[test]
    fn misspelt_keys_are_refused() {
        let result: Result<Condition, _> =
            serde_json::from_str(r#"{"equals":{"qestion":"a","value":true}}"#);
        assert!(result.is_err());
    }
}
