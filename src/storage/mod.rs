//! Storage on this device: the IndexedDB database, its schema upgrades and the repository.
//!
//! Nothing else in the app touches IndexedDB.

mod database;
mod error;
pub mod journal;
mod repository;

use std::cell::RefCell;

pub use database::{
    open_database, open_database_at, DB_NAME, DB_VERSION, STORE_DIAGNOSTICS, STORE_FEEDBACK,
    STORE_META, STORE_MOT_REVIEWS,
};
pub use error::StorageError;
pub use repository::{ListedDiagnostic, Repository};

thread_local! {
    /// The app's repository, opened once per page.
    static SHARED: RefCell<Option<Repository>> = const { RefCell::new(None) };
}

/// The app's repository on the default database, opened on first use.
pub async fn shared_repository() -> Result<Repository, StorageError> {
    if let Some(repository) = SHARED.with(|shared| shared.borrow().clone()) {
        return Ok(repository);
    }
    let repository = Repository::open(DB_NAME).await?;
    SHARED.with(|shared| *shared.borrow_mut() = Some(repository.clone()));
    Ok(repository)
}
