//! What the answers show: strengths, obstacles met, unknowns to clarify, and the closing
//! step's training interests and support requests. Only answers that apply are read.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::answer::Answer;
use crate::diagnostic::Diagnostic;
use crate::questionnaire::{
    answer_points, is_question_applicable, reported_obstacles, ObstacleType, Question,
    Questionnaire, Step, StepKind, ThemeResult, EXPECTATIONS_DETAILS_ID, SUPPORT_REQUESTS_ID,
    TRAINING_INTERESTS_ID,
};

use super::annex::format_answer;

/// Share of the potential from which a theme, or a scored answer, counts as a strength.
pub const STRENGTH_THRESHOLD: f64 = 0.75;

/// Every applicable question with its step and answer (if any), in questionnaire order.
pub(super) fn applicable_questions<'q, 'd>(
    questionnaire: &'q Questionnaire,
    diagnostic: &'d Diagnostic,
) -> impl Iterator<Item = (&'q Step, &'q Question, Option<&'d Answer>)> + use<'q, 'd> {
    questionnaire.steps.iter().flat_map(move |step| {
        step.questions
            .iter()
            .filter(move |q| is_question_applicable(questionnaire, step, q, diagnostic))
            .map(move |q| (step, q, diagnostic.answers.get(&q.id)))
    })
}

/// What a strength is: a whole theme, or one answer in a theme that is not strong as a whole.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StrengthKind {
    /// The theme scores at least the threshold.
    Theme {
        /// The theme's share of its potential.
        share: f64,
    },
    /// An answer scoring at least the threshold of its question's maximum.
    Answer {
        /// Id of the question.
        question_id: String,
        /// The question.
        question_label: String,
        /// The answer, in French (e.g. "3 — Action en cours").
        answer_text: String,
    },
}

/// One strength of the town.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Strength {
    /// Id of the theme.
    pub step_id: String,
    /// Title of the theme.
    pub step_title: String,
    /// The theme as a whole, or one answer.
    pub kind: StrengthKind,
}

/// Strong themes (share ≥ threshold), then strong answers in the other themes, in order.
pub fn strengths(
    questionnaire: &Questionnaire,
    diagnostic: &Diagnostic,
    results: &[ThemeResult],
) -> Vec<Strength> {
    let strong_theme = |id: &str| {
        results
            .iter()
            .any(|r| r.step_id == id && r.share.is_some_and(|s| s >= STRENGTH_THRESHOLD))
    };
    let themes = results.iter().filter_map(|r| {
        let share = r.share.filter(|s| *s >= STRENGTH_THRESHOLD)?;
        Some(Strength {
            step_id: r.step_id.clone(),
            step_title: r.title.clone(),
            kind: StrengthKind::Theme { share },
        })
    });
    let answers = applicable_questions(questionnaire, diagnostic).filter_map(|(step, q, a)| {
        if step.kind != StepKind::Theme || strong_theme(&step.id) {
            return None;
        }
        let answer = a?;
        let max = q.kind.max_points().filter(|m| *m > 0)?;
        let points = answer_points(q, answer).filter(|p| *p > 0)?;
        (f64::from(points) >= STRENGTH_THRESHOLD * f64::from(max)).then(|| Strength {
            step_id: step.id.clone(),
            step_title: step.title.clone(),
            kind: StrengthKind::Answer {
                question_id: q.id.clone(),
                question_label: q.label.clone(),
                answer_text: format_answer(questionnaire, q, answer),
            },
        })
    });
    themes.chain(answers).collect()
}

/// One answer reporting an obstacle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObstacleSource {
    /// Id of the theme.
    pub step_id: String,
    /// Id of the question.
    pub question_id: String,
    /// The question.
    pub question_label: String,
    /// The answer, in French.
    pub answer_text: String,
}

/// An obstacle type met by the town, with the answers that report it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObstacleSummary {
    /// The obstacle type (EU Cross-Border Review).
    pub obstacle: ObstacleType,
    /// Its French label.
    pub label: &'static str,
    /// How many answers report it.
    pub count: usize,
    /// Those answers, in questionnaire order.
    pub sources: Vec<ObstacleSource>,
}

/// The obstacles reported by the applicable answers, most reported first.
pub fn obstacles(questionnaire: &Questionnaire, diagnostic: &Diagnostic) -> Vec<ObstacleSummary> {
    let mut by_type: BTreeMap<ObstacleType, Vec<ObstacleSource>> = BTreeMap::new();
    for (step, question, answer) in applicable_questions(questionnaire, diagnostic) {
        let Some(answer) = answer else { continue };
        for obstacle in reported_obstacles(question, answer) {
            by_type.entry(obstacle).or_default().push(ObstacleSource {
                step_id: step.id.clone(),
                question_id: question.id.clone(),
                question_label: question.label.clone(),
                answer_text: obstacle_answer_text(questionnaire, question, answer, obstacle),
            });
        }
    }
    let mut summaries: Vec<ObstacleSummary> = by_type
        .into_iter()
        .map(|(obstacle, sources)| ObstacleSummary {
            obstacle,
            label: obstacle.label(),
            count: sources.len(),
            sources,
        })
        .collect();
    summaries.sort_by(|a, b| b.count.cmp(&a.count).then(a.obstacle.cmp(&b.obstacle)));
    summaries
}

/// The part of an answer that reports `obstacle`: of a multiple choice, only the options
/// carrying it (a town ticking « Remboursement » and « Manque de médecins » reports a legal
/// obstacle by the first one only); any other answer whole.
fn obstacle_answer_text(
    questionnaire: &Questionnaire,
    question: &Question,
    answer: &Answer,
    obstacle: ObstacleType,
) -> String {
    match answer {
        Answer::Choices(ids) => ids
            .iter()
            .filter_map(|id| question.kind.option(id))
            .filter(|option| option.obstacle == Some(obstacle))
            .map(|option| option.label.clone())
            .collect::<Vec<_>>()
            .join(", "),
        _ => format_answer(questionnaire, question, answer),
    }
}

/// A question answered "ne sait pas": something to clarify.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnknownItem {
    /// Id of the step.
    pub step_id: String,
    /// Title of the step.
    pub step_title: String,
    /// Id of the question.
    pub question_id: String,
    /// The question.
    pub question_label: String,
}

/// Every applicable question answered "ne sait pas", in questionnaire order.
pub fn unknowns(questionnaire: &Questionnaire, diagnostic: &Diagnostic) -> Vec<UnknownItem> {
    applicable_questions(questionnaire, diagnostic)
        .filter(|(_, _, answer)| *answer == Some(&Answer::Unknown))
        .map(|(step, question, _)| UnknownItem {
            step_id: step.id.clone(),
            step_title: step.title.clone(),
            question_id: question.id.clone(),
            question_label: question.label.clone(),
        })
        .collect()
}

/// What the town expects from MOT, from the closing step.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Expectations {
    /// Labels of the training topics ticked ("aucune" left out).
    pub training_interests: Vec<String>,
    /// Labels of the kinds of support ticked ("aucun" left out).
    pub support_requests: Vec<String>,
    /// The town's own words, if it gave some.
    pub details: Option<String>,
}

/// The closing step's answers, as labels.
pub fn expectations(questionnaire: &Questionnaire, diagnostic: &Diagnostic) -> Expectations {
    let labels = |id: &str| -> Vec<String> {
        let (Some(question), Some(Answer::Choices(ids))) =
            (questionnaire.question(id), diagnostic.answers.get(id))
        else {
            return Vec::new();
        };
        question
            .kind
            .options()
            .iter()
            .filter(|o| !o.exclusive && ids.contains(&o.id))
            .map(|o| o.label.clone())
            .collect()
    };
    Expectations {
        training_interests: labels(TRAINING_INTERESTS_ID),
        support_requests: labels(SUPPORT_REQUESTS_ID),
        details: diagnostic
            .text_answer(EXPECTATIONS_DETAILS_ID)
            .map(str::to_string),
    }
}
