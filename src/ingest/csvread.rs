//! Reading `observations.csv`: each row checked cell by cell (one error per bad cell)
//! against the metadata, its value in full units with the publication's rounding.

use std::collections::HashMap;

use super::sources::{Page, SourceTable, UNLISTED};
use super::table::{each_row, read_table, Printed, Row};
use super::{InputError, Meta};
use crate::currency::Currency;
use crate::dataset::{Basis, Flag, Flow};
use crate::month::Month;

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

/// Unit names as printed, with their power of ten.
const UNITS: [(&str, i32); 5] = [
    ("trillion", 12),
    ("billion", 9),
    ("100 million", 8),
    ("million", 6),
    ("thousand", 3),
];

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
        let Some(source) = sources.id_for(&url, &title, published.as_deref()) else {
            return row.fail("source_url", UNLISTED);
        };
        let flags = row_flags(&note, sources.page(&url));
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
            flags,
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

/// The row's caveats: from its note, and from what `sources.csv` says of its page (a copy
/// on an unrelated site; a low-quality host).
fn row_flags(note: &str, page: Option<&Page>) -> Vec<Flag> {
    let mut flags = flags_from_note(note);
    if let Some(page) = page {
        if page.copy_on.is_some() && !flags.contains(&Flag::Mirror) {
            flags.push(Flag::Mirror);
        }
        if page.low_quality && !flags.contains(&Flag::LowQualityHost) {
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
        row.fail(
            "unit",
            "one of trillion, billion, 100 million, million, thousand",
        );
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
    if note.starts_with("REVISION") {
        flags.push(Flag::Revision);
    }
    flags
}
