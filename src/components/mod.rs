//! Reusable widgets shared by the pages.

pub mod layout;
pub mod notice;
pub mod question;
pub mod save_status;
pub mod step_list;
