//! Merging rows that report the same figure, and recording figures that disagree.

use super::csvread::ObsRow;
use super::table::Printed;
use crate::currency::Currency;
use crate::dataset::{
    Basis, Conflict, ConflictField, ConflictFigure, Flag, Flow, Observation, Series, Status,
};
use crate::month::Month;

/// The documented rule that picks one figure when published figures disagree.
pub const CHOICE_RULE: &str = "not disputed; then not a round threshold where another page \
prints the precise figure; then printed on a page with the fewest caveats (mirror host, \
inferred year, low-quality host, publisher's own conversion, other statistics, a later \
revision); then printed by more sources; then the later publication date; then the earlier row. \
Of exports or imports, the one figure that adds up with the other flow to the published total \
of the period is drawn instead, where only one does";

/// Rows of one series for one period and basis.
struct PeriodGroup<'a> {
    first: Month,
    last: Month,
    basis: Basis,
    rows: Vec<&'a ObsRow>,
}

/// Rows printing the same number within rounding.
struct Cluster<'a> {
    rows: Vec<&'a ObsRow>,
    /// The most precisely printed figure.
    best: Printed,
    disputed: bool,
}

impl Cluster<'_> {
    /// Rows in citing order: the most precise first (it printed the kept figure), then
    /// those with the fewest caveats (agency originals before mirrors).
    fn ordered(&self) -> Vec<&ObsRow> {
        let mut rows = self.rows.clone();
        let res = |r: &ObsRow| {
            r.value
                .map(|(p, _)| p.resolution)
                .or(r.yoy_pct.map(|p| p.resolution))
                .unwrap_or(f64::MAX)
        };
        rows.sort_by(|a, b| {
            res(a)
                .total_cmp(&res(b))
                .then(a.flags.len().cmp(&b.flags.len()))
        });
        rows
    }

    /// Source ids in citing order.
    fn sources(&self) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for r in self.ordered() {
            if !seen.contains(&r.source) {
                seen.push(r.source.clone());
            }
        }
        seen
    }

    /// Row ids in citing order.
    fn row_ids(&self) -> Vec<String> {
        self.ordered().iter().map(|r| r.id.clone()).collect()
    }

    /// Sort key of the choice rule: lower is preferred.
    fn rank(
        &self,
        order: usize,
    ) -> (
        bool,
        usize,
        std::cmp::Reverse<usize>,
        std::cmp::Reverse<String>,
        usize,
    ) {
        let caveats = self
            .rows
            .iter()
            .map(|r| r.flags.len())
            .min()
            .unwrap_or(usize::MAX);
        let latest = self
            .rows
            .iter()
            .filter_map(|r| r.published.clone())
            .max()
            .unwrap_or_default();
        (
            self.disputed,
            caveats,
            std::cmp::Reverse(self.sources().len()),
            std::cmp::Reverse(latest),
            order,
        )
    }
}

/// Equal within the publication's rounding.
///
/// Printed to the same precision, the figures must be equal. Otherwise the less precise
/// one must be the more precise one rounded (357.33 → 357) or cut off (322.39 → 322.3).
fn same_within_rounding(a: Printed, b: Printed) -> bool {
    let eps = 1e-9 * a.value.abs().max(b.value.abs()).max(1.0);
    if (a.resolution - b.resolution).abs() <= eps {
        return (a.value - b.value).abs() <= eps;
    }
    let (coarse, fine) = if a.resolution > b.resolution {
        (a, b)
    } else {
        (b, a)
    };
    let rounded = (coarse.value - fine.value).abs() <= coarse.resolution / 2.0 + eps;
    let truncated =
        fine.value - coarse.value >= -eps && fine.value - coarse.value < coarse.resolution - eps;
    rounded || truncated
}

fn cluster<'a>(rows: impl Iterator<Item = (&'a ObsRow, Printed)>) -> Vec<Cluster<'a>> {
    let mut clusters: Vec<Cluster<'a>> = Vec::new();
    for (row, printed) in rows {
        let home = clusters
            .iter_mut()
            .find(|c| c.disputed == row.disputed && same_within_rounding(c.best, printed));
        match home {
            Some(c) => {
                c.rows.push(row);
                if printed.resolution < c.best.resolution {
                    c.best = printed;
                }
            }
            None => clusters.push(Cluster {
                rows: vec![row],
                best: printed,
                disputed: row.disputed,
            }),
        }
    }
    clusters
}

/// Index of the preferred cluster under [`CHOICE_RULE`], if any is not disputed.
fn choose(clusters: &[Cluster]) -> Option<usize> {
    let all: Vec<&Cluster> = clusters.iter().collect();
    (0..clusters.len())
        .filter(|&i| !clusters[i].disputed)
        .min_by_key(|&i| (is_threshold(&clusters[i], &all), clusters[i].rank(i)))
}

/// Whether `figure` reads as a round threshold ("surpassed 200 billion" or "nearly 40
/// billion" printed as the value) beside a precise figure of another page for the same
/// period: printed to a whole ten of its last digit, while another figure is printed at
/// least ten times more finely and lies within half again of it, either way.
fn is_threshold(figure: &Cluster, figures: &[&Cluster]) -> bool {
    let p = figure.best;
    let round = p.value > 0.0 && ((p.value / p.resolution).round() as i64) % 10 == 0;
    round
        && figures.iter().any(|other| {
            let q = other.best;
            !other.disputed
                && q.resolution * 10.0 <= p.resolution
                && q.value != p.value
                && q.value < p.value * 1.5
                && q.value * 1.5 > p.value
        })
}

/// The likely cause of a conflict that involves a later release's revision.
const REVISED: &str =
    "a later release revised the figure; the first release is drawn, as the year's other releases are first releases";

fn likely_cause(figures: &[&Cluster]) -> Option<String> {
    let values: Vec<f64> = figures
        .iter()
        .map(|c| c.best.value)
        .filter(|v| *v > 0.0)
        .collect();
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, 0f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let ratio = if values.len() >= 2 { hi / lo } else { 1.0 };
    let all_rows = || figures.iter().flat_map(|c| c.rows.iter());
    if (9.0..=11.0).contains(&ratio) {
        Some(format!(
            "the figures differ by a factor of ten (×{ratio:.1}): most likely a unit slip \
             (亿 = 100 million read as billion, or a misplaced decimal point)"
        ))
    } else if (90.0..=110.0).contains(&ratio) {
        Some(format!(
            "the figures differ by a factor of a hundred (×{ratio:.0}): most likely a unit slip"
        ))
    } else if figures.iter().any(|c| is_threshold(c, figures)) {
        Some(
            "a threshold read as the value: one page printed a round figure where the release \
             said it was passed or nearly reached (\"surpassed\", \"over\", \"nearly\"), another \
             prints the precise figure"
                .into(),
        )
    } else if all_rows().any(|r| r.flags.contains(&Flag::Revision)) {
        Some(REVISED.into())
    } else if all_rows().any(|r| r.flags.contains(&Flag::OtherStatistics)) {
        Some("one figure is built from other statistics (partner countries' own data), not the reporter's customs".into())
    } else if all_rows().all(|r| r.flags.contains(&Flag::PublisherConversion)) {
        // Rates of one period differ by a few per cent at most; more is another yuan figure.
        Some(if ratio <= 1.05 {
            "publishers converted the same yuan figure to dollars at different exchange rates"
        } else {
            "publishers converted different yuan figures to dollars (see the yuan figures of the same period)"
        }
        .into())
    } else {
        None
    }
}

fn flags_of(rows: &[&ObsRow]) -> Vec<Flag> {
    // A caveat holds for a figure only if every page that printed it carries it.
    let mut flags: Vec<Flag> = rows.first().map(|r| r.flags.clone()).unwrap_or_default();
    flags.retain(|f| rows.iter().all(|r| r.flags.contains(f)));
    flags.sort();
    flags
}

fn note_of(rows: &[&ObsRow]) -> Option<String> {
    let notes: Vec<String> = rows
        .iter()
        .filter(|r| !r.note.is_empty())
        .map(|r| format!("{}: {}", r.id, r.note))
        .collect();
    (!notes.is_empty()).then(|| notes.join(" | "))
}

/// Growth rates fall in two families that may legitimately differ: yuan growth (yuan
/// figures, publishers' dollar conversions, growth-only rows) and dollar growth (figures
/// published in dollars).
/// A disputed row's growth is compared with the yuan family: it claims the same figure.
fn dollar_growth(row: &ObsRow) -> bool {
    matches!(row.value, Some((_, Currency::USD)))
        && !row.flags.contains(&Flag::PublisherConversion)
        && !row.disputed
}

/// Groups rows into series of observations, and lists the conflicts found.
pub(super) fn merge(rows: &[ObsRow]) -> (Vec<Series>, Vec<Conflict>) {
    let mut keys: Vec<(String, Flow, String)> = Vec::new();
    let mut groups: Vec<Vec<PeriodGroup>> = Vec::new();
    for row in rows {
        let key = (row.reporter.clone(), row.flow, row.partner.clone());
        let k = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
            keys.push(key);
            groups.push(Vec::new());
            keys.len() - 1
        });
        let periods = &mut groups[k];
        match periods
            .iter_mut()
            .find(|g| g.first == row.first && g.last == row.last && g.basis == row.basis)
        {
            Some(g) => g.rows.push(row),
            None => periods.push(PeriodGroup {
                first: row.first,
                last: row.last,
                basis: row.basis,
                rows: vec![row],
            }),
        }
    }
    let mut series = Vec::new();
    let mut conflicts = Vec::new();
    for ((reporter, flow, partner), periods) in keys.into_iter().zip(groups) {
        let mut observations = Vec::new();
        for g in &periods {
            let mut out = PeriodOut {
                reporter: &reporter,
                flow,
                partner: &partner,
                group: g,
                conflicts: &mut conflicts,
            };
            observations.extend(out.observations());
        }
        observations.sort_by(|a: &Observation, b: &Observation| {
            (a.last, a.first, a.basis, a.currency).cmp(&(b.last, b.first, b.basis, b.currency))
        });
        series.push(Series {
            reporter,
            flow,
            partner,
            observations,
            monthly: None,
        });
    }
    (series, conflicts)
}

struct PeriodOut<'a, 'g> {
    reporter: &'a str,
    flow: Flow,
    partner: &'a str,
    group: &'a PeriodGroup<'g>,
    conflicts: &'a mut Vec<Conflict>,
}

impl PeriodOut<'_, '_> {
    fn conflict(
        &self,
        field: ConflictField,
        currency: Option<Currency>,
        figures: Vec<ConflictFigure>,
        cause: Option<String>,
    ) -> Conflict {
        Conflict {
            reporter: self.reporter.to_string(),
            flow: self.flow,
            partner: self.partner.to_string(),
            first: self.group.first,
            last: self.group.last,
            basis: self.group.basis,
            field,
            currency,
            figures,
            rule: CHOICE_RULE.to_string(),
            likely_cause: cause,
        }
    }

    fn figures(clusters: &[Cluster], chosen: Option<usize>) -> Vec<ConflictFigure> {
        clusters
            .iter()
            .enumerate()
            .map(|(i, c)| ConflictFigure {
                value: c.best.value,
                sources: c.sources(),
                rows: c.row_ids(),
                disputed: c.disputed,
                chosen: Some(i) == chosen,
            })
            .collect()
    }

    /// The observations of this period: one per distinct figure and currency, and the
    /// growth rates published without a value.
    fn observations(&mut self) -> Vec<Observation> {
        let yoy_choice = self.yoy_conflicts();
        let mut observations = Vec::new();
        // Where the preferred figure that growth rates without a value describe is.
        let mut growth_home: Option<usize> = None;
        for currency in [Currency::CNY, Currency::USD] {
            for o in self.value_observations(currency) {
                if o.status == Status::Preferred && growth_home.is_none() {
                    growth_home = Some(observations.len());
                }
                observations.push(o);
            }
        }
        self.add_growth_only(&mut observations, growth_home, yoy_choice);
        observations
    }

    /// The figures of this period in `currency`: one observation per distinct figure,
    /// with a conflict recorded where they disagree.
    fn value_observations(&mut self, currency: Currency) -> Vec<Observation> {
        let g = self.group;
        let clusters = cluster(g.rows.iter().filter_map(|r| match r.value {
            Some((p, c)) if c == currency => Some((*r, p)),
            _ => None,
        }));
        let chosen = choose(&clusters);
        if clusters.len() > 1 && chosen.is_some() {
            let cause = likely_cause(&clusters.iter().collect::<Vec<_>>());
            let figures = Self::figures(&clusters, chosen);
            let c = self.conflict(ConflictField::Value, Some(currency), figures, cause);
            self.conflicts.push(c);
        }
        let status = |i: usize, c: &Cluster| match (c.disputed, Some(i) == chosen) {
            (true, _) => Status::Disputed,
            (false, true) => Status::Preferred,
            (false, false) => Status::Alternative,
        };
        clusters
            .iter()
            .enumerate()
            .map(|(i, c)| Observation {
                first: g.first,
                last: g.last,
                basis: g.basis,
                value: Some(c.best.value),
                currency: Some(currency),
                resolution: Some(c.best.resolution),
                yoy_pct: c.rows.iter().find_map(|r| r.yoy_pct).map(|p| p.value),
                status: status(i, c),
                sources: c.sources().into(),
                rows: c.row_ids(),
                flags: flags_of(&c.rows),
                note: note_of(&c.rows),
            })
            .collect()
    }

    /// Rows that published only a growth rate: the undisputed ones join the preferred
    /// figure they describe (`growth_home`, or stand alone); disputed ones stand apart,
    /// never as support.
    fn add_growth_only(
        &self,
        observations: &mut Vec<Observation>,
        growth_home: Option<usize>,
        yoy_choice: Option<f64>,
    ) {
        let g = self.group;
        let growth_only = g.rows.iter().copied().filter(|r| r.value.is_none());
        let (supported, disputed): (Vec<&ObsRow>, Vec<&ObsRow>) =
            growth_only.partition(|r| !r.disputed);
        for (rows, is_disputed) in [(supported, false), (disputed, true)] {
            if rows.is_empty() {
                continue;
            }
            let growth = Cluster {
                rows: rows.clone(),
                best: Printed {
                    value: 0.0,
                    resolution: 1.0,
                },
                disputed: is_disputed,
            };
            let printed = rows.iter().find_map(|r| r.yoy_pct).map(|p| p.value);
            match growth_home.filter(|_| !is_disputed) {
                Some(i) => self.join_growth(&mut observations[i], &growth, yoy_choice),
                None => observations.push(Observation {
                    first: g.first,
                    last: g.last,
                    basis: g.basis,
                    value: None,
                    currency: None,
                    resolution: None,
                    yoy_pct: if is_disputed {
                        printed
                    } else {
                        yoy_choice.or(printed)
                    },
                    status: if is_disputed {
                        Status::Disputed
                    } else {
                        Status::Preferred
                    },
                    sources: growth.sources().into(),
                    rows: growth.row_ids(),
                    flags: flags_of(&rows),
                    note: note_of(&rows),
                }),
            }
        }
    }

    /// Growth rates without a value join the preferred figure `o` they describe: its
    /// sources, rows and note, and its growth rate when it has none.
    fn join_growth(&self, o: &mut Observation, growth: &Cluster, yoy_choice: Option<f64>) {
        let mut sources = o.sources.to_vec();
        crate::dataset::push_unique(&mut sources, &growth.sources());
        o.sources = sources.into();
        o.rows.extend(growth.row_ids());
        if o.yoy_pct.is_none() {
            o.yoy_pct = yoy_choice;
        }
        let mut all: Vec<&ObsRow> = self
            .group
            .rows
            .iter()
            .copied()
            .filter(|r| o.rows.contains(&r.id))
            .collect();
        all.sort_by_key(|r| r.id.clone());
        o.note = note_of(&all);
    }

    /// Records disagreeing growth rates; returns the chosen yuan-growth rate.
    fn yoy_conflicts(&mut self) -> Option<f64> {
        let g = self.group;
        let mut chosen_yuan = None;
        for dollar in [false, true] {
            let clusters = cluster(
                g.rows
                    .iter()
                    .filter(|r| dollar_growth(r) == dollar)
                    .filter_map(|r| r.yoy_pct.map(|p| (*r, p))),
            );
            let chosen = choose(&clusters);
            if !dollar {
                chosen_yuan = chosen.map(|i| clusters[i].best.value);
            }
            if clusters.len() > 1 && chosen.is_some() {
                let currency = dollar.then_some(Currency::USD);
                let revised = clusters
                    .iter()
                    .flat_map(|c| c.rows.iter())
                    .any(|r| r.flags.contains(&Flag::Revision));
                let cause = revised.then(|| REVISED.to_string());
                let c = self.conflict(
                    ConflictField::YoyPct,
                    currency,
                    Self::figures(&clusters, chosen),
                    cause,
                );
                self.conflicts.push(c);
            }
        }
        chosen_yuan
    }
}
