//! Sources as the page shows them: a link to each source's page (never a live link for an
//! address that is not http(s)), the source line under the chart (publishers), and the
//! numbered list of sources with the dataset's attribution and licence.

use std::sync::Arc;

use leptos::prelude::*;

use super::timing::follow_when_shown;
use crate::dataset::Dataset;
use crate::i18n::{fill, Catalogue};
use crate::month::date_in;
use crate::page::{publishers, Snapshot, SourceLink};
use crate::urlstate::ViewMode;

/// A link to a source's page, or, when its address is not an http(s) address (a
/// `javascript:` or `data:` address in a hostile dataset), the text and the address as
/// plain text: never a live link.
pub fn source_anchor(t: &Catalogue, url: &str, text: String, class: &'static str) -> AnyView {
    if url.starts_with("https://") || url.starts_with("http://") {
        view! { <a class=class href=url.to_string() target="_blank" rel="noopener noreferrer">{text}</a> }.into_any()
    } else {
        view! { <span class=format!("{class} not-a-link")>{fill(t.not_a_link, &[("text", &text), ("url", url)])}</span> }.into_any()
    }
}

/// Each source linked with its full credit ("Xinhua (via People's Daily Online)").
pub fn source_links(t: &Catalogue, sources: &[SourceLink]) -> impl IntoView {
    sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let separator = if i == 0 { "" } else { ", " };
            view! { {separator}{source_anchor(t, &s.url, s.credit(t.lang), "src")} }
        })
        .collect_view()
}

/// Each publisher once, linked to its first source, the full credit in the link's title
/// (a tooltip's short form: on a phone it must not cover the chart).
pub fn publisher_links(t: &Catalogue, sources: &[SourceLink]) -> impl IntoView {
    publishers(sources)
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let separator = if i == 0 { "" } else { ", " };
            let anchor = source_anchor(t, &s.url, s.publisher.clone(), "src");
            view! { {separator}<span title=s.credit(t.lang)>{anchor}</span> }
        })
        .collect_view()
}

/// The credit line under every chart: "Sources:" and the publishers of the shown values
/// (each once, at most eight, linked), "Chart: Trade Trends", and the data's licence.
#[component]
pub fn SourceLine(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    view! {
        <p class="source-line">{t.sources_lead}
            {move || snapshot.with(|s| {
                publishers(s.value_credits()).into_iter().take(8).enumerate().map(|(i, src)| view! {
                    {if i == 0 { "" } else { ", " }}{source_anchor(t, &src.url, src.publisher.clone(), "src")}
                }).collect_view()
            })}
            {t.sentence_end_short}{t.chart_credit}{t.sentence_end_short}
            <span lang="en">{move || snapshot.with(|s| s.license.clone())}</span>
        </p>
    }
}

/// Every source of the shown values and figure-check notes, with the dataset's
/// attribution and licence.
#[component]
pub fn SourcesList(
    t: &'static Catalogue,
    snapshot: Memo<Snapshot>,
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let views = follow_when_shown(snapshot, move || {
        snapshot.with(|s| s.state.view == ViewMode::Sources)
    });
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{t.sources}</h2>
            <p lang="en">{dataset.attribution.clone()}</p>
            <ol>
                {move || { views.track(); snapshot.with_untracked(|s| s.sources.iter().map(|src| {
                    let date = src.date.as_deref().map(|d| format!(", {}", date_in(d, t.lang))).unwrap_or_default();
                    view! {
                        <li id=format!("source-{}", src.id) lang="en">
                            {source_anchor(t, &src.url, src.title.clone(), "source-title")}
                            {format!(" — {}{date}", src.credit(t.lang))}
                        </li>
                    }
                }).collect_view()) }}
            </ol>
            <p class="license" lang="en">{dataset.license.clone()}</p>
        </section>
    }
}
