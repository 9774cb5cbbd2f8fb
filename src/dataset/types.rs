//! Wire types of the dataset JSON. Field names are the public format documented in
//! `docs/dataset.md` and `docs/dataset.schema.json`; unknown fields are refused.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::i18n::Lang;

use crate::month::{Month, Span};

/// Reads an optional field that must be present (as a value or `null`): a missing field
/// is a shape error, so a misspelt or forgotten field is never read as "none".
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d)
}

/// A whole dataset file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema_version: u32,
    pub title: String,
    pub description: String,
    pub license: String,
    pub attribution: String,
    pub reporters: Vec<Reporter>,
    pub partners: Vec<Partner>,
    pub sources: Vec<Source>,
    pub series: Vec<Series>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    #[serde(default)]
    pub exchange_rates: Vec<ExchangeRate>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Names of the flows in other languages (the English names are built in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flow_names: Vec<FlowName>,
}

/// Ids of sources, shared: a figure, the values made from it and every copy of those
/// point to one list instead of each holding its own strings.
pub type SourceIds = std::sync::Arc<[String]>;

/// Names in other languages, by language code (`"zh"`); the `name` field is English.
pub type Names = BTreeMap<String, String>;

/// A flow's names in other languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlowName {
    pub flow: Flow,
    pub names: Names,
}

/// The name for `lang`: its translation in `names`, or the English `name`.
fn name_in<'a>(name: &'a str, names: &'a Names, lang: Lang) -> &'a str {
    match lang {
        Lang::En => name,
        other => names.get(other.code()).map(String::as_str).unwrap_or(name),
    }
}

/// Who reports the trade (the customs district or country whose statistics these are).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reporter {
    pub code: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: Names,
}

impl Reporter {
    /// The name in `lang` (English when the dataset has no translation).
    pub fn name_in(&self, lang: Lang) -> &str {
        name_in(&self.name, &self.names, lang)
    }
}

/// What kind of trading partner a code stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    /// All partners together.
    World,
    /// A named group of countries, with its members listed.
    Group,
    /// One country (ISO 3166-1 alpha-3 code).
    Country,
}

/// A trading partner: the world, a group, or a country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub code: String,
    pub name: String,
    pub kind: PartnerKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: Names,
}

impl Partner {
    /// The name in `lang` (English when the dataset has no translation).
    pub fn name_in(&self, lang: Lang) -> &str {
        name_in(&self.name, &self.names, lang)
    }
}

/// A published page a figure was read on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    /// The host the page was read on (a mirror host when the note says so).
    pub publisher: String,
    /// Page date `YYYY-MM-DD`, when the page shows one.
    #[serde(deserialize_with = "present")]
    pub date: Option<String>,
}

/// Direction of trade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    Exports,
    Imports,
    /// Exports plus imports ("foreign trade", 进出口).
    Total,
}

impl Flow {
    pub const ALL: [Flow; 3] = [Flow::Total, Flow::Exports, Flow::Imports];

    pub fn code(self) -> &'static str {
        match self {
            Flow::Exports => "exports",
            Flow::Imports => "imports",
            Flow::Total => "total",
        }
    }

    pub fn from_code(code: &str) -> Option<Flow> {
        Flow::ALL.into_iter().find(|f| f.code() == code)
    }

    /// Reader's name: "exports", "imports", "total trade".
    pub fn label(self) -> &'static str {
        match self {
            Flow::Exports => "exports",
            Flow::Imports => "imports",
            Flow::Total => "total trade",
        }
    }
}

/// How a figure's period relates to the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// One calendar month (`first == last`).
    Month,
    /// Cumulative from January to `last` ("first N months").
    Ytd,
    /// A calendar year, January to December.
    Year,
}

impl Basis {
    pub fn code(self) -> &'static str {
        match self {
            Basis::Month => "month",
            Basis::Ytd => "ytd",
            Basis::Year => "year",
        }
    }
}

/// Whether a figure is used as fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The figure used for this period (the only one, or the one a conflict rule chose).
    Preferred,
    /// Published, but another figure for the same period was preferred (see `conflicts`).
    Alternative,
    /// Published, but known to be wrong (e.g. the "$409.2 bn" seed article); never plotted as fact.
    Disputed,
}

/// Caveats about where or how a figure was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Read on a third-party host that republishes an agency article.
    Mirror,
    /// The page was undated; the year was inferred from its content.
    YearInferred,
    /// Read on a low-quality host (undated repost of unknown origin).
    LowQualityHost,
    /// The publisher's own conversion of a yuan figure to dollars.
    PublisherConversion,
    /// Built from other statistics than the reporter's customs (e.g. partners' own data).
    OtherStatistics,
}

/// One published figure, after unit normalisation and merging of identical reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// First month of the period.
    pub first: Month,
    /// Last month of the period.
    pub last: Month,
    pub basis: Basis,
    /// Value in full currency units (yuan or dollars, not billions); absent when only growth was published.
    #[serde(deserialize_with = "present")]
    pub value: Option<f64>,
    /// Currency of `value`; present exactly when `value` is.
    #[serde(deserialize_with = "present")]
    pub currency: Option<Currency>,
    /// One unit of the last printed digit, in full units: the publication's rounding.
    #[serde(deserialize_with = "present")]
    pub resolution: Option<f64>,
    /// Year-on-year change in percent, as published.
    #[serde(deserialize_with = "present")]
    pub yoy_pct: Option<f64>,
    pub status: Status,
    /// Ids of the sources that printed this figure (shared by the figures of a run).
    pub sources: SourceIds,
    /// Ids of the rows of the source table this figure came from.
    pub rows: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Observation {
    pub fn span(&self) -> Span {
        Span {
            first: self.first,
            last: self.last,
        }
    }

    /// The id of the source-table row that printed this figure (the first row cited).
    pub fn first_row(&self) -> String {
        self.rows.first().cloned().unwrap_or_default()
    }

    /// Usable as fact: preferred and carrying a value.
    pub fn is_fact(&self) -> bool {
        self.status == Status::Preferred && self.value.is_some()
    }
}

/// All published figures of one reporter, flow and partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub reporter: String,
    pub flow: Flow,
    pub partner: String,
    pub observations: Vec<Observation>,
    /// A long run of monthly figures written compactly, after `observations` (or in their
    /// place). Kept as it is read, never made into one observation per value: read
    /// through [`Series::figures`] and [`Series::figure`] like the other figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly: Option<std::sync::Arc<MonthlyRun>>,
}

impl Series {
    /// Where the monthly run's values start among the figures' indices, if there is one:
    /// figure `run_start() + k` is the run's value `k` (`null` values keep their index).
    pub fn run_start(&self) -> Option<usize> {
        self.monthly.as_ref().map(|_| self.observations.len())
    }

    /// Every figure with its index: the listed observations, then one per value of the
    /// monthly run (none for a `null`). A run's value is made when read: a million of
    /// them take no more room than their numbers.
    pub fn figures(&self) -> Figures<'_> {
        Figures {
            series: self,
            next: 0,
            end: self.observations.len() + self.monthly.as_ref().map_or(0, |r| r.values.len()),
        }
    }

    /// The listed figures and the monthly run's first value: what can be out of time
    /// order or repeat a period (the run's values are consecutive months after its first).
    pub fn figures_but_run_tail(&self) -> Figures<'_> {
        let listed = self.observations.len();
        let first_value = self
            .monthly
            .as_ref()
            .and_then(|r| r.values.iter().position(|v| v.is_some()));
        Figures {
            series: self,
            next: 0,
            end: first_value.map_or(listed, |k| listed + k + 1),
        }
    }

    /// Figure `j`, an index that [`Series::figures`] gives.
    ///
    /// # Panics
    /// When `j` is past the figures, or is a `null` of the monthly run.
    pub fn figure(&self, j: usize) -> Cow<'_, Observation> {
        self.figure_at(j).expect("a figure's index")
    }

    /// Figure `j`, if there is one (none past the figures or for a run's `null`).
    fn figure_at(&self, j: usize) -> Option<Cow<'_, Observation>> {
        match self.observations.get(j) {
            Some(o) => Some(Cow::Borrowed(o)),
            None => Some(Cow::Owned(
                self.monthly.as_ref()?.at(j - self.observations.len())?,
            )),
        }
    }

    /// What a value made from figure `j` cites of it, read without making the figure.
    ///
    /// # Panics
    /// As [`Series::figure`].
    pub fn cited(&self, j: usize) -> Cited<'_> {
        match self.observations.get(j) {
            Some(o) => Cited {
                span: o.span(),
                first_row: o.rows.first(),
                sources: &o.sources,
                resolution: o.resolution,
                yoy_pct: o.yoy_pct,
            },
            None => {
                let run = self.monthly.as_ref().expect("a figure's index");
                let k = j - self.observations.len();
                assert!(
                    matches!(run.values.get(k), Some(Some(_))),
                    "a figure's index"
                );
                Cited {
                    span: Span::single(run.first.offset(k as i64)),
                    first_row: None,
                    sources: &run.sources,
                    resolution: Some(run.resolution),
                    yoy_pct: None,
                }
            }
        }
    }

    /// How many figures are usable as fact ([`Observation::is_fact`]) in `currency`.
    pub fn fact_count(&self, currency: Currency) -> usize {
        let listed = self
            .observations
            .iter()
            .filter(|o| o.is_fact() && o.currency == Some(currency))
            .count();
        let run = self.monthly.as_ref().filter(|r| r.currency == currency);
        listed + run.map_or(0, |r| r.count())
    }

    /// How many figures there are (a run's `null`s are none).
    pub fn figure_count(&self) -> usize {
        self.observations.len() + self.monthly.as_ref().map_or(0, |r| r.count())
    }
}

/// The figures of a series with their indices, in order ([`Series::figures`]).
#[derive(Debug, Clone)]
pub struct Figures<'a> {
    series: &'a Series,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Figures<'a> {
    type Item = (usize, Cow<'a, Observation>);

    fn next(&mut self) -> Option<Self::Item> {
        while self.next < self.end {
            let j = self.next;
            self.next += 1;
            if let Some(o) = self.series.figure_at(j) {
                return Some((j, o));
            }
        }
        None
    }
}

/// What a value cites of the figure it was made from ([`Series::cited`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cited<'a> {
    pub span: Span,
    /// The source-table row that printed it (none for a monthly run's value).
    pub first_row: Option<&'a String>,
    pub sources: &'a SourceIds,
    pub resolution: Option<f64>,
    pub yoy_pct: Option<f64>,
}

/// Consecutive single-month figures of one currency, resolution and sources, as one
/// array of numbers: a long series in a file about 25 times smaller than one object per
/// figure, read without a structure per value. Each value is a preferred figure for its
/// month; `null` is a month without one (a gap).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "RunOnFile")]
pub struct MonthlyRun {
    /// The month of the first value.
    pub first: Month,
    pub currency: Currency,
    /// One unit of the last printed digit, in full units.
    pub resolution: f64,
    /// Ids of the sources that printed these figures.
    pub sources: SourceIds,
    /// Values in full currency units, one per month from `first`.
    pub values: RunNumbers,
}

/// A monthly run as a file writes it: its values in full units (`values`) or, shorter, as
/// whole numbers of its resolution (`counts`: `2364` with a resolution of `100000` is
/// 236 400 000). Exactly one of the two.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RunOnFile {
    first: Month,
    currency: Currency,
    resolution: f64,
    sources: SourceIds,
    #[serde(default)]
    values: Option<RunNumbers>,
    #[serde(default)]
    counts: Option<FileCounts>,
}

/// 2^53: every whole number up to it is exact in an `f64`.
const EXACT_UP_TO: f64 = 9_007_199_254_740_992.0;

impl TryFrom<RunOnFile> for MonthlyRun {
    type Error = String;

    /// The run in full units: counts are multiplied by the resolution, in place, and only
    /// when every product is exact.
    fn try_from(run: RunOnFile) -> Result<MonthlyRun, String> {
        let values = match (run.values, run.counts) {
            (Some(values), None) => values,
            (None, Some(FileCounts(mut counts))) => {
                let r = run.resolution;
                if !(r >= 1.0 && r.fract() == 0.0 && r <= EXACT_UP_TO) {
                    return Err(format!(
                        "a monthly run's \"counts\" need a whole-number \"resolution\" of at \
                         least 1, and it is {r}; give the values in full units (\"values\")"
                    ));
                }
                for (k, c) in counts.iter().enumerate() {
                    let Some(c) = c else {
                        continue;
                    };
                    if c.fract() != 0.0 || (c * r).abs() > EXACT_UP_TO {
                        let month = run.first.offset(k as i64);
                        return Err(format!(
                            "monthly \"counts\" [{k}] (month {month}) is {c}: not a whole \
                             number of the resolution {r} that is exact in full units"
                        ));
                    }
                }
                // Every product is exact: counts kept as such are multiplied when read.
                match &mut counts.0 {
                    Kept::Counts { resolution, .. } => *resolution = r,
                    Kept::Full(values) => values.iter_mut().for_each(|v| *v *= r),
                }
                counts
            }
            (Some(_), Some(_)) => {
                return Err(
                    "a monthly run has both \"values\" and \"counts\"; give one of them".into(),
                )
            }
            (None, None) => {
                return Err(
                    "a monthly run needs \"values\" (in full units) or \"counts\" \
                            (whole numbers of its resolution)"
                        .into(),
                )
            }
        };
        Ok(MonthlyRun {
            first: run.first,
            currency: run.currency,
            resolution: run.resolution,
            sources: run.sources,
            values,
        })
    }
}

impl Serialize for MonthlyRun {
    /// As `counts` when every value is an exact whole number of a whole-number resolution
    /// (a synthetic value of 236 400 000 dollars at a resolution of 100 000 is `2364`:
    /// half the text of a million values to send and to read); otherwise as `values`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let r = self.resolution;
        let as_count = |v: f64| {
            let c = (v / r).round();
            (c * r == v && c.abs() <= EXACT_UP_TO).then_some(c)
        };
        let counts = r >= 1.0
            && r.fract() == 0.0
            && r <= EXACT_UP_TO
            && self.values.iter().flatten().all(|v| as_count(v).is_some());
        let mut run = serializer.serialize_struct("MonthlyRun", 5)?;
        run.serialize_field("first", &self.first)?;
        run.serialize_field("currency", &self.currency)?;
        run.serialize_field("resolution", &self.resolution)?;
        run.serialize_field("sources", &self.sources)?;
        if counts {
            let counts: RunNumbers = self.values.iter().map(|v| v.and_then(as_count)).collect();
            run.serialize_field("counts", &counts)?;
        } else {
            run.serialize_field("values", &self.values)?;
        }
        run.end()
    }
}

/// A monthly run's values, one per month. Whole numbers of the run's resolution that fit
/// in 32 bits (as `"counts"` give them) are kept as such, 4 bytes a value, and multiplied
/// when read (exactly: every product was checked when the run was read); other values in
/// full units, 8 bytes a value. A gap (`null`) is NaN in full units, and the lowest 32-bit
/// number among counts (which no count is kept as).
#[derive(Debug, Clone)]
pub struct RunNumbers(Kept);

#[derive(Debug, Clone)]
enum Kept {
    Full(Vec<f64>),
    Counts { counts: Vec<i32>, resolution: f64 },
}

/// A gap among a run's counts (`i32::MIN`, which no count is kept as).
const GAP: i32 = i32::MIN;

impl Default for RunNumbers {
    fn default() -> RunNumbers {
        RunNumbers(Kept::Full(Vec::new()))
    }
}

impl RunNumbers {
    /// How many months (gaps included).
    pub fn len(&self) -> usize {
        self.all().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Month `k`'s value: none past the end, `Some(None)` for a gap.
    pub fn get(&self, k: usize) -> Option<Option<f64>> {
        let all = self.all();
        (k < all.len()).then(|| Some(all.at(k)).filter(|v| !v.is_nan()))
    }

    /// Every month's value, a gap as `None`.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Option<f64>> + ExactSizeIterator + '_ {
        let all = self.all();
        (0..all.len()).map(move |k| Some(all.at(k)).filter(|v| !v.is_nan()))
    }

    /// Every month's number in full units, a gap as NaN.
    #[inline(always)]
    pub fn all(&self) -> RunSlice<'_> {
        match &self.0 {
            Kept::Full(values) => RunSlice::Full(values),
            Kept::Counts { counts, resolution } => RunSlice::Counts(counts, *resolution),
        }
    }

    /// Sets month `k`'s value (`None`: a gap).
    ///
    /// # Panics
    /// When `k` is past the end.
    pub fn set(&mut self, k: usize, value: Option<f64>) {
        if let Kept::Counts { counts, resolution } = &mut self.0 {
            match value.map(|v| kept_count(v, *resolution)) {
                None => return counts[k] = GAP,
                Some(Some(c)) => return counts[k] = c,
                // Not a count that is kept as one: the run is kept in full units from now.
                Some(None) => self.0 = Kept::Full(self.all().iter().collect()),
            }
        }
        if let Kept::Full(values) = &mut self.0 {
            values[k] = value.unwrap_or(f64::NAN);
        }
    }
}

/// `v` as a count of `r` kept in 32 bits: a whole number of `r` whose product with `r` is
/// `v` again, within ±(2³¹ − 1), and not −0 (whose sign a count would lose).
fn kept_count(v: f64, r: f64) -> Option<i32> {
    // The cast saturates: past 32 bits, or not whole, the product is not `v` again. (No
    // rounding function: in WebAssembly it is a call, once per value of a run.)
    let c = (v / r) as i32;
    let kept = c != GAP && f64::from(c) * r == v && !(v == 0.0 && v.is_sign_negative());
    kept.then_some(c)
}

/// Months of a run's numbers (all of them, or from a value to a value), read in full
/// units, a gap as NaN.
#[derive(Debug, Clone, Copy)]
pub enum RunSlice<'a> {
    Full(&'a [f64]),
    /// Counts and the resolution they are counts of.
    Counts(&'a [i32], f64),
}

impl<'a> RunSlice<'a> {
    pub fn len(&self) -> usize {
        match self {
            RunSlice::Full(values) => values.len(),
            RunSlice::Counts(counts, _) => counts.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number `i` in full units, a gap as NaN. (Always inlined: it is read a million
    /// times on a load, and a call each time costs more than the reading.)
    ///
    /// # Panics
    /// When `i` is past the end.
    #[inline(always)]
    pub fn at(&self, i: usize) -> f64 {
        match *self {
            RunSlice::Full(values) => values[i],
            RunSlice::Counts(counts, _) if counts[i] == GAP => f64::NAN,
            RunSlice::Counts(counts, r) => f64::from(counts[i]) * r,
        }
    }

    /// Numbers `from` to `to` (both included).
    ///
    /// # Panics
    /// When `to` is past the end, or before `from`.
    pub fn between(self, from: usize, to: usize) -> RunSlice<'a> {
        match self {
            RunSlice::Full(values) => RunSlice::Full(&values[from..=to]),
            RunSlice::Counts(counts, r) => RunSlice::Counts(&counts[from..=to], r),
        }
    }

    /// The numbers in full units, a gap as NaN: borrowed when kept so, else made (for a
    /// loop that reads them many times, as decimation does).
    pub fn to_full(self) -> std::borrow::Cow<'a, [f64]> {
        match self {
            RunSlice::Full(values) => std::borrow::Cow::Borrowed(values),
            RunSlice::Counts(..) => std::borrow::Cow::Owned(self.iter().collect()),
        }
    }

    /// Every number in full units, a gap as NaN.
    pub fn iter(self) -> impl DoubleEndedIterator<Item = f64> + ExactSizeIterator + 'a {
        (0..self.len()).map(move |i| self.at(i))
    }
}

impl FromIterator<Option<f64>> for RunNumbers {
    fn from_iter<I: IntoIterator<Item = Option<f64>>>(iter: I) -> RunNumbers {
        RunNumbers(Kept::Full(
            iter.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect(),
        ))
    }
}

/// The same months and values (gaps equal gaps).
impl PartialEq for RunNumbers {
    fn eq(&self, other: &RunNumbers) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Serialize for RunNumbers {
    /// A whole number is written without a fraction (`236400000`, not `236400000.0`): the
    /// same JSON number, two characters shorter. A million values of a run are a sixth
    /// less text to send and to read.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Number(Option<f64>);
        impl Serialize for Number {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self.0 {
                    None => serializer.serialize_none(),
                    // Exact as an integer, and not −0 (whose sign an integer would lose).
                    Some(v)
                        if v.fract() == 0.0
                            && v.abs() < 9.0e15
                            && !(v == 0.0 && v.is_sign_negative()) =>
                    {
                        serializer.serialize_i64(v as i64)
                    }
                    Some(v) => serializer.serialize_f64(v),
                }
            }
        }
        serializer.collect_seq(self.iter().map(Number))
    }
}

impl<'de> Deserialize<'de> for RunNumbers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RunNumbers, D::Error> {
        deserializer.deserialize_seq(Numbers { counts: false })
    }
}

/// A run's `"counts"` as read, before its resolution is applied.
struct FileCounts(RunNumbers);

impl<'de> Deserialize<'de> for FileCounts {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FileCounts, D::Error> {
        deserializer
            .deserialize_seq(Numbers { counts: true })
            .map(FileCounts)
    }
}

/// Reads an array of numbers and nulls: in full units, or, for `counts`, kept in 32 bits
/// while each is a count that can be ([`kept_count`] of 1), and in full units from the
/// first that is not.
struct Numbers {
    counts: bool,
}

impl<'de> serde::de::Visitor<'de> for Numbers {
    type Value = RunNumbers;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of numbers and nulls")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<RunNumbers, A::Error> {
        let mut counts = Vec::new();
        let mut values = (!self.counts).then(Vec::new);
        while let Some(v) = seq.next_element::<Option<f64>>()? {
            match (&mut values, v) {
                (Some(values), v) => values.push(v.unwrap_or(f64::NAN)),
                (None, None) => counts.push(GAP),
                (None, Some(v)) => match kept_count(v, 1.0) {
                    Some(c) => counts.push(c),
                    None => {
                        let mut full: Vec<f64> = RunSlice::Counts(&counts, 1.0).iter().collect();
                        full.push(v);
                        values = Some(full);
                        // The counts read so far are in `full` now: their room is given back.
                        counts = Vec::new();
                    }
                },
            }
        }
        // The room left by growth is given back (in place) for what comes next.
        Ok(RunNumbers(match values {
            Some(mut values) => {
                values.shrink_to_fit();
                Kept::Full(values)
            }
            None => {
                counts.shrink_to_fit();
                Kept::Counts {
                    counts,
                    resolution: 1.0,
                }
            }
        }))
    }
}

impl MonthlyRun {
    /// How many values it has (its `null`s are none).
    pub fn count(&self) -> usize {
        self.values.iter().flatten().count()
    }

    /// Value `k` as an observation (none past the end or for a `null`).
    pub fn at(&self, k: usize) -> Option<Observation> {
        let month = self.first.offset(k as i64);
        Some(Observation {
            first: month,
            last: month,
            basis: Basis::Month,
            value: Some(self.values.get(k)??),
            currency: Some(self.currency),
            resolution: Some(self.resolution),
            yoy_pct: None,
            status: Status::Preferred,
            sources: self.sources.clone(),
            rows: Vec::new(),
            flags: Vec::new(),
            note: None,
        })
    }
}

/// Which field of a period's figures disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictField {
    Value,
    YoyPct,
}

/// One of the disagreeing figures of a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictFigure {
    pub value: f64,
    pub sources: Vec<String>,
    pub rows: Vec<String>,
    pub disputed: bool,
    pub chosen: bool,
}

/// Published figures for the same period that differ beyond rounding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub reporter: String,
    pub flow: Flow,
    pub partner: String,
    pub first: Month,
    pub last: Month,
    pub basis: Basis,
    pub field: ConflictField,
    /// Currency of the values (absent for growth rates).
    #[serde(deserialize_with = "present")]
    pub currency: Option<Currency>,
    pub figures: Vec<ConflictFigure>,
    /// The rule that chose the figure marked `chosen`.
    pub rule: String,
    /// What the numbers suggest, e.g. a factor of ten (a unit slip).
    #[serde(deserialize_with = "present")]
    pub likely_cause: Option<String>,
}

impl Conflict {
    pub fn span(&self) -> Span {
        Span {
            first: self.first,
            last: self.last,
        }
    }
}

/// What period an exchange rate describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RateBasis {
    /// Average over one month.
    Month,
    /// Average over a calendar year.
    Year,
    /// A single day's rate (e.g. the year-end central parity).
    Day,
}

/// Yuan per US dollar over a period, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    pub first: Month,
    pub last: Month,
    pub basis: RateBasis,
    /// The day, for [`RateBasis::Day`] (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub cny_per_usd: f64,
    /// Name of the rate series, e.g. "Federal Reserve H.10 (EXCHUS)".
    pub rate_series: String,
    pub source: String,
}

/// A dated event for the time axis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    pub description: String,
    pub source: String,
}

impl Dataset {
    pub fn partner(&self, code: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.code == code)
    }

    pub fn reporter(&self, code: &str) -> Option<&Reporter> {
        self.reporters.iter().find(|r| r.code == code)
    }

    /// A flow's name in `lang`: the dataset's translation, or the English name.
    pub fn flow_name(&self, flow: Flow, lang: Lang) -> &str {
        match lang {
            Lang::En => flow.label(),
            other => self
                .flow_names
                .iter()
                .find(|f| f.flow == flow)
                .and_then(|f| f.names.get(other.code()))
                .map(String::as_str)
                .unwrap_or(flow.label()),
        }
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn series(&self, reporter: &str, flow: Flow, partner: &str) -> Option<&Series> {
        self.series
            .iter()
            .find(|s| s.reporter == reporter && s.flow == flow && s.partner == partner)
    }

    /// Conflicts about one series.
    pub fn conflicts_of<'a>(&'a self, series: &'a Series) -> impl Iterator<Item = &'a Conflict> {
        self.conflicts.iter().filter(move |c| {
            c.reporter == series.reporter && c.flow == series.flow && c.partner == series.partner
        })
    }
}
