//! The discreet autosave indicator: "Enregistré", "Enregistrement…" or the error, with
//! the way out of it.

use leptos::prelude::*;

use crate::platform::reload_page;
use crate::state::bundles::export_rescue_copy;
use crate::state::session::{DiagnosticSession, SaveStatus};
use crate::storage::{connection_state, ConnectionState};

/// Shows where the autosave stands; an error is announced at once and offers a retry.
#[component]
pub fn SaveStatusIndicator() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    view! {
        <div class="save-status" data-testid="save-status">
            {move || match session.status.get() {
                SaveStatus::Idle => view! { <p role="status">"Enregistrement automatique sur cet appareil"</p> }.into_any(),
                SaveStatus::Saving => view! { <p role="status">"Enregistrement…"</p> }.into_any(),
                SaveStatus::Saved => view! { <p role="status" class="save-status--ok">"Enregistré"</p> }.into_any(),
                SaveStatus::Failed(message) => {
                    view! {
                        <div role="alert" class="notice notice--error">
                            <p>{message}</p>
                            <p>"Vos réponses restent affichées dans cette page tant qu'elle est ouverte."</p>
                            {retry_button(session)}
                            " "
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    let _ = session.diagnostic.with_untracked(export_rescue_copy);
                                }
                            >
                                "Exporter mes réponses dans un fichier"
                            </button>
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The way to try again: storing again, or, once a newer version of the app has taken the
/// database over (storing again would fail the same way), reloading the page onto it.
fn retry_button(session: DiagnosticSession) -> AnyView {
    if connection_state() == ConnectionState::Superseded {
        view! {
            <button type="button" class="button" on:click=move |_| reload_page()>
                "Recharger la page"
            </button>
        }
        .into_any()
    } else {
        view! {
            <button type="button" class="button" on:click=move |_| session.flush()>
                "Réessayer l'enregistrement"
            </button>
        }
        .into_any()
    }
}
