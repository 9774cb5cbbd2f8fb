//! Everything the page shows for one view state and chart width, as owned data: the SVG
//! and its geometry, the points a pointer or the keyboard can reach, the texts, and the
//! values behind the table. Computed once per change; the Leptos layer only renders it.
//! A value's words (tooltip, announcement, table row) are made when a reader reaches it,
//! not for every value in advance: a long series has far more values than anyone reads.

use crate::chart::{render, Geometry};
use crate::dashboard::{DashboardView, SeriesOut, ValueKind, Wording};
use crate::dataset::Dataset;
use crate::i18n::{fill, Lang};
use crate::measures::Derived;
use crate::measures::How;
use crate::month::Month;
use crate::urlstate::ViewState;
use std::sync::Arc;

/// A source as shown: title, address, publisher.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    pub id: String,
    pub title: String,
    pub url: String,
    pub publisher: String,
    pub date: Option<String>,
}

/// One plotted value a reader can reach (hover, tap or arrow keys): where it is drawn,
/// and which value it is ([`Snapshot::point_text`] words it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HitPoint {
    pub series: usize,
    /// The value's index among its series' values.
    pub index: usize,
    /// Position in SVG pixels.
    pub x_px: f64,
    pub y_px: f64,
}

/// The reachable points once placed. Not part of what makes two snapshots equal: they
/// follow from the values, the geometry and the scale, which are; only whether a pointer
/// has asked for them yet differs.
#[derive(Debug, Clone, Default)]
struct Placed(std::sync::OnceLock<Reachable>);

impl PartialEq for Placed {
    fn eq(&self, _: &Placed) -> bool {
        true
    }
}

/// The reachable points, series by series: where each series' points are among them.
#[derive(Debug, Clone, Default, PartialEq)]
struct Reachable {
    runs: Vec<Run>,
}

/// One series' points among the reachable ones, `start..end`, left to right.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    series: usize,
    start: usize,
    end: usize,
    /// The points, placed; none when the series' values are a monthly run's (all drawn,
    /// one per month, so point `k` is value `k`, placed when read: a million values
    /// take no room here).
    placed: Option<Vec<HitPoint>>,
}

impl Run {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// The first point of `run` nearest to `x` in x, by its place in the run.
fn closest(run: &Run, x: f64, x_at: impl Fn(usize) -> f64) -> Option<usize> {
    let distance = |k: usize| (x_at(k) - x).abs();
    // Left to right: the nearest is on one side of x or the other, and the first of
    // equal positions is found again by halving.
    let k = left_of(run.len(), x, &x_at);
    let left = k.checked_sub(1).map(|j| (j, distance(j)));
    let right = (k < run.len()).then(|| (k, distance(k)));
    let (best, _) = match (left, right) {
        (Some(l), Some(r)) if r.1 < l.1 => r,
        (l, r) => l.or(r)?,
    };
    Some(left_of(run.len(), x_at(best), &x_at))
}

/// How many of a run's points (left to right, point `k` at `x_at(k)`) lie left of `x`.
fn left_of(len: usize, x: f64, x_at: impl Fn(usize) -> f64) -> usize {
    let (mut a, mut b) = (0, len);
    while a < b {
        let mid = a + (b - a) / 2;
        if x_at(mid) < x {
            a = mid + 1;
        } else {
            b = mid;
        }
    }
    a
}

/// Of `n` values in order of `period`, those that can be among the first `limit` rows
/// (`ascending`) or the last: the first or last `limit`, and the values of the edge's
/// period beyond them (equal periods go by index, first first, either way).
fn first_in_order<P: PartialEq>(
    n: usize,
    limit: usize,
    ascending: bool,
    period: impl Fn(usize) -> P,
) -> std::ops::Range<usize> {
    if limit >= n {
        return 0..n;
    }
    if ascending {
        let (edge, mut end) = (period(limit - 1), limit);
        while end < n && period(end) == edge {
            end += 1;
        }
        0..end
    } else {
        let (edge, mut start) = (period(n - limit), n - limit);
        while start > 0 && period(start - 1) == edge {
            start -= 1;
        }
        start..n
    }
}

/// A table row as the table's order compares it.
#[derive(Debug, Clone, Copy)]
struct RowKey {
    first: Month,
    last: Month,
    value: f64,
    /// The rank of the series' label.
    rank: usize,
    /// (series, value index).
    key: (usize, usize),
}

/// A reachable value in words: the tooltip and what a screen reader announces.
#[derive(Debug, Clone, PartialEq)]
pub struct PointText {
    pub series_label: String,
    pub period: String,
    /// "≈ 4.72 billion US dollars per month"
    pub value: String,
    /// Official / derived / converted / computed, in words.
    pub provenance: String,
    pub caveat: Option<String>,
    pub sources: Vec<SourceLink>,
    pub lang: Lang,
}

impl PointText {
    /// What a screen reader announces: period, series, value with unit and currency,
    /// provenance, and the caveat if there is one.
    pub fn announcement(&self) -> String {
        let t = self.lang.text();
        let mut text = fill(
            t.announce,
            &[
                ("period", &self.period),
                ("series", &self.series_label),
                ("value", &self.value),
                ("provenance", &self.provenance),
            ],
        );
        if let Some(c) = &self.caveat {
            text.push_str(&fill(t.announce_caveat, &[("caveat", c)]));
        }
        text
    }
}

/// One table row.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub period: String,
    /// Sort key of the period (first month index, last month index).
    pub period_key: (i64, i64),
    pub series: String,
    pub value: String,
    /// Numeric value for sorting (display units).
    pub number: f64,
    pub provenance: String,
    pub caveat: Option<String>,
    pub sources: Vec<SourceLink>,
    pub drawn: bool,
    /// Source-table rows added and subtracted to get the value, when it is exact
    /// arithmetic on published figures (empty for converted or computed values).
    pub plus: Vec<String>,
    pub minus: Vec<String>,
    /// The value was divided by this many months (average per month).
    pub months: i64,
}

/// Rows behind an exact value: (plus, minus, divisor); `None` when conversion or other
/// computation is involved.
fn exact_rows(how: &How) -> Option<(Vec<String>, Vec<String>, i64)> {
    match how {
        How::Official { rows } => Some((rows.clone(), vec![], 1)),
        How::Derived { plus, minus } => Some((plus.clone(), minus.clone(), 1)),
        How::PerMonth { inner, months } => exact_rows(inner).map(|(p, m, _)| (p, m, *months)),
        How::Converted { .. } | How::Computed { .. } => None,
    }
}

/// An event as listed under the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct EventItem {
    pub number: usize,
    pub date: String,
    pub title: String,
    pub source: Option<SourceLink>,
}

/// The page for one state.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub state: ViewState,
    pub title: String,
    pub measure_label: String,
    pub y_label: String,
    pub svg: String,
    pub geometry: Geometry,
    pub width: u32,
    pub height: u32,
    pub alt_text: String,
    /// The values a reader can reach, placed when first asked for ([`Snapshot::points`]):
    /// a view that nobody points at costs nothing per value.
    points: Placed,
    /// Where values sit in x: across their months (values per period) or at their end.
    across_months: bool,
    /// Display units per full unit.
    scale: f64,
    /// Every value of the view (drawn or not), by series: the table's rows and the
    /// points' words are made from these on demand.
    pub values: Vec<SeriesOut>,
    /// How the values are put in words.
    pub wording: Wording,
    pub key_figures: Option<String>,
    pub notes: Vec<String>,
    pub checks: Vec<String>,
    pub events: Vec<EventItem>,
    pub notices: Vec<String>,
    pub sources: Vec<SourceLink>,
    pub file_stem: String,
    /// Months a range control can choose from (all months with a value).
    pub months: Vec<Month>,
    pub reporter: String,
    pub partners: Vec<String>,
    /// With values per period: a small chart of the year-to-date figures as published,
    /// the releases the periods are derived from.
    pub context_svg: Option<String>,
    /// The unit of the year-to-date context chart ("billion yuan").
    pub context_unit: String,
    /// The language the figure-check notes are written in (`<li lang>`).
    pub checks_lang: &'static str,
}

fn link(d: &Dataset, id: &str) -> Option<SourceLink> {
    let s = d.source(id)?;
    Some(SourceLink {
        id: s.id.clone(),
        title: s.title.clone(),
        url: s.url.clone(),
        publisher: s.publisher.clone(),
        date: s.date.clone(),
    })
}

/// The chart of the releases beneath a view of values per month: the same partners, year
/// to date as published, over the same months. None when it would draw nothing: values
/// published month by month come from no other release, and an empty chart would only
/// take room (and time to draw).
fn context_chart(
    d: &Dataset,
    view: &DashboardView,
    derived: &Arc<Derived>,
    width: u32,
    height: u32,
    prefers_dark: bool,
) -> Option<String> {
    let mut ytd = view.state.clone();
    ytd.measure = crate::urlstate::MeasureKind::Ytd;
    ytd.chart = crate::urlstate::ChartKind::Line;
    let context = DashboardView::with(d, &ytd, derived.clone());
    let mut spec = context.chart_spec_themed(width, (height / 2).max(200), prefers_dark);
    let blank = |p: &crate::chart::Panel| p.series.iter().all(|s| s.shape.is_blank());
    if spec.panels.iter().all(blank) {
        return None;
    }
    // The same months as the main chart, so the two line up.
    spec.months = (
        view.range.map(|r| r.0.index()).unwrap_or(spec.months.0),
        view.range.map(|r| r.1.index()).unwrap_or(spec.months.1),
    );
    spec.flags.clear();
    spec.events.clear();
    // Its own title id: two charts on one page.
    let svg = crate::chart::render_svg(&spec).unwrap_or_default();
    Some(svg.replace("chart-title", "context-chart-title"))
}

/// Chart height for a width: taller than wide on phones, 16:9-ish on desktops.
pub fn chart_height(width: u32) -> u32 {
    if width < 520 {
        (width as f64 * 1.05) as u32
    } else {
        ((width as f64 * 0.5) as u32).clamp(320, 560)
    }
}

impl Snapshot {
    /// Computes the page for `state` at chart `width`.
    pub fn new(d: &Dataset, state: &ViewState, width: u32) -> Snapshot {
        Snapshot::themed(d, state, width, false)
    }

    /// As [`Snapshot::new`], with the reader's colour-scheme preference for `theme=auto`.
    pub fn themed(d: &Dataset, state: &ViewState, width: u32, prefers_dark: bool) -> Snapshot {
        Snapshot::themed_with(d, state, width, prefers_dark, &Default::default())
    }

    /// As [`Snapshot::themed`], reusing (and adding to) what `derived` has derived from `d`
    /// for earlier views: a control change derives only what is new.
    pub fn themed_with(
        d: &Dataset,
        state: &ViewState,
        width: u32,
        prefers_dark: bool,
        derived: &Arc<Derived>,
    ) -> Snapshot {
        let mut view = DashboardView::with(d, state, derived.clone());
        let height = chart_height(width);
        let spec = view.chart_spec_themed(width, height, prefers_dark);
        let (svg, geometry) = render(&spec).unwrap_or_else(|e| {
            (
                format!("<p>{}</p>", crate::format::escape_xml(&e.to_string())),
                Geometry {
                    plot: (0, 0, 1, 1),
                    x_domain: (0.0, 1.0),
                    y_domain: (0.0, 1.0),
                },
            )
        });
        let lang = view.lang;
        let scale = view.display_scale();
        let sources_of =
            |ids: &[String]| ids.iter().filter_map(|id| link(d, id)).collect::<Vec<_>>();
        let mut all_sources: Vec<String> = Vec::new();
        for s in &view.series {
            crate::dataset::push_unique(&mut all_sources, &derived.facts(&s.points).sources);
        }
        let events = view
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| EventItem {
                number: i + 1,
                date: e.date.clone(),
                title: e.title.clone(),
                source: link(d, &e.source),
            })
            .collect();
        let checks: Vec<String> = view.checks.iter().map(|c| c.text.clone()).collect();
        for c in &view.checks {
            for id in &c.sources {
                if !all_sources.contains(id) {
                    all_sources.push(id.clone());
                }
            }
        }
        let context_svg = (state.measure == crate::urlstate::MeasureKind::Monthly)
            .then(|| context_chart(d, &view, derived, width, height, prefers_dark))
            .flatten();
        let months = match view.bounds {
            Some((a, b)) => crate::month::Span { first: a, last: b }.months().collect(),
            None => Vec::new(),
        };
        Snapshot {
            title: view.title.clone(),
            measure_label: view.measure_label.clone(),
            y_label: view.y_label.clone(),
            svg,
            geometry,
            width,
            height,
            alt_text: spec.alt_text.clone(),
            points: Default::default(),
            across_months: view.spans_months(),
            scale,
            key_figures: view.key_figures.clone(),
            notes: view.notes.clone(),
            checks,
            events,
            notices: view.notices.iter().map(|n| n.to_string()).collect(),
            sources: sources_of(&all_sources),
            file_stem: view.file_stem(),
            months,
            reporter: view.reporter.clone(),
            partners: view.state.partners.clone(),
            context_svg,
            context_unit: match view.kind {
                crate::dashboard::ValueKind::Money { currency, .. } => {
                    crate::format::unit_label_in(currency, lang).to_string()
                }
                _ => String::new(),
            },
            checks_lang: lang.html_tag(),
            state: view.state.clone(),
            // Last: the view's values and wording move into the snapshot.
            values: std::mem::take(&mut view.series),
            wording: std::mem::replace(
                &mut view.wording,
                Wording::new(ValueKind::Percent, lang, String::new()),
            ),
        }
    }

    /// Reachable point `i` ([`Snapshot::points`] in order), placed.
    pub fn point(&self, i: usize) -> Option<HitPoint> {
        let runs = &self.reachable().runs;
        let run = &runs[runs.partition_point(|r| r.end <= i)..].first()?;
        Some(self.point_in(run, i.checked_sub(run.start)?))
    }

    /// How many points are reachable.
    pub fn point_count(&self) -> usize {
        self.reachable().runs.last().map_or(0, |r| r.end)
    }

    /// Every drawn value a pointer or the keyboard can reach, where it is drawn, in the
    /// order of the series and, within a series, left to right (the order of its values).
    /// Made on each call (for tests and probes; the page reads [`Snapshot::point`]).
    pub fn points(&self) -> Vec<HitPoint> {
        (0..self.point_count())
            .filter_map(|i| self.point(i))
            .collect()
    }

    /// Point `k` of `run`.
    fn point_in(&self, run: &Run, k: usize) -> HitPoint {
        match &run.placed {
            Some(placed) => placed[k],
            None => self.place(run.series, k),
        }
    }

    /// Where value `index` of series `series` is drawn.
    fn place(&self, series: usize, index: usize) -> HitPoint {
        let (first, last, value) = self.values[series].points.placed(index);
        HitPoint {
            series,
            index,
            x_px: self.geometry.x_px(crate::dashboard::x_of_months(
                first,
                last,
                self.across_months,
            )),
            y_px: self.geometry.y_px(value * self.scale),
        }
    }

    /// Where point `k` of `run` is in x.
    fn x_in(&self, run: &Run, k: usize) -> f64 {
        self.point_in(run, k).x_px
    }

    fn reachable(&self) -> &Reachable {
        self.points.0.get_or_init(|| {
            let mut runs = Vec::new();
            let mut start = 0;
            for (series, s) in self.values.iter().enumerate() {
                let placed = (!s.points.is_run()).then(|| {
                    let mut placed: Vec<HitPoint> = (0..s.points.len())
                        .filter(|&index| s.points.drawable(index))
                        .map(|index| self.place(series, index))
                        .collect();
                    // Left to right (a series' values already are; sorting them is then
                    // one look), so that a series can be searched by halving.
                    placed.sort_by(|a, b| a.x_px.total_cmp(&b.x_px));
                    placed
                });
                let len = placed.as_ref().map_or(s.points.len(), Vec::len);
                if len > 0 {
                    runs.push(Run {
                        series,
                        start,
                        end: start + len,
                        placed,
                    });
                    start += len;
                }
            }
            Reachable { runs }
        })
    }

    /// The words of reachable point `i`: its tooltip and announcement.
    pub fn point_text(&self, i: usize) -> Option<PointText> {
        let h = self.point(i)?;
        let s = self.values.get(h.series)?;
        let p = s.points.get(h.index)?;
        let w = &self.wording;
        Some(PointText {
            series_label: s.label.clone(),
            period: p.span.label_in(w.lang),
            value: w.value_with_unit(&p),
            provenance: w.provenance(&s.code, &p),
            caveat: p.caveat.as_ref().map(|c| c.text(w.lang)),
            sources: self.links(&p.sources),
            lang: w.lang,
        })
    }

    /// The sources of `ids` as links (every source of the view's values is in `sources`).
    fn links(&self, ids: &[String]) -> Vec<SourceLink> {
        ids.iter()
            .filter_map(|id| self.sources.iter().find(|l| &l.id == id).cloned())
            .collect()
    }

    /// How many rows the table has: one per value, drawn or not.
    pub fn row_count(&self) -> usize {
        self.values.iter().map(|s| s.points.len()).sum()
    }

    /// The first `limit` of the table's rows in order, as (series, value index), sorted by
    /// `column` (0 period, 1 partner, 2 value), ascending or not; ties keep the order of
    /// the series and their values. Only the rows asked for are sorted and held: the first
    /// page of a million values is a selection, not a sort of all of them. By period or
    /// partner, only the first (or last) `limit` values of each series in time order can
    /// be among them, so only those are looked at.
    pub fn row_order(&self, column: usize, ascending: bool, limit: usize) -> Vec<(usize, usize)> {
        if limit == 0 {
            return Vec::new();
        }
        // A series' label ranked by how many labels come before it (equal labels share a
        // rank): rows then compare by numbers. A few series: no sort needed.
        let rank: Vec<usize> = self
            .values
            .iter()
            .map(|a| self.values.iter().filter(|b| b.label < a.label).count())
            .collect();
        let row = |i: usize, j: usize| {
            let p = self.values[i].points.brief(j);
            RowKey {
                first: p.span.first,
                last: p.span.last,
                value: p.value,
                rank: rank[i],
                key: (i, j),
            }
        };
        let order = |a: &RowKey, b: &RowKey| {
            let o = match column {
                1 => (a.rank, a.first, a.last).cmp(&(b.rank, b.first, b.last)),
                2 => a.value.total_cmp(&b.value),
                _ => (a.last, a.first, a.rank).cmp(&(b.last, b.first, b.rank)),
            };
            let o = if ascending { o } else { o.reverse() };
            o.then(a.key.cmp(&b.key))
        };
        // The values of series `i` that can be among the first rows.
        let candidates = |i: usize| -> std::ops::Range<usize> {
            let points = &self.values[i].points;
            let n = points.len();
            if column == 2 || limit >= n {
                return 0..n;
            }
            let period = |j: usize| {
                let p = points.brief(j).span;
                if column == 1 {
                    (p.first, p.last)
                } else {
                    (p.last, p.first)
                }
            };
            if !points.is_run() && !(1..n).all(|j| period(j - 1) <= period(j)) {
                return 0..n;
            }
            first_in_order(n, limit, ascending, period)
        };
        // The first `limit` so far, among at most twice as many: cut back to `limit` each
        // time the room is full (linear in the number of rows, whatever `limit` is).
        let room = limit.saturating_mul(2);
        let mut keys = Vec::with_capacity(room.min(self.row_count()));
        for i in 0..self.values.len() {
            for j in candidates(i) {
                keys.push(row(i, j));
                if keys.len() == room {
                    keys.select_nth_unstable_by(limit - 1, order);
                    keys.truncate(limit);
                }
            }
        }
        if limit < keys.len() {
            keys.select_nth_unstable_by(limit - 1, order);
            keys.truncate(limit);
        }
        keys.sort_unstable_by(order);
        keys.into_iter().map(|r| r.key).collect()
    }

    /// Table row `(series, value index)` in words.
    pub fn row(&self, (i, j): (usize, usize)) -> TableRow {
        let s = &self.values[i];
        let p = s.points.at(j);
        let w = &self.wording;
        let exact = match w.kind {
            ValueKind::Money { .. } if !p.approx => exact_rows(&p.how),
            _ => None,
        };
        let (plus, minus, months) = exact.unwrap_or((Vec::new(), Vec::new(), 1));
        TableRow {
            period: p.span.label_in(w.lang),
            period_key: (p.span.first.index(), p.span.last.index()),
            series: s.label.clone(),
            value: w.value_text(&p),
            number: p.value * w.display_scale(),
            provenance: w.provenance(&s.code, &p),
            caveat: p.caveat.as_ref().map(|c| c.text(w.lang)),
            sources: self.links(&p.sources),
            drawn: p.drawable,
            plus,
            minus,
            months,
        }
    }

    /// Every table row, in the order of the series and their values.
    pub fn rows(&self) -> Vec<TableRow> {
        self.row_keys().map(|k| self.row(k)).collect()
    }

    /// Every value as (series, value index), in the order of the series and their values.
    fn row_keys(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.values
            .iter()
            .enumerate()
            .flat_map(|(i, s)| (0..s.points.len()).map(move |j| (i, j)))
    }

    /// The index of the point nearest to an SVG position: nearest in x first (the period
    /// under the pointer), then in y among the series at that x.
    ///
    /// Each series' points go left to right and are searched by halving, so a pointer
    /// move over a million values looks at a few points per series.
    pub fn nearest(&self, x_px: f64, y_px: f64) -> Option<usize> {
        let runs = &self.reachable().runs;
        let best_dx = runs
            .iter()
            .filter_map(|run| {
                let x_at = |k| self.x_in(run, k);
                closest(run, x_px, x_at).map(|k| (x_at(k) - x_px).abs())
            })
            .fold(f64::INFINITY, f64::min);
        let reach = best_dx + 0.5;
        let mut best: Option<(usize, f64)> = None;
        for run in runs {
            let x_at = |k| self.x_in(run, k);
            // A little wider than the reach: the exact test is below.
            let (lo, hi) = (
                left_of(run.len(), x_px - reach - 1.0, x_at),
                left_of(run.len(), x_px + reach + 1.0, x_at),
            );
            for k in lo..hi {
                let p = self.point_in(run, k);
                let dy = (p.y_px - y_px).abs();
                if (p.x_px - x_px).abs() <= reach && best.is_none_or(|b| dy.total_cmp(&b.1).is_lt())
                {
                    best = Some((run.start + k, dy));
                }
            }
        }
        best.map(|(i, _)| i)
    }

    /// Keyboard stepping: the next point of the same series to the left (`dx` = −1) or
    /// right (+1), or the point of the next series up (`dy` = −1) or down (+1) nearest in x.
    pub fn step(&self, from: Option<usize>, dx: i32, dy: i32) -> Option<usize> {
        let Some(i) = from else {
            return (self.point_count() > 0).then_some(0);
        };
        let runs = &self.reachable().runs;
        let here = self.point(i)?;
        let run_of = |series: usize| runs.iter().find(|r| r.series == series);
        if dx != 0 {
            let run = run_of(here.series)?;
            let by = dx.unsigned_abs() as usize;
            return Some(if dx > 0 {
                i.saturating_add(by).min(run.end - 1)
            } else {
                i.saturating_sub(by).max(run.start)
            });
        }
        let series_count = runs.iter().map(|r| r.series + 1).max().unwrap_or(0);
        let mut target = here.series as i64;
        for _ in 0..series_count {
            target = (target + dy as i64).rem_euclid(series_count as i64);
            if let Some(run) = run_of(target as usize) {
                if let Some(k) = closest(run, here.x_px, |k| self.x_in(run, k)) {
                    return Some(run.start + k);
                }
            }
        }
        Some(i)
    }

    /// The chart as a standalone SVG file: title above, notes and sources below.
    pub fn export_svg(&self) -> String {
        let esc = crate::format::escape_xml;
        let w = self.width;
        let mut lines: Vec<String> = Vec::new();
        if let Some(k) = &self.key_figures {
            lines.push(k.clone());
        }
        lines.extend(self.notes.iter().cloned());
        let sources: Vec<String> = self
            .sources
            .iter()
            .map(|s| s.publisher.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let lang = self.state.lang.unwrap_or_default();
        lines.push(fill(
            lang.text().export_sources,
            &[("sources", &sources.join(", "))],
        ));
        // Wrap at about 7 px per narrow character (a Chinese character is two).
        let per_line = (w as usize / 7).max(40);
        let width = crate::format::text_units;
        let mut wrapped: Vec<String> = Vec::new();
        for line in lines {
            let mut current = String::new();
            for word in line.split(' ') {
                if width(&current) + width(word) + 1 > per_line && !current.is_empty() {
                    wrapped.push(std::mem::take(&mut current));
                }
                if !current.is_empty() {
                    current.push(' ');
                }
                // A word too long for a line (Chinese has no spaces) is cut where it must.
                for c in word.chars() {
                    if width(&current) + 2 > per_line {
                        wrapped.push(std::mem::take(&mut current));
                    }
                    current.push(c);
                }
            }
            wrapped.push(current);
        }
        let top = 44;
        let bottom = 16 + 16 * wrapped.len() as u32;
        let total = top + self.height + bottom;
        let chart = self
            .svg
            .replacen("<svg ", &format!("<svg x=\"0\" y=\"{top}\" "), 1);
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{total}\" viewBox=\"0 0 {w} {total}\">\
             <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
             <text x=\"8\" y=\"28\" font-family=\"sans-serif\" font-size=\"20\" font-weight=\"bold\" fill=\"#1f1f1f\">{}</text>{chart}",
            esc(&self.title)
        );
        for (i, line) in wrapped.iter().enumerate() {
            out.push_str(&format!(
                "<text x=\"8\" y=\"{}\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#444444\">{}</text>",
                top + self.height + 20 + 16 * i as u32,
                esc(line)
            ));
        }
        out.push_str("</svg>");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(xs: &[f64]) -> Vec<HitPoint> {
        xs.iter()
            .enumerate()
            .map(|(index, &x_px)| HitPoint {
                series: 0,
                index,
                x_px,
                y_px: 0.0,
            })
            .collect()
    }

    #[test]
    fn the_first_rows_of_a_series_in_order_take_in_their_edges_ties() {
        let periods = [1, 2, 2, 2, 3, 4, 4, 5];
        let at = |j: usize| periods[j];
        assert_eq!(first_in_order(8, 1, true, at), 0..1);
        assert_eq!(
            first_in_order(8, 2, true, at),
            0..4,
            "the 2s after the edge"
        );
        assert_eq!(first_in_order(8, 5, true, at), 0..5);
        assert_eq!(first_in_order(8, 6, true, at), 0..7, "the 4 after the edge");
        assert_eq!(first_in_order(8, 1, false, at), 7..8);
        assert_eq!(
            first_in_order(8, 2, false, at),
            5..8,
            "the 4 before the edge"
        );
        assert_eq!(
            first_in_order(8, 5, false, at),
            1..8,
            "the 2s before the edge"
        );
        assert_eq!(first_in_order(8, 6, false, at), 1..8);
        assert_eq!(first_in_order(8, 8, false, at), 0..8);
        assert_eq!(first_in_order(8, 9, true, at), 0..8);
    }

    #[test]
    fn halving_a_run_finds_the_first_nearest() {
        // Repeated positions, and ties between the two sides of x.
        let points = at(&[1.0, 2.0, 2.0, 4.0, 6.0, 6.0, 6.0, 9.0]);
        let run = Run {
            series: 0,
            start: 0,
            end: points.len(),
            placed: None,
        };
        let x_at = |k: usize| points[k].x_px;
        for x in (-4..=24).map(|i| i as f64 * 0.5) {
            let distance = |p: &HitPoint| (p.x_px - x).abs();
            let scanned = (0..points.len())
                .min_by(|&a, &b| distance(&points[a]).total_cmp(&distance(&points[b])));
            assert_eq!(closest(&run, x, x_at), scanned, "at {x}");
        }
        assert_eq!(closest(&run, 3.0, x_at), Some(1), "a tie: the first");
        assert_eq!(closest(&run, 5.9, x_at), Some(4));
        assert_eq!(closest(&run, 100.0, x_at), Some(7));
    }
}
