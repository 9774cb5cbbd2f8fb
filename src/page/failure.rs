//! Why the dataset could not be loaded, as data ([`Failure`]), put in words in the reader's
//! language when shown: the heading, the problem in sentences, and the checker's list of
//! problems. The browser layer only fetches; what an answer means is decided here.

use crate::dataset::DatasetError;
use crate::format::megabytes;
use crate::i18n::{fill, Catalogue};
use crate::urlstate::DataRefused;

/// Largest dataset loaded: bigger files are refused before they can freeze the tab.
pub const MAX_DATASET_BYTES: f64 = 50.0 * 1024.0 * 1024.0;
/// How long to wait for the dataset before giving up.
pub const FETCH_TIMEOUT_MS: u32 = 20_000;

/// Why a load failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Timeout {
        path: String,
    },
    Connection {
        path: String,
        detail: String,
    },
    NotFound {
        path: String,
    },
    Http {
        path: String,
        status: u16,
        text: String,
    },
    TooLarge {
        path: String,
        bytes: f64,
    },
    NotUtf8 {
        path: String,
    },
    BrokenOff {
        path: String,
        detail: String,
    },
    /// Not a valid dataset; `content_type` when the server called it something else.
    Invalid {
        error: DatasetError,
        content_type: Option<String>,
    },
    Refused(DataRefused),
}

/// The failure in words: a heading, the problem in sentences, and the dataset checker's
/// problems one per line.
#[derive(Debug, Clone, PartialEq)]
pub struct Told {
    pub title: String,
    pub lines: Vec<String>,
    pub details: Vec<String>,
}

impl Failure {
    /// The failure of an answer with HTTP status `status` (none for 200).
    pub fn of_status(path: &str, status: u16, text: String) -> Option<Failure> {
        let path = path.to_string();
        match status {
            200 => None,
            404 => Some(Failure::NotFound { path }),
            status => Some(Failure::Http { path, status, text }),
        }
    }

    /// The failure of a body that could not be read: over the size limit (the reader's
    /// message `too-large:BYTES`), or broken off.
    pub fn of_body(path: &str, message: &str) -> Failure {
        let path = path.to_string();
        match message.strip_prefix("too-large:") {
            Some(bytes) => Failure::TooLarge {
                path,
                // Whole bytes: no float parser shipped for them.
                bytes: bytes.parse::<u64>().map_or(0.0, |b| b as f64),
            },
            None => Failure::BrokenOff {
                path,
                detail: message.to_string(),
            },
        }
    }

    /// A body that is not a valid dataset, served as `content_type`: the type is named
    /// when the text is not JSON and the server called it something else.
    pub fn invalid(error: DatasetError, content_type: &str) -> Failure {
        let named_otherwise = matches!(error, DatasetError::NotJson { .. })
            && !content_type.contains("json")
            && !content_type.is_empty();
        Failure::Invalid {
            error,
            content_type: named_otherwise.then(|| content_type.to_string()),
        }
    }

    /// Whether trying again can help (network and server errors).
    pub fn retry(&self) -> bool {
        match self {
            Failure::Timeout { .. } | Failure::Connection { .. } | Failure::BrokenOff { .. } => {
                true
            }
            Failure::Http { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            _ => false,
        }
    }

    /// The failure in the words of catalogue `t`.
    pub fn describe(&self, t: &Catalogue) -> Told {
        let one = |title: &str, template: &str, values: &[(&str, &str)]| Told {
            title: title.to_string(),
            lines: vec![fill(template, values)],
            details: Vec::new(),
        };
        match self {
            Failure::Timeout { path } => {
                let seconds = (FETCH_TIMEOUT_MS / 1000).to_string();
                let values = [("path", path.as_str()), ("seconds", &seconds)];
                one(t.err_timeout_title, t.err_timeout, &values)
            }
            Failure::Connection { path, detail } => one(
                t.err_fetch_title,
                t.err_connection,
                &[("path", path), ("detail", detail)],
            ),
            Failure::NotFound { path } => {
                one(t.err_not_found_title, t.err_not_found, &[("path", path)])
            }
            Failure::Http { path, status, text } => {
                let status = format!("{status} {text}");
                let values = [("path", path.as_str()), ("status", status.trim_end())];
                one(t.err_load_title, t.err_http, &values)
            }
            Failure::TooLarge { path, bytes } => one(
                t.err_too_large_title,
                t.err_too_large,
                &[
                    ("path", path),
                    ("size", &megabytes(*bytes)),
                    ("max", &megabytes(MAX_DATASET_BYTES)),
                ],
            ),
            Failure::NotUtf8 { path } => {
                one(t.err_invalid_title, t.err_not_utf8, &[("path", path)])
            }
            Failure::BrokenOff { path, detail } => one(
                t.err_read_title,
                t.err_broken_off,
                &[("path", path), ("detail", detail)],
            ),
            Failure::Refused(refused) => Told {
                title: t.err_refused_title.to_string(),
                lines: vec![refused.message(t.lang)],
                details: Vec::new(),
            },
            Failure::Invalid {
                error,
                content_type,
            } => {
                let (head, details) = error.lines_in(t.lang);
                let mut lines = vec![head];
                if let Some(kind) = content_type {
                    lines.push(fill(t.err_content_type, &[("type", kind)]));
                }
                Told {
                    title: t.err_invalid_title.to_string(),
                    lines,
                    details,
                }
            }
        }
    }
}
