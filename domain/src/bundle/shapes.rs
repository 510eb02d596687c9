//! The shapes of identifiers and dates in a bundle: UUIDs and RFC 3339 date-times.

/// Whether a text has the shape of a UUID (8-4-4-4-12 hexadecimal digits, any version).
pub fn is_uuid(id: &str) -> bool {
    id.len() == 36
        && id.char_indices().all(|(position, c)| match position {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Whether a text is an RFC 3339 date-time (`2026-03-01T10:00:00Z`, `…T10:00:00.123+01:00`).
pub fn is_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>, low: u32, high: u32| {
        text.get(range)
            .filter(|part| part.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|part| part.parse::<u32>().ok())
            .is_some_and(|n| (low..=high).contains(&n))
    };
    let date_time = bytes.len() >= 20
        && number(0..4, 0, 9999)
        && bytes[4] == b'-'
        && number(5..7, 1, 12)
        && bytes[7] == b'-'
        && number(8..10, 1, 31)
        && matches!(bytes[10], b'T' | b't' | b' ')
        && number(11..13, 0, 23)
        && bytes[13] == b':'
        && number(14..16, 0, 59)
        && bytes[16] == b':'
        && number(17..19, 0, 60);
    if !date_time {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    match rest {
        "Z" | "z" => true,
        offset => {
            offset.len() == 6
                && matches!(offset.as_bytes()[0], b'+' | b'-')
                && number_in(offset, 1..3, 23)
                && offset.as_bytes()[3] == b':'
                && number_in(offset, 4..6, 59)
        }
    }
}

fn number_in(text: &str, range: std::ops::Range<usize>, high: u32) -> bool {
    text.get(range)
        .filter(|part| part.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|part| part.parse::<u32>().ok())
        .is_some_and(|n| n <= high)
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
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }
}
