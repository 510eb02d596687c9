//! The French words the workspace writes itself: column headers and cell texts of the exports.

/// Header of the commune column.
pub const COMMUNE: &str = "Commune";
/// Header of the INSEE code column.
pub const INSEE_CODE: &str = "Code INSEE";
/// Header of the département column.
pub const DEPARTEMENT: &str = "Département";
/// Header of the neighbouring countries column.
pub const COUNTRIES: &str = "Pays voisins";
/// Header of the Interreg programmes column.
pub const PROGRAMMES: &str = "Programmes Interreg";
/// Header of the completion column.
pub const COMPLETION: &str = "Avancement (%)";
/// Header of the overall score column.
pub const OVERALL_SCORE: &str = "Score global (%)";
/// Header of the revision column.
pub const REVISION: &str = "Révision";
/// Header of the last change column.
pub const UPDATED_AT: &str = "Dernière modification";
/// Header of MOT's status column.
pub const MOT_STATUS: &str = "Statut MOT";
/// Header of the town's own status column (in progress / completed).
pub const DIAGNOSTIC_STATUS: &str = "État du diagnostic";
/// Header of the theme column (good practices).
pub const THEME: &str = "Thème";
/// Header of the title column (good practices).
pub const TITLE: &str = "Titre";
/// Header of the partners column (good practices).
pub const PARTNERS: &str = "Partenaires";
/// Header of the description column (good practices).
pub const DESCRIPTION: &str = "Description";
/// Header of the results column (good practices).
pub const RESULTS: &str = "Résultats";
/// Header of the contact column (good practices).
pub const CONTACT: &str = "Contact";
/// Cell of every question of a theme the town marked "non concerné".
pub const NOT_CONCERNED: &str = "Non concerné";
/// Separator between several names in one cell (countries, programmes).
pub const LIST_SEPARATOR: &str = ", ";
/// Separator between a step title and a question label in a column header.
pub const HEADER_SEPARATOR: &str = " – ";
/// Theme cell of a good practice attached to no theme.
pub const NO_THEME: &str = "Sans thème";
/// Town status "in progress".
pub const IN_PROGRESS: &str = "En cours";
/// Town status "completed".
pub const COMPLETED: &str = "Terminé";

/// Header of the score column of one theme: "Score – Mobilité (%)".
pub fn theme_score_header(theme_title: &str) -> String {
    format!("Score{HEADER_SEPARATOR}{theme_title} (%)")
}

/// Header of the column of one question: "Mobilité – Quelles lignes… ?".
pub fn question_header(step_title: &str, question_label: &str) -> String {
    format!("{step_title}{HEADER_SEPARATOR}{question_label}")
}
