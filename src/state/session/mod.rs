//! The diagnostic being edited in this tab: autosave, crash journal, and sync with other tabs.
//!
//! Every edit is applied to the in-memory diagnostic at once, written to the crash journal
//! synchronously, and committed to IndexedDB right away (choices) or after a short pause
//! (typing: answers, and the text of project sheets and good practices); pending edits are
//! flushed when a field loses focus, when the page is hidden or closed, and before a newer
//! version of the app takes the database over. Each commit is a read-modify-write of the
//! latest stored record, so two tabs never overwrite each other's answers; a commit is
//! announced on a `BroadcastChannel` and the other tabs re-read the record.
//! The order of commits is [`domain::edit_queue`]; the machinery is [`editor`].

mod editor;

use std::rc::Rc;

use domain::edit_queue::Change;
use domain::{Answer, Diagnostic, DiagnosticStatus};
use leptos::prelude::*;

use crate::error::AppError;
use crate::platform::now_iso;
use crate::storage::journal::{Journaled, Moment, PendingEdits};
use crate::storage::{shared_repository, StorageError};
use editor::Editor;

pub(crate) use editor::announce_changes;
pub use editor::COMMITTED_EVENT;

/// Pause after the last keystroke before typed text is committed.
pub const TYPING_DEBOUNCE_MS: u32 = 300;

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

/// Handle on the diagnostic being edited, provided as context to the pages of a diagnostic.
#[derive(Clone, Copy)]
pub struct DiagnosticSession {
    /// The diagnostic as this tab sees it: stored record plus edits not yet committed.
    pub diagnostic: RwSignal<Diagnostic>,
    /// Where the autosave stands.
    pub status: RwSignal<SaveStatus>,
    // Shared with the commits in flight, which end after the pages are left.
    editor: StoredValue<Rc<Editor>, LocalStorage>,
}

/// A diagnostic loaded for editing.
#[derive(Clone)]
pub struct Loaded {
    /// The diagnostic as stored (with the crash journal replayed, when that could be stored).
    pub diagnostic: Diagnostic,
    /// Edits recovered from the crash journal that could not be stored (a full disk): the
    /// session shows them and commits them with the next edit; the journal keeps them meanwhile.
    unstored: Option<Rc<Journaled>>,
}

impl Loaded {
    /// Whether edits recovered from the crash journal are not stored yet.
    pub fn has_unstored_edits(&self) -> bool {
        self.unstored.is_some()
    }
}

/// Loads a diagnostic for editing, first replaying the edits left in the crash journal (by
/// this tab before a crash, or by another tab still open: replaying those is harmless, they
/// are the text that tab shows and is about to commit).
pub async fn load_for_editing(id: &str) -> Result<Loaded, AppError> {
    let repository = shared_repository().await?;
    let journaled = Journaled::read(id);
    if journaled.is_empty() {
        journaled.clear();
        let diagnostic = repository.get(id).await?;
        return Ok(Loaded {
            diagnostic,
            unstored: None,
        });
    }
    let now = now_iso();
    match repository
        .update(id, |diagnostic| journaled.replay(diagnostic, &now))
        .await
    {
        Ok(diagnostic) => {
            journaled.clear();
            editor::announce_changes([id]);
            Ok(Loaded {
                diagnostic,
                unstored: None,
            })
        }
        Err(error @ StorageError::NotFound { .. }) => Err(error.into()),
        // The replay cannot be written (a full disk): open the diagnostic all the same.
        Err(_) => Ok(Loaded {
            diagnostic: repository.get(id).await?,
            unstored: Some(Rc::new(journaled)),
        }),
    }
}

impl DiagnosticSession {
    /// Starts editing a loaded diagnostic: installs the flush-on-hide listeners and the tab sync.
    pub fn start(diagnostic: Diagnostic) -> Self {
        let id = diagnostic.id.clone();
        let diagnostic = RwSignal::new(diagnostic);
        let status = RwSignal::new(SaveStatus::Idle);
        DiagnosticSession {
            diagnostic,
            status,
            editor: StoredValue::new_local(Editor::start(id, diagnostic, status)),
        }
    }

    /// Starts editing a diagnostic as [`load_for_editing`] found it: edits recovered from the
    /// crash journal and not stored yet are shown and committed at once (the save status says
    /// so, with its rescue export, while the disk stays full).
    pub fn start_loaded(loaded: Loaded) -> Self {
        let session = Self::start(loaded.diagnostic);
        if let Some(journaled) = loaded.unstored {
            let now = now_iso();
            session.apply(move |diagnostic| journaled.replay(diagnostic, &now));
        }
        session
    }

    fn editor(&self) -> Rc<Editor> {
        self.editor.get_value()
    }

    /// The id of the diagnostic.
    pub fn id(&self) -> String {
        self.editor().id().to_string()
    }

    /// Records an answer (or clears it with `None`).
    pub fn set_answer(&self, question_id: &str, answer: Option<Answer>, commit: Commit) {
        self.editor().set_answer(question_id, answer, commit);
    }

    /// Applies a change that is not journaled and stores it at once: the edits recovered
    /// from the crash journal, which stays as it is until they are stored.
    fn apply(&self, change: impl Fn(&mut Diagnostic) + 'static) {
        self.editor().apply(Rc::new(change) as Change);
    }

    /// Marks the diagnostic as completed (« Terminer le diagnostic »): journaled, stored at once.
    pub fn complete(&self) {
        self.apply_journaled(
            |diagnostic| diagnostic.status = DiagnosticStatus::Completed,
            |_, pending, moment| {
                if moment == Moment::AfterChange {
                    pending.record_completed();
                }
            },
            Commit::Now,
        );
    }

    /// Applies a change to a project sheet or a good practice (created, changed, deleted), or
    /// a theme marked « non concerné »: shown at once, journaled as `journal_item` records it (before the change and after),
    /// stored at once or after the typing pause.
    pub fn apply_journaled(
        &self,
        change: impl Fn(&mut Diagnostic) + 'static,
        journal_item: impl Fn(&Diagnostic, &mut PendingEdits, Moment),
        commit: Commit,
    ) {
        self.editor()
            .apply_journaled(Rc::new(change) as Change, &journal_item, commit);
    }

    /// Commits every pending edit now.
    pub fn flush(&self) {
        self.editor().flush();
    }

    /// Flushes what is pending and stops listening (the pages of this diagnostic are left).
    pub fn stop(&self) {
        self.editor().stop();
    }
}
