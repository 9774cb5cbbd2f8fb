//! Claims of cited articles, as the dataset lists them: the article's words, and what
//! they assert in terms the figures can check (a value for a period, a direction of
//! growth, or one figure compared with another). The verdicts are computed from the
//! published figures by [`crate::checks`], never typed in.

use serde::{Deserialize, Serialize};

use super::wire::{Basis, Flow};
use crate::currency::Currency;
use crate::month::{Month, Span};

/// One claim of a cited article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    /// The article that made it (a source id).
    pub source: String,
    /// The article's own words.
    pub words: String,
    /// What the words assert, each checked on its own.
    pub asserts: Vec<Assertion>,
}

/// What a claim asserts. Read through `AssertionWire`, one flat object: serde's
/// internally tagged enums buffer every object first, and cost the page 12 KiB of code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields,
    try_from = "AssertionWire"
)]
pub enum Assertion {
    /// A value for a period (in full units of `currency`), with the growth rate stated
    /// beside it, if any.
    Value {
        figure: FigureRef,
        value: f64,
        currency: Currency,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        yoy_pct: Option<f64>,
    },
    /// Growth on a year earlier in a direction ("trade jumped").
    Direction {
        figure: FigureRef,
        direction: Direction,
    },
    /// One figure against another: their values, or their growth rates.
    Comparison {
        left: FigureRef,
        right: FigureRef,
        measure: Compared,
        relation: Relation,
    },
}

/// A figure a claim is about: a reporter's flow with a partner over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureRef {
    pub reporter: String,
    pub flow: Flow,
    pub partner: String,
    pub first: Month,
    pub last: Month,
    pub basis: Basis,
}

impl FigureRef {
    pub fn span(&self) -> Span {
        Span {
            first: self.first,
            last: self.last,
        }
    }
}

/// Up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// What of two figures a comparison compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compared {
    Value,
    Growth,
}

/// How the left figure relates to the right, as claimed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Greater,
    Less,
}

impl Assertion {
    /// The figures the assertion names.
    pub fn figures(&self) -> Vec<&FigureRef> {
        match self {
            Assertion::Value { figure, .. } | Assertion::Direction { figure, .. } => vec![figure],
            Assertion::Comparison { left, right, .. } => vec![left, right],
        }
    }
}

/// Which kind of assertion an object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum AssertionKind {
    Value,
    Direction,
    Comparison,
}

/// An assertion as written: its kind and the fields of every kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssertionWire {
    kind: AssertionKind,
    figure: Option<FigureRef>,
    value: Option<f64>,
    currency: Option<Currency>,
    yoy_pct: Option<f64>,
    direction: Option<Direction>,
    left: Option<FigureRef>,
    right: Option<FigureRef>,
    measure: Option<Compared>,
    relation: Option<Relation>,
}

impl TryFrom<AssertionWire> for Assertion {
    type Error = String;

    fn try_from(w: AssertionWire) -> Result<Assertion, String> {
        let fields = |kind: &str, needed: &str| {
            format!("a {kind} assertion needs {needed}, and no field of another kind")
        };
        let extra = |others: &[bool]| others.iter().any(|x| *x);
        let (has_value, has_direction) = (
            w.value.is_some() || w.currency.is_some() || w.yoy_pct.is_some(),
            w.direction.is_some(),
        );
        let has_comparison =
            w.left.is_some() || w.right.is_some() || w.measure.is_some() || w.relation.is_some();
        match w.kind {
            AssertionKind::Value => match (w.figure, w.value, w.currency) {
                (Some(figure), Some(value), Some(currency))
                    if !extra(&[has_direction, has_comparison]) =>
                {
                    Ok(Assertion::Value {
                        figure,
                        value,
                        currency,
                        yoy_pct: w.yoy_pct,
                    })
                }
                _ => Err(fields(
                    "value",
                    "figure, value and currency (yoy_pct if stated)",
                )),
            },
            AssertionKind::Direction => match (w.figure, w.direction) {
                (Some(figure), Some(direction)) if !extra(&[has_value, has_comparison]) => {
                    Ok(Assertion::Direction { figure, direction })
                }
                _ => Err(fields("direction", "figure and direction")),
            },
            AssertionKind::Comparison => match (w.left, w.right, w.measure, w.relation) {
                (Some(left), Some(right), Some(measure), Some(relation))
                    if w.figure.is_none() && !extra(&[has_value, has_direction]) =>
                {
                    Ok(Assertion::Comparison {
                        left,
                        right,
                        measure,
                        relation,
                    })
                }
                _ => Err(fields("comparison", "left, right, measure and relation")),
            },
        }
    }
}
