//! The embed protocol between a dashboard inside an iframe and the page that hosts it.
//! Public API (documented in docs/embedding.md): every message is a JSON object with a
//! namespaced `type` and a version `v`; anything else is ignored.
//!
//! - child → host: `{"type": "trade-trends:height", "v": 1, "id": "…", "height": 812}`,
//!   after every render and resize, only when the height changed.
//! - host → child: `{"type": "trade-trends:theme", "v": 1, "theme": "dark"}`.
//!
//! Also the code a newsroom pastes to embed a view ([`embed_codes`]) and the addresses of
//! a view's full page and preview, made from the page's own address.

use crate::format::escape_xml;
use crate::urlstate::{to_query, Theme, ViewMode, ViewState};

/// Message type of the height report.
pub const HEIGHT_TYPE: &str = "trade-trends:height";
/// Message type of a theme change sent by the host.
pub const THEME_TYPE: &str = "trade-trends:theme";
/// Protocol version.
pub const VERSION: u64 = 1;
/// Largest message text read; longer ones are ignored unread.
pub const MAX_MESSAGE: usize = 1024;

/// The height report for the host, as JSON text.
pub fn height_message(id: &str, height: u32) -> String {
    serde_json::json!({ "type": HEIGHT_TYPE, "v": VERSION, "id": id, "height": height }).to_string()
}

/// Why a message was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ignored {
    TooLarge,
    NotAnObject,
    WrongType,
    WrongVersion,
    BadField(&'static str),
}

/// Reads a theme message sent by the host (as JSON text). Exactly the fields `type`, `v`
/// and `theme`; anything else is ignored.
pub fn parse_theme_message(text: &str) -> Result<Theme, Ignored> {
    if text.len() > MAX_MESSAGE {
        return Err(Ignored::TooLarge);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| Ignored::NotAnObject)?;
    let object = value.as_object().ok_or(Ignored::NotAnObject)?;
    if object.get("type").and_then(|t| t.as_str()) != Some(THEME_TYPE) {
        return Err(Ignored::WrongType);
    }
    if object.get("v").and_then(|v| v.as_u64()) != Some(VERSION) {
        return Err(Ignored::WrongVersion);
    }
    if object.len() != 3 {
        return Err(Ignored::BadField("only type, v and theme are allowed"));
    }
    object
        .get("theme")
        .and_then(|t| t.as_str())
        .and_then(Theme::from_code)
        .ok_or(Ignored::BadField("theme must be light, dark or auto"))
}

/// The full (non-embed) page of a view, at `base` (the page's address without query).
pub fn full_page_url(base: &str, state: &ViewState) -> String {
    let mut full = state.clone();
    full.embed = false;
    full.controls = true;
    full.id = None;
    full.transparent = false;
    with_query(base, &to_query(&full))
}

/// The embed of a view shown in the Embed dialog's preview.
pub fn preview_url(base: &str, state: &ViewState) -> String {
    let mut preview = state.clone();
    preview.embed = true;
    preview.id = Some("preview".into());
    format!("{base}?{}", to_query(&preview))
}

/// `base`, with `?query` unless the query is empty.
fn with_query(base: &str, query: &str) -> String {
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// The two ways to embed a view, as HTML to paste into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedCodes {
    /// An iframe, resized to its content by `embed.js`.
    pub iframe: String,
    /// One element and the script that turns it into the iframe.
    pub script: String,
}

/// The embed codes for a view at `base` (the page's address without query), titled
/// `title` for screen readers.
pub fn embed_codes(base: &str, state: &ViewState, title: &str) -> EmbedCodes {
    let mut state = state.clone();
    // An embed shows the chart or its table; the other tabs are the full page's.
    if !matches!(state.view, ViewMode::Chart | ViewMode::Table) {
        state.view = ViewMode::Chart;
    }
    let state = &state;
    let mut embed = state.clone();
    embed.embed = true;
    embed.id = Some("trade-trends-1".into());
    let script_src = format!("{}embed.js", base.trim_end_matches("index.html"));
    let title = escape_xml(title);
    let iframe = format!(
        "<iframe src=\"{base}?{}\" title=\"{title}\" data-trade-trends-frame style=\"width:100%;border:0;height:640px\" loading=\"lazy\"></iframe>\n<script async src=\"{script_src}\"></script>",
        to_query(&embed).replace('&', "&amp;")
    );
    let mut plain = state.clone();
    plain.embed = false;
    plain.id = None;
    let url = with_query(base, &to_query(&plain).replace('&', "&amp;"));
    let script = format!("<div data-trade-trends=\"{url}\" data-title=\"{title}\"></div>\n<script async src=\"{script_src}\"></script>");
    EmbedCodes { iframe, script }
}

/// The dated copy of the dataset at `path` for `vintage`: `data/xinjiang.json` →
/// `data/xinjiang-2026-03-10.json`. An embed that names it keeps showing those figures.
pub fn vintage_path(path: &str, vintage: &str) -> String {
    let stem = path.strip_suffix(".json").unwrap_or(path);
    format!("{stem}-{vintage}.json")
}

/// The current dataset and the vintage a dated copy's path names:
/// `data/xinjiang-2026-03-10.json` → (`data/xinjiang.json`, `2026-03-10`); None for a path
/// that names no vintage.
pub fn pinned_parts(path: &str) -> Option<(String, String)> {
    let stem = path.strip_suffix(".json")?;
    let (current, date) = stem.split_at(stem.len().checked_sub(11)?);
    let date = date.strip_prefix('-')?;
    let is_date = date.len() == 10
        && date.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    (is_date && !current.is_empty()).then(|| (format!("{current}.json"), date.to_string()))
}

/// The list of a dataset's vintages, beside it: `data/xinjiang.json` →
/// `data/xinjiang.vintages.json` (`{"latest": "2026-03-10", "vintages": [...]}`).
pub fn vintages_path(path: &str) -> String {
    let stem = path.strip_suffix(".json").unwrap_or(path);
    format!("{stem}.vintages.json")
}
