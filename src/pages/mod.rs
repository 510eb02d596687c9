//! The app's pages, one a file.

pub mod diagnostic;
pub mod home;
pub mod not_found;
pub mod review;
pub mod step;
