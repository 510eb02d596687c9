//! The pages of one diagnostic under `/diagnostic/:id`: the workspace that loads it and
//! provides the editing session, and the overview shown at `/diagnostic/:id`.

use domain::bundle::UNMAPPED_NOTE_KEY;
use domain::listing::count_of;
use domain::questionnaire::{overall_progress, step_progress, Questionnaire};
use domain::DiagnosticStatus;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_location, use_params_map};

use crate::components::export_button::{ExportButton, ExportTarget};
use crate::components::mot_feedback::{MotFeedbackPanel, TownFeedback};
use crate::components::notice::ErrorNotice;
use crate::components::save_status::SaveStatusIndicator;
use crate::components::step_list::StepList;
use crate::platform::{format_datetime_fr, set_page_title};
use crate::state::diagnostics::questionnaire;
use crate::state::projects::{projects_href, report_href, PROJECTS_PAGE_ID, REPORT_PAGE_ID};
use crate::state::session::{load_for_editing, DiagnosticSession};
use crate::state::steps::{step_href, REVIEW_STEP_ID};

/// Loads the diagnostic named in the address and lays out its pages around the table of contents.
#[component]
pub fn DiagnosticWorkspace() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move { load_for_editing(&id).await }
    });
    view! {
        <Suspense fallback=|| view! { <p>"Chargement du diagnostic…"</p> }>
            {move || {
                loaded
                    .get()
                    .map(|result| match (result, questionnaire()) {
                        (Ok(loaded), Ok(questionnaire)) => {
                            TownFeedback::provide(loaded.diagnostic.id.clone());
                            let session = DiagnosticSession::start_loaded(loaded);
                            provide_context(session);
                            on_cleanup(move || session.stop());
                            view! { <Workspace questionnaire/> }.into_any()
                        }
                        (Err(error), _) if error.is_not_found() => {
                            set_page_title("Diagnostic introuvable");
                            view! {
                                <h1>"Diagnostic introuvable"</h1>
                                <ErrorNotice message=error.to_string()/>
                                <p><A href="/">"Revenir à la liste des diagnostics"</A></p>
                            }
                                .into_any()
                        }
                        (Err(error), _) | (_, Err(error)) => {
                            view! {
                                <h1>"Diagnostic"</h1>
                                <ErrorNotice message=error.to_string()/>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

/// The two-column layout: steps on the side, the current page beside them.
#[component]
fn Workspace(questionnaire: &'static Questionnaire) -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    // The current entry of the table of contents: a step, or the report or projects pages.
    let current = Signal::derive(move || {
        params.read().get("step").or_else(|| {
            let path = location.pathname.get();
            if path.ends_with(&format!("/{REPORT_PAGE_ID}")) {
                Some(REPORT_PAGE_ID.to_string())
            } else if path.contains(&format!("/{PROJECTS_PAGE_ID}")) {
                Some(PROJECTS_PAGE_ID.to_string())
            } else {
                None
            }
        })
    });
    view! {
        <div class="workspace">
            <aside class="workspace__side">
                <StepList questionnaire current/>
                <SaveStatusIndicator/>
            </aside>
            <div class="workspace__content">
                <Outlet/>
            </div>
        </div>
    }
}

/// Title of the note an import or a new questionnaire version leaves with the answers it could
/// not carry over.
pub const UNMAPPED_NOTE_TITLE: &str = "Réponses non reprises d'une version précédente";

/// The overview of a diagnostic: its territory, dates, progress, and where to continue.
#[component]
pub fn DiagnosticOverview() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let Ok(questionnaire) = questionnaire() else {
        return view! { <p>"Questionnaire indisponible."</p> }.into_any();
    };
    let name = move || session.diagnostic.with(|d| d.commune_name().to_string());
    Effect::new(move |_| set_page_title(&format!("Diagnostic de {}", name())));
    // Arriving here (a diagnostic just created, a link followed), the focus starts at the top
    // of the page's content, as on every step.
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let progress = Memo::new(move |_| {
        session
            .diagnostic
            .with(|d| overall_progress(questionnaire, d))
    });
    // Continue with the first step that still has unanswered questions, else the review.
    let next_step = Memo::new(move |_| {
        session.diagnostic.with(|diagnostic| {
            questionnaire
                .steps
                .iter()
                .find(|step| !step_progress(questionnaire, step, diagnostic).is_complete())
                .map(|step| step.id.clone())
                .unwrap_or_else(|| REVIEW_STEP_ID.to_string())
        })
    });
    let started = move || progress.get().answered > 1;
    let id = session.id();
    let export_id = session.id();
    // Private notes stay on this device unless the town ticks to send them.
    let include_notes = RwSignal::new(false);
    let notes_count = move || session.diagnostic.with(|d| d.private_notes.len());
    let unmapped_note = move || {
        session
            .diagnostic
            .with(|d| d.private_notes.get(UNMAPPED_NOTE_KEY).cloned())
    };
    view! {
        <h1 tabindex="-1" node_ref=heading>"Diagnostic de " {name}</h1>
        <dl class="facts">
            <dt>"État"</dt>
            <dd>
                {move || match session.diagnostic.with(|d| d.status) {
                    DiagnosticStatus::Completed => "Terminé (toujours modifiable)",
                    DiagnosticStatus::InProgress => "En cours",
                }}
            </dd>
            <dt>"Avancement"</dt>
            <dd data-testid="overall-progress">
                {move || {
                    let p = progress.get();
                    format!("{} % ({} sur {})", p.percent(), count_of(p.answered, "réponse", "réponses"), p.applicable)
                }}
            </dd>
            <dt>"Créé le"</dt>
            <dd>{move || session.diagnostic.with(|d| format_datetime_fr(&d.created_at))}</dd>
            <dt>"Dernière modification"</dt>
            <dd>{move || session.diagnostic.with(|d| format_datetime_fr(&d.updated_at))}</dd>
        </dl>
        <MotFeedbackPanel
            diagnostic_id=session.id()
            current_revision=Signal::derive(move || session.diagnostic.with(|d| d.revision))
        />
        <p>
            "Le questionnaire compte un profil du territoire et douze thèmes. Vous pouvez y répondre "
            "dans l'ordre ou sauter d'une étape à l'autre : chaque réponse est enregistrée aussitôt sur "
            "cet appareil."
        </p>
        <p>
            <A href=move || step_href(&id, &next_step.get()) attr:class="button button--primary">
                {move || if started() { "Reprendre le diagnostic" } else { "Commencer le diagnostic" }}
            </A>
        </p>
        <h2>"Résultats et projets"</h2>
        <p>
            "Le rapport se met à jour à chaque réponse : scores par thème, opportunités, ressources et "
            "contacts pour votre territoire. Il s'imprime en PDF pour le conseil municipal."
        </p>
        <ul class="link-list">
            <li><A href=report_href(&session.id())>"Voir le rapport du diagnostic"</A></li>
            <li><A href=projects_href(&session.id())>"Fiches projet et bonnes pratiques"</A></li>
        </ul>
        {move || unmapped_note().map(|note| view! {
            <section aria-labelledby="non-repris" data-testid="unmapped-note">
                <h2 id="non-repris">{UNMAPPED_NOTE_TITLE}</h2>
                <p class="field-help">
                    "Ce diagnostic a été converti vers la version actuelle du questionnaire (à un import "
                    "ou à la mise à jour de l'application) ; ces réponses n'ont pas pu y être reprises. "
                    "Reportez ce qui compte dans les questions."
                </p>
                <p class="report__quote">{note}</p>
            </section>
        })}
        <h2>"Envoyer à la MOT"</h2>
        <p>
            "Téléchargez un fichier à joindre à un courriel pour la MOT. Il contient vos réponses, vos "
            "projets et vos bonnes pratiques ; vos notes privées n'y sont que si vous le choisissez."
        </p>
        <Show when=move || { notes_count() > 0 }>
            <div class="choice">
                <input
                    type="checkbox"
                    id="joindre-notes"
                    prop:checked=move || include_notes.get()
                    on:change=move |event| include_notes.set(event_target_checked(&event))
                />
                <label for="joindre-notes">
                    {move || format!(
                        "Joindre mes notes privées ({}) au fichier pour la MOT",
                        count_of(notes_count(), "note", "notes")
                    )}
                </label>
            </div>
        </Show>
        <p>
            <ExportButton
                target=ExportTarget::ForMot { id: export_id, include_notes: include_notes.into() }
                label="Exporter pour la MOT"
            />
        </p>
    }
    .into_any()
}
