//! The list of the diagnostics kept on a device (the home page): a search on the commune's
//! name, and pages of the most recently changed. A town keeps a few diagnostics; MOT's device
//! keeps every town's after an import, up to thousands, which the page must not render at once.

use crate::listing::{count_of, next_page};
use crate::report::fr_grouped_number;
use crate::workspace::normalize_for_search;
use crate::Diagnostic;

/// How many diagnostics the list shows at first, and how many more each "show more" adds.
pub const PAGE_SIZE: usize = 20;

/// Above this many diagnostics the list offers its search field.
pub const SEARCH_THRESHOLD: usize = PAGE_SIZE;

/// The positions in `diagnostics` of those whose commune name contains every word of `search`
/// (accents, case and punctuation ignored), in the list's order. An empty search matches all.
pub fn search_positions(diagnostics: &[Diagnostic], search: &str) -> Vec<usize> {
    let folded = normalize_for_search(search);
    let terms: Vec<&str> = folded.split_whitespace().collect();
    diagnostics
        .iter()
        .enumerate()
        .filter(|(_, diagnostic)| {
            let name = normalize_for_search(diagnostic.commune_name());
            terms.iter().all(|term| name.contains(term))
        })
        .map(|(position, _)| position)
        .collect()
}

/// How many more a "show more" button would add, given how many are shown and match.
pub fn next_page_size(shown: usize, matching: usize) -> usize {
    next_page(shown, matching, PAGE_SIZE)
}

/// "1 diagnostic", "12 diagnostics", "1 000 diagnostics" (French grouping).
pub fn count_diagnostics(count: usize) -> String {
    count_of(count, "diagnostic", "diagnostics")
}

/// What the list shows, in one sentence for its status line: how many of all, or how many
/// match the search and how many of those are shown.
pub fn list_summary(total: usize, matching: usize, shown: usize, search: &str) -> String {
    let displayed = fr_grouped_number(matching.min(shown) as f64);
    let search = search.trim();
    if search.is_empty() {
        return format!(
            "{displayed} affichés sur {}, du plus récemment modifié au plus ancien.",
            count_diagnostics(total)
        );
    }
    match matching {
        0 => format!("Aucun diagnostic ne correspond à « {search} »."),
        1 => format!("1 diagnostic correspond à « {search} »."),
        _ if matching <= shown => {
            format!(
                "{} correspondent à « {search} ».",
                count_diagnostics(matching)
            )
        }
        _ => format!(
            "{} correspondent à « {search} » ; {displayed} affichés.",
            count_diagnostics(matching)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostics(names: &[&str]) -> Vec<Diagnostic> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                Diagnostic::new(format!("id-{i}"), name, "2026-01-01T00:00:00Z", "q", 1)
            })
            .collect()
    }

    #[test]
    fn an_empty_or_blank_search_matches_every_diagnostic_in_order() {
        let list = diagnostics(&["Givet", "Menton", "Saint-Louis"]);
        assert_eq!(search_positions(&list, ""), vec![0, 1, 2]);
        assert_eq!(search_positions(&list, "  - "), vec![0, 1, 2]);
    }

    #[test]
    fn the_search_ignores_accents_case_and_punctuation_and_needs_every_word() {
        let list = diagnostics(&[
            "L'Hôpital",
            "Saint-Louis",
            "Saint-Amand-les-Eaux",
            "Hesdin-l'Abbé",
        ]);
        assert_eq!(search_positions(&list, "hopital"), vec![0]);
        assert_eq!(search_positions(&list, "SAINT"), vec![1, 2]);
        assert_eq!(search_positions(&list, "saint eaux"), vec![2]);
        assert_eq!(search_positions(&list, "abbe hesdin"), vec![3]);
        assert_eq!(search_positions(&list, "Saint-Louis"), vec![1]);
        assert!(search_positions(&list, "Menton").is_empty());
    }

    #[test]
    fn show_more_adds_a_page_at_most_and_nothing_when_all_are_shown() {
        assert_eq!(next_page_size(PAGE_SIZE, 1000), PAGE_SIZE);
        assert_eq!(next_page_size(PAGE_SIZE, PAGE_SIZE + 5), 5);
        assert_eq!(next_page_size(PAGE_SIZE, PAGE_SIZE), 0);
        assert_eq!(next_page_size(PAGE_SIZE, 3), 0);
    }

    #[test]
    fn the_summary_counts_in_french() {
        assert_eq!(
            list_summary(1000, 1000, PAGE_SIZE, ""),
            "20 affichés sur 1\u{202F}000 diagnostics, du plus récemment modifié au plus ancien."
        );
        assert_eq!(
            list_summary(1000, 0, PAGE_SIZE, " xyz "),
            "Aucun diagnostic ne correspond à « xyz »."
        );
        assert_eq!(
            list_summary(1000, 1, PAGE_SIZE, "Givet"),
            "1 diagnostic correspond à « Givet »."
        );
        assert_eq!(
            list_summary(1000, 3, PAGE_SIZE, "Saint"),
            "3 diagnostics correspondent à « Saint »."
        );
        assert_eq!(
            list_summary(1000, 45, PAGE_SIZE, "Saint"),
            "45 diagnostics correspondent à « Saint » ; 20 affichés."
        );
        assert_eq!(count_diagnostics(1), "1 diagnostic");
    }
}
