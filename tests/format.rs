use trade_trends::currency::Currency;
use trade_trends::format::{amount_long_in, amount_short_in, billions, decimals_for, percent};
use trade_trends::i18n::Lang;

#[test]
fn billions_keep_the_published_precision() {
    assert_eq!(decimals_for(1e8), 1); // 287.3 billion
    assert_eq!(decimals_for(1e7), 2); // 252.84 billion
    assert_eq!(decimals_for(1e9), 0);
    assert_eq!(decimals_for(1e6), 3);
    assert_eq!(billions(287_300_000_000.0, 1), "287.3");
    assert_eq!(billions(34_460_000_000.0, 2), "34.46");
    assert_eq!(billions(1_063_000_000_000.0, 1), "1,063.0");
    assert_eq!(billions(-5e9, 2), "−5.00");
    // Half away from zero on the decimal value: 63.69 / 2 = 31.845.
    assert_eq!(billions(63_690_000_000.0 / 2.0, 2), "31.85");
    assert_eq!(billions(0.0, 1), "0.0");
    assert_eq!(billions(999_999_999.0, 0), "1");
}

#[test]
fn amounts_spell_out_unit_and_currency() {
    assert_eq!(
        amount_long_in(287_300_000_000.0, 1, Currency::CNY, Lang::En),
        "287.3 billion yuan"
    );
    assert_eq!(
        amount_long_in(40_200_000_000.0, 1, Currency::USD, Lang::En),
        "40.2 billion US dollars"
    );
    assert_eq!(
        amount_short_in(287_300_000_000.0, 1, Currency::CNY, Lang::En),
        "¥287.3 bn"
    );
    assert_eq!(
        amount_short_in(-2e9, 1, Currency::USD, Lang::En),
        "−$2.0 bn"
    );
}

#[test]
fn percentages_are_signed() {
    assert_eq!(percent(48.9), "+48.9%");
    assert_eq!(percent(-3.1), "−3.1%");
    assert_eq!(percent(40.0), "+40%");
    assert_eq!(percent(0.0), "0%");
}
