//! The review step: unanswered and invalid answers, each a link to its question; then "Terminer".

use domain::listing::count_of;
use domain::questionnaire::{overall_progress, review};
use domain::DiagnosticStatus;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::diagnostics::questionnaire;
use crate::state::projects::{projects_href, report_href};
use crate::state::session::DiagnosticSession;
use crate::state::steps::step_href;

/// What is left to answer or to correct, and the button that marks the diagnostic complete.
#[component]
pub fn ReviewStep(heading: NodeRef<html::H1>) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let Ok(questionnaire) = questionnaire() else {
        return view! { <h1 tabindex="-1" node_ref=heading>"Relecture"</h1> }.into_any();
    };
    let items = Memo::new(move |_| session.diagnostic.with(|d| review(questionnaire, d)));
    let progress = Memo::new(move |_| {
        session
            .diagnostic
            .with(|d| overall_progress(questionnaire, d))
    });
    let completed = move || {
        session
            .diagnostic
            .with(|d| d.status == DiagnosticStatus::Completed)
    };
    let id = session.id();
    let report_link = report_href(&id);
    let projects_link = projects_href(&id);

    // The button gives way to the message saying it is done: the focus goes to that message.
    let done_message = NodeRef::<html::P>::new();
    let finish = move |_| {
        session.complete();
        let done_message = done_message;
        request_animation_frame(move || {
            if let Some(message) = done_message.try_get_untracked().flatten() {
                let _ = message.focus();
            }
        });
    };

    let list = move || {
        let id = id.clone();
        items
            .get()
            .into_iter()
            .map(|item| {
                let step_title = questionnaire
                    .step(&item.step_id)
                    .map(|step| step.title.clone())
                    .unwrap_or_default();
                let href = format!(
                    "{}#question-{}",
                    step_href(&id, &item.step_id),
                    item.question_id
                );
                let message = item.message();
                view! {
                    <li data-testid="review-item">
                        <A href=href>{item.question_label}</A>
                        <span class="review__step">" (" {step_title} ")"</span>
                        <p class="review__problem">{message}</p>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <h1 tabindex="-1" node_ref=heading>"Relecture et fin du diagnostic"</h1>
        <p data-testid="review-progress">
            {move || {
                let p = progress.get();
                format!(
                    "Avancement : {} % — {} réponses sur {} questions applicables.",
                    p.percent(),
                    p.answered,
                    p.applicable,
                )
            }}
        </p>
        <Show
            when=move || !items.get().is_empty()
            fallback=|| view! { <p class="notice">"Toutes les questions applicables ont une réponse valide."</p> }
        >
            <h2>"À compléter ou à corriger"</h2>
            <p>
                {move || format!(
                    "{} à reprendre. Chaque lien mène à la question concernée.",
                    count_of(items.get().len(), "point", "points")
                )}
            </p>
            <ul class="review">{list.clone()}</ul>
        </Show>
        <h2>"Terminer"</h2>
        <p>
            "Vous pouvez terminer le diagnostic même s'il reste des questions sans réponse : il restera "
            "modifiable, et les réponses manquantes seront signalées dans le rapport."
        </p>
        <Show
            when=completed
            fallback=move || view! {
                <button type="button" class="button button--primary" on:click=finish>
                    "Terminer le diagnostic"
                </button>
            }
        >
            <p class="notice notice--success" role="status" tabindex="-1" node_ref=done_message>
                "Diagnostic terminé. Il reste modifiable à tout moment."
            </p>
        </Show>
        <h2>"Et ensuite"</h2>
        <p>
            "Consultez le rapport (scores, opportunités, ressources et contacts), imprimez-le, puis "
            "préparez vos projets avec la MOT."
        </p>
        <ul class="link-list">
            <li><A href=report_link>"Voir le rapport du diagnostic"</A></li>
            <li><A href=projects_link>"Fiches projet et bonnes pratiques"</A></li>
        </ul>
    }
    .into_any()
}
