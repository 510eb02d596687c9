//! Migrating answers given against an older questionnaire version, by declared mappings
//! (`questionnaire_migrations.json`): what cannot be mapped is kept and listed, never dropped silently.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::validate::typed_in_form;
use super::MAX_TEXT_CHARS;
use crate::answer::Answer;
use crate::diagnostic::Diagnostic;
use crate::listing::count_of;
use crate::questionnaire::{validate_answer, Questionnaire, StepKind};

/// Private-note key under which answers that could not be carried over are kept, as readable text.
pub const UNMAPPED_NOTE_KEY: &str = "_import_non_repris";

/// The declared mappings between versions of one questionnaire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MigrationTable {
    /// What the file is for, in words.
    #[serde(default)]
    pub description: String,
    /// The questionnaire these mappings apply to.
    pub questionnaire_id: String,
    /// One step per version change.
    pub steps: Vec<MigrationStep>,
}

/// The changes from one questionnaire version to the next.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MigrationStep {
    /// Version the answers were given against.
    pub from_version: u32,
    /// Version they are carried to.
    pub to_version: u32,
    /// What changed, in words.
    #[serde(default)]
    pub description: String,
    /// Old question id → new question id.
    #[serde(default)]
    pub renamed_questions: BTreeMap<String, String>,
    /// New question id → (old option id → new option id).
    #[serde(default)]
    pub renamed_options: BTreeMap<String, BTreeMap<String, String>>,
    /// Old step id → new step id (themes marked "non concerné", notes, project themes).
    #[serde(default)]
    pub renamed_steps: BTreeMap<String, String>,
    /// Questions removed in the new version (their answers are kept and listed).
    #[serde(default)]
    pub dropped_questions: BTreeSet<String>,
}

/// The table shipped with the app, or why it could not be read.
pub fn embedded_migrations() -> Result<&'static MigrationTable, String> {
    static TABLE: OnceLock<Result<MigrationTable, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            serde_json::from_str(include_str!("questionnaire_migrations.json")).map_err(|error| {
                format!(
                    "Les correspondances entre versions du questionnaire sont illisibles : {error}"
                )
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// An answer moved to another question id or option id.
#[derive(Clone, Debug, PartialEq)]
pub struct MovedAnswer {
    /// Question id in the older version.
    pub from_question: String,
    /// Question id in the current version.
    pub to_question: String,
}

/// An answer that could not be carried to the current version, kept aside.
#[derive(Clone, Debug, PartialEq)]
pub struct UnmappedAnswer {
    /// Question id as given.
    pub question_id: String,
    /// The answer as given.
    pub answer: Answer,
    /// Why it was not carried over, in French.
    pub reason: String,
}

/// What a migration did to one diagnostic.
#[derive(Clone, Debug, PartialEq)]
pub struct MigrationReport {
    /// Version the answers were given against.
    pub from_version: u32,
    /// Version they were carried to.
    pub to_version: u32,
    /// Answers moved to a new question or option id.
    pub moved: Vec<MovedAnswer>,
    /// Answers kept aside (in the private note [`UNMAPPED_NOTE_KEY`]).
    pub unmapped: Vec<UnmappedAnswer>,
    /// Themes marked "non concerné" that the current version no longer has.
    pub dropped_themes: Vec<String>,
}

impl MigrationReport {
    /// One French sentence for the import report.
    pub fn summary(&self) -> String {
        format!(
            "Réponses reprises de la version {} à la version {} du questionnaire : {}, {}.",
            self.from_version,
            self.to_version,
            count_of(self.moved.len(), "déplacée", "déplacées"),
            count_of(self.unmapped.len(), "non reprise", "non reprises")
        )
    }
}

/// Carries a diagnostic's answers to the current questionnaire version, in place.
///
/// Versions without a declared step keep their ids. Answers to questions the current version lacks,
/// or that no longer fit their question, are removed from the answers, listed in the report and
/// written as text in the private note [`UNMAPPED_NOTE_KEY`].
pub fn migrate_answers(
    diagnostic: &mut Diagnostic,
    table: &MigrationTable,
    questionnaire: &Questionnaire,
) -> MigrationReport {
    let mut report = MigrationReport {
        from_version: diagnostic.questionnaire_version,
        to_version: questionnaire.version,
        moved: Vec::new(),
        unmapped: Vec::new(),
        dropped_themes: Vec::new(),
    };
    let mut version = diagnostic.questionnaire_version;
    let mut origin: BTreeMap<String, String> = diagnostic
        .answers
        .keys()
        .map(|id| (id.clone(), id.clone()))
        .collect();
    while version < questionnaire.version {
        let step = table.steps.iter().find(|step| {
            table.questionnaire_id == diagnostic.questionnaire_id
                && step.from_version == version
                && step.to_version > version
                && step.to_version <= questionnaire.version
        });
        match step {
            Some(step) => {
                apply_step(diagnostic, step, &mut origin, &mut report);
                version = step.to_version;
            }
            None => version += 1,
        }
    }
    let answers = std::mem::take(&mut diagnostic.answers);
    for (question_id, answer) in answers {
        let reason = unfit_reason(questionnaire, &question_id, &answer);
        match reason {
            Some(reason) => report.unmapped.push(UnmappedAnswer {
                question_id: origin.get(&question_id).cloned().unwrap_or(question_id),
                answer,
                reason,
            }),
            None => {
                if let Some(from) = origin
                    .get(&question_id)
                    .filter(|from| **from != question_id)
                {
                    report.moved.push(MovedAnswer {
                        from_question: from.clone(),
                        to_question: question_id.clone(),
                    });
                }
                diagnostic.answers.insert(question_id, answer);
            }
        }
    }
    let themes: BTreeSet<&str> = questionnaire
        .steps
        .iter()
        .filter(|step| step.kind == StepKind::Theme)
        .map(|step| step.id.as_str())
        .collect();
    let (kept, dropped): (BTreeSet<String>, BTreeSet<String>) =
        std::mem::take(&mut diagnostic.not_concerned_themes)
            .into_iter()
            .partition(|theme| themes.contains(theme.as_str()));
    diagnostic.not_concerned_themes = kept;
    report.dropped_themes = dropped.into_iter().collect();
    diagnostic.questionnaire_version = questionnaire.version;
    keep_unmapped_answers(
        &mut diagnostic.private_notes,
        &unmapped_heading(&report),
        &report.unmapped,
    );
    // A note on a step this version no longer has joins the note of what was not carried
    // over: kept, and the diagnostic's later files still read back (notes belong to steps).
    let orphans: Vec<(String, String)> = diagnostic
        .private_notes
        .iter()
        .filter(|(step, _)| *step != UNMAPPED_NOTE_KEY && questionnaire.step(step).is_none())
        .map(|(step, note)| (step.clone(), note.clone()))
        .collect();
    for (step, note) in orphans {
        diagnostic.private_notes.remove(&step);
        append_unmapped_note(
            &mut diagnostic.private_notes,
            &format!(
                "Note de l'étape « {step} », absente de la version {} : {note}",
                questionnaire.version
            ),
        );
    }
    report
}

/// Why an answer does not fit the question `question_id` of this questionnaire, if it does not
/// (an answer the form keeps flagged for correction fits: it is imported as it is).
fn unfit_reason(
    questionnaire: &Questionnaire,
    question_id: &str,
    answer: &Answer,
) -> Option<String> {
    match questionnaire.question(question_id) {
        None => Some(format!(
            "la question n'existe plus dans la version {} du questionnaire",
            questionnaire.version
        )),
        Some(question) => validate_answer(question, answer)
            .err()
            .filter(|error| {
                !(error.is_kept_for_correction() && typed_in_form(&question.kind, answer))
            })
            .map(|error| error.to_string()),
    }
}

/// Carries one answer given against an unknown older version of the questionnaire (a crash
/// journal written by an older app) through every declared step, in order: the question it
/// now belongs to and the answer with its options renamed, or why it cannot be carried.
///
/// `None` clears an answer: it is carried to the same question, and always fits.
pub fn carry_answer(
    table: &MigrationTable,
    questionnaire: &Questionnaire,
    question_id: &str,
    answer: Option<Answer>,
) -> Result<(String, Option<Answer>), String> {
    let mut steps: Vec<&MigrationStep> = table
        .steps
        .iter()
        .filter(|step| {
            table.questionnaire_id == questionnaire.id
                && step.from_version < step.to_version
                && step.to_version <= questionnaire.version
        })
        .collect();
    steps.sort_by_key(|step| step.from_version);
    let mut id = question_id.to_string();
    let mut answer = answer;
    for step in steps {
        if step.dropped_questions.contains(&id) {
            return Err(format!(
                "la question a été retirée en version {} du questionnaire",
                step.to_version
            ));
        }
        if let Some(new_id) = step.renamed_questions.get(&id) {
            id = new_id.clone();
        }
        if let Some(options) = step.renamed_options.get(&id) {
            answer = answer.map(|answer| rename_options(answer, options));
        }
    }
    match answer
        .as_ref()
        .and_then(|answer| unfit_reason(questionnaire, &id, answer))
    {
        Some(reason) => Err(reason),
        None if questionnaire.question(&id).is_none() => Err(format!(
            "la question n'existe plus dans la version {} du questionnaire",
            questionnaire.version
        )),
        None => Ok((id, answer)),
    }
}

/// Keeps answers that could not be carried over in the private note [`UNMAPPED_NOTE_KEY`],
/// under `heading`, as readable text (one line per answer, with its reason).
pub fn keep_unmapped_answers(
    notes: &mut BTreeMap<String, String>,
    heading: &str,
    unmapped: &[UnmappedAnswer],
) {
    if unmapped.is_empty() {
        return;
    }
    let mut text = heading.to_string();
    for item in unmapped {
        let answer = serde_json::to_string(&item.answer).unwrap_or_default();
        text.push_str(&format!(
            "\n- {} : {} ({})",
            item.question_id, answer, item.reason
        ));
    }
    append_unmapped_note(notes, &text);
}

/// Written at the start of the note of answers not carried over once its oldest text is cut.
const CUT_MARK: &str = "[…] ";

/// Appends `note` to the private note of answers not carried over ([`UNMAPPED_NOTE_KEY`]),
/// unless it holds it already, and keeps that note within the bundles' text limit (else no
/// later backup of the diagnostic could be read back): past it, the oldest text is cut.
pub fn append_unmapped_note(notes: &mut BTreeMap<String, String>, note: &str) {
    let entry = notes.entry(UNMAPPED_NOTE_KEY.to_string()).or_default();
    if entry.contains(note) {
        return;
    }
    if !entry.is_empty() {
        entry.push_str("\n\n");
    }
    entry.push_str(note);
    let length = entry.chars().count();
    if length > MAX_TEXT_CHARS {
        let cut = length - (MAX_TEXT_CHARS - CUT_MARK.chars().count());
        let kept: String = entry.chars().skip(cut).collect();
        *entry = format!("{CUT_MARK}{kept}");
    }
}

fn apply_step(
    diagnostic: &mut Diagnostic,
    step: &MigrationStep,
    origin: &mut BTreeMap<String, String>,
    report: &mut MigrationReport,
) {
    let answers = std::mem::take(&mut diagnostic.answers);
    let mut new_origin = BTreeMap::new();
    // Answers renamed onto a question that keeps its id, or onto one that another renamed
    // answer reaches too (two questions merged into one), are settled once every answer of
    // the step is known: the map's order must not decide which one is kept.
    let mut merged: Vec<(String, String, Answer)> = Vec::new();
    for (question_id, answer) in answers {
        let first_id = origin
            .get(&question_id)
            .cloned()
            .unwrap_or(question_id.clone());
        if step.dropped_questions.contains(&question_id) {
            report.unmapped.push(UnmappedAnswer {
                question_id: first_id,
                answer,
                reason: format!(
                    "la question a été retirée en version {} du questionnaire",
                    step.to_version
                ),
            });
            continue;
        }
        let new_id = step
            .renamed_questions
            .get(&question_id)
            .cloned()
            .unwrap_or(question_id.clone());
        let answer = match step.renamed_options.get(&new_id) {
            Some(options) => rename_options(answer, options),
            None => answer,
        };
        if new_id == question_id {
            new_origin.insert(new_id.clone(), first_id);
            diagnostic.answers.insert(new_id, answer);
        } else {
            merged.push((new_id, first_id, answer));
        }
    }
    for (new_id, first_id, answer) in merged {
        match diagnostic.answers.get(&new_id) {
            None => {
                new_origin.insert(new_id.clone(), first_id);
                diagnostic.answers.insert(new_id, answer);
            }
            // The same answer twice: nothing is lost by keeping one.
            Some(kept) if *kept == answer => {}
            // « Ne sait pas » gives way to an answer that says something.
            Some(Answer::Unknown) => {
                let replaced = new_origin
                    .insert(new_id.clone(), first_id)
                    .unwrap_or(new_id.clone());
                if let Some(unknown) = diagnostic.answers.insert(new_id.clone(), answer) {
                    report
                        .unmapped
                        .push(merged_away(replaced, unknown, &new_id, step));
                }
            }
            Some(_) => report
                .unmapped
                .push(merged_away(first_id, answer, &new_id, step)),
        }
    }
    *origin = new_origin;
    let rename = |id: &String| step.renamed_steps.get(id).cloned().unwrap_or(id.clone());
    diagnostic.not_concerned_themes = diagnostic.not_concerned_themes.iter().map(rename).collect();
    diagnostic.private_notes = std::mem::take(&mut diagnostic.private_notes)
        .into_iter()
        .map(|(id, note)| (rename(&id), note))
        .collect();
    for sheet in &mut diagnostic.project_sheets {
        sheet.theme_id = sheet.theme_id.as_ref().map(rename);
    }
    for practice in &mut diagnostic.good_practices {
        practice.theme_id = practice.theme_id.as_ref().map(rename);
    }
}

/// An answer not kept because the question it was merged into already had another one.
fn merged_away(
    question_id: String,
    answer: Answer,
    into: &str,
    step: &MigrationStep,
) -> UnmappedAnswer {
    UnmappedAnswer {
        question_id,
        answer,
        reason: format!(
            "la question a été réunie avec « {into} » en version {} du questionnaire, qui avait \
             déjà une autre réponse",
            step.to_version
        ),
    }
}

fn rename_options(answer: Answer, options: &BTreeMap<String, String>) -> Answer {
    let rename = |id: String| options.get(&id).cloned().unwrap_or(id);
    match answer {
        Answer::Choice(id) => Answer::Choice(rename(id)),
        Answer::Choices(ids) => Answer::Choices(ids.into_iter().map(rename).collect()),
        other => other,
    }
}

/// The heading of the note of answers a migration could not carry over.
fn unmapped_heading(report: &MigrationReport) -> String {
    format!(
        "Réponses non reprises en passant à la version {1} du questionnaire (version {0} → {1}) :",
        report.from_version, report.to_version
    )
}
