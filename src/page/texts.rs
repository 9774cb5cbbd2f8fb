//! The page's sentences: the title, the key-figures line a reporter would quote, the notes
//! under the chart, and the chart's text alternative, made from the data.

use super::values::{money, Inputs};
use super::wording::ValueKind;
use super::Page;
use crate::dataset::{push_unique, Dataset, Flow, PartnerKind, RateBasis};
use crate::format::{amount_short_in, join_and_in, percent, unit_label_in};
use crate::i18n::{fill, Lang};
use crate::measures::{self, average_rate, Cut, Point};
use crate::month::Span;
use crate::selection::Selection;
use crate::urlstate::{ChartKind, FlowChoice, MeasureKind, Notice};

/// "Xinjiang: total trade with the world and Central Asia (5)"; with a compared reporter,
/// "Xinjiang and China: …", or for a share of it, "Xinjiang as a share of China: …".
pub(super) fn title(
    d: &Dataset,
    selection: &Selection,
    measure: MeasureKind,
    lang: Lang,
) -> String {
    let t = lang.text();
    let name = |code: &str| {
        d.reporter(code)
            .map(|r| r.name_in(lang).to_string())
            .unwrap_or(code.to_string())
    };
    let reporter = name(&selection.reporter);
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
    let template = match (&selection.compare, measure) {
        (None, _) => t.title,
        (Some(_), MeasureKind::ReporterShare) => t.title_share_of,
        (Some(_), _) => t.title_compare,
    };
    let compare = selection.compare.as_deref().map(name).unwrap_or_default();
    fill(
        template,
        &[
            ("reporter", &reporter),
            ("compare", &compare),
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
    let partner = match inputs.d.partner(&first.code) {
        Some(p) if p.kind == PartnerKind::World => t.the_world.to_string(),
        Some(p) => p.name_in(inputs.lang).to_string(),
        None => first.label.clone(),
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
    let compared = page.series.iter().find(|s| {
        s.code == first.code
            && s.reporter != first.reporter
            && page.state.measure == MeasureKind::Yoy
    });
    match (page.wording.kind, compared) {
        (ValueKind::Money { .. }, _) => money_figures(page, inputs, &first.code, &subject),
        (_, Some(second)) => compare_figures(page, inputs, [first, second], &subject),
        _ => {
            let p = first.points.iter().rev().find(|p| p.drawable)?;
            Some(fill(
                t.kf_measure,
                &[
                    ("subject", &subject),
                    ("period", &p.span.label_in(inputs.lang)),
                    ("value", &page.wording.value_text(&p)),
                    ("measure", &lower_first(&page.wording.measure_label)),
                    ("sources", &sources_named(inputs.d, &p)),
                ],
            ))
        }
    }
}

/// Two reporters' values for the latest period both have: "Total trade with the world,
/// Jan–Oct 2023: Xinjiang +48.9%, China +0.03%".
fn compare_figures(
    page: &Page,
    inputs: &Inputs,
    series: [&super::SeriesOut; 2],
    subject: &str,
) -> Option<String> {
    let (t, lang) = (inputs.lang.text(), inputs.lang);
    let [a, b] = series;
    let (p, q) = a.points.iter().rev().filter(|p| p.drawable).find_map(|p| {
        let q = b.points.iter().find(|q| q.span == p.span && q.drawable)?;
        Some((p.into_owned(), q.into_owned()))
    })?;
    let name = |code: &str| {
        inputs
            .d
            .reporter(code)
            .map_or(code.to_string(), |r| r.name_in(lang).to_string())
    };
    let value = |reporter: &str, point: &Point| {
        let value = page.wording.value_text(point);
        fill(
            t.kf_compare_value,
            &[("reporter", &name(reporter)), ("value", &value)],
        )
    };
    let values = [value(&a.reporter, &p), value(&b.reporter, &q)];
    let mut sources = p.sources.to_vec();
    crate::dataset::push_unique(&mut sources, &q.sources);
    let both = Point {
        sources: sources.into(),
        ..p.clone()
    };
    Some(fill(
        t.kf_compare,
        &[
            ("subject", subject),
            ("period", &p.span.label_in(lang)),
            ("values", &values.join(", ")),
            ("sources", &sources_named(inputs.d, &both)),
        ],
    ))
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

/// " — publisher, publisher": the first two publishers of a value's sources.
fn sources_named(d: &Dataset, p: &Point) -> String {
    let mut names: Vec<&str> = Vec::new();
    for s in p.sources.iter().filter_map(|id| d.source(id)) {
        if names.len() < 2 && !names.contains(&s.publisher.as_str()) {
            names.push(&s.publisher);
        }
    }
    if names.is_empty() {
        String::new()
    } else {
        format!(" — {}", names.join(", "))
    }
}

/// How fresh the figures are: "Latest figures: 2025, published 23 Jan 2026." (the
/// latest period published for a shown series, and the earliest date a source printed it).
pub(super) fn freshness(page: &Page, d: &Dataset) -> Option<String> {
    let lang = page.wording.lang;
    let selection = page.selection();
    let mut latest: Option<(Span, Vec<String>)> = None;
    for s in &page.series {
        for flow in selection.flows() {
            let Some(series) = d.series(&s.reporter, *flow, &s.code) else {
                continue;
            };
            for (span, sources) in latest_of(series) {
                let key = |s: &Span| (s.last, s.len());
                match &mut latest {
                    // The same release seen in another series: its sources count too.
                    Some((l, all)) if key(l) == key(&span) => push_unique(all, &sources),
                    Some((l, _)) if key(l) > key(&span) => {}
                    _ => latest = Some((span, sources)),
                }
            }
        }
    }
    let (span, sources) = latest?;
    let first_date = sources
        .iter()
        .filter_map(|id| d.source(id)?.date.clone())
        .min();
    let t = lang.text();
    let period = span.label_in(lang);
    Some(match first_date {
        Some(date) => fill(
            t.fresh_line,
            &[
                ("period", &period),
                ("date", &crate::month::date_in(&date, lang)),
            ],
        ),
        None => fill(t.fresh_undated, &[("period", &period)]),
    })
}

/// A series' latest published figure (listed, and the last value of its monthly run): its
/// period and sources.
fn latest_of(series: &crate::dataset::Series) -> Vec<(Span, Vec<String>)> {
    let listed = series
        .observations
        .iter()
        .filter(|o| o.is_fact())
        .max_by_key(|o| (o.last, o.span().len()))
        .map(|o| (o.span(), o.sources.to_vec()));
    let run = series.monthly.as_ref().and_then(|run| {
        let k = (0..run.values.len())
            .rev()
            .find(|&k| run.values.get(k).flatten().is_some())?;
        Some((
            Span::single(run.first.offset(k as i64)),
            run.sources.to_vec(),
        ))
    });
    listed.into_iter().chain(run).collect()
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
                (
                    "unit",
                    unit_label_in(currency, lang, page.wording.magnitude),
                ),
                ("currency", currency.name_in(lang)),
                ("other", other.name_in(lang)),
                ("rates", &rates),
            ],
        ));
    }
    notes.push(t.note_periods.into());
    match page.state.measure {
        MeasureKind::Yoy => notes.push(t.note_yoy.into()),
        MeasureKind::ReporterShare => notes.push(t.note_share_of.into()),
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
    let measure = lower_first(&w.measure_label);
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

/// A label with its first letter in lower case, for the middle of a sentence ("Share of
/// China" → "share of China"; the labels start with an ASCII letter or a Chinese one,
/// and ASCII case needs no Unicode tables in the page's code).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => std::iter::once(c.to_ascii_lowercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

/// For one reporter's share of another: a notice per partner naming the periods the
/// reporter published and the compared one did not (no share is drawn for them).
pub(super) fn unmatched_share_notices(d: &Dataset, inputs: &Inputs) -> Vec<Notice> {
    const SHOWN: usize = 6;
    let (lang, selection) = (inputs.lang, inputs.selection);
    let t = lang.text();
    let name = |code: &str| {
        d.reporter(code)
            .map_or(code.to_string(), |r| r.name_in(lang).to_string())
    };
    let notice = |(code, spans): (String, Vec<Span>)| {
        let mut labels: Vec<String> = spans.iter().take(SHOWN).map(|s| s.label_in(lang)).collect();
        if spans.len() > SHOWN {
            let more = (spans.len() - SHOWN).to_string();
            labels.push(fill(t.n_more, &[("count", &more)]));
        }
        let partner = d.partner_phrase(&code, lang);
        Notice {
            param: "measure".into(),
            message: fill(
                t.notice_share_unmatched,
                &[
                    ("reporter", &name(&selection.reporter)),
                    ("partner", &partner),
                    (
                        "compare",
                        &name(selection.compare.as_deref().unwrap_or_default()),
                    ),
                    ("periods", &join_and_in(&labels, lang)),
                ],
            ),
        }
    };
    super::values::unmatched_share_periods(inputs)
        .into_iter()
        .map(notice)
        .collect()
}

/// Why the view opens on fewer years than the data has: when no range was asked for and
/// the default starts after the first month.
pub(super) fn range_note(page: &Page) -> Option<String> {
    let ((a, b), (first, _)) = (page.range?, page.bounds?);
    let asked = page.state.from.is_some() || page.state.to.is_some();
    let lang = page.wording.lang;
    (!asked && a > first).then(|| {
        fill(
            lang.text().range_note,
            &[
                ("from", &a.year().to_string()),
                ("to", &b.year().to_string()),
                ("releases", &super::facts::DENSE_RELEASES.to_string()),
            ],
        )
    })
}
