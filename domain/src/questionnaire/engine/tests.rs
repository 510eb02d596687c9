//! Tests of visibility, "non concerné", progress and review.

use super::*;
use crate::questionnaire::fixture::{answer, diagnostic, questionnaire};

fn visible(q: &Questionnaire, d: &Diagnostic, id: &str) -> bool {
    let question = q.question(id).expect("question exists");
    is_question_visible(q, question, &d.answers)
}

#[test]
fn a_conditional_question_shows_only_when_its_condition_holds() {
    let q = questionnaire();
    let mut d = diagnostic();
    assert!(visible(&q, &d, "gov_relations"));
    assert!(!visible(&q, &d, "gov_convention_detail"));
    answer(&mut d, "gov_convention", Answer::YesNo(true));
    assert!(visible(&q, &d, "gov_convention_detail"));
    answer(&mut d, "gov_convention", Answer::Unknown);
    assert!(!visible(&q, &d, "gov_convention_detail"));
}

#[test]
fn a_question_depending_on_a_hidden_question_is_hidden_too() {
    let q = questionnaire();
    let mut d = diagnostic();
    answer(&mut d, "gov_convention", Answer::YesNo(true));
    answer(
        &mut d,
        "gov_convention_detail",
        Answer::Text("Convention Givet-Namur".into()),
    );
    assert!(visible(&q, &d, "gov_convention_annee"));
    // "Non" hides the detail; its answer is kept but no longer shows the year question.
    answer(&mut d, "gov_convention", Answer::YesNo(false));
    assert!(!visible(&q, &d, "gov_convention_annee"));
    assert!(d.answers.contains_key("gov_convention_detail"));
}

#[test]
fn conditions_can_read_the_profile() {
    let q = questionnaire();
    let mut d = diagnostic();
    assert!(!visible(&q, &d, "mob_espagne"));
    answer(
        &mut d,
        "profil_pays_voisins",
        Answer::Choices(vec!["BE".into(), "ES".into()]),
    );
    assert!(visible(&q, &d, "mob_espagne"));
}

#[test]
fn progress_counts_visible_required_questions_with_valid_answers() {
    let q = questionnaire();
    let mut d = diagnostic();
    let gov = q.step("gouvernance").expect("step");
    assert_eq!(
        step_progress(&q, gov, &d),
        Progress {
            answered: 0,
            applicable: 3
        }
    );

    answer(&mut d, "gov_relations", Answer::Maturity(2));
    answer(&mut d, "gov_convention", Answer::YesNo(true));
    answer(&mut d, "gov_instances", Answer::Choice("nulle_part".into()));
    answer(
        &mut d,
        "gov_commentaire",
        Answer::Text("Rien à ajouter".into()),
    );
    // Detail now visible (unanswered); the invalid option does not count; the comment is optional.
    assert_eq!(
        step_progress(&q, gov, &d),
        Progress {
            answered: 2,
            applicable: 4
        }
    );

    answer(&mut d, "gov_instances", Answer::Unknown);
    assert_eq!(
        validate_answer(q.question("gov_instances").expect("q"), &Answer::Unknown),
        Err(AnswerError::UnknownNotAllowed)
    );
    answer(&mut d, "gov_instances", Answer::Choice("souvent".into()));
    answer(
        &mut d,
        "gov_convention_detail",
        Answer::Text("Accord Givet-Namur".into()),
    );
    answer(&mut d, "gov_convention_annee", Answer::Number(2019.0));
    let progress = step_progress(&q, gov, &d);
    assert_eq!(
        progress,
        Progress {
            answered: 5,
            applicable: 5
        }
    );
    assert!(progress.is_complete());
    assert_eq!(progress.percent(), 100);
}

#[test]
fn a_not_concerned_theme_has_nothing_applicable_but_keeps_its_answers() {
    let q = questionnaire();
    let mut d = diagnostic();
    answer(&mut d, "mob_cooperation", Answer::Maturity(3));
    d.not_concerned_themes.insert("mobilite".into());
    let mob = q.step("mobilite").expect("step");
    assert_eq!(
        step_progress(&q, mob, &d),
        Progress {
            answered: 0,
            applicable: 0
        }
    );
    assert_eq!(step_progress(&q, mob, &d).percent(), 100);
    assert_eq!(d.answers.get("mob_cooperation"), Some(&Answer::Maturity(3)));
    assert!(review(&q, &d).iter().all(|item| item.step_id != "mobilite"));
}

#[test]
fn the_profile_cannot_be_marked_not_concerned() {
    let q = questionnaire();
    let mut d = diagnostic();
    d.not_concerned_themes.insert("profil".into());
    let profile = q.step("profil").expect("step");
    assert_eq!(
        step_progress(&q, profile, &d),
        Progress {
            answered: 1,
            applicable: 4
        }
    );
}

#[test]
fn overall_progress_sums_the_steps() {
    let q = questionnaire();
    let mut d = diagnostic();
    answer(&mut d, "mob_cooperation", Answer::Unknown);
    assert_eq!(
        overall_progress(&q, &d),
        Progress {
            answered: 2,
            applicable: 9
        }
    );
    assert_eq!(overall_progress(&q, &d).percent(), 22);
}

#[test]
fn review_lists_missing_and_invalid_answers_in_questionnaire_order() {
    let q = questionnaire();
    let mut d = diagnostic();
    answer(&mut d, "profil_code_insee", Answer::Text("20004".into()));
    answer(
        &mut d,
        "profil_siren_epci",
        Answer::Text("123456789".into()),
    );
    answer(&mut d, "gov_convention", Answer::YesNo(true));
    answer(
        &mut d,
        "gov_convention_detail",
        Answer::Text("Un texte bien trop long pour la limite".into()),
    );
    d.not_concerned_themes.insert("mobilite".into());

    let items = review(&q, &d);
    let ids: Vec<&str> = items.iter().map(|item| item.question_id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "profil_code_insee",
            "profil_siren_epci",
            "profil_departement",
            "profil_pays_voisins",
            "gov_relations",
            "gov_convention_detail",
            "gov_convention_annee",
            "gov_instances",
        ]
    );
    assert_eq!(items[0].step_id, "profil");
    assert_eq!(items[0].question_label, "Code INSEE");
    assert!(items[0].message().contains("2B"));
    assert!(items[1].message().contains("Luhn"));
    assert_eq!(
        items[2].message(),
        "Cette question n'a pas encore de réponse."
    );
    assert!(matches!(
        items[5].problem,
        ReviewProblem::Invalid(AnswerError::TextTooLong { .. })
    ));
}

#[test]
fn an_unchecked_cycle_does_not_loop_forever() {
    let mut q = questionnaire();
    q.steps[1].questions[0].condition =
        Some(serde_json::from_str(r#"{"answered": "gov_convention"}"#).expect("condition"));
    q.steps[1].questions[1].condition =
        Some(serde_json::from_str(r#"{"answered": "gov_relations"}"#).expect("condition"));
    let d = diagnostic();
    assert!(!visible(&q, &d, "gov_relations"));
}
