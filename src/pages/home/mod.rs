//! Home page: what the tool is, creating a diagnostic, and the diagnostics on this device.

mod list;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::components::form_fields::focus_soon;
use crate::components::notice::ErrorNotice;
use crate::components::storage_panel::StoragePanel;
use crate::platform::set_page_title;
use crate::state::diagnostics::{create_diagnostic, list_diagnostics};

use list::{DiagnosticList, ListView};

/// Id of the message saying a diagnostic was deleted (it takes the focus).
const DELETION_STATUS_ID: &str = "suppression-statut";

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    set_page_title("Accueil");
    // Bumped after a deletion so the list is read again from storage.
    let refresh = RwSignal::new(0u32);
    let diagnostics = LocalResource::new(move || {
        refresh.track();
        list_diagnostics()
    });
    let list_view = ListView::new();
    let status = RwSignal::new(String::new());
    let on_deleted = Callback::new(move |name: String| {
        status.set(format!("Le diagnostic « {name} » a été supprimé."));
        refresh.update(|n| *n += 1);
        // Its delete button is gone with it: the focus goes to the message that says so.
        focus_soon(DELETION_STATUS_ID.to_string());
    });

    view! {
        <h1>"Diagnostic des opportunités transfrontalières"</h1>
        <section class="intro" aria-labelledby="intro-title">
            <h2 id="intro-title" class="visually-hidden">"Présentation"</h2>
            <p>
                "Cet outil aide les communes du programme Petites Villes de Demain situées près d'une "
                "frontière à faire le point sur leurs opportunités de coopération transfrontalière : "
                "mobilité, santé, emploi, services publics, environnement, projets et financements."
            </p>
            <p>
                "Répondez au questionnaire guidé à votre rythme, en plusieurs fois : vous obtenez aussitôt "
                "un bilan par thème, des pistes d'action, des ressources et des contacts. Vous pouvez ensuite "
                "l'envoyer à la Mission Opérationnelle Transfrontalière (MOT), qui vous accompagne."
            </p>
            <p class="intro__privacy">
                <strong>"Vos données restent sur cet appareil."</strong>
                " Elles sont enregistrées dans ce navigateur, fonctionnent sans connexion, et ne sont "
                "transmises à personne tant que vous n'exportez pas vous-même un fichier."
            </p>
        </section>
        <CreateDiagnosticForm/>
        <section class="diagnostics" aria-labelledby="diagnostics-title">
            <h2 id="diagnostics-title">"Diagnostics enregistrés sur cet appareil"</h2>
            <p class="status-message" role="status" id=DELETION_STATUS_ID tabindex="-1">{move || status.get()}</p>
            <Transition fallback=|| view! { <p>"Chargement des diagnostics…"</p> }>
                {move || {
                    diagnostics
                        .get()
                        .map(|result| match result {
                            Ok(list) if list.is_empty() => {
                                view! {
                                    <p class="diagnostics__empty">
                                        "Aucun diagnostic pour l'instant. Créez-en un ci-dessus."
                                    </p>
                                }
                                    .into_any()
                            }
                            Ok(list) => {
                                view! { <DiagnosticList diagnostics=list view_state=list_view on_deleted/> }
                                    .into_any()
                            }
                            Err(error) => view! { <ErrorNotice message=error.to_string()/> }.into_any(),
                        })
                }}
            </Transition>
        </section>
        <StoragePanel diagnostics=Signal::derive(move || {
            diagnostics.with(|listed| match listed {
                Some(Ok(list)) => list.iter().map(|l| l.heading.clone()).collect(),
                _ => Vec::new(),
            })
        })/>
    }
}

/// The form that creates a diagnostic for a commune, then opens it.
#[component]
fn CreateDiagnosticForm() -> impl IntoView {
    let commune_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match create_diagnostic(&commune_name.get_untracked()).await {
                Ok(diagnostic) => navigate(
                    &format!("/diagnostic/{}", diagnostic.id),
                    Default::default(),
                ),
                Err(problem) => {
                    error.set(Some(problem.to_string()));
                    busy.set(false);
                }
            }
        });
    };

    view! {
        <section class="create" aria-labelledby="create-title">
            <h2 id="create-title">"Nouveau diagnostic"</h2>
            <form on:submit=on_submit novalidate>
                <label for="commune-name">"Nom de la commune"</label>
                <p id="commune-name-help" class="field-help">
                    "La commune Petite Ville de Demain dont vous faites le diagnostic, par exemple « Givet »."
                </p>
                <input
                    id="commune-name"
                    name="commune"
                    type="text"
                    autocomplete="off"
                    maxlength="80"
                    bind:value=commune_name
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby=move || {
                        if error.get().is_some() {
                            "commune-name-help commune-name-error"
                        } else {
                            "commune-name-help"
                        }
                    }
                />
                {move || {
                    error
                        .get()
                        .map(|message| {
                            view! {
                                <p id="commune-name-error" class="field-error" role="alert">
                                    {message}
                                </p>
                            }
                        })
                }}
                <button type="submit" class="button button--primary" disabled=move || busy.get()>
                    "Créer le diagnostic"
                </button>
            </form>
        </section>
    }
}
