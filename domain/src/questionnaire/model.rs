//! The questionnaire definition: steps, questions, maturity scale and tags, as read from JSON.

use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::kind::QuestionKind;

/// A whole questionnaire: the territory profile, the themes, then an optional closing step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Stable identifier, e.g. `mot-pvd-transfrontalier`; stored with every diagnostic.
    pub id: String,
    /// Version number, raised whenever questions change; stored with every diagnostic.
    pub version: u32,
    /// Title shown to the respondent.
    pub title: String,
    /// The five levels (0 to 4) of the maturity scale, shared by every maturity question.
    #[serde(default)]
    pub maturity_levels: Vec<MaturityLevel>,
    /// The steps, in the order the respondent goes through them.
    pub steps: Vec<Step>,
}

/// One level of the shared maturity scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    /// The level, from 0 to 4; it is also the number of points it scores.
    pub level: u8,
    /// Short label, e.g. "Contacts établis".
    pub label: String,
    /// One sentence saying what the level means.
    pub description: String,
}

/// One page of the questionnaire: the profile, a theme or the closing step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable identifier, e.g. `profil` or `mobilite`.
    pub id: String,
    /// Whether this is the profile, a theme or the closing step.
    pub kind: StepKind,
    /// Title shown as the page heading and in the table of contents.
    pub title: String,
    /// A short introduction shown above the questions.
    pub intro: String,
    /// Obstacle types (EU Cross-Border Review) this theme mostly deals with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obstacles: Vec<ObstacleType>,
    /// The cluster of the EU communication COM(2021)393 this theme belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eu_cluster: Option<EuCluster>,
    /// The questions, in display order.
    pub questions: Vec<Question>,
}

/// What kind of step a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// The territory profile: identification, not scored, cannot be "non concerné".
    Profile,
    /// A theme: scored, can be marked "non concerné".
    Theme,
    /// The closing step (the town's expectations of MOT): last, not scored, cannot be
    /// "non concerné"; progress and review treat it like the profile.
    Closing,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier, unique in the whole questionnaire; answers are keyed by it.
    pub id: String,
    /// The question as the respondent reads it.
    pub label: String,
    /// Why the question matters, in one or two sentences.
    pub help: String,
    /// The kind of answer expected, with its settings.
    pub kind: QuestionKind,
    /// An optional question is never reported as missing and does not count in completion.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// Whether "ne sait pas" is offered; when absent, only yes/no and maturity questions offer it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_unknown: Option<bool>,
    /// The question is shown only when this condition on earlier answers holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// The obstacle type this question documents (see also per-option obstacles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obstacle: Option<ObstacleType>,
}

impl Question {
    /// Whether "ne sait pas" is an acceptable answer to this question.
    pub fn accepts_unknown(&self) -> bool {
        self.allow_unknown.unwrap_or(matches!(
            self.kind,
            QuestionKind::YesNo { .. } | QuestionKind::Maturity
        ))
    }
}

/// The five types of obstacle of the EU Cross-Border Review (2015 consultation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObstacleType {
    /// Legal and administrative obstacles (qualifications, social security, tax…).
    JuridiqueAdmin,
    /// Language barriers.
    Langue,
    /// Difficult physical access (infrastructure, public transport).
    Accessibilite,
    /// Lack of cooperation between public authorities.
    Gouvernance,
    /// Economic disparities (wages, prices, asymmetric flows).
    DisparitesEco,
}

impl ObstacleType {
    /// French label for reports.
    pub fn label(self) -> &'static str {
        match self {
            ObstacleType::JuridiqueAdmin => "Obstacles juridiques et administratifs",
            ObstacleType::Langue => "Barrière de la langue",
            ObstacleType::Accessibilite => "Accès physique difficile",
            ObstacleType::Gouvernance => "Manque de coopération entre autorités",
            ObstacleType::DisparitesEco => "Disparités économiques",
        }
    }
}

/// The four clusters of the EU communication COM(2021)393 on border regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EuCluster {
    /// Resilience through deeper institutional cooperation.
    Institutions,
    /// More and better cross-border public services.
    ServicesPublics,
    /// Vibrant cross-border labour markets and education.
    EmploiFormation,
    /// Border regions for the European Green Deal.
    PacteVert,
}

impl EuCluster {
    /// French label for reports.
    pub fn label(self) -> &'static str {
        match self {
            EuCluster::Institutions => "Coopération institutionnelle",
            EuCluster::ServicesPublics => "Services publics transfrontaliers",
            EuCluster::EmploiFormation => "Marché du travail et éducation",
            EuCluster::PacteVert => "Pacte vert pour l'Europe",
        }
    }
}

impl Questionnaire {
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|step| step.id == id)
    }

    /// The question with this id, in any step.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|question| question.id == id)
    }

    /// The step holding the question with this id.
    pub fn step_of_question(&self, question_id: &str) -> Option<&Step> {
        self.steps
            .iter()
            .find(|step| step.questions.iter().any(|q| q.id == question_id))
    }

    /// The profile step, if the questionnaire has one.
    pub fn profile_step(&self) -> Option<&Step> {
        self.steps
            .iter()
            .find(|step| step.kind == StepKind::Profile)
    }

    /// The closing step (expectations of MOT), if the questionnaire has one.
    pub fn closing_step(&self) -> Option<&Step> {
        self.steps
            .iter()
            .find(|step| step.kind == StepKind::Closing)
    }

    /// The theme steps, in order.
    pub fn theme_steps(&self) -> impl Iterator<Item = &Step> {
        self.steps
            .iter()
            .filter(|step| step.kind == StepKind::Theme)
    }

    /// Every question, in questionnaire order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.steps.iter().flat_map(|step| step.questions.iter())
    }

    /// Position of a question in questionnaire order (0 for the first question).
    pub fn position_of(&self, question_id: &str) -> Option<usize> {
        self.questions()
            .position(|question| question.id == question_id)
    }

    /// The maturity level with this number, if defined.
    pub fn maturity_level(&self, level: u8) -> Option<&MaturityLevel> {
        self.maturity_levels.iter().find(|l| l.level == level)
    }
}
