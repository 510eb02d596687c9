//! The project sheets and good practices of the diagnostic, as the report shows and prints them.

use domain::project::{GoodPractice, PartnershipStep, ProjectSheet};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::projects::{country_name, project_href, projects_href, theme_title};
use crate::state::session::DiagnosticSession;

use super::{is_read_only, ReportHeading};

/// Every project sheet, then every good practice.
#[component]
pub fn ProjectsSummary() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let id = session.id();
    let (sheets, practices) = session
        .diagnostic
        .with_untracked(|d| (d.project_sheets.clone(), d.good_practices.clone()));
    let sheets_view = if sheets.is_empty() {
        view! {
            <p>
                "Aucune fiche projet pour l'instant. Créez-en une à partir d'une opportunité ci-dessus, "
                "ou depuis la page « Projets et bonnes pratiques »."
            </p>
        }
        .into_any()
    } else {
        sheets
            .into_iter()
            .map(|sheet| view! { <SheetSummary sheet diagnostic_id=id.clone()/> })
            .collect_view()
            .into_any()
    };
    let practices_view = (!practices.is_empty()).then(|| {
        view! {
            <ReportHeading level=3>"Bonnes pratiques déclarées"</ReportHeading>
            {practices
                .into_iter()
                .map(|practice| view! { <PracticeSummary practice/> })
                .collect_view()}
        }
    });
    view! {
        {sheets_view}
        {practices_view}
        {(!is_read_only()).then(|| view! {
            <p class="no-print">
                <A href=projects_href(&id)>"Gérer les fiches projet et les bonnes pratiques"</A>
            </p>
        })}
    }
}

/// One project sheet: every field, empty ones said so (the report; the sheet's own print).
#[component]
pub(crate) fn SheetSummary(sheet: ProjectSheet, diagnostic_id: String) -> impl IntoView {
    let text = |value: &str| {
        if value.trim().is_empty() {
            missing()
        } else {
            value.trim().to_string()
        }
    };
    let list = |items: &[String]| {
        let items: Vec<String> = items
            .iter()
            .map(|i| i.trim().to_string())
            .filter(|i| !i.is_empty())
            .collect();
        if items.is_empty() {
            view! { <span>{missing()}</span> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    let partners = if sheet.partners.is_empty() {
        view! { <span>{missing()}</span> }.into_any()
    } else {
        let items = sheet
            .partners
            .iter()
            .map(|partner| {
                let mut details: Vec<String> = Vec::new();
                if !partner.country.is_empty() {
                    details.push(country_name(&partner.country));
                }
                if !partner.kind.trim().is_empty() {
                    details.push(partner.kind.trim().to_string());
                }
                details.push(partner.contact_status.label().to_string());
                view! {
                    <li>
                        <strong>{text(&partner.name)}</strong>
                        {format!(" ({})", details.join(", "))}
                    </li>
                }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    let step_index = PartnershipStep::ALL
        .iter()
        .position(|s| *s == sheet.partnership_step)
        .unwrap_or(0);
    let theme = sheet
        .theme_id
        .as_deref()
        .and_then(theme_title)
        .unwrap_or_else(missing);
    let heading = text(&sheet.title);
    view! {
        <article class="sheet-summary" data-testid="report-sheet">
            <ReportHeading level=3>{heading}</ReportHeading>
            <dl class="facts">
                <dt>"Thème"</dt>
                <dd>{theme}</dd>
                <dt>"Étape du partenariat"</dt>
                <dd>
                    {format!(
                        "{} ({} sur {})",
                        sheet.partnership_step.label(),
                        step_index + 1,
                        PartnershipStep::ALL.len()
                    )}
                </dd>
                <dt>"Besoin"</dt>
                <dd>{text(&sheet.need)}</dd>
                <dt>"Objectifs"</dt>
                <dd>{text(&sheet.objectives)}</dd>
                <dt>"Partenaires"</dt>
                <dd>{partners}</dd>
                <dt>"Actions"</dt>
                <dd>{list(&sheet.actions)}</dd>
                <dt>"Budget"</dt>
                <dd>{sheet.budget_class.map_or_else(missing, |b| b.label().to_string())}</dd>
                <dt>"Financements envisagés"</dt>
                <dd>{list(&sheet.funding_sources)}</dd>
                <dt>"Calendrier"</dt>
                <dd>{text(&sheet.timeline)}</dd>
            </dl>
            {(!is_read_only()).then(|| view! {
                <p class="no-print">
                    <A href=project_href(&diagnostic_id, &sheet.id)>
                        "Modifier la fiche « " {text(&sheet.title)} " »"
                    </A>
                </p>
            })}
        </article>
    }
}

/// What the report writes for an empty field.
fn missing() -> String {
    "Non renseigné".to_string()
}

/// One good practice.
#[component]
fn PracticeSummary(practice: GoodPractice) -> impl IntoView {
    let text = |value: &str| {
        if value.trim().is_empty() {
            "Non renseigné".to_string()
        } else {
            value.trim().to_string()
        }
    };
    let theme = practice
        .theme_id
        .as_deref()
        .and_then(theme_title)
        .unwrap_or_else(|| "Non renseigné".to_string());
    view! {
        <article class="sheet-summary" data-testid="report-practice">
            <ReportHeading level=4>{text(&practice.title)}</ReportHeading>
            <dl class="facts">
                <dt>"Thème"</dt>
                <dd>{theme}</dd>
                <dt>"Partenaires"</dt>
                <dd>{text(&practice.partners)}</dd>
                <dt>"Description"</dt>
                <dd>{text(&practice.description)}</dd>
                <dt>"Résultats"</dt>
                <dd>{text(&practice.results)}</dd>
                <dt>"Contact"</dt>
                <dd>{text(&practice.contact)}</dd>
            </dl>
        </article>
    }
}
