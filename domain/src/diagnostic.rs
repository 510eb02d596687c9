//! A town's diagnostic: its answers and everything the town adds to them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::answer::Answer;
use crate::project::{GoodPractice, ProjectSheet};

/// Well-known question ids of the territory profile that the rest of the app reads.
pub mod profile_ids {
    /// Commune name (text).
    pub const COMMUNE_NAME: &str = "profil_commune_nom";
    /// INSEE commune code (identifier).
    pub const INSEE_CODE: &str = "profil_code_insee";
    /// SIREN of the intercommunalité (identifier).
    pub const EPCI_SIREN: &str = "profil_siren_epci";
    /// Département code (single choice among the départements).
    pub const DEPARTEMENT: &str = "profil_departement";
    /// Neighbouring countries (multiple choice among country codes).
    pub const NEIGHBOUR_COUNTRIES: &str = "profil_pays_voisins";
    /// Interreg programmes (multiple choice among programme ids).
    pub const INTERREG_PROGRAMMES: &str = "profil_programmes_interreg";
}

/// The trimmed text of a text answer, if there is one and it is not blank.
pub(crate) fn text_of(answer: Option<&Answer>) -> Option<&str> {
    match answer {
        Some(Answer::Text(text)) if !text.trim().is_empty() => Some(text.trim()),
        _ => None,
    }
}

/// The commune's name from the profile's answer, or "Commune sans nom" when none was given.
pub(crate) fn commune_name_or_placeholder(answer: Option<&Answer>) -> &str {
    text_of(answer).unwrap_or("Commune sans nom")
}

/// Where a diagnostic stands in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticStatus {
    /// Being filled in.
    #[default]
    InProgress,
    /// "Terminé" was pressed on the review step; it stays editable.
    Completed,
}

/// A diagnostic of one territory, as kept on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable identifier (a UUID), kept across devices and bundles.
    pub id: String,
    /// Counter raised by every saved change; lets an import tell newer from older.
    #[serde(default)]
    pub revision: u32,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last changed (RFC 3339, UTC).
    pub updated_at: String,
    /// Id of the questionnaire the answers were given against.
    pub questionnaire_id: String,
    /// Version of that questionnaire.
    pub questionnaire_version: u32,
    /// Answers by question id. Answers to questions now hidden are kept.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Themes the town marked "non concerné".
    #[serde(default)]
    pub not_concerned_themes: BTreeSet<String>,
    /// Private notes by step id: they stay on the device unless a full backup is made.
    #[serde(default)]
    pub private_notes: BTreeMap<String, String>,
    /// Where the diagnostic stands.
    #[serde(default)]
    pub status: DiagnosticStatus,
    /// Draft cross-border projects ("fiches projet").
    #[serde(default)]
    pub project_sheets: Vec<ProjectSheet>,
    /// Good practices declared for MOT.
    #[serde(default)]
    pub good_practices: Vec<GoodPractice>,
}

impl Diagnostic {
    /// A new, empty diagnostic for a commune, against the given questionnaire.
    pub fn new(
        id: String,
        commune_name: &str,
        now: &str,
        questionnaire_id: &str,
        questionnaire_version: u32,
    ) -> Self {
        let mut answers = BTreeMap::new();
        answers.insert(
            profile_ids::COMMUNE_NAME.to_string(),
            Answer::Text(commune_name.trim().to_string()),
        );
        Diagnostic {
            id,
            revision: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
            questionnaire_id: questionnaire_id.to_string(),
            questionnaire_version,
            answers,
            not_concerned_themes: BTreeSet::new(),
            private_notes: BTreeMap::new(),
            status: DiagnosticStatus::InProgress,
            project_sheets: Vec::new(),
            good_practices: Vec::new(),
        }
    }

    /// The commune's name as given in the profile, or a placeholder.
    pub fn commune_name(&self) -> &str {
        commune_name_or_placeholder(self.answers.get(profile_ids::COMMUNE_NAME))
    }

    /// The INSEE code given in the profile, if any.
    pub fn insee_code(&self) -> Option<&str> {
        self.text_answer(profile_ids::INSEE_CODE)
    }

    /// The text of a text answer, if present and not blank.
    pub fn text_answer(&self, question_id: &str) -> Option<&str> {
        text_of(self.answers.get(question_id))
    }

    /// Records one answer (or clears it with `None`) and marks the change.
    pub fn set_answer(&mut self, question_id: &str, answer: Option<Answer>, now: &str) {
        match answer.filter(|a| !a.is_empty()) {
            Some(answer) => {
                self.answers.insert(question_id.to_string(), answer);
            }
            None => {
                self.answers.remove(question_id);
            }
        }
        self.touch(now);
    }

    /// Marks a change: raises the revision and the modification time.
    pub fn touch(&mut self, now: &str) {
        self.revision = self.revision.saturating_add(1);
        self.updated_at = now.to_string();
    }
}

/// Checks that a commune name typed at creation is usable; returns it trimmed.
pub fn check_commune_name(name: &str) -> Result<String, CommuneNameError> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(CommuneNameError::Empty);
    }
    if trimmed.chars().count() > MAX_COMMUNE_NAME_CHARS {
        return Err(CommuneNameError::TooLong);
    }
    Ok(trimmed.to_string())
}

/// Longest commune name accepted (the longest French commune name has 45 characters).
pub const MAX_COMMUNE_NAME_CHARS: usize = 80;

/// Why a commune name typed at creation was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommuneNameError {
    /// Nothing was typed.
    #[error("Indiquez le nom de la commune.")]
    Empty,
    /// Far longer than any commune name.
    #[error("Le nom de la commune ne doit pas dépasser 80 caractères.")]
    TooLong,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        Diagnostic::new("id-1".into(), "  Givet ", "2026-01-01T00:00:00Z", "q", 1)
    }

    #[test]
    fn new_diagnostic_keeps_the_commune_name_as_a_profile_answer() {
        let diagnostic = sample();
        assert_eq!(diagnostic.commune_name(), "Givet");
        assert_eq!(diagnostic.revision, 1);
    }

    #[test]
    fn setting_an_answer_raises_the_revision_and_time() {
        let mut diagnostic = sample();
        diagnostic.set_answer("q1", Some(Answer::YesNo(true)), "2026-01-02T00:00:00Z");
        assert_eq!(diagnostic.revision, 2);
        assert_eq!(diagnostic.updated_at, "2026-01-02T00:00:00Z");
        assert_eq!(diagnostic.answers.get("q1"), Some(&Answer::YesNo(true)));
    }

    #[test]
    fn an_empty_answer_clears_the_question() {
        let mut diagnostic = sample();
        diagnostic.set_answer("q1", Some(Answer::Text("x".into())), "t");
        diagnostic.set_answer("q1", Some(Answer::Text("   ".into())), "t");
        assert!(!diagnostic.answers.contains_key("q1"));
    }

    #[test]
    fn commune_names_are_checked() {
        assert_eq!(check_commune_name(" Modane "), Ok("Modane".into()));
        assert_eq!(check_commune_name("  "), Err(CommuneNameError::Empty));
        assert_eq!(
            check_commune_name(&"x".repeat(81)),
            Err(CommuneNameError::TooLong)
        );
    }
}
