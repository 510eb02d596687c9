//! The machinery behind a [`super::DiagnosticSession`]: the queue of edits, the crash journal,
//! commits to IndexedDB one at a time, the typing pause, and the sync with other tabs.
//!
//! It is reference-counted rather than owned by the pages: a commit started as the pages are
//! left (or the tab hidden) holds it until the write ends, so the journal is cleared and the
//! other tabs are told. Signals of pages already left are set with `try_` (a no-op then).

use std::cell::RefCell;
use std::rc::Rc;

use domain::edit_queue::{AfterCommit, Change, EditQueue, ReadTicket};
use domain::{Answer, Diagnostic};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Commit, SaveStatus, TYPING_DEBOUNCE_MS};
use crate::platform::now_iso;
use crate::pwa::BEFORE_RELOAD_EVENT;
use crate::state::broadcast::{announce, BroadcastLink};
use crate::storage::journal::{Moment, PendingEdits, TabJournal};
use crate::storage::{shared_repository, CLOSING_EVENT};

/// Name of the window event dispatched after each commit to IndexedDB.
pub const COMMITTED_EVENT: &str = "diagnostic-committed";
/// Name of the channel on which tabs announce committed changes.
const CHANNEL_NAME: &str = "diagnostic-transfrontalier:changes";

/// Edits, commits and tab sync of one diagnostic in this tab.
pub struct Editor {
    id: String,
    diagnostic: RwSignal<Diagnostic>,
    status: RwSignal<SaveStatus>,
    queue: RefCell<EditQueue>,
    /// Revision and time of change of the last record read from (or written to) storage.
    stored_version: RefCell<(u32, String)>,
    journal: TabJournal,
    timer: RefCell<Option<Timeout>>,
    listeners: RefCell<Vec<EventListener>>,
    channel: RefCell<Option<BroadcastLink>>,
}

impl Editor {
    /// Starts editing: listens for the page being hidden and for other tabs' commits.
    pub fn start(
        id: String,
        diagnostic: RwSignal<Diagnostic>,
        status: RwSignal<SaveStatus>,
    ) -> Rc<Self> {
        let stored_version = diagnostic.with_untracked(version_of);
        let editor = Rc::new(Editor {
            stored_version: RefCell::new(stored_version),
            journal: TabJournal::new(&id),
            id,
            diagnostic,
            status,
            queue: RefCell::new(EditQueue::default()),
            timer: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            channel: RefCell::new(None),
        });
        editor.install_listeners();
        // Once listening, re-read: a commit another tab announced while this one was loading
        // the record would otherwise not show.
        editor.reread();
        editor
    }

    /// The id of the diagnostic.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Records an answer (or clears it with `None`).
    pub fn set_answer(self: &Rc<Self>, question_id: &str, answer: Option<Answer>, commit: Commit) {
        let now = now_iso();
        let before = self
            .diagnostic
            .with_untracked(|diagnostic| diagnostic.answers.get(question_id).cloned());
        self.diagnostic
            .update(|diagnostic| diagnostic.set_answer(question_id, answer.clone(), &now));
        self.queue
            .borrow_mut()
            .set_answer(question_id, answer, before);
        self.write_journal();
        self.commit_when(commit);
    }

    /// Applies a change other than an answer and commits it now.
    pub fn apply(self: &Rc<Self>, change: Change) {
        self.show_change(&change);
        self.queue.borrow_mut().push_change(change);
        self.flush();
    }

    /// Applies a change to an item, journals it as `journal_item` records it (before the
    /// change and after it), and commits now or after the typing pause.
    pub fn apply_journaled(
        self: &Rc<Self>,
        change: Change,
        journal_item: &dyn Fn(&Diagnostic, &mut PendingEdits, Moment),
        commit: Commit,
    ) {
        let record = |moment| {
            let mut queue = self.queue.borrow_mut();
            self.diagnostic
                .with_untracked(|diagnostic| journal_item(diagnostic, queue.journal_mut(), moment));
        };
        record(Moment::BeforeChange);
        self.show_change(&change);
        self.queue.borrow_mut().push_change(change);
        record(Moment::AfterChange);
        self.write_journal();
        self.commit_when(commit);
    }

    fn show_change(&self, change: &Change) {
        let now = now_iso();
        self.diagnostic.update(|diagnostic| {
            change(diagnostic);
            diagnostic.touch(&now);
        });
    }

    /// Commits every pending edit now (after the commit in flight, if any).
    pub fn flush(self: &Rc<Self>) {
        self.timer.replace(None);
        self.commit();
    }

    /// Flushes what is pending and stops listening (the pages of this diagnostic are left).
    pub fn stop(self: &Rc<Self>) {
        self.flush();
        self.listeners.replace(Vec::new());
    }

    fn commit_when(self: &Rc<Self>, commit: Commit) {
        match commit {
            Commit::Now => self.flush(),
            Commit::AfterPause => self.schedule_flush(),
        }
    }

    fn schedule_flush(self: &Rc<Self>) {
        // Not "Enregistré" while the text waits for the pause: it is only in the journal yet.
        self.set_status(SaveStatus::Saving);
        let editor = Rc::downgrade(self);
        let timeout = Timeout::new(TYPING_DEBOUNCE_MS, move || {
            if let Some(editor) = editor.upgrade() {
                editor.flush();
            }
        });
        // Replacing the previous timeout cancels it: only the last keystroke's pause counts.
        self.timer.replace(Some(timeout));
    }

    fn write_journal(&self) {
        self.journal.write(self.queue.borrow().journal());
    }

    /// Writes what is pending in one transaction, unless a commit is in flight (then it
    /// follows that one).
    fn commit(self: &Rc<Self>) {
        let Some(batch) = self.queue.borrow_mut().begin_commit() else {
            return;
        };
        self.set_status(SaveStatus::Saving);
        let editor = Rc::clone(self);
        spawn_local(async move {
            let now = now_iso();
            let stored = match shared_repository().await {
                Ok(repository) => {
                    repository
                        .update(&editor.id, |record| batch.apply(record, &now))
                        .await
                }
                Err(error) => Err(error),
            };
            let next = editor
                .queue
                .borrow_mut()
                .end_commit(&batch, stored.as_ref().ok());
            editor.write_journal();
            match stored {
                Ok(record) => {
                    editor.show_record(batch.read_ticket(), record);
                    editor.set_status(SaveStatus::Saved);
                    editor.announce();
                    signal_commit();
                    // Once the user has something worth keeping, ask the browser to keep it.
                    crate::pwa::request_persistence_once();
                }
                Err(error) => {
                    editor.set_status(SaveStatus::Failed(error.to_string()));
                }
            }
            match next {
                AfterCommit::CommitAgain => editor.commit(),
                AfterCommit::Reread => editor.reread(),
                AfterCommit::Done => {}
            }
        });
    }

    /// Sets the save status, unless it is already that: the status is a live region, and
    /// setting it again would announce it again at each keystroke.
    fn set_status(&self, status: SaveStatus) {
        let unchanged = self
            .status
            .try_with_untracked(|current| *current == status)
            .unwrap_or(true);
        if !unchanged {
            self.status.try_set(status);
        }
    }

    /// Shows a stored record, with the edits still pending on top of it, unless a read started
    /// after this one is shown already.
    fn show_record(&self, read: ReadTicket, record: Diagnostic) {
        let Some(shown) = self.queue.borrow_mut().record_read(read, &record) else {
            return;
        };
        self.stored_version.replace(version_of(&record));
        self.write_journal();
        self.diagnostic.try_set(shown);
    }

    /// Re-reads the record after another tab changed it.
    fn reread(self: &Rc<Self>) {
        // Numbered now: the read's transaction is created in the same order, as the task runs.
        let read = self.queue.borrow_mut().start_read();
        let editor = Rc::clone(self);
        spawn_local(async move {
            if let Ok(repository) = shared_repository().await {
                match repository.get(&editor.id).await {
                    // Every stored change raises the revision and sets the time: the same
                    // version is what this tab shows already; drawing it again is for nothing.
                    Ok(record) if version_of(&record) != *editor.stored_version.borrow() => {
                        editor.show_record(read, record)
                    }
                    _ => {}
                }
            }
        });
    }

    fn announce(&self) {
        if let Some(link) = self.channel.borrow().as_ref() {
            link.post(&self.id);
        }
    }

    fn install_listeners(self: &Rc<Self>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        // Weak: the listeners live in the editor, and must not keep it alive.
        let editor = Rc::downgrade(self);
        let flush = move || {
            if let Some(editor) = editor.upgrade() {
                editor.flush();
            }
        };
        let on_hide = flush.clone();
        let on_closing = flush.clone();
        let on_reload = flush.clone();
        let mut listeners = vec![
            EventListener::new(&window, "pagehide", move |_| on_hide()),
            // "Recharger" onto a new version: store what is pending first.
            EventListener::new(&window, BEFORE_RELOAD_EVENT, move |_| on_reload()),
            // A newer version of the app is taking the database over: store what is pending
            // before this page's connection closes.
            EventListener::new(&window, CLOSING_EVENT, move |_| on_closing()),
        ];
        if let Some(document) = window.document() {
            let hidden_document = document.clone();
            listeners.push(EventListener::new(
                &document,
                "visibilitychange",
                move |_| {
                    if hidden_document.hidden() {
                        flush();
                    }
                },
            ));
        }
        self.listeners.replace(listeners);
        // A message naming this diagnostic makes the editor re-read it.
        let editor = Rc::downgrade(self);
        self.channel
            .replace(BroadcastLink::listen(CHANNEL_NAME, move |id| {
                let Some(editor) = editor.upgrade() else {
                    return;
                };
                if id == editor.id && editor.queue.borrow_mut().other_tab_committed() {
                    editor.reread();
                }
            }));
    }
}

/// What tells two stored versions of a diagnostic apart.
fn version_of(diagnostic: &Diagnostic) -> (u32, String) {
    (diagnostic.revision, diagnostic.updated_at.clone())
}

/// Tells the other tabs that diagnostics were changed outside an editor (a journal replayed,
/// an import): those editing one re-read it.
pub(crate) fn announce_changes<'a>(diagnostic_ids: impl IntoIterator<Item = &'a str>) {
    announce(CHANNEL_NAME, diagnostic_ids);
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
