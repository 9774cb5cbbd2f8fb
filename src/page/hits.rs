//! The values a reader can reach on the drawn chart, by pointer (nearest in x, then in y)
//! or by keyboard (along a series, or to the next series up or down), and their words for
//! the tooltip and the screen reader. Placed when first asked for: a view nobody points at
//! costs nothing per value, and a million values of a monthly run are placed when read.

use super::spec::x_of_months;
use super::{Snapshot, SourceLink};
use crate::i18n::{fill, Lang};

/// One plotted value a reader can reach (hover, tap or arrow keys): where it is drawn,
/// and which value it is ([`Snapshot::point_text`] words it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HitPoint {
    pub series: usize,
    /// The value's index among its series' values.
    pub index: usize,
    /// Position in SVG pixels.
    pub x_px: f64,
    pub y_px: f64,
}

/// The reachable points once placed. Not part of what makes two snapshots equal: they
/// follow from the values, the geometry and the scale, which are; only whether a pointer
/// has asked for them yet differs.
#[derive(Debug, Clone, Default)]
pub(super) struct Placed(std::sync::OnceLock<Reachable>);

impl PartialEq for Placed {
    fn eq(&self, _: &Placed) -> bool {
        true
    }
}

/// The reachable points, series by series: where each series' points are among them.
#[derive(Debug, Clone, Default, PartialEq)]
struct Reachable {
    runs: Vec<Run>,
}

/// One series' points among the reachable ones, `start..end`, left to right.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    series: usize,
    start: usize,
    end: usize,
    /// The points, placed; none when the series' values are a monthly run's (all drawn,
    /// one per month, so point `k` is value `k`, placed when read: a million values
    /// take no room here).
    placed: Option<Vec<HitPoint>>,
}

impl Run {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// The first point of `run` nearest to `x` in x, by its place in the run.
fn closest(run: &Run, x: f64, x_at: impl Fn(usize) -> f64) -> Option<usize> {
    let distance = |k: usize| (x_at(k) - x).abs();
    // Left to right: the nearest is on one side of x or the other, and the first of
    // equal positions is found again by halving.
    let k = left_of(run.len(), x, &x_at);
    let left = k.checked_sub(1).map(|j| (j, distance(j)));
    let right = (k < run.len()).then(|| (k, distance(k)));
    let (best, _) = match (left, right) {
        (Some(l), Some(r)) if r.1 < l.1 => r,
        (l, r) => l.or(r)?,
    };
    Some(left_of(run.len(), x_at(best), &x_at))
}

/// How many of a run's points (left to right, point `k` at `x_at(k)`) lie left of `x`.
fn left_of(len: usize, x: f64, x_at: impl Fn(usize) -> f64) -> usize {
    let (mut a, mut b) = (0, len);
    while a < b {
        let mid = a + (b - a) / 2;
        if x_at(mid) < x {
            a = mid + 1;
        } else {
            b = mid;
        }
    }
    a
}

/// A reachable value in words: the tooltip and what a screen reader announces.
#[derive(Debug, Clone, PartialEq)]
pub struct PointText {
    pub series_label: String,
    pub period: String,
    /// "≈ 4.72 billion US dollars per month"
    pub value: String,
    /// Official / derived / converted / computed, in words.
    pub provenance: String,
    pub caveat: Option<String>,
    pub sources: Vec<SourceLink>,
    pub lang: Lang,
}

impl PointText {
    /// What a screen reader announces: period, series, value with unit and currency,
    /// provenance, and the caveat if there is one.
    pub fn announcement(&self) -> String {
        let t = self.lang.text();
        let mut text = fill(
            t.announce,
            &[
                ("period", &self.period),
                ("series", &self.series_label),
                ("value", &self.value),
                ("provenance", &self.provenance),
            ],
        );
        if let Some(c) = &self.caveat {
            text.push_str(&fill(t.announce_caveat, &[("caveat", c)]));
        }
        text
    }
}

impl Snapshot {
    /// Reachable point `i` ([`Snapshot::points`] in order), placed.
    pub fn point(&self, i: usize) -> Option<HitPoint> {
        let runs = &self.reachable().runs;
        let run = &runs[runs.partition_point(|r| r.end <= i)..].first()?;
        Some(self.point_in(run, i.checked_sub(run.start)?))
    }

    /// How many points are reachable.
    pub fn point_count(&self) -> usize {
        self.reachable().runs.last().map_or(0, |r| r.end)
    }

    /// Every drawn value a pointer or the keyboard can reach, where it is drawn, in the
    /// order of the series and, within a series, left to right (the order of its values).
    /// Made on each call (for tests and probes; the page reads [`Snapshot::point`]).
    pub fn points(&self) -> Vec<HitPoint> {
        (0..self.point_count())
            .filter_map(|i| self.point(i))
            .collect()
    }

    /// Point `k` of `run`.
    fn point_in(&self, run: &Run, k: usize) -> HitPoint {
        match &run.placed {
            Some(placed) => placed[k],
            None => self.place(run.series, k),
        }
    }

    /// Where value `index` of series `series` is drawn.
    fn place(&self, series: usize, index: usize) -> HitPoint {
        let (first, last, value) = self.series[series].points.placed(index);
        HitPoint {
            series,
            index,
            x_px: self
                .geometry
                .x_px(x_of_months(first, last, self.spans_months())),
            y_px: self.geometry.y_px(value * self.wording.display_scale()),
        }
    }

    /// Where point `k` of `run` is in x.
    fn x_in(&self, run: &Run, k: usize) -> f64 {
        self.point_in(run, k).x_px
    }

    fn reachable(&self) -> &Reachable {
        self.placed.0.get_or_init(|| {
            let mut runs = Vec::new();
            let mut start = 0;
            for (series, s) in self.series.iter().enumerate() {
                let placed = (!s.points.is_run()).then(|| {
                    let mut placed: Vec<HitPoint> = (0..s.points.len())
                        .filter(|&index| s.points.drawable(index))
                        .map(|index| self.place(series, index))
                        .collect();
                    // Left to right (a series' values already are; sorting them is then
                    // one look), so that a series can be searched by halving.
                    crate::sorting::sort_by(&mut placed, |a, b| a.x_px.total_cmp(&b.x_px));
                    placed
                });
                let len = placed.as_ref().map_or(s.points.len(), Vec::len);
                if len > 0 {
                    runs.push(Run {
                        series,
                        start,
                        end: start + len,
                        placed,
                    });
                    start += len;
                }
            }
            Reachable { runs }
        })
    }

    /// The words of reachable point `i`: its tooltip and announcement.
    pub fn point_text(&self, i: usize) -> Option<PointText> {
        let h = self.point(i)?;
        let s = self.series.get(h.series)?;
        let p = s.points.get(h.index)?;
        let w = &self.wording;
        Some(PointText {
            series_label: s.label.clone(),
            period: p.span.label_in(w.lang),
            value: w.value_with_unit(&p),
            provenance: w.provenance(&p),
            caveat: p.caveat.as_ref().map(|c| c.text(w.lang)),
            sources: self.links(&p.sources),
            lang: w.lang,
        })
    }

    /// The index of the point nearest to an SVG position: nearest in x first (the period
    /// under the pointer), then in y among the series at that x.
    ///
    /// Each series' points go left to right and are searched by halving, so a pointer
    /// move over a million values looks at a few points per series.
    pub fn nearest(&self, x_px: f64, y_px: f64) -> Option<usize> {
        let runs = &self.reachable().runs;
        let best_dx = runs
            .iter()
            .filter_map(|run| {
                let x_at = |k| self.x_in(run, k);
                closest(run, x_px, x_at).map(|k| (x_at(k) - x_px).abs())
            })
            .fold(f64::INFINITY, f64::min);
        let reach = best_dx + 0.5;
        let mut best: Option<(usize, f64)> = None;
        for run in runs {
            let x_at = |k| self.x_in(run, k);
            // A little wider than the reach: the exact test is below.
            let (lo, hi) = (
                left_of(run.len(), x_px - reach - 1.0, x_at),
                left_of(run.len(), x_px + reach + 1.0, x_at),
            );
            for k in lo..hi {
                let p = self.point_in(run, k);
                let dy = (p.y_px - y_px).abs();
                if (p.x_px - x_px).abs() <= reach && best.is_none_or(|b| dy.total_cmp(&b.1).is_lt())
                {
                    best = Some((run.start + k, dy));
                }
            }
        }
        best.map(|(i, _)| i)
    }

    /// Keyboard stepping: the next point of the same series to the left (`dx` = −1) or
    /// right (+1), or the point of the next series up (`dy` = −1) or down (+1) nearest in x.
    pub fn step(&self, from: Option<usize>, dx: i32, dy: i32) -> Option<usize> {
        let Some(i) = from else {
            return (self.point_count() > 0).then_some(0);
        };
        let runs = &self.reachable().runs;
        let here = self.point(i)?;
        let run_of = |series: usize| runs.iter().find(|r| r.series == series);
        if dx != 0 {
            let run = run_of(here.series)?;
            let by = dx.unsigned_abs() as usize;
            return Some(if dx > 0 {
                i.saturating_add(by).min(run.end - 1)
            } else {
                i.saturating_sub(by).max(run.start)
            });
        }
        let series_count = runs.iter().map(|r| r.series + 1).max().unwrap_or(0);
        let mut target = here.series as i64;
        for _ in 0..series_count {
            target = (target + dy as i64).rem_euclid(series_count as i64);
            if let Some(run) = run_of(target as usize) {
                if let Some(k) = closest(run, here.x_px, |k| self.x_in(run, k)) {
                    return Some(run.start + k);
                }
            }
        }
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(xs: &[f64]) -> Vec<HitPoint> {
        xs.iter()
            .enumerate()
            .map(|(index, &x_px)| HitPoint {
                series: 0,
                index,
                x_px,
                y_px: 0.0,
            })
            .collect()
    }

    #[test]
    fn halving_a_run_finds_the_first_nearest() {
        // Repeated positions, and ties between the two sides of x.
        let points = at(&[1.0, 2.0, 2.0, 4.0, 6.0, 6.0, 6.0, 9.0]);
        let run = Run {
            series: 0,
            start: 0,
            end: points.len(),
            placed: None,
        };
        let x_at = |k: usize| points[k].x_px;
        for x in (-4..=24).map(|i| i as f64 * 0.5) {
            let distance = |p: &HitPoint| (p.x_px - x).abs();
            let scanned = (0..points.len())
                .min_by(|&a, &b| distance(&points[a]).total_cmp(&distance(&points[b])));
            assert_eq!(closest(&run, x, x_at), scanned, "at {x}");
        }
        assert_eq!(closest(&run, 3.0, x_at), Some(1), "a tie: the first");
        assert_eq!(closest(&run, 5.9, x_at), Some(4));
        assert_eq!(closest(&run, 100.0, x_at), Some(7));
    }
}
