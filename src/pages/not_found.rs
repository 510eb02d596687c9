//! The page shown for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::platform::set_page_title;

/// "Page introuvable", with a way back home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_page_title("Page introuvable");
    view! {
        <h1>"Page introuvable"</h1>
        <p>"Cette adresse ne correspond à aucune page de l'application."</p>
        <p><A href="/">"Revenir à la liste des diagnostics"</A></p>
    }
}
