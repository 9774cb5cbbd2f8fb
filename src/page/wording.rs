//! How a view's values are put in words: what kind of number its measure yields, the
//! measure's name and unit, a value as a reader reads it, and how it was obtained. The
//! only home of these labels: the chart, the table, the tooltip and the exports all ask
//! the view's [`Wording`].

use std::collections::HashMap;

use crate::currency::Currency;
use crate::format::{
    money_number, percent, percent_as_printed, points_in, share_percent, unit_label_in, with_unit,
    Magnitude,
};
use crate::i18n::{fill, Lang};
use crate::measures::{words::describe, How, Point};
use crate::month::Span;
use crate::urlstate::{MeasureKind, ViewState};

/// What kind of number a measure yields.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueKind {
    /// Money in a currency; `per_month` when multi-month periods are averaged per month.
    Money { currency: Currency, per_month: bool },
    /// Percent change, signed.
    Percent,
    /// Percent of a whole, unsigned.
    Share,
    /// Percentage points.
    Points,
}

/// What puts one value of a view in words: the measure's kind, name and unit, the
/// language, and the period of each source-table row a provenance names. Owned, so that a
/// value is worded when a reader reaches it rather than every value in advance.
#[derive(Debug, Clone, PartialEq)]
pub struct Wording {
    pub kind: ValueKind,
    pub lang: Lang,
    /// How large money values are written: billions (亿), or trillions (万亿).
    pub magnitude: Magnitude,
    /// The measure's name: "Value per month (average of multi-month periods)".
    pub measure_label: String,
    /// The value axis label, with unit and currency: "billion yuan per month".
    pub y_label: String,
    /// The period of each source-table row of the shown series, by row id (unique in a
    /// dataset): provenance names rows with their periods, and a scan per value would be
    /// quadratic.
    row_spans: HashMap<String, Span>,
}

impl Wording {
    /// The wording of `state`'s measure in `lang`, money written at `magnitude`; `compare`
    /// is the compared reporter's name (a share of it names it).
    pub fn new(state: &ViewState, lang: Lang, magnitude: Magnitude, compare: &str) -> Wording {
        let t = lang.text();
        let currency = state.currency;
        let unit = unit_label_in(currency, lang, magnitude);
        let money = |per_month| ValueKind::Money {
            currency,
            per_month,
        };
        let (measure_label, kind, y_label) = match state.measure {
            MeasureKind::Monthly if state.average => (
                t.measure_per_month,
                money(true),
                fill(t.unit_per_month, &[("unit", unit)]),
            ),
            MeasureKind::Monthly => (
                t.measure_per_period,
                money(false),
                fill(t.unit_per_period, &[("unit", unit)]),
            ),
            MeasureKind::Ytd => (t.measure_ytd, money(false), unit.to_string()),
            MeasureKind::Yoy => (t.measure_yoy, ValueKind::Percent, t.unit_yoy.into()),
            MeasureKind::Rolling12 => (
                t.measure_rolling12,
                money(false),
                fill(t.unit_rolling12, &[("unit", unit)]),
            ),
            MeasureKind::Share => (t.measure_share, ValueKind::Share, t.unit_share.into()),
            MeasureKind::Contribution => (
                t.measure_contribution,
                ValueKind::Points,
                t.unit_points.into(),
            ),
            MeasureKind::ReporterShare => (
                t.measure_share_of,
                ValueKind::Share,
                fill(t.unit_share_of, &[("compare", compare)]),
            ),
        };
        Wording {
            kind,
            lang,
            magnitude,
            measure_label: fill(measure_label, &[("compare", compare)]),
            y_label,
            row_spans: HashMap::new(),
        }
    }

    /// Names row `row` with `span` in provenance.
    pub fn add_row_span(&mut self, row: &str, span: Span) {
        self.row_spans.entry(row.to_string()).or_insert(span);
    }

    /// A value as a reader reads it: "≈ 4.72", "+48.9%", "+19.3 pp" (in Chinese, money in
    /// 亿: "≈ 47.2").
    pub fn value_text(&self, p: &Point) -> String {
        let approx = if p.approx { "≈ " } else { "" };
        match self.kind {
            ValueKind::Money { .. } => {
                let number = money_number(p.value, 2, self.lang, self.magnitude);
                format!("{approx}{number}")
            }
            // A rate published with its figure as printed ("+0.03%"), a computed one to
            // one decimal.
            ValueKind::Percent => match &p.how {
                How::Official { .. } => format!("{approx}{}", percent_as_printed(p.value)),
                _ => format!("{approx}{}", percent(p.value)),
            },
            ValueKind::Share => format!("{approx}{}", share_percent(p.value)),
            ValueKind::Points => format!("{approx}{}", points_in(p.value, self.lang)),
        }
    }

    /// A value with its unit: "≈ 4.72 billion yuan per month", "47.2亿元/月", "+48.9%".
    pub fn value_with_unit(&self, p: &Point) -> String {
        match self.kind {
            ValueKind::Money { .. } => with_unit(&self.value_text(p), &self.y_label, self.lang),
            _ => self.value_text(p),
        }
    }

    /// How many display units a full-unit value is (money in billions or 亿).
    pub fn display_scale(&self) -> f64 {
        match self.kind {
            ValueKind::Money { .. } => 1.0 / self.magnitude.unit(self.lang),
            _ => 1.0,
        }
    }

    /// The money unit alone ("billion yuan"), or nothing for other measures.
    pub fn money_unit(&self) -> &'static str {
        match self.kind {
            ValueKind::Money { currency, .. } => unit_label_in(currency, self.lang, self.magnitude),
            _ => "",
        }
    }

    /// How a value was obtained, in words, with row ids and spans.
    pub fn provenance(&self, p: &Point) -> String {
        let row = |row: &str| -> String {
            self.row_spans
                .get(row)
                .map(|span| {
                    fill(
                        self.lang.text().row_ref,
                        &[("period", &span.label_in(self.lang)), ("row", row)],
                    )
                })
                .unwrap_or(row.to_string())
        };
        describe(&p.how, &row, self.lang)
    }
}
