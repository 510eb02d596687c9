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
