//! What can be wrong with a dataset file, as data: each problem keeps its kind and the
//! values it names, and is put in words in any language when shown (as rust-csv's
//! `ErrorKind` is). Switching the page's language words the same problems again; it never
//! runs the checker again.

use std::fmt;

use super::SCHEMA_VERSION;
use crate::i18n::{fill, Catalogue, Lang};
use crate::month::{Month, Span};

/// One semantic problem in a dataset: where it is, the field at fault, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: e.g. `series[2] xinjiang/total/world, observation[5] 2023-01..2023-10`.
    pub location: String,
    /// The field at fault, e.g. `value`.
    pub field: String,
    pub kind: ProblemKind,
}

/// What is wrong, with what was expected versus found.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    SeriesTwice,
    NoObservations,
    ConflictNeedsTwo,
    ConflictChosen,
    RateReversed,
    RateMonthShape,
    RateYearShape,
    RateDayShape,
    EmptyTitle,
    NoSources,
    NamesHoldEnglish,
    NameEmpty,
    FlowNamesTwice,
    GroupWithoutMembers,
    NoUrl,
    NoPublisher,
    NoAssertion,
    ValueWithoutCurrency,
    CurrencyWithoutValue,
    NoValueOrGrowth,
    SecondPreferred,
    NotPositive {
        n: f64,
    },
    NotADate {
        date: String,
    },
    UndeclaredReporter {
        code: String,
    },
    UndeclaredPartner {
        code: String,
    },
    UndeclaredSource {
        code: String,
    },
    CodeTwice {
        code: String,
    },
    MemberUndeclared {
        code: String,
    },
    UnknownLanguage {
        code: String,
    },
    /// A publisher named by a host ("naghshcarpet.com") rather than the outlet.
    PublisherIsHost {
        publisher: String,
    },
    SpanReversed {
        first: Month,
        last: Month,
    },
    MonthBasis {
        first: Month,
        last: Month,
    },
    YtdBasis {
        first: Month,
        last: Month,
    },
    YearBasis {
        first: Month,
        last: Month,
    },
    NotFinite {
        n: f64,
    },
    Negative {
        n: f64,
    },
    TooLong {
        n: usize,
        max: usize,
    },
    Implausible {
        value: f64,
    },
    TimeOrder {
        previous: Span,
    },
    /// A year-to-date figure (`value`) below an earlier one of its year (`earlier`, for
    /// `span`); full units.
    YtdFalls {
        value: f64,
        earlier: f64,
        span: Span,
    },
    /// Separate January and February figures that do not add up to the Jan–Feb figure;
    /// full units.
    JanFeb {
        jan: f64,
        feb: f64,
        jan_feb: f64,
    },
}

impl ProblemKind {
    /// The catalogue's sentence for this kind, with its blanks unfilled.
    fn template(&self, t: &'static Catalogue) -> &'static str {
        use ProblemKind::*;
        match self {
            SeriesTwice => t.x_series_twice,
            NoObservations => t.x_no_observations,
            ConflictNeedsTwo => t.x_conflict_two,
            ConflictChosen => t.x_conflict_chosen,
            RateReversed => t.x_rate_reversed,
            RateMonthShape => t.x_rate_month,
            RateYearShape => t.x_rate_year,
            RateDayShape => t.x_rate_day,
            EmptyTitle => t.x_empty_title,
            NoSources => t.x_no_sources,
            NamesHoldEnglish => t.x_names_en,
            NameEmpty => t.x_name_empty,
            FlowNamesTwice => t.x_flow_names_twice,
            GroupWithoutMembers => t.x_group_members,
            NoUrl => t.x_no_url,
            NoPublisher => t.x_no_publisher,
            NoAssertion => t.x_no_assertion,
            ValueWithoutCurrency => t.x_value_currency,
            CurrencyWithoutValue => t.x_currency_no_value,
            NoValueOrGrowth => t.x_value_or_yoy,
            SecondPreferred => t.x_second_preferred,
            NotPositive { .. } => t.x_positive,
            NotADate { .. } => t.x_date,
            UndeclaredReporter { .. } => t.x_undeclared_reporter,
            UndeclaredPartner { .. } => t.x_undeclared_partner,
            UndeclaredSource { .. } => t.x_undeclared_source,
            CodeTwice { .. } => t.x_code_twice,
            MemberUndeclared { .. } => t.x_member_undeclared,
            UnknownLanguage { .. } => t.x_unknown_language,
            PublisherIsHost { .. } => t.x_publisher_host,
            SpanReversed { .. } => t.x_span_reversed,
            MonthBasis { .. } => t.x_month_basis,
            YtdBasis { .. } => t.x_ytd_basis,
            YearBasis { .. } => t.x_year_basis,
            NotFinite { .. } => t.x_finite,
            Negative { .. } => t.x_negative,
            TooLong { .. } => t.x_too_long,
            Implausible { .. } => t.x_implausible,
            TimeOrder { .. } => t.x_time_order,
            YtdFalls { .. } => t.x_ytd_falls,
            JanFeb { .. } => t.x_jan_feb,
        }
    }

    /// The values of the sentence's blanks (the same in every language).
    fn blanks(&self) -> Vec<(&'static str, String)> {
        use crate::format::billions;
        use ProblemKind::*;
        let months = |first: &Month, last: &Month| {
            vec![("first", first.to_string()), ("last", last.to_string())]
        };
        match self {
            NotPositive { n } | NotFinite { n } | Negative { n } => vec![("n", n.to_string())],
            NotADate { date } => vec![("date", date.clone())],
            PublisherIsHost { publisher } => vec![("publisher", publisher.clone())],
            UndeclaredReporter { code }
            | UndeclaredPartner { code }
            | UndeclaredSource { code }
            | CodeTwice { code }
            | MemberUndeclared { code }
            | UnknownLanguage { code } => vec![("code", code.clone())],
            SpanReversed { first, last }
            | MonthBasis { first, last }
            | YtdBasis { first, last }
            | YearBasis { first, last } => months(first, last),
            TooLong { n, max } => vec![("n", n.to_string()), ("max", max.to_string())],
            Implausible { value } => vec![("value", format!("{value:e}"))],
            TimeOrder { previous } => vec![("previous", previous.to_string())],
            YtdFalls {
                value,
                earlier,
                span,
            } => vec![
                ("value", billions(*value, 2)),
                ("earlier", billions(*earlier, 2)),
                ("span", span.to_string()),
            ],
            JanFeb { jan, feb, jan_feb } => vec![
                ("jan", billions(*jan, 2)),
                ("feb", billions(*feb, 2)),
                ("sum", billions(jan + feb, 2)),
                ("jan_feb", billions(*jan_feb, 2)),
            ],
            _ => Vec::new(),
        }
    }

    /// What is wrong, in a language.
    pub fn message(&self, lang: Lang) -> String {
        let blanks = self.blanks();
        let values: Vec<(&str, &str)> = blanks.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(self.template(lang.text()), &values)
    }
}

impl Problem {
    /// What is wrong, in a language (without where).
    pub fn message(&self, lang: Lang) -> String {
        self.kind.message(lang)
    }

    /// The whole line in a language: where, the field, and what is wrong.
    pub fn line(&self, lang: Lang) -> String {
        fill(
            lang.text().x_problem_line,
            &[
                ("location", &self.location),
                ("field", &self.field),
                ("message", &self.message(lang)),
            ],
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::En))
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
    /// per line.
    pub fn lines_in(&self, lang: Lang) -> (String, Vec<String>) {
        let t = lang.text();
        let head = |template: &str, values: &[(&str, &str)]| (fill(template, values), Vec::new());
        match self {
            DatasetError::NotJson {
                file,
                line,
                column,
                detail,
            } => head(
                t.err_not_json,
                &[
                    ("file", file),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("detail", detail),
                ],
            ),
            DatasetError::Shape { file, path, detail } => head(
                t.err_shape,
                &[("file", file), ("path", path), ("detail", detail)],
            ),
            DatasetError::UnsupportedVersion { file, found } => head(
                t.err_version,
                &[
                    ("file", file),
                    ("found", found),
                    ("supported", &SCHEMA_VERSION.to_string()),
                ],
            ),
            DatasetError::Invalid { file, problems } => (
                fill(
                    t.err_problems,
                    &[("file", file), ("count", &problems.len().to_string())],
                ),
                problems.iter().map(|p| p.line(lang)).collect(),
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
    pub fn text(&self, lang: Lang) -> String {
        match self {
            DatasetNote::ByteOrderMark { file } => fill(lang.text().note_bom, &[("file", file)]),
        }
    }
}

impl fmt::Display for DatasetNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
