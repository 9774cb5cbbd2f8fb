//! The rules of one series: each figure on its own, its sources, the order of the figures,
//! repeated preferred figures, year-to-date figures that fall, and Jan–Feb figures that do
//! not add up. A monthly run of a million values is checked without a figure made for each.

use std::borrow::Cow;
use std::collections::HashSet;

use super::{Refs, Validator, MAX_VALUE};
use crate::dataset::problem::ProblemKind;
use crate::dataset::wire::{Basis, Dataset, Observation, Series, SourceIds, Status};
use crate::month::{Month, Span};

/// Every series of `d`.
pub(super) fn check_all(v: &mut Validator, refs: &Refs, d: &Dataset) {
    let mut series_keys = HashSet::new();
    for (i, s) in d.series.iter().enumerate() {
        let loc = format!("series[{i}] {}/{}/{}", s.reporter, s.flow.code(), s.partner);
        if !series_keys.insert((s.reporter.as_str(), s.flow, s.partner.as_str())) {
            v.problem(&loc, "partner", ProblemKind::SeriesTwice);
        }
        refs.check_reporter_partner(v, &loc, &s.reporter, &s.partner);
        if s.figures().next().is_none() {
            v.problem(&loc, "observations", ProblemKind::NoObservations);
        }
        check_order(v, &loc, s);
        check_cumulative(v, &loc, s);
        check_jan_feb(v, &loc, s);
        check_figures(v, refs, &loc, s);
    }
}

/// Each figure of `s` on its own, its sources, and whether it repeats a preferred figure.
fn check_figures(v: &mut Validator, refs: &Refs, loc: &str, s: &Series) {
    let repeats = repeated_preferred(s);
    // A list of sources found good, shared by the figures that follow (a run's).
    let mut good_sources: Option<SourceIds> = None;
    let start = s.observations.len();
    let run = s.monthly.as_ref();
    let run_len = run.map_or(0, |r| r.values.len());
    // Whether a value of the run has been found without a problem. A run's values differ
    // only in their month and number: after one such value, a later one can have a problem
    // only in its number, or by repeating a listed figure. Those are checked as figures;
    // the rest need no figure made.
    let mut run_fine = false;
    for j in 0..start + run_len {
        let o = match (j.checked_sub(start), run) {
            (Some(k), Some(run)) => {
                let Some(value) = run.values.get(k).flatten() else {
                    continue;
                };
                let plain = value.is_finite() && (0.0..=MAX_VALUE).contains(&value);
                if run_fine && plain && repeats.binary_search(&j).is_err() {
                    continue;
                }
                Cow::Owned(run.at(k).expect("a value"))
            }
            _ => Cow::Borrowed(&s.observations[j]),
        };
        // The location is written out only for a figure with a problem (a long series
        // has a million figures without one).
        let before = v.problems.len();
        check_observation(v, &o);
        if !good_sources
            .as_ref()
            .is_some_and(|g| std::sync::Arc::ptr_eq(g, &o.sources))
        {
            let before_sources = v.problems.len();
            refs.check_sources(v, "", "sources", &o.sources);
            if v.problems.len() == before_sources {
                good_sources = Some(o.sources.clone());
            }
        }
        if repeats.binary_search(&j).is_ok() {
            v.problem("", "status", ProblemKind::SecondPreferred);
        }
        if v.problems.len() > before {
            let oloc = observation_loc(loc, s, j);
            for p in &mut v.problems[before..] {
                p.location = oloc.clone();
            }
        } else if j >= start {
            run_fine = true;
        }
    }
}

/// Checks of one figure on its own (its sources are checked by the caller; the location
/// is set by the caller).
fn check_observation(v: &mut Validator, o: &Observation) {
    v.check_span("", o.span(), o.basis);
    match (o.value, o.currency) {
        (Some(value), Some(_)) => {
            v.check_number("", "value", value, true);
            if value.is_finite() && value > MAX_VALUE {
                v.problem("", "value", ProblemKind::Implausible { value });
            }
        }
        (Some(_), None) => v.problem("", "currency", ProblemKind::ValueWithoutCurrency),
        (None, Some(_)) => v.problem("", "value", ProblemKind::CurrencyWithoutValue),
        (None, None) if o.yoy_pct.is_none() => v.problem("", "value", ProblemKind::NoValueOrGrowth),
        (None, None) => {}
    }
    if let Some(n) = o.resolution.filter(|r| !(r.is_finite() && *r > 0.0)) {
        v.problem("", "resolution", ProblemKind::NotPositive { n });
    }
    if let Some(p) = o.yoy_pct {
        v.check_number("", "yoy_pct", p, false);
    }
}

/// Where observation `j` of `s` is: `…, observation[5] 2023-01..2023-10`, or for a value
/// of the series' monthly run, `…, monthly value 2023-03`.
fn observation_loc(loc: &str, s: &Series, j: usize) -> String {
    let o = s.figure(j);
    match s.run_start() {
        Some(start) if j >= start => format!("{loc}, monthly value {}", o.first),
        _ => format!("{loc}, observation[{j}] {}", o.span()),
    }
}

/// The figures must be in time order (by last month, then first).
fn check_order(v: &mut Validator, loc: &str, s: &Series) {
    let mut previous: Option<Span> = None;
    for (j, o) in s.figures_but_run_tail() {
        if let Some(previous) = previous.filter(|p| (o.last, o.first) < (p.last, p.first)) {
            let kind = ProblemKind::TimeOrder { previous };
            v.problem(&observation_loc(loc, s, j), "last", kind);
        }
        previous = Some(o.span());
    }
}

/// The preferred figures usable as fact. A monthly run's values are single months: only
/// listed figures can be cumulative or Jan–Feb figures.
fn facts(s: &Series) -> Vec<&Observation> {
    s.observations.iter().filter(|o| o.is_fact()).collect()
}

/// A year-to-date (or full-year) figure may not fall below an earlier one of its year.
fn check_cumulative(v: &mut Validator, loc: &str, s: &Series) {
    let facts = facts(s);
    // Year-to-date and full-year figures only (pairs of them; monthly series have none).
    let cumulative: Vec<&&Observation> = facts
        .iter()
        .filter(|o| matches!(o.basis, Basis::Ytd | Basis::Year))
        .collect();
    for a in &cumulative {
        for b in &cumulative {
            if a.currency == b.currency && a.last.year() == b.last.year() && a.last < b.last {
                let (earlier, value) = (a.value.unwrap_or(0.0), b.value.unwrap_or(0.0));
                let tolerance = a.resolution.unwrap_or(0.0) + b.resolution.unwrap_or(0.0);
                if value >= 0.0 && value + tolerance < earlier {
                    let span = a.span();
                    let kind = ProblemKind::YtdFalls {
                        value,
                        earlier,
                        span,
                    };
                    v.problem(&format!("{loc}, {}", b.span()), "value", kind);
                }
            }
        }
    }
}

/// A Jan–Feb figure beside separate January and February figures must be their sum.
fn check_jan_feb(v: &mut Validator, loc: &str, s: &Series) {
    let facts = facts(s);
    let jan_febs = facts
        .iter()
        .filter(|o| o.basis == Basis::Ytd && o.first.month() == 1 && o.last.month() == 2);
    for jan_feb in jan_febs {
        let month = |m: u8| month_figure(s, &facts, jan_feb, m);
        let (Some(jan), Some(feb)) = (month(1), month(2)) else {
            continue;
        };
        let (jan_v, feb_v) = (jan.value.unwrap_or(0.0), feb.value.unwrap_or(0.0));
        let tolerance = [*jan_feb, &*jan, &*feb]
            .iter()
            .map(|o| o.resolution.unwrap_or(0.0))
            .sum::<f64>();
        let both = jan_feb.value.unwrap_or(0.0);
        if (jan_v + feb_v - both).abs() > tolerance {
            let kind = ProblemKind::JanFeb {
                jan: jan_v,
                feb: feb_v,
                jan_feb: both,
            };
            v.problem(&format!("{loc}, {}", jan_feb.span()), "value", kind);
        }
    }
}

/// Month `m` of `jan_feb`'s year, in its currency: the listed figure, else the monthly
/// run's value for it.
fn month_figure<'a>(
    s: &'a Series,
    facts: &[&'a Observation],
    jan_feb: &Observation,
    m: u8,
) -> Option<Cow<'a, Observation>> {
    let listed = facts.iter().find(|o| {
        o.basis == Basis::Month
            && o.currency == jan_feb.currency
            && o.first.year() == jan_feb.first.year()
            && o.first.month() == m
    });
    if let Some(o) = listed {
        return Some(Cow::Borrowed(*o));
    }
    let run = s.monthly.as_ref()?;
    let wanted = Month::new(jan_feb.first.year(), m)?;
    let k = usize::try_from(wanted.index() - run.first.index()).ok()?;
    (jan_feb.currency == Some(run.currency))
        .then(|| run.at(k))
        .flatten()
        .map(Cow::Owned)
}

/// The figures of `s` that are preferred figures for a period that an earlier preferred
/// figure already has (same months, basis and currency), in order. A full-year figure and
/// a January-to-December year-to-date figure are the same period.
fn repeated_preferred(s: &Series) -> Vec<usize> {
    let mut repeats = Vec::new();
    let key = |(j, o): (usize, Cow<'_, Observation>)| {
        (o.status == Status::Preferred)
            .then(|| ((o.first, o.last, same_period_basis(&o), o.currency), j))
    };
    // Keys that only ever increase cannot repeat: a long run of months is known to have
    // none without hashing a million keys (its values are consecutive months, so only its
    // first needs comparing with the listed figures).
    let mut previous = None;
    let increasing = s
        .figures_but_run_tail()
        .filter_map(key)
        .all(|(key, _)| previous.replace(key) < Some(key));
    if !increasing {
        let mut seen = HashSet::new();
        for (key, j) in s.figures().filter_map(key) {
            if !seen.insert(key) {
                repeats.push(j);
            }
        }
    }
    repeats
}

fn same_period_basis(o: &Observation) -> Basis {
    if o.basis == Basis::Ytd && o.first.month() == 1 && o.last.month() == 12 {
        Basis::Year
    } else {
        o.basis
    }
}
