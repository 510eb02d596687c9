//! The page of one diagnostic, reached by `/diagnostic/:id` (also as a deep link after a reload).

use domain::Diagnostic;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::notice::ErrorNotice;
use crate::platform::{format_datetime_fr, set_page_title};
use crate::state::diagnostics::load_diagnostic;

/// The diagnostic page: loads the diagnostic named in the address.
#[component]
pub fn DiagnosticPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let diagnostic = LocalResource::new(move || {
        let id = id();
        async move { load_diagnostic(&id).await }
    });

    view! {
        <Transition fallback=|| view! { <p>"Chargement du diagnostic…"</p> }>
            {move || {
                diagnostic
                    .get()
                    .map(|result| match result {
                        Ok(diagnostic) => view! { <DiagnosticOverview diagnostic/> }.into_any(),
                        Err(error) if error.is_not_found() => {
                            set_page_title("Diagnostic introuvable");
                            view! {
                                <h1>"Diagnostic introuvable"</h1>
                                <ErrorNotice message=error.to_string()/>
                                <p><A href="/">"Revenir à la liste des diagnostics"</A></p>
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! {
                                <h1>"Diagnostic"</h1>
                                <ErrorNotice message=error.to_string()/>
                            }
                                .into_any()
                        }
                    })
            }}
        </Transition>
    }
}

/// What a loaded diagnostic shows: its territory and its dates.
#[component]
fn DiagnosticOverview(diagnostic: Diagnostic) -> impl IntoView {
    let name = diagnostic.commune_name().to_string();
    set_page_title(&format!("Diagnostic de {name}"));
    view! {
        <h1>"Diagnostic de " {name}</h1>
        <dl class="facts">
            <dt>"Créé le"</dt>
            <dd>{format_datetime_fr(&diagnostic.created_at)}</dd>
            <dt>"Dernière modification"</dt>
            <dd>{format_datetime_fr(&diagnostic.updated_at)}</dd>
        </dl>
        <p><A href="/">"Revenir à la liste des diagnostics"</A></p>
    }
}
