//! Property tests: arbitrary bytes and mutated valid bundles never make the parser or the
//! validator panic, and whatever is accepted exports and imports again.

mod common;

use common::{questionnaire, sample_diagnostic, sample_feedback, DIAGNOSTIC_ID, NOW};
use domain::bundle::{
    export_backup, export_for_mot, parse_bundle, to_json_pretty, BundleRejection,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

fn valid_json() -> String {
    to_json_pretty(&export_backup(
        &[sample_diagnostic(DIAGNOSTIC_ID)],
        &[sample_feedback()],
        "0.1.0",
        NOW,
    ))
}

/// Imports, and when the file is accepted, checks that its diagnostics export and import again.
fn import_and_reexport(bytes: &[u8]) -> Result<(), BundleRejection> {
    let valid = parse_bundle("fuzz.json", bytes, questionnaire())?;
    let diagnostics: Vec<_> = valid
        .diagnostics
        .into_iter()
        .map(|i| i.diagnostic)
        .collect();
    if !diagnostics.is_empty() {
        let again = to_json_pretty(&export_for_mot(&diagnostics, "0.1.0", NOW, true));
        let reread = parse_bundle("again.json", again.as_bytes(), questionnaire())
            .expect("an accepted bundle exports to an accepted bundle");
        let reread: Vec<_> = reread
            .diagnostics
            .into_iter()
            .map(|i| i.diagnostic)
            .collect();
        assert_eq!(reread, diagnostics);
    }
    Ok(())
}

/// Every JSON pointer in a value.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{at}/{escaped}"), out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
        "[a-z_]{1,12}".prop_map(Value::String),
        Just(Value::String("<script>alert(1)</script>".into())),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import_and_reexport(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = import_and_reexport(text.as_bytes());
    }

    #[test]
    fn byte_mutations_of_a_valid_bundle_never_panic(
        edits in prop::collection::vec((any::<Index>(), any::<u8>(), 0u8..3), 1..8),
        cut in any::<Option<Index>>(),
    ) {
        let mut bytes = valid_json().into_bytes();
        for (position, byte, action) in edits {
            let at = position.index(bytes.len());
            match action {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => { bytes.remove(at); }
            }
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        let _ = import_and_reexport(&bytes);
    }

    #[test]
    fn field_mutations_of_a_valid_bundle_never_panic(
        changes in prop::collection::vec((any::<Index>(), json_value()), 1..4),
    ) {
        let mut value: Value = serde_json::from_str(&valid_json()).unwrap();
        for (target, replacement) in changes {
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let pointer = &all[target.index(all.len())];
            if let Some(slot) = value.pointer_mut(pointer) {
                *slot = replacement;
            }
        }
        let _ = import_and_reexport(value.to_string().as_bytes());
    }
}
