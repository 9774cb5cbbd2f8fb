//! The Embed dialog: the code for the current view (an iframe, or one element and a
//! script), copy buttons, and a live preview at a chosen width.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bindings::copy_text;
use super::document::page_base;
use crate::embed::{embed_codes, pinned_parts, preview_url, vintage_path};
use crate::i18n::{fill, Catalogue};
use crate::month::date_in;
use crate::page::Snapshot;

/// The Embed dialog: code for the current view, copy buttons and a live preview.
#[component]
pub fn EmbedDialog(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The preview iframe exists only while the dialog is open (an iframe in the page would
    // load the app twice, and its navigations would join the page's history).
    let open = RwSignal::new(false);
    let preview_width = RwSignal::new(480u32);
    let copied = RwSignal::new(String::new());
    // Pinned to the dataset's dated copy unless the journalist asks for the latest figures.
    let latest = RwSignal::new(false);
    let codes = Memo::new(move |_| {
        let always_latest = latest.get();
        snapshot.with(|s| {
            let mut state = s.state.clone();
            state.data = embedded_data(&state.data, s.vintage.as_deref(), always_latest);
            embed_codes(&page_base(), &state, &s.title)
        })
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
            <label class="control check">
                <input type="checkbox" prop:checked=move || latest.get()
                    on:change=move |ev| latest.set(event_target_checked(&ev))/>
                {t.embed_latest}
            </label>
            <p class="embed-pin-note">{move || snapshot.with(|s| {
                let pinned = s.vintage.as_deref().filter(|_| !latest.get());
                match pinned {
                    Some(v) => fill(t.embed_pinned, &[("date", &date_in(v, s.wording.lang))]),
                    None => t.embed_unpinned.to_string(),
                }
            })}</p>
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
                    let src = snapshot.with(|s| preview_url(&page_base(), &s.state));
                    view! { <iframe class="preview-frame" title=t.preview_title src=src></iframe> }
                })}
            </div>
            <form method="dialog"><button>{t.close}</button></form>
        </dialog>
    }
}

/// The dataset an embed names: the dated copy of `data` for `vintage` (an article's
/// figures stay as they were), or, with `latest`, the current dataset.
fn embedded_data(data: &str, vintage: Option<&str>, latest: bool) -> String {
    let current = pinned_parts(data).map_or(data.to_string(), |(current, _)| current);
    match (vintage, latest) {
        (Some(v), false) => vintage_path(&current, v),
        _ => current,
    }
}
