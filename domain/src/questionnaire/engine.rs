//! The questionnaire engine: which questions apply, how far a diagnostic is, what is left to do.
//!
//! A question *applies* when it is visible (its condition holds on earlier visible answers) and
//! its step is not a theme marked "non concerné". Answers to questions that do not apply are
//! kept in the diagnostic but left out of progress, review and scores.
//!
//! Completion counts **required** questions only: `answered` is the number of applicable
//! required questions with a valid answer ("ne sait pas" included), `applicable` the number of
//! applicable required questions. Optional questions never count, answered or not.

use std::collections::{BTreeMap, BTreeSet};

use crate::answer::Answer;
use crate::diagnostic::Diagnostic;

use super::condition::Condition;
use super::model::{Question, Questionnaire, Step, StepKind};
use super::validate::{validate_answer, AnswerError};

/// Whether a question is shown, given the answers so far.
///
/// A condition reads only answers to visible questions: a question whose condition depends on
/// a hidden question is hidden too.
pub fn is_question_visible(
    questionnaire: &Questionnaire,
    question: &Question,
    answers: &BTreeMap<String, Answer>,
) -> bool {
    // A checked questionnaire only refers to earlier questions, so this depth is never reached;
    // it guards against a cycle in an unchecked definition.
    visible_within(
        questionnaire,
        question,
        answers,
        questionnaire.questions().count(),
    )
}

fn visible_within(
    questionnaire: &Questionnaire,
    question: &Question,
    answers: &BTreeMap<String, Answer>,
    depth: usize,
) -> bool {
    let Some(condition) = &question.condition else {
        return true;
    };
    if depth == 0 {
        return false;
    }
    let answer_of = |id: &str| -> Option<&Answer> {
        let target = questionnaire.question(id)?;
        if visible_within(questionnaire, target, answers, depth - 1) {
            answers.get(id)
        } else {
            None
        }
    };
    condition.holds(&answer_of)
}

/// Whether a step is a theme the town marked "non concerné" (the profile never is).
pub fn is_step_not_concerned(step: &Step, not_concerned_themes: &BTreeSet<String>) -> bool {
    step.kind == StepKind::Theme && not_concerned_themes.contains(&step.id)
}

/// Whether a question of this step applies: visible and not in a "non concerné" theme.
pub fn is_question_applicable(
    questionnaire: &Questionnaire,
    step: &Step,
    question: &Question,
    diagnostic: &Diagnostic,
) -> bool {
    !is_step_not_concerned(step, &diagnostic.not_concerned_themes)
        && is_question_visible(questionnaire, question, &diagnostic.answers)
}

/// The answer to a question when the question applies (visible, not in a "non concerné"
/// theme); `None` when it does not apply, is unknown to the questionnaire or has no answer.
pub fn applicable_answer<'d>(
    questionnaire: &Questionnaire,
    diagnostic: &'d Diagnostic,
    question_id: &str,
) -> Option<&'d Answer> {
    let step = questionnaire.step_of_question(question_id)?;
    let question = step.questions.iter().find(|q| q.id == question_id)?;
    if is_question_applicable(questionnaire, step, question, diagnostic) {
        diagnostic.answers.get(question_id)
    } else {
        None
    }
}

/// Whether a condition holds on the answers that apply (e.g. the condition of an opportunity
/// rule): answers to hidden questions and to "non concerné" themes are read as absent.
pub fn condition_holds(
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
    condition: &Condition,
) -> bool {
    condition.holds(&|id| applicable_answer(questionnaire, diagnostic, id))
}

/// How many required questions are answered validly, out of those that apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    /// Applicable required questions with a valid answer ("ne sait pas" included).
    pub answered: usize,
    /// Applicable required questions.
    pub applicable: usize,
}

impl Progress {
    /// Whether nothing required is left (true for a step with nothing applicable).
    pub fn is_complete(&self) -> bool {
        self.answered >= self.applicable
    }

    /// Completion as a whole percentage, rounded down (100 when nothing applies).
    pub fn percent(&self) -> u8 {
        if self.applicable == 0 {
            return 100;
        }
        let percent = self.answered.min(self.applicable) * 100 / self.applicable;
        u8::try_from(percent).unwrap_or(100)
    }

    fn add(self, other: Progress) -> Progress {
        Progress {
            answered: self.answered + other.answered,
            applicable: self.applicable + other.applicable,
        }
    }
}

/// Progress of one step: applicable required questions and how many have a valid answer.
pub fn step_progress(
    questionnaire: &Questionnaire,
    step: &Step,
    diagnostic: &Diagnostic,
) -> Progress {
    let mut progress = Progress::default();
    for question in &step.questions {
        if question.optional || !is_question_applicable(questionnaire, step, question, diagnostic) {
            continue;
        }
        progress.applicable += 1;
        let answer = diagnostic.answers.get(&question.id);
        if answer.is_some_and(|a| !a.is_empty() && validate_answer(question, a).is_ok()) {
            progress.answered += 1;
        }
    }
    progress
}

/// Progress of the whole questionnaire (the sum of every step's progress).
pub fn overall_progress(questionnaire: &Questionnaire, diagnostic: &Diagnostic) -> Progress {
    questionnaire
        .steps
        .iter()
        .map(|step| step_progress(questionnaire, step, diagnostic))
        .fold(Progress::default(), Progress::add)
}

/// What is wrong with one question, for the review page.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ReviewProblem {
    /// A required applicable question has no answer.
    #[error("Cette question n'a pas encore de réponse.")]
    Unanswered,
    /// The answer does not fit the question.
    #[error("{0}")]
    Invalid(AnswerError),
}

/// One line of the review page: a question to answer or to correct.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewItem {
    /// Id of the step holding the question (to link to its page).
    pub step_id: String,
    /// Id of the question.
    pub question_id: String,
    /// The question as shown to the respondent.
    pub question_label: String,
    /// What is missing or wrong.
    pub problem: ReviewProblem,
}

impl ReviewItem {
    /// The problem, as a French sentence.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }
}

/// Every unanswered required question and every invalid answer that applies, in questionnaire order.
pub fn review(questionnaire: &Questionnaire, diagnostic: &Diagnostic) -> Vec<ReviewItem> {
    let mut items = Vec::new();
    for step in &questionnaire.steps {
        for question in &step.questions {
            if !is_question_applicable(questionnaire, step, question, diagnostic) {
                continue;
            }
            let problem = match diagnostic.answers.get(&question.id) {
                Some(answer) if !answer.is_empty() => match validate_answer(question, answer) {
                    Ok(()) => None,
                    Err(error) => Some(ReviewProblem::Invalid(error)),
                },
                _ if question.optional => None,
                _ => Some(ReviewProblem::Unanswered),
            };
            if let Some(problem) = problem {
                items.push(ReviewItem {
                    step_id: step.id.clone(),
                    question_id: question.id.clone(),
                    question_label: question.label.clone(),
                    problem,
                });
            }
        }
    }
    items
}

#[cfg(test)]
mod tests;
