//! The compilation of the good practices the towns declared, by border and theme: the
//! publication MOT prints (A4) from its workspace, with each town's name and contact as declared.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::project::GoodPractice;
use crate::questionnaire::Questionnaire;

use super::rows::TerritoryRow;
use super::text::LIST_SEPARATOR;

/// Heading of the part for towns whose border is not known.
pub const UNKNOWN_BORDER: &str = "Frontière non précisée";
/// Heading of the practices filed under no theme.
pub const NO_THEME: &str = "Autres thèmes";

/// One good practice with the town that declared it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledPractice {
    /// Id of the diagnostic it comes from.
    pub diagnostic_id: String,
    /// The town.
    pub commune: String,
    /// Its département, in words (« Ardennes (08) »), when known.
    pub departement: Option<String>,
    /// The practice as declared.
    pub practice: GoodPractice,
}

/// The practices of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemePractices {
    /// Theme id (`None`: filed under no theme).
    pub theme_id: Option<String>,
    /// Theme title, or [`NO_THEME`].
    pub title: String,
    /// The practices, by town then title.
    pub practices: Vec<CompiledPractice>,
}

/// The practices of one border.
#[derive(Clone, Debug, PartialEq)]
pub struct BorderPractices {
    /// The border in words (« Belgique », « Allemagne, Suisse »), or [`UNKNOWN_BORDER`].
    pub border: String,
    /// Its themes, in questionnaire order, then [`NO_THEME`].
    pub themes: Vec<ThemePractices>,
}

/// Which practices to compile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompilationFilter {
    /// Only this border (as in [`BorderPractices::border`]).
    pub border: Option<String>,
    /// Only this theme id.
    pub theme_id: Option<String>,
}

/// The borders that have practices, for the filter, in the compilation's order.
pub fn practice_borders(rows: &[TerritoryRow], diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut borders: Vec<String> = rows
        .iter()
        .zip(diagnostics)
        .filter(|(_, d)| d.good_practices.iter().any(|p| !p.title.trim().is_empty()))
        .map(|(row, _)| border_of(row))
        .collect();
    borders.sort_by(|a, b| border_order(a).cmp(&border_order(b)).then(a.cmp(b)));
    borders.dedup();
    borders
}

fn border_of(row: &TerritoryRow) -> String {
    if row.countries.is_empty() {
        UNKNOWN_BORDER.to_string()
    } else {
        row.countries.join(LIST_SEPARATOR)
    }
}

/// Known borders in alphabetical order, the unknown one last.
fn border_order(border: &str) -> bool {
    border == UNKNOWN_BORDER
}

/// The compilation: by border, then theme (questionnaire order), then town and title. `rows`
/// and `diagnostics` are in the same order (one row per diagnostic); practices without a title
/// (a sheet just opened) are left out.
pub fn compile_good_practices(
    questionnaire: &Questionnaire,
    rows: &[TerritoryRow],
    diagnostics: &[Diagnostic],
    filter: &CompilationFilter,
) -> Vec<BorderPractices> {
    let theme_order: HashMap<&str, usize> = questionnaire
        .theme_steps()
        .enumerate()
        .map(|(i, step)| (step.id.as_str(), i))
        .collect();
    let theme_rank = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| theme_order.get(id).copied())
            .unwrap_or(usize::MAX)
    };
    let mut compiled: Vec<(String, CompiledPractice)> = Vec::new();
    for (row, diagnostic) in rows.iter().zip(diagnostics) {
        let border = border_of(row);
        if filter.border.as_ref().is_some_and(|b| b != &border) {
            continue;
        }
        for practice in &diagnostic.good_practices {
            if practice.title.trim().is_empty()
                || filter
                    .theme_id
                    .as_ref()
                    .is_some_and(|t| practice.theme_id.as_ref() != Some(t))
            {
                continue;
            }
            compiled.push((
                border.clone(),
                CompiledPractice {
                    diagnostic_id: diagnostic.id.clone(),
                    commune: row.commune.clone(),
                    departement: row
                        .departement_name
                        .as_ref()
                        .zip(row.departement_code.as_ref())
                        .map(|(name, code)| format!("{name} ({code})")),
                    practice: practice.clone(),
                },
            ));
        }
    }
    compiled.sort_by(|(border_a, a), (border_b, b)| {
        (border_order(border_a), border_a)
            .cmp(&(border_order(border_b), border_b))
            .then(theme_rank(&a.practice.theme_id).cmp(&theme_rank(&b.practice.theme_id)))
            .then(a.commune.cmp(&b.commune))
            .then(a.practice.title.cmp(&b.practice.title))
    });
    let mut borders: Vec<BorderPractices> = Vec::new();
    for (border, entry) in compiled {
        if borders.last().is_none_or(|b| b.border != border) {
            borders.push(BorderPractices {
                border,
                themes: Vec::new(),
            });
        }
        let Some(current) = borders.last_mut() else {
            continue;
        };
        let theme_id = entry
            .practice
            .theme_id
            .clone()
            .filter(|id| theme_order.contains_key(id.as_str()));
        if current.themes.last().is_none_or(|t| t.theme_id != theme_id) {
            let title = theme_id
                .as_deref()
                .and_then(|id| questionnaire.step(id))
                .map(|s| s.title.clone())
                .unwrap_or_else(|| NO_THEME.to_string());
            current.themes.push(ThemePractices {
                theme_id,
                title,
                practices: Vec::new(),
            });
        }
        if let Some(theme) = current.themes.last_mut() {
            theme.practices.push(entry);
        }
    }
    borders
}
