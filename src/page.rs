//! The page: everything one view state shows, as plain owned data ([`Page`]), and the
//! page drawn at a width ([`Snapshot`]). The Leptos layer only renders these.
//!
//! A control change travels: the view state ([`crate::urlstate`]) → resolved against the
//! dataset ([`crate::selection`]) → the measure's values (`values`, one function per
//! measure, from [`crate::measures`]) → the page's texts (`texts`, in the words of its
//! [`Wording`]) and figure check ([`crate::checks`]) → its chart (`spec`, drawn by
//! [`crate::chart`]) → the snapshot, with the points a reader can reach (`hits`), the
//! table (`table`) and the downloads (`export`). `docs/architecture.md` names the files.

mod export;
mod facts;
pub mod failure;
mod hits;
mod kept;
pub mod layout;
mod snapshot;
mod sources;
mod spec;
mod table;
mod texts;
mod values;
mod wording;

use std::sync::Arc;

pub use facts::Facts;
pub use hits::{HitPoint, PointText};
pub use kept::{Kept, RowSpans};
pub use snapshot::Snapshot;
pub use sources::{publishers, EventItem, SourceLink};
pub use spec::MarkGroup;
pub use table::TableRow;
pub use values::SeriesOut;
pub use wording::{ValueKind, Wording};

use crate::checks::{self, CheckNote};
use crate::dataset::{push_unique, Dataset};
use crate::format::Magnitude;
use crate::month::{Month, Span};
use crate::selection::{resolve, Selection};
use crate::urlstate::{ChartKind, MeasureKind, Notice, ViewState};

/// Everything the page shows for one view state, independent of the chart's width.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The state with the dataset's defaults filled in and bad values dropped.
    pub state: ViewState,
    /// The reporter shown.
    pub reporter: String,
    pub title: String,
    /// The measure's name and unit, and how a value is put in words.
    pub wording: Wording,
    pub series: Vec<SeriesOut>,
    /// First and last month with a value (before the range is applied).
    pub bounds: Option<(Month, Month)>,
    /// The months shown.
    pub range: Option<(Month, Month)>,
    /// The sentence a reporter would quote.
    pub key_figures: Option<String>,
    /// How fresh the figures are: the latest period published and when.
    pub freshness: Option<String>,
    /// Why the view opens on fewer years than the data has (the default range), if it
    /// does: "Showing 2021–2025: earlier years have fewer than four releases a year."
    pub range_note: Option<String>,
    /// How many of `sources` (the first) are the shown values' own.
    pub value_sources: usize,
    /// The dataset's licence, for the credit line under the chart.
    pub license: String,
    /// The dataset's vintage (when its latest release was first published), if known.
    pub vintage: Option<String>,
    /// The widest label a series of this selection could have (see `values::widest_label`).
    pub label_units: usize,
    pub notes: Vec<String>,
    /// The figure check of the shown series.
    pub checks: Vec<CheckNote>,
    /// The dataset's events within the range.
    pub events: Vec<EventItem>,
    /// Parameters the dataset could not serve, and what was used instead.
    pub notices: Vec<Notice>,
    /// Every source behind a shown value or a figure-check note, in first-use order.
    pub sources: Vec<SourceLink>,
    /// A text alternative of the chart, made from the data.
    pub alt_text: String,
    kept: Shared,
}

/// What the page keeps across views, shared; not part of what makes two pages equal.
#[derive(Debug, Clone, Default)]
struct Shared(Arc<Kept>);

impl PartialEq for Shared {
    fn eq(&self, _: &Shared) -> bool {
        true
    }
}

impl Page {
    /// The page of `state` over `d`.
    pub fn new(d: &Dataset, state: &ViewState) -> Page {
        Page::with(d, state, &Arc::default())
    }

    /// As [`Page::new`], taking what `kept` has already derived from `d` (and adding to it).
    pub fn with(d: &Dataset, asked: &ViewState, kept: &Arc<Kept>) -> Page {
        let resolved = resolve(d, asked, kept.default_selection(d).as_ref());
        let state = resolved.state.clone();
        let selection = resolved.selection();
        let lang = state.lang.unwrap_or_default();
        let inputs = values::Inputs {
            d,
            selection: &selection,
            reporter: &selection.reporter,
            average: state.average,
            lang,
            derived: &kept.derived,
        };
        let mut series = values::of(state.measure, &inputs);
        // Stacking the world total on its own parts would count them twice.
        let stacks_world = state.chart == ChartKind::Area
            && series.len() > 1
            && series.iter().any(|s| s.code == "world");
        if stacks_world {
            series.retain(|s| s.code != "world");
        }
        assign_styles(&mut series, d, &selection);
        let bounds = bounds_of(&series, kept);
        let dense = dense_start(&series, kept);
        let range = bounds.map(|b| range_within(b, &state, dense));
        if let Some((from, to)) = range {
            cut_to_range(&mut series, from, to, kept);
        }
        let mut notices = resolved.notices;
        if state.measure == MeasureKind::ReporterShare {
            notices.extend(texts::unmatched_share_notices(d, &inputs));
        }
        let checks = checks::notes(d, &selection, lang, &kept.derived, &kept.disputed(d));
        let compare_name = selection.compare.as_deref().map_or(String::new(), |c| {
            d.reporter(c)
                .map_or(c.to_string(), |r| r.name_in(lang).to_string())
        });
        let mut page = Page {
            title: texts::title(d, &selection, state.measure, lang),
            wording: Wording::new(&state, lang, magnitude_of(&series, kept), &compare_name),
            reporter: resolved.reporter,
            notices,
            events: events_within(d, range),
            sources: Vec::new(),
            key_figures: None,
            freshness: None,
            range_note: None,
            value_sources: 0,
            license: d.license.clone(),
            vintage: d.vintage.clone(),
            label_units: values::widest_label(&inputs),
            notes: Vec::new(),
            alt_text: String::new(),
            checks,
            series,
            bounds,
            range,
            state,
            kept: Shared(kept.clone()),
        };
        page.name_rows(d);
        (page.sources, page.value_sources) = page.sources_of(d);
        page.key_figures = texts::key_figures(&page, &inputs);
        page.freshness = texts::freshness(&page, d);
        page.range_note = texts::range_note(&page);
        page.notes = texts::notes(&page, d);
        if stacks_world {
            page.notes.push(lang.text().note_stack.to_string());
        }
        page.alt_text = texts::alt_text(&page);
        page
    }

    /// What the page keeps across views.
    fn kept(&self) -> &Kept {
        &self.kept.0
    }

    /// The selection the page shows.
    pub fn selection(&self) -> Selection {
        Selection::of(&self.state, &self.reporter)
    }

    /// Whether values sit across their months (steps, values per period) rather than at
    /// the end of their last month.
    pub fn spans_months(&self) -> bool {
        self.state.measure == MeasureKind::Monthly
    }

    /// How many months a range control can choose from (all months with a value).
    pub fn month_count(&self) -> usize {
        self.bounds
            .map_or(0, |(a, b)| (b.index() - a.index() + 1) as usize)
    }

    /// Month `i` of those a range control can choose from.
    pub fn month_at(&self, i: usize) -> Option<Month> {
        let (first, last) = self.bounds?;
        Some(first.offset(i as i64)).filter(|m| *m <= last)
    }

    /// The place of `month` among those a range control can choose from.
    pub fn month_position(&self, month: Month) -> Option<usize> {
        let (first, last) = self.bounds?;
        (first <= month && month <= last).then(|| (month.index() - first.index()) as usize)
    }

    /// Gives the wording the period of each source-table row of the shown reporters and
    /// partners.
    fn name_rows(&mut self, d: &Dataset) {
        let rows = self.kept().row_spans(d);
        let selection = self.selection();
        let reporters = selection.reporters();
        for (i, s) in d.series.iter().enumerate() {
            let shown = reporters.contains(&s.reporter.as_str())
                && self.state.partners.contains(&s.partner);
            for (row, span) in rows[i].iter().filter(|_| shown) {
                self.wording.add_row_span(row, *span);
            }
        }
    }

    /// The sources of every shown value, then of the figure-check notes, each once.
    fn sources_of(&self, d: &Dataset) -> (Vec<SourceLink>, usize) {
        let mut ids: Vec<String> = Vec::new();
        for s in &self.series {
            push_unique(&mut ids, &self.kept().facts(&s.points).sources);
        }
        let of_values = ids.len();
        for c in &self.checks {
            push_unique(&mut ids, &c.sources);
        }
        let links = |ids: &[String]| -> Vec<SourceLink> {
            ids.iter().filter_map(|id| SourceLink::of(d, id)).collect()
        };
        let mut all = links(&ids[..of_values]);
        let values = all.len();
        all.extend(links(&ids[of_values..]));
        (all, values)
    }

    /// The sources of `ids` as links (every source of the page's values is in `sources`).
    pub fn links(&self, ids: &[String]) -> Vec<SourceLink> {
        ids.iter()
            .filter_map(|id| self.sources.iter().find(|l| &l.id == id).cloned())
            .collect()
    }
}

/// How large the money values of `series` are written: in trillions when one reaches a
/// trillion.
fn magnitude_of(series: &[SeriesOut], kept: &Kept) -> Magnitude {
    let biggest = series.iter().map(|s| kept.facts(&s.points).biggest);
    Magnitude::of(biggest.fold(0.0, f64::max))
}

/// The first and last month of any value of `series`.
fn bounds_of(series: &[SeriesOut], kept: &Kept) -> Option<(Month, Month)> {
    let months: Vec<(Month, Month)> = series
        .iter()
        .filter_map(|s| kept.facts(&s.points).months)
        .collect();
    Some((
        months.iter().map(|m| m.0).min()?,
        months.iter().map(|m| m.1).max()?,
    ))
}

/// The months `state` asks for, within `bounds`; when it asks for none, from `dense` (the
/// years where the shown series have releases at least every quarter) if that is later
/// than the first month.
fn range_within((a, b): (Month, Month), state: &ViewState, dense: Option<Month>) -> (Month, Month) {
    let default_from = match (state.to, dense) {
        (None, Some(d)) if d > a && d <= b => d,
        _ => a,
    };
    let from = state.from.map(|f| f.clamp(a, b)).unwrap_or(default_from);
    let to = state.to.map(|t| t.clamp(a, b)).unwrap_or(b);
    if from <= to {
        (from, to)
    } else {
        (a, b)
    }
}

/// Each series' style from its partner's place among the dataset's partners (the compared
/// reporter's twelve on), so a partner keeps its colour, dash and marker whatever else is
/// shown; two shown series that would share a style take the next free ones, in dataset
/// order.
fn assign_styles(series: &mut [SeriesOut], d: &Dataset, selection: &Selection) {
    use crate::chart::STYLES;
    let place = |s: &SeriesOut| {
        let partner = d.partners.iter().position(|p| p.code == s.code);
        let partner = partner.unwrap_or(d.partners.len());
        let reporter = usize::from(s.reporter != selection.reporter);
        (partner + 12 * reporter) % STYLES
    };
    let mut order: Vec<usize> = (0..series.len()).collect();
    crate::sorting::sort_by_key(&mut order, |&i| place(&series[i]));
    let mut taken = [false; STYLES];
    for i in order {
        let wanted = place(&series[i]);
        let free = (0..STYLES)
            .map(|k| (wanted + k) % STYLES)
            .find(|&k| !taken[k]);
        let style = free.unwrap_or(wanted);
        taken[style] = true;
        series[i].style = style;
    }
}

/// The earliest month from which a shown series has releases at least every quarter
/// (see [`Facts::dense_from`](facts::Facts)); None when none has such a span.
fn dense_start(series: &[SeriesOut], kept: &Kept) -> Option<Month> {
    series
        .iter()
        .filter_map(|s| kept.facts(&s.points).dense_from)
        .min()
}

/// Each series' values whose last month is within `from..=to` (shared as they are unless
/// the range leaves some out).
fn cut_to_range(series: &mut [SeriesOut], from: Month, to: Month, kept: &Kept) {
    for s in series {
        let all_inside = kept
            .facts(&s.points)
            .ends
            .is_none_or(|(a, b)| a >= from && b <= to);
        if !all_inside {
            s.points = s.points.within(from, to);
        }
    }
}

/// The dataset's events within `range`, numbered from 1.
fn events_within(d: &Dataset, range: Option<(Month, Month)>) -> Vec<EventItem> {
    let Some(range) = range.and_then(|(a, b)| Span::new(a, b)) else {
        return Vec::new();
    };
    let inside = |e: &&crate::dataset::Event| {
        e.date[..7]
            .parse::<Month>()
            .is_ok_and(|m| range.contains(m))
    };
    d.events
        .iter()
        .filter(inside)
        .enumerate()
        .map(|(i, e)| EventItem::of(d, e, i + 1))
        .collect()
}
