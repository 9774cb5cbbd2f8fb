//! Measures: what a reader asks of a series, computed from its published figures.
//!
//! Values come in a chosen currency: a figure published in that currency by the reporter
//! where there is one, otherwise the figure in the other currency converted at the
//! average exchange rate over the period's months (marked approximate, with the rate and
//! its source). On top of those: trade balance, year-on-year change, rolling 12-month
//! sums, shares of the world total and contributions to growth. Every value says how it
//! was obtained.

use crate::currency::Currency;
use crate::dataset::{push_unique, Dataset, Flag, Observation, RateBasis, Series};
use crate::i18n::{fill, Lang};
use crate::month::{Month, Span};
use crate::periods::{derive_with, Derivation, PeriodFlag, Provenance};
use std::sync::Arc;

mod points;
pub use points::{Brief, Points, WeakPoints};

/// An average exchange rate over a period's months.
#[derive(Debug, Clone, PartialEq)]
pub struct RateUsed {
    /// Mean of the monthly average rates, yuan per dollar.
    pub cny_per_usd: f64,
    /// How many monthly rates were averaged.
    pub months: usize,
    pub rate_series: String,
    pub sources: Vec<String>,
}

/// How a value was obtained.
#[derive(Debug, Clone, PartialEq)]
pub enum How {
    /// Published for exactly this period, in this currency (`rows`: the source table rows).
    Official { rows: Vec<String> },
    /// Difference of published year-to-date figures: Σ `plus` − Σ `minus`.
    Derived {
        plus: Vec<String>,
        minus: Vec<String>,
    },
    /// Converted from the other currency at the period's average rate.
    Converted {
        inner: Box<How>,
        from: Currency,
        // Boxed, as few values are converted: every value is smaller for it.
        rate: Box<RateUsed>,
    },
    /// Computed from other values.
    Computed(Computation),
    /// A period's value divided by its number of months.
    PerMonth { inner: Box<How>, months: i64 },
}

/// What a computed value is.
#[derive(Debug, Clone, PartialEq)]
pub enum Computation {
    /// Exports − imports.
    Balance,
    /// A growth rate published without its figure's provenance.
    GrowthAsPublished,
    /// Change on the same period a year earlier: `span` ÷ `base` − 1.
    ChangeOn { span: Span, base: Span },
    /// Sum of the 12 months of `span`.
    Sum12 { span: Span },
    /// `part` ÷ world total.
    Share { part: String },
    /// (`part` − a year earlier) ÷ world total a year earlier.
    Contribution { part: String },
    /// The world total's change (`total_pct`) minus the partners shown.
    Residual { total_pct: f64 },
}

impl Computation {
    /// In words, in a language.
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            Computation::Balance => t.how_balance.to_string(),
            Computation::GrowthAsPublished => t.how_growth_as_published.to_string(),
            Computation::ChangeOn { span, base } => fill(
                t.how_change_on,
                &[
                    ("span", &span.label_in(lang)),
                    ("base", &base.label_in(lang)),
                ],
            ),
            Computation::Sum12 { span } => fill(t.how_sum12, &[("span", &span.label_in(lang))]),
            Computation::Share { part } => fill(t.how_share, &[("part", part)]),
            Computation::Contribution { part } => fill(t.how_contribution, &[("part", part)]),
            Computation::Residual { total_pct } => fill(
                t.how_residual,
                &[("total", &crate::format::percent(*total_pct))],
            ),
        }
    }
}

/// Something the reader should know about a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Caveat {
    /// A derived value of zero or less: not drawn.
    NotPositive,
    /// A published month differs from what the year-to-date figures around it give.
    DiffersFromDerived { derived: f64, currency: Currency },
    /// A published growth rate differs from the one computed from first releases.
    GrowthDiffers { published: f64, computed: f64 },
}

impl Caveat {
    /// In words, in a language.
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            Caveat::NotPositive => t.caveat_not_positive.to_string(),
            Caveat::DiffersFromDerived { derived, currency } => fill(
                t.caveat_differs_from_derived,
                &[(
                    "derived",
                    &crate::format::amount_long_in(*derived, 2, *currency, lang),
                )],
            ),
            Caveat::GrowthDiffers {
                published,
                computed,
            } => fill(
                t.caveat_growth_differs,
                &[
                    ("published", &crate::format::percent(*published)),
                    ("computed", &crate::format::percent(*computed)),
                ],
            ),
        }
    }
}

/// Ids of sources, shared: a value and every copy of it (a kept derivation, a view, a
/// snapshot) point to one list instead of each holding its own strings.
pub type Sources = crate::dataset::SourceIds;

/// One value of a measure for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub span: Span,
    /// Full currency units for money; percent for growth and shares; percentage points
    /// for contributions.
    pub value: f64,
    pub how: How,
    pub sources: Sources,
    /// Depends on an exchange-rate conversion: shown with "≈".
    pub approx: bool,
    /// Rounding tolerance carried from the published figures, in the value's units.
    pub tolerance: f64,
    /// The growth rate published with this very figure, if any.
    pub published_yoy: Option<f64>,
    /// Something the reader should know (a likely revision, a disagreement); boxed, as
    /// few values have one.
    pub caveat: Option<Box<Caveat>>,
    /// False for values that must not be drawn as fact (see `caveat`).
    pub drawable: bool,
}

/// Which view of a series' money values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cut {
    /// Periods between releases (single months where the data allows).
    Periods,
    /// Year-to-date figures as published.
    YearToDate,
}

/// What a series and currency yield, kept per dataset so that a control change derives
/// only what it has not derived before: toggling a partner derives that partner's series
/// (once), switching the chart type or the range derives nothing. Keyed by the series'
/// reporter, flow and partner; the dataset it is used with must not change meanwhile (the
/// app keeps one per loaded dataset).
#[derive(Debug, Default)]
pub struct Derived {
    money: Kept<(SeriesKey, Currency, Cut), Points>,
    periods: Kept<(SeriesKey, Currency), Arc<Derivation>>,
    /// Derivations of the reporter's own figures (no publisher's conversions), shared by
    /// both cuts of [`money`].
    native: Kept<(SeriesKey, Currency), Arc<Derivation>>,
    default_view: std::sync::OnceLock<Option<crate::view::ViewSpec>>,
    disputed: std::sync::OnceLock<Arc<[(usize, usize)]>>,
    row_spans: std::sync::OnceLock<RowSpans>,
    /// Shapes drawn lately, by the values they were drawn from and how (the measure, and
    /// the display scale's bits).
    shapes: ByValues<(crate::urlstate::MeasureKind, u64, bool), crate::chart::Shape>,
    facts: ByValues<(), Facts>,
}

/// Per series: (first source-table row, period) of each figure that cites rows.
pub type RowSpans = Arc<[Vec<(String, Span)>]>;

/// What a view needs to know of a series' values as a whole, found once per values.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The first month of any value and the last.
    pub months: Option<(Month, Month)>,
    /// The earliest and the latest last month of a value.
    pub ends: Option<(Month, Month)>,
    /// The index of the highest drawable value (the latest of equals).
    pub high: Option<usize>,
    /// The index of the latest drawable value.
    pub latest: Option<usize>,
    /// The ids of every value's sources, each once, in first-use order.
    pub sources: Vec<String>,
}

impl Facts {
    fn of(points: &Points) -> Facts {
        let mut facts = Facts {
            months: None,
            ends: None,
            high: None,
            latest: None,
            sources: Vec::new(),
        };
        // Values mostly share their list of sources: each list is looked at once.
        let mut last_seen: Option<&Sources> = None;
        let mut high_value = 0.0;
        // Months as indices (made into months once, at the end).
        let mut months: Option<(i64, i64)> = None;
        let mut ends: Option<(i64, i64)> = None;
        let widen = |m: Option<(i64, i64)>, a: i64, b: i64| {
            Some(m.map_or((a, b), |(x, y)| (x.min(a), y.max(b))))
        };
        let month = Month::from_index;
        // A run's values are single months in order, all drawn, with the run's sources:
        // only its highest is to be looked for, in its numbers.
        if let Some(high) = points.run_highest() {
            if let Some(last) = points.len().checked_sub(1) {
                let (first, _, _) = points.placed(0);
                let (_, end, _) = points.placed(last);
                facts.months = Some((month(first), month(end)));
                facts.ends = facts.months;
                facts.high = high;
                facts.latest = Some(last);
                push_unique(&mut facts.sources, points.sources(0));
            }
            return facts;
        }
        for i in 0..points.len() {
            let sources = points.sources(i);
            if !last_seen.is_some_and(|l| Arc::ptr_eq(l, sources)) {
                push_unique(&mut facts.sources, sources);
                last_seen = Some(sources);
            }
            let (first, last, value) = points.placed(i);
            months = widen(months, first, last);
            ends = widen(ends, last, last);
            if points.drawable(i) {
                // The last of equal highs, in the order `f64::total_cmp` gives.
                if facts.high.is_none() || value.total_cmp(&high_value).is_ge() {
                    facts.high = Some(i);
                    high_value = value;
                }
                facts.latest = Some(i);
            }
        }
        facts.months = months.map(|(a, b)| (month(a), month(b)));
        facts.ends = ends.map(|(a, b)| (month(a), month(b)));
        facts
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

type Kept<K, V> = std::sync::Mutex<std::collections::HashMap<K, V>>;

type SeriesKey = (String, crate::dataset::Flow, String);

fn key_of(s: &Series) -> SeriesKey {
    (s.reporter.clone(), s.flow, s.partner.clone())
}

impl Derived {
    /// [`crate::view::ViewSpec::default_for`] the dataset, found once.
    pub fn default_view(&self, d: &Dataset) -> Option<crate::view::ViewSpec> {
        self.default_view
            .get_or_init(|| crate::view::ViewSpec::default_for(d))
            .clone()
    }

    /// The disputed figures that carry a value, as (series, observation) indices in
    /// dataset order, found once (a monthly run's values are all preferred: only listed
    /// figures can be disputed).
    pub fn disputed(&self, d: &Dataset) -> Arc<[(usize, usize)]> {
        self.disputed
            .get_or_init(|| {
                d.series
                    .iter()
                    .enumerate()
                    .flat_map(|(i, s)| {
                        s.observations.iter().enumerate().filter_map(move |(j, o)| {
                            (o.status == crate::dataset::Status::Disputed && o.value.is_some())
                                .then_some((i, j))
                        })
                    })
                    .collect()
            })
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

    /// [`money`] of `s`, derived once. The values of a series that is only a monthly
    /// run, in its own currency, are the run's numbers (no point is kept per value).
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

    /// The shape drawn from `points` (`how`: the measure, the display scale's bits, and
    /// whether it is drawn as lines):
    /// the one kept for the same values and the same `how`, or `make`'s, kept from now on.
    pub fn shape(
        &self,
        points: &Points,
        how: (crate::urlstate::MeasureKind, u64, bool),
        make: impl FnOnce() -> crate::chart::Shape,
    ) -> Arc<crate::chart::Shape> {
        self.shapes.get(points, how, make)
    }

    /// How many shapes and how many [`Facts`] are kept (for tests and probes).
    pub fn kept_counts(&self) -> (usize, usize) {
        (self.shapes.len(), self.facts.len())
    }

    /// The [`Facts`] of `points`, found once for the same values.
    pub fn facts(&self, points: &Points) -> Arc<Facts> {
        self.facts.get(points, (), || Facts::of(points))
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
    map: &Kept<K, V>,
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

/// A figure published in its own currency by the reporter, not a publisher's conversion.
fn native(o: &Observation) -> bool {
    !o.flags.contains(&Flag::PublisherConversion)
}

/// The mean of the monthly average rates over `span`, when every month has one. Rates of
/// one series only (the one with the most monthly rates), one per month.
pub fn average_rate(d: &Dataset, span: Span) -> Option<RateUsed> {
    let monthly = d
        .exchange_rates
        .iter()
        .filter(|r| r.basis == RateBasis::Month);
    let mut series_names: Vec<(&str, usize)> = Vec::new();
    for r in monthly.clone() {
        match series_names.iter_mut().find(|(n, _)| *n == r.rate_series) {
            Some((_, count)) => *count += 1,
            None => series_names.push((&r.rate_series, 1)),
        }
    }
    let (name, _) = series_names.into_iter().max_by_key(|(_, count)| *count)?;
    let mut sum = 0.0;
    let mut sources: Vec<String> = Vec::new();
    for month in span.months() {
        let rate = monthly
            .clone()
            .find(|r| r.rate_series == name && r.first == month)?;
        sum += rate.cny_per_usd;
        if !sources.contains(&rate.source) {
            sources.push(rate.source.clone());
        }
    }
    let months = span.len() as usize;
    Some(RateUsed {
        cny_per_usd: sum / months as f64,
        months,
        rate_series: name.to_string(),
        sources,
    })
}

/// Points of a derivation, in the derivation's own currency.
fn points_of(s: &Series, derivation: &Derivation, cut: Cut, currency: Currency) -> Vec<Point> {
    match cut {
        Cut::YearToDate => derivation
            .cumulative
            .iter()
            .map(|c| {
                let o = s.cited(c.observation);
                Point {
                    span: c.span,
                    value: c.value,
                    how: How::Official {
                        rows: o.first_row.cloned().into_iter().collect(),
                    },
                    sources: o.sources.clone(),
                    approx: false,
                    tolerance: o.resolution.unwrap_or(0.0),
                    published_yoy: o.yoy_pct,
                    caveat: None,
                    drawable: true,
                }
            })
            .collect(),
        Cut::Periods => derivation
            .periods
            .iter()
            .map(|p| {
                let (how, sources, published_yoy) = match &p.provenance {
                    Provenance::Official { observation } => {
                        let o = s.cited(*observation);
                        let yoy = (o.span == p.span).then_some(o.yoy_pct).flatten();
                        (
                            How::Official {
                                rows: o.first_row.cloned().into_iter().collect(),
                            },
                            o.sources.clone(),
                            yoy,
                        )
                    }
                    Provenance::Derived(terms) => {
                        let crate::periods::Terms { plus, minus } = &**terms;
                        let mut sources = Vec::new();
                        for i in plus.iter().chain(minus) {
                            push_unique(&mut sources, s.cited(*i).sources);
                        }
                        let row = |i: &usize| s.cited(*i).first_row.cloned().unwrap_or_default();
                        let rows = |ids: &[usize]| ids.iter().map(row).collect();
                        (
                            How::Derived {
                                plus: rows(plus),
                                minus: rows(minus),
                            },
                            sources.into(),
                            None,
                        )
                    }
                };
                let caveat = match p.flag {
                    Some(PeriodFlag::NotPositive) => Some(Box::new(Caveat::NotPositive)),
                    Some(PeriodFlag::DiffersFromDerived { derived }) => {
                        Some(Box::new(Caveat::DiffersFromDerived { derived, currency }))
                    }
                    None => None,
                };
                Point {
                    span: p.span,
                    value: p.value,
                    how,
                    sources,
                    approx: false,
                    tolerance: p.tolerance,
                    published_yoy,
                    caveat,
                    drawable: p.drawable(),
                }
            })
            .collect(),
    }
}

/// Money values of `s` in `currency`. A figure published in that currency is used for its
/// period; the other currency's figures, converted at the period's average rate, fill the
/// rest. Year-to-date figures stand alone, so both currencies' releases are kept (the
/// chosen currency's where both give the same period). Periods between releases come from
/// one currency per year: the one that gives the finer periods that year.
pub fn money(d: &Dataset, s: &Series, currency: Currency, cut: Cut) -> Vec<Point> {
    let native = |c: Currency| points_of(s, &derive_with(s, c, native), cut, c);
    money_from(d, currency, cut, native(currency), native(currency.other()))
}

/// The monthly run of a series that has nothing else.
pub fn run_only(s: &Series) -> Option<&Arc<crate::dataset::MonthlyRun>> {
    s.monthly.as_ref().filter(|_| s.observations.is_empty())
}

/// The points of a series that is only a monthly run, in `currency`: its values as
/// [`Points::of_run`] reads them (each its month's official period; no year-to-date
/// figures), made into points of their own (to be converted).
fn run_points(run: &Arc<crate::dataset::MonthlyRun>, cut: Cut, currency: Currency) -> Vec<Point> {
    if cut == Cut::YearToDate || run.currency != currency {
        return Vec::new();
    }
    Points::of_run(run.clone()).to_vec()
}

/// [`money`] from the points of the series' own figures (no publisher's conversions) in
/// `currency` (`own`) and in the other currency (`theirs`).
fn money_from(
    d: &Dataset,
    currency: Currency,
    cut: Cut,
    own: Vec<Point>,
    theirs: Vec<Point>,
) -> Vec<Point> {
    let from = currency.other();
    let convert = |p: Point| -> Option<Point> {
        let rate = average_rate(d, p.span)?;
        let factor = match currency {
            Currency::USD => 1.0 / rate.cny_per_usd,
            Currency::CNY => rate.cny_per_usd,
        };
        let mut sources = p.sources.to_vec();
        push_unique(&mut sources, &rate.sources);
        Some(Point {
            value: p.value * factor,
            tolerance: p.tolerance * factor,
            how: How::Converted {
                inner: Box::new(p.how),
                from,
                rate: Box::new(rate),
            },
            sources: sources.into(),
            approx: true,
            ..p
        })
    };
    let overlaps =
        |a: &Point, b: &Point| a.span.first <= b.span.last && b.span.first <= a.span.last;
    let mut points: Vec<Point> = Vec::new();
    match cut {
        // Figures in one currency only (a long run, most series): nothing to choose
        // between, and nothing to copy.
        _ if theirs.is_empty() => points = own,
        _ if own.is_empty() => points.extend(theirs.into_iter().filter_map(convert)),
        Cut::YearToDate => {
            for p in theirs {
                if !own.iter().any(|q| q.span == p.span) {
                    points.extend(convert(p));
                }
            }
            points.extend(own);
        }
        Cut::Periods => {
            // Both currencies' points by year, in one pass (a scan per year would be
            // quadratic in a long series).
            let mut years: std::collections::BTreeMap<i32, (Vec<&Point>, Vec<&Point>)> =
                Default::default();
            for p in &own {
                years.entry(p.span.last.year()).or_default().0.push(p);
            }
            for p in &theirs {
                years.entry(p.span.last.year()).or_default().1.push(p);
            }
            for (mine, other_year) in years.into_values() {
                if mine.len() >= other_year.len() {
                    points.extend(mine.iter().map(|p| (*p).clone()));
                    for p in other_year
                        .into_iter()
                        .filter(|p| !mine.iter().any(|q| overlaps(p, q)))
                    {
                        points.extend(convert(p.clone()));
                    }
                } else {
                    for p in &other_year {
                        match mine.iter().find(|q| q.span == p.span) {
                            Some(q) => points.push((*q).clone()),
                            None => points.extend(convert((*p).clone())),
                        }
                    }
                    for q in mine
                        .into_iter()
                        .filter(|q| !other_year.iter().any(|p| overlaps(p, q)))
                    {
                        points.push(q.clone());
                    }
                }
            }
        }
    }
    in_time_order(&mut points);
    points
}

/// Sorts values by their last month, then their first (one sort for every list of values:
/// each sort of another kind is more code to ship). Most often they are in order already:
/// then there is nothing to sort, and no room to take.
pub fn in_time_order(points: &mut [Point]) {
    fn key(p: &Point) -> (crate::month::Month, crate::month::Month) {
        (p.span.last, p.span.first)
    }
    if !points.is_sorted_by_key(key) {
        points.sort_by_key(key);
    }
}

fn computed(
    span: Span,
    value: f64,
    what: Computation,
    sources: Vec<String>,
    approx: bool,
    tolerance: f64,
) -> Point {
    Point {
        span,
        value,
        how: How::Computed(what),
        sources: sources.into(),
        approx,
        tolerance,
        published_yoy: None,
        caveat: None,
        drawable: true,
    }
}

/// Exports − imports for every period both have.
pub fn balance(exports: &[Point], imports: &[Point]) -> Vec<Point> {
    exports
        .iter()
        .filter(|e| e.drawable)
        .filter_map(|e| {
            let i = imports.iter().find(|i| i.span == e.span && i.drawable)?;
            let mut sources = e.sources.to_vec();
            push_unique(&mut sources, &i.sources);
            Some(computed(
                e.span,
                e.value - i.value,
                Computation::Balance,
                sources,
                e.approx || i.approx,
                e.tolerance + i.tolerance,
            ))
        })
        .collect()
}

/// Year-on-year change in percent for every point whose same period a year earlier has a
/// value above zero. Where a growth rate was published with the figure (and the figure
/// is not converted), the published rate is shown, and a computed rate that differs by
/// more than rounding is named in the caveat.
pub fn yoy(points: &[Point]) -> Vec<Point> {
    let mut out = Vec::new();
    for p in points.iter().filter(|p| p.drawable) {
        let base = points
            .iter()
            .find(|q| q.span == p.span.year_earlier() && q.drawable && q.value > 0.0);
        let computed_pct = base.map(|q| (p.value / q.value - 1.0) * 100.0);
        let published = p.published_yoy.filter(|_| !p.approx);
        let mut sources = p.sources.to_vec();
        if let Some(q) = base {
            push_unique(&mut sources, &q.sources);
        }
        let point = match (published, computed_pct, base) {
            (Some(pub_pct), computed_pct, _) => {
                let mut caveat = None;
                if let (Some(c), Some(q)) = (computed_pct, base) {
                    // Rounding of both values, and of the published rate (one decimal).
                    let tolerance = 100.0
                        * (p.value / q.value)
                        * (p.tolerance / p.value + q.tolerance / q.value)
                        + 0.05;
                    if (pub_pct - c).abs() > tolerance {
                        caveat = Some(Box::new(Caveat::GrowthDiffers {
                            published: pub_pct,
                            computed: c,
                        }));
                    }
                }
                Point {
                    span: p.span,
                    value: pub_pct,
                    how: match &p.how {
                        How::Official { rows } => How::Official { rows: rows.clone() },
                        _ => How::Computed(Computation::GrowthAsPublished),
                    },
                    sources: p.sources.clone(),
                    approx: false,
                    tolerance: 0.05,
                    published_yoy: Some(pub_pct),
                    caveat,
                    drawable: true,
                }
            }
            (None, Some(c), Some(q)) => computed(
                p.span,
                c,
                Computation::ChangeOn {
                    span: p.span,
                    base: q.span,
                },
                sources,
                p.approx || q.approx,
                100.0
                    * (p.value / q.value)
                    * (p.tolerance / p.value.abs().max(1.0) + q.tolerance / q.value),
            ),
            _ => continue,
        };
        out.push(point);
    }
    out
}

/// Growth rates published without a value (only "+x%" was printed), for year-to-date,
/// full-year or single-month periods, as points in percent (a monthly run's values all
/// have one: only listed figures are looked at).
pub fn published_growth_only(s: &Series) -> Vec<Point> {
    s.observations
        .iter()
        .filter(|o| o.value.is_none() && o.status == crate::dataset::Status::Preferred)
        .filter_map(|o| {
            let pct = o.yoy_pct?;
            Some(Point {
                span: o.span(),
                value: pct,
                how: How::Official {
                    rows: vec![o.first_row()],
                },
                sources: o.sources.clone(),
                approx: false,
                tolerance: 0.05,
                published_yoy: Some(pct),
                caveat: None,
                drawable: true,
            })
        })
        .collect()
}

/// Sums of 12 consecutive single months, where all 12 exist.
pub fn rolling12(points: &[Point]) -> Vec<Point> {
    let months: Vec<&Point> = points
        .iter()
        .filter(|p| p.span.len() == 1 && p.drawable)
        .collect();
    let at = |m: Month| months.iter().find(|p| p.span.first == m).copied();
    let mut out = Vec::new();
    for end in &months {
        let last = end.span.last;
        let window: Option<Vec<&Point>> = (0..12).map(|k| at(last.offset(-k))).collect();
        let Some(window) = window else { continue };
        let mut sources = Vec::new();
        for p in &window {
            push_unique(&mut sources, &p.sources);
        }
        let span = Span {
            first: last.offset(-11),
            last,
        };
        out.push(computed(
            span,
            window.iter().map(|p| p.value).sum(),
            Computation::Sum12 { span },
            sources,
            window.iter().any(|p| p.approx),
            window.iter().map(|p| p.tolerance).sum(),
        ));
    }
    out
}

/// A partner's value as a percentage of the world total, for periods both have.
pub fn share(part: &[Point], world: &[Point], part_label: &str) -> Vec<Point> {
    part.iter()
        .filter(|p| p.drawable)
        .filter_map(|p| {
            let w = world
                .iter()
                .find(|w| w.span == p.span && w.drawable && w.value > 0.0)?;
            let mut sources = p.sources.to_vec();
            push_unique(&mut sources, &w.sources);
            Some(computed(
                p.span,
                100.0 * p.value / w.value,
                Computation::Share {
                    part: part_label.to_string(),
                },
                sources,
                p.approx != w.approx,
                100.0 * (p.tolerance / w.value + p.value * w.tolerance / (w.value * w.value)),
            ))
        })
        .collect()
}

/// Contributions to the world total's year-on-year change, in percentage points.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub span: Span,
    /// The world total's change in percent (computed from the values).
    pub total_pct: f64,
    /// Per partner label: (P − P a year earlier) ÷ (world a year earlier) × 100.
    pub parts: Vec<(String, f64)>,
    /// What the listed partners do not explain: total − Σ parts.
    pub residual: f64,
    pub sources: Vec<String>,
    pub approx: bool,
}

/// Contributions of `parts` to the world total's change, for every period where the world
/// total and at least one partner have values for it and a year earlier.
pub fn contributions(parts: &[(String, Vec<Point>)], world: &[Point]) -> Vec<Contribution> {
    let mut out = Vec::new();
    for w in world.iter().filter(|w| w.drawable) {
        let Some(wb) = world
            .iter()
            .find(|q| q.span == w.span.year_earlier() && q.drawable && q.value > 0.0)
        else {
            continue;
        };
        let mut sources = w.sources.to_vec();
        push_unique(&mut sources, &wb.sources);
        let mut approx = w.approx || wb.approx;
        let mut shares = Vec::new();
        for (label, points) in parts {
            let now = points.iter().find(|p| p.span == w.span && p.drawable);
            let before = points.iter().find(|p| p.span == wb.span && p.drawable);
            if let (Some(now), Some(before)) = (now, before) {
                shares.push((label.clone(), 100.0 * (now.value - before.value) / wb.value));
                push_unique(&mut sources, &now.sources);
                push_unique(&mut sources, &before.sources);
                approx |= now.approx || before.approx;
            }
        }
        if shares.is_empty() {
            continue;
        }
        let total_pct = 100.0 * (w.value - wb.value) / wb.value;
        let residual = total_pct - shares.iter().map(|(_, c)| c).sum::<f64>();
        out.push(Contribution {
            span: w.span,
            total_pct,
            parts: shares,
            residual,
            sources,
            approx,
        });
    }
    out
}
