//! Field paths as shown in messages: `diagnostics[0].answers.mob_desserte`.

/// The path of a field of the object at `base`.
pub fn field(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

/// The path of an element of the list at `base`.
pub fn index(base: &str, index: usize) -> String {
    format!("{base}[{index}]")
}
