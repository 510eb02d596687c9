//! Importing one file: from untrusted bytes to a [`ValidBundle`] ready to plan, or a
//! [`BundleRejection`] saying in French what is wrong, field by field. Nothing is written here.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::questionnaire::{review, Questionnaire, ReviewProblem};

use super::answers_migration::{
    embedded_migrations, migrate_answers, MigrationReport, MigrationTable,
};
use super::error::{BundleError, BundleProblem, BundleRejection};
use super::format::{Bundle, BundleKind, MotFeedback};
use super::{limits, migrate, strict_json, typed, validate};
use super::{FORMAT_NAME, FORMAT_VERSION, MAX_FILE_BYTES};

/// What an import checks against: the app's questionnaire and the declared answer migrations.
#[derive(Clone, Copy, Debug)]
pub struct ImportContext<'a> {
    /// The questionnaire of this app (answers are checked against it).
    pub questionnaire: &'a Questionnaire,
    /// How answers given against older versions are carried over.
    pub migrations: &'a MigrationTable,
}

/// A diagnostic read from a valid bundle, ready for [`super::plan_import`].
#[derive(Clone, Debug, PartialEq)]
pub struct IncomingDiagnostic {
    /// The file it came from.
    pub source_file: String,
    /// The diagnostic, carried to the current questionnaire version.
    pub diagnostic: Diagnostic,
    /// Whether the bundle carried its private notes (otherwise the device's notes are kept).
    pub private_notes_included: bool,
    /// What the answer migration did, when the answers were given against an older version.
    pub migration: Option<MigrationReport>,
    /// The labels of the questions whose answer is kept for correction (a number out of its
    /// range, an identifier not well formed): imported as they are, flagged in the review.
    pub answers_to_correct: Vec<String>,
}

/// A file that passed every check: its items, ready to plan and write.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidBundle {
    /// Name of the file.
    pub file_name: String,
    /// What it holds.
    pub kind: BundleKind,
    /// Format version found in the file (older versions were migrated).
    pub format_version: u32,
    /// Version of the app that wrote it.
    pub app_version: String,
    /// When it was written.
    pub exported_at: String,
    /// The diagnostics.
    pub diagnostics: Vec<IncomingDiagnostic>,
    /// MOT's feedback.
    pub feedback: Vec<MotFeedback>,
}

impl ValidBundle {
    /// French notices for the import report (format or answers migrated, answers not carried over).
    pub fn notices(&self) -> Vec<String> {
        let mut notices = Vec::new();
        if self.format_version < FORMAT_VERSION {
            notices.push(format!(
                "« {} » : fichier au format {} converti au format {} ; ce format ancien ne portait \
                 pas d'empreinte de contrôle.",
                self.file_name, self.format_version, FORMAT_VERSION
            ));
        }
        for incoming in &self.diagnostics {
            if let Some(report) = &incoming.migration {
                notices.push(format!(
                    "« {} », diagnostic de {} : {}",
                    self.file_name,
                    incoming.diagnostic.commune_name(),
                    report.summary()
                ));
                for unmapped in &report.unmapped {
                    notices.push(format!(
                        "  – réponse à « {} » non reprise : {} (conservée dans les notes privées).",
                        unmapped.question_id, unmapped.reason
                    ));
                }
            }
            if !incoming.answers_to_correct.is_empty() {
                let labels: Vec<String> = (incoming.answers_to_correct.iter())
                    .map(|label| format!("« {label} »"))
                    .collect();
                let count = match labels.len() {
                    1 => "1 réponse à corriger, importée telle quelle et signalée".to_string(),
                    n => format!("{n} réponses à corriger, importées telles quelles et signalées"),
                };
                notices.push(format!(
                    "« {} », diagnostic de {} : {count} dans la relecture : {}.",
                    self.file_name,
                    incoming.diagnostic.commune_name(),
                    labels.join(", ")
                ));
            }
        }
        notices
    }
}

/// The labels of the questions the review will list as to correct: after the checks, only
/// answers kept for correction are left (see [`crate::questionnaire::AnswerError`]); those to
/// questions the town does not see (skip logic, « non concerné ») are not listed there either.
fn answers_to_correct(diagnostic: &Diagnostic, questionnaire: &Questionnaire) -> Vec<String> {
    review(questionnaire, diagnostic)
        .into_iter()
        .filter(|item| matches!(item.problem, ReviewProblem::Invalid(_)))
        .map(|item| item.question_label)
        .collect()
}

/// Checks a file's size before reading it (the browser knows it from `File.size`).
pub fn check_file_size(file_name: &str, size: usize) -> Result<(), BundleRejection> {
    if size > MAX_FILE_BYTES {
        Err(file_too_large(file_name, size))
    } else {
        Ok(())
    }
}

/// The refusal of a file of `size` bytes, over [`MAX_FILE_BYTES`].
pub fn file_too_large(file_name: &str, size: usize) -> BundleRejection {
    BundleRejection::single(
        file_name,
        BundleProblem::new("", BundleError::TooLarge { size }),
    )
}

/// Reads and checks one file against the app's questionnaire and the embedded migrations.
pub fn parse_bundle(
    file_name: &str,
    bytes: &[u8],
    questionnaire: &Questionnaire,
) -> Result<ValidBundle, BundleRejection> {
    let fallback = MigrationTable::default();
    let migrations = embedded_migrations().unwrap_or(&fallback);
    parse_bundle_with(
        file_name,
        bytes,
        &ImportContext {
            questionnaire,
            migrations,
        },
    )
}

/// Reads and checks one file: size, JSON syntax, format name and version, limits, fields and
/// types, identifiers, digests, answers; then migrates older answers. All or nothing.
pub fn parse_bundle_with(
    file_name: &str,
    bytes: &[u8],
    context: &ImportContext,
) -> Result<ValidBundle, BundleRejection> {
    let reject = |problems: Vec<BundleProblem>| BundleRejection {
        file_name: file_name.to_string(),
        problems,
    };
    let (bundle, format_version) = read_bundle(bytes).map_err(reject)?;
    let problems = validate::check_bundle(&bundle, context.questionnaire);
    if !problems.is_empty() {
        return Err(reject(problems));
    }
    let diagnostics = bundle
        .diagnostics
        .iter()
        .map(|item| {
            let mut diagnostic = item.to_diagnostic();
            // In lower case, as the app writes ids: the same id in capitals is the same one.
            diagnostic.id.make_ascii_lowercase();
            let migration = (diagnostic.questionnaire_version < context.questionnaire.version)
                .then(|| {
                    migrate_answers(&mut diagnostic, context.migrations, context.questionnaire)
                });
            IncomingDiagnostic {
                source_file: file_name.to_string(),
                private_notes_included: item.private_notes.is_some(),
                migration,
                answers_to_correct: answers_to_correct(&diagnostic, context.questionnaire),
                diagnostic,
            }
        })
        .collect();
    Ok(ValidBundle {
        file_name: file_name.to_string(),
        kind: bundle.kind,
        format_version,
        app_version: bundle.app_version,
        exported_at: bundle.exported_at,
        diagnostics,
        feedback: bundle
            .feedback
            .into_iter()
            .map(|item| {
                let mut feedback = item.feedback;
                feedback.id.make_ascii_lowercase();
                feedback.diagnostic_id.make_ascii_lowercase();
                feedback
            })
            .collect(),
    })
}

/// Reads the bytes as a bundle of the current format (migrating older formats), without checking
/// its content against a questionnaire; returns it with the format version found in the file.
pub fn read_bundle(bytes: &[u8]) -> Result<(Bundle, u32), Vec<BundleProblem>> {
    let whole = |error: BundleError| vec![BundleProblem::new("", error)];
    if bytes.len() > MAX_FILE_BYTES {
        return Err(whole(BundleError::TooLarge { size: bytes.len() }));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(whole(BundleError::Empty));
    }
    let value = strict_json::parse_json(bytes).map_err(whole)?;
    let version = read_header(&value)?;
    let problems = limits::check_limits(&value);
    if !problems.is_empty() {
        return Err(problems);
    }
    let bundle = match version {
        0 => migrate::from_v0(&value),
        _ => typed::from_value::<Bundle>(&value, ""),
    }
    .map_err(|problem| vec![problem])?;
    Ok((bundle, version))
}

/// Checks the format name and version: the two fields every format version keeps.
fn read_header(value: &Value) -> Result<u32, Vec<BundleProblem>> {
    let not_a_bundle = |at: &str| vec![BundleProblem::new(at, BundleError::NotABundle)];
    let Value::Object(map) = value else {
        return Err(not_a_bundle(""));
    };
    match map.get("format") {
        Some(Value::String(name)) if name == FORMAT_NAME => {}
        Some(_) => return Err(not_a_bundle("format")),
        None => return Err(not_a_bundle("")),
    }
    match map.get("format_version") {
        None => Err(vec![BundleProblem::new(
            "format_version",
            BundleError::MissingField,
        )]),
        Some(Value::Number(number)) => match number.as_u64() {
            Some(version) if version > u64::from(FORMAT_VERSION) => Err(vec![BundleProblem::new(
                "format_version",
                BundleError::FutureFormat { version },
            )]),
            Some(version) => Ok(version as u32),
            None => Err(vec![BundleProblem::new(
                "format_version",
                BundleError::InvalidValue(format!(
                    "{number} n'est pas un numéro de version (nombre entier positif attendu)"
                )),
            )]),
        },
        Some(_) => Err(vec![BundleProblem::new(
            "format_version",
            BundleError::WrongType {
                found: "une valeur d'un autre type".to_string(),
                expected: "un nombre entier positif".to_string(),
            },
        )]),
    }
}
