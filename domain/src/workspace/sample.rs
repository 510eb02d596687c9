//! Realistic, valid diagnostics for tests and benchmarks: border communes of many départements,
//! answers valid against the questionnaire and its skip logic, some "non concerné" themes, some
//! "ne sait pas", some unfinished diagnostics and some good practices. Deterministic from a seed
//! (a small xorshift generator, no external crate).

use std::collections::BTreeMap;

use crate::answer::Answer;
use crate::diagnostic::{profile_ids, Diagnostic, DiagnosticStatus};
use crate::project::GoodPractice;
use crate::questionnaire::{
    is_question_visible, validate_answer, Question, QuestionKind, Questionnaire, StepKind,
};
use crate::reference::ReferenceTables;

/// Border communes (name, département code) the generator draws from.
const COMMUNES: [(&str, &str); 40] = [
    ("Givet", "08"),
    ("Sedan", "08"),
    ("Fumay", "08"),
    ("Hirson", "02"),
    ("Maubeuge", "59"),
    ("Jeumont", "59"),
    ("Armentières", "59"),
    ("Montmédy", "55"),
    ("Longwy", "54"),
    ("Villerupt", "54"),
    ("Thionville", "57"),
    ("Forbach", "57"),
    ("Sarreguemines", "57"),
    ("Bitche", "57"),
    ("Wissembourg", "67"),
    ("Lauterbourg", "67"),
    ("Saint-Louis", "68"),
    ("Huningue", "68"),
    ("Delle", "90"),
    ("Pontarlier", "25"),
    ("Morteau", "25"),
    ("Saint-Claude", "39"),
    ("Divonne-les-Bains", "01"),
    ("Saint-Genis-Pouilly", "01"),
    ("Annemasse", "74"),
    ("Évian-les-Bains", "74"),
    ("Saint-Julien-en-Genevois", "74"),
    ("Chamonix-Mont-Blanc", "74"),
    ("Bourg-Saint-Maurice", "73"),
    ("Modane", "73"),
    ("Briançon", "05"),
    ("Barcelonnette", "04"),
    ("Menton", "06"),
    ("Breil-sur-Roya", "06"),
    ("Hendaye", "64"),
    ("Saint-Jean-Pied-de-Port", "64"),
    ("Bagnères-de-Luchon", "31"),
    ("Ax-les-Thermes", "09"),
    ("Céret", "66"),
    ("Saint-Laurent-du-Maroni", "973"),
];

/// Free texts, some with quotes, semicolons and line breaks, as towns type them.
const TEXTS: [&str; 6] = [
    "Convention signée en 2019 avec la commune voisine ; suivi annuel.",
    "Le « Pass frontalier » reste mal connu des habitants.",
    "Réunions trimestrielles\navec l'intercommunalité voisine.",
    "Projet de piste cyclable \"Vélo sans frontière\" à l'étude.",
    "Difficultés de reconnaissance des diplômes d'aide-soignant·e.",
    "Échanges réguliers entre écoles ; besoin d'un financement.",
];

/// Titles of good practices.
const PRACTICES: [&str; 5] = [
    "Navette transfrontalière du samedi",
    "Permanence commune « emploi frontalier »",
    "Jumelage scolaire bilingue",
    "Plan d'alerte crues partagé",
    "Marché de producteurs des deux rives",
];

/// A tiny xorshift64* generator: deterministic, good enough for test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed odd constant).
    pub fn new(seed: u64) -> Self {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        (self.next_u64() % bound as u64) as usize
    }

    /// True with the given chance, in percent.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a slice, if any.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// A random UUID (version 4 shape).
    pub fn uuid(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xFFFF,
            a & 0xFFF,
            0x8000 | (b >> 48) & 0x3FFF,
            b & 0xFFFF_FFFF_FFFF
        )
    }
}

/// `n` realistic diagnostics against the embedded questionnaire and reference tables (empty if
/// those could not be read, which the data tests rule out).
pub fn realistic_diagnostics(n: usize, seed: u64) -> Vec<Diagnostic> {
    match (Questionnaire::embedded(), ReferenceTables::embedded()) {
        (Ok(questionnaire), Ok(tables)) => {
            realistic_diagnostics_with(questionnaire, tables, n, seed)
        }
        _ => Vec::new(),
    }
}

/// `n` realistic diagnostics against the given questionnaire and tables.
pub fn realistic_diagnostics_with(
    questionnaire: &Questionnaire,
    tables: &ReferenceTables,
    n: usize,
    seed: u64,
) -> Vec<Diagnostic> {
    let communes: Vec<(&str, &str)> = COMMUNES
        .iter()
        .copied()
        .filter(|(_, code)| {
            tables
                .departement(code)
                .is_some_and(|d| !d.neighbours.is_empty())
        })
        .collect();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|index| {
            let (name, code) = rng.pick(&communes).copied().unwrap_or(("Givet", "08"));
            generate(questionnaire, tables, &mut rng, index, name, code)
        })
        .collect()
}

fn timestamp(rng: &mut Rng) -> String {
    format!(
        "2026-{:02}-{:02}T{:02}:{:02}:00Z",
        1 + rng.below(12),
        1 + rng.below(28),
        7 + rng.below(12),
        rng.below(60)
    )
}

fn generate(
    questionnaire: &Questionnaire,
    tables: &ReferenceTables,
    rng: &mut Rng,
    index: usize,
    name: &str,
    departement: &str,
) -> Diagnostic {
    let now = timestamp(rng);
    let commune = if index >= COMMUNES.len() {
        format!("{name} ({})", index / COMMUNES.len() + 1)
    } else {
        name.to_string()
    };
    let mut d = Diagnostic::new(
        rng.uuid(),
        &commune,
        &now,
        &questionnaire.id,
        questionnaire.version,
    );
    d.revision = 1 + rng.below(40) as u32;
    let mut profile = BTreeMap::new();
    let insee_prefix = if departement.len() == 3 {
        format!("{departement}{:02}", 1 + rng.below(60))
    } else {
        format!("{departement}{:03}", 1 + rng.below(600))
    };
    profile.insert(profile_ids::INSEE_CODE, Answer::Text(insee_prefix));
    profile.insert(
        profile_ids::DEPARTEMENT,
        Answer::Choice(departement.to_string()),
    );
    if let Some(dep) = tables.departement(departement) {
        let mut countries = dep.neighbours.clone();
        if countries.len() > 1 && rng.chance(30) {
            countries.truncate(1);
        }
        profile.insert(profile_ids::NEIGHBOUR_COUNTRIES, Answer::Choices(countries));
    }
    let programmes: Vec<String> = tables
        .suggest_programmes(departement)
        .iter()
        .map(|p| p.id.clone())
        .collect();
    if !programmes.is_empty() && rng.chance(80) {
        profile.insert(
            profile_ids::INTERREG_PROGRAMMES,
            Answer::Choices(programmes),
        );
    }
    // How far the town went: most finish, some stop half-way.
    let diligence = if rng.chance(70) {
        100
    } else {
        40 + rng.below(50)
    };
    for step in &questionnaire.steps {
        if step.kind == StepKind::Theme && rng.chance(8) {
            d.not_concerned_themes.insert(step.id.clone());
            continue;
        }
        for question in &step.questions {
            if d.answers.contains_key(&question.id)
                || !is_question_visible(questionnaire, question, &d.answers)
            {
                continue;
            }
            let answer = match profile.remove(question.id.as_str()) {
                Some(answer) => Some(answer),
                None if question.id == profile_ids::INTERREG_PROGRAMMES => None,
                None if question.optional && rng.chance(60) => None,
                None if !rng.chance(diligence) => None,
                None => answer_for(question, rng),
            };
            if let Some(answer) = answer.filter(|a| validate_answer(question, a).is_ok()) {
                d.answers.insert(question.id.clone(), answer);
            }
        }
    }
    if diligence == 100 && rng.chance(70) {
        d.status = DiagnosticStatus::Completed;
    }
    let practices = if rng.chance(30) { 1 + rng.below(2) } else { 0 };
    let themes: Vec<&str> = questionnaire.theme_steps().map(|s| s.id.as_str()).collect();
    for _ in 0..practices {
        let title = rng.pick(&PRACTICES).copied().unwrap_or_default();
        d.good_practices.push(GoodPractice {
            id: rng.uuid(),
            title: title.to_string(),
            theme_id: rng.pick(&themes).map(|t| t.to_string()),
            partners: "Commune voisine ; office de tourisme".to_string(),
            description: rng.pick(&TEXTS).copied().unwrap_or_default().to_string(),
            results: "Fréquentation en hausse de 20 %.".to_string(),
            contact: "Chargée de mission PVD".to_string(),
            updated_at: now.clone(),
        });
    }
    d
}

fn answer_for(question: &Question, rng: &mut Rng) -> Option<Answer> {
    if question.accepts_unknown() && rng.chance(7) {
        return Some(Answer::Unknown);
    }
    let answer = match &question.kind {
        QuestionKind::YesNo { .. } => Answer::YesNo(rng.chance(55)),
        QuestionKind::Maturity => Answer::Maturity(rng.below(5) as u8),
        QuestionKind::SingleChoice { options, .. } => Answer::Choice(rng.pick(options)?.id.clone()),
        QuestionKind::MultipleChoice { options, .. } => {
            let exclusive: Vec<_> = options.iter().filter(|o| o.exclusive).collect();
            let open: Vec<_> = options.iter().filter(|o| !o.exclusive).collect();
            if !exclusive.is_empty() && (open.is_empty() || rng.chance(12)) {
                Answer::Choices(vec![rng.pick(&exclusive)?.id.clone()])
            } else {
                let mut ids: Vec<String> = Vec::new();
                for _ in 0..1 + rng.below(3) {
                    let id = &rng.pick(&open)?.id;
                    if !ids.contains(id) {
                        ids.push(id.clone());
                    }
                }
                Answer::Choices(ids)
            }
        }
        QuestionKind::Number {
            min, max, integer, ..
        } => {
            let low = min.unwrap_or(0.0);
            let high = max.unwrap_or(low + 1000.0).min(low + 20_000.0);
            let value = low + (high - low) * (rng.below(1001) as f64 / 1000.0);
            Answer::Number(if *integer {
                value.round()
            } else {
                (value * 10.0).round() / 10.0
            })
        }
        QuestionKind::Text {
            max_length,
            multiline,
        } => {
            let text = rng.pick(&TEXTS)?;
            let text = if *multiline {
                text.to_string()
            } else {
                text.replace('\n', " ")
            };
            Answer::Text(text.chars().take(*max_length as usize).collect())
        }
        QuestionKind::Siren => Answer::Text(siren(rng)),
        QuestionKind::InseeCode => return None,
    };
    Some(answer)
}

/// A SIREN with a valid Luhn key.
fn siren(rng: &mut Rng) -> String {
    let mut digits: Vec<u32> = (0..8).map(|_| rng.below(10) as u32).collect();
    digits[0] = 2;
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        // The key will sit at the right, so the rightmost of these 8 digits is doubled.
        .map(|(i, d)| {
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                *d
            }
        })
        .sum();
    digits.push((10 - sum % 10) % 10);
    digits.iter().map(|d| char::from(b'0' + *d as u8)).collect()
}
