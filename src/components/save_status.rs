//! The discreet autosave indicator: "Enregistré", "Enregistrement…" or the error, with
//! the way out of it.
//!
//! The indicator is seen, not announced: it changes at every pause in typing, and a screen
//! reader reading each change would interrupt the user every few words. A separate live region
//! says once that answers are saved (the page's first save) and that saving works again after
//! an error; errors themselves are announced by their alert.

use leptos::prelude::*;

use crate::platform::reload_page;
use crate::state::bundles::export_rescue_copy;
use crate::state::session::{DiagnosticSession, SaveStatus};
use crate::storage::{connection_state, ConnectionState};

/// Said by the live region at the page's first save.
const FIRST_SAVE: &str = "Vos réponses sont enregistrées automatiquement sur cet appareil.";
/// Said by the live region at the first save after an error.
const SAVING_AGAIN: &str =
    "L'enregistrement fonctionne de nouveau : vos réponses sont enregistrées.";

/// Shows where the autosave stands; an error is announced at once and offers a retry.
#[component]
pub fn SaveStatusIndicator() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let announcement = RwSignal::new("");
    let saved_once = StoredValue::new(false);
    let failed_since_announced = StoredValue::new(false);
    Effect::new(move |_| match session.status.get() {
        SaveStatus::Failed(_) => failed_since_announced.set_value(true),
        SaveStatus::Saved if failed_since_announced.get_value() => {
            failed_since_announced.set_value(false);
            announcement.set(SAVING_AGAIN);
        }
        SaveStatus::Saved if !saved_once.get_value() => {
            saved_once.set_value(true);
            announcement.set(FIRST_SAVE);
        }
        SaveStatus::Idle | SaveStatus::Saving | SaveStatus::Saved => {}
    });
    view! {
        <div class="save-status" data-testid="save-status">
            {move || match session.status.get() {
                SaveStatus::Idle => view! { <p>"Enregistrement automatique sur cet appareil"</p> }.into_any(),
                SaveStatus::Saving => view! { <p>"Enregistrement…"</p> }.into_any(),
                SaveStatus::Saved => view! { <p class="save-status--ok">"Enregistré"</p> }.into_any(),
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
        <p role="status" class="visually-hidden" data-testid="save-announcement">
            {move || announcement.get()}
        </p>
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
