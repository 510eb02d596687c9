//! Shared fixtures of the bundle tests: a filled-in diagnostic, MOT feedback, and helpers.
#![allow(dead_code)]

use domain::bundle::{closing_ids, MotFeedback, MotStatus};
use domain::diagnostic::profile_ids;
use domain::project::{BudgetClass, GoodPractice, Partner, ProjectSheet};
use domain::{Answer, Diagnostic, DiagnosticStatus, Questionnaire};

/// A fixed "now".
pub const NOW: &str = "2026-03-01T10:00:00Z";

/// Id of the sample diagnostic.
pub const DIAGNOSTIC_ID: &str = "3f2b8c1e-7a4d-4e2b-9c1a-2b3c4d5e6f70";

/// Id of the sample feedback.
pub const FEEDBACK_ID: &str = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";

/// The questionnaire shipped with the app.
pub fn questionnaire() -> &'static Questionnaire {
    Questionnaire::embedded().expect("embedded questionnaire")
}

/// The first non-exclusive option of a choice question, when the questionnaire has it.
fn first_option(questionnaire: &Questionnaire, question_id: &str) -> Option<String> {
    questionnaire.question(question_id).and_then(|q| {
        q.kind
            .options()
            .iter()
            .find(|o| !o.exclusive)
            .map(|o| o.id.clone())
    })
}

/// A diagnostic of Givet filled in against the embedded questionnaire, with a project sheet,
/// a good practice and a private note.
pub fn sample_diagnostic(id: &str) -> Diagnostic {
    let questionnaire = questionnaire();
    let mut d = Diagnostic::new(
        id.to_string(),
        "Givet",
        "2026-02-01T09:00:00Z",
        &questionnaire.id,
        questionnaire.version,
    );
    let answers = [
        (profile_ids::INSEE_CODE, Answer::Text("08190".into())),
        (profile_ids::EPCI_SIREN, Answer::Text("200067213".into())),
        (profile_ids::DEPARTEMENT, Answer::Choice("08".into())),
        (
            profile_ids::NEIGHBOUR_COUNTRIES,
            Answer::Choices(vec!["BE".into()]),
        ),
        (
            profile_ids::INTERREG_PROGRAMMES,
            Answer::Choices(vec!["fwvl".into()]),
        ),
        ("profil_population", Answer::Number(6500.0)),
        ("gov_relations", Answer::Maturity(2)),
        ("gov_convention", Answer::YesNo(true)),
        (
            "gov_convention_detail",
            Answer::Text("Convention avec Beauraing depuis 2019, sur la mobilité.".into()),
        ),
        ("gov_instances", Answer::Choice("ponctuellement".into())),
        (
            "mob_desserte",
            Answer::Choices(vec!["train".into(), "bus".into()]),
        ),
        ("san_temps_voisin", Answer::Number(25.0)),
        ("mob_cooperation_aom", Answer::Unknown),
    ];
    for (question, answer) in answers {
        if questionnaire.question(question).is_some() {
            d.set_answer(question, Some(answer), "2026-02-02T09:00:00Z");
        }
    }
    for question in [
        closing_ids::TRAINING_INTERESTS,
        closing_ids::SUPPORT_REQUESTS,
    ] {
        if let Some(option) = first_option(questionnaire, question) {
            let answer = match questionnaire.question(question).map(|q| q.kind.type_name()) {
                Some("single_choice") => Answer::Choice(option),
                _ => Answer::Choices(vec![option]),
            };
            d.set_answer(question, Some(answer), "2026-02-02T09:00:00Z");
        }
    }
    d.not_concerned_themes.insert("culture".into());
    d.private_notes
        .insert("gouvernance".into(), "À vérifier avec le DGS.".into());
    d.status = DiagnosticStatus::Completed;
    d.project_sheets.push(ProjectSheet {
        id: "a1b2c3d4-0000-4000-8000-000000000001".into(),
        title: "Navette transfrontalière Givet – Dinant".into(),
        theme_id: Some("mobilite".into()),
        need: "Relier la gare de Givet à Dinant le samedi.".into(),
        partners: vec![Partner {
            name: "Ville de Dinant".into(),
            country: "BE".into(),
            kind: "commune".into(),
            ..Partner::default()
        }],
        actions: vec!["Étude de fréquentation".into()],
        budget_class: Some(BudgetClass::Under30k),
        funding_sources: vec!["Fonds micro-projets".into()],
        created_at: "2026-02-03T09:00:00Z".into(),
        updated_at: "2026-02-03T09:00:00Z".into(),
        ..ProjectSheet::default()
    });
    d.good_practices.push(GoodPractice {
        id: "a1b2c3d4-0000-4000-8000-000000000002".into(),
        title: "Marché transfrontalier".into(),
        theme_id: Some("economie".into()),
        description: "Un marché mensuel des producteurs des deux pays.".into(),
        ..GoodPractice::default()
    });
    d.revision = 7;
    d.updated_at = "2026-02-04T09:00:00Z".into();
    d
}

/// MOT's feedback on the sample diagnostic.
pub fn sample_feedback() -> MotFeedback {
    let mut feedback = MotFeedback {
        id: FEEDBACK_ID.into(),
        revision: 1,
        diagnostic_id: DIAGNOSTIC_ID.into(),
        diagnostic_revision: 7,
        commune_name: "Givet".into(),
        insee_code: Some("08190".into()),
        status: MotStatus::EnAccompagnement,
        author: "Chargée de mission MOT".into(),
        written_at: "2026-03-05T14:00:00Z".into(),
        general_comment: "Merci pour ce diagnostic très complet.".into(),
        ..MotFeedback::default()
    };
    feedback
        .theme_comments
        .insert("mobilite".into(), "Voir le fonds micro-projets.".into());
    feedback
        .question_comments
        .insert("gov_relations".into(), "Niveau 3 possible en 2027.".into());
    feedback
}
