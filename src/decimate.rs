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
    let mut kept = Vec::with_capacity(points.len().min(4 * 4096));
    let mut start = 0;
    while start < points.len() {
        let col = column(points[start].0);
        let mut end = start + 1;
        while end < points.len() && column(points[end].0) == col {
            end += 1;
        }
        keep_column(&points[start..end], &mut kept);
        start = end;
    }
    kept
}

/// Pushes the first, min, max and last points of one column's run, each once, in order.
fn keep_column(run: &[(f64, f64)], kept: &mut Vec<(f64, f64)>) {
    let (mut lo, mut hi) = (0, 0);
    for (i, p) in run.iter().enumerate() {
        if p.1 < run[lo].1 {
            lo = i;
        }
        if p.1 > run[hi].1 {
            hi = i;
        }
    }
    let mut picks = [0, lo.min(hi), lo.max(hi), run.len() - 1];
    picks.sort_unstable();
    let mut last_pick = None;
    for i in picks {
        if last_pick != Some(i) {
            kept.push(run[i]);
            last_pick = Some(i);
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
