//! Which series a view state selects from a dataset: the dataset's default selection (its
//! densest series and the partner groups beside it), and a view state resolved against
//! the dataset, with the defaults filled in and what the dataset lacks dropped with a
//! notice naming the parameter.

use crate::currency::Currency;
use crate::dataset::{Dataset, Flow, PartnerKind};
use crate::i18n::fill;
use crate::urlstate::{FlowChoice, MeasureKind, Notice, ViewState};

/// The series a view shows: one reporter's flow with some partners, in a currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub reporter: String,
    /// A second reporter shown beside the first.
    pub compare: Option<String>,
    pub flow: FlowChoice,
    pub partners: Vec<String>,
    pub currency: Currency,
}

impl Selection {
    /// The densest series (most published figures usable as fact) of the dataset's first
    /// reporter (its subject; of any reporter when the first has none), in its most used
    /// currency, plus up to two partner groups of the same reporter and flow with at least three
    /// figures in that currency.
    pub fn default_for(d: &Dataset) -> Option<Selection> {
        // A group joins the first view only with enough figures to draw a line.
        const MIN_DEFAULT_FACTS: usize = 3;
        let subject = d.reporters.first().map(|r| r.code.as_str());
        let has_series = |code: &str| d.series.iter().any(|s| s.reporter == code);
        let subject = subject.filter(|r| has_series(r));
        // Facts per series and currency (yuan, dollars).
        let counts: Vec<[usize; 2]> = d
            .series
            .iter()
            .map(|s| [s.fact_count(Currency::CNY), s.fact_count(Currency::USD)])
            .collect();
        let facts = |i: usize, c: Currency| counts[i][usize::from(c == Currency::USD)];
        let (densest, currency) = (0..d.series.len())
            .filter(|&i| subject.is_none_or(|r| d.series[i].reporter == r))
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
                && facts(i, currency) >= MIN_DEFAULT_FACTS
                && partners.len() < 3
            {
                partners.push(s.partner.clone());
            }
        }
        Some(Selection {
            reporter: densest.reporter.clone(),
            compare: None,
            flow: flow_choice(densest.flow),
            partners,
            currency,
        })
    }

    /// The selection of a resolved view state.
    pub fn of(state: &ViewState, reporter: &str) -> Selection {
        Selection {
            reporter: reporter.to_string(),
            compare: state.compare.clone(),
            flow: state.flow,
            partners: state.partners.clone(),
            currency: state.currency,
        }
    }

    /// The reporters shown: the reporter, then the compared one.
    pub fn reporters(&self) -> Vec<&str> {
        std::iter::once(self.reporter.as_str())
            .chain(self.compare.as_deref())
            .collect()
    }

    /// The published flows the values come from: the flow, or exports and imports for
    /// the balance.
    pub fn flows(&self) -> &'static [Flow] {
        match self.flow {
            FlowChoice::Total => &[Flow::Total],
            FlowChoice::Exports => &[Flow::Exports],
            FlowChoice::Imports => &[Flow::Imports],
            FlowChoice::Balance => &[Flow::Exports, Flow::Imports],
        }
    }

    /// The flow whose figures the figure check looks at: the flow, or total trade for the
    /// balance.
    pub fn checked_flow(&self) -> Flow {
        match self.flow {
            FlowChoice::Exports => Flow::Exports,
            FlowChoice::Imports => Flow::Imports,
            FlowChoice::Total | FlowChoice::Balance => Flow::Total,
        }
    }
}

/// The choice of a published flow.
fn flow_choice(flow: Flow) -> FlowChoice {
    match flow {
        Flow::Total => FlowChoice::Total,
        Flow::Exports => FlowChoice::Exports,
        Flow::Imports => FlowChoice::Imports,
    }
}

/// A view state resolved against a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The state with the dataset's default partners filled in and what the dataset does
    /// not have dropped (the reporter stays as asked: `None` for the default).
    pub state: ViewState,
    /// The reporter shown.
    pub reporter: String,
    /// What was dropped, by parameter.
    pub notices: Vec<Notice>,
}

impl Resolved {
    /// The series the state selects.
    pub fn selection(&self) -> Selection {
        Selection::of(&self.state, &self.reporter)
    }
}

/// Fills in the dataset's defaults (`default`: [`Selection::default_for`] the dataset) and
/// drops what the dataset does not have, with notices.
pub fn resolve(d: &Dataset, asked: &ViewState, default: Option<&Selection>) -> Resolved {
    let t = asked.lang.unwrap_or_default().text();
    let mut notices = Vec::new();
    let mut state = asked.clone();
    let default_reporter = || default.map(|s| s.reporter.clone()).unwrap_or_default();
    let reporter = match &state.reporter {
        Some(r) if d.reporter(r).is_some() => r.clone(),
        Some(r) => {
            notices.push(Notice {
                param: "reporter".into(),
                message: fill(t.notice_unknown_reporter, &[("value", r)]),
            });
            state.reporter = None;
            default_reporter()
        }
        None => default_reporter(),
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
        state.partners = match default {
            Some(s) if s.reporter == reporter => s.partners.clone(),
            _ => choices.into_iter().take(1).collect(),
        };
    }
    resolve_compare(d, &mut state, &reporter, &mut notices);
    Resolved {
        state,
        reporter,
        notices,
    }
}

/// The compared reporter: one of the dataset's, other than the reporter shown; the
/// measure of one reporter's share of the other only with one.
fn resolve_compare(d: &Dataset, state: &mut ViewState, reporter: &str, notices: &mut Vec<Notice>) {
    let t = state.lang.unwrap_or_default().text();
    if let Some(other) = state.compare.clone() {
        let template = if d.reporter(&other).is_none() {
            Some(t.notice_unknown_compare)
        } else if other == reporter {
            Some(t.notice_compare_same)
        } else {
            None
        };
        if let Some(template) = template {
            notices.push(Notice {
                param: "compare".into(),
                message: fill(template, &[("value", &other)]),
            });
            state.compare = None;
        }
    }
    if state.measure == MeasureKind::ReporterShare && state.compare.is_none() {
        let example = d.reporters.iter().find(|r| r.code != reporter);
        let example = example.map_or("…", |r| r.code.as_str());
        notices.push(Notice {
            param: "measure".into(),
            message: fill(t.notice_share_needs_compare, &[("example", example)]),
        });
        state.measure = MeasureKind::Monthly;
    }
}

/// Partner codes offered for a reporter: those with any series, the world first, then
/// groups, then countries (each in the dataset's order).
pub fn partner_choices(d: &Dataset, reporter: &str) -> Vec<String> {
    let mut partners: Vec<&crate::dataset::Partner> = d
        .partners
        .iter()
        .filter(|p| {
            d.series
                .iter()
                .any(|s| s.reporter == reporter && s.partner == p.code)
        })
        .collect();
    crate::sorting::sort_by_key(&mut partners, |p| match p.kind {
        PartnerKind::World => 0,
        PartnerKind::Group => 1,
        PartnerKind::Country => 2,
    });
    partners.into_iter().map(|p| p.code.clone()).collect()
}
