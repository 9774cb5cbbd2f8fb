//! What is drawn around the plot besides its axes: on a narrow chart the legend above the
//! plot (instead of labels at the lines' ends, which would take a third of a phone's
//! width), and the figure check's marks, each a strip over its period along the top of
//! the plot with a short label above it. Both are laid out before drawing, from the
//! spec alone, so the page can place a focusable control over each mark's label.

use plotters::prelude::*;

use super::draw::{Area, DrawResult};
use super::markup::Dash;
use super::spec::{ChartSpec, MarkTone, Panel};
use super::theme::{color, rgb};
use crate::format::text_units;

/// Below this width a chart is compact: a legend above the plot, no value-axis title
/// (the unit is in the caption), two-digit years.
pub const COMPACT_WIDTH: u32 = 520;
const LEGEND_FONT: u32 = 15;
const LEGEND_ROW: f64 = 18.0;
const MARK_FONT: u32 = 14;
const MARK_ROW: f64 = 24.0;
const MARK_ROWS: usize = 3;
/// The gap kept between two labels on one row, in pixels.
const GAP: f64 = 6.0;

/// Whether `spec` is drawn compact.
pub fn is_compact(spec: &ChartSpec) -> bool {
    spec.width < COMPACT_WIDTH
}

/// Width of `text` at plotters' font size `font` (written as about 0.81 of it in
/// pixels; a wide character counts two).
fn text_width(text: &str, font: u32) -> f64 {
    text_units(text) as f64 * font as f64 * 0.81 * 0.56
}

/// The room the value axis' labels take, left of the plot.
pub(super) fn y_label_room(spec: &ChartSpec) -> u32 {
    if is_compact(spec) {
        36
    } else {
        52
    }
}

/// The room right of the plot: the series' labels at their ends, or a small margin.
pub(super) fn right_room(spec: &ChartSpec, panel: &Panel) -> u32 {
    if is_compact(spec) {
        return 10;
    }
    let shown = panel.series.iter().map(|s| text_units(&s.label));
    let widest = shown.max().unwrap_or(0).max(spec.label_units);
    (12 + 7 * widest as u32).min(spec.width / 3)
}

/// The plot's left and right edges in SVG pixels, as the chart lays them out.
pub(super) fn plot_x(spec: &ChartSpec, panel: &Panel) -> (f64, f64) {
    let left = 6 + y_label_room(spec);
    let right = spec.width.saturating_sub(right_room(spec, panel));
    (left as f64, right.max(left + 1) as f64)
}

/// One entry of the legend: a series' label and style, at `(x, y)` (the swatch's left,
/// the text's middle).
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub label: String,
    pub style: usize,
    pub x: f64,
    pub y: f64,
}

/// The legend of a compact chart, wrapped across its width, and the height it takes
/// (none when the chart is not compact or shows one series).
pub fn legend_layout(spec: &ChartSpec, panel: &Panel, top: f64) -> (Vec<LegendItem>, f64) {
    if !is_compact(spec) || panel.series.is_empty() {
        return (Vec::new(), 0.0);
    }
    let (mut x, mut row) = (6.0, 0.0);
    let mut items = Vec::new();
    for s in &panel.series {
        let width = 26.0 + text_width(&s.label, LEGEND_FONT);
        if x + width > spec.width as f64 - 4.0 && x > 6.0 {
            x = 6.0;
            row += 1.0;
        }
        items.push(LegendItem {
            label: s.label.clone(),
            style: s.style,
            x,
            y: top + row * LEGEND_ROW + LEGEND_ROW / 2.0,
        });
        x += width + 12.0;
    }
    (items, (row + 1.0) * LEGEND_ROW + 2.0)
}

/// Where a mark's label is drawn, in SVG pixels, and which mark of the spec it is.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkBox {
    pub index: usize,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The marks' labels, each over its period, on up to three rows from `top` so that none
/// overlaps another (a label that fits on no row is shortened to "!"), and the height
/// they take.
pub fn mark_layout(spec: &ChartSpec, panel: &Panel, top: f64) -> (Vec<MarkBox>, f64) {
    let (left, right) = plot_x(spec, panel);
    let (m0, m1) = (spec.months.0 as f64, spec.months.1 as f64 + 1.0);
    let x_of = |m: f64| left + (m.clamp(m0, m1) - m0) / (m1 - m0).max(1.0) * (right - left);
    let mut placed: Vec<MarkBox> = Vec::new();
    let mut rows_used = 0;
    for (index, mark) in spec.marks.iter().enumerate() {
        let center = (x_of(mark.x0) + x_of(mark.x1)) / 2.0;
        let place = |text: &str, row: usize| {
            let width = text_width(text, MARK_FONT) + 6.0;
            let x = (center - width / 2.0).clamp(2.0, (spec.width as f64 - width - 2.0).max(2.0));
            MarkBox {
                index,
                text: text.to_string(),
                x,
                y: top + row as f64 * MARK_ROW,
                width,
                height: MARK_ROW - 1.0,
            }
        };
        let free = |b: &MarkBox| {
            !placed
                .iter()
                .any(|p| p.y == b.y && b.x < p.x + p.width + GAP && p.x < b.x + b.width + GAP)
        };
        let fitted = [mark.label.as_str(), "!"]
            .iter()
            .flat_map(|text| (0..MARK_ROWS).map(move |row| (*text, row)))
            .map(|(text, row)| place(text, row))
            .find(|b| free(b));
        let b = fitted.unwrap_or_else(|| place("!", MARK_ROWS - 1));
        rows_used = rows_used.max(((b.y - top) / MARK_ROW) as usize + 1);
        placed.push(b);
    }
    (placed, rows_used as f64 * MARK_ROW)
}

/// Everything above the plot, laid out: the legend, then the marks' labels, and the
/// plot's top margin that leaves room for them.
pub(super) struct Above {
    pub legend: Vec<LegendItem>,
    pub marks: Vec<MarkBox>,
    pub margin_top: u32,
}

/// What goes above the plot of `panel`.
pub(super) fn above(spec: &ChartSpec, panel: &Panel) -> Above {
    let title = if panel.title.is_empty() { 0.0 } else { 26.0 };
    let (legend, legend_height) = legend_layout(spec, panel, 4.0 + title);
    let marks_top = 4.0 + title + legend_height;
    let (marks, marks_height) = mark_layout(spec, panel, marks_top);
    let needed = marks_top + marks_height + 10.0;
    Above {
        legend,
        marks,
        margin_top: (needed.ceil() as u32).max(if title > 0.0 { 34 } else { 22 }),
    }
}

/// The marks' labels of `spec`'s first panel, where they are drawn.
pub fn mark_boxes(spec: &ChartSpec) -> Vec<MarkBox> {
    spec.panels
        .first()
        .map(|panel| above(spec, panel).marks)
        .unwrap_or_default()
}

/// The colour of a mark of tone `tone`.
fn tone_color(spec: &ChartSpec, tone: MarkTone) -> RGBColor {
    let t = &spec.theme;
    rgb(match tone {
        MarkTone::Wrong => t.mark_wrong,
        MarkTone::Holds => t.mark_holds,
        MarkTone::Unchecked => t.text_soft,
        MarkTone::Note => t.flag_text,
    })
}

/// The legend: a short stroke in each series' colour and dash, and its label.
pub(super) fn draw_legend(area: &Area, spec: &ChartSpec, items: &[LegendItem]) -> DrawResult {
    for item in items {
        let c = color(&spec.theme, item.style);
        let (x, y) = (item.x as i32, item.y as i32);
        let style = match item.style % 2 == 1 {
            true => Dash::Long.style(c, 2),
            false => c.stroke_width(2),
        };
        area.draw(&PathElement::new(vec![(x, y), (x + 20, y)], style))?;
        let font = (FontFamily::SansSerif, LEGEND_FONT)
            .into_font()
            .color(&rgb(spec.theme.text));
        area.draw(&Text::new(item.label.clone(), (x + 25, y - 7), font))?;
    }
    Ok(())
}

/// The marks: a strip over each mark's period along the top of the plot (`plot_top`), a
/// hairline up to its label, and the label.
pub(super) fn draw_marks(
    area: &Area,
    spec: &ChartSpec,
    panel: &Panel,
    boxes: &[MarkBox],
    plot_top: i32,
) -> DrawResult {
    let (left, right) = plot_x(spec, panel);
    let (m0, m1) = (spec.months.0 as f64, spec.months.1 as f64 + 1.0);
    let x_of = |m: f64| left + (m.clamp(m0, m1) - m0) / (m1 - m0).max(1.0) * (right - left);
    for b in boxes {
        let mark = &spec.marks[b.index];
        let c = tone_color(spec, mark.tone);
        let (x0, x1) = (
            x_of(mark.x0) as i32,
            (x_of(mark.x1) as i32).max(x_of(mark.x0) as i32 + 2),
        );
        area.draw(&Rectangle::new(
            [(x0, plot_top), (x1, plot_top + 4)],
            c.filled(),
        ))?;
        let middle = (x0 + x1) / 2;
        let label_bottom = (b.y + b.height) as i32;
        area.draw(&PathElement::new(
            vec![(middle, label_bottom), (middle, plot_top)],
            c.mix(0.6).stroke_width(1),
        ))?;
        let font = (FontFamily::SansSerif, MARK_FONT)
            .into_font()
            .style(FontStyle::Bold);
        area.draw(&Text::new(
            b.text.clone(),
            (b.x as i32 + 3, b.y as i32 + 5),
            font.color(&c),
        ))?;
    }
    Ok(())
}
