//! The path of a shape error is found from the error's position (src/dataset/jsonpath.rs),
//! not tracked while reading. It must be the path a tracking reader gives: checked against
//! serde_path_to_error (a test-only dependency) on the bundled dataset broken in every
//! object, one way at a time, written compactly and pretty-printed (many lines).

use serde_json::Value;
use trade_trends::dataset::jsonpath::path_at;
use trade_trends::dataset::Dataset;

/// The tracking reader's path, or None when the text reads (or is not JSON).
fn tracked(text: &str) -> Option<(String, String)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let err = serde_path_to_error::deserialize::<_, Dataset>(&mut de).err()?;
    let path = err.path().to_string();
    let path = if path == "." { String::new() } else { path };
    Some((path, err.into_inner().to_string()))
}

fn found(text: &str) -> Option<(String, String)> {
    let err = serde_json::from_str::<Dataset>(text).err()?;
    let path = path_at(text, err.line(), err.column()).unwrap_or_default();
    Some((path, err.to_string()))
}

/// The tree with every array cut to its first four elements (a claim with two assertions among them): every kind of object, in
/// a file small enough to read thousands of times (the shapes are checked, not the links).
fn shrunk(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, x)| (k, shrunk(x))).collect()),
        Value::Array(a) => Value::Array(a.into_iter().take(4).map(shrunk).collect()),
        other => other,
    }
}

/// Every object of the tree, by its pointer (`/series/0/observations/3`).
fn objects(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            out.push(at.clone());
            for (k, x) in m {
                objects(x, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                objects(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The dataset broken in one way: an unknown field, a missing field, or a field of the
/// wrong type (a number for a string, a string for a number, an object for an array…).
fn breakages(d: &Value) -> Vec<Value> {
    let mut at = Vec::new();
    objects(d, String::new(), &mut at);
    let mut out = Vec::new();
    for pointer in &at {
        let keys: Vec<String> = d
            .pointer(pointer)
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        let mut with = |f: &dyn Fn(&mut serde_json::Map<String, Value>)| {
            let mut v = d.clone();
            if let Some(m) = v.pointer_mut(pointer).and_then(Value::as_object_mut) {
                f(m);
                out.push(v);
            }
        };
        with(&|m| {
            m.insert("colour".into(), Value::from("red"));
        });
        for k in &keys {
            with(&|m| {
                m.remove(k);
            });
            with(&|m| {
                let wrong = match &m[k] {
                    Value::String(_) => Value::from(12345),
                    Value::Number(_) => Value::from("287.3"),
                    Value::Array(_) => serde_json::json!({"a": 1}),
                    Value::Object(_) => Value::from(true),
                    Value::Bool(_) => Value::from("yes"),
                    Value::Null => serde_json::json!([1, 2]),
                };
                m.insert(k.clone(), wrong);
            });
        }
    }
    out
}

#[test]
fn error_paths_are_those_a_tracking_reader_gives() {
    let text = std::fs::read_to_string("public/data/xinjiang.json").unwrap();
    let d = shrunk(serde_json::from_str(&text).unwrap());
    let broken = breakages(&d);
    assert!(broken.len() > 500, "{}", broken.len());
    let mut compared = 0;
    for v in &broken {
        for text in [
            serde_json::to_string(v).unwrap(),
            serde_json::to_string_pretty(v).unwrap(),
        ] {
            let (Some(want), Some(got)) = (tracked(&text), found(&text)) else {
                assert_eq!(tracked(&text).is_some(), found(&text).is_some());
                continue;
            };
            assert_eq!(got, want, "{}", &text[..text.len().min(300)]);
            compared += 1;
        }
    }
    assert!(compared > 1000, "{compared}");
}

#[test]
fn paths_name_keys_indices_and_the_top_level() {
    let at = |text: &str| {
        let err = serde_json::from_str::<Dataset>(text).unwrap_err();
        path_at(text, err.line(), err.column())
    };
    assert_eq!(at("{\"schema_version\": 1}"), None);
    assert_eq!(
        at("{\"schema_version\": 1,\n \"title\": 7}"),
        Some("title".to_string())
    );
    // A key with an escaped quote is named as it reads.
    assert_eq!(
        at("{\"schema_version\": 1, \"ti\\\"tle\": 7}"),
        Some("ti\"tle".to_string())
    );
}
