//! Growth on a year earlier: computed from values, or as published (with a disagreeing
//! computation named), and growth rates published without a value.

use super::point::{Caveat, Computation, How, Point};
use crate::dataset::{push_unique, Series, Status};

/// Year-on-year change in percent for every point whose same period a year earlier has a
/// value above zero. Where a growth rate was published with the figure (and the figure
/// is not converted), the published rate is shown, and a computed rate that differs by
/// more than rounding is named in the caveat.
pub fn yoy(points: &[Point]) -> Vec<Point> {
    let mut out = Vec::new();
    for p in points.iter().filter(|p| p.drawable) {
        let base = points
            .iter()
            .find(|q| q.span == p.span.year_earlier() && q.drawable && q.value > 0.0);
        let computed_pct = base.map(|q| (p.value / q.value - 1.0) * 100.0);
        let published = p.published_yoy.filter(|_| !p.approx);
        let mut sources = p.sources.to_vec();
        if let Some(q) = base {
            push_unique(&mut sources, &q.sources);
        }
        let point = match (published, computed_pct, base) {
            (Some(pub_pct), computed_pct, _) => {
                let mut caveat = None;
                if let (Some(c), Some(q)) = (computed_pct, base) {
                    // Rounding of both values, and of the published rate (one decimal).
                    let tolerance = 100.0
                        * (p.value / q.value)
                        * (p.tolerance / p.value + q.tolerance / q.value)
                        + 0.05;
                    if (pub_pct - c).abs() > tolerance {
                        caveat = Some(Box::new(Caveat::GrowthDiffers {
                            published: pub_pct,
                            computed: c,
                        }));
                    }
                }
                Point {
                    span: p.span,
                    value: pub_pct,
                    how: match &p.how {
                        How::Official { rows } => How::Official { rows: rows.clone() },
                        _ => How::Computed(Computation::GrowthAsPublished),
                    },
                    sources: p.sources.clone(),
                    approx: false,
                    tolerance: 0.05,
                    published_yoy: Some(pub_pct),
                    caveat,
                    drawable: true,
                }
            }
            (None, Some(c), Some(q)) => Point::computed(
                p.span,
                c,
                Computation::ChangeOn {
                    span: p.span,
                    base: q.span,
                },
                sources,
                p.approx || q.approx,
                100.0
                    * (p.value / q.value)
                    * (p.tolerance / p.value.abs().max(1.0) + q.tolerance / q.value),
            ),
            _ => continue,
        };
        out.push(point);
    }
    out
}

/// Growth rates published without a value (only "+x%" was printed), for year-to-date,
/// full-year or single-month periods, as points in percent (a monthly run's values all
/// have one: only listed figures are looked at).
pub fn published_growth_only(s: &Series) -> Vec<Point> {
    s.observations
        .iter()
        .filter(|o| o.value.is_none() && o.status == Status::Preferred)
        .filter_map(|o| {
            let pct = o.yoy_pct?;
            Some(Point {
                span: o.span(),
                value: pct,
                how: How::Official {
                    rows: vec![o.first_row()],
                },
                sources: o.sources.clone(),
                approx: false,
                tolerance: 0.05,
                published_yoy: Some(pct),
                caveat: None,
                drawable: true,
            })
        })
        .collect()
}
