//! The crash journal in `localStorage`, and its replay when a diagnostic is opened again.

use border_diagnostic::platform::new_uuid;
use border_diagnostic::state::session::load_for_editing;
use border_diagnostic::storage::journal::{self, PendingEdits};
use border_diagnostic::storage::shared_repository;
use domain::project::ProjectSheet;
use domain::{Answer, Diagnostic};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn journaled_edits_read_back_and_clear() {
    let id = new_uuid();
    assert!(journal::read(&id).is_empty());
    let mut edits = PendingEdits::default();
    edits
        .answers
        .insert("q1".into(), Some(Answer::Text("tapé juste avant".into())));
    edits.answers.insert("q2".into(), None);
    journal::write(&id, &edits);
    assert_eq!(journal::read(&id), edits);
    journal::write(&id, &PendingEdits::default());
    assert!(journal::read(&id).is_empty());
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
    journal::write(&diagnostic.id, &edits);

    let opened = load_for_editing(&diagnostic.id).await.expect("opens");
    assert_eq!(
        opened.answers.get("profil_id_pvd"),
        Some(&Answer::Text("pvd-08-01-1".into()))
    );
    let stored = repository.get(&diagnostic.id).await.expect("stored");
    assert_eq!(stored, opened);
    assert!(
        journal::read(&diagnostic.id).is_empty(),
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
    journal::write(&diagnostic.id, &edits);

    let opened = load_for_editing(&diagnostic.id).await.expect("opens");
    assert_eq!(opened.project_sheets, vec![typed]);
    let stored = repository.get(&diagnostic.id).await.expect("stored");
    assert_eq!(stored, opened);
    assert!(journal::read(&diagnostic.id).is_empty());
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
fn a_journal_of_the_earlier_format_is_read_as_answers() {
    let id = new_uuid();
    // What the app wrote before sheets were journaled: a bare map of answers by question id.
    write_raw(
        &id,
        r#"{"profil_id_pvd":{"kind":"text","value":"pvd-08-01-1"},"q2":null}"#,
    );
    let read = journal::read(&id);
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
    journal::write(&id, &edits);
    assert_eq!(journal::read(&id), edits);
    for damaged in ["{\"answers\": 3", "[1, 2]", "", "null"] {
        write_raw(&id, damaged);
        assert!(journal::read(&id).is_empty(), "{damaged:?}");
    }
}
