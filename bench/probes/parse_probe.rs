//! Native timing of reading a dataset file, step by step: the JSON read, then the checks
//! (which read the monthly runs' values as figures, one at a time).
//! `cargo run --release --example parse_probe -- FILE.json`
use std::time::Instant;

fn main() {
    let file = std::env::args().nth(1).expect("a dataset file");
    let text = std::fs::read_to_string(&file).unwrap();
    let t = Instant::now();
    let d: trade_trends::dataset::Dataset = serde_json::from_str(&text).unwrap();
    println!("JSON read: {:?}", t.elapsed());
    let t = Instant::now();
    let problems = trade_trends::dataset::validate(&d);
    println!("checks: {:?} ({} problems)", t.elapsed(), problems.len());
}
