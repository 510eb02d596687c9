//! MOT's workspace (`/mot`): import many towns' files at once, the territories table with its
//! search, filters and sort, the dashboard over the matching territories, and the CSV downloads.
//! One territory is followed at `/mot/territoire/:id` ([`territory`]).

mod bulk_import;
mod dashboard;
mod feedback_form;
pub mod good_practices;
mod question_comments;
mod table;
pub mod territory;

use std::sync::Arc;

use domain::workspace::{query_positions, TerritoryRow};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::notice::ErrorNotice;
use crate::platform::set_page_title;
use crate::state::workspace::{load_workspace, WorkspaceData};

use bulk_import::BulkImportPanel;
use dashboard::DashboardPanel;
use table::{CsvDownloads, TableView, TerritoriesTable};

/// Address of MOT's follow-up page of a territory.
pub fn territory_href(diagnostic_id: &str) -> String {
    format!("/mot/territoire/{diagnostic_id}")
}

/// The rows at the given positions.
pub(crate) fn rows_at<'w>(
    workspace: &'w WorkspaceData,
    positions: &[usize],
) -> Vec<&'w TerritoryRow> {
    positions
        .iter()
        .filter_map(|&p| workspace.rows.get(p))
        .collect()
}

/// The MOT workspace page.
#[component]
pub fn MotWorkspacePage() -> impl IntoView {
    set_page_title("Espace MOT");
    let workspace = RwSignal::new(None::<Arc<WorkspaceData>>);
    let error = RwSignal::new(None::<String>);
    let table = TableView::new();
    let query = table.query;
    spawn_local(async move {
        match load_workspace().await {
            Ok(loaded) => workspace.set(Some(Arc::new(loaded))),
            Err(problem) => error.set(Some(problem.to_string())),
        }
    });
    let matching = Memo::new(move |_| {
        workspace.with(|w| {
            w.as_ref()
                .map(|w| query.with(|q| query_positions(&w.rows, q)))
                .unwrap_or_default()
        })
    });
    view! {
        <h1>"Espace MOT"</h1>
        <p>
            "Cet espace sert à la MOT : importer les diagnostics envoyés par les communes, les suivre, "
            "en tirer une vue d'ensemble et renvoyer un retour à chaque commune. Tout reste sur cet "
            "appareil ; les notes internes de la MOT ne sont jamais envoyées."
        </p>
        <BulkImportPanel on_done=move |loaded| workspace.set(Some(Arc::new(loaded)))/>
        {move || error.get().map(|message| view! { <ErrorNotice message/> })}
        {move || match workspace.get() {
            None => view! { <p>"Chargement des territoires…"</p> }.into_any(),
            Some(data) if data.rows.is_empty() => view! {
                <section aria-labelledby="mot-territoires" data-testid="mot-territories">
                    <h2 id="mot-territoires">"Territoires"</h2>
                    <p>"Aucun diagnostic sur cet appareil pour l'instant : importez les fichiers reçus des communes."</p>
                </section>
            }
            .into_any(),
            Some(data) => view! {
                <TerritoriesTable workspace=data.clone() table matching/>
                <CsvDownloads workspace=data.clone() matching/>
                <DashboardPanel workspace=data matching/>
            }
            .into_any(),
        }}
    }
}
