//! The dataset: the wire types of the JSON the app fetches (schema version 1), and the
//! validation that the app and the `dataset` tool share.
//!
//! A dataset carries published figures *as published*: each [`Observation`] is one figure
//! for one reporting period (its first and last month and its [`Basis`]), in full units of
//! one currency, with the sources that printed it. Nothing here derives new figures; that
//! is the job of [`crate::periods`].

pub mod jsonpath;
mod types;
mod validate;

pub use types::*;
pub use validate::{
    is_iso_date, parse_dataset, parse_dataset_in, parse_dataset_noting, validate, validate_in,
    DatasetError, DatasetNote, Problem,
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
