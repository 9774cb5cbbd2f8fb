//! The page's chart as a [`ChartSpec`] for [`crate::chart`] to draw: each series' shape
//! (steps across their months, or lines joining points), kept per values so that the next
//! view of the same values draws from the same shape; the events, the figure-check bands
//! and the theme.

use std::sync::Arc;

use super::{Page, SeriesOut, ValueKind};
use crate::chart::{
    ChartSeries, ChartSpec, ChartTheme, Mark, MarkTone, Marker, Panel, PanelKind, Shape, Step,
    Steps, ValueFormat,
};
use crate::checks::{CheckKind, CheckNote, Tone};
use crate::measures::{Brief, Points};
use crate::month::Month;
use crate::urlstate::{ChartKind, MeasureKind, Theme};

impl Page {
    /// The chart of this page at `width` × `height` pixels, with the view's theme resolved
    /// (`prefers_dark`: the reader's setting, for `theme=auto`).
    pub fn chart_spec(&self, width: u32, height: u32, prefers_dark: bool) -> ChartSpec {
        let kind = self.panel_kind();
        let series = self
            .series
            .iter()
            .map(|s| ChartSeries {
                label: s.label.clone(),
                style: s.style,
                shape: self.shape_of(s, kind),
            })
            .collect();
        let (first, last) = self.range.unwrap_or_else(|| {
            let now = Month::new(2000, 1).expect("valid");
            (now, now)
        });
        ChartSpec {
            width,
            height,
            months: (first.index(), last.index()),
            // The measure is named in the page's caption (and in exported files).
            panels: vec![Panel {
                title: String::new(),
                y_label: self.wording.y_label.clone(),
                kind,
                series,
            }],
            alt_text: self.alt_text.clone(),
            lang: self.wording.lang,
            label_units: self.label_units,
            events: self.event_markers(),
            marks: self
                .mark_groups(first, last)
                .into_iter()
                .map(|g| g.mark)
                .collect(),
            theme: self.theme(prefers_dark),
            value_format: match self.wording.kind {
                ValueKind::Money { .. } => ValueFormat::Billions,
                _ => ValueFormat::Percent,
            },
        }
    }

    /// How the chart type draws this measure: values per period as steps across their
    /// months, other measures as lines.
    fn panel_kind(&self) -> PanelKind {
        match (self.state.chart, self.spans_months()) {
            (ChartKind::Line, true) => PanelKind::Steps,
            (ChartKind::Line, false) => PanelKind::Lines,
            (ChartKind::Bar, _) => PanelKind::Bars,
            (ChartKind::Area, _) => PanelKind::Area,
        }
    }

    /// The shape of series `s` for a panel of `kind`: only what the panel draws (joined
    /// points for lines, steps otherwise; a million values would otherwise keep both).
    fn shape_of(&self, s: &SeriesOut, kind: PanelKind) -> Arc<Shape> {
        let scale = self.wording.display_scale();
        let lines = kind == PanelKind::Lines;
        let how = (self.state.measure, scale.to_bits(), lines);
        let spans = self.spans_months();
        self.kept().shape(&s.points, how, || match lines {
            true => lines_of(&s.points, self.state.measure, spans, scale),
            false => steps_of(&s.points, spans, scale),
        })
    }

    /// The events as numbered marks on the time axis, when asked for.
    fn event_markers(&self) -> Vec<Marker> {
        if !self.state.events {
            return Vec::new();
        }
        let marker = |e: &super::EventItem| {
            let m: Month = e.date[..7].parse().ok()?;
            let day = f64::from(e.date[8..10].parse::<u8>().ok()?);
            Some(Marker {
                x: m.index() as f64 + (day - 1.0) / 31.0,
                label: e.number.to_string(),
            })
        };
        self.events.iter().filter_map(marker).collect()
    }

    /// The figure check's marks within `first..=last`: one per release month, labelled
    /// by its first note (claims first) and how many more there are, coloured by the worst
    /// of them; conflicts only in the page's currency.
    pub fn mark_groups(&self, first: Month, last: Month) -> Vec<MarkGroup> {
        let shown = |c: &CheckNote| match c.kind {
            CheckKind::Conflict(currency) => currency == self.state.currency,
            _ => true,
        };
        let mut groups: Vec<MarkGroup> = Vec::new();
        let within = self
            .checks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.span.last >= first && c.span.first <= last && shown(c));
        for (i, c) in within {
            let x0 = c.span.first.max(first).index() as f64;
            let x1 = (c.span.last.min(last).index() + 1) as f64;
            match groups.iter_mut().find(|g| g.mark.x1 == x1) {
                Some(g) => {
                    g.mark.x0 = g.mark.x0.min(x0);
                    g.checks.push(i);
                }
                None => groups.push(MarkGroup {
                    mark: Mark {
                        x0,
                        x1,
                        label: String::new(),
                        tone: MarkTone::Note,
                    },
                    checks: vec![i],
                }),
            }
        }
        for g in &mut groups {
            // Claims lead: they are the story the marks tell.
            crate::sorting::sort_by_key(&mut g.checks, |&i| {
                (self.checks[i].verdict.is_none(), self.checks[i].span.first)
            });
            let lead = &self.checks[g.checks[0]];
            g.mark.label = match g.checks.len() {
                1 => lead.short.clone(),
                n => format!("{} +{}", lead.short, n - 1),
            };
            g.mark.tone = g
                .checks
                .iter()
                .map(|&i| mark_tone(&self.checks[i]))
                .max_by_key(|t| tone_rank(*t))
                .unwrap_or(MarkTone::Note);
        }
        crate::sorting::sort_by(&mut groups, |a, b| a.mark.x1.total_cmp(&b.mark.x1));
        groups
    }

    /// The chart's colours for the view's theme.
    fn theme(&self, prefers_dark: bool) -> ChartTheme {
        let base = match self.state.theme.resolve(prefers_dark) {
            Theme::Dark => ChartTheme::DARK,
            _ => ChartTheme::LIGHT,
        };
        if self.state.transparent {
            base.transparent()
        } else {
            base
        }
    }
}

/// Each drawn value a step across its months (values per period, `spans`) or from the
/// end of its last month; a monthly run's steps are read from its values when drawn.
fn steps_of(points: &Points, spans: bool, scale: f64) -> Shape {
    if points.is_run() {
        let steps = Steps::Run {
            points: points.clone(),
            scale,
        };
        return Shape::new(Vec::new(), steps);
    }
    // Room for every value at once (kept as long as the values).
    let mut steps = Vec::with_capacity(points.len());
    steps.extend(points.briefs().filter(|p| p.drawable).map(|p| {
        let x0 = if spans {
            p.span.first.index()
        } else {
            p.span.last.index()
        };
        Step {
            x0: x0 as f64,
            x1: (p.span.last.index() + 1) as f64,
            y: p.value * scale,
        }
    }));
    Shape::new(Vec::new(), steps)
}

/// The drawn values as joined points: year-to-date values restart each January; other
/// measures join points less than a year apart.
fn lines_of(points: &Points, measure: MeasureKind, spans: bool, scale: f64) -> Shape {
    let mut segments: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut previous: Option<Brief> = None;
    for p in points.briefs().filter(|p| p.drawable) {
        let breaks = match previous {
            None => true,
            Some(q) if measure == MeasureKind::Ytd => q.span.last.year() != p.span.last.year(),
            Some(q) => p.span.last.index() - q.span.last.index() > 12,
        };
        if breaks {
            segments.push(Vec::new());
        }
        let x = x_of_months(p.span.first.index(), p.span.last.index(), spans);
        segments
            .last_mut()
            .expect("pushed")
            .push((x, p.value * scale));
        previous = Some(p);
    }
    for run in &mut segments {
        run.shrink_to_fit();
    }
    Shape::new(segments, Vec::new())
}

/// Month-index x where a value spanning months `first..=last` (indices) is drawn and hit:
/// the middle of its months when values span their months (`across_months`), the end of
/// its last month otherwise.
pub(super) fn x_of_months(first: i64, last: i64, across_months: bool) -> f64 {
    if across_months {
        (first as f64 + last as f64 + 1.0) / 2.0
    } else {
        (last + 1) as f64
    }
}

/// A mark of the figure check on the chart, and the notes (indices into the page's checks)
/// it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkGroup {
    pub mark: Mark,
    pub checks: Vec<usize>,
}

/// What a note comes to on the chart.
fn mark_tone(c: &CheckNote) -> MarkTone {
    match c.verdict.as_ref().map(|v| v.tone) {
        Some(Tone::Holds) => MarkTone::Holds,
        Some(Tone::Wrong) => MarkTone::Wrong,
        Some(Tone::Unchecked) => MarkTone::Unchecked,
        None => MarkTone::Note,
    }
}

/// Which tone a mark of several notes takes: the worst.
fn tone_rank(t: MarkTone) -> u8 {
    match t {
        MarkTone::Holds => 0,
        MarkTone::Note => 1,
        MarkTone::Unchecked => 2,
        MarkTone::Wrong => 3,
    }
}
