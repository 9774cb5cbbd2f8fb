//! Sources and events as the page shows them: a source's title, address and publisher,
//! and each event on the time axis with its number and source.

use crate::dataset::{Dataset, Event};
use crate::i18n::{fill, Lang};

/// A source as shown: title, address, and who wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    pub id: String,
    pub title: String,
    pub url: String,
    /// The outlet that wrote the text.
    pub publisher: String,
    /// The outlet whose site carries it, when not the publisher's own.
    pub via: Option<String>,
    /// The host of an unrelated site the page is a copy on.
    pub copy_on: Option<String>,
    pub low_quality: bool,
    pub date: Option<String>,
}

impl SourceLink {
    /// Source `id` of `d`, if declared.
    pub fn of(d: &Dataset, id: &str) -> Option<SourceLink> {
        let s = d.source(id)?;
        Some(SourceLink {
            id: s.id.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
            publisher: s.publisher.clone(),
            via: s.via.clone(),
            copy_on: s.copy_on.clone(),
            low_quality: s.low_quality,
            date: s.date.clone(),
        })
    }

    /// Who to credit, in a language: "Xinhua (via People's Daily Online)", "People's Daily
    /// Overseas Edition (copy on houyingdance.com)", with a low-quality host said so.
    pub fn credit(&self, lang: Lang) -> String {
        let t = lang.text();
        let publisher = self.publisher.as_str();
        let credit = match (&self.copy_on, &self.via) {
            (Some(host), _) => fill(t.credit_copy, &[("publisher", publisher), ("host", host)]),
            (None, Some(site)) => fill(t.credit_via, &[("publisher", publisher), ("site", site)]),
            (None, None) => publisher.to_string(),
        };
        match self.low_quality {
            true => fill(t.credit_low_quality, &[("credit", &credit)]),
            false => credit,
        }
    }
}

/// The distinct publishers of `sources`, in order of first use.
pub fn publishers(sources: &[SourceLink]) -> Vec<&SourceLink> {
    let mut seen: Vec<&SourceLink> = Vec::new();
    for s in sources {
        if !seen.iter().any(|k| k.publisher == s.publisher) {
            seen.push(s);
        }
    }
    seen
}

/// An event as listed under the chart, numbered as on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct EventItem {
    pub number: usize,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    pub source: Option<SourceLink>,
}

impl EventItem {
    /// Event `e` of `d`, numbered `number`.
    pub fn of(d: &Dataset, e: &Event, number: usize) -> EventItem {
        EventItem {
            number,
            date: e.date.clone(),
            title: e.title.clone(),
            source: SourceLink::of(d, &e.source),
        }
    }
}

impl super::Page {
    /// The sources of the shown values (the page's other sources are the figure check's).
    pub fn value_credits(&self) -> &[SourceLink] {
        &self.sources[..self.value_sources.min(self.sources.len())]
    }

    /// The credit line under the chart, as text: "Sources: Xinhua, People's Daily. Chart:
    /// Trade Trends. {licence}" (the publishers of the shown values, each once, in order of
    /// first use).
    pub fn credit_line(&self) -> String {
        let t = self.wording.lang.text();
        let names: Vec<&str> = publishers(self.value_credits())
            .into_iter()
            .map(|s| s.publisher.as_str())
            .collect();
        format!(
            "{}{}{}{}{}{}",
            t.sources_lead,
            names.join(", "),
            t.sentence_end_short,
            t.chart_credit,
            t.sentence_end_short,
            self.license
        )
    }
}
