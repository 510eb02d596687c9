//! Use cases of the JSON bundles: exporting for MOT or as a full backup, and importing files
//! after validation and a preview. Nothing is written unless the user confirms, and then in one
//! transaction.

use std::collections::BTreeMap;

use domain::bundle::{
    apply_import, backup_file_name, check_file_size, export_backup, export_file_name_for,
    export_for_mot, parse_bundle, plan_feedback_import, plan_import, to_json_pretty,
    BundleRejection, ConflictChoice, FeedbackStatus, ImportDecision, IncomingDiagnostic,
    MotFeedback, ValidBundle,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::error::AppError;
use crate::platform::{new_uuid, now_iso};
use crate::state::diagnostics::questionnaire;
use crate::storage::shared_repository;

/// Metadata key of the time of the last export (any export counts as a backup).
pub const LAST_BACKUP_KEY: &str = "last_backup_at";

/// The version of the app written into every bundle.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Downloads one diagnostic as a bundle for MOT (private notes left out).
pub async fn export_diagnostic_for_mot(id: &str) -> Result<String, AppError> {
    let repository = shared_repository().await?;
    let diagnostic = repository.get(id).await?;
    let now = now_iso();
    let bundle = export_for_mot(std::slice::from_ref(&diagnostic), APP_VERSION, &now, false);
    let file_name = export_file_name_for(&diagnostic, &now);
    download_json(&file_name, &to_json_pretty(&bundle))?;
    repository.set_meta(LAST_BACKUP_KEY, &now).await?;
    Ok(file_name)
}

/// Downloads everything on this device (diagnostics with their notes, MOT's feedback).
pub async fn export_full_backup() -> Result<String, AppError> {
    let repository = shared_repository().await?;
    let diagnostics = repository.list().await?;
    let feedback = repository.list_feedback().await?;
    let now = now_iso();
    let bundle = export_backup(&diagnostics, &feedback, APP_VERSION, &now);
    let file_name = backup_file_name(&now);
    download_json(&file_name, &to_json_pretty(&bundle))?;
    repository.set_meta(LAST_BACKUP_KEY, &now).await?;
    Ok(file_name)
}

/// The time of the last export, if any.
pub async fn last_backup_at() -> Result<Option<String>, AppError> {
    Ok(shared_repository().await?.get_meta(LAST_BACKUP_KEY).await?)
}

/// Offers `json` as a file download named `file_name`.
fn download_json(file_name: &str, json: &str) -> Result<(), AppError> {
    let failed = |_| AppError::File("le fichier n'a pas pu être préparé".to_string());
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| AppError::File("page indisponible".to_string()))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoked a little later: the download must have started from the URL first.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// What reading one file gave.
#[derive(Clone, Debug)]
pub enum FileOutcome {
    /// A valid bundle.
    Accepted(Box<ValidBundle>),
    /// A refused file, with the reasons (in French, naming the file and the fields).
    Rejected(BundleRejection),
}

/// Reads and validates files picked or dropped by the user; nothing is written.
pub async fn read_files(files: Vec<web_sys::File>) -> Result<Vec<FileOutcome>, AppError> {
    let questionnaire = questionnaire()?;
    let mut outcomes = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        // The size is checked before reading, so a huge file is never loaded into memory.
        if let Err(rejection) = check_file_size(&name, file.size() as usize) {
            outcomes.push(FileOutcome::Rejected(rejection));
            continue;
        }
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| AppError::File(format!("le fichier « {name} » n'a pas pu être lu")))?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        outcomes.push(match parse_bundle(&name, &bytes, questionnaire) {
            Ok(bundle) => FileOutcome::Accepted(Box::new(bundle)),
            Err(rejection) => FileOutcome::Rejected(rejection),
        });
    }
    Ok(outcomes)
}

/// What an import would do, shown to the user before anything is written.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    /// Every diagnostic found in the accepted files.
    pub incoming: Vec<IncomingDiagnostic>,
    /// What importing each would do (new, identical, newer, conflict…).
    pub decisions: Vec<ImportDecision>,
    /// MOT feedback found in the accepted files.
    pub feedback: Vec<MotFeedback>,
    /// What importing each feedback would do.
    pub feedback_statuses: Vec<FeedbackStatus>,
}

impl ImportPreview {
    /// Ids of the diagnostics in conflict, which need the user's choice.
    pub fn conflicts(&self) -> Vec<String> {
        self.decisions
            .iter()
            .filter(|d| d.status == domain::bundle::ImportStatus::Conflict)
            .map(|d| d.diagnostic_id.clone())
            .collect()
    }
}

/// Compares the accepted files with what is on this device.
pub async fn preview_import(outcomes: &[FileOutcome]) -> Result<ImportPreview, AppError> {
    let repository = shared_repository().await?;
    let existing = repository.list().await?;
    let existing_feedback = repository.list_feedback().await?;
    let mut incoming = Vec::new();
    let mut feedback = Vec::new();
    for outcome in outcomes {
        if let FileOutcome::Accepted(bundle) = outcome {
            incoming.extend(bundle.diagnostics.iter().cloned());
            feedback.extend(bundle.feedback.iter().cloned());
        }
    }
    let decisions = plan_import(&incoming, &existing);
    // Feedback may be about a diagnostic of this device or one arriving in the same import.
    let known_ids: Vec<&str> = existing
        .iter()
        .map(|d| d.id.as_str())
        .chain(incoming.iter().map(|i| i.diagnostic.id.as_str()))
        .collect();
    let feedback_statuses = plan_feedback_import(&feedback, &existing_feedback, &known_ids);
    Ok(ImportPreview {
        incoming,
        decisions,
        feedback,
        feedback_statuses,
    })
}

/// How many records an import wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Diagnostics written (new, updated, or kept as copies).
    pub diagnostics: usize,
    /// MOT feedback written.
    pub feedback: usize,
}

/// Writes what the preview decided, with the user's choices for conflicts, in one transaction.
pub async fn confirm_import(
    preview: &ImportPreview,
    choices: &BTreeMap<String, ConflictChoice>,
) -> Result<ImportSummary, AppError> {
    let repository = shared_repository().await?;
    // Re-read the device: the preview may be some minutes old.
    let existing = repository.list().await?;
    let mut new_id = new_uuid;
    let writes = apply_import(
        &preview.decisions,
        &preview.incoming,
        &existing,
        choices,
        &mut new_id,
    )
    .map_err(|unresolved| AppError::File(unresolved.to_string()))?;
    let feedback: Vec<MotFeedback> = preview
        .feedback
        .iter()
        .zip(&preview.feedback_statuses)
        .filter(|(_, status)| status.writes())
        .map(|(item, _)| item.clone())
        .collect();
    repository.import(&writes, &feedback).await?;
    Ok(ImportSummary {
        diagnostics: writes.len(),
        feedback: feedback.len(),
    })
}

/// Downloads a diagnostic held in memory, without touching storage: the way out when the
/// browser's storage refuses to write (full disk, storage disabled).
pub fn export_rescue_copy(diagnostic: &domain::Diagnostic) -> Result<String, AppError> {
    let now = now_iso();
    let bundle = export_backup(std::slice::from_ref(diagnostic), &[], APP_VERSION, &now);
    let file_name = backup_file_name(&now);
    download_json(&file_name, &to_json_pretty(&bundle))?;
    Ok(file_name)
}
