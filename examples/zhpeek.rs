use trade_trends::dashboard::DashboardView;
use trade_trends::snapshot::Snapshot;
use trade_trends::urlstate::parse_query;
fn main() {
    let text = std::fs::read_to_string("public/data/xinjiang.json").unwrap();
    let d = trade_trends::dataset::parse_dataset("x", &text).unwrap();
    for q in std::env::args().skip(1) {
        let (state, n) = parse_query(&q);
        println!("== {q} {n:?}");
        let v = DashboardView::new(&d, &state);
        println!(
            "title: {}\nkey: {:?}\nylabel: {}\nalt: {}",
            v.title,
            v.key_figures,
            v.y_label,
            v.alt_text()
        );
        for n in &v.notes {
            println!("note: {n}");
        }
        for c in &v.checks {
            println!("check: {}", c.text);
        }
        let s = Snapshot::new(&d, &state, 800);
        for p in s.points.iter().take(3) {
            println!("ann: {}", p.announcement());
        }
        for r in s.rows.iter().rev().take(2) {
            println!(
                "row: {} | {} | {} | {}",
                r.period, r.series, r.value, r.provenance
            );
        }
    }
}
