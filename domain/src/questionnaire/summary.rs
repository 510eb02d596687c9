//! Results per theme and overall: each theme's score as a share of its applicable potential,
//! and the overall score over the themes that apply.
//!
//! The overall score is the sum of the points of every applicable theme over the sum of their
//! potentials, so a theme weighs by what it could score, and answering a question never lowers
//! it; "non concerné" themes leave both sums. Before any scored answer there is no overall
//! score (not 0 %), as there is none for a theme not started.
//! "Ne sait pas" answers score nothing and are counted apart.

use serde::Serialize;

use crate::diagnostic::Diagnostic;

use super::model::Questionnaire;
use super::score::{score_theme, ThemeScore};

/// The result of one theme, for the report, the radar chart and its table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThemeResult {
    /// Id of the theme step.
    pub step_id: String,
    /// Title of the theme.
    pub title: String,
    /// Points as a share of the applicable potential (0.0 to 1.0); `None` when nothing can be
    /// scored (no applicable scored question, or the theme is "non concerné").
    pub share: Option<f64>,
    /// Scored questions answered "ne sait pas".
    pub unknown: usize,
    /// The theme was marked "non concerné".
    pub not_concerned: bool,
    /// The detailed score (points, potential, unanswered questions).
    pub score: ThemeScore,
}

impl ThemeResult {
    /// The share as a whole percentage, rounded to the nearest (`None` when not scorable).
    pub fn percent(&self) -> Option<u8> {
        self.share.map(percent_of)
    }
}

/// The score over every theme that applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OverallScore {
    /// Points scored in the applicable themes.
    pub points: u32,
    /// Points that the applicable questions of the applicable themes could score.
    pub potential: u32,
    /// Scored questions answered "ne sait pas", in every theme.
    pub unknown: usize,
    /// Scored required questions with no valid answer yet, in every theme.
    pub unanswered: usize,
    /// Themes with something to score.
    pub scored_themes: usize,
    /// Of those, the themes started: at least one scored question answered.
    pub started_themes: usize,
    /// Themes marked "non concerné".
    pub not_concerned_themes: usize,
}

impl OverallScore {
    /// Points as a share of the potential, from 0.0 to 1.0; `None` when nothing can be scored,
    /// or before any scored question is answered.
    pub fn share(&self) -> Option<f64> {
        (self.potential > 0 && self.started_themes > 0)
            .then(|| f64::from(self.points) / f64::from(self.potential))
    }

    /// The share as a whole percentage, rounded to the nearest (`None` when not scorable).
    pub fn percent(&self) -> Option<u8> {
        self.share().map(percent_of)
    }
}

fn percent_of(share: f64) -> u8 {
    // The share lies in 0..=1, so the rounded percentage fits a u8.
    let percent = (share.clamp(0.0, 1.0) * 100.0).round();
    percent as u8
}

/// The result of every theme, in questionnaire order (the profile and closing step excluded).
pub fn theme_results(questionnaire: &Questionnaire, diagnostic: &Diagnostic) -> Vec<ThemeResult> {
    questionnaire
        .theme_steps()
        .map(|step| {
            let score = score_theme(questionnaire, step, diagnostic);
            ThemeResult {
                step_id: step.id.clone(),
                title: step.title.clone(),
                share: score.share(),
                unknown: score.unknown,
                not_concerned: score.not_concerned,
                score,
            }
        })
        .collect()
}

/// The overall score: points over potential, summed over the themes that apply.
pub fn overall_score(questionnaire: &Questionnaire, diagnostic: &Diagnostic) -> OverallScore {
    overall_of(&theme_results(questionnaire, diagnostic))
}

/// The overall score from theme results already computed.
pub fn overall_of(results: &[ThemeResult]) -> OverallScore {
    let mut overall = OverallScore::default();
    for result in results {
        if result.not_concerned {
            overall.not_concerned_themes += 1;
            continue;
        }
        overall.points += result.score.points;
        overall.potential += result.score.potential;
        overall.unknown += result.score.unknown;
        overall.unanswered += result.score.unanswered;
        if result.score.potential > 0 {
            overall.scored_themes += 1;
        }
        if result.score.is_started() {
            overall.started_themes += 1;
        }
    }
    overall
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Answer;
    use crate::questionnaire::fixture::{answer, diagnostic, questionnaire};

    #[test]
    fn the_overall_score_sums_points_and_potential_of_applicable_themes() {
        let q = questionnaire();
        let mut d = diagnostic();
        answer(&mut d, "gov_relations", Answer::Maturity(3));
        answer(&mut d, "gov_convention", Answer::YesNo(true));
        answer(&mut d, "gov_instances", Answer::Choice("parfois".into()));
        answer(&mut d, "mob_cooperation", Answer::Unknown);
        let overall = overall_score(&q, &d);
        // gouvernance 6/8, mobilite 0/6 with one unknown and one unanswered.
        assert_eq!((overall.points, overall.potential), (6, 14));
        assert_eq!((overall.unknown, overall.unanswered), (1, 1));
        assert_eq!(overall.scored_themes, 2);
        assert_eq!(overall.percent(), Some(43));
    }

    #[test]
    fn a_not_concerned_theme_leaves_the_overall_potential() {
        let q = questionnaire();
        let mut d = diagnostic();
        answer(&mut d, "gov_relations", Answer::Maturity(4));
        answer(&mut d, "mob_cooperation", Answer::Maturity(0));
        d.not_concerned_themes.insert("mobilite".into());
        let results = theme_results(&q, &d);
        let mobilite = &results[1];
        assert!(mobilite.not_concerned);
        assert_eq!(mobilite.share, None);
        let overall = overall_of(&results);
        assert_eq!((overall.points, overall.potential), (4, 8));
        assert_eq!(overall.not_concerned_themes, 1);
    }

    #[test]
    fn unknowns_count_as_answered_with_no_points_and_are_counted_apart() {
        let q = questionnaire();
        let mut d = diagnostic();
        answer(&mut d, "gov_relations", Answer::Unknown);
        answer(&mut d, "gov_convention", Answer::Unknown);
        answer(&mut d, "gov_instances", Answer::Choice("souvent".into()));
        let results = theme_results(&q, &d);
        let gouvernance = &results[0];
        assert_eq!(gouvernance.unknown, 2);
        assert_eq!(gouvernance.score.unanswered, 0);
        assert_eq!(gouvernance.share, Some(2.0 / 8.0));
        assert_eq!(gouvernance.percent(), Some(25));
    }

    #[test]
    fn hidden_questions_leave_the_potential_even_with_a_kept_answer() {
        let q = crate::Questionnaire::embedded().expect("embedded questionnaire");
        let mut d = diagnostic();
        answer(&mut d, "env_eau_partagee", Answer::YesNo(true));
        answer(&mut d, "env_eau_cooperation", Answer::Maturity(4));
        let env = |d: &Diagnostic| {
            theme_results(q, d)
                .into_iter()
                .find(|r| r.step_id == "environnement")
                .expect("environnement")
        };
        let shown = env(&d);
        // "Non" hides the water-cooperation question: its answer is kept but leaves the potential.
        answer(&mut d, "env_eau_partagee", Answer::YesNo(false));
        let hidden = env(&d);
        assert_eq!(shown.score.potential, hidden.score.potential + 4);
        assert_eq!(shown.score.points, hidden.score.points + 4);
        assert!(d.answers.contains_key("env_eau_cooperation"));
    }

    #[test]
    fn nothing_answered_has_no_score_rather_than_zero() {
        let q = questionnaire();
        let overall = overall_score(&q, &diagnostic());
        assert_eq!((overall.points, overall.potential), (0, 14));
        assert_eq!((overall.share(), overall.started_themes), (None, 0));
        assert!(theme_results(&q, &diagnostic())
            .iter()
            .all(|theme| theme.share.is_none()));
    }

    #[test]
    fn a_theme_counts_once_one_of_its_scored_questions_is_answered() {
        let q = questionnaire();
        let mut d = diagnostic();
        // « Ne sait pas » is an answer: the theme is started, at 0 % so far.
        answer(&mut d, "mob_cooperation", Answer::Unknown);
        let overall = overall_score(&q, &d);
        assert_eq!(
            (overall.points, overall.potential),
            (0, 14),
            "every applicable theme"
        );
        assert_eq!((overall.scored_themes, overall.started_themes), (2, 1));
        assert_eq!(overall.share(), Some(0.0));
        assert_eq!(
            overall.unanswered,
            1 + 3,
            "the theme not started counts its unanswered"
        );
        let results = theme_results(&q, &d);
        assert_eq!(results[0].share, None, "gouvernance not started");
        assert_eq!(results[1].share, Some(0.0));
    }

    #[test]
    fn answering_a_question_never_lowers_the_overall_score() {
        let q = questionnaire();
        let mut d = diagnostic();
        answer(&mut d, "gov_relations", Answer::Maturity(4));
        let before = overall_score(&q, &d).share().expect("started");
        // A first answer in another theme, even « ne sait pas », leaves it as it was.
        answer(&mut d, "mob_cooperation", Answer::Unknown);
        assert_eq!(overall_score(&q, &d).share(), Some(before));
        answer(&mut d, "gov_convention", Answer::YesNo(true));
        assert!(overall_score(&q, &d).share().expect("started") > before);
    }
}
