//! The projects of a diagnostic (`/diagnostic/:id/projets`): its project sheets ("fiches
//! projet"), the opportunities a sheet can start from, and the good practices the town
//! declares for MOT to collect.

use domain::project::GoodPractice;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::form_fields::{focus_soon, DeleteButton, SelectEntry, TextEntry};
use crate::platform::{format_datetime_fr, set_page_title};
use crate::state::projects::{
    create_blank_sheet, create_good_practice, create_sheet_from_opportunity, delete_good_practice,
    project_href, report_href, report_of, take_deletion_notice, theme_choices, theme_title,
    update_good_practice,
};
use crate::state::session::{Commit, DiagnosticSession};

/// The projects and good practices page.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let id = session.id();
    Effect::new(move |_| {
        let commune = session
            .diagnostic
            .with_untracked(|d| d.commune_name().to_string());
        set_page_title(&format!("Projets et bonnes pratiques · {commune}"));
    });
    let heading = NodeRef::<html::H1>::new();
    let notice = NodeRef::<html::P>::new();
    let deletion_notice = take_deletion_notice();
    let has_notice = deletion_notice.is_some();
    // On arrival the focus goes to the heading, or, after a sheet was deleted, to the notice
    // saying so (read out then). Tracked: runs again once the element is in the page.
    Effect::new(move |_| {
        let target: Option<web_sys::HtmlElement> = if has_notice {
            notice.get().map(Into::into)
        } else {
            heading.get().map(Into::into)
        };
        if let Some(target) = target {
            let _ = target.focus();
        }
    });
    view! {
        <p class="step-eyebrow">{move || session.diagnostic.with(|d| d.commune_name().to_string())}</p>
        <h1 tabindex="-1" node_ref=heading>"Projets et bonnes pratiques"</h1>
        {deletion_notice.map(|text| view! {
            <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice data-testid="deletion-notice">
                {text}
            </p>
        })}
        <p>
            "La MOT peut vous aider à monter un projet transfrontalier : formuler le besoin, trouver les "
            "partenaires de l'autre côté de la frontière, mettre en place le partenariat. Préparez ici vos "
            "fiches projet, et déclarez les bonnes pratiques de votre territoire. Tout est enregistré sur "
            "cet appareil et figure dans le "
            <A href=report_href(&id)>"rapport"</A>
            "."
        </p>
        <section aria-labelledby="projets-fiches">
            <h2 id="projets-fiches">"Fiches projet"</h2>
            <SheetList/>
        </section>
        <section aria-labelledby="projets-opportunites">
            <h2 id="projets-opportunites">"Partir d'une opportunité"</h2>
            <OpportunityStarters/>
        </section>
        <section aria-labelledby="projets-pratiques">
            <h2 id="projets-pratiques">"Bonnes pratiques"</h2>
            <GoodPractices/>
        </section>
    }
}

/// The sheets of the diagnostic, and "Créer une fiche projet vierge".
#[component]
fn SheetList() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let navigate = use_navigate();
    let id = session.id();
    let sheets = Memo::new(move |_| {
        session.diagnostic.with(|d| {
            d.project_sheets
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        s.title.clone(),
                        s.partnership_step.label(),
                        s.updated_at.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let create = {
        let id = id.clone();
        move |_| {
            let sheet_id = create_blank_sheet(session);
            navigate(&project_href(&id, &sheet_id), Default::default());
        }
    };
    view! {
        <Show
            when=move || !sheets.get().is_empty()
            fallback=|| view! { <p>"Aucune fiche projet pour l'instant."</p> }
        >
            <ul class="diagnostic-list">
                {
                    let id = id.clone();
                    move || {
                        sheets
                            .get()
                            .into_iter()
                            .map(|(sheet_id, title, step, updated)| {
                                let title = if title.trim().is_empty() { "Sans titre".to_string() } else { title };
                                view! {
                                    <li class="diagnostic-item" data-testid="sheet-item">
                                        <div>
                                            <A href=project_href(&id, &sheet_id) attr:class="diagnostic-item__link">
                                                {title}
                                            </A>
                                            <p class="diagnostic-item__meta">
                                                {format!("Étape : {step} · modifiée le {}", format_datetime_fr(&updated))}
                                            </p>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()
                    }
                }
            </ul>
        </Show>
        <p>
            <button type="button" class="button button--primary" on:click=create>
                "Créer une fiche projet vierge"
            </button>
        </p>
    }
}

/// The opportunities of the report, each with "Créer une fiche projet".
#[component]
fn OpportunityStarters() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let navigate = use_navigate();
    let id = session.id();
    let opportunities = session.diagnostic.with_untracked(|d| {
        report_of(d)
            .map(|report| {
                report
                    .opportunities
                    .into_iter()
                    .map(|o| (o.rule_id, o.title, o.priority_label, o.theme_title))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    if opportunities.is_empty() {
        return view! {
            <p>"Aucune opportunité ne ressort encore de vos réponses : répondez aux thèmes du questionnaire."</p>
        }
        .into_any();
    }
    let items = opportunities
        .into_iter()
        .enumerate()
        .map(|(index, (rule_id, title, priority, theme))| {
            let title_id = format!("depart-opportunite-{}", index + 1);
            let navigate = navigate.clone();
            let id = id.clone();
            let create = move |_| {
                if let Some(sheet_id) = create_sheet_from_opportunity(session, &rule_id) {
                    navigate(&project_href(&id, &sheet_id), Default::default());
                }
            };
            view! {
                <li class="diagnostic-item" data-testid="opportunity-starter">
                    <div>
                        <p class="diagnostic-item__link" id=title_id.clone()>{title}</p>
                        <p class="diagnostic-item__meta">{format!("{priority} · {theme}")}</p>
                    </div>
                    <button type="button" class="button" aria-describedby=title_id on:click=create>
                        "Créer une fiche projet"
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>"Une fiche créée à partir d'une opportunité est préremplie : besoin, objectif, premières étapes, financements."</p>
        <ul class="diagnostic-list">{items}</ul>
    }
    .into_any()
}

/// The good practices, each an editable card, and "Déclarer une bonne pratique".
#[component]
fn GoodPractices() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    // Said once a practice is deleted; the focus goes to the button below the list.
    let announcement = RwSignal::new(String::new());
    let on_deleted = Callback::new(move |number: usize| {
        // Emptied first, so that the same sentence twice is read out twice.
        announcement.set(String::new());
        request_animation_frame(move || {
            announcement.set(format!("La bonne pratique {number} a été supprimée."))
        });
        focus_soon(DECLARE_BUTTON_ID.to_string());
    });
    // Re-rendered only when a practice is added or removed; fields keep what is typed.
    let ids = Memo::new(move |_| {
        session.diagnostic.with(|d| {
            d.good_practices
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let cards = move || {
        let practices = session
            .diagnostic
            .with_untracked(|d| d.good_practices.clone());
        ids.track();
        practices
            .into_iter()
            .enumerate()
            .map(|(index, practice)| view! { <PracticeCard practice number=index + 1 on_deleted/> })
            .collect_view()
    };
    let declare = move |_| {
        let practice_id = create_good_practice(session);
        focus_soon(format!("bp-{practice_id}-titre"));
    };
    view! {
        <p>
            "Une action transfrontalière qui a réussi sur votre territoire peut inspirer d'autres communes : "
            "la MOT recueille ces bonnes pratiques pour les publier et les partager."
        </p>
        <Show when=move || ids.get().is_empty()>
            <p>"Aucune bonne pratique déclarée pour l'instant."</p>
        </Show>
        <div class="practices">{cards}</div>
        <p role="status" data-testid="practice-status">{move || announcement.get()}</p>
        <p>
            <button type="button" class="button button--primary" id=DECLARE_BUTTON_ID on:click=declare>
                "Déclarer une bonne pratique"
            </button>
        </p>
    }
}

/// Id of the "Déclarer une bonne pratique" button.
const DECLARE_BUTTON_ID: &str = "declarer-bonne-pratique";

/// The fields of one good practice; `on_deleted` gets its number once it is deleted.
#[component]
fn PracticeCard(
    practice: GoodPractice,
    number: usize,
    on_deleted: Callback<usize>,
) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let practice_id = practice.id.clone();
    let prefix = format!("bp-{}", practice.id);
    let field = |set: fn(&mut GoodPractice, String)| {
        let practice_id = practice_id.clone();
        Callback::new(move |value: String| {
            update_good_practice(session, &practice_id, Commit::AfterPause, move |p| {
                set(p, value.clone())
            });
        })
    };
    // The text as this tab holds it: typed here, or stored by another tab and re-read.
    let shown = |read: fn(&GoodPractice) -> &String| {
        let practice_id = practice_id.clone();
        Memo::new(move |_| {
            session.diagnostic.with(|d| {
                d.good_practices
                    .iter()
                    .find(|p| p.id == practice_id)
                    .map(|p| read(p).clone())
                    .unwrap_or_default()
            })
        })
    };
    let on_theme = {
        let practice_id = practice_id.clone();
        Callback::new(move |theme: Option<String>| {
            update_good_practice(session, &practice_id, Commit::Now, move |p| {
                p.theme_id = theme.clone()
            });
        })
    };
    let on_delete = {
        let practice_id = practice_id.clone();
        Callback::new(move |_| {
            delete_good_practice(session, &practice_id);
            on_deleted.run(number);
        })
    };
    let heading_id = format!("{prefix}-entete");
    // A theme no longer in the questionnaire shows as none.
    let theme = {
        let practice_id = practice_id.clone();
        Memo::new(move |_| {
            session.diagnostic.with(|d| {
                let practice = d.good_practices.iter().find(|p| p.id == practice_id);
                let theme = practice.and_then(|p| p.theme_id.clone());
                theme.filter(|theme| theme_title(theme).is_some())
            })
        })
    };
    let labelled_by = heading_id.clone();
    view! {
        // Typed text is committed after a pause, or as soon as the focus leaves a field.
        <article
            class="practice"
            aria-labelledby=labelled_by
            data-testid="good-practice"
            on:focusout=move |_| session.flush()
        >
            <h3 id=heading_id>{format!("Bonne pratique {number}")}</h3>
            <TextEntry
                id=format!("{prefix}-titre")
                label="Titre"
                max_length=200
                value=shown(|p| &p.title)
                on_change=field(|p, v| p.title = v)
            />
            <SelectEntry
                id=format!("{prefix}-theme")
                label="Thème"
                empty_label="— Aucun thème —"
                options=theme_choices()
                value=theme
                on_change=on_theme
            />
            <TextEntry
                id=format!("{prefix}-partenaires")
                label="Partenaires"
                help="Les structures engagées, de chaque côté de la frontière."
                multiline=true
                max_length=2000
                value=shown(|p| &p.partners)
                on_change=field(|p, v| p.partners = v)
            />
            <TextEntry
                id=format!("{prefix}-description")
                label="Description"
                help="Ce qui a été fait, depuis quand, avec quels moyens."
                multiline=true
                max_length=4000
                value=shown(|p| &p.description)
                on_change=field(|p, v| p.description = v)
            />
            <TextEntry
                id=format!("{prefix}-resultats")
                label="Résultats"
                help="Ce que l'action a changé, si possible chiffré."
                multiline=true
                max_length=4000
                value=shown(|p| &p.results)
                on_change=field(|p, v| p.results = v)
            />
            <TextEntry
                id=format!("{prefix}-contact")
                label="Contact"
                help="Qui la MOT peut contacter (nom, fonction ; une adresse électronique si vous le souhaitez)."
                max_length=300
                value=shown(|p| &p.contact)
                on_change=field(|p, v| p.contact = v)
            />
            <DeleteButton
                label=format!("Supprimer la bonne pratique {number}")
                what="cette bonne pratique"
                on_confirm=on_delete
            />
        </article>
    }
}
