//! The default selection over the bundled dataset, the figure-check notes, and the chart
//! the default view asks for.
mod common;

use trade_trends::checks::{disputed_figures, notes, CheckKind, CheckNote, Tone};
use trade_trends::currency::Currency;
use trade_trends::dataset::Dataset;
use trade_trends::i18n::Lang;
use trade_trends::measures::Derived;
use trade_trends::month::{Month, Span};
use trade_trends::selection::Selection;
use trade_trends::urlstate::FlowChoice;

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

/// The figure-check notes of `selection` in English.
fn checks(d: &Dataset, selection: &Selection) -> Vec<CheckNote> {
    notes(
        d,
        selection,
        Lang::En,
        &Derived::default(),
        &disputed_figures(d),
    )
}

#[test]
fn the_default_view_is_xinjiang_total_trade_in_yuan_with_the_world_and_central_asia() {
    let d = common::bundled();
    let selection = Selection::default_for(&d).unwrap();
    assert_eq!(
        selection,
        Selection {
            reporter: "xinjiang".into(),
            compare: None,
            flow: FlowChoice::Total,
            partners: vec!["world".into(), "central_asia_5".into()],
            currency: Currency::CNY
        }
    );
    let page = trade_trends::page::Page::new(&d, &Default::default());
    assert_eq!(
        page.title,
        "Xinjiang: total trade with the world and Central Asia (5)"
    );
}

/// The claim notes of `checks`, as (verdict, text).
fn claims(checks: &[CheckNote]) -> Vec<(&str, &str)> {
    checks
        .iter()
        .filter(|c| c.kind == CheckKind::Claim)
        .map(|c| (c.verdict.as_ref().unwrap().label.as_str(), c.text.as_str()))
        .collect()
}

#[test]
fn the_seed_articles_claims_get_verdicts_computed_from_the_published_figures() {
    let d = common::bundled();
    let checks = checks(&d, &Selection::default_for(&d).unwrap());
    let claims = claims(&checks);
    assert_eq!(
        claims.len(),
        7,
        "five Asia Financial claims, two of Nikkei Asia: {claims:#?}"
    );
    // What each comes to: the $409bn and $48bn figures wrong, the comparisons holding, the
    // jump to Southeast Asia unchecked (no ASEAN figure for 2023 was published).
    let tones: Vec<Tone> = checks
        .iter()
        .filter_map(|c| c.verdict.as_ref().map(|v| v.tone))
        .collect();
    assert_eq!(
        tones,
        [
            Tone::Wrong,
            Tone::Holds,
            Tone::Unchecked,
            Tone::Holds,
            Tone::Wrong,
            Tone::Wrong,
            Tone::Wrong
        ]
    );
    assert_eq!(
        claims[0],
        (
            "wrong flow · off by ×10",
            "“Exports from China’s western Xinjiang province rose to a record $409 billion in the first 10 months of 2023” — Asia Financial, 20 Nov 2023. \
             No figure was published for Xinjiang's exports with the world in Jan–Oct 2023; Xinjiang's total trade with the world in Jan–Oct 2023 was 40.2 billion US dollars (obs-0057), and the claim is 10.2 times that."
        )
    );
    assert_eq!(
        claims[1],
        (
            "holds",
            "“Trade shipments between January to October exceeded the total for all of 2022” — Asia Financial, 20 Nov 2023. \
             Xinjiang's total trade with the world in Jan–Oct 2023 was 287.33 billion yuan (obs-0307), more than Xinjiang's total trade with the world in 2022, ≈ 244.9 billion yuan (2023 (obs-0061) ÷ (1 + 45.9%))."
        )
    );
    assert_eq!(
        claims[2],
        (
            "holds · cannot be checked",
            "“trade had jumped to countries in Central Asia and Southeast Asia” — Asia Financial, 20 Nov 2023. \
             Xinjiang's total trade with Central Asia (5) in Jan–Oct 2023 changed +54.9% (obs-0308) on a year earlier. \
             No figure was published for Xinjiang's total trade with ASEAN in Jan–Oct 2023 in the sources found."
        )
    );
    assert_eq!(
        claims[3],
        (
            "holds",
            "“China’s overall trade figures were less rosy, it noted” — Asia Financial, 20 Nov 2023. \
             China's total trade with the world in Jan–Oct 2023 changed +0.03% (obs-0453) on a year earlier, less than Xinjiang's total trade with the world in Jan–Oct 2023, +48.9% (obs-0307)."
        )
    );
    assert_eq!(
        claims[4],
        (
            "off by ×10",
            "“Overseas trade from China's northwestern Xinjiang region jumped 40% to a record $409.2 billion in the first 10 months of 2023” — Nikkei Asia, 20 Nov 2023. \
             Customs published Xinjiang's total trade with the world in Jan–Oct 2023 as 40.2 billion US dollars (obs-0057); the claim is 10.2 times that; the growth it states (+40%) differs from the published +48.9% (obs-0307)."
        )
    );
    let october = "No figure was published for Xinjiang's total trade with the world in Oct 2023; the releases around it give ≈ 4.72 billion US dollars \
        (Derived: Jan–Oct 2023 (obs-0307) − Jan–Sep 2023 (obs-0050); converted from yuan at 7.3071 yuan per US dollar \
        (average of 1 monthly rate, Federal Reserve H.10 monthly average (FRED EXCHUS))), and the claim is 10.2 times that.";
    assert_eq!(claims[5].0, "no published figure");
    assert_eq!(
        claims[5].1,
        format!("“with $48 billion worth of items in October alone, according to customs data from Urumqi” — Asia Financial, 20 Nov 2023. {october}")
    );
    assert!(claims[6].1.ends_with(october), "{}", claims[6].1);
}

#[test]
fn the_claims_are_checked_in_chinese_too() {
    let d = common::bundled();
    let selection = Selection::default_for(&d).unwrap();
    let checks = notes(
        &d,
        &selection,
        Lang::Zh,
        &Derived::default(),
        &disputed_figures(&d),
    );
    let claims = claims(&checks);
    assert_eq!(claims[0].0, "贸易方向有误；相差十倍");
    assert!(claims[0].1.ends_with(
        "——Asia Financial, 2023年11月20日。未公布新疆2023年1–10月与世界的出口的数据；新疆2023年1–10月与世界的进出口为402亿美元（obs-0057），该说法是其10.2倍。"
    ), "{}", claims[0].1);
    assert_eq!(claims[3].0, "成立");
    assert!(claims[3].1.ends_with(
        "中国2023年1–10月与世界的进出口同比变化+0.03%（obs-0453），低于新疆2023年1–10月与世界的进出口（+48.9%（obs-0307））。"
    ), "{}", claims[3].1);
}

#[test]
fn the_default_chart_has_per_month_steps_and_ytd_lines_per_year() {
    use trade_trends::page::Page;
    use trade_trends::urlstate::parse_query;
    let d = common::bundled();
    // The default view: value per period, multi-month periods at their average per month.
    let view = Page::new(&d, &parse_query("").0);
    let spec = view.chart_spec(960, 480, false);
    let steps = &spec.panels[0].series[0].shape.steps;
    assert_eq!(spec.panels[0].series[0].label, "World");
    let jan_feb_2023 = steps
        .iter()
        .find(|s| s.x0 == m("2023-01").index() as f64)
        .unwrap();
    assert_eq!(
        jan_feb_2023.x1,
        m("2023-03").index() as f64,
        "one step across January and February"
    );
    assert!(
        (jan_feb_2023.y - 44.39 / 2.0).abs() < 1e-9,
        "drawn at its average per month"
    );
    assert!(
        spec.alt_text
            .contains("Jan 2021 to Dec 2025, in billion yuan per month."),
        "{}",
        spec.alt_text
    );
    // Year to date: one line per year that has releases (the dollar-only years 2011 to
    // 2014 and 2017 converted, then 2019 to 2025).
    let ytd = Page::new(&d, &parse_query("measure=ytd&from=2011-01").0);
    let spec = ytd.chart_spec(960, 480, false);
    assert_eq!(spec.panels[0].series[0].shape.segments.len(), 12);
    assert!(
        spec.alt_text
            .contains("World: highest 520.37 in 2025; latest 520.37 in 2025."),
        "{}",
        spec.alt_text
    );
}

#[test]
fn the_october_claim_is_answered_in_any_view() {
    let d = common::bundled();
    // Exports to the world in dollars: the total-trade series is not shown, but the claim
    // about October's total trade is still checked against customs' total-trade releases.
    let selection = Selection {
        reporter: "xinjiang".into(),
        compare: None,
        flow: FlowChoice::Exports,
        partners: vec!["world".into()],
        currency: Currency::USD,
    };
    let checks = checks(&d, &selection);
    let october = checks
        .iter()
        .find(|c| c.span == Span::single(m("2023-10")) && c.kind == CheckKind::Claim)
        .unwrap();
    assert_eq!(
        october.verdict.as_ref().map(|v| v.label.as_str()),
        Some("no published figure")
    );
    assert!(october.text.contains(
        "the releases around it give ≈ 4.72 billion US dollars (Derived: Jan–Oct 2023 (obs-0307) − Jan–Sep 2023 (obs-0050);"
    ), "{}", october.text);
}
