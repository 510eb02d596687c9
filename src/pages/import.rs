//! Importing bundles (`/importer`): pick or drop files, read the checks and the preview,
//! choose for each conflict, then write everything in one transaction — or nothing.

use std::collections::BTreeMap;

use domain::bundle::{BundleRejection, ConflictChoice, ImportStatus};
use domain::listing::count_of;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::file_drop_zone::FileDropZone;
use crate::components::form_fields::focus_soon;
use crate::components::notice::ErrorNotice;
use crate::platform::set_page_title;
use crate::state::bundles::{
    confirm_import, preview_import, read_files, ConfirmOutcome, FileOutcome, ImportPreview,
};

/// Shown when the device changed between the preview and the confirmation.
const OUTDATED_PREVIEW: &str =
    "Rien n'a été enregistré : les diagnostics de cet appareil ont changé \
     depuis l'aperçu (une modification enregistrée dans un autre onglet, par exemple). L'aperçu \
     ci-dessous est à jour : vérifiez-le, puis confirmez de nouveau.";

/// Id of the page's message (it takes the focus when the preview had to be made again).
const PAGE_ERROR_ID: &str = "import-message";

/// Id of the message saying what the import wrote (it takes the focus).
const DONE_ID: &str = "import-termine";

/// Where the import stands.
#[derive(Clone)]
enum Stage {
    /// Waiting for files.
    Choosing,
    /// Reading and checking the files.
    Reading,
    /// Files read: their outcome, the preview of what would be written, and the choices made
    /// on an earlier preview of the same files (kept when the device changed meanwhile).
    Preview(
        Vec<FileOutcome>,
        ImportPreview,
        BTreeMap<String, ConflictChoice>,
    ),
    /// Written.
    Done(String),
}

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    set_page_title("Importer des fichiers");
    let stage = RwSignal::new(Stage::Choosing);
    let error = RwSignal::new(None::<String>);
    let take_files = move |files: Vec<web_sys::File>| {
        error.set(None);
        stage.set(Stage::Reading);
        spawn_local(async move {
            let result = match read_files(files).await {
                Ok(outcomes) => preview_import(&outcomes).await.map(|p| (outcomes, p)),
                Err(problem) => Err(problem),
            };
            match result {
                Ok((outcomes, preview)) => {
                    stage.set(Stage::Preview(outcomes, preview, BTreeMap::new()))
                }
                Err(problem) => {
                    error.set(Some(problem.to_string()));
                    stage.set(Stage::Choosing);
                }
            }
        });
    };

    view! {
        <h1>"Importer des fichiers"</h1>
        <p>
            "Importez un ou plusieurs fichiers exportés par cette application : le diagnostic d'une "
            "commune, une sauvegarde complète, ou un retour de la MOT. Chaque fichier est vérifié avant "
            "tout enregistrement ; vous voyez ce qui va changer et rien n'est écrit sans votre accord."
        </p>
        <FileDropZone
            id="import-files"
            label="Choisir des fichiers (.json)"
            help="Ou déposez-les ici. Taille maximale : 5 Mo par fichier."
            test_id="drop-zone"
            on_files=Callback::new(take_files)
        />
        <div id=PAGE_ERROR_ID tabindex="-1">
            {move || error.get().map(|message| view! { <ErrorNotice message/> })}
        </div>
        {move || match stage.get() {
            Stage::Choosing => ().into_any(),
            Stage::Reading => view! { <p role="status">"Vérification des fichiers…"</p> }.into_any(),
            Stage::Preview(outcomes, preview, earlier_choices) => {
                view! { <PreviewPanel outcomes preview earlier_choices stage page_error=error/> }.into_any()
            }
            Stage::Done(summary) => {
                view! {
                    <p class="notice notice--success" role="status" id=DONE_ID tabindex="-1" data-testid="import-done">{summary}</p>
                    <p><a href="./">"Voir les diagnostics"</a></p>
                }
                    .into_any()
            }
        }}
    }
}

/// The outcome of each file, the preview of each diagnostic, and the confirmation.
#[component]
fn PreviewPanel(
    outcomes: Vec<FileOutcome>,
    preview: ImportPreview,
    /// Choices made on an earlier preview of the same files.
    earlier_choices: BTreeMap<String, ConflictChoice>,
    stage: RwSignal<Stage>,
    /// The page's message, above the preview: it outlives a preview replaced by a newer one.
    page_error: RwSignal<Option<String>>,
) -> impl IntoView {
    // A choice made on an earlier preview stays where the item still offers one; an older
    // version is otherwise skipped unless the user goes back to it: that choice is made for them.
    let initial_choices = preview
        .decisions
        .iter()
        .filter(|d| d.status.offers_choice())
        .filter_map(|d| {
            let earlier = earlier_choices.get(&d.diagnostic_id).copied();
            let default = (d.status == ImportStatus::Older).then_some(ConflictChoice::KeepMine);
            earlier
                .or(default)
                .map(|choice| (d.diagnostic_id.clone(), choice))
        })
        .collect::<BTreeMap<_, _>>();
    let choices = RwSignal::new(initial_choices);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let conflicts = preview.conflicts();
    let statuses: Vec<(String, ImportStatus)> = preview
        .decisions
        .iter()
        .map(|d| (d.diagnostic_id.clone(), d.status))
        .collect();
    let feedback_writes = preview
        .feedback_statuses
        .iter()
        .filter(|s| s.writes())
        .count();
    let writes = Memo::new(move |_| {
        choices.with(|chosen| {
            let diagnostics = statuses
                .iter()
                .filter(|(id, status)| status.writes(chosen.get(id).copied()))
                .count();
            diagnostics + feedback_writes
        })
    });
    let unresolved =
        Memo::new(move |_| choices.with(|c| conflicts.iter().any(|id| !c.contains_key(id))));

    let files = outcomes
        .iter()
        .map(|outcome| match outcome {
            FileOutcome::Rejected(rejection) => view! {
                <li class="file-outcome file-outcome--rejected" data-testid="file-rejected">
                    {rejection_view(rejection)}
                    <p>"Ce fichier n'a pas été importé ; vos données n'ont pas changé."</p>
                </li>
            }
            .into_any(),
            FileOutcome::Accepted(bundle) => view! {
                <li class="file-outcome" data-testid="file-accepted">
                    <p>
                        "« " {bundle.file_name.clone()} " » : fichier valide ("
                        {count_of(bundle.diagnostics.len(), "diagnostic", "diagnostics")} ", "
                        {count_of(bundle.feedback.len(), "retour de la MOT", "retours de la MOT")} ")."
                    </p>
                    {bundle.notices().into_iter().map(|n| view! { <p class="field-help">{n}</p> }).collect_view()}
                </li>
            }
            .into_any(),
        })
        .collect_view();

    let rows = preview
        .decisions
        .iter()
        .map(|decision| {
            let id = decision.diagnostic_id.clone();
            let status = decision.status;
            let choice = status
                .offers_choice()
                .then(|| view! { <ImportChoices id=id.clone() status choices/> });
            view! {
                <tr data-testid="import-row">
                    <th scope="row">{decision.commune_name.clone()}</th>
                    <td>{decision.source_file.clone()}</td>
                    <td data-testid="import-status">{decision.status.label()}</td>
                    <td>{choice}</td>
                </tr>
            }
        })
        .collect_view();
    let feedback_rows = preview
        .feedback
        .iter()
        .zip(preview.feedback_statuses.iter())
        .map(|(item, status)| {
            view! {
                <tr data-testid="import-row">
                    <th scope="row">"Retour de la MOT : " {item.commune_name.clone()}</th>
                    <td>"—"</td>
                    <td data-testid="import-status">{status.label()}</td>
                    <td></td>
                </tr>
            }
        })
        .collect_view();
    let has_rows = !preview.decisions.is_empty() || !preview.feedback.is_empty();

    let rejected = outcomes
        .iter()
        .filter(|outcome| matches!(outcome, FileOutcome::Rejected(_)))
        .count();
    let confirm = move |_| {
        let preview = preview.clone();
        let outcomes = outcomes.clone();
        let chosen = choices.get_untracked();
        busy.set(true);
        page_error.set(None);
        spawn_local(async move {
            match confirm_import(&preview, &chosen).await {
                Ok(ConfirmOutcome::Written(summary)) => {
                    stage.set(Stage::Done(format!(
                        "Import terminé : {} et {} enregistrés.",
                        count_of(summary.diagnostics, "diagnostic", "diagnostics"),
                        count_of(summary.feedback, "retour de la MOT", "retours de la MOT")
                    )));
                    // The button is gone with the preview: the focus goes to what was done.
                    focus_soon(DONE_ID.to_string());
                }
                Ok(ConfirmOutcome::Outdated(fresh)) => {
                    page_error.set(Some(OUTDATED_PREVIEW.to_string()));
                    // A choice stays only where the item is what it was: a conflict become an
                    // older version (another tab saved) must be decided again.
                    let still = |id: &String| {
                        let status_in = |p: &ImportPreview| {
                            p.decisions
                                .iter()
                                .find(|d| &d.diagnostic_id == id)
                                .map(|d| d.status)
                        };
                        status_in(&preview) == status_in(&fresh)
                    };
                    let kept = chosen.into_iter().filter(|(id, _)| still(id)).collect();
                    stage.set(Stage::Preview(outcomes, fresh, kept));
                    // The button is rebuilt with the preview: the focus goes to the message.
                    focus_soon(PAGE_ERROR_ID.to_string());
                }
                Err(problem) => {
                    error.set(Some(format!("{problem} Rien n'a été enregistré.")));
                    busy.set(false);
                }
            }
        });
    };

    view! {
        <h2>"Fichiers lus"</h2>
        // One announcement for the refused files, however many: the details follow in the list.
        {(rejected > 0).then(|| view! {
            <p role="alert" class="notice notice--error">
                {count_of(rejected, "fichier refusé", "fichiers refusés")}
                " : le détail est ci-dessous. Rien n'en a été importé ; vos données n'ont pas changé."
            </p>
        })}
        <ul class="file-outcomes">{files}</ul>
        {if has_rows {
            view! {
                <h2>"Ce que l'import va faire"</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Ce que l'import va faire">
                <table class="import-preview">
                    <caption>"Éléments trouvés dans les fichiers et leur effet sur cet appareil"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Diagnostic"</th>
                            <th scope="col">"Fichier"</th>
                            <th scope="col">"Effet"</th>
                            <th scope="col">"Votre choix"</th>
                        </tr>
                    </thead>
                    <tbody>{rows} {feedback_rows}</tbody>
                </table>
                </div>
            }
                .into_any()
        } else {
            view! { <p>"Aucun élément à importer."</p> }.into_any()
        }}
        {move || error.get().map(|message| view! { <ErrorNotice message/> })}
        <Show when=move || { writes.get() > 0 }>
            <p>
                <button
                    type="button"
                    class="button button--primary"
                    disabled=move || busy.get() || unresolved.get()
                    aria-describedby=move || unresolved.get().then_some("import-a-choisir")
                    on:click=confirm.clone()
                >
                    "Importer"
                </button>
                <Show when=move || unresolved.get()>
                    <span class="field-help" id="import-a-choisir">" Choisissez que faire de chaque conflit avant d'importer."</span>
                </Show>
            </p>
        </Show>
    }
}

/// "Garder ma version / Prendre la version importée / Garder les deux" for a conflict, or for
/// an older version (a backup the user may want to go back to).
#[component]
fn ImportChoices(
    id: String,
    status: ImportStatus,
    choices: RwSignal<BTreeMap<String, ConflictChoice>>,
) -> impl IntoView {
    let legend = if status == ImportStatus::Older {
        "Plus ancienne que la vôtre : votre version est gardée, sauf si vous choisissez d'y revenir"
    } else {
        "En conflit : les deux versions ont changé"
    };
    let options = [
        (ConflictChoice::KeepMine, "keep-mine"),
        (ConflictChoice::TakeTheirs, "take-theirs"),
        (ConflictChoice::KeepBoth, "keep-both"),
    ];
    let name = format!("conflict-{id}");
    view! {
        <fieldset class="conflict-choice">
            <legend>{legend}</legend>
            {options
                .into_iter()
                .map(|(choice, value)| {
                    let input_id = format!("{name}-{value}");
                    let key = id.clone();
                    let checked_key = id.clone();
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                id=input_id.clone()
                                name=name.clone()
                                value=value
                                prop:checked=move || choices.with(|c| c.get(&checked_key) == Some(&choice))
                                on:change=move |_| choices.update(|c| {
                                    c.insert(key.clone(), choice);
                                })
                            />
                            <label for=input_id>{choice.label_for(status)}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// Why a file is refused: its one problem, or the count and each problem (the field it names).
fn rejection_view(rejection: &BundleRejection) -> AnyView {
    if rejection.problems.len() <= 1 {
        return view! { <p>{rejection.to_string()}</p> }.into_any();
    }
    view! {
        <p>
            {format!(
                "Le fichier « {} » est refusé ({} problèmes) :",
                rejection.file_name,
                rejection.problems.len()
            )}
        </p>
        <ul>
            {rejection.problems.iter().map(|problem| view! { <li>{problem.message()}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
