//! Long lists drawn a page at a time (the home page's diagnostics, MOT's territories), and the
//! counts their status lines and buttons say in French.

use crate::report::fr_grouped_number;

/// How many more rows a "show more" button adds: a page, or what is left to show.
pub fn next_page(shown: usize, matching: usize, page_size: usize) -> usize {
    matching.saturating_sub(shown).min(page_size)
}

/// A count and its noun: "0 diagnostic", "1 diagnostic", "12 diagnostics", "1 000 territoires"
/// (French grouping; in French the noun stays singular below two).
pub fn count_of(count: usize, singular: &str, plural: &str) -> String {
    let number = fr_grouped_number(count as f64);
    let noun = if count < 2 { singular } else { plural };
    format!("{number} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_page_is_a_page_or_what_is_left() {
        assert_eq!(next_page(100, 1000, 100), 100);
        assert_eq!(next_page(100, 120, 100), 20);
        assert_eq!(next_page(100, 100, 100), 0);
        assert_eq!(next_page(200, 150, 100), 0);
    }

    #[test]
    fn a_count_takes_its_noun_in_the_singular_below_two() {
        assert_eq!(count_of(0, "fiche", "fiches"), "0 fiche");
        assert_eq!(count_of(1, "fiche", "fiches"), "1 fiche");
        assert_eq!(count_of(1000, "fiche", "fiches"), "1\u{202F}000 fiches");
    }
}
