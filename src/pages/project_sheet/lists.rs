//! The lists of a project sheet: partners (name, country, type, contact status), and lists of
//! short texts (actions, funding sources). Entries are added and removed with buttons.

use domain::project::{edit_entry, remove_entry, ContactStatus, Partner, ProjectSheet};
use leptos::prelude::*;

use super::{find_sheet, sheet_value};
use crate::components::form_fields::{focus_soon, SelectEntry, TextEntry};
use crate::state::projects::{country_choices, update_sheet};
use crate::state::session::{Commit, DiagnosticSession};

/// A list of short texts of the sheet, one field each.
#[component]
pub fn TextList(
    sheet_id: String,
    legend: &'static str,
    item_label: &'static str,
    add_label: &'static str,
    id_prefix: &'static str,
    #[prop(optional)] help: Option<&'static str>,
    read: fn(&ProjectSheet) -> &Vec<String>,
    write: fn(&mut ProjectSheet) -> &mut Vec<String>,
) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let count = {
        let sheet_id = sheet_id.clone();
        Memo::new(move |_| {
            session
                .diagnostic
                .with(|d| find_sheet(d, &sheet_id).map_or(0, |s| read(s).len()))
        })
    };
    // Re-rendered only when an entry is added or removed; each field follows its entry.
    let entries = {
        let sheet_id = sheet_id.clone();
        move || {
            // Read, not only tracked: a memo nothing reads is never computed, so it would not
            // follow the record (an entry another tab adds would never show).
            let _ = count.get();
            let items = session.diagnostic.with_untracked(|d| {
                find_sheet(d, &sheet_id)
                    .map(|s| read(s).clone())
                    .unwrap_or_default()
            });
            items
                .into_iter()
                .enumerate()
                .map(|(index, _)| {
                    let number = index + 1;
                    // The entry as this tab holds it: typed here, or stored by another tab.
                    let value = {
                        let sheet_id = sheet_id.clone();
                        Memo::new(move |_| {
                            session.diagnostic.with(|d| {
                                find_sheet(d, &sheet_id)
                                    .and_then(|s| read(s).get(index).cloned())
                                    .unwrap_or_default()
                            })
                        })
                    };
                    let on_change = {
                        let sheet_id = sheet_id.clone();
                        Callback::new(move |text: String| {
                            // By its text before, not only its place: another tab may remove an
                            // entry above it before this one is stored.
                            let before = value.get_untracked();
                            update_sheet(session, &sheet_id, Commit::AfterPause, move |sheet| {
                                edit_entry(write(sheet), index, &before, text.clone());
                            });
                        })
                    };
                    let sheet_id = sheet_id.clone();
                    let remove = move |_| {
                        let count_before = count.get_untracked();
                        let removed = value.get_untracked();
                        update_sheet(session, &sheet_id, Commit::Now, move |sheet| {
                            remove_entry(write(sheet), index, &removed);
                        });
                        focus_after_removal(number, count_before, |n| format!("{id_prefix}-{n}"), format!("ajouter-{id_prefix}"));
                    };
                    view! {
                        <li class="list-entry">
                            <TextEntry
                                id=format!("{id_prefix}-{number}")
                                label=format!("{item_label} {number}")
                                max_length=500
                                value=value
                                on_change
                            />
                            <button type="button" class="button button--small" on:click=remove>
                                "Retirer"
                                <span class="visually-hidden">{format!(" : {item_label} {number}")}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let add = move |_| {
        let next = count.get_untracked() + 1;
        update_sheet(session, &sheet_id, Commit::Now, move |sheet| {
            // Runs on the tab's copy and on the stored record: add one entry to each.
            if write(sheet).len() < next {
                write(sheet).push(String::new());
            }
        });
        focus_soon(format!("{id_prefix}-{next}"));
    };
    view! {
        <fieldset class="list-editor form-field">
            <legend class="question__label">{legend}</legend>
            {help.map(|help| view! { <p class="field-help">{help}</p> })}
            <ol class="list-editor__entries">{entries}</ol>
            <button type="button" class="button" id=format!("ajouter-{id_prefix}") on:click=add>{add_label}</button>
        </fieldset>
    }
}

/// The partners of the sheet, one group of fields each.
#[component]
pub fn PartnerList(sheet_id: String) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let count = {
        let sheet_id = sheet_id.clone();
        Memo::new(move |_| {
            session
                .diagnostic
                .with(|d| find_sheet(d, &sheet_id).map_or(0, |s| s.partners.len()))
        })
    };
    let entries = {
        let sheet_id = sheet_id.clone();
        move || {
            // Read, not only tracked: a memo nothing reads is never computed, so it would not
            // follow the record (an entry another tab adds would never show).
            (0..count.get())
                .map(|index| view! { <PartnerFields sheet_id=sheet_id.clone() index/> })
                .collect_view()
        }
    };
    let add = move |_| {
        let next = count.get_untracked() + 1;
        update_sheet(session, &sheet_id, Commit::Now, move |sheet| {
            if sheet.partners.len() < next {
                sheet.partners.push(Partner::default());
            }
        });
        focus_soon(format!("partenaire-{next}-nom"));
    };
    view! {
        <p class="field-help">
            "Les partenaires de l'autre côté de la frontière (commune, hôpital, association, entreprise…) "
            "et où en est le contact avec chacun."
        </p>
        <Show when=move || count.get() == 0>
            <p>"Aucun partenaire pour l'instant."</p>
        </Show>
        <div class="partners">{entries}</div>
        <button type="button" class="button" id="ajouter-partenaire" on:click=add>"Ajouter un partenaire"</button>
    }
}

/// The fields of one partner.
#[component]
fn PartnerFields(sheet_id: String, index: usize) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let number = index + 1;
    let remove_from = sheet_id.clone();
    let shown_of = sheet_id.clone();
    let edit = move |commit: Commit, change: fn(&mut Partner, String)| {
        let sheet_id = sheet_id.clone();
        Callback::new(move |value: String| {
            // The partner as this tab shows it: another tab may remove one above it before
            // this change is stored, and the change must follow this partner, not its place.
            let Some(before) = session.diagnostic.with_untracked(|d| {
                find_sheet(d, &sheet_id).and_then(|s| s.partners.get(index).cloned())
            }) else {
                return;
            };
            let mut edited = before.clone();
            change(&mut edited, value);
            update_sheet(session, &sheet_id, commit, move |sheet| {
                edit_entry(&mut sheet.partners, index, &before, edited.clone());
            });
        })
    };
    // A text of this partner as this tab holds it: typed here, or stored by another tab.
    let shown = |read: fn(&Partner) -> &String| {
        sheet_value(session, &shown_of, move |s| {
            s.partners.get(index).map(read).cloned().unwrap_or_default()
        })
    };
    let on_name = edit(Commit::AfterPause, |p, v| p.name = v);
    let on_kind = edit(Commit::AfterPause, |p, v| p.kind = v);
    let on_country_text = edit(Commit::Now, |p, v| p.country = v);
    let on_country = Callback::new(move |code: Option<String>| {
        on_country_text.run(code.unwrap_or_default());
    });
    let on_status_text = edit(Commit::Now, |p, v| {
        p.contact_status = match v.as_str() {
            "contacte" => ContactStatus::Contacted,
            "engage" => ContactStatus::Committed,
            _ => ContactStatus::ToContact,
        }
    });
    let on_status = Callback::new(move |value: Option<String>| {
        on_status_text.run(value.unwrap_or_default());
    });
    let status_key = |status: ContactStatus| match status {
        ContactStatus::ToContact => "a_contacter",
        ContactStatus::Contacted => "contacte",
        ContactStatus::Committed => "engage",
    };
    let statuses: Vec<(String, String)> = [
        ContactStatus::ToContact,
        ContactStatus::Contacted,
        ContactStatus::Committed,
    ]
    .into_iter()
    .map(|s| (status_key(s).to_string(), s.label().to_string()))
    .collect();
    let remove = move |_| {
        let count_before = session
            .diagnostic
            .with_untracked(|d| find_sheet(d, &remove_from).map_or(0, |s| s.partners.len()));
        let removed = session.diagnostic.with_untracked(|d| {
            find_sheet(d, &remove_from).and_then(|s| s.partners.get(index).cloned())
        });
        update_sheet(session, &remove_from, Commit::Now, move |sheet| {
            if let Some(removed) = &removed {
                remove_entry(&mut sheet.partners, index, removed);
            }
        });
        let partner_name = |n: usize| format!("partenaire-{n}-nom");
        focus_after_removal(
            number,
            count_before,
            partner_name,
            "ajouter-partenaire".into(),
        );
    };
    let country = sheet_value(session, &shown_of, move |s| {
        let country = s.partners.get(index).map(|p| p.country.clone());
        country.filter(|country| !country.is_empty())
    });
    let status = sheet_value(session, &shown_of, move |s| {
        (s.partners.get(index)).map(|p| status_key(p.contact_status).to_string())
    });
    let prefix = format!("partenaire-{number}");
    view! {
        <fieldset class="partner" data-testid="partner">
            <legend class="question__label">{format!("Partenaire {number}")}</legend>
            <TextEntry
                id=format!("{prefix}-nom")
                label="Nom de la structure"
                max_length=200
                value=shown(|p| &p.name)
                on_change=on_name
            />
            <SelectEntry
                id=format!("{prefix}-pays")
                label="Pays"
                empty_label="— Choisir un pays —"
                options=country_choices()
                value=country
                on_change=on_country
            />
            <TextEntry
                id=format!("{prefix}-type")
                label="Type de structure"
                help="Par exemple : commune, hôpital, association, chambre de commerce."
                max_length=200
                value=shown(|p| &p.kind)
                on_change=on_kind
            />
            <SelectEntry
                id=format!("{prefix}-contact")
                label="État du contact"
                empty_label="— Non précisé —"
                options=statuses
                value=status
                on_change=on_status
            />
            <button type="button" class="button button--small" on:click=remove>
                {format!("Retirer le partenaire {number}")}
            </button>
        </fieldset>
    }
}

/// After entry `number` of `count_before` is removed, moves the focus to the entry that took
/// its place, else to the one before, else (the list is empty) to the "add" button: the
/// focus never falls back to the top of the page.
fn focus_after_removal(
    number: usize,
    count_before: usize,
    field_id: impl Fn(usize) -> String,
    add_button_id: String,
) {
    let target = if number < count_before {
        field_id(number)
    } else if number > 1 {
        field_id(number - 1)
    } else {
        add_button_id
    };
    focus_soon(target);
}
