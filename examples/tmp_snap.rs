fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).unwrap();
    let d = trade_trends::dataset::parse_dataset(&args[0], &text).unwrap();
    let (state, _) = trade_trends::urlstate::parse_query(&args[1]);
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let s = trade_trends::snapshot::Snapshot::new(&d, &state, 960);
        println!("snapshot {:?} {}", t.elapsed(), s.svg.len());
    }
}
