//! The compilation of good practices MOT prints: by border, then theme, then town, with the
//! contact as the town declared it; filters by border and theme; untitled practices left out.

mod common;

use common::questionnaire;
use domain::diagnostic::profile_ids;
use domain::project::GoodPractice;
use domain::report::ReportData;
use domain::workspace::{
    compile_good_practices, practice_borders, territory_rows, CompilationFilter, NO_THEME,
    UNKNOWN_BORDER,
};
use domain::{Answer, Diagnostic};

const T: &str = "2026-02-01T09:00:00Z";

fn practice(title: &str, theme: Option<&str>, contact: &str) -> GoodPractice {
    GoodPractice {
        id: format!("id-{title}"),
        title: title.into(),
        theme_id: theme.map(str::to_string),
        partners: "Commune voisine".into(),
        description: "Ce qui a été fait.".into(),
        results: "Ce que cela a donné.".into(),
        contact: contact.into(),
        updated_at: T.into(),
    }
}

fn town(
    n: u8,
    commune: &str,
    departement: Option<&str>,
    practices: Vec<GoodPractice>,
) -> Diagnostic {
    let mut d = Diagnostic::new(
        format!("00000000-0000-4000-8000-0000000000{n:02}"),
        commune,
        T,
        &questionnaire().id,
        questionnaire().version,
    );
    if let Some(code) = departement {
        d.set_answer(
            profile_ids::DEPARTEMENT,
            Some(Answer::Choice(code.into())),
            T,
        );
    }
    d.good_practices = practices;
    d
}

fn sample() -> Vec<Diagnostic> {
    vec![
        town(
            1,
            "Givet",
            Some("08"),
            vec![
                practice(
                    "Navette Givet-Dinant",
                    Some("mobilite"),
                    "Mme A, mairie de Givet",
                ),
                practice("", Some("sante"), ""),
            ],
        ),
        town(
            2,
            "Hendaye",
            Some("64"),
            vec![practice(
                "Office de tourisme commun",
                Some("culture"),
                "M. B",
            )],
        ),
        town(
            3,
            "Bouillon-sur-Meuse",
            None,
            vec![practice("Fête commune", None, "")],
        ),
        town(
            4,
            "Anor",
            Some("59"),
            vec![
                practice("Maison de santé transfrontalière", Some("sante"), "Dr C"),
                practice("Bus scolaire", Some("mobilite"), "M. D"),
            ],
        ),
    ]
}

fn compile(filter: &CompilationFilter) -> Vec<domain::workspace::BorderPractices> {
    let data = ReportData::embedded().expect("data");
    let diagnostics = sample();
    let rows = territory_rows(&data, questionnaire(), &diagnostics, &[]);
    compile_good_practices(questionnaire(), &rows, &diagnostics, filter)
}

/// A border's title with, per theme, its title and the practices as « town : practice ».
type Outline = Vec<(String, Vec<(String, Vec<String>)>)>;

#[test]
fn practices_are_grouped_by_border_then_theme_then_town() {
    let borders = compile(&CompilationFilter::default());
    let outline: Outline = borders
        .iter()
        .map(|b| {
            (
                b.border.clone(),
                b.themes
                    .iter()
                    .map(|t| {
                        (
                            t.title.clone(),
                            t.practices
                                .iter()
                                .map(|p| format!("{} : {}", p.commune, p.practice.title))
                                .collect(),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let expected = vec![
        (
            "Belgique".to_string(),
            vec![
                (
                    "Mobilité".to_string(),
                    vec![
                        "Anor : Bus scolaire".to_string(),
                        "Givet : Navette Givet-Dinant".to_string(),
                    ],
                ),
                (
                    "Santé et secours".to_string(),
                    vec!["Anor : Maison de santé transfrontalière".to_string()],
                ),
            ],
        ),
        (
            "Espagne".to_string(),
            vec![(
                "Culture, tourisme et vie associative".to_string(),
                vec!["Hendaye : Office de tourisme commun".to_string()],
            )],
        ),
        (
            UNKNOWN_BORDER.to_string(),
            vec![(
                NO_THEME.to_string(),
                vec!["Bouillon-sur-Meuse : Fête commune".to_string()],
            )],
        ),
    ];
    assert_eq!(outline, expected);
    let givet = &borders[0].themes[0].practices[1];
    assert_eq!(givet.practice.contact, "Mme A, mairie de Givet");
    assert_eq!(givet.departement.as_deref(), Some("Ardennes (08)"));
}

#[test]
fn the_compilation_can_be_limited_to_a_border_and_a_theme() {
    let belgium_health = compile(&CompilationFilter {
        border: Some("Belgique".into()),
        theme_id: Some("sante".into()),
    });
    assert_eq!(belgium_health.len(), 1);
    assert_eq!(belgium_health[0].themes.len(), 1);
    assert_eq!(belgium_health[0].themes[0].practices[0].commune, "Anor");
    let data = ReportData::embedded().expect("data");
    let diagnostics = sample();
    let rows = territory_rows(&data, questionnaire(), &diagnostics, &[]);
    assert_eq!(
        practice_borders(&rows, &diagnostics),
        vec!["Belgique", "Espagne", UNKNOWN_BORDER]
    );
}
