//! The dataset file: the bundled one is valid, and each kind of invalid input gets a
//! message that names the problem and where it is.
mod common;

use serde_json::{json, Value};
use trade_trends::dataset::{parse_dataset, DatasetError, RunSlice};

fn bundled_json() -> Value {
    serde_json::to_value(common::bundled()).unwrap()
}

fn error_of(v: &Value) -> String {
    parse_dataset("test.json", &v.to_string())
        .unwrap_err()
        .to_string()
}

/// Index of the series `reporter/flow/partner` in the JSON.
fn series_index(v: &Value, key: &str) -> usize {
    v["series"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| {
            format!(
                "{}/{}/{}",
                s["reporter"].as_str().unwrap(),
                s["flow"].as_str().unwrap(),
                s["partner"].as_str().unwrap()
            ) == key
        })
        .unwrap()
}

#[test]
fn the_committed_app_dataset_is_valid_and_current() {
    let text = common::read("public/data/xinjiang.json");
    let committed = parse_dataset("public/data/xinjiang.json", &text).expect("valid");
    assert!(
        committed == common::bundled(),
        "public/data/xinjiang.json is stale: run `make dataset`"
    );
}

#[test]
fn not_json_and_truncated_json_name_the_position() {
    let err = parse_dataset("d.json", "<html>not found</html>").unwrap_err();
    assert_eq!(
        err.to_string(),
        "d.json is not valid JSON: expected value (line 1, column 1)"
    );
    let text = bundled_json().to_string();
    let cut = &text[..text.len() / 2];
    let err = parse_dataset("d.json", cut).unwrap_err();
    assert!(matches!(err, DatasetError::NotJson { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("d.json is not valid JSON: EOF while parsing"),
        "{err}"
    );
    let err = parse_dataset("d.json", &format!("{text} {{}}")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("d.json is not valid JSON: trailing characters"),
        "{err}"
    );
}

#[test]
fn wrong_shapes_name_the_path() {
    let mut v = bundled_json();
    v["series"][0]["observations"][3]["value"] = json!("287.3");
    assert_eq!(
        error_of(&v),
        "test.json is not a Trade Trends dataset: at series[0].observations[3].value: invalid type: string \"287.3\", expected f64"
    );
    let mut v = bundled_json();
    v["series"][1]["flow"] = json!("sideways");
    assert_eq!(
        error_of(&v),
        "test.json is not a Trade Trends dataset: at series[1].flow: unknown variant `sideways`, expected one of `exports`, `imports`, `total`"
    );
    let mut v = bundled_json();
    v.as_object_mut().unwrap().remove("sources");
    assert_eq!(
        error_of(&v),
        "test.json is not a Trade Trends dataset: at the top level: missing field `sources`"
    );
    let mut v = bundled_json();
    v["series"][0]["colour"] = json!("red");
    assert!(error_of(&v).starts_with(
        "test.json is not a Trade Trends dataset: at series[0].colour: unknown field `colour`"
    ));
    let mut v = bundled_json();
    v["series"][0]["observations"][0]["first"] = json!("2023-13");
    assert_eq!(
        error_of(&v),
        "test.json is not a Trade Trends dataset: at series[0].observations[0].first: \"2023-13\" is not a month in the form YYYY-MM: the month must be between 01 and 12"
    );
    assert_eq!(
        parse_dataset("d.json", "[1, 2]").unwrap_err().to_string(),
        "d.json is not a Trade Trends dataset: at the top level: expected a JSON object {…}, found an array"
    );
}

#[test]
fn another_schema_version_is_named() {
    let mut v = bundled_json();
    v["schema_version"] = json!(2);
    assert_eq!(
        error_of(&v),
        "test.json has schema_version 2; this version of Trade Trends reads schema_version 1"
    );
    v["schema_version"] = json!("one");
    v.as_object_mut().unwrap().remove("title");
    assert_eq!(
        error_of(&v),
        "test.json has schema_version \"one\"; this version of Trade Trends reads schema_version 1"
    );
}

#[test]
fn semantic_problems_are_all_listed_with_series_observation_and_field() {
    let mut v = bundled_json();
    let world = series_index(&v, "xinjiang/total/world");
    let o = &mut v["series"][world]["observations"][5];
    o["value"] = json!(-1.0);
    o["sources"] = json!(["s999"]);
    let span = format!(
        "{}..{}",
        o["first"].as_str().unwrap(),
        o["last"].as_str().unwrap()
    );
    let other = if world == 0 { 1 } else { 0 };
    let other_key = format!(
        "{}/{}",
        v["series"][other]["reporter"].as_str().unwrap(),
        v["series"][other]["flow"].as_str().unwrap()
    );
    v["series"][other]["partner"] = json!("mars");
    v["events"][0]["date"] = json!("2023-02-30");
    let err = parse_dataset("test.json", &v.to_string()).unwrap_err();
    let DatasetError::Invalid { problems, .. } = &err else {
        panic!("{err}")
    };
    let mut lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    lines.sort();
    let mut expected = vec![
            format!("series[{other}] {other_key}/mars, field \"partner\": \"mars\" is not declared in partners"),
            format!("series[{world}] xinjiang/total/world, observation[5] {span}, field \"value\": expected zero or more (trade values cannot be negative), found -1"),
            format!("series[{world}] xinjiang/total/world, observation[5] {span}, field \"sources\": \"s999\" is not declared in sources"),
            "events[0] 2023-02-30, field \"date\": expected a date YYYY-MM-DD, found \"2023-02-30\"".to_string(),
        ];
    expected.sort();
    assert_eq!(lines, expected);
    assert!(
        err.to_string()
            .starts_with("test.json has 4 problem(s):\n- series["),
        "{err}"
    );
}

#[test]
fn period_shapes_and_duplicates_are_checked() {
    let mut v = bundled_json();
    let world = series_index(&v, "xinjiang/total/world");
    let obs = v["series"][world]["observations"].as_array_mut().unwrap();
    let ytd = obs
        .iter()
        .position(|o| o["basis"] == "ytd" && o["status"] == "preferred")
        .unwrap();
    obs[ytd]["first"] = json!(format!("{}-03", &obs[ytd]["last"].as_str().unwrap()[..4]));
    let copy = obs[ytd + 1].clone();
    obs.push(copy);
    let err = error_of(&v);
    assert!(
        err.contains("field \"first\": a year-to-date figure must run from January of its year"),
        "{err}"
    );
    assert!(
        err.contains(
            "field \"status\": a second preferred figure for the same period, basis and currency"
        ),
        "{err}"
    );
}

#[test]
fn optional_fields_must_still_be_present() {
    let mut v = bundled_json();
    v["series"][0]["observations"][0]
        .as_object_mut()
        .unwrap()
        .remove("yoy_pct");
    assert_eq!(
        error_of(&v),
        "test.json is not a Trade Trends dataset: at series[0].observations[0]: missing field `yoy_pct`"
    );
}

#[test]
fn a_full_year_and_a_january_to_december_figure_are_the_same_period() {
    let mut v = bundled_json();
    let world = series_index(&v, "xinjiang/total/world");
    let obs = v["series"][world]["observations"].as_array_mut().unwrap();
    let fy = obs
        .iter()
        .find(|o| o["basis"] == "year" && o["status"] == "preferred" && o["currency"] == "CNY")
        .unwrap()
        .clone();
    let mut ytd = fy.clone();
    ytd["basis"] = json!("ytd");
    obs.push(ytd);
    assert!(
        error_of(&v).contains("a second preferred figure for the same period, basis and currency")
    );
}

/// The problems of a dataset as lines (panics if it is valid).
fn problems_of(v: &Value) -> Vec<String> {
    match parse_dataset("test.json", &v.to_string()).unwrap_err() {
        DatasetError::Invalid { problems, .. } => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("{other}"),
    }
}

#[test]
fn implausible_numbers_out_of_order_periods_and_overlong_labels_are_named() {
    let mut v = bundled_json();
    let world = series_index(&v, "xinjiang/total/world");
    let obs = v["series"][world]["observations"].as_array_mut().unwrap();
    let i = obs
        .iter()
        .position(|o| o["first"] == "2023-01" && o["last"] == "2023-10" && o["currency"] == "CNY")
        .unwrap();
    obs[i]["value"] = json!(1e308);
    obs.swap(0, 1);
    v["partners"][3]["name"] = json!("K".repeat(301));
    let lines = problems_of(&v);
    assert!(
        lines.contains(
            &"partners[3] KAZ, field \"name\": 301 characters is too long (at most 300)"
                .to_string()
        ),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l.ends_with("field \"value\": 1e308 is implausibly large for a trade value (more than 10^15 in full units; was the unit applied twice?)")), "{lines:#?}");
    assert!(
        lines.iter().any(|l| l
            .contains("field \"last\": observations must be in time order; this one comes after")),
        "{lines:#?}"
    );
    // A number beyond f64 is not JSON we can read.
    let text = bundled_json()
        .to_string()
        .replacen("287330000000.0", "1e400", 1);
    let err = parse_dataset("d.json", &text).unwrap_err().to_string();
    assert!(
        err.starts_with("d.json is not valid JSON: number out of range"),
        "{err}"
    );
}

#[test]
fn a_year_to_date_figure_that_falls_and_a_jan_feb_that_does_not_add_up_are_named() {
    let mut v = bundled_json();
    let world = series_index(&v, "xinjiang/total/world");
    let obs = v["series"][world]["observations"].as_array_mut().unwrap();
    let oct = obs
        .iter()
        .position(|o| o["first"] == "2023-01" && o["last"] == "2023-10" && o["currency"] == "CNY")
        .unwrap();
    obs[oct]["value"] = json!(250e9);
    let lines = problems_of(&v);
    assert!(lines.contains(&format!(
        "series[{world}] xinjiang/total/world, 2023-01..2023-10, field \"value\": the year-to-date figure falls within the year: 250.00 bn is less than 252.84 bn for 2023-01..2023-09 (a revision? keep one, mark the other alternative)"
    )), "{lines:#?}");

    let mut v = bundled_json();
    let world = series_index(&v, "xinjiang/total/world");
    let obs = v["series"][world]["observations"].as_array_mut().unwrap();
    let jf = obs
        .iter()
        .position(|o| o["first"] == "2023-01" && o["last"] == "2023-02" && o["currency"] == "CNY")
        .unwrap();
    let mut jan = obs[jf].clone();
    jan["basis"] = json!("month");
    jan["last"] = json!("2023-01");
    jan["value"] = json!(20e9);
    let mut feb = jan.clone();
    feb["first"] = json!("2023-02");
    feb["last"] = json!("2023-02");
    feb["value"] = json!(21e9);
    obs.insert(jf, feb);
    obs.insert(jf, jan);
    let lines = problems_of(&v);
    assert!(lines.contains(&format!(
        "series[{world}] xinjiang/total/world, 2023-01..2023-02, field \"value\": January (20.00 bn) and February (21.00 bn) add up to 41.00 bn, not the Jan–Feb figure 44.39 bn"
    )), "{lines:#?}");
}

#[test]
fn script_and_data_addresses_are_accepted_as_text() {
    let mut v = bundled_json();
    v["sources"][0]["url"] = json!("javascript:alert(1)");
    v["sources"][1]["url"] = json!("data:text/html,<script>alert(1)</script>");
    v["sources"][2]["title"] = json!("<script>alert(1)</script> مرحبا 🚢");
    assert!(parse_dataset("d.json", &v.to_string()).is_ok());
}

#[test]
fn a_byte_order_mark_is_ignored_and_said_so() {
    let text = format!("\u{feff}{}", bundled_json());
    let (d, notes) = trade_trends::dataset::parse_dataset_noting("bom.json", &text).unwrap();
    let notes: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(d.series.len(), 35);
    assert_eq!(
        notes,
        ["bom.json starts with a byte-order mark (U+FEFF); it was ignored"]
    );
}

#[test]
fn unknown_currencies_nan_empty_series_and_reversed_periods_are_named() {
    let mut v = bundled_json();
    v["series"][0]["observations"][0]["currency"] = json!("EUR");
    assert_eq!(
        error_of(&v),
        "test.json is not a Trade Trends dataset: at series[0].observations[0].currency: unknown variant `EUR`, expected `CNY` or `USD`"
    );
    let text = bundled_json()
        .to_string()
        .replacen("287330000000.0", "NaN", 1);
    assert!(parse_dataset("d.json", &text)
        .unwrap_err()
        .to_string()
        .starts_with("d.json is not valid JSON: expected value"));
    let mut v = bundled_json();
    v["series"][1]["observations"] = json!([]);
    let key = format!(
        "{}/{}/{}",
        v["series"][1]["reporter"].as_str().unwrap(),
        v["series"][1]["flow"].as_str().unwrap(),
        v["series"][1]["partner"].as_str().unwrap()
    );
    assert!(problems_of(&v).contains(&format!(
        "series[1] {key}, field \"observations\": expected at least one observation, found none"
    )));
    let mut v = bundled_json();
    let o = &mut v["series"][0]["observations"][0];
    let first = o["first"].clone();
    o["first"] = o["last"].clone();
    o["last"] = first;
    o["basis"] = json!("ytd");
    let lines = problems_of(&v);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("field \"last\": the last month")
                && l.contains("is before the first month")),
        "{lines:#?}"
    );
}

#[test]
fn infinities_are_not_json_numbers() {
    for bad in ["Infinity", "-Infinity", "1e999"] {
        let text = bundled_json()
            .to_string()
            .replacen("287330000000.0", bad, 1);
        let err = parse_dataset("d.json", &text).unwrap_err();
        assert!(matches!(err, DatasetError::NotJson { .. }), "{bad}: {err}");
    }
}

#[test]
fn exchange_rates_must_have_the_shape_of_their_basis() {
    let mut v = bundled_json();
    let rates = v["exchange_rates"].as_array_mut().unwrap();
    let monthly = rates.iter().position(|r| r["basis"] == "month").unwrap();
    rates[monthly]["last"] = json!("2030-12");
    let yearly = rates.iter().position(|r| r["basis"] == "year").unwrap();
    rates[yearly]["last"] = json!(format!(
        "{}-06",
        &rates[yearly]["first"].as_str().unwrap()[..4]
    ));
    let day = rates.iter().position(|r| r["basis"] == "day").unwrap();
    rates[day].as_object_mut().unwrap().remove("date");
    let lines = problems_of(&v);
    for expected in [
        "a monthly rate covers one month and has no date",
        "an annual rate runs from January to December of one year and has no date",
        "a day's rate has a date in its month",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.contains("field \"basis\"") && l.ends_with(expected)),
            "{expected}: {lines:#?}"
        );
    }
}

#[test]
fn names_in_other_languages_are_checked() {
    let v = bundled_json();
    assert_eq!(v["partners"][1]["names"]["zh"], "中亚五国");
    assert_eq!(
        v["flow_names"][0],
        json!({"flow": "total", "names": {"zh": "进出口"}})
    );

    let mut v = bundled_json();
    v["partners"][3]["names"] = json!({"fr": "Kazakhstan", "zh": " ", "en": "Kazakhstan"});
    v["reporters"][0]["names"]["zh"] = json!("新".repeat(301));
    v["flow_names"][1]["flow"] = json!("total");
    let lines = problems_of(&v);
    assert_eq!(
        lines,
        [
            "reporters[0] xinjiang, field \"names.zh\": 301 characters is too long (at most 300)",
            "partners[3] KAZ, field \"names.en\": the English name is the \"name\" field; names holds other languages",
            "partners[3] KAZ, field \"names.fr\": \"fr\" is not a language this page speaks (zh)",
            "partners[3] KAZ, field \"names.zh\": the name is empty",
            "flow_names[1] total, field \"flow\": this flow's names are given twice",
        ]
    );
    // An unknown flow is a shape error, named with its path.
    let mut v = bundled_json();
    v["flow_names"][0]["flow"] = json!("transit");
    let err = error_of(&v);
    assert!(err.contains("at flow_names[0].flow"), "{err}");
}

/// A small dataset with one series written as a monthly run.
fn with_run(values: Value, sources: Value) -> Value {
    let mut v = bundled_json();
    let world = series_index(&v, "xinjiang/total/UZB");
    let s = &mut v["series"][world];
    s["observations"] = json!([]);
    s["monthly"] = json!({
        "first": "2023-11", "currency": "USD", "resolution": 1e7,
        "sources": sources, "values": values
    });
    v
}

#[test]
fn a_monthly_run_reads_as_one_figure_per_month_with_gaps_kept() {
    let source = bundled_json()["sources"][0]["id"].clone();
    let v = with_run(json!([1.5e9, null, 1.25e9]), json!([source]));
    let d = parse_dataset("run.json", &v.to_string()).expect("valid");
    let s = d
        .series("xinjiang", trade_trends::dataset::Flow::Total, "UZB")
        .unwrap();
    // Kept as written (not a figure per value), and read as one figure per value.
    assert!(s.observations.is_empty());
    let values = &s.monthly.as_ref().unwrap().values;
    assert_eq!(values.len(), 3);
    // A gap is kept as a gap (not a number), and written back as `null`.
    assert_eq!(
        values.iter().collect::<Vec<_>>(),
        [Some(1.5e9), None, Some(1.25e9)]
    );
    assert_eq!((values.get(1), values.get(3)), (Some(None), None));
    // Whole numbers are written without a fraction; others, and −0, as they are.
    assert_eq!(
        serde_json::to_string(values).unwrap(),
        "[1500000000,null,1250000000]"
    );
    let odd: trade_trends::dataset::RunNumbers =
        [Some(2.5), Some(-0.0), Some(0.0), Some(1e17), None]
            .into_iter()
            .collect();
    let text = serde_json::to_string(&odd).unwrap();
    assert_eq!(text, "[2.5,-0.0,0,1e+17,null]");
    let back: trade_trends::dataset::RunNumbers = serde_json::from_str(&text).unwrap();
    assert_eq!(back, odd);
    assert!(back.get(1).flatten().unwrap().is_sign_negative());
    assert_eq!(
        *values,
        [Some(1.5e9), None, Some(1.25e9)].into_iter().collect()
    );
    assert_ne!(
        *values,
        [Some(1.5e9), Some(0.0), Some(1.25e9)].into_iter().collect()
    );
    assert_eq!(s.run_start(), Some(0));
    let read: Vec<(usize, String, String, Option<f64>)> = s
        .figures()
        .map(|(j, o)| (j, o.first.to_string(), o.last.to_string(), o.value))
        .collect();
    // December 2023 is null: a gap, not a zero, and it keeps its index.
    assert_eq!(
        read,
        [
            (0, "2023-11".into(), "2023-11".into(), Some(1.5e9)),
            (2, "2024-01".into(), "2024-01".into(), Some(1.25e9)),
        ]
    );
    assert_eq!(s.figure_count(), 2);
    let o = s.figure(2);
    assert_eq!(o.first.to_string(), "2024-01");
    assert_eq!(o.basis, trade_trends::dataset::Basis::Month);
    assert_eq!(o.currency, Some(trade_trends::currency::Currency::USD));
    assert_eq!(o.resolution, Some(1e7));
    assert_eq!(o.sources[..], [source.as_str().unwrap()]);
    assert_eq!(o.status, trade_trends::dataset::Status::Preferred);
}

#[test]
fn a_monthly_run_can_give_whole_numbers_of_its_resolution() {
    let source = bundled_json()["sources"][0]["id"].clone();
    let in_full = with_run(json!([1.5e9, null, 1.25e9, 0]), json!([source]));
    let mut in_counts = in_full.clone();
    let i = series_index(&in_full, "xinjiang/total/UZB");
    let run = in_counts["series"][i]["monthly"].as_object_mut().unwrap();
    run.remove("values");
    run.insert("counts".into(), json!([150, null, 125, 0]));
    let read = |v: &Value| {
        let d = parse_dataset("run.json", &v.to_string()).expect("valid");
        let s = d.series("xinjiang", trade_trends::dataset::Flow::Total, "UZB");
        s.unwrap().monthly.as_ref().unwrap().as_ref().clone()
    };
    // 150 tens of millions are 1.5 billion, exactly: the same run as in full units.
    let run = read(&in_counts);
    assert_eq!(run, read(&in_full));
    assert_eq!(
        run.values.iter().collect::<Vec<_>>(),
        [Some(1.5e9), None, Some(1.25e9), Some(0.0)]
    );
    // Kept as counts (4 bytes a value) with their resolution; values in full units as such.
    assert!(matches!(run.values.all(), RunSlice::Counts(_, r) if r == 1e7));
    assert!(matches!(read(&in_full).values.all(), RunSlice::Full(_)));
    let mut same = run.clone();
    same.values.set(1, Some(2e7));
    same.values.set(0, None);
    assert!(matches!(same.values.all(), RunSlice::Counts(..)));
    assert_eq!(
        same.values.iter().collect::<Vec<_>>(),
        [None, Some(2e7), Some(1.25e9), Some(0.0)]
    );
    // Written back as counts (the shorter), and read again as the same run.
    let text = serde_json::to_string(&run).unwrap();
    assert!(text.contains(r#""counts":[150,null,125,0]"#), "{text}");
    assert!(!text.contains("values"), "{text}");
    assert_eq!(
        serde_json::from_str::<trade_trends::dataset::MonthlyRun>(&text).unwrap(),
        run
    );
    // Values that are not whole numbers of the resolution are written in full units.
    let mut odd = run.clone();
    odd.values.set(3, Some(1.5e9 + 1.0));
    // (From then on the run is kept in full units, its other values unchanged.)
    assert!(matches!(odd.values.all(), RunSlice::Full(_)));
    assert_eq!(
        odd.values.iter().collect::<Vec<_>>(),
        [Some(1.5e9), None, Some(1.25e9), Some(1.5e9 + 1.0)]
    );
    let text = serde_json::to_string(&odd).unwrap();
    assert!(
        text.contains(r#""values":[1500000000,null,1250000000,1500000001]"#),
        "{text}"
    );
    let mut fine = run.clone();
    fine.resolution = 0.5;
    let text = serde_json::to_string(&fine).unwrap();
    assert!(text.contains(r#""values":["#), "{text}");

    // What cannot be read exactly is refused, with the run's place and what is wrong.
    let at = format!("test.json is not a Trade Trends dataset: at series[{i}].monthly: ");
    let with = |edit: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut v = in_counts.clone();
        edit(v["series"][i]["monthly"].as_object_mut().unwrap());
        error_of(&v)
    };
    assert_eq!(
        with(&|r| {
            r["counts"][2] = json!(12.5);
        }),
        format!("{at}monthly \"counts\" [2] (month 2024-01) is 12.5: not a whole number of the resolution 10000000 that is exact in full units")
    );
    assert_eq!(
        with(&|r| {
            r["counts"][0] = json!(1e9);
        }),
        format!("{at}monthly \"counts\" [0] (month 2023-11) is 1000000000: not a whole number of the resolution 10000000 that is exact in full units")
    );
    assert_eq!(
        with(&|r| {
            r["resolution"] = json!(0.1);
        }),
        format!("{at}a monthly run's \"counts\" need a whole-number \"resolution\" of at least 1, and it is 0.1; give the values in full units (\"values\")")
    );
    assert_eq!(
        with(&|r| {
            r.insert("values".into(), json!([1.5e9]));
        }),
        format!("{at}a monthly run has both \"values\" and \"counts\"; give one of them")
    );
    assert_eq!(
        with(&|r| {
            r.remove("counts");
        }),
        format!("{at}a monthly run needs \"values\" (in full units) or \"counts\" (whole numbers of its resolution)")
    );
    // An unknown field is still refused.
    let err = with(&|r| {
        r.insert("scale".into(), json!(6));
    });
    assert!(err.contains("unknown field `scale`"), "{err}");
}

#[test]
fn counts_that_32_bits_cannot_keep_are_kept_in_full_units() {
    let source = bundled_json()["sources"][0]["id"].clone();
    let mut v = with_run(json!([1.5e9]), json!([source]));
    let i = series_index(&v, "xinjiang/total/UZB");
    let run = v["series"][i]["monthly"].as_object_mut().unwrap();
    run.remove("values");
    run.insert("resolution".into(), json!(1));
    // Past 2³¹ − 1, and −0 with its sign.
    let counts = [5.0, 3e9, 2147483648.0, -0.0];
    run.insert(
        "counts".into(),
        json!([5, 3_000_000_000u64, 2_147_483_648u64, -0.0, null]),
    );
    let d = parse_dataset("run.json", &v.to_string()).expect("valid");
    let s = d.series("xinjiang", trade_trends::dataset::Flow::Total, "UZB");
    let values = &s.unwrap().monthly.as_ref().unwrap().values;
    assert!(matches!(values.all(), RunSlice::Full(_)));
    let read: Vec<Option<f64>> = values.iter().collect();
    assert_eq!(read[..4], counts.map(Some));
    assert_eq!(read[4], None);
    assert!(read[3].unwrap().is_sign_negative());
    // The lowest 32-bit number marks a gap among kept counts: as a count it is a number.
    let run: trade_trends::dataset::MonthlyRun = serde_json::from_value(json!({
        "first": "2024-01", "currency": "USD", "resolution": 1, "sources": ["s1"],
        "counts": [-2_147_483_648i64, null, 7],
    }))
    .unwrap();
    assert_eq!(
        run.values.iter().collect::<Vec<_>>(),
        [Some(-2147483648.0), None, Some(7.0)]
    );
    // −0 alone is kept with its sign.
    let run: trade_trends::dataset::MonthlyRun = serde_json::from_value(json!({
        "first": "2024-01", "currency": "USD", "resolution": 1, "sources": ["s1"],
        "counts": [-0.0, 7],
    }))
    .unwrap();
    assert!(run.values.get(0).flatten().unwrap().is_sign_negative());
}

#[test]
fn problems_in_a_monthly_run_name_the_month() {
    let source = bundled_json()["sources"][0]["id"].clone();
    let v = with_run(json!([1.5e9, -2.0, 1.25e9]), json!([source, "s999"]));
    let i = series_index(&v, "xinjiang/total/UZB");
    let lines = problems_of(&v);
    let at = |month: &str| format!("series[{i}] xinjiang/total/UZB, monthly value {month}");
    assert!(
        lines.contains(&format!("{}, field \"value\": expected zero or more (trade values cannot be negative), found -2", at("2023-12"))),
        "{lines:#?}"
    );
    // The run's list of sources is every value's: each value is named with it.
    for month in ["2023-11", "2023-12", "2024-01"] {
        assert!(
            lines.contains(&format!(
                "{}, field \"sources\": \"s999\" is not declared in sources",
                at(month)
            )),
            "{lines:#?}"
        );
    }
    // A value that is not a number is a shape error at its place in the array.
    let v = with_run(json!([1.5e9, "1.2e9"]), json!([source]));
    assert_eq!(
        error_of(&v),
        format!("test.json is not a Trade Trends dataset: at series[{i}].monthly.values[1]: invalid type: string \"1.2e9\", expected f64")
    );
    // A run of nothing but gaps is an empty series.
    let v = with_run(json!([null, null]), json!([source]));
    assert!(
        problems_of(&v).contains(&format!(
            "series[{i}] xinjiang/total/UZB, field \"observations\": expected at least one observation, found none"
        )),
        "{:#?}",
        problems_of(&v)
    );
}

#[test]
fn a_claim_about_an_unknown_reporter_or_without_assertions_is_named() {
    let mut v = bundled_json();
    v["claims"][0]["asserts"][0]["figure"]["reporter"] = json!("atlantis");
    v["claims"][1]["asserts"] = json!([]);
    v["claims"][2]["source"] = json!("s999");
    let lines = problems_of(&v);
    assert_eq!(
        lines,
        [
            "claims[0] af-exports-409bn, field \"reporter\": \"atlantis\" is not declared in reporters",
            "claims[1] af-october-48bn, field \"asserts\": a claim needs at least one assertion to check",
            "claims[2] af-exceeded-2022, field \"source\": \"s999\" is not declared in sources",
        ]
    );
}
