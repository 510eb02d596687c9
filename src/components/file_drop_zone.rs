//! A file picker that also takes files dropped on it: the import page's and MOT's bulk import.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled multiple-file input (JSON files) inside a drop zone; `on_files` receives the
/// files picked or dropped.
#[component]
pub fn FileDropZone(
    /// Id of the input (its label and help point to it).
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// Help shown under the label.
    help: &'static str,
    /// `data-testid` of the zone.
    test_id: &'static str,
    /// True while the files cannot be taken (an import is running).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Called with the files picked or dropped (never empty).
    on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let take = move |files: Vec<web_sys::File>| {
        if !files.is_empty() && !disabled.get_untracked() {
            on_files.run(files);
        }
    };
    let help_id = format!("{id}-help");
    view! {
        <div
            class="drop-zone"
            class:drop-zone--active=move || dragging.get()
            on:dragover=move |event: leptos::ev::DragEvent| {
                event.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |event: leptos::ev::DragEvent| {
                dragging.set(false);
                take(dropped_files(&event));
            }
            data-testid=test_id
        >
            <label for=id>{label}</label>
            <p id=help_id.clone() class="field-help">{help}</p>
            <input
                id=id
                type="file"
                multiple
                accept=".json,application/json"
                aria-describedby=help_id
                prop:disabled=move || disabled.get()
                on:change=move |event| take(picked_files(&event))
            />
        </div>
    }
}

/// The files picked in a file input's `change` event; the input is cleared so that picking the
/// same file again is noticed.
fn picked_files(event: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files().map(file_list).unwrap_or_default();
    input.set_value("");
    files
}

/// The files dropped on a drop zone (the browser's own handling of the drop is prevented).
fn dropped_files(event: &leptos::ev::DragEvent) -> Vec<web_sys::File> {
    event.prevent_default();
    event
        .data_transfer()
        .and_then(|transfer| transfer.files())
        .map(file_list)
        .unwrap_or_default()
}

fn file_list(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
