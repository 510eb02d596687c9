//! The "Stockage" panel: is storage persistent, how much is used, when was the last backup;
//! and the reminder to export one when changes were not backed up for a week.

use domain::backup::backup_reminder_due;
use domain::diagnostic_list::DiagnosticHeading;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::export_button::{ExportButton, ExportTarget};
use crate::components::form_fields::focus_soon;
use crate::platform::format_datetime_fr;
use crate::pwa::{storage_report, StorageReport};
use crate::state::bundles::last_backup_at;

/// What the panel shows.
#[derive(Clone, Debug, PartialEq)]
struct StorageFacts {
    report: StorageReport,
    last_backup: Option<String>,
    reminder_due: bool,
}

/// Id of the message saying the reminder's backup was exported (it takes the focus).
const BACKUP_STATUS_ID: &str = "sauvegarde-statut";

fn millis(iso: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(iso);
    (!ms.is_nan()).then_some(ms)
}

/// Formats a byte count in French units ("1,2 Mo").
fn format_bytes(bytes: f64) -> String {
    let (value, unit) = if bytes >= 1e9 {
        (bytes / 1e9, "Go")
    } else if bytes >= 1e6 {
        (bytes / 1e6, "Mo")
    } else {
        (bytes / 1e3, "ko")
    };
    format!("{value:.1} {unit}").replace('.', ",")
}

/// The storage panel of the home page, given the diagnostics on this device.
#[component]
pub fn StoragePanel(
    /// The diagnostics on this device (for the backup reminder).
    #[prop(into)]
    diagnostics: Signal<Vec<DiagnosticHeading>>,
) -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    let facts = LocalResource::new(move || {
        refresh.track();
        let changes: Vec<f64> = diagnostics
            .get()
            .iter()
            .filter_map(|d| millis(&d.updated_at))
            .collect();
        async move {
            let report = storage_report().await;
            let last_backup = last_backup_at().await.ok().flatten();
            let latest = changes.iter().copied().reduce(f64::max);
            let oldest = changes.iter().copied().reduce(f64::min);
            let reminder_due = backup_reminder_due(
                last_backup.as_deref().and_then(millis),
                latest,
                oldest,
                js_sys::Date::now(),
            );
            StorageFacts {
                report,
                last_backup,
                reminder_due,
            }
        }
    });
    let on_done = Callback::new(move |_| refresh.update(|n| *n += 1));
    // The reminder goes once a backup is exported, and its button and message with it: the
    // panel says it, and takes the focus the button had.
    let reminder_answered = RwSignal::new(false);
    let on_reminder_done = Callback::new(move |_| {
        reminder_answered.set(true);
        refresh.update(|n| *n += 1);
        focus_soon(BACKUP_STATUS_ID.to_string());
    });

    view! {
        <section class="storage-panel" aria-labelledby="storage-title">
            <h2 id="storage-title">"Stockage et sauvegarde"</h2>
            <p role="status" id=BACKUP_STATUS_ID tabindex="-1" class="status-message">
                {move || reminder_answered.get().then_some(
                    "Sauvegarde exportée : le fichier est dans vos téléchargements. Gardez-le en lieu \
                     sûr (dossier partagé de la mairie, clé USB)."
                )}
            </p>
            {move || facts.get().map(|facts| {
                let persisted = match facts.report.persisted {
                    Some(true) => "Oui : le navigateur ne l'effacera pas pour faire de la place.",
                    Some(false) => "Non : en cas de manque d'espace, le navigateur pourrait l'effacer. Exportez des sauvegardes.",
                    None => "Inconnu (ce navigateur ne le dit pas).",
                };
                let usage = match (facts.report.usage, facts.report.quota) {
                    (Some(usage), Some(quota)) => format!("{} utilisés sur {} disponibles", format_bytes(usage), format_bytes(quota)),
                    _ => "Inconnu".to_string(),
                };
                let last = facts
                    .last_backup
                    .as_deref()
                    .map(format_datetime_fr)
                    .unwrap_or_else(|| "Jamais".to_string());
                view! {
                    {facts.reminder_due.then(|| view! {
                        <div class="notice" role="status" data-testid="backup-reminder">
                            <p>
                                <strong>"Pensez à faire une sauvegarde."</strong>
                                " Des réponses ont changé et aucune sauvegarde n'a été exportée depuis plus de "
                                "7 jours. Vos données n'existent que dans ce navigateur."
                            </p>
                            <ExportButton target=ExportTarget::FullBackup label="Exporter une sauvegarde maintenant" on_done=on_reminder_done/>
                        </div>
                    })}
                    <dl class="facts">
                        <dt>"Stockage persistant"</dt>
                        <dd data-testid="storage-persisted">{persisted}</dd>
                        <dt>"Espace"</dt>
                        <dd>{usage}</dd>
                        <dt>"Dernière sauvegarde"</dt>
                        <dd data-testid="last-backup">{last}</dd>
                    </dl>
                }
            })}
            <p>
                <ExportButton target=ExportTarget::FullBackup label="Exporter une sauvegarde complète" on_done/>
            </p>
            <p>
                <A href="/importer">"Importer des fichiers"</A>
                " (restaurer une sauvegarde, ajouter un diagnostic, lire un retour de la MOT)"
            </p>
        </section>
    }
}
