//! MOT's workspace: the bulk import of many towns' files, the territories table (rows, search, filters, sort), the dashboard across
//! territories, CSV exports for French spreadsheets, MOT's own review of each diagnostic and the
//! authoring of a feedback for one town.
//!
//! MOT's data ([`MotReview`]) is kept apart from the town's: nothing here changes a
//! [`Diagnostic`](crate::Diagnostic). Everything is computed once per diagnostic
//! ([`territory_rows`]) and then read by the query, the dashboard and the exports, so that a
//! workspace of a thousand territories stays quick.

#![warn(missing_docs)]

mod bulk;
mod compilation;
mod csv_export;
mod dashboard;
mod feedback;
mod normalize;
mod paging;
mod query;
mod review;
mod rows;
pub mod sample;
pub mod text;

pub use bulk::{plan_bulk, BulkPlan, BulkSummary, FileOutcome, FileReport};
pub use compilation::{
    compile_good_practices, practice_borders, BorderPractices, CompilationFilter, CompiledPractice,
    ThemePractices, NO_THEME, UNKNOWN_BORDER,
};
pub use csv_export::{good_practices_csv, territories_csv, CsvError};
pub use dashboard::{
    build_dashboard, good_practices_of, BorderScores, Dashboard, GoodPracticeEntry, ObstacleCount,
    RankedItem, ThemeAverage,
};
pub use feedback::{
    check_feedback, merge_feedback_edits, new_feedback, part_text, resume_draft, FeedbackError,
    FeedbackPart,
};
pub use normalize::normalize_for_search;
pub use paging::{count_territories, more_rows, table_summary, TABLE_PAGE_SIZE};
pub use query::{
    apply_query, filter_choices, query_positions, Column, Direction, FilterChoices, Filters,
    TableQuery,
};
pub use review::{review_of, MotReview};
pub use rows::{territory_row, territory_rows, TerritoryRow};
