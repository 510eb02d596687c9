//! Errors of the storage layer, with the French message a person can act on.

use indexed_db_futures::error::{DomException, Error as IdbError, OpenDbError};

/// Why a storage operation failed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StorageError {
    /// IndexedDB cannot be used at all (some private windows, disabled storage).
    #[error(
        "Le stockage local de ce navigateur n'est pas disponible ({0}). Vos réponses ne peuvent pas être \
         enregistrées : quittez la navigation privée ou autorisez le stockage des données pour ce site, \
         puis rechargez la page."
    )]
    Unavailable(String),
    /// The database on this device was written by a newer version of the app.
    #[error(
        "Les données de cet appareil ont été enregistrées par une version plus récente de l'application. \
         Rechargez la page pour obtenir la dernière version."
    )]
    NewerSchema,
    /// A newer version of the app, opened in another tab, has taken the database over.
    #[error(
        "Une version plus récente de l'application a été ouverte dans un autre onglet : cet onglet ne \
         peut plus rien enregistrer. Rechargez la page pour continuer avec la nouvelle version."
    )]
    Superseded,
    /// No record with this id exists on this device.
    #[error("Ce diagnostic n'existe pas (ou plus) sur cet appareil.")]
    NotFound {
        /// The id that was looked up.
        id: String,
    },
    /// A record with this id already exists.
    #[error("Un diagnostic portant le même identifiant existe déjà sur cet appareil.")]
    AlreadyExists {
        /// The id that collided.
        id: String,
    },
    /// The device or the browser's quota is full.
    #[error(
        "L'espace de stockage de ce navigateur est plein : la dernière modification n'a pas été enregistrée. \
         Exportez une sauvegarde, libérez de l'espace disque ou supprimez d'anciens diagnostics, puis réessayez."
    )]
    QuotaExceeded,
    /// A stored record could not be read back.
    #[error("Un enregistrement stocké est illisible ({0}). Exportez une sauvegarde et contactez la MOT.")]
    Unreadable(String),
    /// Any other failure of the browser's storage.
    #[error("Le stockage local a rencontré une erreur ({0}). Réessayez ; si cela persiste, rechargez la page.")]
    Other(String),
}

impl From<IdbError> for StorageError {
    fn from(error: IdbError) -> Self {
        match &error {
            IdbError::DomException(DomException::Other(exception))
                if exception.name() == "QuotaExceededError" =>
            {
                StorageError::QuotaExceeded
            }
            // The connection was handed over to a newer version (closed on purpose).
            IdbError::DomException(DomException::InvalidStateError(_))
                if super::connection_state() == super::ConnectionState::Superseded =>
            {
                StorageError::Superseded
            }
            IdbError::DomException(DomException::InvalidStateError(_)) => {
                StorageError::Unavailable(error.to_string())
            }
            IdbError::Serialisation(_) | IdbError::MissingData(_) => {
                StorageError::Unreadable(error.to_string())
            }
            _ => StorageError::Other(error.to_string()),
        }
    }
}

impl From<OpenDbError> for StorageError {
    fn from(error: OpenDbError) -> Self {
        match error {
            OpenDbError::NullFactory | OpenDbError::UnsupportedEnvironment => {
                StorageError::Unavailable(error.to_string())
            }
            OpenDbError::Base(IdbError::DomException(DomException::Other(exception)))
                if exception.name() == "VersionError" =>
            {
                StorageError::NewerSchema
            }
            OpenDbError::Base(IdbError::DomException(exception)) => {
                StorageError::Unavailable(exception.message())
            }
            OpenDbError::Base(base) => StorageError::from(base),
            OpenDbError::VersionZero => StorageError::Other(error.to_string()),
        }
    }
}
