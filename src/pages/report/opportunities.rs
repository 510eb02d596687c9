//! The opportunities of the report, in order, each with its resources and contacts, and the
//! button that turns one into a project sheet.

use domain::report::Opportunity;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::state::projects::{create_sheet_from_opportunity, project_href};
use crate::state::session::DiagnosticSession;

use super::{is_read_only, ReportHeading};
use crate::components::reference_facts::DatedFactText;

/// The opportunities, priority first.
#[component]
pub fn Opportunities(opportunities: Vec<Opportunity>) -> impl IntoView {
    if opportunities.is_empty() {
        return view! {
            <p>
                "Aucune opportunité ne ressort encore des réponses. Elles apparaissent au fil du "
                "questionnaire, selon les réponses données."
            </p>
        }
        .into_any();
    }
    let items = opportunities
        .into_iter()
        .enumerate()
        .map(|(index, opportunity)| view! { <OpportunityItem opportunity index/> })
        .collect_view();
    view! {
        <p>"Classées de la plus prioritaire à la moins urgente, d'après vos réponses."</p>
        <ol class="opportunities">{items}</ol>
    }
    .into_any()
}

/// One opportunity.
#[component]
fn OpportunityItem(opportunity: Opportunity, index: usize) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let title_id = format!("opportunite-{}", index + 1);
    let steps = opportunity
        .first_steps
        .iter()
        .map(|step| view! { <li>{step.clone()}</li> })
        .collect_view();
    let resources = (!opportunity.resources.is_empty()).then(|| {
        let items = opportunity
            .resources
            .iter()
            .map(|resource| {
                view! {
                    <li>
                        <strong>{resource.label.clone()}</strong>
                        {format!(" ({}, {})", resource.kind.label(), resource.provider)}
                        {resource.amounts.clone().map(|fact| view! {
                            " — " <DatedFactText fact confirm_with=resource.confirm_with()/>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! { <ReportHeading level=4>"Ressources"</ReportHeading><ul>{items}</ul> }
    });
    let contacts = (!opportunity.contacts.is_empty()).then(|| {
        let items = opportunity
            .contacts
            .iter()
            .map(|contact| {
                view! { <li><strong>{contact.label.clone()}</strong>" — " {contact.when.clone()}</li> }
            })
            .collect_view();
        view! { <ReportHeading level=4>"Contacts"</ReportHeading><ul>{items}</ul> }
    });
    let rule_id = opportunity.rule_id.clone();
    view! {
        <li class="opportunity" data-testid="opportunity" data-rule=opportunity.rule_id.clone()>
            <ReportHeading level=3 id=title_id.clone()>{opportunity.title.clone()}</ReportHeading>
            <p class="opportunity__meta">
                <span class=format!("badge badge--priority-{}", opportunity.priority)>
                    {opportunity.priority_label}
                </span>
                " · " {opportunity.theme_title.clone()}
            </p>
            <p><strong>"Pourquoi : "</strong>{opportunity.why.clone()}</p>
            <p><strong>"Objectif : "</strong>{opportunity.objective.clone()}</p>
            {(!opportunity.first_steps.is_empty()).then(|| view! {
                <ReportHeading level=4>"Premières étapes"</ReportHeading>
                <ol>{steps}</ol>
            })}
            {resources}
            {contacts}
            {(!is_read_only()).then(|| view! { <SheetAction rule_id title_id session/> })}
        </li>
    }
}

/// "Créer une fiche projet", or a link to the sheets already started from this opportunity.
#[component]
fn SheetAction(rule_id: String, title_id: String, session: DiagnosticSession) -> impl IntoView {
    let navigate = use_navigate();
    let id = session.id();
    let rule = rule_id.clone();
    let existing = Memo::new(move |_| {
        session.diagnostic.with(|d| {
            d.project_sheets
                .iter()
                .filter(|s| s.opportunity_id.as_deref() == Some(rule.as_str()))
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let create = {
        let id = id.clone();
        move |_| {
            if let Some(sheet_id) = create_sheet_from_opportunity(session, &rule_id) {
                navigate(&project_href(&id, &sheet_id), Default::default());
            }
        }
    };
    view! {
        <div class="opportunity__actions no-print">
            {move || {
                existing
                    .get()
                    .into_iter()
                    .map(|(sheet_id, title)| {
                        view! {
                            <p>
                                "Fiche projet : "
                                <A href=project_href(&id, &sheet_id)>{title}</A>
                            </p>
                        }
                    })
                    .collect_view()
            }}
            <button
                type="button"
                class="button"
                aria-describedby=title_id
                on:click=create
            >
                "Créer une fiche projet"
            </button>
        </div>
    }
}
