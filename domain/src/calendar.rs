//! Calendar arithmetic shared by the bundle's date-times and the dated facts of the reference
//! data: days per month, days since 1970, and a calendar date read from `YYYY-MM-DD`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a day of the proleptic Gregorian calendar (H. Hinnant's method:
/// years counted from March, so that the leap day ends the year).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// A day, e.g. the day a source was read; written `YYYY-MM-DD` in the data files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CalendarDate {
    year: u32,
    month: u32,
    day: u32,
}

/// French month names, for dates shown to the town.
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

impl CalendarDate {
    /// The date, if the day exists (no 31 February).
    pub fn new(year: u32, month: u32, day: u32) -> Option<CalendarDate> {
        ((1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day))
        .then_some(CalendarDate { year, month, day })
    }

    /// Reads `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<CalendarDate> {
        let mut parts = text.split('-');
        let mut number = |len: usize| {
            parts
                .next()
                .filter(|part| part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|part| part.parse::<u32>().ok())
        };
        let (year, month, day) = (number(4)?, number(2)?, number(2)?);
        if parts.next().is_some() {
            return None;
        }
        CalendarDate::new(year, month, day)
    }

    /// Whole months from `self` to `later` (0 when `later` is earlier): 2025-03-10 to
    /// 2026-03-09 is 11 months, to 2026-03-10 is 12.
    pub fn months_until(self, later: CalendarDate) -> u32 {
        let months = (later.year * 12 + later.month).saturating_sub(self.year * 12 + self.month);
        if later.day < self.day {
            months.saturating_sub(1)
        } else {
            months
        }
    }

    /// In French words: « 6 décembre 2026 ».
    pub fn in_words(self) -> String {
        let month = MONTHS[(self.month - 1) as usize];
        let day = if self.day == 1 {
            "1er".to_string()
        } else {
            self.day.to_string()
        };
        format!("{day} {month} {}", self.year)
    }

    /// Month and year in French words: « décembre 2026 ».
    pub fn month_in_words(self) -> String {
        format!("{} {}", MONTHS[(self.month - 1) as usize], self.year)
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for CalendarDate {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        CalendarDate::parse(&text)
            .ok_or_else(|| format!("« {text} » n'est pas une date AAAA-MM-JJ qui existe"))
    }
}

impl From<CalendarDate> for String {
    fn from(date: CalendarDate) -> String {
        date.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_only_when_the_day_exists() {
        assert_eq!(
            CalendarDate::parse("2026-12-06"),
            CalendarDate::new(2026, 12, 6)
        );
        assert_eq!(
            CalendarDate::parse("2024-02-29")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-01T00",
            "",
        ] {
            assert_eq!(CalendarDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn whole_months_count_the_day_of_the_month() {
        let date = |text| CalendarDate::parse(text).expect(text);
        assert_eq!(date("2025-03-10").months_until(date("2026-03-09")), 11);
        assert_eq!(date("2025-03-10").months_until(date("2026-03-10")), 12);
        assert_eq!(date("2026-03-10").months_until(date("2025-03-10")), 0);
    }

    #[test]
    fn dates_read_in_french() {
        let date = CalendarDate::new(2026, 12, 1).expect("date");
        assert_eq!(date.in_words(), "1er décembre 2026");
        assert_eq!(date.month_in_words(), "décembre 2026");
    }
}
