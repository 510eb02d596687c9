//! The report's findings: strengths, obstacles met, unknowns to clarify, expectations of MOT.

use domain::listing::count_of;
use domain::report::{self, ObstacleSummary, Strength, StrengthKind, UnknownItem};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::session::DiagnosticSession;
use crate::state::steps::step_href;

use super::{is_read_only, ReportHeading};

/// Id of the closing step, where the expectations are asked.
const EXPECTATIONS_STEP_ID: &str = "attentes";

/// Strong themes, then strong answers.
#[component]
pub fn Strengths(strengths: Vec<Strength>) -> impl IntoView {
    if strengths.is_empty() {
        return view! {
            <p>
                "Aucun point fort ne ressort encore : un thème ou une réponse devient un point fort à partir de "
                {format!("{:.0} %", report::STRENGTH_THRESHOLD * 100.0)}
                " du potentiel."
            </p>
        }
        .into_any();
    }
    let items = strengths
        .into_iter()
        .map(|strength| match strength.kind {
            StrengthKind::Theme { share } => view! {
                <li data-testid="strength">
                    <strong>{strength.step_title}</strong>
                    {format!(" : thème avancé ({:.0} % du potentiel)", share * 100.0)}
                </li>
            }
            .into_any(),
            StrengthKind::Answer {
                question_label,
                answer_text,
                ..
            } => view! {
                <li data-testid="strength">
                    <strong>{strength.step_title}</strong>" : " {question_label}
                    " — " <em>{answer_text}</em>
                </li>
            }
            .into_any(),
        })
        .collect_view();
    view! { <ul class="findings">{items}</ul> }.into_any()
}

/// Obstacle types met, most reported first, with the answers that report them.
#[component]
pub fn Obstacles(obstacles: Vec<ObstacleSummary>) -> impl IntoView {
    if obstacles.is_empty() {
        return view! { <p>"Aucune réponse ne signale d'obstacle pour l'instant."</p> }.into_any();
    }
    let items = obstacles
        .into_iter()
        .map(|obstacle| {
            let sources = obstacle
                .sources
                .into_iter()
                .map(|source| {
                    view! { <li>{source.question_label}" — " <em>{source.answer_text}</em></li> }
                })
                .collect_view();
            view! {
                <li data-testid="obstacle">
                    <strong>{obstacle.label}</strong>
                    {format!(" ({})", count_of(obstacle.count, "réponse", "réponses"))}
                    <ul>{sources}</ul>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="findings">{items}</ul> }.into_any()
}

/// Questions answered "ne sait pas", each a link to the question.
#[component]
pub fn Unknowns(unknowns: Vec<UnknownItem>) -> impl IntoView {
    if unknowns.is_empty() {
        return view! { <p>"Aucune question n'a été répondue « ne sait pas »."</p> }.into_any();
    }
    let session = expect_context::<DiagnosticSession>();
    let id = session.id();
    let items = unknowns
        .into_iter()
        .map(|item| {
            let href = format!(
                "{}#question-{}",
                step_href(&id, &item.step_id),
                item.question_id
            );
            let label = if is_read_only() {
                item.question_label.into_any()
            } else {
                view! { <A href=href>{item.question_label}</A> }.into_any()
            };
            view! {
                <li data-testid="unknown">
                    {label}
                    <span class="review__step">" (" {item.step_title} ")"</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>
            "Ces questions ont été répondues « ne sait pas » : les éclaircir (auprès des services, des "
            "partenaires ou de la MOT) précisera le diagnostic."
        </p>
        <ul class="findings">{items}</ul>
    }
    .into_any()
}

/// Training interests and support wanted from MOT (the questionnaire's closing step).
#[component]
pub fn Expectations(expectations: report::Expectations) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let href = step_href(&session.id(), EXPECTATIONS_STEP_ID);
    let list = |items: Vec<String>, empty: &'static str| {
        if items.is_empty() {
            view! { <p>{empty}</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    view! {
        <ReportHeading level=3>"Formations et webinaires souhaités"</ReportHeading>
        {list(expectations.training_interests, "Aucune formation demandée.")}
        <ReportHeading level=3>"Appui souhaité de la MOT"</ReportHeading>
        {list(expectations.support_requests, "Aucun appui demandé.")}
        {expectations.details.map(|details| view! {
            <ReportHeading level=3>"Précisions"</ReportHeading>
            <p class="report__quote">{details}</p>
        })}
        {(!is_read_only()).then(|| view! {
            <p class="no-print">
                <A href=href>"Modifier vos attentes"</A>
            </p>
        })}
    }
}
