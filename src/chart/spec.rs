//! What a chart draws, as plain data ([`ChartSpec`]): its size, the months it spans, its
//! panels and their series, the events and the periods to mark, the theme; and where the
//! plot ended up ([`Geometry`]), to map a pointer back to a value. The page decides what
//! goes in; this module knows nothing of datasets or measures.

use std::sync::Arc;

use super::shape::Shape;
use super::theme::ChartTheme;
use crate::i18n::Lang;

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
    /// The figure check's marks: a strip over each period along the top of the plot,
    /// labelled above it (see `annotate`).
    pub marks: Vec<Mark>,
    /// How value-axis ticks are written.
    pub value_format: ValueFormat,
    pub theme: ChartTheme,
    /// The language of the time axis' month names.
    pub lang: Lang,
    /// The widest series label the view could show (wide characters count two): the room
    /// kept at the lines' ends, so a series hidden or shown does not move the plot.
    pub label_units: usize,
}

/// A labelled position on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub label: String,
}

/// A marked run of months `x0..x1`, with a short label ("Claim: $409bn") and what it
/// comes to.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub x0: f64,
    pub x1: f64,
    pub label: String,
    pub tone: MarkTone,
}

/// What a mark says of its period: a claim that holds, one that is wrong or could not be
/// checked, or published figures that disagree or point to a revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkTone {
    Holds,
    Wrong,
    Unchecked,
    Note,
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
    /// Its style (see [`STYLES`](super::STYLES)): the colour, dash and marker, so colour is
    /// never the only cue.
    pub style: usize,
    /// Shared: the next view of the same values (a partner toggled, the chart type
    /// changed) draws from the same shape and its kept decimation.
    pub shape: Arc<Shape>,
}
