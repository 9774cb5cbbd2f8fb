//! The dashboard of a loaded dataset: one [`Snapshot`] per view state, width and theme
//! (made from what earlier views kept), and the page's parts around it, in reading order.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::controls::{open_drawer, Controls};
use super::document::focus_element;
use super::document::{remove_static_view, viewport_width, Commit};
use super::downloads::Downloads;
use super::embed_dialog::EmbedDialog;
use super::hooks::use_element_width;
use super::notes::{EmbedChecks, FigureCheck, Notes};
use super::notices::Notices;
use super::sources::{SourceLine, SourcesList};
use super::table::DataTable;
use super::timing::{install_bench_update, mark_rendered, true_in_next_task};
use super::vintage::VintageNotice;
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
    // The first view in two tasks, each shorter on a slow phone: its snapshot (figures,
    // texts, the chart's SVG) now, its elements in the next task. The static first paint
    // stays until they are made.
    snapshot.with_untracked(|_| ());
    let mounted = true_in_next_task();
    Effect::new(move |_| {
        snapshot.with(|s| document().set_title(&fill(t.page_title, &[("title", &s.title)])));
    });
    // Whether the first chart has been painted: the settings and the other tabs' content
    // are made after it (neither moves the chart), a part per task ([`Stage`]).
    let painted = RwSignal::new(false);
    let stage = stages_after(painted);
    Effect::new(move |_| {
        snapshot.track();
        if mounted.get() && width.get_untracked() > 0 {
            mark_rendered(painted);
        }
    });
    // Only a change of the controls parameter re-makes the controls, not every new view.
    let show_controls = Memo::new(move |_| snapshot.with(|s| s.state.controls));
    install_bench_update(snapshot, state, set_state);
    let update = Update { state, set_state };
    let controls_data = dataset.clone();
    let controls = move |drawer: RwSignal<bool>| {
        // Built once the chart is painted: beside a wide chart it does not move it, and as
        // a closed drawer it is not seen before.
        // (At once when the drawer is opened before that: its first control takes focus.)
        let shown = show_controls.get() && (stage.get() >= Stage::Settings || drawer.get());
        shown.then(|| view! { <Controls t dataset=controls_data.clone() snapshot update drawer/> })
    };
    let drawer = RwSignal::new(false);
    let panel = move |mode: ViewMode| move || snapshot.with(|s| s.state.view != mode);
    // A tab's content is made once the chart is painted, or at once when it is the tab open.
    let made = move |mode: ViewMode| {
        stage.get() >= Stage::of_tab(mode) || snapshot.with(|s| s.state.view == mode)
    };
    let check_tab = move || made(ViewMode::Check).then(|| view! { <FigureCheck t snapshot/> });
    let sources_data = dataset.clone();
    let sources_tab = move || {
        made(ViewMode::Sources).then(|| {
            view! {
                // The dataset's own texts are in English (its `name` fields and prose).
                <p class="standfirst" lang="en">{sources_data.description.clone()}</p>
                <SourcesList t snapshot dataset=sources_data.clone()/>
            }
        })
    };
    let download_tab = move || {
        made(ViewMode::Download).then(|| view! { <Downloads t snapshot/><EmbedDialog t snapshot/> })
    };
    let elements = move || {
        view! {
            <article class="dashboard">
                <header class="graphic-head">
                    <h1>{move || snapshot.with(|s| s.title.clone())}</h1>
                    <p class="key-figures" aria-live="polite">{move || snapshot.with(|s| s.key_figures.clone().unwrap_or_default())}</p>
                    <p class="freshness">{move || snapshot.with(|s| s.freshness.clone().unwrap_or_default())}</p>
                    <VintageNotice t snapshot/>
                </header>
                <Notices t url_notices snapshot data_notes/>
                <div class="dashboard-body">
                <div class="dashboard-main">
                <div class="graphic-bar">
                    <Tabs t snapshot update/>
                    {move || show_controls.get().then(|| view! {
                        <button type="button" class="settings-open" aria-expanded=move || drawer.get().to_string()
                            aria-controls="settings" on:click=move |_| open_drawer(drawer, !drawer.get_untracked())>{t.settings}</button>
                    })}
                </div>
                <div class="tab-panel" id="panel-chart" role="tabpanel" aria-labelledby="tab-chart" class:hidden=panel(ViewMode::Chart)>
                    <ChartFigure t snapshot host update/>
                    <EmbedChecks t snapshot/>
                    <Notes t snapshot/>
                </div>
                <div class="tab-panel" id="panel-table" role="tabpanel" aria-labelledby="tab-table" class:hidden=panel(ViewMode::Table)>
                    <DataTable t snapshot/>
                </div>
                <div class="tab-panel" id="panel-check" role="tabpanel" aria-labelledby="tab-check" class:hidden=panel(ViewMode::Check)>
                    {check_tab}
                </div>
                <div class="tab-panel" id="panel-sources" role="tabpanel" aria-labelledby="tab-sources" class:hidden=panel(ViewMode::Sources)>
                    {sources_tab}
                </div>
                <div class="tab-panel" id="panel-download" role="tabpanel" aria-labelledby="tab-download" class:hidden=panel(ViewMode::Download)>
                    {download_tab}
                </div>
                <SourceLine t snapshot/>
                </div>
                {move || controls(drawer)}
                </div>
            </article>
        }
    };
    // Made once, when mounted turns true (it does only once), in place of the static
    // first paint: it goes in the same task, so no frame is painted without either (and
    // the chart's width is measured without it below).
    let elements = StoredValue::new_local(Some(elements));
    move || {
        let make = mounted
            .get()
            .then(|| elements.try_update_value(Option::take))???;
        remove_static_view();
        Some(make())
    }
}

/// What is made after the first chart is painted, in this order, one part per task: a
/// slow phone then runs several short tasks instead of one long one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Chart,
    Settings,
    Check,
    Sources,
    Download,
}

impl Stage {
    const ORDER: [Stage; 5] = [
        Stage::Chart,
        Stage::Settings,
        Stage::Check,
        Stage::Sources,
        Stage::Download,
    ];

    /// The stage that makes a tab's content (the table is made with the chart: its rows
    /// follow on their own, `DataTable`).
    fn of_tab(mode: ViewMode) -> Stage {
        match mode {
            ViewMode::Chart | ViewMode::Table => Stage::Chart,
            ViewMode::Check => Stage::Check,
            ViewMode::Sources => Stage::Sources,
            ViewMode::Download => Stage::Download,
        }
    }
}

/// The stage reached: [`Stage::Chart`] until `painted`, then the next stage in each task.
fn stages_after(painted: RwSignal<bool>) -> ReadSignal<Stage> {
    let stage = RwSignal::new(Stage::Chart);
    fn next(stage: RwSignal<Stage>, at: usize) {
        let Some(&s) = Stage::ORDER.get(at) else {
            return;
        };
        set_timeout(
            move || {
                // The view may have been replaced since (another language re-makes it).
                if stage.try_set(s).is_none() {
                    next(stage, at + 1);
                }
            },
            std::time::Duration::ZERO,
        );
    }
    Effect::new(move |_| {
        if painted.get() && stage.get_untracked() == Stage::Chart {
            next(stage, 1);
        }
    });
    stage.read_only()
}

/// The chart's width estimated before layout (0: wait for the layout), so that the first
/// view is drawn once, at its width: the static first paint's chart's when it shows (it
/// is laid out as the app's), else from `<main>`'s width.
fn first_width(s: &ViewState) -> u32 {
    let painted = document()
        .query_selector("#static-view .chart")
        .ok()
        .flatten();
    match painted.map(|c| c.client_width()).filter(|w| *w > 0) {
        Some(w) => (w as u32).max(MIN_CHART_WIDTH),
        None => {
            let main = document().get_element_by_id("main");
            let Some(main) = main else { return 0 };
            let viewport = viewport_width().unwrap_or(0.0);
            estimated_chart_width(main.client_width() as f64, viewport, s.embed, s.controls)
        }
    }
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

/// The graphic's tabs: chart, table, figure check, sources, downloads. Arrow keys move
/// between them (and open the one reached), as tabs do.
#[component]
fn Tabs(t: &'static Catalogue, snapshot: Memo<Snapshot>, update: Update) -> impl IntoView {
    let tabs = [
        (ViewMode::Chart, t.view_chart),
        (ViewMode::Table, t.view_table),
        (ViewMode::Check, t.figure_check),
        (ViewMode::Sources, t.sources),
        (ViewMode::Download, t.download),
    ];
    let open = move |mode: ViewMode, focus: bool| {
        update.run(&|s| s.view = mode, Commit::Push);
        if focus {
            focus_element(&format!("tab-{}", mode.code()));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let now = snapshot.with_untracked(|s| s.state.view);
        let at = tabs.iter().position(|(m, _)| *m == now).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % tabs.len(),
            "ArrowLeft" => (at + tabs.len() - 1) % tabs.len(),
            "Home" => 0,
            "End" => tabs.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        open(tabs[next].0, true);
    };
    view! {
        <div class="tabs" role="tablist" aria-label=t.show on:keydown=on_key>
            {tabs.into_iter().map(|(mode, label)| {
                let selected = move || snapshot.with(|s| s.state.view == mode);
                view! {
                    <button type="button" role="tab" class="tab" id=format!("tab-{}", mode.code())
                        aria-controls=format!("panel-{}", mode.code())
                        aria-selected=move || selected().to_string()
                        tabindex=move || if selected() { "0" } else { "-1" }
                        on:click=move |_| open(mode, false)>{label}</button>
                }
            }).collect_view()}
        </div>
    }
}
