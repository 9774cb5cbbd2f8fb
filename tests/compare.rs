//! Xinjiang beside China: two reporters in one view, one reporter's share of the other,
//! the notices for a comparison that cannot be made, and how fresh the figures are.
mod common;

use trade_trends::measures::{Computation, How};
use trade_trends::page::Page;
use trade_trends::urlstate::parse_query;

fn page(query: &str) -> Page {
    let (state, notices) = parse_query(query);
    assert_eq!(notices, [], "{query}");
    Page::new(&common::bundled(), &state)
}

#[test]
fn growth_of_xinjiang_and_china_side_by_side() {
    let p = page("compare=china&measure=yoy&partners=world&from=2023-01&to=2023-10");
    assert_eq!(p.title, "Xinjiang and China: total trade with the world");
    let labels: Vec<&str> = p.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Xinjiang: World", "China: World"]);
    assert_eq!(p.series[1].reporter, "china");
    // As published: Xinjiang +48.9% (Xinhua), China +0.03% (GACC via MENAFN).
    assert_eq!(
        p.key_figures.as_deref(),
        Some("Total trade with the world, Jan–Oct 2023: Xinjiang +48.9%, China +0.03% — Xinhua, MENAFN")
    );
    let china = &p.series[1].points;
    let oct = china
        .iter()
        .find(|q| q.span.label() == "Jan–Oct 2023")
        .unwrap();
    assert_eq!(
        p.wording.provenance(&oct),
        "Official: published (Jan–Oct 2023 (obs-0453))"
    );
    // Each reporter's own values: China's first period is not Xinjiang's.
    let first = |i: usize| p.wording.value_text(&p.series[i].points.at(0));
    assert_eq!(
        (first(0), first(1)),
        ("+86.4%".to_string(), "−0.8%".to_string())
    );
}

#[test]
fn xinjiangs_share_of_chinas_trade_only_where_both_published_the_period() {
    let p = page("compare=china&measure=reporter_share&partners=world&from=2023-01&to=2023-12");
    assert_eq!(
        p.title,
        "Xinjiang as a share of China: total trade with the world"
    );
    assert_eq!(p.wording.y_label, "% of China");
    let points = &p.series[0].points;
    let jan_oct = points
        .iter()
        .find(|q| q.span.label() == "Jan–Oct 2023")
        .unwrap();
    // 2873.3 亿元 (Xinhua) of 34.32 trillion yuan (GACC).
    assert_eq!(jan_oct.value, 100.0 * 287.33e9 / 34.32e12);
    assert_eq!(p.wording.value_text(&jan_oct), "0.84%");
    assert_eq!(
        p.wording.provenance(&jan_oct),
        "Share: Xinjiang, Jan–Oct 2023 (obs-0307) ÷ China, Jan–Oct 2023 (obs-0453)"
    );
    let How::Computed(Computation::ShareOf(of)) = &jan_oct.how else {
        panic!("{:?}", jan_oct.how)
    };
    assert_eq!(
        (of.part_rows.as_slice(), of.whole_rows.as_slice()),
        (&["obs-0307".to_string()][..], &["obs-0453".to_string()][..])
    );
    // Sources of both: Xinjiang's Jan-Oct print and China's.
    let publishers: Vec<String> = jan_oct
        .sources
        .iter()
        .map(|id| common::bundled().source(id).unwrap().publisher.clone())
        .collect();
    assert!(publishers.contains(&"MENAFN".to_string()), "{publishers:?}");
    // No share for Jan–Aug 2023: Xinjiang published none for it.
    assert!(points.iter().all(|q| q.span.label() != "Jan–Aug 2023"));
    // In the CSV, with the provenance of both series and the publishers of both.
    let csv = p.csv();
    let row = csv
        .lines()
        .find(|l| l.starts_with("2023-01,2023-10,"))
        .unwrap();
    assert_eq!(
        row,
        "2023-01,2023-10,total,world,reporter_share,0.8372,percent,,\
         \"Share: Xinjiang, Jan–Oct 2023 (obs-0307) ÷ China, Jan–Oct 2023 (obs-0453)\",\
         https://jp.xinhuanet.com/20231120/18276db9ff2b4849942b38850944c3ec/c.html \
         https://www.urdupoint.com/en/business/xinjiang-foreign-trade-up-489-pct-in-first-1-1769896.html \
         https://menafn.com/1107391518/Russia-China-trade-increases-while-Chinas-foreign-trade-faces-challenges,\
         Xinhua; Xinhua (via UrduPoint); MENAFN"
    );
}

#[test]
fn a_comparison_that_cannot_be_made_is_said_and_the_rest_is_shown() {
    let d = common::bundled();
    let notices = |q: &str| -> Vec<String> {
        let (state, _) = parse_query(q);
        let p = Page::new(&d, &state);
        p.notices.iter().map(|n| n.to_string()).collect()
    };
    assert_eq!(
        notices("compare=mars"),
        ["compare: \"mars\" is not a reporter in this dataset; nothing is compared"]
    );
    assert_eq!(
        notices("compare=xinjiang"),
        ["compare: \"xinjiang\" is the reporter already shown; nothing is compared"]
    );
    assert_eq!(
        notices("measure=reporter_share"),
        ["measure: a share of another reporter needs compare= with that reporter (e.g. compare=china); the value per period is shown instead"]
    );
    // Periods Xinjiang published and China did not: named, not silently dropped.
    assert_eq!(
        notices("compare=china&measure=reporter_share&partners=central_asia_5"),
        ["measure: Xinjiang's figures with Central Asia (5) for 2012, Jan–Nov 2022, Jan–Feb 2023, Jan–Mar 2023, Jan–Apr 2023, Jan–May 2023 and 3 more periods have no China figure for the same months; no share is drawn for them"]
    );
}

#[test]
fn the_page_says_how_fresh_its_latest_figure_is() {
    assert_eq!(
        page("").freshness.as_deref(),
        Some("Latest figures: 2025, published 23 Jan 2026.")
    );
    assert_eq!(
        page("lang=zh").freshness.as_deref(),
        Some("最新数据：2025年，2026年1月23日发布。")
    );
    // China's series run further: its latest release is shown when it is compared.
    assert_eq!(
        page("compare=china&measure=yoy&partners=world")
            .freshness
            .as_deref(),
        Some("Latest figures: Jan–Feb 2026, published 10 Mar 2026.")
    );
}

#[test]
fn every_credit_names_a_publisher_never_a_bare_host() {
    use trade_trends::dataset::looks_like_host;
    use trade_trends::i18n::Lang;
    use trade_trends::page::{Snapshot, SourceLink};
    let d = common::bundled();
    for s in &d.sources {
        let link = SourceLink::of(&d, &s.id).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let credit = link.credit(lang);
            assert!(credit.starts_with(&s.publisher), "{}: {credit}", s.id);
            assert!(!looks_like_host(&credit), "{}: {credit}", s.id);
        }
    }
    // The Jan–Mar 2023 tooltip: publishers, a copy on another host said to be one.
    let (state, _) = parse_query("measure=ytd&partners=world&from=2023-03&to=2023-03");
    let snap = Snapshot::new(&d, &state, 800);
    let hit = snap.point_text(0).unwrap();
    let credits: Vec<String> = hit.sources.iter().map(|s| s.credit(Lang::En)).collect();
    assert_eq!(
        credits,
        ["People's Daily Overseas Edition (copy on houyingdance.com)"]
    );
    // The SVG download's credit line names publishers.
    let svg = snap.export_svg();
    assert!(
        svg.contains("Sources: People&#39;s Daily Overseas Edition. Chart: Trade Trends."),
        "{svg}"
    );
    assert!(!svg.contains(">houyingdance.com"), "{svg}");
}

#[test]
fn chinas_national_figures_are_in_trillions_in_both_languages() {
    let p = page("reporter=china&partners=world&measure=ytd&from=2023-01&to=2023-12");
    assert_eq!(p.wording.y_label, "trillion yuan");
    assert_eq!(
        p.key_figures.as_deref(),
        Some("Total trade with the world, 2023: ¥41.76 trn ($5.9 trn), +0.2% y/y — People's Daily Online, General Administration of Customs")
    );
    let zh = page("lang=zh&reporter=china&partners=world&measure=ytd&from=2023-01&to=2023-12");
    assert_eq!(zh.wording.y_label, "万亿元");
    let oct = zh.series[0]
        .points
        .iter()
        .find(|q| q.span.label() == "Jan–Oct 2023")
        .unwrap();
    assert_eq!(zh.wording.value_with_unit(&oct), "34.32万亿元");
}
