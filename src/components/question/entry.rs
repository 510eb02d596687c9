//! Typed entries: numbers (with unit and bounds) and text (free text, INSEE code, SIREN).

use domain::questionnaire::{
    fr_number, normalize_insee_code, normalize_siren, Question, QuestionKind,
};
use domain::Answer;
use leptos::prelude::*;

use super::{FieldContext, FieldLabel};
use crate::state::session::Commit;

/// The answer a typed number gives: a number when it reads as one (French or English decimal
/// mark, spaces ignored), else the raw text, kept so nothing typed is lost and the review flags it.
pub fn parse_number_entry(raw: &str) -> Option<Answer> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    if compact.is_empty() {
        return None;
    }
    match compact.replace(',', ".").parse::<f64>() {
        Ok(value) if value.is_finite() => Some(Answer::Number(value)),
        _ => Some(Answer::Text(raw.to_string())),
    }
}

/// The text shown in a number field for a stored answer.
fn number_entry_text(answer: &Option<Answer>) -> String {
    match answer {
        Some(Answer::Number(value)) => fr_number(value),
        Some(Answer::Text(raw)) => raw.clone(),
        _ => String::new(),
    }
}

/// A number field with its unit; "ne sait pas" as a checkbox when offered.
#[component]
pub fn NumberField(context: FieldContext) -> impl IntoView {
    let described_by = context.described_by();
    let question = context.question;
    let unit = match &question.kind {
        QuestionKind::Number { unit, .. } => unit.clone(),
        _ => None,
    };
    let current = context.answer;
    // What the user typed; re-derived from the stored answer when another tab changes it.
    let typed = RwSignal::new(number_entry_text(&current.get_untracked()));
    Effect::new(move |_| {
        let answer = current.get();
        if parse_number_entry(&typed.get_untracked()) != answer && answer != Some(Answer::Unknown) {
            typed.set(number_entry_text(&answer));
        }
    });
    let is_unknown = move || current.with(|a| a == &Some(Answer::Unknown));

    let on_input = {
        let field = context.clone();
        move |event: leptos::ev::Event| {
            let raw = event_target_value(&event);
            typed.set(raw.clone());
            field.set(parse_number_entry(&raw), Commit::AfterPause);
        }
    };
    let on_blur = {
        let field = context.clone();
        move |_| {
            field.touched.set(true);
            field.session.flush();
        }
    };
    // The number typed before « Ne sait pas » was ticked: unticking it brings the number back.
    let before_unknown = RwSignal::new(String::new());
    let unknown = question.accepts_unknown().then(|| {
        let id = format!("{}-nsp", context.input_id);
        let field = context.clone();
        view! {
            <div class="choice choice--inline">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=is_unknown
                    on:change=move |event| {
                        let unknown = event_target_checked(&event);
                        let answer = if unknown {
                            before_unknown.set(typed.get_untracked());
                            typed.set(String::new());
                            Some(Answer::Unknown)
                        } else {
                            let restored = before_unknown.get_untracked();
                            typed.set(restored.clone());
                            parse_number_entry(&restored)
                        };
                        field.touched.set(true);
                        field.set(answer, Commit::Now);
                    }
                />
                <label for=id>"Ne sait pas"</label>
            </div>
        }
    });
    let unit_id = unit.as_ref().map(|_| format!("{}-unit", context.input_id));
    let described = {
        let unit_id = unit_id.clone();
        move || match &unit_id {
            Some(unit_id) => format!("{} {unit_id}", described_by.get()),
            None => described_by.get(),
        }
    };
    view! {
        <FieldLabel context=context.clone()/>
        <div class="number-entry">
            <input
                type="text"
                inputmode="decimal"
                id=context.input_id.clone()
                maxlength=question.kind.typed_max_chars()
                autocomplete="off"
                prop:value=move || typed.get()
                disabled=is_unknown
                aria-invalid=move || if context.error.get().is_some() { "true" } else { "false" }
                aria-describedby=described
                on:input=on_input
                on:blur=on_blur
            />
            {unit.map(|unit| view! { <span class="number-entry__unit" id=unit_id.clone()>{unit}</span> })}
        </div>
        {unknown}
    }
}

/// A text field: free text (one line or several, with a length limit), INSEE code or SIREN.
#[component]
pub fn TextField(context: FieldContext) -> impl IntoView {
    let described_by = context.described_by();
    let question = context.question;
    let current = context.answer;
    let text = move || match current.get() {
        Some(Answer::Text(text)) => text,
        _ => String::new(),
    };
    let (max_length, multiline) = match &question.kind {
        QuestionKind::Text {
            max_length,
            multiline,
        } => (Some(*max_length), *multiline),
        // Room for spaces (« 08 190 », « 200 067 213 »): the code is checked without them.
        QuestionKind::InseeCode | QuestionKind::Siren => (question.kind.typed_max_chars(), false),
        _ => (None, false),
    };
    let on_input = {
        let field = context.clone();
        move |event: leptos::ev::Event| {
            let raw = event_target_value(&event);
            let answer = (!raw.trim().is_empty()).then_some(Answer::Text(raw));
            field.set(answer, Commit::AfterPause);
        }
    };
    let on_blur = {
        let field = context.clone();
        move |_| {
            field.touched.set(true);
            // A well-formed identifier is stored as written officially (« 2a004 » → « 2A004 »).
            let typed = current.get_untracked();
            if let Some(normalized) =
                typed.and_then(|answer| normalized_identifier(question, &answer))
            {
                field.set(Some(Answer::Text(normalized)), Commit::Now);
            }
            field.session.flush();
        }
    };
    let invalid = move || {
        if context.error.get().is_some() {
            "true"
        } else {
            "false"
        }
    };
    let counter = max_length.filter(|_| multiline).map(|max| {
        view! {
            <p class="field-counter">
                {move || text().chars().count()} " / " {max} " caractères"
            </p>
        }
    });
    let input = if multiline {
        view! {
            <textarea
                id=context.input_id.clone()
                rows="4"
                maxlength=max_length
                prop:value=text
                aria-invalid=invalid
                aria-describedby=described_by
                on:input=on_input
                on:blur=on_blur
            ></textarea>
        }
        .into_any()
    } else {
        let identifier = matches!(question.kind, QuestionKind::InseeCode | QuestionKind::Siren);
        view! {
            <input
                type="text"
                id=context.input_id.clone()
                class:input--short=identifier
                autocomplete="off"
                spellcheck=if identifier { "false" } else { "true" }
                inputmode=if matches!(question.kind, QuestionKind::Siren) { Some("numeric") } else { None }
                maxlength=max_length
                prop:value=text
                aria-invalid=invalid
                aria-describedby=described_by
                on:input=on_input
                on:blur=on_blur
            />
        }
        .into_any()
    };
    view! {
        <FieldLabel context=context.clone()/>
        {input}
        {counter}
    }
}

/// An INSEE code or a SIREN written in its official form, when it is well formed and typed
/// otherwise (lower case, spaces).
fn normalized_identifier(question: &Question, answer: &Answer) -> Option<String> {
    let Answer::Text(typed) = answer else {
        return None;
    };
    let normalized = match question.kind {
        QuestionKind::InseeCode => normalize_insee_code(typed).ok()?,
        QuestionKind::Siren => normalize_siren(typed).ok()?,
        _ => return None,
    };
    (normalized != *typed).then_some(normalized)
}
