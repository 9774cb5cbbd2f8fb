//! The dashboard of a loaded dataset: one [`Snapshot`] per view state, width and theme
//! (made from what earlier views kept), and the page's parts around it, in reading order.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::controls::Controls;
use super::document::{remove_static_view, viewport_width, Commit};
use super::downloads::Downloads;
use super::embed_dialog::EmbedDialog;
use super::hooks::use_element_width;
use super::notes::{FigureCheck, Notes};
use super::notices::Notices;
use super::sources::{SourceLine, SourcesList};
use super::table::DataTable;
use super::timing::{install_bench_update, mark_rendered};
use crate::dataset::Dataset;
use crate::i18n::{fill, Catalogue};
use crate::page::layout::estimated_chart_width;
use crate::page::{Kept, Snapshot};
use crate::urlstate::{Theme, ViewMode, ViewState};

/// The narrowest chart drawn, in CSS pixels.
const MIN_CHART_WIDTH: u32 = 280;

/// Changes the view state.
#[derive(Clone, Copy)]
pub struct Update {
    state: RwSignal<ViewState>,
    set_state: Callback<(ViewState, Commit)>,
}

impl Update {
    /// `f` applied to what was asked for (not the filled-in defaults, so links stay
    /// short), committed to the address bar as `commit` says.
    pub fn run(self, f: &dyn Fn(&mut ViewState), commit: Commit) {
        let mut next = self.state.get_untracked();
        f(&mut next);
        self.set_state.run((next, commit));
    }
}

/// The dashboard of a loaded dataset.
#[component]
pub fn Dashboard(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    set_state: Callback<(ViewState, Commit)>,
    url_notices: RwSignal<Vec<String>>,
    theme: Memo<Theme>,
    data_notes: Vec<String>,
    t: &'static Catalogue,
) -> impl IntoView {
    // The chart's width, first estimated from the page layout, so that the first snapshot
    // is usually drawn at the width the chart gets; the observer corrects it.
    let host = NodeRef::<Div>::new();
    let width = use_element_width(host, state.with_untracked(first_width), MIN_CHART_WIDTH);
    let snapshot = use_snapshot(dataset.clone(), state, width, theme, t);
    Effect::new(move |_| {
        snapshot.with(|s| document().set_title(&fill(t.page_title, &[("title", &s.title)])));
    });
    // Whether the first chart has been painted: the settings column beside a wide chart
    // is built after it (it does not move the chart). Below 900 px the settings sit above
    // the chart, so they are built with it rather than push it down later.
    let painted = RwSignal::new(false);
    let settings_beside =
        state.with_untracked(|s| !s.embed) && viewport_width().is_some_and(|w| w >= 900.0);
    Effect::new(move |_| {
        snapshot.track();
        if width.get_untracked() > 0 {
            remove_static_view();
            mark_rendered(painted);
        }
    });
    // Only a change of the controls parameter re-makes the controls, not every new view.
    let show_controls = Memo::new(move |_| snapshot.with(|s| s.state.controls));
    install_bench_update(snapshot, state, set_state);
    let update = Update { state, set_state };
    let controls_data = dataset.clone();
    let controls = move || {
        let shown = show_controls.get() && (painted.get() || !settings_beside);
        shown.then(|| view! { <Controls t dataset=controls_data.clone() snapshot update/> })
    };
    view! {
        <article class="dashboard">
            <h1>{move || snapshot.with(|s| s.title.clone())}</h1>
            // The dataset's own texts are in English (its `name` fields and prose).
            <p class="standfirst" lang="en">{dataset.description.clone()}</p>
            <Notices t url_notices snapshot data_notes/>
            <div class="dashboard-body">
            {controls}
            <div class="dashboard-main">
            <p class="key-figures" aria-live="polite">{move || snapshot.with(|s| s.key_figures.clone().unwrap_or_default())}</p>
            <p class="freshness">{move || snapshot.with(|s| s.freshness.clone().unwrap_or_default())}</p>
            <ViewSwitch t snapshot update/>
            <ChartFigure t snapshot host/>
            <Downloads t snapshot/>
            <EmbedDialog t snapshot/>
            </div>
            </div>
            <Notes t snapshot/>
            <FigureCheck t snapshot/>
            <DataTable t snapshot/>
            <SourceLine t snapshot/>
            <SourcesList t snapshot dataset/>
        </article>
    }
}

/// The chart's width estimated before layout (0: wait for the layout).
fn first_width(s: &ViewState) -> u32 {
    let main = document().get_element_by_id("main");
    let Some(main) = main else { return 0 };
    let viewport = viewport_width().unwrap_or(0.0);
    estimated_chart_width(main.client_width() as f64, viewport, s.embed, s.controls)
}

/// The snapshot of the view state at the chart's width and the page's theme, in the
/// page's language, made from what earlier views of the dataset kept: a control change
/// derives only what is new.
fn use_snapshot(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    width: ReadSignal<u32>,
    theme: Memo<Theme>,
    t: &'static Catalogue,
) -> Memo<Snapshot> {
    let kept = Arc::new(Kept::default());
    // A recomputed snapshot is taken as new without comparing it to the last one field by
    // field (a long series' values and SVG are megabytes; it recomputes only when the
    // state, the width or the theme changed).
    Memo::new_with_compare(
        move |_| {
            let w = width.get();
            let dark = theme.get() == Theme::Dark;
            state.with(|s| {
                let mut s = s.clone();
                s.lang = Some(t.lang);
                let w = if w == 0 { 960 } else { w };
                Snapshot::themed_with(&dataset, &s, w, dark, &kept)
            })
        },
        |_, _| true,
    )
}

/// Chart or table.
#[component]
fn ViewSwitch(t: &'static Catalogue, snapshot: Memo<Snapshot>, update: Update) -> impl IntoView {
    let modes = [
        (ViewMode::Chart, t.view_chart),
        (ViewMode::Table, t.view_table),
    ];
    view! {
        <div class="view-switch" role="group" aria-label=t.show>
            {modes.into_iter().map(|(mode, label)| view! {
                <button type="button" class="tab"
                    aria-pressed=move || (snapshot.with(|s| s.state.view) == mode).to_string()
                    on:click=move |_| update.run(&|s| s.view = mode, Commit::Push)>{label}</button>
            }).collect_view()}
        </div>
    }
}
