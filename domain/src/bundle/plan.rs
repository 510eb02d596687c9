//! Import planning: what each incoming item would do to the device (new, identical, newer, older,
//! conflict), the user's choices on conflicts, and the records to write in one transaction.

use std::collections::BTreeMap;

use crate::answer::Answer;
use crate::diagnostic::{profile_ids, Diagnostic, MAX_COMMUNE_NAME_CHARS};

use super::answers_migration::{append_unmapped_note, UNMAPPED_NOTE_KEY};
use super::canonical::{diagnostic_digest, feedback_digest};
use super::format::{FeedbackItem, MotFeedback};
use super::parse::IncomingDiagnostic;
use super::shapes::compare_timestamps;

/// What importing one item would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStatus {
    /// Not on the device: it will be added.
    New,
    /// Already on the device with the same content: skipped.
    Identical,
    /// A later revision of one on the device: it will replace it.
    Newer,
    /// An earlier revision of one on the device: the device keeps its own, unless the user
    /// chooses to go back to this one (a backup restored on purpose) or to keep both.
    Older,
    /// Same id and revision, different content: the user chooses.
    Conflict,
    /// The same item appears again, in this or another file of the import: the later revision
    /// (or the first seen) is planned, this one is skipped.
    Repeated,
    /// Another version of an item planned from another file of the import, with the same
    /// revision and other content: skipped, and said, since one of the two is not imported.
    /// (A choice needs it imported alone: then it is a [`ImportStatus::Conflict`] or newer.)
    RepeatedDifferent,
}

impl ImportStatus {
    /// French label for the preview.
    pub fn label(self) -> &'static str {
        match self {
            ImportStatus::New => "Nouveau",
            ImportStatus::Identical => "Déjà présent (ignoré)",
            ImportStatus::Newer => "Version plus récente",
            ImportStatus::Older => "Version plus ancienne que celle de cet appareil",
            ImportStatus::Conflict => "Conflit : à arbitrer",
            ImportStatus::Repeated => "En double dans l'import (ignoré)",
            ImportStatus::RepeatedDifferent => {
                "Autre version de même révision dans l'import (ignorée) : importez ce fichier \
                 seul pour choisir"
            }
        }
    }

    /// Whether the user may choose what to do with this item: a conflict must be decided; an
    /// older version may be restored over the device's or kept beside it.
    pub fn offers_choice(self) -> bool {
        matches!(self, ImportStatus::Conflict | ImportStatus::Older)
    }

    /// Whether importing this item writes a record, given the user's choice, if any.
    pub fn writes(self, choice: Option<ConflictChoice>) -> bool {
        match self {
            ImportStatus::New | ImportStatus::Newer => true,
            ImportStatus::Conflict => choice != Some(ConflictChoice::KeepMine),
            ImportStatus::Older => matches!(
                choice,
                Some(ConflictChoice::TakeTheirs | ConflictChoice::KeepBoth)
            ),
            ImportStatus::Identical | ImportStatus::Repeated | ImportStatus::RepeatedDifferent => {
                false
            }
        }
    }
}

/// The planned outcome for one incoming diagnostic.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportDecision {
    /// Position in the `incoming` list given to [`plan_import`].
    pub incoming_index: usize,
    /// Id of the diagnostic.
    pub diagnostic_id: String,
    /// Commune name, for the preview.
    pub commune_name: String,
    /// File it came from.
    pub source_file: String,
    /// What importing it would do.
    pub status: ImportStatus,
    /// Its revision.
    pub incoming_revision: u32,
    /// Revision of the one on the device, if any.
    pub existing_revision: Option<u32>,
}

/// The user's choice for a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// "Garder la mienne": the device's diagnostic stays as it is.
    KeepMine,
    /// "Prendre la leur": the incoming one replaces it.
    TakeTheirs,
    /// "Garder les deux": the incoming one is added as a copy with a new id.
    KeepBoth,
}

impl ConflictChoice {
    /// French label of the choice.
    pub fn label(self) -> &'static str {
        match self {
            ConflictChoice::KeepMine => "Garder ma version",
            ConflictChoice::TakeTheirs => "Prendre la version importée",
            ConflictChoice::KeepBoth => "Garder les deux",
        }
    }

    /// French label of the choice for an item of this status: for an older version, going
    /// back to it is said to replace the device's later one.
    pub fn label_for(self, status: ImportStatus) -> &'static str {
        match (status, self) {
            (ImportStatus::Older, ConflictChoice::KeepMine) => "Garder ma version, plus récente",
            (ImportStatus::Older, ConflictChoice::TakeTheirs) => {
                "Revenir à la version du fichier (elle remplace la mienne)"
            }
            (ImportStatus::Older, ConflictChoice::KeepBoth) => {
                "Garder les deux (celle du fichier comme copie)"
            }
            _ => self.label(),
        }
    }
}

/// Suffix added to the commune name of a copy kept by [`ConflictChoice::KeepBoth`].
pub const COPY_SUFFIX: &str = " (copie importée)";

/// A conflict left without a choice: nothing may be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "Choisissez que faire du diagnostic de {commune_name} : garder votre version, prendre la \
     version importée ou garder les deux."
)]
pub struct UnresolvedConflict {
    /// Id of the diagnostic in conflict.
    pub diagnostic_id: String,
    /// Its commune name.
    pub commune_name: String,
}

fn is_same(incoming: &IncomingDiagnostic, existing: &Diagnostic) -> bool {
    diagnostic_digest(&incoming.diagnostic) == diagnostic_digest(existing)
        && (!incoming.private_notes_included
            || incoming.diagnostic.private_notes == existing.private_notes)
}

/// Plans the import of diagnostics (from one or many files) against those on the device.
pub fn plan_import(
    incoming: &[IncomingDiagnostic],
    existing: &[Diagnostic],
) -> Vec<ImportDecision> {
    let on_device: BTreeMap<&str, &Diagnostic> =
        existing.iter().map(|d| (d.id.as_str(), d)).collect();
    // For an id seen several times, the highest revision wins; the first one among equals.
    let mut chosen: BTreeMap<&str, usize> = BTreeMap::new();
    for (position, item) in incoming.iter().enumerate() {
        let id = item.diagnostic.id.as_str();
        let better = chosen
            .get(id)
            .is_none_or(|&kept| item.diagnostic.revision > incoming[kept].diagnostic.revision);
        if better {
            chosen.insert(id, position);
        }
    }
    incoming
        .iter()
        .enumerate()
        .map(|(position, item)| {
            let diagnostic = &item.diagnostic;
            let existing = on_device.get(diagnostic.id.as_str()).copied();
            // Another item of the import planned for this id, if this one is not it.
            let kept = (chosen.get(diagnostic.id.as_str()))
                .filter(|&&kept| kept != position)
                .map(|&kept| &incoming[kept]);
            let status = if let Some(kept) = kept {
                let differs = kept.diagnostic.revision == diagnostic.revision
                    && diagnostic_digest(&kept.diagnostic) != diagnostic_digest(diagnostic);
                if differs {
                    ImportStatus::RepeatedDifferent
                } else {
                    ImportStatus::Repeated
                }
            } else {
                match existing {
                    None => ImportStatus::New,
                    Some(mine) if is_same(item, mine) => ImportStatus::Identical,
                    Some(mine) if diagnostic.revision > mine.revision => ImportStatus::Newer,
                    Some(mine) if diagnostic.revision < mine.revision => ImportStatus::Older,
                    Some(_) => ImportStatus::Conflict,
                }
            };
            ImportDecision {
                incoming_index: position,
                diagnostic_id: diagnostic.id.clone(),
                commune_name: diagnostic.commune_name().to_string(),
                source_file: item.source_file.clone(),
                status,
                incoming_revision: diagnostic.revision,
                existing_revision: existing.map(|d| d.revision),
            }
        })
        .collect()
}

/// The diagnostics to write, in one transaction, once every conflict has a choice.
///
/// `choices` is keyed by diagnostic id; `new_id` gives the id of each copy kept by
/// [`ConflictChoice::KeepBoth`]. An incoming diagnostic without its private notes keeps the
/// device's notes when it replaces one. An older version restored over the device's takes the
/// revision after the device's: it is now the latest, for this device's tabs and for the
/// next exchange with MOT (which holds the later revision it replaces).
pub fn apply_import(
    decisions: &[ImportDecision],
    incoming: &[IncomingDiagnostic],
    existing: &[Diagnostic],
    choices: &BTreeMap<String, ConflictChoice>,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Vec<Diagnostic>, UnresolvedConflict> {
    let on_device: BTreeMap<&str, &Diagnostic> =
        existing.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut writes = Vec::new();
    for decision in decisions {
        let Some(item) = incoming.get(decision.incoming_index) else {
            continue;
        };
        let mine = on_device.get(decision.diagnostic_id.as_str()).copied();
        let replacement = || with_notes_kept(item, mine);
        let choice = choices.get(&decision.diagnostic_id);
        match decision.status {
            ImportStatus::New => writes.push(item.diagnostic.clone()),
            ImportStatus::Newer => writes.push(replacement()),
            ImportStatus::Identical | ImportStatus::Repeated | ImportStatus::RepeatedDifferent => {}
            ImportStatus::Older => match choice {
                None | Some(ConflictChoice::KeepMine) => {}
                Some(ConflictChoice::TakeTheirs) => {
                    let mut restored = replacement();
                    restored.revision =
                        mine.map_or(restored.revision, |m| m.revision.saturating_add(1));
                    writes.push(restored);
                }
                Some(ConflictChoice::KeepBoth) => writes.push(copy_of(&item.diagnostic, new_id())),
            },
            ImportStatus::Conflict => match choice {
                None => {
                    return Err(UnresolvedConflict {
                        diagnostic_id: decision.diagnostic_id.clone(),
                        commune_name: decision.commune_name.clone(),
                    })
                }
                Some(ConflictChoice::KeepMine) => {}
                Some(ConflictChoice::TakeTheirs) => writes.push(replacement()),
                Some(ConflictChoice::KeepBoth) => writes.push(copy_of(&item.diagnostic, new_id())),
            },
        }
    }
    Ok(writes)
}

fn with_notes_kept(item: &IncomingDiagnostic, mine: Option<&Diagnostic>) -> Diagnostic {
    let mut diagnostic = item.diagnostic.clone();
    if let Some(mine) = mine.filter(|_| !item.private_notes_included) {
        // The answers an older questionnaire's file held and this one has no place for were
        // put in a note while reading the file: keep it beside the device's own notes.
        let carried = diagnostic.private_notes.remove(UNMAPPED_NOTE_KEY);
        diagnostic.private_notes = mine.private_notes.clone();
        if let Some(note) = carried {
            append_unmapped_note(&mut diagnostic.private_notes, &note);
        }
    }
    diagnostic
}

/// A copy of an incoming diagnostic under a new id, its commune name marked as a copy.
pub fn copy_of(diagnostic: &Diagnostic, id: String) -> Diagnostic {
    let mut copy = diagnostic.clone();
    copy.id = id;
    let room = MAX_COMMUNE_NAME_CHARS - COPY_SUFFIX.chars().count();
    let base: String = diagnostic.commune_name().chars().take(room).collect();
    copy.answers.insert(
        profile_ids::COMMUNE_NAME.to_string(),
        Answer::Text(format!("{}{COPY_SUFFIX}", base.trim_end())),
    );
    copy
}

/// What importing one feedback would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackStatus {
    /// Not on the device: it will be stored beside its diagnostic.
    New,
    /// Already on the device: skipped.
    Identical,
    /// A later or equal revision with other content: MOT wrote it, it replaces the stored one.
    Updated,
    /// An earlier revision: skipped.
    Older,
    /// Another feedback on the same diagnostic in this import is later: skipped.
    Superseded,
    /// About a diagnostic this device does not have: skipped.
    UnknownDiagnostic,
}

impl FeedbackStatus {
    /// French label for the preview.
    pub fn label(self) -> &'static str {
        match self {
            FeedbackStatus::New => "Nouveau retour",
            FeedbackStatus::Identical => "Retour déjà présent (ignoré)",
            FeedbackStatus::Updated => "Retour mis à jour",
            FeedbackStatus::Older => "Retour plus ancien (ignoré)",
            FeedbackStatus::Superseded => {
                "Retour remplacé par un plus récent de cet import (ignoré)"
            }
            FeedbackStatus::UnknownDiagnostic => "Diagnostic absent de cet appareil (ignoré)",
        }
    }

    /// Whether the feedback is written.
    pub fn writes(self) -> bool {
        matches!(self, FeedbackStatus::New | FeedbackStatus::Updated)
    }
}

/// Plans the import of MOT's feedback: one status per incoming feedback, in order.
///
/// A device keeps one feedback per diagnostic (the latest), so feedback is matched by its
/// diagnostic: among several for one diagnostic in the same import, only the latest is
/// written (see [`is_later`]), and it replaces the stored one only when it is not earlier.
pub fn plan_feedback_import(
    incoming: &[MotFeedback],
    existing: &[MotFeedback],
    diagnostic_ids: &[&str],
) -> Vec<FeedbackStatus> {
    let digest = |feedback: &MotFeedback| feedback_digest(&FeedbackItem::from_feedback(feedback));
    // For each diagnostic, the position of the latest incoming feedback; the first among equals.
    let mut chosen: BTreeMap<&str, usize> = BTreeMap::new();
    for (position, feedback) in incoming.iter().enumerate() {
        let key = feedback.diagnostic_id.as_str();
        if chosen
            .get(key)
            .is_none_or(|&kept| is_later(feedback, &incoming[kept]))
        {
            chosen.insert(key, position);
        }
    }
    incoming
        .iter()
        .enumerate()
        .map(|(position, feedback)| {
            let key = feedback.diagnostic_id.as_str();
            let stored = existing.iter().find(|f| f.diagnostic_id == key);
            match stored {
                _ if !diagnostic_ids.contains(&key) => FeedbackStatus::UnknownDiagnostic,
                _ if chosen.get(key) != Some(&position) => FeedbackStatus::Superseded,
                None => FeedbackStatus::New,
                Some(stored) if digest(stored) == digest(feedback) => FeedbackStatus::Identical,
                Some(stored) if is_later(stored, feedback) => FeedbackStatus::Older,
                Some(_) => FeedbackStatus::Updated,
            }
        })
        .collect()
}

/// Whether feedback `a` was written after `b`: by its revision when both are the same feedback
/// (revisions count MOT's saves of it), by its date when they are not (two MOT devices, or a
/// feedback written anew). Dates are compared as the moments they name: a file may write them
/// with another offset than the app's UTC.
fn is_later(a: &MotFeedback, b: &MotFeedback) -> bool {
    if a.id == b.id {
        a.revision > b.revision
    } else {
        compare_timestamps(&a.written_at, &b.written_at).is_gt()
    }
}
