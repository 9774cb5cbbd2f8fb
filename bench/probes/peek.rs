// Prints the dashboard for a query string: `cargo run --example peek -- 'measure=yoy'`.
fn main() {
    let text = std::fs::read_to_string("public/data/xinjiang.json").unwrap();
    let d = trade_trends::dataset::parse_dataset("xinjiang.json", &text).unwrap();
    let q = std::env::args().nth(1).unwrap_or_default();
    let (state, notices) = trade_trends::urlstate::parse_query(&q);
    let v = trade_trends::page::Page::new(&d, &state);
    println!(
        "title: {}\nmeasure: {}\ny: {}\nkey: {:?}\nnotices: {:?} {:?}",
        v.title, v.wording.measure_label, v.wording.y_label, v.key_figures, notices, v.notices
    );
    for s in &v.series {
        println!("== {} ({} points)", s.label, s.points.len());
        for p in s.points.iter().take(40) {
            println!(
                "  {:<22} {:>12} {}{}",
                p.span.label(),
                v.wording.value_text(&p),
                v.wording.provenance(&p),
                p.caveat
                    .as_ref()
                    .map(|c| format!(" [{}]", c.text(Default::default())))
                    .unwrap_or_default()
            );
        }
    }
    println!("{}", v.alt_text);
    for n in &v.notes {
        println!("note: {n}");
    }
    println!("fresh: {:?}", v.freshness);
    for c in &v.checks {
        println!(
            "check [{:?}] {}: {}",
            c.kind,
            c.verdict.as_ref().map_or("-", |m| m.label.as_str()),
            c.text
        );
    }
}
