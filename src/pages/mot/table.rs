//! The territories table of MOT's workspace: text search, a filter per column, sort by any
//! column, and the CSV downloads of what is shown.

use std::sync::Arc;

use domain::bundle::MotStatus;
use domain::workspace::{filter_choices, Column, Direction, Filters, TableQuery, TerritoryRow};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::notice::ErrorNotice;
use crate::error::AppError;
use crate::platform::format_datetime_fr;
use crate::state::workspace::{
    download_good_practices_csv, download_territories_csv, WorkspaceData,
};

use super::{rows_at, territory_href};

/// The sortable columns, with their French headers, in table order.
const COLUMNS: [(Column, &str); 10] = [
    (Column::Commune, "Commune"),
    (Column::InseeCode, "Code INSEE"),
    (Column::Departement, "Département"),
    (Column::Countries, "Pays voisin(s)"),
    (Column::Programmes, "Programme(s) Interreg"),
    (Column::Completion, "Avancement"),
    (Column::OverallScore, "Score global"),
    (Column::Revision, "Révision"),
    (Column::UpdatedAt, "Dernière modification"),
    (Column::MotStatus, "Statut MOT"),
];

/// Search, filters, and the table of the territories shown.
#[component]
pub fn TerritoriesTable(
    workspace: Arc<WorkspaceData>,
    query: RwSignal<TableQuery>,
    shown: Memo<Vec<usize>>,
) -> impl IntoView {
    let total = workspace.rows.len();
    let choices = filter_choices(&workspace.rows);
    let set_filter = move |change: fn(&mut Filters, Option<String>)| {
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            let value = (!value.is_empty()).then_some(value);
            query.update(|q| change(&mut q.filters, value));
        }
    };
    let status_choices: Vec<(String, String)> = MotStatus::ALL
        .iter()
        .map(|s| (status_code(*s).to_string(), s.label().to_string()))
        .collect();
    let rows = workspace.clone();
    view! {
        <section aria-labelledby="mot-territoires" class="mot-section" data-testid="mot-territories">
            <h2 id="mot-territoires">"Territoires"</h2>
            <div class="table-filters" role="search" aria-label="Rechercher et filtrer les territoires">
                <div class="form-field form-field--wide">
                    <label for="mot-search">"Rechercher (commune, code INSEE, département, programme)"</label>
                    <input
                        id="mot-search"
                        type="search"
                        prop:value=move || query.with(|q| q.search.clone())
                        on:input=move |event| {
                            let text = event_target_value(&event);
                            query.update(|q| q.search = text);
                        }
                    />
                </div>
                <FilterSelect id="mot-filter-departement" label="Département" options=choices.departements
                    on_change=set_filter(|f, v| f.departement = v)/>
                <FilterSelect id="mot-filter-pays" label="Pays voisin" options=choices.countries
                    on_change=set_filter(|f, v| f.country = v)/>
                <FilterSelect id="mot-filter-programme" label="Programme Interreg" options=choices.programmes
                    on_change=set_filter(|f, v| f.programme = v)/>
                <FilterSelect id="mot-filter-statut" label="Statut MOT" options=status_choices
                    on_change=set_filter(|f, v| f.mot_status = v.as_deref().and_then(status_of_code))/>
                <BoundFilter id="mot-filter-avancement" label="Avancement minimum (%)" input_type="number"
                    on_change=move |t: String| query.update(|q| q.filters.min_completion = percent_bound(&t))/>
                <BoundFilter id="mot-filter-score" label="Score minimum (%)" input_type="number"
                    on_change=move |t: String| query.update(|q| q.filters.min_score = percent_bound(&t))/>
                <BoundFilter id="mot-filter-depuis" label="Modifié depuis le" input_type="date"
                    on_change=move |t| query.update(|q| q.filters.updated_from = date_bound(t))/>
                <BoundFilter id="mot-filter-jusqu" label="Modifié jusqu'au" input_type="date"
                    on_change=move |t| query.update(|q| q.filters.updated_to = date_bound(t))/>
            </div>
            <p role="status" data-testid="mot-row-count">
                {move || format!("{} territoire(s) affiché(s) sur {total}", shown.with(Vec::len))}
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tableau des territoires">
                <table class="data-table data-table--wide" data-testid="territories-table">
                    <caption>"Territoires suivis (cliquez un en-tête pour trier)"</caption>
                    <thead>
                        <tr>
                            {COLUMNS.iter().map(|&(column, header)| view! { <SortHeader column header query/> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || shown.get()
                            key=|position| *position
                            children=move |position| {
                                let row = rows.rows.get(position).cloned();
                                row.map(|row| {
                                    let commune = row.commune.clone();
                                    view! {
                                    <tr>
                                        <th scope="row">
                                            <A href=territory_href(&row.diagnostic_id)>{commune}</A>
                                        </th>
                                        <td>{row.insee_code.clone().unwrap_or_default()}</td>
                                        <td>{row.departement_label()}</td>
                                        <td>{row.countries_label()}</td>
                                        <td>
                                            {row.programmes_label()}
                                            {row.programmes_suggested.then_some(" (déduit)")}
                                        </td>
                                        <td class="number">{format!("{} %", row.completion_percent)}</td>
                                        <td class="number">
                                            {row.overall_percent.map(|p| format!("{p} %")).unwrap_or_else(|| "—".to_string())}
                                        </td>
                                        <td class="number">{row.revision}</td>
                                        <td>{format_datetime_fr(&row.updated_at)}</td>
                                        <td>{row.mot_status_label()}</td>
                                    </tr>
                                    }
                                })
                            }
                        />
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A column header that sorts the table: ascending on the first click, then toggles.
#[component]
fn SortHeader(column: Column, header: &'static str, query: RwSignal<TableQuery>) -> impl IntoView {
    let direction = move || query.with(|q| (q.sort.0 == column).then_some(q.sort.1));
    let aria_sort = move || match direction() {
        Some(Direction::Ascending) => "ascending",
        Some(Direction::Descending) => "descending",
        None => "none",
    };
    let arrow = move || match direction() {
        Some(Direction::Ascending) => " ▲",
        Some(Direction::Descending) => " ▼",
        None => "",
    };
    let sort = move |_| {
        query.update(|q| {
            q.sort = match q.sort {
                (current, Direction::Ascending) if current == column => {
                    (column, Direction::Descending)
                }
                _ => (column, Direction::Ascending),
            }
        })
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort-button" on:click=sort>
                {header}
                <span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// A labelled list filter: "Tous", then the given (value, label) pairs.
#[component]
fn FilterSelect(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    on_change: impl Fn(leptos::ev::Event) + 'static,
) -> impl IntoView {
    view! {
        <div class="form-field">
            <label for=id>{label}</label>
            <select id=id on:change=on_change>
                <option value="">"Tous"</option>
                {options
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A labelled bound of a filter: a percentage (`number`) or a day (`date`, given as
/// `AAAA-MM-JJ`); `on_change` gets the trimmed text, empty when the field is cleared.
#[component]
fn BoundFilter(
    id: &'static str,
    label: &'static str,
    input_type: &'static str,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    let percent = input_type == "number";
    view! {
        <div class="form-field form-field--narrow">
            <label for=id>{label}</label>
            <input
                id=id
                type=input_type
                min=percent.then_some("0")
                max=percent.then_some("100")
                step=percent.then_some("1")
                inputmode=percent.then_some("numeric")
                on:input=move |event| on_change(event_target_value(&event).trim().to_string())
            />
        </div>
    }
}

/// A percentage bound typed in a filter (at most 100); `None` when empty or not a number.
fn percent_bound(text: &str) -> Option<u8> {
    text.parse::<u8>().ok().map(|p| p.min(100))
}

/// A date bound typed in a filter; `None` when empty.
fn date_bound(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// A download made from some rows of the workspace (the table, or the good practices).
type RowsDownload = fn(&WorkspaceData, &[&TerritoryRow]) -> Result<String, AppError>;

/// The two CSV downloads, of the territories shown.
#[component]
pub fn CsvDownloads(workspace: Arc<WorkspaceData>, shown: Memo<Vec<usize>>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let run = move |download: RowsDownload, workspace: Arc<WorkspaceData>| {
        move |_| {
            let result =
                shown.with(|positions| download(&workspace, &rows_at(&workspace, positions)));
            match result {
                Ok(file_name) => {
                    error.set(None);
                    done.set(Some(format!("Fichier « {file_name} » téléchargé.")));
                }
                Err(problem) => error.set(Some(problem.to_string())),
            }
        }
    };
    view! {
        <div class="mot-downloads">
            <p>
                "Les fichiers CSV s'ouvrent dans un tableur (séparateur « ; », UTF-8) : une ligne par "
                "territoire affiché, une colonne par question."
            </p>
            <button type="button" class="button" on:click=run(download_territories_csv, workspace.clone())>
                "Télécharger le tableau (CSV)"
            </button>
            " "
            <button type="button" class="button" on:click=run(download_good_practices_csv, workspace)>
                "Télécharger les bonnes pratiques (CSV)"
            </button>
            {move || error.get().map(|message| view! { <ErrorNotice message/> })}
            {move || done.get().map(|message| view! { <p role="status">{message}</p> })}
        </div>
    }
}

fn status_code(status: MotStatus) -> &'static str {
    match status {
        MotStatus::Recu => "recu",
        MotStatus::ACompleter => "a_completer",
        MotStatus::EnAccompagnement => "en_accompagnement",
        MotStatus::Clos => "clos",
    }
}

fn status_of_code(code: &str) -> Option<MotStatus> {
    MotStatus::ALL.into_iter().find(|s| status_code(*s) == code)
}
