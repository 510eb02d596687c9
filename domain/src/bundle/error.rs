//! Why a bundle is refused: one typed problem per field, and the French messages a person can act on.

use std::fmt;

use crate::questionnaire::{AnswerError, InseeCodeError, SirenError};

use super::{FORMAT_VERSION, MAX_FILE_BYTES};

/// One thing wrong in a bundle, in French (`Display`); the field it concerns is kept beside it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum BundleError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error(
        "le fichier est trop volumineux ({} Mo) : la limite est de {} Mo par fichier.",
        megabytes(*.size),
        megabytes(MAX_FILE_BYTES)
    )]
    TooLarge {
        /// Size of the file, in bytes.
        size: usize,
    },
    /// The file holds nothing.
    #[error("le fichier est vide.")]
    Empty,
    /// The file's text is not UTF-8 (saved as UTF-16, or in an older encoding by an editor).
    #[error(
        "le fichier n'est pas enregistré en UTF-8 ({encoding}) : exportez-le de nouveau depuis \
         l'application, ou enregistrez-le en UTF-8 dans votre éditeur de texte."
    )]
    NotUtf8 {
        /// What it seems to be, in French.
        encoding: &'static str,
    },
    /// The file is not well-formed JSON.
    #[error("ce n'est pas un fichier JSON valide (ligne {line}, colonne {column}) : {detail}.")]
    Syntax {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// What is wrong, in French.
        detail: String,
    },
    /// Well-formed JSON, but not a bundle of this app (no or another format name).
    #[error(
        "ce fichier n'est pas un export du diagnostic transfrontalier \
         (format attendu : « {} »).",
        super::FORMAT_NAME
    )]
    NotABundle,
    /// A format version newer than this app knows.
    #[error(
        "ce fichier a été créé par une version plus récente de l'application (format {version}, \
         cette application lit jusqu'au format {}) : mettez l'application à jour, puis importez-le \
         de nouveau.",
        FORMAT_VERSION
    )]
    FutureFormat {
        /// The version found.
        version: u64,
    },
    /// A required field is absent.
    #[error("champ obligatoire absent.")]
    MissingField,
    /// A field this format does not define.
    #[error("champ inconnu : il ne fait pas partie du format.")]
    UnknownField,
    /// A value of the wrong JSON type.
    #[error("type incorrect : {found} trouvé, {expected} attendu.")]
    WrongType {
        /// What was found, in French.
        found: String,
        /// What was expected, in French.
        expected: String,
    },
    /// A value outside the allowed list.
    #[error("valeur « {value} » inconnue ; valeurs possibles : {allowed}.")]
    UnknownValue {
        /// The value found.
        value: String,
        /// The allowed values, comma-separated.
        allowed: String,
    },
    /// A value that does not fit, explained in French.
    #[error("valeur incorrecte : {0}.")]
    InvalidValue(String),
    /// The same key twice in one JSON object.
    #[error(
        "la clé « {key} » figure deux fois dans le même objet (ligne {line}, colonne {column})."
    )]
    DuplicateKey {
        /// The repeated key.
        key: String,
        /// Line of the second occurrence.
        line: usize,
        /// Column of the second occurrence.
        column: usize,
    },
    /// A text longer than the format allows.
    #[error("texte trop long ({length} caractères) : la limite est de {max} caractères.")]
    TextTooLong {
        /// Characters found.
        length: usize,
        /// Characters allowed.
        max: usize,
    },
    /// A list or object with more entries than the format allows.
    #[error("trop d'éléments ({count}) : la limite est de {max}.")]
    TooMany {
        /// Entries found.
        count: usize,
        /// Entries allowed.
        max: usize,
    },
    /// Two items with the same id in one bundle.
    #[error("l'identifiant « {id} » figure deux fois dans le fichier (déjà en position {first}).")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Position of the first item with that id, from 1.
        first: usize,
    },
    /// An id that is not a UUID.
    #[error("« {0} » n'est pas un identifiant valide (UUID attendu, ex. 3f2b8c1e-7a4d-4e2b-9c1a-2b3c4d5e6f70).")]
    NotUuid(String),
    /// A revision beyond what any edit could reach (see [`super::MAX_REVISION`]).
    #[error(
        "révision {0} invalide : elle dépasse {max}, ce qu'aucune modification ne peut atteindre.",
        max = super::MAX_REVISION
    )]
    RevisionTooHigh(u32),
    /// A date-time not in RFC 3339 form.
    #[error("« {0} » n'est pas une date valide (format attendu : 2026-03-01T10:00:00Z).")]
    NotTimestamp(String),
    /// An empty text where one is required.
    #[error("ce champ ne doit pas être vide.")]
    EmptyText,
    /// A text no one could have typed in the form's field (too long, control characters).
    #[error("texte impossible à saisir dans le formulaire (trop long ou caractères de contrôle) : ce fichier n'a pas été écrit par l'application.")]
    NotTyped,
    /// The bundle's kind does not match its content.
    #[error("{0}")]
    KindMismatch(&'static str),
    /// A questionnaire this app does not know.
    #[error("questionnaire « {0} » inconnu : ce diagnostic n'a pas été rempli avec le questionnaire de cette application.")]
    UnknownQuestionnaire(String),
    /// A questionnaire version newer than this app's.
    #[error(
        "ce diagnostic a été rempli avec une version plus récente du questionnaire (version \
         {version}, cette application connaît la version {current}) : mettez l'application à jour."
    )]
    FutureQuestionnaire {
        /// Version in the bundle.
        version: u32,
        /// Version of this app.
        current: u32,
    },
    /// An answer to a question the questionnaire does not have.
    #[error("question inconnue « {0} » dans ce questionnaire.")]
    UnknownQuestion(String),
    /// A step (theme) id the questionnaire does not have.
    #[error("thème inconnu « {0} » dans ce questionnaire.")]
    UnknownStep(String),
    /// MOT commented on a step this app's questionnaire does not have (MOT's app is newer?).
    #[error(
        "commentaire sur le thème « {0} », inconnu de cette version de l'application : si la MOT \
         utilise une version plus récente, mettez l'application à jour, puis importez ce retour \
         de nouveau."
    )]
    FeedbackOnUnknownStep(String),
    /// MOT commented on a question this app's questionnaire does not have (MOT's app is newer?).
    #[error(
        "commentaire sur la question « {0} », inconnue de cette version de l'application : si la \
         MOT utilise une version plus récente, mettez l'application à jour, puis importez ce \
         retour de nouveau."
    )]
    FeedbackOnUnknownQuestion(String),
    /// An answer that does not fit its question.
    #[error("réponse à « {label} » incorrecte : {error}")]
    Answer {
        /// Label of the question.
        label: String,
        /// Why the answer does not fit.
        error: AnswerError,
    },
    /// An INSEE code that is not well formed.
    #[error(transparent)]
    Insee(#[from] InseeCodeError),
    /// A SIREN that is not well formed.
    #[error(transparent)]
    Siren(#[from] SirenError),
    /// A summary field that disagrees with the answers it is read from.
    #[error("ne correspond pas à la réponse « {question} » du diagnostic.")]
    Inconsistent {
        /// Id of the question the field is read from.
        question: String,
    },
    /// The digest is not 64 lower-case hexadecimal characters.
    #[error("l'empreinte doit comporter 64 caractères hexadécimaux en minuscules.")]
    MalformedDigest,
    /// The content does not match its digest.
    #[error(
        "fichier endommagé ou modifié : le contenu ne correspond plus à son empreinte de contrôle \
         (SHA-256). Demandez un nouvel export à l'expéditeur."
    )]
    DigestMismatch,
}

/// A size in MiB with one decimal, rounded up: a file just over the limit does not read as
/// the limit itself.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(1_048_576);
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

/// One problem found in a bundle, with the path of the field it concerns.
#[derive(Clone, Debug, PartialEq)]
pub struct BundleProblem {
    /// Path of the field, e.g. `diagnostics[0].answers.mob_desserte`; empty for the whole file.
    pub field_path: String,
    /// What is wrong.
    pub error: BundleError,
}

impl BundleProblem {
    /// A problem on one field.
    pub fn new(field_path: impl Into<String>, error: BundleError) -> Self {
        BundleProblem {
            field_path: field_path.into(),
            error,
        }
    }

    /// The French message, prefixed with the field when there is one.
    pub fn message(&self) -> String {
        if self.field_path.is_empty() {
            self.error.to_string()
        } else {
            format!("champ {} : {}", self.field_path, self.error)
        }
    }
}

impl fmt::Display for BundleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// What kind of refusal this is, for a heading or an icon in the import report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RejectionKind {
    /// Too large, empty, or not JSON at all.
    Unreadable,
    /// JSON, but not a bundle of this app.
    NotABundle,
    /// Written by a newer app (format or questionnaire): update the app.
    NeedsUpdate,
    /// The content does not match its digest.
    Damaged,
    /// A bundle with invalid fields.
    Invalid,
}

impl RejectionKind {
    /// A short French heading.
    pub fn label(self) -> &'static str {
        match self {
            RejectionKind::Unreadable => "Fichier illisible",
            RejectionKind::NotABundle => "Fichier d'un autre type",
            RejectionKind::NeedsUpdate => "Application à mettre à jour",
            RejectionKind::Damaged => "Fichier endommagé",
            RejectionKind::Invalid => "Contenu non valide",
        }
    }
}

/// A refused file: its name and every problem found (nothing from it may be written).
#[derive(Clone, Debug, PartialEq)]
pub struct BundleRejection {
    /// Name of the file, as the user picked it.
    pub file_name: String,
    /// The problems, in file order; never empty.
    pub problems: Vec<BundleProblem>,
}

impl BundleRejection {
    /// A refusal for one problem.
    pub fn single(file_name: &str, problem: BundleProblem) -> Self {
        BundleRejection {
            file_name: file_name.to_string(),
            problems: vec![problem],
        }
    }

    /// The kind of refusal, read from the most telling problem.
    pub fn kind(&self) -> RejectionKind {
        let has = |test: fn(&BundleError) -> bool| self.problems.iter().any(|p| test(&p.error));
        if has(|e| {
            matches!(
                e,
                BundleError::FutureFormat { .. }
                    | BundleError::FutureQuestionnaire { .. }
                    | BundleError::FeedbackOnUnknownStep(_)
                    | BundleError::FeedbackOnUnknownQuestion(_)
            )
        }) {
            RejectionKind::NeedsUpdate
        } else if has(|e| matches!(e, BundleError::NotABundle)) {
            RejectionKind::NotABundle
        } else if has(|e| {
            matches!(
                e,
                BundleError::TooLarge { .. }
                    | BundleError::Empty
                    | BundleError::NotUtf8 { .. }
                    | BundleError::Syntax { .. }
            )
        }) {
            RejectionKind::Unreadable
        } else if has(|e| matches!(e, BundleError::DigestMismatch)) {
            RejectionKind::Damaged
        } else {
            RejectionKind::Invalid
        }
    }

    /// One French line per problem, each naming the file and the field.
    pub fn messages(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|problem| format!("« {} » : {}", self.file_name, problem.message()))
            .collect()
    }
}

impl fmt::Display for BundleRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Le fichier « {} » est refusé", self.file_name)?;
        if let Some(first) = self.problems.first() {
            write!(f, " : {}", first.message())?;
        }
        match self.problems.len() {
            0 | 1 => Ok(()),
            2 => f.write_str(" (et 1 autre problème)"),
            n => write!(f, " (et {} autres problèmes)", n - 1),
        }
    }
}

impl std::error::Error for BundleRejection {}
