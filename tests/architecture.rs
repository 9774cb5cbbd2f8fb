//! The house rules, read from the source: imports point down the layers of `LAYERS` (no
//! module imports one of a later layer, and no modules import each other in a loop), the
//! layer table in `lib.rs` and `docs/architecture.md` shows `LAYERS` as it is, and no
//! function is longer than a screen allows (components a little longer, for their markup).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use trade_trends::LAYERS;

/// Longest function, in lines, not counting `view!` markup.
const MAX_FUNCTION_LINES: usize = 100;
/// Longest component (a `#[component]` function), in lines, markup included.
const MAX_COMPONENT_LINES: usize = 120;

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The library's files, each with the top-level module it belongs to (`src/page/hits.rs`
/// is `page`); the crate root, the binaries and `main.rs` are not modules of a layer.
fn library_files() -> Vec<(String, PathBuf)> {
    rust_files(Path::new("src"))
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix("src").unwrap().to_path_buf();
            let first = rel.components().next()?.as_os_str().to_str()?.to_string();
            let module = first.trim_end_matches(".rs").to_string();
            (!["lib", "main", "bin"].contains(&module.as_str())).then_some((module, path))
        })
        .collect()
}

/// `text` with comments, string and character literals blanked out (line breaks kept), so
/// that what is left is code: a path in a doc comment or a string is not an import.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep_lines = |s: &str| s.chars().filter(|&c| c == '\n').collect::<String>();
    while i < b.len() {
        let rest = &text[i..];
        let end = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            rest.find("*/").map_or(rest.len(), |e| e + 2)
        } else if let Some(n) = raw_string(rest) {
            n
        } else if rest.starts_with('"') {
            string_end(rest)
        } else if let Some(n) = char_literal(rest) {
            n
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
            continue;
        };
        out.push_str("\"\"");
        out.push_str(&keep_lines(&rest[..end]));
        i += end;
    }
    out
}

/// The length of a raw string literal at the start of `rest` (`r"…"`, `r#"…"#`).
fn raw_string(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix('r')?;
    let hashes = after.len() - after.trim_start_matches('#').len();
    let body = after[hashes..].strip_prefix('"')?;
    let close = format!("\"{}", "#".repeat(hashes));
    let end = body.find(&close)?;
    Some(1 + hashes + 1 + end + close.len())
}

/// The length of the string literal at the start of `rest`.
fn string_end(rest: &str) -> usize {
    let b = rest.as_bytes();
    let mut j = 1;
    while j < b.len() && b[j] != b'"' {
        j += if b[j] == b'\\' { 2 } else { 1 };
    }
    (j + 1).min(b.len())
}

/// The length of a character literal at the start of `rest` (`'a'`, `'\n'`, `'{'`), not
/// a lifetime.
fn char_literal(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix('\'')?;
    let mut chars = body.char_indices();
    let (_, first) = chars.next()?;
    let len = if first == '\\' {
        body[1..].find('\'')? + 2
    } else {
        first.len_utf8()
    };
    (body[len..].starts_with('\'')).then_some(len + 2)
}

/// The top-level modules `code` names after `crate::`, including grouped imports
/// (`use crate::{a::X, b}`).
fn crate_modules(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = code[at + "crate::".len()..].trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = true;
            for (k, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if c.is_whitespace() => {}
                    _ if item_start => {
                        found.insert(ident(&group[k..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    found.remove("");
    found
}

/// Module → layer index.
fn layer_of() -> BTreeMap<&'static str, usize> {
    let mut map = BTreeMap::new();
    for (i, (_, modules)) in LAYERS.iter().enumerate() {
        for m in *modules {
            assert!(map.insert(*m, i).is_none(), "{m} is in two layers");
        }
    }
    map
}

/// Each top-level module's imports of other top-level modules, with the file that makes
/// each import.
fn imports() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (module, path) in library_files() {
        let code = code_only(&std::fs::read_to_string(&path).unwrap());
        let entry = graph.entry(module.clone()).or_default();
        for target in crate_modules(&code).into_iter().filter(|t| *t != module) {
            entry
                .entry(target)
                .or_insert_with(|| path.display().to_string());
        }
    }
    graph
}

#[test]
fn every_module_of_the_library_is_in_exactly_one_layer() {
    let lib = code_only(&std::fs::read_to_string("src/lib.rs").unwrap());
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    let layered: BTreeSet<String> = layer_of().keys().map(|m| m.to_string()).collect();
    assert_eq!(declared, layered, "modules of src/lib.rs vs LAYERS");
}

#[test]
fn imports_point_down_the_layers() {
    let layers = layer_of();
    let mut up = Vec::new();
    for (module, targets) in imports() {
        for (target, file) in targets {
            let (Some(&from), Some(&to)) =
                (layers.get(module.as_str()), layers.get(target.as_str()))
            else {
                up.push(format!(
                    "{file}: crate::{target} is not a module of a layer"
                ));
                continue;
            };
            if to > from {
                up.push(format!(
                    "{file}: {module} ({}) imports crate::{target} ({}), a layer above",
                    LAYERS[from].0, LAYERS[to].0
                ));
            }
        }
    }
    assert!(up.is_empty(), "imports that point up:\n{}", up.join("\n"));
}

#[test]
fn no_modules_import_each_other_in_a_loop() {
    let graph = imports();
    // From each module, every module reachable through imports; a loop is a module that
    // reaches itself.
    let mut loops = Vec::new();
    for start in graph.keys() {
        let mut path_to: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut todo = vec![(start.as_str(), vec![start.as_str()])];
        while let Some((at, path)) = todo.pop() {
            for next in graph.get(at).into_iter().flat_map(|t| t.keys()) {
                if next == start {
                    let mut cycle = path.clone();
                    cycle.push(next);
                    loops.push(cycle.join(" → "));
                } else if !path_to.contains_key(next.as_str()) {
                    let mut longer = path.clone();
                    longer.push(next);
                    path_to.insert(next, longer.clone());
                    todo.push((next, longer));
                }
            }
        }
    }
    assert!(loops.is_empty(), "import loops:\n{}", loops.join("\n"));
}

/// The layer table of a document: for each row `| layer | modules | … |`, the layer's name
/// and the module names in its second cell (in backticks, links or not).
fn layer_table(text: &str) -> Vec<(String, Vec<String>)> {
    let names: BTreeSet<&str> = LAYERS.iter().map(|(name, _)| *name).collect();
    text.lines()
        .map(|l| l.trim_start_matches("//!").trim())
        .filter_map(|l| {
            let cells: Vec<&str> = l.strip_prefix('|')?.split('|').map(str::trim).collect();
            let layer = *cells.first()?;
            names.contains(layer).then_some(())?;
            let modules = cells
                .get(1)?
                .split('`')
                .skip(1)
                .step_by(2)
                .map(|m| m.to_string())
                .collect();
            Some((layer.to_string(), modules))
        })
        .collect()
}

#[test]
fn the_layer_tables_of_lib_rs_and_the_architecture_doc_show_the_layers() {
    let expected: Vec<(String, Vec<String>)> = LAYERS
        .iter()
        .map(|(name, modules)| {
            (
                name.to_string(),
                modules.iter().map(|m| m.to_string()).collect(),
            )
        })
        .collect();
    for file in ["src/lib.rs", "docs/architecture.md"] {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(layer_table(&text), expected, "the layer table of {file}");
    }
}

/// Each function of `code` (comments and strings blanked): its name, first line, length
/// in lines, the lines of `view!` markup in it, and whether it is a component.
fn functions(code: &str) -> Vec<(String, usize, usize, usize, bool)> {
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(k) = code[at..].find("fn ") {
        let start = at + k;
        at = start + 3;
        let word_before = code[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let name: String = code[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if word_before || name.is_empty() {
            continue;
        }
        // The body: the first `{` before any `;` (a declaration without a body has none).
        let Some(open) = code[at..].find(['{', ';']).map(|o| at + o) else {
            break;
        };
        if code.as_bytes()[open] == b';' {
            continue;
        }
        let close = matching(code, open);
        let before = &code[..start];
        let component = before
            .trim_end()
            .trim_end_matches("pub")
            .trim_end()
            .ends_with("#[component]");
        let markup = view_lines(&code[open..=close]);
        let lines = line_of(close) - line_of(start) + 1;
        found.push((name, line_of(start), lines, markup, component));
    }
    found
}

/// The index of the brace that closes the one at `open`.
fn matching(code: &str, open: usize) -> usize {
    let mut depth = 0;
    for (k, c) in code[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + k;
                }
            }
            _ => {}
        }
    }
    code.len() - 1
}

/// Lines inside `view! { … }` markup in `body`.
fn view_lines(body: &str) -> usize {
    let mut lines = 0;
    let mut at = 0;
    while let Some(k) = body[at..].find("view!") {
        let Some(open) = body[at + k..].find('{').map(|o| at + k + o) else {
            break;
        };
        let close = matching(body, open);
        lines += body[open..close].matches('\n').count();
        at = close;
    }
    lines
}

#[test]
fn functions_fit_on_a_screen() {
    let mut long = Vec::new();
    for path in rust_files(Path::new("src")) {
        let code = code_only(&std::fs::read_to_string(&path).unwrap());
        for (name, line, lines, markup, component) in functions(&code) {
            let place = format!("{}:{line} {name}", path.display());
            if component && lines > MAX_COMPONENT_LINES {
                long.push(format!("{place}: a component of {lines} lines"));
            }
            if lines - markup > MAX_FUNCTION_LINES {
                long.push(format!("{place}: {} lines besides markup", lines - markup));
            }
        }
    }
    assert!(long.is_empty(), "too long:\n{}", long.join("\n"));
}

#[test]
fn the_readers_find_what_they_are_meant_to() {
    // The checks above must see what they check: imports in code, not in comments or
    // strings; functions and their markup.
    let code = code_only(
        "//! [`crate::page`]\nuse crate::{month::Month, i18n};\nlet s = \"crate::app\";\n\
         fn f() {\n    let c = '{';\n    view! {\n        <p/>\n    }\n}\n",
    );
    let expected: BTreeSet<String> = ["i18n", "month"].map(String::from).into();
    assert_eq!(crate_modules(&code), expected);
    assert_eq!(
        functions(&code),
        [("f".to_string(), 4, 6, 2, false)],
        "{code}"
    );
}
