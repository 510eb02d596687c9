//! The app's error: what can go wrong in a use case, shown to the user in French.

use domain::diagnostic::CommuneNameError;

use crate::storage::StorageError;

/// An error a page shows to the user; its `Display` is the French message.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AppError {
    /// Storage failed (unavailable, full, missing record...).
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The commune name typed at creation was refused.
    #[error(transparent)]
    CommuneName(#[from] CommuneNameError),
}

impl AppError {
    /// Whether the error means a record does not exist (a stale link, a deleted diagnostic).
    pub fn is_not_found(&self) -> bool {
        matches!(self, AppError::Storage(StorageError::NotFound { .. }))
    }
}
