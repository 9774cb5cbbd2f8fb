//! The claims of cited articles, each checked against the published figures: a verdict
//! computed for every assertion (a value: matches, off by a factor of ten, the wrong flow,
//! no published figure; a comparison: holds or fails, with both numbers; a direction:
//! what the published growth says), never typed in. [`words`] puts them in a language.

mod words;

pub(super) use words::notes;

use super::Tone;
use crate::currency::Currency;
use crate::dataset::{
    push_unique, Assertion, Basis, Claim, Compared, Dataset, Direction, FigureRef, Flow,
    Observation, Relation, Series,
};
use crate::format::decimals_for;
use crate::i18n::Lang;
use crate::measures::{average_rate, Cut, Derived, How};
use crate::month::Span;

/// A published (or derived) figure a verdict cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Full units of `currency`, or percent for growth.
    pub value: f64,
    /// None for growth.
    pub currency: Option<Currency>,
    pub span: Span,
    /// Converted at the period's average rate, or derived: shown with "≈".
    pub approx: bool,
    /// How it was obtained.
    pub how: FoundHow,
    /// The period of each source-table row `how` cites.
    pub rows: Vec<(String, Span)>,
    /// The decimals a value was printed with (in billions); growth prints as published.
    pub decimals: usize,
    pub sources: Vec<String>,
}

/// How a figure a verdict cites was obtained.
#[derive(Debug, Clone, PartialEq)]
pub enum FoundHow {
    /// Published: the figure's first source-table row.
    Row(String),
    /// Derived from the releases around it (the measures' provenance).
    Derived(How),
    /// A year's value implied by the next year's figure (`next`, a row) and the growth
    /// published with it.
    Implied { next: String, growth: f64 },
}

/// What the figures say of one assertion.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The published figure, within rounding (2 per cent).
    Matches(Found),
    /// The claim is `ratio` times the published figure of its own flow.
    Differs {
        found: Found,
        ratio: f64,
    },
    /// No figure of the claim's flow; another flow's figure, and the ratio to it.
    WrongFlow {
        flow: Flow,
        found: Found,
        ratio: f64,
    },
    /// No figure for the period; what the releases around it give, and the ratio to it.
    NoFigure {
        derived: Option<(Found, f64)>,
    },
    /// A comparison, with both figures.
    Holds {
        left: Found,
        right: Found,
    },
    Fails {
        left: Found,
        right: Found,
    },
    /// Growth for the period (or, `nearest`, for the nearest period of its year).
    Grew {
        growth: Found,
        nearest: bool,
        holds: bool,
    },
    /// A figure the assertion needs was not published.
    CannotCheck {
        missing: FigureRef,
    },
}

impl Verdict {
    /// The verdict in a word or two, for the mark beside the claim.
    pub fn label(&self, lang: Lang) -> String {
        let t = lang.text();
        let label = match self {
            Verdict::Matches(_) => t.verdict_matches,
            Verdict::Differs { ratio, .. } if is_factor_of_ten(*ratio) => t.verdict_factor_ten,
            Verdict::Differs { .. } => t.verdict_differs,
            Verdict::WrongFlow { ratio, .. } if is_factor_of_ten(*ratio) => {
                return format!(
                    "{}{}{}",
                    t.verdict_wrong_flow, t.verdict_and, t.verdict_factor_ten
                )
            }
            Verdict::WrongFlow { .. } => t.verdict_wrong_flow,
            Verdict::NoFigure { .. } => t.verdict_no_figure,
            Verdict::Holds { .. } | Verdict::Grew { holds: true, .. } => t.verdict_holds,
            Verdict::Fails { .. } | Verdict::Grew { holds: false, .. } => t.verdict_fails,
            Verdict::CannotCheck { .. } => t.verdict_cannot_check,
        };
        label.to_string()
    }
}

impl Verdict {
    /// What the verdict comes to: a claimed value within 2 per cent of what the releases
    /// around its period give is not called wrong, only unchecked.
    pub fn tone(&self) -> Tone {
        match self {
            Verdict::Matches(_) | Verdict::Holds { .. } | Verdict::Grew { holds: true, .. } => {
                Tone::Holds
            }
            Verdict::NoFigure {
                derived: Some((_, ratio)),
            } if (ratio - 1.0).abs() > 0.02 => Tone::Wrong,
            Verdict::NoFigure { .. } | Verdict::CannotCheck { .. } => Tone::Unchecked,
            Verdict::Differs { .. }
            | Verdict::WrongFlow { .. }
            | Verdict::Fails { .. }
            | Verdict::Grew { holds: false, .. } => Tone::Wrong,
        }
    }
}

/// Whether a ratio is a factor of about ten (either way): a unit slip.
fn is_factor_of_ten(ratio: f64) -> bool {
    (9.0..=11.0).contains(&ratio) || (1.0 / 11.0..=1.0 / 9.0).contains(&ratio)
}

/// The verdicts of `claim`, one per assertion.
pub fn verdicts(d: &Dataset, claim: &Claim, derived: &Derived) -> Vec<Verdict> {
    let check = |a: &Assertion| match a {
        Assertion::Value {
            figure,
            value,
            currency,
            ..
        } => value_verdict(d, figure, *value, *currency, derived),
        Assertion::Direction { figure, direction } => direction_verdict(d, figure, *direction),
        Assertion::Comparison {
            left,
            right,
            measure,
            relation,
        } => comparison_verdict(d, left, right, *measure, *relation),
    };
    claim.asserts.iter().map(check).collect()
}

/// The series of a figure reference.
fn series_of<'a>(d: &'a Dataset, f: &FigureRef, flow: Flow) -> Option<&'a Series> {
    d.series(&f.reporter, flow, &f.partner)
}

/// Whether figure `o` is for exactly `f`'s period (a Jan–Dec year to date is the year).
fn same_period(o: &Observation, f: &FigureRef) -> bool {
    let yearly = |b: Basis, s: Span| match b {
        Basis::Ytd if s.first.month() == 1 && s.last.month() == 12 => Basis::Year,
        b => b,
    };
    o.span() == f.span() && yearly(o.basis, o.span()) == yearly(f.basis, f.span())
}

/// The published value of `f` in `flow`: in `currency` where published, else the other
/// currency's converted at the period's average rate.
fn published_value(d: &Dataset, f: &FigureRef, flow: Flow, currency: Currency) -> Option<Found> {
    let s = series_of(d, f, flow)?;
    // Only the figures of the period are copied (a series has hundreds).
    let facts: Vec<Observation> = s
        .figures()
        .filter(|(_, o)| o.is_fact() && same_period(o, f))
        .map(|(_, o)| o.into_owned())
        .collect();
    let in_currency = facts.iter().find(|o| o.currency == Some(currency));
    if let Some(o) = in_currency {
        return Some(found_of(o, o.value?, currency, false));
    }
    let o = facts.iter().find(|o| o.value.is_some())?;
    let rate = average_rate(d, o.span())?;
    let value = match currency {
        Currency::USD => o.value? / rate.cny_per_usd,
        Currency::CNY => o.value? * rate.cny_per_usd,
    };
    let mut found = found_of(o, value, currency, true);
    push_unique(&mut found.sources, &rate.sources);
    Some(found)
}

fn found_of(o: &Observation, value: f64, currency: Currency, approx: bool) -> Found {
    Found {
        value,
        currency: Some(currency),
        span: o.span(),
        approx,
        how: FoundHow::Row(o.first_row()),
        rows: vec![(o.first_row(), o.span())],
        decimals: decimals_for(o.resolution.unwrap_or(1e7)),
        sources: o.sources.to_vec(),
    }
}

/// The period of each source-table row of `s` that `how` cites.
fn row_periods(s: &Series, how: &How) -> Vec<(String, Span)> {
    let cited = how.rows();
    s.observations
        .iter()
        .flat_map(|o| o.rows.iter().map(move |r| (r, o.span())))
        .filter(|(r, _)| cited.contains(r))
        .map(|(r, span)| (r.clone(), span))
        .collect()
}

fn value_verdict(
    d: &Dataset,
    f: &FigureRef,
    value: f64,
    currency: Currency,
    derived: &Derived,
) -> Verdict {
    let ratio = |found: &Found| value / found.value;
    if let Some(found) = published_value(d, f, f.flow, currency) {
        return match ratio(&found) {
            r if (r - 1.0).abs() <= 0.02 => Verdict::Matches(found),
            r => Verdict::Differs { found, ratio: r },
        };
    }
    let other_flows = match f.flow {
        Flow::Total => [Flow::Exports, Flow::Imports],
        Flow::Exports | Flow::Imports => [Flow::Total, Flow::Total],
    };
    let other = other_flows
        .into_iter()
        .find_map(|flow| Some((flow, published_value(d, f, flow, currency)?)));
    if let Some((flow, found)) = other {
        let ratio = ratio(&found);
        return Verdict::WrongFlow { flow, found, ratio };
    }
    let derived = derived_value(d, f, currency, derived).map(|found| {
        let r = ratio(&found);
        (found, r)
    });
    Verdict::NoFigure { derived }
}

/// The value of `f`'s period as the releases around it give it (a period between two
/// year-to-date releases), in `currency` (converted where the releases are in the other).
fn derived_value(
    d: &Dataset,
    f: &FigureRef,
    currency: Currency,
    derived: &Derived,
) -> Option<Found> {
    let s = series_of(d, f, f.flow)?;
    let points = derived.money(d, s, currency, Cut::Periods);
    let p = points.iter().find(|p| p.span == f.span() && p.drawable)?;
    Some(Found {
        value: p.value,
        currency: Some(currency),
        span: p.span,
        approx: p.approx,
        how: FoundHow::Derived(p.how.clone()),
        rows: row_periods(s, &p.how),
        decimals: 2,
        sources: p.sources.to_vec(),
    })
}

/// Published growth for `f`: a figure of exactly its period that carries a growth rate.
fn published_growth(d: &Dataset, f: &FigureRef) -> Option<Found> {
    let s = series_of(d, f, f.flow)?;
    s.figures()
        .filter(|(_, o)| o.status == crate::dataset::Status::Preferred && same_period(o, f))
        .find_map(|(_, o)| {
            Some(Found {
                value: o.yoy_pct?,
                currency: None,
                span: o.span(),
                approx: false,
                how: FoundHow::Row(o.first_row()),
                rows: vec![(o.first_row(), o.span())],
                decimals: 0,
                sources: o.sources.to_vec(),
            })
        })
}

fn direction_verdict(d: &Dataset, f: &FigureRef, direction: Direction) -> Verdict {
    let holds = |g: &Found| match direction {
        Direction::Up => g.value > 0.0,
        Direction::Down => g.value < 0.0,
    };
    if let Some(growth) = published_growth(d, f) {
        let holds = holds(&growth);
        return Verdict::Grew {
            growth,
            nearest: false,
            holds,
        };
    }
    // The nearest period of the same year with a published rate (year to date).
    let year = f.last.year();
    let nearest = (1..=12u8)
        .filter_map(|m| crate::month::Month::new(year, m))
        .map(|last| FigureRef {
            first: last.january(),
            last,
            basis: Basis::Ytd,
            ..f.clone()
        })
        .filter_map(|g| published_growth(d, &g))
        .min_by_key(|g| (g.span.last.index() - f.last.index()).abs());
    match nearest {
        Some(growth) => {
            let holds = holds(&growth);
            Verdict::Grew {
                growth,
                nearest: true,
                holds,
            }
        }
        None => Verdict::CannotCheck { missing: f.clone() },
    }
}

fn comparison_verdict(
    d: &Dataset,
    left: &FigureRef,
    right: &FigureRef,
    measure: Compared,
    relation: Relation,
) -> Verdict {
    let figure = |f: &FigureRef| match measure {
        Compared::Value => {
            published_value(d, f, f.flow, Currency::CNY).or_else(|| implied_by_growth(d, f))
        }
        Compared::Growth => published_growth(d, f),
    };
    let (l, r) = match (figure(left), figure(right)) {
        (Some(l), Some(r)) => (l, r),
        (None, _) => {
            return Verdict::CannotCheck {
                missing: left.clone(),
            }
        }
        (_, None) => {
            return Verdict::CannotCheck {
                missing: right.clone(),
            }
        }
    };
    let holds = match relation {
        Relation::Greater => l.value > r.value,
        Relation::Less => l.value < r.value,
    };
    match holds {
        true => Verdict::Holds { left: l, right: r },
        false => Verdict::Fails { left: l, right: r },
    }
}

/// A year's value implied by the next year's published value and growth on it (derived,
/// shown with "≈": customs computes growth on revised figures).
fn implied_by_growth(d: &Dataset, f: &FigureRef) -> Option<Found> {
    let later = FigureRef {
        first: f.first.offset(12),
        last: f.last.offset(12),
        ..f.clone()
    };
    let next = published_value(d, &later, f.flow, Currency::CNY)?;
    let growth = published_growth(d, &later)?;
    let mut sources = next.sources.clone();
    push_unique(&mut sources, &growth.sources);
    let FoundHow::Row(row) = next.how else {
        return None;
    };
    Some(Found {
        value: next.value / (1.0 + growth.value / 100.0),
        currency: Some(Currency::CNY),
        span: f.span(),
        approx: true,
        how: FoundHow::Implied {
            next: row,
            growth: growth.value,
        },
        rows: next.rows,
        decimals: 1,
        sources,
    })
}
