//! What the page keeps across views of one dataset ([`Kept`]): the measures' derivations,
//! and what views and charts make of values, so that a control change derives and draws
//! only what is new.

use std::sync::{Arc, OnceLock};

use super::facts::Facts;
use crate::chart::Shape;
use crate::checks::disputed_figures;
use crate::dataset::Dataset;
use crate::measures::{Derived, Points, WeakPoints};
use crate::month::Span;
use crate::selection::Selection;
use crate::urlstate::MeasureKind;

/// Kept per loaded dataset, shared by every view made from it (the app keeps one; the
/// dataset must not change meanwhile).
#[derive(Debug, Default)]
pub struct Kept {
    /// Each series' values, per currency.
    pub derived: Derived,
    default_selection: OnceLock<Option<Selection>>,
    disputed: OnceLock<Arc<[(usize, usize)]>>,
    row_spans: OnceLock<RowSpans>,
    /// Shapes drawn lately, by the values they were drawn from and how (the measure, the
    /// display scale's bits, and whether drawn as lines).
    shapes: ByValues<(MeasureKind, u64, bool), Shape>,
    facts: ByValues<(), Facts>,
}

/// Per series: (first source-table row, period) of each figure that cites rows.
pub type RowSpans = Arc<[Vec<(String, Span)>]>;

impl Kept {
    /// [`Selection::default_for`] the dataset, found once.
    pub fn default_selection(&self, d: &Dataset) -> Option<Selection> {
        self.default_selection
            .get_or_init(|| Selection::default_for(d))
            .clone()
    }

    /// [`disputed_figures`] of the dataset, found once.
    pub fn disputed(&self, d: &Dataset) -> Arc<[(usize, usize)]> {
        self.disputed
            .get_or_init(|| disputed_figures(d).into())
            .clone()
    }

    /// For each series of `d`: the first source-table row of each figure that cites rows,
    /// with the figure's period, found once (a monthly run's values cite none: only listed
    /// figures are looked at).
    pub fn row_spans(&self, d: &Dataset) -> RowSpans {
        self.row_spans
            .get_or_init(|| {
                d.series
                    .iter()
                    .map(|s| {
                        s.observations
                            .iter()
                            .filter(|o| !o.rows.is_empty())
                            .map(|o| (o.first_row(), o.span()))
                            .collect()
                    })
                    .collect()
            })
            .clone()
    }

    /// The shape drawn from `points` (`how`: the measure, the display scale's bits, and
    /// whether it is drawn as lines): the one kept for the same values and the same
    /// `how`, or `make`'s, kept from now on.
    pub fn shape(
        &self,
        points: &Points,
        how: (MeasureKind, u64, bool),
        make: impl FnOnce() -> Shape,
    ) -> Arc<Shape> {
        self.shapes.get(points, how, make)
    }

    /// The [`Facts`] of `points`, found once for the same values.
    pub fn facts(&self, points: &Points) -> Arc<Facts> {
        self.facts.get(points, (), || Facts::of(points))
    }

    /// How many shapes and how many [`Facts`] are kept (for tests and probes).
    pub fn kept_counts(&self) -> (usize, usize) {
        (self.shapes.len(), self.facts.len())
    }
}

/// Things made from values, kept by the values' address for as long as the values live
/// elsewhere. An entry holds its values weakly: that keeps their memory allocated, so no
/// other values can have their address while it is kept, without keeping the values
/// alive; an entry whose values have gone (a view's values cut to a range, once the view
/// has gone) is dropped, as no one can ask for it again.
struct ByValues<K, V> {
    entries: std::sync::Mutex<Vec<Entry<K, V>>>,
}

/// The values (weakly held), the key, and what was made of them.
type Entry<K, V> = (WeakPoints, K, Arc<V>);

/// At most how many entries a [`ByValues`] keeps: the series of a few views (the oldest
/// go first).
const BY_VALUES_KEPT: usize = 48;

impl<K, V> Default for ByValues<K, V> {
    fn default() -> Self {
        ByValues {
            entries: Default::default(),
        }
    }
}

impl<K, V> std::fmt::Debug for ByValues<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ByValues({} kept)", self.len())
    }
}

impl<K, V> ByValues<K, V> {
    fn len(&self) -> usize {
        self.entries.lock().map(|e| e.len()).unwrap_or(0)
    }
}

impl<K: PartialEq, V> ByValues<K, V> {
    /// The value kept for `points` and `key`, or `make`'s, kept from now on.
    fn get(&self, points: &Points, key: K, make: impl FnOnce() -> V) -> Arc<V> {
        let found = self.entries.lock().ok().and_then(|kept| {
            kept.iter()
                .find(|(p, k, _)| p.is(points) && *k == key)
                .map(|(_, _, v)| v.clone())
        });
        if let Some(v) = found {
            return v;
        }
        let v = Arc::new(make());
        if let Ok(mut kept) = self.entries.lock() {
            kept.retain(|(p, _, _)| p.alive());
            if kept.len() >= BY_VALUES_KEPT {
                kept.remove(0);
            }
            kept.push((points.downgrade(), key, v.clone()));
        }
        v
    }
}
