//! The claims' verdicts in words: each claim's note, one sentence per assertion, every
//! figure with the source-table rows (and their periods) it comes from.

use super::{published_growth, verdicts, Found, FoundHow, Verdict};
use crate::checks::{CheckKind, CheckNote, Mark, Tone};
use crate::dataset::{push_unique, Assertion, Claim, Compared, Dataset, FigureRef, Flow, Relation};
use crate::format::{amount_long_in, amount_short_in, percent_as_printed};
use crate::i18n::{fill, Lang};
use crate::measures::words::describe;
use crate::measures::Derived;
use crate::month::date_in;

/// The notes of the claims about `reporters`' figures, in the words of `lang`.
pub(in crate::checks) fn notes(
    d: &Dataset,
    reporters: &[&str],
    lang: Lang,
    derived: &Derived,
) -> Vec<CheckNote> {
    let about = |c: &&Claim| {
        c.asserts
            .iter()
            .flat_map(Assertion::figures)
            .any(|f| reporters.contains(&f.reporter.as_str()))
    };
    d.claims
        .iter()
        .filter(about)
        .map(|c| claim_note(d, c, lang, derived))
        .collect()
}

/// A claim's note: its words, who wrote them, and each verdict in a sentence; the verdicts
/// in a word or two as the note's mark.
fn claim_note(d: &Dataset, claim: &Claim, lang: Lang, derived: &Derived) -> CheckNote {
    let t = lang.text();
    let by = match d.source(&claim.source) {
        Some(s) => match &s.date {
            Some(date) => format!("{}, {}", s.publisher, date_in(date, lang)),
            None => s.publisher.clone(),
        },
        None => claim.source.clone(),
    };
    let mut text = fill(t.claim_line, &[("words", &claim.words), ("by", &by)]);
    let mut sources = vec![claim.source.clone()];
    let verdicts = verdicts(d, claim, derived);
    for (a, v) in claim.asserts.iter().zip(&verdicts) {
        text.push_str(lang.sentence_gap());
        text.push_str(&verdict_text(d, a, v, lang));
        for found in found_in(v) {
            push_unique(&mut sources, &found.sources);
        }
    }
    // The period the claim is about: its first figure's (a comparison's left side).
    let span = claim.asserts[0].figures()[0].span();
    let labels: Vec<String> = verdicts.iter().map(|v| v.label(lang)).collect();
    let tone = verdicts
        .iter()
        .map(Verdict::tone)
        .max()
        .unwrap_or(Tone::Unchecked);
    CheckNote {
        span,
        kind: CheckKind::Claim,
        text,
        short: claim_short(claim, tone, lang),
        sources,
        verdict: Some(Mark {
            label: labels.join(t.verdict_and),
            tone,
        }),
    }
}

/// A claim in a few words for its mark, led by what it comes to: "✗ Claim: $409bn",
/// "✓ Claim".
fn claim_short(claim: &Claim, tone: Tone, lang: Lang) -> String {
    let t = lang.text();
    let symbol = match tone {
        Tone::Holds => "✓",
        Tone::Wrong => "✗",
        Tone::Unchecked => "?",
    };
    let value = claim.asserts.iter().find_map(|a| match a {
        Assertion::Value {
            value, currency, ..
        } => Some(amount_short_in(*value, 0, *currency, lang)),
        _ => None,
    });
    let words = match value {
        Some(v) => fill(t.mark_claim_value, &[("value", &v)]),
        None => t.mark_claim.to_string(),
    };
    format!("{symbol} {words}")
}

/// The figures a verdict cites.
fn found_in(v: &Verdict) -> Vec<&Found> {
    match v {
        Verdict::Matches(f) | Verdict::Differs { found: f, .. } => vec![f],
        Verdict::WrongFlow { found, .. } => vec![found],
        Verdict::NoFigure { derived } => derived.iter().map(|(f, _)| f).collect(),
        Verdict::Holds { left, right } | Verdict::Fails { left, right } => vec![left, right],
        Verdict::Grew { growth, .. } => vec![growth],
        Verdict::CannotCheck { .. } => Vec::new(),
    }
}

/// A source-table row with the period of its figure: "Jan–Oct 2023 (obs-0307)".
fn row_label(f: &Found, row: &str, lang: Lang) -> String {
    match f.rows.iter().find(|(r, _)| r == row) {
        Some((_, span)) => fill(
            lang.text().row_ref,
            &[("period", &span.label_in(lang)), ("row", row)],
        ),
        None => row.to_string(),
    }
}

/// How a figure was obtained: its row (the subject names its period), the releases it is
/// derived from, or the figure and growth that imply it.
fn how_text(f: &Found, lang: Lang) -> String {
    match &f.how {
        FoundHow::Row(row) => row.clone(),
        FoundHow::Derived(how) => describe(how, &|r| row_label(f, r, lang), lang),
        FoundHow::Implied { next, growth } => {
            let sign = if *growth < 0.0 { '−' } else { '+' };
            let rate = percent_as_printed(growth.abs());
            let rate = rate.trim_start_matches('+');
            format!("{} ÷ (1 {sign} {rate})", row_label(f, next, lang))
        }
    }
}

/// A figure in words: "287.3 billion yuan (obs-0307)", "≈ 4.72 billion US dollars
/// (Derived: …)", "+0.03% (obs-0453)".
fn figure_text(f: &Found, lang: Lang) -> String {
    let approx = if f.approx { "≈ " } else { "" };
    let number = match f.currency {
        Some(c) => amount_long_in(f.value, f.decimals, c, lang),
        None => percent_as_printed(f.value),
    };
    let how = fill(lang.text().aside, &[("text", &how_text(f, lang))]);
    format!("{approx}{number}{how}")
}

/// "Xinjiang's total trade with the world in Jan–Oct 2023".
fn subject(d: &Dataset, f: &FigureRef, flow: Flow, lang: Lang) -> String {
    let reporter = d
        .reporter(&f.reporter)
        .map_or(f.reporter.clone(), |r| r.name_in(lang).to_string());
    fill(
        lang.text().claim_subject,
        &[
            ("reporter", &reporter),
            ("flow", d.flow_name(flow, lang)),
            ("partner", &d.partner_phrase(&f.partner, lang)),
            ("period", &f.span().label_in(lang)),
        ],
    )
}

/// One assertion's verdict in a sentence (the label is the note's mark, not repeated).
fn verdict_text(d: &Dataset, a: &Assertion, v: &Verdict, lang: Lang) -> String {
    let t = lang.text();
    let main = a.figures()[0];
    let mut text = match v {
        Verdict::Holds { left, right } | Verdict::Fails { left, right } => {
            comparison_text(d, a, v, (left, right), lang)
        }
        Verdict::Grew {
            growth, nearest, ..
        } => growth_text(d, main, growth, *nearest, lang),
        _ => value_text(d, main, v, lang),
    };
    if let Assertion::Value {
        yoy_pct: Some(claimed),
        ..
    } = a
    {
        text.push_str(&claimed_growth(d, main, *claimed, lang));
    }
    text.push_str(t.sentence_end);
    sentence_start(&text)
}

/// A sentence with its first letter capitalised (ASCII; a no-op for Chinese).
fn sentence_start(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => std::iter::once(c.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

/// A value assertion's verdict: the published figure of its flow (or another flow's, or
/// what the releases around the period give), and the claim's ratio to it.
fn value_text(d: &Dataset, main: &FigureRef, v: &Verdict, lang: Lang) -> String {
    let t = lang.text();
    let own = subject(d, main, main.flow, lang);
    let times = |r: f64| format!("{r:.1}");
    let (template, found, ratio, other) = match v {
        Verdict::Matches(found) => (t.verdict_matches_text, Some(found), None, None),
        Verdict::Differs { found, ratio } => {
            (t.verdict_differs_text, Some(found), Some(*ratio), None)
        }
        Verdict::WrongFlow { flow, found, ratio } => (
            t.verdict_wrong_flow_text,
            Some(found),
            Some(*ratio),
            Some(subject(d, main, *flow, lang)),
        ),
        Verdict::NoFigure { derived: None } => (t.verdict_no_figure_text, None, None, None),
        Verdict::NoFigure {
            derived: Some((found, ratio)),
        } => (t.verdict_no_figure_derived, Some(found), Some(*ratio), None),
        Verdict::CannotCheck { missing } => {
            let missing = subject(d, missing, missing.flow, lang);
            return fill(t.verdict_cannot_check_text, &[("subject", &missing)]);
        }
        Verdict::Holds { .. } | Verdict::Fails { .. } | Verdict::Grew { .. } => {
            unreachable!("comparisons and directions have their own words")
        }
    };
    fill(
        template,
        &[
            ("subject", &own),
            ("other", &other.unwrap_or_default()),
            (
                "figure",
                &found.map(|f| figure_text(f, lang)).unwrap_or_default(),
            ),
            ("ratio", &ratio.map(times).unwrap_or_default()),
        ],
    )
}

/// A comparison's verdict: both figures, and whether the relation holds.
fn comparison_text(
    d: &Dataset,
    a: &Assertion,
    v: &Verdict,
    (left, right): (&Found, &Found),
    lang: Lang,
) -> String {
    let t = lang.text();
    let Assertion::Comparison {
        left: l,
        right: r,
        measure,
        relation,
    } = a
    else {
        unreachable!("only a comparison holds or fails")
    };
    let holds = matches!(v, Verdict::Holds { .. });
    let relation = match (relation, holds) {
        (Relation::Greater, true) => t.relation_more,
        (Relation::Less, true) => t.relation_less,
        (Relation::Greater, false) => t.relation_not_more,
        (Relation::Less, false) => t.relation_not_less,
    };
    let template = match measure {
        Compared::Value => t.verdict_compare_value,
        Compared::Growth => t.verdict_compare_growth,
    };
    fill(
        template,
        &[
            ("left", &subject(d, l, l.flow, lang)),
            ("left_figure", &figure_text(left, lang)),
            ("relation", relation),
            ("right", &subject(d, r, r.flow, lang)),
            ("right_figure", &figure_text(right, lang)),
        ],
    )
}

/// A direction's verdict: the published growth of the period, or of the nearest period of
/// its year that has one.
fn growth_text(d: &Dataset, main: &FigureRef, growth: &Found, nearest: bool, lang: Lang) -> String {
    let t = lang.text();
    let template = match nearest {
        false => t.verdict_grew,
        true => t.verdict_grew_nearest,
    };
    let near = FigureRef {
        first: growth.span.first,
        last: growth.span.last,
        ..main.clone()
    };
    fill(
        template,
        &[
            ("subject", &subject(d, main, main.flow, lang)),
            ("nearest", &subject(d, &near, near.flow, lang)),
            ("figure", &figure_text(growth, lang)),
        ],
    )
}

/// The growth rate stated beside a claimed value, against the one published.
fn claimed_growth(d: &Dataset, f: &FigureRef, claimed: f64, lang: Lang) -> String {
    let t = lang.text();
    let published = published_growth(d, f).or_else(|| {
        let total = FigureRef {
            flow: Flow::Total,
            ..f.clone()
        };
        published_growth(d, &total)
    });
    match published {
        Some(g) if (g.value - claimed).abs() > 0.05 => fill(
            t.verdict_growth_differs,
            &[
                ("claimed", &percent_as_printed(claimed)),
                ("published", &figure_text(&g, lang)),
            ],
        ),
        _ => String::new(),
    }
}
