//! Application state and the use cases the pages call: they join the domain, storage and platform.

pub mod broadcast;
pub mod bundles;
pub mod diagnostics;
pub mod downloads;
pub mod feedback_draft;
pub mod file_bytes;
pub mod projects;
pub mod review_journal;
pub mod session;
pub mod steps;
pub mod workspace;
