//! Browser state as signals, one `use_` function each (in the manner of leptos-use): the
//! rest of the app sees only signals.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::bindings::{
    in_iframe, listen_parent, observe_height, observe_width, post_to_parent, watch_dark,
};
use crate::embed::{height_message, parse_theme_message, MAX_MESSAGE};
use crate::urlstate::{Theme, ViewState};

/// The width of `host` in CSS pixels (at least `min`), starting at `estimate` until the
/// element is laid out, then following it as it resizes.
pub fn use_element_width(host: NodeRef<Div>, estimate: u32, min: u32) -> ReadSignal<u32> {
    let width = RwSignal::new(estimate);
    Effect::new(move |_| {
        let Some(el) = host.get() else { return };
        let w = (el.client_width().max(0) as u32).max(min);
        if w != width.get_untracked() {
            width.set(w);
        }
        let callback = Closure::<dyn FnMut(u32)>::new(move |w: u32| {
            // The observer outlives a view that has been replaced (another language re-makes
            // it): its width is gone then, and nothing is to be done.
            if width.try_get_untracked().is_some_and(|old| old != w) {
                width.set(w.max(min));
            }
        });
        let _ = observe_width(&el, &callback);
        callback.forget();
    });
    width.read_only()
}

/// Whether the reader prefers a dark colour scheme, following changes.
pub fn use_prefers_dark() -> ReadSignal<bool> {
    let dark = RwSignal::new(false);
    let callback = Closure::<dyn FnMut(bool)>::new(move |d: bool| dark.set(d));
    dark.set(watch_dark(&callback));
    callback.forget();
    dark.read_only()
}

/// The page inside an iframe: the theme the host page asks for (none until it asks, and
/// never outside an iframe); and, for an embed, the document's height reported to the
/// host after every change ([`crate::embed`]'s protocol).
pub fn use_parent_frame(state: RwSignal<ViewState>) -> ReadSignal<Option<Theme>> {
    let host_theme = RwSignal::new(None::<Theme>);
    if !in_iframe() {
        return host_theme.read_only();
    }
    let on_message = Closure::<dyn FnMut(String)>::new(move |text: String| {
        if let Ok(theme) = parse_theme_message(&text) {
            host_theme.set(Some(theme));
        }
    });
    listen_parent(MAX_MESSAGE, &on_message);
    on_message.forget();
    if state.with_untracked(|s| s.embed) {
        let last = StoredValue::new(0u32);
        let on_height = Closure::<dyn FnMut(u32)>::new(move |height: u32| {
            if height != last.get_value() && height > 0 {
                last.set_value(height);
                let id = state.with_untracked(|s| s.id.clone()).unwrap_or_default();
                post_to_parent(&height_message(&id, height));
            }
        });
        observe_height(&on_height);
        on_height.forget();
    }
    host_theme.read_only()
}
