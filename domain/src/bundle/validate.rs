//! Checking a typed bundle item by item: identifiers, dates, digests, answers against their
//! questionnaire version, summary fields, duplicates, and the kind against the content.

use std::collections::BTreeMap;

use crate::answer::Answer;
use crate::questionnaire::{validate_answer, QuestionKind, Questionnaire, StepKind};

use super::answers_migration::UNMAPPED_NOTE_KEY;
use super::canonical::{feedback_digest, item_digest};
use super::error::{BundleError, BundleProblem};
use super::format::{Bundle, BundleKind, DiagnosticItem, FeedbackItem};
use super::path::{field, index};
use super::shapes::{is_timestamp, is_uuid};
use super::{MAX_PROBLEMS, MAX_REVISION};

/// Collects problems, up to [`MAX_PROBLEMS`].
#[derive(Default)]
pub struct Problems(pub Vec<BundleProblem>);

impl Problems {
    /// Records a problem on a field.
    pub fn push(&mut self, at: impl Into<String>, error: BundleError) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(BundleProblem::new(at, error));
        }
    }
}

/// Checks the header and every item of a bundle; the problems, in file order.
pub fn check_bundle(bundle: &Bundle, questionnaire: &Questionnaire) -> Vec<BundleProblem> {
    let mut problems = Problems::default();
    check_text("app_version", &bundle.app_version, &mut problems);
    check_timestamp("exported_at", &bundle.exported_at, &mut problems);
    check_kind(bundle, &mut problems);
    let mut seen = BTreeMap::new();
    for (position, item) in bundle.diagnostics.iter().enumerate() {
        let at = index("diagnostics", position);
        check_unique(&at, &item.id, position, &mut seen, &mut problems);
        check_diagnostic(&at, item, questionnaire, &mut problems);
    }
    let mut seen = BTreeMap::new();
    for (position, item) in bundle.feedback.iter().enumerate() {
        let at = index("feedback", position);
        check_unique(&at, &item.feedback.id, position, &mut seen, &mut problems);
        check_feedback(&at, item, questionnaire, &mut problems);
    }
    problems.0
}

fn check_kind(bundle: &Bundle, problems: &mut Problems) {
    match bundle.kind {
        BundleKind::Diagnostics => {
            if bundle.diagnostics.is_empty() {
                problems.push(
                    "diagnostics",
                    BundleError::KindMismatch("l'export ne contient aucun diagnostic."),
                );
            }
            if !bundle.feedback.is_empty() {
                problems.push(
                    "feedback",
                    BundleError::KindMismatch(
                        "un export de diagnostic ne doit pas contenir de retour de la MOT.",
                    ),
                );
            }
        }
        BundleKind::MotFeedback => {
            if !bundle.diagnostics.is_empty() {
                problems.push(
                    "diagnostics",
                    BundleError::KindMismatch(
                        "un retour de la MOT ne doit pas contenir de diagnostic.",
                    ),
                );
            }
            if bundle.feedback.is_empty() {
                problems.push(
                    "feedback",
                    BundleError::KindMismatch("le retour de la MOT ne contient aucun commentaire."),
                );
            }
        }
        BundleKind::Backup => {}
    }
}

fn check_unique(
    at: &str,
    id: &str,
    position: usize,
    seen: &mut BTreeMap<String, usize>,
    problems: &mut Problems,
) {
    // Ids are read in lower case: the same id in two cases is the same id twice.
    let id = id.to_ascii_lowercase();
    match seen.get(&id) {
        Some(first) => problems.push(
            field(at, "id"),
            BundleError::DuplicateId {
                id: id.to_string(),
                first: first + 1,
            },
        ),
        None => {
            seen.insert(id, position);
        }
    }
}

fn check_digest(at: &str, claimed: &str, computed: &str, problems: &mut Problems) -> bool {
    let well_formed = claimed.len() == 64
        && claimed
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !well_formed {
        problems.push(field(at, "digest"), BundleError::MalformedDigest);
        false
    } else if claimed != computed {
        problems.push(field(at, "digest"), BundleError::DigestMismatch);
        false
    } else {
        true
    }
}

fn check_diagnostic(
    at: &str,
    item: &DiagnosticItem,
    questionnaire: &Questionnaire,
    problems: &mut Problems,
) {
    check_uuid(&field(at, "id"), &item.id, problems);
    // A damaged item's other fields cannot be trusted: the digest problem says it all.
    if !check_digest(at, &item.digest, &item_digest(item), problems) {
        return;
    }
    check_revision(&field(at, "revision"), item.revision, problems);
    check_timestamp(&field(at, "created_at"), &item.created_at, problems);
    check_timestamp(&field(at, "updated_at"), &item.updated_at, problems);
    check_summaries(at, item, problems);
    if item.questionnaire_id != questionnaire.id {
        problems.push(
            field(at, "questionnaire_id"),
            BundleError::UnknownQuestionnaire(item.questionnaire_id.clone()),
        );
        return;
    }
    if item.questionnaire_version > questionnaire.version {
        problems.push(
            field(at, "questionnaire_version"),
            BundleError::FutureQuestionnaire {
                version: item.questionnaire_version,
                current: questionnaire.version,
            },
        );
        return;
    }
    let current = item.questionnaire_version == questionnaire.version;
    check_entries(at, item, questionnaire, current, problems);
    if current {
        check_answers(&field(at, "answers"), item, questionnaire, problems);
    }
}

/// The summary fields must say what the answers say (an INSEE code or a SIREN not well formed
/// is one of the answers kept for correction: the summary is only checked against it).
fn check_summaries(at: &str, item: &DiagnosticItem, problems: &mut Problems) {
    use crate::diagnostic::profile_ids as ids;
    let diagnostic = item.to_diagnostic();
    let expected = DiagnosticItem::from_diagnostic(&diagnostic, false);
    let (given, wanted) = (&item.territory, &expected.territory);
    let pairs: [(bool, &str, &str); 6] = [
        (
            given.commune_name == wanted.commune_name,
            "commune_name",
            ids::COMMUNE_NAME,
        ),
        (
            given.insee_code == wanted.insee_code,
            "insee_code",
            ids::INSEE_CODE,
        ),
        (
            given.epci_siren == wanted.epci_siren,
            "epci_siren",
            ids::EPCI_SIREN,
        ),
        (
            given.departement == wanted.departement,
            "departement",
            ids::DEPARTEMENT,
        ),
        (
            given.neighbour_countries == wanted.neighbour_countries,
            "neighbour_countries",
            ids::NEIGHBOUR_COUNTRIES,
        ),
        (
            given.interreg_programmes == wanted.interreg_programmes,
            "interreg_programmes",
            ids::INTERREG_PROGRAMMES,
        ),
    ];
    for (same, name, question) in pairs {
        if !same {
            problems.push(
                field(&field(at, "territory"), name),
                BundleError::Inconsistent {
                    question: question.to_string(),
                },
            );
        }
    }
    use super::format::closing_ids;
    if item.training_interests != expected.training_interests {
        problems.push(
            field(at, "training_interests"),
            BundleError::Inconsistent {
                question: closing_ids::TRAINING_INTERESTS.to_string(),
            },
        );
    }
    if item.support_requests != expected.support_requests {
        problems.push(
            field(at, "support_requests"),
            BundleError::Inconsistent {
                question: closing_ids::SUPPORT_REQUESTS.to_string(),
            },
        );
    }
}

/// Themes, project sheets, good practices and notes.
fn check_entries(
    at: &str,
    item: &DiagnosticItem,
    questionnaire: &Questionnaire,
    current: bool,
    problems: &mut Problems,
) {
    let is_theme = |id: &str| {
        questionnaire
            .step(id)
            .is_some_and(|step| step.kind == StepKind::Theme)
    };
    if current {
        for theme in &item.not_concerned_themes {
            if !is_theme(theme) {
                problems.push(
                    field(at, "not_concerned_themes"),
                    BundleError::UnknownStep(theme.clone()),
                );
            }
        }
    }
    let mut ids = BTreeMap::new();
    for (position, sheet) in item.project_sheets.iter().enumerate() {
        let here = index(&field(at, "project_sheets"), position);
        check_entry_id(&here, &sheet.id, position, &mut ids, problems);
        check_entry_timestamp(&field(&here, "created_at"), &sheet.created_at, problems);
        check_entry_timestamp(&field(&here, "updated_at"), &sheet.updated_at, problems);
        if let Some(theme) = sheet
            .theme_id
            .as_deref()
            .filter(|t| current && !is_theme(t))
        {
            problems.push(
                field(&here, "theme_id"),
                BundleError::UnknownStep(theme.to_string()),
            );
        }
    }
    let mut ids = BTreeMap::new();
    for (position, practice) in item.good_practices.iter().enumerate() {
        let here = index(&field(at, "good_practices"), position);
        check_entry_id(&here, &practice.id, position, &mut ids, problems);
        check_entry_timestamp(&field(&here, "updated_at"), &practice.updated_at, problems);
        if let Some(theme) = practice
            .theme_id
            .as_deref()
            .filter(|t| current && !is_theme(t))
        {
            problems.push(
                field(&here, "theme_id"),
                BundleError::UnknownStep(theme.to_string()),
            );
        }
    }
    for key in item.private_notes.iter().flat_map(|notes| notes.keys()) {
        if key.trim().is_empty() {
            problems.push(field(at, "private_notes"), BundleError::EmptyText);
        } else if current && key != UNMAPPED_NOTE_KEY && questionnaire.step(key).is_none() {
            // Notes are kept per step (and one for answers an import could not carry over).
            problems.push(
                field(&field(at, "private_notes"), key),
                BundleError::UnknownStep(key.clone()),
            );
        }
    }
}

fn check_entry_id(
    at: &str,
    id: &str,
    position: usize,
    seen: &mut BTreeMap<String, usize>,
    problems: &mut Problems,
) {
    if id.trim().is_empty() {
        problems.push(field(at, "id"), BundleError::EmptyText);
    } else {
        check_unique(at, id, position, seen, problems);
    }
}

fn check_answers(
    at: &str,
    item: &DiagnosticItem,
    questionnaire: &Questionnaire,
    problems: &mut Problems,
) {
    for (question_id, answer) in &item.answers {
        let here = field(at, question_id);
        match questionnaire.question(question_id) {
            None => problems.push(here, BundleError::UnknownQuestion(question_id.clone())),
            // What the app itself keeps, flagged for correction, is imported the same way, but
            // only what the form lets one type.
            Some(question) => match validate_answer(question, answer) {
                Ok(()) => {}
                Err(error) if error.is_kept_for_correction() => {
                    if !typed_in_form(&question.kind, answer) {
                        problems.push(here, BundleError::NotTyped);
                    }
                }
                Err(error) => problems.push(
                    here,
                    BundleError::Answer {
                        label: question.label.clone(),
                        error,
                    },
                ),
            },
        }
    }
}

/// Whether a text answer is one the form lets one type: within the field's length, with no
/// control character. (Other answers are chosen, not typed.)
pub(crate) fn typed_in_form(kind: &QuestionKind, answer: &Answer) -> bool {
    let Answer::Text(text) = answer else {
        return true;
    };
    let within = (kind.typed_max_chars()).is_none_or(|max| text.chars().count() <= max as usize);
    within && !text.chars().any(char::is_control)
}

fn check_feedback(
    at: &str,
    item: &FeedbackItem,
    questionnaire: &Questionnaire,
    problems: &mut Problems,
) {
    let feedback = &item.feedback;
    let inner = field(at, "feedback");
    check_uuid(&field(&inner, "id"), &feedback.id, problems);
    if !check_digest(at, &item.digest, &feedback_digest(item), problems) {
        return;
    }
    check_uuid(
        &field(&inner, "diagnostic_id"),
        &feedback.diagnostic_id,
        problems,
    );
    check_revision(&field(&inner, "revision"), feedback.revision, problems);
    check_revision(
        &field(&inner, "diagnostic_revision"),
        feedback.diagnostic_revision,
        problems,
    );
    check_timestamp(&field(&inner, "written_at"), &feedback.written_at, problems);
    check_text(&field(&inner, "author"), &feedback.author, problems);
    // A copy of the diagnostic's answer, for the file's name: as typed in the form.
    if let Some(code) = &feedback.insee_code {
        if !typed_in_form(&QuestionKind::InseeCode, &Answer::Text(code.clone())) {
            problems.push(field(&inner, "insee_code"), BundleError::NotTyped);
        }
    }
    for step in feedback.theme_comments.keys() {
        if questionnaire.step(step).is_none() {
            problems.push(
                field(&field(&inner, "theme_comments"), step),
                BundleError::FeedbackOnUnknownStep(step.clone()),
            );
        }
    }
    for question in feedback.question_comments.keys() {
        if questionnaire.question(question).is_none() {
            problems.push(
                field(&field(&inner, "question_comments"), question),
                BundleError::FeedbackOnUnknownQuestion(question.clone()),
            );
        }
    }
}

fn check_text(at: &str, text: &str, problems: &mut Problems) {
    if text.trim().is_empty() {
        problems.push(at, BundleError::EmptyText);
    }
}

fn check_revision(at: &str, revision: u32, problems: &mut Problems) {
    if revision > MAX_REVISION {
        problems.push(at, BundleError::RevisionTooHigh(revision));
    }
}

fn check_uuid(at: &str, id: &str, problems: &mut Problems) {
    if !is_uuid(id) {
        problems.push(at, BundleError::NotUuid(id.to_string()));
    }
}

/// A sheet's or good practice's date: absent (empty, as older versions wrote) or a timestamp.
fn check_entry_timestamp(at: &str, text: &str, problems: &mut Problems) {
    if !text.is_empty() {
        check_timestamp(at, text, problems);
    }
}

fn check_timestamp(at: &str, text: &str, problems: &mut Problems) {
    if !is_timestamp(text) {
        problems.push(at, BundleError::NotTimestamp(text.to_string()));
    }
}
