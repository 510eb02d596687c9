//! The JSON bundle exchange format (`docs/bundle-format.md`, `docs/bundle.schema.json`):
//! writing bundles, reading untrusted files into checked items, migrating older versions,
//! and planning an import (new / identical / newer / older / conflict) before anything is written.
//!
//! A bundle is data only: its texts are never HTML and nothing in it is executed. The app shows
//! them as text.

#![warn(missing_docs)]

mod answers_migration;
mod backup_files;
mod canonical;
mod error;
mod export;
mod format;
mod limits;
mod migrate;
mod parse;
mod path;
mod plan;
mod shapes;
mod strict_json;
mod typed;
mod validate;

pub use answers_migration::{
    carry_answer, embedded_migrations, keep_unmapped_answers, migrate_answers, MigrationReport,
    MigrationStep, MigrationTable, MovedAnswer, UnmappedAnswer, UNMAPPED_NOTE_KEY,
};
pub use backup_files::{backup_files, backup_files_within, BackupFile};
pub use canonical::{
    canonical_json, diagnostic_canonical_content, diagnostic_digest, feedback_digest, item_digest,
    sha256_hex,
};
pub use error::{BundleError, BundleProblem, BundleRejection, RejectionKind};
pub use export::{
    backup_file_name, export_backup, export_feedback, export_file_name, export_file_name_for,
    export_for_mot, feedback_file_name, slug, to_json_pretty,
};
pub use format::{
    closing_ids, option_ids, Bundle, BundleKind, DiagnosticItem, FeedbackItem, MotFeedback,
    MotStatus, Territory,
};
pub use parse::{
    check_file_size, file_too_large, parse_bundle, parse_bundle_with, read_bundle, ImportContext,
    IncomingDiagnostic, ValidBundle,
};
pub use plan::{
    apply_import, copy_of, plan_feedback_import, plan_import, ConflictChoice, FeedbackStatus,
    ImportDecision, ImportStatus, UnresolvedConflict, COPY_SUFFIX,
};
pub use shapes::{compare_timestamps, is_timestamp, is_uuid};

/// The format name every bundle states in its `format` field.
pub const FORMAT_NAME: &str = "diagnostic-transfrontalier-mot";

/// The format version this app writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Largest file accepted, in bytes (5 Mio); checked before the file is read.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Longest text accepted in any field, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Longest object key accepted (question ids, step ids…), in characters.
pub const MAX_KEY_CHARS: usize = 200;

/// Most entries in any list or object (diagnostics per bundle, answers per diagnostic…).
pub const MAX_ENTRIES: usize = 2_000;

/// Highest revision accepted in a file: far beyond what a town's edits reach (one a second for
/// thirty years), and far below the counter's own limit, so that later edits still raise it.
pub const MAX_REVISION: u32 = 1_000_000_000;

/// Most problems reported for one file (the rest are not looked for).
pub const MAX_PROBLEMS: usize = 50;
