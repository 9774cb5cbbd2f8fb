//! Both languages: months, customs periods, money and units in each locale with exact
//! strings; the two catalogues agreeing; and the Chinese dashboard showing the same
//! figures as the English one, in 亿 (hundred million) instead of billions.
mod common;

use std::collections::BTreeSet;

use trade_trends::checks::CheckKind;
use trade_trends::currency::Currency;
use trade_trends::format::{
    amount_long_in, amount_short_in, join_and_in, money_number, points_in, Magnitude,
};
use trade_trends::i18n::{fill, Lang};
use trade_trends::month::{Month, Span};
use trade_trends::page::Page;
use trade_trends::page::Snapshot;
use trade_trends::urlstate::{parse_query, parse_query_in, to_query};

fn m(text: &str) -> Month {
    text.parse().unwrap()
}

fn span(a: &str, b: &str) -> Span {
    Span {
        first: m(a),
        last: m(b),
    }
}

#[test]
fn months_and_customs_periods_read_as_each_language_writes_them() {
    let cases = [
        (span("2023-10", "2023-10"), "Oct 2023", "2023年10月"),
        (span("2023-01", "2023-02"), "Jan–Feb 2023", "2023年1–2月"),
        (span("2023-01", "2023-10"), "Jan–Oct 2023", "2023年1–10月"),
        (span("2023-07", "2023-09"), "Jul–Sep 2023", "2023年7–9月"),
        (
            span("2022-11", "2023-02"),
            "Nov 2022–Feb 2023",
            "2022年11月–2023年2月",
        ),
        (span("2023-01", "2023-12"), "2023", "2023年"),
    ];
    for (s, en, zh) in cases {
        assert_eq!(s.label_in(Lang::En), en);
        assert_eq!(s.label(), en);
        assert_eq!(s.label_in(Lang::Zh), zh);
    }
    assert_eq!(m("2023-04").name_in(Lang::En), "Apr");
    assert_eq!(m("2023-04").name_in(Lang::Zh), "4月");
    assert_eq!(
        trade_trends::chart::axis_label(m("2023-04").index() as f64, Lang::Zh),
        "4月"
    );
}

#[test]
fn money_is_in_billions_in_english_and_in_yi_in_chinese() {
    // Jan-Oct 2023: customs published 2873.0 亿元 = 287.30 billion yuan.
    assert_eq!(
        amount_short_in(287.3e9, 1, Currency::CNY, Lang::En),
        "¥287.3 bn"
    );
    assert_eq!(
        amount_short_in(287.3e9, 1, Currency::CNY, Lang::Zh),
        "2,873亿元"
    );
    assert_eq!(
        amount_long_in(287.3e9, 2, Currency::CNY, Lang::En),
        "287.30 billion yuan"
    );
    assert_eq!(
        amount_long_in(287.3e9, 2, Currency::CNY, Lang::Zh),
        "2,873.0亿元"
    );
    assert_eq!(
        amount_short_in(40.2e9, 1, Currency::USD, Lang::En),
        "$40.2 bn"
    );
    assert_eq!(
        amount_short_in(40.2e9, 1, Currency::USD, Lang::Zh),
        "402亿美元"
    );
    assert_eq!(
        amount_short_in(-3.5e9, 2, Currency::USD, Lang::En),
        "−$3.50 bn"
    );
    assert_eq!(
        amount_short_in(-3.5e9, 2, Currency::USD, Lang::Zh),
        "−35.0亿美元"
    );
    // October 2023, derived: 34.46 billion = 344.6 亿, the same precision.
    let billions = Magnitude::Billions;
    assert_eq!(money_number(34.46e9, 2, Lang::En, billions), "34.46");
    assert_eq!(money_number(34.46e9, 2, Lang::Zh, billions), "344.6");
    assert_eq!(money_number(1_063.04e9, 1, Lang::Zh, billions), "10,630");
    // China's national totals are counted in trillions (万亿) in both languages.
    assert_eq!(Magnitude::of(45.47e12), Magnitude::Trillions);
    assert_eq!(
        money_number(45.47e12, 2, Lang::Zh, Magnitude::Trillions),
        "45.47"
    );
    assert_eq!(
        amount_short_in(45.47e12, 2, Currency::CNY, Lang::En),
        "¥45.47 trn"
    );
    assert_eq!(
        amount_long_in(9.89e12, 2, Currency::CNY, Lang::Zh),
        "9.89万亿元"
    );
    assert_eq!(points_in(19.34, Lang::En), "+19.3 pp");
    assert_eq!(points_in(-2.0, Lang::Zh), "−2个百分点");
    let items = ["A".to_string(), "B".to_string(), "C".to_string()];
    assert_eq!(join_and_in(&items, Lang::En), "A, B and C");
    assert_eq!(join_and_in(&items, Lang::Zh), "A、B和C");
}

#[test]
fn the_language_comes_from_the_link_then_the_browser() {
    assert_eq!(Lang::from_browser(["zh-CN", "en"]), Lang::Zh);
    assert_eq!(Lang::from_browser(["fr-FR", "zh-Hant-TW"]), Lang::Zh);
    assert_eq!(Lang::from_browser(["en-GB", "zh"]), Lang::En);
    assert_eq!(Lang::from_browser(["fr", "de"]), Lang::En);
    assert_eq!(Lang::from_browser([]), Lang::En);
    assert_eq!(Lang::Zh.html_tag(), "zh-Hans");

    let (state, notices) = parse_query("lang=zh&flow=exports");
    assert_eq!(notices, []);
    assert_eq!(state.lang, Some(Lang::Zh));
    assert_eq!(to_query(&state), "flow=exports&lang=zh");
    assert_eq!(parse_query("").0.lang, None);

    // A bad value falls back with a notice, in the browser's language.
    let (state, notices) = parse_query_in("lang=fr&chart=pie", Lang::Zh);
    assert_eq!(state.lang, None);
    let texts: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        texts,
        [
            "lang: “fr”不是en 或 zh；使用默认值",
            "chart: “pie”不是line、bar、area 之一；使用默认值"
        ]
    );
    // The link's language wins over the browser's for the notices too.
    let (_, notices) = parse_query_in("chart=pie&lang=en", Lang::Zh);
    assert_eq!(
        notices[0].to_string(),
        "chart: \"pie\" is not one of line, bar, area; the default is used"
    );
}

#[test]
fn fill_replaces_named_blanks_and_leaves_unknown_ones_visible() {
    assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
    assert_eq!(fill("{a}{a}", &[("a", "亿")]), "亿亿");
    assert_eq!(fill("{missing} {a", &[("a", "x")]), "{missing} {a");
}

fn blanks(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.insert(after[..close].to_string());
        rest = &after[close + 1..];
    }
    out
}

#[test]
fn both_catalogues_translate_every_string_with_the_same_blanks() {
    let en = Lang::En.text().entries();
    let zh = Lang::Zh.text().entries();
    assert_eq!(en.len(), zh.len());
    // The same in both: names of file formats and a pixel width.
    let same_ok = ["csv_button", "svg_button", "preview_480"];
    for ((name, e), (name_zh, z)) in en.iter().zip(&zh) {
        assert_eq!(name, name_zh);
        assert!(
            !e.trim().is_empty() && !z.trim().is_empty(),
            "{name} is empty"
        );
        if !same_ok.contains(name) {
            assert_ne!(e, z, "{name} is not translated");
        }
        let mut want = blanks(e);
        // English plurals ("rate{s}") have no Chinese counterpart.
        if !blanks(z).contains("s") {
            want.remove("s");
        }
        assert_eq!(blanks(z), want, "{name}: the blanks differ");
    }
}

fn snapshot(query: &str) -> Snapshot {
    let d = common::bundled();
    let (state, notices) = parse_query(query);
    assert_eq!(notices, [], "{query}");
    Snapshot::new(&d, &state, 800)
}

/// A table value as a number: "≈ 2,873.0" → 2873.0.
fn number(text: &str) -> f64 {
    text.trim_start_matches("≈ ")
        .replace([',', '%', '+'], "")
        .replace('−', "-")
        .parse()
        .unwrap()
}

#[test]
fn the_chinese_view_shows_every_figure_in_yi_ten_times_the_billions() {
    for query in [
        "partners=world,central_asia_5&from=2011-01",
        "measure=ytd&currency=USD&partners=world,KAZ&from=2011-01",
    ] {
        let en = snapshot(query);
        let zh = snapshot(&format!("{query}&lang=zh"));
        let (en, zh) = (en.rows(), zh.rows());
        assert_eq!(en.len(), zh.len());
        assert!(en.len() > 40, "{}", en.len());
        for (e, z) in en.iter().zip(&zh) {
            assert_eq!(e.period_key, z.period_key);
            assert_eq!(e.value.starts_with('≈'), z.value.starts_with('≈'));
            let (e, z) = (number(&e.value), number(&z.value));
            // Each is rounded to the same 10 million: equal after scaling.
            assert!((z - 10.0 * e).abs() < 1e-6, "{query}: {z} vs {e}");
        }
        let d = common::bundled();
        let csv = |q: &str| Page::new(&d, &parse_query(q).0).csv();
        assert_eq!(
            csv(query).lines().count(),
            csv(&format!("{query}&lang=zh")).lines().count()
        );
    }
}

#[test]
fn the_chinese_dashboard_reads_in_chinese() {
    let d = common::bundled();
    let (state, _) = parse_query("lang=zh&partners=world&from=2023-01&to=2023-10&measure=ytd");
    let v = Page::new(&d, &state);
    assert_eq!(v.title, "新疆与世界的进出口");
    assert_eq!(v.wording.y_label, "亿元");
    assert_eq!(
        v.key_figures.as_deref(),
        Some("2023年1–10月与世界的进出口：2,873.3亿元（≈ 407亿美元），同比+48.9% — Xinhua")
    );
    assert_eq!(
        v.alt_text,
        "折线图：新疆与世界的进出口，年初至今累计，按公布数，2023年1月至2023年10月，单位：亿元。\
         世界：最高为2,873.3（2023年1–10月）；最新为2,873.3（2023年1–10月）。"
    );
    let s = Snapshot::new(&d, &state, 800);
    assert_eq!(
        s.point_text(0).unwrap().announcement(),
        "2023年1–2月，世界：443.9亿元。官方：公布数（2023年1–2月（obs-0039））。"
    );
    assert!(s
        .svg
        .contains("<title id=\"chart-title\">折线图：新疆与世界的进出口"));

    // Flows come from the dataset's names; the balance from the catalogue.
    let (state, _) = parse_query("lang=zh&flow=exports&partners=central_asia_5");
    assert_eq!(Page::new(&d, &state).title, "新疆与中亚五国的出口");
    let (state, _) = parse_query("lang=zh&flow=balance&partners=KAZ");
    assert_eq!(
        Page::new(&d, &state).title,
        "新疆与哈萨克斯坦的贸易差额（出口 − 进口）"
    );
}

#[test]
fn the_english_alt_text_names_the_latest_change_on_a_year_earlier() {
    let d = common::bundled();
    let (state, _) = parse_query("partners=world&measure=ytd&from=2022-01&to=2023-10");
    let v = Page::new(&d, &state);
    let alt = &v.alt_text;
    // Jan-Oct 2023 287.33 on Jan-Oct 2022 194.80: +47.5% (customs published +48.9% against
    // revised figures; the alt text computes from what it draws and says so by wording).
    assert!(
        alt.ends_with("latest 287.33 in Jan–Oct 2023 (+47.5% on a year earlier)."),
        "{alt}"
    );
}

#[test]
fn the_figure_check_is_written_in_the_page_language() {
    let d = common::bundled();
    let (state, _) = parse_query("lang=zh&partners=world");
    let v = Page::new(&d, &state);
    let october = v
        .checks
        .iter()
        .find(|c| c.kind == CheckKind::Claim && c.span.label() == "Oct 2023")
        .unwrap();
    assert_eq!(
        october.verdict.as_ref().map(|v| v.label.as_str()),
        Some("无公布数据")
    );
    assert_eq!(
        october.text,
        "“with $48 billion worth of items in October alone, according to customs data from Urumqi”——Asia Financial, 2023年11月20日。\
         未公布新疆2023年10月与世界的进出口的数据；由前后公布的累计数推算为≈ 47.2亿美元\
         （推算：2023年1–10月（obs-0307） − 2023年1–9月（obs-0050）；由人民币按每美元7.3071元折算（1个月的月度汇率平均，Federal Reserve H.10 monthly average (FRED EXCHUS)）），\
         该说法是其10.2倍。"
    );
    let conflict = v
        .checks
        .iter()
        .find(|c| c.kind == CheckKind::Conflict(Currency::CNY))
        .unwrap();
    assert!(
        conflict.text.starts_with("2024年1–6月"),
        "{}",
        conflict.text
    );
}

#[test]
fn the_chinese_csv_keeps_the_header_and_gives_values_in_yi_with_chinese_provenance() {
    let d = common::bundled();
    let (state, _) = parse_query("lang=zh&partners=world&from=2023-10&to=2023-10");
    let csv = Page::new(&d, &state).csv();
    let mut lines = csv.lines();
    // The header is the file's stable interface, the same in both languages.
    assert_eq!(
        lines.next(),
        Some("period_start,period_end,flow,partner,measure,value,unit,currency,provenance,source_url,publisher")
    );
    let row = lines.next().unwrap();
    assert!(
        row.starts_with(
            "2023-10,2023-10,total,world,monthly,344.9000,hundred million per month,CNY,\
             推算：2023年1–10月（obs-0307） − 2023年1–9月（obs-0050）,https://"
        ),
        "{row}"
    );
    assert_eq!(lines.next(), None);
}

#[test]
fn the_dataset_checker_speaks_chinese_too() {
    let mut v = serde_json::to_value(common::bundled()).unwrap();
    v["partners"][3]["name"] = serde_json::json!("K".repeat(301));
    v["series"][0]["observations"][0]["sources"] = serde_json::json!(["nowhere"]);
    let text = v.to_string();
    // Found once, worded in each language when shown.
    let found = trade_trends::dataset::parse_dataset("d.json", &text);
    let problems = |lang| match &found {
        Err(trade_trends::dataset::DatasetError::Invalid { problems, .. }) => {
            problems.iter().map(|p| p.line(lang)).collect::<Vec<_>>()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(
        problems(Lang::En),
        [
            "partners[3] KAZ, field \"name\": 301 characters is too long (at most 300)",
            "series[0] xinjiang/total/world, observation[0] 2011-01..2011-12, field \"sources\": \"nowhere\" is not declared in sources",
        ]
    );
    assert_eq!(
        problems(Lang::Zh),
        [
            "partners[3] KAZ，字段“name”：301个字符过长（最多300个）",
            "series[0] xinjiang/total/world, observation[0] 2011-01..2011-12，字段“sources”：“nowhere”未在 sources 中声明",
        ]
    );
}
