//! CSV exports for French spreadsheets: BOM, `;`, quotes doubled, line breaks kept inside
//! quoted fields, accents preserved, "Non concerné" themes, formulas neutralised. Each file is
//! read back with the `csv` crate.

mod common;

use common::{questionnaire, sample_diagnostic, DIAGNOSTIC_ID};
use domain::project::GoodPractice;
use domain::questionnaire::QuestionKind;
use domain::report::ReportData;
use domain::workspace::{good_practices_csv, territories_csv, territory_rows, TerritoryRow};
use domain::{Answer, Diagnostic};

const BOM: &[u8] = b"\xEF\xBB\xBF";
const TRICKY: &str = "Réunion « mensuelle » ; avec \"Dinant\"\net Beauraing";

fn diagnostic() -> Diagnostic {
    let mut d = sample_diagnostic(DIAGNOSTIC_ID);
    d.set_answer(
        "gov_convention_detail",
        Some(Answer::Text(TRICKY.into())),
        "2026-02-05T09:00:00Z",
    );
    d.set_answer(
        "cul_evenements",
        Some(Answer::Maturity(3)),
        "2026-02-05T09:00:00Z",
    );
    d.good_practices.push(GoodPractice {
        id: "a1b2c3d4-0000-4000-8000-000000000009".into(),
        title: "=HYPERLINK(\"http://exemple.invalid\")".into(),
        theme_id: Some("mobilite".into()),
        description: TRICKY.into(),
        updated_at: "2026-02-05T09:00:00Z".into(),
        ..GoodPractice::default()
    });
    d
}

fn rows(diagnostics: &[Diagnostic]) -> Vec<TerritoryRow> {
    let data = ReportData::embedded().expect("data");
    territory_rows(&data, questionnaire(), diagnostics, &[])
}

/// Reads a file back: checks the BOM, returns the header and the records.
fn read_back(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(bytes.starts_with(BOM), "the file starts with a UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[BOM.len()..]);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let records = reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect();
    (header, records)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("column {name}"))
}

#[test]
fn the_territories_csv_has_readable_headers_and_one_row_per_territory() {
    let diagnostics = vec![diagnostic()];
    let bytes = territories_csv(questionnaire(), &diagnostics, &rows(&diagnostics)).expect("csv");
    let text = std::str::from_utf8(&bytes[BOM.len()..]).expect("utf-8");
    assert!(text.starts_with("Commune;Code INSEE;Département;Pays voisins;"));
    assert!(text.contains("\r\n"), "CRLF line ends");
    let (header, records) = read_back(&bytes);
    let themes = questionnaire().theme_steps().count();
    let questions = questionnaire().questions().count();
    assert_eq!(header.len(), 11 + themes + questions);
    assert_eq!(records.len(), 1);
    let row = &records[0];
    assert_eq!(row.len(), header.len());
    assert_eq!(row[column(&header, "Commune")], "Givet");
    assert_eq!(row[column(&header, "Département")], "08 – Ardennes");
    assert_eq!(row[column(&header, "Pays voisins")], "Belgique");
    assert_eq!(row[column(&header, "Statut MOT")], "Reçu");
    assert_eq!(row[column(&header, "Révision")], "9");
    assert_eq!(
        row[column(&header, "Dernière modification")],
        "05/02/2026 09:00"
    );
    assert!(header.contains(&"Score – Mobilité (%)".to_string()));
}

#[test]
fn quotes_line_breaks_semicolons_and_accents_survive() {
    let diagnostics = vec![diagnostic()];
    let bytes = territories_csv(questionnaire(), &diagnostics, &rows(&diagnostics)).expect("csv");
    let text = std::str::from_utf8(&bytes).expect("utf-8");
    // The csv crate quotes the field and doubles the inner quotes.
    assert!(text.contains("\"Réunion « mensuelle » ; avec \"\"Dinant\"\"\net Beauraing\""));
    let (header, records) = read_back(&bytes);
    let step = questionnaire().step("gouvernance").expect("step");
    let label = &questionnaire()
        .question("gov_convention_detail")
        .expect("question")
        .label;
    let detail = column(&header, &format!("{} – {label}", step.title));
    assert_eq!(records[0][detail], TRICKY);
}

#[test]
fn answers_are_written_in_french_and_skip_logic_is_kept() {
    let mut d = diagnostic();
    // An answer to a question now hidden is not exported.
    d.set_answer(
        "gov_convention",
        Some(Answer::YesNo(false)),
        "2026-02-06T09:00:00Z",
    );
    let diagnostics = vec![d];
    let bytes = territories_csv(questionnaire(), &diagnostics, &rows(&diagnostics)).expect("csv");
    let (header, records) = read_back(&bytes);
    let cell = |question_id: &str| {
        let step = questionnaire().step_of_question(question_id).expect("step");
        let question = questionnaire().question(question_id).expect("question");
        let unit = match &question.kind {
            QuestionKind::Number {
                unit: Some(unit), ..
            } => format!(" ({unit})"),
            _ => String::new(),
        };
        let name = format!("{} – {}{unit}", step.title, question.label);
        records[0][column(&header, &name)].clone()
    };
    assert_eq!(cell("gov_convention"), "Non");
    assert_eq!(cell("gov_convention_detail"), "");
    assert_eq!(cell("mob_cooperation_aom"), "Ne sait pas");
    // A number bare, unit in the header: the spreadsheet sums and sorts it.
    assert_eq!(cell("profil_population"), "6500");
    assert!(header
        .iter()
        .any(|h| h.ends_with("Population de la commune (habitants)")));
    assert_eq!(cell("gov_relations").chars().next(), Some('2'));
    // "culture" is "non concerné": every question says so, even one answered before.
    assert_eq!(cell("cul_evenements"), "Non concerné");
    assert_eq!(cell("san_secours"), "");
}

#[test]
fn the_rows_given_set_the_order_and_the_content() {
    let mut other = sample_diagnostic("00000000-0000-4000-8000-00000000000a");
    other.set_answer(
        "profil_commune_nom",
        Some(Answer::Text("Aïcirits-Camou-Suhast".into())),
        "2026-02-06T09:00:00Z",
    );
    let diagnostics = vec![diagnostic(), other];
    let rows = rows(&diagnostics);
    let reversed: Vec<&TerritoryRow> = rows.iter().rev().collect();
    let bytes = territories_csv(questionnaire(), &diagnostics, reversed).expect("csv");
    let (_, records) = read_back(&bytes);
    assert_eq!(records[0][0], "Aïcirits-Camou-Suhast");
    assert_eq!(records[1][0], "Givet");
    let only_one = territories_csv(questionnaire(), &diagnostics, &rows[..1]).expect("csv");
    assert_eq!(read_back(&only_one).1.len(), 1);
}

#[test]
fn the_good_practices_csv_lists_each_practice_and_neutralises_formulas() {
    let diagnostics = vec![diagnostic()];
    let bytes =
        good_practices_csv(questionnaire(), &diagnostics, &rows(&diagnostics)).expect("csv");
    let (header, records) = read_back(&bytes);
    assert_eq!(
        header,
        vec![
            "Commune",
            "Code INSEE",
            "Département",
            "Pays voisins",
            "Thème",
            "Titre",
            "Partenaires",
            "Description",
            "Résultats",
            "Contact",
            "Dernière modification"
        ]
    );
    assert_eq!(records.len(), 2);
    assert_eq!(records[0][5], "Marché transfrontalier");
    assert_eq!(records[0][4], "Économie et commerce");
    assert_eq!(records[1][4], "Mobilité");
    assert_eq!(records[1][5], "'=HYPERLINK(\"http://exemple.invalid\")");
    assert_eq!(records[1][7], TRICKY);
}

#[test]
fn a_good_practice_with_formulas_for_theme_and_date_is_written_as_text() {
    // What an older bundle may carry: its theme ids and dates are not checked against today's data.
    let mut d = sample_diagnostic(DIAGNOSTIC_ID);
    d.good_practices.push(GoodPractice {
        id: "a1b2c3d4-0000-4000-8000-00000000000a".into(),
        title: "Navette".into(),
        theme_id: Some("=cmd|' /C calc'!A0".into()),
        updated_at: "@SUM(1+1)".into(),
        ..GoodPractice::default()
    });
    let diagnostics = vec![d];
    let bytes =
        good_practices_csv(questionnaire(), &diagnostics, &rows(&diagnostics)).expect("csv");
    let (header, records) = read_back(&bytes);
    let row = records
        .iter()
        .find(|r| r[column(&header, "Titre")] == "Navette")
        .expect("the practice's row");
    assert_eq!(row[column(&header, "Thème")], "'=cmd|' /C calc'!A0");
    assert_eq!(row[column(&header, "Dernière modification")], "'@SUM(1+1)");
}
