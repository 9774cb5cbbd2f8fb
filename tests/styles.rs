//! A partner keeps its colour, dash and marker whatever else is shown, and a toggle that
//! keeps the chart's scale leaves the other series' drawing untouched (so the page can
//! change only the series shown or hidden).
mod common;

use std::collections::BTreeSet;

use trade_trends::chart::svg_parts;
use trade_trends::page::{Page, Snapshot};
use trade_trends::urlstate::parse_query;

fn styles(query: &str) -> Vec<(String, usize)> {
    let p = Page::new(&common::bundled(), &parse_query(query).0);
    p.series
        .iter()
        .map(|s| (s.label.clone(), s.style))
        .collect()
}

#[test]
fn a_partners_style_does_not_depend_on_the_others_shown() {
    let all = styles("partners=world,central_asia_5,KAZ,KGZ&from=2011-01");
    let style_of = |label: &str| all.iter().find(|(l, _)| l == label).unwrap().1;
    for query in [
        "partners=KAZ&from=2011-01",
        "partners=KGZ,KAZ&from=2011-01",
        "partners=central_asia_5,KGZ&from=2011-01",
        "partners=world,KGZ&from=2011-01",
    ] {
        for (label, style) in styles(query) {
            assert_eq!(style, style_of(&label), "{label} in {query}");
        }
    }
    // From the dataset's partner order: the world first, Central Asia second.
    assert_eq!((style_of("World"), style_of("Central Asia (5)")), (0, 1));
    // Distinct among those shown, a compared reporter's series too.
    let compared = styles("compare=china&partners=world,central_asia_5,KAZ&measure=yoy");
    let distinct: BTreeSet<usize> = compared.iter().map(|(_, s)| *s).collect();
    assert_eq!(distinct.len(), compared.len(), "{compared:?}");
    let china_world = compared
        .iter()
        .find(|(l, _)| l == "China: World")
        .unwrap()
        .1;
    assert_eq!(china_world, 12);
}

#[test]
fn a_toggle_that_keeps_the_scale_leaves_the_other_series_drawn_the_same() {
    let d = common::bundled();
    let snap = |q: &str| Snapshot::new(&d, &parse_query(q).0, 900);
    // Central Asia is below the world's values: hiding it keeps the scale.
    let both = snap("partners=world,central_asia_5&measure=ytd&from=2022-01&to=2024-12");
    let world = snap("partners=world&measure=ytd&from=2022-01&to=2024-12");
    let (a, b) = (
        svg_parts(&both.svg).unwrap(),
        svg_parts(&world.svg).unwrap(),
    );
    assert_eq!(a.series.len(), 2);
    assert_eq!(b.series.len(), 1);
    assert_eq!(a.series[0], b.series[0], "the world's group, byte for byte");
    assert_eq!(a.head, b.head, "axes, grid and marks");
    assert_eq!(a.tail, b.tail);
    assert_ne!(a.labels, b.labels, "one label fewer");
    assert_ne!(
        a.marks, b.marks,
        "Central Asia's revision of Dec 2022 is no longer marked"
    );
    assert_ne!(
        a.title, b.title,
        "the text alternative names the series shown"
    );
    // Hiding the world changes the scale: its parts differ.
    let ca = snap("partners=central_asia_5&measure=ytd&from=2022-01&to=2024-12");
    assert_ne!(svg_parts(&ca.svg).unwrap().head, a.head);
}
