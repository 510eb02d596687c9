//! Resources and contacts for the town's territory: its Interreg programmes and their
//! small-project instruments, the cross-border structures it belongs to (and those nearby, as
//! context), other resources, and contacts. Every stale-prone fact says when it was checked.

use domain::report::{Recommendations, RecommendedStructure, UnknownMembership};
use leptos::prelude::*;

use super::ReportHeading;
use crate::components::catalogue_items::{ContactItem, ProgrammeItem, ResourceList, StructureList};

/// Said of nearby structures when the profile lacks the codes to place the commune.
const NEARBY_UNDETERMINED: &str = "Votre département compte ces structures. Renseignez dans le profil \
    le code INSEE de la commune et le SIREN de son intercommunalité pour savoir si vous en êtes membre.";
/// Said of nearby structures once the commune is placed (each says whether it is inside).
const NEARBY_PLACED: &str =
    "Votre département compte aussi ces structures : elles peuvent être des partenaires ou des \
    exemples.";

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
            .cloned()
            .map(|programme| view! { <ProgrammeItem programme/> })
            .collect_view();
        view! {
            {recommendations.programmes_suggested.then(|| view! {
                <p>"Programmes déduits du département (aucun n'a été coché dans le profil)."</p>
            })}
            <ul class="findings">{items}</ul>
        }
        .into_any()
    };
    let (own, nearby): (Vec<RecommendedStructure>, Vec<RecommendedStructure>) = recommendations
        .structures
        .iter()
        .cloned()
        .partition(RecommendedStructure::is_own);
    let own = (!own.is_empty()).then(|| {
        view! {
            <ReportHeading level=3>"Structures transfrontalières de votre territoire"</ReportHeading>
            <StructureList structures=own/>
        }
    });
    let nearby = (!nearby.is_empty()).then(|| {
        let undetermined =
            (nearby.iter()).any(|s| s.unknown == Some(UnknownMembership::MissingCodes));
        view! {
            <ReportHeading level=3>"Structures transfrontalières proches"</ReportHeading>
            <p>
                {if undetermined { NEARBY_UNDETERMINED } else { NEARBY_PLACED }}
            </p>
            <StructureList structures=nearby/>
        }
    });
    let contacts = recommendations
        .contacts
        .iter()
        .map(|recommended| {
            view! { <ContactItem contact=recommended.contact.clone() detail=recommended.detail.clone()/> }
        })
        .collect_view();
    view! {
        <ReportHeading level=3>"Programmes Interreg"</ReportHeading>
        {programmes}
        {(!recommendations.small_project_instruments.is_empty()).then(|| view! {
            <ReportHeading level=3>"Fonds pour petits projets"</ReportHeading>
            <ResourceList resources=recommendations.small_project_instruments.clone()/>
        })}
        {own}
        {nearby}
        {(!recommendations.resources.is_empty()).then(|| view! {
            <ReportHeading level=3>"Autres ressources"</ReportHeading>
            <ResourceList resources=recommendations.resources.clone()/>
        })}
        <ReportHeading level=3>"Contacts"</ReportHeading>
        <ul class="findings">{contacts}</ul>
    }
}
