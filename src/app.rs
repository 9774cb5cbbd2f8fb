//! The Leptos layer (browser only): the view state and its address, loading the dataset,
//! and the components that render the [`crate::page`] the pure modules compute. Each
//! component is a file under `app/`; browser APIs reach them as signals (`hooks`) or
//! through `bindings`; what a load failure means is decided in [`crate::page::failure`].

mod bindings;
mod chart_figure;
mod controls;
mod dashboard;
mod document;
mod downloads;
mod embed_dialog;
mod error_state;
mod events;
mod hooks;
mod load;
mod marks;
mod notes;
mod notices;
mod panic;
mod sources;
mod svg_patch;
mod table;
mod timing;
mod vintage;

use leptos::prelude::*;

use crate::format::megabytes;
use crate::i18n::{fill, Lang};
use crate::urlstate::{parse_query_in, Theme, ViewState};
use dashboard::Dashboard;
use document::{browser_lang, current_query, write_url, Commit};
use error_state::ErrorState;
use load::{use_dataset, Load};

pub use panic::{install_panic_hook, simulate_panic_for_tests};

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    document::drop_static_view_of_another_view();
    let browser = browser_lang();
    let (initial, notices) = parse_query_in(&current_query(), browser);
    let state = RwSignal::new(initial);
    // The page's language: the link's, or the reader's browser's.
    let lang = Memo::new(move |_| state.with(|s| s.lang).unwrap_or(browser));
    Effect::new(move |_| document::set_page_lang(lang.get()));
    let url_notices = RwSignal::new(notices.iter().map(|n| n.to_string()).collect());
    let loader = use_dataset(state);
    on_failure_show_it(loader.load);
    let set_state = use_history(state, url_notices, browser);
    let theme = use_page_theme(state);
    view! {
        <Masthead state lang set_state/>
        <main id="main">
            {move || {
                let t = lang.get().text();
                match loader.load.get() {
                    Load::Loading(path) => view! { <Loading t path progress=loader.progress/> }.into_any(),
                    Load::Failed(failure) => {
                        let on_retry = failure.retry().then_some(loader.retry);
                        let told = failure.describe(t);
                        view! { <ErrorState t title=told.title lines=told.lines details=told.details on_retry/> }.into_any()
                    }
                    Load::Ready(dataset, notes) => {
                        let data_notes = notes.iter().map(|n| n.text(t.lang)).collect();
                        view! { <Dashboard dataset state set_state url_notices theme data_notes t/> }.into_any()
                    }
                }
            }}
        </main>
    }
}

/// A failed load shows its message in place of the static first paint (and tells the
/// benchmark harness, to fail fast with the reason).
fn on_failure_show_it(load: ReadSignal<Load>) {
    Effect::new(move |_| {
        if let Load::Failed(failure) = load.get() {
            document::remove_static_view();
            let title = failure.describe(Lang::En.text()).title;
            let _ = js_sys::Reflect::set(&window(), &"benchError".into(), &title.into());
            timing::mark("chart-error");
        }
    });
}

/// The view state and the browser's history: Back and Forward set the state from the
/// address; a change of the state is written to the address once its view is painted
/// (updating the history keeps the browser busy for about ten milliseconds on a small
/// machine, which would hold back the new chart's frame). Writes keep their order; Back or
/// Forward drops those not yet made, as the address is then the browser's.
fn use_history(
    state: RwSignal<ViewState>,
    url_notices: RwSignal<Vec<String>>,
    browser: Lang,
) -> Callback<(ViewState, Commit)> {
    let writes = StoredValue::new(0u64);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        writes.update_value(|w| *w += 1);
        let (s, n) = parse_query_in(&current_query(), browser);
        url_notices.set(n.into_iter().map(|n| n.to_string()).collect());
        state.set(s);
    });
    on_cleanup(move || popstate.remove());
    Callback::new(move |(next, commit): (ViewState, Commit)| {
        let write = writes.get_value();
        let written = next.clone();
        timing::after_paint(move || {
            if writes.try_get_value() == Some(write) {
                write_url(&written, commit);
            }
        });
        url_notices.set(Vec::new());
        state.set(next);
    })
}

/// The page's theme: the host page's (when embedded and it asks), else the link's; `auto`
/// follows the reader. Set on `<html>` with the embed classes.
fn use_page_theme(state: RwSignal<ViewState>) -> Memo<Theme> {
    let prefers_dark = hooks::use_prefers_dark();
    let host_theme = hooks::use_parent_frame(state);
    let theme = Memo::new(move |_| {
        let asked = host_theme.get().unwrap_or_else(|| state.with(|s| s.theme));
        asked.resolve(prefers_dark.get())
    });
    Effect::new(move |_| {
        let (transparent, embed) = state.with(|s| (s.transparent, s.embed));
        document::apply_page_theme(theme.get(), transparent, embed);
    });
    theme
}

/// The brand and the language switch (hidden in embeds).
#[component]
fn Masthead(
    state: RwSignal<ViewState>,
    lang: Memo<Lang>,
    set_state: Callback<(ViewState, Commit)>,
) -> impl IntoView {
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
    }
}

/// The loading state, with the bytes received once they are many.
#[component]
fn Loading(
    t: &'static crate::i18n::Catalogue,
    path: String,
    progress: ReadSignal<Option<(f64, f64)>>,
) -> impl IntoView {
    let shown = move || {
        let (received, expected) = progress.get().filter(|(r, _)| *r > 256.0 * 1024.0)?;
        Some(if expected > 0.0 {
            format!(" {} / {}", megabytes(received), megabytes(expected))
        } else {
            format!(" {}", megabytes(received))
        })
    };
    view! {
        <p class="status" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {fill(t.loading, &[("path", &path)])}
            <span class="progress">{shown}</span>
        </p>
    }
}
