//! Wire types of the dataset JSON. Field names are the public format documented in
//! `docs/dataset.md` and `docs/dataset.schema.json`; unknown fields are refused. A long
//! run of monthly values has its own compact form ([`super::run`]).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::i18n::Lang;

use super::run::MonthlyRun;
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
    /// Claims of cited articles, checked against the figures on the page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<super::claims::Claim>,
    /// The dataset's vintage: when its latest release was first published (`YYYY-MM-DD`).
    /// A build also writes a copy named with it, for embeds that must keep showing the
    /// figures an article was written with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vintage: Option<String>,
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
    /// The outlet that wrote the text ("Xinhua", "China News Service"), never a host.
    pub publisher: String,
    /// The outlet whose site carries the text with permission, when it is not the
    /// publisher's own ("People's Daily Online" for a Xinhua story on en.people.cn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The host of an unrelated site the page is a copy on ("houyingdance.com").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_on: Option<String>,
    /// A content farm or an AI-padded aggregator: never preferred over an agency original.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub low_quality: bool,
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
    /// A later release's revision of a figure first published otherwise: shown beside the
    /// first release, which stays the one drawn with the year's other first releases.
    Revision,
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
    /// When the latest release was first published: among the figures of the latest
    /// period any series has, the earliest page date; None when none is dated.
    pub fn latest_release_date(&self) -> Option<String> {
        let latest = self
            .series
            .iter()
            .flat_map(|s| s.observations.iter())
            .filter(|o| o.is_fact())
            .map(|o| o.last)
            .max()?;
        self.series
            .iter()
            .flat_map(|s| s.observations.iter())
            .filter(|o| o.is_fact() && o.last == latest)
            .flat_map(|o| o.sources.iter())
            .filter_map(|id| self.source(id)?.date.clone())
            .min()
    }

    pub fn partner(&self, code: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.code == code)
    }

    pub fn reporter(&self, code: &str) -> Option<&Reporter> {
        self.reporters.iter().find(|r| r.code == code)
    }

    /// A partner's name as a sentence says it: "the world", or the partner's name (its
    /// code when undeclared).
    pub fn partner_phrase(&self, code: &str, lang: Lang) -> String {
        match self.partner(code) {
            Some(p) if p.kind == PartnerKind::World => lang.text().the_world.into(),
            Some(p) => p.name_in(lang).to_string(),
            None => code.to_string(),
        }
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
