//! The home page's list of the diagnostics on this device, the most recently changed first.
//!
//! A town keeps a few; MOT's device keeps every town's after an import, up to thousands. Rendering
//! them all would block the page for seconds, so the list shows a page at a time, with a button
//! for more and, once there are many, a search on the commune's name.

use domain::diagnostic_list::{
    count_diagnostics, list_summary, next_page_size, search_positions, PAGE_SIZE, SEARCH_THRESHOLD,
};
use domain::questionnaire::overall_progress;
use domain::{Diagnostic, DiagnosticStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::components::form_fields::DeleteButton;
use crate::components::notice::ErrorNotice;
use crate::platform::{focus_first, format_datetime_fr};
use crate::state::diagnostics::{delete_diagnostic, questionnaire};
use crate::storage::ListedDiagnostic;

/// What the list shows: the search typed and how many diagnostics are shown. Kept by the home
/// page, so that a deletion (which reloads the list) keeps them.
#[derive(Clone, Copy)]
pub struct ListView {
    /// The search on the commune's name.
    pub search: RwSignal<String>,
    /// How many matching diagnostics are shown, a multiple of the page size.
    pub shown: RwSignal<usize>,
}

impl ListView {
    /// An empty search and the first page.
    pub fn new() -> Self {
        ListView {
            search: RwSignal::new(String::new()),
            shown: RwSignal::new(PAGE_SIZE),
        }
    }
}

/// The diagnostics shown, their count, the search once there are many, and "show more".
#[component]
pub fn DiagnosticList(
    diagnostics: Vec<ListedDiagnostic>,
    view_state: ListView,
    on_deleted: Callback<String>,
) -> impl IntoView {
    let ListView { search, shown } = view_state;
    let total = diagnostics.len();
    let headings = StoredValue::new(
        diagnostics
            .iter()
            .map(|listed| listed.heading.clone())
            .collect::<Vec<_>>(),
    );
    // The browser's records, kept undecoded: only the items shown decode theirs.
    let diagnostics = StoredValue::new_local(diagnostics);
    let matching = Memo::new(move |_| {
        search.with(|text| headings.with_value(|list| search_positions(list, text)))
    });
    let visible = move || {
        let limit = shown.get();
        matching.with(|positions| {
            diagnostics.with_value(|list| {
                positions
                    .iter()
                    .take(limit)
                    .filter_map(|&position| list.get(position).cloned())
                    .collect::<Vec<_>>()
            })
        })
    };
    let more = move || next_page_size(shown.get(), matching.with(Vec::len));
    let show_more = move |_| {
        let first_new = shown.get_untracked();
        shown.update(|count| *count += PAGE_SIZE);
        // Keyboard users land on the first diagnostic added, not back at the top.
        request_animation_frame(move || {
            focus_first(&format!(
                ".diagnostic-list > li:nth-child({}) a",
                first_new + 1
            ))
        });
    };
    view! {
        // Also kept while a search is typed, so that it can be cleared after deletions.
        {(total > SEARCH_THRESHOLD || !search.get_untracked().trim().is_empty())
            .then(|| {
                view! {
                    <div class="form-field diagnostics__search" role="search" aria-label="Rechercher parmi les diagnostics">
                        <label for="diagnostic-search">"Rechercher une commune"</label>
                        <input
                            id="diagnostic-search"
                            type="search"
                            autocomplete="off"
                            prop:value=move || search.get()
                            on:input=move |event| {
                                search.set(event_target_value(&event));
                                shown.set(PAGE_SIZE);
                            }
                        />
                    </div>
                    <p class="diagnostics__count" role="status" data-testid="diagnostic-count">
                        {move || list_summary(total, matching.with(Vec::len), shown.get(), &search.get())}
                    </p>
                }
            })}
        // Rebuilt when the search or the page count changes: at most a few pages of items, and
        // a keyed `<For>` would bring its diffing code into the main module (+ ~10 KB gzip).
        <ul class="diagnostic-list">
            {move || {
                visible()
                    .into_iter()
                    .map(|listed| view! { <DiagnosticItem listed on_deleted/> })
                    .collect_view()
            }}
        </ul>
        {move || {
            let more = more();
            (more > 0)
                .then(|| {
                    view! {
                        <button type="button" class="button diagnostics__more" on:click=show_more>
                            {format!("Afficher {} de plus", count_diagnostics(more))}
                        </button>
                    }
                })
        }}
    }
}

/// "42 % des réponses · En cours" (or "Terminé") for the list, or why it cannot be said.
fn progress_of(listed: &ListedDiagnostic) -> String {
    match listed.decode() {
        Ok(diagnostic) => progress_summary(&diagnostic),
        // Listed all the same, under its name: the town sees it is there and can delete it.
        Err(_) => "Réponses illisibles dans ce navigateur".to_string(),
    }
}

/// "42 % des réponses · En cours" (or "Terminé").
fn progress_summary(diagnostic: &Diagnostic) -> String {
    let state = match diagnostic.status {
        DiagnosticStatus::Completed => "Terminé",
        DiagnosticStatus::InProgress => "En cours",
    };
    match questionnaire() {
        Ok(questionnaire) => {
            let percent = overall_progress(questionnaire, diagnostic).percent();
            format!("{percent} % des réponses · {state}")
        }
        Err(_) => state.to_string(),
    }
}

/// One diagnostic of the list, with its delete confirmation.
#[component]
fn DiagnosticItem(listed: ListedDiagnostic, on_deleted: Callback<String>) -> impl IntoView {
    let id = listed.heading.id.clone();
    let name = listed.heading.commune_name().to_string();
    let error = RwSignal::new(None::<String>);
    let confirm_delete = {
        let id = id.clone();
        let name = name.clone();
        Callback::new(move |()| {
            let id = id.clone();
            let name = name.clone();
            spawn_local(async move {
                match delete_diagnostic(&id).await {
                    Ok(()) => on_deleted.run(name),
                    Err(problem) => error.set(Some(problem.to_string())),
                }
            });
        })
    };

    let href = format!("/diagnostic/{id}");
    let updated = format_datetime_fr(&listed.heading.updated_at);
    let progress = progress_of(&listed);
    let link_name = name.clone();
    let confirm_name = name.clone();
    view! {
        <li class="diagnostic-item" data-testid="diagnostic-item">
            <div class="diagnostic-item__main">
                <A href=href attr:class="diagnostic-item__link">{link_name}</A>
                <p class="diagnostic-item__meta">
                    <span data-testid="diagnostic-progress">{progress}</span>
                    " · Modifié le "
                    {updated}
                </p>
            </div>
            <DeleteButton
                label="Supprimer"
                what=String::new()
                hidden_label=format!(" le diagnostic de {name}")
                question=format!(
                    "Supprimer définitivement le diagnostic « {confirm_name} » ? Ses réponses seront perdues."
                )
                on_confirm=confirm_delete
            />
            {move || error.get().map(|message| view! { <ErrorNotice message/> })}
        </li>
    }
}
