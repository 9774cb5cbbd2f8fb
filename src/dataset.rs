//! The dataset: the wire types of the JSON the app fetches (schema version 1), and the
//! checker that the app and the `dataset` tool share.
//!
//! A dataset carries published figures *as published*: each [`Observation`] is one figure
//! for one reporting period (its first and last month and its [`Basis`]), in full units of
//! one currency, with the sources that printed it. Nothing here derives new figures; that
//! is the job of [`crate::periods`].
//!
//! - [`wire`](Dataset): the file's types and the look-ups on them;
//! - [`MonthlyRun`]: a long run of monthly values in its compact form;
//! - [`parse_dataset`] and [`validate`]: reading a file and the checker's rules, whose
//!   problems are data ([`ProblemKind`]) worded in any language when shown.

mod claims;
pub mod jsonpath;
mod parse;
mod problem;
mod run;
mod validate;
mod wire;

pub use claims::{Assertion, Claim, Compared, Direction, FigureRef, Relation};
pub use parse::{parse_dataset, parse_dataset_noting};
pub use problem::{DatasetError, DatasetNote, Problem, ProblemKind};
pub use run::{MonthlyRun, RunNumbers, RunSlice};
pub use validate::{is_iso_date, looks_like_host, validate};
pub use wire::{
    Basis, Cited, Conflict, ConflictField, ConflictFigure, Dataset, Event, ExchangeRate, Figures,
    Flag, Flow, FlowName, Names, Observation, Partner, PartnerKind, RateBasis, Reporter, Series,
    Source, SourceIds, Status,
};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Appends the ids of `more` not yet in `into`, keeping first-use order.
pub fn push_unique(into: &mut Vec<String>, more: &[String]) {
    for id in more {
        if !into.contains(id) {
            into.push(id.clone());
        }
    }
}
