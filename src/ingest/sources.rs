//! Reading `sources.csv`: for every page the other tables cite, the outlet that wrote it
//! (its publisher), the outlet whose site carries it with permission (`via`), the host of
//! an unrelated site it is a copy on (`copy_on`), and whether the host is a content farm
//! or an AI-padded aggregator (`low_quality`).

use std::collections::HashMap;

use super::table::{each_row, read_table, Row};
use super::InputError;
use crate::dataset::{looks_like_host, Source};

const SOURCE_COLUMNS: [&str; 6] = ["url", "publisher", "via", "copy_on", "low_quality", "note"];

/// What `sources.csv` says of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub publisher: String,
    pub via: Option<String>,
    pub copy_on: Option<String>,
    pub low_quality: bool,
}

/// The pages of `sources.csv`, by address.
pub(super) fn read_pages(
    file: &str,
    text: &str,
    errors: &mut Vec<InputError>,
) -> HashMap<String, Page> {
    let Some(table) = read_table(file, text, &SOURCE_COLUMNS, errors) else {
        return HashMap::new();
    };
    let mut pages = HashMap::new();
    each_row(&table, Some("url"), errors, |row| {
        let url = row.url("url");
        let publisher = read_publisher(row);
        let via = optional(row, "via");
        let copy_on = optional(row, "copy_on");
        if copy_on.as_deref().is_some_and(|h| !looks_like_host(h)) {
            row.fail(
                "copy_on",
                "the host the page is a copy on, e.g. houyingdance.com",
            );
        }
        let low_quality = match row.get("low_quality") {
            "" => false,
            "yes" => true,
            _ => {
                row.fail("low_quality", "yes, or nothing");
                false
            }
        };
        // A page refused for its publisher alone is still listed (with no publisher), so
        // the rows citing it are not also called unlisted: the build fails on this row.
        let refused_publisher = publisher.is_none();
        let (Some(url), false) = (url, row.failed && !refused_publisher) else {
            return;
        };
        let page = Page {
            publisher: publisher.unwrap_or_default(),
            via,
            copy_on,
            low_quality,
        };
        if pages.insert(url, page).is_some() {
            row.fail("url", "each page once");
        }
    });
    pages
}

/// The publisher cell: the outlet's name, never empty, never a host.
fn read_publisher(row: &mut Row) -> Option<String> {
    let publisher = row.get("publisher").trim().to_string();
    if publisher.is_empty() || looks_like_host(&publisher) {
        let expected = "the outlet that wrote the text (e.g. Xinhua), not a host; a copy's host goes in copy_on";
        row.fail("publisher", expected);
        return None;
    }
    Some(publisher)
}

fn optional(row: &mut Row, column: &str) -> Option<String> {
    Some(row.get(column).to_string()).filter(|s| !s.is_empty())
}

/// Sources met while reading, one per address, numbered in order of first use, each with
/// its publisher from `sources.csv`.
#[derive(Debug, Default)]
pub(crate) struct SourceTable {
    pub sources: Vec<Source>,
    pages: HashMap<String, Page>,
}

impl SourceTable {
    pub fn new(pages: HashMap<String, Page>) -> SourceTable {
        SourceTable {
            sources: Vec::new(),
            pages,
        }
    }

    /// What `sources.csv` says of the page at `url`.
    pub fn page(&self, url: &str) -> Option<&Page> {
        self.pages.get(url)
    }

    /// The id of the source at `url`, adding it if new; none when `sources.csv` does not
    /// list the page.
    pub fn id_for(&mut self, url: &str, title: &str, date: Option<&str>) -> Option<String> {
        if let Some(s) = self.sources.iter_mut().find(|s| s.url == url) {
            // A later row may know the page's date where the first did not.
            if s.date.is_none() {
                s.date = date.map(str::to_string);
            }
            return Some(s.id.clone());
        }
        let page = self.pages.get(url)?.clone();
        let id = format!("s{:03}", self.sources.len() + 1);
        self.sources.push(Source {
            id: id.clone(),
            title: title.to_string(),
            url: url.to_string(),
            publisher: page.publisher,
            via: page.via,
            copy_on: page.copy_on,
            low_quality: page.low_quality,
            date: date.map(str::to_string),
        });
        Some(id)
    }
}

/// What a row expects of its source's address when `sources.csv` does not list it.
pub(super) const UNLISTED: &str =
    "a page listed in sources.csv with its publisher (the outlet that wrote it)";
