//! The dashboard across territories: theme means overall and by border, obstacles, training
//! interests, support requests, good practices and unknowns, on hand-made diagnostics.

mod common;

use common::questionnaire;
use domain::diagnostic::profile_ids;
use domain::questionnaire::{ObstacleType, SUPPORT_REQUESTS_ID, TRAINING_INTERESTS_ID};
use domain::report::ReportData;
use domain::workspace::{build_dashboard, good_practices_of, territory_rows, Dashboard};
use domain::{Answer, Diagnostic};

const T: &str = "2026-02-01T09:00:00Z";

fn diagnostic(n: u8, departement: &str, answers: &[(&str, Answer)]) -> Diagnostic {
    let mut d = Diagnostic::new(
        format!("00000000-0000-4000-8000-0000000000{n:02}"),
        &format!("Commune {n}"),
        T,
        &questionnaire().id,
        questionnaire().version,
    );
    d.set_answer(
        profile_ids::DEPARTEMENT,
        Some(Answer::Choice(departement.into())),
        T,
    );
    for (id, answer) in answers {
        assert!(questionnaire().question(id).is_some(), "{id}");
        d.set_answer(id, Some(answer.clone()), T);
    }
    d
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| s.to_string()).collect())
}

fn dashboard(diagnostics: &[Diagnostic]) -> Dashboard {
    let data = ReportData::embedded().expect("data");
    let rows = territory_rows(&data, questionnaire(), diagnostics, &[]);
    build_dashboard(questionnaire(), diagnostics, &rows)
}

fn sample() -> Vec<Diagnostic> {
    let mut a = diagnostic(
        1,
        "08",
        &[
            ("gov_relations", Answer::Maturity(4)),
            ("gov_obstacle", Answer::YesNo(true)),
            ("mob_cooperation_aom", Answer::Unknown),
            (TRAINING_INTERESTS_ID, choices(&["acces_soins", "langues"])),
            (SUPPORT_REQUESTS_ID, choices(&["mise_en_relation"])),
        ],
    );
    a.good_practices.push(domain::project::GoodPractice {
        id: "a".into(),
        title: "Navette du samedi".into(),
        theme_id: Some("mobilite".into()),
        ..Default::default()
    });
    let mut b = diagnostic(
        2,
        "74",
        &[
            ("gov_relations", Answer::Maturity(2)),
            ("mob_cooperation_aom", Answer::Unknown),
            ("san_secours", Answer::Unknown),
            (TRAINING_INTERESTS_ID, choices(&["langues"])),
            (SUPPORT_REQUESTS_ID, choices(&["aucun"])),
        ],
    );
    b.not_concerned_themes.insert("mobilite".into());
    let c = diagnostic(
        3,
        "08",
        &[
            ("gov_relations", Answer::Maturity(0)),
            (TRAINING_INTERESTS_ID, choices(&["aucune"])),
        ],
    );
    vec![a, b, c]
}

#[test]
fn theme_means_count_only_territories_where_the_theme_is_scored() {
    let dashboard = dashboard(&sample());
    assert_eq!(dashboard.territories, 3);
    let gouvernance = &dashboard.themes[0];
    assert_eq!(gouvernance.step_id, "gouvernance");
    assert_eq!(gouvernance.territories, 3);
    let mobilite = dashboard
        .themes
        .iter()
        .find(|t| t.step_id == "mobilite")
        .expect("mobilite");
    // Commune 2 marked mobility "non concerné" and commune 3 has not answered any of its
    // scored questions yet (a theme not started is no 0 %): only commune 1 counts.
    assert_eq!(mobilite.territories, 1);
    assert_eq!(mobilite.mean_share, Some(0.0));
    let sante = dashboard.themes.iter().find(|t| t.step_id == "sante");
    assert_eq!(
        sante.map(|t| t.territories),
        Some(1),
        "only commune 2 answered"
    );
}

#[test]
fn theme_means_are_split_by_border() {
    let dashboard = dashboard(&sample());
    let names: Vec<&str> = dashboard
        .by_border
        .iter()
        .map(|b| b.country_name.as_str())
        .collect();
    // Département neighbours: 08 → Belgique, 74 → Suisse and Italie (sorted by name).
    assert_eq!(names, vec!["Belgique", "Italie", "Suisse"]);
    let belgique = &dashboard.by_border[0];
    assert_eq!(belgique.territories, 2);
    let suisse = &dashboard.by_border[2];
    assert_eq!(suisse.territories, 1);
    let diagnostics = sample();
    let data = ReportData::embedded().expect("data");
    let rows = territory_rows(&data, questionnaire(), &diagnostics, &[]);
    let share = |i: usize| rows[i].theme_shares[0].expect("share");
    let belgian_mean = (share(0) + share(2)) / 2.0;
    let gov = |b: &domain::workspace::BorderScores| b.themes[0].mean_share.expect("share");
    assert!((gov(belgique) - belgian_mean).abs() < 1e-12);
    assert!((gov(suisse) - share(1)).abs() < 1e-12);
    assert_eq!(
        suisse
            .themes
            .iter()
            .find(|t| t.step_id == "mobilite")
            .map(|t| t.territories),
        Some(0)
    );
}

#[test]
fn obstacles_expectations_and_unknowns_are_ranked() {
    let dashboard = dashboard(&sample());
    let reported: ObstacleType = questionnaire()
        .question("gov_obstacle")
        .and_then(|q| q.obstacle)
        .expect("gov_obstacle documents an obstacle type");
    let count = dashboard
        .obstacles
        .iter()
        .find(|o| o.obstacle == reported)
        .expect("reported obstacle");
    assert_eq!((count.territories, count.answers), (1, 1));
    assert!(dashboard
        .obstacles
        .windows(2)
        .all(|w| w[0].territories >= w[1].territories));

    let training: Vec<(&str, usize)> = dashboard
        .training_interests
        .iter()
        .map(|t| (t.id.as_str(), t.count))
        .collect();
    assert_eq!(training, vec![("langues", 2), ("acces_soins", 1)]);
    let support: Vec<(&str, usize)> = dashboard
        .support_requests
        .iter()
        .map(|t| (t.id.as_str(), t.count))
        .collect();
    assert_eq!(support, vec![("mise_en_relation", 1)]);

    // Commune 2's unknown on mobility does not count: the theme is "non concerné".
    let unknowns: Vec<(&str, usize)> = dashboard
        .unknowns
        .iter()
        .map(|u| (u.id.as_str(), u.count))
        .collect();
    assert_eq!(
        unknowns,
        vec![("mob_cooperation_aom", 1), ("san_secours", 1)]
    );
    assert_eq!(
        dashboard.unknowns[1].context.as_deref(),
        Some("Santé et secours")
    );
}

#[test]
fn good_practices_name_their_commune_and_theme() {
    let diagnostics = sample();
    let data = ReportData::embedded().expect("data");
    let rows = territory_rows(&data, questionnaire(), &diagnostics, &[]);
    let practices = good_practices_of(questionnaire(), &diagnostics, &rows);
    assert_eq!(practices.len(), 1);
    let practice = &practices[0];
    assert_eq!(practice.commune, "Commune 1");
    assert_eq!(practice.theme_title.as_deref(), Some("Mobilité"));
}

#[test]
fn the_dashboard_can_cover_only_the_rows_a_query_kept() {
    let diagnostics = sample();
    let data = ReportData::embedded().expect("data");
    let rows = territory_rows(&data, questionnaire(), &diagnostics, &[]);
    let dashboard = build_dashboard(questionnaire(), &diagnostics, rows.iter().skip(1));
    assert_eq!(dashboard.territories, 2);
    assert!(good_practices_of(questionnaire(), &diagnostics, rows.iter().skip(1)).is_empty());
}

#[test]
fn the_dashboard_does_not_depend_on_the_order_of_the_rows() {
    let diagnostics = sample();
    let data = ReportData::embedded().expect("data");
    let rows = territory_rows(&data, questionnaire(), &diagnostics, &[]);
    assert_eq!(
        build_dashboard(questionnaire(), &diagnostics, rows.iter()),
        build_dashboard(questionnaire(), &diagnostics, rows.iter().rev())
    );
}
