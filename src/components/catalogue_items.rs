//! The catalogue's entries as the report and the « Ressources et contacts » page show them: a
//! programme, structures, resources and contacts, with their dated facts, what is not
//! verified, and (on the directory page) their details and sources.

use domain::reference::{ContactType, Programme, Resource};
use domain::report::{Membership, RecommendedStructure, UnknownMembership};
use leptos::prelude::*;

use crate::components::reference_facts::{
    DatedFactText, OfficeLine, Reach, SourceList, UnverifiedNote,
};

/// A programme: its managing authority, joint secretariat, small projects and calls.
#[component]
pub fn ProgrammeItem(
    programme: Programme,
    /// Also list its contact points, website and sources (the directory page).
    #[prop(optional)]
    full: bool,
) -> impl IntoView {
    let ask = programme.confirm_with();
    let calls = programme
        .calls
        .iter()
        .cloned()
        .map(|fact| view! { <li><DatedFactText fact confirm_with=ask.clone()/></li> })
        .collect_view();
    view! {
        <li data-testid="programme">
            <strong>{programme.name.clone()}</strong>
            " — autorité de gestion : " {programme.managing_authority.clone()}
            {programme.joint_secretariat.clone().map(|office| view! {
                <br/><span>"Secrétariat conjoint : " <OfficeLine office/></span>
            })}
            {programme.small_projects.clone().map(|fact| view! {
                <br/><span>"Petits projets : " <DatedFactText fact confirm_with=ask.clone()/></span>
            })}
            {(!programme.calls.is_empty()).then(|| view! {
                <br/><span>"Appels à projets :"</span><ul>{calls}</ul>
            })}
            " "
            <UnverifiedNote text=programme.unverified.clone()/>
            {full.then(|| {
                let points = programme
                    .contact_points
                    .iter()
                    .cloned()
                    .map(|office| view! { <li><OfficeLine office/></li> })
                    .collect_view();
                view! {
                    {(!programme.contact_points.is_empty()).then(|| view! {
                        <span>"Points de contact :"</span><ul>{points}</ul>
                    })}
                    <Reach website=programme.website.clone() phone=None email=None/>
                    <SourceList sources=programme.sources.clone()/>
                }
            })}
        </li>
    }
}

/// Cross-border structures with their form, description and fund.
#[component]
pub fn StructureList(
    structures: Vec<RecommendedStructure>,
    /// Also show members across the border, website and sources (the directory page).
    #[prop(optional)]
    full: bool,
) -> impl IntoView {
    let items = structures
        .into_iter()
        .map(|recommended| {
            let structure = recommended.structure;
            let ask = structure.confirm_with();
            let tie = match (recommended.membership, recommended.unknown) {
                (Membership::Member, _) => " — votre commune en fait partie",
                (Membership::Declared, _) => " — déclarée dans votre profil",
                (Membership::Nearby, None) => " — votre commune n'en fait pas partie",
                (Membership::Nearby, Some(UnknownMembership::IncompleteList)) => {
                    " — la liste de ses membres n'est pas complète ici : demandez-lui si votre commune y adhère"
                }
                // The section's introduction asks for the codes.
                (Membership::Nearby, Some(UnknownMembership::MissingCodes)) => "",
            };
            view! {
                <li data-testid="structure">
                    <strong>{structure.name.clone()}</strong>
                    {format!(" ({})", structure.kind.label())}
                    {tie}
                    <br/>
                    <span class="muted">{structure.description.clone()}</span>
                    {structure.small_projects.clone().map(|fact| view! {
                        <br/><span>"Fonds pour petits projets : " <DatedFactText fact confirm_with=ask.clone()/></span>
                    })}
                    " "
                    <UnverifiedNote text=structure.unverified.clone()/>
                    {full.then(|| view! {
                        {structure.neighbour_members.clone().map(|members| view! {
                            <br/><span>"De l'autre côté : " {members}</span>
                        })}
                        " "
                        <Reach website=structure.website.clone() phone=None email=None/>
                        <SourceList sources=structure.sources.clone()/>
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="findings">{items}</ul> }
}

/// A list of resources with their kind, provider and amounts.
#[component]
pub fn ResourceList(
    resources: Vec<Resource>,
    /// Also show the sources (the directory page).
    #[prop(optional)]
    full: bool,
) -> impl IntoView {
    let items = resources
        .into_iter()
        .map(|resource| view! { <ResourceItem resource full/> })
        .collect_view();
    view! { <ul class="findings">{items}</ul> }
}

/// One resource: kind, provider, description, amounts and calls with their dates.
#[component]
pub fn ResourceItem(resource: Resource, full: bool) -> impl IntoView {
    let ask = resource.confirm_with();
    let calls = resource
        .calls
        .iter()
        .cloned()
        .map(|fact| view! { <br/><span>"Appel : " <DatedFactText fact confirm_with=ask.clone()/></span> })
        .collect_view();
    view! {
        <li data-testid="resource">
            <strong>{resource.label.clone()}</strong>
            {format!(" ({}, {})", resource.kind.label(), resource.provider)}
            <br/>
            <span class="muted">{resource.description.clone()}</span>
            {resource.amounts.clone().map(|fact| view! {
                " " <DatedFactText fact confirm_with=ask.clone()/>
            })}
            {calls}
            " "
            <UnverifiedNote text=resource.unverified.clone()/>
            {full.then(|| view! { <SourceList sources=resource.sources.clone()/> })}
        </li>
    }
}

/// A contact type with its published details, a precision for the town, and its sources.
#[component]
pub fn ContactItem(
    contact: ContactType,
    /// E.g. the prefecture's département.
    #[prop(optional_no_strip)]
    detail: Option<String>,
    /// Also show the sources (the directory page).
    #[prop(optional)]
    full: bool,
) -> impl IntoView {
    view! {
        <li data-testid="contact">
            <strong>{contact.label}</strong>
            {detail.map(|d| view! { <span>" — " {d}</span> })}
            " "
            <Reach website=contact.website phone=contact.phone email=contact.email/>
            <br/>
            <span class="muted">{contact.role} " " {contact.when}</span>
            " "
            <UnverifiedNote text=contact.unverified/>
            {full.then(|| view! { <SourceList sources=contact.sources/> })}
        </li>
    }
}
