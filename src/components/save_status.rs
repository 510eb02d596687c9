//! The discreet autosave indicator: "Enregistré", "Enregistrement…" or the error.

use leptos::prelude::*;

use crate::state::bundles::export_rescue_copy;
use crate::state::session::{DiagnosticSession, SaveStatus};

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
                            <button type="button" class="button" on:click=move |_| session.flush()>
                                "Réessayer l'enregistrement"
                            </button>
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
