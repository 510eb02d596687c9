//! The installable, offline app: service worker registration, the update banner, and
//! persistent storage.

use std::cell::Cell;

use gloo_events::EventListener;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::ServiceWorkerRegistration;

/// Window event that asks every open editing session to flush before the page reloads.
pub const BEFORE_RELOAD_EVENT: &str = "app-before-reload";

/// How often an open app asks the server whether a new version exists.
const UPDATE_CHECK_MS: u32 = 15 * 60 * 1000;

/// The path the app is served under, without its trailing slash ("" at the site root,
/// "/outil" for a deployment under `/outil/`), read from the document's `<base href>`.
pub fn app_base() -> String {
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// The build identifier written by the build into `<meta name="app-build">`.
pub fn build_version() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=app-build]")
        .ok()??
        .get_attribute("content")
}

/// Whether a service worker controls this page (then a newly installed one is an update).
fn has_controller() -> bool {
    web_sys::window()
        .is_some_and(|window| window.navigator().service_worker().controller().is_some())
}

thread_local! {
    /// Set once this page asked for the new version: the controller change is its own.
    static RELOADING: Cell<bool> = const { Cell::new(false) };
}

/// What the page knows of the service worker: whether a new version waits, or already took
/// over from another tab.
#[derive(Clone, Copy)]
pub struct AppUpdates {
    /// A new version is installed and waits for the user's "Recharger".
    pub update_waiting: RwSignal<bool>,
    /// Another tab switched to a new version: this page runs the old one, whose files are no
    /// longer served (a page not opened yet here would fail to load), and must be reloaded.
    pub updated_elsewhere: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl AppUpdates {
    /// Registers the service worker and starts watching for new versions.
    pub fn start() -> Self {
        let state = AppUpdates {
            update_waiting: RwSignal::new(false),
            updated_elsewhere: RwSignal::new(false),
            registration: StoredValue::new_local(None),
        };
        let Some(container) = web_sys::window().map(|window| window.navigator().service_worker())
        else {
            return state;
        };
        // A page already controlled whose controller changes, without asking: another tab
        // activated a new version. (A first visit's controller, claimed, is no change of version.)
        if has_controller() {
            let on_change = EventListener::new(&container, "controllerchange", move |_| {
                if !RELOADING.with(Cell::get) {
                    state.update_waiting.set(false);
                    state.updated_elsewhere.set(true);
                }
            });
            // The page lives as long as the app: so does the listener.
            on_change.forget();
        }
        let promise = container.register(&format!("{}/sw.js", app_base()));
        spawn_local(async move {
            // No service worker (e.g. an insecure origin, or one blocked and answered with
            // `undefined`, as test browsers do): the app still works online.
            let Some(registration) = JsFuture::from(promise)
                .await
                .ok()
                .and_then(|value| value.dyn_into::<ServiceWorkerRegistration>().ok())
            else {
                return;
            };
            state.watch(&registration);
            state.registration.set_value(Some(registration));
        });
        state
    }

    fn watch(&self, registration: &ServiceWorkerRegistration) {
        let state = *self;
        if registration.waiting().is_some() && has_controller() {
            state.update_waiting.set(true);
        }
        // An update found during this page's start-up may already be installing.
        if let Some(installing) = registration.installing() {
            state.track(installing);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = watched.installing() {
                state.track(installing);
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();

        let checked = registration.clone();
        let _ = checked.update();
        gloo_timers::callback::Interval::new(UPDATE_CHECK_MS, move || {
            let _ = checked.update();
        })
        .forget();
    }

    /// Shows the banner once an installing worker is installed while another controls the page.
    fn track(&self, installing: web_sys::ServiceWorker) {
        let state = *self;
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            // "installed" while a controller exists means an update, not the first install.
            if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                state.update_waiting.set(true);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    }

    /// Flushes every pending answer, activates the waiting version and reloads onto it.
    pub fn reload_to_new_version(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(event) = web_sys::CustomEvent::new(BEFORE_RELOAD_EVENT) {
            let _ = window.dispatch_event(&event);
        }
        let container = window.navigator().service_worker();
        RELOADING.with(|reloading| reloading.set(true));
        let on_controller_change = Closure::<dyn FnMut()>::new(move || {
            thread_local!(static RELOADED: Cell<bool> = const { Cell::new(false) });
            if !RELOADED.with(|reloaded| reloaded.replace(true)) {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        });
        container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
        on_controller_change.forget();
        let waiting = self
            .registration
            .with_value(|registration| registration.as_ref().and_then(|r| r.waiting()));
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("skipWaiting"));
            }
            None => {
                let _ = window.location().reload();
            }
        }
    }
}

/// The banner offering the new version, shown while one is waiting; or, once another tab has
/// switched to it, asking to reload this one.
#[component]
pub fn UpdateBanner(state: AppUpdates) -> impl IntoView {
    view! {
        <Show when=move || state.updated_elsewhere.get()>
            <div class="update-banner" role="alert">
                <p>
                    "L'application a été mise à jour dans un autre onglet. Rechargez cette page pour "
                    "continuer avec la nouvelle version : vos réponses enregistrées sont conservées."
                </p>
                <button type="button" class="button button--primary" on:click=move |_| crate::platform::reload_page()>
                    "Recharger"
                </button>
            </div>
        </Show>
        <Show when=move || state.update_waiting.get()>
            <div class="update-banner" role="status">
                <p>"Une nouvelle version est disponible."</p>
                <button type="button" class="button button--primary" on:click=move |_| state.reload_to_new_version()>
                    "Recharger"
                </button>
            </div>
        </Show>
    }
}

thread_local! {
    static PERSISTENCE_ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Asks the browser, once per page, to keep this site's storage (not to evict it under pressure).
pub fn request_persistence_once() {
    if PERSISTENCE_ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let storage = window.navigator().storage();
    if let Ok(promise) = storage.persist() {
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// What the browser says of this site's storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageReport {
    /// Whether the storage is persistent (kept under storage pressure).
    pub persisted: Option<bool>,
    /// Bytes used by this site.
    pub usage: Option<f64>,
    /// Bytes this site may use.
    pub quota: Option<f64>,
}

/// Reads persistence, usage and quota from the Storage API (missing parts stay `None`).
pub async fn storage_report() -> StorageReport {
    let Some(window) = web_sys::window() else {
        return StorageReport::default();
    };
    let storage = window.navigator().storage();
    let mut report = StorageReport::default();
    if let Ok(promise) = storage.persisted() {
        report.persisted = JsFuture::from(promise).await.ok().and_then(|v| v.as_bool());
    }
    if let Ok(promise) = storage.estimate() {
        if let Ok(estimate) = JsFuture::from(promise).await {
            let read = |key: &str| {
                js_sys::Reflect::get(&estimate, &JsValue::from_str(key))
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            report.usage = read("usage");
            report.quota = read("quota");
        }
    }
    report
}
