//! The app's pages, one a file.

pub mod diagnostic;
pub mod home;
pub mod import;
pub mod mot;
pub mod not_found;
pub mod project_sheet;
pub mod projects;
pub mod report;
pub mod resources;
pub mod review;
pub mod step;
