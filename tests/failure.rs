//! What a failed load tells the reader, decided natively: the answer's status, a body
//! over the size limit or broken off, a file that is not a dataset (named by the type the
//! server gave it), and the checker's problems worded in either language without the
//! checker running again.

use trade_trends::dataset::parse_dataset;
use trade_trends::i18n::Lang;
use trade_trends::page::failure::{Failure, MAX_DATASET_BYTES};

#[test]
fn an_answer_is_a_failure_by_its_status() {
    assert_eq!(Failure::of_status("d.json", 200, "OK".into()), None);
    let missing = Failure::of_status("d.json", 404, "Not Found".into()).unwrap();
    assert!(!missing.retry());
    let told = missing.describe(Lang::En.text());
    assert_eq!(told.title, "Dataset not found");
    assert_eq!(
        told.lines,
        ["d.json was not found on the server (HTTP 404). Check the data= parameter or the file name."]
    );
    let busy = Failure::of_status("d.json", 503, "Service Unavailable".into()).unwrap();
    assert!(busy.retry(), "a server error may pass");
    assert_eq!(
        busy.describe(Lang::En.text()).lines,
        ["d.json: the server answered HTTP 503 Service Unavailable."]
    );
    let forbidden = Failure::of_status("d.json", 403, String::new()).unwrap();
    assert!(!forbidden.retry());
    assert_eq!(
        forbidden.describe(Lang::Zh.text()).lines,
        ["d.json：服务器返回 HTTP 403。"],
        "no trailing space without a status text"
    );
}

#[test]
fn a_body_over_the_limit_says_both_sizes_and_one_broken_off_may_be_retried() {
    let big = Failure::of_body("big.json", "too-large:73400320");
    assert_eq!(
        big,
        Failure::TooLarge {
            path: "big.json".into(),
            bytes: 73_400_320.0
        }
    );
    assert_eq!(MAX_DATASET_BYTES, 50.0 * 1024.0 * 1024.0);
    let told = big.describe(Lang::En.text());
    assert_eq!(told.title, "The dataset is too large");
    assert_eq!(
        told.lines,
        ["big.json is 70.0 MB; this page loads at most 50.0 MB so that it cannot freeze your browser."]
    );
    let cut = Failure::of_body("d.json", "network error");
    assert!(cut.retry());
    assert!(matches!(cut, Failure::BrokenOff { detail, .. } if detail == "network error"));
}

#[test]
fn a_file_that_is_not_json_is_named_by_the_type_the_server_gave_it() {
    let error = parse_dataset("page.json", "<!doctype html><p>Not here</p>").unwrap_err();
    let html = Failure::invalid(error.clone(), "text/html; charset=utf-8");
    let told = html.describe(Lang::En.text());
    assert_eq!(told.title, "The dataset is not valid");
    assert_eq!(told.lines.len(), 2, "{told:?}");
    assert!(
        told.lines[0].starts_with("page.json is not valid JSON: "),
        "{told:?}"
    );
    assert_eq!(
        told.lines[1],
        "The server sent it as text/html; charset=utf-8, not as JSON."
    );
    // Served as JSON, or with no type: the type is not the news.
    for kind in ["application/json", ""] {
        let told = Failure::invalid(error.clone(), kind).describe(Lang::En.text());
        assert_eq!(told.lines.len(), 1, "{kind}: {told:?}");
    }
}

#[test]
fn the_checkers_problems_are_worded_in_the_readers_language_from_one_check() {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("public/data/xinjiang.json").unwrap())
            .unwrap();
    v["series"][0]["observations"][0]["sources"] = serde_json::json!(["nowhere"]);
    let error = parse_dataset("d.json", &v.to_string()).unwrap_err();
    let failure = Failure::invalid(error, "application/json");
    let (en, zh) = (
        failure.describe(Lang::En.text()),
        failure.describe(Lang::Zh.text()),
    );
    assert_eq!(en.lines, ["d.json has 1 problem(s):"]);
    assert_eq!(
        en.details,
        ["series[0] xinjiang/total/world, observation[0] 2011-01..2011-12, field \"sources\": \"nowhere\" is not declared in sources"]
    );
    assert_eq!(zh.title, "数据集无效");
    assert_eq!(
        zh.details,
        ["series[0] xinjiang/total/world, observation[0] 2011-01..2011-12，字段“sources”：“nowhere”未在 sources 中声明"]
    );
}
