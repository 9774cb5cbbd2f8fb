//! Drawing a chart's panels with plotters: the axes and grid, the marked periods and the
//! events, then each series by its panel's kind (lines and steps as decimated strokes,
//! bars and stacked bands as merged rectangles), markers on sparse lines, and a direct
//! label at each series' end.

use plotters::coord::types::RangedCoordf64;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};
use std::sync::Arc;

use super::annotate::{self, is_compact};
use super::axis::{self, MonthAxis};
use super::decimate::{self, columns_spanned, ColumnWalk, M4};
use super::dense::{columns_path, PIECE_COLUMNS};
use super::markup::{Dash, GroupMark, DENSE_ALPHA};
use super::shape::{step_corners, ColumnsKey, DrawnRun, Step, Steps};
use super::spec::{ChartSeries, ChartSpec, Geometry, Panel, PanelKind};
use super::stack::{stack, y_range};
use super::theme::{color, rgb};

pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
pub(super) type DrawResult<T = ()> = Result<T, Box<dyn std::error::Error + 'static>>;
type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<MonthAxis, RangedCoordf64>>;

/// Draws every panel of `spec` on `root`, with the geometry of the last; the path of each
/// dense line drawn, when decimated, is added to `dense` (see [`super::markup`]).
pub(super) fn draw<const DECIMATE: bool>(
    root: &Area,
    spec: &ChartSpec,
    dense: &mut Vec<Vec<String>>,
) -> DrawResult<Geometry> {
    if let Some(bg) = spec.theme.background {
        root.fill(&rgb(bg))?;
    }
    let n = spec.panels.len().max(1);
    let areas = root.split_evenly((n, 1));
    let mut geometry = Geometry {
        plot: (0, 0, 1, 1),
        x_domain: (0.0, 1.0),
        y_domain: (0.0, 1.0),
    };
    for (area, panel) in areas.iter().zip(&spec.panels) {
        geometry = draw_panel::<DECIMATE>(area, spec, panel, dense).map_err(|e| e.to_string())?;
        let (ox, oy) = area.get_base_pixel();
        let (l, t, r, b) = geometry.plot;
        geometry.plot = (l + ox, t + oy, r + ox, b + oy);
    }
    Ok(geometry)
}

/// Where a series' last point is drawn, for its direct label: (label, style, x, y).
type End = (String, usize, i32, i32);

/// One panel.
fn draw_panel<const DECIMATE: bool>(
    area: &Area,
    spec: &ChartSpec,
    panel: &Panel,
    dense_paths: &mut Vec<Vec<String>>,
) -> DrawResult<Geometry> {
    draw_title(area, spec, panel)?;
    let stacked = if panel.kind == PanelKind::Area {
        stack(&panel.series)
    } else {
        Vec::new()
    };
    let (y0, y1) = y_range(panel, &stacked);
    let above = annotate::above(spec, panel);
    let mut chart = build_chart(area, spec, panel, (y0, y1), above.margin_top)?;
    draw_events(&mut chart, spec, (y0, y1))?;
    let mut ends: Vec<End> = Vec::new();
    for (i, s) in panel.series.iter().enumerate() {
        group_mark(area, GroupMark::Series(s.style))?;
        let end = match panel.kind {
            PanelKind::Lines | PanelKind::Steps => {
                draw_strokes::<DECIMATE>(&mut chart, spec, panel.kind, s, dense_paths)?
            }
            PanelKind::Bars => draw_bars::<DECIMATE>(area, &chart, spec, s, i, panel.series.len())?,
            PanelKind::Area => draw_band::<DECIMATE>(area, &chart, spec, s, &stacked[i])?,
        };
        if panel.kind == PanelKind::Lines {
            draw_markers(&mut chart, spec, s)?;
        }
        if let Some(end) = end {
            let pos = chart.backend_coord(&end);
            let base = area.get_base_pixel();
            ends.push((s.label.clone(), s.style, pos.0 - base.0 + 6, pos.1 - base.1));
        }
        group_mark(area, GroupMark::End)?;
    }
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let base = area.get_base_pixel();
    group_mark(area, GroupMark::Labels)?;
    match is_compact(spec) {
        true => annotate::draw_legend(area, spec, &above.legend)?,
        false => draw_end_labels(area, spec, ends)?,
    }
    group_mark(area, GroupMark::End)?;
    group_mark(area, GroupMark::Marks)?;
    annotate::draw_marks(area, spec, panel, &above.marks, yr.start - base.1)?;
    group_mark(area, GroupMark::End)?;
    Ok(Geometry {
        plot: (
            xr.start - base.0,
            yr.start - base.1,
            xr.end - base.0,
            yr.end - base.1,
        ),
        x_domain: (spec.months.0 as f64, spec.months.1 as f64 + 1.0),
        y_domain: (y0, y1),
    })
}

/// A group's start or end, as a stand-in [`write_groups`](super::markup::write_groups)
/// replaces.
fn group_mark(area: &Area, mark: GroupMark) -> DrawResult {
    area.draw(&PathElement::new(vec![(0, 0)], mark.style()))?;
    Ok(())
}

/// The panel title, left-aligned above the plot as news charts set it.
fn draw_title(area: &Area, spec: &ChartSpec, panel: &Panel) -> DrawResult {
    if panel.title.is_empty() {
        return Ok(());
    }
    let font = (FontFamily::SansSerif, 18)
        .into_font()
        .style(FontStyle::Bold);
    area.draw(&Text::new(
        panel.title.clone(),
        (4, 6),
        font.color(&rgb(spec.theme.text)),
    ))?;
    Ok(())
}

/// The panel's plot with its axes and grid: months across, values `y0..y1` up, `top`
/// pixels above it for the legend and the marks, room on the right for the series'
/// labels. A compact chart has no value-axis title (the caption gives the unit), smaller
/// type and two-digit years.
fn build_chart<'a, 'b>(
    area: &'a Area<'b>,
    spec: &ChartSpec,
    panel: &Panel,
    (y0, y1): (f64, f64),
    top: u32,
) -> DrawResult<Chart<'a, 'b>> {
    let theme = spec.theme;
    let compact = is_compact(spec);
    let axis = MonthAxis::new(spec.months.0 as f64, spec.months.1 as f64 + 1.0);
    let mut chart = ChartBuilder::on(area)
        .margin_top(top)
        .margin_left(6)
        .margin_right(annotate::right_room(spec, panel))
        .x_label_area_size(if compact { 22 } else { 26 })
        .y_label_area_size(annotate::y_label_room(spec))
        .build_cartesian_2d(axis, y0..y1)?;
    let year_label = |x: &f64| match compact {
        true => axis::short_label_for(*x, spec.lang),
        false => axis::label_for(*x, spec.lang),
    };
    let value_label =
        |y: &f64| crate::format::billions(y * 1e9, if *y >= 10.0 || *y == 0.0 { 0 } else { 1 });
    let size = if compact { 14 } else { 15 };
    let text = || {
        (FontFamily::SansSerif, size)
            .into_font()
            .color(&rgb(theme.text_soft))
    };
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .x_labels(axis_label_count(spec.width))
        .x_label_formatter(&year_label)
        .y_label_formatter(&value_label)
        .y_labels(5)
        .label_style(text())
        .axis_desc_style(text())
        .light_line_style(rgb(theme.grid_light))
        .bold_line_style(rgb(theme.grid_bold))
        .axis_style(rgb(theme.axis));
    if !compact {
        mesh.y_desc(&panel.y_label);
    }
    mesh.draw()?;
    Ok(chart)
}

/// Events (a dashed line with its number), under the data.
fn draw_events(chart: &mut Chart, spec: &ChartSpec, (y0, y1): (f64, f64)) -> DrawResult {
    let theme = spec.theme;
    for event in &spec.events {
        chart.draw_series(LineSeries::new(
            [(event.x, y0), (event.x, y1)],
            Dash::Short.style(rgb(theme.event), 1),
        ))?;
        chart.draw_series(std::iter::once(Text::new(
            event.label.clone(),
            (event.x, y1),
            (FontFamily::SansSerif, 13)
                .into_font()
                .color(&rgb(theme.event)),
        )))?;
    }
    Ok(())
}

/// The pixel column of a month-index position, as the chart maps it (without mapping a y).
#[derive(Clone, Copy)]
struct Columns {
    axis: MonthAxis,
    pixels: (i32, i32),
}

impl Columns {
    fn of(chart: &Chart) -> Columns {
        let coords = chart.as_coord_spec();
        let pixels = coords.get_x_axis_pixel_range();
        Columns {
            axis: *coords.x_spec(),
            pixels: (pixels.start, pixels.end),
        }
    }

    fn column(self) -> impl Fn(f64) -> i64 + Copy {
        move |x: f64| self.axis.map(&x, self.pixels) as i64
    }
}

/// A series of a lines or steps panel: its runs, decimated per pixel column (kept on the
/// shape for the same columns), each drawn solid when dense (as a path written in later,
/// see [`super::markup`]), dashed for odd styles, or plain. The series' last point.
fn draw_strokes<const DECIMATE: bool>(
    chart: &mut Chart,
    spec: &ChartSpec,
    kind: PanelKind,
    s: &ChartSeries,
    dense_paths: &mut Vec<Vec<String>>,
) -> DrawResult<Option<(f64, f64)>> {
    let columns = Columns::of(chart);
    let (xr, _) = chart.plotting_area().get_pixel_range();
    let key: ColumnsKey = (
        kind == PanelKind::Steps,
        spec.months.0,
        spec.months.1,
        xr.start,
        xr.end,
    );
    let make = || match kind {
        PanelKind::Lines => line_runs::<DECIMATE>(&s.shape.segments, columns),
        _ => step_runs::<DECIMATE>(&s.shape.steps, columns),
    };
    let drawn = if DECIMATE {
        s.shape.decimated_for(key, make)
    } else {
        Arc::new(make())
    };
    let coords = chart.as_coord_spec().clone();
    let plain = color(&spec.theme, s.style);
    for (points, is_dense) in drawn.iter() {
        let style = plain.mix(DENSE_ALPHA).stroke_width(2);
        if let (true, true, Some(&first)) = (DECIMATE, *is_dense, points.first()) {
            // The pixels plotters would write the polyline with, as a path; plotters
            // writes the style, on a stand-in of one point.
            let pixels: Vec<(i32, i32)> = points.iter().map(|p| coords.translate(p)).collect();
            dense_paths.push(columns_path(&pixels, PIECE_COLUMNS));
            chart.draw_series(LineSeries::new([first], style))?;
            continue;
        }
        let points = points.iter().copied();
        let style = match (*is_dense, s.style % 2 == 1) {
            (true, _) => style,
            (false, true) => Dash::Long.style(plain, 2),
            (false, false) => plain.stroke_width(2),
        };
        chart.draw_series(LineSeries::new(points, style))?;
    }
    let by_x = |a: &(f64, f64), b: &(f64, f64)| a.0.total_cmp(&b.0);
    Ok(drawn
        .iter()
        .flat_map(|(points, _)| points.iter().copied())
        .max_by(by_x))
}

/// The runs of a lines panel's series, as drawn.
fn line_runs<const DECIMATE: bool>(
    segments: &[Vec<(f64, f64)>],
    columns: Columns,
) -> Vec<DrawnRun> {
    let column = columns.column();
    segments
        .iter()
        .map(|run| {
            let mut d = RunDrawing::<DECIMATE, _>::new(column);
            for &p in run {
                d.push(p);
            }
            d.finish()
        })
        .collect()
}

/// The runs of a steps panel's series, as drawn. Each run of steps is drawn as it is read:
/// a million steps are never made into points at once. Steps start and end on months
/// (whole numbers), in order: their columns are walked, not each mapped; a monthly run's
/// steps a pixel column at a time, from its numbers.
fn step_runs<const DECIMATE: bool>(steps: &Steps, columns: Columns) -> Vec<DrawnRun> {
    let walk = ColumnWalk::new(columns.column());
    if let (true, Steps::Run { points, scale }) = (DECIMATE, steps) {
        if let Some((first, numbers)) = points.run_numbers() {
            let stretches = decimate::run_steps_m4(&numbers.to_full(), first, *scale, &walk);
            let dense = |(points, corners): (Vec<(f64, f64)>, usize)| {
                let ends = points.first().zip(points.last());
                let columns = ends.map_or(1, |(a, b)| columns_spanned(|x| walk.of(x), a.0, b.0));
                let is_dense = decimate::is_dense(corners, columns);
                (points, is_dense)
            };
            return stretches.into_iter().map(dense).collect();
        }
    }
    let column = |x: f64| walk.of(x);
    let mut drawn = Vec::new();
    let mut d: Option<RunDrawing<DECIMATE, _>> = None;
    step_corners(steps.iter(), |new_run, p| {
        if new_run {
            drawn.extend(d.take().map(RunDrawing::finish));
        }
        d.get_or_insert_with(|| RunDrawing::new(column)).push(p);
    });
    drawn.extend(d.map(RunDrawing::finish));
    drawn
}

/// A series of a bars panel: each value a bar across its months, the series side by side.
/// The series' last bar's top right corner.
fn draw_bars<const DECIMATE: bool>(
    area: &Area,
    chart: &Chart,
    spec: &ChartSpec,
    s: &ChartSeries,
    i: usize,
    n_series: usize,
) -> DrawResult<Option<(f64, f64)>> {
    let n = n_series.max(1) as f64;
    let mut bars = s.shape.steps.iter().map(|st| {
        let w = (st.x1 - st.x0) / n;
        let x0 = st.x0 + w * i as f64 + w * 0.08;
        [(x0, 0.0), (x0 + w * 0.84, st.y)]
    });
    let coords = chart.as_coord_spec();
    let fill = color(&spec.theme, s.style).filled();
    fill_rects::<DECIMATE>(area, &|p| coords.translate(&p), &mut bars, fill)?;
    let by_x = |a: &(f64, f64), b: &(f64, f64)| a.0.total_cmp(&b.0);
    Ok(s.shape.steps.iter().map(|st| (st.x1, st.y)).max_by(by_x))
}

/// A series of an area panel: its band on the series below. The band's last top corner.
fn draw_band<const DECIMATE: bool>(
    area: &Area,
    chart: &Chart,
    spec: &ChartSpec,
    s: &ChartSeries,
    bands: &[(Step, f64, f64)],
) -> DrawResult<Option<(f64, f64)>> {
    let mut corners = bands
        .iter()
        .map(|(st, bottom, top)| [(st.x0, *bottom), (st.x1, *top)]);
    let coords = chart.as_coord_spec();
    let fill = color(&spec.theme, s.style).mix(0.75).filled();
    fill_rects::<DECIMATE>(area, &|p| coords.translate(&p), &mut corners, fill)?;
    let by_x = |a: &(f64, f64), b: &(f64, f64)| a.0.total_cmp(&b.0);
    Ok(bands.iter().map(|(st, _, top)| (st.x1, *top)).max_by(by_x))
}

/// A filled triangle marker of fixed pixel corners around its point: about the triangle of
/// radius 4 that plotters' `TriangleMarker` draws, without the sine and cosine whose code
/// the WebAssembly would otherwise ship.
struct Triangle {
    at: (f64, f64),
    style: ShapeStyle,
}

impl<'a> PointCollection<'a, (f64, f64)> for &'a Triangle {
    type Point = &'a (f64, f64);
    type IntoIter = std::iter::Once<&'a (f64, f64)>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Triangle {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        if let Some((x, y)) = points.next() {
            let corners = [(x, y - 4), (x - 4, y + 2), (x + 4, y + 2)];
            backend.fill_polygon(corners, &self.style.color)?;
        }
        Ok(())
    }
}

/// A marker on every point of a line's sparse runs, its shape by the series' style (a run
/// with more points than pixel columns has none: markers would merge into a band).
fn draw_markers(chart: &mut Chart, spec: &ChartSpec, s: &ChartSeries) -> DrawResult {
    let column = Columns::of(chart).column();
    let dense = |run: &[(f64, f64)]| match (run.first(), run.last()) {
        (Some(a), Some(b)) => decimate::is_dense(run.len(), columns_spanned(column, a.0, b.0)),
        _ => false,
    };
    let (theme, style) = (spec.theme, s.style);
    for run in s.shape.segments.iter().filter(|run| !dense(run)) {
        chart.draw_series(run.iter().map(move |&p| {
            match style % 3 {
                1 => Triangle {
                    at: p,
                    style: color(&theme, style).filled(),
                }
                .into_dyn(),
                2 => Cross::new(p, 4, color(&theme, style).stroke_width(2)).into_dyn(),
                _ => Circle::new(p, 3, color(&theme, style).filled()).into_dyn(),
            }
        }))?;
    }
    Ok(())
}

/// Direct labels at each series' last point, so colour is never the only key; pushed
/// apart vertically where they would overlap.
fn draw_end_labels(area: &Area, spec: &ChartSpec, mut ends: Vec<End>) -> DrawResult {
    crate::sorting::sort_by_key(&mut ends, |e| e.3);
    let mut last_y = i32::MIN;
    for (label, style, x, y) in ends {
        let y = y.max(last_y + 15);
        last_y = y;
        let font = (FontFamily::SansSerif, 15).into_font();
        area.draw(&Text::new(
            label,
            (x, y - 7),
            font.color(&color(&spec.theme, style)),
        ))?;
    }
    Ok(())
}

/// Filled rectangles, each given by two corners in chart coordinates (`translate` places
/// a point in pixels as the chart does), drawn on `area`: every one (`MERGE` false, the
/// reference drawing), or as few as cover the same pixels ([`decimate::merge_rects`]),
/// so that however many values fall in a pixel column, a series of bars draws about two
/// rectangles there.
fn fill_rects<const MERGE: bool>(
    area: &Area,
    translate: &dyn Fn((f64, f64)) -> (i32, i32),
    rects: &mut dyn Iterator<Item = [(f64, f64); 2]>,
    fill: ShapeStyle,
) -> DrawResult {
    let base = area.get_base_pixel();
    let pixels = rects.map(|[a, b]| {
        let (a, b) = (translate(a), translate(b));
        [
            a.0.min(b.0) - base.0,
            a.0.max(b.0) - base.0,
            a.1.min(b.1) - base.1,
            a.1.max(b.1) - base.1,
        ]
    });
    let drawn: Vec<[i32; 4]> = if MERGE {
        decimate::merge_rects(pixels)
    } else {
        pixels.collect()
    };
    for [left, right, top, bottom] in drawn {
        area.draw(&Rectangle::new([(left, top), (right, bottom)], fill))?;
    }
    Ok(())
}

/// One run being drawn, a point at a time: decimated as it is read (`DECIMATE`) or kept
/// whole, and counted, to tell whether it has more points than pixel columns.
struct RunDrawing<const DECIMATE: bool, F> {
    m4: M4<F>,
    every: Vec<(f64, f64)>,
    count: usize,
    ends: Option<(f64, f64)>,
}

impl<const DECIMATE: bool, F: Fn(f64) -> i64 + Copy> RunDrawing<DECIMATE, F> {
    fn new(column: F) -> Self {
        RunDrawing {
            m4: M4::new(column),
            every: Vec::new(),
            count: 0,
            ends: None,
        }
    }

    fn push(&mut self, p: (f64, f64)) {
        if DECIMATE {
            self.m4.push(p);
        } else {
            self.every.push(p);
        }
        self.count += 1;
        self.ends = Some((self.ends.map_or(p.0, |e| e.0), p.0));
    }

    /// The run as drawn: its points and whether it is dense.
    fn finish(self) -> DrawnRun {
        let column = *self.m4.column();
        let columns = self.ends.map_or(1, |(a, b)| columns_spanned(column, a, b));
        let dense = decimate::is_dense(self.count, columns);
        let points = if DECIMATE {
            self.m4.finish()
        } else {
            self.every
        };
        (points, dense)
    }
}

/// How many year labels fit: about one per 70 px.
fn axis_label_count(width: u32) -> usize {
    (width / 70).max(2) as usize
}
