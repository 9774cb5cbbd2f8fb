//! Native timing of the table's first rows for a view: `Snapshot::row_order` for each
//! column, both ways, at the page's limit (250 rows).
//! `cargo run --release --example rows_probe -- FILE.json [QUERY]`
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).unwrap();
    let d = trade_trends::dataset::parse_dataset(&args[0], &text).unwrap();
    let (state, _) = trade_trends::urlstate::parse_query(args.get(1).map_or("", |q| q));
    let s = trade_trends::page::Snapshot::new(&d, &state, 960);
    for column in 0..3 {
        for ascending in [true, false] {
            let t = std::time::Instant::now();
            let rows = std::hint::black_box(s.row_order(column, ascending, 250));
            println!(
                "column {column} {}: {:?} ({} rows of {})",
                if ascending { "up  " } else { "down" },
                t.elapsed(),
                rows.len(),
                s.row_count()
            );
        }
    }
}
