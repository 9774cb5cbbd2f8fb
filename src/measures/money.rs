//! Money values of a series in a currency: its own published figures (a publisher's
//! conversion is never used), year to date as published or per period between releases,
//! with the other currency's figures converted at the period's average exchange rate where
//! the chosen currency has none.

use std::sync::Arc;

use super::point::{Caveat, Cut, How, Point, RateUsed};
use super::points::Points;
use crate::currency::Currency;
use crate::dataset::{push_unique, Dataset, Flag, MonthlyRun, Observation, RateBasis, Series};
use crate::month::Span;
use crate::periods::{Derivation, PeriodFlag, Provenance};

/// A figure published in its own currency by the reporter, not a publisher's conversion.
pub(super) fn native(o: &Observation) -> bool {
    !o.flags.contains(&Flag::PublisherConversion)
}

/// The mean of the monthly average rates over `span`, when every month has one. Rates of
/// one series only (the one with the most monthly rates), one per month.
pub fn average_rate(d: &Dataset, span: Span) -> Option<RateUsed> {
    MonthlyRates::of(d)?.average(span)
}

/// The monthly rates of the dataset's series with the most of them, by month: looked up
/// once for a whole series' conversions.
pub struct MonthlyRates<'a> {
    name: &'a str,
    by_month: std::collections::HashMap<i64, &'a crate::dataset::ExchangeRate>,
}

impl<'a> MonthlyRates<'a> {
    /// The table of `d`'s monthly rates; None when it has none.
    pub fn of(d: &'a Dataset) -> Option<MonthlyRates<'a>> {
        let monthly = d
            .exchange_rates
            .iter()
            .filter(|r| r.basis == RateBasis::Month);
        let mut series_names: Vec<(&str, usize)> = Vec::new();
        for r in monthly.clone() {
            match series_names.iter_mut().find(|(n, _)| *n == r.rate_series) {
                Some((_, count)) => *count += 1,
                None => series_names.push((&r.rate_series, 1)),
            }
        }
        let (name, _) = series_names.into_iter().max_by_key(|(_, count)| *count)?;
        let mut by_month = std::collections::HashMap::new();
        for r in monthly.filter(|r| r.rate_series == name) {
            by_month.entry(r.first.index()).or_insert(r);
        }
        Some(MonthlyRates { name, by_month })
    }

    /// The mean of the rates over `span`, when every month has one.
    pub fn average(&self, span: Span) -> Option<RateUsed> {
        let mut sum = 0.0;
        let mut sources: Vec<String> = Vec::new();
        for month in span.months() {
            let rate = self.by_month.get(&month.index())?;
            sum += rate.cny_per_usd;
            if !sources.contains(&rate.source) {
                sources.push(rate.source.clone());
            }
        }
        let months = span.len() as usize;
        Some(RateUsed {
            cny_per_usd: sum / months as f64,
            months,
            rate_series: self.name.to_string(),
            sources,
        })
    }
}

/// Points of a derivation, in the derivation's own currency.
pub(super) fn points_of(
    s: &Series,
    derivation: &Derivation,
    cut: Cut,
    currency: Currency,
) -> Vec<Point> {
    match cut {
        Cut::YearToDate => derivation
            .cumulative
            .iter()
            .map(|c| {
                let o = s.cited(c.observation);
                Point {
                    span: c.span,
                    value: c.value,
                    how: How::Official {
                        rows: o.first_row.cloned().into_iter().collect(),
                    },
                    sources: o.sources.clone(),
                    approx: false,
                    tolerance: o.resolution.unwrap_or(0.0),
                    published_yoy: o.yoy_pct,
                    caveat: None,
                    drawable: true,
                }
            })
            .collect(),
        Cut::Periods => derivation
            .periods
            .iter()
            .map(|p| {
                let (how, sources, published_yoy) = match &p.provenance {
                    Provenance::Official { observation } => {
                        let o = s.cited(*observation);
                        let yoy = (o.span == p.span).then_some(o.yoy_pct).flatten();
                        (
                            How::Official {
                                rows: o.first_row.cloned().into_iter().collect(),
                            },
                            o.sources.clone(),
                            yoy,
                        )
                    }
                    Provenance::Derived(terms) => {
                        let crate::periods::Terms { plus, minus } = &**terms;
                        let mut sources = Vec::new();
                        for i in plus.iter().chain(minus) {
                            push_unique(&mut sources, s.cited(*i).sources);
                        }
                        let row = |i: &usize| s.cited(*i).first_row.cloned().unwrap_or_default();
                        let rows = |ids: &[usize]| ids.iter().map(row).collect();
                        (
                            How::Derived {
                                plus: rows(plus),
                                minus: rows(minus),
                            },
                            sources.into(),
                            None,
                        )
                    }
                };
                let caveat = match p.flag {
                    Some(PeriodFlag::NotPositive) => Some(Box::new(Caveat::NotPositive)),
                    Some(PeriodFlag::DiffersFromDerived { derived }) => {
                        Some(Box::new(Caveat::DiffersFromDerived { derived, currency }))
                    }
                    None => None,
                };
                Point {
                    span: p.span,
                    value: p.value,
                    how,
                    sources,
                    approx: false,
                    tolerance: p.tolerance,
                    published_yoy,
                    caveat,
                    drawable: p.drawable(),
                }
            })
            .collect(),
    }
}

/// The monthly run of a series that has nothing else.
pub fn run_only(s: &Series) -> Option<&Arc<MonthlyRun>> {
    s.monthly.as_ref().filter(|_| s.observations.is_empty())
}

/// The points of a series that is only a monthly run, in `currency`: its values as
/// [`Points::of_run`] reads them (each its month's official period; no year-to-date
/// figures), made into points of their own (to be converted).
pub(super) fn run_points(run: &Arc<MonthlyRun>, cut: Cut, currency: Currency) -> Vec<Point> {
    if cut == Cut::YearToDate || run.currency != currency {
        return Vec::new();
    }
    Points::of_run(run.clone()).to_vec()
}

/// [`money`] from the points of the series' own figures (no publisher's conversions) in
/// `currency` (`own`) and in the other currency (`theirs`).
pub(super) fn money_from(
    d: &Dataset,
    currency: Currency,
    cut: Cut,
    own: Vec<Point>,
    theirs: Vec<Point>,
) -> Vec<Point> {
    let from = currency.other();
    let rates = MonthlyRates::of(d);
    let convert = |p: Point| -> Option<Point> {
        let rate = rates.as_ref()?.average(p.span)?;
        let factor = match currency {
            Currency::USD => 1.0 / rate.cny_per_usd,
            Currency::CNY => rate.cny_per_usd,
        };
        let mut sources = p.sources.to_vec();
        push_unique(&mut sources, &rate.sources);
        Some(Point {
            value: p.value * factor,
            tolerance: p.tolerance * factor,
            how: How::Converted {
                inner: Box::new(p.how),
                from,
                rate: Box::new(rate),
            },
            sources: sources.into(),
            approx: true,
            ..p
        })
    };
    let overlaps =
        |a: &Point, b: &Point| a.span.first <= b.span.last && b.span.first <= a.span.last;
    let mut points: Vec<Point> = Vec::new();
    match cut {
        // Figures in one currency only (a long run, most series): nothing to choose
        // between, and nothing to copy.
        _ if theirs.is_empty() => points = own,
        _ if own.is_empty() => points.extend(theirs.into_iter().filter_map(convert)),
        Cut::YearToDate => {
            for p in theirs {
                if !own.iter().any(|q| q.span == p.span) {
                    points.extend(convert(p));
                }
            }
            points.extend(own);
        }
        Cut::Periods => {
            // Both currencies' points by year, in one pass (a scan per year would be
            // quadratic in a long series).
            let mut years: std::collections::BTreeMap<i32, (Vec<&Point>, Vec<&Point>)> =
                Default::default();
            for p in &own {
                years.entry(p.span.last.year()).or_default().0.push(p);
            }
            for p in &theirs {
                years.entry(p.span.last.year()).or_default().1.push(p);
            }
            for (mine, other_year) in years.into_values() {
                if mine.len() >= other_year.len() {
                    points.extend(mine.iter().map(|p| (*p).clone()));
                    for p in other_year
                        .into_iter()
                        .filter(|p| !mine.iter().any(|q| overlaps(p, q)))
                    {
                        points.extend(convert(p.clone()));
                    }
                } else {
                    for p in &other_year {
                        match mine.iter().find(|q| q.span == p.span) {
                            Some(q) => points.push((*q).clone()),
                            None => points.extend(convert((*p).clone())),
                        }
                    }
                    for q in mine
                        .into_iter()
                        .filter(|q| !other_year.iter().any(|p| overlaps(p, q)))
                    {
                        points.push(q.clone());
                    }
                }
            }
        }
    }
    in_time_order(&mut points);
    points
}

/// Sorts values by their last month, then their first (one sort for every list of values:
/// each sort of another kind is more code to ship). Most often they are in order already:
/// then there is nothing to sort, and no room to take.
pub fn in_time_order(points: &mut [Point]) {
    fn key(p: &Point) -> (crate::month::Month, crate::month::Month) {
        (p.span.last, p.span.first)
    }
    crate::sorting::sort_by_key(points, key);
}
