//! The dashboard of MOT's workspace, over the territories the table shows: mean theme scores
//! (overall and by border), obstacles, training interests, support requested, good practices
//! and the questions most often answered "ne sait pas".

use std::sync::Arc;

use domain::listing::count_of;
use domain::workspace::{
    build_dashboard, good_practices_of, Dashboard, GoodPracticeEntry, RankedItem,
};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::notice::ErrorNotice;
use crate::state::diagnostics::questionnaire;
use crate::state::workspace::WorkspaceData;

use super::{rows_at, territory_href};

/// How many lines the ranked lists show (the CSV has everything).
const TOP: usize = 10;

/// The dashboard, recomputed when the territories matching the search and filters change.
#[component]
pub fn DashboardPanel(workspace: Arc<WorkspaceData>, matching: Memo<Vec<usize>>) -> impl IntoView {
    let Ok(questionnaire) = questionnaire() else {
        return view! { <ErrorNotice message="Questionnaire indisponible."/> }.into_any();
    };
    // The figures do not depend on the order of the rows: keyed on the set of matching rows,
    // they are not rebuilt (nor redrawn) when the table is only sorted again.
    let matching_set = Memo::new(move |_| {
        let mut positions = matching.get();
        positions.sort_unstable();
        positions
    });
    let dashboard = {
        let workspace = workspace.clone();
        Memo::new(move |_| {
            matching_set.with(|positions| {
                build_dashboard(
                    questionnaire,
                    &workspace.diagnostics,
                    rows_at(&workspace, positions),
                )
            })
        })
    };
    // Good practices follow the table's order.
    let practices = Memo::new(move |_| {
        matching.with(|positions| {
            good_practices_of(
                questionnaire,
                &workspace.diagnostics,
                rows_at(&workspace, positions),
            )
        })
    });
    view! {
        <section aria-labelledby="mot-tableau-de-bord" class="mot-section" data-testid="mot-dashboard">
            <h2 id="mot-tableau-de-bord">"Tableau de bord"</h2>
            <p>"Calculé sur tous les territoires retenus par la recherche et les filtres du tableau, y compris ceux que le tableau n'affiche pas encore."</p>
            {move || view! { <DashboardBody dashboard=dashboard.get()/> }}
            {move || view! { <GoodPractices practices=practices.get()/> }}
        </section>
    }
    .into_any()
}

#[component]
fn DashboardBody(dashboard: Dashboard) -> impl IntoView {
    let percent = |p: Option<u8>| {
        p.map(|p| format!("{p} %"))
            .unwrap_or_else(|| "—".to_string())
    };
    let borders = dashboard.by_border.clone();
    let border_headers = borders
        .iter()
        .map(|b| view! { <th scope="col">{format!("{} ({})", b.country_name, b.territories)}</th> })
        .collect_view();
    let theme_rows = dashboard
        .themes
        .iter()
        .enumerate()
        .map(|(index, theme)| {
            let by_border = borders
                .iter()
                .map(|b| view! { <td class="number">{percent(b.themes.get(index).and_then(|t| t.mean_percent()))}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{theme.title.clone()}</th>
                    <td class="number">{percent(theme.mean_percent())}</td>
                    <td class="number">{theme.territories}</td>
                    {by_border}
                </tr>
            }
        })
        .collect_view();
    let overall_by_border = borders
        .iter()
        .map(|b| view! { <td class="number">{percent(b.overall_mean_percent)}</td> })
        .collect_view();
    let obstacles = dashboard
        .obstacles
        .iter()
        .take(TOP)
        .map(|o| {
            view! {
                <li>
                    {o.label}
                    {format!(
                        " : {}, {}",
                        count_of(o.territories, "territoire", "territoires"),
                        count_of(o.answers, "réponse", "réponses")
                    )}
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>"Scores moyens par thème"</h3>
        <p data-testid="dashboard-overall">
            {format!(
                "{} ; score global moyen : {}.",
                count_of(dashboard.territories, "territoire", "territoires"),
                percent(dashboard.overall_mean_percent)
            )}
        </p>
        <h3>"Par frontière"</h3>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Scores moyens par frontière">
            <table class="data-table data-table--wide">
                <caption>"Score moyen de chaque thème, pour tous les territoires puis par pays voisin (nombre de territoires entre parenthèses)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Thème"</th>
                        <th scope="col">"Tous"</th>
                        <th scope="col">"Territoires notés"</th>
                        {border_headers}
                    </tr>
                </thead>
                <tbody>
                    {theme_rows}
                    <tr>
                        <th scope="row">"Score global"</th>
                        <td class="number">{percent(dashboard.overall_mean_percent)}</td>
                        <td class="number">{dashboard.territories}</td>
                        {overall_by_border}
                    </tr>
                </tbody>
            </table>
        </div>
        <h3>"Obstacles les plus fréquents"</h3>
        {if dashboard.obstacles.is_empty() {
            view! { <p>"Aucun obstacle signalé."</p> }.into_any()
        } else {
            view! { <ol class="ranked">{obstacles}</ol> }.into_any()
        }}
        <h3>"Formations souhaitées"</h3>
        <p class="field-help">"Pour planifier les webinaires : les thèmes les plus demandés d'abord."</p>
        <RankedList items=dashboard.training_interests.clone() empty="Aucune formation demandée."/>
        <h3>"Appuis demandés"</h3>
        <RankedList items=dashboard.support_requests.clone() empty="Aucun appui demandé."/>
        <h3>"Questions le plus souvent sans réponse"</h3>
        <p class="field-help">"Les questions auxquelles les communes ont le plus souvent répondu « ne sait pas »."</p>
        <RankedList items=dashboard.unknowns.clone() empty="Aucune réponse « ne sait pas »."/>
    }
}

/// The good practices declared, the first ones in the table's order.
#[component]
fn GoodPractices(practices: Vec<GoodPracticeEntry>) -> impl IntoView {
    view! {
        <h3>"Bonnes pratiques"</h3>
        {if practices.is_empty() {
            view! { <p>"Aucune bonne pratique déclarée."</p> }.into_any()
        } else {
            let count = practices.len();
            view! {
                <p>{format!(
                    "{} ; la liste complète est dans le CSV et dans le ",
                    count_of(count, "bonne pratique déclarée", "bonnes pratiques déclarées")
                )}<A href="/mot/bonnes-pratiques">"recueil à imprimer"</A>"."</p>
                <ul class="ranked">
                    {practices
                        .into_iter()
                        .take(TOP)
                        .map(|p| view! {
                            <li>
                                <A href=territory_href(&p.diagnostic_id)>{p.commune}</A>
                                " : " {p.title}
                                {p.theme_title.map(|t| format!(" ({t})"))}
                            </li>
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

/// The first items of a ranking, with their count of territories.
#[component]
fn RankedList(items: Vec<RankedItem>, empty: &'static str) -> impl IntoView {
    if items.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <ol class="ranked">
            {items
                .into_iter()
                .take(TOP)
                .map(|item| view! {
                    <li>
                        {item.label}
                        {item.context.map(|c| format!(" ({c})"))}
                        {format!(" : {}", count_of(item.count, "territoire", "territoires"))}
                    </li>
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}
