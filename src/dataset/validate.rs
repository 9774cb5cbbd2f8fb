//! Parsing and validation of a dataset file, shared by the app and the `dataset` tool.
//!
//! Every problem names where it is (series, observation, field) and what was expected
//! versus found; validation collects all problems instead of stopping at the first.

use std::collections::HashSet;
use std::fmt;

use super::types::*;
use super::SCHEMA_VERSION;
use crate::i18n::{fill, Catalogue, Lang};
use crate::month::Span;

/// One semantic problem in a dataset: where it is, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: e.g. `series[2] xinjiang/total/world, observation[5] 2023-01..2023-10`.
    pub location: String,
    /// The field at fault, e.g. `value`.
    pub field: String,
    /// What was expected versus found.
    pub message: String,
    /// The language of `message`.
    pub lang: Lang,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&fill(
            self.lang.text().x_problem_line,
            &[
                ("location", &self.location),
                ("field", &self.field),
                ("message", &self.message),
            ],
        ))
    }
}

/// Why a dataset file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum DatasetError {
    /// The text is not JSON at all (or is cut short).
    NotJson {
        file: String,
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not of the dataset's shape (missing field, wrong type, unknown field).
    Shape {
        file: String,
        path: String,
        detail: String,
    },
    /// A `schema_version` this build does not read.
    UnsupportedVersion { file: String, found: String },
    /// The shape is right but the content breaks the rules; every problem is listed.
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl DatasetError {
    /// The error in a language: what is wrong with the file, and the checker's problems one
    /// per line (in the language they were found in; see [`parse_dataset_in`]).
    pub fn lines_in(&self, lang: Lang) -> (String, Vec<String>) {
        let t = lang.text();
        match self {
            DatasetError::NotJson {
                file,
                line,
                column,
                detail,
            } => (
                fill(
                    t.err_not_json,
                    &[
                        ("file", file),
                        ("line", &line.to_string()),
                        ("column", &column.to_string()),
                        ("detail", detail),
                    ],
                ),
                Vec::new(),
            ),
            DatasetError::Shape { file, path, detail } => (
                fill(
                    t.err_shape,
                    &[("file", file), ("path", path), ("detail", detail)],
                ),
                Vec::new(),
            ),
            DatasetError::UnsupportedVersion { file, found } => (
                fill(
                    t.err_version,
                    &[
                        ("file", file),
                        ("found", found),
                        ("supported", &SCHEMA_VERSION.to_string()),
                    ],
                ),
                Vec::new(),
            ),
            DatasetError::Invalid { file, problems } => (
                fill(
                    t.err_problems,
                    &[("file", file), ("count", &problems.len().to_string())],
                ),
                problems.iter().map(|p| p.to_string()).collect(),
            ),
        }
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (head, problems) = self.lines_in(Lang::En);
        f.write_str(&head)?;
        for p in problems {
            write!(f, "\n- {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DatasetError {}

/// Something accepted in a dataset that is worth saying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetNote {
    /// The file starts with a byte-order mark, which was ignored.
    ByteOrderMark { file: String },
}

impl DatasetNote {
    /// In words, in a language.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        match self {
            DatasetNote::ByteOrderMark { file } => {
                crate::i18n::fill(lang.text().note_bom, &[("file", file)])
            }
        }
    }
}

impl fmt::Display for DatasetNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}

/// Parses and validates dataset text; `file` names it in messages.
pub fn parse_dataset(file: &str, text: &str) -> Result<Dataset, DatasetError> {
    parse_dataset_noting(file, text).map(|(d, _)| d)
}

/// As [`parse_dataset`], with notes about what was accepted but is worth knowing (a
/// byte-order mark at the start, which is ignored).
pub fn parse_dataset_noting(
    file: &str,
    text: &str,
) -> Result<(Dataset, Vec<DatasetNote>), DatasetError> {
    parse_dataset_in(file, text, Lang::En)
}

/// As [`parse_dataset_noting`], with the validator's messages in `lang`.
pub fn parse_dataset_in(
    file: &str,
    text: &str,
    lang: Lang,
) -> Result<(Dataset, Vec<DatasetNote>), DatasetError> {
    let mut notes = Vec::new();
    // A byte-order mark is harmless (editors on some systems add one): ignored, and said so.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            notes.push(DatasetNote::ByteOrderMark {
                file: file.to_string(),
            });
            rest
        }
        None => text,
    };
    if let Some(found) = top_level_kind(text) {
        return Err(DatasetError::Shape {
            file: file.to_string(),
            path: "the top level".to_string(),
            detail: format!("expected a JSON object {{…}}, found {found}"),
        });
    }
    let dataset: Dataset = match serde_json::from_str(text) {
        Ok(d) => d,
        Err(err) => return Err(read_error(file, text, err)),
    };
    if dataset.schema_version != SCHEMA_VERSION {
        return Err(DatasetError::UnsupportedVersion {
            file: file.to_string(),
            found: dataset.schema_version.to_string(),
        });
    }
    let problems = validate_in(&dataset, lang);
    if problems.is_empty() {
        Ok((dataset, notes))
    } else {
        Err(DatasetError::Invalid {
            file: file.to_string(),
            problems,
        })
    }
}

/// What the text holds at the top level when it is JSON but not an object.
fn top_level_kind(text: &str) -> Option<&'static str> {
    match text.trim_start().bytes().next()? {
        b'[' => Some("an array"),
        b'"' => Some("a string"),
        b'-' | b'0'..=b'9' => Some("a number"),
        b't' | b'f' => Some("true or false"),
        b'n' => Some("null"),
        _ => None,
    }
}

/// The error of a file serde_json could not read: not JSON at all, or JSON of another
/// shape, with the path of the place (found from the error's position).
fn read_error(file: &str, text: &str, err: serde_json::Error) -> DatasetError {
    let file = file.to_string();
    if err.is_syntax() || err.is_eof() {
        return DatasetError::NotJson {
            file,
            line: err.line(),
            column: err.column(),
            detail: strip_position(&err.to_string()),
        };
    }
    // A different schema version explains any shape difference better than the shape does.
    #[derive(serde::Deserialize)]
    struct VersionOnly {
        schema_version: Option<serde_json::Value>,
    }
    if let Ok(VersionOnly {
        schema_version: Some(v),
    }) = serde_json::from_str(text)
    {
        if v != SCHEMA_VERSION {
            return DatasetError::UnsupportedVersion {
                file,
                found: v.to_string(),
            };
        }
    }
    DatasetError::Shape {
        file,
        path: super::jsonpath::path_at(text, err.line(), err.column())
            .unwrap_or_else(|| "the top level".to_string()),
        detail: strip_position(&err.to_string()),
    }
}

/// serde_json appends " at line L column C"; the error types carry the position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// All semantic problems of a parsed dataset (empty when it is valid).
pub fn validate(d: &Dataset) -> Vec<Problem> {
    validate_in(d, Lang::En)
}

/// As [`validate`], with the messages in `lang`.
pub fn validate_in(d: &Dataset, lang: Lang) -> Vec<Problem> {
    let mut v = Validator {
        problems: Vec::new(),
        t: lang.text(),
    };
    v.check_declarations(d);
    let source_ids: HashSet<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    let partner_codes: HashSet<&str> = d.partners.iter().map(|p| p.code.as_str()).collect();
    let reporter_codes: HashSet<&str> = d.reporters.iter().map(|r| r.code.as_str()).collect();
    let refs = Refs {
        sources: &source_ids,
        partners: &partner_codes,
        reporters: &reporter_codes,
    };
    let mut series_keys = HashSet::new();
    for (i, s) in d.series.iter().enumerate() {
        let loc = format!("series[{i}] {}/{}/{}", s.reporter, s.flow.code(), s.partner);
        if !series_keys.insert((s.reporter.as_str(), s.flow, s.partner.as_str())) {
            v.problem(&loc, "partner", v.t.x_series_twice);
        }
        refs.check_reporter_partner(&mut v, &loc, &s.reporter, &s.partner);
        if s.figures().next().is_none() {
            v.problem(&loc, "observations", v.t.x_no_observations);
        }
        check_series_consistency(&mut v, &loc, s);
        let repeats = repeated_preferred(s);
        // A list of sources found good, shared by the figures that follow (a run's).
        let mut good_sources: Option<crate::dataset::SourceIds> = None;
        let start = s.observations.len();
        let run = s.monthly.as_ref();
        let run_len = run.map_or(0, |r| r.values.len());
        // Whether a value of the run has been found without a problem. A run's values
        // differ only in their month and number: after one such value, a later one can
        // have a problem only in its number, or by repeating a listed figure. Those are
        // checked as figures; the rest need no figure made.
        let mut run_fine = false;
        for j in 0..start + run_len {
            let o = match (j.checked_sub(start), run) {
                (Some(k), Some(run)) => {
                    let Some(value) = run.values.get(k).flatten() else {
                        continue;
                    };
                    let plain = value.is_finite() && (0.0..=MAX_VALUE).contains(&value);
                    if run_fine && plain && repeats.binary_search(&j).is_err() {
                        continue;
                    }
                    std::borrow::Cow::Owned(run.at(k).expect("a value"))
                }
                _ => std::borrow::Cow::Borrowed(&s.observations[j]),
            };
            // The location is written out only for a figure with a problem (a long
            // series has a million figures without one).
            let before = v.problems.len();
            v.check_observation("", &o);
            if !good_sources
                .as_ref()
                .is_some_and(|g| std::sync::Arc::ptr_eq(g, &o.sources))
            {
                let before_sources = v.problems.len();
                refs.check_sources(&mut v, "", &o.sources);
                if v.problems.len() == before_sources {
                    good_sources = Some(o.sources.clone());
                }
            }
            if repeats.binary_search(&j).is_ok() {
                v.problem("", "status", v.t.x_second_preferred);
            }
            if v.problems.len() > before {
                let oloc = observation_loc(&loc, s, j);
                for p in &mut v.problems[before..] {
                    p.location = oloc.clone();
                }
            } else if j >= start {
                run_fine = true;
            }
        }
    }
    for (i, c) in d.conflicts.iter().enumerate() {
        let loc = format!(
            "conflicts[{i}] {}/{}/{} {}",
            c.reporter,
            c.flow.code(),
            c.partner,
            c.span()
        );
        refs.check_reporter_partner(&mut v, &loc, &c.reporter, &c.partner);
        v.check_span(&loc, c.span(), c.basis);
        if c.figures.len() < 2 {
            v.problem(&loc, "figures", v.t.x_conflict_two);
        }
        if c.figures.iter().filter(|f| f.chosen).count() != 1 {
            v.problem(&loc, "figures", v.t.x_conflict_chosen);
        }
        for f in &c.figures {
            v.check_number(
                &loc,
                "figures.value",
                f.value,
                c.field == ConflictField::Value,
            );
            refs.check_sources(&mut v, &loc, &f.sources);
        }
    }
    for (i, r) in d.exchange_rates.iter().enumerate() {
        let loc = format!(
            "exchange_rates[{i}] {}",
            Span {
                first: r.first,
                last: r.last
            }
        );
        if r.first > r.last {
            v.problem(&loc, "last", v.t.x_rate_reversed);
        }
        let shape_ok = match r.basis {
            RateBasis::Month => r.first == r.last && r.date.is_none(),
            RateBasis::Year => {
                r.first.month() == 1 && r.last == r.first.december() && r.date.is_none()
            }
            RateBasis::Day => {
                r.first == r.last
                    && r.date
                        .as_deref()
                        .is_some_and(|d| d.get(..7) == Some(&r.first.to_string()))
            }
        };
        if !shape_ok {
            let expected = match r.basis {
                RateBasis::Month => v.t.x_rate_month,
                RateBasis::Year => v.t.x_rate_year,
                RateBasis::Day => v.t.x_rate_day,
            };
            v.problem(&loc, "basis", expected);
        }
        if !(r.cny_per_usd.is_finite() && r.cny_per_usd > 0.0) {
            v.problem(
                &loc,
                "cny_per_usd",
                &fill(v.t.x_positive, &[("n", &r.cny_per_usd.to_string())]),
            );
        }
        if let Some(date) = &r.date {
            if !is_iso_date(date) {
                v.problem(&loc, "date", &fill(v.t.x_date, &[("date", date)]));
            }
        }
        refs.check_sources(&mut v, &loc, std::slice::from_ref(&r.source));
    }
    for (i, e) in d.events.iter().enumerate() {
        let loc = format!("events[{i}] {}", e.date);
        if !is_iso_date(&e.date) {
            v.problem(&loc, "date", &fill(v.t.x_date, &[("date", &e.date)]));
        }
        if e.title.trim().is_empty() {
            v.problem(&loc, "title", v.t.x_empty_title);
        }
        refs.check_sources(&mut v, &loc, std::slice::from_ref(&e.source));
    }
    v.problems
}

struct Validator {
    problems: Vec<Problem>,
    t: &'static Catalogue,
}

struct Refs<'a> {
    sources: &'a HashSet<&'a str>,
    partners: &'a HashSet<&'a str>,
    reporters: &'a HashSet<&'a str>,
}

impl Refs<'_> {
    fn check_reporter_partner(&self, v: &mut Validator, loc: &str, reporter: &str, partner: &str) {
        if !self.reporters.contains(reporter) {
            v.problem(
                loc,
                "reporter",
                &fill(v.t.x_undeclared_reporter, &[("code", reporter)]),
            );
        }
        if !self.partners.contains(partner) {
            v.problem(
                loc,
                "partner",
                &fill(v.t.x_undeclared_partner, &[("code", partner)]),
            );
        }
    }

    fn check_sources(&self, v: &mut Validator, loc: &str, ids: &[String]) {
        if ids.is_empty() {
            v.problem(loc, "sources", v.t.x_no_sources);
        }
        for id in ids {
            if !self.sources.contains(id.as_str()) {
                v.problem(
                    loc,
                    "sources",
                    &fill(v.t.x_undeclared_source, &[("code", id)]),
                );
            }
        }
    }
}

impl Validator {
    fn problem(&mut self, location: &str, field: &str, message: &str) {
        self.problems.push(Problem {
            location: location.to_string(),
            field: field.to_string(),
            message: message.to_string(),
            lang: self.t.lang,
        });
    }

    /// Translated names: keyed by a language the page speaks other than English (whose
    /// name is the `name` field), each a shown text.
    fn check_names(&mut self, location: &str, names: &crate::dataset::Names) {
        for (lang, name) in names {
            match crate::i18n::Lang::from_code(lang) {
                Some(crate::i18n::Lang::En) => {
                    self.problem(location, &format!("names.{lang}"), self.t.x_names_en)
                }
                Some(_) if name.trim().is_empty() => {
                    self.problem(location, &format!("names.{lang}"), self.t.x_name_empty)
                }
                Some(_) => self.check_text(location, &format!("names.{lang}"), name),
                None => self.problem(
                    location,
                    &format!("names.{}", lang.chars().take(20).collect::<String>()),
                    &fill(
                        self.t.x_unknown_language,
                        &[("code", &lang.chars().take(20).collect::<String>())],
                    ),
                ),
            }
        }
    }

    fn check_declarations(&mut self, d: &Dataset) {
        self.check_text("dataset", "title", &d.title);
        for (i, r) in d.reporters.iter().enumerate() {
            self.check_text(&format!("reporters[{i}] {}", r.code), "name", &r.name);
        }
        for (i, p) in d.partners.iter().enumerate() {
            self.check_text(&format!("partners[{i}] {}", p.code), "name", &p.name);
        }
        for (i, e) in d.events.iter().enumerate() {
            self.check_text(&format!("events[{i}] {}", e.date), "title", &e.title);
        }
        for (i, r) in d.reporters.iter().enumerate() {
            self.check_names(&format!("reporters[{i}] {}", r.code), &r.names);
        }
        for (i, p) in d.partners.iter().enumerate() {
            self.check_names(&format!("partners[{i}] {}", p.code), &p.names);
        }
        let mut seen = HashSet::new();
        for (i, f) in d.flow_names.iter().enumerate() {
            let loc = format!("flow_names[{i}] {}", f.flow.code());
            if !seen.insert(f.flow) {
                self.problem(&loc, "flow", self.t.x_flow_names_twice);
            }
            self.check_names(&loc, &f.names);
        }
        let mut seen = HashSet::new();
        for (i, r) in d.reporters.iter().enumerate() {
            if r.code.trim().is_empty() || !seen.insert(r.code.as_str()) {
                self.problem(
                    &format!("reporters[{i}]"),
                    "code",
                    &fill(self.t.x_code_twice, &[("code", &r.code)]),
                );
            }
        }
        let mut seen = HashSet::new();
        for (i, p) in d.partners.iter().enumerate() {
            let loc = format!("partners[{i}] {}", p.code);
            if p.code.trim().is_empty() || !seen.insert(p.code.as_str()) {
                self.problem(
                    &loc,
                    "code",
                    &fill(self.t.x_code_twice, &[("code", &p.code)]),
                );
            }
            for m in &p.members {
                if !d
                    .partners
                    .iter()
                    .any(|q| &q.code == m && q.kind == PartnerKind::Country)
                {
                    self.problem(
                        &loc,
                        "members",
                        &fill(self.t.x_member_undeclared, &[("code", m)]),
                    );
                }
            }
            if p.kind == PartnerKind::Group && p.members.is_empty() {
                self.problem(&loc, "members", self.t.x_group_members);
            }
        }
        let mut seen = HashSet::new();
        for (i, s) in d.sources.iter().enumerate() {
            let loc = format!("sources[{i}] {}", s.id);
            if s.id.trim().is_empty() || !seen.insert(s.id.as_str()) {
                self.problem(&loc, "id", &fill(self.t.x_code_twice, &[("code", &s.id)]));
            }
            // Any other address (javascript:, data:, …) is shown as text, never as a link.
            if s.url.trim().is_empty() {
                self.problem(&loc, "url", self.t.x_no_url);
            }
            self.check_text(&loc, "title", &s.title);
            if let Some(date) = &s.date {
                if !is_iso_date(date) {
                    self.problem(&loc, "date", &fill(self.t.x_date, &[("date", date)]));
                }
            }
        }
    }

    fn check_span(&mut self, loc: &str, span: Span, basis: Basis) {
        let (first, last) = (span.first, span.last);
        if first > last {
            self.problem(
                loc,
                "last",
                &fill(
                    self.t.x_span_reversed,
                    &[("last", &last.to_string()), ("first", &first.to_string())],
                ),
            );
            return;
        }
        match basis {
            Basis::Month if first != last => self.problem(
                loc,
                "basis",
                &fill(
                    self.t.x_month_basis,
                    &[("first", &first.to_string()), ("last", &last.to_string())],
                ),
            ),
            Basis::Ytd if first.month() != 1 || first.year() != last.year() => self.problem(
                loc,
                "first",
                &fill(
                    self.t.x_ytd_basis,
                    &[("first", &first.to_string()), ("last", &last.to_string())],
                ),
            ),
            Basis::Year if first.month() != 1 || last != first.december() => self.problem(
                loc,
                "basis",
                &fill(
                    self.t.x_year_basis,
                    &[("first", &first.to_string()), ("last", &last.to_string())],
                ),
            ),
            _ => {}
        }
    }

    fn check_number(&mut self, loc: &str, field: &str, n: f64, non_negative: bool) {
        if !n.is_finite() {
            self.problem(loc, field, &fill(self.t.x_finite, &[("n", &n.to_string())]));
        } else if non_negative && n < 0.0 {
            self.problem(
                loc,
                field,
                &fill(self.t.x_negative, &[("n", &n.to_string())]),
            );
        }
    }

    /// Names and titles: not empty, not longer than [`MAX_TEXT`] characters.
    fn check_text(&mut self, loc: &str, field: &str, text: &str) {
        let n = text.chars().count();
        if n > MAX_TEXT {
            self.problem(
                loc,
                field,
                &fill(
                    self.t.x_too_long,
                    &[("n", &n.to_string()), ("max", &MAX_TEXT.to_string())],
                ),
            );
        }
    }

    /// Checks of one figure on its own (its sources are checked by the caller).
    fn check_observation(&mut self, loc: &str, o: &Observation) {
        self.check_span(loc, o.span(), o.basis);
        match (o.value, o.currency) {
            (Some(v), Some(_)) => {
                self.check_number(loc, "value", v, true);
                if v.is_finite() && v > MAX_VALUE {
                    self.problem(
                        loc,
                        "value",
                        &fill(self.t.x_implausible, &[("value", &format!("{v:e}"))]),
                    );
                }
            }
            (Some(_), None) => self.problem(loc, "currency", self.t.x_value_currency),
            (None, Some(_)) => self.problem(loc, "value", self.t.x_currency_no_value),
            (None, None) if o.yoy_pct.is_none() => {
                self.problem(loc, "value", self.t.x_value_or_yoy)
            }
            (None, None) => {}
        }
        if let Some(r) = o.resolution {
            if !(r.is_finite() && r > 0.0) {
                self.problem(
                    loc,
                    "resolution",
                    &fill(self.t.x_positive, &[("n", &r.to_string())]),
                );
            }
        }
        if let Some(p) = o.yoy_pct {
            self.check_number(loc, "yoy_pct", p, false);
        }
    }
}

/// Largest plausible trade value in full units (a thousand trillion).
const MAX_VALUE: f64 = 1e15;
/// Longest name or title shown.
const MAX_TEXT: usize = 300;

/// Where observation `j` of `s` is: `…, observation[5] 2023-01..2023-10`, or for a value
/// of the series' monthly run, `…, monthly value 2023-03`.
fn observation_loc(loc: &str, s: &Series, j: usize) -> String {
    let o = s.figure(j);
    match s.run_start() {
        Some(start) if j >= start => format!("{loc}, monthly value {}", o.first),
        _ => format!("{loc}, observation[{j}] {}", o.span()),
    }
}

/// Checks within one series: time order, year-to-date figures that fall within a year, and a
/// Jan–Feb figure next to separate January and February figures that do not add up.
fn check_series_consistency(v: &mut Validator, loc: &str, s: &Series) {
    let mut previous: Option<(usize, Span)> = None;
    for (j, o) in s.figures_but_run_tail() {
        if let Some((_, before)) = previous.filter(|(_, p)| (o.last, o.first) < (p.last, p.first)) {
            v.problem(
                &observation_loc(loc, s, j),
                "last",
                &fill(v.t.x_time_order, &[("previous", &before.to_string())]),
            );
        }
        previous = Some((j, o.span()));
    }
    // A monthly run's values are single months: only listed figures can be cumulative or
    // Jan–Feb figures.
    let facts: Vec<&Observation> = s.observations.iter().filter(|o| o.is_fact()).collect();
    // Year-to-date and full-year figures only (pairs of them; monthly series have none).
    let cumulative: Vec<&&Observation> = facts
        .iter()
        .filter(|o| matches!(o.basis, Basis::Ytd | Basis::Year))
        .collect();
    for a in &cumulative {
        for b in &cumulative {
            if a.currency == b.currency && a.last.year() == b.last.year() && a.last < b.last {
                let (va, vb) = (a.value.unwrap_or(0.0), b.value.unwrap_or(0.0));
                let tolerance = a.resolution.unwrap_or(0.0) + b.resolution.unwrap_or(0.0);
                if vb >= 0.0 && vb + tolerance < va {
                    v.problem(
                        &format!("{loc}, {}", b.span()),
                        "value",
                        &fill(
                            v.t.x_ytd_falls,
                            &[
                                ("value", &crate::format::billions(vb, 2)),
                                ("earlier", &crate::format::billions(va, 2)),
                                ("span", &a.span().to_string()),
                            ],
                        ),
                    );
                }
            }
        }
    }
    for jan_feb in facts
        .iter()
        .filter(|o| o.basis == Basis::Ytd && o.first.month() == 1 && o.last.month() == 2)
    {
        // The month's listed figure, else the monthly run's value for it.
        let month = |m: u8| -> Option<std::borrow::Cow<'_, Observation>> {
            let listed = facts.iter().find(|o| {
                o.basis == Basis::Month
                    && o.currency == jan_feb.currency
                    && o.first.year() == jan_feb.first.year()
                    && o.first.month() == m
            });
            if let Some(o) = listed {
                return Some(std::borrow::Cow::Borrowed(*o));
            }
            let run = s.monthly.as_ref()?;
            let wanted = crate::month::Month::new(jan_feb.first.year(), m)?;
            let k = usize::try_from(wanted.index() - run.first.index()).ok()?;
            (jan_feb.currency == Some(run.currency))
                .then(|| run.at(k))
                .flatten()
                .map(std::borrow::Cow::Owned)
        };
        if let (Some(jan), Some(feb)) = (month(1), month(2)) {
            let sum = jan.value.unwrap_or(0.0) + feb.value.unwrap_or(0.0);
            let tolerance = [*jan_feb, &*jan, &*feb]
                .iter()
                .map(|o| o.resolution.unwrap_or(0.0))
                .sum::<f64>();
            if (sum - jan_feb.value.unwrap_or(0.0)).abs() > tolerance {
                v.problem(
                    &format!("{loc}, {}", jan_feb.span()),
                    "value",
                    &fill(
                        v.t.x_jan_feb,
                        &[
                            ("jan", &crate::format::billions(jan.value.unwrap_or(0.0), 2)),
                            ("feb", &crate::format::billions(feb.value.unwrap_or(0.0), 2)),
                            ("sum", &crate::format::billions(sum, 2)),
                            (
                                "jan_feb",
                                &crate::format::billions(jan_feb.value.unwrap_or(0.0), 2),
                            ),
                        ],
                    ),
                );
            }
        }
    }
}

/// A full-year figure and a January-to-December year-to-date figure are the same period.
/// The figures of `s` that are preferred figures for a period that an earlier preferred
/// figure already has (same months, basis and currency), in order.
fn repeated_preferred(s: &Series) -> Vec<usize> {
    let mut repeats = Vec::new();
    let key = |(j, o): (usize, std::borrow::Cow<'_, Observation>)| {
        (o.status == Status::Preferred)
            .then(|| ((o.first, o.last, same_period_basis(&o), o.currency), j))
    };
    // Keys that only ever increase cannot repeat: a long run of months is known to have
    // none without hashing a million keys (its values are consecutive months, so only its
    // first needs comparing with the listed figures).
    let mut previous = None;
    let increasing = s
        .figures_but_run_tail()
        .filter_map(key)
        .all(|(key, _)| previous.replace(key) < Some(key));
    if !increasing {
        let mut seen = HashSet::new();
        for (key, j) in s.figures().filter_map(key) {
            if !seen.insert(key) {
                repeats.push(j);
            }
        }
    }
    repeats
}

fn same_period_basis(o: &Observation) -> Basis {
    if o.basis == Basis::Ytd && o.first.month() == 1 && o.last.month() == 12 {
        Basis::Year
    } else {
        o.basis
    }
}

/// True for a valid calendar date `YYYY-MM-DD`.
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        text.get(r.clone())
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?
            .parse()
            .ok()
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}
