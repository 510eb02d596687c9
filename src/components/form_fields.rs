//! Form widgets for the pages where the town writes freely (project sheets, good practices):
//! labelled text fields and drop-down lists that store every change at once, and a delete
//! button that asks for confirmation.
//!
//! A field shows a value signal. Where another tab may change the record, the caller
//! passes the value as this tab holds it: what is typed here is in it at once (so the field
//! already shows it and nothing moves the cursor), and what another tab stored arrives when
//! this tab re-reads the record. Typing then goes on from that text, never from a stale copy.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled text field (one line, or several with `multiline`), with optional help.
#[component]
pub fn TextEntry(
    /// Id of the input (its label points to it).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help shown under the label and tied to the input.
    #[prop(optional, into)]
    help: Option<String>,
    /// Several lines (a `<textarea>`) instead of one.
    #[prop(optional)]
    multiline: bool,
    /// Maximum length in characters, if any.
    #[prop(optional)]
    max_length: Option<u32>,
    /// The value shown: a fixed text, or a signal that follows the stored record.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new value at every keystroke.
    on_change: Callback<String>,
    /// What is wrong with the value, if anything: shown under the field and tied to it.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let help_id = format!("{id}-aide");
    let error_id = format!("{id}-erreur");
    // Only a field that can be wrong has a place for its error.
    let error_place = error.map(|error| {
        let error_id = error_id.clone();
        view! { <p id=error_id class="field-error">{move || error.get()}</p> }
    });
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let described_by = {
        let help_id = help.as_ref().map(|_| help_id.clone());
        let error_id = error_id.clone();
        move || {
            let ids: Vec<&str> = (help_id.iter().map(String::as_str))
                .chain(error.with(Option::is_some).then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    // A long text shows how much room is left: a paste past the limit is cut by the browser,
    // and the count says so.
    let counter = max_length.filter(|_| multiline).map(|max| {
        view! {
            <p class="field-counter">
                {move || value.with(|text| text.chars().count())} " / " {max} " caractères"
            </p>
        }
    });
    let on_input = move |event| on_change.run(event_target_value(&event));
    let field = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="4"
                maxlength=max_length
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=id.clone()
                maxlength=max_length
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class="form-field">
            <label for=id>{label}</label>
            {help.map(|help| view! { <p id=help_id class="field-help">{help}</p> })}
            {field}
            {counter}
            {error_place}
        </div>
    }
}

/// A labelled drop-down list with an empty first choice.
#[component]
pub fn SelectEntry(
    /// Id of the `<select>`.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Label of the empty choice (e.g. "— Choisir —").
    #[prop(into)]
    empty_label: String,
    /// The choices: (value, label).
    options: Vec<(String, String)>,
    /// The value shown: a fixed one, or a signal that follows the stored record.
    #[prop(into)]
    value: Signal<Option<String>>,
    /// Called with the chosen value (`None` for the empty choice).
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    // Selected by property, not attribute: an attribute no longer moves the selection once
    // the user has chosen, and the value must follow what another tab stores.
    let options = options
        .into_iter()
        .map(|(option, text)| {
            let chosen = option.clone();
            let selected = move || value.with(|value| value.as_deref() == Some(chosen.as_str()));
            view! { <option value=option prop:selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="form-field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                on:change=move |event| {
                    let value = event_target_value(&event);
                    on_change.run((!value.is_empty()).then_some(value));
                }
            >
                <option value="" prop:selected=move || value.with(Option::is_none)>{empty_label}</option>
                {options}
            </select>
        </div>
    }
}

/// A delete button that asks "Confirmer la suppression" before doing anything; Escape or
/// "Annuler" withdraw the question and give the focus back to the button.
#[component]
pub fn DeleteButton(
    /// Text of the first button (e.g. "Supprimer la fiche").
    #[prop(into)]
    label: String,
    /// What is deleted, for the confirmation question.
    #[prop(into)]
    what: String,
    /// Called once the deletion is confirmed.
    on_confirm: Callback<()>,
    /// Words added to the first button's name for screen readers only (e.g. which item).
    #[prop(optional, into)]
    hidden_label: Option<String>,
    /// The whole question, instead of "Supprimer {what} ? Cette action ne peut pas être annulée."
    #[prop(optional, into)]
    question: Option<String>,
) -> impl IntoView {
    let question = question
        .unwrap_or_else(|| format!("Supprimer {what} ? Cette action ne peut pas être annulée."));
    let asking = RwSignal::new(false);
    // Set when the question is withdrawn: the focus goes back to the button that asked it.
    let give_focus_back = RwSignal::new(false);
    let delete_button = NodeRef::<html::Button>::new();
    let cancel_button = NodeRef::<html::Button>::new();
    // Focus follows the question: onto "Annuler" (the safe choice) once it is shown, and back
    // onto the first button once it is withdrawn. The node references are reactive: this runs
    // again once the button is in the page.
    Effect::new(move |_| {
        if asking.get() {
            if let Some(button) = cancel_button.get() {
                let _ = button.focus();
            }
        } else if let Some(button) = delete_button.get() {
            // Not the button of before the question, still referenced until the new one is in.
            if give_focus_back.get_untracked() && button.is_connected() {
                give_focus_back.set(false);
                let _ = button.focus();
            }
        }
    });
    let withdraw = move || {
        give_focus_back.set(true);
        asking.set(false);
    };
    view! {
        <div class="delete no-print">
            <Show
                when=move || asking.get()
                fallback=move || {
                    let label = label.clone();
                    let hidden_label = hidden_label.clone();
                    view! {
                        <button
                            type="button"
                            class="button button--danger-outline"
                            node_ref=delete_button
                            on:click=move |_| asking.set(true)
                        >
                            {label}
                            {hidden_label.map(|words| view! { <span class="visually-hidden">{words}</span> })}
                        </button>
                    }
                }
            >
                <div
                    class="confirm"
                    role="group"
                    aria-label="Confirmer la suppression"
                    on:keydown=move |event| {
                        if event.key() == "Escape" {
                            withdraw();
                        }
                    }
                >
                    <p>{question.clone()}</p>
                    <button
                        type="button"
                        class="button button--danger"
                        on:click=move |_| on_confirm.run(())
                    >
                        "Confirmer la suppression"
                    </button>
                    <button type="button" class="button" node_ref=cancel_button on:click=move |_| withdraw()>
                        "Annuler"
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// Moves the focus to the element with this id once the page has rendered it (after "Ajouter").
pub fn focus_soon(id: String) {
    gloo_timers::callback::Timeout::new(0, move || {
        let element = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(&id))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    })
    .forget();
}
