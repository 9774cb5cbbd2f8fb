//! Measures on the real dataset and on small hand-made series.
mod common;

use trade_trends::currency::Currency;
use trade_trends::dataset::{Flow, RateBasis};
use trade_trends::i18n::Lang;
use trade_trends::measures::{
    average_rate, balance, contributions, rolling12, share, yoy, Computation, Cut, Derived, How,
    Point,
};
use trade_trends::month::{Month, Span};

/// Money values of `s` in `currency`, derived afresh.
fn money(
    d: &trade_trends::dataset::Dataset,
    s: &trade_trends::dataset::Series,
    currency: Currency,
    cut: Cut,
) -> Vec<Point> {
    Derived::default().money(d, s, currency, cut).to_vec()
}

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

fn span(a: &str, b: &str) -> Span {
    Span::new(m(a), m(b)).unwrap()
}

/// The monthly rate the dataset holds for `month` (Federal Reserve H.10 series).
fn monthly_rate(d: &trade_trends::dataset::Dataset, month: &str) -> f64 {
    d.exchange_rates
        .iter()
        .find(|r| {
            r.basis == RateBasis::Month
                && r.first == m(month)
                && r.rate_series.starts_with("Federal Reserve")
        })
        .unwrap()
        .cny_per_usd
}

#[test]
fn a_month_converts_at_its_monthly_rate_and_a_cumulative_period_at_the_mean_of_its_months() {
    let d = common::bundled();
    let world = d.series("xinjiang", Flow::Total, "world").unwrap();
    let usd = money(&d, world, Currency::USD, Cut::Periods);
    let oct = usd
        .iter()
        .find(|p| p.span == Span::single(m("2023-10")))
        .unwrap();
    let rate = monthly_rate(&d, "2023-10");
    assert!(
        (oct.value - 34.49e9 / rate).abs() < 1.0,
        "{} vs {}",
        oct.value,
        34.49e9 / rate
    );
    assert!(oct.approx);
    let How::Converted {
        from,
        rate: used,
        inner,
    } = &oct.how
    else {
        panic!("{:?}", oct.how)
    };
    assert_eq!(
        (*from, used.months, used.cny_per_usd),
        (Currency::CNY, 1, rate)
    );
    assert!(matches!(**inner, How::Derived { .. }));

    let ytd = money(&d, world, Currency::USD, Cut::YearToDate);
    let jan_oct = ytd
        .iter()
        .find(|p| p.span == span("2023-01", "2023-10"))
        .unwrap();
    let mean: f64 = (1..=10)
        .map(|k| monthly_rate(&d, &format!("2023-{k:02}")))
        .sum::<f64>()
        / 10.0;
    assert!((jan_oct.value - 287.33e9 / mean).abs() < 1.0);
    let How::Converted { rate: used, .. } = &jan_oct.how else {
        panic!()
    };
    assert_eq!(used.months, 10);
    assert_eq!(
        **used,
        average_rate(&d, span("2023-01", "2023-10")).unwrap()
    );
    // Never one fixed rate for all periods: two periods, two rates.
    let jan_feb = ytd
        .iter()
        .find(|p| p.span == span("2023-01", "2023-02"))
        .unwrap();
    let How::Converted { rate: r2, .. } = &jan_feb.how else {
        panic!()
    };
    assert_ne!(r2.cny_per_usd, used.cny_per_usd);
}

#[test]
fn an_official_figure_in_the_chosen_currency_is_used_as_published() {
    let d = common::bundled();
    // GACC publishes China-Kazakhstan trade in dollars.
    let kaz = d.series("china", Flow::Total, "KAZ").unwrap();
    let usd = money(&d, kaz, Currency::USD, Cut::YearToDate);
    let fy2023 = usd
        .iter()
        .find(|p| p.span == span("2023-01", "2023-12"))
        .unwrap();
    assert_eq!((fy2023.value, fy2023.approx), (41e9, false));
    assert!(matches!(fy2023.how, How::Official { .. }));
    // Xinjiang's 2012 total was published in dollars only: in yuan it is converted.
    let world = d.series("xinjiang", Flow::Total, "world").unwrap();
    let cny = money(&d, world, Currency::CNY, Cut::YearToDate);
    let y2012 = cny
        .iter()
        .find(|p| p.span == span("2012-01", "2012-12"))
        .unwrap();
    let mean: f64 = (1..=12)
        .map(|k| monthly_rate(&d, &format!("2012-{k:02}")))
        .sum::<f64>()
        / 12.0;
    assert!((y2012.value - 25.17e9 * mean).abs() < 1.0);
    assert!(y2012.approx);
    // A yuan figure is never replaced by a publisher's dollar conversion in the dollar view.
    let usd = money(&d, world, Currency::USD, Cut::YearToDate);
    let q3 = usd
        .iter()
        .find(|p| p.span == span("2023-01", "2023-09"))
        .unwrap();
    assert!(
        q3.approx,
        "Xinhua's $35.22 bn is its own conversion; the dashboard converts 252.84 bn yuan itself"
    );
}

#[test]
fn balance_is_exports_minus_imports() {
    let d = common::bundled();
    let ex = money(
        &d,
        d.series("xinjiang", Flow::Exports, "world").unwrap(),
        Currency::CNY,
        Cut::YearToDate,
    );
    let im = money(
        &d,
        d.series("xinjiang", Flow::Imports, "world").unwrap(),
        Currency::CNY,
        Cut::YearToDate,
    );
    let b = balance(&ex, &im);
    let q3 = b
        .iter()
        .find(|p| p.span == span("2023-01", "2023-09"))
        .unwrap();
    // 2133.8 - 394.6 (100 million yuan).
    assert!((q3.value - 173.92e9).abs() < 1.0, "{}", q3.value);
    assert_eq!(q3.how, How::Computed(Computation::Balance));
    assert_eq!(
        trade_trends::measures::words::describe(&q3.how, &|r| r.to_string(), Lang::En),
        "Computed: exports − imports"
    );
    assert_eq!(
        trade_trends::measures::words::describe(&q3.how, &|r| r.to_string(), Lang::Zh),
        "计算：出口 − 进口"
    );
}

#[test]
fn published_growth_is_shown_and_a_disagreeing_computation_is_named() {
    let d = common::bundled();
    let world = d.series("xinjiang", Flow::Total, "world").unwrap();
    let ytd = money(&d, world, Currency::CNY, Cut::YearToDate);
    let growth = yoy(&ytd);
    let jan_oct = growth
        .iter()
        .find(|p| p.span == span("2023-01", "2023-10"))
        .unwrap();
    assert_eq!(jan_oct.value, 48.9);
    // 287.33 / 194.8 - 1 = +47.5%: customs grows against revised 2022 figures.
    assert_eq!(
        jan_oct.caveat.as_ref().map(|c| c.text(Lang::En)).as_deref(),
        Some("published +48.9%; the first-release figures give +47.5% (customs computes growth against revised figures)")
    );
    assert_eq!(
        jan_oct.caveat.as_ref().map(|c| c.text(Lang::Zh)).as_deref(),
        Some("公布增速为+48.9%；按首次公布的数字计算为+47.5%（海关以修订后的数字计算增速）")
    );
    // Jan-Feb 2024 on Jan-Feb 2023, on a year-to-date basis: published +51.4%.
    let jf = growth
        .iter()
        .find(|p| p.span == span("2024-01", "2024-02"))
        .unwrap();
    assert_eq!(jf.value, 51.4);
}

fn pt(a: &str, b: &str, billions: f64) -> Point {
    Point {
        span: span(a, b),
        value: billions * 1e9,
        how: How::Official { rows: vec![] },
        sources: Vec::new().into(),
        approx: false,
        tolerance: 0.0,
        published_yoy: None,
        caveat: None,
        drawable: true,
    }
}

#[test]
fn growth_needs_a_base_above_zero_and_the_same_period() {
    let points = vec![
        pt("2022-01", "2022-02", 20.0),
        pt("2023-01", "2023-02", 30.0),
        pt("2022-03", "2022-03", 0.0),
        pt("2023-03", "2023-03", 12.0),
        pt("2023-04", "2023-06", 40.0), // base period missing
    ];
    let g = yoy(&points);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].span, span("2023-01", "2023-02"));
    assert!((g[0].value - 50.0).abs() < 1e-9);
}

#[test]
fn rolling_sums_need_twelve_consecutive_months() {
    let mut points: Vec<Point> = (1..=12)
        .map(|k| pt(&format!("2023-{k:02}"), &format!("2023-{k:02}"), k as f64))
        .collect();
    points.push(pt("2024-01", "2024-01", 100.0));
    points.push(pt("2024-03", "2024-03", 5.0)); // February 2024 missing
    let r = rolling12(&points);
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].span, r[0].value), (span("2023-01", "2023-12"), 78e9));
    assert_eq!((r[1].span, r[1].value), (span("2023-02", "2024-01"), 177e9));
    // A two-month period is not two months.
    assert!(rolling12(&[pt("2023-01", "2023-02", 5.0)]).is_empty());
}

#[test]
fn shares_and_contributions_add_up() {
    let d = common::bundled();
    let world = money(
        &d,
        d.series("xinjiang", Flow::Total, "world").unwrap(),
        Currency::CNY,
        Cut::YearToDate,
    );
    let ca = money(
        &d,
        d.series("xinjiang", Flow::Total, "central_asia_5").unwrap(),
        Currency::CNY,
        Cut::YearToDate,
    );
    let s = share(&ca, &world, "Central Asia (5)");
    let h1 = s
        .iter()
        .find(|p| p.span == span("2023-01", "2023-06"))
        .unwrap();
    assert!((h1.value - 100.0 * 119.66 / 149.62).abs() < 1e-9);

    let world = vec![
        pt("2022-01", "2022-06", 100.0),
        pt("2023-01", "2023-06", 150.0),
    ];
    let a = vec![
        pt("2022-01", "2022-06", 30.0),
        pt("2023-01", "2023-06", 60.0),
    ];
    let b = vec![
        pt("2022-01", "2022-06", 20.0),
        pt("2023-01", "2023-06", 15.0),
    ];
    let c = contributions(&[("A".into(), a), ("B".into(), b)], &world);
    assert_eq!(c.len(), 1);
    assert!((c[0].total_pct - 50.0).abs() < 1e-9);
    assert_eq!(
        c[0].parts
            .iter()
            .map(|(l, v)| (l.as_str(), (v * 1e6).round() / 1e6))
            .collect::<Vec<_>>(),
        [("A", 30.0), ("B", -5.0)]
    );
    assert!((c[0].residual - 25.0).abs() < 1e-9);
    let sum: f64 = c[0].parts.iter().map(|(_, v)| v).sum::<f64>() + c[0].residual;
    assert!((sum - c[0].total_pct).abs() < 1e-9);
}

#[test]
fn a_partial_first_year_has_no_growth_until_a_base_exists() {
    // Months from June 2022 (the series starts mid-year), then all of 2023.
    let mut points: Vec<Point> = (6..=12)
        .map(|k| pt(&format!("2022-{k:02}"), &format!("2022-{k:02}"), 10.0))
        .collect();
    points.extend((1..=12).map(|k| pt(&format!("2023-{k:02}"), &format!("2023-{k:02}"), 12.0)));
    let g = yoy(&points);
    let spans: Vec<String> = g.iter().map(|p| p.span.label()).collect();
    assert_eq!(
        spans,
        ["Jun 2023", "Jul 2023", "Aug 2023", "Sep 2023", "Oct 2023", "Nov 2023", "Dec 2023"]
    );
    assert!(g.iter().all(|p| (p.value - 20.0).abs() < 1e-9));
    // Rolling sums start once twelve months exist: May 2023 (Jun 2022 to May 2023) onward.
    let r = rolling12(&points);
    assert_eq!(r.first().unwrap().span.label(), "Jun 2022–May 2023");
    assert_eq!(r.first().unwrap().value, (7.0 * 10.0 + 5.0 * 12.0) * 1e9);
    assert_eq!(r.len(), 8);
}
