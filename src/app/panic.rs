//! The app's last resort: an error state instead of a blank or frozen page if it ever
//! panics, and a way for the browser tests to make it panic.

use leptos::prelude::document;
use wasm_bindgen::prelude::*;

use crate::i18n::Lang;

/// Shows an error state, instead of a blank or frozen page, if the app ever panics; the
/// message is set as text, never parsed as markup.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let doc = document();
        let Some(body) = doc.body() else { return };
        let Ok(section) = doc.create_element("section") else {
            return;
        };
        let _ = section.set_attribute("class", "error");
        let _ = section.set_attribute("role", "alert");
        let lang = doc
            .document_element()
            .and_then(|root| root.get_attribute("lang"))
            .filter(|l| l.starts_with("zh"))
            .map(|_| Lang::Zh)
            .unwrap_or_default();
        let t = lang.text();
        let parts = [
            ("h1", t.panic_title.to_string()),
            ("p", t.panic_text.to_string()),
            ("pre", info.to_string()),
        ];
        for (tag, text) in parts {
            if let Ok(el) = doc.create_element(tag) {
                el.set_text_content(Some(&text));
                let _ = section.append_child(&el);
            }
        }
        body.set_text_content(None);
        let _ = body.append_child(&section);
    }));
}

/// Panics on purpose, so that the browser tests can check the error state a reader gets
/// if the app ever fails (`window.wasmBindings.simulate_panic_for_tests()`). It changes no
/// data; it only stops the app, as a real fault would.
#[wasm_bindgen]
pub fn simulate_panic_for_tests() {
    panic!("simulated fault (called by a test)");
}
