//! The repository of diagnostics and app metadata: the only code that reads or writes IndexedDB records.

use domain::bundle::{compare_timestamps, MotFeedback};
use domain::diagnostic_list::{most_recent_first, DiagnosticHeading};
use domain::workspace::MotReview;
use domain::Diagnostic;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::answers_upgrade::{carry_to_current, shipped};
use super::database::{
    open_database, STORE_DIAGNOSTICS, STORE_FEEDBACK, STORE_META, STORE_MOT_REVIEWS,
};
use super::StorageError;

/// A stored diagnostic as the home page lists it: its heading, and its record as the browser
/// read it, decoded in full only when shown.
#[derive(Clone, Debug)]
pub struct ListedDiagnostic {
    /// Its id, commune name and last change.
    pub heading: DiagnosticHeading,
    record: JsValue,
}

impl ListedDiagnostic {
    /// The whole diagnostic; `Unreadable` if the stored record does not decode.
    pub fn decode(&self) -> Result<Diagnostic, StorageError> {
        serde_wasm_bindgen::from_value(self.record.clone()).map_err(unreadable)
    }
}

/// Every record of a store as the browser keeps it, not decoded: the caller decodes what it needs.
pub(super) async fn all_records(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
) -> Result<Vec<JsValue>, StorageError> {
    Ok(store
        .get_all::<JsValue>()
        .primitive()?
        .await?
        .collect::<Result<Vec<_>, _>>()?)
}

/// A stored record that does not decode into the type expected.
fn unreadable(error: serde_wasm_bindgen::Error) -> StorageError {
    StorageError::Unreadable(error.to_string())
}

/// Typed access to the diagnostics and metadata kept on this device.
#[derive(Clone, Debug)]
pub struct Repository {
    db: Database,
}

impl Repository {
    /// Opens the repository backed by the database `name` (upgrading its schema if needed).
    pub async fn open(name: &str) -> Result<Self, StorageError> {
        Ok(Repository {
            db: open_database(name).await?,
        })
    }

    /// Wraps a database that is already open.
    pub fn from_database(db: Database) -> Self {
        Repository { db }
    }

    /// A readwrite transaction on one store (it rolls back unless committed).
    fn write_transaction(&self, store: &'static str) -> Result<Transaction<'_>, StorageError> {
        Ok(self
            .db
            .transaction(store)
            .with_mode(TransactionMode::Readwrite)
            .build()?)
    }

    /// Stores a new diagnostic; fails with `AlreadyExists` if its id is taken.
    pub async fn create(&self, diagnostic: &Diagnostic) -> Result<(), StorageError> {
        let tx = self.write_transaction(STORE_DIAGNOSTICS)?;
        let store = tx.object_store(STORE_DIAGNOSTICS)?;
        let existing: Option<String> = store
            .get_key(diagnostic.id.as_str())
            .with_key_type::<String>()
            .primitive()?
            .await?;
        if existing.is_some() {
            return Err(StorageError::AlreadyExists {
                id: diagnostic.id.clone(),
            });
        }
        store.put(diagnostic).serde()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads one diagnostic; fails with `NotFound` if there is none with this id.
    pub async fn get(&self, id: &str) -> Result<Diagnostic, StorageError> {
        let tx = self.db.transaction(STORE_DIAGNOSTICS).build()?;
        let store = tx.object_store(STORE_DIAGNOSTICS)?;
        let found: Option<Diagnostic> = store.get(id).serde()?.await?;
        found.ok_or_else(|| StorageError::NotFound { id: id.to_string() })
    }

    /// Every diagnostic on this device, the most recently changed first.
    pub async fn list(&self) -> Result<Vec<Diagnostic>, StorageError> {
        let tx = self.db.transaction(STORE_DIAGNOSTICS).build()?;
        let store = tx.object_store(STORE_DIAGNOSTICS)?;
        let mut diagnostics = store
            .get_all::<Diagnostic>()
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        diagnostics.sort_by(|a, b| compare_timestamps(&b.updated_at, &a.updated_at));
        Ok(diagnostics)
    }

    /// Every diagnostic on this device as the home page lists it, the most recently changed
    /// first: its heading decoded, the rest left in the browser's copy of the record.
    ///
    /// With a thousand diagnostics, decoding them all made the home page about a third slower
    /// (docs/performance.md); the list decodes only the page it shows
    /// ([`ListedDiagnostic::decode`]).
    pub async fn list_headed(&self) -> Result<Vec<ListedDiagnostic>, StorageError> {
        let tx = self.db.transaction(STORE_DIAGNOSTICS).build()?;
        let store = tx.object_store(STORE_DIAGNOSTICS)?;
        let records = all_records(&store).await?;
        let mut headings = Vec::with_capacity(records.len());
        for record in &records {
            headings.push(serde_wasm_bindgen::from_value(record.clone()).map_err(unreadable)?);
        }
        let mut listed: Vec<ListedDiagnostic> = headings
            .into_iter()
            .zip(records)
            .map(|(heading, record)| ListedDiagnostic { heading, record })
            .collect();
        listed.sort_by(|a, b| most_recent_first(&a.heading, &b.heading));
        Ok(listed)
    }

    /// Changes one diagnostic in a single transaction and returns it as stored.
    ///
    /// The record is read and written back inside one readwrite transaction, which the
    /// browser serialises across tabs: a change made by another tab in between is never
    /// overwritten by a stale copy, since `change` always runs on the latest record.
    pub async fn update<F>(&self, id: &str, change: F) -> Result<Diagnostic, StorageError>
    where
        F: FnOnce(&mut Diagnostic),
    {
        let tx = self.write_transaction(STORE_DIAGNOSTICS)?;
        let store = tx.object_store(STORE_DIAGNOSTICS)?;
        let found: Option<Diagnostic> = store.get(id).serde()?.await?;
        let mut diagnostic = found.ok_or_else(|| StorageError::NotFound { id: id.to_string() })?;
        // Opening the database carries every record to the current questionnaire; one it
        // could not (a full disk then) is carried here, inside this change's transaction.
        if let Some((questionnaire, table)) = shipped() {
            carry_to_current(&mut diagnostic, table, questionnaire);
        }
        change(&mut diagnostic);
        store.put(&diagnostic).serde()?.await?;
        tx.commit().await?;
        Ok(diagnostic)
    }

    /// Deletes one diagnostic; fails with `NotFound` if there is none with this id.
    pub async fn delete(&self, id: &str) -> Result<(), StorageError> {
        let tx = self.write_transaction(STORE_DIAGNOSTICS)?;
        let store = tx.object_store(STORE_DIAGNOSTICS)?;
        let existing: Option<String> = store
            .get_key(id)
            .with_key_type::<String>()
            .primitive()?
            .await?;
        if existing.is_none() {
            return Err(StorageError::NotFound { id: id.to_string() });
        }
        store.delete(id).primitive()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes imported diagnostics and MOT feedback in ONE transaction: all of it, or nothing.
    pub async fn import(
        &self,
        diagnostics: &[Diagnostic],
        feedback: &[MotFeedback],
    ) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction([STORE_DIAGNOSTICS, STORE_FEEDBACK])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let diagnostic_store = tx.object_store(STORE_DIAGNOSTICS)?;
        let feedback_store = tx.object_store(STORE_FEEDBACK)?;
        // Every request is sent before any is awaited: the browser runs them back to back
        // instead of waiting for a round trip after each (a bulk import writes hundreds).
        let mut requests = Vec::with_capacity(diagnostics.len() + feedback.len());
        for diagnostic in diagnostics {
            requests.push(diagnostic_store.put(diagnostic).serde()?);
        }
        for item in feedback {
            requests.push(feedback_store.put(item).serde()?);
        }
        for request in requests {
            request.await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every feedback MOT sent back that is kept on this device.
    pub async fn list_feedback(&self) -> Result<Vec<MotFeedback>, StorageError> {
        let tx = self.db.transaction(STORE_FEEDBACK).build()?;
        let store = tx.object_store(STORE_FEEDBACK)?;
        let feedback = store
            .get_all::<MotFeedback>()
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(feedback)
    }

    /// The feedback kept about one diagnostic, if any.
    pub async fn get_feedback(
        &self,
        diagnostic_id: &str,
    ) -> Result<Option<MotFeedback>, StorageError> {
        let tx = self.db.transaction(STORE_FEEDBACK).build()?;
        let store = tx.object_store(STORE_FEEDBACK)?;
        Ok(store.get(diagnostic_id).serde()?.await?)
    }

    /// Reads the feedback about one diagnostic and writes what `decide` makes of it (`None`:
    /// nothing to write), in one transaction: two tabs saving at once write one after the
    /// other, each from what the other stored.
    pub async fn update_feedback<F>(
        &self,
        diagnostic_id: &str,
        decide: F,
    ) -> Result<(), StorageError>
    where
        F: FnOnce(Option<MotFeedback>) -> Option<MotFeedback>,
    {
        let tx = self.write_transaction(STORE_FEEDBACK)?;
        let store = tx.object_store(STORE_FEEDBACK)?;
        let stored: Option<MotFeedback> = store.get(diagnostic_id).serde()?.await?;
        if let Some(feedback) = decide(stored) {
            store.put(&feedback).serde()?.await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Writes the feedback about one diagnostic (MOT's draft, on MOT's device).
    pub async fn put_feedback(&self, feedback: &MotFeedback) -> Result<(), StorageError> {
        let tx = self.write_transaction(STORE_FEEDBACK)?;
        let store = tx.object_store(STORE_FEEDBACK)?;
        store.put(feedback).serde()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every review MOT wrote (status, internal notes), kept apart from the towns' data.
    pub async fn list_reviews(&self) -> Result<Vec<MotReview>, StorageError> {
        let tx = self.db.transaction(STORE_MOT_REVIEWS).build()?;
        let store = tx.object_store(STORE_MOT_REVIEWS)?;
        let reviews = store
            .get_all::<MotReview>()
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(reviews)
    }

    /// MOT's review of one diagnostic, if it wrote one.
    pub async fn get_review(&self, diagnostic_id: &str) -> Result<Option<MotReview>, StorageError> {
        let tx = self.db.transaction(STORE_MOT_REVIEWS).build()?;
        let store = tx.object_store(STORE_MOT_REVIEWS)?;
        Ok(store.get(diagnostic_id).serde()?.await?)
    }

    /// Changes MOT's review of one diagnostic in one transaction, from the stored review (or
    /// `blank` when there is none): another tab's change to another field is kept.
    pub async fn update_review<F>(
        &self,
        blank: MotReview,
        change: F,
    ) -> Result<MotReview, StorageError>
    where
        F: FnOnce(&mut MotReview),
    {
        let tx = self.write_transaction(STORE_MOT_REVIEWS)?;
        let store = tx.object_store(STORE_MOT_REVIEWS)?;
        let found: Option<MotReview> = store.get(blank.diagnostic_id.as_str()).serde()?.await?;
        let mut review = found.unwrap_or(blank);
        change(&mut review);
        store.put(&review).serde()?.await?;
        tx.commit().await?;
        Ok(review)
    }

    /// Writes MOT's review of one diagnostic.
    pub async fn put_review(&self, review: &MotReview) -> Result<(), StorageError> {
        let tx = self.write_transaction(STORE_MOT_REVIEWS)?;
        let store = tx.object_store(STORE_MOT_REVIEWS)?;
        store.put(review).serde()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads a metadata value, `None` when it was never written.
    pub async fn get_meta<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        let tx = self.db.transaction(STORE_META).build()?;
        let store = tx.object_store(STORE_META)?;
        Ok(store.get(key).serde()?.await?)
    }

    /// Writes a metadata value.
    pub async fn set_meta<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        let tx = self.write_transaction(STORE_META)?;
        let store = tx.object_store(STORE_META)?;
        store.put(value).with_key(key.to_string()).serde()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes the database and deletes it with all its data (used by tests).
    pub async fn delete_database(self) -> Result<(), StorageError> {
        self.db.delete()?.await?;
        Ok(())
    }
}
