//! Chart drawing: a pure function from a [`ChartSpec`] (numbers, labels, sizes) to an SVG
//! string, with plotters' SVG backend. No browser, no dataset: the page decides what to
//! draw, this module only draws it.
//!
//! - [`spec`](ChartSpec): what to draw; [`Shape`]: a series' values as drawn;
//! - [`theme`](ChartTheme): colours; [`axis`](MonthAxis): the time axis;
//! - `draw`: the panels, one function per panel kind; `stack`: stacked bands;
//! - [`decimate`]: at most four points per pixel column and run; [`columns_path`]: a
//!   dense line as path pieces; `markup`: what is written into plotters' SVG afterwards.

mod annotate;
mod axis;
pub mod decimate;
mod dense;
mod draw;
mod markup;
mod shape;
mod spec;
mod stack;
mod theme;

pub use annotate::{
    is_compact, legend_layout, mark_boxes, mark_layout, LegendItem, MarkBox, COMPACT_WIDTH,
};
pub use axis::{label_for as axis_label, MonthAxis};
pub use dense::{columns_path, PIECE_COLUMNS};
pub use shape::{step_runs, Shape, Step, Steps};
pub use spec::{
    ChartSeries, ChartSpec, Geometry, Mark, MarkTone, Marker, Panel, PanelKind, ValueFormat,
};
pub use stack::stack;
pub use theme::{contrast, ChartTheme, Rgb, PALETTE, STYLES};

use markup::{add_accessibility, write_dense_paths, write_groups, Dash};
pub use markup::{svg_parts, SvgParts};
use plotters::prelude::*;

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the chart could not be drawn: {}", self.0)
    }
}

/// Draws `spec` to an SVG document string.
pub fn render_svg(spec: &ChartSpec) -> Result<String, ChartError> {
    render(spec).map(|(svg, _)| svg)
}

/// Draws `spec` to an SVG document string, with the geometry of its last panel. Lines
/// and steps are decimated per pixel column ([`decimate::m4`]): the same pixels
/// with at most four points per column and run.
pub fn render(spec: &ChartSpec) -> Result<(String, Geometry), ChartError> {
    render_with::<true>(spec)
}

/// As [`render`], but drawing every point of every line: the reference the decimated
/// drawing is compared with.
pub fn render_every_point(spec: &ChartSpec) -> Result<(String, Geometry), ChartError> {
    render_with::<false>(spec)
}

// Whether lines are decimated and rectangles merged is a constant of each instance, so
// the app's build holds only the drawing it uses.
fn render_with<const DECIMATE: bool>(spec: &ChartSpec) -> Result<(String, Geometry), ChartError> {
    let mut svg = String::new();
    let geometry;
    // The path of each dense line (when decimated; the drawing of every point is the
    // reference it is compared with, so it keeps its polylines), in drawing order.
    let mut dense = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (spec.width, spec.height)).into_drawing_area();
        geometry = draw::draw::<DECIMATE>(&root, spec, &mut dense)
            .map_err(|e| ChartError(e.to_string()))?;
        root.present().map_err(|e| ChartError(e.to_string()))?;
    }
    let svg = write_groups(&write_dense_paths(&svg, &dense));
    // Round joins and caps: a line's stroke is then the union of discs along it, which the
    // decimated line covers exactly (the same pixels), and reversals have no spikes.
    let mut svg = svg.replace(
        "<polyline ",
        "<polyline stroke-linejoin=\"round\" stroke-linecap=\"round\" ",
    );
    for dash in [Dash::Long, Dash::Short] {
        svg = dash.write(&svg);
    }
    Ok((add_accessibility(svg, &spec.alt_text), geometry))
}
