//! MOT's comments on single questions of a town's diagnostic, part of the feedback: pick a
//! question, write, add; each can be removed.

use domain::bundle::MotFeedback;
use leptos::prelude::*;

use super::feedback_form::{set_comment, COMMENT_MAX};
use crate::components::form_fields::focus_soon;
use crate::state::diagnostics::questionnaire;

/// Id of the button that adds a question comment (the focus goes back to it after a removal).
const ADD_COMMENT_ID: &str = "ajouter-commentaire-question";

/// Comments on single questions: pick a question, write, add; each can be removed.
#[component]
pub(super) fn QuestionComments(draft: RwSignal<MotFeedback>) -> impl IntoView {
    let Ok(questionnaire) = questionnaire() else {
        return ().into_any();
    };
    let chosen = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let question_error = RwSignal::new(None::<&'static str>);
    let text_error = RwSignal::new(None::<&'static str>);
    let said = RwSignal::new(None::<String>);
    let groups = questionnaire
        .steps
        .iter()
        .map(|step| {
            view! {
                <optgroup label=step.title.clone()>
                    {step
                        .questions
                        .iter()
                        .map(|q| view! { <option value=q.id.clone()>{q.label.clone()}</option> })
                        .collect_view()}
                </optgroup>
            }
        })
        .collect_view();
    let add = move |_| {
        let question = chosen.get_untracked();
        let comment = text.get_untracked();
        question_error.set(
            question
                .is_empty()
                .then_some("Choisissez la question à commenter."),
        );
        text_error.set(
            comment
                .trim()
                .is_empty()
                .then_some("Écrivez le commentaire."),
        );
        if question.is_empty() {
            focus_soon("retour-question".to_string());
            return;
        }
        if comment.trim().is_empty() {
            focus_soon("retour-question-texte".to_string());
            return;
        }
        draft.update(|d| set_comment(&mut d.question_comments, &question, &comment));
        text.set(String::new());
        let label = questionnaire
            .question(&question)
            .map_or(question, |q| q.label.clone());
        said.set(Some(format!("Commentaire ajouté sur « {label} ».")));
    };
    let listed = move || {
        draft.with(|d| {
            d.question_comments
                .iter()
                .map(|(id, comment)| {
                    let label = questionnaire
                        .question(id)
                        .map(|q| q.label.clone())
                        .unwrap_or_else(|| id.clone());
                    let id = id.clone();
                    let hidden_label = label.clone();
                    let removed_label = label.clone();
                    view! {
                        <li data-testid="question-comment">
                            <strong>{label}</strong>" : " {comment.clone()} " "
                            <button
                                type="button"
                                class="button button--small"
                                on:click=move |_| {
                                    draft.update(|d| {
                                        d.question_comments.remove(&id);
                                    });
                                    // Its button is gone with it: the focus goes back to adding one.
                                    said.set(Some(format!("Commentaire sur « {} » retiré.", removed_label)));
                                    focus_soon(ADD_COMMENT_ID.to_string());
                                }
                            >
                                "Retirer"
                                <span class="visually-hidden">{format!(" le commentaire sur « {hidden_label} »")}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <fieldset class="question-comments">
            <legend>"Commentaires sur des questions"</legend>
            <div class="form-field">
                <label for="retour-question">"Question à commenter"</label>
                <select
                    id="retour-question"
                    aria-invalid=move || question_error.get().map(|_| "true")
                    aria-describedby=move || question_error.get().map(|_| "retour-question-erreur")
                    on:change=move |event| {
                        question_error.set(None);
                        chosen.set(event_target_value(&event));
                    }
                >
                    <option value="">"— Choisir une question —"</option>
                    {groups}
                </select>
                <p id="retour-question-erreur" class="field-error">{move || question_error.get()}</p>
            </div>
            <div class="form-field">
                <label for="retour-question-texte">"Commentaire sur la question"</label>
                <textarea
                    id="retour-question-texte"
                    rows="3"
                    maxlength=COMMENT_MAX
                    aria-invalid=move || text_error.get().map(|_| "true")
                    aria-describedby=move || text_error.get().map(|_| "retour-question-texte-erreur")
                    prop:value=move || text.get()
                    on:input=move |event| {
                        text_error.set(None);
                        text.set(event_target_value(&event));
                    }
                ></textarea>
                <p id="retour-question-texte-erreur" class="field-error">{move || text_error.get()}</p>
            </div>
            <button type="button" class="button" id=ADD_COMMENT_ID on:click=add>"Ajouter le commentaire"</button>
            <p role="status" class="save-note">{move || said.get()}</p>
            <ul class="plain-list">{listed}</ul>
        </fieldset>
    }
    .into_any()
}
