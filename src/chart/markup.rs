//! What is written into plotters' SVG after it is drawn: dash patterns (plotters' SVG
//! backend cannot write one), each dense line's path in place of its stand-in, a group
//! around each series (and around the labels at the lines' ends), and the root's role,
//! title and label for screen readers.

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

/// Where a series' elements start and end, and where the labels at the lines' ends start,
/// drawn as stand-ins of one point whose opacities no other element has (exact in binary);
/// the stroke's red channel of a series' start carries its style. [`write_groups`] turns
/// them into `<g class="series" data-style="3">`, `<g class="labels">` and `</g>`, so a
/// series that stays drawn the same is the same markup whatever else is shown.
#[derive(Clone, Copy)]
pub(super) enum GroupMark {
    Series(usize),
    Labels,
    Marks,
    End,
}

impl GroupMark {
    fn alpha(self) -> f64 {
        match self {
            GroupMark::Series(_) => 1.0 - 5.0 / 256.0,
            GroupMark::Labels => 1.0 - 7.0 / 256.0,
            GroupMark::Marks => 1.0 - 9.0 / 256.0,
            GroupMark::End => 1.0 - 6.0 / 256.0,
        }
    }

    /// The stand-in's style.
    pub(super) fn style(self) -> ShapeStyle {
        let style = match self {
            GroupMark::Series(k) => k as u8,
            _ => 0,
        };
        RGBColor(style, 0, 0).mix(self.alpha()).stroke_width(1)
    }
}

/// `svg` with each group stand-in ([`GroupMark`]) replaced by its group's tag.
pub(super) fn write_groups(svg: &str) -> String {
    let marks = [
        GroupMark::Series(0),
        GroupMark::Labels,
        GroupMark::Marks,
        GroupMark::End,
    ]
    .map(|m| (m, format!("opacity=\"{}\"", m.alpha())));
    let mut out = String::with_capacity(svg.len() + 256);
    let mut rest = svg;
    loop {
        let found = marks
            .iter()
            .filter_map(|(m, text)| rest.find(text.as_str()).map(|at| (at, *m)))
            .min_by_key(|(at, _)| *at);
        let Some((at, mark)) = found else { break };
        let (Some(open), Some(len)) = (rest[..at].rfind("<polyline "), rest[at..].find("/>"))
        else {
            break;
        };
        out.push_str(&rest[..open]);
        let element = &rest[open..at + len + 2];
        out.push_str(&match mark {
            GroupMark::Series(_) => {
                let red = element
                    .split("stroke=\"#")
                    .nth(1)
                    .and_then(|c| u8::from_str_radix(c.get(..2)?, 16).ok())
                    .unwrap_or(0);
                format!("<g class=\"series\" data-style=\"{red}\">")
            }
            GroupMark::Labels => "<g class=\"labels\">".to_string(),
            GroupMark::Marks => "<g class=\"marks\">".to_string(),
            GroupMark::End => "</g>".to_string(),
        });
        rest = &rest[at + len + 2..];
    }
    out.push_str(rest);
    out
}

/// A chart's SVG in parts, to change in the page only what changed between two views:
/// everything before the first series (`head`, the title's text taken out into `title`),
/// each series' group with its style, the group of labels at the lines' ends, the group
/// of the figure check's marks, and the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgParts<'a> {
    pub head: [&'a str; 2],
    pub title: &'a str,
    pub series: Vec<(usize, &'a str)>,
    pub labels: &'a str,
    pub marks: &'a str,
    pub tail: &'a str,
}

/// The parts of `svg` (as [`super::render`] writes it); None when it has no series groups.
pub fn svg_parts(svg: &str) -> Option<SvgParts<'_>> {
    let title_open = svg.find("<title id=\"chart-title\">")? + "<title id=\"chart-title\">".len();
    let title_close = title_open + svg[title_open..].find("</title>")?;
    let first = svg.find("<g class=\"series\"")?;
    let mut series = Vec::new();
    let mut at = first;
    while svg[at..].starts_with("<g class=\"series\"") {
        let style = svg[at..]
            .split("data-style=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|n| n.parse().ok())?;
        let end = at + group_len(&svg[at..])?;
        series.push((style, &svg[at..end]));
        at = end + svg[end..].len() - svg[end..].trim_start().len();
    }
    let mut group = |class: &str| {
        let found = svg[at..]
            .starts_with(&format!("<g class=\"{class}\">"))
            .then(|| group_len(&svg[at..]).map(|n| &svg[at..at + n]))
            .flatten()
            .unwrap_or("");
        at += found.len();
        at += svg[at..].len() - svg[at..].trim_start().len();
        found
    };
    let labels = group("labels");
    let marks = group("marks");
    Some(SvgParts {
        head: [&svg[..title_open], &svg[title_close..first]],
        title: &svg[title_open..title_close],
        series,
        labels,
        marks,
        tail: &svg[at..],
    })
}

/// The length of the group `<g …>…</g>` that `text` starts with (groups may nest).
fn group_len(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    loop {
        let open = text[at..].find("<g ").map(|i| at + i);
        let close = text[at..].find("</g>").map(|i| at + i)?;
        match open {
            Some(o) if o < close => {
                depth += 1;
                at = o + 3;
            }
            _ => {
                depth = depth.checked_sub(1)?;
                at = close + 4;
                if depth == 0 {
                    return Some(at);
                }
            }
        }
    }
}
