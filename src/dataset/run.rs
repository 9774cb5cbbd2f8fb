//! A long series of monthly values as one array of numbers ([`MonthlyRun`]): kept as it
//! is read (as 32-bit counts of its resolution where it can be), never made into one
//! observation per value.

use serde::{Deserialize, Serialize};

use super::wire::{Basis, Observation, SourceIds, Status};
use crate::currency::Currency;
use crate::month::Month;

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
