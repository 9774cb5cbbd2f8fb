//! Showing a new chart in place of the one on the page: when the two differ only in some
//! series (a partner hidden or shown at the same scale), only those series' groups, the
//! labels, the marks and the title change in the page; otherwise the whole SVG is replaced.

use crate::chart::{svg_parts, SvgParts};

/// Puts `new` (an SVG as the chart module writes it) into `host` in place of `old` (the
/// one shown): only what changed when the axes and the rest are the same; else all of it.
pub fn show_svg(host: &web_sys::Element, old: Option<&str>, new: &str) {
    let parts = old.and_then(svg_parts).zip(svg_parts(new));
    let patched = match parts {
        Some((o, n)) if o.head == n.head && o.tail == n.tail => patch(host, &o, &n).is_some(),
        _ => false,
    };
    if !patched {
        host.set_inner_html(new);
    }
}

/// Changes in `host` the parts of `o` that `n` has otherwise; None when the page's chart
/// is not laid out as `o` says (then the caller replaces it whole).
fn patch(host: &web_sys::Element, o: &SvgParts, n: &SvgParts) -> Option<()> {
    let find = |selector: &str| host.query_selector(selector).ok().flatten();
    let group = |style: usize| find(&format!("g.series[data-style=\"{style}\"]"));
    if o.title != n.title {
        find("title#chart-title")?.set_inner_html(n.title);
    }
    for (style, markup) in &o.series {
        if !n.series.contains(&(*style, *markup)) {
            group(*style)?.remove();
        }
    }
    for (i, (style, markup)) in n.series.iter().enumerate() {
        if o.series.contains(&(*style, *markup)) {
            continue;
        }
        // Before the next series kept on the page, or before the labels.
        let next = n.series[i + 1..].iter().find_map(|(s, _)| group(*s));
        let before = next.or_else(|| find("g.labels"))?;
        before.insert_adjacent_html("beforebegin", markup).ok()?;
    }
    for (class, old, new) in [("labels", o.labels, n.labels), ("marks", o.marks, n.marks)] {
        if old != new {
            find(&format!("g.{class}"))?.set_outer_html(new);
        }
    }
    Some(())
}
