//! The French words the report module writes itself (everything else comes from the data files).

/// Answer "oui".
pub const YES: &str = "Oui";
/// Answer "non".
pub const NO: &str = "Non";
/// Answer "ne sait pas".
pub const UNKNOWN: &str = "Ne sait pas";
/// A question that applies but has no answer yet.
pub const NO_ANSWER: &str = "Sans réponse";
/// Separator between the labels of several ticked options.
pub const LIST_SEPARATOR: &str = ", ";
/// Separator between a maturity level and its label ("3 — Action en cours").
pub const LEVEL_SEPARATOR: &str = " — ";
/// Prefix of the detail naming the prefecture of the town's département.
pub const PREFECTURE_OF: &str = "Préfecture du département : ";
/// Prefix of the detail naming the Interreg programmes of the town.
pub const PROGRAMMES_OF: &str = "Programme(s) : ";
/// Prefix of the detail naming the cross-border structures of the town.
pub const STRUCTURES_OF: &str = "Structure(s) : ";

/// French label of an opportunity priority (1 is the highest).
pub fn priority_label(priority: u8) -> &'static str {
    match priority {
        1 => "Prioritaire",
        2 => "Recommandée",
        _ => "À envisager",
    }
}
