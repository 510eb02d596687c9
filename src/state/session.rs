//! The diagnostic being edited in this tab: autosave, crash journal, and sync with other tabs.
//!
//! Every edit is applied to the in-memory diagnostic at once, written to the crash journal
//! synchronously, and committed to IndexedDB right away (choices) or after a short pause
//! (typing); pending edits are flushed when the page is hidden or closed. Each commit is a
//! read-modify-write of the latest stored record, so two tabs never overwrite each other's
//! answers; a commit is announced on a `BroadcastChannel` and the other tabs re-read the record.

use std::rc::Rc;

use domain::{Answer, Diagnostic};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::error::AppError;
use crate::platform::now_iso;
use crate::storage::journal::{self, PendingEdits};
use crate::storage::shared_repository;

/// Pause after the last keystroke before typed text is committed.
pub const TYPING_DEBOUNCE_MS: u32 = 300;
/// Name of the channel on which tabs announce committed changes.
const CHANNEL_NAME: &str = "diagnostic-transfrontalier:changes";

/// Where the autosave stands, shown discreetly to the user.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since the page opened.
    Idle,
    /// Changes are being written.
    Saving,
    /// Every change is stored on this device.
    Saved,
    /// The last write failed; the changes stay in memory (and in the journal).
    Failed(String),
}

/// How soon an edit is committed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Commit {
    /// Now (a click on a choice).
    Now,
    /// After a short pause (typing), or when the field loses focus.
    AfterPause,
}

/// A change to a diagnostic other than an answer (applied in memory, then to the stored record).
type Change = Rc<dyn Fn(&mut Diagnostic)>;

/// Handle on the diagnostic being edited, provided as context to the pages of a diagnostic.
#[derive(Clone, Copy)]
pub struct DiagnosticSession {
    /// The diagnostic as this tab sees it: stored record plus edits not yet committed.
    pub diagnostic: RwSignal<Diagnostic>,
    /// Where the autosave stands.
    pub status: RwSignal<SaveStatus>,
    id: StoredValue<String>,
    pending: StoredValue<PendingEdits>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    listeners: StoredValue<Vec<EventListener>, LocalStorage>,
    channel: StoredValue<Option<BroadcastLink>, LocalStorage>,
}

/// The tab's broadcast channel and the closure that keeps its message handler alive.
struct BroadcastLink {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for BroadcastLink {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Loads a diagnostic for editing, first replaying any edit left in the crash journal.
pub async fn load_for_editing(id: &str) -> Result<Diagnostic, AppError> {
    let repository = shared_repository().await?;
    let journaled = journal::read(id);
    if journaled.is_empty() {
        return Ok(repository.get(id).await?);
    }
    let now = now_iso();
    let replayed = repository
        .update(id, |diagnostic| apply_edits(diagnostic, &journaled, &now))
        .await?;
    journal::write(id, &PendingEdits::new());
    Ok(replayed)
}

/// Tells the page (benchmarks, tests) that a change reached IndexedDB: a `diagnostic-committed` event.
fn signal_commit() {
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        web_sys::CustomEvent::new(COMMITTED_EVENT),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// Name of the window event dispatched after each commit to IndexedDB.
pub const COMMITTED_EVENT: &str = "diagnostic-committed";

fn apply_edits(diagnostic: &mut Diagnostic, edits: &PendingEdits, now: &str) {
    for (question_id, answer) in edits {
        diagnostic.set_answer(question_id, answer.clone(), now);
    }
}

impl DiagnosticSession {
    /// Starts editing a loaded diagnostic: installs the flush-on-hide listeners and the tab sync.
    pub fn start(diagnostic: Diagnostic) -> Self {
        let session = DiagnosticSession {
            id: StoredValue::new(diagnostic.id.clone()),
            diagnostic: RwSignal::new(diagnostic),
            status: RwSignal::new(SaveStatus::Idle),
            pending: StoredValue::new(PendingEdits::new()),
            timer: StoredValue::new_local(None),
            listeners: StoredValue::new_local(Vec::new()),
            channel: StoredValue::new_local(None),
        };
        session.install_listeners();
        session
    }

    /// The id of the diagnostic.
    pub fn id(&self) -> String {
        self.id.get_value()
    }

    /// Records an answer (or clears it with `None`).
    pub fn set_answer(&self, question_id: &str, answer: Option<Answer>, commit: Commit) {
        let now = now_iso();
        self.diagnostic
            .update(|diagnostic| diagnostic.set_answer(question_id, answer.clone(), &now));
        self.pending.update_value(|pending| {
            pending.insert(question_id.to_string(), answer);
        });
        journal::write(&self.id(), &self.pending.get_value());
        match commit {
            Commit::Now => self.flush(),
            Commit::AfterPause => self.schedule_flush(),
        }
    }

    /// Applies a change other than an answer (a theme "non concerné", a note, completion) and stores it.
    pub fn apply(&self, change: impl Fn(&mut Diagnostic) + 'static) {
        let change: Change = Rc::new(change);
        let now = now_iso();
        self.diagnostic.update(|diagnostic| {
            change(diagnostic);
            diagnostic.touch(&now);
        });
        self.commit(Some(change));
    }

    /// Commits every pending edit now.
    pub fn flush(&self) {
        self.timer.set_value(None);
        if !self.pending.with_value(PendingEdits::is_empty) {
            self.commit(None);
        }
    }

    fn schedule_flush(&self) {
        let session = *self;
        let timeout = Timeout::new(TYPING_DEBOUNCE_MS, move || session.flush());
        // Replacing the previous timeout cancels it: only the last keystroke's pause counts.
        self.timer.set_value(Some(timeout));
    }

    /// Writes the pending edits (and an optional other change) in one transaction.
    fn commit(&self, change: Option<Change>) {
        let session = *self;
        let id = self.id();
        let edits = self.pending.get_value();
        self.status.set(SaveStatus::Saving);
        spawn_local(async move {
            let now = now_iso();
            let stored = match shared_repository().await {
                Ok(repository) => {
                    repository
                        .update(&id, |diagnostic| {
                            apply_edits(diagnostic, &edits, &now);
                            if let Some(change) = &change {
                                change(diagnostic);
                                diagnostic.touch(&now);
                            }
                        })
                        .await
                }
                Err(error) => Err(error),
            };
            match stored {
                Ok(record) => {
                    session.forget_committed(&edits);
                    session.show_record(record);
                    session.status.set(SaveStatus::Saved);
                    session.announce();
                    signal_commit();
                    // Once the user has something worth keeping, ask the browser to keep it.
                    crate::pwa::request_persistence_once();
                }
                Err(error) => session.status.set(SaveStatus::Failed(error.to_string())),
            }
        });
    }

    /// Drops the committed edits from the pending ones, unless they were edited again meanwhile.
    fn forget_committed(&self, committed: &PendingEdits) {
        self.pending.update_value(|pending| {
            pending.retain(|question_id, answer| committed.get(question_id) != Some(answer));
        });
        journal::write(&self.id(), &self.pending.get_value());
    }

    /// Shows a stored record, with the edits still pending on top of it.
    fn show_record(&self, mut record: Diagnostic) {
        let pending = self.pending.get_value();
        if !pending.is_empty() {
            let updated_at = record.updated_at.clone();
            apply_edits(&mut record, &pending, &updated_at);
        }
        self.diagnostic.set(record);
    }

    /// Re-reads the record after another tab changed it.
    fn reload(&self) {
        let session = *self;
        let id = self.id();
        spawn_local(async move {
            if let Ok(repository) = shared_repository().await {
                if let Ok(record) = repository.get(&id).await {
                    session.show_record(record);
                }
            }
        });
    }

    fn announce(&self) {
        self.channel.with_value(|link| {
            if let Some(link) = link {
                let _ = link.channel.post_message(&self.id().into());
            }
        });
    }

    fn install_listeners(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let session = *self;
        let mut listeners = vec![EventListener::new(&window, "pagehide", move |_| {
            session.flush()
        })];
        if let Some(document) = window.document() {
            let hidden_document = document.clone();
            listeners.push(EventListener::new(
                &document,
                "visibilitychange",
                move |_| {
                    if hidden_document.hidden() {
                        session.flush();
                    }
                },
            ));
        }
        self.listeners.set_value(listeners);

        if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL_NAME) {
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    if event.data().as_string().as_deref() == Some(session.id().as_str()) {
                        session.reload();
                    }
                },
            );
            channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            self.channel.set_value(Some(BroadcastLink {
                channel,
                _on_message: on_message,
            }));
        }
    }

    /// Flushes what is pending and stops listening (the pages of this diagnostic are left).
    pub fn stop(&self) {
        self.flush();
        self.listeners.set_value(Vec::new());
        self.channel.set_value(None);
    }
}
