//! The pages loaded on demand.
//!
//! Only the home page is in the first download; every other page is a
//! `LazyRoute`: the release build (`scripts/build_wasm`) splits its code into a separate wasm
//! chunk, fetched the first time the page opens (and precached by the service worker for
//! offline use). Pages sharing code share chunks. Each route has no data of its own to start
//! early: the pages load what they need from IndexedDB once shown.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use crate::pages::diagnostic::{DiagnosticOverview, DiagnosticWorkspace};
use crate::pages::import::ImportPage;
use crate::pages::mot::{territory::TerritoryPage, MotWorkspacePage};
use crate::pages::{project_sheet::ProjectSheetPage, projects::ProjectsPage};
use crate::pages::{report::ReportPage, step::StepPage};

/// `/importer`: importing a bundle.
pub struct ImportRoute;

#[lazy_route]
impl LazyRoute for ImportRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <ImportPage/> }.into_any()
    }
}

/// `/mot`: MOT's workspace.
pub struct MotWorkspaceRoute;

#[lazy_route]
impl LazyRoute for MotWorkspaceRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <MotWorkspacePage/> }.into_any()
    }
}

/// `/mot/territoire/:id`: MOT's follow-up of one territory.
pub struct TerritoryRoute;

#[lazy_route]
impl LazyRoute for TerritoryRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <TerritoryPage/> }.into_any()
    }
}

/// `/diagnostic/:id/…`: the frame of a diagnostic (its steps' table of contents), around the pages below.
pub struct DiagnosticRoute;

#[lazy_route]
impl LazyRoute for DiagnosticRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <DiagnosticWorkspace/> }.into_any()
    }
}

/// `/diagnostic/:id`: the overview of a diagnostic.
pub struct OverviewRoute;

#[lazy_route]
impl LazyRoute for OverviewRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <DiagnosticOverview/> }.into_any()
    }
}

/// `/diagnostic/:id/rapport`: the report.
pub struct ReportRoute;

#[lazy_route]
impl LazyRoute for ReportRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <ReportPage/> }.into_any()
    }
}

/// `/diagnostic/:id/projets`: the list of project sheets.
pub struct ProjectsRoute;

#[lazy_route]
impl LazyRoute for ProjectsRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <ProjectsPage/> }.into_any()
    }
}

/// `/diagnostic/:id/projets/:project`: one project sheet.
pub struct ProjectSheetRoute;

#[lazy_route]
impl LazyRoute for ProjectSheetRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <ProjectSheetPage/> }.into_any()
    }
}

/// `/diagnostic/:id/:step`: one step of the questionnaire.
pub struct StepRoute;

#[lazy_route]
impl LazyRoute for StepRoute {
    fn data() -> Self {
        Self
    }
    fn view(_this: Self) -> AnyView {
        view! { <StepPage/> }.into_any()
    }
}
