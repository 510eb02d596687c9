//! Messages shown to the user: errors (announced at once) and status updates.

use leptos::prelude::*;

/// An error message, announced by screen readers as soon as it appears.
#[component]
pub fn ErrorNotice(
    /// The French message to show.
    #[prop(into)]
    message: String,
) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert">
            <p>{message}</p>
        </div>
    }
}
