//! MOT's feedback as the town sees it, beside its own answers: a panel on the diagnostic's
//! overview, a theme comment at the top of a step, a comment under a question. The feedback is
//! only read here; the town's answers never change with it.

use domain::bundle::MotFeedback;
use domain::questionnaire::{is_question_applicable, is_step_not_concerned};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::platform::format_datetime_fr;
use crate::state::diagnostics::questionnaire;
use crate::state::session::DiagnosticSession;
use crate::state::steps::step_href;
use crate::state::workspace::feedback_for;

/// The feedback MOT sent about the diagnostic being edited, once read from storage.
#[derive(Clone, Copy, Debug)]
pub struct TownFeedback(pub RwSignal<Option<MotFeedback>>);

impl TownFeedback {
    /// Reads the feedback of a diagnostic in the background and provides it to the pages below.
    pub fn provide(diagnostic_id: String) {
        let feedback = RwSignal::new(None);
        provide_context(TownFeedback(feedback));
        spawn_local(async move {
            // A failed read only hides the feedback: the town's own work is not affected.
            if let Ok(found) = feedback_for(&diagnostic_id).await {
                feedback.set(found);
            }
        });
    }

    /// The feedback of the page around, if any (read when a component is created).
    fn around() -> Option<RwSignal<Option<MotFeedback>>> {
        use_context::<TownFeedback>().map(|TownFeedback(feedback)| feedback)
    }
}

/// Picks something from the feedback, tracking its changes.
fn pick<T>(
    feedback: Option<RwSignal<Option<MotFeedback>>>,
    what: impl Fn(&MotFeedback) -> Option<T>,
) -> Option<T> {
    feedback.and_then(|signal| signal.with(|f| f.as_ref().and_then(&what)))
}

/// The feedback's summary on the overview: status, author, date, general and step comments.
#[component]
pub fn MotFeedbackPanel(diagnostic_id: String, current_revision: Signal<u32>) -> impl IntoView {
    let around = TownFeedback::around();
    move || {
        let feedback = pick(around, |f| Some(f.clone()))?;
        let steps = questionnaire().ok().map(|q| {
            feedback
                .theme_comments
                .iter()
                .map(|(step_id, comment)| {
                    let title = q
                        .step(step_id)
                        .map(|s| s.title.clone())
                        .unwrap_or_else(|| step_id.clone());
                    view! {
                        <li>
                            <A href=step_href(&diagnostic_id, step_id)>{title}</A>
                            " : " {comment.clone()}
                        </li>
                    }
                })
                .collect_view()
        });
        let questions = question_comments(&diagnostic_id, &feedback);
        let outdated = current_revision.get() > feedback.diagnostic_revision;
        Some(view! {
            <section class="mot-feedback" aria-labelledby="retour-mot" data-testid="mot-feedback">
                <h2 id="retour-mot">"Retour de la MOT"</h2>
                <dl class="facts">
                    <dt>"Statut"</dt>
                    <dd data-testid="mot-feedback-status">{feedback.status.label()}</dd>
                    <dt>"Auteur"</dt>
                    <dd>{feedback.author.clone()}</dd>
                    <dt>"Écrit le"</dt>
                    <dd>{format_datetime_fr(&feedback.written_at)}</dd>
                </dl>
                {(!feedback.general_comment.is_empty()).then(|| view! {
                    <p class="report__quote" data-testid="mot-feedback-general">{feedback.general_comment.clone()}</p>
                })}
                {(!feedback.theme_comments.is_empty()).then(|| view! {
                    <h3>"Commentaires par étape"</h3>
                    <ul>{steps}</ul>
                })}
                {(!feedback.question_comments.is_empty()).then(|| view! {
                    <h3>"Commentaires sur des questions"</h3>
                    <p class="field-help">"Ils sont aussi affichés sous chaque question."</p>
                    <ul data-testid="mot-feedback-questions">{questions}</ul>
                })}
                {outdated.then(|| view! {
                    <p class="field-help">
                        {format!(
                            "Ce retour porte sur la révision {} de votre diagnostic ; vous l'avez modifié depuis.",
                            feedback.diagnostic_revision
                        )}
                    </p>
                })}
            </section>
        })
    }
}

/// Every comment on a question, linked to it; one on a question the town's answers hide (or
/// in a theme marked « non concerné ») says so, since it shows nowhere else.
fn question_comments(diagnostic_id: &str, feedback: &MotFeedback) -> impl IntoView {
    let session = use_context::<DiagnosticSession>();
    let questionnaire = questionnaire().ok();
    feedback
        .question_comments
        .iter()
        .map(|(question_id, comment)| {
            let found = questionnaire.and_then(|q| {
                let step = q.step_of_question(question_id)?;
                let question = q.question(question_id)?;
                Some((q, step, question))
            });
            let Some((questionnaire, step, question)) = found else {
                return view! { <li>{format!("{question_id} : {comment}")}</li> }.into_any();
            };
            let hidden = session.is_some_and(|session| {
                session.diagnostic.with(|d| {
                    is_step_not_concerned(step, &d.not_concerned_themes)
                        || !is_question_applicable(questionnaire, step, question, d)
                })
            });
            let href = format!(
                "{}#question-{question_id}",
                step_href(diagnostic_id, &step.id)
            );
            view! {
                <li>
                    <A href=href>{question.label.clone()}</A>
                    {hidden.then_some(" (question non affichée avec vos réponses actuelles)")}
                    " : " {comment.clone()}
                </li>
            }
            .into_any()
        })
        .collect_view()
}

/// MOT's comment on a step, if there is one.
#[component]
pub fn StepComment(step_id: String) -> impl IntoView {
    let around = TownFeedback::around();
    move || {
        pick(around, |f| f.theme_comments.get(&step_id).cloned()).map(|comment| {
            view! {
                <aside class="mot-comment" data-testid="mot-theme-comment" aria-label="Commentaire de la MOT sur cette étape">
                    <p><strong>"Commentaire de la MOT : "</strong>{comment}</p>
                </aside>
            }
        })
    }
}

/// MOT's comment on a question, if there is one.
#[component]
pub fn QuestionComment(question_id: String) -> impl IntoView {
    let around = TownFeedback::around();
    move || {
        pick(around, |f| f.question_comments.get(&question_id).cloned()).map(|comment| {
            view! {
                <p class="mot-comment" data-testid="mot-question-comment">
                    <strong>"Commentaire de la MOT : "</strong>{comment}
                </p>
            }
        })
    }
}
