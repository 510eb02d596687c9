//! The bulk import panel of MOT's workspace: pick or drop many files, watch the progress bar,
//! then read the summary and the report of each file.

use domain::workspace::{BulkSummary, FileOutcome, FileReport};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::components::file_drop_zone::FileDropZone;
use crate::components::form_fields::focus_soon;
use crate::components::notice::ErrorNotice;
use crate::state::workspace::{import_many, WorkspaceData};

/// Where the bulk import stands.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Waiting,
    Running {
        done: usize,
        total: usize,
    },
    Finished {
        reports: Vec<FileReport>,
        stopped: Option<String>,
    },
}

/// Id of the import's progress message.
const PROGRESS_ID: &str = "mot-import-etat";
/// Id of the import's summary.
const SUMMARY_ID: &str = "mot-import-resume";

/// Files in, progress, per-file report; `on_done` receives the workspace after the import.
#[component]
pub fn BulkImportPanel(
    on_done: impl Fn(WorkspaceData) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let stage = RwSignal::new(Stage::Waiting);
    let error = RwSignal::new(None::<String>);
    let running = move || matches!(stage.get(), Stage::Running { .. });

    let take_files = move |files: Vec<web_sys::File>| {
        error.set(None);
        stage.set(Stage::Running {
            done: 0,
            total: files.len(),
        });
        // The file input is disabled while the import runs, which drops the focus: it goes to
        // the progress, then to the summary.
        focus_soon(PROGRESS_ID.to_string());
        spawn_local(async move {
            let progress = move |done, total| stage.set(Stage::Running { done, total });
            match import_many(files, progress).await {
                Ok(result) => {
                    on_done(result.workspace);
                    stage.set(Stage::Finished {
                        reports: result.reports,
                        stopped: result.stopped,
                    });
                    focus_soon(SUMMARY_ID.to_string());
                }
                Err(problem) => {
                    error.set(Some(problem.to_string()));
                    stage.set(Stage::Waiting);
                }
            }
        });
    };

    view! {
        <section aria-labelledby="mot-import" class="mot-section no-print">
            <h2 id="mot-import">"Importer des diagnostics"</h2>
            <FileDropZone
                id="mot-import-files"
                label="Choisir des fichiers de diagnostic (.json)"
                help="Ou déposez-les ici, autant que vous voulez. Chaque fichier est vérifié : les \
                      diagnostics nouveaux ou plus récents sont enregistrés, un fichier refusé \
                      n'empêche pas les autres."
                test_id="mot-drop-zone"
                disabled=Signal::derive(running)
                on_files=Callback::new(take_files)
            />
            {move || error.get().map(|message| view! { <ErrorNotice message/> })}
            {move || match stage.get() {
                Stage::Waiting => ().into_any(),
                Stage::Running { done, total } => view! {
                    <div class="bulk-progress">
                        <label for="mot-import-progress">"Import en cours"</label>
                        <progress
                            id="mot-import-progress"
                            data-testid="mot-import-progress"
                            max=total
                            value=done
                        ></progress>
                        <p role="status" id=PROGRESS_ID tabindex="-1">{format!("Fichiers traités : {done} sur {total}")}</p>
                    </div>
                }
                .into_any(),
                Stage::Finished { reports, stopped } => view! { <BulkReport reports stopped/> }.into_any(),
            }}
        </section>
    }
}

/// The summary, the files that need attention (refused, in conflict) with their reasons, and
/// the table of every file, built only when opened (a thousand rows cost time to render).
#[component]
fn BulkReport(reports: Vec<FileReport>, stopped: Option<String>) -> impl IntoView {
    let summary = BulkSummary::of(&reports);
    let count = |outcome| summary.count(outcome).to_string();
    let problems: Vec<FileReport> = reports
        .iter()
        .filter(|report| report.to_examine())
        .cloned()
        .collect();
    let total = reports.len();
    let reports = StoredValue::new(reports);
    let opened = RwSignal::new(false);
    let on_toggle = move |event: leptos::ev::Event| {
        let open = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|details| details.has_attribute("open"));
        if open {
            opened.set(true);
        }
    };
    view! {
        <p
            role="status"
            id=SUMMARY_ID
            tabindex="-1"
            class="bulk-summary"
            data-testid="mot-import-summary"
            data-new=count(FileOutcome::New)
            data-updated=count(FileOutcome::Updated)
            data-identical=count(FileOutcome::Identical)
            data-conflict=count(FileOutcome::Conflict)
            data-rejected=count(FileOutcome::Rejected)
        >
            "Import terminé. " {summary.sentence()}
        </p>
        {stopped.map(|message| view! { <ErrorNotice message/> })}
        {(!problems.is_empty()).then(|| view! {
            <h3>"Fichiers à examiner"</h3>
            <ul class="bulk-problems" data-testid="mot-import-problems">
                {problems
                    .into_iter()
                    .map(|report| view! {
                        <li data-outcome=report.outcome.code()>
                            <strong>{report.file_name}</strong>" : " {report.outcome.label()}
                            <ul>
                                {report.details.into_iter().chain(report.notices).map(|d| view! { <li>{d}</li> }).collect_view()}
                            </ul>
                        </li>
                    })
                    .collect_view()}
            </ul>
        })}
        <details class="bulk-details" on:toggle=on_toggle>
            <summary>{format!("Détail par fichier ({total})")}</summary>
            {move || opened.get().then(|| view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label="Résultat de l'import, fichier par fichier">
                    <table class="data-table" data-testid="mot-import-report">
                        <caption>"Résultat de l'import, fichier par fichier"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Fichier"</th>
                                <th scope="col">"Résultat"</th>
                                <th scope="col">"Détail"</th>
                            </tr>
                        </thead>
                        <tbody>{reports.with_value(|reports| report_rows(reports))}</tbody>
                    </table>
                </div>
            })}
        </details>
    }
}

fn report_rows(reports: &[FileReport]) -> impl IntoView {
    reports
        .iter()
        .map(|report| {
            let outcome = report.outcome;
            view! {
                <tr data-outcome=outcome.code()>
                    <td>{report.file_name.clone()}</td>
                    <td>{outcome.label()}</td>
                    <td>
                        <ul class="plain-list">
                            {report.details.iter().chain(&report.notices).map(|d| view! { <li>{d.clone()}</li> }).collect_view()}
                        </ul>
                    </td>
                </tr>
            }
        })
        .collect_view()
}
