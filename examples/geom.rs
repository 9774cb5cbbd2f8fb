fn main() {
    let text = std::fs::read_to_string("public/data/xinjiang.json").unwrap();
    let d = trade_trends::dataset::parse_dataset("x", &text).unwrap();
    let (state, _) = trade_trends::urlstate::parse_query("");
    let s = trade_trends::snapshot::Snapshot::new(&d, &state, 1060);
    println!(
        "{:?} {}x{} points {}",
        s.geometry,
        s.width,
        s.height,
        s.points.len()
    );
    for p in s.points.iter().take(3) {
        println!("{} {} {} {}", p.period, p.series_label, p.x_px, p.y_px);
    }
    println!("nearest {:?}", s.nearest(848.0, 265.0));
}
