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
