//! Shared helpers for the native tests: build the bundled dataset from `data/`.
#![allow(dead_code)]

use trade_trends::dataset::Dataset;
use trade_trends::ingest::{build, InputError, Inputs};

pub fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The dataset built from the committed tables, exactly as `make dataset` builds it.
pub fn bundled() -> Dataset {
    let meta = read("data/meta.json");
    let sources = read("data/sources.csv");
    let obs = read("data/observations.csv");
    let rates1 = read("data/exchange_rates.csv");
    let rates2 = read("data/exchange_rates_fed_monthly.csv");
    let events = read("data/events.csv");
    let claims = read("data/claims.json");
    build(&Inputs {
        meta: ("data/meta.json", &meta),
        sources: ("data/sources.csv", &sources),
        observations: ("data/observations.csv", &obs),
        rates: vec![
            ("data/exchange_rates.csv", &rates1),
            ("data/exchange_rates_fed_monthly.csv", &rates2),
        ],
        events: Some(("data/events.csv", &events)),
        claims: Some(("data/claims.json", &claims)),
    })
    .expect("the bundled tables build")
}

pub const CSV_HEADER: &str = "id,region,flow,partner,period_start,period_end,basis,value,unit,currency,yoy_pct,source_url,source_title,published,note";

/// Builds from an observations table given as text (with the bundled metadata); every
/// page it cites is listed in a sources table with a made-up publisher ("Test Agency").
pub fn build_csv(csv: &str) -> Result<Dataset, Vec<InputError>> {
    let meta = read("data/meta.json");
    let sources = sources_for(csv);
    build(&Inputs {
        meta: ("data/meta.json", &meta),
        sources: ("sources.csv", &sources),
        observations: ("obs.csv", csv),
        rates: vec![],
        events: None,
        claims: None,
    })
}

/// A sources table listing every http(s) address in `csv` with the publisher "Test Agency".
pub fn sources_for(csv: &str) -> String {
    let mut out = String::from("url,publisher,via,copy_on,low_quality,note\n");
    let mut seen = Vec::new();
    for word in csv.split([',', '\n', '"']) {
        let url = word.trim();
        if (url.starts_with("http://") || url.starts_with("https://")) && !seen.contains(&url) {
            seen.push(url);
            out.push_str(&format!("{url},Test Agency,,,,\n"));
        }
    }
    out
}

/// One observations row from its cells after the id.
pub fn row(id: &str, rest: &str) -> String {
    format!("{id},{rest}")
}

/// A synthetic dataset (`dataset synth`): `series` monthly runs, `points` values in all.
pub fn synthetic(points: usize, series: usize, seed: u32) -> Dataset {
    trade_trends::synth::synth(&trade_trends::synth::SynthSpec {
        points,
        series,
        seed,
    })
}
