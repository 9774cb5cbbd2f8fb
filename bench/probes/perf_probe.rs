//! Native timing of the app's pipeline on a dataset file: parse + validate, then the
//! snapshot of a view (what the app computes on load and on each control change).
//! `cargo run --release --example perf_probe -- FILE.json [QUERY]`
use std::time::Instant;
use trade_trends::dataset::parse_dataset;
use trade_trends::page::Snapshot;
use trade_trends::urlstate::parse_query;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).unwrap();
    let t = Instant::now();
    let d = parse_dataset(&args[0], &text).unwrap();
    println!("parse+validate: {:?}", t.elapsed());
    let query = args.get(1).cloned().unwrap_or_default();
    let (state, _) = parse_query(&query);
    let t = Instant::now();
    let view = trade_trends::page::Page::new(&d, &state);
    println!("dashboard view: {:?}", t.elapsed());
    let t = Instant::now();
    let spec = view.chart_spec(960, 480, false);
    println!("chart spec: {:?}", t.elapsed());
    let t = Instant::now();
    let (svg, _) = trade_trends::chart::render(&spec).unwrap();
    println!("render: {:?} ({} bytes)", t.elapsed(), svg.len());
    let t = Instant::now();
    let s = Snapshot::new(&d, &state, 960);
    println!(
        "snapshot: {:?} (svg {} bytes, {} points, {} rows)",
        t.elapsed(),
        s.svg.len(),
        s.points().len(),
        s.row_count(),
    );
    let derived = std::sync::Arc::new(trade_trends::page::Kept::default());
    let _ = Snapshot::themed_with(&d, &state, 960, false, &derived);
    let mut toggled = state.clone();
    toggled.partners.remove(0);
    let t = Instant::now();
    let s = Snapshot::themed_with(&d, &toggled, 960, false, &derived);
    println!(
        "snapshot after a toggle, derivations kept: {:?} ({} points)",
        t.elapsed(),
        s.points().len()
    );
    let t = Instant::now();
    let hits = (0..100)
        .filter_map(|i| s.nearest(100.0 + 7.0 * i as f64, 200.0))
        .count();
    println!("100 pointer moves: {:?} ({hits} hits)", t.elapsed());
    let t = Instant::now();
    let mut at = s.step(None, 0, 0);
    for _ in 0..20 {
        at = s.step(at, 1, 0);
    }
    println!("20 steps right by keyboard: {:?}", t.elapsed());
    let t = Instant::now();
    let csv = view.csv();
    println!("csv: {:?} ({} bytes)", t.elapsed(), csv.len());
}
