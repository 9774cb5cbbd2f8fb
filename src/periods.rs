//! The customs-period engine: from published observations of one series to the periods
//! a reader sees.
//!
//! Customs publishes cumulative "first N months" figures at irregular months (and, since
//! 2020, January and February together). Within one year, the difference of two
//! consecutive year-to-date releases is the value of the months between them, kept as
//! one period spanning those months (never split into invented months); the year's first
//! release is its own period. A published single month also pins a release next to it
//! (YTD(m) − month(m) = YTD(m−1)). Gaps stay gaps, and a derived value of zero or less is
//! flagged as a likely revision rather than drawn as a fall. Every value records how it
//! was obtained.

use std::collections::BTreeMap;

use crate::currency::Currency;
use crate::dataset::{Basis, MonthlyRun, Series};
use crate::month::{Month, Span};

/// How a period's value was obtained. Indices are figures' ([`Series::figure`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Provenance {
    /// Published for exactly this period (a month, or the year's first year-to-date figure).
    Official { observation: usize },
    /// Σ `plus` − Σ `minus` of published figures (boxed: most periods are official, and
    /// each is smaller for it).
    Derived(Box<Terms>),
}

/// The figures a derived value adds and subtracts.
#[derive(Debug, Clone, PartialEq)]
pub struct Terms {
    pub plus: Vec<usize>,
    pub minus: Vec<usize>,
}

impl Provenance {
    /// Σ `plus` − Σ `minus`.
    pub fn derived(plus: Vec<usize>, minus: Vec<usize>) -> Provenance {
        Provenance::Derived(Box::new(Terms { plus, minus }))
    }
}

/// Something a reader should know about a period's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PeriodFlag {
    /// The derived value is zero, negative, or no larger than the rounding of the figures
    /// it comes from: most likely a revision or a mislabelled period, not a real fall. Not
    /// drawn.
    NotPositive,
    /// A published single month differs beyond rounding from the value derived from the
    /// year-to-date figures around it (customs revises earlier months).
    DiffersFromDerived { derived: f64 },
}

/// The value of one reporting period.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodValue {
    pub span: Span,
    /// Full currency units.
    pub value: f64,
    /// Rounding tolerance carried from the published figures, full units.
    pub tolerance: f64,
    pub provenance: Provenance,
    pub flag: Option<PeriodFlag>,
}

impl PeriodValue {
    /// Fit to draw as fact (not flagged as a likely revision).
    pub fn drawable(&self) -> bool {
        self.flag != Some(PeriodFlag::NotPositive)
    }
}

/// A published year-to-date (or full-year) figure: the cumulative view as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Cumulative {
    pub span: Span,
    pub value: f64,
    pub observation: usize,
}

/// Both views of one series in one currency.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Derivation {
    /// Published cumulative figures, in time order.
    pub cumulative: Vec<Cumulative>,
    /// Period values (single months and multi-month periods), in time order.
    pub periods: Vec<PeriodValue>,
    /// Indices of the periods that carry a flag, so that a view's figure checks need not
    /// look through every period of a long series.
    pub flagged: Vec<usize>,
}

/// A release: the cumulative total from January to the end of a month, as published or
/// pinned by a published month next to it, and the figures it is made of.
#[derive(Debug, Clone, Default)]
struct Release {
    value: f64,
    tolerance: f64,
    plus: Vec<usize>,
    minus: Vec<usize>,
}

impl Release {
    fn official(value: f64, tolerance: f64, observation: usize) -> Release {
        Release {
            value,
            tolerance,
            plus: vec![observation],
            minus: vec![],
        }
    }

    /// `self + sign * (month value)`.
    fn with_month(&self, value: f64, tolerance: f64, observation: usize, add: bool) -> Release {
        let mut s = self.clone();
        s.tolerance += tolerance;
        if add {
            s.value += value;
            s.plus.push(observation);
        } else {
            s.value -= value;
            s.minus.push(observation);
        }
        s
    }
}

/// One year's figures of one kind, by month (index 0 is January).
#[derive(Debug, Clone, Copy, Default)]
struct YearFigures([Option<Figure>; 12]);

impl YearFigures {
    /// (month number, figure) in month order.
    fn iter(&self) -> impl Iterator<Item = (u8, &Figure)> {
        (1u8..)
            .zip(self.0.iter())
            .filter_map(|(m, f)| Some((m, f.as_ref()?)))
    }

    fn get(&self, month: u8) -> Option<&Figure> {
        self.0.get(usize::from(month).checked_sub(1)?)?.as_ref()
    }

    fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

/// A published figure ready for arithmetic.
#[derive(Debug, Clone, Copy)]
struct Figure {
    value: f64,
    tolerance: f64,
    observation: usize,
}

/// Derives the cumulative and per-period views of `series` in `currency`, from its
/// preferred, non-disputed figures only.
pub fn derive(series: &Series, currency: Currency) -> Derivation {
    derive_with(series, currency, |_| true)
}

/// As [`derive()`], using only the figures `include` accepts (e.g. leaving out publishers'
/// own currency conversions).
pub fn derive_with(
    series: &Series,
    currency: Currency,
    include: impl Fn(&crate::dataset::Observation) -> bool,
) -> Derivation {
    let usable =
        |o: &crate::dataset::Observation| o.is_fact() && o.currency == Some(currency) && include(o);
    let listed: Vec<bool> = series.observations.iter().map(usable).collect();
    // A monthly run's values differ only in month and number: `include` is asked once,
    // of its first value, and no figure is made for the others.
    let run = series.monthly.as_deref().filter(|run| {
        run.currency == currency
            && (0..run.values.len())
                .find_map(|k| run.at(k))
                .is_some_and(|o| usable(&o))
    });
    derive_usable(series, &listed, run)
}

/// [`derive_with`] once it is known which listed figures are usable, and whether the
/// monthly run is (one body, whatever `include` was).
fn derive_usable(series: &Series, listed: &[bool], run: Option<&MonthlyRun>) -> Derivation {
    let start = series.observations.len();
    // year -> month number -> figure
    let mut cumulative: BTreeMap<i32, YearFigures> = BTreeMap::new();
    let mut months: BTreeMap<i32, YearFigures> = BTreeMap::new();
    let mut place = |basis: Basis, last: Month, figure: Figure| {
        let (year, month) = (last.year(), last.month());
        let slot = match basis {
            Basis::Ytd | Basis::Year => cumulative.entry(year).or_default(),
            Basis::Month => months.entry(year).or_default(),
        };
        // A full-year figure and a Jan–Dec year-to-date figure are the same release; keep the first.
        let cell = &mut slot.0[usize::from(month) - 1];
        if cell.is_none() {
            *cell = Some(figure);
        }
    };
    for (i, o) in series.observations.iter().enumerate() {
        let (Some(value), true) = (o.value, listed[i]) else {
            continue;
        };
        let figure = Figure {
            value,
            tolerance: o.resolution.unwrap_or(0.0),
            observation: i,
        };
        place(o.basis, o.last, figure);
    }
    if let Some(run) = run {
        for (k, value) in run.values.iter().enumerate() {
            if let Some(value) = value {
                let figure = Figure {
                    value,
                    tolerance: run.resolution,
                    observation: start + k,
                };
                place(Basis::Month, run.first.offset(k as i64), figure);
            }
        }
    }

    let mut out = Derivation::default();
    for (year, snaps) in &cumulative {
        for (m, f) in snaps.iter() {
            let span = Span {
                first: Month::new(*year, 1).unwrap(),
                last: Month::new(*year, m).unwrap(),
            };
            out.cumulative.push(Cumulative {
                span,
                value: f.value,
                observation: f.observation,
            });
        }
    }
    let years: std::collections::BTreeSet<i32> =
        cumulative.keys().chain(months.keys()).copied().collect();
    let empty = YearFigures::default();
    for year in years {
        let published = cumulative.get(&year).unwrap_or(&empty);
        let month_figures = months.get(&year).unwrap_or(&empty);
        out.periods
            .extend(derive_year(year, published, month_figures));
    }
    crate::sorting::sort_by_key(&mut out.periods, |p| (p.span.first, p.span.last));
    // Kept as long as the dataset: without the room the pushes left (up to as much again).
    out.periods.shrink_to_fit();
    out.flagged = (0..out.periods.len())
        .filter(|&i| out.periods[i].flag.is_some())
        .collect();
    out
}

/// Periods of one year from its published cumulative releases and single months.
fn derive_year(
    year: i32,
    published: &YearFigures,
    month_figures: &YearFigures,
) -> Vec<PeriodValue> {
    let month = |m: u8| Month::new(year, m).expect("month 1..=12");
    let official = |m: u8, f: &Figure| PeriodValue {
        span: Span::single(month(m)),
        value: f.value,
        tolerance: f.tolerance,
        provenance: Provenance::Official {
            observation: f.observation,
        },
        flag: None,
    };
    if published.is_empty() {
        // Single months only: each is its own period (what the pinning below gives, in one
        // step: nothing to derive and nothing to compare with).
        return month_figures.iter().map(|(m, f)| official(m, f)).collect();
    }
    let releases = releases_of_year(published, month_figures);
    let bounds: Vec<(&u8, &Release)> = releases.iter().collect();
    let mut periods: Vec<PeriodValue> = bounds
        .windows(2)
        .map(|pair| {
            let ((&a, start), (&b, end)) = (pair[0], pair[1]);
            let span = Span {
                first: month(a + 1),
                last: month(b),
            };
            let official_month = (b == a + 1).then(|| month_figures.get(b)).flatten();
            period_between(span, start, end, official_month)
        })
        .collect();
    // Published months that no release pinned stand alone.
    for (m, f) in month_figures.iter() {
        if !periods.iter().any(|p| p.span == Span::single(month(m))) {
            periods.push(official(m, f));
        }
    }
    periods
}

/// The releases of a year by month (0: before the year starts, zero): the published
/// ones, and those a published single month pins on its other side.
fn releases_of_year(published: &YearFigures, month_figures: &YearFigures) -> BTreeMap<u8, Release> {
    let mut releases: BTreeMap<u8, Release> = BTreeMap::new();
    releases.insert(0, Release::default());
    for (m, f) in published.iter() {
        releases.insert(m, Release::official(f.value, f.tolerance, f.observation));
    }
    loop {
        let mut changed = false;
        for (m, f) in month_figures.iter() {
            let before = releases.get(&(m - 1)).cloned();
            let after = releases.get(&m).cloned();
            let pinned = match (before, after) {
                (Some(b), None) => (m, b.with_month(f.value, f.tolerance, f.observation, true)),
                (None, Some(a)) => (
                    m - 1,
                    a.with_month(f.value, f.tolerance, f.observation, false),
                ),
                _ => continue,
            };
            releases.insert(pinned.0, pinned.1);
            changed = true;
        }
        if !changed {
            return releases;
        }
    }
}

/// The period `span` between two releases: the published month where there is one
/// (flagged when it differs from the releases' difference beyond rounding), else the
/// difference (flagged when it is no larger than its rounding).
fn period_between(
    span: Span,
    start: &Release,
    end: &Release,
    official_month: Option<&Figure>,
) -> PeriodValue {
    let derived = end.value - start.value;
    let tolerance = end.tolerance + start.tolerance;
    if let Some(f) = official_month {
        // Compare with the year-to-date difference only when that difference does not
        // itself use this month's figure.
        let uses =
            |r: &Release| r.plus.contains(&f.observation) || r.minus.contains(&f.observation);
        let independent = !uses(end) && !uses(start);
        let flag = (independent && (f.value - derived).abs() > tolerance + f.tolerance)
            .then_some(PeriodFlag::DiffersFromDerived { derived });
        return PeriodValue {
            span,
            value: f.value,
            tolerance: f.tolerance,
            provenance: Provenance::Official {
                observation: f.observation,
            },
            flag,
        };
    }
    let mut plus = end.plus.clone();
    plus.extend(&start.minus);
    let mut minus = end.minus.clone();
    minus.extend(&start.plus);
    let provenance = if plus.len() == 1 && minus.is_empty() {
        Provenance::Official {
            observation: plus[0],
        }
    } else {
        Provenance::derived(plus, minus)
    };
    // Zero, negative, or no larger than the rounding of the figures it comes from: not a
    // value that can be drawn as fact.
    let flag = (derived <= tolerance).then_some(PeriodFlag::NotPositive);
    PeriodValue {
        span,
        value: derived,
        tolerance,
        provenance,
        flag,
    }
}
