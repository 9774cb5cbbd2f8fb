//! The notes under the chart and the figure check: where published figures are disputed,
//! disagree, or point to a revision (in embeds, a count and a link to the full page).

use leptos::prelude::*;

use super::document::page_base;
use super::timing::follow_when_shown;
use crate::checks::CheckNote;
use crate::embed::full_page_url;
use crate::i18n::{fill, Catalogue};
use crate::page::Snapshot;
use crate::urlstate::ViewMode;

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

/// The figure check (the claims of cited articles with their verdicts, then where
/// published figures disagree or point to a revision), and the line embeds show in its
/// place.
#[component]
pub fn FigureCheck(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    let views = follow_when_shown(snapshot, move || {
        snapshot.with(|s| s.state.view == ViewMode::Check)
    });
    let items = move |claims: bool| {
        views.track();
        snapshot.with_untracked(|s| {
            let lang = s.wording.lang.html_tag();
            s.checks
                .iter()
                .filter(|c| c.verdict.is_some() == claims)
                .map(|c| check_item(c, lang))
                .collect_view()
        })
    };
    let has = move |claims: bool| {
        views.track();
        snapshot.with_untracked(|s| s.checks.iter().any(|c| c.verdict.is_some() == claims))
    };
    view! {
        <section class="checks" aria-labelledby="check-title">
            <h2 id="check-title">{t.figure_check}</h2>
            <h3 class:hidden=move || !has(true)>{t.claims_checked}</h3>
            <ul class="claims">{move || items(true)}</ul>
            <h3 class:hidden=move || !has(false)>{t.figures_disagree}</h3>
            <p>{t.figure_check_lead}</p>
            <ul class="disagreements">{move || items(false)}</ul>
        </section>
    }
}

/// In an embed, in place of the figure check: how many notes it has, and a link to the
/// full page.
#[component]
pub fn EmbedChecks(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    let full_page = move || full_page_url(&page_base(), &snapshot.with(|s| s.state.clone()));
    view! {
        <p class="embed-checks">
            {move || snapshot.with(|s| (!s.checks.is_empty()).then(|| fill(t.embed_checks, &[("count", &s.checks.len().to_string())])))}
            <a href=full_page target="_blank" rel="noopener">{t.full_page_link}</a>
        </p>
    }
}

/// One note of the figure check; a claim with its verdict first, marked by what it comes to.
fn check_item(c: &CheckNote, lang: &'static str) -> impl IntoView {
    let mark = c.verdict.as_ref().map(|m| {
        view! { <strong class=format!("verdict {}", m.tone.code())>{m.label.clone()}</strong> }
    });
    view! { <li lang=lang>{mark}" "{c.text.clone()}</li> }
}
