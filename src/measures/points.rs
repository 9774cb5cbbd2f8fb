//! A series' values for a view, in time order: a list of [`Point`]s, or the numbers of a
//! monthly run read as points.
//!
//! A monthly run's values differ only in month and number: each is its month's official
//! figure, with the run's sources and resolution. Kept as the run itself (shared with the
//! dataset), a million values take no room of their own; a point is made when one is
//! read ([`Points::get`], [`Points::iter`]), and what drawing and searching need (a
//! value's period, number and whether it is drawn) is read without making one.

use super::point::{How, Point, Sources};
use crate::dataset::{MonthlyRun, RunSlice};
use crate::month::Span;
use std::borrow::Cow;
use std::sync::{Arc, Weak};

/// Values in time order (see the module's documentation). Cloning shares them.
#[derive(Clone)]
pub struct Points(Inner);

#[derive(Clone)]
enum Inner {
    Listed(Arc<[Point]>),
    /// Values `lo..hi` of a run's values (its `null`s are none).
    Run {
        values: Arc<RunValues>,
        lo: usize,
        hi: usize,
    },
}

/// A monthly run's values as points.
struct RunValues {
    run: Arc<MonthlyRun>,
    /// The run's index of each value, when the run has `null`s (none: value `j` is the
    /// run's `j`).
    at: Option<Box<[u32]>>,
}

/// What drawing and searching read of a value, without making its point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Brief {
    pub span: Span,
    pub value: f64,
    pub drawable: bool,
}

impl Points {
    /// Every value of `run`, each its month's official figure.
    pub fn of_run(run: Arc<MonthlyRun>) -> Points {
        let at = run.values.iter().any(|v| v.is_none()).then(|| {
            let at: Box<[u32]> = (0..run.values.len())
                .filter(|&k| run.values.get(k).flatten().is_some())
                .map(|k| u32::try_from(k).expect("a run of fewer than 2³² months"))
                .collect();
            at
        });
        let hi = at.as_ref().map_or(run.values.len(), |at| at.len());
        Points(Inner::Run {
            values: Arc::new(RunValues { run, at }),
            lo: 0,
            hi,
        })
    }

    /// Whether these are a monthly run's values (single months, all drawn).
    pub fn is_run(&self) -> bool {
        matches!(self.0, Inner::Run { .. })
    }

    /// How many values.
    pub fn len(&self) -> usize {
        match &self.0 {
            Inner::Listed(points) => points.len(),
            Inner::Run { lo, hi, .. } => hi - lo,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// For a run's values (`None` for listed ones): the index of the highest, the last of
    /// equals in the order [`f64::total_cmp`] gives (`None` when there are no values),
    /// read from the run's numbers without placing a value.
    pub fn run_highest(&self) -> Option<Option<usize>> {
        let (_, numbers) = self.run_numbers()?;
        let mut best: Option<(usize, f64)> = None;
        // Value j is the j-th number that is not a gap.
        for (j, v) in numbers.iter().filter(|v| !v.is_nan()).enumerate() {
            if best.is_none_or(|(_, b)| v.total_cmp(&b).is_ge()) {
                best = Some((j, v));
            }
        }
        Some(best.map(|(j, _)| j))
    }

    /// For a run's values (`None` for listed ones): the month of the first value and the
    /// run's numbers from the first value to the last, a gap as NaN.
    pub fn run_numbers(&self) -> Option<(i64, RunSlice<'_>)> {
        let Inner::Run { values, lo, hi } = &self.0 else {
            return None;
        };
        let start = values.run.first.index();
        if lo >= hi {
            return Some((start, RunSlice::Full(&[])));
        }
        let (first, last) = (values.k(*lo), values.k(hi - 1));
        let numbers = values.run.values.all().between(first, last);
        Some((start + first as i64, numbers))
    }

    /// Whether any value spans more than one month. A run's never does (one value per
    /// month), so it is answered without reading the run.
    pub fn any_multi_month(&self) -> bool {
        match &self.0 {
            Inner::Listed(points) => points.iter().any(|p| p.span.len() > 1),
            Inner::Run { .. } => false,
        }
    }

    /// Value `j` as a point (made, for a run's value).
    pub fn get(&self, j: usize) -> Option<Cow<'_, Point>> {
        match &self.0 {
            Inner::Listed(points) => points.get(j).map(Cow::Borrowed),
            Inner::Run { values, lo, hi } => {
                (j < hi - lo).then(|| Cow::Owned(values.point(lo + j)))
            }
        }
    }

    /// Value `j` as a point.
    ///
    /// # Panics
    /// When `j` is past the values.
    pub fn at(&self, j: usize) -> Cow<'_, Point> {
        self.get(j).expect("a value's index")
    }

    /// Value `j`'s period, number and whether it is drawn.
    ///
    /// # Panics
    /// When `j` is past the values.
    pub fn brief(&self, j: usize) -> Brief {
        match &self.0 {
            Inner::Listed(points) => {
                let p = &points[j];
                Brief {
                    span: p.span,
                    value: p.value,
                    drawable: p.drawable,
                }
            }
            Inner::Run { values, lo, hi } => {
                assert!(j < hi - lo, "a value's index");
                values.brief(lo + j)
            }
        }
    }

    /// Whether value `j` is drawn (a run's always are).
    ///
    /// # Panics
    /// When `j` is past the values.
    pub fn drawable(&self, j: usize) -> bool {
        match &self.0 {
            Inner::Listed(points) => points[j].drawable,
            Inner::Run { lo, hi, .. } => {
                assert!(j < hi - lo, "a value's index");
                true
            }
        }
    }

    /// Value `j`'s first and last month as month indices ([`crate::month::Month::index`])
    /// and its number: what drawing and placing it need, read without making its months.
    ///
    /// # Panics
    /// When `j` is past the values.
    pub fn placed(&self, j: usize) -> (i64, i64, f64) {
        match &self.0 {
            Inner::Listed(points) => {
                let p = &points[j];
                (p.span.first.index(), p.span.last.index(), p.value)
            }
            Inner::Run { values, lo, hi } => {
                assert!(j < hi - lo, "a value's index");
                let k = values.k(lo + j);
                let month = values.run.first.index() + k as i64;
                (
                    month,
                    month,
                    values
                        .run
                        .values
                        .get(k)
                        .flatten()
                        .expect("a value, not a null"),
                )
            }
        }
    }

    /// The ids of value `j`'s sources.
    ///
    /// # Panics
    /// When `j` is past the values.
    pub fn sources(&self, j: usize) -> &Sources {
        match &self.0 {
            Inner::Listed(points) => &points[j].sources,
            Inner::Run { values, lo, hi } => {
                assert!(j < hi - lo, "a value's index");
                &values.run.sources
            }
        }
    }

    /// Every value as a point, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Cow<'_, Point>> + ExactSizeIterator {
        (0..self.len()).map(|j| self.at(j))
    }

    /// Every value's [`Brief`], in order.
    pub fn briefs(&self) -> impl DoubleEndedIterator<Item = Brief> + ExactSizeIterator + '_ {
        (0..self.len()).map(|j| self.brief(j))
    }

    /// The values as a slice of points: borrowed from a list, made for a run.
    pub fn as_slice(&self) -> Cow<'_, [Point]> {
        match &self.0 {
            Inner::Listed(points) => Cow::Borrowed(points),
            Inner::Run { .. } => Cow::Owned(self.to_vec()),
        }
    }

    /// The values as points of their own.
    pub fn to_vec(&self) -> Vec<Point> {
        self.iter().map(Cow::into_owned).collect()
    }

    /// The values whose last month is within `from..=to`. A run's values stay shared (they
    /// are consecutive months, so the ones inside are one stretch).
    pub fn within(&self, from: crate::month::Month, to: crate::month::Month) -> Points {
        let inside = |span: Span| span.last >= from && span.last <= to;
        match &self.0 {
            Inner::Listed(points) => Points(Inner::Listed(
                points.iter().filter(|p| inside(p.span)).cloned().collect(),
            )),
            Inner::Run { values, lo, hi } => {
                let before = |j: usize| values.brief(j).span.last < from;
                let up_to = |j: usize| values.brief(j).span.last <= to;
                let start = lo + partition_point(*lo, *hi, before);
                let end = lo + partition_point(*lo, *hi, up_to);
                Points(Inner::Run {
                    values: values.clone(),
                    lo: start,
                    hi: end.max(start),
                })
            }
        }
    }

    /// The same values, held weakly (for things kept by the values they were made of).
    pub fn downgrade(&self) -> WeakPoints {
        WeakPoints(match &self.0 {
            Inner::Listed(points) => WeakInner::Listed(Arc::downgrade(points)),
            Inner::Run { values, lo, hi } => WeakInner::Run {
                values: Arc::downgrade(values),
                lo: *lo,
                hi: *hi,
            },
        })
    }
}

/// How many of `lo..hi` come before the first `j` for which `true_before` is false, with
/// `true_before` true for a first stretch and false after it.
fn partition_point(lo: usize, hi: usize, true_before: impl Fn(usize) -> bool) -> usize {
    let (mut a, mut b) = (lo, hi);
    while a < b {
        let mid = a + (b - a) / 2;
        if true_before(mid) {
            a = mid + 1;
        } else {
            b = mid;
        }
    }
    a - lo
}

impl RunValues {
    /// The run's index of value `j`.
    fn k(&self, j: usize) -> usize {
        self.at.as_ref().map_or(j, |at| at[j] as usize)
    }

    fn brief(&self, j: usize) -> Brief {
        let k = self.k(j);
        Brief {
            span: Span::single(self.run.first.offset(k as i64)),
            value: self
                .run
                .values
                .get(k)
                .flatten()
                .expect("a value, not a null"),
            drawable: true,
        }
    }

    /// Value `j` as its point: what a derivation of the run gives for it.
    fn point(&self, j: usize) -> Point {
        let Brief { span, value, .. } = self.brief(j);
        Point {
            span,
            value,
            how: How::Official { rows: Vec::new() },
            sources: self.run.sources.clone(),
            approx: false,
            tolerance: self.run.resolution,
            published_yoy: None,
            caveat: None,
            drawable: true,
        }
    }
}

impl From<Vec<Point>> for Points {
    fn from(points: Vec<Point>) -> Points {
        Points(Inner::Listed(points.into()))
    }
}

impl From<Arc<[Point]>> for Points {
    fn from(points: Arc<[Point]>) -> Points {
        Points(Inner::Listed(points))
    }
}

impl FromIterator<Point> for Points {
    fn from_iter<I: IntoIterator<Item = Point>>(iter: I) -> Points {
        Points(Inner::Listed(iter.into_iter().collect()))
    }
}

impl Default for Points {
    fn default() -> Points {
        Vec::new().into()
    }
}

/// The same values, point by point (however they are kept).
impl PartialEq for Points {
    fn eq(&self, other: &Points) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl std::fmt::Debug for Points {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Inner::Listed(points) => f.debug_list().entries(points.iter()).finish(),
            Inner::Run { lo, hi, .. } => write!(f, "Points(values {lo}..{hi} of a monthly run)"),
        }
    }
}

/// [`Points`] held weakly ([`Points::downgrade`]).
pub struct WeakPoints(WeakInner);

enum WeakInner {
    Listed(Weak<[Point]>),
    Run {
        values: Weak<RunValues>,
        lo: usize,
        hi: usize,
    },
}

impl WeakPoints {
    /// Whether the values are still held somewhere.
    pub fn alive(&self) -> bool {
        match &self.0 {
            WeakInner::Listed(w) => w.strong_count() > 0,
            WeakInner::Run { values, .. } => values.strong_count() > 0,
        }
    }

    /// Whether these are the very values of `points` (the same memory, the same stretch).
    pub fn is(&self, points: &Points) -> bool {
        match (&self.0, &points.0) {
            (WeakInner::Listed(w), Inner::Listed(p)) => {
                std::ptr::addr_eq(w.as_ptr(), Arc::as_ptr(p))
            }
            (
                WeakInner::Run { values, lo, hi },
                Inner::Run {
                    values: v,
                    lo: l,
                    hi: h,
                },
            ) => std::ptr::eq(values.as_ptr(), Arc::as_ptr(v)) && (lo, hi) == (l, h),
            _ => false,
        }
    }
}
