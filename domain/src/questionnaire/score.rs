//! Scores per theme and obstacles reported by answers, from the scoring data of the definition.
//!
//! Rules: a maturity answer scores its level (out of 4); "oui" scores `points_yes`; a choice
//! scores the points of the chosen options, capped at `max_points`. The potential of a theme is
//! the sum of the maximum points of its applicable scored questions: hidden questions and
//! "non concerné" themes leave it. An unanswered required question stays in the potential with
//! no points; "ne sait pas" counts as answered, scores nothing and is counted apart. Optional
//! questions count only once answered. A theme with no scored question answered yet has no
//! score (not 0 %): it is not started, and would otherwise read as the lowest maturity.

use serde::Serialize;

use crate::answer::Answer;
use crate::diagnostic::Diagnostic;

use super::engine::{is_question_applicable, is_step_not_concerned};
use super::kind::QuestionKind;
use super::model::{ObstacleType, Question, Questionnaire, Step, StepKind};
use super::validate::validate_answer;

/// The score of one theme for one diagnostic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ThemeScore {
    /// Points scored.
    pub points: u32,
    /// Points that could be scored by the applicable questions.
    pub potential: u32,
    /// Applicable scored questions.
    pub scored_questions: usize,
    /// Scored questions answered with "ne sait pas".
    pub unknown: usize,
    /// Scored required questions with no valid answer yet.
    pub unanswered: usize,
    /// The theme was marked "non concerné".
    pub not_concerned: bool,
}

impl ThemeScore {
    /// Points as a share of the potential, from 0.0 to 1.0; `None` when nothing can be scored,
    /// or before any scored question is answered.
    pub fn share(&self) -> Option<f64> {
        self.is_started()
            .then(|| f64::from(self.points) / f64::from(self.potential))
    }

    /// Whether the theme has something to score and at least one scored question answered
    /// (« ne sait pas » included).
    pub fn is_started(&self) -> bool {
        self.potential > 0 && self.scored_questions > self.unanswered
    }
}

/// The points an answer scores, or `None` when the question is not scored or the answer is
/// "ne sait pas" or invalid.
pub fn answer_points(question: &Question, answer: &Answer) -> Option<u32> {
    let max = question.kind.max_points()?;
    if *answer == Answer::Unknown || validate_answer(question, answer).is_err() {
        return None;
    }
    let points = match (&question.kind, answer) {
        (QuestionKind::Maturity, Answer::Maturity(level)) => u32::from(*level),
        (QuestionKind::YesNo { points_yes, .. }, Answer::YesNo(yes)) => {
            if *yes {
                points_yes.unwrap_or(0)
            } else {
                0
            }
        }
        (QuestionKind::SingleChoice { .. }, Answer::Choice(id)) => option_points(question, id),
        (QuestionKind::MultipleChoice { .. }, Answer::Choices(ids)) => {
            ids.iter().map(|id| option_points(question, id)).sum()
        }
        _ => return None,
    };
    Some(points.min(max))
}

fn option_points(question: &Question, id: &str) -> u32 {
    question
        .kind
        .option(id)
        .and_then(|option| option.points)
        .unwrap_or(0)
}

/// The score of a theme step (the profile and the closing step score nothing).
pub fn score_theme(
    questionnaire: &Questionnaire,
    step: &Step,
    diagnostic: &Diagnostic,
) -> ThemeScore {
    if step.kind != StepKind::Theme {
        return ThemeScore::default();
    }
    let mut score = ThemeScore {
        not_concerned: is_step_not_concerned(step, &diagnostic.not_concerned_themes),
        ..ThemeScore::default()
    };
    for question in &step.questions {
        let Some(max) = question.kind.max_points() else {
            continue;
        };
        if !is_question_applicable(questionnaire, step, question, diagnostic) {
            continue;
        }
        let answer = diagnostic.answers.get(&question.id);
        let points = answer.and_then(|a| answer_points(question, a));
        let is_unknown = answer == Some(&Answer::Unknown) && question.accepts_unknown();
        if question.optional && points.is_none() && !is_unknown {
            continue;
        }
        score.scored_questions += 1;
        score.potential += max;
        match points {
            Some(points) => score.points += points,
            None if is_unknown => score.unknown += 1,
            None => score.unanswered += 1,
        }
    }
    score
}

/// The obstacles an answer reports: per-option obstacles of the chosen options, and the
/// question's obstacle when a yes/no answer equals its `obstacle_when`.
pub fn reported_obstacles(question: &Question, answer: &Answer) -> Vec<ObstacleType> {
    let mut obstacles = Vec::new();
    match (&question.kind, answer) {
        (
            QuestionKind::YesNo {
                obstacle_when: Some(when),
                ..
            },
            Answer::YesNo(given),
        ) if when == given => obstacles.extend(question.obstacle),
        (QuestionKind::SingleChoice { .. }, Answer::Choice(id)) => {
            obstacles.extend(question.kind.option(id).and_then(|o| o.obstacle));
        }
        (QuestionKind::MultipleChoice { .. }, Answer::Choices(ids)) => {
            for id in ids {
                obstacles.extend(question.kind.option(id).and_then(|o| o.obstacle));
            }
        }
        _ => {}
    }
    obstacles.sort();
    obstacles.dedup();
    obstacles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::fixture::{answer, diagnostic, questionnaire};

    #[test]
    fn maturity_yes_and_choices_score_their_points() {
        let q = questionnaire();
        let mut d = diagnostic();
        answer(&mut d, "gov_relations", Answer::Maturity(3));
        answer(&mut d, "gov_convention", Answer::YesNo(true));
        answer(&mut d, "gov_instances", Answer::Choice("parfois".into()));
        let score = score_theme(&q, q.step("gouvernance").expect("step"), &d);
        assert_eq!(score.points, 3 + 2 + 1);
        assert_eq!(score.potential, 4 + 2 + 2);
        assert_eq!(score.scored_questions, 3);
        assert_eq!(score.share(), Some(6.0 / 8.0));
    }

    #[test]
    fn multiple_choices_are_capped_and_unknown_is_counted_apart() {
        let q = questionnaire();
        let mut d = diagnostic();
        let ticked = vec!["train".into(), "bus".into(), "bac".into()];
        answer(&mut d, "mob_desserte", Answer::Choices(ticked));
        answer(&mut d, "mob_cooperation", Answer::Unknown);
        let score = score_theme(&q, q.step("mobilite").expect("step"), &d);
        assert_eq!(
            score,
            ThemeScore {
                points: 2,
                potential: 6,
                scored_questions: 2,
                unknown: 1,
                unanswered: 0,
                not_concerned: false
            }
        );
    }

    #[test]
    fn hidden_questions_and_not_concerned_themes_leave_the_potential() {
        let q = questionnaire();
        let mut d = diagnostic();
        answer(&mut d, "mob_cooperation", Answer::Maturity(4));
        let mob = q.step("mobilite").expect("step");
        assert_eq!(score_theme(&q, mob, &d).potential, 6);
        assert_eq!(score_theme(&q, mob, &d).unanswered, 1);
        d.not_concerned_themes.insert("mobilite".into());
        let score = score_theme(&q, mob, &d);
        assert!(score.not_concerned);
        assert_eq!((score.points, score.potential, score.share()), (0, 0, None));
    }

    #[test]
    fn invalid_answers_score_nothing() {
        let q = questionnaire();
        let question = q.question("gov_instances").expect("question");
        assert_eq!(
            answer_points(question, &Answer::Choice("inconnue".into())),
            None
        );
        assert_eq!(
            answer_points(question, &Answer::Choice("souvent".into())),
            Some(2)
        );
    }

    #[test]
    fn obstacles_come_from_options_and_yes_no_answers() {
        let question: Question = serde_json::from_str(
            r#"{"id":"gov_obstacle","label":"Obstacle ?","help":"Pour b-solutions.",
                "obstacle":"juridique_admin","kind":{"type":"yes_no","obstacle_when":true}}"#,
        )
        .expect("question");
        assert_eq!(
            reported_obstacles(&question, &Answer::YesNo(true)),
            vec![ObstacleType::JuridiqueAdmin]
        );
        assert_eq!(reported_obstacles(&question, &Answer::YesNo(false)), vec![]);
        let difficulties: Question = serde_json::from_str(
            r#"{"id":"san_difficultes","label":"Difficultés","help":"Pour agir.",
                "kind":{"type":"multiple_choice","options":[
                  {"id":"langue","label":"Langue","obstacle":"langue"},
                  {"id":"remboursement","label":"Remboursement","obstacle":"juridique_admin"},
                  {"id":"autre","label":"Autre"}]}}"#,
        )
        .expect("question");
        let ticked = Answer::Choices(vec![
            "remboursement".into(),
            "autre".into(),
            "langue".into(),
        ]);
        assert_eq!(
            reported_obstacles(&difficulties, &ticked),
            vec![ObstacleType::JuridiqueAdmin, ObstacleType::Langue]
        );
    }
}
