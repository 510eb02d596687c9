//! Storage on this device: the IndexedDB database, its schema upgrades, the page's connection
//! to it, and the repository.
//!
//! Nothing else in the app touches IndexedDB.

mod answers_upgrade;
mod connection;
mod database;
mod error;
pub mod journal;
mod repository;

pub use answers_upgrade::CARRIED_VERSION_KEY;
pub use connection::{
    connection_state, shared_repository, ConnectionState, CLOSING_EVENT, CONNECTION_EVENT,
};
pub use database::{
    open_database, open_database_at, DB_NAME, DB_VERSION, STORE_DIAGNOSTICS, STORE_FEEDBACK,
    STORE_META, STORE_MOT_REVIEWS,
};
pub use error::StorageError;
pub use repository::{ListedDiagnostic, Repository};
