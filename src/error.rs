//! The app's error: what can go wrong in a use case, shown to the user in French.

use domain::diagnostic::CommuneNameError;
use domain::questionnaire::LoadError;

use crate::storage::StorageError;

/// An error a page shows to the user; its `Display` is the French message.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AppError {
    /// Storage failed (unavailable, full, missing record...).
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The commune name typed at creation was refused.
    #[error(transparent)]
    CommuneName(#[from] CommuneNameError),
    /// A file could not be prepared or read.
    #[error("Problème de fichier : {0}.")]
    File(String),
    /// Data shipped with the app could not be read (a packaging fault).
    #[error(
        "Les données de l'application sont illisibles ({0}). Rechargez la page ; si le problème \
         persiste, signalez-le à la MOT."
    )]
    Packaging(String),
    /// MOT's feedback cannot be saved as written; the French reasons, joined.
    #[error("Le retour n'est pas enregistré : {0}")]
    Feedback(String),
    /// MOT's feedback has no author: said at the author's field.
    #[error("Indiquez l'auteur du retour (nom, fonction) : la commune saura qui lui écrit.")]
    FeedbackWithoutAuthor,
    /// The questionnaire shipped with the app could not be read (a packaging fault).
    #[error(transparent)]
    Questionnaire(#[from] LoadError),
}

impl AppError {
    /// Whether the error means a record does not exist (a stale link, a deleted diagnostic).
    pub fn is_not_found(&self) -> bool {
        matches!(self, AppError::Storage(StorageError::NotFound { .. }))
    }
}
