//! Entry point: install the panic hook and mount the app.

fn main() {
    // Panics are logged to the browser console and shown as a French notice with a reload link.
    border_diagnostic::crash::install_panic_hook();
    leptos::mount::mount_to_body(border_diagnostic::App);
}
