//! The page around the app: its address (the view's query, history entries, the page's
//! own address), the reader's languages, and the `<html>` element's theme and classes and
//! the static first paint.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::Lang;
use crate::urlstate::{shows_painted_view, to_query, Theme, ViewState};

/// How a state change reaches the address bar.
#[derive(Clone, Copy, PartialEq)]
pub enum Commit {
    /// A discrete choice: a new history entry, so Back returns to the previous view.
    Push,
    /// A continuous change (dragging, typing): the current entry is replaced.
    Replace,
}

/// The view a preset page was prerendered with (`<meta name="trade-trends-view">`).
fn painted_view() -> String {
    document()
        .query_selector("meta[name=\"trade-trends-view\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

/// The view's parameters: the address's query, or, on a preset page without one, the
/// preset's (written by the prerender step).
pub fn current_query() -> String {
    let search = window().location().search().unwrap_or_default();
    if !search.is_empty() {
        return search;
    }
    painted_view()
}

/// Removes the static first paint at once when the address asks for another view than
/// the one painted.
pub fn drop_static_view_of_another_view() {
    let search = window().location().search().unwrap_or_default();
    if !shows_painted_view(&search, &painted_view()) {
        remove_static_view();
    }
}

/// Writes `state` into the address bar.
pub fn write_url(state: &ViewState, commit: Commit) {
    let query = to_query(state);
    let url = if query.is_empty() {
        window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "./".into())
    } else {
        format!("?{query}")
    };
    if let Ok(history) = window().history() {
        let _ = match commit {
            Commit::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            Commit::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
    }
}

/// The page's own address without query, for building links and embed code.
pub fn page_base() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The language of the reader's browser languages (best first).
pub fn browser_lang() -> Lang {
    let languages: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    Lang::from_browser(languages.iter().map(String::as_str))
}

/// Sets the page's language on `<html>`.
pub fn set_page_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.html_tag());
    }
}

/// Sets the page's theme and embed classes on `<html>`.
pub fn apply_page_theme(theme: Theme, transparent: bool, embed: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme.code());
        let classes = [("transparent", transparent), ("embed", embed)];
        for (class, on) in classes {
            let _ = if on {
                root.class_list().add_1(class)
            } else {
                root.class_list().remove_1(class)
            };
        }
    }
}

/// Removes the static first paint once the app has drawn.
pub fn remove_static_view() {
    if let Some(el) = document().get_element_by_id("static-view") {
        el.remove();
    }
}

/// The width of the viewport in CSS pixels, if known.
pub fn viewport_width() -> Option<f64> {
    window().inner_width().ok().and_then(|w| w.as_f64())
}

/// Moves the keyboard focus to the element with id `id`, if there is one.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    let el = document().get_element_by_id(id);
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Focuses the first element `selector` finds.
pub fn focus_first(selector: &str) {
    use wasm_bindgen::JsCast;
    let el = document().query_selector(selector).ok().flatten();
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
