//! Building the dataset from the published-figures tables: units, merging, conflicts,
//! and the messages for bad input.
mod common;

use common::{build_csv, bundled, row, CSV_HEADER};
use trade_trends::currency::Currency;
use trade_trends::dataset::{Basis, Flag, Flow, Status};
use trade_trends::month::Month;

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

#[test]
fn units_are_normalised_to_exact_full_units() {
    let d = bundled();
    let world = d.series("xinjiang", Flow::Total, "world").unwrap();
    let find = |first: &str, last: &str, c: Currency| {
        world
            .observations
            .iter()
            .find(|o| {
                o.first == m(first)
                    && o.last == m(last)
                    && o.currency == Some(c)
                    && o.status == Status::Preferred
            })
            .unwrap()
    };
    // 2528.4 (100 million yuan) and 252.84 billion yuan: the same figure, exactly.
    let q3 = find("2023-01", "2023-09", Currency::CNY);
    assert_eq!(q3.value, Some(252_840_000_000.0));
    assert_eq!(q3.resolution, Some(10_000_000.0));
    // 251.7 (100 million US dollars) for 2012.
    assert_eq!(
        find("2012-01", "2012-12", Currency::USD).value,
        Some(25_170_000_000.0)
    );
    // China-Central Asia 1992: 460 million dollars.
    let ca = d.series("china", Flow::Total, "central_asia_5").unwrap();
    assert_eq!(ca.observations[0].value, Some(460_000_000.0));
    assert_eq!(ca.observations[0].resolution, Some(1_000_000.0));
}

#[test]
fn figures_equal_within_rounding_are_one_observation_citing_every_source() {
    let d = bundled();
    let world = d.series("xinjiang", Flow::Total, "world").unwrap();
    // Jan-Sep 2023: 252.84 bn (China Daily), 2528.4 亿 (China News Service), 253 bn (SCMP).
    let q3: Vec<_> = world
        .observations
        .iter()
        .filter(|o| o.last == m("2023-09") && o.currency == Some(Currency::CNY))
        .collect();
    assert_eq!(q3.len(), 1);
    assert_eq!(q3[0].rows, ["obs-0050", "obs-0051", "obs-0052"]);
    assert_eq!(q3[0].sources.len(), 3);
    // Full year 2023: 3573.3 亿 and "357 billion": one figure, the precise one kept.
    let fy: Vec<_> = world
        .observations
        .iter()
        .filter(|o| {
            o.basis == Basis::Year && o.last == m("2023-12") && o.currency == Some(Currency::CNY)
        })
        .collect();
    assert_eq!(fy.len(), 1);
    assert_eq!(fy[0].value, Some(357_330_000_000.0));
    assert_eq!(fy[0].rows, ["obs-0061", "obs-0062"]);
    assert_eq!(fy[0].yoy_pct, Some(45.9));
}

#[test]
fn growth_only_rows_join_the_figure_they_describe_or_stand_alone() {
    let d = bundled();
    let world = d.series("xinjiang", Flow::Total, "world").unwrap();
    // Jan-Feb 2024: 63.69 bn from three outlets, one without a growth rate.
    let jf: Vec<_> = world
        .observations
        .iter()
        .filter(|o| o.last == m("2024-02") && o.currency == Some(Currency::CNY))
        .collect();
    assert_eq!(jf.len(), 1);
    assert_eq!(jf[0].rows, ["obs-0065", "obs-0066", "obs-0067"]);
    assert_eq!(jf[0].yoy_pct, Some(51.4));
    // March 2024: only a growth rate was published.
    let march = world
        .observations
        .iter()
        .find(|o| o.first == m("2024-03") && o.basis == Basis::Month)
        .unwrap();
    assert_eq!(
        (march.value, march.currency, march.yoy_pct),
        (None, None, Some(27.3))
    );
}

#[test]
fn a_threshold_printed_as_the_value_loses_to_the_precise_figure() {
    let d = bundled();
    // Jan-Jun 2024: Xinhua said trade "surpassed 200 billion yuan"; Bastille Post printed
    // 200 as the value, while Xinhua, CRI and People's Daily print 220.63 billion (+48.4%).
    let c = d
        .conflicts
        .iter()
        .find(|c| {
            c.reporter == "xinjiang"
                && c.flow == Flow::Total
                && c.partner == "world"
                && c.last == m("2024-06")
                && c.currency == Some(Currency::CNY)
        })
        .unwrap();
    let figures: Vec<(f64, bool)> = c.figures.iter().map(|f| (f.value, f.chosen)).collect();
    assert_eq!(figures, [(200e9, false), (220.63e9, true)]);
    assert_eq!(c.figures[0].rows, ["obs-0072"]);
    assert!(c
        .likely_cause
        .as_deref()
        .unwrap()
        .starts_with("a threshold read as the value: one page printed a round figure"));
    let world = d.series("xinjiang", Flow::Total, "world").unwrap();
    let h1 = world
        .observations
        .iter()
        .find(|o| {
            o.last == m("2024-06")
                && o.status == Status::Preferred
                && o.currency == Some(Currency::CNY)
        })
        .unwrap();
    assert_eq!((h1.value, h1.yoy_pct), (Some(220.63e9), Some(48.4)));
}

#[test]
fn a_revision_is_kept_beside_the_first_release() {
    let d = bundled();
    // China's Q1 2023 trade: 9.89 trillion yuan as first released, 9.69 trillion in a later
    // release's comparison base; both kept, the first release drawn.
    let c = d
        .conflicts
        .iter()
        .find(|c| c.reporter == "china" && c.flow == Flow::Total && c.last == m("2023-03"))
        .unwrap();
    let chosen = c.figures.iter().find(|f| f.chosen).unwrap();
    assert_eq!(chosen.value, 9.89e12);
    assert!(c.figures.iter().any(|f| f.value == 9.69e12));
    assert!(c
        .likely_cause
        .as_deref()
        .unwrap()
        .starts_with("a later release revised the figure"));
    let china = d.series("china", Flow::Total, "world").unwrap();
    let revised = china
        .observations
        .iter()
        .find(|o| o.value == Some(9.69e12))
        .unwrap();
    assert_eq!(revised.status, Status::Alternative);
    assert!(revised.flags.contains(&Flag::Revision));
}

#[test]
fn exports_and_imports_that_add_up_to_the_total_settle_a_transposed_figure() {
    let d = bundled();
    // 2022 in dollars: AP printed exports of $3.95 trillion, the WSJ $3.59 trillion; with
    // imports of $2.7 trillion only 3.59 gives the published total of $6.3 trillion.
    let c = d
        .conflicts
        .iter()
        .find(|c| c.reporter == "china" && c.flow == Flow::Exports && c.last == m("2022-12"))
        .unwrap();
    let figures: Vec<(f64, bool)> = c.figures.iter().map(|f| (f.value, f.chosen)).collect();
    assert_eq!(figures, [(3.95e12, false), (3.59e12, true)]);
    assert_eq!(
        c.likely_cause.as_deref(),
        Some("only 3590.00 bn adds up with imports (2700.00 bn) to the published total (6300.00 bn US dollars), so it is drawn; the other figure has the same digits in another order, a likely typo")
    );
    let exports = d.series("china", Flow::Exports, "world").unwrap();
    let drawn = exports
        .observations
        .iter()
        .find(|o| {
            o.last == m("2022-12")
                && o.status == Status::Preferred
                && o.currency == Some(Currency::USD)
        })
        .unwrap();
    assert_eq!(drawn.value, Some(3.59e12));
}

#[test]
fn conflicts_are_chosen_by_the_documented_rule() {
    let d = bundled();
    let ca2024 = d
        .conflicts
        .iter()
        .find(|c| c.reporter == "china" && c.partner == "central_asia_5" && c.last == m("2024-12"))
        .unwrap();
    // GACC's own dollar figure beats Yicai's conversion and the EDB's partner-data figure.
    let chosen = ca2024.figures.iter().find(|f| f.chosen).unwrap();
    assert_eq!(chosen.value, 94_820_000_000.0);
    assert_eq!(ca2024.rule, trade_trends::ingest::CHOICE_RULE);
    // Publisher conversions that differ: a conflict, with the cause named.
    let jan_sep = d
        .conflicts
        .iter()
        .find(|c| c.partner == "world" && c.last == m("2023-09"))
        .unwrap();
    assert_eq!(
        jan_sep.likely_cause.as_deref(),
        Some("publishers converted the same yuan figure to dollars at different exchange rates")
    );
    // Printed to the same precision, figures must be equal: $74.6 bn (Xinhua) and $74.7 bn
    // (China Daily) are two conversions, not one figure; "40" is not 39.46 rounded.
    let fy2025 = d
        .conflicts
        .iter()
        .find(|c| c.partner == "world" && c.last == m("2025-12"))
        .unwrap();
    let values: Vec<f64> = fy2025.figures.iter().map(|f| f.value).collect();
    assert_eq!(values, [74.7e9, 74.6e9, 74.4e9]);
    let imports = d
        .conflicts
        .iter()
        .find(|c| c.flow == Flow::Imports && c.last == m("2023-09"))
        .unwrap();
    assert_eq!(
        imports
            .figures
            .iter()
            .map(|f| (f.value, f.chosen))
            .collect::<Vec<_>>(),
        [(39.46e9, true), (40e9, false)]
    );
    // Agency originals beat mirrors: Jan-Feb 2020 in dollars, Xinhua over a China Daily mirror.
    let jf2020 = d
        .conflicts
        .iter()
        .find(|c| {
            c.partner == "world" && c.last == m("2020-02") && c.currency == Some(Currency::USD)
        })
        .unwrap();
    assert_eq!(
        jf2020.figures.iter().find(|f| f.chosen).unwrap().rows,
        ["obs-0011"]
    );
    assert_eq!(d.conflicts.len(), 14);
}

#[test]
fn notes_become_flags() {
    let d = bundled();
    let world = d.series("xinjiang", Flow::Total, "world").unwrap();
    let by_row = |id: &str| {
        world
            .observations
            .iter()
            .find(|o| o.rows.contains(&id.to_string()))
            .unwrap()
    };
    // A copy of Xinhua on chinaminutes.com, its year inferred.
    assert_eq!(by_row("obs-0017").flags, [Flag::Mirror, Flag::YearInferred]);
    assert_eq!(
        by_row("obs-0079").flags,
        [Flag::Mirror, Flag::YearInferred, Flag::LowQualityHost]
    );
    assert_eq!(by_row("obs-0042").flags, [Flag::Mirror]);
    assert_eq!(by_row("obs-0057").flags, [Flag::PublisherConversion]);
    // A figure printed by an agency and by a mirror carries no mirror caveat.
    assert_eq!(by_row("obs-0047").flags, []);
}

fn errors_of(rows: &[String]) -> Vec<String> {
    let csv = format!("{CSV_HEADER}\n{}\n", rows.join("\n"));
    build_csv(&csv)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn bad_rows_get_one_line_per_problem_naming_file_line_column_and_value() {
    let ok_tail = "https://a.example/1,A title,2023-11-21,";
    let errors = errors_of(&[
        row("x1", &format!("xinjiang,total,world,2023-01,2023-13,ytd,287.3,billion,CNY,48.9,{ok_tail}")),
        row("x2", &format!("xinjiang,total,mars,2023-01,2023-10,ytd,287.3,bn,CNY,,{ok_tail}")),
        row("x3", "xinjiang,total,world,2023-01,2023-10,ytd,-5,billion,EUR,,javascript:alert(1),T,,"),
        row("x4", "xinjiang,sideways,world,2023-02,2023-10,ytd,,,,,https://a.example/2,T,2023-02-30,"),
        row("x1", "xinjiang,total,world,2023-01,2023-10,quarter,1,billion,CNY,abc,https://a.example/2,T,,"),
    ]);
    assert_eq!(
        errors,
        [
            r#"obs.csv, line 2 (x1), column "period_end": found "2023-13"; expected a month YYYY-MM (the month must be between 01 and 12)"#,
            r#"obs.csv, line 3 (x2), column "partner": found "mars"; expected a partner code declared in the metadata (world, a group, or an ISO3 country code)"#,
            r#"obs.csv, line 3 (x2), column "unit": found "bn"; expected one of trillion, billion, 100 million, million, thousand"#,
            r#"obs.csv, line 4 (x3), column "currency": found "EUR"; expected CNY or USD"#,
            r#"obs.csv, line 4 (x3), column "value": found "-5"; expected a number zero or more, digits with an optional decimal point (e.g. 287.3)"#,
            r#"obs.csv, line 4 (x3), column "source_url": found "javascript:alert(1)"; expected an http:// or https:// address"#,
            r#"obs.csv, line 5 (x4), column "flow": found "sideways"; expected one of total, exports, imports"#,
            r#"obs.csv, line 5 (x4), column "period_start": found "2023-02"; expected January (2023-01) for a year-to-date figure"#,
            r#"obs.csv, line 5 (x4), column "value": found ""; expected a value or a yoy_pct (the row has neither)"#,
            r#"obs.csv, line 5 (x4), column "published": found "2023-02-30"; expected a date YYYY-MM-DD, or nothing"#,
            r#"obs.csv, line 6 (x1), column "id": found "x1"; expected a unique id (also used on line 2)"#,
            r#"obs.csv, line 6 (x1), column "basis": found "quarter"; expected one of month, ytd, year"#,
            r#"obs.csv, line 6 (x1), column "yoy_pct": found "abc"; expected a percentage as a plain number, e.g. 48.9 or -3.1"#,
        ]
    );
}

#[test]
fn missing_and_unexpected_columns_are_named() {
    let header = CSV_HEADER.replace(",note", ",remark");
    let csv = format!("{header}\nx1,xinjiang,total,world,2023-01,2023-10,ytd,1,billion,CNY,,https://a.example,T,,\n");
    let errors: Vec<String> = build_csv(&csv)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        errors,
        [
            r#"obs.csv, line 1, column "note"; expected a column "note" in the header"#.to_string(),
            format!(
                r#"obs.csv, line 1, column "remark"; expected only the columns {}"#,
                CSV_HEADER.replace(',', ", ")
            ),
        ]
    );
}

#[test]
fn a_row_with_value_but_no_unit_or_a_unit_without_value_is_refused() {
    let errors = errors_of(&[
        row(
            "x1",
            "xinjiang,total,world,2023-01,2023-10,ytd,287.3,,CNY,,https://a.example,T,,",
        ),
        row(
            "x2",
            "xinjiang,total,world,2023-01,2023-09,ytd,,billion,,5,https://a.example,T,,",
        ),
    ]);
    assert_eq!(
        errors,
        [
            r#"obs.csv, line 2 (x1), column "unit": found ""; expected one of trillion, billion, 100 million, million, thousand"#,
            r#"obs.csv, line 3 (x2), column "unit": found "billion"; expected nothing when there is no value"#,
        ]
    );
}

#[test]
fn a_disputed_growth_rate_never_supports_the_preferred_figure() {
    let tail = "https://a.example/1,T,2023-11-21,";
    let csv = format!(
        "{CSV_HEADER}\n{}\n{}\n{}\n",
        row("x1", &format!("xinjiang,total,world,2023-01,2023-10,ytd,287.3,billion,CNY,48.9,{tail}")),
        row("x2", "xinjiang,total,world,2023-01,2023-10,ytd,,,,40,https://b.example/2,T,2023-11-20,DISPUTED - a copy of the seed article"),
        row("x3", "xinjiang,total,world,2023-01,2023-10,ytd,,,,48.9,https://c.example/3,T,2023-11-22,"),
    );
    let d = build_csv(&csv).unwrap();
    let world = d.series("xinjiang", Flow::Total, "world").unwrap();
    let preferred = world
        .observations
        .iter()
        .find(|o| o.status == Status::Preferred)
        .unwrap();
    assert_eq!(preferred.rows, ["x1", "x3"]);
    let disputed = world
        .observations
        .iter()
        .find(|o| o.status == Status::Disputed)
        .unwrap();
    assert_eq!(
        (disputed.rows.as_slice(), disputed.yoy_pct, disputed.value),
        (&["x2".to_string()][..], Some(40.0), None)
    );
}

#[test]
fn a_source_without_its_publisher_is_refused_by_row_and_field() {
    use trade_trends::ingest::{build, Inputs};
    let meta = common::read("data/meta.json");
    let csv = format!(
        "{CSV_HEADER}\n{}\n{}\n",
        row("x1", "xinjiang,total,world,2023-01,2023-10,ytd,287.3,billion,CNY,48.9,https://a.example/1,T,2023-11-21,"),
        row("x2", "xinjiang,total,world,2023-01,2023-09,ytd,252.84,billion,CNY,47.3,https://b.example/2,T,2023-10-24,"),
    );
    let sources = "url,publisher,via,copy_on,low_quality,note\n\
                   https://a.example/1,,,,,\n\
                   https://c.example/3,Xinhua,,,maybe,\n";
    let errors: Vec<String> = build(&Inputs {
        meta: ("meta.json", &meta),
        sources: ("sources.csv", sources),
        observations: ("obs.csv", &csv),
        rates: vec![],
        events: None,
        claims: None,
    })
    .unwrap_err()
    .iter()
    .map(|e| e.to_string())
    .collect();
    assert_eq!(
        errors,
        [
            r#"sources.csv, line 2 (https://a.example/1), column "publisher": found ""; expected the outlet that wrote the text (e.g. Xinhua), not a host; a copy's host goes in copy_on"#,
            r#"sources.csv, line 3 (https://c.example/3), column "low_quality": found "maybe"; expected yes, or nothing"#,
            r#"obs.csv, line 3 (x2), column "source_url": found "https://b.example/2"; expected a page listed in sources.csv with its publisher (the outlet that wrote it)"#,
        ]
    );
}
