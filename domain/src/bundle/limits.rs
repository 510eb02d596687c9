//! Size limits checked on the raw JSON before anything else reads it, so hostile input cannot
//! make the app allocate or loop without bound.

use serde_json::Value;

use super::error::{BundleError, BundleProblem};
use super::path;
use super::{MAX_ENTRIES, MAX_KEY_CHARS, MAX_PROBLEMS, MAX_TEXT_CHARS};

/// Every text, key and collection over its limit, at most [`MAX_PROBLEMS`] of them.
pub fn check_limits(value: &Value) -> Vec<BundleProblem> {
    let mut problems = Vec::new();
    walk(value, "", &mut problems);
    problems
}

fn walk(value: &Value, at: &str, problems: &mut Vec<BundleProblem>) {
    if problems.len() >= MAX_PROBLEMS {
        return;
    }
    match value {
        Value::String(text) => {
            let length = text.chars().count();
            if length > MAX_TEXT_CHARS {
                problems.push(BundleProblem::new(
                    at,
                    BundleError::TextTooLong {
                        length,
                        max: MAX_TEXT_CHARS,
                    },
                ));
            }
        }
        Value::Array(items) => {
            if items.len() > MAX_ENTRIES {
                problems.push(too_many(at, items.len()));
                return;
            }
            for (position, item) in items.iter().enumerate() {
                walk(item, &path::index(at, position), problems);
            }
        }
        Value::Object(map) => {
            if map.len() > MAX_ENTRIES {
                problems.push(too_many(at, map.len()));
                return;
            }
            for (key, item) in map {
                let length = key.chars().count();
                if length > MAX_KEY_CHARS {
                    let shown: String = key.chars().take(40).collect();
                    problems.push(BundleProblem::new(
                        path::field(at, &format!("{shown}…")),
                        BundleError::TextTooLong {
                            length,
                            max: MAX_KEY_CHARS,
                        },
                    ));
                    continue;
                }
                walk(item, &path::field(at, key), problems);
            }
        }
        _ => {}
    }
}

fn too_many(at: &str, count: usize) -> BundleProblem {
    BundleProblem::new(
        at,
        BundleError::TooMany {
            count,
            max: MAX_ENTRIES,
        },
    )
}
