//! The territories table of MOT's workspace: text search, a filter per column, sort by any
//! column, a page of rows at a time, and the CSV downloads of every matching territory.

use std::sync::Arc;

use domain::bundle::MotStatus;
use domain::workspace::{
    count_territories, filter_choices, more_rows, table_summary, Column, Direction, Filters,
    TableQuery, TerritoryRow, TABLE_PAGE_SIZE,
};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::notice::ErrorNotice;
use crate::error::AppError;
use crate::platform::{focus_first, format_datetime_fr};
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

/// What the table shows: the search, filters and sort, and how many of the matching rows are
/// drawn (a page at a time).
#[derive(Clone, Copy)]
pub struct TableView {
    /// Search, filters and sort.
    pub query: RwSignal<TableQuery>,
    /// How many matching rows are drawn, a multiple of the page size.
    pub drawn: RwSignal<usize>,
}

impl TableView {
    /// No search, no filter, sorted by commune, the first page.
    pub fn new() -> Self {
        TableView {
            query: RwSignal::new(TableQuery::default()),
            drawn: RwSignal::new(TABLE_PAGE_SIZE),
        }
    }

    /// Changes the search, a filter or the sort, and goes back to the first page (in the same
    /// update, so the rows are drawn once).
    fn change(self, edit: impl FnOnce(&mut TableQuery)) {
        self.query.update(edit);
        self.drawn.set(TABLE_PAGE_SIZE);
    }
}

/// Search, filters, and the table of the matching territories, a page at a time.
#[component]
pub fn TerritoriesTable(
    workspace: Arc<WorkspaceData>,
    table: TableView,
    matching: Memo<Vec<usize>>,
) -> impl IntoView {
    let TableView { query, drawn } = table;
    let total = workspace.rows.len();
    let choices = filter_choices(&workspace.rows);
    let set_filter = move |change: fn(&mut Filters, Option<String>)| {
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            let value = (!value.is_empty()).then_some(value);
            table.change(|q| change(&mut q.filters, value));
        }
    };
    let drawn_positions = move || {
        let limit = drawn.get();
        matching.with(|positions| positions.iter().take(limit).copied().collect::<Vec<_>>())
    };
    let more = move || more_rows(drawn.get(), matching.with(Vec::len));
    let show_more = move |_| {
        let first_new = drawn.get_untracked();
        drawn.update(|count| *count += TABLE_PAGE_SIZE);
        // Keyboard users land on the first row added, not back at the top.
        request_animation_frame(move || {
            focus_first(&format!(
                "[data-testid=\"territories-table\"] tbody > tr:nth-child({}) a",
                first_new + 1
            ))
        });
    };
    let status_choices: Vec<(String, String)> = MotStatus::ALL
        .iter()
        .map(|s| (status_code(*s).to_string(), s.label().to_string()))
        .collect();
    let rows = workspace.clone();
    view! {
        <section aria-labelledby="mot-territoires" class="mot-section" data-testid="mot-territories">
            <h2 id="mot-territoires">"Territoires"</h2>
            <div class="table-filters no-print" role="search" aria-label="Rechercher et filtrer les territoires">
                <div class="form-field form-field--wide">
                    <label for="mot-search">"Rechercher (commune, code INSEE, département, programme)"</label>
                    <input
                        id="mot-search"
                        type="search"
                        prop:value=move || query.with(|q| q.search.clone())
                        on:input=move |event| {
                            let text = event_target_value(&event);
                            table.change(|q| q.search = text);
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
                    on_change=move |t: String| table.change(|q| q.filters.min_completion = percent_bound(&t))/>
                <BoundFilter id="mot-filter-score" label="Score minimum (%)" input_type="number"
                    on_change=move |t: String| table.change(|q| q.filters.min_score = percent_bound(&t))/>
                <BoundFilter id="mot-filter-depuis" label="Modifié depuis le" input_type="date"
                    on_change=move |t| table.change(|q| q.filters.updated_from = date_bound(t))/>
                <BoundFilter id="mot-filter-jusqu" label="Modifié jusqu'au" input_type="date"
                    on_change=move |t| table.change(|q| q.filters.updated_to = date_bound(t))/>
            </div>
            <p role="status" data-testid="mot-row-count">
                {move || table_summary(total, matching.with(Vec::len), drawn.get())}
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tableau des territoires">
                <table class="data-table data-table--wide" data-testid="territories-table">
                    <caption>"Territoires suivis (cliquez un en-tête pour trier)"</caption>
                    <thead>
                        <tr>
                            {COLUMNS.iter().map(|&(column, header)| view! { <SortHeader column header table/> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=drawn_positions
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
                                        <td class="cell--wrap">{row.countries_label()}</td>
                                        <td class="cell--wrap">
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
            {move || {
                let more = more();
                (more > 0)
                    .then(|| {
                        view! {
                            <button type="button" class="button table-more" on:click=show_more>
                                {format!("Afficher {} de plus", count_territories(more))}
                            </button>
                        }
                    })
            }}
        </section>
    }
}

/// A column header that sorts the table: ascending on the first click, then toggles.
#[component]
fn SortHeader(column: Column, header: &'static str, table: TableView) -> impl IntoView {
    let query = table.query;
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
        table.change(|q| {
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

/// The two CSV downloads, of every territory the search and filters keep (drawn or not).
#[component]
pub fn CsvDownloads(workspace: Arc<WorkspaceData>, matching: Memo<Vec<usize>>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let run = move |download: RowsDownload, workspace: Arc<WorkspaceData>| {
        move |_| {
            let result =
                matching.with(|positions| download(&workspace, &rows_at(&workspace, positions)));
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
                "territoire retenu par la recherche et les filtres (affiché ou non), une colonne par question."
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
