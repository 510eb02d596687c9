//! MOT's workspace use cases: importing many towns' files at once with progress, the
//! territories held on this device with their rows, CSV downloads, MOT's own review of a
//! territory and the feedback sent back to a town.

use std::collections::HashMap;

use domain::bundle::{
    compare_timestamps, export_feedback, feedback_file_name, to_json_pretty, MotFeedback,
};
use domain::questionnaire::Questionnaire;
use domain::report::ReportData;
use domain::workspace::{
    check_feedback, good_practices_csv, merge_feedback_edits, new_feedback, plan_bulk,
    territories_csv, territory_rows, CsvError, FileOutcome, FileReport, MotReview, TerritoryRow,
};
use domain::Diagnostic;
use gloo_timers::future::TimeoutFuture;

use crate::error::AppError;
use crate::platform::{new_uuid, now_iso};
use crate::state::broadcast::announce;
use crate::state::bundles::{FileRead, APP_VERSION};
use crate::state::diagnostics::questionnaire;
use crate::state::downloads::{download_csv, download_json};
use crate::state::review_journal::{self, PendingNotes};
use crate::state::session::announce_changes;
use crate::storage::{shared_repository, Repository};

/// Files read, checked and written together: one IndexedDB transaction per batch, and a
/// chance for the page to repaint the progress bar between batches.
const BATCH_FILES: usize = 25;

/// Every territory on this device, with its row of the table computed once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkspaceData {
    /// The diagnostics, most recently changed first.
    pub diagnostics: Vec<Diagnostic>,
    /// One row per diagnostic, in the same order.
    pub rows: Vec<TerritoryRow>,
}

/// Reads every diagnostic and MOT review on this device and computes the table's rows.
pub async fn load_workspace() -> Result<WorkspaceData, AppError> {
    let repository = shared_repository().await?;
    let diagnostics = repository.list().await?;
    let reviews = repository.list_reviews().await?;
    workspace_of(diagnostics, &reviews)
}

fn workspace_of(
    mut diagnostics: Vec<Diagnostic>,
    reviews: &[MotReview],
) -> Result<WorkspaceData, AppError> {
    diagnostics.sort_by(|a, b| compare_timestamps(&b.updated_at, &a.updated_at));
    let data = ReportData::embedded().map_err(|e| AppError::Packaging(e.to_string()))?;
    let rows = territory_rows(&data, questionnaire()?, &diagnostics, reviews);
    Ok(WorkspaceData { diagnostics, rows })
}

/// What a bulk import did: a report per file, in the order given, and the workspace after it.
#[derive(Clone, Debug, PartialEq)]
pub struct BulkImport {
    /// One line per file.
    pub reports: Vec<FileReport>,
    /// Why the import stopped before the end (storage failure), if it did.
    pub stopped: Option<String>,
    /// Every territory on the device afterwards.
    pub workspace: WorkspaceData,
}

/// Imports many files: each is read and checked, then what is new or newer is written, batch
/// by batch. A refused file never stops the others; `progress(done, total)` is called after
/// every file.
///
/// Each batch is written while the next one is read and checked: the browser stores one
/// batch on its own thread while this one works on the next.
pub async fn import_many(
    files: Vec<web_sys::File>,
    progress: impl Fn(usize, usize),
) -> Result<BulkImport, AppError> {
    let questionnaire = questionnaire()?;
    let repository = shared_repository().await?;
    let mut existing = repository.list().await?;
    let mut position: HashMap<String, usize> = existing
        .iter()
        .enumerate()
        .map(|(index, d)| (d.id.clone(), index))
        .collect();
    let total = files.len();
    let mut reports: Vec<FileReport> = Vec::with_capacity(total);
    let mut writing: Option<BatchWrite> = None;
    let mut stopped = None;
    for batch in files.chunks(BATCH_FILES) {
        let mut slots: Vec<Option<FileReport>> = Vec::with_capacity(batch.len());
        let mut valid = Vec::new();
        let mut valid_slots = Vec::new();
        let reading: Vec<FileRead> = batch.iter().map(FileRead::start).collect();
        for file in reading {
            let name = file.name().to_string();
            match file.check(questionnaire).await {
                Ok(Ok(bundle)) => {
                    valid_slots.push(slots.len());
                    valid.push(bundle);
                    slots.push(None);
                }
                Ok(Err(rejection)) => slots.push(Some(FileReport::rejected(&rejection))),
                Err(unreadable) => slots.push(Some(FileReport::not_written(
                    &name,
                    &unreadable.to_string(),
                ))),
            }
            progress(reports.len() + slots.len(), total);
        }
        if let Some(previous) = writing.take() {
            if let Err(message) = previous.finish(&mut reports).await {
                stopped = Some(message);
                break;
            }
        }
        let plan = plan_bulk(&valid, &existing);
        let mut written_reports = Vec::with_capacity(valid_slots.len());
        for (slot, report) in valid_slots.into_iter().zip(plan.reports) {
            slots[slot] = Some(report);
        }
        for report in slots.into_iter().flatten() {
            if matches!(report.outcome, FileOutcome::New | FileOutcome::Updated) {
                written_reports.push(reports.len());
            }
            reports.push(report);
        }
        for diagnostic in &plan.writes {
            match position.get(&diagnostic.id) {
                Some(&index) => existing[index] = diagnostic.clone(),
                None => {
                    position.insert(diagnostic.id.clone(), existing.len());
                    existing.push(diagnostic.clone());
                }
            }
        }
        writing = Some(BatchWrite::start(&repository, plan.writes, written_reports));
        // Gives the browser a turn to paint the progress bar before the next batch.
        TimeoutFuture::new(0).await;
    }
    if let Some(last) = writing.take() {
        if let Err(message) = last.finish(&mut reports).await {
            stopped = Some(message);
        }
    }
    if let Some(message) = stopped {
        let left = total - reports.len();
        return Ok(BulkImport {
            reports,
            stopped: Some(format!(
                "L'enregistrement a échoué ({message}) ; l'import s'est arrêté avant la fin \
                 (fichiers non traités : {left}). Les fichiers déjà enregistrés sont conservés."
            )),
            // What is really stored, since the last batches were not.
            workspace: load_workspace().await?,
        });
    }
    let reviews = repository.list_reviews().await?;
    Ok(BulkImport {
        reports,
        stopped: None,
        workspace: workspace_of(existing, &reviews)?,
    })
}

/// One batch being written in its own transaction, with the reports of its files.
struct BatchWrite {
    done: wasm_bindgen_futures::JsFuture,
    reports: Vec<usize>,
}

impl BatchWrite {
    /// Starts the transaction at once; it runs while the caller goes on.
    fn start(repository: &Repository, writes: Vec<Diagnostic>, reports: Vec<usize>) -> Self {
        let repository = repository.clone();
        let promise = wasm_bindgen_futures::future_to_promise(async move {
            match repository.import(&writes, &[]).await {
                Ok(()) => {
                    // A tab showing one of them re-reads it.
                    announce_changes(writes.iter().map(|d| d.id.as_str()));
                    Ok(wasm_bindgen::JsValue::UNDEFINED)
                }
                Err(error) => Err(wasm_bindgen::JsValue::from_str(&error.to_string())),
            }
        });
        BatchWrite {
            done: wasm_bindgen_futures::JsFuture::from(promise),
            reports,
        }
    }

    /// Waits for the transaction; when it failed, its files are reported as not written and
    /// the French reason is returned.
    async fn finish(self, reports: &mut [FileReport]) -> Result<(), String> {
        let Err(error) = self.done.await else {
            return Ok(());
        };
        let message = error
            .as_string()
            .unwrap_or_else(|| "erreur inconnue".to_string());
        for &index in &self.reports {
            if let Some(report) = reports.get_mut(index) {
                *report = FileReport::not_written(&report.file_name, &message);
            }
        }
        Err(message)
    }
}

/// Downloads the given rows of the territories table as CSV (one column per question).
pub fn download_territories_csv(
    workspace: &WorkspaceData,
    rows: &[&TerritoryRow],
) -> Result<String, AppError> {
    download_csv_of("territoires", workspace, |questionnaire, diagnostics| {
        territories_csv(questionnaire, diagnostics, rows.iter().copied())
    })
}

/// Downloads the good practices of the given rows' territories as CSV.
pub fn download_good_practices_csv(
    workspace: &WorkspaceData,
    rows: &[&TerritoryRow],
) -> Result<String, AppError> {
    download_csv_of(
        "bonnes-pratiques",
        workspace,
        |questionnaire, diagnostics| {
            good_practices_csv(questionnaire, diagnostics, rows.iter().copied())
        },
    )
}

/// Writes a CSV of the workspace with `write` and downloads it as `<name>-<date>.csv`.
fn download_csv_of(
    name: &str,
    workspace: &WorkspaceData,
    write: impl FnOnce(&Questionnaire, &[Diagnostic]) -> Result<Vec<u8>, CsvError>,
) -> Result<String, AppError> {
    let bytes = write(questionnaire()?, &workspace.diagnostics)
        .map_err(|e| AppError::File(e.to_string()))?;
    let file_name = format!("{name}-{}.csv", date_of(&now_iso()));
    download_csv(&file_name, &bytes)?;
    Ok(file_name)
}

fn date_of(timestamp: &str) -> &str {
    timestamp.get(..10).unwrap_or(timestamp)
}

/// One territory as MOT follows it: the town's diagnostic, MOT's review and its feedback draft.
#[derive(Clone, Debug, PartialEq)]
pub struct TerritoryFollowUp {
    /// The town's diagnostic (never changed here).
    pub diagnostic: Diagnostic,
    /// MOT's status and internal notes ("Reçu" and no notes when MOT wrote none yet).
    pub review: MotReview,
    /// The feedback for the town, as last saved (a blank one when there is none yet).
    pub feedback: MotFeedback,
}

/// Reads a territory with MOT's review and feedback.
pub async fn load_follow_up(id: &str) -> Result<TerritoryFollowUp, AppError> {
    let repository = shared_repository().await?;
    let diagnostic = repository.get(id).await?;
    let now = now_iso();
    let mut review = repository
        .get_review(id)
        .await?
        .unwrap_or_else(|| MotReview::new(id, &now));
    // Notes a page typed and could not store (closed at once, a full disk): stored now, unless
    // another tab stored other notes since.
    if let Some(pending) = review_journal::take(id) {
        if review.notes == pending.before && review.notes != pending.typed {
            let PendingNotes { before, typed } = pending.clone();
            // Checked again in the write: another tab may store notes in between.
            let write = move |r: &mut MotReview| {
                if r.notes == before {
                    r.set_notes(&typed, &now_iso());
                }
            };
            match update_review(id, write).await {
                Ok(stored) => review = stored,
                // Still not storable: kept for the next opening, and shown meanwhile.
                Err(_) => {
                    review_journal::remember(id, &pending.before, &pending.typed);
                    review.notes = pending.typed;
                }
            }
        }
    }
    let feedback = match repository.get_feedback(id).await? {
        Some(feedback) => feedback,
        None => new_feedback(&diagnostic, Some(&review), "", &now, new_uuid()),
    };
    Ok(TerritoryFollowUp {
        diagnostic,
        review,
        feedback,
    })
}

/// Name of the channel on which MOT's tabs announce a review they stored (by diagnostic id).
pub const REVIEWS_CHANNEL: &str = "diagnostic-transfrontalier:mot-reviews";

/// Changes MOT's review (status or internal notes) of a territory, from the stored review: a
/// change made in another tab to the other field stays. The other tabs are told, so that a page
/// showing that review follows. Returns the review as stored.
pub async fn update_review(
    diagnostic_id: &str,
    change: impl FnOnce(&mut MotReview),
) -> Result<MotReview, AppError> {
    let blank = MotReview::new(diagnostic_id, &now_iso());
    let stored = shared_repository()
        .await?
        .update_review(blank, change)
        .await?;
    announce(REVIEWS_CHANNEL, [diagnostic_id]);
    Ok(stored)
}

/// MOT's review of a territory as stored ("Reçu" and no notes when there is none).
pub async fn load_review(diagnostic_id: &str) -> Result<MotReview, AppError> {
    let stored = shared_repository().await?.get_review(diagnostic_id).await?;
    Ok(stored.unwrap_or_else(|| MotReview::new(diagnostic_id, &now_iso())))
}

/// Checks and stores MOT's feedback for a town, raising its revision when it changed; the status
/// sent is the one of MOT's review. What changed from `base` (the feedback as this tab read or
/// last saved it) to `draft` is put on the stored feedback, so what another tab saved since in
/// other fields stays. Returns the feedback as stored.
pub async fn save_feedback(
    diagnostic: &Diagnostic,
    review: &MotReview,
    base: &MotFeedback,
    draft: &MotFeedback,
) -> Result<MotFeedback, AppError> {
    let repository = shared_repository().await?;
    // The diagnostic as stored now: another tab may have imported a later revision of it since
    // this page opened, and the feedback says which revision it is about.
    let current = repository.get(&diagnostic.id).await.ok();
    let diagnostic = current.as_ref().unwrap_or(diagnostic);
    // Decided inside the write transaction, from the feedback as stored at that moment.
    let mut outcome = None;
    repository
        .update_feedback(&diagnostic.id, |stored| {
            let decided = feedback_to_store(stored, diagnostic, review, base, draft);
            let write = decided.as_ref().ok().filter(|(_, changed)| *changed);
            let written = write.map(|(feedback, _)| feedback.clone());
            outcome = Some(decided);
            written
        })
        .await?;
    match outcome {
        Some(Ok((feedback, changed))) => {
            if changed {
                announce(FEEDBACK_CHANNEL, [diagnostic.id.as_str()]);
            }
            Ok(feedback)
        }
        Some(Err(problem)) => Err(problem),
        None => Err(AppError::Feedback(
            "Le retour n'a pas pu être lu.".to_string(),
        )),
    }
}

/// Name of the channel on which MOT's tabs announce a feedback they stored (by diagnostic id).
pub const FEEDBACK_CHANNEL: &str = "diagnostic-transfrontalier:mot-feedback";

/// The feedback to store from the stored one (if any) and this tab's draft, and whether it
/// changed; refused with the checks' French messages.
fn feedback_to_store(
    stored: Option<MotFeedback>,
    diagnostic: &Diagnostic,
    review: &MotReview,
    base: &MotFeedback,
    draft: &MotFeedback,
) -> Result<(MotFeedback, bool), AppError> {
    let mut feedback = match &stored {
        Some(stored) => merge_feedback_edits(base, draft, stored),
        None => draft.clone(),
    };
    feedback.status = review.status;
    feedback.diagnostic_revision = diagnostic.revision;
    feedback.commune_name = diagnostic.commune_name().to_string();
    feedback.insee_code = diagnostic.insee_code().map(str::to_string);
    feedback.author = feedback.author.trim().to_string();
    feedback.general_comment = feedback.general_comment.trim().to_string();
    if let Some(stored) = &stored {
        let mut unchanged = feedback.clone();
        unchanged.revision = stored.revision;
        unchanged.written_at = stored.written_at.clone();
        if &unchanged == stored {
            return Ok((stored.clone(), false));
        }
        feedback.revision = stored.revision.saturating_add(1);
    }
    feedback.written_at = now_iso();
    if feedback.author.is_empty() {
        return Err(AppError::FeedbackWithoutAuthor);
    }
    let problems = check_feedback(questionnaire()?, &feedback);
    if !problems.is_empty() {
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(AppError::Feedback(messages.join(" ")));
    }
    Ok((feedback, true))
}

/// Saves the feedback, then downloads it as a bundle for the town; returns it as stored.
pub async fn export_feedback_for_town(
    diagnostic: &Diagnostic,
    review: &MotReview,
    base: &MotFeedback,
    draft: &MotFeedback,
) -> Result<MotFeedback, AppError> {
    let feedback = save_feedback(diagnostic, review, base, draft).await?;
    let now = now_iso();
    let bundle = export_feedback(std::slice::from_ref(&feedback), APP_VERSION, &now);
    let file_name =
        feedback_file_name(&feedback.commune_name, feedback.insee_code.as_deref(), &now);
    download_json(&file_name, &to_json_pretty(&bundle))?;
    Ok(feedback)
}

/// The feedback MOT sent about one of this device's diagnostics, if any (the town's view).
pub async fn feedback_for(diagnostic_id: &str) -> Result<Option<MotFeedback>, AppError> {
    Ok(shared_repository()
        .await?
        .get_feedback(diagnostic_id)
        .await?)
}
