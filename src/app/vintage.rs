//! Pinned vintages: an embed that names a dated copy of the dataset keeps showing the
//! figures its article was written with; when newer figures have been published it says
//! so in one line, with a link to the latest view.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

use super::document::page_base;
use crate::embed::{full_page_url, pinned_parts, vintages_path};
use crate::i18n::{fill, Catalogue};
use crate::month::date_in;
use crate::page::Snapshot;

/// The list of a dataset's vintages, as far as the page reads it.
#[derive(Deserialize)]
struct Vintages {
    latest: String,
}

/// The latest vintage of the dataset a dated copy at `path` belongs to, if the list can be
/// read (a page without one simply says nothing).
async fn latest_vintage(path: &str) -> Option<String> {
    let (current, _) = pinned_parts(path)?;
    let response = gloo_net::http::Request::get(&vintages_path(&current))
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = response.text().await.ok()?;
    serde_json::from_str::<Vintages>(&text)
        .ok()
        .map(|v| v.latest)
}

/// "These figures are as published up to 24 Jan 2025; newer figures were published on
/// 10 Mar 2026. See the latest view", for a pinned view whose dataset has a newer vintage.
#[component]
pub fn VintageNotice(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    let newer = RwSignal::new(None::<String>);
    let path = snapshot.with_untracked(|s| s.state.data.clone());
    if let Some((_, pinned)) = pinned_parts(&path) {
        spawn_local(async move {
            if let Some(latest) = latest_vintage(&path).await {
                if latest > pinned {
                    newer.set(Some(latest));
                }
            }
        });
    }
    move || {
        let latest = newer.get()?;
        snapshot.with(|s| {
            let (current, pinned) = pinned_parts(&s.state.data)?;
            let lang = s.wording.lang;
            let mut state = s.state.clone();
            state.data = current;
            let href = full_page_url(&page_base(), &state);
            Some(view! {
                <p class="vintage-notice" role="status">
                    {fill(t.vintage_notice, &[("pinned", &date_in(&pinned, lang)), ("latest", &date_in(&latest, lang))])}" "
                    <a href=href target="_blank" rel="noopener">{t.vintage_latest_link}</a>
                </p>
            })
        })
    }
}
