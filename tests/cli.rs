//! The `dataset` command-line tool, run as a user runs it.
use std::path::PathBuf;
use std::process::Command;

fn tool() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dataset"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trade-trends-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy("data/meta.json", dir.join("meta.json")).unwrap();
    dir
}

#[test]
fn build_writes_the_dataset_and_reports_conflicts() {
    let dir = scratch("build");
    let out = dir.join("out.json");
    let result = tool()
        .args([
            "build",
            "--observations",
            "data/observations.csv",
            "--meta",
            "data/meta.json",
        ])
        .args([
            "--rates",
            "data/exchange_rates.csv",
            "--rates",
            "data/exchange_rates_fed_monthly.csv",
        ])
        .args([
            "--events",
            "data/events.csv",
            "--claims",
            "data/claims.json",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(
        result.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(stdout.contains(
        "conflict: xinjiang/total/world Jan–Jun 2024 CNY value: 200.00 bn (obs-0072) vs 220.63 bn [chosen] (obs-0264, obs-0266, obs-0268, obs-0270) — a threshold read as the value"
    ), "{stdout}");
    assert!(stdout.contains(
        "conflict: china/exports/world 2022 USD value: 3,950.00 bn (obs-0388) vs 3,590.00 bn [chosen] (obs-0389) — only 3590.00 bn adds up with imports (2700.00 bn) to the published total (6300.00 bn US dollars), so it is drawn; the other figure has the same digits in another order, a likely typo"
    ), "{stdout}");
    let text = std::fs::read_to_string(&out).unwrap();
    let d = trade_trends::dataset::parse_dataset("out.json", &text).unwrap();
    assert_eq!(d.series.len(), 35);
    // Its vintage, a dated copy beside it, and the list of the copies there.
    assert_eq!(d.vintage.as_deref(), Some("2026-03-10"));
    let copy = std::fs::read_to_string(dir.join("out-2026-03-10.json")).unwrap();
    assert_eq!(copy, text);
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out.vintages.json")).unwrap())
            .unwrap();
    assert_eq!(
        index,
        serde_json::json!({"latest": "2026-03-10", "vintages": ["2026-03-10"]})
    );
    assert!(
        stdout.contains("out-2026-03-10.json (and the list of vintages)"),
        "{stdout}"
    );

    let check = tool().arg("check").arg(&out).output().unwrap();
    let summary = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success());
    assert!(
        summary.contains(
            "35 series, 513 figures, 211 sources, 14 conflicts, 268 exchange rates, 12 events"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("xinjiang/total/central_asia_5"),
        "{summary}"
    );
    assert!(summary.contains(
        "conflict: xinjiang/imports/world Jan–Sep 2023 CNY value: 39.46 bn [chosen] (obs-0129) vs 40.00 bn (obs-0130) — only 39.46 bn adds up with exports (213.38 bn) to the published total (252.84 bn yuan), so it is drawn; a threshold read as the value"
    ), "{summary}");
    assert!(
        summary.contains("gaps 2022-12"),
        "the mislabelled Dec 2022 shows as a gap: {summary}"
    );
}

#[test]
fn bad_input_fails_and_leaves_the_previous_output_in_place() {
    let dir = scratch("bad");
    let csv = dir.join("observations.csv");
    std::fs::write(
        &csv,
        "id,region,flow,partner,period_start,period_end,basis,value,unit,currency,yoy_pct,source_url,source_title,published,note\n\
         x1,xinjiang,total,world,2023-01,2023-10,ytd,287.3,billion,CNY,48.9,https://a.example/1,T,2023-11-21,\n\
         x2,xinjiang,total,world,2023-01,2023-11,ytd,320.53,bn,CNY,,https://a.example/2,T,,\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sources.csv"),
        "url,publisher,via,copy_on,low_quality,note\n\
         https://a.example/1,Xinhua,,,,\n\
         https://a.example/2,a.example,,,,\n",
    )
    .unwrap();
    let out = dir.join("out.json");
    std::fs::write(&out, "previous").unwrap();
    let result = tool()
        .args(["build", "--observations"])
        .arg(&csv)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    let expected = format!(
        "error: {}, line 3 (https://a.example/2), column \"publisher\": found \"a.example\"; expected the outlet that wrote the text (e.g. Xinhua), not a host; a copy's host goes in copy_on\n\
         error: {}, line 3 (x2), column \"unit\": found \"bn\"; expected one of trillion, billion, 100 million, million, thousand\n\
         2 problem(s); {} not written\n",
        dir.join("sources.csv").display(),
        csv.display(),
        out.display()
    );
    assert_eq!(stderr, expected);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
}

#[test]
fn check_names_the_problem_and_fails() {
    let dir = scratch("check");
    let file = dir.join("broken.json");
    std::fs::write(&file, "{\"schema_version\": 1, \"title\": ").unwrap();
    let result = tool().arg("check").arg(&file).output().unwrap();
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(
        stderr,
        format!(
            "error: {} is not valid JSON: EOF while parsing a value (line 1, column 31)\n",
            file.display()
        )
    );
    let missing = tool()
        .args(["check", "no/such/file.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .starts_with("error: no/such/file.json: cannot read:"));
    let usage = tool().arg("frobnicate").output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn synth_writes_a_checked_synthetic_dataset_and_names_bad_options() {
    let dir = scratch("synth");
    let out = dir.join("n1e3.json");
    let run = tool()
        .args(["synth", "--points", "1e3", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).starts_with(&format!(
        "wrote {}: synthetic, 10 series × 100 months = 1000 values",
        out.display()
    )));
    let check = tool().arg("check").arg(&out).output().unwrap();
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout)
        .contains("Synthetic benchmark data (not real figures)"));

    let bad = tool()
        .args(["synth", "--points", "lots", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr)
        .starts_with("error: --points needs a whole number from 1 to 1e8, found \"lots\""));
    let no_out = tool().args(["synth", "--points", "10"]).output().unwrap();
    assert_eq!(no_out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_out.stderr).starts_with("error: synth needs --out"));
}
