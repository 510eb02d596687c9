//! Entry point: install the panic hook, replace the loading message by the app.

fn main() {
    // Panics are logged to the browser console and shown as a French notice with a reload link.
    border_diagnostic::crash::install_panic_hook();
    border_diagnostic::platform::remove_loading_message();
    leptos::mount::mount_to_body(border_diagnostic::App);
}
