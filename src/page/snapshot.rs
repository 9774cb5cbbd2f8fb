//! The page drawn at a width ([`Snapshot`]): its chart's SVG and geometry, the chart of
//! releases beneath values per period, and the points a reader can reach ([`super::hits`]).
//! Computed once per change; read as the page it draws (it dereferences to the [`Page`]).

use std::ops::Deref;
use std::sync::Arc;

use super::hits::Placed;
use super::layout::chart_height;
use super::{Kept, Page};
use crate::chart::{mark_boxes, render, render_svg, Geometry, MarkBox};
use crate::dataset::Dataset;
use crate::format::escape_xml;
use crate::urlstate::{ChartKind, MeasureKind, ViewState};

/// The page for one state and chart width.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub page: Page,
    pub svg: String,
    pub geometry: Geometry,
    pub width: u32,
    pub height: u32,
    /// With values per period: a small chart of the year-to-date figures as published,
    /// the releases the periods are derived from.
    pub context_svg: Option<String>,
    /// The figure check's marks as drawn: each label's box in SVG pixels and the notes
    /// (indices into `checks`) it stands for.
    pub marks: Vec<(MarkBox, Vec<usize>)>,
    /// The values a reader can reach, placed when first asked for ([`Snapshot::point`]).
    pub(super) placed: Placed,
}

impl Deref for Snapshot {
    type Target = Page;

    fn deref(&self) -> &Page {
        &self.page
    }
}

impl Snapshot {
    /// Computes the page for `state` at chart `width`.
    pub fn new(d: &Dataset, state: &ViewState, width: u32) -> Snapshot {
        Snapshot::themed_with(d, state, width, false, &Arc::default())
    }

    /// As [`Snapshot::new`], with the reader's colour-scheme preference for `theme=auto`,
    /// reusing (and adding to) what `kept` has derived from `d` for earlier views: a
    /// control change derives only what is new.
    pub fn themed_with(
        d: &Dataset,
        state: &ViewState,
        width: u32,
        prefers_dark: bool,
        kept: &Arc<Kept>,
    ) -> Snapshot {
        let page = Page::with(d, state, kept);
        let height = chart_height(width);
        let spec = page.chart_spec(width, height, prefers_dark);
        let groups = page
            .range
            .map(|(a, b)| page.mark_groups(a, b))
            .unwrap_or_default();
        let marks = mark_boxes(&spec)
            .into_iter()
            .map(|b| {
                let checks = groups[b.index].checks.clone();
                (b, checks)
            })
            .collect();
        let (svg, geometry) = render(&spec).unwrap_or_else(|e| {
            let geometry = Geometry {
                plot: (0, 0, 1, 1),
                x_domain: (0.0, 1.0),
                y_domain: (0.0, 1.0),
            };
            (format!("<p>{}</p>", escape_xml(&e.to_string())), geometry)
        });
        let context_svg = (page.state.measure == MeasureKind::Monthly)
            .then(|| context_chart(d, &page, kept, width, height, prefers_dark))
            .flatten();
        Snapshot {
            page,
            svg,
            geometry,
            width,
            height,
            context_svg,
            marks,
            placed: Placed::default(),
        }
    }
}

/// The chart of the releases beneath a view of values per month: the same partners, year
/// to date as published, over the same months. None when it would draw nothing: values
/// published month by month come from no other release, and an empty chart would only
/// take room (and time to draw).
fn context_chart(
    d: &Dataset,
    page: &Page,
    kept: &Arc<Kept>,
    width: u32,
    height: u32,
    prefers_dark: bool,
) -> Option<String> {
    let mut ytd = page.state.clone();
    ytd.measure = MeasureKind::Ytd;
    ytd.chart = ChartKind::Line;
    let context = Page::with(d, &ytd, kept);
    let mut spec = context.chart_spec(width, (height / 2).max(200), prefers_dark);
    let blank = |p: &crate::chart::Panel| p.series.iter().all(|s| s.shape.is_blank());
    if spec.panels.iter().all(blank) {
        return None;
    }
    // The same months as the main chart, so the two line up.
    spec.months = (
        page.range.map(|r| r.0.index()).unwrap_or(spec.months.0),
        page.range.map(|r| r.1.index()).unwrap_or(spec.months.1),
    );
    spec.marks.clear();
    spec.events.clear();
    // Its own title id: two charts on one page.
    let svg = render_svg(&spec).unwrap_or_default();
    Some(svg.replace("chart-title", "context-chart-title"))
}
