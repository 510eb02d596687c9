//! Diagnostic des opportunités transfrontalières: the offline-first web app.
//!
//! A Leptos client-side app for the Petites Villes de Demain near a border: the town fills in a
//! guided cross-border self-assessment, kept in IndexedDB on its own device. Layers:
//! `storage` (the only code touching IndexedDB), `state` (use cases), `components` (reusable
//! widgets), `pages` (one page a file). The domain logic lives in the pure `domain` crate.

pub mod components;
pub mod crash;
pub mod error;
pub mod lazy_pages;
pub mod pages;
pub mod platform;
pub mod pwa;
pub mod state;
pub mod storage;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy};

use components::connection_banner::ConnectionBanner;
use components::layout::{SiteFooter, SiteHeader};
use lazy_pages::{
    GoodPracticesRoute, ImportRoute, MotWorkspaceRoute, ResourcesRoute, TerritoryRoute,
};
use pages::diagnostic::{DiagnosticOverview, DiagnosticWorkspace};
use pages::{home::HomePage, not_found::NotFoundPage, step::StepPage};
use pages::{project_sheet::ProjectSheetPage, projects::ProjectsPage, report::ReportPage};

/// The whole app: shell (header, main, footer) and routes.
#[component]
pub fn App() -> impl IntoView {
    let service_worker = pwa::AppUpdates::start();
    view! {
        <Router base=pwa::app_base()>
            // Handled here: with the document's `<base href>`, "#contenu" would lead to the home
            // page, and the router would take the click for a navigation.
            <a
                class="skip-link"
                href="#contenu"
                on:click=|event| {
                    event.prevent_default();
                    platform::focus_first("#contenu");
                }
            >
                "Aller au contenu"
            </a>
            <components::route_focus::RouteFocus/>
            <SiteHeader/>
            <pwa::UpdateBanner state=service_worker/>
            <ConnectionBanner/>
            <main id="contenu" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/importer") view={Lazy::<ImportRoute>::new()}/>
                    <Route path=path!("/ressources") view={Lazy::<ResourcesRoute>::new()}/>
                    <Route path=path!("/mot") view={Lazy::<MotWorkspaceRoute>::new()}/>
                    <Route path=path!("/mot/bonnes-pratiques") view={Lazy::<GoodPracticesRoute>::new()}/>
                    <Route path=path!("/mot/territoire/:id") view={Lazy::<TerritoryRoute>::new()}/>
                    <ParentRoute path=path!("/diagnostic/:id") view=DiagnosticWorkspace>
                        <Route path=path!("") view=DiagnosticOverview/>
                        // Static segments first: the first route that matches wins.
                        <Route path=path!("rapport") view=ReportPage/>
                        <Route path=path!("projets") view=ProjectsPage/>
                        <Route path=path!("projets/:project") view=ProjectSheetPage/>
                        <Route path=path!(":step") view=StepPage/>
                    </ParentRoute>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
