//! Calendar months and month spans: the ground every other layer stands on.
//!
//! A [`Month`] is a year and a month number; it parses and prints `YYYY-MM`, can be
//! offset by whole months and compared. A [`Span`] is an inclusive run of months, the
//! shape of every customs reporting period ("Jan–Oct 2023", "Jul–Sep 2023", "Oct 2023").

use std::fmt;
use std::str::FromStr;

use crate::i18n::Lang;

/// Short English month names, January first.
pub const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    /// 1..=12
    month: u8,
}

/// Why a `YYYY-MM` text is not a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthParseError {
    pub text: String,
    pub reason: &'static str,
}

impl fmt::Display for MonthParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not a month in the form YYYY-MM: {}",
            self.text, self.reason
        )
    }
}

impl std::error::Error for MonthParseError {}

impl Month {
    /// The month `month` (1..=12) of `year`, or `None` when `month` is out of range.
    pub fn new(year: i32, month: u8) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// The month with the given index (`year * 12 + month - 1`), the inverse of [`Month::index`].
    pub fn from_index(index: i64) -> Month {
        Month {
            year: index.div_euclid(12) as i32,
            month: (index.rem_euclid(12) + 1) as u8,
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// Month number, 1 = January.
    pub fn month(self) -> u8 {
        self.month
    }

    /// A running count of months, continuous across years; differences are month distances.
    pub fn index(self) -> i64 {
        self.year as i64 * 12 + (self.month as i64 - 1)
    }

    /// This month moved by `months` (negative moves back).
    pub fn offset(self, months: i64) -> Month {
        Month::from_index(self.index() + months)
    }

    /// January of this month's year.
    pub fn january(self) -> Month {
        Month {
            year: self.year,
            month: 1,
        }
    }

    /// December of this month's year.
    pub fn december(self) -> Month {
        Month {
            year: self.year,
            month: 12,
        }
    }

    /// "Oct 2023".
    pub fn label(self) -> String {
        self.label_in(Lang::En)
    }

    /// The label in a language: "Oct 2023", "2023年10月".
    pub fn label_in(self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{} {}", MONTH_ABBR[self.month as usize - 1], self.year),
            Lang::Zh => format!("{}年{}月", self.year, self.month),
        }
    }

    /// The month's name alone: "Oct", "10月".
    pub fn name_in(self, lang: Lang) -> String {
        match lang {
            Lang::En => MONTH_ABBR[self.month as usize - 1].to_string(),
            Lang::Zh => format!("{}月", self.month),
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = MonthParseError;

    /// Parses `YYYY-MM`. The year is everything before the last `-` (synthetic benchmark
    /// data runs past year 9999); the month is exactly two digits, 01..12.
    fn from_str(text: &str) -> Result<Month, MonthParseError> {
        let err = |reason| MonthParseError {
            text: text.to_string(),
            reason,
        };
        let (year_text, month_text) = text.rsplit_once('-').ok_or_else(|| err("no '-' found"))?;
        if year_text.len() < 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("the year must be four or more digits"));
        }
        if month_text.len() != 2 || !month_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("the month must be two digits"));
        }
        let year: i32 = year_text
            .parse()
            .map_err(|_| err("the year is too large"))?;
        let month: u8 = month_text
            .parse()
            .map_err(|_| err("the month must be two digits"))?;
        Month::new(year, month).ok_or_else(|| err("the month must be between 01 and 12"))
    }
}

impl serde::Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Month {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// An inclusive run of months, `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub first: Month,
    pub last: Month,
}

impl Span {
    /// The span `first..=last`, or `None` when `last` is before `first`.
    pub fn new(first: Month, last: Month) -> Option<Span> {
        (first <= last).then_some(Span { first, last })
    }

    /// A one-month span.
    pub fn single(month: Month) -> Span {
        Span {
            first: month,
            last: month,
        }
    }

    /// Number of months covered (1 for a single month).
    pub fn len(self) -> i64 {
        self.last.index() - self.first.index() + 1
    }

    /// Always false: a span covers at least one month.
    pub fn is_empty(self) -> bool {
        false
    }

    pub fn contains(self, month: Month) -> bool {
        self.first <= month && month <= self.last
    }

    /// The months of the span in order.
    pub fn months(self) -> impl Iterator<Item = Month> {
        (self.first.index()..=self.last.index()).map(Month::from_index)
    }

    /// The same span one year earlier.
    pub fn year_earlier(self) -> Span {
        Span {
            first: self.first.offset(-12),
            last: self.last.offset(-12),
        }
    }

    /// A reader's label: "Oct 2023", "Jan–Oct 2023", "Nov 2022–Feb 2023", "2023" for a full year.
    pub fn label(self) -> String {
        self.label_in(Lang::En)
    }

    /// The label in a language. Chinese as customs writes it: "2023年10月", "2023年1–10月",
    /// "2022年11月–2023年2月", "2023年".
    pub fn label_in(self, lang: Lang) -> String {
        let (a, b) = (self.first, self.last);
        if a == b {
            a.label_in(lang)
        } else if a.year() == b.year() {
            match (lang, a.month() == 1 && b.month() == 12) {
                (Lang::En, true) => a.year().to_string(),
                (Lang::Zh, true) => format!("{}年", a.year()),
                (Lang::En, false) => format!(
                    "{}–{} {}",
                    MONTH_ABBR[a.month() as usize - 1],
                    MONTH_ABBR[b.month() as usize - 1],
                    a.year()
                ),
                (Lang::Zh, false) => format!("{}年{}–{}月", a.year(), a.month(), b.month()),
            }
        } else {
            format!("{}–{}", a.label_in(lang), b.label_in(lang))
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}..{}", self.first, self.last)
        }
    }
}

/// An ISO date in a language: "23 Jan 2026", "2026年1月23日".
pub fn date_in(iso: &str, lang: Lang) -> String {
    let (Some(month), Some(day)) = (
        iso.get(..7).and_then(|m| m.parse::<Month>().ok()),
        iso.get(8..10).and_then(|d| d.parse::<u32>().ok()),
    ) else {
        return iso.to_string();
    };
    match lang {
        Lang::En => format!("{day} {}", month.label_in(lang)),
        Lang::Zh => format!("{}{day}日", month.label_in(lang)),
    }
}
