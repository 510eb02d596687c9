//! The bundle as written in JSON (format version 1): header, diagnostic items and MOT feedback items.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::answer::Answer;
use crate::diagnostic::{profile_ids, Diagnostic, DiagnosticStatus};
use crate::project::{GoodPractice, ProjectSheet};

/// Well-known question ids of the closing step, surfaced as explicit fields of a diagnostic item.
pub mod closing_ids {
    /// Trainings the town is interested in (multiple choice).
    pub const TRAINING_INTERESTS: &str = "attentes_formations";
    /// Support the town asks MOT for (multiple choice).
    pub const SUPPORT_REQUESTS: &str = "attentes_appui";
}

/// What a bundle holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BundleKind {
    /// A town's diagnostic(s), sent to MOT ("Exporter pour la MOT").
    Diagnostics,
    /// Everything on the device, private notes included ("Sauvegarde complète").
    Backup,
    /// MOT's feedback on a town's diagnostic(s) ("Retour de la MOT").
    MotFeedback,
}

impl BundleKind {
    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            BundleKind::Diagnostics => "Diagnostic(s) d'un territoire",
            BundleKind::Backup => "Sauvegarde complète",
            BundleKind::MotFeedback => "Retour de la MOT",
        }
    }
}

/// A bundle file, format version 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`super::FORMAT_NAME`].
    pub format: String,
    /// Always [`super::FORMAT_VERSION`] when written by this app.
    pub format_version: u32,
    /// Version of the app that wrote the file.
    pub app_version: String,
    /// When the file was written (RFC 3339, UTC).
    pub exported_at: String,
    /// What the bundle holds.
    pub kind: BundleKind,
    /// The diagnostics (kinds `diagnostics` and `backup`).
    #[serde(default)]
    pub diagnostics: Vec<DiagnosticItem>,
    /// MOT's feedback (kinds `mot_feedback` and `backup`).
    #[serde(default)]
    pub feedback: Vec<FeedbackItem>,
}

/// The territory a diagnostic is about, read from its profile answers (for MOT's tools).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Territory {
    /// Commune name (`profil_commune_nom`).
    pub commune_name: String,
    /// INSEE code (`profil_code_insee`), when given.
    pub insee_code: Option<String>,
    /// SIREN of the intercommunalité (`profil_siren_epci`), when given.
    pub epci_siren: Option<String>,
    /// Département code (`profil_departement`), when given.
    pub departement: Option<String>,
    /// Neighbouring country codes (`profil_pays_voisins`).
    pub neighbour_countries: Vec<String>,
    /// Interreg programme ids (`profil_programmes_interreg`).
    pub interreg_programmes: Vec<String>,
}

impl Territory {
    /// Reads the territory from a diagnostic's answers.
    pub fn of(diagnostic: &Diagnostic) -> Territory {
        Territory {
            commune_name: diagnostic
                .text_answer(profile_ids::COMMUNE_NAME)
                .unwrap_or_default()
                .to_string(),
            insee_code: diagnostic.insee_code().map(str::to_string),
            epci_siren: diagnostic
                .text_answer(profile_ids::EPCI_SIREN)
                .map(str::to_string),
            departement: match diagnostic.answers.get(profile_ids::DEPARTEMENT) {
                Some(Answer::Choice(code)) => Some(code.clone()),
                _ => None,
            },
            neighbour_countries: option_ids(diagnostic, profile_ids::NEIGHBOUR_COUNTRIES),
            interreg_programmes: option_ids(diagnostic, profile_ids::INTERREG_PROGRAMMES),
        }
    }
}

/// The option ids of a choice answer (one for a single choice), empty when absent.
pub fn option_ids(diagnostic: &Diagnostic, question_id: &str) -> Vec<String> {
    match diagnostic.answers.get(question_id) {
        Some(Answer::Choices(ids)) => ids.clone(),
        Some(Answer::Choice(id)) => vec![id.clone()],
        _ => Vec::new(),
    }
}

/// One diagnostic in a bundle, with the summary fields MOT reads and its digest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiagnosticItem {
    /// Stable identifier (UUID).
    pub id: String,
    /// Revision counter, raised by every saved change.
    pub revision: u32,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When it was last changed (RFC 3339).
    pub updated_at: String,
    /// Where it stands.
    pub status: DiagnosticStatus,
    /// Id of the questionnaire the answers were given against.
    pub questionnaire_id: String,
    /// Version of that questionnaire.
    pub questionnaire_version: u32,
    /// The territory, read from the profile answers.
    pub territory: Territory,
    /// Answers by question id.
    pub answers: BTreeMap<String, Answer>,
    /// Themes marked "non concerné".
    pub not_concerned_themes: BTreeSet<String>,
    /// Project sheets.
    pub project_sheets: Vec<ProjectSheet>,
    /// Good practices.
    pub good_practices: Vec<GoodPractice>,
    /// Option ids of the answer to `attentes_formations` (empty when absent).
    pub training_interests: Vec<String>,
    /// Option ids of the answer to `attentes_appui` (empty when absent).
    pub support_requests: Vec<String>,
    /// Private notes by step id: only in a backup, or when the town chose to include them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_notes: Option<BTreeMap<String, String>>,
    /// SHA-256 of the canonical content (see `docs/bundle-format.md`), lower-case hex.
    pub digest: String,
}

impl DiagnosticItem {
    /// The item for a diagnostic, with or without its private notes, digest computed.
    pub fn from_diagnostic(diagnostic: &Diagnostic, include_private_notes: bool) -> Self {
        let mut item = DiagnosticItem {
            id: diagnostic.id.clone(),
            revision: diagnostic.revision,
            created_at: diagnostic.created_at.clone(),
            updated_at: diagnostic.updated_at.clone(),
            status: diagnostic.status,
            questionnaire_id: diagnostic.questionnaire_id.clone(),
            questionnaire_version: diagnostic.questionnaire_version,
            territory: Territory::of(diagnostic),
            answers: diagnostic.answers.clone(),
            not_concerned_themes: diagnostic.not_concerned_themes.clone(),
            project_sheets: diagnostic.project_sheets.clone(),
            good_practices: diagnostic.good_practices.clone(),
            training_interests: option_ids(diagnostic, closing_ids::TRAINING_INTERESTS),
            support_requests: option_ids(diagnostic, closing_ids::SUPPORT_REQUESTS),
            private_notes: include_private_notes.then(|| diagnostic.private_notes.clone()),
            digest: String::new(),
        };
        item.digest = super::canonical::item_digest(&item);
        item
    }

    /// The diagnostic as kept on the device (private notes empty when the item has none).
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic {
            id: self.id.clone(),
            revision: self.revision,
            created_at: self.created_at.clone(),
            updated_at: self.updated_at.clone(),
            questionnaire_id: self.questionnaire_id.clone(),
            questionnaire_version: self.questionnaire_version,
            answers: self.answers.clone(),
            not_concerned_themes: self.not_concerned_themes.clone(),
            private_notes: self.private_notes.clone().unwrap_or_default(),
            status: self.status,
            project_sheets: self.project_sheets.clone(),
            good_practices: self.good_practices.clone(),
        }
    }
}

/// Where MOT stands with a town's diagnostic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MotStatus {
    /// "Reçu": received, not yet reviewed.
    #[default]
    Recu,
    /// "À compléter": MOT asks the town to complete it.
    ACompleter,
    /// "En accompagnement": MOT supports the town.
    EnAccompagnement,
    /// "Clos": closed.
    Clos,
}

impl MotStatus {
    /// Every status, in workflow order.
    pub const ALL: [MotStatus; 4] = [
        MotStatus::Recu,
        MotStatus::ACompleter,
        MotStatus::EnAccompagnement,
        MotStatus::Clos,
    ];

    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            MotStatus::Recu => "Reçu",
            MotStatus::ACompleter => "À compléter",
            MotStatus::EnAccompagnement => "En accompagnement",
            MotStatus::Clos => "Clos",
        }
    }
}

/// MOT's feedback on one diagnostic, as stored beside it (it never touches the answers).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MotFeedback {
    /// Stable identifier of the feedback (UUID).
    pub id: String,
    /// Revision counter, raised by every change MOT saves.
    pub revision: u32,
    /// Id of the diagnostic it is about.
    pub diagnostic_id: String,
    /// Revision of the diagnostic MOT read.
    pub diagnostic_revision: u32,
    /// Commune name, to show the feedback before matching it.
    pub commune_name: String,
    /// INSEE code of the commune, when known.
    pub insee_code: Option<String>,
    /// Where MOT stands with the diagnostic.
    pub status: MotStatus,
    /// Who wrote it (name, role).
    pub author: String,
    /// When it was written (RFC 3339).
    pub written_at: String,
    /// A general comment.
    pub general_comment: String,
    /// Comments by step id (a theme or the profile).
    pub theme_comments: BTreeMap<String, String>,
    /// Comments by question id.
    pub question_comments: BTreeMap<String, String>,
}

/// MOT's feedback in a bundle, with its digest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedbackItem {
    /// The feedback itself.
    pub feedback: MotFeedback,
    /// SHA-256 of the canonical content (the item without `digest`), lower-case hex.
    pub digest: String,
}

impl FeedbackItem {
    /// The item for a feedback, digest computed.
    pub fn from_feedback(feedback: &MotFeedback) -> Self {
        let mut item = FeedbackItem {
            feedback: feedback.clone(),
            digest: String::new(),
        };
        item.digest = super::canonical::feedback_digest(&item);
        item
    }
}
