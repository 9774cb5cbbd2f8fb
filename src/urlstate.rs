//! The page's URL parameters: the whole view state, parsed with a notice for every value
//! that falls back to its default, and printed back (only what differs from the
//! defaults). These parameters are the public API of links and embeds (see README).

use crate::currency::Currency;
use crate::i18n::{fill, Catalogue, Lang};
use crate::month::Month;

/// The dataset bundled with the app, relative to the page.
pub const DEFAULT_DATA: &str = "data/xinjiang.json";

/// Why a `data=` value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataRefused {
    pub value: String,
    pub reason: Refusal,
}

/// What is wrong with a refused `data=` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLong,
    Scheme,
    Root,
    Characters,
    Segment,
    NotJson,
}

impl Refusal {
    /// In words, in a language: "it is empty".
    pub fn text(self, lang: Lang) -> &'static str {
        let t = lang.text();
        match self {
            Refusal::Empty => t.refuse_empty,
            Refusal::TooLong => t.refuse_too_long,
            Refusal::Scheme => t.refuse_scheme,
            Refusal::Root => t.refuse_root,
            Refusal::Characters => t.refuse_characters,
            Refusal::Segment => t.refuse_segment,
            Refusal::NotJson => t.refuse_not_json,
        }
    }
}

impl DataRefused {
    /// The whole message in a language.
    pub fn message(&self, lang: Lang) -> String {
        fill(
            lang.text().err_refused,
            &[("value", &self.value), ("reason", self.reason.text(lang))],
        )
    }
}

impl std::fmt::Display for DataRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DataRefused {}

/// The dataset path to fetch for the (already percent-decoded) `data` parameter.
pub fn data_path(param: Option<&str>) -> Result<String, DataRefused> {
    let Some(value) = param else {
        return Ok(DEFAULT_DATA.to_string());
    };
    let refuse = |reason| {
        Err(DataRefused {
            value: value.chars().take(200).collect(),
            reason,
        })
    };
    if value.is_empty() {
        return refuse(Refusal::Empty);
    }
    if value.len() > 512 {
        return refuse(Refusal::TooLong);
    }
    if value.contains(':') {
        return refuse(Refusal::Scheme);
    }
    if value.starts_with('/') || value.starts_with('\\') {
        return refuse(Refusal::Root);
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
    {
        return refuse(Refusal::Characters);
    }
    if value
        .split('/')
        .any(|segment| segment == ".." || segment == "." || segment.is_empty())
    {
        return refuse(Refusal::Segment);
    }
    if !value.ends_with(".json") {
        return refuse(Refusal::NotJson);
    }
    Ok(value.to_string())
}

/// Colour theme of the page and chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        match code {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// Light or dark, given whether the reader prefers dark.
    pub fn resolve(self, prefers_dark: bool) -> Theme {
        match self {
            Theme::Auto if prefers_dark => Theme::Dark,
            Theme::Auto => Theme::Light,
            t => t,
        }
    }
}

/// An embed id: letters, digits, `-` and `_`, at most 64 characters.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A closed set of URL values: each variant has one code.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

coded_enum!(
    /// Which flow: a published one, or the balance computed from two.
    FlowChoice { Total = "total", Exports = "exports", Imports = "imports", Balance = "balance" }
);
coded_enum!(
    /// What is measured.
    MeasureKind {
        /// Value per period (single months where the data allows, multi-month periods otherwise).
        Monthly = "monthly",
        /// Year-to-date cumulative, as published.
        Ytd = "ytd",
        /// Year-on-year change, year to date.
        Yoy = "yoy",
        /// Sum of 12 consecutive months.
        Rolling12 = "rolling12",
        /// Share of the world total, year to date.
        Share = "share",
        /// Contribution to the world total's growth, year to date.
        Contribution = "contribution",
        /// The reporter's share of the compared reporter's value (a region's of its
        /// country's), year to date, where both published the same period.
        ReporterShare = "reporter_share",
    }
);
coded_enum!(
    /// How values are drawn.
    ChartKind { Line = "line", Bar = "bar", Area = "area" }
);
coded_enum!(
    /// Which tab of the graphic is open: the chart, the table of its values, the figure
    /// check, the sources, or the downloads and embed codes.
    ViewMode {
        Chart = "chart",
        Table = "table",
        Check = "check",
        Sources = "sources",
        Download = "download",
    }
);

/// Everything a link or an embed can set.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// Dataset path (validated by [`data_path`]).
    pub data: String,
    /// Reporter code; `None` for the dataset's default.
    pub reporter: Option<String>,
    /// A second reporter shown beside the first (`compare=china`).
    pub compare: Option<String>,
    pub flow: FlowChoice,
    /// Partner codes; empty for the dataset's default.
    pub partners: Vec<String>,
    pub measure: MeasureKind,
    /// Monthly measure: draw multi-month periods at their average per month.
    pub average: bool,
    pub currency: Currency,
    pub from: Option<Month>,
    pub to: Option<Month>,
    pub chart: ChartKind,
    pub view: ViewMode,
    pub events: bool,
    /// Embed mode: the chart with its key figures, notes and sources, no page chrome.
    pub embed: bool,
    /// Controls shown (in embed mode `controls=0` hides them).
    pub controls: bool,
    /// The embed's id, echoed in its height messages.
    pub id: Option<String>,
    pub theme: Theme,
    /// Transparent background (the host's shows through).
    pub transparent: bool,
    /// The page's language; `None` follows the reader's browser.
    pub lang: Option<Lang>,
}

impl Default for ViewState {
    fn default() -> ViewState {
        ViewState {
            data: DEFAULT_DATA.to_string(),
            reporter: None,
            compare: None,
            flow: FlowChoice::Total,
            partners: Vec::new(),
            measure: MeasureKind::Monthly,
            average: true,
            currency: Currency::CNY,
            from: None,
            to: None,
            chart: ChartKind::Line,
            view: ViewMode::Chart,
            events: false,
            embed: false,
            controls: true,
            id: None,
            theme: Theme::Auto,
            transparent: false,
            lang: None,
        }
    }
}

/// A parameter that could not be used, and what was used instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub param: String,
    pub message: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.param, self.message)
    }
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space, `%XX` a byte).
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a value for a query string, leaving the characters our values use readable.
pub fn encode_component(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' | b',' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Longest value read from a parameter; longer ones fall back with a notice.
const MAX_VALUE: usize = 2000;

fn shown(value: &str) -> String {
    let short: String = value.chars().take(40).collect();
    if short.len() < value.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Parses a query string (with or without the leading `?`). Every value that cannot be
/// used falls back to its default, with a notice naming the parameter (in English, or in
/// the language the query asks for).
pub fn parse_query(query: &str) -> (ViewState, Vec<Notice>) {
    parse_query_in(query, Lang::En)
}

/// As [`parse_query`], with notices in `fallback` (the reader's browser language) unless
/// the query names a language.
pub fn parse_query_in(query: &str, fallback: Lang) -> (ViewState, Vec<Notice>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    let asked = query
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .and_then(|v| Lang::from_code(&decode_component(v)));
    let t = asked.unwrap_or(fallback).text();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode_component(raw_key);
        let value = decode_component(raw_value);
        let message = if seen.contains(&key) {
            Some(t.notice_repeated.to_string())
        } else if value.len() > MAX_VALUE {
            Some(fill(t.notice_too_long, &[("max", &MAX_VALUE.to_string())]))
        } else {
            let what = set_param(&mut state, &key, &value, t).err();
            what.map(|what| {
                fill(
                    t.notice_fallback,
                    &[("value", &shown(&value)), ("what", what)],
                )
            })
        };
        if !seen.contains(&key) {
            seen.push(key.clone());
        }
        if let Some(message) = message {
            notices.push(Notice {
                param: key,
                message,
            });
        }
    }
    if let (Some(from), Some(to)) = (state.from, state.to) {
        if from > to {
            notices.push(Notice {
                param: "from".into(),
                message: fill(
                    t.notice_from_after_to,
                    &[("from", &from.to_string()), ("to", &to.to_string())],
                ),
            });
            state.from = None;
            state.to = None;
        }
    }
    (state, notices)
}

/// Sets parameter `key` of `state` to `value`; what was expected (in `t`'s words) when the
/// value cannot be used. Parameters of other features (embeds, trackers) are not ours to
/// judge: they are left as they are.
fn set_param(
    state: &mut ViewState,
    key: &str,
    value: &str,
    t: &Catalogue,
) -> Result<(), &'static str> {
    let switch = |expected| on_off(value).ok_or(expected);
    match key {
        // A refused dataset is an error the page shows on its own, not a fallback.
        "data" => state.data = data_path(Some(value)).unwrap_or(value.to_string()),
        "reporter" if is_code(value) => state.reporter = Some(value.to_string()),
        "reporter" => return Err(t.expect_reporter),
        "compare" if is_code(value) => state.compare = Some(value.to_string()),
        "compare" => return Err(t.expect_reporter),
        "flow" => state.flow = FlowChoice::from_code(value).ok_or(t.expect_flow)?,
        "partners" => state.partners = partner_codes(value).ok_or(t.expect_partners)?,
        "measure" => state.measure = MeasureKind::from_code(value).ok_or(t.expect_measure)?,
        "average" => state.average = switch(t.expect_on_off)?,
        "currency" => state.currency = Currency::from_code(value).ok_or(t.expect_currency)?,
        "from" => state.from = Some(value.parse().map_err(|_| t.expect_month)?),
        "to" => state.to = Some(value.parse().map_err(|_| t.expect_month)?),
        "chart" => state.chart = ChartKind::from_code(value).ok_or(t.expect_chart)?,
        "view" => state.view = ViewMode::from_code(value).ok_or(t.expect_view)?,
        "events" => state.events = switch(t.expect_on_off)?,
        "embed" => state.embed = switch(t.expect_one_zero)?,
        "controls" => state.controls = switch(t.expect_one_zero)?,
        "transparent" => state.transparent = switch(t.expect_one_zero)?,
        "id" if valid_id(value) => state.id = Some(value.to_string()),
        "id" => return Err(t.expect_id),
        "theme" => state.theme = Theme::from_code(value).ok_or(t.expect_theme)?,
        "lang" => state.lang = Some(Lang::from_code(value).ok_or(t.expect_lang)?),
        _ => {}
    }
    Ok(())
}

/// The codes of a `partners` value, each once, in order: up to 50 codes.
fn partner_codes(value: &str) -> Option<Vec<String>> {
    let codes: Vec<&str> = value.split(',').filter(|c| !c.is_empty()).collect();
    if codes.is_empty() || codes.len() > 50 || !codes.iter().all(|c| is_code(c)) {
        return None;
    }
    let mut unique: Vec<String> = Vec::new();
    for c in codes {
        if !unique.iter().any(|u| u == c) {
            unique.push(c.to_string());
        }
    }
    Some(unique)
}

fn is_code(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 40
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn on_off(value: &str) -> Option<bool> {
    match value {
        "on" | "1" | "true" => Some(true),
        "off" | "0" | "false" => Some(false),
        _ => None,
    }
}

/// The query string for `state` (without `?`), listing only what differs from the defaults,
/// in a fixed order.
pub fn to_query(state: &ViewState) -> String {
    let d = ViewState::default();
    let mut parts: Vec<String> = Vec::new();
    let mut push =
        |key: &str, value: &str| parts.push(format!("{key}={}", encode_component(value)));
    if state.data != d.data {
        push("data", &state.data);
    }
    if let Some(r) = &state.reporter {
        push("reporter", r);
    }
    if let Some(r) = &state.compare {
        push("compare", r);
    }
    if state.flow != d.flow {
        push("flow", state.flow.code());
    }
    if !state.partners.is_empty() {
        push("partners", &state.partners.join(","));
    }
    if state.measure != d.measure {
        push("measure", state.measure.code());
    }
    if state.average != d.average {
        push("average", if state.average { "on" } else { "off" });
    }
    if state.currency != d.currency {
        push("currency", state.currency.code());
    }
    if let Some(m) = state.from {
        push("from", &m.to_string());
    }
    if let Some(m) = state.to {
        push("to", &m.to_string());
    }
    if state.chart != d.chart {
        push("chart", state.chart.code());
    }
    if state.view != d.view {
        push("view", state.view.code());
    }
    if state.events != d.events {
        push("events", if state.events { "on" } else { "off" });
    }
    if state.embed {
        push("embed", "1");
    }
    if !state.controls {
        push("controls", "0");
    }
    if let Some(id) = &state.id {
        push("id", id);
    }
    if state.theme != d.theme {
        push("theme", state.theme.code());
    }
    if state.transparent {
        push("transparent", "1");
    }
    if let Some(lang) = state.lang {
        push("lang", lang.code());
    }
    parts.join("&")
}

/// Parameters that change how a view is shown, not what it shows: an embed of a page's own
/// view (`embed`, `id`, `controls`, `lang=en`) keeps the page's static first paint.
const PRESENTATION_ONLY: [&str; 3] = ["embed", "id", "controls"];

/// Whether `query` (an address's query, with or without `?`) asks for the view `painted`
/// (a prerendered page's own query), once the parameters of presentation only are left
/// out. The page's head script applies the same rule (src/bin/prerender.rs).
pub fn shows_painted_view(query: &str, painted: &str) -> bool {
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or_default();
            !PRESENTATION_ONLY.contains(&key) && *pair != "lang=en"
        })
        .collect();
    kept.join("&") == painted.trim_start_matches('?')
}
