//! The chart as a reader uses it: the SVG, a point picked by pointer (hover, tap, or a
//! click that pins the tooltip so its links can be reached) or by keyboard (arrows, Home,
//! End, Esc), the tooltip and crosshair, the announcement for screen readers, the chart
//! of releases beneath values per period, and the events.

use leptos::html::Div;
use leptos::prelude::*;

use super::dashboard::Update;
use super::document::Commit;
use super::events::EventsList;
use super::marks::MarkButtons;
use super::sources::publisher_links;
use super::svg_patch::show_svg;
use crate::i18n::{fill, Catalogue};
use crate::page::{HitPoint, Snapshot};

/// The chart figure; `host` is the element whose width the chart is drawn at.
#[component]
pub fn ChartFigure(
    t: &'static Catalogue,
    snapshot: Memo<Snapshot>,
    host: NodeRef<Div>,
    update: Update,
) -> impl IntoView {
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
        // A press anywhere outside the chart and its tooltip lets the figure go.
        use wasm_bindgen::JsCast;
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.closest(".chart").ok().flatten().is_some());
        // A tap or click elsewhere hides the figure read (pinned or tapped).
        if !inside && selected.get_untracked().is_some() {
            pinned.set(false);
            selected.set(None);
        }
    });
    on_cleanup(move || outside.remove());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-1, 0),
            "ArrowRight" => (1, 0),
            "ArrowUp" => (0, -1),
            "ArrowDown" => (0, 1),
            "Home" => (-10_000, 0),
            "End" => (10_000, 0),
            "Escape" => {
                selected.set(None);
                pinned.set(false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let next = snapshot.with_untracked(|s| s.step(selected.get_untracked(), dx, dy));
        selected.set(next);
        if let Some(i) = next {
            let text = snapshot.with_untracked(|s| s.point_text(i).map(|p| p.announcement()));
            announce.set(text.unwrap_or_default());
        }
    };
    // The chart changes in place: only the series shown or hidden, when the scale holds.
    let svg_host = NodeRef::<Div>::new();
    let shown = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        snapshot.with(|s| {
            if let Some(host) = svg_host.get() {
                show_svg(&host, shown.get_value().as_deref(), &s.svg);
                shown.set_value(Some(s.svg.clone()));
            }
        })
    });
    view! {
        <figure class="chart-figure">
            <figcaption class="measure">{move || snapshot.with(|s| format!("{} — {}", s.wording.measure_label, s.wording.y_label))}</figcaption>
            <div class="chart" node_ref=host>
                <div
                    class="chart-svg-host"
                    tabindex="0"
                    role="application"
                    aria-roledescription=t.interactive_chart
                    aria-label=move || snapshot.with(|s| format!("{} {}", s.alt_text, t.chart_keys))
                    node_ref=svg_host
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
                    on:keydown=on_key
                ></div>
                <Tooltip t snapshot selected pinned/>
                <MarkButtons t snapshot update/>
            </div>
            <RangeNote t snapshot update/>
            <p class="visually-hidden" aria-live="polite" role="status">{move || announce.get()}</p>
            {move || snapshot.with(|s| s.context_svg.clone().map(|svg| view! {
                <figure class="context-chart">
                    <figcaption class="context-caption">{fill(t.context_caption, &[("unit", s.wording.money_unit())])}</figcaption>
                    <div class="context-svg-host" inner_html=svg></div>
                </figure>
            }))}
            <EventsList t snapshot/>
        </figure>
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
                    <p class="tt-src">{t.source_lead}{publisher_links(t, &p.sources)}</p>
                    {pinned.then(|| view! { <p class="tt-pinned">{t.tooltip_pinned}</p> })}
                </div>
            })
        })
    }
}

/// Why the chart opens on fewer years than the data has, and the way to all of them.
#[component]
fn RangeNote(t: &'static Catalogue, snapshot: Memo<Snapshot>, update: Update) -> impl IntoView {
    move || {
        snapshot.with(|s| {
            let note = s.range_note.clone()?;
            let first = s.bounds.map(|b| b.0);
            Some(view! {
                <p class="range-note">{note}" "
                    <button type="button" class="link-button" on:click=move |_| {
                        update.run(&move |s| { s.from = first; s.to = None; }, Commit::Push)
                    }>{t.all_years}</button>
                </p>
            })
        })
    }
}
