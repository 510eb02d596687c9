//! Reusable widgets shared by the pages.

pub mod layout;
pub mod notice;
