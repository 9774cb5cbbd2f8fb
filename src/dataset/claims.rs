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

/// What a claim asserts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
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
