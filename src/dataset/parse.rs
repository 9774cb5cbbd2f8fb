//! Reading a dataset file: the text to the wire types, with an error that says where the
//! file is not JSON or not of the dataset's shape, then the checker's rules.

use super::problem::{DatasetError, DatasetNote};
use super::validate::validate;
use super::wire::Dataset;
use super::SCHEMA_VERSION;

/// Parses and validates dataset text; `file` names it in messages.
pub fn parse_dataset(file: &str, text: &str) -> Result<Dataset, DatasetError> {
    parse_dataset_noting(file, text).map(|(d, _)| d)
}

/// As [`parse_dataset`], with notes about what was accepted but is worth knowing (a
/// byte-order mark at the start, which is ignored).
pub fn parse_dataset_noting(
    file: &str,
    text: &str,
) -> Result<(Dataset, Vec<DatasetNote>), DatasetError> {
    let mut notes = Vec::new();
    // A byte-order mark is harmless (editors on some systems add one): ignored, and said so.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            notes.push(DatasetNote::ByteOrderMark {
                file: file.to_string(),
            });
            rest
        }
        None => text,
    };
    if let Some(found) = top_level_kind(text) {
        return Err(DatasetError::Shape {
            file: file.to_string(),
            path: "the top level".to_string(),
            detail: format!("expected a JSON object {{…}}, found {found}"),
        });
    }
    let dataset: Dataset = match serde_json::from_str(text) {
        Ok(d) => d,
        Err(err) => return Err(read_error(file, text, err)),
    };
    if dataset.schema_version != SCHEMA_VERSION {
        return Err(DatasetError::UnsupportedVersion {
            file: file.to_string(),
            found: dataset.schema_version.to_string(),
        });
    }
    let problems = validate(&dataset);
    if problems.is_empty() {
        Ok((dataset, notes))
    } else {
        Err(DatasetError::Invalid {
            file: file.to_string(),
            problems,
        })
    }
}

/// What the text holds at the top level when it is JSON but not an object.
fn top_level_kind(text: &str) -> Option<&'static str> {
    match text.trim_start().bytes().next()? {
        b'[' => Some("an array"),
        b'"' => Some("a string"),
        b'-' | b'0'..=b'9' => Some("a number"),
        b't' | b'f' => Some("true or false"),
        b'n' => Some("null"),
        _ => None,
    }
}

/// The error of a file serde_json could not read: not JSON at all, or JSON of another
/// shape, with the path of the place (found from the error's position).
fn read_error(file: &str, text: &str, err: serde_json::Error) -> DatasetError {
    let file = file.to_string();
    if err.is_syntax() || err.is_eof() {
        return DatasetError::NotJson {
            file,
            line: err.line(),
            column: err.column(),
            detail: strip_position(&err.to_string()),
        };
    }
    // A different schema version explains any shape difference better than the shape does.
    #[derive(serde::Deserialize)]
    struct VersionOnly {
        schema_version: Option<serde_json::Value>,
    }
    if let Ok(VersionOnly {
        schema_version: Some(v),
    }) = serde_json::from_str(text)
    {
        if v != SCHEMA_VERSION {
            return DatasetError::UnsupportedVersion {
                file,
                found: v.to_string(),
            };
        }
    }
    DatasetError::Shape {
        file,
        path: super::jsonpath::path_at(text, err.line(), err.column())
            .unwrap_or_else(|| "the top level".to_string()),
        detail: strip_position(&err.to_string()),
    }
}

/// serde_json appends " at line L column C"; the error types carry the position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
