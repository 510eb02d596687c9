//! The generated sample is valid, and a workspace of 1,000 realistic diagnostics (bundles
//! imported, table, dashboard and exports computed) stays well within the 5 s budget. The time is
//! printed (`cargo test -p domain --release --test workspace_bench -- --nocapture`), not asserted.

mod common;

use std::time::Instant;

use common::questionnaire;
use domain::bundle::{export_for_mot, parse_bundle, to_json_pretty};
use domain::questionnaire::{review, ReviewProblem};
use domain::report::ReportData;
use domain::workspace::sample::realistic_diagnostics;
use domain::workspace::{
    apply_query, build_dashboard, good_practices_csv, territories_csv, territory_rows, Column,
    Direction, MotReview, TableQuery,
};

#[test]
fn generated_diagnostics_are_valid_varied_and_deterministic() {
    let diagnostics = realistic_diagnostics(200, 7);
    assert_eq!(diagnostics.len(), 200);
    assert_eq!(diagnostics, realistic_diagnostics(200, 7));
    assert_ne!(diagnostics, realistic_diagnostics(200, 8));
    for d in &diagnostics {
        let invalid: Vec<_> = review(questionnaire(), d)
            .into_iter()
            .filter(|item| matches!(item.problem, ReviewProblem::Invalid(_)))
            .collect();
        assert!(invalid.is_empty(), "{}: {invalid:?}", d.commune_name());
    }
    assert!(diagnostics
        .iter()
        .any(|d| !d.not_concerned_themes.is_empty()));
    assert!(diagnostics.iter().any(|d| !d.good_practices.is_empty()));
    assert!(diagnostics
        .iter()
        .any(|d| d.answers.values().any(|a| *a == domain::Answer::Unknown)));
    assert!(diagnostics
        .iter()
        .any(|d| review(questionnaire(), d).is_empty()));
    assert!(diagnostics
        .iter()
        .any(|d| !review(questionnaire(), d).is_empty()));
    // Every generated bundle passes the import checks.
    let json = to_json_pretty(&export_for_mot(
        &diagnostics[..20],
        "0.1.0",
        "2026-03-01T10:00:00Z",
        false,
    ));
    parse_bundle("lot.json", json.as_bytes(), questionnaire()).expect("bundle accepted");
}

#[test]
fn a_thousand_territories_are_imported_and_rendered_quickly() {
    let diagnostics = realistic_diagnostics(1_000, 2026);
    let bundles: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            to_json_pretty(&export_for_mot(
                std::slice::from_ref(d),
                "0.1.0",
                &d.updated_at,
                false,
            ))
        })
        .collect();
    let reviews: Vec<MotReview> = diagnostics
        .iter()
        .step_by(3)
        .map(|d| MotReview::new(&d.id, "2026-03-01T10:00:00Z"))
        .collect();

    let start = Instant::now();
    let imported: Vec<domain::Diagnostic> = bundles
        .iter()
        .enumerate()
        .flat_map(|(i, json)| {
            parse_bundle(&format!("{i}.json"), json.as_bytes(), questionnaire())
                .expect("bundle accepted")
                .diagnostics
        })
        .map(|incoming| incoming.diagnostic)
        .collect();
    let imported_in = start.elapsed();

    let start = Instant::now();
    let data = ReportData::embedded().expect("data");
    let rows = territory_rows(&data, questionnaire(), &imported, &reviews);
    let rows_in = start.elapsed();
    let start = Instant::now();
    let query = TableQuery {
        search: "saint".into(),
        sort: (Column::OverallScore, Direction::Descending),
        ..TableQuery::default()
    };
    let shown = apply_query(&rows, &query);
    let query_in = start.elapsed();
    let start = Instant::now();
    let dashboard = build_dashboard(questionnaire(), &imported, &rows);
    let dashboard_in = start.elapsed();
    let start = Instant::now();
    let csv = territories_csv(questionnaire(), &imported, &rows).expect("csv");
    let practices = good_practices_csv(questionnaire(), &imported, &rows).expect("csv");
    let csv_in = start.elapsed();

    assert_eq!(rows.len(), 1_000);
    assert!(!shown.is_empty());
    assert_eq!(dashboard.territories, 1_000);
    assert!(!dashboard.training_interests.is_empty());
    println!(
        "1 000 territoires : import {imported_in:?}, lignes {rows_in:?}, recherche+tri {query_in:?}, \
         tableau de bord {dashboard_in:?}, CSV {csv_in:?} ({} Ko + {} Ko)",
        csv.len() / 1024,
        practices.len() / 1024
    );
}
