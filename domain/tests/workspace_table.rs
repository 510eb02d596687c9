//! The territories table: rows from diagnostics and reviews, accent-insensitive search,
//! filters per column and sorting.

mod common;

use common::{questionnaire, sample_diagnostic, DIAGNOSTIC_ID};
use domain::bundle::MotStatus;
use domain::diagnostic::profile_ids;
use domain::report::ReportData;
use domain::workspace::{
    apply_query, filter_choices, territory_rows, Column, Direction, Filters, MotReview, TableQuery,
    TerritoryRow,
};
use domain::{Answer, Diagnostic};

fn data() -> ReportData<'static> {
    ReportData::embedded().expect("embedded data")
}

/// Givet (08, Belgique), Évian-les-Bains (74, Suisse/Italie) and L'Hôpital (57).
fn diagnostics() -> Vec<Diagnostic> {
    let givet = sample_diagnostic(DIAGNOSTIC_ID);
    let mut evian = Diagnostic::new(
        "00000000-0000-4000-8000-000000000002".into(),
        "Évian-les-Bains",
        "2026-01-10T08:00:00Z",
        &questionnaire().id,
        questionnaire().version,
    );
    evian.set_answer(
        profile_ids::DEPARTEMENT,
        Some(Answer::Choice("74".into())),
        "2026-01-11T08:00:00Z",
    );
    let mut hopital = Diagnostic::new(
        "00000000-0000-4000-8000-000000000003".into(),
        "L'Hôpital",
        "2026-03-10T08:00:00Z",
        &questionnaire().id,
        questionnaire().version,
    );
    hopital.set_answer(
        profile_ids::INSEE_CODE,
        Some(Answer::Text("57329".into())),
        "2026-03-12T08:00:00Z",
    );
    vec![givet, evian, hopital]
}

fn rows() -> Vec<TerritoryRow> {
    let mut review = MotReview::new(
        "00000000-0000-4000-8000-000000000002",
        "2026-03-01T00:00:00Z",
    );
    review.set_status(MotStatus::EnAccompagnement, "2026-03-02T00:00:00Z");
    territory_rows(&data(), questionnaire(), &diagnostics(), &[review])
}

fn communes(rows: &[&TerritoryRow]) -> Vec<String> {
    rows.iter().map(|r| r.commune.clone()).collect()
}

#[test]
fn a_row_reads_the_territory_scores_and_mot_status() {
    let rows = rows();
    let givet = &rows[0];
    assert_eq!(givet.commune, "Givet");
    assert_eq!(givet.insee_code.as_deref(), Some("08190"));
    assert_eq!(givet.departement_label(), "08 – Ardennes");
    assert_eq!(givet.countries, vec!["Belgique".to_string()]);
    assert_eq!(givet.programme_ids, vec!["fwvl".to_string()]);
    assert_eq!(givet.revision, 7);
    assert!(givet.overall_percent.is_some());
    assert!(givet.completion_percent < 100);
    assert_eq!(givet.mot_status_label(), "Reçu");
    assert!(!givet.has_review);
    assert_eq!(rows[1].mot_status_label(), "En accompagnement");
    // L'Hôpital's département comes from its INSEE code.
    assert_eq!(rows[2].departement_code.as_deref(), Some("57"));
    // A theme with nothing answered has a share of 0, a "non concerné" theme none.
    let culture = questionnaire()
        .theme_steps()
        .position(|s| s.id == "culture")
        .expect("culture");
    assert_eq!(givet.theme_shares[culture], None);
}

#[test]
fn search_ignores_accents_case_and_punctuation() {
    let rows = rows();
    let search = |text: &str| {
        let query = TableQuery {
            search: text.into(),
            ..TableQuery::default()
        };
        communes(&apply_query(&rows, &query))
    };
    assert_eq!(search("evian"), vec!["Évian-les-Bains"]);
    assert_eq!(search("EVIAN LES"), vec!["Évian-les-Bains"]);
    assert_eq!(search("l'hopital"), vec!["L'Hôpital"]);
    assert_eq!(search("ardennes"), vec!["Givet"]);
    assert_eq!(search("08190"), vec!["Givet"]);
    assert_eq!(search("wallonie"), vec!["Givet"]);
    assert_eq!(search("moselle"), vec!["L'Hôpital"]);
    assert_eq!(search("").len(), 3);
    assert!(search("givet evian").is_empty());
}

#[test]
fn filters_apply_per_column() {
    let rows = rows();
    let filtered = |filters: Filters| {
        let query = TableQuery {
            filters,
            ..TableQuery::default()
        };
        communes(&apply_query(&rows, &query))
    };
    let by_departement = Filters {
        departement: Some("08".into()),
        ..Filters::default()
    };
    assert_eq!(filtered(by_departement), vec!["Givet"]);
    let by_country = Filters {
        country: Some("CH".into()),
        ..Filters::default()
    };
    assert_eq!(filtered(by_country), vec!["Évian-les-Bains"]);
    let by_status = Filters {
        mot_status: Some(MotStatus::Recu),
        ..Filters::default()
    };
    assert_eq!(filtered(by_status), vec!["Givet", "L'Hôpital"]);
    let by_programme = Filters {
        programme: Some("fwvl".into()),
        ..Filters::default()
    };
    assert_eq!(filtered(by_programme), vec!["Givet"]);
    let by_date = Filters {
        updated_from: Some("2026-03-01".into()),
        ..Filters::default()
    };
    assert_eq!(filtered(by_date), vec!["L'Hôpital"]);
    let by_score = Filters {
        min_score: Some(0),
        ..Filters::default()
    };
    assert!(filtered(by_score).contains(&"Givet".to_string()));
}

#[test]
fn sorting_follows_the_column_and_direction() {
    let rows = rows();
    let sorted = |column: Column, direction: Direction| {
        let query = TableQuery {
            sort: (column, direction),
            ..TableQuery::default()
        };
        communes(&apply_query(&rows, &query))
    };
    // "Évian" sorts with the E, not after Z.
    assert_eq!(
        sorted(Column::Commune, Direction::Ascending),
        vec!["Évian-les-Bains", "Givet", "L'Hôpital"]
    );
    assert_eq!(
        sorted(Column::Commune, Direction::Descending),
        vec!["L'Hôpital", "Givet", "Évian-les-Bains"]
    );
    assert_eq!(
        sorted(Column::UpdatedAt, Direction::Descending),
        vec!["L'Hôpital", "Givet", "Évian-les-Bains"]
    );
    assert_eq!(
        sorted(Column::MotStatus, Direction::Descending)[0],
        "Évian-les-Bains"
    );
    assert_eq!(sorted(Column::Revision, Direction::Descending)[0], "Givet");
}

#[test]
fn filter_choices_list_the_values_present() {
    let choices = filter_choices(&rows());
    let codes: Vec<&str> = choices
        .departements
        .iter()
        .map(|(c, _)| c.as_str())
        .collect();
    assert_eq!(codes, vec!["08", "57", "74"]);
    assert!(choices
        .countries
        .iter()
        .any(|(c, n)| c == "BE" && n == "Belgique"));
    assert_eq!(
        choices.mot_statuses,
        vec![MotStatus::Recu, MotStatus::EnAccompagnement]
    );
}
