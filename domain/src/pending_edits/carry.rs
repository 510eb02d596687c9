//! Carrying a crash journal written by an older version of the app to the current questionnaire.
//!
//! Stored diagnostics are carried to the current questionnaire version when the app opens its
//! database; a journal left by a tab of the older app (closed before it could commit) still
//! names the older questions. Its answers to questions the current version lacks, or that no
//! longer fit their question, go through the same declared mappings as an import
//! ([`crate::bundle::carry_answer`]); what cannot be carried is kept in the private note of
//! answers not carried over, never dropped.

use crate::bundle::{carry_answer, keep_unmapped_answers, MigrationTable, UnmappedAnswer};
use crate::questionnaire::Questionnaire;
use crate::Diagnostic;

use super::PendingEdits;

/// Heading of the note of journaled answers that could not be carried over.
const HEADING: &str =
    "Réponses saisies dans une version précédente de l'application, non reprises :";

impl PendingEdits {
    /// Replays the edits like [`PendingEdits::replay`], once their answers are carried to the
    /// questionnaire `stored` is kept against. An answer to a question the questionnaire lacks
    /// is moved where the declared mappings take it, when the stored answer there is still the
    /// one this tab saw; any other is kept in the private note of answers not carried over.
    /// A diagnostic of another questionnaire is replayed as it is.
    pub fn replay_carried(
        &self,
        stored: &mut Diagnostic,
        now: &str,
        table: &MigrationTable,
        questionnaire: &Questionnaire,
    ) {
        if stored.questionnaire_id != questionnaire.id {
            self.replay(stored, now);
            return;
        }
        let (edits, unmapped) = self.carried(stored, table, questionnaire);
        edits.replay(stored, now);
        if !unmapped.is_empty() {
            keep_unmapped_answers(&mut stored.private_notes, HEADING, &unmapped);
            stored.touch(now);
        }
    }

    /// These edits with their answers carried to `questionnaire`, and the answers that could
    /// not be (a cleared answer that cannot be carried is just left: nothing is lost).
    fn carried(
        &self,
        stored: &Diagnostic,
        table: &MigrationTable,
        questionnaire: &Questionnaire,
    ) -> (PendingEdits, Vec<UnmappedAnswer>) {
        let mut edits = self.clone();
        let mut unmapped = Vec::new();
        for (question_id, answer) in &self.answers {
            let fits = match (questionnaire.question(question_id), answer) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(_), Some(answer)) => {
                    carry_answer(table, questionnaire, question_id, Some(answer.clone()))
                        .is_ok_and(|(id, _)| id == *question_id)
                }
            };
            if fits {
                continue;
            }
            edits.answers.remove(question_id);
            let before = edits.answers_before.remove(question_id);
            let carried = carry_answer(table, questionnaire, question_id, answer.clone());
            let reason = match carried {
                Ok((id, carried)) if !edits.answers.contains_key(&id) => {
                    let before = before.map(|before| {
                        before.and_then(|before| {
                            carry_answer(table, questionnaire, question_id, Some(before))
                                .ok()
                                .and_then(|(_, before)| before)
                        })
                    });
                    // The tab saw no answer there, or the one still stored: its edit applies.
                    let seen = before.as_ref().is_none_or(|before| {
                        stored.answers.get(&id) == before.as_ref()
                            || stored.answers.get(&id) == carried.as_ref()
                    });
                    if seen {
                        if let Some(before) = before {
                            edits.answers_before.insert(id.clone(), before);
                        }
                        edits.answers.insert(id, carried);
                        continue;
                    }
                    format!("la question est devenue « {id} », dont la réponse a changé depuis")
                }
                Ok((id, _)) => format!("la question est devenue « {id} », saisie elle aussi"),
                Err(reason) => reason,
            };
            if let Some(answer) = answer.clone() {
                unmapped.push(UnmappedAnswer {
                    question_id: question_id.clone(),
                    answer,
                    reason,
                });
            }
        }
        (edits, unmapped)
    }
}
