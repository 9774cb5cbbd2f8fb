//! Reading a CSV table: its header checked against the columns expected, then row by row
//! with the cells read by column name, one error per bad cell; and a printed number with
//! the rounding its printing implies.

use std::collections::HashMap;

use super::InputError;
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

/// A CSV table with its header checked; cells are read by column name.
pub(super) struct Table<'a> {
    file: &'a str,
    records: Vec<(u64, csv::StringRecord)>,
    index: HashMap<String, usize>,
}

pub(super) fn read_table<'a>(
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
pub(super) struct Row<'t, 'e> {
    table: &'t Table<'t>,
    /// The row's line in the file.
    pub line: u64,
    record: &'t csv::StringRecord,
    row_id: Option<String>,
    errors: &'e mut Vec<InputError>,
    /// Whether a cell of the row has failed.
    pub failed: bool,
}

impl Row<'_, '_> {
    /// The cell of `column`, trimmed ("" when the table has no such column).
    pub fn get(&self, column: &str) -> &str {
        self.table
            .index
            .get(column)
            .and_then(|&i| self.record.get(i))
            .unwrap_or("")
            .trim()
    }

    /// Records that the cell of `column` is not what was `expected`.
    pub fn fail(&mut self, column: &str, expected: impl Into<String>) {
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

    /// The cell of `column` as a month.
    pub fn month(&mut self, column: &str) -> Option<Month> {
        match self.get(column).parse::<Month>() {
            Ok(m) => Some(m),
            Err(e) => {
                self.fail(column, format!("a month YYYY-MM ({})", e.reason));
                None
            }
        }
    }

    /// The cell of `column`, which must not be empty.
    pub fn required(&mut self, column: &str) -> Option<String> {
        let v = self.get(column).to_string();
        if v.is_empty() {
            self.fail(column, "a value (this column cannot be empty)");
            None
        } else {
            Some(v)
        }
    }

    /// The cell of `column` as an http(s) address.
    pub fn url(&mut self, column: &str) -> Option<String> {
        let v = self.required(column)?;
        if v.starts_with("http://") || v.starts_with("https://") {
            Some(v)
        } else {
            self.fail(column, "an http:// or https:// address");
            None
        }
    }
}

pub(super) fn each_row<'t>(
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
