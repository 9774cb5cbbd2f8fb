//! The time axis: a continuous month scale whose ticks fall on January 1st of
//! evenly spaced years (or on quarters when the range is short).

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged};

use crate::i18n::Lang;
use crate::month::Month;

/// Months as a continuous x axis: month index `m` is the start of that month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthAxis {
    start: f64,
    end: f64,
}

impl MonthAxis {
    /// The axis from month index `start` to `end` (exclusive end of the last month).
    pub fn new(start: f64, end: f64) -> MonthAxis {
        let end = if end > start { end } else { start + 1.0 };
        MonthAxis { start, end }
    }

    /// Tick positions (month indices) for at most `max` labels.
    pub fn ticks(&self, max: usize) -> Vec<f64> {
        let max = max.max(1) as f64;
        let span = self.end - self.start;
        // Steps in months: quarters, half years, then whole years.
        let step = [3.0, 6.0, 12.0, 24.0, 60.0, 120.0, 600.0, 1200.0]
            .into_iter()
            .find(|s| span / s <= max)
            .unwrap_or_else(|| (span / max / 12.0).ceil() * 12.0);
        let first = (self.start / step).ceil() * step;
        let mut ticks = Vec::new();
        let mut x = first;
        while x <= self.end + 1e-9 {
            ticks.push(x);
            x += step;
        }
        ticks
    }
}

/// Label for a tick: "2023" on January, the month's name otherwise ("Apr", "4月").
pub fn label_for(x: f64, lang: Lang) -> String {
    let m = Month::from_index(x.round() as i64);
    if m.month() == 1 {
        m.year().to_string()
    } else {
        m.name_in(lang)
    }
}

/// A compact tick label: "'23" on January, the month's name otherwise.
pub fn short_label_for(x: f64, lang: Lang) -> String {
    let m = Month::from_index(x.round() as i64);
    match (m.month(), lang) {
        (1, Lang::Zh) => format!("{}年", m.year() % 100),
        (1, _) => format!("\u{2019}{:02}", m.year() % 100),
        _ => m.name_in(lang),
    }
}

impl Ranged for MonthAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let t = (value - self.start) / (self.end - self.start);
        (limit.0 as f64 + t * (limit.1 - limit.0) as f64).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        self.ticks(hint.max_num_points())
    }

    fn range(&self) -> Range<f64> {
        self.start..self.end
    }
}

impl plotters::coord::ranged1d::ValueFormatter<f64> for MonthAxis {
    fn format(value: &f64) -> String {
        label_for(*value, Lang::En)
    }
}
