//! Writing MOT's feedback on one town's diagnostic: a new feedback from MOT's review, and the
//! check that its comments refer to steps and questions of the questionnaire (the same check
//! the town's import makes), before it is exported with `bundle::export_feedback`.

use std::collections::BTreeMap;

use crate::bundle::{is_timestamp, is_uuid, MotFeedback, MAX_TEXT_CHARS};
use crate::diagnostic::Diagnostic;
use crate::questionnaire::Questionnaire;

use super::review::MotReview;

/// What is wrong with a feedback before it is sent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FeedbackError {
    /// The feedback id is not a UUID.
    #[error("L'identifiant du retour « {0} » n'est pas un UUID.")]
    BadId(String),
    /// The diagnostic id is not a UUID.
    #[error("L'identifiant du diagnostic « {0} » n'est pas un UUID.")]
    BadDiagnosticId(String),
    /// The date is not an RFC 3339 date-time.
    #[error("La date du retour « {0} » n'est pas une date valide.")]
    BadDate(String),
    /// No author.
    #[error("Indiquez l'auteur du retour (nom, fonction).")]
    NoAuthor,
    /// A theme comment on a step the questionnaire does not have.
    #[error("Le commentaire porte sur le thème « {0} », absent du questionnaire.")]
    UnknownStep(String),
    /// A question comment on a question the questionnaire does not have.
    #[error("Le commentaire porte sur la question « {0} », absente du questionnaire.")]
    UnknownQuestion(String),
    /// A comment left blank.
    #[error("Un commentaire est vide ({0}) : écrivez-le ou retirez-le.")]
    EmptyComment(String),
    /// A text longer than a bundle may carry: the town's import would refuse the whole file.
    #[error("Le texte « {what} » compte {length} caractères, au-delà des {max} permis : raccourcissez-le.")]
    TooLong {
        /// Which text (the author, the general comment, or the step or question commented).
        what: String,
        /// Its length in characters.
        length: usize,
        /// The most a bundle may carry.
        max: usize,
    },
}

/// A new feedback on a diagnostic, with MOT's status from its review and no comments yet.
/// MOT's internal notes stay in the review: they are never copied into the feedback.
pub fn new_feedback(
    diagnostic: &Diagnostic,
    review: Option<&MotReview>,
    author: &str,
    now: &str,
    id: String,
) -> MotFeedback {
    MotFeedback {
        id,
        revision: 1,
        diagnostic_id: diagnostic.id.clone(),
        diagnostic_revision: diagnostic.revision,
        commune_name: diagnostic.commune_name().to_string(),
        insee_code: diagnostic.insee_code().map(str::to_string),
        status: review.map(|r| r.status).unwrap_or_default(),
        author: author.trim().to_string(),
        written_at: now.to_string(),
        ..MotFeedback::default()
    }
}

/// Puts what one tab changed in a feedback onto the feedback as stored now, which another tab
/// may have saved since: the author, the general comment and each comment this tab changed
/// (from `base`, the feedback as it read or last saved it, to `mine`) take this tab's text;
/// everything else keeps the stored one. So two tabs writing different parts lose nothing.
pub fn merge_feedback_edits(
    base: &MotFeedback,
    mine: &MotFeedback,
    stored: &MotFeedback,
) -> MotFeedback {
    let mut merged = stored.clone();
    if mine.author != base.author {
        merged.author = mine.author.clone();
    }
    if mine.general_comment != base.general_comment {
        merged.general_comment = mine.general_comment.clone();
    }
    merge_comments(
        &base.theme_comments,
        &mine.theme_comments,
        &mut merged.theme_comments,
    );
    merge_comments(
        &base.question_comments,
        &mine.question_comments,
        &mut merged.question_comments,
    );
    merged
}

/// A part of a feedback: what a draft set aside on resuming concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedbackPart {
    /// The author.
    Author,
    /// The general comment.
    General,
    /// The comment on a step, by id.
    Step(String),
    /// The comment on a question, by id.
    Question(String),
}

/// Resumes a draft a page left (`base` → `draft`) onto the feedback shown now: each part the
/// draft changed is taken where the shown feedback still has it as the draft's base; where it
/// has something else since (saved by another page, or taken from another draft), the shown
/// text stays and the draft's is returned beside it, to be shown rather than silently lost.
pub fn resume_draft(
    base: &MotFeedback,
    draft: &MotFeedback,
    shown: &MotFeedback,
) -> (MotFeedback, Vec<(FeedbackPart, String)>) {
    let mut resumed = shown.clone();
    let mut set_aside = Vec::new();
    resume_text(
        FeedbackPart::Author,
        &base.author,
        &draft.author,
        &mut resumed.author,
        &mut set_aside,
    );
    resume_text(
        FeedbackPart::General,
        &base.general_comment,
        &draft.general_comment,
        &mut resumed.general_comment,
        &mut set_aside,
    );
    resume_comments(
        FeedbackPart::Step,
        &base.theme_comments,
        &draft.theme_comments,
        &mut resumed.theme_comments,
        &mut set_aside,
    );
    resume_comments(
        FeedbackPart::Question,
        &base.question_comments,
        &draft.question_comments,
        &mut resumed.question_comments,
        &mut set_aside,
    );
    (resumed, set_aside)
}

/// The text of one part of a feedback (empty when it has none).
pub fn part_text(feedback: &MotFeedback, part: &FeedbackPart) -> String {
    match part {
        FeedbackPart::Author => feedback.author.clone(),
        FeedbackPart::General => feedback.general_comment.clone(),
        FeedbackPart::Step(id) => feedback.theme_comments.get(id).cloned().unwrap_or_default(),
        FeedbackPart::Question(id) => (feedback.question_comments.get(id))
            .cloned()
            .unwrap_or_default(),
    }
}

fn resume_text(
    part: FeedbackPart,
    base: &str,
    draft: &str,
    shown: &mut String,
    set_aside: &mut Vec<(FeedbackPart, String)>,
) {
    if draft == base || draft == shown.as_str() {
        return;
    }
    if shown.as_str() == base {
        *shown = draft.to_string();
    } else if !draft.trim().is_empty() {
        set_aside.push((part, draft.to_string()));
    }
}

fn resume_comments(
    part: fn(String) -> FeedbackPart,
    base: &BTreeMap<String, String>,
    draft: &BTreeMap<String, String>,
    shown: &mut BTreeMap<String, String>,
    set_aside: &mut Vec<(FeedbackPart, String)>,
) {
    let keys: std::collections::BTreeSet<&String> = base.keys().chain(draft.keys()).collect();
    for key in keys {
        let empty = String::new();
        let was = base.get(key).unwrap_or(&empty);
        let now = draft.get(key).unwrap_or(&empty);
        let mut current = shown.get(key).cloned().unwrap_or_default();
        resume_text(part(key.clone()), was, now, &mut current, set_aside);
        if current.is_empty() {
            shown.remove(key);
        } else {
            shown.insert(key.clone(), current);
        }
    }
}

/// Sets on `merged` every comment changed from `base` to `mine` (written, rewritten, removed).
fn merge_comments(
    base: &BTreeMap<String, String>,
    mine: &BTreeMap<String, String>,
    merged: &mut BTreeMap<String, String>,
) {
    for key in base.keys().chain(mine.keys()) {
        if base.get(key) == mine.get(key) {
            continue;
        }
        match mine.get(key) {
            Some(text) => merged.insert(key.clone(), text.clone()),
            None => merged.remove(key),
        };
    }
}

/// Every problem of a feedback: ids, date, author, blank comments, and comments on steps or
/// questions the questionnaire does not have (the town's import would refuse them).
pub fn check_feedback(questionnaire: &Questionnaire, feedback: &MotFeedback) -> Vec<FeedbackError> {
    let mut errors = Vec::new();
    if !is_uuid(&feedback.id) {
        errors.push(FeedbackError::BadId(feedback.id.clone()));
    }
    if !is_uuid(&feedback.diagnostic_id) {
        errors.push(FeedbackError::BadDiagnosticId(
            feedback.diagnostic_id.clone(),
        ));
    }
    if !is_timestamp(&feedback.written_at) {
        errors.push(FeedbackError::BadDate(feedback.written_at.clone()));
    }
    if feedback.author.trim().is_empty() {
        errors.push(FeedbackError::NoAuthor);
    }
    check_length("Auteur", &feedback.author, &mut errors);
    check_length(
        "Commentaire général",
        &feedback.general_comment,
        &mut errors,
    );
    for (step_id, comment) in &feedback.theme_comments {
        match questionnaire.step(step_id) {
            None => errors.push(FeedbackError::UnknownStep(step_id.clone())),
            Some(step) if comment.trim().is_empty() => {
                errors.push(FeedbackError::EmptyComment(step.title.clone()));
            }
            Some(step) => check_length(&step.title, comment, &mut errors),
        }
    }
    for (question_id, comment) in &feedback.question_comments {
        match questionnaire.question(question_id) {
            None => errors.push(FeedbackError::UnknownQuestion(question_id.clone())),
            Some(question) if comment.trim().is_empty() => {
                errors.push(FeedbackError::EmptyComment(question.label.clone()));
            }
            Some(question) => check_length(&question.label, comment, &mut errors),
        }
    }
    errors
}

/// The same limit as the town's import (`bundle::MAX_TEXT_CHARS`), so MOT never sends a file
/// the town cannot read.
fn check_length(what: &str, text: &str, errors: &mut Vec<FeedbackError>) {
    let length = text.chars().count();
    if length > MAX_TEXT_CHARS {
        errors.push(FeedbackError::TooLong {
            what: what.to_string(),
            length,
            max: MAX_TEXT_CHARS,
        });
    }
}
