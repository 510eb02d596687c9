//! Resources and contacts for the town's territory: its Interreg programmes and their
//! small-project instruments, the cross-border structures, other resources, and contacts.

use domain::reference::Resource;
use domain::report::Recommendations;
use leptos::prelude::*;

use super::ReportHeading;

/// Everything recommended for the territory.
#[component]
pub fn ResourcesAndContacts(recommendations: Recommendations) -> impl IntoView {
    let programmes = if recommendations.programmes.is_empty() {
        view! {
            <p>
                "Aucun programme Interreg n'est connu pour ce territoire : indiquez le département et "
                "les programmes dans le profil."
            </p>
        }
        .into_any()
    } else {
        let items = recommendations
            .programmes
            .iter()
            .map(|programme| {
                view! {
                    <li>
                        <strong>{programme.name.clone()}</strong>
                        " — autorité de gestion : " {programme.managing_authority.clone()}
                        {programme.small_projects.clone().map(|s| view! { <span>" ; petits projets : " {s}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            {recommendations.programmes_suggested.then(|| view! {
                <p>"Programmes déduits du département (aucun n'a été coché dans le profil)."</p>
            })}
            <ul class="findings">{items}</ul>
        }
        .into_any()
    };
    let structures = (!recommendations.structures.is_empty()).then(|| {
        let items = recommendations
            .structures
            .iter()
            .map(|recommended| {
                let structure = &recommended.structure;
                view! {
                    <li>
                        <strong>{structure.name.clone()}</strong>
                        {format!(" ({})", structure.kind.label())}
                        {recommended.declared.then_some(" — votre territoire en fait partie")}
                        <br/>
                        <span class="muted">{structure.description.clone()}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ReportHeading level=3>"Structures transfrontalières"</ReportHeading><ul class="findings">{items}</ul> }
    });
    let contacts = recommendations
        .contacts
        .iter()
        .map(|recommended| {
            let contact = &recommended.contact;
            view! {
                <li data-testid="contact">
                    <strong>{contact.label.clone()}</strong>
                    {recommended.detail.clone().map(|d| view! { <span>" — " {d}</span> })}
                    <br/>
                    <span class="muted">{contact.role.clone()} " " {contact.when.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ReportHeading level=3>"Programmes Interreg"</ReportHeading>
        {programmes}
        {(!recommendations.small_project_instruments.is_empty()).then(|| view! {
            <ReportHeading level=3>"Fonds pour petits projets"</ReportHeading>
            <ResourceList resources=recommendations.small_project_instruments.clone()/>
        })}
        {structures}
        {(!recommendations.resources.is_empty()).then(|| view! {
            <ReportHeading level=3>"Autres ressources"</ReportHeading>
            <ResourceList resources=recommendations.resources.clone()/>
        })}
        <ReportHeading level=3>"Contacts"</ReportHeading>
        <ul class="findings">{contacts}</ul>
    }
}

/// A list of resources with their kind, provider and amounts.
#[component]
fn ResourceList(resources: Vec<Resource>) -> impl IntoView {
    let items = resources
        .into_iter()
        .map(|resource| {
            view! {
                <li data-testid="resource">
                    <strong>{resource.label}</strong>
                    {format!(" ({}, {})", resource.kind.label(), resource.provider)}
                    <br/>
                    <span class="muted">{resource.description}</span>
                    {resource.amounts.map(|a| view! { <span class="muted">" " {a}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="findings">{items}</ul> }
}
