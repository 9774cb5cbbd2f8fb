//! Loading the dataset: the request the page's head started while the WebAssembly loaded
//! (taken over when it is for the same path), or a new one; with a timeout, progress, a
//! size limit, and every way it can fail named ([`Failure`]).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

use super::bindings::{abort_after, read_body};
use super::timing::{mark, next_task};
use crate::dataset::{parse_dataset_noting, Dataset, DatasetNote};
use crate::page::failure::{Failure, FETCH_TIMEOUT_MS, MAX_DATASET_BYTES};
use crate::urlstate::{data_path, ViewState};

/// Where loading stands.
#[derive(Clone)]
pub enum Load {
    /// The path being loaded.
    Loading(String),
    /// The dataset, and notes about what was accepted but is worth saying.
    Ready(Arc<Dataset>, Vec<DatasetNote>),
    Failed(Failure),
}

/// The dataset of the view state's `data` path, as it loads.
pub struct Loader {
    pub load: ReadSignal<Load>,
    /// (bytes received, bytes expected or 0) while the body arrives.
    pub progress: ReadSignal<Option<(f64, f64)>>,
    /// Tries again.
    pub retry: Callback<()>,
}

/// Loads the dataset of `state`'s `data` path, and again when the path changes (including
/// through Back and Forward) or on a retry; a slow answer for a path the reader has since
/// left is dropped.
pub fn use_dataset(state: RwSignal<ViewState>) -> Loader {
    let load = RwSignal::new(Load::Loading(String::new()));
    let progress = RwSignal::new(None::<(f64, f64)>);
    let loaded_path = StoredValue::new(String::new());
    let attempt = RwSignal::new(0u32);
    let last_attempt = StoredValue::new(0u32);
    Effect::new(move |_| {
        let data = state.with(|s| s.data.clone());
        let this_attempt = attempt.get();
        if loaded_path.get_value() == data && last_attempt.get_value() == this_attempt {
            return;
        }
        last_attempt.set_value(this_attempt);
        loaded_path.set_value(data.clone());
        let path = match data_path(Some(&data)) {
            Ok(path) => path,
            Err(refused) => {
                // The early request the page's head may have started for it is dropped.
                discard_prefetch();
                return load.set(Load::Failed(Failure::Refused(refused)));
            }
        };
        progress.set(None);
        load.set(Load::Loading(path.clone()));
        spawn_local(async move {
            let result = fetch_dataset(path.clone(), progress).await;
            if loaded_path.get_value() != path {
                return;
            }
            match result {
                Ok((d, notes)) => {
                    mark("data-ready");
                    // The page is made in a task of its own: reading the file and drawing
                    // the first view are two shorter tasks, not one long one.
                    let ready = Load::Ready(Arc::new(d), notes);
                    set_timeout(move || load.set(ready), std::time::Duration::ZERO);
                }
                Err(failure) => load.set(Load::Failed(failure)),
            }
        });
    });
    Loader {
        load: load.read_only(),
        progress: progress.read_only(),
        retry: Callback::new(move |_: ()| attempt.update(|n| *n += 1)),
    }
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
) -> Result<(Dataset, Vec<DatasetNote>), Failure> {
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
) -> Result<(Dataset, Vec<DatasetNote>), Failure> {
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
    // Read in a task of its own: the app has just started in this one.
    next_task().await;
    parse_dataset_noting(path, &text).map_err(|error| Failure::invalid(error, &content_type))
}
