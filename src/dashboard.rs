//! The full dashboard as plain data: the view state resolved against a dataset, the
//! measure computed for every chosen partner, the key-figures sentence, the notes, the
//! table rows and the CSV. The Leptos layer renders this; the chart layer draws it.

use crate::currency::Currency;
use crate::dataset::{Dataset, Event, Flow, PartnerKind, Series};
use crate::format::{
    amount_short_in, join_and_in, money_number, money_unit, percent, points_in, unit_label_in,
    with_unit,
};
use crate::i18n::{fill, Catalogue, Lang};
use crate::measures::{self, Computation, Cut, Derived, How, Point};
use crate::month::{Month, Span};
use crate::urlstate::{FlowChoice, MeasureKind, Notice, ViewState};
use crate::view::{CheckNote, FirstView, ViewSpec};

/// What kind of number a measure yields.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueKind {
    /// Money in a currency; `per_month` when multi-month periods are averaged per month.
    Money { currency: Currency, per_month: bool },
    /// Percent.
    Percent,
    /// Percentage points.
    Points,
}

/// One plotted series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesOut {
    /// Partner code (or `other` for the unallocated residual of contributions).
    pub code: String,
    pub label: String,
    pub style: usize,
    /// The values, shared with the dataset's kept derivations when the view shows them as
    /// they are (no copy of a long series per view).
    pub points: measures::Points,
}

/// Everything the dashboard shows for one view state.
#[derive(Debug, Clone)]
pub struct DashboardView<'a> {
    pub dataset: &'a Dataset,
    /// The state with the dataset's defaults filled in and bad values dropped.
    pub state: ViewState,
    pub reporter: String,
    pub title: String,
    pub measure_label: String,
    pub kind: ValueKind,
    /// The value axis label, with unit and currency.
    pub y_label: String,
    pub series: Vec<SeriesOut>,
    /// First and last month with a value (before the range is applied).
    pub bounds: Option<(Month, Month)>,
    /// The months shown.
    pub range: Option<(Month, Month)>,
    pub key_figures: Option<String>,
    pub notes: Vec<String>,
    pub checks: Vec<CheckNote>,
    pub events: Vec<Event>,
    pub notices: Vec<Notice>,
    /// The reader's language.
    pub lang: Lang,
    /// How a value of this view is put in words (its number, unit and provenance).
    pub wording: Wording,
    /// The dataset's derived values, shared with the views computed before and after.
    derived: std::sync::Arc<Derived>,
}

/// What puts one value of a view in words: the measure's kind, the language, the unit,
/// and the period of each source-table row a provenance names. Owned, so that a snapshot
/// can word a value when a reader reaches it rather than every value in advance.
#[derive(Debug, Clone, PartialEq)]
pub struct Wording {
    pub kind: ValueKind,
    pub lang: Lang,
    /// The value axis label, with unit and currency.
    pub y_label: String,
    /// The period of each source-table row of the shown partners, by (partner, row id):
    /// provenance names rows with their periods, and a scan per value would be quadratic.
    row_spans: std::collections::HashMap<(String, String), Span>,
}

impl Wording {
    /// The wording of values of `kind` in `lang`, with `y_label` as their unit.
    pub fn new(kind: ValueKind, lang: Lang, y_label: String) -> Wording {
        Wording {
            kind,
            lang,
            y_label,
            row_spans: Default::default(),
        }
    }

    /// A value as a reader reads it: "≈ 4.72", "+48.9%", "+19.3 pp" (in Chinese, money in
    /// 亿: "≈ 47.2").
    pub fn value_text(&self, p: &Point) -> String {
        let approx = if p.approx { "≈ " } else { "" };
        match self.kind {
            ValueKind::Money { .. } => format!("{approx}{}", money_number(p.value, 2, self.lang)),
            ValueKind::Percent => format!("{approx}{}", percent(p.value)),
            ValueKind::Points => format!("{approx}{}", points_in(p.value, self.lang)),
        }
    }

    /// A value with its unit: "≈ 4.72 billion yuan per month", "47.2亿元/月", "+48.9%".
    pub fn value_with_unit(&self, p: &Point) -> String {
        match self.kind {
            ValueKind::Money { .. } => with_unit(&self.value_text(p), &self.y_label, self.lang),
            _ => self.value_text(p),
        }
    }

    /// How many display units a full-unit value is (money in billions or 亿).
    pub fn display_scale(&self) -> f64 {
        match self.kind {
            ValueKind::Money { .. } => 1.0 / money_unit(self.lang),
            _ => 1.0,
        }
    }

    /// How a value was obtained, in words, with row ids and spans.
    pub fn provenance(&self, series_code: &str, p: &Point) -> String {
        let obs_span = |row: &str| -> String {
            self.row_spans
                .get(&(series_code.to_string(), row.to_string()))
                .map(|span| {
                    fill(
                        self.lang.text().row_ref,
                        &[("period", &span.label_in(self.lang)), ("row", row)],
                    )
                })
                .unwrap_or(row.to_string())
        };
        describe(&p.how, &obs_span, self.lang)
    }
}

/// Partner codes offered for a reporter and flow: those with any series, world first,
/// then groups, then countries.
pub fn partner_choices(d: &Dataset, reporter: &str) -> Vec<String> {
    let mut codes: Vec<&crate::dataset::Partner> = d
        .partners
        .iter()
        .filter(|p| {
            d.series
                .iter()
                .any(|s| s.reporter == reporter && s.partner == p.code)
        })
        .collect();
    codes.sort_by_key(|p| match p.kind {
        PartnerKind::World => 0,
        PartnerKind::Group => 1,
        PartnerKind::Country => 2,
    });
    codes.into_iter().map(|p| p.code.clone()).collect()
}

fn flows_of(choice: FlowChoice) -> Vec<Flow> {
    match choice {
        FlowChoice::Total => vec![Flow::Total],
        FlowChoice::Exports => vec![Flow::Exports],
        FlowChoice::Imports => vec![Flow::Imports],
        FlowChoice::Balance => vec![Flow::Exports, Flow::Imports],
    }
}

/// The flow in words: the dataset's names for published flows, the catalogue's for the
/// balance the page computes.
fn flow_label(d: &Dataset, choice: FlowChoice, lang: Lang) -> String {
    match choice {
        FlowChoice::Total => d.flow_name(Flow::Total, lang).to_string(),
        FlowChoice::Exports => d.flow_name(Flow::Exports, lang).to_string(),
        FlowChoice::Imports => d.flow_name(Flow::Imports, lang).to_string(),
        FlowChoice::Balance => lang.text().flow_balance.to_string(),
    }
}

/// Fills in the dataset's defaults and drops what the dataset does not have, with notices.
pub fn resolve(d: &Dataset, state: &ViewState) -> (ViewState, String, Vec<Notice>) {
    resolve_with(d, state, ViewSpec::default_for(d))
}

/// As [`resolve`], with the dataset's default view already found.
fn resolve_with(
    d: &Dataset,
    state: &ViewState,
    default: Option<ViewSpec>,
) -> (ViewState, String, Vec<Notice>) {
    let t = state.lang.unwrap_or_default().text();
    let mut notices = Vec::new();
    let mut state = state.clone();
    let reporter = match &state.reporter {
        Some(r) if d.reporter(r).is_some() => r.clone(),
        Some(r) => {
            notices.push(Notice {
                param: "reporter".into(),
                message: fill(t.notice_unknown_reporter, &[("value", r)]),
            });
            state.reporter = None;
            default
                .as_ref()
                .map(|s| s.reporter.clone())
                .unwrap_or_default()
        }
        None => default
            .as_ref()
            .map(|s| s.reporter.clone())
            .unwrap_or_default(),
    };
    let choices = partner_choices(d, &reporter);
    let unknown: Vec<String> = state
        .partners
        .iter()
        .filter(|p| !choices.contains(p))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        notices.push(Notice {
            param: "partners".into(),
            message: fill(
                t.notice_unknown_partners,
                &[("codes", &unknown.join(", ")), ("reporter", &reporter)],
            ),
        });
        state.partners.retain(|p| choices.contains(p));
    }
    if state.partners.is_empty() {
        state.partners = match &default {
            Some(spec) if spec.reporter == reporter => spec.partners.clone(),
            _ => choices.into_iter().take(1).collect(),
        };
    }
    (state, reporter, notices)
}

impl<'a> DashboardView<'a> {
    /// Computes the view of `state` over `d`.
    pub fn new(d: &'a Dataset, requested: &ViewState) -> DashboardView<'a> {
        DashboardView::with(d, requested, Default::default())
    }

    /// As [`DashboardView::new`], taking what `derived` has already derived from `d`
    /// (and adding to it).
    pub fn with(
        d: &'a Dataset,
        requested: &ViewState,
        derived: std::sync::Arc<Derived>,
    ) -> DashboardView<'a> {
        let (state, reporter, notices) = resolve_with(d, requested, derived.default_view(d));
        let lang = state.lang.unwrap_or_default();
        let t = lang.text();
        let currency = state.currency;
        let partner_label = |code: &str| {
            d.partner(code)
                .map(|p| p.name_in(lang).to_string())
                .unwrap_or(code.to_string())
        };
        // Money values of a partner for the chosen flow (balance computed from two flows).
        let money = |code: &str, cut: Cut| -> measures::Points {
            let series: Vec<Option<&Series>> = flows_of(state.flow)
                .into_iter()
                .map(|f| d.series(&reporter, f, code))
                .collect();
            match (state.flow, series.as_slice()) {
                (FlowChoice::Balance, [Some(e), Some(i)]) => measures::balance(
                    &derived.money(d, e, currency, cut).as_slice(),
                    &derived.money(d, i, currency, cut).as_slice(),
                )
                .into(),
                (FlowChoice::Balance, _) => Vec::new().into(),
                (_, [Some(s)]) => derived.money(d, s, currency, cut),
                _ => Vec::new().into(),
            }
        };
        let growth_only = |code: &str| -> Vec<Point> {
            match state.flow {
                FlowChoice::Balance => Vec::new(),
                f => d
                    .series(&reporter, flows_of(f)[0], code)
                    .map(measures::published_growth_only)
                    .unwrap_or_default(),
            }
        };
        let unit = unit_label_in(currency, lang);
        let mut series: Vec<SeriesOut> = Vec::new();
        let (measure_label, kind, y_label): (String, ValueKind, String) = match state.measure {
            MeasureKind::Monthly => {
                for code in &state.partners {
                    let mut points = money(code, Cut::Periods);
                    if state.average && points.any_multi_month() {
                        let mut averaged = points.to_vec();
                        for p in averaged.iter_mut().filter(|p| p.span.len() > 1) {
                            let n = p.span.len() as f64;
                            p.value /= n;
                            p.tolerance /= n;
                            p.how = How::PerMonth {
                                inner: Box::new(p.how.clone()),
                                months: p.span.len(),
                            };
                        }
                        points = averaged.into();
                    }
                    series.push(SeriesOut {
                        code: code.clone(),
                        label: partner_label(code),
                        style: 0,
                        points,
                    });
                }
                if state.average {
                    (
                        t.measure_per_month.into(),
                        ValueKind::Money {
                            currency,
                            per_month: true,
                        },
                        fill(t.unit_per_month, &[("unit", unit)]),
                    )
                } else {
                    (
                        t.measure_per_period.into(),
                        ValueKind::Money {
                            currency,
                            per_month: false,
                        },
                        fill(t.unit_per_period, &[("unit", unit)]),
                    )
                }
            }
            MeasureKind::Ytd => {
                for code in &state.partners {
                    series.push(SeriesOut {
                        code: code.clone(),
                        label: partner_label(code),
                        style: 0,
                        points: money(code, Cut::YearToDate),
                    });
                }
                (
                    t.measure_ytd.into(),
                    ValueKind::Money {
                        currency,
                        per_month: false,
                    },
                    unit.to_string(),
                )
            }
            MeasureKind::Yoy => {
                for code in &state.partners {
                    let mut points = measures::yoy(&money(code, Cut::YearToDate).as_slice());
                    for g in growth_only(code) {
                        if g.span.first.month() == 1 && !points.iter().any(|p| p.span == g.span) {
                            points.push(g);
                        }
                    }
                    measures::in_time_order(&mut points);
                    series.push(SeriesOut {
                        code: code.clone(),
                        label: partner_label(code),
                        style: 0,
                        points: points.into(),
                    });
                }
                (t.measure_yoy.into(), ValueKind::Percent, t.unit_yoy.into())
            }
            MeasureKind::Rolling12 => {
                for code in &state.partners {
                    series.push(SeriesOut {
                        code: code.clone(),
                        label: partner_label(code),
                        style: 0,
                        points: measures::rolling12(&money(code, Cut::Periods).as_slice()).into(),
                    });
                }
                (
                    t.measure_rolling12.into(),
                    ValueKind::Money {
                        currency,
                        per_month: false,
                    },
                    fill(t.unit_rolling12, &[("unit", unit)]),
                )
            }
            MeasureKind::Share => {
                let world = money("world", Cut::YearToDate);
                let world = world.as_slice();
                for code in state.partners.iter().filter(|c| c.as_str() != "world") {
                    let label = partner_label(code);
                    series.push(SeriesOut {
                        code: code.clone(),
                        label: label.clone(),
                        style: 0,
                        points: measures::share(
                            &money(code, Cut::YearToDate).as_slice(),
                            &world,
                            &label,
                        )
                        .into(),
                    });
                }
                (
                    t.measure_share.into(),
                    ValueKind::Percent,
                    t.unit_share.into(),
                )
            }
            MeasureKind::Contribution => {
                let world = money("world", Cut::YearToDate);
                let world = world.as_slice();
                let parts: Vec<(String, Vec<Point>)> = state
                    .partners
                    .iter()
                    .filter(|c| c.as_str() != "world")
                    .map(|c| (c.clone(), money(c, Cut::YearToDate).to_vec()))
                    .collect();
                let rows = measures::contributions(&parts, &world);
                for (code, _) in &parts {
                    let points = rows
                        .iter()
                        .filter_map(|r| {
                            let v = r.parts.iter().find(|(l, _)| l == code)?.1;
                            Some(contribution_point(
                                r,
                                v,
                                Computation::Contribution {
                                    part: partner_label(code),
                                },
                            ))
                        })
                        .collect();
                    series.push(SeriesOut {
                        code: code.clone(),
                        label: partner_label(code),
                        style: 0,
                        points,
                    });
                }
                if !rows.is_empty() {
                    let points = rows
                        .iter()
                        .map(|r| {
                            contribution_point(
                                r,
                                r.residual,
                                Computation::Residual {
                                    total_pct: r.total_pct,
                                },
                            )
                        })
                        .collect();
                    series.push(SeriesOut {
                        code: "other".into(),
                        label: t.series_other.into(),
                        style: 0,
                        points,
                    });
                }
                (
                    t.measure_contribution.into(),
                    ValueKind::Points,
                    t.unit_points.into(),
                )
            }
        };
        // Stacking the world total on its own parts would count them twice.
        let mut stack_note = None;
        if state.chart == crate::urlstate::ChartKind::Area
            && series.len() > 1
            && series.iter().any(|s| s.code == "world")
        {
            series.retain(|s| s.code != "world");
            stack_note = Some(t.note_stack.to_string());
        }
        for (i, s) in series.iter_mut().enumerate() {
            s.style = i;
        }
        let bounds = bounds_of(&series, &derived);
        let range = bounds.map(|(a, b)| {
            let from = state.from.map(|f| f.clamp(a, b)).unwrap_or(a);
            let to = state.to.map(|t| t.clamp(a, b)).unwrap_or(b);
            if from <= to {
                (from, to)
            } else {
                (a, b)
            }
        });
        if let Some((from, to)) = range {
            for s in &mut series {
                // Shared as they are unless the range leaves some out.
                let all_inside = derived
                    .facts(&s.points)
                    .ends
                    .is_none_or(|(a, b)| a >= from && b <= to);
                if !all_inside {
                    s.points = s.points.within(from, to);
                }
            }
        }
        let reporter_name = d
            .reporter(&reporter)
            .map(|r| r.name_in(lang).to_string())
            .unwrap_or(reporter.clone());
        let partners_phrase: Vec<String> = state
            .partners
            .iter()
            .map(|c| match d.partner(c) {
                Some(p) if p.kind == PartnerKind::World => t.the_world.to_string(),
                Some(p) => p.name_in(lang).to_string(),
                None => c.clone(),
            })
            .collect();
        let title = fill(
            t.title,
            &[
                ("reporter", &reporter_name),
                ("flow", &flow_label(d, state.flow, lang)),
                ("partners", &join_and_in(&partners_phrase, lang)),
            ],
        );
        let check_flow = match state.flow {
            FlowChoice::Exports => Flow::Exports,
            FlowChoice::Imports => Flow::Imports,
            _ => Flow::Total,
        };
        let checks = FirstView::checks_in(
            d,
            ViewSpec {
                reporter: reporter.clone(),
                flow: check_flow,
                partners: state.partners.clone(),
                currency,
            },
            lang,
            &derived,
        );
        let events = d
            .events
            .iter()
            .filter(|e| {
                let m = e.date[..7].parse::<Month>().ok();
                match (m, range) {
                    (Some(m), Some((a, b))) => m >= a && m <= b,
                    _ => false,
                }
            })
            .cloned()
            .collect();
        let wording = Wording::new(kind, lang, y_label.clone());
        let mut view = DashboardView {
            dataset: d,
            state,
            reporter,
            title,
            measure_label,
            kind,
            y_label,
            series,
            bounds,
            range,
            key_figures: None,
            notes: Vec::new(),
            checks,
            events,
            notices,
            lang,
            wording,
            derived,
        };
        let rows = view.derived.row_spans(d);
        for (i, s) in d.series.iter().enumerate() {
            if s.reporter != view.reporter || !view.state.partners.contains(&s.partner) {
                continue;
            }
            for (row, span) in &rows[i] {
                view.wording
                    .row_spans
                    .entry((s.partner.clone(), row.clone()))
                    .or_insert(*span);
            }
        }
        view.key_figures = view.key_figures_line();
        view.notes = view.notes_lines();
        view.notes.extend(stack_note);
        view
    }

    /// The catalogue of the view's language.
    pub fn text(&self) -> &'static Catalogue {
        self.lang.text()
    }

    /// A value as a reader reads it (see [`Wording::value_text`]).
    pub fn value_text(&self, p: &Point) -> String {
        self.wording.value_text(p)
    }

    /// A value with its unit (see [`Wording::value_with_unit`]).
    pub fn value_with_unit(&self, p: &Point) -> String {
        self.wording.value_with_unit(p)
    }

    /// How many display units a full-unit value is (money in billions or 亿).
    pub fn display_scale(&self) -> f64 {
        self.wording.display_scale()
    }

    /// How a value was obtained, in words, with row ids and spans.
    pub fn provenance(&self, series_code: &str, p: &Point) -> String {
        self.wording.provenance(series_code, p)
    }

    /// The sentence a reporter would quote: for money measures, the latest year-to-date
    /// figure of the first series in the range, in both currencies, with its growth;
    /// otherwise the measure's latest value.
    fn key_figures_line(&self) -> Option<String> {
        let t = self.text();
        let lang = self.lang;
        let first = self.series.first()?;
        let partner = if first.code == "world" {
            t.the_world.to_string()
        } else {
            first.label.clone()
        };
        let subject = fill(
            match self.state.flow {
                FlowChoice::Total => t.kf_total,
                FlowChoice::Exports => t.kf_exports,
                FlowChoice::Imports => t.kf_imports,
                FlowChoice::Balance => t.kf_balance,
            },
            &[("partner", &partner)],
        );
        let sources_of = |p: &Point| {
            let names: Vec<String> = p
                .sources
                .iter()
                .filter_map(|id| self.dataset.source(id))
                .map(|s| s.publisher.clone())
                .take(2)
                .collect();
            if names.is_empty() {
                String::new()
            } else {
                format!(" — {}", names.join(", "))
            }
        };
        if let ValueKind::Money { currency, .. } = self.kind {
            let d = self.dataset;
            let ytd: Vec<Point> = match self.state.flow {
                FlowChoice::Balance => measures::balance(
                    &self
                        .derived
                        .money(
                            d,
                            d.series(&self.reporter, Flow::Exports, &first.code)?,
                            currency,
                            Cut::YearToDate,
                        )
                        .as_slice(),
                    &self
                        .derived
                        .money(
                            d,
                            d.series(&self.reporter, Flow::Imports, &first.code)?,
                            currency,
                            Cut::YearToDate,
                        )
                        .as_slice(),
                ),
                f => self
                    .derived
                    .money(
                        d,
                        d.series(&self.reporter, flows_of(f)[0], &first.code)?,
                        currency,
                        Cut::YearToDate,
                    )
                    .to_vec(),
            };
            let in_range = |p: &&Point| {
                self.range
                    .is_none_or(|(a, b)| p.span.last >= a && p.span.last <= b)
            };
            let p = ytd.iter().rev().filter(in_range).find(|p| p.drawable)?;
            let main = format!(
                "{}{}",
                if p.approx { "≈ " } else { "" },
                amount_short_in(p.value, 2, currency, lang)
            );
            let other = currency.other();
            let alt = self
                .money_in(&first.code, other, p.span, true)
                .map(|(v, approx)| {
                    let value = format!(
                        "{}{}",
                        if approx { "≈ " } else { "" },
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
            return Some(fill(
                t.kf_money,
                &[
                    ("subject", &subject),
                    ("period", &p.span.label_in(lang)),
                    ("value", &main),
                    ("other", &alt),
                    ("growth", &growth),
                    ("sources", &sources_of(p)),
                ],
            ));
        }
        let p = first.points.iter().rev().find(|p| p.drawable)?;
        Some(fill(
            t.kf_measure,
            &[
                ("subject", &subject),
                ("period", &p.span.label_in(lang)),
                ("value", &self.value_text(&p)),
                ("measure", &self.measure_label.to_lowercase()),
                ("sources", &sources_of(&p)),
            ],
        ))
    }

    /// The money value of a partner in `currency` for exactly `span`, if any.
    fn money_in(
        &self,
        code: &str,
        currency: Currency,
        span: Span,
        ytd: bool,
    ) -> Option<(f64, bool)> {
        let d = self.dataset;
        let cut = if ytd { Cut::YearToDate } else { Cut::Periods };
        let points = match self.state.flow {
            FlowChoice::Balance => measures::balance(
                &self
                    .derived
                    .money(
                        d,
                        d.series(&self.reporter, Flow::Exports, code)?,
                        currency,
                        cut,
                    )
                    .as_slice(),
                &self
                    .derived
                    .money(
                        d,
                        d.series(&self.reporter, Flow::Imports, code)?,
                        currency,
                        cut,
                    )
                    .as_slice(),
            ),
            f => self
                .derived
                .money(
                    d,
                    d.series(&self.reporter, flows_of(f)[0], code)?,
                    currency,
                    cut,
                )
                .to_vec(),
        };
        points
            .iter()
            .find(|p| p.span == span)
            .map(|p| (p.value, p.approx))
    }

    fn notes_lines(&self) -> Vec<String> {
        let t = self.text();
        let mut notes = Vec::new();
        if let ValueKind::Money { currency, .. } = self.kind {
            let other = currency.other();
            notes.push(fill(
                t.note_currency,
                &[
                    ("unit", unit_label_in(currency, self.lang)),
                    ("currency", currency_name(currency, self.lang)),
                    ("other", currency_name(other, self.lang)),
                    (
                        "rates",
                        &self
                            .rate_series()
                            .unwrap_or_else(|| t.no_rate_series.into()),
                    ),
                ],
            ));
        }
        notes.push(t.note_periods.into());
        match self.state.measure {
            MeasureKind::Yoy => notes.push(t.note_yoy.into()),
            MeasureKind::Share | MeasureKind::Contribution => notes.push(t.note_share.into()),
            MeasureKind::Rolling12 => notes.push(t.note_rolling12.into()),
            _ => {}
        }
        notes
    }

    /// The rate series used for conversions, if the dataset has monthly rates.
    pub fn rate_series(&self) -> Option<String> {
        let any = self
            .dataset
            .exchange_rates
            .iter()
            .find(|r| r.basis == crate::dataset::RateBasis::Month)?;
        let span = Span::single(any.first);
        measures::average_rate(self.dataset, span).map(|r| r.rate_series)
    }

    /// The CSV of exactly what is shown: one row per plotted value.
    pub fn csv(&self) -> String {
        let mut out = String::from("period_start,period_end,flow,partner,measure,value,unit,currency,provenance,source_url\n");
        // Money in the unit the page shows: billions in English, 亿 (hundred million) in
        // Chinese; the unit column says which.
        let money = match self.lang {
            Lang::En => "billion",
            Lang::Zh => "hundred million",
        };
        let (unit, currency) = match self.kind {
            ValueKind::Money {
                currency,
                per_month: true,
            } => (format!("{money} per month"), currency.code()),
            ValueKind::Money { currency, .. } => (money.to_string(), currency.code()),
            ValueKind::Percent => ("percent".to_string(), ""),
            ValueKind::Points => ("percentage points".to_string(), ""),
        };
        for s in &self.series {
            for p in s.points.iter().filter(|p| p.drawable) {
                let value = format!("{:.4}", p.value * self.display_scale());
                let urls: Vec<&str> = p
                    .sources
                    .iter()
                    .filter_map(|id| self.dataset.source(id))
                    .map(|s| s.url.as_str())
                    .collect();
                let fields = [
                    p.span.first.to_string(),
                    p.span.last.to_string(),
                    self.state.flow.code().to_string(),
                    s.code.clone(),
                    self.state.measure.code().to_string(),
                    value,
                    unit.clone(),
                    currency.to_string(),
                    self.provenance(&s.code, &p),
                    urls.join(" "),
                ];
                out.push_str(
                    &fields
                        .iter()
                        .map(|f| csv_field(f))
                        .collect::<Vec<_>>()
                        .join(","),
                );
                out.push('\n');
            }
        }
        out
    }

    /// A file name for downloads: "xinjiang-total-monthly-CNY".
    pub fn file_stem(&self) -> String {
        format!(
            "{}-{}-{}-{}",
            self.reporter,
            self.state.flow.code(),
            self.state.measure.code(),
            self.state.view_currency_code()
        )
    }
}

trait CurrencyCode {
    fn view_currency_code(&self) -> &'static str;
}

impl CurrencyCode for ViewState {
    fn view_currency_code(&self) -> &'static str {
        self.currency.code()
    }
}

fn contribution_point(r: &measures::Contribution, value: f64, what: Computation) -> Point {
    Point {
        span: r.span,
        value,
        how: How::Computed(what),
        sources: r.sources.as_slice().into(),
        approx: r.approx,
        tolerance: 0.0,
        published_yoy: None,
        caveat: None,
        drawable: true,
    }
}

fn bounds_of(series: &[SeriesOut], derived: &Derived) -> Option<(Month, Month)> {
    let months: Vec<(Month, Month)> = series
        .iter()
        .filter_map(|s| derived.facts(&s.points).months)
        .collect();
    Some((
        months.iter().map(|m| m.0).min()?,
        months.iter().map(|m| m.1).max()?,
    ))
}

/// Month-index x where a point is drawn and hit: the middle of its months when values
/// span their months (`across_months`), the end of its last month otherwise.
pub fn x_of(span: Span, across_months: bool) -> f64 {
    x_of_months(span.first.index(), span.last.index(), across_months)
}

/// [`x_of`] of a span given by its first and last month indices.
pub fn x_of_months(first: i64, last: i64, across_months: bool) -> f64 {
    if across_months {
        (first as f64 + last as f64 + 1.0) / 2.0
    } else {
        (last + 1) as f64
    }
}

/// The currency in words: "yuan", "人民币".
fn currency_name(c: Currency, lang: Lang) -> &'static str {
    let t = lang.text();
    match c {
        Currency::CNY => t.currency_cny,
        Currency::USD => t.currency_usd,
    }
}

/// Words for a provenance in a language; `row` names a source-table row (e.g. with its
/// period).
pub fn describe(how: &How, row: &dyn Fn(&str) -> String, lang: Lang) -> String {
    let t = lang.text();
    match how {
        // A value of a monthly run has no row of its own: the run is its record.
        How::Official { rows } if rows.is_empty() => t.how_official_run.to_string(),
        How::Official { rows } => fill(
            t.how_official,
            &[(
                "rows",
                &rows.iter().map(|r| row(r)).collect::<Vec<_>>().join(", "),
            )],
        ),
        How::Derived { plus, minus } => fill(
            t.how_derived,
            &[(
                "terms",
                &format!(
                    "{}{}",
                    plus.iter().map(|r| row(r)).collect::<Vec<_>>().join(" + "),
                    minus
                        .iter()
                        .map(|r| format!(" − {}", row(r)))
                        .collect::<String>()
                ),
            )],
        ),
        How::Converted { inner, from, rate } => fill(
            t.how_converted,
            &[
                ("inner", &describe(inner, row, lang)),
                ("from", currency_name(*from, lang)),
                ("rate", &format!("{:.4}", rate.cny_per_usd)),
                ("months", &rate.months.to_string()),
                ("s", if rate.months == 1 { "" } else { "s" }),
                ("series", &rate.rate_series),
            ],
        ),
        How::Computed(what) => fill(t.how_computed, &[("what", &what.text(lang))]),
        How::PerMonth { inner, months } => fill(
            t.how_per_month,
            &[
                ("inner", &describe(inner, row, lang)),
                ("months", &months.to_string()),
            ],
        ),
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

impl DashboardView<'_> {
    /// Whether points sit at the end of their period (lines) rather than across it (steps).
    pub fn spans_months(&self) -> bool {
        self.state.measure == MeasureKind::Monthly
    }

    /// Month-index x where a point is drawn and hit: the middle of its months for values
    /// per period, the end of its last month otherwise.
    pub fn x_of(&self, p: &Point) -> f64 {
        x_of(p.span, self.spans_months())
    }

    /// The chart of this view at `width` × `height` pixels.
    pub fn chart_spec(&self, width: u32, height: u32) -> crate::chart::ChartSpec {
        self.chart_spec_themed(width, height, false)
    }

    /// The chart with the view's theme resolved (`prefers_dark`: the reader's setting, for
    /// `theme=auto`).
    pub fn chart_spec_themed(
        &self,
        width: u32,
        height: u32,
        prefers_dark: bool,
    ) -> crate::chart::ChartSpec {
        use crate::chart::{
            ChartSeries, ChartSpec, FlagBand, Marker, Panel, PanelKind, Shape, Step, ValueFormat,
        };
        use crate::urlstate::ChartKind;
        let scale = self.display_scale();
        let kind = match (self.state.chart, self.spans_months()) {
            (ChartKind::Line, true) => PanelKind::Steps,
            (ChartKind::Line, false) => PanelKind::Lines,
            (ChartKind::Bar, _) => PanelKind::Bars,
            (ChartKind::Area, _) => PanelKind::Area,
        };
        let series = self
            .series
            .iter()
            .map(|s| {
                // Only what this panel draws: joined points for lines, steps otherwise
                // (a million values would otherwise keep both).
                let lines = kind == PanelKind::Lines;
                let how = (self.state.measure, scale.to_bits(), lines);
                let shape = self.derived.shape(&s.points, how, || {
                    let drawn = s.points.briefs().filter(|p| p.drawable);
                    let spans = self.spans_months();
                    if !lines && s.points.is_run() {
                        // A run's steps are read from its values when drawn.
                        return Shape::new(
                            Vec::new(),
                            crate::chart::Steps::Run {
                                points: s.points.clone(),
                                scale,
                            },
                        );
                    }
                    if !lines {
                        // Room for every value at once (kept as long as the values).
                        let mut steps = Vec::with_capacity(s.points.len());
                        steps.extend(drawn.map(|p| {
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
                        return Shape::new(Vec::new(), steps);
                    }
                    // Year-to-date values restart each January; other measures join
                    // points less than a year apart.
                    let mut segments: Vec<Vec<(f64, f64)>> = Vec::new();
                    let mut previous: Option<measures::Brief> = None;
                    for p in drawn {
                        let breaks = match previous {
                            None => true,
                            Some(q) if self.state.measure == MeasureKind::Ytd => {
                                q.span.last.year() != p.span.last.year()
                            }
                            Some(q) => p.span.last.index() - q.span.last.index() > 12,
                        };
                        if breaks {
                            segments.push(Vec::new());
                        }
                        segments
                            .last_mut()
                            .expect("pushed")
                            .push((x_of(p.span, spans), p.value * scale));
                        previous = Some(p);
                    }
                    for run in &mut segments {
                        run.shrink_to_fit();
                    }
                    Shape::new(segments, Vec::new())
                });
                ChartSeries {
                    label: s.label.clone(),
                    style: s.style,
                    shape,
                }
            })
            .collect();
        let (first, last) = self.range.unwrap_or_else(|| {
            let now = Month::new(2000, 1).expect("valid");
            (now, now)
        });
        let events = if self.state.events {
            self.events
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let m: Month = e.date[..7].parse().ok()?;
                    let day: f64 = e.date[8..10].parse().ok()?;
                    Some(Marker {
                        x: m.index() as f64 + (day - 1.0) / 31.0,
                        label: (i + 1).to_string(),
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let flags = self
            .checks
            .iter()
            .filter(|c| c.span.last >= first && c.span.first <= last)
            .filter(|c| match c.kind {
                crate::view::CheckKind::Conflict(currency) => currency == self.state.currency,
                _ => true,
            })
            .map(|c| FlagBand {
                x0: c.span.first.max(first).index() as f64,
                x1: (c.span.last.min(last).index() + 1) as f64,
            })
            .collect();
        ChartSpec {
            width,
            height,
            months: (first.index(), last.index()),
            // The measure is named in the page's caption (and in exported files).
            panels: vec![Panel {
                title: String::new(),
                y_label: self.y_label.clone(),
                kind,
                series,
            }],
            alt_text: self.alt_text(),
            lang: self.lang,
            events,
            flags,
            theme: {
                let base = match self.state.theme.resolve(prefers_dark) {
                    crate::urlstate::Theme::Dark => crate::chart::ChartTheme::DARK,
                    _ => crate::chart::ChartTheme::LIGHT,
                };
                if self.state.transparent {
                    base.transparent()
                } else {
                    base
                }
            },
            value_format: match self.kind {
                ValueKind::Money { .. } => ValueFormat::Billions,
                _ => ValueFormat::Percent,
            },
        }
    }

    /// A text alternative generated from the data: what is drawn, over which months, in
    /// which unit, the highest and the latest value of each series. No causal claims.
    pub fn alt_text(&self) -> String {
        let t = self.text();
        let lang = self.lang;
        let kind = match self.state.chart {
            crate::urlstate::ChartKind::Line => t.chart_line,
            crate::urlstate::ChartKind::Bar => t.chart_bar,
            crate::urlstate::ChartKind::Area => t.chart_area,
        };
        let measure = self.measure_label.to_lowercase();
        let mut text = match self.range {
            Some((a, b)) => fill(
                t.alt_head,
                &[
                    ("kind", kind),
                    ("title", &self.title),
                    ("measure", &measure),
                    ("from", &a.label_in(lang)),
                    ("to", &b.label_in(lang)),
                    ("unit", &self.y_label),
                ],
            ),
            None => fill(
                t.alt_empty,
                &[
                    ("kind", kind),
                    ("title", &self.title),
                    ("measure", &measure),
                ],
            ),
        };
        for s in &self.series {
            let facts = self.derived.facts(&s.points);
            let (Some(high), Some(latest)) = (
                facts.high.map(|i| s.points.at(i)),
                facts.latest.map(|i| s.points.at(i)),
            ) else {
                continue;
            };
            // For money, the latest value's change on the same period a year earlier.
            let growth = match self.kind {
                ValueKind::Money { .. } => s
                    .points
                    .iter()
                    // From the end: a year earlier is near the latest value.
                    .rev()
                    .filter(|q| q.drawable)
                    .find(|q| q.span == latest.span.year_earlier() && q.value > 0.0)
                    .map(|q| {
                        fill(
                            t.alt_growth,
                            &[("growth", &percent((latest.value / q.value - 1.0) * 100.0))],
                        )
                    })
                    .unwrap_or_default(),
                _ => String::new(),
            };
            text.push_str(&fill(
                t.alt_series,
                &[
                    ("series", &s.label),
                    ("high", &self.value_text(&high)),
                    ("high_period", &high.span.label_in(lang)),
                    ("latest", &self.value_text(&latest)),
                    ("latest_period", &latest.span.label_in(lang)),
                    ("growth", &growth),
                ],
            ));
        }
        text
    }
}
