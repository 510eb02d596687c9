//! Format-version migration: older bundle layouts rewritten as the current one (version 1).
//!
//! Version 0 is the prototype layout (never released), kept to exercise the mechanism:
//! `generated_by`/`date` instead of `app_version`/`exported_at`, no `kind` (always a town's
//! export), `items` instead of `diagnostics`, items with `uuid`, `rev`, `created`, `updated`,
//! `questionnaire: {id, version}`, `notes`, `projects`, `practices`, `finished`, and no digest.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answer::Answer;
use crate::diagnostic::{Diagnostic, DiagnosticStatus};
use crate::project::{GoodPractice, ProjectSheet};

use super::error::BundleProblem;
use super::format::{Bundle, BundleKind, DiagnosticItem};
use super::{typed, FORMAT_NAME, FORMAT_VERSION};

/// A version-0 bundle.
#[derive(Debug, Serialize, Deserialize)]
struct BundleV0 {
    format: String,
    format_version: u32,
    generated_by: String,
    date: String,
    items: Vec<ItemV0>,
}

/// A version-0 diagnostic.
#[derive(Debug, Serialize, Deserialize)]
struct ItemV0 {
    uuid: String,
    rev: u32,
    created: String,
    updated: String,
    questionnaire: QuestionnaireRefV0,
    answers: BTreeMap<String, Answer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notes: Option<BTreeMap<String, String>>,
    #[serde(default)]
    projects: Vec<ProjectSheet>,
    #[serde(default)]
    practices: Vec<GoodPractice>,
    #[serde(default)]
    finished: bool,
}

#[derive(Debug, Serialize, Deserialize)]
struct QuestionnaireRefV0 {
    id: String,
    version: u32,
}

/// Reads a bundle of format version 0 and rewrites it as version 1.
///
/// Version 0 had no digest: the digests are computed here, so its integrity cannot be checked.
pub fn from_v0(value: &Value) -> Result<Bundle, BundleProblem> {
    let old: BundleV0 = typed::from_value(value, "")?;
    let diagnostics = old
        .items
        .into_iter()
        .map(|item| {
            let include_notes = item.notes.is_some();
            let diagnostic = Diagnostic {
                id: item.uuid,
                revision: item.rev,
                created_at: item.created,
                updated_at: item.updated,
                questionnaire_id: item.questionnaire.id,
                questionnaire_version: item.questionnaire.version,
                answers: item.answers,
                not_concerned_themes: Default::default(),
                private_notes: item.notes.unwrap_or_default(),
                status: if item.finished {
                    DiagnosticStatus::Completed
                } else {
                    DiagnosticStatus::InProgress
                },
                project_sheets: item.projects,
                good_practices: item.practices,
            };
            DiagnosticItem::from_diagnostic(&diagnostic, include_notes)
        })
        .collect();
    Ok(Bundle {
        format: FORMAT_NAME.to_string(),
        format_version: FORMAT_VERSION,
        app_version: old.generated_by,
        exported_at: old.date,
        kind: BundleKind::Diagnostics,
        diagnostics,
        feedback: Vec::new(),
    })
}
