//! One value of a measure ([`Point`]) and how it was obtained ([`How`]): official,
//! derived from releases, converted, or computed; with what a reader should know of it
//! ([`Caveat`]). Their words are in [`super::words`].

use crate::currency::Currency;
use crate::month::Span;

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

impl How {
    /// The source-table rows it cites.
    pub fn rows(&self) -> Vec<&String> {
        match self {
            How::Official { rows } => rows.iter().collect(),
            How::Derived { plus, minus } => plus.iter().chain(minus).collect(),
            How::Converted { inner, .. } | How::PerMonth { inner, .. } => inner.rows(),
            How::Computed(Computation::ShareOf(s)) => {
                s.part_rows.iter().chain(&s.whole_rows).collect()
            }
            How::Computed(_) => Vec::new(),
        }
    }
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
    /// One reporter's value of another's (boxed: few values are one).
    ShareOf(Box<ShareOf>),
    /// (`part` − a year earlier) ÷ world total a year earlier.
    Contribution { part: String },
    /// The world total's change (`total_pct`) minus the partners shown.
    Residual { total_pct: f64 },
}

/// One reporter's value divided by another's for the same period, with the source-table
/// rows of each.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareOf {
    pub part: String,
    pub whole: String,
    pub part_rows: Vec<String>,
    pub whole_rows: Vec<String>,
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

impl Point {
    /// A value computed from others (`what`), drawn, with no caveat and no published rate.
    pub fn computed(
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
}
