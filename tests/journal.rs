//! The crash journal in `localStorage`, and its replay when a diagnostic is opened again.

use border_diagnostic::platform::new_uuid;
use border_diagnostic::state::session::load_for_editing;
use border_diagnostic::storage::journal::{Journaled, PendingEdits, TabJournal};
use border_diagnostic::storage::shared_repository;
use domain::project::ProjectSheet;
use domain::{Answer, Diagnostic};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The edits of every entry journaled for a diagnostic.
fn read(diagnostic_id: &str) -> Vec<PendingEdits> {
    Journaled::read(diagnostic_id).edits().cloned().collect()
}

fn answer(question_id: &str, text: &str) -> PendingEdits {
    let mut edits = PendingEdits::default();
    edits
        .answers
        .insert(question_id.into(), Some(Answer::Text(text.into())));
    edits
}

#[wasm_bindgen_test]
fn journaled_edits_read_back_and_clear() {
    let id = new_uuid();
    assert!(Journaled::read(&id).is_empty());
    let mut edits = answer("q1", "tapé juste avant");
    edits.answers.insert("q2".into(), None);
    let tab = TabJournal::new(&id);
    tab.write(&edits);
    assert_eq!(read(&id), vec![edits]);
    tab.write(&PendingEdits::default());
    assert!(Journaled::read(&id).is_empty());
    assert!(read(&id).is_empty(), "an empty entry is removed, not kept");
}

#[wasm_bindgen_test]
fn a_tab_that_commits_does_not_clear_what_another_tab_journaled() {
    let id = new_uuid();
    let tab_a = TabJournal::new(&id);
    let tab_b = TabJournal::new(&id);
    tab_a.write(&answer("gov_convention_detail", "Convention A"));
    tab_b.write(&answer("gov_obstacle_detail", "Obstacle B"));
    // Tab A's text is committed: its entry empties, tab B's stays.
    tab_a.write(&PendingEdits::default());
    assert_eq!(read(&id), vec![answer("gov_obstacle_detail", "Obstacle B")]);
    // Another diagnostic whose id starts the same is not mixed in.
    TabJournal::new(&format!("{id}0")).write(&answer("q1", "ailleurs"));
    assert_eq!(read(&id).len(), 1);
}

#[wasm_bindgen_test]
fn clearing_leaves_an_entry_a_live_tab_rewrote_since_it_was_read() {
    let id = new_uuid();
    let tab_a = TabJournal::new(&id);
    let tab_b = TabJournal::new(&id);
    tab_a.write(&answer("q1", "a"));
    tab_b.write(&answer("q2", "b"));
    let journaled = Journaled::read(&id);
    // While the journal is replayed, tab B types on.
    tab_b.write(&answer("q2", "b, puis plus"));
    journaled.clear();
    assert_eq!(read(&id), vec![answer("q2", "b, puis plus")]);
}

#[wasm_bindgen_test]
async fn opening_a_diagnostic_replays_the_entries_of_every_tab() {
    let repository = shared_repository().await.expect("storage opens");
    let diagnostic = Diagnostic::new(new_uuid(), "Givet", "2026-01-01T00:00:00.000Z", "q", 1);
    repository.create(&diagnostic).await.expect("create");
    TabJournal::new(&diagnostic.id).write(&answer("gov_convention_detail", "Convention A"));
    TabJournal::new(&diagnostic.id).write(&answer("gov_obstacle_detail", "Obstacle B"));

    let loaded = load_for_editing(&diagnostic.id).await.expect("opens");
    assert!(!loaded.has_unstored_edits());
    let opened = loaded.diagnostic;
    for (question, text) in [
        ("gov_convention_detail", "Convention A"),
        ("gov_obstacle_detail", "Obstacle B"),
    ] {
        assert_eq!(
            opened.answers.get(question),
            Some(&Answer::Text(text.into()))
        );
    }
    assert!(
        read(&diagnostic.id).is_empty(),
        "the journal is cleared once replayed"
    );
}

#[wasm_bindgen_test]
async fn opening_a_diagnostic_replays_its_journal_into_storage() {
    let repository = shared_repository().await.expect("storage opens");
    let diagnostic = Diagnostic::new(new_uuid(), "Givet", "2026-01-01T00:00:00.000Z", "q", 1);
    repository.create(&diagnostic).await.expect("create");
    let mut edits = PendingEdits::default();
    edits.answers.insert(
        "profil_id_pvd".into(),
        Some(Answer::Text("pvd-08-01-1".into())),
    );
    TabJournal::new(&diagnostic.id).write(&edits);

    let loaded = load_for_editing(&diagnostic.id).await.expect("opens");
    assert!(!loaded.has_unstored_edits());
    let opened = loaded.diagnostic;
    assert_eq!(
        opened.answers.get("profil_id_pvd"),
        Some(&Answer::Text("pvd-08-01-1".into()))
    );
    let stored = repository.get(&diagnostic.id).await.expect("stored");
    assert_eq!(stored, opened);
    assert!(
        Journaled::read(&diagnostic.id).is_empty(),
        "the journal is cleared once replayed"
    );
}

#[wasm_bindgen_test]
async fn text_typed_in_a_project_sheet_is_replayed_after_a_crash() {
    let repository = shared_repository().await.expect("storage opens");
    let mut diagnostic = Diagnostic::new(new_uuid(), "Hendaye", "2026-01-01T00:00:00.000Z", "q", 1);
    let sheet = ProjectSheet {
        id: new_uuid(),
        title: "Navette".into(),
        ..ProjectSheet::default()
    };
    diagnostic.project_sheets.push(sheet.clone());
    repository.create(&diagnostic).await.expect("create");
    // The tab showed the sheet with text typed and not yet committed, then was killed.
    let mut edits = PendingEdits::default();
    let typed = ProjectSheet {
        need: "Relier les deux gares".into(),
        ..sheet.clone()
    };
    edits.project_sheets.insert(sheet.id.clone(), typed.clone());
    TabJournal::new(&diagnostic.id).write(&edits);

    let loaded = load_for_editing(&diagnostic.id).await.expect("opens");
    assert!(!loaded.has_unstored_edits());
    let opened = loaded.diagnostic;
    assert_eq!(opened.project_sheets, vec![typed]);
    let stored = repository.get(&diagnostic.id).await.expect("stored");
    assert_eq!(stored, opened);
    assert!(Journaled::read(&diagnostic.id).is_empty());
}

fn write_raw(diagnostic_id: &str, text: &str) {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
        .set_item(
            &format!("diagnostic-transfrontalier:journal:{diagnostic_id}"),
            text,
        )
        .expect("written");
}

#[wasm_bindgen_test]
fn a_journal_of_the_earlier_formats_is_read_as_answers() {
    let id = new_uuid();
    // What the app wrote before sheets were journaled: a bare map of answers by question id,
    // under one key per diagnostic (before the entries per tab).
    write_raw(
        &id,
        r#"{"profil_id_pvd":{"kind":"text","value":"pvd-08-01-1"},"q2":null}"#,
    );
    let entries = read(&id);
    assert_eq!(entries.len(), 1);
    let read = &entries[0];
    assert_eq!(
        read.answers.get("profil_id_pvd"),
        Some(&Some(Answer::Text("pvd-08-01-1".into())))
    );
    assert_eq!(
        read.answers.get("q2"),
        Some(&None),
        "a cleared answer stays cleared"
    );
    assert!(read.project_sheets.is_empty());
}

#[wasm_bindgen_test]
fn a_cleared_answer_and_a_typed_sheet_round_trip_and_a_damaged_journal_is_ignored() {
    let id = new_uuid();
    let mut edits = PendingEdits::default();
    edits.answers.insert("q2".into(), None);
    let sheet = ProjectSheet {
        id: "s1".into(),
        need: "Relier les gares".into(),
        ..ProjectSheet::default()
    };
    edits.project_sheets.insert("s1".into(), sheet);
    TabJournal::new(&id).write(&edits);
    assert_eq!(read(&id), vec![edits]);
    let other = new_uuid();
    for damaged in ["{\"answers\": 3", "[1, 2]", "", "null"] {
        write_raw(&other, damaged);
        assert!(Journaled::read(&other).is_empty(), "{damaged:?}");
    }
}
