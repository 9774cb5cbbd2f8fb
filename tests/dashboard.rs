//! The dashboard view model: resolving a link against the dataset, the key-figures
//! sentence, contributions that add up, the CSV, and reading points by pointer or key.
mod common;

use trade_trends::chart::PanelKind;
use trade_trends::page::Page;
use trade_trends::page::Snapshot;
use trade_trends::urlstate::parse_query;

fn view(d: &trade_trends::dataset::Dataset, query: &str) -> Page {
    let (state, notices) = parse_query(query);
    assert_eq!(notices, [], "{query}");
    Page::new(d, &state)
}

#[test]
fn unknown_partners_and_reporters_fall_back_with_notices() {
    let d = common::bundled();
    let (state, _) = parse_query("reporter=mars&partners=XYZ,KAZ");
    let v = Page::new(&d, &state);
    let notices: Vec<String> = v.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notices,
        [
            "reporter: \"mars\" is not a reporter in this dataset; the default is used",
            "partners: XYZ not in this dataset for xinjiang; left out",
        ]
    );
    assert_eq!(v.state.partners, ["KAZ"]);
    assert_eq!(v.title, "Xinjiang: total trade with Kazakhstan");
}

#[test]
fn the_csv_has_one_row_per_plotted_value_with_provenance_and_sources() {
    let d = common::bundled();
    let v = view(&d, "partners=world&from=2023-10&to=2023-10");
    let csv = v.csv();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("period_start,period_end,flow,partner,measure,value,unit,currency,provenance,source_url,publisher"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0],
        "2023-10,2023-10,total,world,monthly,34.4900,billion per month,CNY,Derived: Jan–Oct 2023 (obs-0307) − Jan–Sep 2023 (obs-0050),\
         https://jp.xinhuanet.com/20231120/18276db9ff2b4849942b38850944c3ec/c.html \
         https://www.urdupoint.com/en/business/xinjiang-foreign-trade-up-489-pct-in-first-1-1769896.html \
         http://xinjiang.chinadaily.com.cn/2023-10/24/c_933942.htm https://cnnewsagency.com/news/ZGMt136XrGaCr5eFVoYD \
         https://mcdn.i-scmp.com/economy/economic-indicators/article/3239005/china-trade-xinjiang-defies-western-sanctions-foreign-trade-hits-record-high-surges-47,\
         \"Xinhua; Xinhua (via UrduPoint); Xinhua (via China Daily); CN News Agency, a low-quality host; South China Morning Post\""
    );
    assert_eq!(v.file_stem(), "xinjiang-total-monthly-CNY");
}

#[test]
fn contributions_and_the_residual_add_up_to_the_total_change() {
    let d = common::bundled();
    let v = view(&d, "measure=contribution&partners=world,central_asia_5");
    let codes: Vec<&str> = v.series.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["central_asia_5", "other"]);
    let ca = v.series[0].points.at(0);
    let other = v.series[1].points.at(0);
    assert_eq!(ca.span.label(), "Jan–Feb 2024");
    // Jan-Feb 2024 on Jan-Feb 2023: world 63.69 vs 44.39, Central Asia 43.74 vs 35.17.
    let total = 100.0 * (63.69 - 44.39) / 44.39;
    assert!((ca.value - 100.0 * (43.74 - 35.17) / 44.39).abs() < 1e-9);
    assert!((ca.value + other.value - total).abs() < 1e-9);
}

#[test]
fn chart_types_map_to_panels_and_the_world_is_not_stacked_on_its_parts() {
    let d = common::bundled();
    let line = view(&d, "");
    assert_eq!(
        line.chart_spec(800, 400, false).panels[0].kind,
        PanelKind::Steps
    );
    let ytd = view(&d, "measure=ytd");
    assert_eq!(
        ytd.chart_spec(800, 400, false).panels[0].kind,
        PanelKind::Lines
    );
    let bars = view(&d, "chart=bar");
    assert_eq!(
        bars.chart_spec(800, 400, false).panels[0].kind,
        PanelKind::Bars
    );
    let area = view(&d, "chart=area&measure=ytd");
    assert_eq!(
        area.chart_spec(800, 400, false).panels[0].kind,
        PanelKind::Area
    );
    assert_eq!(
        area.series
            .iter()
            .map(|s| s.code.as_str())
            .collect::<Vec<_>>(),
        ["central_asia_5"]
    );
    assert!(area
        .notes
        .iter()
        .any(|n| n.contains("the world total is left out of the stack")));
}

#[test]
fn events_are_numbered_and_disputed_periods_flagged_on_the_chart() {
    let d = common::bundled();
    let v = view(&d, "events=on&from=2023-01&to=2023-12");
    let spec = v.chart_spec(800, 400, false);
    let labels: Vec<&str> = spec.events.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(
        v.events[0].title,
        "First China-Central Asia Summit, Xi'an (18-19 May 2023)"
    );
    // Jan-Oct 2023 (the $409.2 bn claim) and October 2023 (the $48 bn claim) share one
    // mark, over Jan-Oct, labelled with the first claim and the count of the others.
    let marks: Vec<(f64, f64, &str)> = spec
        .marks
        .iter()
        .map(|f| (f.x0, f.x1, f.label.as_str()))
        .collect();
    let jan = "2023-01"
        .parse::<trade_trends::month::Month>()
        .unwrap()
        .index() as f64;
    assert!(
        marks.contains(&(jan, jan + 10.0, "✗ Claim: $409 bn +6")),
        "{marks:?}"
    );
}

#[test]
fn pointer_and_keyboard_reach_every_point() {
    let d = common::bundled();
    let (state, _) =
        parse_query("measure=ytd&partners=world,central_asia_5&from=2023-01&to=2023-06");
    let s = Snapshot::new(&d, &state, 900);
    let text = |i: usize| s.point_text(i).unwrap();
    let first = s.step(None, 0, 0).unwrap();
    assert_eq!(
        (text(first).period, text(first).series_label),
        ("Jan–Feb 2023".to_string(), "World".to_string())
    );
    let next = s.step(Some(first), 1, 0).unwrap();
    assert_eq!(text(next).period, "Jan–Mar 2023");
    let down = s.step(Some(next), 0, 1).unwrap();
    assert_eq!(
        (text(down).period, text(down).series_label),
        ("Jan–Mar 2023".to_string(), "Central Asia (5)".to_string())
    );
    assert_eq!(
        text(down).announcement(),
        "Jan–Mar 2023, Central Asia (5): 53.18 billion yuan. Official: published (Jan–Mar 2023 (obs-0138))."
    );
    let p = &s.points()[next];
    assert_eq!(s.nearest(p.x_px + 2.0, p.y_px - 3.0), Some(next));
    // Stepping past the end stays on the last point.
    let last = s.step(Some(next), 10_000, 0).unwrap();
    assert_eq!(s.step(Some(last), 1, 0), Some(last));
}

/// The point nearest to a position as the plain reading of the rule: nearest in x over
/// every point, then nearest in y among those within half a pixel of it; the first on ties.
fn nearest_by_scanning(s: &Snapshot, x: f64, y: f64) -> Option<usize> {
    let points = s.points();
    let best_dx = points
        .iter()
        .map(|p| (p.x_px - x).abs())
        .fold(f64::INFINITY, f64::min);
    points
        .iter()
        .enumerate()
        .filter(|(_, p)| (p.x_px - x).abs() <= best_dx + 0.5)
        .min_by(|(_, a), (_, b)| (a.y_px - y).abs().total_cmp(&(b.y_px - y).abs()))
        .map(|(i, _)| i)
}

/// Keyboard stepping as the plain reading of the rule: along the series in x order, or to
/// the point of the next series with points that is nearest in x (the first on ties).
fn step_by_scanning(s: &Snapshot, i: usize, dx: i32, dy: i32) -> usize {
    let points = s.points();
    let here = &points[i];
    if dx != 0 {
        let mut same: Vec<usize> = (0..points.len())
            .filter(|&j| points[j].series == here.series)
            .collect();
        same.sort_by(|&a, &b| points[a].x_px.total_cmp(&points[b].x_px));
        let pos = same.iter().position(|&j| j == i).unwrap() as i64 + dx as i64;
        return same[pos.clamp(0, same.len() as i64 - 1) as usize];
    }
    let count = points.iter().map(|p| p.series + 1).max().unwrap();
    let mut target = here.series as i64;
    for _ in 0..count {
        target = (target + dy as i64).rem_euclid(count as i64);
        let distance = |j: usize| (points[j].x_px - here.x_px).abs();
        if let Some(j) = (0..points.len())
            .filter(|&j| points[j].series == target as usize)
            .min_by(|&a, &b| distance(a).total_cmp(&distance(b)))
        {
            return j;
        }
    }
    i
}

#[test]
fn pointer_and_keyboard_search_by_halving_finds_what_scanning_finds() {
    let bundled = common::bundled();
    let synthetic = common::synthetic(3000, 3, 7);
    let cases = [
        (&bundled, ""),
        (&bundled, "measure=ytd&partners=world,central_asia_5,KAZ"),
        (
            &bundled,
            "chart=bar&partners=world,central_asia_5,KAZ,KGZ&from=2021-01",
        ),
        (&bundled, "currency=USD&flow=exports&partners=world,KAZ"),
        (&synthetic, "currency=USD&partners=syn01,syn02,syn03"),
    ];
    for (d, query) in cases {
        let (state, _) = parse_query(query);
        let s = Snapshot::new(d, &state, 700);
        let points = s.points();
        assert!(points.len() > 5, "{query}: {} points", points.len());
        let (w, h) = (s.width as f64, s.height as f64);
        // A grid over the chart and beyond its edges, and every point itself.
        let grid = (-4..=60)
            .flat_map(|i| (-2..=12).map(move |j| (i as f64 * w / 56.0, j as f64 * h / 10.0)));
        let at_points = points.iter().map(|p| (p.x_px, p.y_px));
        for (x, y) in grid.chain(at_points) {
            assert_eq!(
                s.nearest(x, y),
                nearest_by_scanning(&s, x, y),
                "{query}: at ({x}, {y})"
            );
        }
        for i in (0..points.len()).step_by((points.len() / 200).max(1)) {
            for (dx, dy) in [(1, 0), (-1, 0), (5, 0), (0, 1), (0, -1)] {
                assert_eq!(
                    s.step(Some(i), dx, dy),
                    Some(step_by_scanning(&s, i, dx, dy)),
                    "{query}: from {i} by ({dx}, {dy})"
                );
            }
        }
    }
}

#[test]
fn a_snapshot_pointed_at_equals_one_not_pointed_at() {
    let d = common::bundled();
    let (state, _) = parse_query("measure=ytd&partners=world,KAZ");
    let (pointed, fresh) = (
        Snapshot::new(&d, &state, 700),
        Snapshot::new(&d, &state, 700),
    );
    assert!(pointed.nearest(300.0, 200.0).is_some());
    assert_eq!(pointed, fresh);
    let (other, _) = parse_query("measure=ytd&partners=world");
    assert_ne!(pointed, Snapshot::new(&d, &other, 700));
}

#[test]
fn a_value_of_a_monthly_run_says_where_it_was_published() {
    let d = common::synthetic(24, 2, 7);
    let (state, _) = parse_query("currency=USD&partners=syn01,syn02");
    let s = Snapshot::new(&d, &state, 700);
    let text = s.point_text(0).unwrap();
    assert_eq!(
        text.provenance,
        "Official: published (a value of the series' monthly run)"
    );
    let (state, _) = parse_query("currency=USD&partners=syn01,syn02&lang=zh");
    let s = Snapshot::new(&d, &state, 700);
    assert_eq!(
        s.point_text(0).unwrap().provenance,
        "官方：公布数（该系列逐月数据中的一个值）"
    );
    // The table says the same.
    assert!(s
        .row(s.row_order(0, true, 1)[0])
        .provenance
        .starts_with("官方：公布数（该系列"));
}

#[test]
fn the_first_rows_of_a_long_table_are_the_first_of_its_whole_order() {
    // 400 rows: the first rows asked for are selected a few at a time, never all held.
    let mut d = common::synthetic(600, 3, 5);
    // The first series alone has the first and the last 50 months: the first and the
    // last rows by period are all its own.
    for s in &mut d.series[1..] {
        let values = &mut std::sync::Arc::make_mut(s.monthly.as_mut().unwrap()).values;
        for k in (0..50).chain(150..200) {
            values.set(k, None);
        }
    }
    let (state, _) = parse_query("currency=USD&partners=syn01,syn02,syn03");
    let s = Snapshot::new(&d, &state, 700);
    assert_eq!(s.row_count(), 400);
    for column in 0..3 {
        for ascending in [true, false] {
            let all = s.row_order(column, ascending, usize::MAX);
            assert_eq!(all.len(), 400);
            for limit in [1, 2, 7, 49, 50, 51, 100, 199, 200, 201, 399, 400, 401] {
                let first = s.row_order(column, ascending, limit);
                assert_eq!(
                    first,
                    all[..limit.min(400)],
                    "column {column}, ascending {ascending}, {limit} rows"
                );
            }
        }
    }
    // By value, descending: the largest value of all the series first.
    let values: Vec<f64> = s.rows().iter().map(|r| r.number).collect();
    let top = s.row(s.row_order(2, false, 1)[0]).number;
    assert_eq!(top, values.iter().cloned().fold(f64::MIN, f64::max));
    // Listed values (periods of several months, year-to-date figures, equal periods
    // across series), and a range.
    let d = common::bundled();
    for query in [
        "partners=world,central_asia_5,KAZ,UZB",
        "measure=ytd&partners=world,central_asia_5,KAZ&currency=USD",
        "measure=yoy&partners=world,KAZ&from=2018-01",
        "measure=share&partners=central_asia_5,KAZ,KGZ",
    ] {
        let (state, _) = parse_query(query);
        let s = Snapshot::new(&d, &state, 700);
        let n = s.row_count();
        assert!(n > 15, "{query}: {n} rows");
        for column in 0..3 {
            for ascending in [true, false] {
                let all = s.row_order(column, ascending, usize::MAX);
                for limit in [1, 2, 3, 5, 9, n / 2, n - 1, n] {
                    assert_eq!(
                        s.row_order(column, ascending, limit),
                        all[..limit],
                        "{query}: column {column}, ascending {ascending}, {limit} rows"
                    );
                }
            }
        }
    }
}

#[test]
fn table_rows_are_worded_on_demand_in_the_order_asked() {
    let d = common::bundled();
    let (state, _) =
        parse_query("measure=ytd&partners=world,central_asia_5&from=2023-01&to=2023-10");
    let s = Snapshot::new(&d, &state, 900);
    // One row per value of each series (drawn or not), as the CSV has.
    let csv_rows = Page::new(&d, &state).csv().lines().count() - 1;
    assert_eq!(s.row_count(), csv_rows);
    assert_eq!(s.rows().len(), csv_rows);
    // By value, largest first: the world's Jan–Oct 2023, 287.33 bn yuan as published.
    let top = s.row(s.row_order(2, false, 1)[0]);
    assert_eq!(
        (top.period.as_str(), top.series.as_str(), top.value.as_str()),
        ("Jan–Oct 2023", "World", "287.33")
    );
    // By period: the earliest release first; on a tie, partners in alphabetical order.
    let first = s.row(s.row_order(0, true, 1)[0]);
    assert_eq!(
        (first.period.as_str(), first.series.as_str()),
        ("Jan–Feb 2023", "Central Asia (5)")
    );
    // By partner, then period.
    let order = s.row_order(1, true, usize::MAX);
    // The first rows asked for are the first rows of the whole order.
    assert_eq!(s.row_order(1, true, 5), order[..5]);
    assert_eq!(
        s.row_order(2, false, 7),
        s.row_order(2, false, usize::MAX)[..7]
    );
    let labels: Vec<String> = order.iter().map(|&k| s.row(k).series).collect();
    let switch = labels.iter().position(|l| l == "World").unwrap();
    assert!(labels[..switch].iter().all(|l| l == "Central Asia (5)"));
    assert!(labels[switch..].iter().all(|l| l == "World"));
}

#[test]
fn views_made_with_what_earlier_views_kept_equal_views_made_afresh() {
    // One kept set of derivations, shapes and facts across a reader's changes, as the
    // app keeps it; each view must be exactly the view computed from nothing.
    let d = common::bundled();
    let kept = std::sync::Arc::new(trade_trends::page::Kept::default());
    let queries = [
        "",
        "partners=world,KAZ,KGZ",
        "partners=world,KAZ",
        "partners=world,KAZ&from=2021-01&to=2023-06",
        "partners=world,KAZ&from=2021-01&to=2023-06&chart=bar",
        "partners=world,KAZ,KGZ&chart=area",
        "partners=world,KAZ&measure=ytd",
        // The same values as lines, then as bars, then as lines again.
        "partners=world,KAZ&measure=ytd&chart=bar",
        "partners=world,KAZ&measure=ytd",
        "partners=world,KAZ&measure=ytd&currency=USD",
        "partners=world,KAZ&measure=yoy",
        "partners=KAZ,KGZ&measure=share",
        "partners=world,KAZ&flow=balance&measure=rolling12",
        "partners=world,KAZ&average=off",
        "",
    ];
    for width in [960, 360] {
        for query in queries {
            let (state, notices) = parse_query(query);
            assert_eq!(notices, [], "{query}");
            let with_kept = Snapshot::themed_with(&d, &state, width, false, &kept);
            let fresh = Snapshot::themed_with(&d, &state, width, false, &Default::default());
            assert_eq!(with_kept.points(), fresh.points(), "{query} at {width}");
            assert_eq!(with_kept, fresh, "{query} at {width}");
        }
    }
}

#[test]
fn what_was_made_for_a_gone_view_is_not_kept() {
    // Each range cuts new values; once its view has gone, nothing made for it can be
    // asked for again, so the shapes and facts of earlier ranges must not pile up.
    let d = common::bundled();
    let kept = std::sync::Arc::new(trade_trends::page::Kept::default());
    for year in 2014..2024 {
        let query = format!("partners=world,KAZ&from={year}-01&to=2024-06");
        let (state, notices) = parse_query(&query);
        assert_eq!(notices, [], "{query}");
        let snapshot = Snapshot::themed_with(&d, &state, 960, false, &kept);
        assert!(!snapshot.svg.is_empty());
    }
    let (shapes, facts) = kept.kept_counts();
    // Ten views of two cut series and two cut context series would be forty; what may
    // stay is the last view's and the uncut values the kept derivations still hold.
    assert!(shapes > 0 && shapes <= 8, "{shapes} shapes kept");
    assert!(facts > 0 && facts <= 8, "{facts} facts kept");
}

#[test]
fn the_chart_of_releases_is_drawn_only_when_there_are_releases() {
    // The bundled figures are mostly year-to-date releases: beneath the values per month,
    // the releases they come from.
    let d = common::bundled();
    let (state, _) = parse_query("measure=monthly&partners=world");
    let context = Snapshot::new(&d, &state, 900)
        .context_svg
        .expect("a chart of releases");
    assert!(context.contains("<polyline"), "nothing drawn in {context}");
    assert!(context.contains("context-chart-title"));
    // Values published month by month come from no other release: no empty chart.
    let runs = common::synthetic(240, 2, 5);
    let (state, _) = parse_query("measure=monthly&currency=USD&partners=syn01,syn02");
    let s = Snapshot::new(&runs, &state, 900);
    assert!(s.svg.contains("<polyline"), "the main chart is drawn");
    assert_eq!(s.context_svg, None);
}
