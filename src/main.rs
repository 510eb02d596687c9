//! Entry point: install the panic hook and mount the app.

fn main() {
    // Panics are logged to the browser console with their message and location.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(border_diagnostic::App);
}
