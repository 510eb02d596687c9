//! Reusable widgets shared by the pages.

pub mod catalogue_items;
pub mod connection_banner;
pub mod export_button;
pub mod file_drop_zone;
pub mod form_fields;
pub mod layout;
pub mod mot_feedback;
pub mod notice;
pub mod private_note;
pub mod question;
pub mod radar_chart;
pub mod reference_facts;
pub mod route_focus;
pub mod save_status;
pub mod step_list;
pub mod storage_panel;
