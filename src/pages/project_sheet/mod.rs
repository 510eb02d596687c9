//! One project sheet ("fiche projet", `/diagnostic/:id/projets/:project`): the need, objectives,
//! partners across the border, actions, budget class, funding sources, timeline and the step
//! the partnership has reached. Every change is stored at once, like an answer.

mod lists;

use domain::project::{BudgetClass, PartnershipStep, ProjectSheet};
use domain::Diagnostic;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::form_fields::{DeleteButton, SelectEntry, TextEntry};
use crate::pages::report::projects::SheetSummary;
use crate::platform::set_page_title;
use crate::state::projects::{
    delete_sheet, projects_href, report_href, theme_choices, update_sheet,
};
use crate::state::session::{Commit, DiagnosticSession};

use lists::{PartnerList, TextList};

/// The sheet with this id in a diagnostic.
pub(crate) fn find_sheet<'a>(
    diagnostic: &'a Diagnostic,
    sheet_id: &str,
) -> Option<&'a ProjectSheet> {
    diagnostic.project_sheets.iter().find(|s| s.id == sheet_id)
}

/// A value of a sheet as this tab holds it: what is done here, and what another tab stored
/// once this tab has re-read the record (the default once the sheet is gone).
pub(crate) fn sheet_value<T>(
    session: DiagnosticSession,
    sheet_id: &str,
    read: impl Fn(&ProjectSheet) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    let sheet_id = sheet_id.to_string();
    Memo::new(move |_| {
        session
            .diagnostic
            .with(|d| find_sheet(d, &sheet_id).map(&read).unwrap_or_default())
    })
}

/// The project sheet page.
#[component]
pub fn ProjectSheetPage() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let params = use_params_map();
    let sheet_id = Memo::new(move |_| params.read().get("project").unwrap_or_default());
    let exists = Memo::new(move |_| {
        let id = sheet_id.get();
        session.diagnostic.with(|d| find_sheet(d, &id).is_some())
    });
    move || {
        if exists.get() {
            view! { <SheetEditor sheet_id=sheet_id.get()/> }.into_any()
        } else {
            set_page_title("Fiche projet introuvable");
            let id = session.id();
            view! {
                <h1>"Fiche projet introuvable"</h1>
                <p>"Cette fiche projet n'existe pas ou a été supprimée."</p>
                <p><A href=projects_href(&id)>"Revenir aux projets et bonnes pratiques"</A></p>
            }
            .into_any()
        }
    }
}

/// The form of one sheet.
#[component]
fn SheetEditor(sheet_id: String) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let navigate = use_navigate();
    let id = session.id();
    // Every field then follows the record as this tab holds it.
    if session
        .diagnostic
        .with_untracked(|d| find_sheet(d, &sheet_id).is_none())
    {
        return ().into_any();
    }
    let title = {
        let sheet_id = sheet_id.clone();
        Memo::new(move |_| {
            session.diagnostic.with(|d| {
                find_sheet(d, &sheet_id)
                    .map(|s| s.title.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| "Sans titre".to_string())
            })
        })
    };
    Effect::new(move |_| set_page_title(&format!("Fiche projet · {}", title.get())));
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get_untracked() {
            let _ = heading.focus();
        }
    });

    // Each text field shows the sheet as this tab holds it: what is typed here, and what
    // another tab stored once this tab has re-read the record.
    let shown = |read: fn(&ProjectSheet) -> &String| {
        sheet_value(session, &sheet_id, move |s| read(s).clone())
    };
    let theme = sheet_value(session, &sheet_id, |s| s.theme_id.clone());
    let budget = sheet_value(session, &sheet_id, |s| s.budget_class);
    let step = sheet_value(session, &sheet_id, |s| s.partnership_step);
    // One callback per text field: store the typed value into the sheet.
    let text_field = |set: fn(&mut ProjectSheet, String)| {
        let sheet_id = sheet_id.clone();
        Callback::new(move |value: String| {
            update_sheet(session, &sheet_id, Commit::AfterPause, move |sheet| {
                set(sheet, value.clone())
            });
        })
    };
    let on_theme = {
        let sheet_id = sheet_id.clone();
        Callback::new(move |theme: Option<String>| {
            update_sheet(session, &sheet_id, Commit::Now, move |sheet| {
                sheet.theme_id = theme.clone()
            });
        })
    };
    let on_delete = {
        let sheet_id = sheet_id.clone();
        let target = projects_href(&id);
        Callback::new(move |_| {
            delete_sheet(session, &sheet_id);
            navigate(&target, Default::default());
        })
    };

    let printed = {
        let sheet_id = sheet_id.clone();
        let diagnostic_id = id.clone();
        let sheet = Memo::new(move |_| {
            session
                .diagnostic
                .with(|d| find_sheet(d, &sheet_id).cloned())
        });
        move || {
            sheet.get().map(|sheet| {
                view! { <SheetSummary sheet diagnostic_id=diagnostic_id.clone()/> }
            })
        }
    };

    view! {
        // Typed text is committed after a pause, or as soon as the focus leaves a field.
        <article class="project-sheet" data-testid="project-sheet" on:focusout=move |_| session.flush()>
            <p class="step-eyebrow">"Fiche projet"</p>
            <h1 tabindex="-1" node_ref=heading>{move || title.get()}</h1>
            <p>
                "Cette fiche prépare un projet transfrontalier : le besoin, les partenaires de l'autre côté "
                "de la frontière, les actions et leur financement. Elle est enregistrée sur cet appareil à "
                "chaque modification et figure dans le rapport."
            </p>
            <p class="no-print">
                <A href=projects_href(&id)>"Toutes les fiches projet"</A>
                " · "
                <A href=report_href(&id)>"Voir le rapport"</A>
            </p>
            // Printed as the report shows it: the form's fields would cut long texts.
            <div class="print-only" data-testid="sheet-print">{printed}</div>
            <form class="sheet-form no-print" on:submit=|event| event.prevent_default()>
                <h2>"Le projet"</h2>
                <TextEntry
                    id="fiche-titre"
                    label="Titre du projet"
                    max_length=200
                    value=shown(|s| &s.title)
                    on_change=text_field(|s, v| s.title = v)
                />
                <SelectEntry
                    id="fiche-theme"
                    label="Thème"
                    empty_label="— Aucun thème —"
                    options=theme_choices()
                    value=theme
                    on_change=on_theme
                />
                <TextEntry
                    id="fiche-besoin"
                    label="Besoin"
                    help="Quel problème le projet résout-il, pour qui, de part et d'autre de la frontière ?"
                    multiline=true
                    max_length=4000
                    value=shown(|s| &s.need)
                    on_change=text_field(|s, v| s.need = v)
                />
                <TextEntry
                    id="fiche-objectifs"
                    label="Objectifs"
                    help="Ce que le projet doit changer, si possible de façon mesurable."
                    multiline=true
                    max_length=4000
                    value=shown(|s| &s.objectives)
                    on_change=text_field(|s, v| s.objectives = v)
                />
                <h2>"Les partenaires"</h2>
                <PartnerList sheet_id=sheet_id.clone()/>
                <h2>"Les actions et les moyens"</h2>
                <TextList
                    sheet_id=sheet_id.clone()
                    legend="Actions prévues"
                    item_label="Action"
                    add_label="Ajouter une action"
                    id_prefix="fiche-action"
                    read=|s| &s.actions
                    write=|s| &mut s.actions
                />
                <BudgetChoice sheet_id=sheet_id.clone() value=budget/>
                <TextList
                    sheet_id=sheet_id.clone()
                    legend="Financements envisagés"
                    item_label="Financement"
                    add_label="Ajouter un financement"
                    id_prefix="fiche-financement"
                    help="Prérempli avec les financements recommandés pour votre territoire : gardez ceux qui conviennent."
                    read=|s| &s.funding_sources
                    write=|s| &mut s.funding_sources
                />
                <TextEntry
                    id="fiche-calendrier"
                    label="Calendrier"
                    help="Les grandes étapes et leurs dates, par exemple « 2027 : étude ; 2028 : travaux »."
                    multiline=true
                    max_length=2000
                    value=shown(|s| &s.timeline)
                    on_change=text_field(|s, v| s.timeline = v)
                />
                <h2>"Où en est le partenariat"</h2>
                <StepChoice sheet_id=sheet_id.clone() value=step/>
            </form>
            <h2 class="no-print">"Supprimer la fiche"</h2>
            <DeleteButton label="Supprimer cette fiche projet" what="cette fiche projet" on_confirm=on_delete/>
        </article>
    }
    .into_any()
}

/// The budget class, as radio buttons ("Non définie" first).
#[component]
fn BudgetChoice(sheet_id: String, value: Memo<Option<BudgetClass>>) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let choices: Vec<(Option<BudgetClass>, &'static str, &'static str)> =
        std::iter::once((None, "non-definie", "Non défini pour l'instant"))
            .chain(BudgetClass::ALL.iter().enumerate().map(|(index, class)| {
                let key = ["moins-30k", "30k-75k", "75k-200k", "plus-200k"]
                    .get(index)
                    .copied()
                    .unwrap_or("autre");
                (Some(*class), key, class.label())
            }))
            .collect();
    let radios = choices
        .into_iter()
        .map(|(class, key, label)| {
            let id = format!("fiche-budget-{key}");
            let sheet_id = sheet_id.clone();
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        name="fiche-budget"
                        id=id.clone()
                        prop:checked=move || value.get() == class
                        on:change=move |_| {
                            update_sheet(session, &sheet_id, Commit::Now, move |sheet| sheet.budget_class = class);
                        }
                    />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question__group form-field">
            <legend class="question__label">"Budget estimé"</legend>
            <p class="field-help">
                "La classe de budget oriente vers le bon financement (micro-projets, petits projets, projet Interreg)."
            </p>
            <div class="choices">{radios}</div>
        </fieldset>
    }
}

/// The partnership step reached, as radio buttons in order.
#[component]
fn StepChoice(sheet_id: String, value: Memo<PartnershipStep>) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let radios = PartnershipStep::ALL
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let step = *step;
            let id = format!("fiche-etape-{}", index + 1);
            let sheet_id = sheet_id.clone();
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        name="fiche-etape"
                        id=id.clone()
                        prop:checked=move || value.get() == step
                        on:change=move |_| {
                            update_sheet(session, &sheet_id, Commit::Now, move |sheet| sheet.partnership_step = step);
                        }
                    />
                    <label for=id>{format!("{}. {}", index + 1, step.label())}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question__group form-field">
            <legend class="question__label">"Étape du partenariat"</legend>
            <p class="field-help">
                "Un projet transfrontalier passe par ces étapes : cochez la dernière atteinte."
            </p>
            <div class="choices partnership-steps">{radios}</div>
        </fieldset>
    }
}
