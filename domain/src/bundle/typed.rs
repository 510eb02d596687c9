//! Reading a JSON value into typed bundle structures, with the field path and a French message
//! for each problem, and every field the format does not define reported.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::error::{BundleError, BundleProblem};
use super::path;

/// Reads `value` as a `T`; refuses missing fields, wrong types and fields `T` does not define.
pub fn from_value<T: DeserializeOwned + Serialize>(
    value: &Value,
    base_path: &str,
) -> Result<T, BundleProblem> {
    let typed: T = match serde_path_to_error::deserialize(value) {
        Ok(typed) => typed,
        Err(error) => {
            let mut field_path = base_path.to_string();
            for segment in error.path().iter() {
                match segment {
                    serde_path_to_error::Segment::Seq { index } => {
                        field_path = path::index(&field_path, *index);
                    }
                    serde_path_to_error::Segment::Map { key } => {
                        field_path = path::field(&field_path, key);
                    }
                    _ => {}
                }
            }
            return Err(translate(&error.into_inner().to_string(), field_path));
        }
    };
    // Whatever serde skipped silently is a field the format does not define.
    let written = serde_json::to_value(&typed).unwrap_or(Value::Null);
    match first_unknown_field(value, &written, base_path) {
        Some(field_path) => Err(BundleProblem::new(field_path, BundleError::UnknownField)),
        None => Ok(typed),
    }
}

/// The path of the first key of `read` that `written` (the typed value written back) lacks.
fn first_unknown_field(read: &Value, written: &Value, at: &str) -> Option<String> {
    match (read, written) {
        (Value::Object(read), Value::Object(written)) => read.iter().find_map(|(key, item)| {
            let here = path::field(at, key);
            match written.get(key) {
                Some(written_item) => first_unknown_field(item, written_item, &here),
                // A field written as null and left out again (an absent option) is fine.
                None if item.is_null() => None,
                None => Some(here),
            }
        }),
        (Value::Array(read), Value::Array(written)) => read
            .iter()
            .zip(written)
            .enumerate()
            .find_map(|(index, (item, written_item))| {
                first_unknown_field(item, written_item, &path::index(at, index))
            }),
        _ => None,
    }
}

/// Turns serde's English message into a French problem at `field_path`.
fn translate(message: &str, field_path: String) -> BundleProblem {
    let ticked = |text: &str| text.split('`').nth(1).unwrap_or_default().to_string();
    let error = if let Some(rest) = message.strip_prefix("missing field ") {
        return BundleProblem::new(
            path::field(&field_path, &ticked(rest)),
            BundleError::MissingField,
        );
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        return BundleProblem::new(
            path::field(&field_path, &ticked(rest)),
            BundleError::UnknownField,
        );
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        BundleError::WrongType {
            found: french_type(found),
            expected: french_type(expected),
        }
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let allowed = rest
            .split_once("expected ")
            .map(|(_, list)| list.replace('`', "").replace(" or ", ", "))
            .unwrap_or_default();
        BundleError::UnknownValue {
            value: ticked(rest),
            allowed: allowed.trim_start_matches("one of ").to_string(),
        }
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        BundleError::InvalidValue(format!(
            "{} trouvé, {} attendu",
            french_type(found),
            french_type(expected)
        ))
    } else if message.starts_with("invalid length") {
        BundleError::InvalidValue("nombre d'éléments incorrect".to_string())
    } else {
        BundleError::InvalidValue("contenu non reconnu".to_string())
    };
    BundleProblem::new(field_path, error)
}

/// French for serde's description of a JSON value or an expected type.
fn french_type(text: &str) -> String {
    let text = text.trim();
    let quoted = |text: &str| {
        text.split_once(' ')
            .map(|(_, value)| value.trim_matches(|c| c == '`' || c == '"').to_string())
            .unwrap_or_default()
    };
    let table: [(&str, &str); 14] = [
        ("string", "un texte"),
        ("a string", "un texte"),
        ("integer", "un nombre entier"),
        ("floating point", "un nombre"),
        ("boolean", "un booléen (true ou false)"),
        ("a boolean", "un booléen (true ou false)"),
        ("null", "la valeur null"),
        ("map", "un objet"),
        ("a map", "un objet"),
        ("sequence", "une liste"),
        ("a sequence", "une liste"),
        ("unit value", "la valeur null"),
        ("f64", "un nombre"),
        ("a borrowed string", "un texte"),
    ];
    if let Some((_, french)) = table.iter().find(|(english, _)| *english == text) {
        return (*french).to_string();
    }
    for (prefix, french) in [
        ("string ", "le texte"),
        ("integer ", "le nombre"),
        ("floating point ", "le nombre"),
        ("boolean ", "le booléen"),
    ] {
        if text.starts_with(prefix) {
            return format!("{french} « {} »", quoted(text));
        }
    }
    if matches!(text, "u8" | "u16" | "u32" | "u64" | "usize") {
        return "un nombre entier positif".to_string();
    }
    if text.starts_with("struct ") || text.starts_with("adjacently tagged") {
        return "un objet".to_string();
    }
    if text.starts_with("a sequence") || text.starts_with("tuple") {
        return "une liste".to_string();
    }
    if text.contains("variant") || text.starts_with("enum") {
        return "une des valeurs prévues".to_string();
    }
    "une valeur prévue par le format".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Serialize, Deserialize)]
    struct Sample {
        id: String,
        count: u32,
        #[serde(default)]
        items: Vec<Inner>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    struct Inner {
        name: String,
    }

    fn problem(value: serde_json::Value) -> BundleProblem {
        from_value::<Sample>(&value, "root").unwrap_err()
    }

    #[test]
    fn a_missing_field_is_named() {
        let problem = problem(json!({"count": 1}));
        assert_eq!(problem.field_path, "root.id");
        assert_eq!(problem.error, BundleError::MissingField);
    }

    #[test]
    fn a_wrong_type_is_told_in_french() {
        let problem = problem(json!({"id": "x", "count": "trois"}));
        assert_eq!(problem.field_path, "root.count");
        assert_eq!(
            problem.error.to_string(),
            "type incorrect : le texte « trois » trouvé, un nombre entier positif attendu."
        );
    }

    #[test]
    fn an_unknown_nested_field_is_reported() {
        let problem = problem(json!({"id": "x", "count": 1, "items": [{"name": "a", "evil": 1}]}));
        assert_eq!(problem.field_path, "root.items[0].evil");
        assert_eq!(problem.error, BundleError::UnknownField);
    }
}
