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
        watch_focus(navigation, CHECKS, false);
    });
}

/// Gives the focus to the page's heading while it is lost; `given` once it was given: from then
/// on, only a focus fallen back to the body (the heading replaced) is taken for lost, and a
/// move anywhere else (the header included) is the user's, which ends the watch.
fn watch_focus(navigation: u32, checks_left: u32, given: bool) {
    if checks_left == 0 || NAVIGATION.with(Cell::get) != navigation {
        return;
    }
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let active = document.active_element();
    let lost = active.as_ref().is_none_or(|element| {
        document
            .body()
            .is_some_and(|body| body.is_same_node(Some(element)))
            || (!given && element.closest(".site-header").ok().flatten().is_some())
    });
    let heading = document
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    let mut given = given;
    if lost {
        if let Some(heading) = &heading {
            if !heading.has_attribute("tabindex") {
                let _ = heading.set_attribute("tabindex", "-1");
            }
            given = heading.focus().is_ok();
        }
    } else if active.is_some_and(|element| {
        heading
            .as_ref()
            .is_none_or(|heading| !heading.is_same_node(Some(&element)))
    }) {
        // The user (or the page) chose where the focus goes: leave it there.
        return;
    }
    Timeout::new(CHECK_EVERY_MS, move || {
        watch_focus(navigation, checks_left - 1, given)
    })
    .forget();
}
