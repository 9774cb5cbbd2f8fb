//! What is written into plotters' SVG after it is drawn: dash patterns (plotters' SVG
//! backend cannot write one), each dense line's path in place of its stand-in, and the
//! root's role, title and label for screen readers.

use plotters::style::{Color, RGBColor, ShapeStyle};

/// A dashed line is one `<polyline>` with a `stroke-dasharray`, not one element per dash
/// as plotters' `DashedLineSeries` draws it (a dashed series of a hundred months was a
/// hundred elements for the browser to parse, lay out and paint). Plotters' SVG backend
/// cannot write a dash pattern, so a dashed line is drawn with an opacity no other
/// element has, and that attribute is rewritten afterwards ([`Dash::write`]).
#[derive(Clone, Copy)]
pub(super) enum Dash {
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

    pub(super) fn style(self, color: RGBColor, width: u32) -> ShapeStyle {
        color.mix(self.alpha()).stroke_width(width)
    }

    /// `svg` with this dash's marker opacity replaced by full opacity and its pattern.
    pub(super) fn write(self, svg: &str) -> String {
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
pub(super) const DENSE_ALPHA: f64 = 1.0 - 3.0 / 256.0;

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
pub(super) fn write_dense_paths(svg: &str, paths: &[Vec<String>]) -> String {
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

/// Adds `role="img"`, a `<title>` and `aria-labelledby` to the SVG root.
pub(super) fn add_accessibility(svg: String, alt_text: &str) -> String {
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
