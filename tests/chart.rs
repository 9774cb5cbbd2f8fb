//! Chart drawing: structure of the SVG (what was drawn, how many marks), escaping, and
//! the time axis. Label positions are not snapshotted: natively, plotters estimates
//! text widths.
use std::sync::Arc;
use trade_trends::chart::Shape;
use trade_trends::chart::{
    render_svg, stack, step_runs, ChartSeries, ChartSpec, MonthAxis, Panel, PanelKind, Step,
};
use trade_trends::month::Month;

fn idx(s: &str) -> i64 {
    s.parse::<Month>().unwrap().index()
}

fn spec(label: &str) -> ChartSpec {
    let x = |s: &str| idx(s) as f64;
    ChartSpec {
        width: 800,
        height: 500,
        months: (idx("2022-01"), idx("2023-12")),
        panels: vec![
            Panel {
                title: "Year to date".into(),
                y_label: "billion yuan".into(),
                kind: PanelKind::Lines,
                series: vec![
                    ChartSeries {
                        label: label.into(),
                        style: 0,
                        // two years: two runs, five points
                        shape: Arc::new(Shape::new(
                            vec![
                                vec![(x("2022-03"), 23.8), (x("2022-06"), 91.5)],
                                vec![
                                    (x("2023-03"), 44.4),
                                    (x("2023-04"), 68.1),
                                    (x("2023-07"), 149.6),
                                ],
                            ],
                            vec![],
                        )),
                    },
                    ChartSeries {
                        label: "Central Asia (5)".into(),
                        style: 1,
                        shape: Arc::new(Shape::new(vec![vec![(x("2023-03"), 35.2)]], vec![])),
                    },
                ],
            },
            Panel {
                title: "Per period".into(),
                y_label: "billion yuan".into(),
                kind: PanelKind::Steps,
                series: vec![ChartSeries {
                    label: label.into(),
                    style: 0,
                    shape: Arc::new(Shape::new(
                        vec![],
                        vec![
                            Step {
                                x0: x("2023-01"),
                                x1: x("2023-03"),
                                y: 22.2,
                            },
                            Step {
                                x0: x("2023-03"),
                                x1: x("2023-04"),
                                y: 23.7,
                            },
                            Step {
                                x0: x("2023-06"),
                                x1: x("2023-09"),
                                y: 27.0,
                            },
                        ],
                    )),
                }],
            },
        ],
        alt_text: "Chart of \"trade\" <b>& more</b>".into(),
        events: vec![],
        marks: vec![],
        label_units: 0,
        value_format: trade_trends::chart::ValueFormat::Billions,
        theme: trade_trends::chart::ChartTheme::LIGHT,
        lang: Default::default(),
    }
}

#[test]
fn draws_an_accessible_svg_with_every_series() {
    let svg = render_svg(&spec("World")).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    assert!(svg.contains(r#"width="800" height="500""#));
    assert!(svg.contains(r#"role="img" aria-labelledby="chart-title""#));
    assert!(svg.contains(r#"<title id="chart-title">Chart of &quot;trade&quot; &lt;b&gt;&amp; more&lt;/b&gt;</title>"#));
    let blue = r##"stroke="#1F62A3""##;
    // Solid series: one polyline per year run in the top panel, one per contiguous run of steps below.
    let solid_lines = svg.matches("<polyline").filter(|_| true).count();
    let blue_polylines = svg
        .split("<polyline")
        .skip(1)
        .filter(|p| p[..p.find("/>").unwrap()].contains(blue))
        .count();
    assert_eq!(
        blue_polylines,
        2 + 2,
        "two year runs + two step runs ({solid_lines} polylines in all)"
    );
    // A marker per published point: five circles for World, one triangle for Central Asia.
    assert_eq!(svg.matches("<circle").count(), 5);
    // Titles, axis descriptions and direct labels.
    let drawn = texts(&svg);
    for text in [
        "Year to date",
        "Per period",
        "billion yuan",
        "World",
        "Central Asia (5)",
        "2023",
    ] {
        assert!(
            drawn.iter().any(|t| t == text),
            "missing {text} in {drawn:?}"
        );
    }
}

/// The text content of every `<text>` element, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| {
            t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()]
                .trim()
                .to_string()
        })
        .collect()
}

/// Every `<polyline …/>` element of `svg` whose attributes contain `attr`.
fn polylines_with<'a>(svg: &'a str, attr: &str) -> Vec<&'a str> {
    svg.split("<polyline")
        .skip(1)
        .map(|p| &p[..p.find("/>").unwrap()])
        .filter(|p| p.contains(attr))
        .collect()
}

#[test]
fn a_dashed_line_is_one_element_with_a_dash_pattern() {
    let x = |s: &str| idx(s) as f64;
    let mut spec = spec("World");
    // The second series (style 1, dashed) gets a run of eight months, and an event.
    spec.panels[0].series[1].shape = Arc::new(Shape::new(
        vec![(3..=10)
            .map(|m| (x(&format!("2023-{m:02}")), 30.0 + m as f64))
            .collect()],
        vec![],
    ));
    spec.events = vec![trade_trends::chart::Marker {
        x: x("2022-09"),
        label: "Event".into(),
    }];
    let svg = render_svg(&spec).unwrap();
    let dashed = polylines_with(&svg, "stroke-dasharray=\"6 4\"");
    assert_eq!(
        dashed.len(),
        1,
        "one element for the dashed run: {dashed:?}"
    );
    assert_eq!(
        dashed[0].matches(',').count(),
        8,
        "all eight points: {}",
        dashed[0]
    );
    assert!(dashed[0].contains("opacity=\"1\""), "{}", dashed[0]);
    assert!(dashed[0].contains("stroke-width=\"2\""), "{}", dashed[0]);
    let event = polylines_with(&svg, "stroke-dasharray=\"3 3\"");
    assert_eq!(
        event.len(),
        2,
        "one element for the event's line in each panel: {event:?}"
    );
    assert!(
        event.iter().all(|e| e.contains("stroke-width=\"1\"")),
        "{event:?}"
    );
    // The solid series is not dashed, and no element keeps the marker opacity.
    let blue = r##"stroke="#1F62A3""##;
    assert!(polylines_with(&svg, blue)
        .iter()
        .all(|p| !p.contains("dasharray")));
    assert!(
        !svg.contains("opacity=\"0.99"),
        "a marker opacity was left in the SVG"
    );
}

#[test]
fn labels_are_escaped() {
    let svg = render_svg(&spec("<script>alert(1)</script>")).unwrap();
    assert!(!svg.contains("<script"), "raw markup leaked into the SVG");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn steps_join_only_when_contiguous() {
    let steps = [
        Step {
            x0: 0.0,
            x1: 2.0,
            y: 5.0,
        },
        Step {
            x0: 2.0,
            x1: 3.0,
            y: 7.0,
        },
        Step {
            x0: 5.0,
            x1: 8.0,
            y: 4.0,
        },
    ];
    assert_eq!(
        step_runs(&steps),
        vec![
            vec![(0.0, 5.0), (2.0, 5.0), (2.0, 7.0), (3.0, 7.0)],
            vec![(5.0, 4.0), (8.0, 4.0)]
        ]
    );
}

#[test]
fn the_time_axis_ticks_on_januaries_or_quarters() {
    let axis = MonthAxis::new(idx("2019-01") as f64, idx("2026-01") as f64);
    let years: Vec<String> = axis
        .ticks(8)
        .iter()
        .map(|t| Month::from_index(*t as i64).to_string())
        .collect();
    assert_eq!(
        years,
        ["2019-01", "2020-01", "2021-01", "2022-01", "2023-01", "2024-01", "2025-01", "2026-01"]
    );
    let biennial: Vec<String> = axis
        .ticks(4)
        .iter()
        .map(|t| Month::from_index(*t as i64).to_string())
        .collect();
    assert_eq!(biennial, ["2020-01", "2022-01", "2024-01", "2026-01"]);
    let short = MonthAxis::new(idx("2023-01") as f64, idx("2024-01") as f64);
    let quarters: Vec<String> = short
        .ticks(6)
        .iter()
        .map(|t| Month::from_index(*t as i64).to_string())
        .collect();
    assert_eq!(
        quarters,
        ["2023-01", "2023-04", "2023-07", "2023-10", "2024-01"]
    );
    assert_eq!(
        trade_trends::chart::axis_label(idx("2023-04") as f64, trade_trends::i18n::Lang::En),
        "Apr"
    );
    assert_eq!(
        trade_trends::chart::axis_label(idx("2023-01") as f64, trade_trends::i18n::Lang::En),
        "2023"
    );
}

#[test]
fn both_themes_pass_contrast_for_text_and_marks() {
    use trade_trends::chart::{contrast, ChartTheme};
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    for (name, theme) in [("light", ChartTheme::LIGHT), ("dark", ChartTheme::DARK)] {
        let bg = theme.reference_background;
        for (what, c, min) in [
            ("text", theme.text, 4.5),
            ("soft text", theme.text_soft, 4.5),
            ("flag text", theme.flag_text, 4.5),
            ("event", theme.event, 4.5),
            ("axis", theme.axis, 3.0),
            ("flag", theme.flag, 3.0),
        ] {
            assert!(
                contrast(c, bg) >= min,
                "{name} {what}: {:.2}",
                contrast(c, bg)
            );
        }
        for (i, c) in theme.palette.iter().enumerate() {
            assert!(
                contrast(*c, bg) >= 4.5,
                "{name} series {i}: {:.2} (direct labels use the series colour)",
                contrast(*c, bg)
            );
        }
    }
}

#[test]
fn dark_and_transparent_themes_change_the_svg() {
    use trade_trends::chart::ChartTheme;
    let mut s = spec("World");
    s.theme = ChartTheme::DARK;
    let dark = render_svg(&s).unwrap();
    assert!(dark.contains(r##"fill="#181A1D""##), "dark background");
    assert!(
        dark.contains(r##"stroke="#6EAAF0""##),
        "light blue series on dark"
    );
    s.theme = ChartTheme::DARK.transparent();
    let clear = render_svg(&s).unwrap();
    assert!(
        !clear.contains(r##"fill="#181A1D""##),
        "no background when transparent"
    );
}

#[test]
fn a_stacked_band_sits_on_the_earlier_series_of_the_same_months_only() {
    let steps = |v: &[(f64, f64, f64)]| ChartSeries {
        label: String::new(),
        style: 0,
        shape: Arc::new(Shape::new(
            Vec::new(),
            v.iter()
                .map(|&(x0, x1, y)| Step { x0, x1, y })
                .collect::<Vec<_>>(),
        )),
    };
    let series = [
        steps(&[(0.0, 1.0, 2.0), (1.0, 3.0, 5.0)]),
        // Months 1..2 is not months 1..3: nothing below it.
        steps(&[(0.0, 1.0, 3.0), (1.0, 2.0, 7.0)]),
        // Out of order.
        steps(&[(0.0, 1.0, 4.0), (1.0, 3.0, 1.0), (1.0, 2.0, 0.5)]),
        // A span twice in one series: both on the same sum, and both under the next.
        steps(&[(1.0, 2.0, 1.0), (0.0, 1.0, 1.0), (0.0, 1.0, 2.0)]),
        steps(&[(0.0, 1.0, 1.0), (4.0, 5.0, 1.0)]),
    ];
    let bands: Vec<Vec<(f64, f64)>> = stack(&series)
        .into_iter()
        .map(|b| {
            b.into_iter()
                .map(|(_, bottom, top)| (bottom, top))
                .collect()
        })
        .collect();
    assert_eq!(
        bands,
        vec![
            vec![(0.0, 2.0), (0.0, 5.0)],
            vec![(2.0, 5.0), (0.0, 7.0)],
            vec![(5.0, 9.0), (5.0, 6.0), (7.0, 7.5)],
            vec![(7.5, 8.5), (9.0, 10.0), (9.0, 11.0)],
            vec![(12.0, 13.0), (0.0, 1.0)],
        ]
    );
}
