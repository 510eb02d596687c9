//! The page's connection to the app's database: opened once, handed over to a newer version of
//! the app, and reported while older tabs hold an upgrade back.
//!
//! IndexedDB upgrades a schema only once every other connection to the database is closed.
//! When a tab running a newer version (after an app update) asks for the upgrade, this page
//! gets a `versionchange` event: it asks the editing sessions to flush ([`CLOSING_EVENT`]),
//! closes its connection once their writes have started (a connection closes when its last
//! transaction ends), and from then on refuses to store anything with a message telling the
//! user to reload. The other way round, a page whose upgrade waits for an older tab that does
//! not let go says so ([`ConnectionState::Blocked`]) instead of loading forever.

use std::cell::{Cell, RefCell};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use wasm_bindgen::JsCast;

use super::database::{open_database_reporting_blocked, DB_NAME, DB_VERSION};
use super::{Repository, StorageError};

/// Window event dispatched when the connection's state changes (see [`connection_state`]).
pub const CONNECTION_EVENT: &str = "storage-connection";
/// Window event asking every editing session to commit its pending edits now: the connection
/// is about to be handed over to a newer version of the app.
pub const CLOSING_EVENT: &str = "storage-closing";

/// What the page should tell the user about its connection to the database.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConnectionState {
    /// Open, or opening: nothing to tell.
    #[default]
    Ready,
    /// Opening waits for other tabs, running an older version, to close their connection.
    Blocked,
    /// Handed over to a newer version of the app opened in another tab: this page can no
    /// longer store anything and must be reloaded.
    Superseded,
}

thread_local! {
    /// The app's repository, opened once per page.
    static SHARED: RefCell<Option<Repository>> = const { RefCell::new(None) };
    static STATE: Cell<ConnectionState> = const { Cell::new(ConnectionState::Ready) };
    /// The `versionchange` listeners of the connections this page opened.
    static WATCHERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// Where the page's connection stands.
pub fn connection_state() -> ConnectionState {
    STATE.with(Cell::get)
}

/// The app's repository on the default database, opened on first use.
///
/// Fails with [`StorageError::Superseded`] once a newer version of the app has taken the
/// database over.
pub async fn shared_repository() -> Result<Repository, StorageError> {
    if connection_state() == ConnectionState::Superseded {
        return Err(StorageError::Superseded);
    }
    if let Some(repository) = SHARED.with(|shared| shared.borrow().clone()) {
        return Ok(repository);
    }
    let opened = open_database_reporting_blocked(DB_NAME, DB_VERSION, || {
        set_state(ConnectionState::Blocked)
    })
    .await;
    if connection_state() == ConnectionState::Blocked {
        set_state(ConnectionState::Ready);
    }
    let database = opened?;
    watch_version_changes(&database);
    let repository = Repository::from_database(database);
    SHARED.with(|shared| *shared.borrow_mut() = Some(repository.clone()));
    Ok(repository)
}

fn set_state(state: ConnectionState) {
    STATE.with(|current| current.set(state));
    dispatch(CONNECTION_EVENT);
}

fn dispatch(event_name: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::CustomEvent::new(event_name)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Hands the connection over when another tab asks to upgrade (or delete) the database.
fn watch_version_changes(database: &Database) {
    let target: &web_sys::EventTarget = database.as_sys().unchecked_ref();
    let database = database.clone();
    let listener = EventListener::once(target, "versionchange", move |_| {
        dispatch(CLOSING_EVENT);
        // The sessions' commits create their transactions in microtasks, and a timeout runs
        // after every microtask: closing then lets those writes finish before the hand-over.
        Timeout::new(0, move || {
            SHARED.with(|shared| shared.borrow_mut().take());
            database.close();
            set_state(ConnectionState::Superseded);
        })
        .forget();
    });
    WATCHERS.with(|watchers| watchers.borrow_mut().push(listener));
}
