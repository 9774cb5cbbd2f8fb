fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).unwrap();
    let d = trade_trends::dataset::parse_dataset(&args[0], &text).unwrap();
    let (state, _) = trade_trends::urlstate::parse_query(&args[1]);
    let derived = std::sync::Arc::new(trade_trends::page::Kept::default());
    let mut toggled = state.clone();
    toggled.partners.remove(0);
    let _ = trade_trends::page::Snapshot::themed_with(&d, &state, 960, false, &derived);
    let t = std::time::Instant::now();
    for i in 0..20 {
        let s = if i % 2 == 0 { &toggled } else { &state };
        std::hint::black_box(trade_trends::page::Snapshot::themed_with(
            &d, s, 960, false, &derived,
        ));
    }
    println!("per toggle: {:?}", t.elapsed() / 20);
}
