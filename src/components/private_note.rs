//! The town's private note on a step: free text for the team, kept on this device and left
//! out of the file for MOT unless the town chooses to include it. Typed like an answer:
//! stored after a pause, journaled until then.

use domain::pending_edits::{note_of, set_private_note};
use leptos::prelude::*;

use crate::components::form_fields::TextEntry;
use crate::state::session::{Commit, DiagnosticSession};
use crate::storage::journal::Moment;

/// The longest private note, in characters.
const NOTE_MAX_CHARS: u32 = 4000;

/// A folded field for the private note on one step (open when there is one).
#[component]
pub fn PrivateNote(step_id: String) -> impl IntoView {
    let session = expect_context::<DiagnosticSession>();
    let shown = {
        let step_id = step_id.clone();
        Memo::new(move |_| {
            session
                .diagnostic
                .with(|d| note_of(d, &step_id).to_string())
        })
    };
    let on_change = {
        let step_id = step_id.clone();
        Callback::new(move |text: String| {
            let before = shown.get_untracked();
            let (step, journaled, typed) = (step_id.clone(), step_id.clone(), text.clone());
            session.apply_journaled(
                move |diagnostic| set_private_note(diagnostic, &step, &text),
                move |_, pending, moment| {
                    if moment == Moment::AfterChange {
                        pending.record_private_note(&journaled, &typed, &before);
                    }
                },
                Commit::AfterPause,
            );
        })
    };
    let has_note = !shown.get_untracked().is_empty();
    view! {
        // Typed text is committed after a pause, or as soon as the focus leaves the field.
        <details class="private-note no-print" open=has_note on:focusout=move |_| session.flush()>
            <summary>"Note privée sur cette étape"</summary>
            <TextEntry
                id=format!("note-privee-{step_id}")
                label="Note privée"
                help="Pour vous et vos collègues : elle reste sur cet appareil et ne part pas à la MOT, sauf si vous choisissez de la joindre au fichier."
                multiline=true
                max_length=NOTE_MAX_CHARS
                value=shown
                on_change
            />
        </details>
    }
}
