//! The table of contents of a diagnostic: every step with its completion, each a link.

use domain::questionnaire::{is_step_not_concerned, step_progress, Questionnaire};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::projects::{
    projects_href, report_href, PROJECTS_PAGE_ID, PROJECTS_PAGE_TITLE, REPORT_PAGE_ID,
    REPORT_PAGE_TITLE,
};
use crate::state::session::DiagnosticSession;
use crate::state::steps::{step_href, REVIEW_STEP_ID, REVIEW_STEP_TITLE};

/// Lists the steps with "answered / applicable" and marks the current one.
#[component]
pub fn StepList(
    questionnaire: &'static Questionnaire,
    /// Id of the step shown, if any.
    #[prop(into)]
    current: Signal<Option<String>>,
) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let id = session.id();
    let is_current = move |step_id: &str| current.with(|c| c.as_deref() == Some(step_id));
    let items = questionnaire
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let href = step_href(&id, &step.id);
            let step_id = step.id.clone();
            let current_id = step.id.clone();
            let progress = Memo::new(move |_| {
                session.diagnostic.with(|diagnostic| {
                    let step = questionnaire.step(&step_id);
                    step.map(|step| {
                        (
                            step_progress(questionnaire, step, diagnostic),
                            is_step_not_concerned(step, &diagnostic.not_concerned_themes),
                        )
                    })
                })
            });
            let summary = move || match progress.get() {
                Some((_, true)) => "non concerné".to_string(),
                Some((progress, false)) => {
                    format!("{} / {}", progress.answered, progress.applicable)
                }
                None => String::new(),
            };
            let complete = move || {
                progress.get().is_some_and(|(progress, not_concerned)| {
                    not_concerned || progress.is_complete()
                })
            };
            view! {
                <li class="step-list__item" class:step-list__item--complete=complete>
                    <A
                        href=href
                        attr:aria-current=move || is_current(&current_id).then_some("step")
                    >
                        <span class="step-list__number">{index + 1}". "</span>
                        {step.title.clone()}
                    </A>
                    <span class="step-list__progress">
                        <span class="visually-hidden">" — réponses : "</span>
                        {summary}
                    </span>
                </li>
            }
        })
        .collect_view();
    let review_href = step_href(&id, REVIEW_STEP_ID);
    let report_link = report_href(&id);
    let projects_link = projects_href(&id);
    view! {
        <nav class="step-list" aria-label="Étapes du diagnostic">
            <ol>
                {items}
                <li class="step-list__item">
                    <A
                        href=review_href
                        attr:aria-current=move || is_current(REVIEW_STEP_ID).then_some("step")
                    >
                        {REVIEW_STEP_TITLE}
                    </A>
                </li>
                <li class="step-list__item step-list__item--result">
                    <A
                        href=report_link
                        attr:aria-current=move || is_current(REPORT_PAGE_ID).then_some("page")
                    >
                        {REPORT_PAGE_TITLE}
                    </A>
                </li>
                <li class="step-list__item step-list__item--result">
                    <A
                        href=projects_link
                        attr:aria-current=move || is_current(PROJECTS_PAGE_ID).then_some("page")
                    >
                        {PROJECTS_PAGE_TITLE}
                    </A>
                </li>
            </ol>
        </nav>
    }
}
