mod common;

use trade_trends::currency::Currency;
use trade_trends::dataset::{Basis, Flow, Observation, Series, Status};
use trade_trends::month::{Month, Span};
use trade_trends::periods::{derive, PeriodFlag, Provenance};

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

fn obs(first: &str, last: &str, basis: Basis, billions: f64, status: Status) -> Observation {
    Observation {
        first: m(first),
        last: m(last),
        basis,
        value: Some(billions * 1e9),
        currency: Some(Currency::CNY),
        resolution: Some(1e7),
        yoy_pct: None,
        status,
        sources: vec!["s1".into()].into(),
        rows: vec![format!("{first}..{last}")],
        flags: vec![],
        note: None,
    }
}

fn ytd(last: &str, billions: f64) -> Observation {
    let first = format!("{}-01", &last[..4]);
    obs(&first, last, Basis::Ytd, billions, Status::Preferred)
}

fn month(at: &str, billions: f64) -> Observation {
    obs(at, at, Basis::Month, billions, Status::Preferred)
}

fn series(observations: Vec<Observation>) -> Series {
    Series {
        reporter: "x".into(),
        flow: Flow::Total,
        partner: "world".into(),
        observations,
        monthly: None,
    }
}

fn span(a: &str, b: &str) -> Span {
    Span::new(m(a), m(b)).unwrap()
}

/// (span, value in billions rounded to 0.01) of every period.
fn periods(s: &Series) -> Vec<(String, f64)> {
    derive(s, Currency::CNY)
        .periods
        .iter()
        .map(|p| (p.span.to_string(), (p.value / 1e7).round() / 100.0))
        .collect()
}

#[test]
fn differences_of_ytd_snapshots_are_multi_month_periods() {
    // 2023 releases: Jan-Feb, Q1, Jan-Jun, Jan-Sep, Jan-Oct.
    let s = series(vec![
        ytd("2023-02", 44.4),
        ytd("2023-03", 68.07),
        ytd("2023-06", 149.62),
        ytd("2023-09", 252.84),
        ytd("2023-10", 287.3),
    ]);
    assert_eq!(
        periods(&s),
        vec![
            ("2023-01..2023-02".to_string(), 44.4), // the year's first snapshot: Jan-Feb stays one period
            ("2023-03".to_string(), 23.67),
            ("2023-04..2023-06".to_string(), 81.55),
            ("2023-07..2023-09".to_string(), 103.22),
            ("2023-10".to_string(), 34.46),
        ]
    );
    let d = derive(&s, Currency::CNY);
    assert_eq!(
        d.periods[0].provenance,
        Provenance::Official { observation: 0 }
    );
    assert_eq!(
        d.periods[3].provenance,
        Provenance::derived(vec![3], vec![2])
    );
    assert_eq!(
        d.cumulative.len(),
        5,
        "the published year-to-date view keeps every release"
    );
    assert_eq!(d.cumulative[4].span, span("2023-01", "2023-10"));
}

#[test]
fn gaps_stay_gaps_and_years_do_not_join() {
    // Nothing after Jan-May 2019 until Jan-Feb 2020: no period spans the gap, and
    // 2020 starts again from its own first release.
    let s = series(vec![ytd("2019-05", 52.3), ytd("2020-02", 20.3)]);
    assert_eq!(
        periods(&s),
        vec![
            ("2019-01..2019-05".to_string(), 52.3),
            ("2020-01..2020-02".to_string(), 20.3)
        ]
    );
}

#[test]
fn a_negative_or_zero_difference_is_flagged_not_drawn() {
    // The same number published for Jan-Nov and for the full year (a mislabelled period).
    let s = series(vec![
        ytd("2022-11", 166.9),
        obs("2022-01", "2022-12", Basis::Year, 166.9, Status::Preferred),
    ]);
    let d = derive(&s, Currency::CNY);
    let dec = d
        .periods
        .iter()
        .find(|p| p.span == Span::single(m("2022-12")))
        .unwrap();
    assert_eq!(dec.value, 0.0);
    assert_eq!(dec.flag, Some(PeriodFlag::NotPositive));
    assert!(!dec.drawable());
    // A revision that makes the later snapshot smaller.
    let s = series(vec![ytd("2021-06", 70.0), ytd("2021-08", 65.0)]);
    let d = derive(&s, Currency::CNY);
    assert_eq!(d.periods[1].value, -5e9);
    assert_eq!(d.periods[1].flag, Some(PeriodFlag::NotPositive));
}

#[test]
fn published_months_pin_neighbouring_snapshots() {
    // Jan-May and May published: Jan-Apr = Jan-May - May, derived from the two.
    let mut h1 = ytd("2025-06", 280.8);
    h1.resolution = Some(1e8); // printed with one decimal
    let s = series(vec![
        ytd("2025-05", 227.67),
        month("2025-05", 61.81),
        h1,
        month("2025-06", 53.17),
    ]);
    let d = derive(&s, Currency::CNY);
    assert_eq!(
        periods(&s),
        vec![
            ("2025-01..2025-04".to_string(), 165.86),
            ("2025-05".to_string(), 61.81),
            ("2025-06".to_string(), 53.17),
        ]
    );
    assert_eq!(
        d.periods[0].provenance,
        Provenance::derived(vec![0], vec![1])
    );
    // June: the published month agrees with 280.8 - 227.67 = 53.13 within rounding (0.1 + 0.01 + 0.01).
    assert_eq!(
        d.periods[2].provenance,
        Provenance::Official { observation: 3 }
    );
    assert_eq!(d.periods[2].flag, None);
}

#[test]
fn a_published_month_that_disagrees_with_the_ytd_difference_is_flagged() {
    // December 2023 published as 37.43 bn; full year 357.33 - Jan-Nov 320.53 = 36.80.
    let mut fy = obs("2023-01", "2023-12", Basis::Year, 357.33, Status::Preferred);
    fy.resolution = Some(1e8);
    let s = series(vec![ytd("2023-11", 320.53), fy, month("2023-12", 37.43)]);
    let d = derive(&s, Currency::CNY);
    let dec = d.periods.last().unwrap();
    assert_eq!(dec.value, 37.43e9, "the published month is kept");
    match dec.flag {
        Some(PeriodFlag::DiffersFromDerived { derived }) => assert!((derived - 36.8e9).abs() < 1.0),
        other => panic!("expected a revision flag, found {other:?}"),
    }
}

#[test]
fn months_alone_stand_alone_and_other_currencies_and_disputed_figures_are_ignored() {
    let mut usd = ytd("2020-02", 2.89);
    usd.currency = Some(Currency::USD);
    let disputed = obs("2020-01", "2020-10", Basis::Ytd, 409.2, Status::Disputed);
    let alternative = obs("2020-01", "2020-02", Basis::Ytd, 99.0, Status::Alternative);
    let s = series(vec![month("2020-08", 15.6), usd, disputed, alternative]);
    assert_eq!(periods(&s), vec![("2020-08".to_string(), 15.6)]);
    let d = derive(&s, Currency::USD);
    assert_eq!(d.periods.len(), 1);
    assert_eq!(d.periods[0].value, 2.89e9);
}

#[test]
fn october_2023_from_the_real_releases() {
    let d = common::bundled();
    let s = d.series("xinjiang", Flow::Total, "world").unwrap();
    let derivation = derive(s, Currency::CNY);
    let oct = derivation
        .periods
        .iter()
        .find(|p| p.span == Span::single(m("2023-10")))
        .unwrap();
    // Jan-Oct (287.33 bn yuan) - Jan-Sep (252.84 bn yuan), both exact in full units.
    assert_eq!(oct.value, 34_490_000_000.0);
    let Provenance::Derived(terms) = &oct.provenance else {
        panic!("derived expected")
    };
    let (plus, minus) = (&terms.plus, &terms.minus);
    // The most precise print of Jan-Oct first: 2873.3 亿元 (obs-0307), then 287.3 bn.
    assert_eq!(s.observations[plus[0]].rows[..2], ["obs-0307", "obs-0055"]);
    assert_eq!(s.observations[minus[0]].rows[0], "obs-0050");
    // Jan-Feb 2023 is one two-month period, as published.
    let jan_feb = &derivation
        .periods
        .iter()
        .find(|p| p.span.first == m("2023-01"))
        .unwrap();
    assert_eq!(jan_feb.span, span("2023-01", "2023-02"));
    assert_eq!(
        jan_feb.value, 44_390_000_000.0,
        "443.9 (100 million yuan), the more precise of 44.4 bn and 443.9 亿"
    );
}

#[test]
fn single_months_without_year_to_date_figures_are_each_their_own_published_period() {
    // From January in a row, then after a gap, and a year that starts late.
    let s = series(vec![
        month("2021-01", 1.5),
        month("2021-02", 2.25),
        month("2021-03", 0.75),
        month("2021-06", 4.0),
        month("2022-11", 3.5),
    ]);
    assert_eq!(
        periods(&s),
        vec![
            ("2021-01".to_string(), 1.5),
            ("2021-02".to_string(), 2.25),
            ("2021-03".to_string(), 0.75),
            ("2021-06".to_string(), 4.0),
            ("2022-11".to_string(), 3.5),
        ]
    );
    let d = derive(&s, Currency::CNY);
    assert!(d.cumulative.is_empty());
    for (i, p) in d.periods.iter().enumerate() {
        assert_eq!(p.provenance, Provenance::Official { observation: i });
        assert_eq!(p.flag, None);
        assert_eq!(p.tolerance, 1e7);
    }
}
