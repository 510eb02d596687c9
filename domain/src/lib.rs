//! Pure domain of the cross-border diagnostic (diagnostic des opportunités transfrontalières).
//!
//! No browser code here: the types and logic of diagnostics, questionnaires and bundles,
//! tested on the host. The Leptos app depends on this crate, never the reverse.

pub mod answer;
pub mod backup;
pub mod bundle;
pub mod calendar;
pub mod diagnostic;
pub mod diagnostic_list;
pub mod directory;
pub mod edit_queue;
pub mod listing;
pub mod pending_edits;
pub mod project;
pub mod questionnaire;
pub mod reference;
pub mod report;
pub mod workspace;

pub use answer::Answer;
pub use diagnostic::{Diagnostic, DiagnosticStatus};
pub use questionnaire::{Question, QuestionKind, Questionnaire, Step, StepKind};
pub use reference::{suggest_programmes, Programme, ReferenceTables};
pub use report::{build_report, Report};
