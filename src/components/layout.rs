//! The app shell around every page: header with navigation, and footer.

use leptos::prelude::*;
use leptos_router::components::A;

/// Name of the app as shown in the header and the page title.
pub const APP_NAME: &str = "Diagnostic transfrontalier";

/// Site header: the app's name and the main navigation.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <p class="site-header__name">
                    <A href="/">{APP_NAME}</A>
                    <span class="site-header__tagline">"Petites Villes de Demain · MOT"</span>
                </p>
                <nav aria-label="Navigation principale" class="site-nav">
                    <ul>
                        <li><A href="/">"Mes diagnostics"</A></li>
                        <li><A href="/ressources">"Ressources et contacts"</A></li>
                        <li><A href="/importer">"Importer"</A></li>
                        <li><A href="/mot">"Espace MOT"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// Site footer: who the tool is for, and where the data lives.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Outil de diagnostic des opportunités transfrontalières proposé par la Mission "
                "Opérationnelle Transfrontalière (MOT) aux communes du programme Petites Villes de Demain."
            </p>
            <p>"Vos données restent sur cet appareil : rien n'est envoyé sans votre action."</p>
        </footer>
    }
}
