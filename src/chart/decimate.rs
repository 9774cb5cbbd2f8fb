//! Per-pixel min/max decimation of a polyline (M4: Jugel, Jerzak, Hackenbroich and Markl,
//! "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014).
//!
//! A line drawn through many points per pixel column only ever shows, in that column, a
//! vertical stroke from the lowest to the highest point, joined to the neighbouring
//! columns through the column's first and last points. Keeping exactly those four points
//! (first, minimum, maximum, last, in their original order) draws the same pixels with at
//! most four points per column, whatever the number of points. Pure: the caller says which
//! pixel column a position falls in (the same mapping the drawing uses).
//!
//! Bars and stacked bands are rectangles: [`merge_rects`] draws those that fall on the same
//! pixel columns as one, so they too stay bounded by the width.

/// The points of `points` that M4 keeps, in their original order: per run of consecutive
/// points falling in the same pixel column (`column(x)`), the first, the one with the
/// smallest y, the one with the largest y, and the last (fewer when they coincide; on
/// ties, the earliest). A polyline with gaps is decimated one run at a time by the caller,
/// so a gap is never joined.
pub fn m4<F: Fn(f64) -> i64>(points: &[(f64, f64)], column: F) -> Vec<(f64, f64)> {
    let mut m4 = M4::new(column);
    for &p in points {
        m4.push(p);
    }
    m4.finish()
}

/// [`m4`] one point at a time: a run is decimated as it is read, so a million points
/// made on the fly (a run's steps) are never held at once.
pub struct M4<F> {
    column: F,
    kept: Vec<(f64, f64)>,
    current: Option<Column>,
    /// The last x asked about and its column (a run of steps gives each x twice).
    last_x: Option<(f64, i64)>,
}

/// The points of the column being read: the first, lowest, highest and last, each with
/// its place in the column.
struct Column {
    col: i64,
    first: (f64, f64),
    lo: (usize, (f64, f64)),
    hi: (usize, (f64, f64)),
    last: (usize, (f64, f64)),
}

impl<F: Fn(f64) -> i64> M4<F> {
    pub fn new(column: F) -> M4<F> {
        M4 {
            column,
            kept: Vec::new(),
            current: None,
            last_x: None,
        }
    }

    /// The next point of the run.
    pub fn push(&mut self, p: (f64, f64)) {
        let col = match self.last_x {
            Some((x, col)) if x == p.0 => col,
            _ => (self.column)(p.0),
        };
        self.last_x = Some((p.0, col));
        match &mut self.current {
            Some(c) if c.col == col => {
                let i = c.last.0 + 1;
                if p.1 < c.lo.1 .1 {
                    c.lo = (i, p);
                }
                if p.1 > c.hi.1 .1 {
                    c.hi = (i, p);
                }
                c.last = (i, p);
            }
            _ => {
                self.flush();
                self.current = Some(Column {
                    col,
                    first: p,
                    lo: (0, p),
                    hi: (0, p),
                    last: (0, p),
                });
            }
        }
    }

    /// How a position falls in a pixel column.
    pub fn column(&self) -> &F {
        &self.column
    }

    /// The points kept of the run.
    pub fn finish(mut self) -> Vec<(f64, f64)> {
        self.flush();
        self.kept
    }

    /// Keeps the first, min, max and last points of the column read, each once, in order.
    fn flush(&mut self) {
        let Some(c) = self.current.take() else {
            return;
        };
        let (a, b) = if c.lo.0 <= c.hi.0 {
            (c.lo, c.hi)
        } else {
            (c.hi, c.lo)
        };
        let mut last_pick = None;
        for (i, p) in [(0, c.first), a, b, c.last] {
            if last_pick != Some(i) {
                self.kept.push(p);
                last_pick = Some(i);
            }
        }
    }
}

/// True when a run of `points` has more points than the `columns` pixel columns it can
/// span, so that decimation removes points and per-point decoration (markers, dash
/// patterns) could no longer be told apart anyway.
pub fn is_dense(points: usize, columns: i64) -> bool {
    points as i64 > columns.max(1)
}

/// Filled rectangles `[left, right, top, bottom]` in whole pixels, drawn one after another
/// in one colour, with as few rectangles as cover the same pixels: consecutive rectangles
/// over the same pixel columns whose rows overlap or touch become one, and rectangles
/// without width or height (which draw nothing) are left out. Bars standing on one
/// baseline always overlap, so a series of bars keeps at most about two rectangles per
/// pixel column however many values fall in it.
pub fn merge_rects(rects: impl IntoIterator<Item = [i32; 4]>) -> Vec<[i32; 4]> {
    let mut merged: Vec<[i32; 4]> = Vec::new();
    for [left, right, top, bottom] in rects {
        if left >= right || top >= bottom {
            continue;
        }
        match merged.last_mut() {
            Some(last)
                if last[0] == left && last[1] == right && top <= last[3] && last[2] <= bottom =>
            {
                last[2] = last[2].min(top);
                last[3] = last[3].max(bottom);
            }
            _ => merged.push([left, right, top, bottom]),
        }
    }
    merged
}

/// The pixel column of whole-number positions (months), asked in increasing order, with
/// few calls to the mapping: when a position's column is found, so is the first whole
/// number past it in another column (by doubling, then halving), and positions before
/// that are answered without the mapping. A million months over a few hundred columns
/// then take a few thousand calls instead of a million. Exact for any `column` that never
/// decreases; a position that is not a whole number, or before the last one found, is
/// mapped as asked.
pub struct ColumnWalk<F> {
    column: F,
    /// Whole numbers `from..until` all fall in `col`.
    known: std::cell::Cell<Option<(f64, f64, i64)>>,
}

impl<F: Fn(f64) -> i64> ColumnWalk<F> {
    pub fn new(column: F) -> Self {
        ColumnWalk {
            column,
            known: std::cell::Cell::new(None),
        }
    }

    /// The column of `x`, as `column(x)` gives it.
    pub fn of(&self, x: f64) -> i64 {
        if let Some((from, until, col)) = self.known.get() {
            if x >= from && x < until && x.fract() == 0.0 {
                return col;
            }
        }
        let col = (self.column)(x);
        if x.fract() != 0.0 || x.abs() >= 2f64.powi(52) {
            return col;
        }
        // The last whole number known to be in `col`, and one known to be past it.
        let (mut inside, mut past) = (x, None);
        let mut step = 1.0;
        for _ in 0..52 {
            let probe = x + step;
            if (self.column)(probe) == col {
                inside = probe;
                step *= 2.0;
            } else {
                past = Some(probe);
                break;
            }
        }
        if let Some(mut past) = past {
            while past - inside > 1.0 {
                let mid = inside + ((past - inside) / 2.0).floor();
                if (self.column)(mid) == col {
                    inside = mid;
                } else {
                    past = mid;
                }
            }
            self.known.set(Some((x, past, col)));
        }
        col
    }

    /// The last whole number in the column of whole number `x` (`None`: none found within
    /// 2^52 of `x`).
    fn last_in_column(&self, x: f64) -> Option<f64> {
        let col = self.of(x);
        match self.known.get() {
            Some((from, until, c)) if c == col && x >= from && x < until => Some(until - 1.0),
            _ => None,
        }
    }
}

/// How many pixel columns (`column`) positions `a` to `b` span.
pub fn columns_spanned(column: impl Fn(f64) -> i64, a: f64, b: f64) -> i64 {
    (column(b) - column(a)).abs() + 1
}

/// A stretch of a run's steps as [`run_steps_m4`] gives it: the points [`M4`] keeps of its
/// corners, and how many corners it has.
pub type RunStretch = (Vec<(f64, f64)>, usize);

/// [`M4`] of the corners of a monthly run's steps, read from its numbers a pixel column at
/// a time instead of a corner at a time: `numbers` are one per month from month `first`
/// (NaN: a gap), each drawn at `number × scale` from its month to the next. Each stretch
/// without a gap is one run of steps, whose corners are (m, y of m−1) then (m, y of m) at
/// each month m (the first and last month have one), as `chart::step_runs` makes them.
/// The same points, in the same order and with the same ties, as pushing those corners
/// into [`M4`] one by one (with `walk`'s columns): a column's first and last corners are
/// read from where it starts and ends, and its lowest and highest from the numbers in it
/// (a value's first corner comes first, so the earliest of equals is its month's).
pub fn run_steps_m4<F: Fn(f64) -> i64>(
    numbers: &[f64],
    first: i64,
    scale: f64,
    walk: &ColumnWalk<F>,
) -> Vec<RunStretch> {
    let mut stretches = Vec::new();
    let mut s = 0;
    while s < numbers.len() {
        if numbers[s].is_nan() {
            s += 1;
            continue;
        }
        let e = s + numbers[s..].iter().take_while(|v| !v.is_nan()).count();
        // The value of month m, and the stretch's first and last corner positions.
        let y = |m: i64| numbers[(m - first) as usize] * scale;
        let (xs, xe) = (first + s as i64, first + e as i64);
        let mut kept = Vec::new();
        let mut a = xs;
        while a <= xe {
            let b = walk
                .last_in_column(a as f64)
                .map_or(xe, |l| (l as i64).clamp(a, xe));
            // The column's corners, in order: (x, y(x−1)) for x > xs, then (x, y(x)) for
            // x < xe, for x from a to b; numbered from 0.
            let off = i64::from(a > xs);
            let first_corner = if a > xs { (a, y(a - 1)) } else { (a, y(a)) };
            let last_corner = if b < xe {
                (off + 2 * (b - a), (b, y(b)))
            } else {
                (off + 2 * (b - a) - 1, (b, y(b - 1)))
            };
            let mut lo = (0, first_corner);
            let mut hi = lo;
            for m in a..=b.min(xe - 1) {
                let v = y(m);
                let i = off + 2 * (m - a);
                if v < lo.1 .1 {
                    lo = (i, (m, v));
                }
                if v > hi.1 .1 {
                    hi = (i, (m, v));
                }
            }
            let (p, q) = if lo.0 <= hi.0 { (lo, hi) } else { (hi, lo) };
            let mut last_pick = None;
            for (i, (x, v)) in [(0, first_corner), p, q, last_corner] {
                if last_pick != Some(i) {
                    kept.push((x as f64, v));
                    last_pick = Some(i);
                }
            }
            a = b + 1;
        }
        stretches.push((kept, 2 * (e - s)));
        s = e;
    }
    stretches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_keeps_first_min_max_last_in_order() {
        let pts = [(0.1, 5.0), (0.2, 9.0), (0.3, 1.0), (0.4, 7.0), (0.5, 3.0)];
        assert_eq!(
            m4(&pts, |x| x as i64),
            vec![(0.1, 5.0), (0.2, 9.0), (0.3, 1.0), (0.5, 3.0)]
        );
    }

    #[test]
    fn coinciding_picks_are_kept_once() {
        let pts = [(0.0, 1.0), (0.5, 2.0)];
        assert_eq!(m4(&pts, |x| x as i64), pts.to_vec());
        assert_eq!(m4(&[(3.0, 4.0)], |x| x as i64), vec![(3.0, 4.0)]);
        assert_eq!(m4(&[], |x| x as i64), vec![]);
    }

    #[test]
    fn a_column_walk_answers_as_the_mapping_does_with_fewer_calls() {
        // The time axis' mapping (chart::axis::MonthAxis): months start..end over pixels.
        let axis = |start: f64, end: f64, pixels: (i32, i32)| {
            move |x: f64| {
                let t = (x - start) / (end - start);
                (pixels.0 as f64 + t * (pixels.1 - pixels.0) as f64).round() as i64
            }
        };
        for (start, end, pixels) in [
            (24012.0, 124012.0, (58, 679)), // 160 months a column
            (24012.0, 24112.0, (58, 679)),  // 6 columns a month
            (-500.0, 4321.0, (3, 900)),     // 5.4 months a column, from before zero
            (0.0, 7.0, (0, 3)),
        ] {
            let map = axis(start, end, pixels);
            let calls = std::cell::Cell::new(0);
            let counted = |x: f64| {
                calls.set(calls.get() + 1);
                map(x)
            };
            let walk = ColumnWalk::new(counted);
            let months: Vec<f64> = (start as i64 - 3..end as i64 + 3)
                .map(|m| m as f64)
                .collect();
            for &m in &months {
                // Each month asked twice, as a run of steps does (two corners share it).
                assert_eq!(walk.of(m), map(m), "{m} of {start}..{end}");
                assert_eq!(walk.of(m), map(m), "{m} again");
            }
            let columns = (pixels.1 - pixels.0) as usize;
            if months.len() > 10 * columns {
                assert!(
                    calls.get() < months.len() / 4,
                    "{} calls for {} months",
                    calls.get(),
                    months.len()
                );
            }
            // Back, and between whole numbers: mapped as asked.
            for x in [start + 2.5, start + 1.0, end - 0.25, start] {
                assert_eq!(walk.of(x), map(x), "{x}");
            }
        }
    }

    #[test]
    fn rects_over_the_same_columns_merge_where_their_rows_meet() {
        let rects = [
            [0, 1, 5, 10], // merges with the next two (overlap, then touch)
            [0, 1, 2, 6],
            [0, 1, 0, 2],
            [0, 1, 12, 14], // same columns, rows apart: kept apart
            [1, 1, 0, 10],  // no width: draws nothing
            [1, 2, 3, 3],   // no height: draws nothing
            [1, 2, 3, 9],
            [0, 1, 13, 20], // same columns as an earlier one, but not consecutive
        ];
        assert_eq!(
            merge_rects(rects),
            vec![[0, 1, 0, 10], [0, 1, 12, 14], [1, 2, 3, 9], [0, 1, 13, 20]]
        );
    }
}
