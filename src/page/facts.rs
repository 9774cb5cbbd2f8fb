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
                push_unique(&mut facts.sources, points.sources(0));
            }
            return facts;
        }
        for i in 0..points.len() {
            let sources = points.sources(i);
            if !last_seen.is_some_and(|l| Arc::ptr_eq(l, sources)) {
                push_unique(&mut facts.sources, sources);
                last_seen = Some(sources);
            }
            let (first, last, value) = points.placed(i);
            months = widen(months, first, last);
            ends = widen(ends, last, last);
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
        facts
    }
}
