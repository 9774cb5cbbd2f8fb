//! The Leptos layer (browser only): fetches the dataset, keeps the view state in the URL,
//! and renders the [`Snapshot`] the pure modules compute. No logic of its own beyond
//! wiring DOM events to state.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

use crate::currency::Currency;
use crate::dataset::{parse_dataset_noting, Dataset, PartnerKind};
use crate::embed::{height_message, parse_theme_message, MAX_MESSAGE};
use crate::i18n::{fill, Catalogue, Lang};
use crate::page::failure::{Failure, FETCH_TIMEOUT_MS, MAX_DATASET_BYTES};
use crate::page::{HitPoint, Snapshot, SourceLink, TableRow};
use crate::urlstate::Theme;
use crate::urlstate::{
    data_path, parse_query_in, to_query, ChartKind, FlowChoice, MeasureKind, ViewMode, ViewState,
};

#[wasm_bindgen(module = "/src/browser.js")]
extern "C" {
    fn download_text(text: &str, mime: &str, name: &str);
    #[wasm_bindgen(catch)]
    async fn download_png(
        svg: &str,
        width: u32,
        height: u32,
        scale: f64,
        name: &str,
    ) -> Result<JsValue, JsValue>;
    fn observe_width(element: &web_sys::Element, callback: &Closure<dyn FnMut(u32)>) -> JsValue;
    fn watch_dark(callback: &Closure<dyn FnMut(bool)>) -> bool;
    fn in_iframe() -> bool;
    fn observe_height(callback: &Closure<dyn FnMut(u32)>);
    fn post_to_parent(json: &str);
    fn listen_parent(max: usize, callback: &Closure<dyn FnMut(String)>);
    #[wasm_bindgen(catch)]
    async fn copy_text(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn read_body(
        response: &web_sys::Response,
        limit: f64,
        on_progress: &Closure<dyn FnMut(f64, f64)>,
    ) -> Result<JsValue, JsValue>;
    fn abort_after(controller: &web_sys::AbortController, ms: u32) -> js_sys::Function;
}

/// Rows of the data table shown before the reader asks for all of them (a bounded page:
/// each row is about eight elements, and a new view replaces them all).
const TABLE_ROWS: usize = 250;
/// Rows built at once with a new view when the table is what the reader looks at; the rest
/// follow once the view is on screen (under a chart, all of them do: the chart comes first).
const TABLE_FIRST_ROWS: usize = 100;

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1024.0 / 1024.0)
}

/// Sets the page's theme and embed classes on `<html>`.
fn apply_page_theme(theme: Theme, transparent: bool, embed: bool) {
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
fn remove_static_view() {
    if let Some(el) = document().get_element_by_id("static-view") {
        el.remove();
    }
}

/// Where loading stands.
#[derive(Clone)]
enum Load {
    Loading(String),
    /// The dataset, and notes about what was accepted but is worth saying.
    Ready(Arc<Dataset>, Vec<crate::dataset::DatasetNote>),
    Failed(Failure),
}

/// How a state change reaches the address bar.
#[derive(Clone, Copy, PartialEq)]
enum Commit {
    /// A discrete choice: a new history entry, so Back returns to the previous view.
    Push,
    /// A continuous change (dragging, typing): the current entry is replaced.
    Replace,
}

/// The view's parameters: the address's query, or, on a preset page without one, the
/// preset's (from `<meta name="trade-trends-view">`, written by the prerender step).
fn current_query() -> String {
    let search = window().location().search().unwrap_or_default();
    if !search.is_empty() {
        return search;
    }
    document()
        .query_selector("meta[name=\"trade-trends-view\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

fn write_url(state: &ViewState, commit: Commit) {
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

/// The reader's browser languages, best first.
fn browser_lang() -> Lang {
    let languages: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    Lang::from_browser(languages.iter().map(String::as_str))
}

/// The dataset request the page's head started for `path` while the WebAssembly loaded,
/// taken once: its answer and its controller. A request for another path (the address is
/// checked here, by `data_path`, not in `boot.js`) is aborted and not used.
fn take_prefetch(path: &str) -> Option<(js_sys::Promise, web_sys::AbortController)> {
    let key = JsValue::from_str("__ttPrefetch");
    let slot = js_sys::Reflect::get(&window(), &key).ok()?;
    if slot.is_undefined() || slot.is_null() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window(), &key);
    let field = |name: &str| js_sys::Reflect::get(&slot, &JsValue::from_str(name)).ok();
    let controller: web_sys::AbortController = field("controller")?.dyn_into().ok()?;
    if field("path")?.as_string().as_deref() != Some(path) {
        controller.abort();
        return None;
    }
    let response: js_sys::Promise = field("response")?.dyn_into().ok()?;
    Some((response, controller))
}

/// Aborts and forgets the dataset request the page's head started, if any.
fn discard_prefetch() {
    if let Some((_, controller)) = take_prefetch("") {
        controller.abort();
    }
}

/// Fetches and validates the dataset at `path`.
/// `progress` receives (bytes received, bytes expected or 0) while the body arrives.
async fn fetch_dataset(
    path: String,
    progress: RwSignal<Option<(f64, f64)>>,
) -> Result<(Dataset, Vec<crate::dataset::DatasetNote>), Failure> {
    let prefetched = take_prefetch(&path);
    let controller = match &prefetched {
        Some((_, c)) => Some(c.clone()),
        None => web_sys::AbortController::new().ok(),
    };
    let cancel_timer = controller
        .as_ref()
        .map(|c| abort_after(c, FETCH_TIMEOUT_MS));
    let signal = controller.as_ref().map(|c| c.signal());
    let response = match prefetched {
        Some((answer, _)) => wasm_bindgen_futures::JsFuture::from(answer)
            .await
            .and_then(|r| r.dyn_into::<web_sys::Response>())
            .map_err(|e| {
                let e = js_sys::Error::from(e);
                format!("{}: {}", String::from(e.name()), String::from(e.message()))
            }),
        None => gloo_net::http::Request::get(&path)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map(web_sys::Response::from)
            .map_err(|e| e.to_string()),
    };
    let result = match response {
        Ok(response) => parse_response(&path, response, progress).await,
        Err(detail) => Err(Failure::Connection {
            path: path.clone(),
            detail,
        }),
    };
    if let Some(cancel) = cancel_timer {
        let _ = cancel.call0(&JsValue::NULL);
    }
    if result.is_err() && signal.is_some_and(|s| s.aborted()) {
        return Err(Failure::Timeout { path });
    }
    result
}

async fn parse_response(
    path: &str,
    response: web_sys::Response,
    progress: RwSignal<Option<(f64, f64)>>,
) -> Result<(Dataset, Vec<crate::dataset::DatasetNote>), Failure> {
    if let Some(failure) = Failure::of_status(path, response.status(), response.status_text()) {
        return Err(failure);
    }
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    let on_progress = Closure::<dyn FnMut(f64, f64)>::new(move |received: f64, expected: f64| {
        progress.set(Some((received, expected)));
    });
    let body = read_body(&response, MAX_DATASET_BYTES, &on_progress).await;
    drop(on_progress);
    let text = match body {
        // Copied once, as it is, into the app's memory.
        Ok(bytes) => match String::from_utf8(js_sys::Uint8Array::new(&bytes).to_vec()) {
            Ok(text) => text,
            Err(_) => return Err(Failure::NotUtf8 { path: path.into() }),
        },
        Err(e) => {
            let message = js_sys::Error::from(e).message();
            return Err(Failure::of_body(path, &String::from(message)));
        }
    };
    parse_dataset_noting(path, &text).map_err(|error| Failure::invalid(error, &content_type))
}

/// A User Timing mark, for the benchmark harness (`data-ready`, `chart-error`).
fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Runs `f` once what has just changed is painted: in a task after the second animation
/// frame from now (after the `chart-rendered` mark of a draw made now).
fn after_paint(f: impl FnOnce() + 'static) {
    // One body for every caller (boxed): each closure type would be its own code.
    let f: Box<dyn FnOnce()> = Box::new(f);
    request_animation_frame(move || {
        request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO))
    });
}

/// Two animation frames after a draw, so the mark lands after the paint.
fn mark_rendered(painted: RwSignal<bool>) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            if let Some(p) = window().performance() {
                let _ = p.mark("chart-rendered");
            }
            // The view may have been replaced since (another language re-makes it): its
            // signals are gone then, and there is nothing to tell.
            if painted.try_get_untracked() == Some(false) {
                painted.set(true);
            }
        })
    });
}

/// `window.benchUpdate()` for the benchmark harness (`bench/`): odd calls hide the first
/// partner's series, even calls show it again; each redraw marks `chart-rendered` once.
fn install_bench_update(
    snapshot: Memo<Snapshot>,
    state: RwSignal<ViewState>,
    set_state: Callback<(ViewState, Commit)>,
) {
    let hidden = StoredValue::new(None::<String>);
    let toggle = Closure::<dyn FnMut()>::new(move || {
        let Some(shown) = snapshot.try_with_untracked(|s| s.state.partners.clone()) else {
            return; // a dashboard that has been replaced
        };
        let mut next = state.get_untracked();
        next.partners = match hidden.get_value() {
            None => {
                hidden.set_value(shown.first().cloned());
                shown.into_iter().skip(1).collect()
            }
            Some(first) => {
                hidden.set_value(None);
                std::iter::once(first).chain(shown).collect()
            }
        };
        set_state.run((next, Commit::Replace));
    });
    let _ = js_sys::Reflect::set(&window(), &"benchUpdate".into(), toggle.as_ref());
    // A call made before the app had started (the page's head keeps it) runs now.
    let queued = JsValue::from_str("__ttQueuedUpdate");
    if js_sys::Reflect::get(&window(), &queued).is_ok_and(|v| v.is_truthy()) {
        let _ = js_sys::Reflect::delete_property(&window(), &queued);
        let run = toggle.as_ref().unchecked_ref::<js_sys::Function>().clone();
        request_animation_frame(move || {
            let _ = run.call0(&JsValue::NULL);
        });
    }
    toggle.forget();
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    // The static first paint shows the page's own view; any other view replaces it at once.
    let search = window().location().search().unwrap_or_default();
    let painted_view = document()
        .query_selector("meta[name=\"trade-trends-view\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    if !search.is_empty() && search.trim_start_matches('?') != painted_view {
        remove_static_view();
    }
    let browser = browser_lang();
    let (initial, notices) = parse_query_in(&current_query(), browser);
    let state = RwSignal::new(initial);
    // The page's language: the link's, or the reader's browser's.
    let lang = Memo::new(move |_| state.with(|s| s.lang).unwrap_or(browser));
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", l.html_tag());
        }
    });
    let url_notices = RwSignal::new(
        notices
            .into_iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>(),
    );
    let load = RwSignal::new(Load::Loading(String::new()));
    let progress = RwSignal::new(None::<(f64, f64)>);
    let loaded_path = StoredValue::new(String::new());
    let attempt = RwSignal::new(0u32);
    let last_attempt = StoredValue::new(0u32);
    // (Re)load when the dataset path changes, including through Back/Forward, or on Retry.
    Effect::new(move |_| {
        let data = state.with(|s| s.data.clone());
        let this_attempt = attempt.get();
        if loaded_path.get_value() == data && last_attempt.get_value() == this_attempt {
            return;
        }
        last_attempt.set_value(this_attempt);
        loaded_path.set_value(data.clone());
        match data_path(Some(&data)) {
            Ok(path) => {
                progress.set(None);
                load.set(Load::Loading(path.clone()));
                spawn_local(async move {
                    let result = fetch_dataset(path.clone(), progress).await;
                    // A slow answer for a dataset the reader has since left is dropped.
                    if loaded_path.get_value() != path {
                        return;
                    }
                    load.set(match result {
                        Ok((d, notes)) => {
                            mark("data-ready");
                            Load::Ready(Arc::new(d), notes)
                        }
                        Err(failure) => Load::Failed(failure),
                    });
                });
            }
            Err(refused) => {
                // The early request the page's head may have started for it is dropped.
                discard_prefetch();
                load.set(Load::Failed(Failure::Refused(refused)))
            }
        }
    });
    // A failed load shows its message in place of the static first paint.
    Effect::new(move |_| {
        if let Load::Failed(failure) = load.get() {
            remove_static_view();
            // For the benchmark harness: fail fast with the reason.
            let title = failure.describe(Lang::En.text()).title;
            let _ = js_sys::Reflect::set(&window(), &"benchError".into(), &title.into());
            mark("chart-error");
        }
    });
    // Address writes wait until the new view is painted (below); Back or Forward drops
    // those not yet made, as the address is then the browser's.
    let writes = StoredValue::new(0u64);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        writes.update_value(|w| *w += 1);
        let (s, n) = parse_query_in(&current_query(), browser);
        url_notices.set(n.into_iter().map(|n| n.to_string()).collect());
        state.set(s);
    });
    on_cleanup(move || popstate.remove());
    // Theme: from the URL, or from a message of the host page; `auto` follows the reader.
    let prefers_dark = RwSignal::new(false);
    let dark_callback = Closure::<dyn FnMut(bool)>::new(move |dark: bool| prefers_dark.set(dark));
    prefers_dark.set(watch_dark(&dark_callback));
    dark_callback.forget();
    let host_theme = RwSignal::new(None::<Theme>);
    if in_iframe() {
        let on_message = Closure::<dyn FnMut(String)>::new(move |text: String| {
            if let Ok(theme) = parse_theme_message(&text) {
                host_theme.set(Some(theme));
            }
        });
        listen_parent(MAX_MESSAGE, &on_message);
        on_message.forget();
    }
    let theme = Memo::new(move |_| {
        let asked = host_theme.get().unwrap_or_else(|| state.with(|s| s.theme));
        asked.resolve(prefers_dark.get())
    });
    Effect::new(move |_| {
        let (transparent, embed) = state.with(|s| (s.transparent, s.embed));
        apply_page_theme(theme.get(), transparent, embed);
    });
    // In an iframe, report the document height to the host after every change.
    if in_iframe() && state.with_untracked(|s| s.embed) {
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
    let set_state = Callback::new(move |(next, commit): (ViewState, Commit)| {
        // The address is written once the view it names is painted: updating the
        // browser's history keeps the browser busy for about ten milliseconds on a small
        // machine, which would hold back the new chart's frame. Writes keep their order.
        let write = writes.get_value();
        let written = next.clone();
        after_paint(move || {
            if writes.try_get_value() == Some(write) {
                write_url(&written, commit);
            }
        });
        url_notices.set(Vec::new());
        state.set(next);
    });
    let choose_lang = move |code: String| {
        if let Some(l) = Lang::from_code(&code) {
            let mut next = state.get_untracked();
            next.lang = Some(l);
            set_state.run((next, Commit::Push));
        }
    };
    view! {
        <header class="masthead" class:hidden=move || state.with(|s| s.embed)>
            <p class="brand">{move || lang.get().text().brand}</p>
            <label class="lang-switch">
                <span class="visually-hidden">{move || lang.get().text().language}</span>
                <select on:change=move |ev| choose_lang(event_target_value(&ev)) prop:value=move || lang.get().code()>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() lang=l.html_tag()>{l.own_name()}</option>
                    }).collect_view()}
                </select>
            </label>
        </header>
        <main id="main">
            {move || {
                let t = lang.get().text();
                match load.get() {
                Load::Loading(path) => view! {
                    <p class="status" role="status" aria-live="polite">
                        <span class="spinner" aria-hidden="true"></span>
                        {fill(t.loading, &[("path", &path)])}
                        <span class="progress">{move || progress.get().filter(|(received, _)| *received > 256.0 * 1024.0).map(|(received, expected)| {
                            if expected > 0.0 { format!(" {} / {}", megabytes(received), megabytes(expected)) } else { format!(" {}", megabytes(received)) }
                        })}</span>
                    </p>
                }
                .into_any(),
                Load::Failed(failure) => {
                    let on_retry = failure.retry().then(|| Callback::new(move |_: ()| attempt.update(|n| *n += 1)));
                    let told = failure.describe(t);
                    view! { <ErrorState t title=told.title lines=told.lines details=told.details on_retry/> }.into_any()
                }
                Load::Ready(d, notes) => {
                    let data_notes = notes.iter().map(|n| n.text(t.lang)).collect();
                    view! { <Dashboard dataset=d state set_state url_notices theme data_notes t/> }.into_any()
                }
            }}}
        </main>
    }
}

/// The error state: a heading and the problem in words; `details` are the dataset
/// checker's problems, one per line.
#[component]
fn ErrorState(
    t: &'static Catalogue,
    title: String,
    lines: Vec<String>,
    details: Vec<String>,
    #[prop(default = None)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    // The default dataset, in the language the reader is reading.
    let default_page = match t.lang {
        Lang::En => "./".to_string(),
        other => format!("./?lang={}", other.code()),
    };
    view! {
        <section class="error" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{title}</h1>
            <ul class="error-lines">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                {details.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            {on_retry.map(|retry| view! { <button type="button" class="retry" on:click=move |_| retry.run(())>{t.try_again}</button> })}
            <p class="hint">{t.default_dataset_hint}<a href=default_page>{t.default_dataset_link}</a>{t.default_dataset_end}</p>
        </section>
    }
}

/// A link to a source's page, or, when its address is not an http(s) address (a
/// `javascript:` or `data:` address in a hostile dataset), the text and the address as
/// plain text: never a live link.
fn source_anchor(t: &Catalogue, url: &str, text: String, class: &'static str) -> AnyView {
    if url.starts_with("https://") || url.starts_with("http://") {
        view! { <a class=class href=url.to_string() target="_blank" rel="noopener noreferrer">{text}</a> }.into_any()
    } else {
        view! { <span class=format!("{class} not-a-link")>{fill(t.not_a_link, &[("text", &text), ("url", url)])}</span> }.into_any()
    }
}

fn source_links(t: &Catalogue, sources: &[SourceLink]) -> impl IntoView {
    sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let separator = if i == 0 { "" } else { ", " };
            view! { {separator}{source_anchor(t, &s.url, s.publisher.clone(), "src")} }
        })
        .collect_view()
}

/// The chart's width before it is laid out, from `<main>`'s width and the layout rules of
/// style/main.css; 0 when there is nothing to measure.
fn estimated_chart_width(embed: bool, controls: bool) -> u32 {
    let Some(main) = document().get_element_by_id("main") else {
        return 0;
    };
    let viewport = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(0.0);
    // main { padding: 1rem } (0.5rem in embeds); from 900 px the settings take 17rem and
    // a 1.25rem gap beside the chart (embeds keep one column).
    let mut w = main.client_width() as f64 - if embed { 16.0 } else { 32.0 };
    if viewport >= 900.0 && !embed && controls {
        w -= 17.0 * 16.0 + 1.25 * 16.0;
    }
    if w >= 280.0 {
        w.floor() as u32
    } else {
        0
    }
}

/// The dashboard of a loaded dataset.
#[component]
fn Dashboard(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    set_state: Callback<(ViewState, Commit)>,
    url_notices: RwSignal<Vec<String>>,
    theme: Memo<Theme>,
    data_notes: Vec<String>,
    t: &'static Catalogue,
) -> impl IntoView {
    // The chart's width, first estimated from the page layout (style/main.css: main's
    // padding, and the settings column beside the chart from 900 px), so that the first
    // snapshot is usually drawn at the width the chart gets; the observer corrects it.
    let width = RwSignal::new(state.with_untracked(|s| estimated_chart_width(s.embed, s.controls)));
    let host = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = host.get() {
            let w = el.client_width().max(280) as u32;
            if w != width.get_untracked() {
                width.set(w);
            }
            let callback = Closure::<dyn FnMut(u32)>::new(move |w: u32| {
                // The observer outlives a dashboard that has been replaced (another
                // language re-makes it): its width is gone then, and nothing is to be done.
                if width.try_get_untracked().is_some_and(|old| old != w) {
                    width.set(w.max(280));
                }
            });
            let _ = observe_width(&el, &callback);
            callback.forget();
        }
    });
    let data = dataset.clone();
    // What has been derived from this dataset, kept across views: a control change
    // derives only what is new.
    let derived = Arc::new(crate::page::Kept::default());
    // A recomputed snapshot is taken as new without comparing it to the last one field by
    // field (a long series' values and SVG are megabytes; it recomputes only when the
    // state, the width or the theme changed).
    let snapshot = Memo::new_with_compare(
        move |_| {
            let w = width.get();
            let dark = theme.get() == Theme::Dark;
            state.with(|s| {
                let mut s = s.clone();
                s.lang = Some(t.lang);
                Snapshot::themed_with(&data, &s, if w == 0 { 960 } else { w }, dark, &derived)
            })
        },
        |_, _| true,
    );
    Effect::new(move |_| {
        snapshot.with(|s| document().set_title(&fill(t.page_title, &[("title", &s.title)])));
    });
    // Whether the first chart has been painted: the settings column beside a wide chart
    // is built after it (it does not move the chart). Below 900 px the settings sit above
    // the chart, so they are built with it rather than push it down later.
    let painted = RwSignal::new(false);
    let settings_beside = state.with_untracked(|s| !s.embed)
        && window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w >= 900.0);
    Effect::new(move |_| {
        snapshot.track();
        if width.get_untracked() > 0 {
            remove_static_view();
            mark_rendered(painted);
        }
    });
    // Only a change of the controls parameter re-makes the controls, not every new view.
    let show_controls = Memo::new(move |_| snapshot.with(|s| s.state.controls));
    install_bench_update(snapshot, state, set_state);
    let selected = RwSignal::new(None::<usize>);
    // A mouse click keeps the tooltip open (pinned) so that the pointer can reach its
    // source links; moving the mouse then no longer picks another figure.
    let pinned = RwSignal::new(false);
    let announce = RwSignal::new(String::new());
    // A new view starts with nothing selected.
    Effect::new(move |_| {
        snapshot.track();
        selected.set(None);
        pinned.set(false);
    });
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        // A press anywhere outside the chart and its tooltip lets a pinned figure go.
        use wasm_bindgen::JsCast;
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.closest(".chart").ok().flatten().is_some());
        if pinned.get_untracked() && !inside {
            pinned.set(false);
            selected.set(None);
        }
    });
    on_cleanup(move || outside.remove());
    let update = move |f: &dyn Fn(&mut ViewState), commit: Commit| {
        // Start from what was asked for, not the filled-in defaults, so links stay short.
        let mut next = state.get_untracked();
        f(&mut next);
        set_state.run((next, commit));
    };
    let (d1, d2) = (dataset.clone(), dataset.clone());
    view! {
        <article class="dashboard">
            <h1>{move || snapshot.with(|s| s.title.clone())}</h1>
            // The dataset's own texts are in English (its `name` fields and prose).
            <p class="standfirst" lang="en">{dataset.description.clone()}</p>
            <Notices t url_notices snapshot data_notes=data_notes.clone()/>
            <div class="dashboard-body">
            {move || (show_controls.get() && (painted.get() || !settings_beside)).then(|| view! { <Controls t dataset=d1.clone() snapshot update/> })}
            <div class="dashboard-main">
            <p class="key-figures" aria-live="polite">{move || snapshot.with(|s| s.key_figures.clone().unwrap_or_default())}</p>
            <div class="view-switch" role="group" aria-label=t.show>
                {[(ViewMode::Chart, t.view_chart), (ViewMode::Table, t.view_table)].into_iter().map(|(mode, label)| view! {
                    <button type="button" class="tab"
                        aria-pressed=move || (snapshot.with(|s| s.state.view) == mode).to_string()
                        on:click=move |_| update(&|s| s.view = mode, Commit::Push)>{label}</button>
                }).collect_view()}
            </div>
            <figure class="chart-figure" class:hidden=move || snapshot.with(|s| s.state.view == ViewMode::Table)>
                <figcaption class="measure">{move || snapshot.with(|s| format!("{} — {}", s.wording.measure_label, s.wording.y_label))}</figcaption>
                <div class="chart" node_ref=host>
                    <div
                        class="chart-svg-host"
                        tabindex="0"
                        role="application"
                        aria-roledescription=t.interactive_chart
                        aria-label=move || snapshot.with(|s| format!("{} {}", s.alt_text, t.chart_keys))
                        inner_html=move || snapshot.with(|s| s.svg.clone())
                        on:pointermove=move |ev: leptos::ev::PointerEvent| {
                            if !(pinned.get_untracked() && ev.pointer_type() == "mouse") {
                                pick(&ev, snapshot, selected);
                            }
                        }
                        on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                            let before = selected.get_untracked();
                            pick(&ev, snapshot, selected);
                            if ev.pointer_type() == "mouse" && ev.button() == 0 {
                                // A click pins the figure under the pointer (the one hovered);
                                // a click on the pinned figure lets it go.
                                let now = selected.get_untracked();
                                let again = pinned.get_untracked() && now == before;
                                pinned.set(now.is_some() && !again);
                            }
                        }
                        on:pointerleave=move |ev: leptos::ev::PointerEvent| {
                            // A finger lifting ends the touch; the tapped figure stays shown,
                            // as does a pinned one while the mouse goes to its links.
                            if ev.pointer_type() == "mouse" && !pinned.get_untracked() {
                                selected.set(None);
                            }
                        }
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            let (dx, dy) = match ev.key().as_str() {
                                "ArrowLeft" => (-1, 0),
                                "ArrowRight" => (1, 0),
                                "ArrowUp" => (0, -1),
                                "ArrowDown" => (0, 1),
                                "Home" => (-10_000, 0),
                                "End" => (10_000, 0),
                                "Escape" => { selected.set(None); pinned.set(false); return; }
                                _ => return,
                            };
                            ev.prevent_default();
                            let next = snapshot.with_untracked(|s| s.step(selected.get_untracked(), dx, dy));
                            selected.set(next);
                            if let Some(i) = next {
                                announce.set(snapshot.with_untracked(|s| s.point_text(i).map(|p| p.announcement()).unwrap_or_default()));
                            }
                        }
                    ></div>
                    <Tooltip t snapshot selected pinned/>
                </div>
                <p class="visually-hidden" aria-live="polite" role="status">{move || announce.get()}</p>
                {move || snapshot.with(|s| s.context_svg.clone().map(|svg| view! {
                    <figure class="context-chart">
                        <figcaption class="context-caption">{fill(t.context_caption, &[("unit", s.wording.money_unit())])}</figcaption>
                        <div class="context-svg-host" inner_html=svg></div>
                    </figure>
                }))}
                <EventsList t snapshot/>
            </figure>
            <Downloads t snapshot/>
            <EmbedDialog t snapshot/>
            </div>
            </div>
            <section class="notes" aria-labelledby="notes-title">
                <h2 id="notes-title" class="visually-hidden">{t.notes}</h2>
                {move || snapshot.with(|s| s.notes.iter().map(|n| view! { <p>{n.clone()}</p> }).collect_view())}
            </section>
            <section class="checks" aria-labelledby="check-title">
                <h2 id="check-title">{t.figure_check}</h2>
                <p>{t.figure_check_lead}</p>
                <ul>{move || snapshot.with(|s| s.checks.iter().map(|c| view! { <li lang=s.wording.lang.html_tag()>{c.text.clone()}</li> }).collect_view())}</ul>
            </section>
            <p class="embed-checks">
                {move || snapshot.with(|s| (!s.checks.is_empty()).then(|| fill(t.embed_checks, &[("count", &s.checks.len().to_string())])))}
                <a href=move || full_page_url(&snapshot.with(|s| s.state.clone())) target="_blank" rel="noopener">{t.full_page_link}</a>
            </p>
            <DataTable t snapshot/>
            <p class="source-line">{t.sources_lead}
                {move || snapshot.with(|s| {
                    let mut seen: Vec<String> = Vec::new();
                    s.sources.iter().filter(|src| {
                        let new = !seen.contains(&src.publisher);
                        if new { seen.push(src.publisher.clone()); }
                        new
                    }).take(8).map(|src| view! {
                        {source_anchor(t, &src.url, src.publisher.clone(), "src")}" "
                    }).collect_view()
                })}
            </p>
            <section class="sources" aria-labelledby="sources-title">
                <h2 id="sources-title">{t.sources}</h2>
                <p lang="en">{d2.attribution.clone()}</p>
                <ol>
                    {move || snapshot.with(|s| s.sources.iter().map(|src| {
                        let date = src.date.clone().map(|d| format!(", {d}")).unwrap_or_default();
                        view! {
                            <li id=format!("source-{}", src.id) lang="en">
                                {source_anchor(t, &src.url, src.title.clone(), "source-title")}
                                {format!(" — {}{date}", src.publisher)}
                            </li>
                        }
                    }).collect_view())}
                </ol>
                <p class="license" lang="en">{d2.license.clone()}</p>
            </section>
        </article>
    }
}

/// Selects the point nearest the pointer.
fn pick(
    ev: &leptos::ev::PointerEvent,
    snapshot: Memo<Snapshot>,
    selected: RwSignal<Option<usize>>,
) {
    use wasm_bindgen::JsCast;
    let Some(target) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let rect = target.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return;
    }
    snapshot.with_untracked(|s| {
        let scale = s.width as f64 / rect.width();
        let x = (ev.client_x() as f64 - rect.left()) * scale;
        let y = (ev.client_y() as f64 - rect.top()) * scale;
        let (l, t, r, b) = s.geometry.plot;
        if x < l as f64 - 10.0 || x > r as f64 + 10.0 || y < t as f64 - 10.0 || y > b as f64 + 10.0
        {
            return;
        }
        selected.set(s.nearest(x, y));
    });
}

/// The tooltip and crosshair for the selected point.
#[component]
fn Tooltip(
    t: &'static Catalogue,
    snapshot: Memo<Snapshot>,
    selected: RwSignal<Option<usize>>,
    pinned: RwSignal<bool>,
) -> impl IntoView {
    move || {
        let i = selected.get()?;
        let pinned = pinned.get();
        snapshot.with(|s| {
            let at: HitPoint = s.point(i)?;
            let p = s.point_text(i)?;
            let left = 100.0 * at.x_px / s.width as f64;
            let top = 100.0 * at.y_px / s.height as f64;
            let (_, plot_top, _, plot_bottom) = s.geometry.plot;
            let flip = left > 60.0;
            // On a phone the tooltip sits across the chart, in the half without the point.
            let low = top > 50.0;
            Some(view! {
                <div class="crosshair" aria-hidden="true"
                    style:left=format!("{left:.2}%")
                    style:top=format!("{:.2}%", 100.0 * plot_top as f64 / s.height as f64)
                    style:height=format!("{:.2}%", 100.0 * (plot_bottom - plot_top) as f64 / s.height as f64)></div>
                <div class="dot" aria-hidden="true" style:left=format!("{left:.2}%") style:top=format!("{top:.2}%")></div>
                <div class="tooltip" class:flip=flip class:low=low class:pinned=pinned role="tooltip" style:left=format!("{left:.2}%") style:top=format!("{top:.2}%")>
                    <p class="tt-period">{p.period}" · "{p.series_label}</p>
                    <p class="tt-value">{p.value}</p>
                    <p class="tt-how">{p.provenance}</p>
                    {p.caveat.map(|c| view! { <p class="tt-caveat">{c}</p> })}
                    <p class="tt-src">{t.source_lead}{source_links(t, &p.sources)}</p>
                    {pinned.then(|| view! { <p class="tt-pinned">{t.tooltip_pinned}</p> })}
                </div>
            })
        })
    }
}

/// Notices about link parameters that could not be used.
#[component]
fn Notices(
    t: &'static Catalogue,
    url_notices: RwSignal<Vec<String>>,
    snapshot: Memo<Snapshot>,
    data_notes: Vec<String>,
) -> impl IntoView {
    move || {
        let mut all = data_notes.clone();
        all.extend(url_notices.get());
        all.extend(snapshot.with(|s| s.notices.iter().map(|n| n.to_string()).collect::<Vec<_>>()));
        (!all.is_empty()).then(|| {
            view! {
                <div class="notice" role="status">
                    <p>{t.notices_lead}</p>
                    <ul>{all.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// The events listed under the chart, numbered as on the chart.
#[component]
fn EventsList(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    move || {
        snapshot.with(|s| {
            (s.state.events && !s.events.is_empty()).then(|| {
                view! {
                    <ol class="events" aria-label=t.events_label>
                        {s.events.iter().map(|e| view! {
                            <li value=e.number.to_string()>
                                <span class="event-date">{e.date.clone()}</span>" "<span lang="en">{e.title.clone()}</span>" "
                                {e.source.clone().map(|src| source_anchor(t, &src.url, t.event_source.to_string(), "event-source"))}
                            </li>
                        }).collect_view()}
                    </ol>
                }
            })
        })
    }
}

/// CSV, SVG and PNG of what is shown.
#[component]
fn Downloads(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    view! {
        <div class="downloads" role="group" aria-label=t.download>
            <span class="dl-label">{t.get_the_data}</span>
            <button type="button" on:click=move |_| snapshot.with_untracked(|s| {
                // Made on demand: a large view's CSV is not worth computing on every change.
                let csv = s.csv();
                download_text(&csv, "text/csv;charset=utf-8", &format!("{}.csv", s.file_stem()));
            })>{t.csv_button}</button>
            <button type="button" on:click=move |_| snapshot.with_untracked(|s| {
                download_text(&s.export_svg(), "image/svg+xml", &format!("{}.svg", s.file_stem()));
            })>{t.svg_button}</button>
            <button type="button" on:click=move |_| {
                let (svg, w, h, name) = snapshot.with_untracked(|s| {
                    let svg = s.export_svg();
                    let h = svg.split("height=\"").nth(1).and_then(|r| r.split('"').next()).and_then(|h| h.parse().ok()).unwrap_or(s.height);
                    (svg, s.width, h, format!("{}.png", s.file_stem()))
                });
                spawn_local(async move {
                    if let Err(e) = download_png(&svg, w, h, 2.0, &name).await {
                        status.set(fill(t.png_failed, &[("detail", &format!("{e:?}"))]));
                    }
                });
            }>{t.png_button}</button>
            <span role="status" class="dl-status">{move || status.get()}</span>
        </div>
    }
}

/// The table of exactly what the chart shows, sortable.
#[component]
fn DataTable(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    // (column, ascending); columns: 0 period, 1 series, 2 value.
    let sort = RwSignal::new((0usize, true));
    // A very long table (a synthetic benchmark has 100,000 rows) is shown in part until the
    // reader asks for all of it: the chart, the CSV and the keyboard still have every value.
    let show_all = RwSignal::new(false);
    let total = Memo::new(move |_| snapshot.with(|s| s.row_count()));
    // Beyond the first rows, the table of a new view is built after the chart has been
    // painted, so that a long table never delays the chart.
    let generation = Memo::new(move |previous: Option<&u64>| {
        snapshot.track();
        previous.map(|g| g + 1).unwrap_or(0)
    });
    let complete_for = RwSignal::new(u64::MAX);
    Effect::new(move |_| {
        let g = generation.get();
        after_paint(move || complete_for.set(g));
    });
    // Which view's rows the body holds, and whether all of them are due. When the table
    // is the view, a new view's first rows come at once; when it is below the chart, the
    // old body stays until the chart has been painted (taking hundreds of rows out of the
    // page costs milliseconds), and the new rows come then.
    let body = Memo::new(move |shown: Option<&(u64, bool)>| {
        let g = generation.get();
        let complete = complete_for.get() == g;
        let primary = snapshot.with_untracked(|s| s.state.view == ViewMode::Table);
        match shown {
            Some(&shown) if !complete && !primary => shown,
            _ => (g, complete),
        }
    });
    let header = move |col: usize, label: &'static str, class: &'static str| {
        view! {
            <th scope="col" class=class
                aria-sort=move || { let (c, asc) = sort.get(); if c == col { if asc { "ascending" } else { "descending" } } else { "none" } }>
                <button type="button" class="sort" on:click=move |_| sort.update(|(c, asc)| { if *c == col { *asc = !*asc } else { *c = col; *asc = true } })>
                    {label}
                </button>
            </th>
        }
    };
    // The rows of the current view: re-made when the order or "Show all" asks; a new view
    // or the second phase replaces the whole body at once (below), not row by row.
    let rows = move || {
        let (col, asc) = sort.get();
        snapshot.with_untracked(|s| {
            // Rows are ordered and put in words only for what is shown.
            let limit = if show_all.get() {
                usize::MAX
            } else if body.get_untracked().1 {
                TABLE_ROWS
            } else if s.state.view == ViewMode::Table {
                TABLE_FIRST_ROWS
            } else {
                0
            };
            s.row_order(col, asc, limit).into_iter()
                .map(|k| s.row(k))
                .map(|r: TableRow| view! {
                    <tr class:not-drawn=!r.drawn data-plus=r.plus.join(" ") data-minus=r.minus.join(" ") data-months=r.months.to_string()>
                        <td>{r.period}</td>
                        <td>{r.series}</td>
                        <td class="num">{r.value}</td>
                        <td>{r.provenance}<span class="caveat">{r.caveat.unwrap_or_default()}</span></td>
                        <td>{source_links(t, &r.sources)}</td>
                    </tr>
                })
                .collect_view()
        })
    };
    view! {
        <section class="table-section" class:primary=move || snapshot.with(|s| s.state.view == ViewMode::Table) aria-labelledby="table-title">
            <h2 id="table-title">{t.data_table}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-title">
                // Busy (for assistive technology, and for anyone reading the rows) while
                // the body holds an earlier view's rows, or only the first rows of this one.
                <table class="values" aria-busy=move || (body.get() != (generation.get(), true)).then_some("true")>
                    <caption>{move || snapshot.with(|s| fill(t.table_caption, &[("title", &s.title), ("measure", &s.wording.measure_label), ("unit", &s.wording.y_label)]))}</caption>
                    <thead><tr>
                        {header(0, t.col_period, "")}
                        {header(1, t.col_partner, "")}
                        {header(2, t.col_value, "num")}
                        <th scope="col">{t.col_how}</th>
                        <th scope="col">{t.col_sources}</th>
                    </tr></thead>
                    // A new view gets a new body: the old rows leave in one step, so a long
                    // table never delays the chart of the next view.
                    {move || { body.track(); view! { <tbody>{rows}</tbody> } }}
                </table>
            </div>
            {move || (total.get() > TABLE_ROWS && !show_all.get()).then(|| {
                let count = total.get().to_string();
                view! {
                    <p class="table-more">
                        {fill(t.table_partial, &[("shown", &TABLE_ROWS.to_string()), ("total", &count)])}" "
                        <button type="button" on:click=move |_| show_all.set(true)>{fill(t.table_show_all, &[("total", &count)])}</button>
                    </p>
                }
            })}
        </section>
    }
}

/// Every control, each a labelled form control bound to the URL state.
#[component]
fn Controls(
    t: &'static Catalogue,
    dataset: Arc<Dataset>,
    snapshot: Memo<Snapshot>,
    update: impl Fn(&dyn Fn(&mut ViewState), Commit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let d = dataset.clone();
    let reporters: Vec<(String, String)> = d
        .reporters
        .iter()
        .map(|r| (r.code.clone(), r.name_in(t.lang).to_string()))
        .collect();
    let search = RwSignal::new(String::new());
    let open = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .map(|w| w >= 700.0)
        .unwrap_or(true);
    let partners_of = move |reporter: &str| -> Vec<(String, String, PartnerKind)> {
        crate::selection::partner_choices(&dataset, reporter)
            .into_iter()
            .filter_map(|c| {
                dataset
                    .partner(&c)
                    .map(|p| (p.code.clone(), p.name_in(t.lang).to_string(), p.kind))
            })
            .collect()
    };
    // The partner list is re-made when the reporter or the filter changes, not every view.
    let reporter = Memo::new(move |_| snapshot.with(|s| s.reporter.clone()));
    let month_count = move || snapshot.with(|s| s.month_count());
    let month_at = move |i: usize| snapshot.with(|s| s.month_at(i));
    let from_index =
        move || snapshot.with(|s| s.state.from.and_then(|m| s.month_position(m)).unwrap_or(0));
    let to_index = move || {
        snapshot.with(|s| {
            s.state
                .to
                .and_then(|m| s.month_position(m))
                .unwrap_or(s.month_count().saturating_sub(1))
        })
    };
    view! {
        <details class="controls" open=open>
            <summary>{t.settings}</summary>
            <form class="control-grid" on:submit=|ev| ev.prevent_default()>
                {(reporters.len() > 1).then(|| view! {
                    <label class="control">{t.reporter}
                        <select on:change=move |ev| { let v = event_target_value(&ev); update(&|s| { s.reporter = Some(v.clone()); s.partners.clear(); }, Commit::Push) }
                            prop:value=move || snapshot.with(|s| s.reporter.clone())>
                            {reporters.iter().map(|(code, name)| view! { <option value=code.clone()>{name.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                })}
                <label class="control">{t.flow}
                    <select on:change=move |ev| { let v = event_target_value(&ev); if let Some(f) = FlowChoice::from_code(&v) { update(&|s| s.flow = f, Commit::Push) } }
                        prop:value=move || snapshot.with(|s| s.state.flow.code())>
                        <option value="total">{t.flow_total}</option>
                        <option value="exports">{t.flow_exports}</option>
                        <option value="imports">{t.flow_imports}</option>
                        <option value="balance">{t.flow_balance_option}</option>
                    </select>
                </label>
                <label class="control">{t.measure}
                    <select on:change=move |ev| { let v = event_target_value(&ev); if let Some(m) = MeasureKind::from_code(&v) { update(&|s| s.measure = m, Commit::Push) } }
                        prop:value=move || snapshot.with(|s| s.state.measure.code())>
                        <option value="monthly">{t.opt_monthly}</option>
                        <option value="ytd">{t.opt_ytd}</option>
                        <option value="yoy">{t.opt_yoy}</option>
                        <option value="rolling12">{t.opt_rolling12}</option>
                        <option value="share">{t.opt_share}</option>
                        <option value="contribution">{t.opt_contribution}</option>
                    </select>
                </label>
                <label class="control check" class:hidden=move || snapshot.with(|s| s.state.measure != MeasureKind::Monthly)>
                    <input type="checkbox" prop:checked=move || snapshot.with(|s| s.state.average)
                        on:change=move |ev| { let on = event_target_checked(&ev); update(&|s| s.average = on, Commit::Push) }/>
                    {t.average_per_month}
                </label>
                <fieldset class="control radios">
                    <legend>{t.currency}</legend>
                    {[(Currency::CNY, t.currency_cny_option), (Currency::USD, t.currency_usd_option)].into_iter().map(|(c, label)| view! {
                        <label><input type="radio" name="currency" value=c.code()
                            prop:checked=move || snapshot.with(|s| s.state.currency == c)
                            on:change=move |_| update(&|s| s.currency = c, Commit::Push)/>{label}</label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="control radios">
                    <legend>{t.chart_type}</legend>
                    {[(ChartKind::Line, t.chart_type_line), (ChartKind::Bar, t.chart_type_bar), (ChartKind::Area, t.chart_type_area)].into_iter().map(|(k, label)| view! {
                        <label><input type="radio" name="chart" value=k.code()
                            prop:checked=move || snapshot.with(|s| s.state.chart == k)
                            on:change=move |_| update(&|s| s.chart = k, Commit::Push)/>{label}</label>
                    }).collect_view()}
                </fieldset>
                <label class="control check">
                    <input type="checkbox" prop:checked=move || snapshot.with(|s| s.state.events)
                        on:change=move |ev| { let on = event_target_checked(&ev); update(&|s| s.events = on, Commit::Push) }/>
                    {t.show_events}
                </label>
                <fieldset class="control partners">
                    <legend>{t.partners}</legend>
                    <input type="search" placeholder=t.filter_placeholder aria-label=t.filter_partners
                        prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                    <ul class="partner-list">
                        {move || {
                            let reporter = reporter.get();
                            let needle = search.get().to_lowercase();
                            partners_of(&reporter).into_iter()
                                .filter(|(code, name, _)| needle.is_empty() || name.to_lowercase().contains(&needle) || code.to_lowercase().contains(&needle))
                                .map(|(code, name, kind)| {
                                    let c2 = code.clone();
                                    let kind_label = match kind { PartnerKind::World => t.kind_world, PartnerKind::Group => t.kind_group, PartnerKind::Country => t.kind_country };
                                    view! {
                                        <li><label>
                                            <input type="checkbox" value=code.clone()
                                                prop:checked=move || snapshot.with(|s| s.state.partners.contains(&c2))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let code = code.clone();
                                                    update(&move |s| {
                                                        let current = snapshot.with_untracked(|x| x.state.partners.clone());
                                                        let mut next: Vec<String> = current.into_iter().filter(|p| *p != code).collect();
                                                        if on { next.push(code.clone()); }
                                                        s.partners = next;
                                                    }, Commit::Push)
                                                }/>
                                            {name}<span class="kind">{fill(t.kind_suffix, &[("kind", kind_label)])}</span>
                                        </label></li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </fieldset>
                <fieldset class="control range">
                    <legend>{t.time_range}</legend>
                    <label>{t.from}<output aria-hidden="true">{move || month_at(from_index()).map(|m| m.label_in(t.lang)).unwrap_or_default()}</output>
                        <input type="range" aria-label=t.from_month min="0" max=move || month_count().saturating_sub(1).to_string()
                            prop:value=move || from_index().to_string()
                            aria-valuetext=move || month_at(from_index()).map(|m| m.label_in(t.lang)).unwrap_or_default()
                            on:input=move |ev| {
                                let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                                let to = to_index();
                                let m = month_at(i.min(to));
                                update(&move |s| s.from = m, Commit::Replace)
                            }/>
                    </label>
                    <label>{t.to}<output aria-hidden="true">{move || month_at(to_index()).map(|m| m.label_in(t.lang)).unwrap_or_default()}</output>
                        <input type="range" aria-label=t.to_month min="0" max=move || month_count().saturating_sub(1).to_string()
                            prop:value=move || to_index().to_string()
                            aria-valuetext=move || month_at(to_index()).map(|m| m.label_in(t.lang)).unwrap_or_default()
                            on:input=move |ev| {
                                let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                                let from = from_index();
                                let m = month_at(i.max(from));
                                update(&move |s| s.to = m, Commit::Replace)
                            }/>
                    </label>
                    <div class="presets" role="group" aria-label=t.range_presets>
                        <button type="button" on:click=move |_| {
                            let last = snapshot.with_untracked(|s| s.bounds.map(|b| b.1));
                            update(&move |s| { s.to = None; s.from = last.map(|m| m.offset(-11)); }, Commit::Push)
                        }>{t.last_12_months}</button>
                        <button type="button" on:click=move |_| {
                            let last = snapshot.with_untracked(|s| s.bounds.map(|b| b.1));
                            update(&move |s| { s.to = None; s.from = last.map(|m| m.january()); }, Commit::Push)
                        }>{t.year_to_date}</button>
                        <button type="button" on:click=move |_| update(&|s| { s.from = None; s.to = None; }, Commit::Push)>{t.all}</button>
                    </div>
                </fieldset>
            </form>
        </details>
    }
}

/// The page's own address without query, for building links and embed code.
fn page_base() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The full (non-embed) page for a view.
fn full_page_url(state: &ViewState) -> String {
    crate::embed::full_page_url(&page_base(), state)
}

/// The Embed dialog: code for the current view, copy buttons and a live preview.
#[component]
fn EmbedDialog(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The preview iframe exists only while the dialog is open (an iframe in the page would
    // load the app twice, and its navigations would join the page's history).
    let open = RwSignal::new(false);
    let preview_width = RwSignal::new(480u32);
    let copied = RwSignal::new(String::new());
    let codes = Memo::new(move |_| {
        snapshot.with(|s| crate::embed::embed_codes(&page_base(), &s.state, &s.title))
    });
    let copy = move |which: usize| {
        let text = codes.with_untracked(|c| {
            if which == 0 {
                c.iframe.clone()
            } else {
                c.script.clone()
            }
        });
        spawn_local(async move {
            copied.set(match copy_text(&text).await {
                Ok(_) => t.copied.to_string(),
                Err(_) => t.copy_refused.to_string(),
            });
        });
    };
    view! {
        <button type="button" class="embed-open" on:click=move |_| {
            if let Some(d) = dialog.get() { open.set(true); let _ = d.show_modal(); }
        }>{t.embed}</button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-title" on:close=move |_| open.set(false)>
            <h2 id="embed-title">{t.embed_title}</h2>
            <p>{t.embed_lead}</p>
            <label class="code-label">{t.embed_iframe}
                <textarea readonly rows="4" prop:value=move || codes.with(|c| c.iframe.clone())></textarea>
            </label>
            <button type="button" on:click=move |_| copy(0)>{t.copy_iframe}</button>
            <label class="code-label">{t.embed_script}
                <textarea readonly rows="3" prop:value=move || codes.with(|c| c.script.clone())></textarea>
            </label>
            <button type="button" on:click=move |_| copy(1)>{t.copy_script}</button>
            <p role="status" class="copy-status">{move || copied.get()}</p>
            <label class="control">{t.preview_width}
                <select on:change=move |ev| preview_width.set(event_target_value(&ev).parse().unwrap_or(480))
                    prop:value=move || preview_width.get().to_string()>
                    <option value="320">{t.preview_320}</option>
                    <option value="480">{t.preview_480}</option>
                    <option value="640">{t.preview_640}</option>
                </select>
            </label>
            <div class="preview" style:width=move || format!("{}px", preview_width.get())>
                {move || open.get().then(|| {
                    let src = snapshot.with(|s| crate::embed::preview_url(&page_base(), &s.state));
                    view! { <iframe class="preview-frame" title=t.preview_title src=src></iframe> }
                })}
            </div>
            <form method="dialog"><button>{t.close}</button></form>
        </dialog>
    }
}

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
