//! MOT's own review of a diagnostic: its status and internal notes, kept apart from the town's
//! data (the app stores it in the `mot_reviews` store, keyed by diagnostic id).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::bundle::MotStatus;

/// MOT's status and notes on one diagnostic; never sent to the town.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MotReview {
    /// Id of the diagnostic it is about (the store key).
    pub diagnostic_id: String,
    /// Where MOT stands with the diagnostic.
    #[serde(default)]
    pub status: MotStatus,
    /// MOT's internal notes (free text).
    #[serde(default)]
    pub notes: String,
    /// When MOT last changed it (RFC 3339, UTC).
    #[serde(default)]
    pub updated_at: String,
}

impl MotReview {
    /// A new review of a diagnostic: status "Reçu", no notes.
    pub fn new(diagnostic_id: &str, now: &str) -> Self {
        MotReview {
            diagnostic_id: diagnostic_id.to_string(),
            status: MotStatus::Recu,
            notes: String::new(),
            updated_at: now.to_string(),
        }
    }

    /// Changes the status and marks the change.
    pub fn set_status(&mut self, status: MotStatus, now: &str) {
        self.status = status;
        self.updated_at = now.to_string();
    }

    /// Replaces the notes and marks the change.
    pub fn set_notes(&mut self, notes: &str, now: &str) {
        self.notes = notes.to_string();
        self.updated_at = now.to_string();
    }
}

/// The reviews indexed by diagnostic id (the last one wins if an id repeats).
pub fn review_of(reviews: &[MotReview]) -> HashMap<&str, &MotReview> {
    reviews
        .iter()
        .map(|review| (review.diagnostic_id.as_str(), review))
        .collect()
}
