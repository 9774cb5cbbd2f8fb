//! The figure check's marks as the chart lays them out for a view of the bundled data:
//! `cargo run --example marks_peek -- 'QUERY' [WIDTH]` (SVG=1 also prints the SVG).

fn main() {
    let text = std::fs::read_to_string("public/data/xinjiang.json").unwrap();
    let d = trade_trends::dataset::parse_dataset("x", &text).unwrap();
    let q = std::env::args().nth(1).unwrap_or_default();
    let w: u32 = std::env::args()
        .nth(2)
        .and_then(|w| w.parse().ok())
        .unwrap_or(960);
    let (state, _) = trade_trends::urlstate::parse_query(&q);
    let s = trade_trends::page::Snapshot::new(&d, &state, w);
    println!("range {:?} note {:?}", s.range, s.range_note);
    for (b, c) in &s.marks {
        println!(
            "{:?} {:.0},{:.0} {:.0}x{:.0} {:?}",
            b.text, b.x, b.y, b.width, b.height, c
        );
    }
    println!("plot {:?} width {}", s.geometry.plot, s.width);
    println!("{}", s.credit_line());
    if std::env::var("SVG").is_ok() {
        println!("{}", s.svg);
    }
}
