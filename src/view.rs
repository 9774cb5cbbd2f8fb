//! The first view: what the dashboard shows for a dataset, as plain data. It picks the
//! series, runs the period engine, and lays out the table rows, the figure-check notes
//! and the chart spec. No browser code: the Leptos layer only renders this.

use crate::currency::Currency;
use crate::dataset::{push_unique, Dataset, Flow, Observation, PartnerKind, Series};
use crate::format::{amount_long_in, decimals_for, join_and_in, percent, unit_label_in};
use crate::i18n::{fill, Lang};
use crate::measures::Derived;
use crate::month::Span;
use crate::periods::{Derivation, PeriodFlag, Provenance};

/// Which series the view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewSpec {
    pub reporter: String,
    pub flow: Flow,
    pub partners: Vec<String>,
    pub currency: Currency,
}

impl ViewSpec {
    /// The densest series (most published figures usable as fact), in its most used
    /// currency, plus the partner groups of the same reporter and flow.
    pub fn default_for(d: &Dataset) -> Option<ViewSpec> {
        // Facts per series and currency (yuan, dollars).
        let counts: Vec<[usize; 2]> = d
            .series
            .iter()
            .map(|s| [s.fact_count(Currency::CNY), s.fact_count(Currency::USD)])
            .collect();
        let at = |c: Currency| usize::from(c == Currency::USD);
        let facts = |i: usize, c: Currency| counts[i][at(c)];
        let (densest, currency) = (0..d.series.len())
            .flat_map(|i| [Currency::CNY, Currency::USD].map(|c| (i, c)))
            .max_by_key(|&(i, c)| (facts(i, c), c == Currency::CNY))
            .filter(|&(i, c)| facts(i, c) > 0)
            .map(|(i, c)| (&d.series[i], c))?;
        let mut partners = vec![densest.partner.clone()];
        for (i, s) in d.series.iter().enumerate() {
            let is_group = d
                .partner(&s.partner)
                .is_some_and(|p| p.kind == PartnerKind::Group);
            if s.reporter == densest.reporter
                && s.flow == densest.flow
                && is_group
                && !partners.contains(&s.partner)
                && facts(i, currency) > 0
                && partners.len() < 3
            {
                partners.push(s.partner.clone());
            }
        }
        Some(ViewSpec {
            reporter: densest.reporter.clone(),
            flow: densest.flow,
            partners,
            currency,
        })
    }
}

/// One plotted series with its derived periods.
#[derive(Debug, Clone)]
pub struct Plotted<'a> {
    pub series: &'a Series,
    pub label: String,
    pub derivation: std::sync::Arc<Derivation>,
}

/// What a table row measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A year-to-date total as published.
    YearToDate,
    /// The value of one reporting period (a month, or several months together).
    Period,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Measure::YearToDate => "Year to date",
            Measure::Period => "Period",
        }
    }
}

/// One row of the table of plotted values.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub span: Span,
    pub series: String,
    pub measure: Measure,
    /// Full units.
    pub value: f64,
    pub decimals: usize,
    /// How the value was obtained, in words.
    pub provenance: String,
    /// Row ids added and subtracted to get the value (one `plus` for an official figure).
    pub plus: Vec<String>,
    pub minus: Vec<String>,
    pub sources: Vec<String>,
    /// A caveat, e.g. a likely revision; such values are not drawn.
    pub caveat: Option<String>,
    pub drawn: bool,
}

/// What a figure-check note is about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CheckKind {
    /// A figure known to be wrong (not drawn).
    Disputed,
    /// Published figures in this currency that disagree beyond rounding.
    Conflict(Currency),
    /// A derived value that points to a revision or a mislabelled period.
    Revision,
}

/// A figure-check note: where published figures disagree or look wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckNote {
    pub span: Span,
    pub kind: CheckKind,
    pub text: String,
    pub sources: Vec<String>,
}

/// Everything the first view shows.
#[derive(Debug, Clone)]
pub struct FirstView<'a> {
    pub dataset: &'a Dataset,
    pub spec: ViewSpec,
    pub title: String,
    pub series: Vec<Plotted<'a>>,
    pub rows: Vec<TableRow>,
    pub checks: Vec<CheckNote>,
    /// Figures of the plotted series that this view does not draw, and why.
    pub not_drawn: Vec<String>,
    /// Ids of every source behind a drawn or listed figure, in first-use order.
    pub sources: Vec<String>,
    /// First and last month index on the time axis.
    pub months: (i64, i64),
    /// The language of the texts.
    pub lang: Lang,
    /// Disputed figures of the dataset (see [`Derived::disputed`]).
    disputed: std::sync::Arc<[(usize, usize)]>,
}

fn partner_phrase(d: &Dataset, code: &str, lang: Lang) -> String {
    match d.partner(code) {
        Some(p) if p.kind == PartnerKind::World => lang.text().the_world.to_string(),
        Some(p) => p.name_in(lang).to_string(),
        None => code.to_string(),
    }
}

impl<'a> FirstView<'a> {
    /// Builds the view of `spec` over `d`, in English.
    pub fn new(d: &'a Dataset, spec: ViewSpec) -> FirstView<'a> {
        FirstView::new_in(d, spec, Lang::En)
    }

    /// Builds the view of `spec` over `d` with its texts in `lang`.
    pub fn new_in(d: &'a Dataset, spec: ViewSpec, lang: Lang) -> FirstView<'a> {
        FirstView::build(d, spec, lang, false, &Derived::default())
    }

    /// Only the figure-check notes of `spec` in `lang`: what the dashboard shows of the
    /// first view, without its table, sources and notes (a table row for every period of
    /// a long series would cost more than the whole chart).
    pub fn checks_in(d: &Dataset, spec: ViewSpec, lang: Lang, derived: &Derived) -> Vec<CheckNote> {
        FirstView::build(d, spec, lang, true, derived).checks
    }

    fn build(
        d: &'a Dataset,
        spec: ViewSpec,
        lang: Lang,
        checks_only: bool,
        derived: &Derived,
    ) -> FirstView<'a> {
        let t = lang.text();
        let reporter = d
            .reporter(&spec.reporter)
            .map(|r| r.name_in(lang).to_string())
            .unwrap_or(spec.reporter.clone());
        let partner_names: Vec<String> = spec
            .partners
            .iter()
            .map(|p| partner_phrase(d, p, lang))
            .collect();
        let title = fill(
            t.title,
            &[
                ("reporter", &reporter),
                ("flow", d.flow_name(spec.flow, lang)),
                ("partners", &join_and_in(&partner_names, lang)),
            ],
        );
        let series: Vec<Plotted> = spec
            .partners
            .iter()
            .filter_map(|p| d.series(&spec.reporter, spec.flow, p))
            .map(|s| Plotted {
                series: s,
                label: d
                    .partner(&s.partner)
                    .map(|p| p.name_in(lang).to_string())
                    .unwrap_or(s.partner.clone()),
                derivation: derived.derivation_for(s, spec.currency, checks_only),
            })
            .collect();
        let mut view = FirstView {
            dataset: d,
            spec,
            title,
            series,
            rows: Vec::new(),
            checks: Vec::new(),
            not_drawn: Vec::new(),
            sources: Vec::new(),
            months: (0, 0),
            lang,
            disputed: derived.disputed(d),
        };
        view.rows = view.table_rows(checks_only);
        view.checks = view.check_notes();
        if checks_only {
            return view;
        }
        view.not_drawn = view.not_drawn_notes();
        let mut sources = Vec::new();
        for r in &view.rows {
            push_unique(&mut sources, &r.sources);
        }
        for c in &view.checks {
            push_unique(&mut sources, &c.sources);
        }
        view.sources = sources;
        let drawn = view.rows.iter().filter(|r| r.drawn);
        let first = drawn
            .clone()
            .map(|r| r.span.first.index())
            .min()
            .unwrap_or(0);
        let last = drawn.map(|r| r.span.last.index()).max().unwrap_or(first);
        view.months = (first, last);
        view
    }

    /// "billion yuan".
    pub fn unit(&self) -> &'static str {
        unit_label_in(self.spec.currency, self.lang)
    }

    /// A source-table row with its period: "Jan–Oct 2023 (obs-0055)".
    fn row_ref(&self, o: &Observation) -> String {
        fill(
            self.lang.text().row_ref,
            &[
                ("period", &o.span().label_in(self.lang)),
                ("row", &o.first_row()),
            ],
        )
    }

    /// The table: every year-to-date figure and period; with `flagged_only`, just the
    /// periods with a caveat (what the figure check needs).
    fn table_rows(&self, flagged_only: bool) -> Vec<TableRow> {
        let t = self.lang.text();
        let mut rows = Vec::new();
        for p in &self.series {
            let obs = |i: usize| p.series.figure(i);
            let cumulative = if flagged_only {
                &[][..]
            } else {
                &p.derivation.cumulative[..]
            };
            for c in cumulative {
                let o = &obs(c.observation);
                rows.push(TableRow {
                    span: c.span,
                    series: p.label.clone(),
                    measure: Measure::YearToDate,
                    value: c.value,
                    decimals: decimals_for(o.resolution.unwrap_or(1e7)),
                    provenance: fill(t.v_official_ytd, &[("row", &o.first_row())]),
                    plus: vec![o.first_row()],
                    minus: vec![],
                    sources: o.sources.to_vec(),
                    caveat: None,
                    drawn: true,
                });
            }
            let all: Vec<usize>;
            let indices = if flagged_only {
                &p.derivation.flagged
            } else {
                all = (0..p.derivation.periods.len()).collect();
                &all
            };
            for period in indices.iter().map(|&i| &p.derivation.periods[i]) {
                let (provenance, plus, minus, sources) = match &period.provenance {
                    Provenance::Official { observation } => {
                        let o = &obs(*observation);
                        let text =
                            if o.span() == period.span && o.basis == crate::dataset::Basis::Month {
                                fill(t.v_official_month, &[("row", &o.first_row())])
                            } else {
                                fill(
                                    t.v_official_first,
                                    &[
                                        ("period", &o.span().label_in(self.lang)),
                                        ("row", &o.first_row()),
                                    ],
                                )
                            };
                        (text, vec![o.first_row()], vec![], o.sources.to_vec())
                    }
                    Provenance::Derived(terms) => {
                        let crate::periods::Terms { plus, minus } = &**terms;
                        let term = |i: &usize| self.row_ref(&obs(*i));
                        let text = fill(
                            t.how_derived,
                            &[(
                                "terms",
                                &format!(
                                    "{}{}",
                                    plus.iter().map(term).collect::<Vec<_>>().join(" + "),
                                    minus
                                        .iter()
                                        .map(|i| format!(" − {}", term(i)))
                                        .collect::<String>()
                                ),
                            )],
                        );
                        let mut sources = Vec::new();
                        for i in plus.iter().chain(minus) {
                            push_unique(&mut sources, &obs(*i).sources);
                        }
                        (
                            text,
                            plus.iter().map(|i| obs(*i).first_row()).collect(),
                            minus.iter().map(|i| obs(*i).first_row()).collect(),
                            sources,
                        )
                    }
                };
                let caveat = match period.flag {
                    Some(PeriodFlag::NotPositive) => Some(t.v_not_positive.to_string()),
                    Some(PeriodFlag::DiffersFromDerived { derived }) => Some(fill(
                        t.v_differs_from_derived,
                        &[(
                            "derived",
                            &amount_long_in(derived, 2, self.spec.currency, self.lang),
                        )],
                    )),
                    None => None,
                };
                rows.push(TableRow {
                    span: period.span,
                    series: p.label.clone(),
                    measure: Measure::Period,
                    value: period.value,
                    decimals: 2,
                    provenance,
                    plus,
                    minus,
                    sources,
                    caveat,
                    drawn: period.drawable(),
                });
            }
        }
        rows.sort_by(|a, b| {
            (
                a.span.last,
                a.span.first,
                a.measure == Measure::Period,
                &a.series,
            )
                .cmp(&(
                    b.span.last,
                    b.span.first,
                    b.measure == Measure::Period,
                    &b.series,
                ))
        });
        rows
    }

    /// Disputed figures of the reporter, conflicts of the plotted series, and flagged periods.
    fn check_notes(&self) -> Vec<CheckNote> {
        let d = self.dataset;
        let t = self.lang.text();
        let mut notes = Vec::new();
        for &(s, o) in self.disputed.iter() {
            let s = &d.series[s];
            if s.reporter == self.spec.reporter {
                notes.push(self.disputed_note(s, &s.figure(o)));
            }
        }
        for p in &self.series {
            for c in d.conflicts_of(p.series) {
                // Conflicts with a disputed figure are told by the disputed figure's own note.
                if c.field != crate::dataset::ConflictField::Value
                    || c.figures.iter().any(|f| f.disputed)
                {
                    continue;
                }
                let currency = c.currency.unwrap_or(self.spec.currency);
                let figures: Vec<String> = c
                    .figures
                    .iter()
                    .map(|f| {
                        let tag = if f.disputed {
                            t.v_tag_disputed
                        } else if f.chosen {
                            t.v_tag_preferred
                        } else {
                            ""
                        };
                        fill(
                            t.v_figure,
                            &[
                                ("value", &amount_long_in(f.value, 2, currency, self.lang)),
                                ("rows", &f.rows.join(", ")),
                                ("tag", tag),
                            ],
                        )
                    })
                    .collect();
                let mut text = fill(
                    t.v_conflict,
                    &[
                        ("period", &c.span().label_in(self.lang)),
                        ("flow", d.flow_name(c.flow, self.lang)),
                        ("partner", &p.label),
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
                notes.push(CheckNote {
                    span: c.span(),
                    kind: CheckKind::Conflict(currency),
                    text,
                    sources,
                });
            }
        }
        for r in self
            .rows
            .iter()
            .filter(|r| r.caveat.is_some() && r.measure == Measure::Period)
        {
            notes.push(CheckNote {
                span: r.span,
                kind: CheckKind::Revision,
                text: fill(
                    t.v_revision,
                    &[
                        ("period", &r.span.label_in(self.lang)),
                        ("series", &r.series),
                        (
                            "value",
                            &amount_long_in(r.value, 2, self.spec.currency, self.lang),
                        ),
                        ("provenance", &r.provenance),
                        ("caveat", r.caveat.as_deref().unwrap_or_default()),
                    ],
                ),
                sources: r.sources.clone(),
            });
        }
        notes.sort_by_key(|n| (n.span.last, n.span.first));
        notes
    }

    fn disputed_note(&self, s: &Series, o: &Observation) -> CheckNote {
        let d = self.dataset;
        let (t, lang) = (self.lang.text(), self.lang);
        let currency = o.currency.unwrap_or(Currency::USD);
        let claim = amount_long_in(
            o.value.unwrap_or_default(),
            decimals_for(o.resolution.unwrap_or(1e8)).min(1),
            currency,
            lang,
        );
        let mut text = fill(
            t.v_disputed,
            &[
                ("period", &o.span().label_in(lang)),
                ("claim", &claim),
                ("flow", d.flow_name(s.flow, lang)),
                ("partner", &partner_phrase(d, &s.partner, lang)),
                ("row", &o.first_row()),
            ],
        );
        let mut sources = o.sources.to_vec();
        // What customs published for the same period, in either currency.
        let official = d
            .series(&s.reporter, Flow::Total, &s.partner)
            .into_iter()
            .flat_map(|t| {
                t.figures()
                    .map(|(_, x)| x)
                    .filter(|x| x.is_fact() && x.span() == o.span() && x.basis == o.basis)
            });
        let figures: Vec<String> = official
            .map(|x| {
                push_unique(&mut sources, &x.sources);
                let c = x.currency.unwrap_or(Currency::CNY);
                let conversion = if x.flags.contains(&crate::dataset::Flag::PublisherConversion) {
                    t.v_publisher_conversion
                } else {
                    ""
                };
                // A publisher's dollar conversion carries the yuan growth rate: give it once,
                // with the yuan figure.
                let growth = if conversion.is_empty() {
                    x.yoy_pct
                        .map(|p| fill(t.v_growth, &[("growth", &percent(p))]))
                        .unwrap_or_default()
                } else {
                    String::new()
                };
                fill(
                    t.v_customs_figure,
                    &[
                        (
                            "value",
                            &amount_long_in(
                                x.value.unwrap_or_default(),
                                decimals_for(x.resolution.unwrap_or(1e7)),
                                c,
                                lang,
                            ),
                        ),
                        ("conversion", conversion),
                        ("growth", &growth),
                        ("row", &x.first_row()),
                    ],
                )
            })
            .collect();
        if !figures.is_empty() {
            let template = if s.flow == Flow::Total {
                t.v_customs_total
            } else {
                t.v_customs_total_not_flow
            };
            text.push_str(&fill(
                template,
                &[
                    ("flow", d.flow_name(s.flow, lang)),
                    ("figures", &join_and_in(&figures, lang)),
                ],
            ));
            if let (Some(v), Some(c)) = (o.value, o.currency) {
                let same_currency = d
                    .series(&s.reporter, Flow::Total, &s.partner)
                    .and_then(|t| {
                        t.figures()
                            .map(|(_, x)| x)
                            .find(|x| x.is_fact() && x.span() == o.span() && x.currency == Some(c))
                    });
                if let Some(x) = same_currency.and_then(|x| x.value).filter(|x| *x > 0.0) {
                    let ratio = v / x;
                    if (9.0..=11.0).contains(&ratio) {
                        text.push_str(&fill(t.v_unit_slip, &[("ratio", &format!("{ratio:.1}"))]));
                    }
                }
            }
            // The disputed report's growth rate, against the one customs published.
            let customs_growth = d
                .series(&s.reporter, Flow::Total, &s.partner)
                .and_then(|t| {
                    t.figures()
                        .map(|(_, x)| x)
                        .find(|x| x.is_fact() && x.span() == o.span() && x.yoy_pct.is_some())
                });
            if let (Some(claimed), Some(official)) =
                (o.yoy_pct, customs_growth.and_then(|x| x.yoy_pct))
            {
                if (claimed - official).abs() > 0.05 {
                    text.push_str(&fill(
                        t.v_growth_differs,
                        &[
                            ("claimed", &percent(claimed)),
                            ("official", &percent(official)),
                        ],
                    ));
                }
            }
        } else {
            // Derive the period from the total-trade series itself, plotted or not, in yuan
            // (customs publishes yuan), leaving out publishers' own conversions.
            let total = d.series(&s.reporter, Flow::Total, &s.partner);
            let derived = total.and_then(|total| {
                let derivation = crate::periods::derive_with(total, Currency::CNY, |x| {
                    !x.flags.contains(&crate::dataset::Flag::PublisherConversion)
                });
                derivation
                    .periods
                    .into_iter()
                    .find(|x| x.span == o.span() && x.drawable())
                    .map(|x| (total, x))
            });
            match derived {
                Some((total, x)) => {
                    let obs = |i: usize| total.figure(i);
                    let terms = match &x.provenance {
                        Provenance::Derived(terms) => format!(
                            "{}{}",
                            terms
                                .plus
                                .iter()
                                .map(|i| self.row_ref(&obs(*i)))
                                .collect::<Vec<_>>()
                                .join(" + "),
                            terms
                                .minus
                                .iter()
                                .map(|i| format!(" − {}", self.row_ref(&obs(*i))))
                                .collect::<String>()
                        ),
                        Provenance::Official { observation } => obs(*observation).first_row(),
                    };
                    let ids: Vec<usize> = match &x.provenance {
                        Provenance::Derived(terms) => {
                            let crate::periods::Terms { plus, minus } = &**terms;
                            plus.iter().chain(minus).copied().collect()
                        }
                        Provenance::Official { observation } => vec![*observation],
                    };
                    for i in ids {
                        push_unique(&mut sources, &obs(i).sources);
                    }
                    text.push_str(&fill(
                        t.v_derived_instead,
                        &[
                            ("value", &amount_long_in(x.value, 2, Currency::CNY, lang)),
                            ("terms", &terms),
                        ],
                    ));
                }
                None => text.push_str(t.v_no_customs_figure),
            }
        }
        CheckNote {
            span: o.span(),
            kind: CheckKind::Disputed,
            text,
            sources,
        }
    }

    fn not_drawn_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        for p in &self.series {
            // Periods with a figure in the chart's currency, then the other currency's
            // figures for any other period (one pass each: a long run has many).
            let facts = || p.series.figures().map(|(_, o)| o).filter(|o| o.is_fact());
            let drawn: std::collections::HashSet<crate::month::Span> = facts()
                .filter(|o| o.currency == Some(self.spec.currency))
                .map(|o| o.span())
                .collect();
            let other: Vec<String> = facts()
                .filter(|o| o.currency.is_some_and(|c| c != self.spec.currency))
                .filter(|o| !drawn.contains(&o.span()))
                .map(|o| o.span().label())
                .collect();
            if !other.is_empty() {
                notes.push(format!(
                    "{}: figures published only in {} ({}) are not drawn in this {} chart.",
                    p.label,
                    if self.spec.currency == Currency::CNY {
                        "US dollars"
                    } else {
                        "yuan"
                    },
                    other.join(", "),
                    if self.spec.currency == Currency::CNY {
                        "yuan"
                    } else {
                        "dollar"
                    }
                ));
            }
        }
        notes
    }
}
