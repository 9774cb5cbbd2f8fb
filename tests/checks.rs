//! The default selection over the bundled dataset, the figure-check notes, and the chart
//! the default view asks for.
mod common;

use trade_trends::checks::{disputed_figures, notes, CheckNote};
use trade_trends::currency::Currency;
use trade_trends::dataset::Dataset;
use trade_trends::i18n::Lang;
use trade_trends::measures::Derived;
use trade_trends::month::{Month, Span};
use trade_trends::selection::Selection;
use trade_trends::urlstate::FlowChoice;

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

/// The figure-check notes of `selection` in English.
fn checks(d: &Dataset, selection: &Selection) -> Vec<CheckNote> {
    notes(
        d,
        selection,
        Lang::En,
        &Derived::default(),
        &disputed_figures(d),
    )
}

#[test]
fn the_default_view_is_xinjiang_total_trade_in_yuan_with_the_world_and_central_asia() {
    let d = common::bundled();
    let selection = Selection::default_for(&d).unwrap();
    assert_eq!(
        selection,
        Selection {
            reporter: "xinjiang".into(),
            flow: FlowChoice::Total,
            partners: vec!["world".into(), "central_asia_5".into()],
            currency: Currency::CNY
        }
    );
    let page = trade_trends::page::Page::new(&d, &Default::default());
    assert_eq!(
        page.title,
        "Xinjiang: total trade with the world and Central Asia (5)"
    );
}

#[test]
fn the_seed_figures_are_called_out_with_the_customs_figures() {
    let d = common::bundled();
    let checks = checks(&d, &Selection::default_for(&d).unwrap());
    let jan_oct: Vec<&str> = checks
        .iter()
        .filter(|c| c.span == Span::new(m("2023-01"), m("2023-10")).unwrap())
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(jan_oct.len(), 2, "total trade and exports: {jan_oct:#?}");
    assert_eq!(
        jan_oct[0],
        "Jan–Oct 2023 — a published figure of 409.2 billion US dollars for total trade with the world (obs-0056) is disputed and not drawn. \
         Customs published total trade of 287.3 billion yuan, +48.9% on a year earlier (obs-0055) and 40.2 billion US dollars as converted by the publisher \
         (obs-0057). The disputed figure is 10.2 times that: most likely a unit slip. Its growth rate (+40%) also differs from customs' (+48.9%)."
    );
    assert!(jan_oct[1].starts_with("Jan–Oct 2023 — a published figure of 409 billion US dollars for exports with the world (obs-0112) is disputed and not drawn. Customs published total trade (exports plus imports, not exports) of 287.3 billion yuan"));
    let october = checks
        .iter()
        .find(|c| c.span == Span::single(m("2023-10")))
        .unwrap();
    assert_eq!(
        october.text,
        "Oct 2023 — a published figure of 48 billion US dollars for total trade with the world (obs-0058) is disputed and not drawn. \
         Customs did not publish this period on its own; from its year-to-date releases it comes to 34.46 billion yuan (Jan–Oct 2023 (obs-0055) − Jan–Sep 2023 (obs-0050))."
    );
}

#[test]
fn the_default_chart_has_per_month_steps_and_ytd_lines_per_year() {
    use trade_trends::page::Page;
    use trade_trends::urlstate::parse_query;
    let d = common::bundled();
    // The default view: value per period, multi-month periods at their average per month.
    let view = Page::new(&d, &parse_query("").0);
    let spec = view.chart_spec(960, 480, false);
    let steps = &spec.panels[0].series[0].shape.steps;
    assert_eq!(spec.panels[0].series[0].label, "World");
    let jan_feb_2023 = steps
        .iter()
        .find(|s| s.x0 == m("2023-01").index() as f64)
        .unwrap();
    assert_eq!(
        jan_feb_2023.x1,
        m("2023-03").index() as f64,
        "one step across January and February"
    );
    assert!(
        (jan_feb_2023.y - 44.39 / 2.0).abs() < 1e-9,
        "drawn at its average per month"
    );
    assert!(
        spec.alt_text
            .contains("Jan 2011 to Dec 2025, in billion yuan per month."),
        "{}",
        spec.alt_text
    );
    // Year to date: one line per year that has releases (the dollar-only years 2011,
    // 2012, 2014 and 2017 converted, then 2019 to 2025).
    let ytd = Page::new(&d, &parse_query("measure=ytd").0);
    let spec = ytd.chart_spec(960, 480, false);
    assert_eq!(spec.panels[0].series[0].shape.segments.len(), 11);
    assert!(
        spec.alt_text
            .contains("World: highest 520.37 in 2025; latest 520.37 in 2025."),
        "{}",
        spec.alt_text
    );
}

#[test]
fn the_october_claim_is_answered_in_any_view() {
    let d = common::bundled();
    // Exports to the world only: the total-trade series is not shown, but the note still
    // derives October from customs' total-trade releases.
    let selection = Selection {
        reporter: "xinjiang".into(),
        flow: FlowChoice::Exports,
        partners: vec!["world".into()],
        currency: Currency::USD,
    };
    let october = checks(&d, &selection)
        .into_iter()
        .find(|c| c.span == Span::single(m("2023-10")))
        .unwrap();
    assert!(october.text.ends_with(
        "Customs did not publish this period on its own; from its year-to-date releases it comes to 34.46 billion yuan (Jan–Oct 2023 (obs-0055) − Jan–Sep 2023 (obs-0050))."
    ), "{}", october.text);
}
