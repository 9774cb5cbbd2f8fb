//! Chart drawing: a pure function from a [`ChartSpec`] (numbers, labels, sizes) to an SVG
//! string, with plotters' SVG backend. No browser, no dataset types: the view layer
//! decides what to draw, this module only draws it.

mod axis;

use plotters::prelude::*;
use std::sync::Arc;

use crate::decimate::columns_spanned;

pub use axis::{label_for as axis_label, MonthAxis};

/// Stroke colours of the series, in order (Tableau 10: distinguishable, and each passes
/// 3:1 against white).
pub const PALETTE: [(u8, u8, u8); 4] = [(31, 98, 163), (196, 84, 0), (46, 125, 50), (123, 63, 160)];

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// Colours of a chart: background (none when transparent), text, grid, marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartTheme {
    /// `None`: transparent, the host page's background shows through.
    pub background: Option<Rgb>,
    /// The background the colours were chosen against (for contrast), even when transparent.
    pub reference_background: Rgb,
    pub text: Rgb,
    pub text_soft: Rgb,
    pub grid_light: Rgb,
    pub grid_bold: Rgb,
    pub axis: Rgb,
    pub flag: Rgb,
    pub flag_text: Rgb,
    pub event: Rgb,
    pub palette: [Rgb; 4],
}

impl ChartTheme {
    /// Dark marks on white.
    pub const LIGHT: ChartTheme = ChartTheme {
        background: Some((255, 255, 255)),
        reference_background: (255, 255, 255),
        text: (34, 34, 34),
        text_soft: (68, 68, 68),
        grid_light: (235, 235, 235),
        grid_bold: (220, 220, 220),
        axis: (120, 120, 120),
        flag: (214, 110, 20),
        flag_text: (150, 60, 0),
        event: (100, 100, 100),
        palette: PALETTE,
    };

    /// Light marks on near-black.
    pub const DARK: ChartTheme = ChartTheme {
        background: Some((24, 26, 29)),
        reference_background: (24, 26, 29),
        text: (236, 236, 236),
        text_soft: (200, 200, 200),
        grid_light: (48, 51, 56),
        grid_bold: (64, 68, 74),
        axis: (150, 150, 150),
        flag: (240, 150, 70),
        flag_text: (250, 180, 110),
        event: (170, 170, 170),
        palette: [
            (110, 170, 240),
            (245, 150, 70),
            (110, 200, 120),
            (200, 160, 240),
        ],
    };

    /// The same colours without a background.
    pub fn transparent(self) -> ChartTheme {
        ChartTheme {
            background: None,
            ..self
        }
    }
}

impl Default for ChartTheme {
    fn default() -> ChartTheme {
        ChartTheme::LIGHT
    }
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = c as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    let lum = |c: Rgb| 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2);
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

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
    /// Dated events drawn as thin vertical lines with a number (month-index units).
    pub events: Vec<Marker>,
    /// Periods to mark as disputed or disagreeing (drawn as a band with "!").
    pub flags: Vec<FlagBand>,
    /// How value-axis ticks are written.
    pub value_format: ValueFormat,
    pub theme: ChartTheme,
    /// The language of the time axis' month names.
    pub lang: crate::i18n::Lang,
}

/// A labelled position on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub label: String,
}

/// A marked run of months `x0..x1`.
#[derive(Debug, Clone, PartialEq)]
pub struct FlagBand {
    pub x0: f64,
    pub x1: f64,
}

/// Value-axis tick format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueFormat {
    /// Values are in billions already ("400", "2.5").
    #[default]
    Billions,
    /// Percent ("+40%").
    Percent,
}

/// Where the plot sits in the SVG and what it spans: for mapping pointer positions to
/// months and values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Plot area in SVG pixels: left, top, right, bottom.
    pub plot: (i32, i32, i32, i32),
    /// Month-index range of the x axis.
    pub x_domain: (f64, f64),
    /// Value range of the y axis.
    pub y_domain: (f64, f64),
}

impl Geometry {
    /// SVG x of a month-index position.
    pub fn x_px(&self, x: f64) -> f64 {
        let (l, _, r, _) = self.plot;
        l as f64 + (x - self.x_domain.0) / (self.x_domain.1 - self.x_domain.0) * (r - l) as f64
    }

    /// SVG y of a value.
    pub fn y_px(&self, y: f64) -> f64 {
        let (_, t, _, b) = self.plot;
        b as f64 - (y - self.y_domain.0) / (self.y_domain.1 - self.y_domain.0) * (b - t) as f64
    }

    /// Month-index position of an SVG x.
    pub fn x_value(&self, px: f64) -> f64 {
        let (l, _, r, _) = self.plot;
        self.x_domain.0 + (px - l as f64) / (r - l) as f64 * (self.x_domain.1 - self.x_domain.0)
    }
}

/// How a panel draws its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    /// Points joined within each segment, with a marker on every point.
    Lines,
    /// Each value a horizontal step across the months it covers.
    Steps,
    /// Each value a bar across the months it covers; series side by side.
    Bars,
    /// Series stacked on each other, each a band across its steps.
    Area,
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

/// One series: a label (drawn at its end) and what it draws.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    pub label: String,
    /// Index into [`PALETTE`]; also picks the dash pattern, so colour is never the only cue.
    pub style: usize,
    /// Shared: the next view of the same values (a partner toggled, the chart type
    /// changed) draws from the same shape and its kept decimation.
    pub shape: Arc<Shape>,
}

/// A series' values as drawn: runs of joined points and steps, with their value range and
/// the last decimation made of them.
#[derive(Debug, Default)]
pub struct Shape {
    /// For [`PanelKind::Lines`]: points `(x, y)`, x in months (a month `m` spans `m..m+1`),
    /// joined within each run.
    pub segments: Vec<Vec<(f64, f64)>>,
    /// For [`PanelKind::Steps`], [`PanelKind::Bars`] and [`PanelKind::Area`]: the steps.
    pub steps: Steps,
    /// Smallest and largest y of the segments and steps.
    extent: Option<(f64, f64)>,
    /// The runs last drawn from this shape, decimated, and for which pixel columns.
    decimated: std::sync::Mutex<Option<(ColumnsKey, Arc<Vec<DrawnRun>>)>>,
}

impl Shape {
    pub fn new(segments: Vec<Vec<(f64, f64)>>, steps: impl Into<Steps>) -> Shape {
        let steps = steps.into();
        let ys = segments
            .iter()
            .flatten()
            .map(|p| p.1)
            .chain(steps.heights());
        let extent = ys.fold(None, |e: Option<(f64, f64)>, y| match e {
            None => Some((y, y)),
            Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
        });
        Shape {
            segments,
            steps,
            extent,
            decimated: Default::default(),
        }
    }
}

impl Shape {
    /// Whether there is nothing to draw: no point and no step.
    pub fn is_blank(&self) -> bool {
        self.extent.is_none()
    }

    /// The runs drawn for pixel columns `key`: the kept ones when they were made for the
    /// same columns, otherwise `make`'s, kept from now on.
    fn decimated_for(
        &self,
        key: ColumnsKey,
        make: impl FnOnce() -> Vec<DrawnRun>,
    ) -> Arc<Vec<DrawnRun>> {
        let kept = self.decimated.lock().ok().and_then(|k| k.clone());
        if let Some((k, runs)) = kept {
            if k == key {
                return runs;
            }
        }
        let runs = Arc::new(make());
        if let Ok(mut k) = self.decimated.lock() {
            *k = Some((key, runs.clone()));
        }
        runs
    }
}

impl PartialEq for Shape {
    /// The same runs and steps (whatever has been decimated from them).
    fn eq(&self, other: &Shape) -> bool {
        self.segments == other.segments && self.steps == other.steps
    }
}

/// Which pixel columns a decimation was made for: lines or steps, the months shown and the
/// plot's first and last pixel.
type ColumnsKey = (bool, i64, i64, i32, i32);

/// A run as drawn: its points (decimated or not) and whether it has more points than
/// pixel columns (drawn solid and without markers).
type DrawnRun = (Vec<(f64, f64)>, bool);

/// A series' steps: listed, or those of a monthly run's values, made when read (a
/// million values then take no room of their own in the shape).
#[derive(Debug, Clone)]
pub enum Steps {
    Listed(Vec<Step>),
    /// Each value of `points` (a monthly run's: single months, all drawn) across its
    /// month, at its value × `scale`.
    Run {
        points: crate::measures::Points,
        scale: f64,
    },
}

impl Steps {
    /// How many steps.
    pub fn len(&self) -> usize {
        match self {
            Steps::Listed(steps) => steps.len(),
            Steps::Run { points, .. } => points.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Step `k`.
    ///
    /// # Panics
    /// When `k` is past the steps.
    pub fn get(&self, k: usize) -> Step {
        match self {
            Steps::Listed(steps) => steps[k],
            Steps::Run { points, scale } => {
                let (first, last, value) = points.placed(k);
                Step {
                    x0: first as f64,
                    x1: (last + 1) as f64,
                    y: value * scale,
                }
            }
        }
    }

    /// Every step, in order.
    pub fn iter(&self) -> impl Iterator<Item = Step> + '_ {
        (0..self.len()).map(|k| self.get(k))
    }

    /// Every step's height, in order: a run's read from its numbers, not made a step at
    /// a time.
    pub fn heights(&self) -> Box<dyn Iterator<Item = f64> + '_> {
        if let Steps::Run { points, scale } = self {
            if let Some((_, numbers)) = points.run_numbers() {
                let drawn = numbers.iter().filter(|v| !v.is_nan());
                return Box::new(drawn.map(move |v| v * scale));
            }
        }
        Box::new(self.iter().map(|s| s.y))
    }
}

impl From<Vec<Step>> for Steps {
    fn from(steps: Vec<Step>) -> Steps {
        Steps::Listed(steps)
    }
}

impl Default for Steps {
    fn default() -> Steps {
        Steps::Listed(Vec::new())
    }
}

/// The same steps, however they are kept.
impl PartialEq for Steps {
    fn eq(&self, other: &Steps) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

/// A value spanning months `x0..x1` (month-index units), drawn at height `y`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
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

fn color(theme: &ChartTheme, style: usize) -> RGBColor {
    rgb(theme.palette[style % theme.palette.len()])
}

/// Draws `spec` to an SVG document string.
pub fn render_svg(spec: &ChartSpec) -> Result<String, ChartError> {
    render(spec).map(|(svg, _)| svg)
}

/// Draws `spec` to an SVG document string, with the geometry of its last panel. Lines
/// and steps are decimated per pixel column ([`crate::decimate::m4`]): the same pixels
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
        geometry =
            draw::<DECIMATE>(&root, spec, &mut dense).map_err(|e| ChartError(e.to_string()))?;
        root.present().map_err(|e| ChartError(e.to_string()))?;
    }
    let svg = write_dense_paths(&svg, &dense);
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

/// A dashed line is one `<polyline>` with a `stroke-dasharray`, not one element per dash
/// as plotters' `DashedLineSeries` draws it (a dashed series of a hundred months was a
/// hundred elements for the browser to parse, lay out and paint). Plotters' SVG backend
/// cannot write a dash pattern, so a dashed line is drawn with an opacity no other
/// element has, and that attribute is rewritten afterwards ([`Dash::write`]).
#[derive(Clone, Copy)]
enum Dash {
    /// A series' line: 6 px on, 4 off.
    Long,
    /// An event's vertical line: 3 on, 3 off.
    Short,
}

impl Dash {
    /// The marker opacity (exact in binary, so it is written exactly).
    fn alpha(self) -> f64 {
        match self {
            Dash::Long => 1.0 - 1.0 / 256.0,
            Dash::Short => 1.0 - 1.0 / 128.0,
        }
    }

    fn style(self, color: RGBColor, width: u32) -> ShapeStyle {
        color.mix(self.alpha()).stroke_width(width)
    }

    /// `svg` with this dash's marker opacity replaced by full opacity and its pattern.
    fn write(self, svg: &str) -> String {
        let pattern = match self {
            Dash::Long => "6 4",
            Dash::Short => "3 3",
        };
        svg.replace(
            &format!("opacity=\"{}\"", self.alpha()),
            &format!("opacity=\"1\" stroke-dasharray=\"{pattern}\""),
        )
    }
}

/// A dense run's line is drawn by plotters as a `<polyline>` with this opacity, which no
/// other element has (exact in binary, so it is written exactly): when decimated, a
/// stand-in of one point that [`write_dense_paths`] replaces by the line's `<path>`.
const DENSE_ALPHA: f64 = 1.0 - 3.0 / 256.0;

fn dense_marker() -> String {
    format!("opacity=\"{DENSE_ALPHA}\"")
}

/// `svg` with the marked `<polyline>` of each dense line replaced, in order, by a group
/// (`<g class="dense-line">`) with plotters' style, full opacity, round joins and caps, of one
/// `<path>` for each of the line's pieces in `paths`; any marked polyline beyond them (the
/// drawing of every point) keeps its points, at full opacity.
///
/// A dense line zigzags up and down every pixel column; drawn as a polyline with round
/// joins, each of its thousands of reversals is a join for the browser to stroke and
/// raster, on every tile the line crosses, and a chart of ten such lines kept a raster
/// thread busy for 100 ms after an update. The path covers the same pixels without a join,
/// and in pieces (see [`columns_path`]).
fn write_dense_paths(svg: &str, paths: &[Vec<String>]) -> String {
    let marker = dense_marker();
    let drawn: usize = paths.iter().flatten().map(|d| d.len() + 16).sum();
    let mut out = String::with_capacity(svg.len() + drawn);
    let mut rest = svg;
    let mut paths = paths.iter();
    while let Some(start) = rest.find(&marker) {
        // The marked element: from its `<polyline ` to its `/>`.
        let (Some(open), Some(len)) = (rest[..start].rfind("<polyline "), rest[start..].find("/>"))
        else {
            break;
        };
        let close = start + len + 2;
        out.push_str(&rest[..open]);
        let element = &rest[open..close];
        match (paths.next(), element.find(" points=\"")) {
            (Some(pieces), Some(points)) => {
                out.push_str(
                    "<g class=\"dense-line\" stroke-linejoin=\"round\" stroke-linecap=\"round\" ",
                );
                out.push_str(&rest[open + "<polyline ".len()..start]);
                out.push_str("opacity=\"1\"");
                out.push_str(&rest[start + marker.len()..open + points]);
                out.push('>');
                for d in pieces {
                    out.push_str("<path d=\"");
                    out.push_str(d);
                    out.push_str("\"/>");
                }
                out.push_str("</g>");
            }
            _ => out.push_str(&element.replace(&marker, "opacity=\"1\"")),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Pixel columns a piece of a dense line's path spans at least before it ends (see
/// [`columns_path`]).
pub const PIECE_COLUMNS: i32 = 64;

/// The path data (`d`) of a polyline through `points` (whole pixels) drawn with round
/// joins and caps, as one vertical stroke per run of consecutive points on the same pixel
/// column and one straight stroke from each such run's last point to the next one's first;
/// in pieces, each its own path, of at least `piece_columns` columns where the line allows.
///
/// The same pixels: a polyline stroked with round joins and caps covers exactly the points
/// within half the stroke's width of one of its segments, whatever the joins between
/// them, so it is the union of its segments each stroked alone with round caps. The
/// segments between consecutive points of one column are all on that column and, joined,
/// cover from its lowest point to its highest: one vertical stroke covers the same. A
/// column of one point is already an end of the strokes from and to it; only a polyline
/// of one column keeps it (a dot when it is one point). The strokes from and to such a
/// column are one stroke joined there, as in the polyline: a round join and two round
/// ends cover the same points, but a rasteriser draws them as different curves, and a
/// steep line's edge would differ by a sample in a few pixels.
///
/// A stroke from one column to the next is left out when the two columns' strokes
/// already cover it (most of them, in a dense line): when the columns are at most two
/// pixels apart and both its ends are at least a pixel inside the heights both columns
/// span. Every point it covers is then within a pixel (half the 2-pixel width) of a
/// height both columns span, and so within a pixel of one column's stroke: such a point
/// is at most a pixel to the left of the first column, right of the second, or between
/// them, no more than a pixel from one of them. Fewer strokes are less for the browser
/// to raster (a third less time to the frame after a change, at 1e6).
///
/// Between neighbouring columns (one pixel apart) an end may also lie on the edge of the
/// heights both span, `[l, h]`, on a side where one column reaches past the other. Say
/// both ends are in `[l, h]` and a point q is within a pixel of the stroke at s. If q's
/// height is in `[l, h]`, q is within a pixel of a column, as above. If q is below `l`
/// (the other side is the same), it is at most a pixel below (s is not below `l`), and
/// when one column reaches a pixel or more below `l`, q is within a pixel of it if q is
/// on its side of the other column, and otherwise within a pixel of the other column's
/// end at `l`: that end is between q and s both across and up, so no farther from q than
/// s is. When both columns end at `l`, a stroke along `l` covers the dip between their
/// round ends (a tenth of a pixel deep), and stays.
///
/// Pieces. A browser rasters a page in tiles, and strokes a path whole on every tile its
/// bounds reach: a chart of ten lines over 776 columns took Chromium 45 ms of raster after
/// a change as one path a line, 21 in pieces of about 64 columns. But two paths are not one:
/// where both partly cover a pixel, it is blended twice, darker than where one path covers
/// it. So a piece ends only where every pixel that strokes on both sides reach is fully
/// covered by one of those strokes: such a pixel comes out in the line's colour whether it
/// is blended once or twice, and a pixel only one side reaches is blended once either way
/// (`piece_may_end`). The line must go right (its points in order of columns), so that
/// the strokes within reach of an end are the few on either side of it.
pub fn columns_path(points: &[(i32, i32)], piece_columns: i32) -> Vec<String> {
    use std::fmt::Write as _;
    let strokes = column_strokes(points);
    let rightwards = points.windows(2).all(|w| w[0].0 <= w[1].0);
    let mut pieces = Vec::new();
    let mut d = String::with_capacity(points.len() * 8);
    let mut piece_start = strokes.first().map_or(0, Stroke::left);
    for (k, stroke) in strokes.iter().enumerate() {
        let ((ax, ay), (bx, by)) = (stroke.a, stroke.b);
        // Strokes between columns through a column of one point go on as the polyline
        // does, joined there (a join and two round ends cover the same points, but a
        // rasteriser draws them as different curves); pieces end only between strokes.
        let joined = k > 0 && ax != bx && {
            let previous = strokes[k - 1];
            previous.a.0 != previous.b.0 && previous.b == stroke.a
        };
        if rightwards
            && k > 0
            && !joined
            && stroke.left() - piece_start >= piece_columns
            && piece_may_end(&strokes, k)
        {
            pieces.push(std::mem::take(&mut d));
            piece_start = stroke.left();
        }
        // A column's stroke (from its lowest to its highest); strokes between columns
        // join different columns.
        let _ = if ax == bx {
            write!(d, "M{ax},{ay}V{by}")
        } else if joined {
            write!(d, "L{bx},{by}")
        } else {
            write!(d, "M{ax},{ay}L{bx},{by}")
        };
    }
    pieces.push(d);
    pieces
}

/// One straight stroke of a dense line's path, between whole pixels: a column's, from its
/// lowest to its highest, or one between columns.
#[derive(Clone, Copy, Debug)]
struct Stroke {
    a: (i32, i32),
    b: (i32, i32),
}

impl Stroke {
    fn left(&self) -> i32 {
        self.a.0.min(self.b.0)
    }

    fn right(&self) -> i32 {
        self.a.0.max(self.b.0)
    }

    /// Whether the stroke (the points within a pixel of its segment) shares any area with
    /// the pixel whose top left corner is `(i, j)`: whether the segment comes nearer than
    /// a pixel to the pixel's square. Exact, in whole numbers: the nearest points of a
    /// segment and a square apart are a corner of the square or an end of the segment, and
    /// an end (a whole pixel) nearer than a pixel to the square is one of its corners; a
    /// segment crossing the square passes within half a diagonal of a corner, or ends inside.
    fn reaches(&self, i: i32, j: i32) -> bool {
        corners(i, j).iter().any(|&c| self.nearer_than_a_pixel(c))
    }

    /// Whether the stroke covers the whole pixel at `(i, j)`: all four corners within the
    /// straight part of the stroke (a rectangle, convex), not counting its round ends,
    /// which a rasteriser draws as curves of its own making.
    fn covers(&self, i: i32, j: i32) -> bool {
        corners(i, j).iter().all(|&c| self.within_straight_part(c))
    }

    /// Whether the point `c` is strictly nearer to the segment than a pixel.
    fn nearer_than_a_pixel(&self, c: (i64, i64)) -> bool {
        let (v, w, length, along) = self.toward(c);
        let (numerator, denominator) = if length == 0 || along <= 0 {
            (w.0 * w.0 + w.1 * w.1, 1)
        } else if along >= length {
            ((w.0 - v.0).pow(2) + (w.1 - v.1).pow(2), 1)
        } else {
            ((v.0 * w.1 - v.1 * w.0).pow(2), length)
        };
        numerator < denominator
    }

    /// Whether the point `c` is within the straight part of the stroke: across from the
    /// segment, and no farther from it than a pixel.
    fn within_straight_part(&self, c: (i64, i64)) -> bool {
        let (v, w, length, along) = self.toward(c);
        let across = v.0 * w.1 - v.1 * w.0;
        length > 0 && (0..=length).contains(&along) && across * across <= length
    }

    /// The segment `v`, the point `c` from its start `w`, the segment's squared length
    /// and `w`'s length along it times the segment's.
    fn toward(&self, (cx, cy): (i64, i64)) -> ((i64, i64), (i64, i64), i64, i64) {
        let ((ax, ay), (bx, by)) = (wide(self.a), wide(self.b));
        let (v, w) = ((bx - ax, by - ay), (cx - ax, cy - ay));
        (v, w, v.0 * v.0 + v.1 * v.1, v.0 * w.0 + v.1 * w.1)
    }
}

/// The corners of the pixel whose top left corner is `(i, j)`.
fn corners(i: i32, j: i32) -> [(i64, i64); 4] {
    let (i, j) = (i64::from(i), i64::from(j));
    [(i, j), (i + 1, j), (i, j + 1), (i + 1, j + 1)]
}

fn wide((x, y): (i32, i32)) -> (i64, i64) {
    (i64::from(x), i64::from(y))
}

/// The strokes of [`columns_path`], in order: for each column, the stroke into it (unless
/// the columns' own cover it) and its own (unless it is one point).
fn column_strokes(points: &[(i32, i32)]) -> Vec<Stroke> {
    let mut strokes = Vec::with_capacity(points.len());
    let mut i = 0;
    // The previous column: its position, lowest and highest, and last point.
    let mut previous: Option<(i32, i32, i32, (i32, i32))> = None;
    while i < points.len() {
        let x = points[i].0;
        let first = points[i];
        let (mut lo, mut hi) = (first.1, first.1);
        let mut j = i;
        while j < points.len() && points[j].0 == x {
            lo = lo.min(points[j].1);
            hi = hi.max(points[j].1);
            j += 1;
        }
        if let Some((px, plo, phi, last)) = previous {
            let (both_lo, both_hi) = (plo.max(lo), phi.min(hi));
            let (low, high) = (last.1.min(first.1), last.1.max(first.1));
            let covered = match (x - px).abs() {
                1 => {
                    both_lo <= low
                        && high <= both_hi
                        && (both_lo < low || plo != lo)
                        && (high < both_hi || phi != hi)
                }
                2 => both_lo < low && high < both_hi,
                _ => false,
            };
            if !covered {
                strokes.push(Stroke { a: last, b: first });
            }
        }
        let alone = i == 0 && j == points.len();
        if lo < hi || alone {
            strokes.push(Stroke {
                a: (x, lo),
                b: (x, hi),
            });
        }
        previous = Some((x, lo, hi, points[j - 1]));
        i = j;
    }
    strokes
}

/// Whether a piece may end before `strokes[k]` (of a line going right): whether every pixel
/// that strokes on both sides reach is covered whole by one stroke. The strokes before
/// reach no further right than the pixel starting at the rightmost of them, those after no
/// further left than the pixel ending at the leftmost (the line goes right, so these are
/// the last stroke before and the first after); only the pixels between, and the strokes
/// that reach them, are looked at.
fn piece_may_end(strokes: &[Stroke], k: usize) -> bool {
    let (before, after) = strokes.split_at(k);
    let (Some(last), Some(first)) = (before.last(), after.first()) else {
        return false;
    };
    // Pixel columns (by their left edge) both sides may reach: a stroke reaches from the
    // column left of its leftmost point to the one right of its rightmost (which starts at
    // that point), and the same for rows.
    let (from, to) = (first.left() - 1, last.right());
    // The strokes that may reach them: the last ones before, the first ones after.
    let near_before = &before[before
        .iter()
        .rposition(|s| s.right() < from)
        .map_or(0, |p| p + 1)..];
    let near_after = &after[..after
        .iter()
        .position(|s| s.left() - 1 > to)
        .unwrap_or(after.len())];
    let rows = |strokes: &[Stroke]| {
        let ys = strokes.iter().flat_map(|s| [s.a.1, s.b.1]);
        ys.fold((i32::MAX, i32::MIN), |(t, b), y| (t.min(y), b.max(y)))
    };
    let ((top_before, bottom_before), (top_after, bottom_after)) =
        (rows(near_before), rows(near_after));
    let (top, bottom) = (top_before.max(top_after), bottom_before.min(bottom_after));
    (from..=to).all(|i| {
        (top - 1..=bottom).all(|j| {
            !(near_before.iter().any(|s| s.reaches(i, j))
                && near_after.iter().any(|s| s.reaches(i, j)))
                || near_before.iter().chain(near_after).any(|s| s.covers(i, j))
        })
    })
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type DrawResult<T = ()> = Result<T, Box<dyn std::error::Error + 'static>>;

fn draw<const DECIMATE: bool>(
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

/// The value range to show: zero included, with a little room above and below.
fn y_range(panel: &Panel, stacked: &[Vec<(Step, f64, f64)>]) -> (f64, f64) {
    let (mut min, mut max) = (0f64, 0f64);
    let mut include = |v: f64| {
        min = min.min(v);
        max = max.max(v);
    };
    for (lo, hi) in panel.series.iter().filter_map(|s| s.shape.extent) {
        include(lo);
        include(hi);
    }
    for bands in stacked {
        bands.iter().for_each(|(_, _, top)| include(*top));
    }
    let pad = (max - min).max(1e-9) * 0.08;
    let top = if max > 0.0 {
        max + pad
    } else if min < 0.0 {
        0.0 + pad * 0.3
    } else {
        1.0
    };
    let bottom = if min < 0.0 { min - pad } else { 0.0 };
    (bottom, top)
}

/// Stacked bands per series: `(x0, x1, bottom, top)` flattened as `(x0..x1, bottom, top)`;
/// each series sits on the sum of the earlier series' values over the same months.
pub fn stack(series: &[ChartSeries]) -> Vec<Vec<(Step, f64, f64)>> {
    // The running sum of the series so far over each span of months, in order of the
    // spans: each series' steps are merged into it, so stacking is linear in the number of
    // values. A series' steps come in that order (its periods are ordered); steps that do
    // not are put in order by insertion (no sorting code shipped for what never happens).
    let by_span = |a: &Step, b: &Step| a.x0.total_cmp(&b.x0).then(a.x1.total_cmp(&b.x1));
    let zero = || std::iter::empty::<f64>().sum::<f64>();
    let mut sums: Vec<(Step, f64)> = Vec::new();
    let mut bands: Vec<Vec<(Step, f64, f64)>> = Vec::with_capacity(series.len());
    for s in series {
        let steps = &s.shape.steps;
        let mut order: Vec<usize> = (0..steps.len()).collect();
        for i in 1..order.len() {
            let mut j = i;
            while j > 0 && by_span(&steps.get(order[j - 1]), &steps.get(order[j])).is_gt() {
                order.swap(j - 1, j);
                j -= 1;
            }
        }
        let mut mine = vec![(Step::default(), 0.0, 0.0); steps.len()];
        let mut next: Vec<(Step, f64)> = Vec::with_capacity(sums.len() + steps.len());
        let mut earlier = sums.iter().peekable();
        let mut last_below = zero();
        for k in order {
            let st = steps.get(k);
            while let Some(e) = earlier.next_if(|e| by_span(&e.0, &st).is_lt()) {
                next.push(*e);
            }
            // A span this series already has (a repeated span) sits on the same sum.
            let repeated = next.last().is_some_and(|l| by_span(&l.0, &st).is_eq());
            let below = if repeated {
                last_below
            } else {
                let e = earlier
                    .next_if(|e| by_span(&e.0, &st).is_eq())
                    .copied()
                    .unwrap_or((st, zero()));
                next.push(e);
                e.1
            };
            if let Some(l) = next.last_mut() {
                l.1 += st.y;
            }
            mine[k] = (st, below, below + st.y);
            last_below = below;
        }
        next.extend(earlier);
        sums = next;
        bands.push(mine);
    }
    bands
}

/// One panel; the path of each dense line drawn, when decimated, is added to `dense_paths` (see
/// [`write_dense_paths`]).
fn draw_panel<const DECIMATE: bool>(
    area: &Area,
    spec: &ChartSpec,
    panel: &Panel,
    dense_paths: &mut Vec<Vec<String>>,
) -> DrawResult<Geometry> {
    let theme = spec.theme;
    let axis = MonthAxis::new(spec.months.0 as f64, spec.months.1 as f64 + 1.0);
    let label_room = 12
        + 7 * panel
            .series
            .iter()
            .map(|s| crate::format::text_units(&s.label))
            .max()
            .unwrap_or(0) as u32;
    // The panel title, left-aligned above the plot as news charts set it.
    if !panel.title.is_empty() {
        area.draw(&Text::new(
            panel.title.clone(),
            (4, 6),
            ("sans-serif", 18)
                .into_font()
                .style(FontStyle::Bold)
                .color(&rgb(spec.theme.text)),
        ))?;
    }
    let stacked = if panel.kind == PanelKind::Area {
        stack(&panel.series)
    } else {
        Vec::new()
    };
    let (y0, y1) = y_range(panel, &stacked);
    let mut chart = ChartBuilder::on(area)
        .margin_top(if panel.title.is_empty() { 22 } else { 34 })
        .margin_left(6)
        .margin_right(label_room.min(spec.width / 3))
        .x_label_area_size(26)
        .y_label_area_size(52)
        .build_cartesian_2d(axis, y0..y1)?;
    let year_label = |x: &f64| axis::label_for(*x, spec.lang);
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
        .label_style(
            ("sans-serif", 15)
                .into_font()
                .color(&rgb(spec.theme.text_soft)),
        )
        .axis_desc_style(
            ("sans-serif", 15)
                .into_font()
                .color(&rgb(spec.theme.text_soft)),
        )
        .light_line_style(rgb(spec.theme.grid_light))
        .bold_line_style(rgb(spec.theme.grid_bold))
        .axis_style(rgb(spec.theme.axis))
        .draw()?;
    // Events and flagged periods first, under the data.
    for band in &spec.flags {
        // A strip along the top of the plot, not a wash over the data.
        let strip = (y1 - y0) * 0.025;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(band.x0, y1 - strip), (band.x1, y1)],
            rgb(spec.theme.flag).filled(),
        )))?;
        chart.draw_series(std::iter::once(Text::new(
            "!".to_string(),
            (band.x0, y1 - strip * 1.2),
            ("sans-serif", 16)
                .into_font()
                .style(FontStyle::Bold)
                .color(&rgb(spec.theme.flag_text)),
        )))?;
    }
    for event in &spec.events {
        chart.draw_series(LineSeries::new(
            [(event.x, y0), (event.x, y1)],
            Dash::Short.style(rgb(spec.theme.event), 1),
        ))?;
        chart.draw_series(std::iter::once(Text::new(
            event.label.clone(),
            (event.x, y1),
            ("sans-serif", 13).into_font().color(&rgb(spec.theme.event)),
        )))?;
    }
    // The mapping plotters draws with, for the pixel columns of decimation.
    let coords = chart.as_coord_spec().clone();
    let mut ends: Vec<(String, usize, i32, i32)> = Vec::new();
    let n_series = panel.series.len().max(1);
    let (xr, _) = chart.plotting_area().get_pixel_range();
    let columns_key = (
        panel.kind == PanelKind::Steps,
        spec.months.0,
        spec.months.1,
        xr.start,
        xr.end,
    );
    let by_x = |a: &(f64, f64), b: &(f64, f64)| a.0.total_cmp(&b.0);
    // A position's pixel column: the x of `coords.translate`, without mapping a y.
    let (x_spec, back_x) = (coords.x_spec(), coords.get_x_axis_pixel_range());
    let back_x = (back_x.start, back_x.end);
    let column = move |x: f64| x_spec.map(&x, back_x) as i64;
    for (i, s) in panel.series.iter().enumerate() {
        let stroke = color(&spec.theme, s.style).stroke_width(2);
        let dashed = s.style % 2 == 1;
        let shape = &s.shape;
        // A run with more points than the pixel columns it spans is drawn solid and
        // without markers (dashes and markers would merge into a band), and decimated.
        let dense = |run: &[(f64, f64)]| match (run.first(), run.last()) {
            (Some(a), Some(b)) => {
                crate::decimate::is_dense(run.len(), columns_spanned(column, a.0, b.0))
            }
            _ => false,
        };
        let end = match panel.kind {
            PanelKind::Lines | PanelKind::Steps => {
                let make = || -> Vec<DrawnRun> {
                    let mut drawn = Vec::new();
                    match panel.kind {
                        PanelKind::Lines => {
                            for run in &shape.segments {
                                let mut d = RunDrawing::<DECIMATE, _>::new(column);
                                for &p in run {
                                    d.push(p);
                                }
                                drawn.push(d.finish());
                            }
                        }
                        // Each run of steps is drawn as it is read: a million steps are
                        // never made into points at once. Steps start and end on months
                        // (whole numbers), in order: their columns are walked, not each
                        // mapped.
                        _ => {
                            let walk = crate::decimate::ColumnWalk::new(column);
                            // A run's steps: a pixel column at a time, from its numbers.
                            if let (true, Steps::Run { points, scale }) = (DECIMATE, &shape.steps) {
                                if let Some((first, numbers)) = points.run_numbers() {
                                    let stretches = crate::decimate::run_steps_m4(
                                        &numbers.to_full(),
                                        first,
                                        *scale,
                                        &walk,
                                    );
                                    return stretches
                                        .into_iter()
                                        .map(|(points, corners)| {
                                            let ends = points.first().zip(points.last());
                                            let columns = ends.map_or(1, |(a, b)| {
                                                columns_spanned(|x| walk.of(x), a.0, b.0)
                                            });
                                            (points, crate::decimate::is_dense(corners, columns))
                                        })
                                        .collect();
                                }
                            }
                            let column = |x: f64| walk.of(x);
                            let mut d: Option<RunDrawing<DECIMATE, _>> = None;
                            step_corners(shape.steps.iter(), |new_run, p| {
                                if new_run {
                                    drawn.extend(d.take().map(RunDrawing::finish));
                                }
                                d.get_or_insert_with(|| RunDrawing::new(column)).push(p);
                            });
                            drawn.extend(d.map(RunDrawing::finish));
                        }
                    }
                    drawn
                };
                let drawn = if DECIMATE {
                    shape.decimated_for(columns_key, make)
                } else {
                    Arc::new(make())
                };
                for (points, is_dense) in drawn.iter() {
                    let style = color(&spec.theme, s.style).mix(DENSE_ALPHA).stroke_width(2);
                    if let (true, true, Some(&first)) = (DECIMATE, *is_dense, points.first()) {
                        // The pixels plotters would write the polyline with, as a path;
                        // plotters writes the style, on a stand-in of one point.
                        let pixels: Vec<(i32, i32)> =
                            points.iter().map(|p| coords.translate(p)).collect();
                        dense_paths.push(columns_path(&pixels, PIECE_COLUMNS));
                        chart.draw_series(LineSeries::new([first], style))?;
                        continue;
                    }
                    let points = points.iter().copied();
                    if *is_dense {
                        chart.draw_series(LineSeries::new(points, style))?;
                    } else if dashed {
                        let style = Dash::Long.style(color(&spec.theme, s.style), 2);
                        chart.draw_series(LineSeries::new(points, style))?;
                    } else {
                        chart.draw_series(LineSeries::new(points, stroke))?;
                    }
                }
                drawn
                    .iter()
                    .flat_map(|(points, _)| points.iter().copied())
                    .max_by(by_x)
            }
            PanelKind::Bars => {
                let mut bars = shape.steps.iter().map(|st| {
                    let w = (st.x1 - st.x0) / n_series as f64;
                    let x0 = st.x0 + w * i as f64 + w * 0.08;
                    let x1 = x0 + w * 0.84;
                    [(x0, 0.0), (x1, st.y)]
                });
                let fill = color(&spec.theme, s.style).filled();
                fill_rects::<DECIMATE>(area, &|p| coords.translate(&p), &mut bars, fill)?;
                shape.steps.iter().map(|st| (st.x1, st.y)).max_by(by_x)
            }
            PanelKind::Area => {
                let bands = &stacked[i];
                let mut corners = bands
                    .iter()
                    .map(|(st, bottom, top)| [(st.x0, *bottom), (st.x1, *top)]);
                let fill = color(&spec.theme, s.style).mix(0.75).filled();
                fill_rects::<DECIMATE>(area, &|p| coords.translate(&p), &mut corners, fill)?;
                bands.iter().map(|(st, _, top)| (st.x1, *top)).max_by(by_x)
            }
        };
        if panel.kind == PanelKind::Lines {
            for run in shape.segments.iter().filter(|run| !dense(run)) {
                let style = s.style;
                chart.draw_series(run.iter().map(move |&p| match style % 3 {
                    1 => TriangleMarker::new(p, 4, color(&theme, style).filled()).into_dyn(),
                    2 => Cross::new(p, 4, color(&theme, style).stroke_width(2)).into_dyn(),
                    _ => Circle::new(p, 3, color(&theme, style).filled()).into_dyn(),
                }))?;
            }
        }
        if let Some(end) = end {
            let pos = chart.backend_coord(&end);
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
            ("sans-serif", 15).into_font().color(&color(&theme, style)),
        ))?;
    }
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let base = area.get_base_pixel();
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

/// Filled rectangles, each given by two corners in chart coordinates (`translate` places
/// a point in pixels as the chart does), drawn on `area`: every one (`MERGE` false, the
/// reference drawing), or as few as cover the same pixels ([`crate::decimate::merge_rects`]),
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
        crate::decimate::merge_rects(pixels)
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
    m4: crate::decimate::M4<F>,
    every: Vec<(f64, f64)>,
    count: usize,
    ends: Option<(f64, f64)>,
}

impl<const DECIMATE: bool, F: Fn(f64) -> i64 + Copy> RunDrawing<DECIMATE, F> {
    fn new(column: F) -> Self {
        RunDrawing {
            m4: crate::decimate::M4::new(column),
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
        let dense = crate::decimate::is_dense(self.count, columns);
        let points = if DECIMATE {
            self.m4.finish()
        } else {
            self.every
        };
        (points, dense)
    }
}

/// Joined runs of steps: contiguous steps (one ends where the next begins) form one run
/// with vertical risers; a gap starts a new run.
pub fn step_runs(steps: &[Step]) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    step_corners(steps.iter().copied(), |new_run, p| {
        if new_run {
            runs.push(Vec::new());
        }
        runs.last_mut().expect("a run was started").push(p);
    });
    runs
}

/// The corners of [`step_runs`]' runs, one at a time (`new_run`: the first corner of a
/// run), without holding them: a million steps are drawn as they are read.
fn step_corners(steps: impl IntoIterator<Item = Step>, mut corner: impl FnMut(bool, (f64, f64))) {
    let mut previous_end: Option<f64> = None;
    for st in steps {
        corner(
            !previous_end.is_some_and(|e| (e - st.x0).abs() < 1e-9),
            (st.x0, st.y),
        );
        corner(false, (st.x1, st.y));
        previous_end = Some(st.x1);
    }
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
    out.push_str(&crate::format::escape_xml(alt_text));
    out.push_str("</title>");
    out.push_str(&svg[close + 1..]);
    out
}
