//! Carrying the diagnostics stored under an older questionnaire version to the current one,
//! with the table an import uses (`domain::bundle::migrate_answers`): answers moved by the
//! declared mappings, what cannot be carried kept as text in the private note of answers not
//! carried over, never dropped.
//!
//! It runs when the app opens the database, in one readwrite transaction over the diagnostics
//! and the metadata, and notes in the metadata the questionnaire version the answers were
//! carried to, so that later openings skip the scan.
//!
//! Why there, and not at each read: a readwrite transaction is serialised with every other
//! (another tab's autosave is a read-modify-write in its own transaction, before or after this
//! one, never in between), each record is carried only when its version is older (so running
//! twice, or in two tabs opening at once, carries it once), and a page of this version reads
//! nothing before its opening has carried everything. A tab of the older app, which would keep
//! writing older answers, cannot interleave either: the carry comes with a schema version
//! (`DB_VERSION` 3), which that tab hands over on `versionchange` and can then no longer open.
//! The schema upgrade itself cannot hold the carry: `indexed_db_futures` gives its upgrade
//! callback no access to the `versionchange` transaction's stores.

use domain::bundle::{embedded_migrations, migrate_answers, MigrationTable};
use domain::{Diagnostic, Questionnaire};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

use super::database::{STORE_DIAGNOSTICS, STORE_META};
use super::repository::all_records;
use super::StorageError;

/// Metadata key: the questionnaire version every stored diagnostic was carried to.
pub const CARRIED_VERSION_KEY: &str = "answers_questionnaire_version";

/// Carries a diagnostic read from storage to the current questionnaire version, when it was
/// kept against an older version of this questionnaire; whether it changed.
pub fn carry_to_current(
    diagnostic: &mut Diagnostic,
    table: &MigrationTable,
    questionnaire: &Questionnaire,
) -> bool {
    let older = diagnostic.questionnaire_id == questionnaire.id
        && diagnostic.questionnaire_version < questionnaire.version;
    if older {
        // Neither the revision nor the time of change moves: the same file imported on
        // another device is carried the same way, and the two copies stay « identical ».
        migrate_answers(diagnostic, table, questionnaire);
    }
    older
}

/// The questionnaire and the migration table shipped with the app, when both read.
pub fn shipped() -> Option<(&'static Questionnaire, &'static MigrationTable)> {
    Some((Questionnaire::embedded().ok()?, embedded_migrations().ok()?))
}

/// Carries every stored diagnostic of an older questionnaire version to the current one, once.
pub async fn carry_stored_diagnostics(db: &Database) -> Result<(), StorageError> {
    let Some((questionnaire, table)) = shipped() else {
        // Without its questionnaire the app shows an error and writes nothing: nothing to do.
        return Ok(());
    };
    if carried_version(db).await? >= Some(questionnaire.version) {
        return Ok(());
    }
    let tx = db
        .transaction([STORE_DIAGNOSTICS, STORE_META])
        .with_mode(TransactionMode::Readwrite)
        .build()?;
    let store = tx.object_store(STORE_DIAGNOSTICS)?;
    let records = all_records(&store).await?;
    let mut requests = Vec::new();
    for record in records {
        // A record that does not decode is left as it is: the list says it is unreadable.
        let Ok(mut diagnostic) = serde_wasm_bindgen::from_value::<Diagnostic>(record) else {
            continue;
        };
        if carry_to_current(&mut diagnostic, table, questionnaire) {
            requests.push(store.put(&diagnostic).serde()?);
        }
    }
    for request in requests {
        request.await?;
    }
    tx.object_store(STORE_META)?
        .put(questionnaire.version)
        .with_key(CARRIED_VERSION_KEY.to_string())
        .serde()?
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The version noted by the last carry, in a read-only transaction (the usual case: nothing
/// to carry, and no readwrite transaction to wait for).
async fn carried_version(db: &Database) -> Result<Option<u32>, StorageError> {
    let tx = db.transaction(STORE_META).build()?;
    let store = tx.object_store(STORE_META)?;
    Ok(store.get(CARRIED_VERSION_KEY).serde()?.await?)
}
