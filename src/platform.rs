//! Small helpers over browser APIs: clock, identifiers, date formatting, page title, focus.

use wasm_bindgen::{JsCast, JsValue};

/// The current time as an RFC 3339 string in UTC (e.g. `2026-11-27T17:40:00.000Z`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date on the device, in its time zone (the day dated facts are judged against).
pub fn today() -> Option<domain::calendar::CalendarDate> {
    let date = js_sys::Date::new_0();
    domain::calendar::CalendarDate::new(date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// A new random UUID (version 4) from the browser's cryptographic generator.
pub fn new_uuid() -> String {
    web_sys::window()
        .and_then(|window| window.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_else(fallback_uuid)
}

/// A UUID-shaped id from `Math.random`, for browsers without `crypto.randomUUID` (non-secure contexts).
fn fallback_uuid() -> String {
    let mut hex = String::with_capacity(36);
    for position in 0..32 {
        if matches!(position, 8 | 12 | 16 | 20) {
            hex.push('-');
        }
        let digit = match position {
            12 => 4,
            16 => 8 + (js_sys::Math::random() * 4.0) as u32,
            _ => (js_sys::Math::random() * 16.0) as u32,
        };
        hex.push(char::from_digit(digit.min(15), 16).unwrap_or('0'));
    }
    hex
}

/// Formats an RFC 3339 time for a French reader, e.g. "27 novembre 2026 à 17:40".
pub fn format_datetime_fr(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    FRENCH_DATE_TIME
        .with(|format| format.call1(&JsValue::NULL, &date))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| iso.to_string())
}

thread_local! {
    /// One French date formatter for the page: building one per call (what
    /// `Date.toLocaleString` does) is slow when a table shows a thousand dates.
    static FRENCH_DATE_TIME: js_sys::Function = {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        let locales = js_sys::Array::of1(&"fr-FR".into());
        js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
    };
}

/// Sets the document's title, so each page is named in tabs, history and screen readers.
pub fn set_page_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&format!("{page} · {}", crate::components::layout::APP_NAME));
    }
}

/// Removes the loading message index.html shows while the app downloads (`#app-loading`).
pub fn remove_loading_message() {
    let shell = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app-loading"));
    if let Some(shell) = shell {
        shell.remove();
    }
}

/// Moves the keyboard focus to the first element matching `selector`, if there is one (after a
/// "show more", onto the first item added).
pub fn focus_first(selector: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Reloads the page (after a newer version of the app took the database over, say).
pub fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
