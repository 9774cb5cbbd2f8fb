//! Reading the CSV tables row by row, with one error per bad cell.

use std::collections::HashMap;

use super::{InputError, Meta, SourceTable};
use crate::currency::Currency;
use crate::dataset::{Basis, Event, ExchangeRate, Flag, Flow, RateBasis};
use crate::month::Month;

/// A published number as printed: its value and one unit of its last printed digit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Printed {
    pub value: f64,
    pub resolution: f64,
}

impl Printed {
    /// Parses a plain decimal ("2528.4", "-3.1") scaled by `10^exponent`, exactly: the
    /// digits are read as an integer so 2528.4 × 10^8 is 252840000000, not 252839999999.99997.
    pub fn parse(text: &str, exponent: i32, allow_negative: bool) -> Option<Printed> {
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) if allow_negative => (true, rest),
            _ => (false, text),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty()
            || !all_digits(int)
            || !all_digits(frac)
            || (body.contains('.') && frac.is_empty())
        {
            return None;
        }
        let digits: String = format!("{int}{frac}");
        if digits.len() > 15 {
            return None; // beyond exact f64 integers
        }
        let mantissa: i64 = digits.parse().ok()?;
        let scale = exponent - frac.len() as i32;
        let value = mantissa as f64 * 10f64.powi(scale.max(0)) / 10f64.powi((-scale).max(0));
        let resolution = 10f64.powi(scale.max(0)) / 10f64.powi((-scale).max(0));
        Some(Printed {
            value: if negative { -value } else { value },
            resolution,
        })
    }
}

/// One row of `observations.csv`, checked.
#[derive(Debug, Clone)]
pub struct ObsRow {
    pub id: String,
    pub reporter: String,
    pub flow: Flow,
    pub partner: String,
    pub first: Month,
    pub last: Month,
    pub basis: Basis,
    /// Value in full units, with currency.
    pub value: Option<(Printed, Currency)>,
    pub yoy_pct: Option<Printed>,
    pub source: String,
    pub published: Option<String>,
    pub note: String,
    pub disputed: bool,
    pub flags: Vec<Flag>,
}

const OBS_COLUMNS: [&str; 15] = [
    "id",
    "region",
    "flow",
    "partner",
    "period_start",
    "period_end",
    "basis",
    "value",
    "unit",
    "currency",
    "yoy_pct",
    "source_url",
    "source_title",
    "published",
    "note",
];
const RATE_COLUMNS: [&str; 5] = ["period", "basis", "cny_per_usd", "source_url", "note"];
const EVENT_COLUMNS: [&str; 4] = ["date", "title", "description", "source_url"];

/// Unit names as printed, with their power of ten.
const UNITS: [(&str, i32); 3] = [("billion", 9), ("100 million", 8), ("million", 6)];

/// A CSV table with its header checked; cells are read by column name.
struct Table<'a> {
    file: &'a str,
    records: Vec<(u64, csv::StringRecord)>,
    index: HashMap<String, usize>,
}

fn read_table<'a>(
    file: &'a str,
    text: &str,
    expected: &[&str],
    errors: &mut Vec<InputError>,
) -> Option<Table<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let err = |line, column: Option<&str>, value: Option<String>, expected: String| InputError {
        file: file.to_string(),
        line,
        row_id: None,
        column: column.map(str::to_string),
        value,
        expected,
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(err(Some(1), None, None, format!("a CSV header row ({e})")));
            return None;
        }
    };
    let index: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_string(), i))
        .collect();
    let mut ok = true;
    for name in expected {
        if !index.contains_key(*name) {
            errors.push(err(
                Some(1),
                Some(name),
                None,
                format!("a column \"{name}\" in the header"),
            ));
            ok = false;
        }
    }
    for h in headers.iter() {
        if !expected.contains(&h.trim()) {
            errors.push(err(
                Some(1),
                Some(h),
                None,
                format!("only the columns {}", expected.join(", ")),
            ));
            ok = false;
        }
    }
    let mut records = Vec::new();
    for result in reader.records() {
        match result {
            Ok(r) => records.push((r.position().map(|p| p.line()).unwrap_or(0), r)),
            Err(e) => {
                let line = e.position().map(|p| p.line());
                errors.push(err(
                    line,
                    None,
                    None,
                    format!("a well-formed CSV row ({e})"),
                ));
                ok = false;
            }
        }
    }
    ok.then_some(Table {
        file,
        records,
        index,
    })
}

/// Cell access and error reporting for one row.
struct Row<'t, 'e> {
    table: &'t Table<'t>,
    line: u64,
    record: &'t csv::StringRecord,
    row_id: Option<String>,
    errors: &'e mut Vec<InputError>,
    failed: bool,
}

impl Row<'_, '_> {
    fn get(&self, column: &str) -> &str {
        self.table
            .index
            .get(column)
            .and_then(|&i| self.record.get(i))
            .unwrap_or("")
            .trim()
    }

    fn fail(&mut self, column: &str, expected: impl Into<String>) {
        let value = self.get(column).to_string();
        self.errors.push(InputError {
            file: self.table.file.to_string(),
            line: Some(self.line),
            row_id: self.row_id.clone(),
            column: Some(column.to_string()),
            value: Some(value),
            expected: expected.into(),
        });
        self.failed = true;
    }

    fn month(&mut self, column: &str) -> Option<Month> {
        match self.get(column).parse::<Month>() {
            Ok(m) => Some(m),
            Err(e) => {
                self.fail(column, format!("a month YYYY-MM ({})", e.reason));
                None
            }
        }
    }

    fn required(&mut self, column: &str) -> Option<String> {
        let v = self.get(column).to_string();
        if v.is_empty() {
            self.fail(column, "a value (this column cannot be empty)");
            None
        } else {
            Some(v)
        }
    }

    fn url(&mut self, column: &str) -> Option<String> {
        let v = self.required(column)?;
        if v.starts_with("http://") || v.starts_with("https://") {
            Some(v)
        } else {
            self.fail(column, "an http:// or https:// address");
            None
        }
    }
}

fn each_row<'t>(
    table: &'t Table<'t>,
    id_column: Option<&str>,
    errors: &mut Vec<InputError>,
    mut f: impl FnMut(&mut Row<'t, '_>),
) {
    for (line, record) in &table.records {
        let mut row = Row {
            table,
            line: *line,
            record,
            row_id: None,
            errors: &mut *errors,
            failed: false,
        };
        row.row_id = id_column
            .map(|c| row.get(c).to_string())
            .filter(|s| !s.is_empty());
        f(&mut row);
    }
}

pub(super) fn read_observations(
    file: &str,
    text: &str,
    meta: Option<&Meta>,
    sources: &mut SourceTable,
    errors: &mut Vec<InputError>,
) -> Vec<ObsRow> {
    let Some(table) = read_table(file, text, &OBS_COLUMNS, errors) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut seen_ids: HashMap<String, u64> = HashMap::new();
    each_row(&table, Some("id"), errors, |row| {
        let id = row.required("id").unwrap_or_default();
        if let Some(first_line) = seen_ids.insert(id.clone(), row.line) {
            let expected = format!("a unique id (also used on line {first_line})");
            row.fail("id", expected);
        }
        let (reporter, flow, partner) = read_series_key(row, meta);
        let period = read_period(row);
        let value = read_value(row);
        let yoy_pct = read_growth(row);
        let (url, title, published) = read_source(row);
        let note = row.get("note").to_string();
        if row.failed {
            return;
        }
        let (Some(flow), Some((first, last, basis)), Some(url), Some(title)) =
            (flow, period, url, title)
        else {
            return;
        };
        let source = sources.id_for(&url, &title, published.as_deref());
        rows.push(ObsRow {
            id,
            reporter,
            flow,
            partner,
            first,
            last,
            basis,
            value,
            yoy_pct,
            source,
            published,
            disputed: note.starts_with("DISPUTED"),
            flags: row_flags(&note, &url, meta),
            note,
        });
    });
    rows
}

/// The row's reporter, flow and partner, each checked against the metadata.
fn read_series_key(row: &mut Row, meta: Option<&Meta>) -> (String, Option<Flow>, String) {
    let reporter = row.get("region").to_string();
    if let Some(meta) = meta {
        if !meta.reporters.iter().any(|r| r.code == reporter) {
            let known: Vec<&str> = meta.reporters.iter().map(|r| r.code.as_str()).collect();
            let expected = format!("a reporter declared in the metadata ({})", known.join(", "));
            row.fail("region", expected);
        }
    }
    let flow = Flow::from_code(row.get("flow"));
    if flow.is_none() {
        row.fail("flow", "one of total, exports, imports");
    }
    let partner = row.get("partner").to_string();
    if let Some(meta) = meta {
        if !meta.partners.iter().any(|p| p.code == partner) {
            row.fail(
                "partner",
                "a partner code declared in the metadata (world, a group, or an ISO3 country code)",
            );
        }
    }
    (reporter, flow, partner)
}

/// The row's period: its first and last month and its basis, in a shape the basis allows.
fn read_period(row: &mut Row) -> Option<(Month, Month, Basis)> {
    let first = row.month("period_start");
    let last = row.month("period_end");
    let basis = match row.get("basis") {
        "month" => Some(Basis::Month),
        "ytd" => Some(Basis::Ytd),
        "year" => Some(Basis::Year),
        _ => {
            row.fail("basis", "one of month, ytd, year");
            None
        }
    };
    let (a, b, basis) = (first?, last?, basis?);
    check_period_shape(row, a, b, basis);
    Some((a, b, basis))
}

/// The row's growth rate, if printed; and that it has a value or a growth rate.
fn read_growth(row: &mut Row) -> Option<Printed> {
    let yoy_text = row.get("yoy_pct").to_string();
    if row.get("value").is_empty() && yoy_text.is_empty() {
        row.fail("value", "a value or a yoy_pct (the row has neither)");
    }
    if yoy_text.is_empty() {
        return None;
    }
    let p = Printed::parse(&yoy_text, 0, true);
    if p.is_none() {
        let expected = "a percentage as a plain number, e.g. 48.9 or -3.1";
        row.fail("yoy_pct", expected);
    }
    p
}

/// The page the row's figure was read on: its address, title and date.
fn read_source(row: &mut Row) -> (Option<String>, Option<String>, Option<String>) {
    let url = row.url("source_url");
    let title = row.required("source_title");
    let published = row.get("published").to_string();
    let published = (!published.is_empty()).then_some(published);
    if let Some(p) = &published {
        if !crate::dataset::is_iso_date(p) {
            row.fail("published", "a date YYYY-MM-DD, or nothing");
        }
    }
    (url, title, published)
}

/// The row's caveats: from its note, and from the metadata's lists of mirror and
/// low-quality hosts.
fn row_flags(note: &str, url: &str, meta: Option<&Meta>) -> Vec<Flag> {
    let mut flags = flags_from_note(note);
    let host = super::host_of(url);
    let listed = |hosts: &[String]| hosts.contains(&host);
    if let Some(meta) = meta {
        if listed(&meta.mirror_hosts) && !flags.contains(&Flag::Mirror) {
            flags.push(Flag::Mirror);
        }
        if listed(&meta.low_quality_hosts) && !flags.contains(&Flag::LowQualityHost) {
            flags.push(Flag::LowQualityHost);
        }
    }
    flags.sort();
    flags
}

/// The period cells against the basis: a month is one month, a year-to-date figure runs
/// from January, a year from January to December.
fn check_period_shape(row: &mut Row, a: Month, b: Month, basis: Basis) {
    if b < a {
        row.fail(
            "period_end",
            format!("a month on or after period_start {a}"),
        );
        return;
    }
    match basis {
        Basis::Month if a != b => row.fail(
            "period_end",
            format!("{a}, the same month as period_start, for a month figure"),
        ),
        Basis::Ytd | Basis::Year if a.month() != 1 => {
            let what = if basis == Basis::Ytd {
                "year-to-date"
            } else {
                "year"
            };
            row.fail(
                "period_start",
                format!("January ({}-01) for a {what} figure", a.year()),
            )
        }
        Basis::Ytd if a.year() != b.year() => row.fail(
            "period_end",
            format!(
                "a month of {} for a year-to-date figure starting {a}",
                a.year()
            ),
        ),
        Basis::Year if b != a.december() => row.fail(
            "period_end",
            format!("{} (December) for a year figure", a.december()),
        ),
        _ => {}
    }
}

/// The value, unit and currency cells together: all three or none.
fn read_value(row: &mut Row) -> Option<(Printed, Currency)> {
    let (value, unit, currency) = (
        row.get("value").to_string(),
        row.get("unit").to_string(),
        row.get("currency").to_string(),
    );
    if value.is_empty() {
        if !unit.is_empty() {
            row.fail("unit", "nothing when there is no value");
        }
        if !currency.is_empty() {
            row.fail("currency", "nothing when there is no value");
        }
        return None;
    }
    let exponent = UNITS
        .iter()
        .find(|(name, _)| *name == unit)
        .map(|(_, e)| *e);
    if exponent.is_none() {
        row.fail("unit", "one of billion, 100 million, million");
    }
    let currency_code = Currency::from_code(&currency);
    if currency_code.is_none() {
        row.fail("currency", "CNY or USD");
    }
    let printed = Printed::parse(&value, exponent.unwrap_or(0), false);
    if printed.is_none() {
        row.fail(
            "value",
            "a number zero or more, digits with an optional decimal point (e.g. 287.3)",
        );
    }
    Some((printed?, currency_code?)).filter(|_| exponent.is_some())
}

/// Caveats stated in a row's note.
pub fn flags_from_note(note: &str) -> Vec<Flag> {
    let lower = note.to_lowercase();
    let mut flags = Vec::new();
    if [
        "mirror",
        "third-party host",
        "reproduced on a",
        "reprinted on",
    ]
    .iter()
    .any(|k| lower.contains(k))
    {
        flags.push(Flag::Mirror);
    }
    // "page date 2023-10 (day not shown or inferred)" is about the day, not the year.
    let cleaned = lower.replace("day not shown or inferred", "");
    let year_inferred = cleaned.contains("inferred") && cleaned.contains("year");
    if year_inferred {
        flags.push(Flag::YearInferred);
    }
    if note.contains("LOW-QUALITY HOST") {
        flags.push(Flag::LowQualityHost);
    }
    if lower.contains("usd conversion") {
        flags.push(Flag::PublisherConversion);
    }
    if note.starts_with("NOT GACC") {
        flags.push(Flag::OtherStatistics);
    }
    flags
}

pub(super) fn read_rates(
    file: &str,
    text: &str,
    sources: &mut SourceTable,
    errors: &mut Vec<InputError>,
) -> Vec<ExchangeRate> {
    let Some(table) = read_table(file, text, &RATE_COLUMNS, errors) else {
        return Vec::new();
    };
    let mut rates = Vec::new();
    each_row(&table, None, errors, |row| {
        let period = row.get("period").to_string();
        let (basis, series) = match row.get("basis") {
            "month" | "monthly_average" => (
                RateBasis::Month,
                "Federal Reserve H.10 monthly average (FRED EXCHUS)",
            ),
            "annual_average" => (
                RateBasis::Year,
                "Official annual average (China Statistical Yearbook)",
            ),
            "year_end_central_parity" => (
                RateBasis::Day,
                "PBOC central parity, last trading day of the year",
            ),
            _ => {
                row.fail(
                    "basis",
                    "one of month, monthly_average, annual_average, year_end_central_parity",
                );
                return;
            }
        };
        let span = match basis {
            RateBasis::Month => period.parse::<Month>().ok().map(|m| (m, m, None)),
            RateBasis::Year => period
                .parse::<i32>()
                .ok()
                .filter(|_| period.len() == 4)
                .and_then(|y| Some((Month::new(y, 1)?, Month::new(y, 12)?, None))),
            RateBasis::Day => crate::dataset::is_iso_date(&period)
                .then(|| period[..7].parse::<Month>().ok())
                .flatten()
                .map(|m| (m, m, Some(period.clone()))),
        };
        if span.is_none() {
            let expected = match basis {
                RateBasis::Month => "a month YYYY-MM",
                RateBasis::Year => "a year YYYY",
                RateBasis::Day => "a date YYYY-MM-DD",
            };
            row.fail("period", expected);
        }
        let rate = row
            .get("cny_per_usd")
            .parse::<f64>()
            .ok()
            .filter(|r| r.is_finite() && *r > 0.0);
        if rate.is_none() {
            row.fail(
                "cny_per_usd",
                "a positive number of yuan per US dollar, e.g. 7.0881",
            );
        }
        let url = row.url("source_url");
        let note = row.get("note").to_string();
        if let (Some((first, last, date)), Some(cny_per_usd), Some(url), false) =
            (span, rate, url, row.failed)
        {
            let title = note.split(';').next().unwrap_or(series).trim();
            let title = if title.is_empty() { series } else { title };
            let source = sources.id_for(&url, &format!("{series}: {title}"), None);
            rates.push(ExchangeRate {
                first,
                last,
                basis,
                date,
                cny_per_usd,
                rate_series: series.to_string(),
                source,
            });
        }
    });
    rates
}

pub(super) fn read_events(
    file: &str,
    text: &str,
    sources: &mut SourceTable,
    errors: &mut Vec<InputError>,
) -> Vec<Event> {
    let Some(table) = read_table(file, text, &EVENT_COLUMNS, errors) else {
        return Vec::new();
    };
    let mut events = Vec::new();
    each_row(&table, None, errors, |row| {
        let date = row.get("date").to_string();
        if !crate::dataset::is_iso_date(&date) {
            row.fail("date", "a date YYYY-MM-DD");
        }
        let title = row.required("title");
        let description = row.get("description").to_string();
        let url = row.url("source_url");
        if let (Some(title), Some(url), false) = (title, url, row.failed) {
            let source = sources.id_for(&url, &title, None);
            events.push(Event {
                date,
                title,
                description,
                source,
            });
        }
    });
    events
}
