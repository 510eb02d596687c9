//! Writing bundles: a town's export for MOT, a full backup, MOT's feedback, and their file names.

use crate::diagnostic::Diagnostic;

use super::format::{Bundle, BundleKind, DiagnosticItem, FeedbackItem, MotFeedback};
use super::{FORMAT_NAME, FORMAT_VERSION};

/// The bundle a town sends MOT: its diagnostic(s), private notes left out unless asked for.
pub fn export_for_mot(
    diagnostics: &[Diagnostic],
    app_version: &str,
    now: &str,
    include_private_notes: bool,
) -> Bundle {
    Bundle {
        diagnostics: diagnostics
            .iter()
            .map(|d| DiagnosticItem::from_diagnostic(d, include_private_notes))
            .collect(),
        ..header(BundleKind::Diagnostics, app_version, now)
    }
}

/// A full backup of the device: every diagnostic with its private notes, and MOT's feedback.
pub fn export_backup(
    diagnostics: &[Diagnostic],
    feedback: &[MotFeedback],
    app_version: &str,
    now: &str,
) -> Bundle {
    Bundle {
        diagnostics: diagnostics
            .iter()
            .map(|d| DiagnosticItem::from_diagnostic(d, true))
            .collect(),
        feedback: feedback.iter().map(FeedbackItem::from_feedback).collect(),
        ..header(BundleKind::Backup, app_version, now)
    }
}

/// MOT's feedback for a town ("bundle retour").
pub fn export_feedback(feedback: &[MotFeedback], app_version: &str, now: &str) -> Bundle {
    Bundle {
        feedback: feedback.iter().map(FeedbackItem::from_feedback).collect(),
        ..header(BundleKind::MotFeedback, app_version, now)
    }
}

fn header(kind: BundleKind, app_version: &str, now: &str) -> Bundle {
    Bundle {
        format: FORMAT_NAME.to_string(),
        format_version: FORMAT_VERSION,
        app_version: app_version.to_string(),
        exported_at: now.to_string(),
        kind,
        diagnostics: Vec::new(),
        feedback: Vec::new(),
    }
}

/// The bundle as the JSON text of the downloaded file (indented, UTF-8).
pub fn to_json_pretty(bundle: &Bundle) -> String {
    // Serialising these types cannot fail: every map key is a string.
    let mut text = serde_json::to_string_pretty(bundle).unwrap_or_default();
    text.push('\n');
    text
}

/// `diagnostic-<commune>-<INSEE or sans-insee>-<YYYY-MM-DD>.json`, from the time of export.
pub fn export_file_name(commune: &str, insee: Option<&str>, now: &str) -> String {
    format!(
        "diagnostic-{}-{}-{}.json",
        slug(commune, "commune"),
        insee_part(insee),
        date_part(now)
    )
}

/// The file name of a town's export of one diagnostic.
pub fn export_file_name_for(diagnostic: &Diagnostic, now: &str) -> String {
    export_file_name(diagnostic.commune_name(), diagnostic.insee_code(), now)
}

/// `sauvegarde-diagnostic-transfrontalier-<YYYY-MM-DD>.json`.
pub fn backup_file_name(now: &str) -> String {
    format!(
        "sauvegarde-diagnostic-transfrontalier-{}.json",
        date_part(now)
    )
}

/// `retour-mot-<commune>-<INSEE or sans-insee>-<YYYY-MM-DD>.json`.
pub fn feedback_file_name(commune: &str, insee: Option<&str>, now: &str) -> String {
    format!(
        "retour-mot-{}-{}-{}.json",
        slug(commune, "commune"),
        insee_part(insee),
        date_part(now)
    )
}

fn insee_part(insee: Option<&str>) -> String {
    insee
        .map(|code| slug(code, "sans-insee").to_uppercase())
        .filter(|code| code != "SANS-INSEE")
        .unwrap_or_else(|| "sans-insee".to_string())
}

/// The `YYYY-MM-DD` an RFC 3339 time starts with, or `sans-date`.
fn date_part(now: &str) -> String {
    let date = now.get(..10).unwrap_or_default();
    let shaped = date.len() == 10
        && date.char_indices().all(|(position, c)| match position {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if shaped {
        date.to_string()
    } else {
        "sans-date".to_string()
    }
}

/// Lower-case ASCII letters, digits and single dashes, accents removed, at most 60 characters.
pub fn slug(text: &str, empty: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if plain == "-" && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push_str(plain);
    }
    let mut trimmed: String = out.trim_matches('-').chars().take(60).collect();
    while trimmed.ends_with('-') {
        trimmed.pop();
    }
    if trimmed.is_empty() {
        empty.to_string()
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_drop_accents_and_keep_the_insee_code() {
        assert_eq!(
            export_file_name(
                "Saint-Étienne-de-Baïgorry",
                Some("64477"),
                "2026-03-01T10:00:00Z"
            ),
            "diagnostic-saint-etienne-de-baigorry-64477-2026-03-01.json"
        );
        assert_eq!(
            export_file_name("L'Haÿ  Œuvre", None, "2026-03-01T10:00:00Z"),
            "diagnostic-l-hay-oeuvre-sans-insee-2026-03-01.json"
        );
        assert_eq!(
            export_file_name("<script>", Some("2a004"), "bientôt"),
            "diagnostic-script-2A004-sans-date.json"
        );
        assert_eq!(
            export_file_name("", Some("../.."), "2026-03-01"),
            "diagnostic-commune-sans-insee-2026-03-01.json"
        );
    }

    #[test]
    fn backup_and_feedback_names_carry_the_date() {
        assert_eq!(
            backup_file_name("2026-03-01T10:00:00Z"),
            "sauvegarde-diagnostic-transfrontalier-2026-03-01.json"
        );
        assert_eq!(
            feedback_file_name("Givet", Some("08190"), "2026-03-01T10:00:00Z"),
            "retour-mot-givet-08190-2026-03-01.json"
        );
    }
}
