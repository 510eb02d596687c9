//! Buttons that download a bundle and say which file was written.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::notice::ErrorNotice;
use crate::state::bundles::{export_diagnostic_for_mot, export_full_backup};

/// What to export.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportTarget {
    /// One diagnostic, for MOT; its private notes only when the town ticked to include them.
    ForMot {
        /// Id of the diagnostic.
        id: String,
        /// Whether the private notes go with it (read when the button is pressed).
        include_notes: Signal<bool>,
    },
    /// Everything on this device.
    FullBackup,
}

/// A button that exports, then announces the downloaded file (or the error).
#[component]
pub fn ExportButton(
    /// What the button exports.
    target: ExportTarget,
    /// The button's text.
    #[prop(into)]
    label: String,
    /// Called after a successful export (e.g. to refresh the last backup date).
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let message = RwSignal::new(None::<Result<String, String>>);
    let export = move |_| {
        let target = target.clone();
        spawn_local(async move {
            let result = match &target {
                ExportTarget::ForMot { id, include_notes } => {
                    export_diagnostic_for_mot(id, include_notes.get_untracked())
                        .await
                        .map(|name| vec![name])
                }
                ExportTarget::FullBackup => export_full_backup().await,
            };
            match result {
                Ok(names) => {
                    message.set(Some(Ok(downloaded(&names))));
                    if let Some(on_done) = on_done {
                        on_done.run(());
                    }
                }
                Err(problem) => message.set(Some(Err(problem.to_string()))),
            }
        });
    };
    view! {
        <button type="button" class="button" on:click=export>{label}</button>
        <span class="export-status" role="status">
            {move || match message.get() {
                Some(Ok(text)) => view! { <span>{text}</span> }.into_any(),
                _ => ().into_any(),
            }}
        </span>
        {move || match message.get() {
            Some(Err(text)) => view! { <ErrorNotice message=text/> }.into_any(),
            _ => ().into_any(),
        }}
    }
}

/// "Fichier « … » téléchargé.", or, for a backup in parts, the files to keep together.
fn downloaded(names: &[String]) -> String {
    match names {
        [name] => format!("Fichier « {name} » téléchargé."),
        names => format!(
            "Sauvegarde en {} fichiers, à garder ensemble (ils se restaurent en un seul import) : « {} ».",
            names.len(),
            names.join(" », « ")
        ),
    }
}
