//! What the user sees when the app stops on an unexpected error.
//!
//! The release build aborts on a panic (`panic = "abort"`): the wasm module is dead afterwards,
//! so the notice is plain DOM written from the panic hook, with a plain link to reload — no
//! Leptos, no event handler. The likeliest cause is a page's code chunk that could not be
//! fetched (see `lazy_pages`): offline before the first visit finished, or a server gone.
//! Answers are already in IndexedDB, so the notice says they are safe.
//!
//! When the failure follows a click on a link (a chunk is fetched before the router changes the
//! address), the reload link goes to the page the user asked for, not the one they were leaving.

use std::cell::RefCell;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

const NOTICE_ID: &str = "crash-notice";

/// How long after a click on a link a failure is taken as that link's page failing to open.
/// Generous: fetching a chunk on a bad line can take many seconds before it fails.
const ASKED_PAGE_WINDOW_MS: f64 = 60_000.0;

thread_local! {
    /// The address of the last same-origin link clicked, and when (`Date.now()`).
    static ASKED_PAGE: RefCell<Option<(String, f64)>> = const { RefCell::new(None) };
}

/// Logs panics to the console (message and location) and shows the French crash notice.
pub fn install_panic_hook() {
    remember_link_clicks();
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

/// Notes every click on a same-origin link, in the capture phase (before the router handles
/// it), for the reload link of the notice.
fn remember_link_clicks() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let options = EventListenerOptions::run_in_capture_phase();
    EventListener::new_with_options(&document, "click", options, |event| {
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let own_origin = web_sys::window().and_then(|window| window.location().origin().ok());
        if let Some(link) = link.filter(|link| Some(link.origin()) == own_origin) {
            ASKED_PAGE.with(|asked| *asked.borrow_mut() = Some((link.href(), js_sys::Date::now())));
        }
    })
    // Lives as long as the page: the notice may be needed at any time.
    .forget();
}

fn show_notice() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id(NOTICE_ID);
    notice.set_class_name("crash-notice");
    let _ = notice.set_attribute("role", "alert");
    let message = document.create_element("p");
    let reload = document.create_element("a");
    if let (Ok(message), Ok(reload)) = (message, reload) {
        message.set_text_content(Some(
            "La page n'a pas pu s'afficher : une partie de l'application n'a pas pu être chargée \
             (connexion coupée ?) ou une erreur inattendue est survenue. Vos réponses déjà \
             enregistrées restent sur cet appareil. Vérifiez la connexion, puis rechargez la page.",
        ));
        if let Ok(reload) = reload.dyn_into::<web_sys::HtmlAnchorElement>() {
            reload.set_href(&reload_address());
            // A full page load, not a client-side navigation: the router must leave it alone.
            let _ = reload.set_attribute("rel", "external");
            reload.set_class_name("button button--primary");
            reload.set_text_content(Some("Recharger la page"));
            let _ = notice.append_child(&message);
            let _ = notice.append_child(&reload);
        }
    }
    let _ = body.insert_before(&notice, body.first_child().as_ref());
}

/// The page the user asked for when a link was clicked just before, else the current one.
fn reload_address() -> String {
    let recent_click = ASKED_PAGE.with(|asked| {
        asked
            .borrow()
            .clone()
            .filter(|(_, clicked_at)| js_sys::Date::now() - clicked_at < ASKED_PAGE_WINDOW_MS)
    });
    if let Some((address, _)) = recent_click {
        return address;
    }
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_else(|| "./".to_owned())
}
