//! The notes under the chart and the figure check: where published figures are disputed,
//! disagree, or point to a revision (in embeds, a count and a link to the full page).

use leptos::prelude::*;

use super::document::page_base;
use crate::embed::full_page_url;
use crate::i18n::{fill, Catalogue};
use crate::page::Snapshot;

/// The notes on the currency, the periods and the measure.
#[component]
pub fn Notes(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    view! {
        <section class="notes" aria-labelledby="notes-title">
            <h2 id="notes-title" class="visually-hidden">{t.notes}</h2>
            {move || snapshot.with(|s| s.notes.iter().map(|n| view! { <p>{n.clone()}</p> }).collect_view())}
        </section>
    }
}

/// The figure check, and the line embeds show in its place.
#[component]
pub fn FigureCheck(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    let full_page = move || full_page_url(&page_base(), &snapshot.with(|s| s.state.clone()));
    view! {
        <section class="checks" aria-labelledby="check-title">
            <h2 id="check-title">{t.figure_check}</h2>
            <p>{t.figure_check_lead}</p>
            <ul>{move || snapshot.with(|s| s.checks.iter().map(|c| view! { <li lang=s.wording.lang.html_tag()>{c.text.clone()}</li> }).collect_view())}</ul>
        </section>
        <p class="embed-checks">
            {move || snapshot.with(|s| (!s.checks.is_empty()).then(|| fill(t.embed_checks, &[("count", &s.checks.len().to_string())])))}
            <a href=full_page target="_blank" rel="noopener">{t.full_page_link}</a>
        </p>
    }
}
