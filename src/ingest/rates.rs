//! Reading `exchange_rates*.csv` and `events.csv`.

use super::sources::{SourceTable, UNLISTED};
use super::table::{each_row, read_table};
use super::InputError;
use crate::dataset::{Event, ExchangeRate, RateBasis};
use crate::month::Month;

const RATE_COLUMNS: [&str; 5] = ["period", "basis", "cny_per_usd", "source_url", "note"];
const EVENT_COLUMNS: [&str; 4] = ["date", "title", "description", "source_url"];

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
            let Some(source) = sources.id_for(&url, &format!("{series}: {title}"), None) else {
                return row.fail("source_url", UNLISTED);
            };
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
            let Some(source) = sources.id_for(&url, &title, None) else {
                return row.fail("source_url", UNLISTED);
            };
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
