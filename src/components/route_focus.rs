//! Where the keyboard focus goes when the address changes: to the new page's heading, so that
//! a screen reader announces the page and the next Tab starts from its content.
//!
//! Pages inside a diagnostic move the focus themselves (to the step's heading, or to the
//! question the address names); this covers the others (home, import, MOT's pages), whose
//! links leave the focus on a header link that stays, or on a link that is gone with its page
//! (then the focus falls back to the document's body). A page's heading may appear only once
//! its code or its data has loaded: the focus is watched for a short while, and given to the
//! heading whenever it is lost, until the user or the page puts it somewhere in the content.

use std::cell::Cell;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// How often, and how many times, the focus is checked after a change of address.
const CHECK_EVERY_MS: u32 = 50;
const CHECKS: u32 = 60;

thread_local! {
    /// The current change of address: a watch started for an earlier one stops.
    static NAVIGATION: Cell<u32> = const { Cell::new(0) };
}

/// Watches the address (inside the router); renders nothing.
#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    let first_page = StoredValue::new(true);
    Effect::new(move |_| {
        let _ = location.pathname.get();
        // The page the app opens on keeps the browser's own focus (the skip link comes first).
        if first_page.get_value() {
            first_page.set_value(false);
            return;
        }
        let navigation = NAVIGATION.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        // Where the focus was when the address changed: the link followed, most often.
        let origin = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.active_element());
        watch_focus(navigation, CHECKS, None, origin);
    });
}

/// Gives the focus to the page's heading while it is lost. Before any heading had it, the focus
/// is lost on the body or in the header (the link followed); while it stays on `origin` (the
/// link followed, not yet gone with its page) the watch waits. Once a heading had it (given
/// here, or by the page), the focus is lost only when that heading has left the page (replaced
/// as the page loads) and the focus fell back to the body. Any other move is the user's, and
/// ends the watch: a click on the page's text (which also leaves the focus on the body) is not
/// undone.
fn watch_focus(
    navigation: u32,
    checks_left: u32,
    given: Option<web_sys::HtmlElement>,
    origin: Option<web_sys::Element>,
) {
    if checks_left == 0 || NAVIGATION.with(Cell::get) != navigation {
        return;
    }
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let heading = document
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    let active = document.active_element();
    let on_body = active.as_ref().is_none_or(|element| {
        document
            .body()
            .is_some_and(|body| body.is_same_node(Some(element)))
    });
    let on_heading = |heading: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|element| heading.is_same_node(Some(element)))
    };
    let mut given = given;
    let lost = match &given {
        None => {
            on_body
                || active
                    .as_ref()
                    .is_some_and(|element| element.closest(".site-header").ok().flatten().is_some())
        }
        Some(previous) => on_body && !previous.is_connected(),
    };
    if lost {
        if let Some(heading) = heading {
            if !heading.has_attribute("tabindex") {
                let _ = heading.set_attribute("tabindex", "-1");
            }
            if heading.focus().is_ok() {
                given = Some(heading);
            }
        }
    } else if let Some(heading) = heading.filter(|heading| on_heading(heading)) {
        given = Some(heading);
    } else if given.is_some() || !(on_body || still_on(&origin, &active)) {
        // The user (or the page) chose where the focus goes: leave it there.
        return;
    }
    Timeout::new(CHECK_EVERY_MS, move || {
        watch_focus(navigation, checks_left - 1, given, origin)
    })
    .forget();
}

/// Whether the focus is still where it was when the address changed.
fn still_on(origin: &Option<web_sys::Element>, active: &Option<web_sys::Element>) -> bool {
    match (origin, active) {
        (Some(origin), Some(active)) => origin.is_same_node(Some(active)),
        _ => false,
    }
}
