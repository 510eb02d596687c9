//! The questionnaire: its definition (read from `data/questionnaire.json`), the check of that
//! definition, answer validation, skip logic, progress, review, scoring and results.

#![warn(missing_docs)]

mod check;
mod condition;
mod engine;
#[cfg(test)]
mod fixture;
pub mod identifiers;
mod kind;
mod model;
mod score;
mod summary;
mod validate;

#[cfg(test)]
mod embedded_tests;

use std::sync::OnceLock;

pub use check::DefinitionError;
pub use condition::{Condition, ConditionValue, NumberTest, OptionsTest, ValueTest};
pub use engine::{
    applicable_answer, condition_holds, is_question_applicable, is_question_visible,
    is_step_not_concerned, overall_progress, review, step_progress, Progress, ReviewItem,
    ReviewProblem,
};
pub use identifiers::{
    departement_of_insee_code, normalize_insee_code, normalize_siren, InseeCodeError, SirenError,
};
pub use kind::{ChoiceOption, QuestionKind, MAX_MATURITY_LEVEL};
pub use model::{EuCluster, MaturityLevel, ObstacleType, Question, Questionnaire, Step, StepKind};
pub use score::{answer_points, reported_obstacles, score_theme, ThemeScore};
pub use summary::{overall_of, overall_score, theme_results, OverallScore, ThemeResult};
pub use validate::{fr_number, validate_answer, AnswerError};

/// Id of the closing-step question on the training topics the town is interested in
/// (multiple choice).
pub const TRAINING_INTERESTS_ID: &str = "attentes_formations";
/// Id of the closing-step question on the support the town wants from MOT (multiple choice).
pub const SUPPORT_REQUESTS_ID: &str = "attentes_appui";
/// Id of the optional closing-step question where the town details its expectations (text).
pub const EXPECTATIONS_DETAILS_ID: &str = "attentes_precisions";

/// The questionnaire definition shipped with the app.
const EMBEDDED_JSON: &str = include_str!("../../data/questionnaire.json");

/// Why a questionnaire definition could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The JSON could not be read as a questionnaire.
    #[error("Le questionnaire est illisible : {0}")]
    Parse(String),
    /// The JSON was read but the definition has problems.
    #[error("Le questionnaire comporte {} problème(s) : {}", .0.len(), join_messages(.0))]
    Invalid(Vec<DefinitionError>),
}

fn join_messages(errors: &[DefinitionError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ; ")
}

impl Questionnaire {
    /// Reads and checks a questionnaire definition from JSON.
    pub fn from_json(json: &str) -> Result<Questionnaire, LoadError> {
        let questionnaire: Questionnaire =
            serde_json::from_str(json).map_err(|error| LoadError::Parse(error.to_string()))?;
        let errors = questionnaire.check();
        if errors.is_empty() {
            Ok(questionnaire)
        } else {
            Err(LoadError::Invalid(errors))
        }
    }

    /// The questionnaire shipped with the app, read and checked once.
    pub fn embedded() -> Result<&'static Questionnaire, LoadError> {
        static EMBEDDED: OnceLock<Result<Questionnaire, LoadError>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| Questionnaire::from_json(EMBEDDED_JSON))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The raw JSON of the questionnaire shipped with the app (e.g. to seed storage).
    pub fn embedded_json() -> &'static str {
        EMBEDDED_JSON
    }
}
