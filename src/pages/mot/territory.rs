//! MOT's follow-up of one territory (`/mot/territoire/:id`): MOT's status and internal notes,
//! the feedback for the town, and the town's report, read-only.

use std::collections::BTreeMap;

use domain::bundle::{MotStatus, UNMAPPED_NOTE_KEY};
use domain::workspace::MotReview;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::form_fields::{SelectEntry, TextEntry};
use crate::components::notice::ErrorNotice;
use crate::pages::diagnostic::UNMAPPED_NOTE_TITLE;
use crate::pages::report::{ReadOnlyReport, ReportBody};
use crate::platform::{format_datetime_fr, now_iso, set_page_title};
use crate::state::broadcast::listen_while_shown;
use crate::state::diagnostics::questionnaire;
use crate::state::projects::report_of;
use crate::state::review_journal;
use crate::state::session::DiagnosticSession;
use crate::state::workspace::{
    load_follow_up, load_review, update_review, TerritoryFollowUp, REVIEWS_CHANNEL,
};

use super::feedback_form::FeedbackForm;

/// The follow-up page of a territory.
#[component]
pub fn TerritoryPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move { load_follow_up(&id).await }
    });
    view! {
        <p class="no-print"><A href="/mot">"← Retour à l'espace MOT"</A></p>
        <Suspense fallback=|| view! { <p>"Chargement du territoire…"</p> }>
            {move || loaded.get().map(|result| match result {
                Ok(follow_up) => view! { <FollowUp follow_up/> }.into_any(),
                Err(error) => {
                    set_page_title("Territoire introuvable");
                    view! {
                        <h1>"Territoire introuvable"</h1>
                        <ErrorNotice message=error.to_string()/>
                    }
                    .into_any()
                }
            })}
        </Suspense>
    }
}

#[component]
fn FollowUp(follow_up: TerritoryFollowUp) -> impl IntoView {
    let TerritoryFollowUp {
        diagnostic,
        review,
        feedback,
    } = follow_up;
    let commune = diagnostic.commune_name().to_string();
    set_page_title(&format!("{commune} · suivi MOT"));
    let review = RwSignal::new(review);
    // The report reads the diagnostic through a session, as on the town's side, but nothing on
    // this page edits it: the report is shown read-only.
    let session = DiagnosticSession::start(diagnostic.clone());
    provide_context(session);
    provide_context(ReadOnlyReport);
    on_cleanup(move || session.stop());
    let report = report_of(&diagnostic);
    // MOT's own sections are left out of the print (`no-print`): the page prints as the town's report.
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <h1>{format!("{commune} — suivi MOT")}</h1>
        <p>
            {format!(
                "Diagnostic en révision {}, modifié par la commune le {}.",
                diagnostic.revision,
                format_datetime_fr(&diagnostic.updated_at)
            )}
        </p>
        <p class="no-print">
            <button type="button" class="button" on:click=print>"Imprimer le rapport de la commune"</button>
        </p>
        <ReviewPanel review/>
        <TownNotes notes=diagnostic.private_notes.clone()/>
        <FeedbackForm diagnostic=diagnostic.clone() review feedback/>
        <section aria-labelledby="mot-rapport" class="mot-section report">
            <h2 id="mot-rapport">"Rapport de la commune"</h2>
            <p class="field-help">"Le rapport tel que la commune le voit, en lecture seule."</p>
            {match report {
                Ok(report) => view! { <ReportBody report/> }.into_any(),
                Err(message) => view! { <ErrorNotice message/> }.into_any(),
            }}
        </section>
    }
}

/// Shows the review as another tab stored it (its notes, its status), unless this page is
/// writing its own: then the end of that write shows the stored review. Without it, a page left
/// open would show old notes, and the next letter typed there would write them back over the
/// other tab's.
fn follow_other_tabs(diagnostic_id: &str, review: RwSignal<MotReview>, writing: RwSignal<u32>) {
    let own_id = diagnostic_id.to_string();
    listen_while_shown(REVIEWS_CHANNEL, move |id| {
        if id != own_id || writing.try_get_untracked() != Some(0) {
            return;
        }
        spawn_local(async move {
            if let Ok(stored) = load_review(&id).await {
                if writing.try_get_untracked() == Some(0) {
                    review.try_set(stored);
                }
            }
        });
    });
}

/// The private notes the town chose to join to its file, by step (none: nothing shown).
#[component]
fn TownNotes(notes: BTreeMap<String, String>) -> impl IntoView {
    let questionnaire = questionnaire().ok();
    let items: Vec<(String, String)> = notes
        .into_iter()
        .map(|(step_id, note)| {
            let title = if step_id == UNMAPPED_NOTE_KEY {
                UNMAPPED_NOTE_TITLE.to_string()
            } else {
                (questionnaire.and_then(|q| q.step(&step_id)))
                    .map_or(step_id, |step| step.title.clone())
            };
            (title, note)
        })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <section aria-labelledby="mot-notes-commune" class="mot-section no-print" data-testid="town-notes">
                <h2 id="mot-notes-commune">"Notes jointes par la commune"</h2>
                <ul>
                    {items
                        .into_iter()
                        .map(|(title, note)| view! { <li><strong>{title}</strong>" : " {note}</li> })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// MOT's status (saved as soon as it changes) and internal notes.
#[component]
fn ReviewPanel(review: RwSignal<MotReview>) -> impl IntoView {
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let diagnostic_id = review.with_untracked(|r| r.diagnostic_id.clone());
    // Each change is written onto the stored review (status or notes only), so another tab's
    // change to the other field is kept; once the last write ends, the page shows the review
    // as stored (not after an earlier one: it would undo the letters typed since).
    let writing = RwSignal::new(0u32);
    follow_other_tabs(&diagnostic_id, review, writing);
    let save = move |change: Box<dyn FnOnce(&mut MotReview)>| {
        let diagnostic_id = diagnostic_id.clone();
        writing.update(|n| *n += 1);
        spawn_local(async move {
            let result = update_review(&diagnostic_id, change).await;
            writing.update(|n| *n -= 1);
            match result {
                Ok(stored) => {
                    review_journal::forget_stored(&stored.diagnostic_id, &stored.notes);
                    error.set(None);
                    saved.set(Some("Suivi enregistré.".to_string()));
                    // `try_`: the page may have been left while the write ran.
                    if writing.try_get_untracked() == Some(0) {
                        review.set(stored);
                    }
                }
                Err(problem) => error.set(Some(problem.to_string())),
            }
        });
    };
    let statuses: Vec<(String, String)> = MotStatus::ALL
        .iter()
        .map(|s| (s.label().to_string(), s.label().to_string()))
        .collect();
    let status = Signal::derive(move || Some(review.with(|r| r.status.label().to_string())));
    let notes = Signal::derive(move || review.with(|r| r.notes.clone()));
    let save_notes = {
        let save = save.clone();
        move || {
            let text = review.with_untracked(|r| r.notes.clone());
            save(Box::new(move |r: &mut MotReview| {
                r.set_notes(&text, &now_iso())
            }));
        }
    };
    let on_notes = {
        let save_notes = save_notes.clone();
        let journal_id = review.with_untracked(|r| r.diagnostic_id.clone());
        Callback::new(move |text: String| {
            // Saved at each keystroke: a small record, written in order; and kept in the
            // browser's local storage until stored, should the tab close before.
            let before = review.with_untracked(|r| r.notes.clone());
            review_journal::remember(&journal_id, &before, &text);
            review.update(|r| r.set_notes(&text, &now_iso()));
            save_notes();
        })
    };
    view! {
        <section aria-labelledby="mot-suivi" class="mot-section no-print">
            <h2 id="mot-suivi">"Suivi de la MOT"</h2>
            <p class="field-help">"Ces informations restent sur cet appareil : elles ne sont jamais envoyées à la commune, sauf le statut joint au retour."</p>
            <SelectEntry
                id="mot-statut"
                label="Statut MOT"
                empty_label="— Choisir —"
                options=statuses
                value=status
                on_change=Callback::new(move |value: Option<String>| {
                    let status = MotStatus::ALL
                        .into_iter()
                        .find(|s| Some(s.label()) == value.as_deref())
                        .unwrap_or_default();
                    review.update(|r| r.set_status(status, &now_iso()));
                    save(Box::new(move |r: &mut MotReview| r.set_status(status, &now_iso())));
                })
            />
            <TextEntry
                id="mot-notes"
                label="Notes internes (jamais envoyées à la commune)"
                multiline=true
                value=notes
                on_change=on_notes
            />
            <button type="button" class="button button--primary" on:click=move |_| save_notes()>
                "Enregistrer le suivi"
            </button>
            {move || error.get().map(|message| view! { <ErrorNotice message/> })}
            <p role="status" class="save-note">{move || saved.get()}</p>
        </section>
    }
}
