//! What the user sees when the app stops on an unexpected error.
//!
//! The release build aborts on a panic (`panic = "abort"`): the wasm module is dead afterwards,
//! so the notice is plain DOM written from the panic hook, with a plain link to reload — no
//! Leptos, no event handler. The likeliest cause is a page's code chunk that could not be
//! fetched (see `lazy_pages`): offline before the first visit finished, or a server gone.
//! Answers are already in IndexedDB, so the notice says they are safe.

use wasm_bindgen::JsCast;

const NOTICE_ID: &str = "crash-notice";

/// Logs panics to the console (message and location) and shows the French crash notice.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
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
            reload.set_href(&current_address());
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

fn current_address() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_else(|| "./".to_owned())
}
