//! The edits a tab has made to a diagnostic and not yet committed, and the order of commits.
//!
//! A tab applies each edit to its own copy at once and commits it to storage later (typing
//! after a pause). A commit is a read-modify-write of the stored record, and commits run one at
//! a time: one asked for while another is being written waits for it. So no change is written
//! twice (adding a list entry twice would add two entries) and none is dropped before it is
//! stored. Answers are kept per question (only the latest answer to a question matters); other
//! changes are kept in order, numbered, and forgotten once a commit has stored them.
//!
//! Reads of the stored record (a commit reads it too) are numbered as they start. Storage
//! gives a read the state as of when it started, but two reads can end in either order: a
//! record is shown only if no read started after it has been shown already.

use std::mem;
use std::rc::Rc;

use crate::pending_edits::PendingEdits;
use crate::{Answer, Diagnostic};

/// A change to a diagnostic other than an answer: applied to the tab's copy, then to the record.
pub type Change = Rc<dyn Fn(&mut Diagnostic)>;

/// A read of the stored record, numbered in the order the reads were started.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReadTicket(u64);

/// What a commit writes: the pending answers, then the pending changes in order.
pub struct Batch {
    answers: PendingEdits,
    changes: Vec<Change>,
    last_number: u64,
    read: ReadTicket,
}

impl Batch {
    /// The commit's read of the stored record: the record it returns is shown with it.
    pub fn read_ticket(&self) -> ReadTicket {
        self.read
    }

    /// Applies the batch to the stored record (inside the write transaction).
    pub fn apply(&self, record: &mut Diagnostic, now: &str) {
        self.answers.apply_answers(record, now);
        for change in &self.changes {
            change(record);
        }
        if !self.changes.is_empty() {
            record.touch(now);
        }
    }
}

/// What to do once a commit has ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterCommit {
    /// Nothing more.
    Done,
    /// Commit again: edits were made, or a commit asked for, while this one was written.
    CommitAgain,
    /// Re-read the record: another tab committed while this one was written.
    Reread,
}

/// The edits not yet committed and the state of the commit in flight, if any.
#[derive(Default)]
pub struct EditQueue {
    /// Pending answers, and the state of the items being typed in: what the crash journal holds.
    journal: PendingEdits,
    /// Pending changes other than answers, oldest first, with their number.
    changes: Vec<(u64, Change)>,
    /// Number of the last change queued.
    last_number: u64,
    in_flight: bool,
    commit_again: bool,
    reread: bool,
    /// Number of the last read of the stored record started.
    reads_started: u64,
    /// Number of the latest-started read whose record is shown.
    newest_read_shown: u64,
}

impl EditQueue {
    /// What the crash journal must hold now.
    pub fn journal(&self) -> &PendingEdits {
        &self.journal
    }

    /// The journal, to record the state of an item being typed in.
    pub fn journal_mut(&mut self) -> &mut PendingEdits {
        &mut self.journal
    }

    /// Queues an answer (`None` clears it), replacing any pending answer to the same question;
    /// `before` is the answer the tab showed before this change.
    pub fn set_answer(
        &mut self,
        question_id: &str,
        answer: Option<Answer>,
        before: Option<Answer>,
    ) {
        self.journal.record_answer(question_id, answer, before);
    }

    /// Starts a read of the stored record (a re-read after another tab's commit).
    pub fn start_read(&mut self) -> ReadTicket {
        self.reads_started += 1;
        ReadTicket(self.reads_started)
    }

    /// A record was read from storage (after a commit, or another tab's): it is the state the
    /// pending edits now change, and the journal is rebased on it. Returns the record as the tab
    /// shows it: with the pending edits on top; `None` when a read started after this one was
    /// shown already (this record may be older than what the tab shows: it is left).
    pub fn record_read(&mut self, read: ReadTicket, record: &Diagnostic) -> Option<Diagnostic> {
        if read.0 <= self.newest_read_shown {
            return None;
        }
        self.newest_read_shown = read.0;
        let mut shown = record.clone();
        self.show_on(&mut shown);
        self.journal.rebase_answers(record);
        self.journal.rebase_typed_items(record, &shown);
        Some(shown)
    }

    /// Queues a change, after those already queued.
    pub fn push_change(&mut self, change: Change) {
        self.last_number += 1;
        self.changes.push((self.last_number, change));
    }

    /// Whether something is waiting to be committed.
    pub fn has_edits(&self) -> bool {
        !self.journal.answers.is_empty() || !self.changes.is_empty()
    }

    /// Starts a commit of everything pending. `None` when there is nothing to commit, or when a
    /// commit is already in flight (then another one follows it).
    pub fn begin_commit(&mut self) -> Option<Batch> {
        if self.in_flight {
            self.commit_again = true;
            return None;
        }
        if !self.has_edits() {
            return None;
        }
        self.in_flight = true;
        // This commit reads the latest record: any other tab's commit announced so far is in it.
        self.reread = false;
        let read = self.start_read();
        Some(Batch {
            answers: PendingEdits {
                answers: self.journal.answers.clone(),
                ..PendingEdits::default()
            },
            changes: self.changes.iter().map(|(_, c)| c.clone()).collect(),
            last_number: self.last_number,
            read,
        })
    }

    /// Ends the commit of `batch`, with the record as `stored` (`None`: the commit failed).
    /// Once stored, forgets what it wrote (answers changed again meanwhile stay pending), and the
    /// journal's copies of typed items once no change is left (else the stored record, shown
    /// with [`EditQueue::record_read`], is what they start from).
    pub fn end_commit(&mut self, batch: &Batch, stored: Option<&Diagnostic>) -> AfterCommit {
        self.in_flight = false;
        if stored.is_some() {
            self.journal.forget_committed_answers(&batch.answers);
            self.changes
                .retain(|(number, _)| *number > batch.last_number);
            if self.changes.is_empty() {
                self.journal.forget_typed_items();
            }
        }
        let commit_again = mem::take(&mut self.commit_again);
        let reread = mem::take(&mut self.reread);
        if commit_again && self.has_edits() {
            AfterCommit::CommitAgain
        } else if reread {
            AfterCommit::Reread
        } else {
            AfterCommit::Done
        }
    }

    /// Another tab committed to this diagnostic. `true`: re-read the record now; `false`: a
    /// commit is in flight and the record is re-read once it ends.
    pub fn other_tab_committed(&mut self) -> bool {
        if self.in_flight {
            self.reread = true;
        }
        !self.in_flight
    }

    /// Puts the pending edits on a record read from storage, to show it as this tab sees it.
    pub fn show_on(&self, record: &mut Diagnostic) {
        let updated_at = record.updated_at.clone();
        self.journal.apply_answers(record, &updated_at);
        for (_, change) in &self.changes {
            change(record);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::ProjectSheet;

    const NOW: &str = "2026-02-01T00:00:00.000Z";

    fn diagnostic() -> Diagnostic {
        Diagnostic::new("d1".into(), "Hendaye", "2026-01-01T00:00:00.000Z", "q", 1)
    }

    fn add_sheet(id: &'static str) -> Change {
        Rc::new(move |d: &mut Diagnostic| {
            d.project_sheets.push(ProjectSheet {
                id: id.into(),
                ..ProjectSheet::default()
            })
        })
    }

    fn set_need(need: &'static str) -> Change {
        Rc::new(move |d: &mut Diagnostic| {
            if let Some(sheet) = d.project_sheets.first_mut() {
                sheet.need = need.into();
            }
        })
    }

    fn text(value: &str) -> Option<Answer> {
        Some(Answer::Text(value.into()))
    }

    #[test]
    fn a_commit_writes_answers_then_changes_in_order_and_forgets_them() {
        let mut queue = EditQueue::default();
        assert!(queue.begin_commit().is_none(), "nothing to commit");
        queue.set_answer("q1", text("a"), None);
        queue.push_change(add_sheet("s1"));
        queue.push_change(set_need("Relier les gares"));
        let batch = queue.begin_commit().expect("a batch");
        let mut record = diagnostic();
        batch.apply(&mut record, NOW);
        assert_eq!(record.answers.get("q1"), Some(&Answer::Text("a".into())));
        assert_eq!(record.project_sheets[0].need, "Relier les gares");
        assert_eq!(record.updated_at, NOW);
        assert_eq!(queue.end_commit(&batch, Some(&record)), AfterCommit::Done);
        assert!(!queue.has_edits());
        assert!(queue.journal().is_empty());
    }

    #[test]
    fn a_commit_asked_for_while_one_is_in_flight_waits_and_writes_each_change_once() {
        let mut queue = EditQueue::default();
        queue.push_change(add_sheet("s1"));
        let first = queue.begin_commit().expect("first batch");
        queue.push_change(add_sheet("s2"));
        assert!(queue.begin_commit().is_none(), "waits for the first");
        let mut record = diagnostic();
        first.apply(&mut record, NOW);
        assert_eq!(
            queue.end_commit(&first, Some(&record)),
            AfterCommit::CommitAgain
        );
        let second = queue.begin_commit().expect("second batch");
        second.apply(&mut record, NOW);
        let ids: Vec<&str> = record
            .project_sheets
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, ["s1", "s2"], "each sheet added once");
        assert_eq!(queue.end_commit(&second, Some(&record)), AfterCommit::Done);
        assert!(!queue.has_edits());
    }

    #[test]
    fn a_failed_commit_keeps_every_edit_for_the_next_one() {
        let mut queue = EditQueue::default();
        queue.set_answer("q1", text("a"), None);
        queue.push_change(add_sheet("s1"));
        let failed = queue.begin_commit().expect("a batch");
        assert_eq!(queue.end_commit(&failed, None), AfterCommit::Done);
        assert!(queue.has_edits());
        let retry = queue.begin_commit().expect("a retry");
        let mut record = diagnostic();
        retry.apply(&mut record, NOW);
        assert_eq!(record.project_sheets.len(), 1);
        assert!(record.answers.contains_key("q1"));
    }

    #[test]
    fn edits_made_during_a_commit_stay_pending_and_show_on_the_stored_record() {
        let mut queue = EditQueue::default();
        queue.set_answer("q1", text("a"), None);
        queue.push_change(add_sheet("s1"));
        let batch = queue.begin_commit().expect("a batch");
        // Typed while the commit is written: a new answer to q1, and text in the sheet.
        queue.set_answer("q1", text("ab"), None);
        queue.push_change(set_need("Relier"));
        queue.journal_mut().project_sheets.insert(
            "s1".into(),
            ProjectSheet {
                id: "s1".into(),
                need: "Relier".into(),
                ..ProjectSheet::default()
            },
        );
        let mut record = diagnostic();
        batch.apply(&mut record, NOW);
        // No commit was asked for meanwhile: the typing pause will ask for it.
        assert_eq!(queue.end_commit(&batch, Some(&record)), AfterCommit::Done);
        assert!(queue.has_edits());
        assert_eq!(queue.journal().answers.get("q1"), Some(&text("ab")));
        assert_eq!(queue.journal().project_sheets.len(), 1, "still being typed");
        let mut shown = record.clone();
        queue.show_on(&mut shown);
        assert_eq!(shown.answers.get("q1"), Some(&Answer::Text("ab".into())));
        assert_eq!(
            shown.project_sheets.len(),
            1,
            "the sheet is not added twice"
        );
        assert_eq!(shown.project_sheets[0].need, "Relier");
    }

    #[test]
    fn another_tab_committing_during_a_commit_means_a_reread_after_it() {
        let mut queue = EditQueue::default();
        assert!(queue.other_tab_committed(), "idle: re-read now");
        queue.set_answer("q1", text("a"), None);
        let batch = queue.begin_commit().expect("a batch");
        assert!(!queue.other_tab_committed(), "in flight: re-read later");
        assert_eq!(
            queue.end_commit(&batch, Some(&diagnostic())),
            AfterCommit::Reread
        );
        assert!(queue.other_tab_committed());
    }

    #[test]
    fn the_record_a_commit_stored_with_typing_still_pending_rebases_the_typed_items() {
        use crate::pending_edits::Moment;
        let mut queue = EditQueue::default();
        let mut shown = diagnostic();
        shown.project_sheets.push(ProjectSheet {
            id: "s1".into(),
            ..ProjectSheet::default()
        });
        let type_need = |queue: &mut EditQueue, shown: &mut Diagnostic, need: &'static str| {
            queue
                .journal_mut()
                .record_sheet(Moment::BeforeChange, &shown.project_sheets[0]);
            let change = set_need(need);
            change(shown);
            queue.push_change(change);
            queue
                .journal_mut()
                .record_sheet(Moment::AfterChange, &shown.project_sheets[0]);
        };
        type_need(&mut queue, &mut shown, "R");
        let batch = queue.begin_commit().expect("a batch");
        type_need(&mut queue, &mut shown, "Re");
        let mut record = diagnostic();
        record.project_sheets = shown.project_sheets.clone();
        record.project_sheets[0].need = "R".into();
        queue.end_commit(&batch, Some(&record));
        queue.record_read(batch.read_ticket(), &record);
        assert_eq!(
            queue.journal().sheets_before["s1"].need,
            "R",
            "what is stored"
        );
        assert_eq!(queue.journal().project_sheets["s1"].need, "Re");
        let last = queue.begin_commit().expect("the rest");
        last.apply(&mut record, NOW);
        queue.end_commit(&last, Some(&record));
        assert!(queue.journal().is_empty());
        assert!(queue.journal().sheets_before.is_empty());
    }

    #[test]
    fn a_record_read_before_one_already_shown_is_left_whatever_its_revision() {
        let mut queue = EditQueue::default();
        let older_read = queue.start_read();
        let newer_read = queue.start_read();
        let mut older = diagnostic();
        older.set_answer("q1", text("avant"), NOW);
        // The newer read may carry a lower revision: an import replaced the record meanwhile.
        let mut newer = diagnostic();
        newer.set_answer("q1", text("importé"), NOW);
        newer.revision = 0;

        let shown = queue.record_read(newer_read, &newer).expect("shown");
        assert_eq!(shown.answers.get("q1"), text("importé").as_ref());
        assert!(
            queue.record_read(older_read, &older).is_none(),
            "ended last, but started first: older than what is shown"
        );

        queue.set_answer("q2", text("x"), None);
        let batch = queue.begin_commit().expect("a batch");
        assert!(
            batch.read_ticket() > newer_read,
            "a commit reads after the reads started before it"
        );
        assert!(queue.record_read(batch.read_ticket(), &newer).is_some());
    }
}
