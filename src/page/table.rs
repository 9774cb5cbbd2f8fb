//! The data table: one row per value of the page (drawn or not), ordered by a column and
//! put in words only for the rows asked for, so that the first page of a million values is
//! a selection, not a sort and a wording of all of them.

use super::{Page, SourceLink, ValueKind};
use crate::measures::How;
use crate::month::Month;

/// One table row.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub period: String,
    /// Sort key of the period (first month index, last month index).
    pub period_key: (i64, i64),
    pub series: String,
    pub value: String,
    /// Numeric value for sorting (display units).
    pub number: f64,
    pub provenance: String,
    pub caveat: Option<String>,
    pub sources: Vec<SourceLink>,
    pub drawn: bool,
    /// Source-table rows added and subtracted to get the value, when it is exact
    /// arithmetic on published figures (empty for converted or computed values).
    pub plus: Vec<String>,
    pub minus: Vec<String>,
    /// The value was divided by this many months (average per month).
    pub months: i64,
}

/// Rows behind an exact value: (plus, minus, divisor); `None` when conversion or other
/// computation is involved.
fn exact_rows(how: &How) -> Option<(Vec<String>, Vec<String>, i64)> {
    match how {
        How::Official { rows } => Some((rows.clone(), vec![], 1)),
        How::Derived { plus, minus } => Some((plus.clone(), minus.clone(), 1)),
        How::PerMonth { inner, months } => exact_rows(inner).map(|(p, m, _)| (p, m, *months)),
        How::Converted { .. } | How::Computed { .. } => None,
    }
}

/// Of `n` values in order of `period`, those that can be among the first `limit` rows
/// (`ascending`) or the last: the first or last `limit`, and the values of the edge's
/// period beyond them (equal periods go by index, first first, either way).
fn first_in_order<P: PartialEq>(
    n: usize,
    limit: usize,
    ascending: bool,
    period: impl Fn(usize) -> P,
) -> std::ops::Range<usize> {
    if limit >= n {
        return 0..n;
    }
    if ascending {
        let (edge, mut end) = (period(limit - 1), limit);
        while end < n && period(end) == edge {
            end += 1;
        }
        0..end
    } else {
        let (edge, mut start) = (period(n - limit), n - limit);
        while start > 0 && period(start - 1) == edge {
            start -= 1;
        }
        start..n
    }
}

/// A table row as the table's order compares it.
#[derive(Debug, Clone, Copy)]
struct RowKey {
    first: Month,
    last: Month,
    value: f64,
    /// The rank of the series' label.
    rank: usize,
    /// (series, value index).
    key: (usize, usize),
}

impl Page {
    /// How many rows the table has: one per value, drawn or not.
    pub fn row_count(&self) -> usize {
        self.series.iter().map(|s| s.points.len()).sum()
    }

    /// The first `limit` of the table's rows in order, as (series, value index), sorted by
    /// `column` (0 period, 1 partner, 2 value), ascending or not; ties keep the order of
    /// the series and their values. Only the rows asked for are sorted and held: the first
    /// page of a million values is a selection, not a sort of all of them. By period or
    /// partner, only the first (or last) `limit` values of each series in time order can
    /// be among them, so only those are looked at.
    pub fn row_order(&self, column: usize, ascending: bool, limit: usize) -> Vec<(usize, usize)> {
        if limit == 0 {
            return Vec::new();
        }
        // A series' label ranked by how many labels come before it (equal labels share a
        // rank): rows then compare by numbers. A few series: no sort needed.
        let rank: Vec<usize> = self
            .series
            .iter()
            .map(|a| self.series.iter().filter(|b| b.label < a.label).count())
            .collect();
        let row = |i: usize, j: usize| {
            let p = self.series[i].points.brief(j);
            RowKey {
                first: p.span.first,
                last: p.span.last,
                value: p.value,
                rank: rank[i],
                key: (i, j),
            }
        };
        let order = |a: &RowKey, b: &RowKey| {
            let o = match column {
                1 => (a.rank, a.first, a.last).cmp(&(b.rank, b.first, b.last)),
                2 => a.value.total_cmp(&b.value),
                _ => (a.last, a.first, a.rank).cmp(&(b.last, b.first, b.rank)),
            };
            let o = if ascending { o } else { o.reverse() };
            o.then(a.key.cmp(&b.key))
        };
        // The values of series `i` that can be among the first rows.
        let candidates = |i: usize| -> std::ops::Range<usize> {
            let points = &self.series[i].points;
            let n = points.len();
            if column == 2 || limit >= n {
                return 0..n;
            }
            let period = |j: usize| {
                let p = points.brief(j).span;
                if column == 1 {
                    (p.first, p.last)
                } else {
                    (p.last, p.first)
                }
            };
            if !points.is_run() && !(1..n).all(|j| period(j - 1) <= period(j)) {
                return 0..n;
            }
            first_in_order(n, limit, ascending, period)
        };
        // The first `limit` so far, among at most twice as many: cut back to `limit` each
        // time the room is full (linear in the number of rows, whatever `limit` is).
        let room = limit.saturating_mul(2);
        let mut keys = Vec::with_capacity(room.min(self.row_count()));
        for i in 0..self.series.len() {
            for j in candidates(i) {
                keys.push(row(i, j));
                if keys.len() == room {
                    keys.select_nth_unstable_by(limit - 1, order);
                    keys.truncate(limit);
                }
            }
        }
        if limit < keys.len() {
            keys.select_nth_unstable_by(limit - 1, order);
            keys.truncate(limit);
        }
        crate::sorting::sort_by(&mut keys, order);
        keys.into_iter().map(|r| r.key).collect()
    }

    /// Table row `(series, value index)` in words.
    pub fn row(&self, (i, j): (usize, usize)) -> TableRow {
        let s = &self.series[i];
        let p = s.points.at(j);
        let w = &self.wording;
        let exact = match w.kind {
            ValueKind::Money { .. } if !p.approx => exact_rows(&p.how),
            _ => None,
        };
        let (plus, minus, months) = exact.unwrap_or((Vec::new(), Vec::new(), 1));
        TableRow {
            period: p.span.label_in(w.lang),
            period_key: (p.span.first.index(), p.span.last.index()),
            series: s.label.clone(),
            value: w.value_text(&p),
            number: p.value * w.display_scale(),
            provenance: w.provenance(&p),
            caveat: p.caveat.as_ref().map(|c| c.text(w.lang)),
            sources: self.links(&p.sources),
            drawn: p.drawable,
            plus,
            minus,
            months,
        }
    }

    /// Every table row, in the order of the series and their values.
    pub fn rows(&self) -> Vec<TableRow> {
        self.row_keys().map(|k| self.row(k)).collect()
    }

    /// Every value as (series, value index), in the order of the series and their values.
    fn row_keys(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.series
            .iter()
            .enumerate()
            .flat_map(|(i, s)| (0..s.points.len()).map(move |j| (i, j)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_rows_of_a_series_in_order_take_in_their_edges_ties() {
        let periods = [1, 2, 2, 2, 3, 4, 4, 5];
        let at = |j: usize| periods[j];
        assert_eq!(first_in_order(8, 1, true, at), 0..1);
        assert_eq!(
            first_in_order(8, 2, true, at),
            0..4,
            "the 2s after the edge"
        );
        assert_eq!(first_in_order(8, 5, true, at), 0..5);
        assert_eq!(first_in_order(8, 6, true, at), 0..7, "the 4 after the edge");
        assert_eq!(first_in_order(8, 1, false, at), 7..8);
        assert_eq!(
            first_in_order(8, 2, false, at),
            5..8,
            "the 4 before the edge"
        );
        assert_eq!(
            first_in_order(8, 5, false, at),
            1..8,
            "the 2s before the edge"
        );
        assert_eq!(first_in_order(8, 6, false, at), 1..8);
        assert_eq!(first_in_order(8, 8, false, at), 0..8);
        assert_eq!(first_in_order(8, 9, true, at), 0..8);
    }
}
