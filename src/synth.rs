//! Synthetic datasets for benchmarks, in the project's own dataset format: S partners ×
//! M consecutive months of made-up monthly trade values, deterministic for a seed.
//!
//! The shapes and the generator are those of the benchmark harness's `gen-data.mjs`
//! (mulberry32 random numbers; a log-uniform level of 50 to 5,000 million dollars, a mild
//! bounded trend, seasonality, AR(1) noise and rare shocks; one decimal of millions; months
//! from January 2001, so 100,000 months run to the year 10334), so the dashboard draws the
//! same kind of series as the libraries it is compared with. Everything a reader sees —
//! title, description, reporter, partner names, the source — says the data are synthetic,
//! and the reporter code [`SYNTHETIC_REPORTER`] declares it to the validation.

use crate::dataset::{
    Basis, Currency, Dataset, Flow, Observation, Partner, PartnerKind, Reporter, Series, Source,
    Status, SCHEMA_VERSION,
};
use crate::month::Month;

/// The reporter code of every synthetic dataset.
pub const SYNTHETIC_REPORTER: &str = "synthetic";

/// The harness's default seed (`gen-data.mjs --seed`).
pub const DEFAULT_SEED: u32 = 20240601;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthSpec {
    /// Total number of values, over all series (N); each series has `points / series` months.
    pub points: usize,
    /// Number of series (S), one per partner.
    pub series: usize,
    pub seed: u32,
}

impl Default for SynthSpec {
    fn default() -> SynthSpec {
        SynthSpec {
            points: 1000,
            series: 10,
            seed: DEFAULT_SEED,
        }
    }
}

impl SynthSpec {
    /// Months per series (M = N / S, rounded, at least one).
    pub fn months(&self) -> usize {
        ((self.points as f64 / self.series.max(1) as f64).round() as usize).max(1)
    }
}

/// mulberry32, as in `gen-data.mjs`: a small deterministic generator of numbers in [0, 1).
struct Mulberry32(u32);

impl Mulberry32 {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let a = self.0;
        let mut t = (a ^ (a >> 15)).wrapping_mul(1 | a);
        t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(61 | t)) ^ t;
        (t ^ (t >> 14)) as f64 / 4_294_967_296.0
    }
}

/// Values of one series in tenths of a million dollars, as `gen-data.mjs` draws them.
fn series_tenths(months: usize, rand: &mut Mulberry32) -> Vec<i64> {
    let base = 50.0 * 100f64.powf(rand.next());
    let trend = (rand.next() - 0.3) * 0.004;
    let season = 0.05 + rand.next() * 0.1;
    let phase = rand.next() * 12.0;
    let mut ar = 0.0;
    (0..months)
        .map(|k| {
            ar = 0.85 * ar + (rand.next() - 0.5) * 0.08;
            if rand.next() < 0.002 {
                ar -= 0.3 * rand.next();
            }
            let t = 480.0 * (k as f64 / 480.0).tanh();
            let season_factor =
                1.0 + season * ((k as f64 + phase) / 12.0 * 2.0 * std::f64::consts::PI).sin();
            let x = base * (trend * t + ar).exp() * season_factor;
            (x * 10.0).round() as i64
        })
        .collect()
}

/// Partner code of series `i` (0-based): `syn01`, `syn02`, …
pub fn partner_code(i: usize) -> String {
    format!("syn{:02}", i + 1)
}

/// The synthetic dataset for `spec`.
pub fn synth(spec: &SynthSpec) -> Dataset {
    let months = spec.months();
    let start = Month::new(2001, 1).expect("January is a month");
    let end = start.offset(months as i64 - 1);
    let mut rand = Mulberry32((spec.seed as u64 + spec.points as u64) as u32);
    let source_id = "synthetic".to_string();
    let series = (0..spec.series)
        .map(|i| Series {
            reporter: SYNTHETIC_REPORTER.into(),
            flow: Flow::Total,
            partner: partner_code(i),
            observations: series_tenths(months, &mut rand)
                .into_iter()
                .enumerate()
                .map(|(k, tenths)| {
                    let month = start.offset(k as i64);
                    Observation {
                        first: month,
                        last: month,
                        basis: Basis::Month,
                        // Tenths of a million dollars → dollars, exactly.
                        value: Some((tenths * 100_000) as f64),
                        currency: Some(Currency::USD),
                        resolution: Some(100_000.0),
                        yoy_pct: None,
                        status: Status::Preferred,
                        sources: vec![source_id.clone()],
                        rows: Vec::new(),
                        flags: Vec::new(),
                        note: None,
                    }
                })
                .collect(),
        })
        .collect();
    Dataset {
        schema_version: SCHEMA_VERSION,
        title: format!(
            "Synthetic benchmark data (not real figures): {} series × {} months",
            spec.series, months
        ),
        description: format!(
            "SYNTHETIC DATA for benchmarks, not published statistics: {} made-up monthly \
             series of {} months ({start} to {end}), {} values in all, generated by \
             `dataset synth` with seed {}.",
            spec.series,
            months,
            spec.series * months,
            spec.seed
        ),
        license: "Synthetic data, generated; no rights reserved (CC0).".into(),
        attribution: "Synthetic data generated by Trade Trends' `dataset synth`; not figures \
                      of any customs office."
            .into(),
        reporters: vec![Reporter {
            code: SYNTHETIC_REPORTER.into(),
            name: "Synthetic reporter (made-up data)".into(),
            names: Default::default(),
        }],
        partners: (0..spec.series)
            .map(|i| Partner {
                code: partner_code(i),
                name: format!("Synthetic {:02}", i + 1),
                kind: PartnerKind::Country,
                members: Vec::new(),
                names: Default::default(),
            })
            .collect(),
        sources: vec![Source {
            id: source_id,
            title: format!(
                "Synthetic data: `dataset synth --points {} --series {} --seed {}` \
                 (no published source)",
                spec.points, spec.series, spec.seed
            ),
            url: "synthetic:dataset-synth".into(),
            publisher: "synthetic (dataset synth)".into(),
            date: None,
        }],
        series,
        conflicts: Vec::new(),
        exchange_rates: Vec::new(),
        events: Vec::new(),
        flow_names: Vec::new(),
    }
}

/// The dataset as compact JSON (one line; the benchmark files are large).
pub fn synth_json(spec: &SynthSpec) -> String {
    serde_json::to_string(&synth(spec)).expect("a dataset serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mulberry32_matches_javascript() {
        // node: rng(20240601 + 1000) of gen-data.mjs, called three times.
        let mut r = Mulberry32(DEFAULT_SEED + 1000);
        assert_eq!(
            [r.next(), r.next(), r.next()],
            [0.4874170245602727, 0.9619163447059691, 0.1316457346547395]
        );
    }
}
