//! Opening the IndexedDB database and upgrading its schema one version at a time.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;

use super::answers_upgrade::carry_stored_diagnostics;
use super::StorageError;

/// Name of the app's database.
pub const DB_NAME: &str = "diagnostic-transfrontalier";
/// Schema version this build of the app writes.
pub const DB_VERSION: u32 = 3;
/// First schema version whose diagnostics are carried to the current questionnaire version
/// when the database opens (see [`super::answers_upgrade`]).
const CARRIES_ANSWERS_FROM: u32 = 3;
/// Store of diagnostics, keyed by their `id` field.
pub const STORE_DIAGNOSTICS: &str = "diagnostics";
/// Store of app metadata (last backup time, settings), with out-of-line string keys.
pub const STORE_META: &str = "meta";
/// Store of MOT's own review of a town's diagnostic (status, notes), keyed by `diagnostic_id`;
/// kept apart from the town's data (schema version 2).
pub const STORE_MOT_REVIEWS: &str = "mot_reviews";
/// Store of the feedback MOT sent back about a diagnostic, keyed by `diagnostic_id` (schema version 2).
pub const STORE_FEEDBACK: &str = "feedback";

/// Opens (creating or upgrading as needed) the database `name` at the current schema version.
pub async fn open_database(name: &str) -> Result<Database, StorageError> {
    open_database_at(name, DB_VERSION).await
}

/// Opens `name` at a given schema version; tests use it to write data with an older schema.
pub async fn open_database_at(name: &str, version: u32) -> Result<Database, StorageError> {
    open_database_reporting_blocked(name, version, || {}).await
}

/// Opens `name` at `version`, calling `on_blocked` if the opening has to wait for other
/// connections to close (an upgrade while a tab of an older version holds the database).
pub async fn open_database_reporting_blocked(
    name: &str,
    version: u32,
    on_blocked: impl FnOnce() + 'static,
) -> Result<Database, StorageError> {
    let database = Database::open(name)
        .with_version(version)
        .with_on_blocked(move |_| {
            on_blocked();
            Ok(())
        })
        .with_on_upgrade_needed(|event, db| {
            // Versions are integers stored as f64 by the browser.
            let from = event.old_version() as u32;
            let to = event.new_version().map(|v| v as u32).unwrap_or(from);
            for step in (from + 1)..=to {
                upgrade_to(&db, step)?;
            }
            Ok(())
        })
        .await?;
    if version >= CARRIES_ANSWERS_FROM {
        // Best effort: should it fail (a full disk), the records stay as they were, every
        // change to one carries it first (`Repository::update`), and the next opening retries.
        if let Err(error) = carry_stored_diagnostics(&database).await {
            log::warn!("diagnostics not carried to the current questionnaire: {error}");
        }
    }
    Ok(database)
}

/// The schema change that brings the database to `version`.
///
/// Adding a schema version is adding one arm here and raising [`DB_VERSION`]:
/// a database several versions behind runs every step in order. A new questionnaire version
/// whose answers change (a step in `questionnaire_migrations.json`) needs a new schema version
/// too, even without a store change: tabs of the older app then hand the database over and can
/// no longer write older answers into carried records.
fn upgrade_to(db: &Database, version: u32) -> indexed_db_futures::Result<()> {
    match version {
        1 => {
            db.create_object_store(STORE_DIAGNOSTICS)
                .with_key_path(KeyPath::from("id"))
                .build()?;
            db.create_object_store(STORE_META).build()?;
        }
        2 => {
            db.create_object_store(STORE_MOT_REVIEWS)
                .with_key_path(KeyPath::from("diagnostic_id"))
                .build()?;
            db.create_object_store(STORE_FEEDBACK)
                .with_key_path(KeyPath::from("diagnostic_id"))
                .build()?;
        }
        // Questionnaire version 2: no store changes; the diagnostics are carried once the
        // database is open (`answers_upgrade`), with no tab of the older app left open.
        3 => {}
        _ => {}
    }
    Ok(())
}
