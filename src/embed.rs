//! The embed protocol between a dashboard inside an iframe and the page that hosts it.
//! Public API (documented in docs/embedding.md): every message is a JSON object with a
//! namespaced `type` and a version `v`; anything else is ignored.
//!
//! - child → host: `{"type": "trade-trends:height", "v": 1, "id": "…", "height": 812}`,
//!   after every render and resize, only when the height changed.
//! - host → child: `{"type": "trade-trends:theme", "v": 1, "theme": "dark"}`.

/// Message type of the height report.
pub const HEIGHT_TYPE: &str = "trade-trends:height";
/// Message type of a theme change sent by the host.
pub const THEME_TYPE: &str = "trade-trends:theme";
/// Protocol version.
pub const VERSION: u64 = 1;
/// Largest message text read; longer ones are ignored unread.
pub const MAX_MESSAGE: usize = 1024;

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
