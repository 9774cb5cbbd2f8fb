//! The figure check's marks on the chart as controls: a button over each mark's label
//! (reachable by Tab, a tap or a click) that opens its notes beside the chart, with a link
//! to the full figure check. Esc or the button again closes them.

use leptos::prelude::*;

use super::dashboard::Update;
use super::document::Commit;
use crate::i18n::{fill, Catalogue};
use crate::page::Snapshot;
use crate::urlstate::ViewMode;

/// A button over each mark's label, and the open mark's notes.
#[component]
pub fn MarkButtons(
    t: &'static Catalogue,
    snapshot: Memo<Snapshot>,
    update: Update,
) -> impl IntoView {
    let open = RwSignal::new(None::<usize>);
    // A new view closes any open mark.
    Effect::new(move |_| {
        snapshot.track();
        open.set(None);
    });
    // The buttons are re-made only when the marks move or change, not with every view (a
    // partner toggled keeps them where they are).
    let marks = Memo::new(move |_| snapshot.with(|s| (s.width, s.height, s.marks.clone())));
    let buttons = move || {
        marks.with(|(w, h, marks)| {
            let (w, h) = (*w as f64, *h as f64);
            marks
                .iter()
                .enumerate()
                .map(|(i, (b, checks))| {
                    let label = fill(t.mark_button, &[("mark", &b.text), ("count", &checks.len().to_string())]);
                    view! {
                        <button type="button" class="mark-button"
                            style:left=format!("{:.2}%", b.x / w * 100.0)
                            style:top=format!("{:.2}%", b.y / h * 100.0)
                            style:width=format!("{:.2}%", b.width / w * 100.0)
                            style:height=format!("{:.2}%", b.height / h * 100.0)
                            aria-label=label aria-expanded=move || (open.get() == Some(i)).to_string()
                            aria-controls="mark-note"
                            on:click=move |_| open.set(if open.get_untracked() == Some(i) { None } else { Some(i) })
                        ></button>
                    }
                })
                .collect_view()
        })
    };
    let note = move || {
        let i = open.get()?;
        snapshot.with(|s| {
            let (b, checks) = s.marks.get(i)?;
            let lang = s.wording.lang.html_tag();
            let left = b.x / s.width as f64 * 100.0;
            let items = checks
                .iter()
                .filter_map(|&c| s.checks.get(c))
                .map(|c| {
                    let mark = c.verdict.as_ref().map(|m| {
                        view! { <strong class=format!("verdict {}", m.tone.code())>{m.label.clone()}</strong>" " }
                    });
                    view! { <li lang=lang>{mark}{c.text.clone()}</li> }
                })
                .collect_view();
            Some(view! {
                <div class="mark-note" id="mark-note" role="region" aria-label=t.figure_check
                    style:left=format!("max(0px, min({left:.2}%, 100% - 26rem))")
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { open.set(None) }>
                    <ul>{items}</ul>
                    <button type="button" class="link-button" on:click=move |_| {
                        open.set(None);
                        update.run(&|s| s.view = ViewMode::Check, Commit::Push);
                    }>{t.full_check_link}</button>
                </div>
            })
        })
    };
    view! {
        <div class="marks" on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { open.set(None) }>
            {buttons}
        </div>
        {note}
    }
}
