//! MOT's review and feedback authoring: the review stays apart from the town's data, a new
//! feedback takes MOT's status, comments are checked, and the town's import accepts the bundle.

mod common;

use common::{questionnaire, sample_diagnostic, DIAGNOSTIC_ID, FEEDBACK_ID, NOW};
use domain::bundle::{export_feedback, parse_bundle, to_json_pretty, MotStatus};
use domain::workspace::{
    check_feedback, merge_feedback_edits, new_feedback, resume_draft, FeedbackError, FeedbackPart,
    MotReview,
};

#[test]
fn a_review_round_trips_as_json_and_defaults_to_recu() {
    let mut review = MotReview::new(DIAGNOSTIC_ID, NOW);
    assert_eq!(review.status, MotStatus::Recu);
    review.set_notes(
        "Relancer la mairie en avril ; \"urgent\".",
        "2026-03-02T10:00:00Z",
    );
    let json = serde_json::to_string(&review).expect("json");
    assert_eq!(
        serde_json::from_str::<MotReview>(&json).expect("back"),
        review
    );
    let minimal: MotReview =
        serde_json::from_str(&format!(r#"{{"diagnostic_id":"{DIAGNOSTIC_ID}"}}"#)).expect("min");
    assert_eq!(minimal.status, MotStatus::Recu);
}

#[test]
fn a_new_feedback_takes_the_status_but_never_the_notes() {
    let diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    let mut review = MotReview::new(DIAGNOSTIC_ID, NOW);
    review.set_status(MotStatus::ACompleter, NOW);
    review.set_notes("Note interne", NOW);
    let feedback = new_feedback(
        &diagnostic,
        Some(&review),
        " Chargée de mission ",
        NOW,
        FEEDBACK_ID.into(),
    );
    assert_eq!(feedback.status, MotStatus::ACompleter);
    assert_eq!(feedback.diagnostic_revision, 7);
    assert_eq!(feedback.commune_name, "Givet");
    assert_eq!(feedback.insee_code.as_deref(), Some("08190"));
    assert_eq!(feedback.author, "Chargée de mission");
    assert!(feedback.general_comment.is_empty());
    assert!(!serde_json::to_string(&feedback)
        .expect("json")
        .contains("Note interne"));
    assert!(check_feedback(questionnaire(), &feedback).is_empty());
}

#[test]
fn comments_must_refer_to_steps_and_questions_of_the_questionnaire() {
    let diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    let mut feedback = new_feedback(&diagnostic, None, "", "hier", FEEDBACK_ID.into());
    feedback
        .theme_comments
        .insert("inconnu".into(), "Commentaire".into());
    feedback
        .theme_comments
        .insert("mobilite".into(), "  ".into());
    feedback
        .question_comments
        .insert("question_inconnue".into(), "Commentaire".into());
    let errors = check_feedback(questionnaire(), &feedback);
    assert!(errors.contains(&FeedbackError::NoAuthor));
    assert!(errors.contains(&FeedbackError::BadDate("hier".into())));
    assert!(errors.contains(&FeedbackError::UnknownStep("inconnu".into())));
    assert!(errors.contains(&FeedbackError::EmptyComment("Mobilité".into())));
    assert!(errors.contains(&FeedbackError::UnknownQuestion("question_inconnue".into())));
    assert!(errors.iter().all(|e| !e.to_string().is_empty()));
}

#[test]
fn the_town_imports_the_feedback_bundle_mot_writes() {
    let diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    let mut feedback = new_feedback(
        &diagnostic,
        None,
        "Chargée de mission MOT",
        NOW,
        FEEDBACK_ID.into(),
    );
    feedback.status = MotStatus::EnAccompagnement;
    feedback.general_comment = "Merci pour ce diagnostic.".into();
    feedback
        .theme_comments
        .insert("mobilite".into(), "Voir le fonds micro-projets.".into());
    feedback
        .question_comments
        .insert("gov_relations".into(), "À préciser avec le DGS.".into());
    assert!(check_feedback(questionnaire(), &feedback).is_empty());
    let json = to_json_pretty(&export_feedback(&[feedback.clone()], "0.1.0", NOW));
    let valid = parse_bundle("retour.json", json.as_bytes(), questionnaire()).expect("accepted");
    assert_eq!(valid.feedback, vec![feedback]);
}

#[test]
fn a_comment_longer_than_a_bundle_may_carry_is_refused_before_export() {
    let diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    let mut feedback = new_feedback(&diagnostic, None, "MOT", NOW, FEEDBACK_ID.into());
    feedback.general_comment = "é".repeat(10_001);
    feedback
        .theme_comments
        .insert("mobilite".into(), "x".repeat(10_001));
    let errors = check_feedback(questionnaire(), &feedback);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        "Le texte « Commentaire général » compte 10001 caractères, au-delà des 10000 permis : \
         raccourcissez-le."
    );
    assert!(errors[1].to_string().contains("« Mobilité »"));

    // At the limit, the town's import accepts it.
    feedback.general_comment = "é".repeat(10_000);
    feedback.theme_comments.clear();
    assert!(check_feedback(questionnaire(), &feedback).is_empty());
    let json = to_json_pretty(&export_feedback(&[feedback], "0.1.0", NOW));
    assert!(parse_bundle("retour.json", json.as_bytes(), questionnaire()).is_ok());
}

#[test]
fn two_tabs_writing_different_parts_of_a_feedback_both_keep_theirs() {
    let diagnostic = sample_diagnostic(DIAGNOSTIC_ID);
    let mut base = new_feedback(&diagnostic, None, "", NOW, FEEDBACK_ID.into());
    base.theme_comments
        .insert("mobilite".into(), "Ancien".into());
    base.question_comments
        .insert("gov_relations".into(), "À garder".into());
    // Tab A saved a general comment and a question comment; tab B, from the same base, writes
    // the author, rewrites a theme comment and removes a question comment.
    let mut stored = base.clone();
    stored.general_comment = "Écrit dans l'onglet A".into();
    stored
        .question_comments
        .insert("mob_desserte".into(), "A".into());
    stored.revision = 2;
    let mut mine = base.clone();
    mine.author = "Onglet B".into();
    mine.theme_comments
        .insert("mobilite".into(), "Nouveau".into());
    mine.question_comments.remove("gov_relations");

    let merged = merge_feedback_edits(&base, &mine, &stored);
    assert_eq!(merged.author, "Onglet B");
    assert_eq!(merged.general_comment, "Écrit dans l'onglet A");
    assert_eq!(merged.theme_comments["mobilite"], "Nouveau");
    assert_eq!(merged.question_comments.get("gov_relations"), None);
    assert_eq!(merged.question_comments["mob_desserte"], "A");
    assert_eq!(merged.revision, 2, "the stored revision, raised when saved");
}

#[test]
fn a_resumed_draft_fills_what_nobody_changed_since_and_sets_aside_the_rest() {
    let base = new_feedback(
        &sample_diagnostic(DIAGNOSTIC_ID),
        None,
        "",
        NOW,
        FEEDBACK_ID.into(),
    );
    // The draft a closed page left: an author, a general comment, a comment on a step.
    let mut draft = base.clone();
    draft.author = "Jeanne, MOT".into();
    draft.general_comment = "Bon trav".into();
    draft
        .theme_comments
        .insert("mobilite".into(), "Voir le fonds.".into());
    // Since, another page saved a longer general comment.
    let mut shown = base.clone();
    shown.general_comment = "Bon travail, à revoir".into();

    let (resumed, set_aside) = resume_draft(&base, &draft, &shown);
    assert_eq!(resumed.author, "Jeanne, MOT");
    assert_eq!(resumed.general_comment, "Bon travail, à revoir");
    assert_eq!(resumed.theme_comments["mobilite"], "Voir le fonds.");
    assert_eq!(set_aside, [(FeedbackPart::General, "Bon trav".to_string())]);

    // A second draft left on the same comment: set aside, not written over the first.
    let mut other = base.clone();
    other
        .theme_comments
        .insert("mobilite".into(), "Autre texte.".into());
    let (again, set_aside) = resume_draft(&base, &other, &resumed);
    assert_eq!(again.theme_comments["mobilite"], "Voir le fonds.");
    assert_eq!(
        set_aside,
        [(
            FeedbackPart::Step("mobilite".into()),
            "Autre texte.".to_string()
        )]
    );
    // The same draft twice (taken from a page still open, say) is no conflict.
    let (taken, _) = resume_draft(&base, &draft, &base);
    let (same, set_aside) = resume_draft(&base, &draft, &taken);
    assert_eq!(same, taken);
    assert!(set_aside.is_empty());
}
