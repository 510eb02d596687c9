//! A database written by an older schema version is upgraded in place, its data intact.

use border_diagnostic::platform::new_uuid;
use border_diagnostic::storage::{
    open_database_at, Repository, DB_VERSION, STORE_FEEDBACK, STORE_MOT_REVIEWS,
};
use domain::{Answer, Diagnostic};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_version_1_database_opens_at_the_current_version_with_its_data() {
    let name = format!("test-upgrade-{}", new_uuid());
    let mut givet = Diagnostic::new(new_uuid(), "Givet", "2026-01-01T00:00:00.000Z", "q", 1);
    givet.set_answer(
        "gov_relations",
        Some(Answer::Maturity(2)),
        "2026-01-02T00:00:00.000Z",
    );

    // Written by the first schema version, as an older build of the app did.
    let old = open_database_at(&name, 1).await.expect("version 1 opens");
    assert_eq!(old.version() as u32, 1);
    Repository::from_database(old.clone())
        .create(&givet)
        .await
        .expect("write with version 1");
    old.close();

    let upgraded = open_database_at(&name, DB_VERSION)
        .await
        .expect("upgrade runs");
    assert_eq!(upgraded.version() as u32, DB_VERSION);
    let stores: Vec<String> = upgraded.object_store_names().collect();
    assert!(
        stores.contains(&STORE_MOT_REVIEWS.to_string()),
        "{stores:?}"
    );
    assert!(stores.contains(&STORE_FEEDBACK.to_string()), "{stores:?}");
    let repository = Repository::from_database(upgraded);
    assert_eq!(repository.get(&givet.id).await.expect("data kept"), givet);
    repository.delete_database().await.expect("cleanup");
}
