//! Use cases on what a town builds from its diagnostic: the report, project sheets ("fiches
//! projet") and good practices. Every change goes through the editing session, so it is stored
//! like an answer: a choice at once, typed text after a short pause; each is journaled until
//! stored (the sheet or practice created, changed or deleted).

use std::cell::RefCell;
use std::rc::Rc;

use domain::project::{GoodPractice, ProjectSheet};
use domain::report::{build_report, project_sheet_from_opportunity, Report};
use domain::Diagnostic;
use leptos::prelude::*;

use crate::platform::{new_uuid, now_iso};
use crate::state::diagnostics::questionnaire;
use crate::state::session::{Commit, DiagnosticSession};
use crate::storage::journal::{Moment, PendingEdits};

/// Id (in the address) of the report page of a diagnostic.
pub const REPORT_PAGE_ID: &str = "rapport";
/// Title of the report page in the table of contents.
pub const REPORT_PAGE_TITLE: &str = "Rapport";
/// Id (in the address) of the projects and good practices page of a diagnostic.
pub const PROJECTS_PAGE_ID: &str = "projets";
/// Title of the projects page in the table of contents.
pub const PROJECTS_PAGE_TITLE: &str = "Projets et bonnes pratiques";

/// Address of the report of a diagnostic.
pub fn report_href(diagnostic_id: &str) -> String {
    format!("/diagnostic/{diagnostic_id}/{REPORT_PAGE_ID}")
}

/// Address of the project sheets and good practices of a diagnostic.
pub fn projects_href(diagnostic_id: &str) -> String {
    format!("/diagnostic/{diagnostic_id}/{PROJECTS_PAGE_ID}")
}

/// Address of one project sheet.
pub fn project_href(diagnostic_id: &str, sheet_id: &str) -> String {
    format!("/diagnostic/{diagnostic_id}/{PROJECTS_PAGE_ID}/{sheet_id}")
}

/// The report of a diagnostic, or the French message saying why it cannot be built.
pub fn report_of(diagnostic: &Diagnostic) -> Result<Report, String> {
    let questionnaire = questionnaire().map_err(|error| error.to_string())?;
    build_report(questionnaire, diagnostic).map_err(|error| error.to_string())
}

/// Stores a new blank project sheet and returns its id.
pub fn create_blank_sheet(session: DiagnosticSession) -> String {
    let now = now_iso();
    let sheet = ProjectSheet {
        id: new_uuid(),
        title: "Nouveau projet".to_string(),
        created_at: now.clone(),
        updated_at: now,
        ..ProjectSheet::default()
    };
    add_sheet(session, sheet)
}

/// Stores a project sheet started from an opportunity of the report and returns its id, or
/// `None` when the opportunity no longer applies (the answers changed meanwhile).
pub fn create_sheet_from_opportunity(session: DiagnosticSession, rule_id: &str) -> Option<String> {
    let report = session
        .diagnostic
        .with_untracked(|diagnostic| report_of(diagnostic).ok())?;
    let opportunity = report.opportunity(rule_id)?;
    let sheet = project_sheet_from_opportunity(
        opportunity,
        &report.recommendations,
        new_uuid(),
        &now_iso(),
    );
    Some(add_sheet(session, sheet))
}

fn add_sheet(session: DiagnosticSession, sheet: ProjectSheet) -> String {
    let id = sheet.id.clone();
    let created = id.clone();
    session.apply_journaled(
        move |diagnostic| {
            // The change runs on the tab's copy and again on the stored record: add it once.
            if !diagnostic.project_sheets.iter().any(|s| s.id == sheet.id) {
                diagnostic.project_sheets.push(sheet.clone());
            }
        },
        move |diagnostic, pending, moment| {
            let sheet = diagnostic.project_sheets.iter().find(|s| s.id == created);
            if let (Moment::AfterChange, Some(sheet)) = (moment, sheet) {
                pending.record_created_sheet(sheet);
            }
        },
        Commit::Now,
    );
    id
}

/// Changes one project sheet (if it still exists) and stamps it. Typed text
/// ([`Commit::AfterPause`]) must set a value; adding or removing goes with [`Commit::Now`].
pub fn update_sheet(
    session: DiagnosticSession,
    sheet_id: &str,
    commit: Commit,
    change: impl Fn(&mut ProjectSheet) + 'static,
) {
    // One copy of the code below for every caller's closure would cost the download.
    update_sheet_boxed(session, sheet_id, commit, Rc::new(change));
}

fn update_sheet_boxed(
    session: DiagnosticSession,
    sheet_id: &str,
    commit: Commit,
    change: Rc<dyn Fn(&mut ProjectSheet)>,
) {
    let sheet_id = sheet_id.to_string();
    let now = now_iso();
    let target = sheet_id.clone();
    let change = move |diagnostic: &mut Diagnostic| {
        if let Some(sheet) = diagnostic
            .project_sheets
            .iter_mut()
            .find(|s| s.id == target)
        {
            change(sheet);
            sheet.updated_at = now.clone();
        }
    };
    let journal_sheet = move |diagnostic: &Diagnostic, pending: &mut PendingEdits, moment| {
        if let Some(sheet) = diagnostic.project_sheets.iter().find(|s| s.id == sheet_id) {
            pending.record_sheet(moment, sheet);
        }
    };
    session.apply_journaled(change, journal_sheet, commit);
}

/// Deletes one project sheet.
pub fn delete_sheet(session: DiagnosticSession, sheet_id: &str) {
    let title = session.diagnostic.with_untracked(|d| {
        (d.project_sheets.iter())
            .find(|s| s.id == sheet_id)
            .map(|s| s.title.trim().to_string())
    });
    let notice = match title.as_deref() {
        Some("") | None => "La fiche projet sans titre a été supprimée.".to_string(),
        Some(title) => format!("La fiche projet « {title} » a été supprimée."),
    };
    DELETION_NOTICE.with(|slot| *slot.borrow_mut() = Some(notice));
    let sheet_id = sheet_id.to_string();
    let deleted = sheet_id.clone();
    session.apply_journaled(
        move |diagnostic| diagnostic.project_sheets.retain(|s| s.id != sheet_id),
        move |_, pending, moment| journal_deletion(pending, moment, &deleted),
        Commit::Now,
    );
}

thread_local! {
    /// What the projects page says after a sheet was deleted from its own page.
    static DELETION_NOTICE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The notice of the sheet just deleted, once (the projects page shows it on arrival).
pub fn take_deletion_notice() -> Option<String> {
    DELETION_NOTICE.with(|slot| slot.borrow_mut().take())
}

/// Journals the deletion of a sheet or practice, once it is done.
fn journal_deletion(pending: &mut PendingEdits, moment: Moment, id: &str) {
    if moment == Moment::AfterChange {
        pending.record_deleted_item(id);
    }
}

/// Stores a new, empty good practice and returns its id.
pub fn create_good_practice(session: DiagnosticSession) -> String {
    let practice = GoodPractice {
        id: new_uuid(),
        updated_at: now_iso(),
        ..GoodPractice::default()
    };
    let id = practice.id.clone();
    let created = id.clone();
    session.apply_journaled(
        move |diagnostic| {
            if !diagnostic
                .good_practices
                .iter()
                .any(|p| p.id == practice.id)
            {
                diagnostic.good_practices.push(practice.clone());
            }
        },
        move |diagnostic, pending, moment| {
            let practice = diagnostic.good_practices.iter().find(|p| p.id == created);
            if let (Moment::AfterChange, Some(practice)) = (moment, practice) {
                pending.record_created_good_practice(practice);
            }
        },
        Commit::Now,
    );
    id
}

/// Changes one good practice (if it still exists) and stamps it. Typed text
/// ([`Commit::AfterPause`]) must set a value.
pub fn update_good_practice(
    session: DiagnosticSession,
    practice_id: &str,
    commit: Commit,
    change: impl Fn(&mut GoodPractice) + 'static,
) {
    // One copy of the code below for every caller's closure would cost the download.
    update_good_practice_boxed(session, practice_id, commit, Rc::new(change));
}

fn update_good_practice_boxed(
    session: DiagnosticSession,
    practice_id: &str,
    commit: Commit,
    change: Rc<dyn Fn(&mut GoodPractice)>,
) {
    let practice_id = practice_id.to_string();
    let now = now_iso();
    let target = practice_id.clone();
    let change = move |diagnostic: &mut Diagnostic| {
        if let Some(practice) = diagnostic
            .good_practices
            .iter_mut()
            .find(|p| p.id == target)
        {
            change(practice);
            practice.updated_at = now.clone();
        }
    };
    let journal_practice = move |diagnostic: &Diagnostic, pending: &mut PendingEdits, moment| {
        if let Some(practice) = (diagnostic.good_practices.iter()).find(|p| p.id == practice_id) {
            pending.record_good_practice(moment, practice);
        }
    };
    session.apply_journaled(change, journal_practice, commit);
}

/// Deletes one good practice.
pub fn delete_good_practice(session: DiagnosticSession, practice_id: &str) {
    let practice_id = practice_id.to_string();
    let deleted = practice_id.clone();
    session.apply_journaled(
        move |diagnostic| diagnostic.good_practices.retain(|p| p.id != practice_id),
        move |_, pending, moment| journal_deletion(pending, moment, &deleted),
        Commit::Now,
    );
}

/// Title of a theme (questionnaire step) by id, for sheets and good practices.
pub fn theme_title(theme_id: &str) -> Option<String> {
    questionnaire()
        .ok()
        .and_then(|q| q.step(theme_id))
        .map(|step| step.title.clone())
}

/// The themes a sheet or a good practice can belong to: (id, title), in questionnaire order.
pub fn theme_choices() -> Vec<(String, String)> {
    questionnaire()
        .map(|q| {
            q.theme_steps()
                .map(|step| (step.id.clone(), step.title.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// The countries a partner can be from: (code, French name), from the reference table.
pub fn country_choices() -> Vec<(String, String)> {
    domain::ReferenceTables::embedded()
        .map(|tables| {
            tables
                .countries
                .iter()
                .map(|c| (c.code.clone(), c.name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// French name of a country code (the code itself when unknown).
pub fn country_name(code: &str) -> String {
    domain::ReferenceTables::embedded()
        .ok()
        .and_then(|tables| tables.country(code))
        .map_or_else(|| code.to_string(), |c| c.name.clone())
}
