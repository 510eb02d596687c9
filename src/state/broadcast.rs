//! Telling this app's other tabs that records changed, by id, over a `BroadcastChannel`; and
//! listening for what they tell.

use leptos::prelude::{on_cleanup, SetValue, StoredValue};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A listening channel and the closure that keeps its message handler alive; closed when
/// dropped.
pub struct BroadcastLink {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl BroadcastLink {
    /// Listens on `channel_name`: `on_id` gets each id another tab announces. `None` where the
    /// browser has no `BroadcastChannel`.
    pub fn listen(channel_name: &str, mut on_id: impl FnMut(String) + 'static) -> Option<Self> {
        let channel = web_sys::BroadcastChannel::new(channel_name).ok()?;
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(id) = event.data().as_string() {
                    on_id(id);
                }
            },
        );
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(BroadcastLink {
            channel,
            _on_message: on_message,
        })
    }

    /// Announces a changed record to every other listener (this link does not hear it).
    pub fn post(&self, id: &str) {
        let _ = self.channel.post_message(&id.into());
    }
}

impl Drop for BroadcastLink {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Listens on `channel_name` for as long as the component around lives (a page's part that
/// follows other tabs); closed once it is left.
pub fn listen_while_shown(channel_name: &str, on_id: impl FnMut(String) + 'static) {
    let link = StoredValue::new_local(BroadcastLink::listen(channel_name, on_id));
    on_cleanup(move || link.set_value(None));
}

/// Announces on `channel_name` that these records changed: every link listening hears it, in
/// this tab too.
pub fn announce<'a>(channel_name: &str, ids: impl IntoIterator<Item = &'a str>) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(channel_name) {
        for id in ids {
            let _ = channel.post_message(&id.into());
        }
        channel.close();
    }
}
