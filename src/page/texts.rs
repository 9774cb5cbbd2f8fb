//! The page's sentences: the title, the key-figures line a reporter would quote, the notes
//! under the chart, and the chart's text alternative, made from the data.

use super::values::{money, Inputs};
use super::wording::ValueKind;
use super::Page;
use crate::dataset::{Dataset, Flow, PartnerKind, RateBasis};
use crate::format::{amount_short_in, join_and_in, percent, unit_label_in};
use crate::i18n::{fill, Lang};
use crate::measures::{self, average_rate, Cut, Point};
use crate::month::Span;
use crate::selection::Selection;
use crate::urlstate::{ChartKind, FlowChoice, MeasureKind};

/// "Xinjiang: total trade with the world and Central Asia (5)".
pub(super) fn title(d: &Dataset, selection: &Selection, lang: Lang) -> String {
    let t = lang.text();
    let reporter = d
        .reporter(&selection.reporter)
        .map(|r| r.name_in(lang).to_string())
        .unwrap_or(selection.reporter.clone());
    let partners: Vec<String> = selection
        .partners
        .iter()
        .map(|c| match d.partner(c) {
            Some(p) if p.kind == PartnerKind::World => t.the_world.to_string(),
            Some(p) => p.name_in(lang).to_string(),
            None => c.clone(),
        })
        .collect();
    let flow = match selection.flow {
        FlowChoice::Total => d.flow_name(Flow::Total, lang),
        FlowChoice::Exports => d.flow_name(Flow::Exports, lang),
        FlowChoice::Imports => d.flow_name(Flow::Imports, lang),
        FlowChoice::Balance => t.flow_balance,
    };
    fill(
        t.title,
        &[
            ("reporter", &reporter),
            ("flow", flow),
            ("partners", &join_and_in(&partners, lang)),
        ],
    )
}

/// The sentence a reporter would quote: for money measures, the latest year-to-date
/// figure of the first series in the range, in both currencies, with its growth;
/// otherwise the measure's latest value.
pub(super) fn key_figures(page: &Page, inputs: &Inputs) -> Option<String> {
    let t = inputs.lang.text();
    let first = page.series.first()?;
    let partner = if first.code == "world" {
        t.the_world.to_string()
    } else {
        first.label.clone()
    };
    let subject = fill(
        match page.state.flow {
            FlowChoice::Total => t.kf_total,
            FlowChoice::Exports => t.kf_exports,
            FlowChoice::Imports => t.kf_imports,
            FlowChoice::Balance => t.kf_balance,
        },
        &[("partner", &partner)],
    );
    match page.wording.kind {
        ValueKind::Money { .. } => money_figures(page, inputs, &first.code, &subject),
        _ => {
            let p = first.points.iter().rev().find(|p| p.drawable)?;
            Some(fill(
                t.kf_measure,
                &[
                    ("subject", &subject),
                    ("period", &p.span.label_in(inputs.lang)),
                    ("value", &page.wording.value_text(&p)),
                    ("measure", &page.wording.measure_label.to_lowercase()),
                    ("sources", &sources_named(inputs.d, &p)),
                ],
            ))
        }
    }
}

/// The key figures of a money measure: partner `code`'s latest year-to-date figure in the
/// range, in the page's currency and the other, with its growth on a year earlier.
fn money_figures(page: &Page, inputs: &Inputs, code: &str, subject: &str) -> Option<String> {
    let (lang, currency) = (inputs.lang, inputs.selection.currency);
    let t = lang.text();
    let ytd = money(inputs, code, currency, Cut::YearToDate).to_vec();
    let in_range = |p: &&Point| {
        page.range
            .is_none_or(|(a, b)| p.span.last >= a && p.span.last <= b)
    };
    let p = ytd.iter().rev().filter(in_range).find(|p| p.drawable)?;
    let approx = |yes: bool| if yes { "≈ " } else { "" };
    let main = format!(
        "{}{}",
        approx(p.approx),
        amount_short_in(p.value, 2, currency, lang)
    );
    let other = currency.other();
    let same_period = money(inputs, code, other, Cut::YearToDate)
        .iter()
        .find(|q| q.span == p.span)
        .map(|q| (q.value, q.approx));
    let alt = same_period
        .map(|(v, is_approx)| {
            let value = format!(
                "{}{}",
                approx(is_approx),
                amount_short_in(v, 1, other, lang)
            );
            fill(t.kf_other_currency, &[("value", &value)])
        })
        .unwrap_or_default();
    let growth = measures::yoy(&ytd)
        .into_iter()
        .find(|g| g.span == p.span)
        .map(|g| fill(t.kf_growth, &[("growth", &percent(g.value))]))
        .unwrap_or_default();
    Some(fill(
        t.kf_money,
        &[
            ("subject", subject),
            ("period", &p.span.label_in(lang)),
            ("value", &main),
            ("other", &alt),
            ("growth", &growth),
            ("sources", &sources_named(inputs.d, p)),
        ],
    ))
}

/// " — publisher, publisher": the first two sources of a value, by publisher.
fn sources_named(d: &Dataset, p: &Point) -> String {
    let names: Vec<&str> = p
        .sources
        .iter()
        .filter_map(|id| d.source(id))
        .map(|s| s.publisher.as_str())
        .take(2)
        .collect();
    if names.is_empty() {
        String::new()
    } else {
        format!(" — {}", names.join(", "))
    }
}

/// The notes under the chart: the currency and its conversions, how periods are made, and
/// the measure's own note.
pub(super) fn notes(page: &Page, d: &Dataset) -> Vec<String> {
    let lang = page.wording.lang;
    let t = lang.text();
    let mut notes = Vec::new();
    if let ValueKind::Money { currency, .. } = page.wording.kind {
        let other = currency.other();
        let rates = rate_series(d).unwrap_or_else(|| t.no_rate_series.into());
        notes.push(fill(
            t.note_currency,
            &[
                ("unit", unit_label_in(currency, lang)),
                ("currency", currency.name_in(lang)),
                ("other", other.name_in(lang)),
                ("rates", &rates),
            ],
        ));
    }
    notes.push(t.note_periods.into());
    match page.state.measure {
        MeasureKind::Yoy => notes.push(t.note_yoy.into()),
        MeasureKind::Share | MeasureKind::Contribution => notes.push(t.note_share.into()),
        MeasureKind::Rolling12 => notes.push(t.note_rolling12.into()),
        _ => {}
    }
    notes
}

/// The rate series used for conversions, if the dataset has monthly rates.
fn rate_series(d: &Dataset) -> Option<String> {
    let any = d
        .exchange_rates
        .iter()
        .find(|r| r.basis == RateBasis::Month)?;
    average_rate(d, Span::single(any.first)).map(|r| r.rate_series)
}

/// A text alternative generated from the data: what is drawn, over which months, in
/// which unit, the highest and the latest value of each series. No causal claims.
pub(super) fn alt_text(page: &Page) -> String {
    let w = &page.wording;
    let (t, lang) = (w.lang.text(), w.lang);
    let kind = match page.state.chart {
        ChartKind::Line => t.chart_line,
        ChartKind::Bar => t.chart_bar,
        ChartKind::Area => t.chart_area,
    };
    let measure = w.measure_label.to_lowercase();
    let mut text = match page.range {
        Some((a, b)) => fill(
            t.alt_head,
            &[
                ("kind", kind),
                ("title", &page.title),
                ("measure", &measure),
                ("from", &a.label_in(lang)),
                ("to", &b.label_in(lang)),
                ("unit", &w.y_label),
            ],
        ),
        None => fill(
            t.alt_empty,
            &[
                ("kind", kind),
                ("title", &page.title),
                ("measure", &measure),
            ],
        ),
    };
    for s in &page.series {
        text.push_str(&series_alt_text(page, s));
    }
    text
}

/// One series in the text alternative: its highest and latest value, and for money, the
/// latest value's change on the same period a year earlier.
fn series_alt_text(page: &Page, s: &super::SeriesOut) -> String {
    let w = &page.wording;
    let (t, lang) = (w.lang.text(), w.lang);
    let facts = page.kept().facts(&s.points);
    let (Some(high), Some(latest)) = (
        facts.high.map(|i| s.points.at(i)),
        facts.latest.map(|i| s.points.at(i)),
    ) else {
        return String::new();
    };
    let growth = match w.kind {
        ValueKind::Money { .. } => s
            .points
            .iter()
            // From the end: a year earlier is near the latest value.
            .rev()
            .filter(|q| q.drawable)
            .find(|q| q.span == latest.span.year_earlier() && q.value > 0.0)
            .map(|q| {
                let change = percent((latest.value / q.value - 1.0) * 100.0);
                fill(t.alt_growth, &[("growth", &change)])
            })
            .unwrap_or_default(),
        _ => String::new(),
    };
    fill(
        t.alt_series,
        &[
            ("series", &s.label),
            ("high", &w.value_text(&high)),
            ("high_period", &high.span.label_in(lang)),
            ("latest", &w.value_text(&latest)),
            ("latest_period", &latest.span.label_in(lang)),
            ("growth", &growth),
        ],
    )
}
