//! Reading the bytes of a file the user picked or dropped, up to a limit, without freezing the
//! page.
//!
//! Chromium answers `File.size` (and `slice`, `arrayBuffer`) for a file from the disk with a
//! synchronous look at the disk: about 1 ms a file, so more than a second of frozen page, and a
//! progress bar standing still, for MOT's 1,000 files. Reading the file's stream never blocks,
//! and stopping it once past the limit still keeps a huge file out of memory.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{ReadableStream, ReadableStreamDefaultReader, ReadableStreamReadResult};

/// Starts reading `file` at once and returns the promise of its bytes (a `Uint8Array`), or of
/// `null` as soon as more than `limit` bytes came (the rest is left unread). Several files
/// can be read side by side: each promise runs on its own.
pub fn start_reading(file: &web_sys::File, limit: usize) -> JsFuture {
    let stream = file.stream();
    JsFuture::from(future_to_promise(read_stream(stream, limit)))
}

async fn read_stream(stream: ReadableStream, limit: usize) -> Result<JsValue, JsValue> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let chunks = js_sys::Array::new();
    let mut length = 0usize;
    loop {
        let result: ReadableStreamReadResult =
            JsFuture::from(reader.read()).await?.unchecked_into();
        if result.get_done().unwrap_or(true) {
            break;
        }
        let chunk = js_sys::Uint8Array::new(&result.get_value());
        length += chunk.length() as usize;
        if length > limit {
            // Nothing more is read; the cancellation's own outcome does not matter.
            let _ = reader.cancel();
            return Ok(JsValue::NULL);
        }
        chunks.push(&chunk);
    }
    Ok(concatenate(&chunks, length).into())
}

/// The chunks end to end, in one array of `length` bytes.
fn concatenate(chunks: &js_sys::Array, length: usize) -> js_sys::Uint8Array {
    // One chunk (any file of a few kilobytes): no copy.
    if chunks.length() == 1 {
        return chunks.get(0).unchecked_into();
    }
    let whole = js_sys::Uint8Array::new_with_length(length as u32);
    let mut offset = 0u32;
    for chunk in chunks.iter() {
        let chunk: js_sys::Uint8Array = chunk.unchecked_into();
        whole.set(&chunk, offset);
        offset += chunk.length();
    }
    whole
}
