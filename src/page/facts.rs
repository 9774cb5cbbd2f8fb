//! What a page needs to know of a series' values as a whole ([`Facts`]): the months they
//! span, the highest and the latest drawn value, and the sources behind them, found in one
//! pass over the values.

use std::sync::Arc;

use crate::dataset::push_unique;
use crate::measures::{Points, Sources};
use crate::month::Month;

/// What a view needs to know of a series' values as a whole, found once per values.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The first month of any value and the last.
    pub months: Option<(Month, Month)>,
    /// The earliest and the latest last month of a value.
    pub ends: Option<(Month, Month)>,
    /// The index of the highest drawable value (the latest of equals).
    pub high: Option<usize>,
    /// The index of the latest drawable value.
    pub latest: Option<usize>,
    /// The largest size of a drawable value (its absolute value; 0 when none).
    pub biggest: f64,
    /// The ids of every value's sources, each once, in first-use order.
    pub sources: Vec<String>,
    /// January of the earliest year from which every year before the last has at least
    /// `DENSE_RELEASES` (4) values ending in distinct months; None when no such span ends
    /// with the values.
    pub dense_from: Option<Month>,
}

/// Releases a year for a year to count as covered: as many as quarters.
pub const DENSE_RELEASES: usize = 4;

/// January of the earliest year from which every year before the last has at least
/// [`DENSE_RELEASES`] distinct end months in `ends` (month indices, any order; the last
/// year may still be under way); None when the year before the last has not (no span is
/// denser than the whole).
fn dense_from(mut ends: Vec<i64>) -> Option<Month> {
    crate::sorting::sort(&mut ends);
    ends.dedup();
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for e in ends {
        match counts.last_mut() {
            Some((y, n)) if *y == e.div_euclid(12) => *n += 1,
            _ => counts.push((e.div_euclid(12), 1)),
        }
    }
    dense_from_counts(&counts)
}

/// [`dense_from`] of every month from `first` to `last` (a run's).
fn dense_from_run(first: i64, last: i64) -> Option<Month> {
    let counts: Vec<(i64, usize)> = (first.div_euclid(12)..=last.div_euclid(12))
        .map(|y| {
            (
                y,
                ((last.min(y * 12 + 11) - first.max(y * 12)) + 1) as usize,
            )
        })
        .collect();
    dense_from_counts(&counts)
}

/// [`dense_from`] of the years that have releases and how many (in order).
fn dense_from_counts(counts: &[(i64, usize)]) -> Option<Month> {
    let (&(first, _), &(last, _)) = (counts.first()?, counts.last()?);
    let count = |y: i64| counts.iter().find(|c| c.0 == y).map_or(0, |c| c.1);
    let start = (first..last)
        .rev()
        .take_while(|&y| count(y) >= DENSE_RELEASES)
        .last()?;
    Some(Month::from_index(start * 12))
}

impl Facts {
    pub fn of(points: &Points) -> Facts {
        let mut facts = Facts {
            months: None,
            ends: None,
            high: None,
            latest: None,
            biggest: 0.0,
            sources: Vec::new(),
            dense_from: None,
        };
        // Values mostly share their list of sources: each list is looked at once.
        let mut last_seen: Option<&Sources> = None;
        let mut high_value = 0.0;
        // Months as indices (made into months once, at the end).
        let mut months: Option<(i64, i64)> = None;
        let mut ends: Option<(i64, i64)> = None;
        let widen = |m: Option<(i64, i64)>, a: i64, b: i64| {
            Some(m.map_or((a, b), |(x, y)| (x.min(a), y.max(b))))
        };
        let month = Month::from_index;
        // A run's values are single months in order, all drawn, with the run's sources:
        // only its highest is to be looked for, in its numbers.
        if let Some(high) = points.run_highest() {
            if let Some(last) = points.len().checked_sub(1) {
                let (first, _, _) = points.placed(0);
                let (_, end, _) = points.placed(last);
                facts.months = Some((month(first), month(end)));
                facts.ends = facts.months;
                facts.high = high;
                // A run's values are never negative: its highest is its biggest.
                facts.biggest = high.map_or(0.0, |h| points.placed(h).2);
                facts.latest = Some(last);
                facts.dense_from = dense_from_run(first, end);
                push_unique(&mut facts.sources, points.sources(0));
            }
            return facts;
        }
        let mut all_ends = Vec::with_capacity(points.len());
        for i in 0..points.len() {
            let sources = points.sources(i);
            if !last_seen.is_some_and(|l| Arc::ptr_eq(l, sources)) {
                push_unique(&mut facts.sources, sources);
                last_seen = Some(sources);
            }
            let (first, last, value) = points.placed(i);
            months = widen(months, first, last);
            ends = widen(ends, last, last);
            all_ends.push(last);
            if points.drawable(i) {
                // The last of equal highs, in the order `f64::total_cmp` gives.
                if facts.high.is_none() || value.total_cmp(&high_value).is_ge() {
                    facts.high = Some(i);
                    high_value = value;
                }
                facts.latest = Some(i);
                facts.biggest = facts.biggest.max(value.abs());
            }
        }
        facts.months = months.map(|(a, b)| (month(a), month(b)));
        facts.ends = ends.map(|(a, b)| (month(a), month(b)));
        facts.dense_from = dense_from(all_ends);
        facts
    }
}
