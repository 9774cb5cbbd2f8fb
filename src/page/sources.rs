//! Sources and events as the page shows them: a source's title, address and publisher,
//! and each event on the time axis with its number and source.

use crate::dataset::{Dataset, Event};

/// A source as shown: title, address, publisher.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    pub id: String,
    pub title: String,
    pub url: String,
    pub publisher: String,
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
            date: s.date.clone(),
        })
    }
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
