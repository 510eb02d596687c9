//! The repository against real IndexedDB in headless Chromium; each test has its own database.

use border_diagnostic::platform::new_uuid;
use border_diagnostic::storage::{
    open_database_at, Repository, StorageError, DB_VERSION, STORE_DIAGNOSTICS,
};
use domain::{Answer, Diagnostic};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A repository on a fresh database with a unique name.
async fn fresh_repository() -> Repository {
    Repository::open(&format!("test-{}", new_uuid()))
        .await
        .expect("a fresh database opens")
}

fn diagnostic(name: &str, updated_at: &str) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(new_uuid(), name, updated_at, "q", 1);
    diagnostic.updated_at = updated_at.to_string();
    diagnostic
}

#[wasm_bindgen_test]
async fn created_diagnostic_reads_back_equal() {
    let repository = fresh_repository().await;
    let givet = diagnostic("Givet", "2026-01-01T10:00:00.000Z");
    repository.create(&givet).await.expect("create");
    assert_eq!(repository.get(&givet.id).await.expect("get"), givet);
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn creating_twice_the_same_id_is_refused() {
    let repository = fresh_repository().await;
    let givet = diagnostic("Givet", "2026-01-01T10:00:00.000Z");
    repository.create(&givet).await.expect("create");
    let again = repository.create(&givet).await;
    assert!(
        matches!(again, Err(StorageError::AlreadyExists { .. })),
        "{again:?}"
    );
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn list_gives_every_diagnostic_most_recent_first() {
    let repository = fresh_repository().await;
    let older = diagnostic("Modane", "2026-01-01T10:00:00.000Z");
    let newer = diagnostic("Givet", "2026-02-01T10:00:00.000Z");
    repository.create(&older).await.expect("create older");
    repository.create(&newer).await.expect("create newer");
    let names: Vec<String> = repository
        .list()
        .await
        .expect("list")
        .iter()
        .map(|d| d.commune_name().to_string())
        .collect();
    assert_eq!(names, vec!["Givet", "Modane"]);
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn the_home_list_reads_headings_most_recent_first_and_decodes_a_record_in_full_on_demand() {
    let repository = fresh_repository().await;
    let older = diagnostic("Modane", "2026-01-01T10:00:00.000Z");
    let mut newer = diagnostic("Givet", "2026-02-01T10:00:00.000Z");
    newer.set_answer(
        "mob_planification",
        Some(Answer::YesNo(true)),
        "2026-03-01T10:00:00.000Z",
    );
    let mut unnamed = diagnostic("x", "2026-01-15T10:00:00.000Z");
    unnamed.answers.clear();
    for one in [&older, &newer, &unnamed] {
        repository.create(one).await.expect("create");
    }
    let listed = repository.list_headed().await.expect("list");
    let names: Vec<&str> = listed.iter().map(|l| l.heading.commune_name()).collect();
    assert_eq!(names, vec!["Givet", "Commune sans nom", "Modane"]);
    assert_eq!(listed[0].heading.id, newer.id);
    assert_eq!(listed[0].heading.updated_at, newer.updated_at);
    assert_eq!(listed[0].decode().expect("decodes"), newer);
    assert_eq!(listed[2].decode().expect("decodes"), older);
    repository.delete_database().await.expect("cleanup");
}

/// A stored record with a diagnostic's id, date and name but not the rest of its fields.
#[derive(serde::Serialize)]
struct HalfRecord {
    id: String,
    updated_at: String,
    answers: std::collections::BTreeMap<String, Answer>,
}

#[wasm_bindgen_test]
async fn a_record_that_does_not_decode_is_still_listed_and_says_it_is_unreadable() {
    let name = format!("test-{}", new_uuid());
    let db = open_database_at(&name, DB_VERSION).await.expect("opens");
    let half = HalfRecord {
        id: new_uuid(),
        updated_at: "2026-01-01T10:00:00.000Z".into(),
        answers: [(
            "profil_commune_nom".to_string(),
            Answer::Text("Givet".into()),
        )]
        .into(),
    };
    let tx = db
        .transaction(STORE_DIAGNOSTICS)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("transaction");
    let store = tx.object_store(STORE_DIAGNOSTICS).expect("store");
    store
        .put(&half)
        .serde()
        .expect("serialises")
        .await
        .expect("written");
    tx.commit().await.expect("committed");
    let repository = Repository::from_database(db);

    let listed = repository
        .list_headed()
        .await
        .expect("the list still reads");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].heading.commune_name(), "Givet");
    let decoded = listed[0].decode();
    assert!(
        matches!(decoded, Err(StorageError::Unreadable(_))),
        "{decoded:?}"
    );
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn update_changes_the_stored_record() {
    let repository = fresh_repository().await;
    let givet = diagnostic("Givet", "2026-01-01T10:00:00.000Z");
    repository.create(&givet).await.expect("create");
    let updated = repository
        .update(&givet.id, |d| {
            d.set_answer("q1", Some(Answer::Maturity(3)), "2026-01-02T10:00:00.000Z")
        })
        .await
        .expect("update");
    assert_eq!(updated.revision, 2);
    let stored = repository.get(&givet.id).await.expect("get");
    assert_eq!(stored.answers.get("q1"), Some(&Answer::Maturity(3)));
    assert_eq!(stored, updated);
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn updates_in_a_row_each_start_from_the_latest_record() {
    let repository = fresh_repository().await;
    let givet = diagnostic("Givet", "2026-01-01T10:00:00.000Z");
    repository.create(&givet).await.expect("create");
    // Two writers that each change one answer: both answers must survive.
    let first = repository.update(&givet.id, |d| {
        d.set_answer("a", Some(Answer::YesNo(true)), "t1")
    });
    let second = repository.update(&givet.id, |d| {
        d.set_answer("b", Some(Answer::YesNo(false)), "t2")
    });
    let (first, second) = futures::future::join(first, second).await;
    first.expect("first update");
    second.expect("second update");
    let stored = repository.get(&givet.id).await.expect("get");
    assert_eq!(stored.answers.get("a"), Some(&Answer::YesNo(true)));
    assert_eq!(stored.answers.get("b"), Some(&Answer::YesNo(false)));
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn delete_removes_the_record() {
    let repository = fresh_repository().await;
    let givet = diagnostic("Givet", "2026-01-01T10:00:00.000Z");
    repository.create(&givet).await.expect("create");
    repository.delete(&givet.id).await.expect("delete");
    assert!(repository.list().await.expect("list").is_empty());
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn a_missing_record_is_reported_as_not_found() {
    let repository = fresh_repository().await;
    let missing = "00000000-0000-4000-8000-000000000000";
    let expected = StorageError::NotFound {
        id: missing.to_string(),
    };
    assert_eq!(repository.get(missing).await, Err(expected.clone()));
    assert_eq!(
        repository.update(missing, |_| {}).await,
        Err(expected.clone())
    );
    assert_eq!(repository.delete(missing).await, Err(expected.clone()));
    assert!(expected.to_string().contains("n'existe pas"));
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn metadata_round_trips_and_is_none_when_never_written() {
    let repository = fresh_repository().await;
    let never: Option<String> = repository
        .get_meta("last_backup_at")
        .await
        .expect("get meta");
    assert_eq!(never, None);
    repository
        .set_meta("last_backup_at", &"2026-03-01T08:00:00.000Z".to_string())
        .await
        .expect("set meta");
    let stored: Option<String> = repository
        .get_meta("last_backup_at")
        .await
        .expect("get meta");
    assert_eq!(stored.as_deref(), Some("2026-03-01T08:00:00.000Z"));
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn an_import_writes_diagnostics_and_feedback_together() {
    use domain::bundle::{MotFeedback, MotStatus};
    let repository = fresh_repository().await;
    let givet = diagnostic("Givet", "2026-01-01T10:00:00.000Z");
    let modane = diagnostic("Modane", "2026-01-02T10:00:00.000Z");
    let feedback = MotFeedback {
        id: new_uuid(),
        revision: 1,
        diagnostic_id: givet.id.clone(),
        diagnostic_revision: givet.revision,
        commune_name: "Givet".into(),
        insee_code: None,
        status: MotStatus::EnAccompagnement,
        author: "MOT".into(),
        written_at: "2026-02-01T10:00:00.000Z".into(),
        general_comment: "Bravo".into(),
        theme_comments: Default::default(),
        question_comments: Default::default(),
    };
    repository
        .import(
            &[givet.clone(), modane.clone()],
            std::slice::from_ref(&feedback),
        )
        .await
        .expect("import");
    assert_eq!(repository.list().await.expect("list").len(), 2);
    assert_eq!(
        repository.list_feedback().await.expect("feedback"),
        vec![feedback]
    );
    // Importing again replaces rather than duplicates.
    repository
        .import(&[givet], &[])
        .await
        .expect("import again");
    assert_eq!(repository.list().await.expect("list").len(), 2);
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn mot_reviews_and_feedback_are_kept_apart_from_the_diagnostics() {
    use domain::bundle::{MotFeedback, MotStatus};
    use domain::workspace::MotReview;
    let repository = fresh_repository().await;
    let givet = diagnostic("Givet", "2026-01-01T10:00:00.000Z");
    repository.create(&givet).await.expect("create");
    assert_eq!(repository.get_review(&givet.id).await.expect("get"), None);
    assert_eq!(repository.get_feedback(&givet.id).await.expect("get"), None);

    let mut review = MotReview::new(&givet.id, "2026-02-01T10:00:00.000Z");
    review.set_status(MotStatus::ACompleter, "2026-02-02T10:00:00.000Z");
    review.set_notes("Relancer en mars", "2026-02-02T10:00:00.000Z");
    repository.put_review(&review).await.expect("put review");
    let feedback = MotFeedback {
        id: new_uuid(),
        revision: 2,
        diagnostic_id: givet.id.clone(),
        status: MotStatus::ACompleter,
        author: "MOT".into(),
        ..MotFeedback::default()
    };
    repository
        .put_feedback(&feedback)
        .await
        .expect("put feedback");

    assert_eq!(
        repository.get_review(&givet.id).await.expect("get"),
        Some(review.clone())
    );
    assert_eq!(repository.list_reviews().await.expect("list"), vec![review]);
    assert_eq!(
        repository.get_feedback(&givet.id).await.expect("get"),
        Some(feedback)
    );
    // The town's record is untouched by MOT's writes.
    assert_eq!(repository.get(&givet.id).await.expect("get"), givet);
    repository.delete_database().await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn reviews_and_feedback_are_changed_from_what_is_stored_in_one_transaction() {
    use domain::bundle::{MotFeedback, MotStatus};
    use domain::workspace::MotReview;
    let repository = fresh_repository().await;
    let id = new_uuid();
    let now = "2026-02-01T10:00:00.000Z";
    // Two tabs' changes, each to one field, from a review neither had read: both stay.
    let blank = || MotReview::new(&id, now);
    repository
        .update_review(blank(), |r| r.set_notes("Relancer en mars", now))
        .await
        .expect("notes");
    let stored = repository
        .update_review(blank(), |r| r.set_status(MotStatus::ACompleter, now))
        .await
        .expect("status");
    assert_eq!(stored.notes, "Relancer en mars");
    assert_eq!(stored.status, MotStatus::ACompleter);
    assert_eq!(repository.get_review(&id).await.expect("get"), Some(stored));

    // The feedback: `decide` sees what is stored, and writes only what it returns.
    let first = MotFeedback {
        id: new_uuid(),
        revision: 1,
        diagnostic_id: id.clone(),
        author: "MOT".into(),
        ..MotFeedback::default()
    };
    let written = first.clone();
    repository
        .update_feedback(&id, move |stored| {
            assert_eq!(stored, None);
            Some(written)
        })
        .await
        .expect("first write");
    repository
        .update_feedback(&id, |stored| {
            assert_eq!(stored.as_ref().map(|f| f.revision), Some(1));
            None
        })
        .await
        .expect("nothing to write");
    assert_eq!(
        repository.get_feedback(&id).await.expect("get"),
        Some(first)
    );
    repository.delete_database().await.expect("cleanup");
}
