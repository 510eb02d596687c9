//! Reading picked files through their stream, up to the size limit (`state::file_bytes`), in a
//! real browser: whole files come back byte for byte, however many chunks they arrive in, and a
//! file over the limit is refused with its size without being read to the end.

use border_diagnostic::state::bundles::FileRead;
use border_diagnostic::state::diagnostics::questionnaire;
use border_diagnostic::state::file_bytes::start_reading;
use domain::bundle::MAX_FILE_BYTES;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A file of these bytes, as a picked file would be.
fn file_of(bytes: &[u8], name: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).expect("file")
}

fn patterned(length: usize) -> Vec<u8> {
    (0..length).map(|i| (i * 7 % 251) as u8).collect()
}

async fn read(file: &web_sys::File, limit: usize) -> Option<Vec<u8>> {
    let value = start_reading(file, limit).await.expect("the stream reads");
    (!value.is_null()).then(|| js_sys::Uint8Array::new(&value).to_vec())
}

#[wasm_bindgen_test]
async fn small_large_and_empty_files_come_back_byte_for_byte() {
    for length in [0, 10, 9_000, 300_000, 3 * 1024 * 1024] {
        let bytes = patterned(length);
        let file = file_of(&bytes, "données.json");
        assert_eq!(
            read(&file, MAX_FILE_BYTES).await,
            Some(bytes),
            "{length} bytes"
        );
    }
}

#[wasm_bindgen_test]
async fn a_file_over_the_limit_is_not_returned_but_one_exactly_at_it_is() {
    let limit = 100_000;
    assert_eq!(
        read(&file_of(&patterned(limit + 1), "a.json"), limit).await,
        None
    );
    assert_eq!(
        read(&file_of(&patterned(limit), "b.json"), limit).await,
        Some(patterned(limit))
    );
}

#[wasm_bindgen_test]
async fn an_import_refuses_a_file_over_five_megabytes_with_its_size() {
    let questionnaire = questionnaire().expect("questionnaire");
    let file = file_of(&vec![b' '; 6 * 1024 * 1024], "énorme.json");
    let outcome = FileRead::start(&file)
        .check(questionnaire)
        .await
        .expect("readable");
    let rejection = outcome.expect_err("refused");
    let message = rejection.to_string();
    assert!(message.contains("énorme.json"), "{message}");
    assert!(message.contains("trop volumineux (6 Mo)"), "{message}");
    assert!(message.contains("la limite est de 5 Mo"), "{message}");
}
