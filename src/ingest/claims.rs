//! Reading `claims.json`: the claims of cited articles, each with the article's address,
//! title and date (the article joins the sources, its publisher from `sources.csv`), its
//! words, and what they assert.

use serde::Deserialize;

use super::sources::{SourceTable, UNLISTED};
use super::InputError;
use crate::dataset::{Assertion, Claim};

/// The file's shape.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    claims: Vec<ClaimRow>,
}

/// One claim as the file gives it: the article by its address.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimRow {
    id: String,
    source_url: String,
    source_title: String,
    #[serde(default)]
    published: Option<String>,
    words: String,
    asserts: Vec<Assertion>,
}

/// The claims of `text` (the file `file`), their articles added to `sources`.
pub(super) fn read_claims(
    file: &str,
    text: &str,
    sources: &mut SourceTable,
    errors: &mut Vec<InputError>,
) -> Vec<Claim> {
    let error = |row_id: Option<String>, column: &str, value: Option<String>, expected: String| {
        InputError {
            file: file.to_string(),
            line: None,
            row_id,
            column: Some(column.to_string()).filter(|c| !c.is_empty()),
            value,
            expected,
        }
    };
    let parsed: ClaimsFile = match serde_json::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let mut err = error(None, "", None, format!("claims JSON ({e})"));
            err.line = Some(e.line() as u64);
            errors.push(err);
            return Vec::new();
        }
    };
    let mut claims = Vec::new();
    for row in parsed.claims {
        let title = row.source_title.trim();
        let published = row.published.as_deref();
        let Some(source) = sources.id_for(&row.source_url, title, published) else {
            let url = Some(row.source_url.clone());
            errors.push(error(Some(row.id), "source_url", url, UNLISTED.to_string()));
            continue;
        };
        claims.push(Claim {
            id: row.id,
            source,
            words: row.words,
            asserts: row.asserts,
        });
    }
    claims
}
