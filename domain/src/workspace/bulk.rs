//! MOT's bulk import: many town files at once, each with its own outcome (new, updated, already
//! there, conflict, rejected…). Unlike the town's import there is no preview to confirm: what is
//! new or newer is written, a conflict keeps the version already on the device (MOT settles it by
//! importing that file alone), and a refused file never stops the others.

use std::collections::{BTreeMap, BTreeSet};

use crate::bundle::{
    apply_import, plan_import, BundleRejection, ConflictChoice, ImportDecision, ImportStatus,
    IncomingDiagnostic, ValidBundle,
};
use crate::diagnostic::Diagnostic;
use crate::questionnaire::normalize_insee_code;
use crate::report::fr_grouped_number;

/// What the bulk import did with one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileOutcome {
    /// Its diagnostic was not on the device: added.
    New,
    /// It held a later revision: the stored one was replaced.
    Updated,
    /// Already on the device, same content: nothing written.
    Identical,
    /// An earlier revision than the device's: nothing written.
    Older,
    /// Same revision, other content: nothing written, MOT must choose.
    Conflict,
    /// The same diagnostic came in another file of this import: nothing written for this one.
    Repeated,
    /// A valid file with no diagnostic in it (e.g. a feedback of MOT's).
    NoDiagnostic,
    /// Refused by the checks: nothing written.
    Rejected,
}

impl FileOutcome {
    /// Every outcome, in the order the summary lists them.
    pub const ALL: [FileOutcome; 8] = [
        FileOutcome::New,
        FileOutcome::Updated,
        FileOutcome::Identical,
        FileOutcome::Older,
        FileOutcome::Conflict,
        FileOutcome::Repeated,
        FileOutcome::NoDiagnostic,
        FileOutcome::Rejected,
    ];

    /// French label, for the per-file report.
    pub fn label(self) -> &'static str {
        match self {
            FileOutcome::New => "Nouveau",
            FileOutcome::Updated => "Mis à jour",
            FileOutcome::Identical => "Déjà présent",
            FileOutcome::Older => "Version plus ancienne (ignorée)",
            FileOutcome::Conflict => "Conflit (non importé)",
            FileOutcome::Repeated => "En double dans l'import (ignoré)",
            FileOutcome::NoDiagnostic => "Sans diagnostic (ignoré)",
            FileOutcome::Rejected => "Refusé",
        }
    }

    /// Stable code (for the page's `data-outcome` attribute and tests).
    pub fn code(self) -> &'static str {
        match self {
            FileOutcome::New => "new",
            FileOutcome::Updated => "updated",
            FileOutcome::Identical => "identical",
            FileOutcome::Older => "older",
            FileOutcome::Conflict => "conflict",
            FileOutcome::Repeated => "repeated",
            FileOutcome::NoDiagnostic => "no-diagnostic",
            FileOutcome::Rejected => "rejected",
        }
    }

    /// The summary phrase for `count` files, e.g. "3 refusés".
    pub fn counted(self, count: usize) -> String {
        let plural = if count > 1 { "s" } else { "" };
        match self {
            FileOutcome::New => format!("{count} nouveau{}", if count > 1 { "x" } else { "" }),
            FileOutcome::Updated => format!("{count} mis à jour"),
            FileOutcome::Identical => format!("{count} déjà présent{plural}"),
            FileOutcome::Older => format!("{count} plus ancien{plural}"),
            FileOutcome::Conflict => format!("{count} en conflit"),
            FileOutcome::Repeated => format!("{count} en double"),
            FileOutcome::NoDiagnostic => format!("{count} sans diagnostic"),
            FileOutcome::Rejected => format!("{count} refusé{plural}"),
        }
    }

    fn of_status(status: ImportStatus) -> Self {
        match status {
            ImportStatus::New => FileOutcome::New,
            ImportStatus::Newer => FileOutcome::Updated,
            ImportStatus::Identical => FileOutcome::Identical,
            ImportStatus::Older => FileOutcome::Older,
            ImportStatus::Conflict => FileOutcome::Conflict,
            ImportStatus::Repeated => FileOutcome::Repeated,
            // Not imported, and MOT has to choose: a conflict to examine.
            ImportStatus::RepeatedDifferent => FileOutcome::Conflict,
        }
    }

    /// How much the outcome matters to MOT: a file holding several diagnostics shows the most
    /// important of theirs (a conflict first, then what was written).
    fn weight(self) -> u8 {
        match self {
            FileOutcome::Rejected => 7,
            FileOutcome::Conflict => 6,
            FileOutcome::New => 5,
            FileOutcome::Updated => 4,
            FileOutcome::Older => 3,
            FileOutcome::Repeated => 2,
            FileOutcome::Identical => 1,
            FileOutcome::NoDiagnostic => 0,
        }
    }
}

/// One line of the per-file report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// Name of the file, as picked.
    pub file_name: String,
    /// What happened to it.
    pub outcome: FileOutcome,
    /// Communes it held, or the reasons it was refused (French, naming the file and the field).
    pub details: Vec<String>,
    /// What the reading of a valid file has to tell (format or answers migrated, answers to
    /// correct): worth a look even when the file was imported.
    pub notices: Vec<String>,
    /// Diagnostics of the file written to the device (new or newer): a backup holds many.
    pub written: usize,
}

impl FileReport {
    /// The report of a refused file, with every reason.
    pub fn rejected(rejection: &BundleRejection) -> Self {
        FileReport {
            file_name: rejection.file_name.clone(),
            outcome: FileOutcome::Rejected,
            details: rejection.messages(),
            notices: Vec::new(),
            written: 0,
        }
    }

    /// The report of a file that could not be written (storage failure), with the reason.
    pub fn not_written(file_name: &str, reason: &str) -> Self {
        FileReport {
            file_name: file_name.to_string(),
            outcome: FileOutcome::Rejected,
            details: vec![format!("« {file_name} » : non enregistré. {reason}")],
            notices: Vec::new(),
            written: 0,
        }
    }

    /// Whether MOT should look at this file: refused, in conflict, or with notices.
    pub fn to_examine(&self) -> bool {
        matches!(self.outcome, FileOutcome::Rejected | FileOutcome::Conflict)
            || !self.notices.is_empty()
    }
}

/// What to do with a batch of valid files: the report of each and the diagnostics to write (in
/// one transaction).
#[derive(Clone, Debug, PartialEq)]
pub struct BulkPlan {
    /// One report per file, in the given order.
    pub reports: Vec<FileReport>,
    /// The diagnostics to write: new ones and later revisions.
    pub writes: Vec<Diagnostic>,
}

/// Plans a batch of valid files against what the device holds.
///
/// Conflicts keep the device's version: MOT has no preview to choose in, and overwriting a
/// town's diagnostic with another of the same revision would lose one of the two.
pub fn plan_bulk(bundles: &[ValidBundle], existing: &[Diagnostic]) -> BulkPlan {
    let incoming: Vec<IncomingDiagnostic> = bundles
        .iter()
        .flat_map(|bundle| bundle.diagnostics.iter().cloned())
        .collect();
    let decisions = plan_import(&incoming, existing);
    let keep_mine: BTreeMap<String, ConflictChoice> = decisions
        .iter()
        .filter(|d| d.status == ImportStatus::Conflict)
        .map(|d| (d.diagnostic_id.clone(), ConflictChoice::KeepMine))
        .collect();
    // Every conflict has its choice, so nothing is left unresolved; the ids are never needed.
    let writes = apply_import(
        &decisions,
        &incoming,
        existing,
        &keep_mine,
        &mut String::new,
    )
    .unwrap_or_default();
    let by_insee = ids_by_insee_code(existing.iter().chain(&writes));
    let mut decisions = decisions.iter();
    let reports = bundles
        .iter()
        .map(|bundle| {
            let own: Vec<&ImportDecision> =
                decisions.by_ref().take(bundle.diagnostics.len()).collect();
            let mut report = file_report(bundle, &own);
            report
                .notices
                .extend(same_commune_notices(bundle, &own, &by_insee));
            report
        })
        .collect();
    BulkPlan { reports, writes }
}

/// The ids of the diagnostics of each (well-formed) INSEE code.
fn ids_by_insee_code<'a>(
    diagnostics: impl Iterator<Item = &'a Diagnostic>,
) -> BTreeMap<String, BTreeSet<&'a str>> {
    let mut by_code: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for diagnostic in diagnostics {
        if let Some(code) = diagnostic
            .insee_code()
            .and_then(|c| normalize_insee_code(c).ok())
        {
            by_code.entry(code).or_default().insert(&diagnostic.id);
        }
    }
    by_code
}

/// A new diagnostic whose commune already has another one (a town that started again on
/// another computer, say): said, so that MOT compares them rather than counting the town twice.
fn same_commune_notices(
    bundle: &ValidBundle,
    decisions: &[&ImportDecision],
    by_insee: &BTreeMap<String, BTreeSet<&str>>,
) -> Vec<String> {
    (bundle.diagnostics.iter().zip(decisions))
        .filter(|(_, decision)| decision.status == ImportStatus::New)
        .filter_map(|(incoming, decision)| {
            let code = normalize_insee_code(incoming.diagnostic.insee_code()?).ok()?;
            let others = by_insee.get(&code)?.len().saturating_sub(1);
            let who = match others {
                0 => return None,
                1 => "un autre diagnostic porte".to_string(),
                n => format!("{n} autres diagnostics portent"),
            };
            Some(format!(
                "{} : {who} déjà le code INSEE {code} (la commune a peut-être recommencé sur un \
                 autre appareil) ; comparez-les dans le tableau des territoires.",
                decision.commune_name,
            ))
        })
        .collect()
}

/// A file's outcome, a line per diagnostic, and the file's notices (format or answers migrated,
/// answers to correct).
fn file_report(bundle: &ValidBundle, decisions: &[&ImportDecision]) -> FileReport {
    let outcome = decisions
        .iter()
        .map(|d| FileOutcome::of_status(d.status))
        .max_by_key(|outcome| outcome.weight())
        .unwrap_or(FileOutcome::NoDiagnostic);
    let mut details: Vec<String> = decisions
        .iter()
        .map(|d| match d.status {
            ImportStatus::Conflict => format!(
                "{} (révision {}) : la version déjà présente est gardée. Pour choisir, importez ce \
                 fichier seul depuis la page « Importer ».",
                d.commune_name, d.incoming_revision
            ),
            ImportStatus::RepeatedDifferent => format!(
                "{} (révision {}) : un autre fichier de cet import en porte une autre version de \
                 même révision, seule prise en compte. Pour choisir, importez ce fichier seul \
                 depuis la page « Importer ».",
                d.commune_name, d.incoming_revision
            ),
            _ => format!("{} (révision {})", d.commune_name, d.incoming_revision),
        })
        .collect();
    if decisions.is_empty() {
        details.push(
            "Ce fichier ne contient aucun diagnostic (un retour de la MOT s'importe depuis la page \
             « Importer »)."
                .to_string(),
        );
    }
    let written = (decisions.iter())
        .filter(|d| matches!(d.status, ImportStatus::New | ImportStatus::Newer))
        .count();
    FileReport {
        file_name: bundle.file_name.clone(),
        outcome,
        details,
        notices: bundle.notices(),
        written,
    }
}

/// How many files ended in each outcome, and how many diagnostics were written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BulkSummary {
    counts: BTreeMap<FileOutcome, usize>,
    written: usize,
}

impl BulkSummary {
    /// Counts the outcomes of the given reports.
    pub fn of(reports: &[FileReport]) -> Self {
        let mut counts = BTreeMap::new();
        for report in reports {
            *counts.entry(report.outcome).or_insert(0) += 1;
        }
        let written = reports.iter().map(|report| report.written).sum();
        BulkSummary { counts, written }
    }

    /// Files with this outcome.
    pub fn count(&self, outcome: FileOutcome) -> usize {
        self.counts.get(&outcome).copied().unwrap_or(0)
    }

    /// Files counted.
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }

    /// The French sentence, e.g. "50 fichiers traités : 47 nouveaux, 0 mis à jour, 0 déjà
    /// présent, 0 en conflit, 3 refusés ; 47 diagnostics enregistrés." The main outcomes are
    /// always named, the others only when they occur; a file may hold many diagnostics (a
    /// backup), so those written are counted apart.
    pub fn sentence(&self) -> String {
        let always = [
            FileOutcome::New,
            FileOutcome::Updated,
            FileOutcome::Identical,
            FileOutcome::Conflict,
            FileOutcome::Rejected,
        ];
        let parts: Vec<String> = FileOutcome::ALL
            .iter()
            .filter(|o| always.contains(o) || self.count(**o) > 0)
            .map(|o| o.counted(self.count(*o)))
            .collect();
        let total = self.total();
        let files = if total > 1 {
            "fichiers traités"
        } else {
            "fichier traité"
        };
        let written = match self.written {
            0 | 1 => format!("{} diagnostic enregistré", self.written),
            n => format!("{} diagnostics enregistrés", fr_grouped_number(n as f64)),
        };
        format!("{total} {files} : {} ; {written}.", parts.join(", "))
    }
}

#[cfg(test)]
mod tests;
