//! The browser helpers of `src/browser.js` the app calls: file downloads, SVG to PNG, the
//! clipboard, watching sizes and the colour scheme, the host page's messages, and reading a
//! response body with progress.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser.js")]
extern "C" {
    pub fn download_text(text: &str, mime: &str, name: &str);
    #[wasm_bindgen(catch)]
    pub async fn download_png(
        svg: &str,
        width: u32,
        height: u32,
        scale: f64,
        name: &str,
    ) -> Result<JsValue, JsValue>;
    pub fn observe_width(element: &web_sys::Element, callback: &Closure<dyn FnMut(u32)>)
        -> JsValue;
    pub fn watch_dark(callback: &Closure<dyn FnMut(bool)>) -> bool;
    pub fn in_iframe() -> bool;
    pub fn observe_height(callback: &Closure<dyn FnMut(u32)>);
    pub fn post_to_parent(json: &str);
    pub fn listen_parent(max: usize, callback: &Closure<dyn FnMut(String)>);
    #[wasm_bindgen(catch)]
    pub async fn copy_text(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub async fn read_body(
        response: &web_sys::Response,
        limit: f64,
        on_progress: &Closure<dyn FnMut(f64, f64)>,
    ) -> Result<JsValue, JsValue>;
    pub fn abort_after(controller: &web_sys::AbortController, ms: u32) -> js_sys::Function;
}
