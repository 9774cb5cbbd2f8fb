//! Where in a JSON text a reading error happened, as a path: `series[0].observations[3].value`.
//!
//! serde_json reports a shape error (a wrong type, an unknown field or variant, a missing
//! field) with its line and column only. Rather than track the path while reading every
//! file (a wrapper around every type's deserializer: slower, and a large share of the
//! shipped code), the path is found afterwards, for a file that failed, by walking the
//! text up to that position. The result is the path a tracking reader would give: the key
//! being read (`series[0].colour` for an unknown field), the value just read
//! (`…observations[3].value` for a wrong type), or the object or array just closed (`…
//! observations[0]` for a missing field); `None` at the top level.

/// One level of nesting: an object with the key being read, or an array with the index.
enum Level {
    Object(Option<String>),
    Array(usize),
}

/// The path to the place at `line` and `column` (1-based, as serde_json counts: the column
/// of the last byte read; 0 for the start of a line) in `text`, or `None` for the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let end = after_tagged_object(bytes, byte_offset(text, line, column)?);
    let mut stack: Vec<Level> = Vec::new();
    let mut i = 0;
    while i < end.min(bytes.len()) {
        match bytes[i] {
            b'"' => {
                let close = string_end(bytes, i);
                if let Some(Level::Object(key @ None)) = stack.last_mut() {
                    *key = Some(unescape(&text[i + 1..close.min(text.len()).max(i + 1)]));
                }
                i = close;
            }
            // An error on an opening bracket is about the value it opens, not inside it.
            b'{' | b'[' if i + 1 == end => {}
            b'{' => stack.push(Level::Object(None)),
            b'[' => stack.push(Level::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Level::Object(key)) => *key = None,
                Some(Level::Array(n)) => *n += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for level in &stack {
        match level {
            Level::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            // An object whose key has not been read yet: the path ends at the object.
            Level::Object(None) => break,
            Level::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    (!path.is_empty()).then_some(path)
}

/// `end`, or, where reading stopped on the `,` or `]` after an object (or the space after
/// that), just after the object's `}`: an object checked once read whole (a claim's
/// assertion, read flat and then converted) has its error reported where reading stopped.
fn after_tagged_object(bytes: &[u8], end: usize) -> usize {
    let last_token = |before: usize| {
        bytes[..before.min(bytes.len())]
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
    };
    match last_token(end) {
        Some(i) if matches!(bytes[i], b',' | b']') => match last_token(i) {
            Some(j) if bytes[j] == b'}' => j + 1,
            _ => end,
        },
        _ => end,
    }
}

/// The byte just after the position serde_json reports.
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    Some(start + column)
}

/// The index of the quote closing the string that opens at `open`.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A key as written, with the common escapes read (a key is a name, rarely escaped).
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string())
}
