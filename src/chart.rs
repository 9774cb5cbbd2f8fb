//! Chart drawing: a pure function from a [`ChartSpec`] (numbers, labels, sizes) to an SVG
//! string, with plotters' SVG backend. No browser, no dataset types: the view layer
//! decides what to draw, this module only draws it.

mod axis;

use plotters::prelude::*;

pub use axis::{label_for as axis_label, MonthAxis};

/// Stroke colours of the series, in order (Tableau 10: distinguishable, and each passes
/// 3:1 against white).
pub const PALETTE: [(u8, u8, u8); 4] = [(31, 98, 163), (196, 84, 0), (46, 125, 50), (123, 63, 160)];

/// A chart: stacked panels sharing one time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub width: u32,
    pub height: u32,
    /// First and last month index shown (see [`crate::month::Month::index`]).
    pub months: (i64, i64),
    pub panels: Vec<Panel>,
    /// Text alternative for screen readers (also the SVG `<title>`).
    pub alt_text: String,
}

/// How a panel draws its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    /// Points joined within each segment, with a marker on every point.
    Lines,
    /// Each value a horizontal step across the months it covers.
    Steps,
}

/// One panel: a title, a value-axis label and its series.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub title: String,
    /// Value axis label with unit and currency, e.g. "billion yuan".
    pub y_label: String,
    pub kind: PanelKind,
    pub series: Vec<ChartSeries>,
}

/// One series: a label (drawn at its end) and runs of points that are joined.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    pub label: String,
    /// Index into [`PALETTE`]; also picks the dash pattern, so colour is never the only cue.
    pub style: usize,
    /// For [`PanelKind::Lines`]: points `(x, y)`, x in months (a month `m` spans `m..m+1`).
    /// For [`PanelKind::Steps`]: `(x0, y)` pairs where each step ends where the next begins;
    /// see [`Step`].
    pub segments: Vec<Vec<(f64, f64)>>,
    /// For [`PanelKind::Steps`]: the steps.
    pub steps: Vec<Step>,
}

/// A value spanning months `x0..x1` (month-index units), drawn at height `y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
}

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the chart could not be drawn: {}", self.0)
    }
}

fn color(style: usize) -> RGBColor {
    let (r, g, b) = PALETTE[style % PALETTE.len()];
    RGBColor(r, g, b)
}

/// Draws `spec` to an SVG document string.
pub fn render_svg(spec: &ChartSpec) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (spec.width, spec.height)).into_drawing_area();
        draw(&root, spec).map_err(|e| ChartError(e.to_string()))?;
        root.present().map_err(|e| ChartError(e.to_string()))?;
    }
    Ok(add_accessibility(svg, &spec.alt_text))
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type DrawResult = Result<(), Box<dyn std::error::Error + 'static>>;

fn draw(root: &Area, spec: &ChartSpec) -> DrawResult {
    root.fill(&WHITE)?;
    let n = spec.panels.len().max(1);
    let areas = root.split_evenly((n, 1));
    for (area, panel) in areas.iter().zip(&spec.panels) {
        draw_panel(area, spec, panel).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn y_max(panel: &Panel) -> f64 {
    let from_points = panel
        .series
        .iter()
        .flat_map(|s| s.segments.iter().flatten().map(|p| p.1));
    let from_steps = panel
        .series
        .iter()
        .flat_map(|s| s.steps.iter().map(|st| st.y));
    let max = from_points.chain(from_steps).fold(0f64, f64::max);
    if max > 0.0 {
        max * 1.08
    } else {
        1.0
    }
}

fn draw_panel(area: &Area, spec: &ChartSpec, panel: &Panel) -> DrawResult {
    let axis = MonthAxis::new(spec.months.0 as f64, spec.months.1 as f64 + 1.0);
    let label_room = 12
        + 7 * panel
            .series
            .iter()
            .map(|s| s.label.chars().count())
            .max()
            .unwrap_or(0) as u32;
    // The panel title, left-aligned above the plot as news charts set it.
    area.draw(&Text::new(
        panel.title.clone(),
        (4, 6),
        ("sans-serif", 18)
            .into_font()
            .style(FontStyle::Bold)
            .color(&RGBColor(34, 34, 34)),
    ))?;
    let mut chart = ChartBuilder::on(area)
        .margin_top(34)
        .margin_left(6)
        .margin_right(label_room.min(spec.width / 3))
        .x_label_area_size(26)
        .y_label_area_size(52)
        .build_cartesian_2d(axis, 0f64..y_max(panel))?;
    let year_label = |x: &f64| axis::label_for(*x);
    let value_label =
        |y: &f64| crate::format::billions(y * 1e9, if *y >= 10.0 || *y == 0.0 { 0 } else { 1 });
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(axis_label_count(spec.width))
        .x_label_formatter(&year_label)
        .y_label_formatter(&value_label)
        .y_labels(5)
        .y_desc(&panel.y_label)
        .label_style(("sans-serif", 15).into_font().color(&RGBColor(68, 68, 68)))
        .axis_desc_style(("sans-serif", 15).into_font().color(&RGBColor(68, 68, 68)))
        .light_line_style(RGBColor(235, 235, 235))
        .bold_line_style(RGBColor(220, 220, 220))
        .axis_style(RGBColor(120, 120, 120))
        .draw()?;
    let mut ends: Vec<(String, usize, i32, i32)> = Vec::new();
    for s in &panel.series {
        let stroke = color(s.style).stroke_width(2);
        let dashed = s.style % 2 == 1;
        let runs: Vec<Vec<(f64, f64)>> = match panel.kind {
            PanelKind::Lines => s.segments.clone(),
            PanelKind::Steps => step_runs(&s.steps),
        };
        for run in &runs {
            if dashed {
                chart.draw_series(DashedLineSeries::new(run.iter().copied(), 6, 4, stroke))?;
            } else {
                chart.draw_series(LineSeries::new(run.iter().copied(), stroke))?;
            }
        }
        if panel.kind == PanelKind::Lines {
            for run in &s.segments {
                let style = s.style;
                chart.draw_series(run.iter().map(move |&p| {
                    if style % 2 == 1 {
                        TriangleMarker::new(p, 4, color(style).filled()).into_dyn()
                    } else {
                        Circle::new(p, 3, color(style).filled()).into_dyn()
                    }
                }))?;
            }
        }
        if let Some(end) = runs.iter().flatten().max_by(|a, b| a.0.total_cmp(&b.0)) {
            let pos = chart.backend_coord(end);
            let base = area.get_base_pixel();
            ends.push((s.label.clone(), s.style, pos.0 - base.0 + 6, pos.1 - base.1));
        }
    }
    // Direct labels at each series' last point, so colour is never the only key; pushed
    // apart vertically where they would overlap.
    ends.sort_by_key(|e| e.3);
    let mut last_y = i32::MIN;
    for (label, style, x, y) in ends {
        let y = y.max(last_y + 15);
        last_y = y;
        area.draw(&Text::new(
            label,
            (x, y - 7),
            ("sans-serif", 15).into_font().color(&color(style)),
        ))?;
    }
    Ok(())
}

/// Joined runs of steps: contiguous steps (one ends where the next begins) form one run
/// with vertical risers; a gap starts a new run.
pub fn step_runs(steps: &[Step]) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut previous_end: Option<f64> = None;
    for st in steps {
        let contiguous = previous_end.is_some_and(|e| (e - st.x0).abs() < 1e-9);
        if !contiguous {
            runs.push(Vec::new());
        }
        let run = runs.last_mut().expect("a run was pushed");
        run.push((st.x0, st.y));
        run.push((st.x1, st.y));
        previous_end = Some(st.x1);
    }
    runs
}

/// How many year labels fit: about one per 70 px.
fn axis_label_count(width: u32) -> usize {
    (width / 70).max(2) as usize
}

/// Adds `role="img"`, a `<title>` and `aria-labelledby` to the SVG root.
fn add_accessibility(svg: String, alt_text: &str) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg;
    };
    let Some(close) = svg[start..].find('>').map(|i| start + i) else {
        return svg;
    };
    let mut out = String::with_capacity(svg.len() + alt_text.len() + 80);
    out.push_str(&svg[..close]);
    out.push_str(" role=\"img\" aria-labelledby=\"chart-title\" class=\"chart-svg\">");
    out.push_str("<title id=\"chart-title\">");
    out.push_str(&escape_xml(alt_text));
    out.push_str("</title>");
    out.push_str(&svg[close + 1..]);
    out
}

/// Escapes text for XML content and attributes.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
