//! A view's values: one function per measure, each making one series of values per chosen
//! partner from the measures' maths ([`crate::measures`]). The measure's name and unit
//! are the wording's ([`super::Wording::new`]).

use crate::currency::Currency;
use crate::dataset::Dataset;
use crate::format::text_units;
use crate::i18n::{fill, Lang};
use crate::measures::{self, Computation, Contribution, Cut, Derived, How, Point, Points};
use crate::month::Span;
use crate::selection::{partner_choices, Selection};
use crate::urlstate::{FlowChoice, MeasureKind};

/// One plotted series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesOut {
    /// The reporter whose figures these are.
    pub reporter: String,
    /// Partner code (or `other` for the unallocated residual of contributions).
    pub code: String,
    pub label: String,
    pub style: usize,
    /// The values, shared with the dataset's kept derivations when the view shows them as
    /// they are (no copy of a long series per view).
    pub points: Points,
}

/// What the measure functions read.
#[derive(Clone, Copy)]
pub(super) struct Inputs<'a> {
    pub d: &'a Dataset,
    pub selection: &'a Selection,
    /// The reporter whose values are made (the selection's, or the compared one).
    pub reporter: &'a str,
    /// Multi-month periods at their average per month (values per period).
    pub average: bool,
    pub lang: Lang,
    pub derived: &'a Derived,
}

/// The widest series label the selection could show (in [`text_units`]): every partner
/// of each shown reporter, and the residual of contributions; the chart keeps room for it
/// at the lines' ends, so hiding or showing a partner does not move the plot.
pub(super) fn widest_label(inputs: &Inputs) -> usize {
    let t = inputs.lang.text();
    let mut widest = text_units(t.series_other);
    for reporter in inputs.selection.reporters() {
        let inputs = Inputs {
            reporter,
            ..*inputs
        };
        for code in partner_choices(inputs.d, reporter) {
            widest = widest.max(text_units(&inputs.series_label(&inputs.label(&code))));
        }
    }
    widest
}

/// The values of `measure`: for each reporter shown (the compared one after the first), a
/// series per partner (and the residual of contributions); one reporter's share of the
/// other, a series per partner.
pub(super) fn of(measure: MeasureKind, inputs: &Inputs) -> Vec<SeriesOut> {
    if measure == MeasureKind::ReporterShare {
        return reporter_shares(inputs);
    }
    let mut series = Vec::new();
    for reporter in inputs.selection.reporters() {
        let inputs = Inputs {
            reporter,
            ..*inputs
        };
        series.extend(match measure {
            MeasureKind::Monthly => per_period(&inputs),
            MeasureKind::Ytd => year_to_date(&inputs),
            MeasureKind::Yoy => growth(&inputs),
            MeasureKind::Rolling12 => rolling(&inputs),
            MeasureKind::Share => shares(&inputs),
            MeasureKind::Contribution => contributions(&inputs),
            MeasureKind::ReporterShare => unreachable!("handled above"),
        });
    }
    series
}

/// Money values of the inputs' reporter with partner `code` for the selection's flow in
/// `currency` (the balance computed from exports and imports); none where the dataset has
/// no series.
pub(super) fn money(inputs: &Inputs, code: &str, currency: Currency, cut: Cut) -> Points {
    let Inputs {
        d,
        selection,
        reporter,
        derived,
        ..
    } = inputs;
    let series: Vec<_> = selection
        .flows()
        .iter()
        .map(|f| d.series(reporter, *f, code))
        .collect();
    match series.as_slice() {
        [Some(e), Some(i)] => measures::balance(
            &derived.money(d, e, currency, cut).as_slice(),
            &derived.money(d, i, currency, cut).as_slice(),
        )
        .into(),
        [Some(s)] => derived.money(d, s, currency, cut),
        _ => Points::default(),
    }
}

impl Inputs<'_> {
    /// [`money`] in the selection's currency.
    fn money(&self, code: &str, cut: Cut) -> Points {
        money(self, code, self.selection.currency, cut)
    }

    /// Partner `code`'s name, or its code.
    fn label(&self, code: &str) -> String {
        self.d
            .partner(code)
            .map(|p| p.name_in(self.lang).to_string())
            .unwrap_or(code.to_string())
    }

    /// The reporter's name, or its code.
    fn reporter_name(&self, code: &str) -> String {
        self.d
            .reporter(code)
            .map_or(code.to_string(), |r| r.name_in(self.lang).to_string())
    }

    /// A series' label: the partner's, with the reporter's name when two are shown.
    fn series_label(&self, partner: &str) -> String {
        match self.selection.compare {
            None => partner.to_string(),
            Some(_) => fill(
                self.lang.text().series_of_reporter,
                &[
                    ("reporter", &self.reporter_name(self.reporter)),
                    ("partner", partner),
                ],
            ),
        }
    }

    /// A series of values of partner `code`.
    fn series(&self, code: &str, points: impl Into<Points>) -> SeriesOut {
        SeriesOut {
            reporter: self.reporter.to_string(),
            code: code.to_string(),
            label: self.series_label(&self.label(code)),
            style: 0,
            points: points.into(),
        }
    }

    /// Each chosen partner's series, made by `values`.
    fn each<P: Into<Points>>(&self, values: impl Fn(&str) -> P) -> Vec<SeriesOut> {
        let codes = &self.selection.partners;
        codes.iter().map(|c| self.series(c, values(c))).collect()
    }

    /// The chosen partners other than the world.
    fn parts(&self) -> impl Iterator<Item = &String> {
        self.selection.partners.iter().filter(|c| *c != "world")
    }
}

/// Values per period; multi-month periods at their average per month when asked.
fn per_period(inputs: &Inputs) -> Vec<SeriesOut> {
    inputs.each(|code| {
        let points = inputs.money(code, Cut::Periods);
        if !(inputs.average && points.any_multi_month()) {
            return points;
        }
        let mut averaged = points.to_vec();
        for p in averaged.iter_mut().filter(|p| p.span.len() > 1) {
            let n = p.span.len() as f64;
            p.value /= n;
            p.tolerance /= n;
            p.how = How::PerMonth {
                inner: Box::new(p.how.clone()),
                months: p.span.len(),
            };
        }
        averaged.into()
    })
}

/// Year-to-date values as published.
fn year_to_date(inputs: &Inputs) -> Vec<SeriesOut> {
    inputs.each(|code| inputs.money(code, Cut::YearToDate))
}

/// Growth on a year earlier, year to date, with growth rates published without a value
/// for periods from January.
fn growth(inputs: &Inputs) -> Vec<SeriesOut> {
    inputs.each(|code| {
        let mut points = measures::yoy(&inputs.money(code, Cut::YearToDate).as_slice());
        let published = match inputs.selection.flow {
            FlowChoice::Balance => None,
            _ => {
                let flow = inputs.selection.flows()[0];
                inputs.d.series(inputs.reporter, flow, code)
            }
        };
        let growth_only = published.map(measures::published_growth_only);
        for g in growth_only.unwrap_or_default() {
            if g.span.first.month() == 1 && !points.iter().any(|p| p.span == g.span) {
                points.push(g);
            }
        }
        measures::in_time_order(&mut points);
        points
    })
}

/// Sums of 12 consecutive months.
fn rolling(inputs: &Inputs) -> Vec<SeriesOut> {
    inputs.each(|code| measures::rolling12(&inputs.money(code, Cut::Periods).as_slice()))
}

/// Each partner's share of the world total, year to date.
fn shares(inputs: &Inputs) -> Vec<SeriesOut> {
    let world = inputs.money("world", Cut::YearToDate);
    let world = world.as_slice();
    inputs
        .parts()
        .map(|code| {
            let part = inputs.money(code, Cut::YearToDate);
            let label = inputs.label(code);
            inputs.series(code, measures::share(&part.as_slice(), &world, &label))
        })
        .collect()
}

/// Each partner's contribution to the world total's change, year to date, and what the
/// partners shown do not explain ("other").
fn contributions(inputs: &Inputs) -> Vec<SeriesOut> {
    let world = inputs.money("world", Cut::YearToDate);
    let parts: Vec<(String, Vec<Point>)> = inputs
        .parts()
        .map(|c| (c.clone(), inputs.money(c, Cut::YearToDate).to_vec()))
        .collect();
    let rows = measures::contributions(&parts, &world.as_slice());
    let mut series: Vec<SeriesOut> = parts
        .iter()
        .map(|(code, _)| {
            let part = inputs.label(code);
            let points: Vec<Point> = rows
                .iter()
                .filter_map(|r| {
                    let v = r.parts.iter().find(|(l, _)| l == code)?.1;
                    let what = Computation::Contribution { part: part.clone() };
                    Some(contribution_point(r, v, what))
                })
                .collect();
            inputs.series(code, points)
        })
        .collect();
    if !rows.is_empty() {
        let residual = |r: &Contribution| {
            let what = Computation::Residual {
                total_pct: r.total_pct,
            };
            contribution_point(r, r.residual, what)
        };
        series.push(SeriesOut {
            reporter: inputs.reporter.to_string(),
            code: "other".into(),
            label: inputs.series_label(inputs.lang.text().series_other),
            style: 0,
            points: rows.iter().map(residual).collect(),
        });
    }
    series
}

/// The reporter's value as a percentage of the compared reporter's, for each partner,
/// year to date, where both published the same period.
fn reporter_shares(inputs: &Inputs) -> Vec<SeriesOut> {
    let Some(whole) = inputs.selection.compare.as_deref() else {
        return Vec::new();
    };
    let (part_name, whole_name) = (
        inputs.reporter_name(inputs.reporter),
        inputs.reporter_name(whole),
    );
    let of_whole = Inputs {
        reporter: whole,
        ..*inputs
    };
    inputs.each(|code| {
        let part = inputs.money(code, Cut::YearToDate);
        let total = of_whole.money(code, Cut::YearToDate);
        measures::share_of(&part.as_slice(), &total.as_slice(), &part_name, &whole_name)
    })
}

/// For one reporter's share of another, per partner shown: the periods of the reporter's
/// year-to-date figures that have no figure of the compared reporter for the same months
/// (no share is drawn for them), in time order; partners with none left out.
pub(super) fn unmatched_share_periods(inputs: &Inputs) -> Vec<(String, Vec<Span>)> {
    let Some(whole) = inputs.selection.compare.as_deref() else {
        return Vec::new();
    };
    let of_whole = Inputs {
        reporter: whole,
        ..*inputs
    };
    let unmatched = |code: &String| {
        let total = of_whole.money(code, Cut::YearToDate);
        let total = total.as_slice();
        let spans: Vec<Span> = inputs
            .money(code, Cut::YearToDate)
            .iter()
            .filter(|p| p.drawable && !total.iter().any(|w| w.span == p.span && w.drawable))
            .map(|p| p.span)
            .collect();
        (!spans.is_empty()).then(|| (code.clone(), spans))
    };
    inputs
        .selection
        .partners
        .iter()
        .filter_map(unmatched)
        .collect()
}

fn contribution_point(r: &Contribution, value: f64, what: Computation) -> Point {
    Point {
        span: r.span,
        value,
        how: How::Computed(what),
        sources: r.sources.as_slice().into(),
        approx: r.approx,
        tolerance: 0.0,
        published_yoy: None,
        caveat: None,
        drawable: true,
    }
}
