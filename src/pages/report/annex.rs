//! The annex of the report: the applicable questions with their answers. Collapsed on screen,
//! always printed (the print stylesheet shows its body whatever the toggle says).

use domain::report::AnnexStep;
use leptos::prelude::*;

use super::ReportHeading;

/// Id of the annex body, controlled by the toggle button.
const BODY_ID: &str = "annexe-reponses";

/// The annex: one table per step; "non concerné" themes are named, hidden questions left out.
#[component]
pub fn AnswersAnnex(annex: Vec<AnnexStep>) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let steps = annex
        .into_iter()
        .map(|step| {
            if step.not_concerned {
                return view! {
                    <ReportHeading level=3>{step.title}</ReportHeading>
                    <p>"Thème non concerné : ses questions ne s'appliquent pas."</p>
                }
                .into_any();
            }
            if step.items.is_empty() {
                return ().into_any();
            }
            let rows = step
                .items
                .into_iter()
                .map(|item| {
                    view! {
                        <tr data-question=item.question_id class:annex__unanswered=!item.answered>
                            <th scope="row">{item.label}</th>
                            <td>{item.answer_text}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="data-table annex__table" data-step=step.step_id>
                    <caption>{step.title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Question"</th>
                            <th scope="col">"Réponse"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section class="report-section annex" aria-labelledby="rapport-annexe" data-testid="annex">
            <ReportHeading level=2 id="rapport-annexe">"Annexe : les réponses au questionnaire"</ReportHeading>
            <p>
                "Seules les questions qui s'appliquent à votre territoire figurent ici (les questions "
                "masquées par vos réponses et les thèmes « non concernés » sont écartés)."
            </p>
            <button
                type="button"
                class="button no-print"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=BODY_ID
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || if expanded.get() { "Masquer les réponses" } else { "Afficher les réponses" }}
            </button>
            <div id=BODY_ID class="annex__body" class:annex__body--collapsed=move || !expanded.get()>
                {steps}
            </div>
        </section>
    }
}
