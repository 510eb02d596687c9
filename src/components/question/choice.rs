//! Choice widgets: radio groups (oui/non, maturity, single choice), drop-down lists, checkboxes.

use domain::Answer;
use leptos::prelude::*;

use super::FieldContext;
use crate::state::session::Commit;

/// One radio button of a group: its value, label, optional precision, and the answer it gives.
#[derive(Clone)]
pub struct RadioOption {
    value: String,
    label: String,
    description: Option<String>,
    answer: Answer,
}

impl RadioOption {
    /// A radio button with this value (unique in the group), label and answer.
    pub fn new(value: &str, label: &str, answer: Answer) -> Self {
        RadioOption {
            value: value.to_string(),
            label: label.to_string(),
            description: None,
            answer,
        }
    }

    /// Adds a precision shown under the label.
    pub fn with_description(mut self, description: Option<String>) -> Self {
        self.description = description;
        self
    }
}

/// The `<legend>` and help text of a group of inputs.
#[component]
fn GroupLegend(context: FieldContext) -> impl IntoView {
    let optional = context.question.optional.then_some(" (facultatif)");
    view! {
        <legend class="question__label">{context.question.label.clone()} {optional}</legend>
        <p id=context.help_id.clone() class="field-help">{context.question.help.clone()}</p>
    }
}

/// A group of radio buttons; choosing one saves at once.
#[component]
pub fn RadioGroup(context: FieldContext, options: Vec<RadioOption>) -> impl IntoView {
    let described_by = context.described_by();
    let name = context.input_id.clone();
    let radios = options
        .into_iter()
        .map(|option| {
            let id = format!("{}-{}", context.input_id, option.value);
            let answer = option.answer.clone();
            let current = context.answer;
            let checked = move || current.with(|a| a.as_ref() == Some(&answer));
            let chosen = option.answer.clone();
            let field = context.clone();
            let description_id = option.description.as_ref().map(|_| format!("{id}-desc"));
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=option.value.clone()
                        prop:checked=checked
                        aria-describedby=description_id.clone()
                        on:change=move |_| {
                            field.touched.set(true);
                            field.set(Some(chosen.clone()), Commit::Now);
                        }
                    />
                    <label for=id>{option.label.clone()}</label>
                    {option.description.clone().map(|text| view! {
                        <p class="choice__description" id=description_id.clone()>{text}</p>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question__group" id=context.input_id.clone() aria-describedby=described_by>
            <GroupLegend context=context.clone()/>
            <div class="choices">{radios}</div>
        </fieldset>
    }
}

/// A drop-down list for single-choice questions with many options (e.g. départements).
#[component]
pub fn SelectField(context: FieldContext) -> impl IntoView {
    let described_by = context.described_by();
    let question = context.question;
    let current = context.answer;
    let selected = move || match current.get() {
        Some(Answer::Choice(id)) => id,
        Some(Answer::Unknown) => "nsp".to_string(),
        _ => String::new(),
    };
    let field = context.clone();
    let on_change = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let answer = match value.as_str() {
            "" => None,
            "nsp" => Some(Answer::Unknown),
            id => Some(Answer::Choice(id.to_string())),
        };
        field.touched.set(true);
        field.set(answer, Commit::Now);
    };
    let options = question
        .kind
        .options()
        .iter()
        .map(|option| view! { <option value=option.id.clone()>{option.label.clone()}</option> })
        .collect_view();
    let unknown = question
        .accepts_unknown()
        .then(|| view! { <option value="nsp">"Ne sait pas"</option> });
    view! {
        <super::FieldLabel context=context.clone()/>
        <select id=context.input_id.clone() aria-describedby=described_by prop:value=selected on:change=on_change>
            <option value="">"— Choisir —"</option>
            {options}
            {unknown}
        </select>
    }
}

/// Checkboxes for multiple-choice questions; an exclusive option ("aucun") unticks the others.
#[component]
pub fn CheckboxGroup(context: FieldContext) -> impl IntoView {
    let described_by = context.described_by();
    let question = context.question;
    let current = context.answer;
    let ticked = move || match current.get() {
        Some(Answer::Choices(ids)) => ids,
        _ => Vec::new(),
    };

    let boxes = question
        .kind
        .options()
        .iter()
        .map(|option| {
            let id = format!("{}-{}", context.input_id, option.id);
            let option_id = option.id.clone();
            let is_ticked = {
                let option_id = option_id.clone();
                move || ticked().contains(&option_id)
            };
            let field = context.clone();
            let exclusive = option.exclusive;
            let on_change = move |event: leptos::ev::Event| {
                let now_ticked = event_target_checked(&event);
                let mut ids = ticked();
                if now_ticked {
                    if exclusive {
                        ids.clear();
                    } else {
                        // Ticking a regular option unticks the exclusive ones ("aucun").
                        ids.retain(|id| {
                            !question
                                .kind
                                .option(id)
                                .is_some_and(|option| option.exclusive)
                        });
                    }
                    ids.push(option_id.clone());
                } else {
                    ids.retain(|id| id != &option_id);
                }
                field.touched.set(true);
                field.set(
                    (!ids.is_empty()).then_some(Answer::Choices(ids)),
                    Commit::Now,
                );
            };
            let description_id = option.description.as_ref().map(|_| format!("{id}-desc"));
            view! {
                <div class="choice">
                    <input
                        type="checkbox"
                        id=id.clone()
                        value=option.id.clone()
                        prop:checked=is_ticked
                        aria-describedby=description_id.clone()
                        on:change=on_change
                    />
                    <label for=id>{option.label.clone()}</label>
                    {option.description.clone().map(|text| view! {
                        <p class="choice__description" id=description_id.clone()>{text}</p>
                    })}
                </div>
            }
        })
        .collect_view();

    let unknown = question.accepts_unknown().then(|| {
        let id = format!("{}-nsp", context.input_id);
        let field = context.clone();
        let is_unknown = move || current.with(|a| a == &Some(Answer::Unknown));
        view! {
            <div class="choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=is_unknown
                    on:change=move |event| {
                        let unknown = event_target_checked(&event).then_some(Answer::Unknown);
                        field.touched.set(true);
                        field.set(unknown, Commit::Now);
                    }
                />
                <label for=id>"Ne sait pas"</label>
            </div>
        }
    });

    view! {
        <fieldset class="question__group" id=context.input_id.clone() aria-describedby=described_by>
            <GroupLegend context=context.clone()/>
            <div class="choices">{boxes} {unknown}</div>
        </fieldset>
    }
}
