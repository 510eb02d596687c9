//! Home page: what the tool is, creating a diagnostic, and the diagnostics on this device.

use domain::questionnaire::overall_progress;
use domain::{Diagnostic, DiagnosticStatus};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::notice::ErrorNotice;
use crate::components::storage_panel::StoragePanel;
use crate::platform::{format_datetime_fr, set_page_title};
use crate::state::diagnostics::{
    create_diagnostic, delete_diagnostic, list_diagnostics, questionnaire,
};

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
    let status = RwSignal::new(String::new());
    let on_deleted = Callback::new(move |name: String| {
        status.set(format!("Le diagnostic « {name} » a été supprimé."));
        refresh.update(|n| *n += 1);
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
            <p class="status-message" role="status">{move || status.get()}</p>
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
                            Ok(list) => view! { <DiagnosticList diagnostics=list on_deleted/> }.into_any(),
                            Err(error) => view! { <ErrorNotice message=error.to_string()/> }.into_any(),
                        })
                }}
            </Transition>
        </section>
        <StoragePanel diagnostics=Signal::derive(move || {
            diagnostics.get().and_then(Result::ok).unwrap_or_default()
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

/// The list of diagnostics, each with its last change, a link to open it and a delete button.
#[component]
fn DiagnosticList(diagnostics: Vec<Diagnostic>, on_deleted: Callback<String>) -> impl IntoView {
    view! {
        <ul class="diagnostic-list">
            {diagnostics
                .into_iter()
                .map(|diagnostic| view! { <DiagnosticItem diagnostic on_deleted/> })
                .collect_view()}
        </ul>
    }
}

/// "42 % · En cours" (or "Terminé") for the list.
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
fn DiagnosticItem(diagnostic: Diagnostic, on_deleted: Callback<String>) -> impl IntoView {
    let id = diagnostic.id.clone();
    let name = diagnostic.commune_name().to_string();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let cancel_button = NodeRef::<html::Button>::new();
    let delete_button = NodeRef::<html::Button>::new();

    // Focus follows the confirmation: onto "Annuler" when it opens (the safe choice).
    Effect::new(move |_| {
        if confirming.get() {
            if let Some(button) = cancel_button.get() {
                let _ = button.focus();
            }
        }
    });

    let confirm_delete = {
        let id = id.clone();
        let name = name.clone();
        move |_| {
            let id = id.clone();
            let name = name.clone();
            spawn_local(async move {
                match delete_diagnostic(&id).await {
                    Ok(()) => on_deleted.run(name),
                    Err(problem) => error.set(Some(problem.to_string())),
                }
            });
        }
    };
    let cancel = move |_| {
        confirming.set(false);
        if let Some(button) = delete_button.get_untracked() {
            let _ = button.focus();
        }
    };

    let href = format!("/diagnostic/{id}");
    let updated = format_datetime_fr(&diagnostic.updated_at);
    let progress = progress_summary(&diagnostic);
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
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button button--danger-outline"
                            node_ref=delete_button
                            on:click=move |_| confirming.set(true)
                        >
                            "Supprimer"
                            <span class="visually-hidden">" le diagnostic de " {name.clone()}</span>
                        </button>
                    }
                }
            >
                <div class="confirm" role="group" aria-label="Confirmer la suppression">
                    <p>
                        "Supprimer définitivement le diagnostic « " {confirm_name.clone()}
                        " » ? Ses réponses seront perdues."
                    </p>
                    <button type="button" class="button button--danger" on:click=confirm_delete.clone()>
                        "Confirmer la suppression"
                    </button>
                    <button type="button" class="button" node_ref=cancel_button on:click=cancel>
                        "Annuler"
                    </button>
                </div>
            </Show>
            {move || error.get().map(|message| view! { <ErrorNotice message/> })}
        </li>
    }
}
