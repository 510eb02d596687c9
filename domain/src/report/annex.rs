//! The printable annex: every question that applies, with its answer written in French.
//! Hidden questions and "non concerné" themes are left out, so print never ignores skip logic.

use serde::Serialize;

use crate::answer::Answer;
use crate::diagnostic::Diagnostic;
use crate::questionnaire::{
    is_question_applicable, is_step_not_concerned, Question, QuestionKind, Questionnaire,
};

use super::text;

/// One question of the annex with its answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnexItem {
    /// Id of the question.
    pub question_id: String,
    /// The question.
    pub label: String,
    /// The answer in French, or "Sans réponse".
    pub answer_text: String,
    /// Whether the question has an answer.
    pub answered: bool,
}

/// One step of the annex.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnexStep {
    /// Id of the step.
    pub step_id: String,
    /// Title of the step.
    pub title: String,
    /// The theme was marked "non concerné" (then `items` is empty).
    pub not_concerned: bool,
    /// The applicable questions, in order.
    pub items: Vec<AnnexItem>,
}

/// Every step with its applicable questions and their answers, for print.
pub fn answers_annex(questionnaire: &Questionnaire, diagnostic: &Diagnostic) -> Vec<AnnexStep> {
    questionnaire
        .steps
        .iter()
        .map(|step| {
            let not_concerned = is_step_not_concerned(step, &diagnostic.not_concerned_themes);
            let items = step
                .questions
                .iter()
                .filter(|q| is_question_applicable(questionnaire, step, q, diagnostic))
                .map(|q| {
                    let answer = diagnostic.answers.get(&q.id).filter(|a| !a.is_empty());
                    AnnexItem {
                        question_id: q.id.clone(),
                        label: q.label.clone(),
                        answer_text: answer.map_or_else(
                            || text::NO_ANSWER.to_string(),
                            |a| format_answer(questionnaire, q, a),
                        ),
                        answered: answer.is_some(),
                    }
                })
                .collect();
            AnnexStep {
                step_id: step.id.clone(),
                title: step.title.clone(),
                not_concerned,
                items,
            }
        })
        .collect()
}

/// An answer written in French: "Oui", "Non", "Ne sait pas", "3 — Action en cours", option
/// labels, a number with its unit ("6 500 habitants"), or the text itself.
pub fn format_answer(
    questionnaire: &Questionnaire,
    question: &Question,
    answer: &Answer,
) -> String {
    let option_label = |id: &str| {
        question
            .kind
            .option(id)
            .map_or_else(|| id.to_string(), |o| o.label.clone())
    };
    match answer {
        Answer::YesNo(true) => text::YES.to_string(),
        Answer::YesNo(false) => text::NO.to_string(),
        Answer::Unknown => text::UNKNOWN.to_string(),
        Answer::Maturity(level) => match questionnaire.maturity_level(*level) {
            Some(l) => format!("{level}{}{}", text::LEVEL_SEPARATOR, l.label),
            None => level.to_string(),
        },
        Answer::Choice(id) => option_label(id),
        Answer::Choices(ids) => ids
            .iter()
            .map(|id| option_label(id))
            .collect::<Vec<_>>()
            .join(text::LIST_SEPARATOR),
        Answer::Number(value) => {
            let number = fr_grouped_number(*value);
            match &question.kind {
                QuestionKind::Number {
                    unit: Some(unit), ..
                } => format!("{number} {unit}"),
                _ => number,
            }
        }
        Answer::Text(text) => text.trim().to_string(),
    }
}

/// A number in French: thousands grouped by a narrow no-break space, decimal comma, at most
/// two decimals ("6 500", "1,5", "12 345,68").
pub fn fr_grouped_number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = format!("{:.2}", value.abs());
    let (whole, decimals) = rounded.split_once('.').unwrap_or((&rounded, ""));
    let decimals = decimals.trim_end_matches('0');
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index).is_multiple_of(3) {
            grouped.push('\u{202F}');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && (whole != "0" || !decimals.is_empty()) {
        "-"
    } else {
        ""
    };
    if decimals.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{decimals}")
    }
}
