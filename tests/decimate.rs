//! M4 decimation: what it keeps (the extremes, first and last points of every pixel
//! column, the gaps between runs), and that a chart drawn from the decimated points
//! rasterises to exactly the same pixels as one drawn from every point; the same for bars
//! and stacked bands drawn as merged rectangles.

use trade_trends::chart::decimate::{m4, run_steps_m4, ColumnWalk};
use trade_trends::chart::Steps;
use trade_trends::chart::{
    columns_path, render, render_every_point, ChartSeries, ChartSpec, Panel, PanelKind, Step,
    ValueFormat, PIECE_COLUMNS,
};
use trade_trends::currency::Currency;
use trade_trends::dataset::MonthlyRun;
use trade_trends::measures::Points;
use trade_trends::month::Month;

/// A deterministic random walk of `n` points, `per_column` points per unit of x.
fn walk(n: usize, seed: u64, per_column: f64) -> Vec<(f64, f64)> {
    let mut state = seed;
    let mut y = 50.0;
    (0..n)
        .map(|i| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let step = ((state >> 33) as f64 / (1u64 << 31) as f64) - 0.5;
            y = (y + step * 8.0_f64).clamp(1.0, 100.0);
            (i as f64 / per_column, (y * 10.0).round() / 10.0)
        })
        .collect()
}

fn column(x: f64) -> i64 {
    x.floor() as i64
}

#[test]
fn every_column_keeps_its_first_last_min_and_max_and_at_most_four_points() {
    let points = walk(10_000, 7, 37.0);
    let kept = m4(&points, column);
    let columns: Vec<i64> = {
        let mut c: Vec<i64> = points.iter().map(|p| column(p.0)).collect();
        c.dedup();
        c
    };
    assert_eq!(columns.len(), 271);
    for c in columns {
        let all: Vec<(f64, f64)> = points
            .iter()
            .copied()
            .filter(|p| column(p.0) == c)
            .collect();
        let mine: Vec<(f64, f64)> = kept.iter().copied().filter(|p| column(p.0) == c).collect();
        assert!(mine.len() <= 4, "column {c}: {} points", mine.len());
        assert_eq!(mine.first(), all.first(), "column {c}: first point");
        assert_eq!(mine.last(), all.last(), "column {c}: last point");
        let min = all.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let max = all.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        assert_eq!(mine.iter().map(|p| p.1).fold(f64::INFINITY, f64::min), min);
        assert_eq!(
            mine.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max),
            max
        );
    }
    // A subsequence of the input: nothing invented, nothing reordered.
    let mut rest = points.iter();
    for p in &kept {
        assert!(rest.any(|q| q == p), "{p:?} is not in order in the input");
    }
    assert_eq!(kept.first(), points.first());
    assert_eq!(kept.last(), points.last());
}

#[test]
fn a_sparse_line_is_kept_whole() {
    let points = walk(50, 3, 0.25);
    assert_eq!(m4(&points, column), points);
}

#[test]
fn the_extreme_in_the_middle_of_a_column_is_kept() {
    let points = [
        (0.0, 5.0),
        (0.1, 5.0),
        (0.2, 99.0),
        (0.3, 5.0),
        (0.4, -3.0),
        (0.5, 5.0),
        (0.6, 5.0),
        (1.0, 6.0),
    ];
    assert_eq!(
        m4(&points, column),
        vec![(0.0, 5.0), (0.2, 99.0), (0.4, -3.0), (0.6, 5.0), (1.0, 6.0)]
    );
}

fn dense_spec(kind: PanelKind) -> ChartSpec {
    let months = (0, 239);
    let series = (0..3)
        .map(|i| {
            let points = walk(24_000, 11 + i as u64, 100.0);
            // Two runs with a gap of thirty months between them.
            let (a, b) = points.split_at(12_000);
            let b: Vec<(f64, f64)> = b.iter().map(|p| (p.0 + 30.0, p.1)).collect();
            let b: Vec<(f64, f64)> = b.into_iter().filter(|p| p.0 < 240.0).collect();
            let steps: Vec<Step> = [a, &b[..]]
                .iter()
                .flat_map(|run| {
                    run.windows(2).map(|w| Step {
                        x0: w[0].0,
                        x1: w[1].0,
                        y: w[0].1 + 40.0 * i as f64,
                    })
                })
                .collect();
            ChartSeries {
                label: format!("Series {i}"),
                style: i,
                shape: std::sync::Arc::new(trade_trends::chart::Shape::new(
                    vec![a.to_vec(), b],
                    steps,
                )),
            }
        })
        .collect();
    ChartSpec {
        width: 960,
        height: 540,
        months,
        panels: vec![Panel {
            title: String::new(),
            y_label: "billion yuan".into(),
            kind,
            series,
        }],
        alt_text: "A synthetic test chart".into(),
        events: vec![],
        marks: vec![],
        label_units: 0,
        value_format: ValueFormat::Billions,
        theme: Default::default(),
        lang: Default::default(),
    }
}

fn rasterise(svg: &str) -> Vec<u8> {
    // No fonts: text is left out of both pictures alike; the marks are what is compared.
    let options = resvg::usvg::Options::default();
    let tree = resvg::usvg::Tree::from_str(svg, &options).expect("the SVG parses");
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.data().to_vec()
}

/// Points of each `<polyline>` of the SVG.
fn polylines(svg: &str) -> Vec<usize> {
    svg.split("<polyline")
        .skip(1)
        .map(|tag| {
            let start = tag.find("points=\"").expect("points") + 8;
            let end = start + tag[start..].find('"').unwrap();
            tag[start..end].split_whitespace().count()
        })
        .collect()
}

/// The `d` of each `<path>` of the SVG.
fn paths(svg: &str) -> Vec<&str> {
    svg.split("<path")
        .skip(1)
        .map(|tag| {
            let start = tag.find(" d=\"").expect("d") + 4;
            &tag[start..start + tag[start..].find('"').unwrap()]
        })
        .collect()
}

/// A polyline with round joins and caps, and the same points as [`columns_path`]'s paths
/// (pieces of at least `piece` columns) with round caps, in an SVG of 120 × 80 pixels.
fn polyline_and_path(points: &[(i32, i32)], piece: i32) -> (String, String) {
    let svg = |element: String| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"80\">\
             <rect width=\"120\" height=\"80\" fill=\"#FFFFFF\"/>{element}</svg>"
        )
    };
    let stroke = "fill=\"none\" stroke=\"#1F62A3\" stroke-width=\"2\"";
    let list: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
    (
        svg(format!(
            "<polyline stroke-linejoin=\"round\" stroke-linecap=\"round\" {stroke} points=\"{}\"/>",
            list.join(" ")
        )),
        svg(columns_path(points, piece)
            .iter()
            .map(|d| {
                format!(
                    "<path stroke-linejoin=\"round\" stroke-linecap=\"round\" {stroke} d=\"{d}\"/>"
                )
            })
            .collect()),
    )
}

/// `columns_path` in one piece.
fn one_path(points: &[(i32, i32)]) -> String {
    let pieces = columns_path(points, PIECE_COLUMNS);
    assert_eq!(pieces.len(), 1, "{pieces:?}");
    pieces.concat()
}

/// A stroke between two columns that their own strokes cover.
const COVERED_BETWEEN: [(i32, i32); 6] =
    [(10, 20), (10, 60), (10, 40), (11, 40), (11, 10), (11, 70)];

/// Neighbouring columns that both end at 20, joined along it.
const BOTH_END_THERE: [(i32, i32); 4] = [(10, 60), (10, 20), (11, 20), (11, 50)];

/// Reversals on one pixel column, then a column of two points and one of one.
const ONE_COLUMN_THEN_TWO: [(i32, i32); 7] = [
    (50, 40),
    (50, 10),
    (50, 70),
    (50, 30),
    (51, 30),
    (51, 60),
    (52, 20),
];

#[test]
fn a_line_drawn_as_one_stroke_per_column_covers_the_polylines_pixels() {
    // A dense zigzag (many points per column), a sparse line, a step line, reversals on
    // one column, a single column and a single point.
    let zigzag: Vec<(i32, i32)> = walk(2_000, 5, 20.0)
        .iter()
        .map(|&(x, y)| (10 + x as i32, (y * 0.7) as i32))
        .collect();
    let cases: Vec<Vec<(i32, i32)>> = vec![
        zigzag,
        vec![(5, 70), (30, 10), (60, 40), (90, 12), (115, 75)],
        vec![
            (5, 50),
            (20, 50),
            (20, 30),
            (40, 30),
            (40, 60),
            (41, 60),
            (41, 20),
        ],
        ONE_COLUMN_THEN_TWO.to_vec(),
        COVERED_BETWEEN.to_vec(),
        // Between columns two pixels apart, and three (not covered: kept).
        vec![(10, 20), (10, 60), (10, 40), (12, 40), (12, 10), (12, 70)],
        vec![(10, 20), (10, 60), (10, 40), (13, 40), (13, 10), (13, 70)],
        // An end on the edge of what both columns span, where one column reaches past the
        // other (left out), and where both end there (kept).
        vec![(10, 60), (10, 20), (11, 20), (11, 10), (11, 70)],
        BOTH_END_THERE.to_vec(),
        vec![(10, 20), (10, 60), (11, 60), (11, 40), (11, 75)],
        // The same, two pixels apart (kept).
        vec![(10, 60), (10, 20), (12, 20), (12, 10), (12, 70)],
        vec![(60, 10), (60, 70), (60, 40)],
        vec![(60, 40), (60, 40)],
        // Where a piece may end (cut wherever allowed, below): before a column reaching
        // past the previous one both ways, two pixels on, and after a stroke into a column
        // that covers its ends.
        CUT_BEFORE_WIDER.to_vec(),
        CUT_TWO_APART.to_vec(),
        CUT_AFTER_STROKE_IN.to_vec(),
        // Where it may not: the wider column ends at the same height (the round ends
        // partly cover the pixel above both), and a stroke drawn into the narrower one
        // (its side reaches the pixels above the wider column).
        vec![(10, 20), (10, 40), (11, 30), (11, 20), (11, 50)],
        vec![(9, 10), (10, 22), (10, 40), (11, 30), (11, 21), (11, 50)],
        TURNING_BACK.to_vec(),
    ];
    let zigzag_pieces = columns_path(&cases[0], 1).len();
    assert!(zigzag_pieces > 3, "{zigzag_pieces} pieces");
    for points in cases {
        // In one piece, and in as many as the line allows.
        for piece in [i32::MAX, 1] {
            let (polyline, path) = polyline_and_path(&points, piece);
            let (a, b) = (rasterise(&polyline), rasterise(&path));
            assert!(
                a.chunks(4).any(|p| p != [255, 255, 255, 255]),
                "{polyline}: blank"
            );
            let differing = a.chunks(4).zip(b.chunks(4)).filter(|(p, q)| p != q).count();
            assert_eq!(
                differing, 0,
                "{differing} pixels differ:\n{polyline}\n{path}"
            );
        }
    }
    // Consecutive points on one column are one vertical stroke; the rest joins columns.
    assert_eq!(
        one_path(&ONE_COLUMN_THEN_TWO),
        "M50,10V70M51,30V60M51,60L52,20"
    );
    assert_eq!(one_path(&[(60, 40), (60, 40)]), "M60,40V40");
    // The stroke between two columns that theirs cover is left out.
    assert_eq!(one_path(&COVERED_BETWEEN), "M10,20V60M11,10V70");
    assert_eq!(
        one_path(&[(10, 60), (10, 20), (11, 20), (11, 10), (11, 70)]),
        "M10,20V60M11,10V70"
    );
    assert_eq!(
        one_path(&[(10, 60), (10, 20), (12, 20), (12, 10), (12, 70)]),
        "M10,20V60M10,20L12,20M12,10V70"
    );
    // Where both columns end at the same height, the stroke along it covers the dip
    // between their round ends (a tenth of a pixel deep), which theirs do not: it stays.
    assert_eq!(one_path(&BOTH_END_THERE), "M10,20V60M10,20L11,20M11,20V50");
    assert_eq!(one_path(&[(5, 70), (30, 10)]), "M5,70L30,10");
    assert_eq!(columns_path(&[], PIECE_COLUMNS), [""]);
}

/// A column, then one reaching past it both above and below, the stroke between them
/// left out: a piece may end between them.
const CUT_BEFORE_WIDER: [(i32, i32); 5] = [(10, 30), (10, 40), (11, 35), (11, 20), (11, 50)];

#[test]
fn lines_whole_and_cut_into_pieces_wherever_allowed_rasterise_like_the_polyline() {
    // Lines of every density, from a point every few columns to many per column, in steps
    // small and large: each drawn as one path and in the most pieces the rule allows, like
    // the polyline through its points.
    let mut state = 17u64;
    let mut next = |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let mut cuts = 0;
    for line in 0..240 {
        let per_column = [0.3, 0.7, 1.0, 1.3, 2.0, 4.0, 12.0][line % 7];
        let jump = [2, 5, 12, 40][line / 7 % 4];
        let mut y = 40i64;
        let points: Vec<(i32, i32)> = (0..(100.0 * per_column) as usize)
            .map(|i| {
                y = (y + next(2 * jump + 1) as i64 - jump as i64).clamp(3, 76);
                (10 + (i as f64 / per_column) as i32, y as i32)
            })
            .collect();
        let pieces = columns_path(&points, 1);
        assert_eq!(pieces.concat(), columns_path(&points, i32::MAX).concat());
        cuts += pieces.len() - 1;
        let (polyline, whole) = polyline_and_path(&points, i32::MAX);
        let (_, cut) = polyline_and_path(&points, 1);
        let [a, b, c] = [&polyline, &whole, &cut].map(|svg| rasterise(svg));
        for (path, pixels) in [(&whole, b), (&cut, c)] {
            let differing = a
                .chunks(4)
                .zip(pixels.chunks(4))
                .filter(|(p, q)| p != q)
                .count();
            assert_eq!(
                differing, 0,
                "line {line}: {differing} pixels differ:\n{path}"
            );
        }
    }
    assert!(cuts > 240 * 10, "{cuts} cuts");
}

/// A line that would allow an end after its first column, but turns back to it later.
const TURNING_BACK: [(i32, i32); 8] = [
    (10, 30),
    (10, 40),
    (11, 35),
    (11, 20),
    (11, 50),
    (30, 35),
    (40, 35),
    (10, 41),
];

/// A stroke from a column into the next, which covers its ends: a piece may end after it
/// (not before: the pixel under the first column is partly covered by both sides).
const CUT_AFTER_STROKE_IN: [(i32, i32); 5] = [(10, 30), (10, 40), (11, 60), (11, 20), (11, 70)];

/// Columns two pixels apart, the stroke between them left out: a piece may end between.
const CUT_TWO_APART: [(i32, i32); 6] = [(10, 30), (10, 40), (10, 35), (12, 35), (12, 32), (12, 38)];

#[test]
fn a_dense_lines_path_ends_a_piece_only_where_no_pixel_is_partly_covered_from_both_sides() {
    assert_eq!(
        columns_path(&CUT_BEFORE_WIDER, 1),
        ["M10,30V40", "M11,20V50"]
    );
    // Not before the piece has its columns.
    assert_eq!(columns_path(&CUT_BEFORE_WIDER, 2), ["M10,30V40M11,20V50"]);
    assert_eq!(columns_path(&CUT_TWO_APART, 1), ["M10,30V40", "M12,32V38"]);
    assert_eq!(
        columns_path(&CUT_AFTER_STROKE_IN, 1),
        ["M10,30V40M10,40L11,60", "M11,20V70"]
    );
    // Not where the wider column ends at the same height, nor after a stroke drawn into
    // the narrower one, nor in a line that goes left anywhere.
    for points in [
        vec![(10, 20), (10, 40), (11, 30), (11, 20), (11, 50)],
        vec![(10, 30), (10, 50), (11, 35), (11, 20), (11, 50)],
        vec![(9, 10), (10, 22), (10, 40), (11, 30), (11, 21), (11, 50)],
        vec![(11, 30), (11, 40), (10, 35), (10, 20), (10, 50)],
        TURNING_BACK.to_vec(),
    ] {
        assert_eq!(columns_path(&points, 1).len(), 1, "{points:?}");
    }
    // A long dense line: pieces of at least the columns asked, each its own strokes.
    let zigzag: Vec<(i32, i32)> = walk(40_000, 3, 40.0)
        .iter()
        .map(|&(x, y)| (x as i32, (y * 3.0) as i32))
        .collect();
    let whole = columns_path(&zigzag, i32::MAX);
    let pieces = columns_path(&zigzag, PIECE_COLUMNS);
    assert_eq!(whole.len(), 1);
    assert!(
        pieces.len() >= 8,
        "{} pieces over 1,000 columns",
        pieces.len()
    );
    assert_eq!(pieces.concat(), whole[0]);
    let starts: Vec<i32> = pieces
        .iter()
        .map(|d| {
            d[1..]
                .split([',', 'L', 'V'])
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(
        starts.windows(2).all(|w| w[1] - w[0] >= PIECE_COLUMNS),
        "{starts:?}"
    );
}

fn assert_pixel_identical(kind: PanelKind) {
    let spec = dense_spec(kind);
    let (full, _) = render_every_point(&spec).unwrap();
    let (decimated, _) = render(&spec).unwrap();
    let (a, b) = (rasterise(&full), rasterise(&decimated));
    let differing = a.chunks(4).zip(b.chunks(4)).filter(|(p, q)| p != q).count();
    assert_eq!(differing, 0, "{kind:?}: {differing} pixels differ");
    // Three series of two runs each, drawn in full as six long polylines; decimated, as
    // six groups of paths (the pieces of each line) of at most two strokes (one segment
    // each) per pixel column.
    let full_lines = polylines(&full);
    let big: Vec<usize> = full_lines.iter().copied().filter(|&n| n > 2).collect();
    assert_eq!(big.len(), 6, "{kind:?}: {full_lines:?}");
    assert!(
        !full.contains("<path"),
        "{kind:?}: the reference is polylines"
    );
    let lines = polylines(&decimated);
    assert!(lines.iter().all(|&n| n <= 2), "{kind:?}: {lines:?}");
    assert_eq!(lines.len() + 6, full_lines.len(), "{kind:?}");
    let groups: Vec<&str> = decimated.split("<g class=\"dense-line\"").skip(1).collect();
    assert_eq!(groups.len(), 6, "{kind:?}");
    let pieces: Vec<usize> = groups
        .iter()
        .map(|g| paths(&g[..g.find("</g>").unwrap()]).len())
        .collect();
    // Runs of about 400 pixel columns, in pieces of at least 64.
    assert!(
        pieces.iter().all(|&n| (2..=7).contains(&n)),
        "{kind:?}: {pieces:?}"
    );
    assert_eq!(paths(&decimated).len(), pieces.iter().sum::<usize>());
    for g in groups {
        let line = paths(&g[..g.find("</g>").unwrap()]).concat();
        let strokes: Vec<&str> = line.split('M').skip(1).collect();
        assert!(
            strokes.len() <= 2 * 900,
            "{kind:?}: {} strokes",
            strokes.len()
        );
        for stroke in strokes {
            let commands = stroke.matches(['L', 'V']).count();
            assert_eq!(commands, 1, "{kind:?}: a stroke with joins: M{stroke}");
        }
    }
    assert!(
        decimated.len() * 5 < full.len(),
        "{kind:?}: decimation barely shrank the SVG"
    );
}

#[test]
fn decimated_lines_rasterise_like_every_point() {
    assert_pixel_identical(PanelKind::Lines);
}

#[test]
fn decimated_steps_rasterise_like_every_point() {
    assert_pixel_identical(PanelKind::Steps);
}

fn rects(svg: &str) -> usize {
    svg.matches("<rect").count()
}

#[test]
fn dense_bars_and_bands_draw_few_rectangles_over_the_same_pixels() {
    for kind in [PanelKind::Bars, PanelKind::Area] {
        let spec = dense_spec(kind);
        let (full, _) = render_every_point(&spec).unwrap();
        let (merged, _) = render(&spec).unwrap();
        assert!(full.contains(r#"opacity="0.75""#) == (kind == PanelKind::Area));
        // Bands are translucent, so where a series' bands fell on the same pixels the
        // drawing of every value darkens them; which pixels are covered is compared, opaque.
        let opaque = |svg: &str| svg.replace(r#"opacity="0.75""#, r#"opacity="1""#);
        let (a, b) = (rasterise(&opaque(&full)), rasterise(&opaque(&merged)));
        let differing = a.chunks(4).zip(b.chunks(4)).filter(|(p, q)| p != q).count();
        assert_eq!(differing, 0, "{kind:?}: {differing} pixels differ");
        let values: usize = spec.panels[0]
            .series
            .iter()
            .map(|s| s.shape.steps.len())
            .sum();
        assert!(
            rects(&full) > values,
            "{kind:?}: every value is a rectangle"
        );
        // Three series over a plot under 960 pixels wide.
        let drawn = rects(&merged);
        assert!(
            drawn < 3 * 2 * 960,
            "{kind:?}: {drawn} rectangles for {values} values"
        );
    }
}

/// The spec with every series' shape made afresh (nothing decimated yet).
fn fresh(spec: &ChartSpec) -> ChartSpec {
    let mut spec = spec.clone();
    for s in &mut spec.panels[0].series {
        s.shape = std::sync::Arc::new(trade_trends::chart::Shape::new(
            s.shape.segments.clone(),
            s.shape.steps.clone(),
        ));
    }
    spec
}

#[test]
fn a_kept_decimation_is_used_only_for_the_same_pixel_columns() {
    for kind in [PanelKind::Lines, PanelKind::Steps] {
        let spec = dense_spec(kind);
        let (first, _) = render(&spec).unwrap();
        // Drawn again from the same shapes: the kept decimation gives the same chart.
        assert_eq!(render(&spec).unwrap().0, first, "{kind:?}");
        // A series less (as a partner toggle does): the others' kept runs, a new value
        // range, and the same chart as from fresh shapes.
        let mut fewer = spec.clone();
        fewer.panels[0].series.remove(2);
        let (kept, _) = render(&fewer).unwrap();
        assert_eq!(kept, render(&fresh(&fewer)).unwrap().0, "{kind:?}");
        assert_ne!(kept, first);
        // Narrower or over other months: other pixel columns, decimated again.
        let mut narrow = spec.clone();
        narrow.width = 480;
        let (narrow_svg, _) = render(&narrow).unwrap();
        assert_eq!(narrow_svg, render(&fresh(&narrow)).unwrap().0, "{kind:?}");
        let mut later = spec.clone();
        later.months = (60, 239);
        let (later_svg, _) = render(&later).unwrap();
        assert_eq!(later_svg, render(&fresh(&later)).unwrap().0, "{kind:?}");
        // And back: the first chart again.
        assert_eq!(render(&spec).unwrap().0, first, "{kind:?}");
    }
}

/// A chart of one series of steps over `months`, `width` pixels wide.
fn steps_chart(steps: Steps, months: (i64, i64), width: u32) -> ChartSpec {
    let mut spec = dense_spec(PanelKind::Steps);
    spec.width = width;
    spec.months = months;
    let series = &mut spec.panels[0].series;
    series.truncate(1);
    series[0].shape = std::sync::Arc::new(trade_trends::chart::Shape::new(Vec::new(), steps));
    spec
}

#[test]
fn a_runs_steps_decimated_from_its_numbers_draw_the_same_chart_as_its_steps_listed() {
    // Thirty thousand months of whole numbers (many equal neighbours), with gaps of one
    // month, of two, and of a dozen, a −0 beside a 0, and a gap at the very end.
    let mut values: Vec<Option<f64>> = walk(30_000, 21, 1.0)
        .iter()
        .map(|p| Some(p.1.round()))
        .collect();
    for k in [5, 6, 9, 29_999].into_iter().chain(1_000..1_012) {
        values[k] = None;
    }
    values[7] = Some(-0.0);
    values[8] = Some(0.0);
    let first = Month::new(2001, 1).unwrap();
    let run = std::sync::Arc::new(MonthlyRun {
        first,
        currency: Currency::USD,
        resolution: 1.0,
        sources: vec!["s1".to_string()].into(),
        values: values.into_iter().collect(),
    });
    let all = Points::of_run(run);
    let month = |k: i64| first.offset(k);
    // Every month (dense), 120 months over 900 pixels (sparse), and a part around the
    // long gap at several months a column.
    for ((from, to), width) in [((0, 29_999), 960), ((20, 139), 960), ((995, 1_400), 300)] {
        let points = all.within(month(from), month(to));
        let listed: Vec<Step> = (0..points.len())
            .map(|j| {
                let (a, b, v) = points.placed(j);
                Step {
                    x0: a as f64,
                    x1: (b + 1) as f64,
                    y: v * 0.5,
                }
            })
            .collect();
        let months = (month(from).index(), month(to).index());
        let from_numbers = Steps::Run {
            points: points.clone(),
            scale: 0.5,
        };
        let (a, _) = render(&steps_chart(from_numbers, months, width)).unwrap();
        let (b, _) = render(&steps_chart(Steps::Listed(listed), months, width)).unwrap();
        assert_eq!(a, b, "months {from}..={to} over {width} pixels");
        // The dense views are drawn as paths, the sparse one as polylines.
        assert_eq!(a.contains("<path"), from != 20, "months {from}..={to}");
    }
}

#[test]
fn a_runs_steps_decimated_from_its_numbers_keep_the_points_m4_keeps_of_their_corners() {
    // Whole numbers from a random walk (many equal neighbours), gaps, −0 beside 0.
    let mut numbers: Vec<f64> = walk(5_000, 8, 1.0).iter().map(|p| p.1.round()).collect();
    for k in [0, 3, 4, 17, 4_999].into_iter().chain(2_000..2_030) {
        numbers[k] = f64::NAN;
    }
    numbers[11] = -0.0;
    numbers[12] = 0.0;
    let first = 24_012;
    // The corners of the steps, as the chart makes them from listed steps.
    let steps: Vec<Step> = numbers
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.is_nan())
        .map(|(k, v)| {
            let m = (first + k as i64) as f64;
            Step {
                x0: m,
                x1: m + 1.0,
                y: v * 0.25,
            }
        })
        .collect();
    let runs = trade_trends::chart::step_runs(&steps);
    assert_eq!(runs.len(), 4, "stretches between the gaps");
    // The same numbers as a run's counts (of a resolution of 1), which it keeps in 32 bits.
    let counts: Vec<serde_json::Value> = numbers
        .iter()
        .map(|v| {
            if v.is_nan() {
                serde_json::Value::Null
            } else {
                (*v as i64).into()
            }
        })
        .collect();
    let counts: trade_trends::dataset::MonthlyRun = serde_json::from_value(serde_json::json!({
        "first": "2001-01", "currency": "USD", "resolution": 1, "sources": ["s1"], "counts": counts,
    }))
    .unwrap();
    assert_eq!(counts.first.index(), first);
    assert!(matches!(
        counts.values.all(),
        trade_trends::dataset::RunSlice::Counts(..)
    ));
    // Pixel columns as the time axis maps months: from 7 months a column to 3 columns a
    // month, starting anywhere.
    for (months_per_column, offset) in [(7.3, 0.0), (1.0, 0.5), (0.37, 0.2), (55.0, 0.7)] {
        let column = move |x: f64| ((x - first as f64) / months_per_column + offset).round() as i64;
        let expected: Vec<(Vec<(f64, f64)>, usize)> =
            runs.iter().map(|r| (m4(r, column), r.len())).collect();
        let got = run_steps_m4(&numbers, first, 0.25, &ColumnWalk::new(column));
        // The same from the numbers kept as counts (equal, −0 being 0 there).
        let full = counts.values.all().to_full();
        let from_counts = run_steps_m4(&full, first, 0.25, &ColumnWalk::new(column));
        assert_eq!(
            from_counts, got,
            "{months_per_column} months a column, from counts"
        );
        assert_eq!(got.len(), expected.len());
        for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
            assert_eq!(g.1, e.1, "stretch {i}: corners");
            // Same points, same order, and the sign of −0 kept where it was picked.
            let bits = |ps: &[(f64, f64)]| -> Vec<(u64, u64)> {
                ps.iter().map(|p| (p.0.to_bits(), p.1.to_bits())).collect()
            };
            assert_eq!(
                bits(&g.0),
                bits(&e.0),
                "stretch {i} at {months_per_column} months a column"
            );
        }
    }
}

#[test]
fn the_benchmarks_charts_decimated_and_in_pieces_rasterise_like_every_point() {
    // The synthetic data `make bench` draws (ten series of 1 000 and of 10 000 months), all
    // ten partners in dollars, at the width the benchmark's page draws them.
    for points in [10_000, 100_000] {
        let spec = trade_trends::synth::SynthSpec {
            points,
            ..Default::default()
        };
        let data = trade_trends::synth::synth(&spec);
        let partners: Vec<String> = (0..10).map(trade_trends::synth::partner_code).collect();
        let query = format!("currency=USD&partners={}", partners.join(","));
        let (state, _) = trade_trends::urlstate::parse_query(&query);
        let view = trade_trends::page::Page::new(&data, &state);
        let chart = view.chart_spec(776, 388, false);
        let (decimated, _) = render(&chart).unwrap();
        let (full, _) = render_every_point(&chart).unwrap();
        let (a, b) = (rasterise(&full), rasterise(&decimated));
        let differing = a.chunks(4).zip(b.chunks(4)).filter(|(p, q)| p != q).count();
        assert_eq!(differing, 0, "{points}: {differing} pixels differ");
        let groups: Vec<usize> = decimated
            .split("<g class=\"dense-line\"")
            .skip(1)
            .map(|g| paths(&g[..g.find("</g>").unwrap()]).len())
            .collect();
        assert_eq!(groups.len(), 10, "{points}");
        assert!(groups.iter().all(|&n| n >= 3), "{points}: {groups:?}");
    }
}
