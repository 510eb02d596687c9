//! Where the reference data comes from and how fresh it is: the public sources of every entry,
//! the facts that go stale (amounts, calls, deadlines) with the day they were checked, and the
//! ways to reach a body (website, phone, e-mail), all read from a public source.
//!
//! The app works offline for months: a dated fact older than [`STALE_AFTER_MONTHS`], or whose
//! `until` day has passed, is shown with « à confirmer auprès de … », never as if it were current.

use serde::{Deserialize, Serialize};

use crate::calendar::CalendarDate;

/// Months after which a dated fact is to be confirmed before use.
pub const STALE_AFTER_MONTHS: u32 = 12;

/// A public document an entry's facts were read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short French title, e.g. « Interreg Grande Région : organisation du programme ».
    pub title: String,
    /// Its address.
    pub url: String,
    /// The day it was read.
    pub checked: CalendarDate,
}

/// A fact that goes stale: an amount, a rate, a call window, a deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedFact {
    /// The fact in French, without the day it was checked (the app adds it).
    pub text: String,
    /// The day it was checked.
    pub checked: CalendarDate,
    /// Address of the source it was read in (also among the entry's sources).
    pub source: String,
    /// The day after which it no longer holds (e.g. a call's closing day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<CalendarDate>,
    /// Who to ask to confirm it; default: the entry's own contact (see the entry types).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_with: Option<String>,
}

/// How a dated fact stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// Checked less than [`STALE_AFTER_MONTHS`] ago, and not over.
    Current,
    /// Checked too long ago: to confirm before use.
    Old,
    /// Its `until` day has passed (a call that has closed).
    Over,
}

impl DatedFact {
    /// How the fact stands on `today`.
    pub fn freshness(&self, today: CalendarDate) -> Freshness {
        if self.until.is_some_and(|until| until < today) {
            Freshness::Over
        } else if self.checked.months_until(today) >= STALE_AFTER_MONTHS {
            Freshness::Old
        } else {
            Freshness::Current
        }
    }

    /// Who to ask to confirm it: its own `confirm_with`, else `default`.
    pub fn confirm_with<'a>(&'a self, default: &'a str) -> &'a str {
        self.confirm_with.as_deref().unwrap_or(default)
    }

    /// The sentence shown beside the fact on `today`, e.g. « vérifié le 6 décembre 2026 », or
    /// « information de décembre 2026, à confirmer auprès de … ».
    pub fn status_on(&self, today: CalendarDate, default_contact: &str) -> String {
        let ask = aupres_de(self.confirm_with(default_contact));
        match self.freshness(today) {
            Freshness::Current => format!("vérifié le {}", self.checked.in_words()),
            Freshness::Old => format!(
                "information de {}, à confirmer {ask}",
                self.checked.month_in_words()
            ),
            Freshness::Over => match self.until {
                Some(until) => format!(
                    "date passée depuis le {} : à confirmer {ask}",
                    until.in_words()
                ),
                None => format!("à confirmer {ask}"),
            },
        }
    }
}

/// « auprès de » before who to ask, with the French contractions: « le secrétariat » gives
/// « auprès du secrétariat », « les Eurodistricts » « auprès des Eurodistricts ».
pub fn aupres_de(who: &str) -> String {
    if let Some(rest) = who.strip_prefix("le ") {
        format!("auprès du {rest}")
    } else if let Some(rest) = who.strip_prefix("les ") {
        format!("auprès des {rest}")
    } else {
        format!("auprès de {who}")
    }
}

/// A body to reach (a joint secretariat, a contact point): only details read in a public source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// Its name, e.g. « Secrétariat conjoint Interreg Grande Région ».
    pub name: String,
    /// The part of the programme area it serves, e.g. « côté français » or « Wallonie ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The town where it sits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Its website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Its phone number, as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Its e-mail address, as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// What every entry of the reference data carries about its provenance, for the checks.
pub trait Provenance {
    /// The entry's id, for messages.
    fn entry_id(&self) -> &str;
    /// The sources its facts were read from.
    fn sources(&self) -> &[Source];
    /// What could not be checked, and who to ask.
    fn unverified(&self) -> Option<&str>;
    /// Its dated facts.
    fn dated_facts(&self) -> Vec<&DatedFact>;
    /// Its addresses (websites, e-mails, phone numbers), read in its sources.
    fn addresses(&self) -> Vec<&str>;
}

/// Implements [`Provenance`] for an entry of the reference data: every entry has `sources` and
/// `unverified` fields; the macro names its id field, its dated facts (`Option` or `Vec` fields
/// of [`DatedFact`]) and its addresses (`Option<String>` fields).
macro_rules! impl_provenance {
    ($entry:ty, id: $id:ident, facts: [$($fact:ident),*], addresses: [$($address:ident),*]) => {
        impl $crate::reference::provenance::Provenance for $entry {
            fn entry_id(&self) -> &str {
                &self.$id
            }
            fn sources(&self) -> &[$crate::reference::provenance::Source] {
                &self.sources
            }
            fn unverified(&self) -> Option<&str> {
                self.unverified.as_deref()
            }
            fn dated_facts(&self) -> Vec<&$crate::reference::provenance::DatedFact> {
                #[allow(unused_mut)]
                let mut facts = Vec::new();
                $(facts.extend(self.$fact.iter());)*
                facts
            }
            fn addresses(&self) -> Vec<&str> {
                #[allow(unused_mut)]
                let mut addresses = Vec::new();
                $(addresses.extend(self.$address.as_deref());)*
                addresses
            }
        }
    };
}
pub(crate) use impl_provenance;

/// Every provenance problem of an entry, as French sentences naming it.
pub fn provenance_problems(table: &str, entry: &dyn Provenance) -> Vec<String> {
    let id = entry.entry_id();
    let mut problems = Vec::new();
    if entry.sources().is_empty() {
        problems.push(format!(
            "{table} « {id} » : aucune source publique n'est indiquée."
        ));
    }
    for source in entry.sources() {
        if !is_web_address(&source.url) || source.title.trim().is_empty() {
            problems.push(format!(
                "{table} « {id} » : la source « {} » n'a pas de titre ou d'adresse web valable.",
                source.url
            ));
        }
    }
    if let Some(text) = entry.unverified() {
        if !text.contains("auprès d") {
            problems.push(format!(
                "{table} « {id} » : ce qui n'est pas vérifié doit dire auprès de qui le confirmer."
            ));
        }
    }
    for fact in entry.dated_facts() {
        if fact.text.trim().is_empty() {
            problems.push(format!("{table} « {id} » : un fait daté est vide."));
        }
        if !entry.sources().iter().any(|s| s.url == fact.source) {
            problems.push(format!(
                "{table} « {id} » : la source « {} » d'un fait daté n'est pas dans ses sources.",
                fact.source
            ));
        }
    }
    for address in entry.addresses() {
        if address.trim().is_empty() {
            problems.push(format!("{table} « {id} » : une coordonnée est vide."));
        }
    }
    problems
}

/// Whether a text is an `http(s)://` address with a host.
pub fn is_web_address(text: &str) -> bool {
    ["https://", "http://"].iter().any(|scheme| {
        text.strip_prefix(scheme).is_some_and(|rest| {
            rest.split('/')
                .next()
                .is_some_and(|host| host.contains('.'))
        })
    }) && !text.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(checked: &str, until: Option<&str>) -> DatedFact {
        DatedFact {
            text: "Jusqu'à 50 000 €.".into(),
            checked: CalendarDate::parse(checked).expect("date"),
            source: "https://example.org/".into(),
            until: until.map(|u| CalendarDate::parse(u).expect("date")),
            confirm_with: None,
        }
    }

    fn day(text: &str) -> CalendarDate {
        CalendarDate::parse(text).expect("date")
    }

    #[test]
    fn a_fact_turns_old_after_twelve_months_and_over_after_its_last_day() {
        let amount = fact("2026-12-06", None);
        assert_eq!(amount.freshness(day("2027-12-05")), Freshness::Current);
        assert_eq!(amount.freshness(day("2027-12-06")), Freshness::Old);
        let call = fact("2026-12-06", Some("2027-01-31"));
        assert_eq!(call.freshness(day("2027-01-31")), Freshness::Current);
        assert_eq!(call.freshness(day("2027-02-01")), Freshness::Over);
    }

    #[test]
    fn the_status_says_when_it_was_checked_or_who_to_ask() {
        let amount = fact("2026-12-06", None);
        assert_eq!(
            amount.status_on(day("2027-01-10"), "le secrétariat conjoint"),
            "vérifié le 6 décembre 2026"
        );
        assert_eq!(
            amount.status_on(day("2028-01-10"), "le secrétariat conjoint"),
            "information de décembre 2026, à confirmer auprès du secrétariat conjoint"
        );
        assert_eq!(aupres_de("l'Eurodistrict"), "auprès de l'Eurodistrict");
        assert_eq!(aupres_de("les Eurodistricts"), "auprès des Eurodistricts");
        let call = fact("2026-12-06", Some("2027-01-31"));
        assert!(call
            .status_on(day("2027-03-01"), "la MOT")
            .contains("31 janvier 2027 : à confirmer auprès de la MOT"));
    }

    #[test]
    fn web_addresses_need_a_scheme_and_a_host() {
        assert!(is_web_address("https://interreg-gr.eu/qui-sommes-nous/"));
        assert!(!is_web_address("interreg-gr.eu"));
        assert!(!is_web_address("https://localhost/"));
        assert!(!is_web_address("https://a b.org/"));
    }
}
