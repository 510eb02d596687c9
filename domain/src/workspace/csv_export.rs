//! CSV exports for French spreadsheets: `;` separator, UTF-8 with a byte order mark (so Excel
//! reads the accents), CRLF line ends, quoting left to the `csv` crate.
//!
//! The territories export has one row per territory and, after the fixed columns and one score
//! column per theme, one column per question in questionnaire order. A question cell holds the
//! answer written as in the printed annex (`report::format_answer`); it says "Non concerné"
//! for every question of a theme the town marked so, and stays empty when the question is
//! unanswered or hidden by skip logic (an answer to a hidden question is never exported, as in
//! the report). A number is written bare, the French way (`4000`, `12,5`), its unit in the
//! column's header, so that the spreadsheet reads it as a number it can sum and sort.
//!
//! Text typed by a town that starts with `=`, `+`, `-` or `@` gets a leading `'`, so that a
//! spreadsheet shows it as text and never runs it as a formula.

use std::collections::HashMap;

use crate::answer::Answer;
use crate::diagnostic::Diagnostic;
use crate::questionnaire::{
    fr_number, is_question_applicable, is_step_not_concerned, QuestionKind, Questionnaire, StepKind,
};
use crate::report::format_answer;

use super::rows::TerritoryRow;
use super::text;

/// Byte order mark written first, so that spreadsheets read the file as UTF-8.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a CSV file could not be written (only a failure of the underlying writer).
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The CSV writer failed.
    #[error("Le fichier CSV n'a pas pu être écrit : {0}")]
    Write(String),
}

impl From<csv::Error> for CsvError {
    fn from(error: csv::Error) -> Self {
        CsvError::Write(error.to_string())
    }
}

pub(crate) fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(UTF8_BOM.to_vec())
}

pub(crate) fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, CsvError> {
    writer
        .into_inner()
        .map_err(|error| CsvError::Write(error.error().to_string()))
}

/// Text typed by a town, made safe for a spreadsheet (see the module doc).
pub(crate) fn safe_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// An RFC 3339 date-time as "JJ/MM/AAAA HH:MM" (the time as recorded, UTC); other text as is,
/// but made safe for a spreadsheet like any text from a bundle.
pub(crate) fn fr_date_time(timestamp: &str) -> String {
    let part = |range: std::ops::Range<usize>| timestamp.get(range).unwrap_or_default();
    if timestamp.len() >= 16 && timestamp.as_bytes().get(10) == Some(&b'T') {
        format!(
            "{}/{}/{} {}",
            part(8..10),
            part(5..7),
            part(0..4),
            part(11..16)
        )
    } else {
        safe_text(timestamp)
    }
}

fn percent_cell(percent: Option<u8>) -> String {
    percent.map(|p| p.to_string()).unwrap_or_default()
}

/// The territories table as CSV: the given rows in their order (all of them, or those a query
/// kept), each with the answers of its diagnostic (matched by id).
pub fn territories_csv<'r>(
    questionnaire: &Questionnaire,
    diagnostics: &[Diagnostic],
    rows: impl IntoIterator<Item = &'r TerritoryRow>,
) -> Result<Vec<u8>, CsvError> {
    let by_id: HashMap<&str, &Diagnostic> =
        diagnostics.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut out = writer();
    out.write_record(territories_header(questionnaire))?;
    for row in rows {
        let mut record = fixed_cells(row);
        record.extend(
            row.theme_shares.iter().map(|share| {
                percent_cell(share.map(|s| (s.clamp(0.0, 1.0) * 100.0).round() as u8))
            }),
        );
        match by_id.get(row.diagnostic_id.as_str()) {
            Some(diagnostic) => record.extend(answer_cells(questionnaire, diagnostic)),
            None => record.extend(questionnaire.questions().map(|_| String::new())),
        }
        out.write_record(&record)?;
    }
    finish(out)
}

/// The header row of the territories CSV.
fn territories_header(questionnaire: &Questionnaire) -> Vec<String> {
    let mut header: Vec<String> = [
        text::COMMUNE,
        text::INSEE_CODE,
        text::DEPARTEMENT,
        text::COUNTRIES,
        text::PROGRAMMES,
        text::COMPLETION,
        text::OVERALL_SCORE,
        text::REVISION,
        text::UPDATED_AT,
        text::MOT_STATUS,
        text::DIAGNOSTIC_STATUS,
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    header.extend(
        questionnaire
            .theme_steps()
            .map(|step| text::theme_score_header(&step.title)),
    );
    for step in &questionnaire.steps {
        for question in &step.questions {
            let mut name = text::question_header(&step.title, &question.label);
            if let QuestionKind::Number {
                unit: Some(unit), ..
            } = &question.kind
            {
                name.push_str(&format!(" ({unit})"));
            }
            header.push(name);
        }
    }
    header
}

fn fixed_cells(row: &TerritoryRow) -> Vec<String> {
    vec![
        safe_text(&row.commune),
        safe_text(row.insee_code.as_deref().unwrap_or_default()),
        row.departement_label(),
        row.countries_label(),
        row.programmes_label(),
        row.completion_percent.to_string(),
        percent_cell(row.overall_percent),
        row.revision.to_string(),
        fr_date_time(&row.updated_at),
        row.mot_status_label().to_string(),
        row.diagnostic_status_label().to_string(),
    ]
}

fn answer_cells<'a>(
    questionnaire: &'a Questionnaire,
    diagnostic: &'a Diagnostic,
) -> impl Iterator<Item = String> + 'a {
    questionnaire.steps.iter().flat_map(move |step| {
        let not_concerned = step.kind == StepKind::Theme
            && is_step_not_concerned(step, &diagnostic.not_concerned_themes);
        step.questions.iter().map(move |question| {
            if not_concerned {
                return text::NOT_CONCERNED.to_string();
            }
            let Some(answer) = diagnostic
                .answers
                .get(&question.id)
                .filter(|a| !a.is_empty())
            else {
                return String::new();
            };
            if !is_question_applicable(questionnaire, step, question, diagnostic) {
                return String::new();
            }
            if let Answer::Number(value) = answer {
                return fr_number(value);
            }
            let written = format_answer(questionnaire, question, answer);
            match question.kind {
                // Typed by the town (a number field keeps what is no number, as typed).
                QuestionKind::Text { .. }
                | QuestionKind::InseeCode
                | QuestionKind::Siren
                | QuestionKind::Number { .. } => safe_text(&written),
                _ => written,
            }
        })
    })
}

/// The good practices of the given rows' diagnostics as CSV, one line per practice.
pub fn good_practices_csv<'r>(
    questionnaire: &Questionnaire,
    diagnostics: &[Diagnostic],
    rows: impl IntoIterator<Item = &'r TerritoryRow>,
) -> Result<Vec<u8>, CsvError> {
    let by_id: HashMap<&str, &Diagnostic> =
        diagnostics.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut out = writer();
    out.write_record([
        text::COMMUNE,
        text::INSEE_CODE,
        text::DEPARTEMENT,
        text::COUNTRIES,
        text::THEME,
        text::TITLE,
        text::PARTNERS,
        text::DESCRIPTION,
        text::RESULTS,
        text::CONTACT,
        text::UPDATED_AT,
    ])?;
    for row in rows {
        let Some(diagnostic) = by_id.get(row.diagnostic_id.as_str()) else {
            continue;
        };
        for practice in &diagnostic.good_practices {
            let theme = practice
                .theme_id
                .as_deref()
                .map(|id| questionnaire.step(id).map_or(id, |s| s.title.as_str()))
                .unwrap_or(text::NO_THEME);
            out.write_record([
                safe_text(&row.commune),
                safe_text(row.insee_code.as_deref().unwrap_or_default()),
                row.departement_label(),
                row.countries_label(),
                // A theme id from an older questionnaire is not checked on import: written as text.
                safe_text(theme),
                safe_text(&practice.title),
                safe_text(&practice.partners),
                safe_text(&practice.description),
                safe_text(&practice.results),
                safe_text(&practice.contact),
                fr_date_time(&practice.updated_at),
            ])?;
        }
    }
    finish(out)
}
