//! Canonical JSON and the SHA-256 digests of bundle items (the rule is spelt out in `docs/bundle-format.md`).

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;

use super::format::{DiagnosticItem, FeedbackItem};

/// Writes a JSON value canonically: object keys sorted by their UTF-8 bytes, no whitespace,
/// strings and numbers as `serde_json` writes them.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            // Sorted here, whatever map type serde_json was built with (`preserve_order` or not).
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (index, (key, item)) in entries.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_canonical(item, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::String(text) => write_string(text, out),
        // Null, booleans and numbers: serde_json's own compact form.
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push_str(&Value::String(text.to_string()).to_string());
}

/// Lower-case hexadecimal SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    let hash = Sha256::digest(text.as_bytes());
    hash.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The canonical text of a serialisable item without the listed top-level fields.
fn canonical_without<T: Serialize>(item: &T, excluded: &[&str]) -> String {
    match serde_json::to_value(item) {
        Ok(Value::Object(mut map)) => {
            for key in excluded {
                map.remove(*key);
            }
            canonical_json(&Value::Object(map))
        }
        Ok(other) => canonical_json(&other),
        // Our items have string keys only, so this does not happen; an empty text keeps it total.
        Err(_) => String::new(),
    }
}

/// The canonical content of a diagnostic item: the item without `digest` and `private_notes`.
pub fn diagnostic_canonical_content(item: &DiagnosticItem) -> String {
    canonical_without(item, &["digest", "private_notes"])
}

/// The digest a diagnostic item should carry (its `digest` and `private_notes` are ignored).
pub fn item_digest(item: &DiagnosticItem) -> String {
    sha256_hex(&diagnostic_canonical_content(item))
}

/// The digest of a diagnostic's shared content: equal for a backup and a MOT export of it.
pub fn diagnostic_digest(diagnostic: &Diagnostic) -> String {
    DiagnosticItem::from_diagnostic(diagnostic, false).digest
}

/// The digest a feedback item should carry (its `digest` is ignored).
pub fn feedback_digest(item: &FeedbackItem) -> String {
    sha256_hex(&canonical_without(item, &["digest"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_sorted_and_whitespace_dropped() {
        let value: Value =
            serde_json::from_str(r#"{ "b": [1, 2.5, true, null], "a": {"é": "x\n\"", "Z": 1e2} }"#)
                .unwrap();
        assert_eq!(
            canonical_json(&value),
            r#"{"a":{"Z":100.0,"é":"x\n\""},"b":[1,2.5,true,null]}"#
        );
    }

    #[test]
    fn sha256_matches_the_published_test_vector() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
