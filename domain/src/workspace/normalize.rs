//! Text folding for search and sort: lower case, French accents and ligatures removed,
//! punctuation turned into single spaces ("L'Hôpital-sur-Rhin" → "l hopital sur rhin").

/// The text folded for accent- and case-insensitive search and sort.
pub fn normalize_for_search(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && !folded.is_empty() {
                folded.push(' ');
            }
            pending_space = false;
            push_folded(&mut folded, c);
        } else {
            pending_space = true;
        }
    }
    folded
}

fn push_folded(out: &mut String, c: char) {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'œ' | 'Œ' => return out.push_str("oe"),
        'æ' | 'Æ' => return out.push_str("ae"),
        'ß' => return out.push_str("ss"),
        other => {
            out.extend(other.to_lowercase());
            return;
        }
    };
    out.push(base);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_punctuation_are_folded() {
        assert_eq!(
            normalize_for_search("L'Hôpital-sur-Rhin"),
            "l hopital sur rhin"
        );
        assert_eq!(
            normalize_for_search("  ÉVIAN  les Bains "),
            "evian les bains"
        );
        assert_eq!(normalize_for_search("Cœur d'Ardèche"), "coeur d ardeche");
        assert_eq!(normalize_for_search("2A004"), "2a004");
    }
}
