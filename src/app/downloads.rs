//! "Get the data": the CSV of what is shown, the chart as SVG, and as PNG at twice its
//! size.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bindings::{download_png, download_text};
use crate::i18n::{fill, Catalogue};
use crate::page::Snapshot;

/// CSV, SVG and PNG of what is shown.
#[component]
pub fn Downloads(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
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
