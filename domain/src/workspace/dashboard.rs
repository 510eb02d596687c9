//! The dashboard across territories: mean theme scores (overall and by border), the obstacles
//! met most often, training interests and support requests ranked, the good practices and the
//! questions most often answered "ne sait pas". One pass over the diagnostics; the scores come
//! from the rows, already computed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::answer::Answer;
use crate::diagnostic::Diagnostic;
use crate::questionnaire::{
    is_question_applicable, reported_obstacles, ObstacleType, Questionnaire, SUPPORT_REQUESTS_ID,
    TRAINING_INTERESTS_ID,
};

use super::rows::TerritoryRow;

/// The mean score of one theme over the territories where it can be scored.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeAverage {
    /// Id of the theme step.
    pub step_id: String,
    /// Title of the theme.
    pub title: String,
    /// Mean share (0.0 to 1.0) over the territories with a score; `None` when none has one.
    pub mean_share: Option<f64>,
    /// Territories with a score for this theme (not "non concerné", something to score).
    pub territories: usize,
}

impl ThemeAverage {
    /// The mean as a whole percentage, rounded to the nearest.
    pub fn mean_percent(&self) -> Option<u8> {
        self.mean_share.map(percent)
    }
}

/// Mean scores of the territories along one border (one neighbouring country).
#[derive(Clone, Debug, PartialEq)]
pub struct BorderScores {
    /// Country code, e.g. `BE`.
    pub country_code: String,
    /// Country name, e.g. "Belgique".
    pub country_name: String,
    /// Territories along this border.
    pub territories: usize,
    /// Mean overall percentage of those with a score.
    pub overall_mean_percent: Option<u8>,
    /// One mean per theme, in questionnaire order.
    pub themes: Vec<ThemeAverage>,
}

/// How often an obstacle type is reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObstacleCount {
    /// The obstacle type (EU Cross-Border Review).
    pub obstacle: ObstacleType,
    /// Its French label.
    pub label: &'static str,
    /// Territories reporting it at least once (the ranking key).
    pub territories: usize,
    /// Answers reporting it, over every territory.
    pub answers: usize,
}

/// An option or a question with how many territories chose or reported it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankedItem {
    /// Option id or question id.
    pub id: String,
    /// Option label or question label.
    pub label: String,
    /// Where it belongs (the theme title, for a question), if useful.
    pub context: Option<String>,
    /// Territories.
    pub count: usize,
}

/// A good practice declared by a town, for MOT's collection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoodPracticeEntry {
    /// Id of the diagnostic it comes from.
    pub diagnostic_id: String,
    /// Commune name.
    pub commune: String,
    /// Title of the practice.
    pub title: String,
    /// Id of its theme, if any.
    pub theme_id: Option<String>,
    /// Title of its theme, if the theme is known.
    pub theme_title: Option<String>,
}

/// Everything the dashboard shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dashboard {
    /// Territories counted.
    pub territories: usize,
    /// Mean overall percentage of the territories with a score.
    pub overall_mean_percent: Option<u8>,
    /// Mean score per theme, in questionnaire order.
    pub themes: Vec<ThemeAverage>,
    /// The same by border, countries in name order.
    pub by_border: Vec<BorderScores>,
    /// Obstacle types, most reported first.
    pub obstacles: Vec<ObstacleCount>,
    /// Training topics, most wanted first ("aucune" left out), to plan webinars.
    pub training_interests: Vec<RankedItem>,
    /// Kinds of support requested, most wanted first ("aucun" left out).
    pub support_requests: Vec<RankedItem>,
    /// Questions answered "ne sait pas", most reported first.
    pub unknowns: Vec<RankedItem>,
}

#[derive(Clone, Copy, Default)]
struct Mean {
    sum: f64,
    count: usize,
}

impl Mean {
    fn add(&mut self, value: Option<f64>) {
        if let Some(value) = value {
            self.sum += value;
            self.count += 1;
        }
    }

    fn value(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum / self.count as f64)
    }
}

#[derive(Default)]
struct ScoreSums {
    territories: usize,
    overall: Mean,
    themes: Vec<Mean>,
}

impl ScoreSums {
    fn add(&mut self, row: &TerritoryRow) {
        self.territories += 1;
        self.overall
            .add(row.overall_percent.map(|p| f64::from(p) / 100.0));
        if self.themes.len() < row.theme_shares.len() {
            self.themes.resize(row.theme_shares.len(), Mean::default());
        }
        for (mean, share) in self.themes.iter_mut().zip(&row.theme_shares) {
            mean.add(*share);
        }
    }

    fn averages(&self, questionnaire: &Questionnaire) -> Vec<ThemeAverage> {
        questionnaire
            .theme_steps()
            .enumerate()
            .map(|(index, step)| {
                let mean = self.themes.get(index).copied().unwrap_or_default();
                ThemeAverage {
                    step_id: step.id.clone(),
                    title: step.title.clone(),
                    mean_share: mean.value(),
                    territories: mean.count,
                }
            })
            .collect()
    }
}

fn percent(share: f64) -> u8 {
    // The share lies in 0..=1, so the rounded percentage fits a u8.
    (share.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// The dashboard of the given rows (all of them, or those a query kept); each row reads its
/// diagnostic by id, and rows without one count in the scores only. The order of the rows does
/// not matter, so a table sorted again needs no new dashboard.
pub fn build_dashboard<'r>(
    questionnaire: &Questionnaire,
    diagnostics: &[Diagnostic],
    rows: impl IntoIterator<Item = &'r TerritoryRow>,
) -> Dashboard {
    let by_id: HashMap<&str, &Diagnostic> =
        diagnostics.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut all = ScoreSums::default();
    let mut borders: BTreeMap<(&str, &str), ScoreSums> = BTreeMap::new();
    let mut obstacles: BTreeMap<ObstacleType, (usize, usize)> = BTreeMap::new();
    let mut unknowns: HashMap<&str, usize> = HashMap::new();
    let mut training: HashMap<&str, usize> = HashMap::new();
    let mut support: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        all.add(row);
        for (code, name) in row.country_codes.iter().zip(&row.countries) {
            borders
                .entry((name.as_str(), code.as_str()))
                .or_default()
                .add(row);
        }
        let Some(diagnostic) = by_id.get(row.diagnostic_id.as_str()) else {
            continue;
        };
        let mut met = BTreeSet::new();
        for step in &questionnaire.steps {
            for question in &step.questions {
                let Some(answer) = diagnostic.answers.get(&question.id) else {
                    continue;
                };
                if !is_question_applicable(questionnaire, step, question, diagnostic) {
                    continue;
                }
                if *answer == Answer::Unknown {
                    *unknowns.entry(question.id.as_str()).or_default() += 1;
                }
                for obstacle in reported_obstacles(question, answer) {
                    obstacles.entry(obstacle).or_default().1 += 1;
                    met.insert(obstacle);
                }
            }
        }
        for obstacle in met {
            obstacles.entry(obstacle).or_default().0 += 1;
        }
        count_choices(diagnostic, TRAINING_INTERESTS_ID, &mut training);
        count_choices(diagnostic, SUPPORT_REQUESTS_ID, &mut support);
    }
    let mut obstacles: Vec<ObstacleCount> = obstacles
        .into_iter()
        .map(|(obstacle, (territories, answers))| ObstacleCount {
            obstacle,
            label: obstacle.label(),
            territories,
            answers,
        })
        .collect();
    obstacles.sort_by(|a, b| {
        (b.territories, b.answers)
            .cmp(&(a.territories, a.answers))
            .then(a.obstacle.cmp(&b.obstacle))
    });
    Dashboard {
        territories: all.territories,
        overall_mean_percent: all.overall.value().map(percent),
        themes: all.averages(questionnaire),
        by_border: borders
            .into_iter()
            .map(|((name, code), sums)| BorderScores {
                country_code: code.to_string(),
                country_name: name.to_string(),
                territories: sums.territories,
                overall_mean_percent: sums.overall.value().map(percent),
                themes: sums.averages(questionnaire),
            })
            .collect(),
        obstacles,
        training_interests: rank_options(questionnaire, TRAINING_INTERESTS_ID, &training),
        support_requests: rank_options(questionnaire, SUPPORT_REQUESTS_ID, &support),
        unknowns: rank_unknowns(questionnaire, &unknowns),
    }
}

/// The good practices the towns of the given rows declared, in the order of the rows (a sorted
/// table lists them in its order).
pub fn good_practices_of<'r>(
    questionnaire: &Questionnaire,
    diagnostics: &[Diagnostic],
    rows: impl IntoIterator<Item = &'r TerritoryRow>,
) -> Vec<GoodPracticeEntry> {
    let by_id: HashMap<&str, &Diagnostic> =
        diagnostics.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut entries = Vec::new();
    for row in rows {
        let Some(diagnostic) = by_id.get(row.diagnostic_id.as_str()) else {
            continue;
        };
        entries.extend(diagnostic.good_practices.iter().map(|practice| {
            GoodPracticeEntry {
                diagnostic_id: row.diagnostic_id.clone(),
                commune: row.commune.clone(),
                title: practice.title.clone(),
                theme_id: practice.theme_id.clone(),
                theme_title: practice
                    .theme_id
                    .as_deref()
                    .and_then(|id| questionnaire.step(id))
                    .map(|s| s.title.clone()),
            }
        }));
    }
    entries
}

fn count_choices<'d>(
    diagnostic: &'d Diagnostic,
    question_id: &str,
    counts: &mut HashMap<&'d str, usize>,
) {
    if let Some(Answer::Choices(ids)) = diagnostic.answers.get(question_id) {
        let distinct: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
        for id in distinct {
            *counts.entry(id).or_default() += 1;
        }
    }
}

/// The non-exclusive options of a question with a count, most chosen first, ties in option order.
fn rank_options(
    questionnaire: &Questionnaire,
    question_id: &str,
    counts: &HashMap<&str, usize>,
) -> Vec<RankedItem> {
    let Some(question) = questionnaire.question(question_id) else {
        return Vec::new();
    };
    let mut items: Vec<RankedItem> = question
        .kind
        .options()
        .iter()
        .filter(|o| !o.exclusive)
        .filter_map(|o| {
            let count = counts.get(o.id.as_str()).copied().unwrap_or(0);
            (count > 0).then(|| RankedItem {
                id: o.id.clone(),
                label: o.label.clone(),
                context: None,
                count,
            })
        })
        .collect();
    // A stable sort keeps option order among equal counts.
    items.sort_by_key(|item| std::cmp::Reverse(item.count));
    items
}

/// The questions answered "ne sait pas", most reported first, ties in questionnaire order.
fn rank_unknowns(questionnaire: &Questionnaire, counts: &HashMap<&str, usize>) -> Vec<RankedItem> {
    let mut items: Vec<RankedItem> = questionnaire
        .steps
        .iter()
        .flat_map(|step| step.questions.iter().map(move |q| (step, q)))
        .filter_map(|(step, question)| {
            let count = counts.get(question.id.as_str()).copied()?;
            Some(RankedItem {
                id: question.id.clone(),
                label: question.label.clone(),
                context: Some(step.title.clone()),
                count,
            })
        })
        .collect();
    items.sort_by_key(|item| std::cmp::Reverse(item.count));
    items
}
