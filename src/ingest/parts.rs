//! Settling a disagreement on exports or imports by the published total: of two figures
//! for one flow, the one that adds up with the other flow's figure to the total published
//! for the same period is the one drawn (a wire story's "$3.95 trillion" beside "$3.59
//! trillion" and a total of $6.3 trillion with imports of $2.7 trillion).

use crate::currency::Currency;
use crate::dataset::{Conflict, ConflictField, Flow, Observation, Series, Status};

/// A published figure with the precision it was printed to.
#[derive(Clone, Copy)]
struct Figure {
    value: f64,
    resolution: f64,
}

/// Re-chooses, in `series` and `conflicts`, each exports or imports value conflict that
/// exactly one figure settles by adding up to the published total; says so in its cause.
pub(super) fn settle_by_total(series: &mut [Series], conflicts: &mut [Conflict]) {
    for c in conflicts.iter_mut() {
        let Some((fits, other)) = fitting_figure(series, c) else {
            continue;
        };
        let Some(s) = series
            .iter_mut()
            .find(|s| (&s.reporter, s.flow, &s.partner) == (&c.reporter, c.flow, &c.partner))
        else {
            continue;
        };
        for o in s.observations.iter_mut().filter(|o| same_figure_slot(o, c)) {
            if o.status != Status::Disputed {
                o.status = match o.value == Some(c.figures[fits].value) {
                    true => Status::Preferred,
                    false => Status::Alternative,
                };
            }
        }
        for (i, f) in c.figures.iter_mut().enumerate() {
            f.chosen = i == fits;
        }
        let cause = total_cause(c, fits, other);
        c.likely_cause = Some(match c.likely_cause.take() {
            Some(earlier) => format!("{cause}; {earlier}"),
            None => cause,
        });
    }
}

/// Whether `o` is one of the figures `c` is about (same period, basis and currency).
fn same_figure_slot(o: &Observation, c: &Conflict) -> bool {
    o.first == c.first && o.last == c.last && o.basis == c.basis && o.currency == c.currency
}

/// The preferred figure of the period of `c` in `flow`, with its printed precision.
fn preferred(series: &[Series], c: &Conflict, flow: Flow) -> Option<Figure> {
    let s = series
        .iter()
        .find(|s| (&s.reporter, s.flow, &s.partner) == (&c.reporter, flow, &c.partner))?;
    let o = s
        .observations
        .iter()
        .find(|o| same_figure_slot(o, c) && o.status == Status::Preferred)?;
    Some(Figure {
        value: o.value?,
        resolution: o.resolution.unwrap_or(0.0),
    })
}

/// The index of the only figure of `c` that adds up with the other flow to the total, and
/// that other flow's and the total's figures; None where none or several do.
fn fitting_figure(series: &[Series], c: &Conflict) -> Option<(usize, (Figure, Figure))> {
    let other_flow = match c.flow {
        Flow::Exports => Flow::Imports,
        Flow::Imports => Flow::Exports,
        Flow::Total => return None,
    };
    if c.field != ConflictField::Value {
        return None;
    }
    let other = preferred(series, c, other_flow)?;
    let total = preferred(series, c, Flow::Total)?;
    let s = series
        .iter()
        .find(|s| (&s.reporter, s.flow, &s.partner) == (&c.reporter, c.flow, &c.partner))?;
    let resolution_of = |value: f64| {
        s.observations
            .iter()
            .find(|o| same_figure_slot(o, c) && o.value == Some(value))
            .and_then(|o| o.resolution)
            .unwrap_or(0.0)
    };
    let fits: Vec<usize> = (0..c.figures.len())
        .filter(|&i| !c.figures[i].disputed)
        .filter(|&i| {
            let v = c.figures[i].value;
            let slack = (resolution_of(v) + other.resolution + total.resolution) / 2.0;
            (v + other.value - total.value).abs() <= slack + 1e-9 * total.value
        })
        .collect();
    match fits[..] {
        [only] => Some((only, (other, total))),
        _ => None,
    }
}

/// The cause of a conflict settled by the total, with the sum, and a note where the other
/// figures are the same digits in another order.
fn total_cause(c: &Conflict, fits: usize, (other, total): (Figure, Figure)) -> String {
    let flow = match c.flow {
        Flow::Exports => "imports",
        _ => "exports",
    };
    let currency = match c.currency {
        Some(Currency::USD) => " US dollars",
        Some(Currency::CNY) => " yuan",
        None => "",
    };
    let bn = |v: f64| format!("{:.2} bn", v / 1e9);
    let value = c.figures[fits].value;
    let mut cause = format!(
        "only {} adds up with {flow} ({}) to the published total ({}{currency}), so it is drawn",
        bn(value),
        bn(other.value),
        bn(total.value)
    );
    let transposed = c
        .figures
        .iter()
        .enumerate()
        .any(|(i, f)| i != fits && same_digits(f.value, value));
    if transposed {
        cause.push_str("; the other figure has the same digits in another order, a likely typo");
    }
    cause
}

/// Whether two different numbers are written with the same digits (3.95 and 3.59).
fn same_digits(a: f64, b: f64) -> bool {
    let digits = |v: f64| {
        let mut d: Vec<char> = format!("{:.0}", v / 1e6)
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        while d.last() == Some(&'0') {
            d.pop();
        }
        d.sort();
        d
    };
    a != b && digits(a) == digits(b)
}
