//! Offering a file to the user as a download, built in memory (nothing leaves the device).

use wasm_bindgen::JsCast;

use crate::error::AppError;

/// Offers `json` as a file download named `file_name`.
pub fn download_json(file_name: &str, json: &str) -> Result<(), AppError> {
    download(file_name, "application/json", &json.into())
}

/// Offers `bytes` (a CSV file, already encoded) as a download named `file_name`.
pub fn download_csv(file_name: &str, bytes: &[u8]) -> Result<(), AppError> {
    let array = js_sys::Uint8Array::from(bytes);
    download(file_name, "text/csv;charset=utf-8", &array.into())
}

fn download(file_name: &str, mime: &str, content: &wasm_bindgen::JsValue) -> Result<(), AppError> {
    let failed = |_| AppError::File("le fichier n'a pas pu être préparé".to_string());
    let parts = js_sys::Array::of1(content);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
        .map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| AppError::File("page indisponible".to_string()))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoked a little later: the download must have started from the URL first.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
