//! The graphic as a desk would publish it: the range it opens on and why, the figure
//! check's marks on the chart, a phone's chart (a legend above the plot, no axis title,
//! two-digit years), the credit line under every chart, and pinned vintages.
mod common;

use trade_trends::chart::{is_compact, legend_layout, mark_boxes, render_svg, MarkTone};
use trade_trends::embed::{pinned_parts, vintage_path, vintages_path};
use trade_trends::month::Month;
use trade_trends::page::{Page, Snapshot};
use trade_trends::urlstate::parse_query;

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

fn snapshot(query: &str, width: u32) -> Snapshot {
    let (state, notices) = parse_query(query);
    assert_eq!(notices, [], "{query}");
    Snapshot::new(&common::bundled(), &state, width)
}

#[test]
fn the_default_view_opens_where_the_releases_are_and_says_so() {
    let s = snapshot("", 960);
    // Every year from 2021 has at least four releases; 2020 has two with a value.
    assert_eq!(s.range, Some((m("2021-01"), m("2025-12"))));
    assert_eq!(s.bounds.map(|b| b.0), Some(m("2011-01")));
    assert_eq!(
        s.range_note.as_deref(),
        Some("Showing 2021–2025: earlier years have fewer than 4 releases a year.")
    );
    let zh = snapshot("lang=zh", 960);
    assert_eq!(
        zh.range_note.as_deref(),
        Some("显示2021–2025年：更早的年份每年公布不足4次。")
    );
    // All years asked for: no note; a range asked for is kept as asked.
    let all = snapshot("from=2011-01", 960);
    assert_eq!(
        (all.range.map(|r| r.0), all.range_note.clone()),
        (Some(m("2011-01")), None)
    );
    let asked = snapshot("from=2015-01&to=2016-12", 960);
    assert_eq!(asked.range_note, None);
    // A series too sparse to have a dense span opens on all its months.
    let kaz = snapshot("partners=KAZ", 960);
    assert_eq!(
        (kaz.range.map(|r| r.0), kaz.range_note.is_none()),
        (Some(m("2014-01")), true)
    );
}

#[test]
fn the_figure_checks_marks_are_labelled_grouped_by_release_and_never_overlap() {
    for width in [960, 366] {
        let s = snapshot("", width);
        let labels: Vec<(&str, &[usize])> = s
            .marks
            .iter()
            .map(|(b, checks)| (b.text.as_str(), checks.as_slice()))
            .collect();
        let texts: Vec<&str> = labels.iter().map(|l| l.0).collect();
        assert_eq!(
            texts,
            [
                "Revised",
                "✗ Claim: $409 bn +6",
                "Revised",
                "Figures disagree",
                "Revised"
            ],
            "at {width} px"
        );
        // The Jan–Oct 2023 mark stands for the seven claims of the two articles.
        assert_eq!(labels[1].1.len(), 7);
        for (a, _) in &s.marks {
            for (b, _) in &s.marks {
                let apart = a == b || a.y != b.y || a.x + a.width <= b.x || b.x + b.width <= a.x;
                assert!(apart, "{a:?} overlaps {b:?} at {width} px");
            }
            assert!(a.x >= 0.0 && a.x + a.width <= width as f64, "{a:?}");
        }
    }
    // Coloured by the worst of their notes: the claims found wrong.
    let page = Page::new(&common::bundled(), &parse_query("").0);
    let (a, b) = page.range.unwrap();
    let tones: Vec<MarkTone> = page.mark_groups(a, b).iter().map(|g| g.mark.tone).collect();
    assert_eq!(
        tones,
        [
            MarkTone::Note,
            MarkTone::Wrong,
            MarkTone::Note,
            MarkTone::Note,
            MarkTone::Note
        ]
    );
    // In Chinese.
    let zh = snapshot("lang=zh", 960);
    assert_eq!(zh.marks[1].0.text, "✗ 说法：4,090亿美元 +6");
}

#[test]
fn on_a_phone_the_plot_takes_the_width_and_the_legend_sits_above_it() {
    let s = snapshot("", 366);
    let spec = s.chart_spec(366, s.height, false);
    assert!(is_compact(&spec));
    let (l, _, r, _) = s.geometry.plot;
    assert!((r - l) as f64 >= 0.85 * 366.0, "plot {l}..{r}");
    let (legend, _) = legend_layout(&spec, &spec.panels[0], 4.0);
    let names: Vec<&str> = legend.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(names, ["World", "Central Asia (5)"]);
    // On one row, apart, above the plot (whose top is below every legend entry).
    assert!(legend[1].x > legend[0].x + 26.0 + 5.0 * 6.0);
    assert!(legend.iter().all(|i| (i.y as i32) < s.geometry.plot.1));
    // No value-axis title (the caption gives the unit), two-digit years.
    assert!(!s.svg.contains("\nbillion yuan per month\n"));
    assert!(s.svg.contains("’22"), "two-digit years");
    // A desktop chart keeps its axis title and labels at the lines' ends.
    let wide = snapshot("", 960);
    assert!(wide.svg.contains("\nbillion yuan per month\n"));
    assert!(!wide.svg.contains("’22"));
    let wide_spec = wide.chart_spec(960, wide.height, false);
    assert!(legend_layout(&wide_spec, &wide_spec.panels[0], 4.0)
        .0
        .is_empty());
    assert_eq!(mark_boxes(&wide_spec).len(), 5);
    assert!(render_svg(&wide_spec)
        .unwrap()
        .contains("✗ Claim: $409 bn +6"));
}

#[test]
fn every_chart_carries_its_credit_line() {
    let s = snapshot("measure=ytd&partners=world&from=2025-01", 800);
    assert_eq!(
        s.credit_line(),
        "Sources: Xinhua, MyTinyFeed, People's Daily, Xinjiang Daily, China Daily. Chart: Trade \
         Trends. Figures: published statistics, quoted with attribution to each source. \
         Compilation: CC BY 4.0."
    );
    let zh = snapshot("lang=zh&measure=ytd&partners=world&from=2025-01", 800);
    assert!(
        zh.credit_line().starts_with("来源：Xinhua, "),
        "{}",
        zh.credit_line()
    );
    assert!(zh.credit_line().contains("。图表：Trade Trends。Figures:"));
    // The downloaded SVG ends with it (escaped).
    let svg = s.export_svg();
    assert!(svg.contains("Chart: Trade Trends."), "{svg}");
}

#[test]
fn a_dataset_is_pinned_by_its_vintage() {
    let d = common::bundled();
    // China's Jan–Feb 2026 release, the latest, was first published on 10 March 2026.
    assert_eq!(d.vintage.as_deref(), Some("2026-03-10"));
    assert_eq!(
        vintage_path("data/xinjiang.json", "2026-03-10"),
        "data/xinjiang-2026-03-10.json"
    );
    assert_eq!(
        pinned_parts("data/xinjiang-2026-03-10.json"),
        Some(("data/xinjiang.json".to_string(), "2026-03-10".to_string()))
    );
    assert_eq!(pinned_parts("data/xinjiang.json"), None);
    assert_eq!(pinned_parts("data/xinjiang-2026-13.json"), None);
    assert_eq!(pinned_parts("-2026-03-10.json"), None);
    assert_eq!(
        vintages_path("data/xinjiang.json"),
        "data/xinjiang.vintages.json"
    );
    // The dated copy kept beside the dataset is the dataset.
    let copy = common::read("public/data/xinjiang-2026-03-10.json");
    assert_eq!(copy, common::read("public/data/xinjiang.json"));
    let index: serde_json::Value =
        serde_json::from_str(&common::read("public/data/xinjiang.vintages.json")).unwrap();
    assert_eq!(index["latest"], "2026-03-10");
}
