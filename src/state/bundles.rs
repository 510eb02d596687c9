//! Use cases of the JSON bundles: exporting for MOT or as a full backup, and importing files
//! after validation and a preview. Nothing is written unless the user confirms, and then in one
//! transaction.

use std::collections::BTreeMap;

use domain::bundle::{
    apply_import, backup_file_name, backup_files, export_backup, export_file_name_for,
    export_for_mot, file_too_large, parse_bundle, plan_feedback_import, plan_import,
    to_json_pretty, BundleRejection, ConflictChoice, FeedbackStatus, ImportDecision, ImportStatus,
    IncomingDiagnostic, MotFeedback, ValidBundle, MAX_FILE_BYTES,
};
use domain::questionnaire::Questionnaire;
use wasm_bindgen_futures::JsFuture;

use crate::error::AppError;
use crate::platform::{new_uuid, now_iso};
use crate::state::diagnostics::questionnaire;
use crate::state::downloads::download_json;
use crate::state::file_bytes::start_reading;
use crate::state::session::announce_changes;
use crate::storage::shared_repository;

/// Metadata key of the time of the last full backup. An export for MOT does not count: it
/// holds one diagnostic without its private notes, and the device may hold others.
pub const LAST_BACKUP_KEY: &str = "last_backup_at";

/// The version of the app written into every bundle.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Downloads one diagnostic as a bundle for MOT, its private notes only when asked for.
pub async fn export_diagnostic_for_mot(
    id: &str,
    include_private_notes: bool,
) -> Result<String, AppError> {
    let repository = shared_repository().await?;
    let diagnostic = repository.get(id).await?;
    let now = now_iso();
    let bundle = export_for_mot(
        std::slice::from_ref(&diagnostic),
        APP_VERSION,
        &now,
        include_private_notes,
    );
    let file_name = export_file_name_for(&diagnostic, &now);
    download_json(&file_name, &to_json_pretty(&bundle))?;
    Ok(file_name)
}

/// Downloads everything on this device (diagnostics with their notes, MOT's feedback): one
/// file, or, past what one file may carry, several that restore together. Returns the names.
pub async fn export_full_backup() -> Result<Vec<String>, AppError> {
    let repository = shared_repository().await?;
    let diagnostics = repository.list().await?;
    let feedback = repository.list_feedback().await?;
    let now = now_iso();
    let files = backup_files(&diagnostics, &feedback, APP_VERSION, &now);
    for file in &files {
        download_json(&file.name, &file.json)?;
    }
    repository.set_meta(LAST_BACKUP_KEY, &now).await?;
    Ok(files.into_iter().map(|file| file.name).collect())
}

/// The time of the last full backup, if any.
pub async fn last_backup_at() -> Result<Option<String>, AppError> {
    Ok(shared_repository().await?.get_meta(LAST_BACKUP_KEY).await?)
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
        outcomes.push(match read_file(&file, questionnaire).await? {
            Ok(bundle) => FileOutcome::Accepted(Box::new(bundle)),
            Err(rejection) => FileOutcome::Rejected(rejection),
        });
    }
    Ok(outcomes)
}

/// Reads and checks one file: the valid bundle, or why it is refused. Fails only when the
/// browser cannot read the file at all.
pub async fn read_file(
    file: &web_sys::File,
    questionnaire: &Questionnaire,
) -> Result<Result<ValidBundle, BundleRejection>, AppError> {
    FileRead::start(file).check(questionnaire).await
}

/// A file whose bytes are being read by the browser; several can be read at once and then
/// checked in order, which is quicker than reading them one after the other.
pub struct FileRead {
    name: String,
    file: web_sys::File,
    bytes: JsFuture,
}

impl FileRead {
    /// Starts reading a file. Reading stops past [`MAX_FILE_BYTES`], so a huge file is never
    /// loaded into memory (see [`file_bytes`](crate::state::file_bytes) for why the size is
    /// not asked first).
    pub fn start(file: &web_sys::File) -> Self {
        FileRead {
            name: file.name(),
            file: file.clone(),
            bytes: start_reading(file, MAX_FILE_BYTES),
        }
    }

    /// Waits for the bytes and checks them: the valid bundle, or why it is refused.
    pub async fn check(
        self,
        questionnaire: &Questionnaire,
    ) -> Result<Result<ValidBundle, BundleRejection>, AppError> {
        let name = self.name;
        let read = self
            .bytes
            .await
            .map_err(|_| AppError::File(format!("le fichier « {name} » n'a pas pu être lu")))?;
        if read.is_null() {
            // Too large: its size, for the message, is asked only now, for this file alone.
            let size = (self.file.size() as usize).max(MAX_FILE_BYTES + 1);
            return Ok(Err(file_too_large(&name, size)));
        }
        let bytes = js_sys::Uint8Array::new(&read).to_vec();
        Ok(parse_bundle(&name, &bytes, questionnaire))
    }

    /// Name of the file.
    pub fn name(&self) -> &str {
        &self.name
    }
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
            .filter(|d| d.status == ImportStatus::Conflict)
            .map(|d| d.diagnostic_id.clone())
            .collect()
    }
}

/// Compares the accepted files with what is on this device.
pub async fn preview_import(outcomes: &[FileOutcome]) -> Result<ImportPreview, AppError> {
    let mut incoming = Vec::new();
    let mut feedback = Vec::new();
    for outcome in outcomes {
        if let FileOutcome::Accepted(bundle) = outcome {
            incoming.extend(bundle.diagnostics.iter().cloned());
            feedback.extend(bundle.feedback.iter().cloned());
        }
    }
    let repository = shared_repository().await?;
    let existing = repository.list().await?;
    Ok(plan_against(
        incoming,
        feedback,
        &existing,
        &repository.list_feedback().await?,
    ))
}

/// The preview of importing `incoming` and `feedback` into a device holding `existing`.
fn plan_against(
    incoming: Vec<IncomingDiagnostic>,
    feedback: Vec<MotFeedback>,
    existing: &[domain::Diagnostic],
    existing_feedback: &[MotFeedback],
) -> ImportPreview {
    let decisions = plan_import(&incoming, existing);
    // Feedback may be about a diagnostic of this device or one arriving in the same import.
    let known_ids: Vec<&str> = existing
        .iter()
        .map(|d| d.id.as_str())
        .chain(incoming.iter().map(|i| i.diagnostic.id.as_str()))
        .collect();
    let feedback_statuses = plan_feedback_import(&feedback, existing_feedback, &known_ids);
    ImportPreview {
        incoming,
        decisions,
        feedback,
        feedback_statuses,
    }
}

/// How many records an import wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Diagnostics written (new, updated, or kept as copies).
    pub diagnostics: usize,
    /// MOT feedback written.
    pub feedback: usize,
}

/// What confirming an import did.
#[derive(Clone, Debug)]
pub enum ConfirmOutcome {
    /// Written as previewed.
    Written(ImportSummary),
    /// Nothing written: the device changed since the preview (another tab saved an answer, or
    /// imported), so what the user agreed to is no longer what would happen. The new preview.
    Outdated(ImportPreview),
}

/// Writes what the preview decided, with the user's choices for conflicts, in one transaction,
/// provided the device still holds what the preview was made against.
pub async fn confirm_import(
    preview: &ImportPreview,
    choices: &BTreeMap<String, ConflictChoice>,
) -> Result<ConfirmOutcome, AppError> {
    let repository = shared_repository().await?;
    // Re-read the device: the preview may be some minutes old, and another tab may have saved
    // since. Writing the old plan could put an older revision over a newer one.
    let existing = repository.list().await?;
    let fresh = plan_against(
        preview.incoming.clone(),
        preview.feedback.clone(),
        &existing,
        &repository.list_feedback().await?,
    );
    if fresh.decisions != preview.decisions || fresh.feedback_statuses != preview.feedback_statuses
    {
        return Ok(ConfirmOutcome::Outdated(fresh));
    }
    let mut new_id = new_uuid;
    let mut writes = apply_import(
        &preview.decisions,
        &preview.incoming,
        &existing,
        choices,
        &mut new_id,
    )
    .map_err(|unresolved| AppError::File(unresolved.to_string()))?;
    // An older version gone back to is this device's latest change: dated now, so that the
    // lists show it as the most recent.
    let restored: Vec<&str> = (preview.decisions.iter())
        .filter(|d| d.status == ImportStatus::Older)
        .filter(|d| choices.get(&d.diagnostic_id) == Some(&ConflictChoice::TakeTheirs))
        .map(|d| d.diagnostic_id.as_str())
        .collect();
    let now = now_iso();
    for diagnostic in writes
        .iter_mut()
        .filter(|d| restored.contains(&d.id.as_str()))
    {
        diagnostic.updated_at.clone_from(&now);
    }
    let feedback: Vec<MotFeedback> = preview
        .feedback
        .iter()
        .zip(&preview.feedback_statuses)
        .filter(|(_, status)| status.writes())
        .map(|(item, _)| item.clone())
        .collect();
    repository.import(&writes, &feedback).await?;
    announce_imported(&writes);
    Ok(ConfirmOutcome::Written(ImportSummary {
        diagnostics: writes.len(),
        feedback: feedback.len(),
    }))
}

/// Tells the tabs editing these diagnostics to re-read them: without it, a tab would go on
/// showing the replaced version, and its next edit would write that text back.
fn announce_imported(written: &[domain::Diagnostic]) {
    announce_changes(written.iter().map(|d| d.id.as_str()));
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
