//! Addresses and order of the steps of a diagnostic (the questionnaire's steps, then the review).

use domain::questionnaire::Questionnaire;

/// Id (in the address) of the review step that follows the questionnaire's steps.
pub const REVIEW_STEP_ID: &str = "relecture";
/// Title of the review step.
pub const REVIEW_STEP_TITLE: &str = "Relecture et fin";

/// Address of a diagnostic's overview.
pub fn diagnostic_href(diagnostic_id: &str) -> String {
    format!("/diagnostic/{diagnostic_id}")
}

/// Address of one step of a diagnostic.
pub fn step_href(diagnostic_id: &str, step_id: &str) -> String {
    format!("/diagnostic/{diagnostic_id}/{step_id}")
}

/// Ids of every step in order, the review last.
pub fn step_ids(questionnaire: &Questionnaire) -> Vec<&str> {
    questionnaire
        .steps
        .iter()
        .map(|step| step.id.as_str())
        .chain(std::iter::once(REVIEW_STEP_ID))
        .collect()
}

/// The steps before and after `step_id`, for "précédent" / "suivant".
pub fn neighbours<'a>(
    questionnaire: &'a Questionnaire,
    step_id: &str,
) -> (Option<&'a str>, Option<&'a str>) {
    let ids = step_ids(questionnaire);
    let Some(position) = ids.iter().position(|id| *id == step_id) else {
        return (None, None);
    };
    let previous = position.checked_sub(1).and_then(|i| ids.get(i).copied());
    (previous, ids.get(position + 1).copied())
}

/// Title of a step id (a questionnaire step or the review).
pub fn step_title<'a>(questionnaire: &'a Questionnaire, step_id: &str) -> Option<&'a str> {
    if step_id == REVIEW_STEP_ID {
        return Some(REVIEW_STEP_TITLE);
    }
    questionnaire.step(step_id).map(|step| step.title.as_str())
}
