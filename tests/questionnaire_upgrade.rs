//! Diagnostics stored by the app of questionnaire version 1 are carried to the current version
//! when the new app opens the database, with the table an import uses: answers moved, the rest
//! kept in the note of answers not carried over, once, whatever the other tabs do.

use border_diagnostic::platform::new_uuid;
use border_diagnostic::state::session::load_for_editing;
use border_diagnostic::storage::journal::{PendingEdits, TabJournal};
use border_diagnostic::storage::{
    open_database_at, shared_repository, Repository, StorageError, CARRIED_VERSION_KEY, DB_VERSION,
};
use domain::bundle::UNMAPPED_NOTE_KEY;
use domain::{Answer, Diagnostic, Questionnaire};
use gloo_events::EventListener;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The schema version of the app of questionnaire version 1.
const OLDER_SCHEMA: u32 = 2;

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::embedded().expect("the questionnaire reads")
}

/// A diagnostic as the version-1 app stored it: the information point answered in « Services
/// publics » only, the commuter trips, and a reworded maturity question.
fn stored_by_version_1(commune: &str) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(
        new_uuid(),
        commune,
        "2026-01-01T00:00:00.000Z",
        &questionnaire().id,
        1,
    );
    for (question, answer) in [
        ("spu_point_info", Answer::Choice("moins_30_min".into())),
        ("mob_navetteurs", Answer::Number(2260.0)),
        ("eco_entreprises", Answer::Maturity(3)),
    ] {
        diagnostic.set_answer(question, Some(answer), "2026-01-02T00:00:00.000Z");
    }
    diagnostic
}

/// Another tab's connection at the current schema version (closed by the test: a connection
/// left open would hold the database's deletion back).
async fn another_tab(name: &str) -> (Database, Repository) {
    let db = open_database_at(name, DB_VERSION)
        .await
        .expect("another tab opens");
    (db.clone(), Repository::from_database(db))
}

/// A database written by the app of questionnaire version 1 (its schema), holding `diagnostics`.
async fn older_database(diagnostics: &[&Diagnostic]) -> String {
    let name = format!("test-questionnaire-{}", new_uuid());
    let older = open_database_at(&name, OLDER_SCHEMA)
        .await
        .expect("the older schema opens");
    let repository = Repository::from_database(older.clone());
    for diagnostic in diagnostics {
        repository
            .create(diagnostic)
            .await
            .expect("written by the older app");
    }
    older.close();
    name
}

fn assert_carried(carried: &Diagnostic, given: &Diagnostic) {
    assert_eq!(carried.questionnaire_version, questionnaire().version);
    assert_eq!(
        carried.answers.get("emp_information"),
        Some(&Answer::Choice("moins_30_min".into())),
        "the information point moves to « Emploi »"
    );
    assert!(!carried.answers.contains_key("spu_point_info"));
    assert!(!carried.answers.contains_key("mob_navetteurs"));
    assert_eq!(
        carried.answers.get("eco_entreprises"),
        Some(&Answer::Maturity(3)),
        "a reworded question keeps its level"
    );
    let note = &carried.private_notes[UNMAPPED_NOTE_KEY];
    assert_eq!(
        note.matches("- mob_navetteurs : {\"kind\":\"number\",\"value\":2260.0}")
            .count(),
        1,
        "kept once: {note}"
    );
    // Carried as an import carries it: the same revision and time of change.
    assert_eq!(carried.revision, given.revision);
    assert_eq!(carried.updated_at, given.updated_at);
}

#[wasm_bindgen_test]
async fn diagnostics_stored_under_version_1_are_carried_when_the_new_app_opens_the_database() {
    let longwy = stored_by_version_1("Longwy");
    let mut other = Diagnostic::new(new_uuid(), "Autre", "2026-01-01T00:00:00.000Z", "q", 1);
    other.set_answer(
        "spu_point_info",
        Some(Answer::Text("pas ce questionnaire".into())),
        "2026-01-02T00:00:00.000Z",
    );
    let name = older_database(&[&longwy, &other]).await;

    let repository = Repository::open(&name).await.expect("the new app opens it");
    assert_carried(&repository.get(&longwy.id).await.expect("kept"), &longwy);
    assert_eq!(
        repository.get(&other.id).await.expect("kept"),
        other,
        "a diagnostic of another questionnaire is left as it is"
    );
    let noted: Option<u32> = repository
        .get_meta(CARRIED_VERSION_KEY)
        .await
        .expect("meta");
    assert_eq!(noted, Some(questionnaire().version));
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn opening_again_carries_nothing_twice() {
    let longwy = stored_by_version_1("Longwy");
    let name = older_database(&[&longwy]).await;
    let first = Repository::open(&name).await.expect("opens");
    let carried = first.get(&longwy.id).await.expect("kept");
    // Even with the note of the carry gone, a record already at the current version is not
    // carried again.
    first
        .set_meta(CARRIED_VERSION_KEY, &0u32)
        .await
        .expect("meta");
    let (second_db, second) = another_tab(&name).await;
    assert_eq!(second.get(&longwy.id).await.expect("kept"), carried);
    second_db.close();
    first.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn two_tabs_opening_at_once_while_one_saves_carry_once_and_lose_no_answer() {
    let longwy = stored_by_version_1("Longwy");
    let name = older_database(&[&longwy]).await;
    let saving_tab = async {
        let repository = Repository::open(&name).await.expect("tab A opens");
        repository
            .update(&longwy.id, |diagnostic| {
                diagnostic.set_answer(
                    "gov_convention_detail",
                    Some(Answer::Text("Convention avec Longlaville".into())),
                    "2026-03-01T00:00:00.000Z",
                )
            })
            .await
            .expect("tab A saves");
        repository
    };
    let other_tab = another_tab(&name);
    let (tab_a, (tab_b_db, tab_b)) = futures::join!(saving_tab, other_tab);
    let stored = tab_b.get(&longwy.id).await.expect("kept");
    assert_eq!(
        stored.answers.get("gov_convention_detail"),
        Some(&Answer::Text("Convention avec Longlaville".into()))
    );
    assert_eq!(stored.questionnaire_version, questionnaire().version);
    assert!(!stored.answers.contains_key("spu_point_info"));
    let note = &stored.private_notes[UNMAPPED_NOTE_KEY];
    assert_eq!(note.matches("mob_navetteurs").count(), 1, "{note}");
    tab_b_db.close();
    tab_a.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn a_tab_of_the_older_app_hands_the_database_over_and_can_no_longer_write() {
    let longwy = stored_by_version_1("Longwy");
    let name = older_database(&[&longwy]).await;
    // A tab of the older app, which closes its connection on `versionchange` as the app does.
    let older = open_database_at(&name, OLDER_SCHEMA)
        .await
        .expect("the older app opens");
    let target: &web_sys::EventTarget = older.as_sys().unchecked_ref();
    let handed_over = older.clone();
    let _listener = EventListener::once(target, "versionchange", move |_| handed_over.close());

    let repository = Repository::open(&name)
        .await
        .expect("the new app gets the database");
    assert_carried(&repository.get(&longwy.id).await.expect("kept"), &longwy);
    // The older app cannot open it any more, so it never writes version-1 answers over it.
    let again = open_database_at(&name, OLDER_SCHEMA).await;
    assert!(
        matches!(again, Err(StorageError::NewerSchema)),
        "{:?}",
        again.map(|_| ())
    );
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn a_record_left_behind_and_a_journal_of_the_older_app_are_carried_at_the_next_change() {
    // The database is open (and carried) already; a record of version 1 comes in afterwards,
    // as one the carry could not write (a full disk), with what a tab of the older app typed
    // just before it was closed.
    let repository = shared_repository().await.expect("storage opens");
    let breil = stored_by_version_1("Breil-sur-Roya");
    repository.create(&breil).await.expect("create");
    let mut edits = PendingEdits::default();
    edits.record_answer(
        "spu_point_info",
        Some(Answer::Choice("sur_place".into())),
        Some(Answer::Choice("moins_30_min".into())),
    );
    edits.record_answer("mob_navetteurs", Some(Answer::Number(2400.0)), None);
    TabJournal::new(&breil.id).write(&edits);

    let opened = load_for_editing(&breil.id).await.expect("opens").diagnostic;
    assert_eq!(opened.questionnaire_version, questionnaire().version);
    assert_eq!(
        opened.answers.get("emp_information"),
        Some(&Answer::Choice("sur_place".into())),
        "the journaled answer follows its question to « Emploi »"
    );
    assert!(!opened.answers.contains_key("spu_point_info"));
    assert!(!opened.answers.contains_key("mob_navetteurs"));
    let note = &opened.private_notes[UNMAPPED_NOTE_KEY];
    assert!(
        note.contains("\"value\":2260.0"),
        "the stored trips: {note}"
    );
    assert!(
        note.contains("\"value\":2400.0"),
        "the journaled trips: {note}"
    );
    assert_eq!(repository.get(&breil.id).await.expect("stored"), opened);
}
