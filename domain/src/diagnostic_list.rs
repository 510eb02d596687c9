//! The list of the diagnostics kept on a device (the home page): a search on the commune's
//! name, and pages of the most recently changed. A town keeps a few diagnostics; MOT's device
//! keeps every town's after an import, up to thousands, which the page must not render at once.

use std::cmp::Ordering;

use serde::Deserialize;

use crate::diagnostic::commune_name_or_placeholder;
use crate::listing::{count_of, next_page};
use crate::report::fr_grouped_number;
use crate::workspace::normalize_for_search;
use crate::{Answer, Diagnostic};

/// How many diagnostics the list shows at first, and how many more each "show more" adds.
pub const PAGE_SIZE: usize = 20;

/// Above this many diagnostics the list offers its search field.
pub const SEARCH_THRESHOLD: usize = PAGE_SIZE;

/// What the list needs of a stored diagnostic to sort, search and name it: read from the
/// stored record without its answers, sheets and notes.
///
/// Decoding whole diagnostics is most of the time the home page takes once a device holds
/// thousands; it decodes in full only the page it shows. Deserialising this type from a stored
/// record reads these fields alone (the answers map is read for the commune's name only).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct DiagnosticHeading {
    /// The diagnostic's id.
    pub id: String,
    /// When it was last changed (RFC 3339, UTC): the list's order.
    pub updated_at: String,
    #[serde(default)]
    answers: NameAnswer,
}

/// The one answer of a diagnostic's answers map that the heading reads.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
struct NameAnswer {
    /// Must be `profile_ids::COMMUNE_NAME` (an attribute takes no constant; a test checks it).
    #[serde(rename = "profil_commune_nom", default)]
    commune_name: Option<Answer>,
}

impl DiagnosticHeading {
    /// The heading of a diagnostic already decoded.
    pub fn of(diagnostic: &Diagnostic) -> Self {
        DiagnosticHeading {
            id: diagnostic.id.clone(),
            updated_at: diagnostic.updated_at.clone(),
            answers: NameAnswer {
                commune_name: diagnostic
                    .answers
                    .get(crate::diagnostic::profile_ids::COMMUNE_NAME)
                    .cloned(),
            },
        }
    }

    /// The commune's name, or "Commune sans nom", as [`Diagnostic::commune_name`] says it.
    pub fn commune_name(&self) -> &str {
        commune_name_or_placeholder(self.answers.commune_name.as_ref())
    }
}

/// The list's order: the most recently changed first.
pub fn most_recent_first(a: &DiagnosticHeading, b: &DiagnosticHeading) -> Ordering {
    crate::bundle::compare_timestamps(&b.updated_at, &a.updated_at)
}

/// The positions in `headings` of the diagnostics whose commune name contains every word of
/// `search` (accents, case and punctuation ignored), in the list's order. An empty search
/// matches all.
pub fn search_positions(headings: &[DiagnosticHeading], search: &str) -> Vec<usize> {
    let folded = normalize_for_search(search);
    let terms: Vec<&str> = folded.split_whitespace().collect();
    headings
        .iter()
        .enumerate()
        .filter(|(_, heading)| {
            let name = normalize_for_search(heading.commune_name());
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

    use crate::diagnostic::profile_ids;

    fn diagnostics(names: &[&str]) -> Vec<DiagnosticHeading> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let diagnostic =
                    Diagnostic::new(format!("id-{i}"), name, "2026-01-01T00:00:00Z", "q", 1);
                DiagnosticHeading::of(&diagnostic)
            })
            .collect()
    }

    #[test]
    fn a_heading_read_from_a_stored_record_names_sorts_and_identifies_it_as_the_whole_would() {
        let mut diagnostic =
            Diagnostic::new("id-1".into(), "  Modane ", "2026-01-01T00:00:00Z", "q", 1);
        diagnostic.set_answer(
            "mob_planification",
            Some(Answer::YesNo(true)),
            "2026-02-03T04:05:06Z",
        );
        let stored = serde_json::to_string(&diagnostic).expect("a diagnostic serialises");
        let heading: DiagnosticHeading =
            serde_json::from_str(&stored).expect("a stored diagnostic has a heading");
        assert_eq!(heading, DiagnosticHeading::of(&diagnostic));
        assert_eq!(heading.commune_name(), "Modane");
        assert_eq!(heading.commune_name(), diagnostic.commune_name());
        assert_eq!(heading.id, "id-1");
        assert_eq!(heading.updated_at, diagnostic.updated_at);
    }

    #[test]
    fn the_heading_reads_the_profile_s_commune_name_question() {
        let json = format!(
            r#"{{"id":"x","updated_at":"u","answers":{{"{}":{{"kind":"text","value":"Givet"}}}}}}"#,
            profile_ids::COMMUNE_NAME
        );
        let heading: DiagnosticHeading = serde_json::from_str(&json).expect("valid heading");
        assert_eq!(heading.commune_name(), "Givet");
    }

    #[test]
    fn a_heading_without_a_name_says_so_like_the_whole_diagnostic() {
        let heading: DiagnosticHeading =
            serde_json::from_str(r#"{"id":"x","updated_at":"u"}"#).expect("valid heading");
        assert_eq!(heading.commune_name(), "Commune sans nom");
        let blank: DiagnosticHeading = serde_json::from_str(
            r#"{"id":"x","updated_at":"u","answers":{"profil_commune_nom":{"kind":"text","value":"  "}}}"#,
        )
        .expect("valid heading");
        assert_eq!(blank.commune_name(), "Commune sans nom");
    }

    #[test]
    fn headings_sort_the_most_recently_changed_first() {
        let mut list = diagnostics(&["A", "B", "C"]);
        list[0].updated_at = "2026-01-02T00:00:00Z".into();
        list[2].updated_at = "2026-03-01T00:00:00Z".into();
        list.sort_by(most_recent_first);
        let names: Vec<&str> = list.iter().map(DiagnosticHeading::commune_name).collect();
        assert_eq!(names, ["C", "A", "B"]);
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
