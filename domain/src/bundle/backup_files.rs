//! A full backup as files the import accepts. A device with many diagnostics (MOT's, after
//! importing hundreds of towns) may hold more than one file may carry (its size, its number of
//! entries): the backup is then split into parts, each a complete backup bundle of some of the
//! diagnostics, that restore together in one import.

use crate::diagnostic::Diagnostic;

use super::export::{backup_file_name, export_backup, to_json_pretty};
use super::format::MotFeedback;
use super::{MAX_ENTRIES, MAX_FILE_BYTES};

/// A file to download: its name and its JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupFile {
    /// The file's name (`sauvegarde-…json`, with `-partie-1-sur-3` when split).
    pub name: String,
    /// The bundle as JSON.
    pub json: String,
}

/// The backup of everything on the device, in as few files as the import's limits allow;
/// MOT's feedback goes with the first.
pub fn backup_files(
    diagnostics: &[Diagnostic],
    feedback: &[MotFeedback],
    app_version: &str,
    now: &str,
) -> Vec<BackupFile> {
    backup_files_within(
        diagnostics,
        feedback,
        app_version,
        now,
        (MAX_FILE_BYTES, MAX_ENTRIES),
    )
}

/// [`backup_files`] with the limits given: (bytes, entries) per file.
pub fn backup_files_within(
    diagnostics: &[Diagnostic],
    feedback: &[MotFeedback],
    app_version: &str,
    now: &str,
    limits: (usize, usize),
) -> Vec<BackupFile> {
    let mut parts = Vec::new();
    split_into(diagnostics, feedback, app_version, now, limits, &mut parts);
    let count = parts.len();
    let base = backup_file_name(now);
    parts
        .into_iter()
        .enumerate()
        .map(|(index, json)| BackupFile {
            name: if count == 1 {
                base.clone()
            } else {
                let stem = base.trim_end_matches(".json");
                format!("{stem}-partie-{}-sur-{count}.json", index + 1)
            },
            json,
        })
        .collect()
}

/// Halves the diagnostics until each part fits. A single diagnostic over the limit (texts at
/// their longest in every field) stays one part: it cannot be split.
fn split_into(
    diagnostics: &[Diagnostic],
    feedback: &[MotFeedback],
    app_version: &str,
    now: &str,
    (max_bytes, max_entries): (usize, usize),
    parts: &mut Vec<String>,
) {
    let fits_count = diagnostics.len() <= max_entries;
    let json =
        fits_count.then(|| to_json_pretty(&export_backup(diagnostics, feedback, app_version, now)));
    match json {
        Some(json) if json.len() <= max_bytes || diagnostics.len() <= 1 => parts.push(json),
        _ => {
            let (first, second) = diagnostics.split_at(diagnostics.len() / 2);
            let limits = (max_bytes, max_entries);
            split_into(first, feedback, app_version, now, limits, parts);
            split_into(second, &[], app_version, now, limits, parts);
        }
    }
}
