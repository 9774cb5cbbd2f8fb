//! Parts of a whole: each partner's share of the world total, one reporter's share of
//! another's (a region's of its country), and a partner's contribution to the world
//! total's change on a year earlier (with what the partners shown do not explain).

use super::point::{Computation, Point, ShareOf};
use crate::dataset::push_unique;
use crate::month::Span;

/// A partner's value as a percentage of the world total, for periods both have.
pub fn share(part: &[Point], world: &[Point], part_label: &str) -> Vec<Point> {
    let what = |_: &Point, _: &Point| Computation::Share {
        part: part_label.to_string(),
    };
    percent_of(part, world, &what)
}

/// One reporter's value as a percentage of another's (Xinjiang's of China's), only for
/// periods both published: values of the same months, neither derived nor converted
/// unless both are; each value cites the rows of both.
pub fn share_of(
    part: &[Point],
    whole: &[Point],
    part_label: &str,
    whole_label: &str,
) -> Vec<Point> {
    let what = |p: &Point, w: &Point| {
        let rows = |q: &Point| q.how.rows().into_iter().cloned().collect();
        Computation::ShareOf(Box::new(ShareOf {
            part: part_label.to_string(),
            whole: whole_label.to_string(),
            part_rows: rows(p),
            whole_rows: rows(w),
        }))
    };
    percent_of(part, whole, &what)
}

/// `part` as a percentage of `whole` for each period both have (`what`: how it was made).
fn percent_of(
    part: &[Point],
    whole: &[Point],
    what: &dyn Fn(&Point, &Point) -> Computation,
) -> Vec<Point> {
    part.iter()
        .filter(|p| p.drawable)
        .filter_map(|p| {
            let w = whole
                .iter()
                .find(|w| w.span == p.span && w.drawable && w.value > 0.0)?;
            let mut sources = p.sources.to_vec();
            push_unique(&mut sources, &w.sources);
            Some(Point::computed(
                p.span,
                100.0 * p.value / w.value,
                what(p, w),
                sources,
                p.approx != w.approx,
                100.0 * (p.tolerance / w.value + p.value * w.tolerance / (w.value * w.value)),
            ))
        })
        .collect()
}

/// Contributions to the world total's year-on-year change, in percentage points.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub span: Span,
    /// The world total's change in percent (computed from the values).
    pub total_pct: f64,
    /// Per partner label: (P − P a year earlier) ÷ (world a year earlier) × 100.
    pub parts: Vec<(String, f64)>,
    /// What the listed partners do not explain: total − Σ parts.
    pub residual: f64,
    pub sources: Vec<String>,
    pub approx: bool,
}

/// Contributions of `parts` to the world total's change, for every period where the world
/// total and at least one partner have values for it and a year earlier.
pub fn contributions(parts: &[(String, Vec<Point>)], world: &[Point]) -> Vec<Contribution> {
    let mut out = Vec::new();
    for w in world.iter().filter(|w| w.drawable) {
        let Some(wb) = world
            .iter()
            .find(|q| q.span == w.span.year_earlier() && q.drawable && q.value > 0.0)
        else {
            continue;
        };
        let mut sources = w.sources.to_vec();
        push_unique(&mut sources, &wb.sources);
        let mut approx = w.approx || wb.approx;
        let mut shares = Vec::new();
        for (label, points) in parts {
            let now = points.iter().find(|p| p.span == w.span && p.drawable);
            let before = points.iter().find(|p| p.span == wb.span && p.drawable);
            if let (Some(now), Some(before)) = (now, before) {
                shares.push((label.clone(), 100.0 * (now.value - before.value) / wb.value));
                push_unique(&mut sources, &now.sources);
                push_unique(&mut sources, &before.sources);
                approx |= now.approx || before.approx;
            }
        }
        if shares.is_empty() {
            continue;
        }
        let total_pct = 100.0 * (w.value - wb.value) / wb.value;
        let residual = total_pct - shares.iter().map(|(_, c)| c).sum::<f64>();
        out.push(Contribution {
            span: w.span,
            total_pct,
            parts: shares,
            residual,
            sources,
            approx,
        });
    }
    out
}
