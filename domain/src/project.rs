//! What a town builds from its diagnostic: project sheets ("fiches projet") and good practices.

use serde::{Deserialize, Serialize};

/// The partnership steps of a cross-border project, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipStep {
    /// "Besoin formulé".
    #[default]
    NeedFormulated,
    /// "Partenaires identifiés".
    PartnersIdentified,
    /// "Accord de partenariat".
    Agreement,
    /// "Candidature" (a funding application).
    Application,
    /// "Mise en œuvre".
    Implementation,
}

impl PartnershipStep {
    /// Every step, in order.
    pub const ALL: [PartnershipStep; 5] = [
        PartnershipStep::NeedFormulated,
        PartnershipStep::PartnersIdentified,
        PartnershipStep::Agreement,
        PartnershipStep::Application,
        PartnershipStep::Implementation,
    ];

    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            PartnershipStep::NeedFormulated => "Besoin formulé",
            PartnershipStep::PartnersIdentified => "Partenaires identifiés",
            PartnershipStep::Agreement => "Accord de partenariat",
            PartnershipStep::Application => "Candidature",
            PartnershipStep::Implementation => "Mise en œuvre",
        }
    }
}

/// Where the contact with a partner stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactStatus {
    /// Identified, not yet contacted.
    #[default]
    ToContact,
    /// First contact made.
    Contacted,
    /// Committed to the project.
    Committed,
}

impl ContactStatus {
    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            ContactStatus::ToContact => "À contacter",
            ContactStatus::Contacted => "Contacté",
            ContactStatus::Committed => "Engagé",
        }
    }
}

/// A partner of a project, usually across the border.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    /// Name of the organisation.
    pub name: String,
    /// Country code (e.g. `BE`), from the countries reference table.
    pub country: String,
    /// Kind of organisation (commune, hospital, association…), free text.
    #[serde(default)]
    pub kind: String,
    /// Where the contact stands.
    #[serde(default)]
    pub contact_status: ContactStatus,
}

/// Budget classes of a project, matched to the funding instruments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetClass {
    /// Under 30,000 €: micro-projects.
    Under30k,
    /// 30,000 to 75,000 €.
    From30kTo75k,
    /// 75,000 to 200,000 €: small projects.
    From75kTo200k,
    /// Over 200,000 €: classic Interreg project.
    Over200k,
}

impl BudgetClass {
    /// Every class, from the smallest.
    pub const ALL: [BudgetClass; 4] = [
        BudgetClass::Under30k,
        BudgetClass::From30kTo75k,
        BudgetClass::From75kTo200k,
        BudgetClass::Over200k,
    ];

    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            BudgetClass::Under30k => "Moins de 30 000 €",
            BudgetClass::From30kTo75k => "De 30 000 à 75 000 €",
            BudgetClass::From75kTo200k => "De 75 000 à 200 000 €",
            BudgetClass::Over200k => "Plus de 200 000 €",
        }
    }
}

/// A draft cross-border project ("fiche projet").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectSheet {
    /// Stable identifier (a UUID).
    pub id: String,
    /// Short title.
    pub title: String,
    /// Id of the opportunity it was started from, if any.
    #[serde(default)]
    pub opportunity_id: Option<String>,
    /// Id of the theme (questionnaire step) it belongs to, if any.
    #[serde(default)]
    pub theme_id: Option<String>,
    /// The need the project answers.
    #[serde(default)]
    pub need: String,
    /// What the project aims at.
    #[serde(default)]
    pub objectives: String,
    /// Partners, usually across the border.
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// Planned actions, one per entry.
    #[serde(default)]
    pub actions: Vec<String>,
    /// Budget class, once known.
    #[serde(default)]
    pub budget_class: Option<BudgetClass>,
    /// Funding sources considered (free text entries, prefilled from the recommended resources).
    #[serde(default)]
    pub funding_sources: Vec<String>,
    /// Timeline, in words (e.g. "2027 : étude ; 2028 : mise en œuvre").
    #[serde(default)]
    pub timeline: String,
    /// How far the partnership has come.
    #[serde(default)]
    pub partnership_step: PartnershipStep,
    /// When it was created (RFC 3339).
    #[serde(default)]
    pub created_at: String,
    /// When it was last changed (RFC 3339).
    #[serde(default)]
    pub updated_at: String,
}

/// A good practice the town declares, which MOT can collect and publish.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GoodPractice {
    /// Stable identifier (a UUID).
    pub id: String,
    /// Short title.
    pub title: String,
    /// Id of the theme (questionnaire step) it belongs to.
    #[serde(default)]
    pub theme_id: Option<String>,
    /// Partners involved, in words.
    #[serde(default)]
    pub partners: String,
    /// What was done.
    #[serde(default)]
    pub description: String,
    /// What it achieved.
    #[serde(default)]
    pub results: String,
    /// Who to contact about it (name, role; an e-mail if the town wishes).
    #[serde(default)]
    pub contact: String,
    /// When it was last changed (RFC 3339).
    #[serde(default)]
    pub updated_at: String,
}

impl ProjectSheet {
    /// Sets on this sheet (as stored) the fields that `typed` changed from `before` (as a tab
    /// showed it before typing) and that are still stored as they were then; leaves the others:
    /// another tab may have changed them.
    pub fn merge_typed(&mut self, before: &ProjectSheet, typed: &ProjectSheet) {
        let ProjectSheet {
            id: _,
            title,
            opportunity_id,
            theme_id,
            need,
            objectives,
            partners,
            actions,
            budget_class,
            funding_sources,
            timeline,
            partnership_step,
            created_at: _,
            updated_at,
        } = typed;
        merge_field(&mut self.title, &before.title, title);
        merge_field(
            &mut self.opportunity_id,
            &before.opportunity_id,
            opportunity_id,
        );
        merge_field(&mut self.theme_id, &before.theme_id, theme_id);
        merge_field(&mut self.need, &before.need, need);
        merge_field(&mut self.objectives, &before.objectives, objectives);
        merge_list(&mut self.partners, &before.partners, partners);
        merge_list(&mut self.actions, &before.actions, actions);
        merge_field(&mut self.budget_class, &before.budget_class, budget_class);
        merge_list(
            &mut self.funding_sources,
            &before.funding_sources,
            funding_sources,
        );
        merge_field(&mut self.timeline, &before.timeline, timeline);
        merge_field(
            &mut self.partnership_step,
            &before.partnership_step,
            partnership_step,
        );
        self.updated_at.clone_from(updated_at);
    }
}

impl GoodPractice {
    /// Sets on this practice (as stored) the fields that `typed` changed from `before` and that
    /// are still stored as they were then; leaves the others: another tab may have changed them.
    pub fn merge_typed(&mut self, before: &GoodPractice, typed: &GoodPractice) {
        let GoodPractice {
            id: _,
            title,
            theme_id,
            partners,
            description,
            results,
            contact,
            updated_at,
        } = typed;
        merge_field(&mut self.title, &before.title, title);
        merge_field(&mut self.theme_id, &before.theme_id, theme_id);
        merge_field(&mut self.partners, &before.partners, partners);
        merge_field(&mut self.description, &before.description, description);
        merge_field(&mut self.results, &before.results, results);
        merge_field(&mut self.contact, &before.contact, contact);
        self.updated_at.clone_from(updated_at);
    }
}

/// Sets `stored` to `typed` when the typing changed it from `before`, unless `stored` is no
/// longer `before`: another tab stored its own change of the field since, and it stays.
fn merge_field<T: PartialEq + Clone>(stored: &mut T, before: &T, typed: &T) {
    if typed != before && stored == before {
        stored.clone_from(typed);
    }
}

/// Merges a list (actions, funding sources, partners) typed from `before` to `typed` onto the
/// stored one: whole when it is still stored as it was; else (another tab added or removed
/// entries meanwhile) entry by entry: each entry changed here is set with [`edit_entry`] and
/// the entries added here at the end are added, so that neither tab's work is lost. A list
/// shortened here and changed elsewhere stays as stored: entries cannot be matched by place.
fn merge_list<T: PartialEq + Clone>(stored: &mut Vec<T>, before: &[T], typed: &[T]) {
    if stored.as_slice() == before {
        *stored = typed.to_vec();
        return;
    }
    if typed.len() < before.len() {
        return;
    }
    for (index, (was, now)) in before.iter().zip(typed).enumerate() {
        if was != now {
            edit_entry(stored, index, was, now.clone());
        }
    }
    for added in &typed[before.len()..] {
        if !stored.contains(added) {
            stored.push(added.clone());
        }
    }
}

/// Sets the entry a user edited in a list from `before` to `edited`: the one at `index` if it
/// still holds `before`, else the first holding it (another tab removed or added an entry
/// before it meanwhile). If none does (another tab changed or removed it), `edited` is added
/// at the end, unless the list holds it already: the text typed is neither lost nor written
/// over another entry.
pub fn edit_entry<T: PartialEq>(list: &mut Vec<T>, index: usize, before: &T, edited: T) {
    let position = if list.get(index) == Some(before) {
        Some(index)
    } else {
        list.iter().position(|entry| entry == before)
    };
    match position {
        Some(position) => list[position] = edited,
        None if !list.contains(&edited) => list.push(edited),
        None => {}
    }
}

/// Removes the entry a user removed from a list (actions, funding sources, partners): the one at
/// `index` if it is still `removed`, else the first equal to it (another tab removed or added an
/// entry before it meanwhile), else none (another tab removed it already). Never the entry that
/// moved into its place.
pub fn remove_entry<T: PartialEq>(list: &mut Vec<T>, index: usize, removed: &T) {
    let position = if list.get(index) == Some(removed) {
        Some(index)
    } else {
        list.iter().position(|entry| entry == removed)
    };
    if let Some(position) = position {
        list.remove(position);
    }
}

#[cfg(test)]
mod tests {
    use super::{edit_entry, remove_entry, ProjectSheet};

    #[test]
    fn the_entry_removed_is_the_one_chosen_even_when_another_tab_moved_it() {
        let mut list = vec!["A", "B", "C"];
        remove_entry(&mut list, 1, &"B");
        assert_eq!(list, ["A", "C"]);
        // The same removal again (the other tab's, or this one's on the stored record): C,
        // now at that position, stays.
        remove_entry(&mut list, 1, &"B");
        assert_eq!(list, ["A", "C"]);
        // Another tab inserted an entry before it: the one chosen still goes.
        let mut list = vec!["Z", "A", "B"];
        remove_entry(&mut list, 1, &"B");
        assert_eq!(list, ["Z", "A"]);
    }

    #[test]
    fn an_edited_entry_follows_its_text_when_another_tab_removed_one_before_it() {
        let mut list = vec!["Étude", "Travaux", "Inauguration"];
        edit_entry(&mut list, 1, &"Travaux", "Travaux 2028");
        assert_eq!(list, ["Étude", "Travaux 2028", "Inauguration"]);
        // The other tab removed « Étude »: the edit goes to « Travaux », now first.
        let mut list = vec!["Travaux", "Inauguration"];
        edit_entry(&mut list, 1, &"Travaux", "Travaux 2028");
        assert_eq!(list, ["Travaux 2028", "Inauguration"]);
        // The other tab removed or rewrote « Travaux »: the text typed is added, not lost.
        let mut list = vec!["Étude", "Travaux (phase 2)"];
        edit_entry(&mut list, 1, &"Travaux", "Travaux 2028");
        assert_eq!(list, ["Étude", "Travaux (phase 2)", "Travaux 2028"]);
        // …once: the same edit again changes nothing.
        edit_entry(&mut list, 1, &"Travaux", "Travaux 2028");
        assert_eq!(list.len(), 3);
    }

    #[test]
    fn a_replayed_list_keeps_the_other_tabs_removal_and_the_text_typed_here() {
        let sheet = |actions: &[&str]| ProjectSheet {
            actions: actions.iter().map(|a| a.to_string()).collect(),
            ..ProjectSheet::default()
        };
        let before = sheet(&["Étude", "Travaux", "Inauguration"]);
        let typed = sheet(&["Étude", "Travaux 2028", "Inauguration", "Bilan"]);
        // Another tab removed « Étude » since.
        let mut stored = sheet(&["Travaux", "Inauguration"]);
        stored.merge_typed(&before, &typed);
        assert_eq!(stored.actions, ["Travaux 2028", "Inauguration", "Bilan"]);
        // Unchanged since: the typed list, whole.
        let mut stored = before.clone();
        stored.merge_typed(&before, &typed);
        assert_eq!(stored.actions, typed.actions);
        // Shortened here and changed elsewhere: the stored list stays.
        let mut stored = sheet(&["Travaux", "Inauguration"]);
        stored.merge_typed(&before, &sheet(&["Étude", "Travaux"]));
        assert_eq!(stored.actions, ["Travaux", "Inauguration"]);
    }
}
