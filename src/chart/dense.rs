//! A dense line (more points than pixel columns) as path data: one vertical stroke per
//! pixel column and the strokes between columns that the columns' own do not cover, in
//! pieces a browser rasters tile by tile, each covering the same pixels as the polyline.

/// Pixel columns a piece of a dense line's path spans at least before it ends (see
/// [`columns_path`]).
pub const PIECE_COLUMNS: i32 = 64;

/// The path data (`d`) of a polyline through `points` (whole pixels) drawn with round
/// joins and caps, as one vertical stroke per run of consecutive points on the same pixel
/// column and one straight stroke from each such run's last point to the next one's first;
/// in pieces, each its own path, of at least `piece_columns` columns where the line allows.
///
/// The same pixels: a polyline stroked with round joins and caps covers exactly the points
/// within half the stroke's width of one of its segments, whatever the joins between
/// them, so it is the union of its segments each stroked alone with round caps. The
/// segments between consecutive points of one column are all on that column and, joined,
/// cover from its lowest point to its highest: one vertical stroke covers the same. A
/// column of one point is already an end of the strokes from and to it; only a polyline
/// of one column keeps it (a dot when it is one point). The strokes from and to such a
/// column are one stroke joined there, as in the polyline: a round join and two round
/// ends cover the same points, but a rasteriser draws them as different curves, and a
/// steep line's edge would differ by a sample in a few pixels.
///
/// A stroke from one column to the next is left out when the two columns' strokes
/// already cover it (most of them, in a dense line): when the columns are at most two
/// pixels apart and both its ends are at least a pixel inside the heights both columns
/// span. Every point it covers is then within a pixel (half the 2-pixel width) of a
/// height both columns span, and so within a pixel of one column's stroke: such a point
/// is at most a pixel to the left of the first column, right of the second, or between
/// them, no more than a pixel from one of them. Fewer strokes are less for the browser
/// to raster (a third less time to the frame after a change, at 1e6).
///
/// Between neighbouring columns (one pixel apart) an end may also lie on the edge of the
/// heights both span, `[l, h]`, on a side where one column reaches past the other. Say
/// both ends are in `[l, h]` and a point q is within a pixel of the stroke at s. If q's
/// height is in `[l, h]`, q is within a pixel of a column, as above. If q is below `l`
/// (the other side is the same), it is at most a pixel below (s is not below `l`), and
/// when one column reaches a pixel or more below `l`, q is within a pixel of it if q is
/// on its side of the other column, and otherwise within a pixel of the other column's
/// end at `l`: that end is between q and s both across and up, so no farther from q than
/// s is. When both columns end at `l`, a stroke along `l` covers the dip between their
/// round ends (a tenth of a pixel deep), and stays.
///
/// Pieces. A browser rasters a page in tiles, and strokes a path whole on every tile its
/// bounds reach: a chart of ten lines over 776 columns took Chromium 45 ms of raster after
/// a change as one path a line, 21 in pieces of about 64 columns. But two paths are not one:
/// where both partly cover a pixel, it is blended twice, darker than where one path covers
/// it. So a piece ends only where every pixel that strokes on both sides reach is fully
/// covered by one of those strokes: such a pixel comes out in the line's colour whether it
/// is blended once or twice, and a pixel only one side reaches is blended once either way
/// (`piece_may_end`). The line must go right (its points in order of columns), so that
/// the strokes within reach of an end are the few on either side of it.
pub fn columns_path(points: &[(i32, i32)], piece_columns: i32) -> Vec<String> {
    use std::fmt::Write as _;
    let strokes = column_strokes(points);
    let rightwards = points.windows(2).all(|w| w[0].0 <= w[1].0);
    let mut pieces = Vec::new();
    let mut d = String::with_capacity(points.len() * 8);
    let mut piece_start = strokes.first().map_or(0, Stroke::left);
    for (k, stroke) in strokes.iter().enumerate() {
        let ((ax, ay), (bx, by)) = (stroke.a, stroke.b);
        // Strokes between columns through a column of one point go on as the polyline
        // does, joined there (a join and two round ends cover the same points, but a
        // rasteriser draws them as different curves); pieces end only between strokes.
        let joined = k > 0 && ax != bx && {
            let previous = strokes[k - 1];
            previous.a.0 != previous.b.0 && previous.b == stroke.a
        };
        if rightwards
            && k > 0
            && !joined
            && stroke.left() - piece_start >= piece_columns
            && piece_may_end(&strokes, k)
        {
            pieces.push(std::mem::take(&mut d));
            piece_start = stroke.left();
        }
        // A column's stroke (from its lowest to its highest); strokes between columns
        // join different columns.
        let _ = if ax == bx {
            write!(d, "M{ax},{ay}V{by}")
        } else if joined {
            write!(d, "L{bx},{by}")
        } else {
            write!(d, "M{ax},{ay}L{bx},{by}")
        };
    }
    pieces.push(d);
    pieces
}

/// One straight stroke of a dense line's path, between whole pixels: a column's, from its
/// lowest to its highest, or one between columns.
#[derive(Clone, Copy, Debug)]
struct Stroke {
    a: (i32, i32),
    b: (i32, i32),
}

impl Stroke {
    fn left(&self) -> i32 {
        self.a.0.min(self.b.0)
    }

    fn right(&self) -> i32 {
        self.a.0.max(self.b.0)
    }

    /// Whether the stroke (the points within a pixel of its segment) shares any area with
    /// the pixel whose top left corner is `(i, j)`: whether the segment comes nearer than
    /// a pixel to the pixel's square. Exact, in whole numbers: the nearest points of a
    /// segment and a square apart are a corner of the square or an end of the segment, and
    /// an end (a whole pixel) nearer than a pixel to the square is one of its corners; a
    /// segment crossing the square passes within half a diagonal of a corner, or ends inside.
    fn reaches(&self, i: i32, j: i32) -> bool {
        corners(i, j).iter().any(|&c| self.nearer_than_a_pixel(c))
    }

    /// Whether the stroke covers the whole pixel at `(i, j)`: all four corners within the
    /// straight part of the stroke (a rectangle, convex), not counting its round ends,
    /// which a rasteriser draws as curves of its own making.
    fn covers(&self, i: i32, j: i32) -> bool {
        corners(i, j).iter().all(|&c| self.within_straight_part(c))
    }

    /// Whether the point `c` is strictly nearer to the segment than a pixel.
    fn nearer_than_a_pixel(&self, c: (i64, i64)) -> bool {
        let (v, w, length, along) = self.toward(c);
        let (numerator, denominator) = if length == 0 || along <= 0 {
            (w.0 * w.0 + w.1 * w.1, 1)
        } else if along >= length {
            ((w.0 - v.0).pow(2) + (w.1 - v.1).pow(2), 1)
        } else {
            ((v.0 * w.1 - v.1 * w.0).pow(2), length)
        };
        numerator < denominator
    }

    /// Whether the point `c` is within the straight part of the stroke: across from the
    /// segment, and no farther from it than a pixel.
    fn within_straight_part(&self, c: (i64, i64)) -> bool {
        let (v, w, length, along) = self.toward(c);
        let across = v.0 * w.1 - v.1 * w.0;
        length > 0 && (0..=length).contains(&along) && across * across <= length
    }

    /// The segment `v`, the point `c` from its start `w`, the segment's squared length
    /// and `w`'s length along it times the segment's.
    fn toward(&self, (cx, cy): (i64, i64)) -> ((i64, i64), (i64, i64), i64, i64) {
        let ((ax, ay), (bx, by)) = (wide(self.a), wide(self.b));
        let (v, w) = ((bx - ax, by - ay), (cx - ax, cy - ay));
        (v, w, v.0 * v.0 + v.1 * v.1, v.0 * w.0 + v.1 * w.1)
    }
}

/// The corners of the pixel whose top left corner is `(i, j)`.
fn corners(i: i32, j: i32) -> [(i64, i64); 4] {
    let (i, j) = (i64::from(i), i64::from(j));
    [(i, j), (i + 1, j), (i, j + 1), (i + 1, j + 1)]
}

fn wide((x, y): (i32, i32)) -> (i64, i64) {
    (i64::from(x), i64::from(y))
}

/// The strokes of [`columns_path`], in order: for each column, the stroke into it (unless
/// the columns' own cover it) and its own (unless it is one point).
fn column_strokes(points: &[(i32, i32)]) -> Vec<Stroke> {
    let mut strokes = Vec::with_capacity(points.len());
    let mut i = 0;
    // The previous column: its position, lowest and highest, and last point.
    let mut previous: Option<(i32, i32, i32, (i32, i32))> = None;
    while i < points.len() {
        let x = points[i].0;
        let first = points[i];
        let (mut lo, mut hi) = (first.1, first.1);
        let mut j = i;
        while j < points.len() && points[j].0 == x {
            lo = lo.min(points[j].1);
            hi = hi.max(points[j].1);
            j += 1;
        }
        if let Some((px, plo, phi, last)) = previous {
            let (both_lo, both_hi) = (plo.max(lo), phi.min(hi));
            let (low, high) = (last.1.min(first.1), last.1.max(first.1));
            let covered = match (x - px).abs() {
                1 => {
                    both_lo <= low
                        && high <= both_hi
                        && (both_lo < low || plo != lo)
                        && (high < both_hi || phi != hi)
                }
                2 => both_lo < low && high < both_hi,
                _ => false,
            };
            if !covered {
                strokes.push(Stroke { a: last, b: first });
            }
        }
        let alone = i == 0 && j == points.len();
        if lo < hi || alone {
            strokes.push(Stroke {
                a: (x, lo),
                b: (x, hi),
            });
        }
        previous = Some((x, lo, hi, points[j - 1]));
        i = j;
    }
    strokes
}

/// Whether a piece may end before `strokes[k]` (of a line going right): whether every pixel
/// that strokes on both sides reach is covered whole by one stroke. The strokes before
/// reach no further right than the pixel starting at the rightmost of them, those after no
/// further left than the pixel ending at the leftmost (the line goes right, so these are
/// the last stroke before and the first after); only the pixels between, and the strokes
/// that reach them, are looked at.
fn piece_may_end(strokes: &[Stroke], k: usize) -> bool {
    let (before, after) = strokes.split_at(k);
    let (Some(last), Some(first)) = (before.last(), after.first()) else {
        return false;
    };
    // Pixel columns (by their left edge) both sides may reach: a stroke reaches from the
    // column left of its leftmost point to the one right of its rightmost (which starts at
    // that point), and the same for rows.
    let (from, to) = (first.left() - 1, last.right());
    // The strokes that may reach them: the last ones before, the first ones after.
    let near_before = &before[before
        .iter()
        .rposition(|s| s.right() < from)
        .map_or(0, |p| p + 1)..];
    let near_after = &after[..after
        .iter()
        .position(|s| s.left() - 1 > to)
        .unwrap_or(after.len())];
    let rows = |strokes: &[Stroke]| {
        let ys = strokes.iter().flat_map(|s| [s.a.1, s.b.1]);
        ys.fold((i32::MAX, i32::MIN), |(t, b), y| (t.min(y), b.max(y)))
    };
    let ((top_before, bottom_before), (top_after, bottom_after)) =
        (rows(near_before), rows(near_after));
    let (top, bottom) = (top_before.max(top_after), bottom_before.min(bottom_after));
    (from..=to).all(|i| {
        (top - 1..=bottom).all(|j| {
            !(near_before.iter().any(|s| s.reaches(i, j))
                && near_after.iter().any(|s| s.reaches(i, j)))
                || near_before.iter().chain(near_after).any(|s| s.covers(i, j))
        })
    })
}
