//! One question of the questionnaire as a form field, chosen by the question's kind.
//!
//! Every field has a visible label (a `<label>` or a `<legend>`), its help text and its
//! validation message tied to it with `aria-describedby`; messages are announced politely.

mod choice;
mod entry;

use domain::questionnaire::{validate_answer, Question, QuestionKind};
use domain::Answer;
use leptos::prelude::*;

use crate::state::session::{Commit, DiagnosticSession};
use choice::{CheckboxGroup, RadioGroup, RadioOption, SelectField};
use entry::{NumberField, TextField};

/// Single-choice questions with more options than this are shown as a drop-down list.
const MAX_RADIO_OPTIONS: usize = 12;

/// Ids of the elements of one question, and what every field widget needs.
#[derive(Clone)]
pub struct FieldContext {
    /// The question.
    pub question: &'static Question,
    /// The current answer, as this tab sees it.
    pub answer: Memo<Option<Answer>>,
    /// Whether the user has finished with the field once (then its errors show).
    pub touched: RwSignal<bool>,
    /// The error message shown, and read out: set when the user leaves the field or makes a
    /// choice, gone as soon as the answer is right (not rewritten at each keystroke).
    pub error: RwSignal<Option<String>>,
    /// Id of the main input (or of the group).
    pub input_id: String,
    /// Id of the help text.
    pub help_id: String,
    /// Id of the error message.
    pub error_id: String,
    /// The session that stores the answers (kept here: event handlers run outside the owner).
    pub session: DiagnosticSession,
}

impl FieldContext {
    /// The ids the input is described by: the help, and the error when there is one.
    pub fn described_by(&self) -> Signal<String> {
        let help = self.help_id.clone();
        let error_id = self.error_id.clone();
        let error = self.error;
        Signal::derive(move || match error.get() {
            Some(_) => format!("{help} {error_id}"),
            None => help.clone(),
        })
    }

    /// Records a new answer for this question.
    pub fn set(&self, answer: Option<Answer>, commit: Commit) {
        self.session.set_answer(&self.question.id, answer, commit);
    }
}

/// The field of one question, with its label, help text and validation message.
#[component]
pub fn QuestionField(question: &'static Question) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let answer = Memo::new(move |_| {
        session
            .diagnostic
            .with(|diagnostic| diagnostic.answers.get(&question.id).cloned())
    });
    // An answer already stored is checked at once; a new one once the user leaves the field.
    let touched = RwSignal::new(answer.get_untracked().is_some());
    let error = Memo::new(move |_| {
        if !touched.get() {
            return None;
        }
        answer
            .get()
            .and_then(|answer| validate_answer(question, &answer).err())
            .map(|problem| problem.to_string())
    });
    // The message read out is set when the user leaves the field or makes a choice (each time
    // `touched` is set), and goes as soon as the answer is right; it is not rewritten at each
    // keystroke, which a screen reader would read again at each letter.
    let shown_error = RwSignal::new(error.get_untracked());
    Effect::new(move |_| {
        touched.track();
        shown_error.set(error.get_untracked());
    });
    Effect::new(move |_| {
        if error.with(Option::is_none) {
            shown_error.set(None);
        }
    });
    let context = FieldContext {
        question,
        answer,
        touched,
        error: shown_error,
        input_id: format!("q-{}", question.id),
        help_id: format!("q-{}-help", question.id),
        error_id: format!("q-{}-error", question.id),
        session,
    };

    let field = match &question.kind {
        QuestionKind::YesNo { .. } => {
            let mut options = vec![
                RadioOption::new("oui", "Oui", Answer::YesNo(true)),
                RadioOption::new("non", "Non", Answer::YesNo(false)),
            ];
            push_unknown(question, &mut options);
            view! { <RadioGroup context=context.clone() options/> }.into_any()
        }
        QuestionKind::Maturity => {
            let mut options: Vec<RadioOption> = maturity_options();
            push_unknown(question, &mut options);
            view! { <RadioGroup context=context.clone() options/> }.into_any()
        }
        QuestionKind::SingleChoice { options, .. } if options.len() > MAX_RADIO_OPTIONS => {
            view! { <SelectField context=context.clone()/> }.into_any()
        }
        QuestionKind::SingleChoice { options, .. } => {
            let mut radios: Vec<RadioOption> = options
                .iter()
                .map(|option| {
                    RadioOption::new(&option.id, &option.label, Answer::Choice(option.id.clone()))
                        .with_description(option.description.clone())
                })
                .collect();
            push_unknown(question, &mut radios);
            view! { <RadioGroup context=context.clone() options=radios/> }.into_any()
        }
        QuestionKind::MultipleChoice { .. } => {
            view! { <CheckboxGroup context=context.clone()/> }.into_any()
        }
        QuestionKind::Number { .. } => view! { <NumberField context=context.clone()/> }.into_any(),
        QuestionKind::Text { .. } | QuestionKind::InseeCode | QuestionKind::Siren => {
            view! { <TextField context=context.clone()/> }.into_any()
        }
    };

    let error_id = context.error_id.clone();
    view! {
        <div
            class="question"
            id=format!("question-{}", question.id)
            data-question=question.id.clone()
            data-kind=question.kind.type_name()
        >
            {field}
            <p id=error_id class="field-error" aria-live="polite">
                {move || shown_error.get()}
            </p>
        </div>
    }
}

/// Adds "Ne sait pas" to a radio group when the question offers it.
fn push_unknown(question: &Question, options: &mut Vec<RadioOption>) {
    if question.accepts_unknown() {
        options.push(RadioOption::new("nsp", "Ne sait pas", Answer::Unknown));
    }
}

/// The five levels of the maturity scale, with their labels from the questionnaire.
fn maturity_options() -> Vec<RadioOption> {
    let Ok(questionnaire) = crate::state::diagnostics::questionnaire() else {
        return Vec::new();
    };
    questionnaire
        .maturity_levels
        .iter()
        .map(|level| {
            RadioOption::new(
                &format!("niveau-{}", level.level),
                &format!("{} — {}", level.level, level.label),
                Answer::Maturity(level.level),
            )
            .with_description(Some(level.description.clone()))
        })
        .collect()
}

/// The label and help text above a single input.
#[component]
fn FieldLabel(context: FieldContext) -> impl IntoView {
    let optional = context.question.optional.then_some(" (facultatif)");
    view! {
        <label for=context.input_id.clone() class="question__label">
            {context.question.label.clone()}
            {optional}
        </label>
        <p id=context.help_id.clone() class="field-help">{context.question.help.clone()}</p>
    }
}
