//! The report of a diagnostic (`/diagnostic/:id/rapport`): territory, completion, the radar
//! chart of theme scores with its table, strengths, opportunities, obstacles, resources and
//! contacts, unknowns, expectations, project sheets and good practices, and the annex of
//! answers. Printable to A4 (see the `@media print` rules in `style/main.css`).

mod annex;
mod findings;
mod opportunities;
pub(crate) mod projects;
mod resources;

use domain::listing::count_of;
use std::collections::BTreeSet;

use domain::diagnostic::profile_ids;
use domain::questionnaire::{review, ReviewProblem};
use domain::report::{
    answers_annex, fr_grouped_number, Report, TerritorySummary, DISTANCE_ID, POPULATION_ID,
};
use domain::{Answer, DiagnosticStatus};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::notice::ErrorNotice;
use crate::components::radar_chart::{ChartTheme, RadarChart};
use crate::platform::{format_datetime_fr, set_page_title};
use crate::state::diagnostics::questionnaire;
use crate::state::projects::{projects_href, report_of};
use crate::state::session::DiagnosticSession;
use crate::state::steps::{step_href, REVIEW_STEP_ID};

use annex::AnswersAnnex;
use findings::{Expectations, Obstacles, Strengths, Unknowns};
use opportunities::Opportunities;
use projects::ProjectsSummary;
use resources::ResourcesAndContacts;

/// The report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let report = Memo::new(move |_| session.diagnostic.with(report_of));
    // The report is drawn again at any stored change (another tab's, say), not only when its
    // scores change: the answers' annex, the facts and the project sheets follow the record.
    let version = Memo::new(move |_| {
        session
            .diagnostic
            .with(|d| (d.revision, d.updated_at.clone()))
    });
    let commune = move || session.diagnostic.with(|d| d.commune_name().to_string());
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        set_page_title(&format!("Rapport · {}", commune()));
    });
    // Like a step, the page's heading takes the focus when the page opens.
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let id = session.id();
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let meta = move || {
        session.diagnostic.with(|d| {
            let status = match d.status {
                DiagnosticStatus::Completed => "diagnostic terminé",
                DiagnosticStatus::InProgress => "diagnostic en cours",
            };
            format!("État au {} ({status}).", format_datetime_fr(&d.updated_at))
        })
    };
    view! {
        <article class="report">
            <p class="step-eyebrow">"Diagnostic des opportunités transfrontalières"</p>
            <h1 tabindex="-1" node_ref=heading>"Rapport du diagnostic de " {commune}</h1>
            <p class="report__meta">{meta}</p>
            <div class="report__actions no-print">
                <button type="button" class="button button--primary" on:click=print>
                    "Imprimer / PDF"
                </button>
                <A href=projects_href(&id) attr:class="button">"Projets et bonnes pratiques"</A>
                <A href=step_href(&id, REVIEW_STEP_ID) attr:class="button">"Relecture"</A>
            </div>
            {move || {
                version.track();
                match report.get() {
                Ok(report) => view! { <ReportBody report/> }.into_any(),
                Err(message) => view! { <ErrorNotice message/> }.into_any(),
                }
            }}
        </article>
    }
}

/// Marks a report shown read-only (MOT's view of a town's report): no links into the town's
/// editing pages, no buttons that change its diagnostic.
#[derive(Clone, Copy, Debug)]
pub struct ReadOnlyReport;

/// Whether the report around is read-only.
pub(crate) fn is_read_only() -> bool {
    use_context::<ReadOnlyReport>().is_some()
}

/// A heading of the report at `level` (2 for its sections) on its own page; one level lower in
/// MOT's read-only view, where the report sits under the page's « Rapport de la commune ».
#[component]
pub(crate) fn ReportHeading(
    /// The level on the report's own page: 2, 3 or 4.
    level: u8,
    /// The heading's id, if a section is labelled by it.
    #[prop(optional, into)]
    id: Option<String>,
    children: Children,
) -> impl IntoView {
    match level + u8::from(is_read_only()) {
        2 => view! { <h2 id=id>{children()}</h2> }.into_any(),
        3 => view! { <h3 id=id>{children()}</h3> }.into_any(),
        4 => view! { <h4 id=id>{children()}</h4> }.into_any(),
        _ => view! { <h5 id=id>{children()}</h5> }.into_any(),
    }
}

/// Every section of the report (the town's page, or MOT's read-only view).
#[component]
pub fn ReportBody(report: Report) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let annex = questionnaire()
        .map(|q| session.diagnostic.with_untracked(|d| answers_annex(q, d)))
        .unwrap_or_default();
    let themes = ChartTheme::from_results(&report.theme_results);
    let not_concerned: Vec<String> = report
        .theme_results
        .iter()
        .filter(|r| r.not_concerned)
        .map(|r| r.title.clone())
        .collect();
    let completion = report.completion;
    let overall = report.overall;
    let overall_text = match overall.percent() {
        Some(percent) => format!(
            "{percent} % du potentiel ({} sur {}), sur {}{}.",
            count_of(overall.points as usize, "point", "points"),
            overall.potential,
            count_of(overall.scored_themes, "thème concerné", "thèmes concernés"),
            if overall.started_themes < overall.scored_themes {
                format!(" (commencés : {})", overall.started_themes)
            } else {
                String::new()
            }
        ),
        None if themes.is_empty() => {
            "Aucun score : tous les thèmes sont marqués « non concerné ».".to_string()
        }
        None => "Pas encore évaluable : aucune question notée n'a de réponse.".to_string(),
    };
    view! {
        <section class="report-section" aria-labelledby="rapport-territoire">
            <ReportHeading level=2 id="rapport-territoire">"Le territoire"</ReportHeading>
            <TerritoryFacts territory=report.territory.clone()/>
        </section>
        <section class="report-section report-section--continue" aria-labelledby="rapport-avancement">
            <ReportHeading level=2 id="rapport-avancement">"Avancement et score global"</ReportHeading>
            <dl class="facts">
                <dt>"Avancement"</dt>
                <dd data-testid="report-completion">
                    {format!(
                        "{} % ({} sur {} applicables)",
                        completion.percent(),
                        count_of(completion.answered, "réponse", "réponses"),
                        count_of(completion.applicable, "question", "questions")
                    )}
                </dd>
                <dt>"Score global"</dt>
                <dd data-testid="report-overall">{overall_text}</dd>
                {(overall.unknown > 0).then(|| view! {
                    <dt>"« Ne sait pas »"</dt>
                    <dd>{format!("{}, à éclaircir (voir plus bas)", count_of(overall.unknown, "réponse", "réponses"))}</dd>
                })}
            </dl>
        </section>
        <section class="report-section report-section--chart" aria-labelledby="rapport-maturite">
            <ReportHeading level=2 id="rapport-maturite">"Maturité par thème"</ReportHeading>
            <p>
                "Le score d'un thème est la part des points obtenus sur les points possibles des questions "
                "qui s'appliquent à votre territoire. Les thèmes « non concernés » ne comptent pas."
            </p>
            <RadarChart themes/>
            {(!not_concerned.is_empty()).then(|| view! {
                <p data-testid="not-concerned-themes">
                    {if not_concerned.len() < 2 { "Thème marqué" } else { "Thèmes marqués" }}
                    " « non concerné » : " {not_concerned.join(", ")} "."
                </p>
            })}
        </section>
        <section class="report-section" aria-labelledby="rapport-forces">
            <ReportHeading level=2 id="rapport-forces">"Points forts"</ReportHeading>
            <Strengths strengths=report.strengths.clone()/>
        </section>
        <section class="report-section" aria-labelledby="rapport-opportunites">
            <ReportHeading level=2 id="rapport-opportunites">"Opportunités prioritaires"</ReportHeading>
            <Opportunities opportunities=report.opportunities.clone()/>
        </section>
        <section class="report-section" aria-labelledby="rapport-obstacles">
            <ReportHeading level=2 id="rapport-obstacles">"Obstacles rencontrés"</ReportHeading>
            <Obstacles obstacles=report.obstacles.clone()/>
        </section>
        <section class="report-section" aria-labelledby="rapport-ressources">
            <ReportHeading level=2 id="rapport-ressources">"Ressources et contacts pour votre territoire"</ReportHeading>
            <ResourcesAndContacts recommendations=report.recommendations.clone()/>
        </section>
        <section class="report-section" aria-labelledby="rapport-inconnues">
            <ReportHeading level=2 id="rapport-inconnues">"Points à éclaircir"</ReportHeading>
            <Unknowns unknowns=report.unknowns.clone()/>
        </section>
        <section class="report-section" aria-labelledby="rapport-attentes">
            <ReportHeading level=2 id="rapport-attentes">"Attentes vis-à-vis de la MOT"</ReportHeading>
            <Expectations expectations=report.expectations.clone()/>
        </section>
        <section class="report-section" aria-labelledby="rapport-projets">
            <ReportHeading level=2 id="rapport-projets">"Projets et bonnes pratiques"</ReportHeading>
            <ProjectsSummary/>
        </section>
        <AnswersAnnex annex/>
    }
}

/// The territory summary as a list of facts; what was not given says so.
#[component]
fn TerritoryFacts(territory: TerritorySummary) -> impl IntoView {
    let missing = || "Non renseigné".to_string();
    // A value the review flags is shown as typed, and said to be corrected.
    let session = expect_context::<DiagnosticSession>();
    let to_correct: BTreeSet<String> = questionnaire()
        .map(|q| {
            session.diagnostic.with_untracked(|d| {
                (review(q, d).into_iter())
                    .filter(|item| matches!(item.problem, ReviewProblem::Invalid(_)))
                    .map(|item| item.question_id)
                    .collect()
            })
        })
        .unwrap_or_default();
    // A number field keeps what is no number as typed text: that text is what to show.
    let typed = |question_id: &str| {
        session
            .diagnostic
            .with_untracked(|d| match d.answers.get(question_id) {
                Some(Answer::Text(text)) => Some(text.clone()),
                _ => None,
            })
    };
    let checked = |question_id: &str, value: String| {
        if !to_correct.contains(question_id) {
            return value;
        }
        let shown = if value == missing() {
            typed(question_id).unwrap_or(value)
        } else {
            value
        };
        format!("{shown} (à corriger : voir la relecture)")
    };
    let list = |items: &[String]| {
        if items.is_empty() {
            missing()
        } else {
            items.join(", ")
        }
    };
    let departement = match (&territory.departement_code, &territory.departement_name) {
        (Some(code), Some(name)) => format!("{name} ({code})"),
        (Some(code), None) => code.clone(),
        _ => missing(),
    };
    let mut programmes = list(&territory.programmes);
    if territory.programmes_suggested && !territory.programmes.is_empty() {
        programmes.push_str(" (déduit du département)");
    }
    let facts: Vec<(&'static str, String)> = vec![
        ("Commune", territory.commune.clone()),
        (
            "Code INSEE",
            checked(
                profile_ids::INSEE_CODE,
                territory.insee_code.clone().unwrap_or_else(missing),
            ),
        ),
        (
            "SIREN de l'intercommunalité",
            checked(
                profile_ids::EPCI_SIREN,
                territory.epci_siren.clone().unwrap_or_else(missing),
            ),
        ),
        ("Département", departement),
        (
            "Population",
            checked(
                POPULATION_ID,
                (territory.population)
                    .map(|p| format!("{} habitants", fr_grouped_number(p)))
                    .unwrap_or_else(missing),
            ),
        ),
        (
            "Distance à la frontière",
            checked(
                DISTANCE_ID,
                (territory.distance_km)
                    .map(|d| format!("{} km", fr_grouped_number(d)))
                    .unwrap_or_else(missing),
            ),
        ),
        ("Pays voisin(s)", list(&territory.countries)),
        ("Programme(s) Interreg", programmes),
        (
            "Structure(s) transfrontalière(s)",
            list(&territory.structures),
        ),
        (
            "Fonction de la personne qui répond",
            territory.respondent_role.clone().unwrap_or_else(missing),
        ),
    ];
    view! {
        <dl class="facts" data-testid="territory">
            {facts
                .into_iter()
                .map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> })
                .collect_view()}
        </dl>
    }
}
