//! « Recueil des bonnes pratiques » (`/mot/bonnes-pratiques`): the good practices the towns on
//! this device declared, by border and theme, with each town's name and contact as declared;
//! printed to A4 as MOT's publication of good practices.

use domain::workspace::{
    compile_good_practices, practice_borders, BorderPractices, CompilationFilter, CompiledPractice,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::components::form_fields::SelectEntry;
use crate::components::notice::ErrorNotice;
use crate::platform::set_page_title;
use crate::state::diagnostics::questionnaire;
use crate::state::workspace::{load_workspace, WorkspaceData};

/// The page.
#[component]
pub fn GoodPracticesPage() -> impl IntoView {
    set_page_title("Recueil des bonnes pratiques");
    let workspace = RwSignal::new(None::<Result<WorkspaceData, String>>);
    spawn_local(async move {
        workspace.set(Some(load_workspace().await.map_err(|e| e.to_string())));
    });
    view! {
        <p class="no-print"><A href="/mot">"← Retour à l'espace MOT"</A></p>
        <h1>"Recueil des bonnes pratiques transfrontalières"</h1>
        <p>
            "Les bonnes pratiques déclarées par les communes dont les diagnostics sont sur cet appareil, "
            "par frontière et par thème, avec le contact que chaque commune a indiqué."
        </p>
        {move || match workspace.get() {
            None => view! { <p>"Chargement des diagnostics…"</p> }.into_any(),
            Some(Err(message)) => view! { <ErrorNotice message/> }.into_any(),
            Some(Ok(data)) => view! { <Compilation data/> }.into_any(),
        }}
    }
}

/// Filters, the print button and the compilation itself.
#[component]
fn Compilation(data: WorkspaceData) -> impl IntoView {
    let Ok(questionnaire) = questionnaire() else {
        return view! { <ErrorNotice message="Le questionnaire est illisible.".to_string()/> }
            .into_any();
    };
    let filter = RwSignal::new(CompilationFilter::default());
    let borders = practice_borders(&data.rows, &data.diagnostics)
        .into_iter()
        .map(|b| (b.clone(), b))
        .collect();
    let themes = questionnaire
        .theme_steps()
        .map(|s| (s.id.clone(), s.title.clone()))
        .collect();
    let compiled = Memo::new(move |_| {
        filter.with(|f| compile_good_practices(questionnaire, &data.rows, &data.diagnostics, f))
    });
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="no-print directory-filters__grid" role="search" aria-label="Filtrer le recueil">
            <SelectEntry
                id="recueil-frontiere"
                label="Frontière"
                empty_label="— Toutes les frontières —"
                options=borders
                value=Signal::derive(move || filter.with(|f| f.border.clone()))
                on_change=Callback::new(move |v| filter.update(|f| f.border = v))
            />
            <SelectEntry
                id="recueil-theme"
                label="Thème"
                empty_label="— Tous les thèmes —"
                options=themes
                value=Signal::derive(move || filter.with(|f| f.theme_id.clone()))
                on_change=Callback::new(move |v| filter.update(|f| f.theme_id = v))
            />
        </div>
        <p class="no-print">
            <button type="button" class="button" on:click=print>"Imprimer le recueil"</button>
        </p>
        {move || {
            let borders = compiled.get();
            if borders.is_empty() {
                view! { <p data-testid="compilation-empty">"Aucune bonne pratique déclarée pour ces critères."</p> }.into_any()
            } else {
                borders.into_iter().map(|border| view! { <BorderPart border/> }).collect_view().into_any()
            }
        }}
    }
    .into_any()
}

/// One border's practices, theme by theme.
#[component]
fn BorderPart(border: BorderPractices) -> impl IntoView {
    let themes = border
        .themes
        .into_iter()
        .map(|theme| {
            let practices = theme
                .practices
                .into_iter()
                .map(|entry| view! { <PracticeCard entry/> })
                .collect_view();
            view! { <h3>{theme.title}</h3> {practices} }
        })
        .collect_view();
    view! {
        <section class="compilation-border" data-testid="compilation-border">
            <h2>{format!("Frontière : {}", border.border)}</h2>
            {themes}
        </section>
    }
}

/// One practice as declared, with its town and contact.
#[component]
fn PracticeCard(entry: CompiledPractice) -> impl IntoView {
    let practice = entry.practice;
    let town = match entry.departement {
        Some(departement) => format!("{} — {departement}", entry.commune),
        None => entry.commune,
    };
    let field = |label: &'static str, text: String| {
        (!text.trim().is_empty()).then(|| view! { <p><strong>{label}</strong> " " {text}</p> })
    };
    view! {
        <article class="practice-card" data-testid="compiled-practice">
            <h4>{practice.title}</h4>
            <p class="muted">{town}</p>
            {field("Partenaires :", practice.partners)}
            {field("Ce qui a été fait :", practice.description)}
            {field("Résultats :", practice.results)}
            {field("Contact :", practice.contact)}
        </article>
    }
}
