//! The territories table shows a page of rows at a time. MOT's device holds up to thousands of
//! territories; building a table row for each one on every search keystroke or sort froze the
//! page for seconds on a modest computer. The search, filters, dashboard and CSV downloads still
//! cover every matching territory; only the rows drawn are limited.

use crate::listing::{count_of, next_page};
use crate::report::fr_grouped_number;

/// How many rows the table shows at first, and how many more each "show more" adds.
pub const TABLE_PAGE_SIZE: usize = 100;

/// How many more rows a "show more" button would add, given how many are shown and match.
pub fn more_rows(shown: usize, matching: usize) -> usize {
    next_page(shown, matching, TABLE_PAGE_SIZE)
}

/// "1 territoire", "12 territoires", "1 000 territoires" (French grouping).
pub fn count_territories(count: usize) -> String {
    count_of(count, "territoire", "territoires")
}

/// The table's status line: how many territories match of all, and, when they do not all fit,
/// how many rows are drawn and that the dashboard and downloads cover every match.
pub fn table_summary(total: usize, matching: usize, shown: usize) -> String {
    let all = fr_grouped_number(total as f64);
    if matching <= shown {
        let shown = if matching < 2 {
            "territoire affiché"
        } else {
            "territoires affichés"
        };
        return format!("{} {shown} sur {all}", fr_grouped_number(matching as f64));
    }
    let matched = fr_grouped_number(matching as f64);
    format!(
        "{matched} territoires correspondent sur {all} ; les {} premiers sont affichés. \
         Le tableau de bord et les fichiers CSV portent sur les {matched}.",
        fr_grouped_number(shown as f64)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_rows_is_a_page_or_what_remains() {
        assert_eq!(more_rows(100, 1000), 100);
        assert_eq!(more_rows(900, 1000), 100);
        assert_eq!(more_rows(100, 120), 20);
        assert_eq!(more_rows(100, 100), 0);
        assert_eq!(more_rows(200, 150), 0);
        assert_eq!(more_rows(100, 0), 0);
    }

    #[test]
    fn summary_when_every_match_is_shown() {
        assert_eq!(table_summary(47, 47, 100), "47 territoires affichés sur 47");
        assert_eq!(table_summary(47, 0, 100), "0 territoire affiché sur 47");
        assert_eq!(table_summary(47, 1, 100), "1 territoire affiché sur 47");
        assert_eq!(
            table_summary(1000, 12, 100),
            "12 territoires affichés sur 1\u{202F}000"
        );
    }

    #[test]
    fn summary_when_rows_are_held_back_says_what_the_dashboard_covers() {
        assert_eq!(
            table_summary(1000, 1000, 100),
            "1\u{202F}000 territoires correspondent sur 1\u{202F}000 ; les 100 premiers sont affichés. \
             Le tableau de bord et les fichiers CSV portent sur les 1\u{202F}000."
        );
        assert_eq!(
            table_summary(2500, 1200, 300),
            "1\u{202F}200 territoires correspondent sur 2\u{202F}500 ; les 300 premiers sont affichés. \
             Le tableau de bord et les fichiers CSV portent sur les 1\u{202F}200."
        );
    }

    #[test]
    fn territories_are_counted_in_french() {
        assert_eq!(count_territories(1), "1 territoire");
        assert_eq!(count_territories(20), "20 territoires");
        assert_eq!(count_territories(1000), "1\u{202F}000 territoires");
    }
}
