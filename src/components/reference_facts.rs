//! How the reference data's provenance is shown: a dated fact with the day it was checked (or
//! « à confirmer auprès de … » once old or over), what could not be verified, and the published
//! ways to reach a body (website, phone, e-mail).

use domain::reference::provenance::aupres_de;
use domain::reference::{DatedFact, Freshness, Office, Source};
use leptos::prelude::*;

use crate::platform;

/// A dated fact and its status on the device's day, e.g. « Jusqu'à 50 000 € (vérifié le 6
/// décembre 2026) ». `confirm_with` is who to ask when the fact carries no one of its own.
#[component]
pub fn DatedFactText(fact: DatedFact, confirm_with: String) -> impl IntoView {
    let (stale, status) = match platform::today() {
        Some(today) => (
            fact.freshness(today) != Freshness::Current,
            fact.status_on(today, &confirm_with),
        ),
        // Without a readable clock the fact is never shown as current.
        None => (
            true,
            format!(
                "à confirmer {}",
                aupres_de(fact.confirm_with(&confirm_with))
            ),
        ),
    };
    view! {
        <span class="fact" class:fact--stale=stale data-testid="dated-fact">
            {fact.text}
            " "
            <span class="fact__status">"(" {status} ")"</span>
        </span>
    }
}

/// What could not be verified, in plain words, with who to ask.
#[component]
pub fn UnverifiedNote(text: Option<String>) -> impl IntoView {
    text.map(|text| {
        view! { <span class="unverified" data-testid="unverified">"Non vérifié : " {text}</span> }
    })
}

/// The published ways to reach a body: website, phone, e-mail (each only when the data has it).
#[component]
pub fn Reach(
    website: Option<String>,
    phone: Option<String>,
    email: Option<String>,
) -> impl IntoView {
    let any = website.is_some() || phone.is_some() || email.is_some();
    any.then(|| {
        view! {
            <span class="reach">
                {website.map(|url| {
                    let href = url.clone();
                    view! { <a href=href rel="noopener noreferrer" target="_blank">{url}</a> }
                })}
                {phone.map(|number| {
                    let tel = format!("tel:{}", number.replace(' ', ""));
                    view! { <a href=tel>{number}</a> }
                })}
                {email.map(|address| {
                    let mailto = format!("mailto:{address}");
                    view! { <a href=mailto>{address}</a> }
                })}
            </span>
        }
    })
}

/// An office (a joint secretariat, a contact point): its name, area, town and published details.
#[component]
pub fn OfficeLine(office: Office) -> impl IntoView {
    let where_ = [office.area, office.place]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <span class="office">
            {office.name}
            {(!where_.is_empty()).then(|| format!(" ({where_})"))}
            " "
            <Reach website=office.website phone=office.phone email=office.email/>
        </span>
    }
}

/// The public sources an entry was read from, folded.
#[component]
pub fn SourceList(sources: Vec<Source>) -> impl IntoView {
    let items = sources
        .into_iter()
        .map(|source| {
            view! {
                <li>
                    <a href=source.url rel="noopener noreferrer" target="_blank">{source.title}</a>
                    " (consultée le " {source.checked.in_words()} ")"
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="sources">
            <summary>"Sources"</summary>
            <ul>{items}</ul>
        </details>
    }
}
