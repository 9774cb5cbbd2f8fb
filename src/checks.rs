//! The figure check: where published figures are disputed, disagree, or point to a
//! revision, for the series a view selects. Each note says what was published, by which
//! source-table rows, and what customs published instead; nothing here is drawn as fact.
//!
//! - disputed figures of the reporter ([`disputed_figures`]), checked against customs' figures for
//!   the same period;
//! - published figures of a shown series that disagree beyond rounding (the dataset's
//!   conflicts);
//! - periods derived from releases that point to a revision (flagged by the period engine).

mod claims;
mod disputed;

pub use claims::{verdicts, Found, FoundHow, Verdict};

use crate::currency::Currency;
use crate::dataset::{push_unique, ConflictField, Dataset, Observation, Series, Status};
use crate::format::amount_long_in;
use crate::i18n::{fill, Lang};
use crate::measures::Derived;
use crate::month::Span;
use crate::periods::{PeriodFlag, PeriodValue, Provenance, Terms};
use crate::selection::Selection;

/// What a figure-check note is about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CheckKind {
    /// A figure known to be wrong (not drawn).
    Disputed,
    /// Published figures in this currency that disagree beyond rounding.
    Conflict(Currency),
    /// A derived value that points to a revision or a mislabelled period.
    Revision,
    /// A claim of a cited article, with its verdict.
    Claim,
}

/// A figure-check note: where published figures disagree or look wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckNote {
    pub span: Span,
    pub kind: CheckKind,
    pub text: String,
    /// The note in two or three words, for its mark on the chart ("Figures disagree",
    /// "Claim: $409bn").
    pub short: String,
    pub sources: Vec<String>,
    /// For a claim: its verdict in a word or two.
    pub verdict: Option<Mark>,
}

/// A claim's verdict in a word or two ("off by ×10", "holds"), and what it comes to.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub label: String,
    pub tone: Tone,
}

/// What a claim's verdicts come to, for the reader's eye: every assertion holds; one is
/// wrong; or, none wrong, one could not be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tone {
    Holds,
    Unchecked,
    Wrong,
}

impl Tone {
    /// The class name of the mark.
    pub fn code(self) -> &'static str {
        match self {
            Tone::Holds => "holds",
            Tone::Unchecked => "unchecked",
            Tone::Wrong => "wrong",
        }
    }
}

/// The disputed figures of `d` that carry a value, as (series, observation) indices in
/// dataset order (a monthly run's values are all preferred: only listed figures can be
/// disputed).
pub fn disputed_figures(d: &Dataset) -> Vec<(usize, usize)> {
    d.series
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.observations.iter().enumerate().filter_map(move |(j, o)| {
                (o.status == Status::Disputed && o.value.is_some()).then_some((i, j))
            })
        })
        .collect()
}

/// The notes for `selection` in `lang`, in time order: the reporter's disputed figures
/// (`disputed`, from [`disputed_figures`]), then, for each shown series, its conflicts and
/// the periods that point to a revision.
pub fn notes(
    d: &Dataset,
    selection: &Selection,
    lang: Lang,
    derived: &Derived,
    disputed: &[(usize, usize)],
) -> Vec<CheckNote> {
    let flow = selection.checked_flow();
    let reporters = selection.reporters();
    let shown: Vec<&Series> = reporters
        .iter()
        .flat_map(|r| selection.partners.iter().map(move |p| (r, p)))
        .filter_map(|(r, p)| d.series(r, flow, p))
        .collect();
    let mut notes: Vec<CheckNote> = disputed
        .iter()
        .map(|&(s, o)| (&d.series[s], o))
        .filter(|(s, _)| reporters.contains(&s.reporter.as_str()))
        .map(|(s, o)| disputed::note(d, s, &s.figure(o), lang))
        .collect();
    for s in &shown {
        notes.extend(conflict_notes(d, s, selection.currency, lang));
    }
    let qualify = selection.compare.is_some();
    notes.extend(revision_notes(
        d,
        &shown,
        (selection.currency, qualify),
        lang,
        derived,
    ));
    notes.extend(claims::notes(d, &reporters, lang, derived));
    crate::sorting::sort_by_key(&mut notes, |n| (n.span.last, n.span.first));
    notes
}

/// A reporter's name, or its code.
fn reporter_name(d: &Dataset, code: &str, lang: Lang) -> String {
    d.reporter(code)
        .map_or(code.to_string(), |r| r.name_in(lang).to_string())
}

/// A partner's name as a series label: its name, or its code.
fn partner_label(d: &Dataset, code: &str, lang: Lang) -> String {
    d.partner(code)
        .map(|p| p.name_in(lang).to_string())
        .unwrap_or(code.to_string())
}

/// The value conflicts of series `s` that no disputed figure is part of (a disputed
/// figure's own note tells those).
fn conflict_notes(d: &Dataset, s: &Series, currency: Currency, lang: Lang) -> Vec<CheckNote> {
    let t = lang.text();
    let told = |c: &&crate::dataset::Conflict| {
        c.field == ConflictField::Value && !c.figures.iter().any(|f| f.disputed)
    };
    let mut notes = Vec::new();
    for c in d.conflicts_of(s).filter(told) {
        let currency = c.currency.unwrap_or(currency);
        let figure = |f: &crate::dataset::ConflictFigure| {
            let tag = if f.disputed {
                t.v_tag_disputed
            } else if f.chosen {
                t.v_tag_preferred
            } else {
                ""
            };
            let value = amount_long_in(f.value, 2, currency, lang);
            fill(
                t.v_figure,
                &[
                    ("value", &value),
                    ("rows", &f.rows.join(", ")),
                    ("tag", tag),
                ],
            )
        };
        let figures: Vec<String> = c.figures.iter().map(figure).collect();
        let mut text = fill(
            t.v_conflict,
            &[
                ("period", &c.span().label_in(lang)),
                ("reporter", &reporter_name(d, &s.reporter, lang)),
                ("flow", d.flow_name(c.flow, lang)),
                ("partner", &d.partner_phrase(&s.partner, lang)),
                ("figures", &figures.join(t.v_vs)),
            ],
        );
        if let Some(cause) = &c.likely_cause {
            text.push_str(&fill(t.v_likely_cause, &[("cause", cause)]));
        }
        let mut sources = Vec::new();
        for f in &c.figures {
            push_unique(&mut sources, &f.sources);
        }
        let kind = CheckKind::Conflict(currency);
        let span = c.span();
        notes.push(CheckNote {
            span,
            kind,
            text,
            short: t.mark_disagree.to_string(),
            sources,
            verdict: None,
        });
    }
    notes
}

/// The periods of the shown series that point to a revision, by period, then series.
/// With `qualify` (two reporters shown), each series is named with its reporter.
fn revision_notes(
    d: &Dataset,
    shown: &[&Series],
    (currency, qualify): (Currency, bool),
    lang: Lang,
    derived: &Derived,
) -> Vec<CheckNote> {
    let mut flagged: Vec<(String, &Series, PeriodValue)> = Vec::new();
    for s in shown {
        let derivation = derived.derivation_for(s, currency, true);
        let partner = partner_label(d, &s.partner, lang);
        let label = match qualify {
            true => fill(
                lang.text().series_of_reporter,
                &[
                    ("reporter", &reporter_name(d, &s.reporter, lang)),
                    ("partner", &partner),
                ],
            ),
            false => partner,
        };
        for &i in &derivation.flagged {
            flagged.push((label.clone(), s, derivation.periods[i].clone()));
        }
    }
    crate::sorting::sort_by(&mut flagged, |a, b| {
        let key = |(label, _, p): &(String, &Series, PeriodValue)| {
            (p.span.last, p.span.first, label.clone())
        };
        key(a).cmp(&key(b))
    });
    flagged
        .into_iter()
        .filter_map(|(label, s, p)| revision_note(s, &label, &p, currency, lang))
        .collect()
}

fn revision_note(
    s: &Series,
    label: &str,
    period: &PeriodValue,
    currency: Currency,
    lang: Lang,
) -> Option<CheckNote> {
    let t = lang.text();
    let caveat = match period.flag? {
        PeriodFlag::NotPositive => t.v_not_positive.to_string(),
        PeriodFlag::DiffersFromDerived { derived } => fill(
            t.v_differs_from_derived,
            &[("derived", &amount_long_in(derived, 2, currency, lang))],
        ),
    };
    let (provenance, sources) = period_provenance(s, period, lang);
    let text = fill(
        t.v_revision,
        &[
            ("period", &period.span.label_in(lang)),
            ("series", label),
            ("value", &amount_long_in(period.value, 2, currency, lang)),
            ("provenance", &provenance),
            ("caveat", &caveat),
        ],
    );
    Some(CheckNote {
        span: period.span,
        kind: CheckKind::Revision,
        text,
        short: t.mark_revision.to_string(),
        sources,
        verdict: None,
    })
}

/// How a period's value was obtained, in words, and the sources of the figures behind it.
fn period_provenance(s: &Series, period: &PeriodValue, lang: Lang) -> (String, Vec<String>) {
    let t = lang.text();
    match &period.provenance {
        Provenance::Official { observation } => {
            let o = s.figure(*observation);
            let row = o.first_row();
            let text = if o.span() == period.span && o.basis == crate::dataset::Basis::Month {
                fill(t.v_official_month, &[("row", &row)])
            } else {
                let first = o.span().label_in(lang);
                fill(t.v_official_first, &[("period", &first), ("row", &row)])
            };
            (text, o.sources.to_vec())
        }
        Provenance::Derived(terms) => (
            fill(t.how_derived, &[("terms", &terms_text(s, terms, lang))]),
            terms_sources(s, terms),
        ),
    }
}

/// The figures a derived value adds and subtracts: "Jan–Oct 2023 (obs-0055) − Jan–Sep
/// 2023 (obs-0050)".
fn terms_text(s: &Series, terms: &Terms, lang: Lang) -> String {
    let term = |i: &usize| row_ref(&s.figure(*i), lang);
    let plus: Vec<String> = terms.plus.iter().map(term).collect();
    let minus: String = terms
        .minus
        .iter()
        .map(|i| format!(" − {}", term(i)))
        .collect();
    format!("{}{minus}", plus.join(" + "))
}

/// The sources of every figure a derived value adds or subtracts, each once.
fn terms_sources(s: &Series, terms: &Terms) -> Vec<String> {
    let mut sources = Vec::new();
    for i in terms.plus.iter().chain(&terms.minus) {
        push_unique(&mut sources, &s.figure(*i).sources);
    }
    sources
}

/// A source-table row with its period: "Jan–Oct 2023 (obs-0055)".
fn row_ref(o: &Observation, lang: Lang) -> String {
    fill(
        lang.text().row_ref,
        &[
            ("period", &o.span().label_in(lang)),
            ("row", &o.first_row()),
        ],
    )
}
