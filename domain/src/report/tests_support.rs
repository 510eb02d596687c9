//! Helpers shared by the report tests: the embedded data and small diagnostics.

use crate::answer::Answer;
use crate::diagnostic::{profile_ids, Diagnostic};
use crate::questionnaire::Questionnaire;

use super::ReportData;

/// The embedded questionnaire.
pub(super) fn questionnaire() -> &'static Questionnaire {
    match Questionnaire::embedded() {
        Ok(q) => q,
        Err(error) => panic!("{error}"),
    }
}

/// The embedded report data.
pub(super) fn data() -> ReportData<'static> {
    match ReportData::embedded() {
        Ok(data) => data,
        Err(error) => panic!("{error}"),
    }
}

/// A multiple-choice answer.
pub(super) fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|id| id.to_string()).collect())
}

/// A diagnostic in département `departement` on the given borders, with extra answers.
pub(super) fn town(
    departement: &str,
    countries: &[&str],
    answers: &[(&str, Answer)],
) -> Diagnostic {
    let mut d = Diagnostic::new("d".into(), "Givet", "t", "mot-pvd-transfrontalier", 1);
    d.answers.insert(
        profile_ids::DEPARTEMENT.into(),
        Answer::Choice(departement.into()),
    );
    if !countries.is_empty() {
        d.answers
            .insert(profile_ids::NEIGHBOUR_COUNTRIES.into(), choices(countries));
    }
    for (id, answer) in answers {
        d.answers.insert(id.to_string(), answer.clone());
    }
    d
}
