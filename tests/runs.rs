//! A monthly run is kept as written (one number per month) and read without making a
//! figure per value. Whatever reads it must see exactly what it would see were the run
//! written out as one listed figure per value: the checks, the derivations, the views.

use std::borrow::Cow;

use trade_trends::currency::Currency;
use trade_trends::dataset::{validate, Basis, Dataset, Observation, Series, Status};
use trade_trends::measures::{Cut, Derived, Point};
use trade_trends::month::Month;
use trade_trends::page::Snapshot;
use trade_trends::periods::derive;
use trade_trends::urlstate::parse_query;

fn month(text: &str) -> Month {
    text.parse().unwrap()
}

fn figure(first: &str, last: &str, basis: Basis, value: f64, row: &str) -> Observation {
    Observation {
        first: month(first),
        last: month(last),
        basis,
        value: Some(value),
        currency: Some(Currency::USD),
        resolution: Some(100_000.0),
        yoy_pct: Some(4.5),
        status: Status::Preferred,
        sources: vec!["synthetic".to_string()].into(),
        rows: vec![row.to_string()],
        flags: Vec::new(),
        note: None,
    }
}

/// Synthetic runs from 2001-01 with gaps, the first series after listed figures of 2000
/// (year-to-date figures and single months, so that periods are derived from both).
fn with_runs() -> Dataset {
    let mut d = trade_trends::synth::synth(&trade_trends::synth::SynthSpec {
        points: 360,
        series: 3,
        seed: 11,
    });
    for s in &mut d.series {
        let values = &mut std::sync::Arc::make_mut(s.monthly.as_mut().unwrap()).values;
        for k in [3, 4, 40, 119] {
            values.set(k, None);
        }
    }
    d.series[0].observations = vec![
        figure("2000-01", "2000-03", Basis::Ytd, 9.0e8, "r1"),
        figure("2000-04", "2000-04", Basis::Month, 3.2e8, "r2"),
        figure("2000-01", "2000-06", Basis::Ytd, 1.9e9, "r3"),
        figure("2000-01", "2000-12", Basis::Ytd, 4.1e9, "r4"),
    ];
    d
}

/// The same dataset with every run written out as listed figures.
fn written_out(d: &Dataset) -> Dataset {
    let mut out = d.clone();
    for s in &mut out.series {
        s.observations = s.figures().map(|(_, o)| o.into_owned()).collect();
        s.monthly = None;
    }
    out
}

/// Money values of `s` in `currency`, derived afresh.
fn money(d: &Dataset, s: &Series, currency: Currency, cut: Cut) -> Vec<Point> {
    Derived::default().money(d, s, currency, cut).to_vec()
}

#[test]
fn a_run_reads_as_its_values_written_out_as_figures() {
    let runs = with_runs();
    let listed = written_out(&runs);
    assert_eq!(validate(&runs), []);
    assert_eq!(validate(&listed), []);
    let (s, t): (&Series, &Series) = (&runs.series[0], &listed.series[0]);
    // Listed figures first, then one per value, a gap keeping its index.
    assert_eq!(s.figure_count(), 4 + 120 - 4);
    assert_eq!(s.figure_count(), t.observations.len());
    assert_eq!(s.run_start(), Some(4));
    let read: Vec<Observation> = s.figures().map(|(_, o)| o.into_owned()).collect();
    assert_eq!(read, t.observations);
    let indices: Vec<usize> = s.figures().map(|(j, _)| j).collect();
    assert_eq!(indices[..8], [0, 1, 2, 3, 4, 5, 6, 9]);
    assert!(matches!(s.figure(2), Cow::Borrowed(_)));
    assert_eq!(*s.figure(9), t.observations[7]);
    assert_eq!(s.figure(9).first, month("2001-06"));
    let cited = s.cited(9);
    assert_eq!(cited.span, s.figure(9).span());
    assert_eq!(cited.first_row, None);
    assert_eq!(cited.resolution, Some(100_000.0));
    assert_eq!(s.cited(1).first_row.map(String::as_str), Some("r2"));
    for (i, (s, t)) in runs.series.iter().zip(&listed.series).enumerate() {
        for currency in [Currency::USD, Currency::CNY] {
            // The same periods and values, the run's derived from its own numbers.
            let (a, b) = (derive(s, currency), derive(t, currency));
            let values = |d: &trade_trends::periods::Derivation| -> Vec<_> {
                d.periods
                    .iter()
                    .map(|p| (p.span, p.value, p.tolerance, p.flag))
                    .collect()
            };
            assert_eq!(values(&a), values(&b), "series {i} in {currency:?}");
            assert_eq!(a.cumulative.len(), b.cumulative.len());
            for cut in [Cut::Periods, Cut::YearToDate] {
                assert_eq!(
                    money(&runs, s, currency, cut),
                    money(&listed, t, currency, cut),
                    "series {i} in {currency:?}, {cut:?}"
                );
            }
        }
    }
    assert!(derive(&runs.series[0], Currency::USD).periods.len() > 110);
    for query in [
        "currency=USD&partners=syn01,syn02,syn03",
        "currency=USD&partners=syn01,syn02&measure=ytd",
        "currency=USD&partners=syn01&measure=yoy&chart=bar",
        "currency=USD&partners=syn01,syn03&measure=rolling12&chart=area",
        // Ranges: a run's values inside are one stretch of it, kept shared.
        "currency=USD&partners=syn02,syn03&from=2001-03&to=2003-05",
        "currency=USD&partners=syn01,syn02&from=2001-04&to=2009-12&chart=bar",
        "currency=USD&partners=syn02&from=2001-04&to=2001-05",
        "currency=USD&partners=syn02,syn03&average=1&from=2010-01",
    ] {
        let (state, notices) = parse_query(query);
        assert_eq!(notices, [], "{query}");
        let (a, b) = (
            Snapshot::new(&runs, &state, 700),
            Snapshot::new(&listed, &state, 700),
        );
        assert_eq!(a.points(), b.points(), "{query}");
        assert_eq!(a, b, "{query}");
        assert_eq!(a.rows(), b.rows(), "{query}");
        let (a, b) = (
            trade_trends::page::Page::new(&runs, &state),
            trade_trends::page::Page::new(&listed, &state),
        );
        assert_eq!(a.csv(), b.csv(), "{query}");
        assert_eq!(a.alt_text, b.alt_text, "{query}");
    }
}

/// A series that is only a run gives its values as the run's numbers: read one by one,
/// in brief, as a whole or within a range, they are the points of the values written out.
#[test]
fn a_runs_values_are_its_points_written_out() {
    use trade_trends::measures::Points;
    use trade_trends::page::Facts;
    let runs = with_runs();
    let listed = written_out(&runs);
    let derived = Derived::default();
    let (s, t) = (&runs.series[1], &listed.series[1]);
    let kept = derived.money(&runs, s, Currency::USD, Cut::Periods);
    let written: Points = money(&listed, t, Currency::USD, Cut::Periods).into();
    assert_eq!(
        format!("{kept:?}"),
        "Points(values 0..116 of a monthly run)"
    );
    assert_eq!(kept.len(), 120 - 4);
    assert_eq!(kept, written);
    assert_eq!(kept.to_vec(), written.as_slice().to_vec());
    // One value per month: none across months, as the written-out values say; the first
    // series' year-to-date figures of 2000 give periods of several months.
    assert!(!kept.any_multi_month());
    assert!(!written.any_multi_month());
    let mixed = derived.money(&runs, &runs.series[0], Currency::USD, Cut::Periods);
    assert!(mixed.any_multi_month(), "{mixed:?}");
    for j in 0..kept.len() {
        let p = kept.at(j);
        let brief = kept.brief(j);
        assert_eq!(
            (brief.span, brief.value, brief.drawable),
            (p.span, p.value, true)
        );
        assert!(std::sync::Arc::ptr_eq(kept.sources(j), &p.sources));
    }
    // The fifth value is the run's sixth month (its fourth and fifth are gaps).
    assert_eq!(kept.at(3).span.first, month("2001-06"));
    assert!(kept.get(116).is_none());
    // The run's last month, 2010-12, is a gap.
    assert_eq!(
        kept.iter().next_back().unwrap().span.first,
        month("2010-11")
    );
    // The same values from the kept derivations, shared (not made again).
    let again = derived.money(&runs, s, Currency::USD, Cut::Periods);
    assert!(kept.downgrade().is(&again));
    for (from, to) in [
        ("2001-01", "2010-12"),
        ("2001-04", "2001-05"),
        ("2001-04", "2001-06"),
        ("2000-01", "2001-03"),
        ("2003-07", "2003-07"),
        ("2010-12", "2030-01"),
        ("2011-01", "2030-01"),
        ("2005-01", "2004-01"),
    ] {
        let (from, to) = (month(from), month(to));
        let inside = kept.within(from, to);
        let expected: Vec<_> = written
            .iter()
            .filter(|p| p.span.last >= from && p.span.last <= to)
            .map(|p| p.into_owned())
            .collect();
        assert_eq!(inside.to_vec(), expected, "{from}..{to}");
        assert_eq!(inside, written.within(from, to), "{from}..{to}");
        // A stretch is its own values for what is kept of them.
        assert_eq!(
            inside.downgrade().is(&kept),
            inside.len() == kept.len(),
            "{from}..{to}"
        );
        assert!(inside.downgrade().is(&kept.within(from, to)));
        // What a view knows of them as a whole (months, highest, latest, sources): read
        // from the run's numbers, the same as from the points.
        assert_eq!(
            Facts::of(&inside),
            Facts::of(&written.within(from, to)),
            "{from}..{to}"
        );
    }
    // Equal highs: the later one, both ways.
    let mut tied = runs.clone();
    let numbers = &mut std::sync::Arc::make_mut(tied.series[1].monthly.as_mut().unwrap()).values;
    numbers.set(10, Some(9e12));
    numbers.set(50, Some(9e12));
    let tied_listed = written_out(&tied);
    let fresh = Derived::default();
    let tied_kept = fresh.money(&tied, &tied.series[1], Currency::USD, Cut::Periods);
    let tied_written: Points = money(
        &tied_listed,
        &tied_listed.series[1],
        Currency::USD,
        Cut::Periods,
    )
    .into();
    let facts = Facts::of(&tied_kept);
    assert_eq!(facts, Facts::of(&tied_written));
    assert_eq!(
        tied_kept.at(facts.high.unwrap()).span.first,
        month("2005-03")
    );
    // Nothing held: the weak handle says so.
    let weak = kept.downgrade();
    drop((kept, again, derived));
    assert!(!weak.alive());
}

#[test]
fn a_run_is_checked_as_its_values_written_out_would_be() {
    // Each problem is found in both forms, named by the run's month or the figure's
    // place: a value past a good one (checked by its number alone in a run), a repeat
    // of a listed month, a listed figure after the run's start.
    let mut runs = with_runs();
    {
        let values = &mut std::sync::Arc::make_mut(runs.series[1].monthly.as_mut().unwrap()).values;
        values.set(10, Some(-2.0));
        values.set(11, Some(2e15));
        values.set(12, Some(f64::INFINITY));
    }
    runs.series[2].observations = vec![
        figure("2000-06", "2000-06", Basis::Month, 3.2e8, "r5"),
        figure("2001-02", "2001-02", Basis::Month, 3.2e8, "r6"),
    ];
    let listed = written_out(&runs);
    // (the period last named in the place, the field, the message)
    let fields = |problems: Vec<trade_trends::dataset::Problem>| -> Vec<(String, String, String)> {
        problems
            .into_iter()
            .map(|p| {
                let period = p.location.rsplit(' ').next().unwrap().to_string();
                let message = p.message(trade_trends::i18n::Lang::En);
                (period, p.field, message)
            })
            .collect()
    };
    let found = fields(validate(&runs));
    assert_eq!(found, fields(validate(&listed)));
    let has = |month: &str, field: &str, what: &str| {
        found
            .iter()
            .any(|(m, f, t)| m == month && f == field && t.contains(what))
    };
    assert!(has("2001-11", "value", "cannot be negative"), "{found:#?}");
    assert!(has("2001-12", "value", "2e15"), "{found:#?}");
    assert!(has("2002-01", "value", "inf"), "{found:#?}");
    assert!(has("2001-01", "last", "2001-02"), "{found:#?}");
    assert!(has("2001-02", "status", ""), "{found:#?}");
    assert_eq!(found.len(), 5, "{found:#?}");
    let named: Vec<String> = validate(&runs).iter().map(|p| p.to_string()).collect();
    assert!(
        named[0].starts_with("series[1] synthetic/total/syn02, monthly value 2001-11, field"),
        "{named:#?}"
    );
}
