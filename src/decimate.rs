//! Per-pixel min/max decimation of a polyline (M4: Jugel, Jerzak, Hackenbroich and Markl,
//! "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014).
//!
//! A line drawn through many points per pixel column only ever shows, in that column, a
//! vertical stroke from the lowest to the highest point, joined to the neighbouring
//! columns through the column's first and last points. Keeping exactly those four points
//! (first, minimum, maximum, last, in their original order) draws the same pixels with at
//! most four points per column, whatever the number of points. Pure: the caller says which
//! pixel column a position falls in (the same mapping the drawing uses).

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
}
