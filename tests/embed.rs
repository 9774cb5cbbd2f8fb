//! The code a newsroom pastes to embed a view, and the addresses of a view's full page and
//! preview, made from the page's own address.

use trade_trends::embed::{embed_codes, full_page_url, preview_url};
use trade_trends::page::layout::{chart_height, estimated_chart_width};
use trade_trends::urlstate::{parse_query, to_query};

const BASE: &str = "https://news.example/graphics/trade/index.html";

#[test]
fn the_embed_codes_name_the_view_its_title_and_the_script_beside_the_page() {
    let (state, _) = parse_query("partners=world,KAZ&measure=ytd&theme=dark");
    let codes = embed_codes(
        BASE,
        &state,
        "Xinjiang: total trade with \"the world\" & Kazakhstan",
    );
    assert_eq!(
        codes.iframe,
        "<iframe src=\"https://news.example/graphics/trade/index.html?partners=world,KAZ&amp;measure=ytd&amp;embed=1&amp;id=trade-trends-1&amp;theme=dark\" \
         title=\"Xinjiang: total trade with &quot;the world&quot; &amp; Kazakhstan\" data-trade-trends-frame \
         style=\"width:100%;border:0;height:640px\" loading=\"lazy\"></iframe>\n\
         <script async src=\"https://news.example/graphics/trade/embed.js\"></script>"
    );
    assert_eq!(
        codes.script,
        "<div data-trade-trends=\"https://news.example/graphics/trade/index.html?partners=world,KAZ&amp;measure=ytd&amp;theme=dark\" \
         data-title=\"Xinjiang: total trade with &quot;the world&quot; &amp; Kazakhstan\"></div>\n\
         <script async src=\"https://news.example/graphics/trade/embed.js\"></script>"
    );
    // The default view: the page's address alone.
    let plain = embed_codes("https://x.example/t/", &parse_query("").0, "T").script;
    assert!(
        plain.starts_with("<div data-trade-trends=\"https://x.example/t/\""),
        "{plain}"
    );
}

#[test]
fn the_full_page_of_an_embed_drops_what_only_an_embed_needs() {
    let (embed, _) = parse_query("embed=1&controls=0&id=a1&transparent=1&measure=yoy&lang=zh");
    assert_eq!(
        full_page_url(BASE, &embed),
        format!("{BASE}?measure=yoy&lang=zh")
    );
    assert_eq!(full_page_url(BASE, &parse_query("embed=1").0), BASE);
    let preview = preview_url(BASE, &parse_query("measure=yoy").0);
    assert_eq!(preview, format!("{BASE}?measure=yoy&embed=1&id=preview"));
    let (back, notices) = parse_query(preview.split_once('?').unwrap().1);
    assert!(notices.is_empty());
    assert_eq!(to_query(&back), "measure=yoy&embed=1&id=preview");
}

#[test]
fn the_chart_is_sized_from_the_layout_before_it_is_laid_out() {
    // A phone: main 390 px wide with 1rem padding each side, one column.
    assert_eq!(estimated_chart_width(390.0, 390.0, false, true), 358);
    // From 900 px the settings take 17rem and a 1.25rem gap beside the chart.
    assert_eq!(
        estimated_chart_width(1280.0, 1280.0, false, true),
        1280 - 32 - 292
    );
    // An embed keeps one column and half the padding; without settings, the full width.
    assert_eq!(estimated_chart_width(1280.0, 1280.0, true, true), 1264);
    assert_eq!(estimated_chart_width(1280.0, 1280.0, false, false), 1248);
    // Too narrow to draw: wait for the layout.
    assert_eq!(estimated_chart_width(300.0, 300.0, false, true), 0);
    // Taller than wide on a phone, 16:9-ish and bounded on a desktop.
    assert_eq!(chart_height(358), 375);
    assert_eq!(chart_height(956), 478);
    assert_eq!(chart_height(1400), 560);
    assert_eq!(chart_height(600), 320);
}
