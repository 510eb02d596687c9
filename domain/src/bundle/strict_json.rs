//! Reading untrusted bytes as JSON: duplicate keys refused, syntax errors told in French with line and column.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::error::BundleError;

/// Marks our own error inside serde_json's, so it can be told apart from a syntax error.
const DUPLICATE_MARKER: &str = "\u{1}duplicate key:";

/// Parses JSON bytes (an UTF-8 byte-order mark is allowed) into a value, refusing duplicate keys.
pub fn parse_json(bytes: &[u8]) -> Result<Value, BundleError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(encoding) = other_encoding(bytes) {
        return Err(BundleError::NotUtf8 { encoding });
    }
    match serde_json::from_slice::<StrictValue>(bytes) {
        Ok(StrictValue(value)) => Ok(value),
        Err(error) => Err(translate(&error)),
    }
}

/// What a file's text seems to be written in, when it is not UTF-8: UTF-16 (a byte-order
/// mark, or a zero byte beside each character — valid UTF-8 when the text is ASCII, but no
/// JSON), or another encoding (a byte sequence UTF-8 does not allow).
fn other_encoding(bytes: &[u8]) -> Option<&'static str> {
    let zero_every_other = |start: usize| {
        bytes
            .iter()
            .skip(start)
            .take(64)
            .step_by(2)
            .all(|&b| b == 0)
    };
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (bytes.len() >= 4 && (zero_every_other(0) || zero_every_other(1)));
    if utf16 {
        Some("il semble enregistré en UTF-16")
    } else if std::str::from_utf8(bytes).is_err() {
        Some("un caractère y est écrit dans un autre encodage, par exemple Windows-1252")
    } else {
        None
    }
}

fn translate(error: &serde_json::Error) -> BundleError {
    let (line, column) = (error.line(), error.column());
    let text = error.to_string();
    if let Some(rest) = text.strip_prefix(DUPLICATE_MARKER) {
        let key = rest
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string();
        return BundleError::DuplicateKey { key, line, column };
    }
    let detail = if error.classify() == serde_json::error::Category::Eof {
        "le fichier s'arrête avant la fin des données (fichier tronqué ?)"
    } else {
        syntax_detail(&text)
    };
    BundleError::Syntax {
        line,
        column,
        detail: detail.to_string(),
    }
}

/// French for serde_json's syntax messages.
fn syntax_detail(message: &str) -> &'static str {
    const TABLE: [(&str, &str); 14] = [
        ("expected value", "une valeur est attendue à cet endroit"),
        (
            "expected `,` or `}`",
            "une virgule ou une accolade fermante est attendue",
        ),
        (
            "expected `,` or `]`",
            "une virgule ou un crochet fermant est attendu",
        ),
        ("expected `:`", "deux-points « : » attendus après la clé"),
        (
            "expected ident",
            "mot inattendu (true, false ou null attendu)",
        ),
        (
            "key must be a string",
            "les clés d'un objet doivent être des textes entre guillemets",
        ),
        ("trailing comma", "virgule en trop"),
        (
            "trailing characters",
            "caractères en trop après la fin des données",
        ),
        (
            "invalid escape",
            "séquence d'échappement incorrecte dans un texte",
        ),
        ("invalid unicode", "caractère Unicode incorrect"),
        ("lone leading surrogate", "caractère Unicode incorrect"),
        (
            "control character",
            "caractère de contrôle non échappé dans un texte",
        ),
        ("number", "nombre incorrect ou hors limites"),
        (
            "recursion limit exceeded",
            "données imbriquées trop profondément",
        ),
    ];
    TABLE
        .iter()
        .find(|(english, _)| message.contains(english))
        .map(|(_, french)| *french)
        .unwrap_or("syntaxe incorrecte")
}

/// A JSON value read with duplicate keys refused.
struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if map.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE_MARKER}{key}")));
            }
            let StrictValue(item) = access.next_value()?;
            map.insert(key, item);
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_key_is_refused_with_its_position() {
        let error = parse_json(b"{\"a\": 1,\n \"a\": 2}").unwrap_err();
        assert!(
            matches!(&error, BundleError::DuplicateKey { key, line: 2, .. } if key == "a"),
            "{error:?}"
        );
    }

    #[test]
    fn a_truncated_file_is_told_as_such() {
        let error = parse_json(b"{\"a\": [1, 2").unwrap_err();
        assert!(error.to_string().contains("tronqué"), "{error}");
        assert!(error.to_string().contains("ligne 1"), "{error}");
    }

    #[test]
    fn a_byte_order_mark_is_allowed() {
        assert_eq!(
            parse_json(b"\xEF\xBB\xBF[1]").unwrap(),
            serde_json::json!([1])
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        let error = parse_json(deep.as_bytes()).unwrap_err();
        assert!(error.to_string().contains("imbriquées"), "{error}");
    }
}
