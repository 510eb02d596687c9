//! MOT's feedback for a town: an author, a general comment, a comment per step and per
//! question; saved on this device and exported as a bundle the town imports. The status sent
//! is MOT's status of the follow-up; the internal notes are never part of it.

use std::collections::BTreeMap;

use domain::bundle::MotFeedback;
use domain::questionnaire::Questionnaire;
use domain::workspace::{merge_feedback_edits, part_text, resume_draft, FeedbackPart, MotReview};
use domain::Diagnostic;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::question_comments::QuestionComments;
use crate::components::form_fields::{focus_soon, TextEntry};
use crate::components::notice::ErrorNotice;
use crate::error::AppError;
use crate::platform::format_datetime_fr;
use crate::state::broadcast::listen_while_shown;
use crate::state::diagnostics::questionnaire;
use crate::state::feedback_draft::{DraftSlot, FeedbackDraft};
use crate::state::workspace::{
    export_feedback_for_town, feedback_for, save_feedback, FEEDBACK_CHANNEL,
};

/// The longest comment a bundle may carry (`bundle::MAX_TEXT_CHARS`), as the fields' `maxlength`.
pub(super) const COMMENT_MAX: u32 = domain::bundle::MAX_TEXT_CHARS as u32;

/// Id of the author's field (it takes the focus when the author is missing).
const AUTHOR_ID: &str = "retour-auteur";

/// Follows the feedback another tab stores: what this page has not changed takes the stored
/// text (so that saving here does not put older text back), what it has changed stays, and
/// where the other tab changed the same part, its text is returned to be shown beside.
fn follow_other_tabs(
    diagnostic_id: &str,
    base: RwSignal<MotFeedback>,
    draft: RwSignal<MotFeedback>,
    busy: RwSignal<bool>,
) -> RwSignal<Vec<(FeedbackPart, String)>> {
    let changed_elsewhere = RwSignal::new(Vec::new());
    let own_id = diagnostic_id.to_string();
    listen_while_shown(FEEDBACK_CHANNEL, move |id| {
        // This page's own save puts the stored feedback in place when it ends.
        if id != own_id || busy.try_get_untracked() != Some(false) {
            return;
        }
        spawn_local(async move {
            let Ok(Some(stored)) = feedback_for(&id).await else {
                return;
            };
            let (Some(old_base), Some(mine)) =
                (base.try_get_untracked(), draft.try_get_untracked())
            else {
                return;
            };
            if stored == old_base || busy.try_get_untracked() != Some(false) {
                return;
            }
            let (_, both_changed) = resume_draft(&old_base, &mine, &stored);
            let theirs: Vec<(FeedbackPart, String)> = both_changed
                .into_iter()
                .map(|(part, _)| {
                    let text = part_text(&stored, &part);
                    (part, text)
                })
                .collect();
            draft.try_set(merge_feedback_edits(&old_base, &mine, &stored));
            base.try_set(stored);
            changed_elsewhere.try_set(theirs);
        });
    });
    changed_elsewhere
}

/// The French name of a part of a feedback, for the drafts' texts set aside.
fn part_label(questionnaire: &Questionnaire, part: &FeedbackPart) -> String {
    match part {
        FeedbackPart::Author => "Auteur du retour".to_string(),
        FeedbackPart::General => "Commentaire général".to_string(),
        FeedbackPart::Step(id) => {
            let title = questionnaire
                .step(id)
                .map_or(id.as_str(), |s| s.title.as_str());
            format!("Commentaire sur « {title} »")
        }
        FeedbackPart::Question(id) => {
            let label = questionnaire
                .question(id)
                .map_or(id.as_str(), |q| q.label.as_str());
            format!("Commentaire sur la question « {label} »")
        }
    }
}

/// Sets or removes (when blank) a comment: a blank comment is no comment.
pub(super) fn set_comment(comments: &mut BTreeMap<String, String>, key: &str, text: &str) {
    if text.trim().is_empty() {
        comments.remove(key);
    } else {
        comments.insert(key.to_string(), text.to_string());
    }
}

/// The feedback editor with its two actions: save, and save then export for the town.
#[component]
pub fn FeedbackForm(
    diagnostic: Diagnostic,
    review: RwSignal<MotReview>,
    feedback: MotFeedback,
) -> impl IntoView {
    let Ok(questionnaire) = questionnaire() else {
        return view! { <ErrorNotice message="Questionnaire indisponible."/> }.into_any();
    };
    let written_before = (feedback.revision > 1 || !feedback.author.is_empty())
        .then(|| format_datetime_fr(&feedback.written_at));
    // What was written and not saved when a page was left comes back, put on the feedback as
    // stored now; a part changed since (saved by another page) keeps its text, and the draft's
    // is shown beside it rather than lost.
    let slot = DraftSlot::new(&diagnostic.id);
    let kept = slot.take_over();
    let resumed = !kept.is_empty();
    let mut set_aside = Vec::new();
    let shown = kept.iter().fold(feedback.clone(), |shown, kept| {
        let (resumed, aside) = resume_draft(&kept.base, &kept.draft, &shown);
        set_aside.extend(aside);
        resumed
    });
    let set_aside_view = (!set_aside.is_empty()).then(|| {
        let items = set_aside
            .into_iter()
            .map(|(part, text)| view! { <li><strong>{part_label(questionnaire, &part)}</strong>" : « " {text} " »"</li> })
            .collect_view();
        view! {
            <div class="notice" data-testid="feedback-set-aside">
                <p>
                    "Textes d'un brouillon non repris, car le retour a été modifié depuis sur "
                    "ces points (copiez-les si besoin) :"
                </p>
                <ul>{items}</ul>
            </div>
        }
    });
    let open_steps = !shown.theme_comments.is_empty();
    let base = RwSignal::new(feedback);
    let draft = RwSignal::new(shown);
    Effect::new(move |_| {
        let kept = FeedbackDraft {
            base: base.get(),
            draft: draft.get(),
        };
        slot.keep(&kept);
    });
    let unsaved = move || base.with(|base| draft.with(|draft| base != draft));
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let changed_elsewhere = follow_other_tabs(&diagnostic.id, base, draft, busy);
    let changed_elsewhere_view = move || {
        changed_elsewhere.with(|parts| {
            (!parts.is_empty()).then(|| {
                let items = parts
                    .iter()
                    .map(|(part, text)| view! { <li><strong>{part_label(questionnaire, part)}</strong>" : « " {text.clone()} " »"</li> })
                    .collect_view();
                view! {
                    <div class="notice" role="status" data-testid="feedback-changed-elsewhere">
                        <p>
                            "Modifié dans un autre onglet pendant que vous écriviez. Votre texte est "
                            "gardé ici ; en enregistrant, il remplacera celui-ci :"
                        </p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    };
    let diagnostic = StoredValue::new(diagnostic);
    let author_error = RwSignal::new(None::<String>);
    let run = move |export: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let current = draft.get_untracked();
        let read = base.get_untracked();
        let status = review.get_untracked();
        let diagnostic = diagnostic.get_value();
        spawn_local(async move {
            let result = if export {
                export_feedback_for_town(&diagnostic, &status, &read, &current).await
            } else {
                save_feedback(&diagnostic, &status, &read, &current).await
            };
            match result {
                Ok(stored) => {
                    error.set(None);
                    message.set(Some(if export {
                        format!("Retour exporté (révision {}) : envoyez le fichier téléchargé à la commune.", stored.revision)
                    } else {
                        "Retour enregistré.".to_string()
                    }));
                    // What was written during the save stays, on top of what is stored. (The
                    // page may have been left meanwhile: its signals are then gone.)
                    if let Some(now) = draft.try_get_untracked() {
                        draft.set(merge_feedback_edits(&current, &now, &stored));
                    }
                    base.set(stored);
                    // Saved: this page's text replaced what another tab had written.
                    changed_elsewhere.set(Vec::new());
                }
                // Said at the field, which takes the focus, rather than at the foot of the form.
                Err(AppError::FeedbackWithoutAuthor) => {
                    message.set(None);
                    error.set(None);
                    author_error.set(Some(AppError::FeedbackWithoutAuthor.to_string()));
                    focus_soon(AUTHOR_ID.to_string());
                }
                Err(problem) => {
                    message.set(None);
                    error.set(Some(problem.to_string()));
                }
            }
            busy.set(false);
        });
    };

    let step_fields = questionnaire
        .steps
        .iter()
        .map(|step| {
            let step_id = step.id.clone();
            let shown_id = step.id.clone();
            let shown = Signal::derive(move || {
                draft.with(|d| d.theme_comments.get(&shown_id).cloned().unwrap_or_default())
            });
            view! {
                <TextEntry
                    id=format!("retour-etape-{}", step.id)
                    label=format!("Commentaire sur « {} »", step.title)
                    multiline=true
                    max_length=COMMENT_MAX
                    value=shown
                    on_change=Callback::new(move |text: String| {
                        draft.update(|d| set_comment(&mut d.theme_comments, &step_id, &text));
                    })
                />
            }
        })
        .collect_view();
    let author = Signal::derive(move || draft.with(|d| d.author.clone()));
    let general = Signal::derive(move || draft.with(|d| d.general_comment.clone()));
    view! {
        <section aria-labelledby="mot-retour" class="mot-section no-print">
            <h2 id="mot-retour">"Retour à la commune"</h2>
            <p class="field-help">
                "Le retour part avec le statut MOT choisi plus haut. La commune le voit à côté de ses "
                "réponses, qui ne changent pas."
                {written_before.map(|written| format!(" Dernier enregistrement : {written}."))}
            </p>
            <Show when=move || resumed && unsaved()>
                <p class="notice" role="status" data-testid="feedback-resumed">
                    "Brouillon repris : ce que vous aviez écrit n'est pas encore enregistré. "
                    "Enregistrez-le ou exportez-le."
                </p>
            </Show>
            {set_aside_view}
            {changed_elsewhere_view}
            <TextEntry
                id=AUTHOR_ID
                label="Auteur du retour"
                help="Nom et fonction, par exemple « Marie Dupont, chargée de mission MOT »."
                max_length=300
                value=author
                on_change=Callback::new(move |text: String| {
                    if !text.trim().is_empty() {
                        author_error.set(None);
                    }
                    draft.update(|d| d.author = text);
                })
                error=Signal::derive(move || author_error.get())
            />
            <TextEntry
                id="retour-general"
                label="Commentaire général"
                multiline=true
                max_length=COMMENT_MAX
                value=general
                on_change=Callback::new(move |text: String| draft.update(|d| d.general_comment = text))
            />
            <details class="feedback-steps" open=open_steps>
                <summary>"Commentaires par étape"</summary>
                {step_fields}
            </details>
            <QuestionComments draft/>
            <div class="form-actions">
                // `aria-disabled`, not `disabled`: a disabled button would drop the focus.
                <button type="button" class="button" aria-disabled=move || busy.get().then_some("true") on:click=move |_| run(false)>
                    "Enregistrer le retour"
                </button>
                " "
                <button type="button" class="button button--primary" aria-disabled=move || busy.get().then_some("true") on:click=move |_| run(true)>
                    "Exporter le retour pour la commune"
                </button>
            </div>
            <p class="field-help" data-testid="feedback-unsaved">
                {move || unsaved().then_some(
                    "Modifications non enregistrées : elles restent sur cet appareil jusqu'à l'enregistrement.",
                )}
            </p>
            {move || error.get().map(|message| view! { <ErrorNotice message/> })}
            <p role="status" class="save-note">{move || message.get()}</p>
        </section>
    }
    .into_any()
}
