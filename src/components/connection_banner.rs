//! The banner that says when this page's connection to the database cannot be used: while an
//! older tab holds an upgrade back, and once a newer version of the app has taken it over.

use gloo_events::EventListener;
use leptos::prelude::*;

use crate::platform::reload_page;
use crate::storage::{connection_state, ConnectionState, CONNECTION_EVENT};

/// Shown above every page while the connection is blocked or superseded.
#[component]
pub fn ConnectionBanner() -> impl IntoView {
    let state = RwSignal::new(connection_state());
    if let Some(window) = web_sys::window() {
        let listener = EventListener::new(&window, CONNECTION_EVENT, move |_| {
            state.set(connection_state())
        });
        // The shell lives as long as the page: so does its listener.
        listener.forget();
    }
    move || match state.get() {
        ConnectionState::Ready => None,
        ConnectionState::Blocked => Some(blocked_banner()),
        ConnectionState::Superseded => Some(superseded_banner()),
    }
}

/// An older tab keeps this page's upgrade waiting: the page goes on once it is closed.
fn blocked_banner() -> AnyView {
    view! {
        <div class="update-banner" role="status">
            <p>
                "Un autre onglet ouvert sur une version précédente de l'application empêche la mise "
                "à jour des données de cet appareil. Fermez ou rechargez les autres onglets de "
                "l'application : cette page continuera dès qu'ils seront fermés."
            </p>
        </div>
    }
    .into_any()
}

/// A newer version took the database over: this page stores nothing until reloaded.
fn superseded_banner() -> AnyView {
    view! {
        <div class="update-banner" role="alert">
            <p>
                "Une version plus récente de l'application a été ouverte dans un autre onglet : "
                "cet onglet n'enregistre plus rien. Rechargez-le pour continuer."
            </p>
            <button type="button" class="button button--primary" on:click=move |_| reload_page()>
                "Recharger"
            </button>
        </div>
    }
    .into_any()
}
