//! The shapes of identifiers and dates in a bundle: UUIDs and RFC 3339 date-times, and the
//! moment a date-time names, to compare dates written with different offsets.

use std::cmp::Ordering;

use crate::calendar::{days_from_civil, days_in_month};

/// Whether a text has the shape of a UUID (8-4-4-4-12 hexadecimal digits, any version, any
/// case). The app writes them in lower case, and reads a file's in lower case (see
/// [`super::parse_bundle`]): the same id in capitals is the same diagnostic.
pub fn is_uuid(id: &str) -> bool {
    id.len() == 36
        && id.char_indices().all(|(position, c)| match position {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// A moment named by an RFC 3339 date-time: seconds since 1970-01-01 UTC, and nanoseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment {
    seconds: i64,
    nanoseconds: u32,
}

/// Whether a text is an RFC 3339 date-time (`2026-03-01T10:00:00Z`, `…T10:00:00.123+01:00`)
/// naming a day that exists (no 31 February) and no leap second (browsers cannot read one).
pub fn is_timestamp(text: &str) -> bool {
    moment_of(text).is_some()
}

/// The moment an RFC 3339 date-time names, if it is one (see [`is_timestamp`]).
pub fn moment_of(text: &str) -> Option<Moment> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>, low: u32, high: u32| {
        text.get(range)
            .filter(|part| part.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|part| part.parse::<u32>().ok())
            .filter(|n| (low..=high).contains(n))
    };
    if bytes.len() < 20
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b't' | b' ')
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let year = number(0..4, 0, 9999)?;
    let month = number(5..7, 1, 12)?;
    let day = number(8..10, 1, days_in_month(year, month))?;
    let hour = number(11..13, 0, 23)?;
    let minute = number(14..16, 0, 59)?;
    let second = number(17..19, 0, 59)?;
    let mut rest = text.get(19..)?;
    let mut nanoseconds = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        // Beyond nanoseconds, digits cannot change the order of two moments the app writes.
        nanoseconds = fraction[..digits]
            .bytes()
            .chain(std::iter::repeat(b'0'))
            .take(9)
            .fold(0u32, |n, digit| n * 10 + u32::from(digit - b'0'));
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        offset if offset.len() == 6 && offset.as_bytes()[3] == b':' => {
            let sign = match offset.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let hours = number_in(offset, 1..3, 23)?;
            let minutes = number_in(offset, 4..6, 59)?;
            sign * i64::from(hours * 60 + minutes)
        }
        _ => return None,
    };
    let days = days_from_civil(i64::from(year), month, day);
    let local = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    Some(Moment {
        seconds: local - offset_minutes * 60,
        nanoseconds,
    })
}

/// Orders two date-times by the moment they name; a text that is not one comes first, and two
/// such texts are ordered as texts (stored records always hold date-times: this is a fallback).
pub fn compare_timestamps(a: &str, b: &str) -> Ordering {
    match (moment_of(a), moment_of(b)) {
        (Some(a), Some(b)) => a.cmp(&b),
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

fn number_in(text: &str, range: std::ops::Range<usize>, high: u32) -> Option<u32> {
    text.get(range)
        .filter(|part| part.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|part| part.parse::<u32>().ok())
        .filter(|n| *n <= high)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_recognised() {
        assert!(is_uuid("3f2b8c1e-7a4d-4e2b-9c1a-2b3c4d5e6f70"));
        assert!(!is_uuid("3f2b8c1e-7a4d-4e2b-9c1a-2b3c4d5e6f7"));
        assert!(!is_uuid("3f2b8c1e_7a4d-4e2b-9c1a-2b3c4d5e6f70"));
        assert!(!is_uuid("<script>alert(1)</script>"));
        assert!(is_uuid("3F2B8C1E-7A4D-4E2B-9C1A-2B3C4D5E6F70"));
    }

    #[test]
    fn timestamps_follow_rfc_3339() {
        for ok in [
            "2026-03-01T10:00:00Z",
            "2026-03-01T10:00:00.123Z",
            "2026-03-01T10:00:00+01:00",
        ] {
            assert!(is_timestamp(ok), "{ok}");
        }
        for bad in [
            "2026-03-01",
            "2026-13-01T10:00:00Z",
            "2026-03-01T10:00:00",
            "2026-03-01T10:00:00.Z",
            "hier",
            "2026-03-01T10:00:00+1:00",
            "2026-02-31T10:00:00Z",
            "2026-02-29T10:00:00Z",
            "2026-04-31T10:00:00Z",
            "2026-03-01T10:00:60Z",
            "2026-03-01T10:00:00+01:60",
            "2026-03-01T10:00:00*01:00",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
        for leap_day in ["2024-02-29T10:00:00Z", "2000-02-29T10:00:00Z"] {
            assert!(is_timestamp(leap_day), "{leap_day}");
        }
        assert!(!is_timestamp("1900-02-29T10:00:00Z"));
    }

    #[test]
    fn moments_are_compared_across_offsets_and_fractions() {
        let epoch = moment_of("1970-01-01T00:00:00Z").unwrap();
        assert_eq!(
            epoch,
            Moment {
                seconds: 0,
                nanoseconds: 0
            }
        );
        assert_eq!(
            moment_of("2026-03-05T10:00:00Z").unwrap().seconds,
            1_772_704_800,
            "checked with date -u -d 2026-03-05T10:00:00Z +%s"
        );
        // 18:00 at UTC+8 is 10:00 UTC: earlier than 14:00 UTC, though later as text.
        assert_eq!(
            compare_timestamps("2026-03-05T18:00:00+08:00", "2026-03-05T14:00:00Z"),
            Ordering::Less
        );
        assert_eq!(
            compare_timestamps("2026-03-05T10:00:00+01:00", "2026-03-05T09:00:00Z"),
            Ordering::Equal
        );
        // Half a second later, though "." sorts before "Z" as text.
        assert_eq!(
            compare_timestamps("2026-03-05T10:00:00.5Z", "2026-03-05T10:00:00Z"),
            Ordering::Greater
        );
        assert_eq!(
            compare_timestamps("2026-03-05T10:00:00.120Z", "2026-03-05T10:00:00.12Z"),
            Ordering::Equal
        );
        assert_eq!(
            compare_timestamps("", "2026-03-05T10:00:00Z"),
            Ordering::Less
        );
    }
}
