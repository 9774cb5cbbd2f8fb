//! The measures' cache: what each series yields in each currency, derived once per
//! dataset and shared by every view made from it.

use std::sync::Arc;

use super::money::{money_from, native, points_of, run_only, run_points};
use super::point::{Cut, Point};
use super::points::Points;
use crate::currency::Currency;
use crate::dataset::{Dataset, Flow, Series};
use crate::periods::{derive_with, Derivation};

/// What a series and currency yield, kept per dataset so that a control change derives
/// only what it has not derived before: toggling a partner derives that partner's series
/// (once), switching the chart type or the range derives nothing. Keyed by the series'
/// reporter, flow and partner; the dataset it is used with must not change meanwhile (the
/// app keeps one per loaded dataset). Only measure-level results: what a view or a chart
/// makes of them is kept by the page ([`crate::page::Kept`]).
#[derive(Debug, Default)]
pub struct Derived {
    money: Store<(SeriesKey, Currency, Cut), Points>,
    periods: Store<(SeriesKey, Currency), Arc<Derivation>>,
    /// Derivations of the reporter's own figures (no publisher's conversions), shared by
    /// both cuts of money values.
    native: Store<(SeriesKey, Currency), Arc<Derivation>>,
}

type Store<K, V> = std::sync::Mutex<std::collections::HashMap<K, V>>;

type SeriesKey = (String, Flow, String);

fn key_of(s: &Series) -> SeriesKey {
    (s.reporter.clone(), s.flow, s.partner.clone())
}

impl Derived {
    /// Money values of `s` in `currency` ([`super::money`]), derived once. The values of a
    /// series that is only a monthly run, in its own currency, are the run's numbers (no
    /// point is kept per value).
    pub fn money(&self, d: &Dataset, s: &Series, currency: Currency, cut: Cut) -> Points {
        kept(&self.money, (key_of(s), currency, cut), || {
            match run_only(s) {
                Some(run) if cut == Cut::Periods && run.currency == currency => {
                    Points::of_run(run.clone())
                }
                _ => money_from(
                    d,
                    currency,
                    cut,
                    self.native_points(s, cut, currency),
                    self.native_points(s, cut, currency.other()),
                )
                .into(),
            }
        })
    }

    /// The points of the series' own figures in `currency`. A series that is only a
    /// monthly run needs no derivation kept (its values are its periods): a million values
    /// take their points' room, not twice it.
    fn native_points(&self, s: &Series, cut: Cut, currency: Currency) -> Vec<Point> {
        match run_only(s) {
            Some(run) => run_points(run, cut, currency),
            None => points_of(s, &self.native_derivation(s, currency), cut, currency),
        }
    }

    /// The derivation of `s` from its own figures only (no publisher's conversions).
    fn native_derivation(&self, s: &Series, currency: Currency) -> Arc<Derivation> {
        kept(&self.native, (key_of(s), currency), || {
            Arc::new(derive_with(s, currency, native))
        })
    }

    /// [`Derived::derivation`], or with `checks_only` as far as the figure checks need it:
    /// they need only flagged periods, which a series that is only a monthly run has none
    /// of, so no derivation is made and kept for one.
    pub fn derivation_for(
        &self,
        s: &Series,
        currency: Currency,
        checks_only: bool,
    ) -> Arc<Derivation> {
        match run_only(s) {
            Some(_) if checks_only => Arc::default(),
            _ => self.derivation(s, currency),
        }
    }

    /// [`crate::periods::derive`] of `s`, derived once (the same as its own figures'
    /// derivation when no figure is a publisher's conversion).
    pub fn derivation(&self, s: &Series, currency: Currency) -> Arc<Derivation> {
        // Kept either way, so that the figures are looked through once, not on each view.
        kept(&self.periods, (key_of(s), currency), || {
            // A monthly run's values are the reporter's own: only listed figures can be
            // publishers' conversions.
            if s.observations.iter().all(native) {
                self.native_derivation(s, currency)
            } else {
                Arc::new(crate::periods::derive(s, currency))
            }
        })
    }
}

/// The value kept in `map` for `key`, or `make`'s, kept from now on. The lock is not held
/// while making it (making one value may need another).
fn kept<K: std::hash::Hash + Eq, V: Clone>(
    map: &Store<K, V>,
    key: K,
    make: impl FnOnce() -> V,
) -> V {
    if let Some(found) = map.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return found;
    }
    let value = make();
    if let Ok(mut m) = map.lock() {
        m.insert(key, value.clone());
    }
    value
}
