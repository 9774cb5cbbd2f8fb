//! Building a dataset from the published-figures tables (native only: used by the
//! `dataset` command-line tool).
//!
//! Reads `observations.csv` (one row per published figure), exchange-rate tables and an
//! events table, normalises units to full units, merges figures that agree within the
//! publication's rounding into one observation citing every source, and turns figures that
//! differ beyond rounding into recorded conflicts with one figure chosen by a documented
//! rule. Every problem in the input is reported with file, row, column and value.

mod claims;
mod csvread;
mod merge;
mod parts;
mod rates;
mod sources;
mod table;

use std::fmt;

use serde::Deserialize;

use crate::dataset::{Dataset, Event, Partner, Reporter, SCHEMA_VERSION};
use sources::SourceTable;

pub use merge::CHOICE_RULE;

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub file: String,
    /// Line number in the file (the header is line 1).
    pub line: Option<u64>,
    /// The row's own id, when it has one.
    pub row_id: Option<String>,
    pub column: Option<String>,
    pub value: Option<String>,
    /// What was expected instead.
    pub expected: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(id) = &self.row_id {
            write!(f, " ({id})")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column \"{c}\"")?;
        }
        if let Some(v) = &self.value {
            write!(f, ": found \"{v}\"")?;
        }
        write!(f, "; expected {}", self.expected)
    }
}

/// Dataset-wide text that is not a figure: title, licence, reporters and partners.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub description: String,
    pub license: String,
    pub attribution: String,
    pub reporters: Vec<Reporter>,
    pub partners: Vec<Partner>,
    /// Names of the flows in other languages.
    #[serde(default)]
    pub flow_names: Vec<crate::dataset::FlowName>,
}

/// Named input texts for [`build`].
pub struct Inputs<'a> {
    pub meta: (&'a str, &'a str),
    /// `sources.csv`: every cited page's publisher.
    pub sources: (&'a str, &'a str),
    pub observations: (&'a str, &'a str),
    pub rates: Vec<(&'a str, &'a str)>,
    pub events: Option<(&'a str, &'a str)>,
    /// `claims.json`: the claims of cited articles, to be checked against the figures.
    pub claims: Option<(&'a str, &'a str)>,
}

/// Builds a dataset, or every problem found in the inputs.
pub fn build(inputs: &Inputs) -> Result<Dataset, Vec<InputError>> {
    let mut errors = Vec::new();
    let meta: Option<Meta> = match serde_json::from_str(inputs.meta.1) {
        Ok(m) => Some(m),
        Err(e) => {
            errors.push(InputError {
                file: inputs.meta.0.to_string(),
                line: Some(e.line() as u64),
                row_id: None,
                column: None,
                value: None,
                expected: format!("dataset metadata JSON ({e})"),
            });
            None
        }
    };
    let pages = sources::read_pages(inputs.sources.0, inputs.sources.1, &mut errors);
    let mut sources = SourceTable::new(pages);
    let (obs_file, obs_text) = inputs.observations;
    let rows =
        csvread::read_observations(obs_file, obs_text, meta.as_ref(), &mut sources, &mut errors);
    let mut rates = Vec::new();
    for (file, text) in &inputs.rates {
        rates.extend(rates::read_rates(file, text, &mut sources, &mut errors));
    }
    // Claims before events: a claim names its article's own title and date, an event
    // only cites the page.
    let claims = match inputs.claims {
        Some((file, text)) => claims::read_claims(file, text, &mut sources, &mut errors),
        None => Vec::new(),
    };
    let events: Vec<Event> = match inputs.events {
        Some((file, text)) => rates::read_events(file, text, &mut sources, &mut errors),
        None => Vec::new(),
    };
    let rates = dedupe_rates(rates, &mut errors);
    let (Some(meta), true) = (meta, errors.is_empty()) else {
        return Err(errors);
    };
    let (mut series, mut conflicts) = merge::merge(&rows);
    parts::settle_by_total(&mut series, &mut conflicts);
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        title: meta.title,
        description: meta.description,
        license: meta.license,
        attribution: meta.attribution,
        reporters: meta.reporters,
        partners: meta.partners,
        sources: sources.sources,
        series,
        conflicts,
        exchange_rates: rates,
        events,
        flow_names: meta.flow_names,
        claims,
        vintage: None,
    };
    let dataset = Dataset {
        vintage: dataset.latest_release_date(),
        ..dataset
    };
    // The shared validation is the last word: what the tool writes, the app accepts.
    let problems = crate::dataset::validate(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(problems
            .into_iter()
            .map(|p| InputError {
                file: obs_file.to_string(),
                line: None,
                row_id: None,
                expected: format!("{} ({})", p.message(crate::i18n::Lang::En), p.location),
                column: Some(p.field),
                value: None,
            })
            .collect())
    }
}

/// The host part of an http(s) address ("en.people.cn"), or the address itself.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    host.trim_end_matches('.').to_string()
}

/// One rate per series and period: the same rate given by two tables is kept once (the
/// first); two different rates for the same period are an error.
fn dedupe_rates(
    rates: Vec<crate::dataset::ExchangeRate>,
    errors: &mut Vec<InputError>,
) -> Vec<crate::dataset::ExchangeRate> {
    let mut kept: Vec<crate::dataset::ExchangeRate> = Vec::new();
    for r in rates {
        let same = kept.iter().find(|k| {
            k.rate_series == r.rate_series
                && k.first == r.first
                && k.last == r.last
                && k.date == r.date
        });
        match same {
            Some(k) if k.cny_per_usd == r.cny_per_usd => {}
            Some(k) => errors.push(InputError {
                file: "exchange rates".into(),
                line: None,
                row_id: None,
                column: Some("cny_per_usd".into()),
                value: Some(r.cny_per_usd.to_string()),
                expected: format!(
                    "one rate for {} in {} (another table gives {})",
                    crate::month::Span {
                        first: r.first,
                        last: r.last
                    },
                    r.rate_series,
                    k.cny_per_usd
                ),
            }),
            None => kept.push(r),
        }
    }
    kept
}
