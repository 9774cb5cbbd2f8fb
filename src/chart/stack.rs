//! Stacked bands (the area chart): each series sits on the sum of the earlier series'
//! values over the same months; and the value range a panel shows.

use super::shape::Step;
use super::spec::{ChartSeries, Panel};

/// The value range to show: zero included, with a little room above and below.
pub(super) fn y_range(panel: &Panel, stacked: &[Vec<(Step, f64, f64)>]) -> (f64, f64) {
    let (mut min, mut max) = (0f64, 0f64);
    let mut include = |v: f64| {
        min = min.min(v);
        max = max.max(v);
    };
    for (lo, hi) in panel.series.iter().filter_map(|s| s.shape.extent) {
        include(lo);
        include(hi);
    }
    for bands in stacked {
        bands.iter().for_each(|(_, _, top)| include(*top));
    }
    let pad = (max - min).max(1e-9) * 0.08;
    let top = if max > 0.0 {
        max + pad
    } else if min < 0.0 {
        0.0 + pad * 0.3
    } else {
        1.0
    };
    let bottom = if min < 0.0 { min - pad } else { 0.0 };
    (bottom, top)
}

/// Stacked bands per series: `(x0, x1, bottom, top)` flattened as `(x0..x1, bottom, top)`;
/// each series sits on the sum of the earlier series' values over the same months.
pub fn stack(series: &[ChartSeries]) -> Vec<Vec<(Step, f64, f64)>> {
    // The running sum of the series so far over each span of months, in order of the
    // spans: each series' steps are merged into it, so stacking is linear in the number of
    // values. A series' steps come in that order (its periods are ordered); steps that do
    // not are put in order by insertion (no sorting code shipped for what never happens).
    let by_span = |a: &Step, b: &Step| a.x0.total_cmp(&b.x0).then(a.x1.total_cmp(&b.x1));
    let zero = || std::iter::empty::<f64>().sum::<f64>();
    let mut sums: Vec<(Step, f64)> = Vec::new();
    let mut bands: Vec<Vec<(Step, f64, f64)>> = Vec::with_capacity(series.len());
    for s in series {
        let steps = &s.shape.steps;
        let mut order: Vec<usize> = (0..steps.len()).collect();
        for i in 1..order.len() {
            let mut j = i;
            while j > 0 && by_span(&steps.get(order[j - 1]), &steps.get(order[j])).is_gt() {
                order.swap(j - 1, j);
                j -= 1;
            }
        }
        let mut mine = vec![(Step::default(), 0.0, 0.0); steps.len()];
        let mut next: Vec<(Step, f64)> = Vec::with_capacity(sums.len() + steps.len());
        let mut earlier = sums.iter().peekable();
        let mut last_below = zero();
        for k in order {
            let st = steps.get(k);
            while let Some(e) = earlier.next_if(|e| by_span(&e.0, &st).is_lt()) {
                next.push(*e);
            }
            // A span this series already has (a repeated span) sits on the same sum.
            let repeated = next.last().is_some_and(|l| by_span(&l.0, &st).is_eq());
            let below = if repeated {
                last_below
            } else {
                let e = earlier
                    .next_if(|e| by_span(&e.0, &st).is_eq())
                    .copied()
                    .unwrap_or((st, zero()));
                next.push(e);
                e.1
            };
            if let Some(l) = next.last_mut() {
                l.1 += st.y;
            }
            mine[k] = (st, below, below + st.y);
            last_below = below;
        }
        next.extend(earlier);
        sums = next;
        bands.push(mine);
    }
    bands
}
