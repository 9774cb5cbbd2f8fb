//! Sums and differences of values: the trade balance and rolling 12-month sums.

use super::point::{Computation, Point};
use crate::dataset::push_unique;
use crate::month::{Month, Span};

/// Exports − imports for every period both have.
pub fn balance(exports: &[Point], imports: &[Point]) -> Vec<Point> {
    exports
        .iter()
        .filter(|e| e.drawable)
        .filter_map(|e| {
            let i = imports.iter().find(|i| i.span == e.span && i.drawable)?;
            let mut sources = e.sources.to_vec();
            push_unique(&mut sources, &i.sources);
            Some(Point::computed(
                e.span,
                e.value - i.value,
                Computation::Balance,
                sources,
                e.approx || i.approx,
                e.tolerance + i.tolerance,
            ))
        })
        .collect()
}

/// Sums of 12 consecutive single months, where all 12 exist.
pub fn rolling12(points: &[Point]) -> Vec<Point> {
    let months: Vec<&Point> = points
        .iter()
        .filter(|p| p.span.len() == 1 && p.drawable)
        .collect();
    let at = |m: Month| months.iter().find(|p| p.span.first == m).copied();
    let mut out = Vec::new();
    for end in &months {
        let last = end.span.last;
        let window: Option<Vec<&Point>> = (0..12).map(|k| at(last.offset(-k))).collect();
        let Some(window) = window else { continue };
        let mut sources = Vec::new();
        for p in &window {
            push_unique(&mut sources, &p.sources);
        }
        let span = Span {
            first: last.offset(-11),
            last,
        };
        out.push(Point::computed(
            span,
            window.iter().map(|p| p.value).sum(),
            Computation::Sum12 { span },
            sources,
            window.iter().any(|p| p.approx),
            window.iter().map(|p| p.tolerance).sum(),
        ));
    }
    out
}
