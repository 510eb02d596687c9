//! A small questionnaire and diagnostic shared by the engine and scoring tests.

use crate::answer::Answer;
use crate::diagnostic::Diagnostic;

use super::model::Questionnaire;

/// A sound questionnaire: the profile, a "gouvernance" theme and a "mobilite" theme.
pub fn questionnaire() -> Questionnaire {
    let questionnaire: Questionnaire = serde_json::from_str(
        r#"{
        "id": "test", "version": 1, "title": "Test",
        "maturity_levels": [
            {"level": 0, "label": "Aucun", "description": "Rien."},
            {"level": 1, "label": "Enjeu identifié", "description": "Vu."},
            {"level": 2, "label": "Contacts établis", "description": "Échanges."},
            {"level": 3, "label": "Action en cours", "description": "Projet."},
            {"level": 4, "label": "Coopération structurée", "description": "Durable."}
        ],
        "steps": [
            {"id": "profil", "kind": "profile", "title": "Profil", "intro": "Votre territoire.",
             "questions": [
                {"id": "profil_commune_nom", "label": "Commune", "help": "Nom.",
                 "kind": {"type": "text", "max_length": 80}},
                {"id": "profil_code_insee", "label": "Code INSEE", "help": "Code.",
                 "kind": {"type": "insee_code"}},
                {"id": "profil_siren_epci", "label": "SIREN", "help": "EPCI.",
                 "kind": {"type": "siren"}, "optional": true},
                {"id": "profil_departement", "label": "Département", "help": "Programmes.",
                 "kind": {"type": "single_choice", "options": [{"id": "08", "label": "Ardennes"},
                    {"id": "64", "label": "Pyrénées-Atlantiques"}]}},
                {"id": "profil_pays_voisins", "label": "Pays", "help": "Frontière.",
                 "kind": {"type": "multiple_choice", "options": [{"id": "BE", "label": "Belgique"},
                    {"id": "ES", "label": "Espagne"}]}},
                {"id": "profil_programmes_interreg", "label": "Programmes", "help": "Financer.",
                 "kind": {"type": "multiple_choice", "options": [{"id": "fwvl", "label": "FWVL"}]},
                 "optional": true}
             ]},
            {"id": "gouvernance", "kind": "theme", "title": "Gouvernance", "intro": "Coopérer.",
             "questions": [
                {"id": "gov_relations", "label": "Relations ?", "help": "Base.",
                 "kind": {"type": "maturity"}},
                {"id": "gov_convention", "label": "Convention ?", "help": "Cadre.",
                 "kind": {"type": "yes_no", "points_yes": 2}},
                {"id": "gov_convention_detail", "label": "Laquelle ?", "help": "Retrouver.",
                 "kind": {"type": "text", "max_length": 20},
                 "condition": {"equals": {"question": "gov_convention", "value": true}}},
                {"id": "gov_convention_annee", "label": "Depuis quand ?", "help": "Ancienneté.",
                 "kind": {"type": "number", "min": 1950, "max": 2030, "integer": true},
                 "condition": {"answered": "gov_convention_detail"}},
                {"id": "gov_instances", "label": "Instances ?", "help": "Présence.",
                 "kind": {"type": "single_choice", "options": [
                    {"id": "jamais", "label": "Jamais", "points": 0},
                    {"id": "parfois", "label": "Ponctuellement", "points": 1},
                    {"id": "souvent", "label": "Régulièrement", "points": 2}]}},
                {"id": "gov_commentaire", "label": "Commentaire", "help": "Libre.",
                 "kind": {"type": "text", "max_length": 500, "multiline": true}, "optional": true}
             ]},
            {"id": "mobilite", "kind": "theme", "title": "Mobilité", "intro": "Se déplacer.",
             "questions": [
                {"id": "mob_desserte", "label": "Desserte ?", "help": "Offre.",
                 "kind": {"type": "multiple_choice", "max_points": 2, "options": [
                    {"id": "aucune", "label": "Aucune", "exclusive": true},
                    {"id": "train", "label": "Train", "points": 1},
                    {"id": "bus", "label": "Bus", "points": 1},
                    {"id": "bac", "label": "Bac", "points": 1}]}},
                {"id": "mob_cooperation", "label": "Coopération ?", "help": "AOM.",
                 "kind": {"type": "maturity"}},
                {"id": "mob_espagne", "label": "Ligne vers l'Espagne ?", "help": "Pyrénées.",
                 "kind": {"type": "yes_no"},
                 "condition": {"any_of": {"question": "profil_pays_voisins", "values": ["ES"]}}}
             ]}
        ]}"#,
    )
    .expect("the test fixture parses");
    assert_eq!(questionnaire.check(), vec![], "the test fixture is sound");
    questionnaire
}

/// An empty diagnostic for the fixture questionnaire, with the commune name answered.
pub fn diagnostic() -> Diagnostic {
    Diagnostic::new("d1".into(), "Givet", "2026-01-01T00:00:00Z", "test", 1)
}

/// Sets an answer on the diagnostic (test shorthand).
pub fn answer(diagnostic: &mut Diagnostic, id: &str, answer: Answer) {
    diagnostic.answers.insert(id.to_string(), answer);
}
