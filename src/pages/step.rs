//! One step of the questionnaire (`/diagnostic/:id/:step`): the profile, a theme, or the review.

use domain::diagnostic::profile_ids;
use domain::questionnaire::{is_question_visible, Questionnaire, Step, StepKind};
use domain::reference::suggest_programmes;
use domain::Answer;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::components::mot_feedback::{QuestionComment, StepComment};
use crate::components::private_note::PrivateNote;
use crate::components::question::QuestionField;
use crate::pages::review::ReviewStep;
use crate::platform::set_page_title;
use crate::state::diagnostics::questionnaire;
use crate::state::session::{Commit, DiagnosticSession};
use crate::state::steps::{neighbours, step_href, step_title, REVIEW_STEP_ID};

/// The page of the step named in the address.
#[component]
pub fn StepPage() -> impl IntoView {
    let params = use_params_map();
    let step_id = Memo::new(move |_| params.read().get("step").unwrap_or_default());
    let Ok(questionnaire) = questionnaire() else {
        return view! { <p>"Questionnaire indisponible."</p> }.into_any();
    };
    let session = expect_context::<DiagnosticSession>();
    let heading = NodeRef::<html::H1>::new();
    // On every change of step, focus moves to the step's heading (announced by screen readers),
    // or to the question named in the address (`#question-<id>`, from the review's links).
    Effect::new(move |_| {
        step_id.track();
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
            // The questions render in the same tick; the router sets the fragment just after.
            gloo_timers::callback::Timeout::new(0, || {
                focus_question_in_address();
            })
            .forget();
        }
    });
    Effect::new(move |_| {
        let title = step_title(questionnaire, &step_id.get())
            .unwrap_or("Étape inconnue")
            .to_string();
        let commune = session
            .diagnostic
            .with_untracked(|d| d.commune_name().to_string());
        set_page_title(&format!("{title} · {commune}"));
    });

    view! {
        {move || {
            let id = step_id.get();
            let body = if id == REVIEW_STEP_ID {
                view! { <ReviewStep heading/> }.into_any()
            } else if let Some(step) = questionnaire.step(&id) {
                view! { <QuestionStep questionnaire step heading/> }.into_any()
            } else {
                view! {
                    <h1 tabindex="-1" node_ref=heading>"Étape inconnue"</h1>
                    <p>"Cette étape n'existe pas dans le questionnaire. Choisissez une étape dans la liste."</p>
                }
                    .into_any()
            };
            view! {
                {body}
                <StepNavigation questionnaire step_id=id/>
            }
        }}
    }
    .into_any()
}

/// Focuses the first field of the question named in the address's fragment, if it is on the page.
fn focus_question_in_address() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some(target) = hash
        .strip_prefix('#')
        .filter(|id| id.starts_with("question-"))
    else {
        return false;
    };
    let Some(document) = window.document() else {
        return false;
    };
    let selector = format!("#{target} input, #{target} select, #{target} textarea");
    match document.query_selector(&selector) {
        Ok(Some(field)) => {
            field.scroll_into_view();
            field
                .dyn_into::<web_sys::HtmlElement>()
                .map(|field| field.focus().is_ok())
                .unwrap_or(false)
        }
        _ => false,
    }
}

/// The questions of a profile or theme step.
#[component]
fn QuestionStep(
    questionnaire: &'static Questionnaire,
    step: &'static Step,
    heading: NodeRef<html::H1>,
) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let position = questionnaire
        .steps
        .iter()
        .position(|s| s.id == step.id)
        .unwrap_or(0)
        + 1;
    let total = questionnaire.steps.len();
    let not_concerned = Memo::new(move |_| {
        session
            .diagnostic
            .with(|d| d.not_concerned_themes.contains(&step.id))
    });
    let render_questions = move || {
        step.questions
            .iter()
            .map(|question| {
                let visible = Memo::new(move |_| {
                    session
                        .diagnostic
                        .with(|d| is_question_visible(questionnaire, question, &d.answers))
                });
                view! {
                    <Show when=move || visible.get()>
                        <QuestionField question/>
                        <QuestionComment question_id=question.id.clone()/>
                        {(question.id == profile_ids::INTERREG_PROGRAMMES)
                            .then(|| view! { <ProgrammeSuggestion/> })}
                    </Show>
                }
            })
            .collect_view()
    };

    view! {
        <p class="step-eyebrow">
            {move || session.diagnostic.with(|d| d.commune_name().to_string())}
            " · étape " {position} " sur " {total}
        </p>
        <h1 tabindex="-1" node_ref=heading>{step.title.clone()}</h1>
        <p class="step-intro">{step.intro.clone()}</p>
        <StepComment step_id=step.id.clone()/>
        {(step.kind == StepKind::Theme).then(|| view! { <NotConcernedToggle step/> })}
        <div class="questions" class:questions--not-concerned=move || not_concerned.get()>
            <Show
                when=move || !not_concerned.get()
                fallback=|| view! {
                    <p class="notice">
                        "Thème marqué « non concerné » : ses questions ne comptent ni dans l'avancement "
                        "ni dans les résultats. Vos réponses éventuelles sont conservées."
                    </p>
                }
            >
                {render_questions}
            </Show>
        </div>
        <PrivateNote step_id=step.id.clone()/>
    }
}

/// The "non concerné" switch of a theme.
#[component]
fn NotConcernedToggle(step: &'static Step) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let checked = move || {
        session
            .diagnostic
            .with(|d| d.not_concerned_themes.contains(&step.id))
    };
    let id = format!("non-concerne-{}", step.id);
    view! {
        <div class="choice not-concerned">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=checked
                on:change=move |event| {
                    let mark = event_target_checked(&event);
                    let theme = step.id.clone();
                    let journaled = step.id.clone();
                    session.apply_journaled(
                        move |diagnostic| {
                            if mark {
                                diagnostic.not_concerned_themes.insert(theme.clone());
                            } else {
                                diagnostic.not_concerned_themes.remove(&theme);
                            }
                        },
                        move |diagnostic, pending, moment| {
                            let marked = diagnostic.not_concerned_themes.contains(&journaled);
                            pending.record_theme_not_concerned(moment, &journaled, marked);
                        },
                        Commit::Now,
                    );
                }
            />
            <label for=id>"Notre territoire n'est pas concerné par ce thème"</label>
        </div>
    }
}

/// Suggests the Interreg programmes of the département chosen in the profile.
#[component]
fn ProgrammeSuggestion() -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let suggested = Memo::new(move |_| {
        session
            .diagnostic
            .with(|d| match d.answers.get(profile_ids::DEPARTEMENT) {
                Some(Answer::Choice(code)) => suggest_programmes(code)
                    .into_iter()
                    .map(|programme| (programme.id.clone(), programme.name.clone()))
                    .collect::<Vec<_>>(),
                _ => Vec::new(),
            })
    });
    let apply = move |_| {
        let ids: Vec<String> = suggested
            .get_untracked()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        if !ids.is_empty() {
            let ticked = session.diagnostic.with_untracked(|d| {
                Answer::choices_with(d.answers.get(profile_ids::INTERREG_PROGRAMMES), &ids)
            });
            session.set_answer(profile_ids::INTERREG_PROGRAMMES, Some(ticked), Commit::Now);
        }
    };
    view! {
        <Show when=move || !suggested.get().is_empty()>
            <div class="suggestion" role="note">
                <p>
                    "D'après le département choisi, votre territoire relève de : "
                    <strong>
                        {move || suggested.get().into_iter().map(|(_, name)| name).collect::<Vec<_>>().join(", ")}
                    </strong>
                    "."
                </p>
                <button type="button" class="button" on:click=apply>"Cocher les programmes suggérés"</button>
            </div>
        </Show>
    }
}

/// "Étape précédente" / "Étape suivante" links.
#[component]
fn StepNavigation(questionnaire: &'static Questionnaire, step_id: String) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let id = session.id();
    let (previous, next) = neighbours(questionnaire, &step_id);
    let link =
        |target: Option<&str>, rel: &'static str, prefix: &'static str| {
            target.map(|target| {
            let title = step_title(questionnaire, target).unwrap_or(target).to_string();
            view! {
                <A href=step_href(&id, target) attr:class=format!("step-nav__{rel}") attr:rel=rel>
                    <span class="step-nav__hint">{prefix}</span>
                    <span>{title}</span>
                </A>
            }
        })
        };
    view! {
        <nav class="step-nav" aria-label="Étape précédente et suivante">
            {link(previous, "prev", "Étape précédente")}
            {link(next, "next", "Étape suivante")}
        </nav>
    }
}
