//! Number and unit formatting for readers: billions with the publication's precision,
//! currency names spelled out, signed percentages.

use crate::currency::Currency;
use crate::i18n::Lang;

const BILLION: f64 = 1e9;

/// Decimals needed to show a figure printed with `resolution` (full units) in billions:
/// 1e8 (0.1 bn) → 1, 1e7 → 2; never more than 3.
pub fn decimals_for(resolution: f64) -> usize {
    if !(resolution.is_finite() && resolution > 0.0) {
        return 2;
    }
    let d = (BILLION / resolution).log10().round();
    d.clamp(0.0, 3.0) as usize
}

/// `value` (full units) in billions with `decimals` decimals, thousands separated: "1,063.0".
/// Rounds half away from zero on the decimal value (31.845 → 31.85), not on its binary
/// approximation.
pub fn billions(value: f64, decimals: usize) -> String {
    scaled(value, 9, decimals)
}

/// `value` in units of 10^`exponent` with `decimals` decimals, thousands separated.
fn scaled(value: f64, exponent: i32, decimals: usize) -> String {
    let decimals = decimals.min(exponent.max(0) as usize);
    let step = 10f64.powi(exponent - decimals as i32);
    let units = (value / step).round();
    let text = format!("{:.0}", units.abs());
    let text = if decimals == 0 {
        text
    } else {
        let padded = format!("{text:0>width$}", width = decimals + 1);
        let (int, frac) = padded.split_at(padded.len() - decimals);
        format!("{int}.{frac}")
    };
    let sign = if units < 0.0 { "-" } else { "" };
    group_thousands(&format!("{sign}{text}"))
}

/// How large a money amount is written: in billions (亿, a hundred million, in Chinese,
/// as customs in China publishes), or in trillions (万亿) from a trillion on, as China's
/// national totals are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Magnitude {
    #[default]
    Billions,
    Trillions,
}

impl Magnitude {
    /// The magnitude an amount of `value` (full units) is written in.
    pub fn of(value: f64) -> Magnitude {
        if value.abs() >= 1e12 {
            Magnitude::Trillions
        } else {
            Magnitude::Billions
        }
    }

    /// The power of ten of one display unit in a language: 9 (billion) or 8 (亿); 12
    /// (trillion, 万亿) in both.
    fn exponent(self, lang: Lang) -> i32 {
        match (self, lang) {
            (Magnitude::Trillions, _) => 12,
            (Magnitude::Billions, Lang::En) => 9,
            (Magnitude::Billions, Lang::Zh) => 8,
        }
    }

    /// Full units per display unit in a language.
    pub fn unit(self, lang: Lang) -> f64 {
        10f64.powi(self.exponent(lang))
    }

    /// The unit's name in English, for data files: "billion", "hundred million", "trillion".
    pub fn name(self, lang: Lang) -> &'static str {
        match self.exponent(lang) {
            12 => "trillion",
            9 => "billion",
            _ => "hundred million",
        }
    }
}

/// `value` (full units) in the language's money unit at `magnitude`, as precise as an
/// English figure in billions with `decimals` decimals: "287.30" is "2,873.0" in 亿; in
/// trillions (万亿) with `decimals` decimals in both languages.
pub fn money_number(value: f64, decimals: usize, lang: Lang, magnitude: Magnitude) -> String {
    match magnitude.exponent(lang) {
        8 => scaled(value, 8, decimals.saturating_sub(1)),
        e => scaled(value, e, decimals),
    }
}

/// The money unit in words: "billion yuan", "亿元", "trillion US dollars", "万亿美元".
pub fn unit_label_in(currency: Currency, lang: Lang, magnitude: Magnitude) -> &'static str {
    let t = lang.text();
    match (currency, magnitude) {
        (Currency::CNY, Magnitude::Billions) => t.unit_cny,
        (Currency::USD, Magnitude::Billions) => t.unit_usd,
        (Currency::CNY, Magnitude::Trillions) => t.unit_cny_trillion,
        (Currency::USD, Magnitude::Trillions) => t.unit_usd_trillion,
    }
}

/// Short form in a language, in billions or trillions as the amount is: "¥287.3 bn",
/// "¥45.47 trn", "2,873亿元", "45.47万亿元".
pub fn amount_short_in(value: f64, decimals: usize, currency: Currency, lang: Lang) -> String {
    let magnitude = Magnitude::of(value);
    let sign = if value < 0.0 { "−" } else { "" };
    let number = money_number(value.abs(), decimals, lang, magnitude);
    match lang {
        Lang::En => {
            let symbol = match currency {
                Currency::CNY => "¥",
                Currency::USD => "$",
            };
            let unit = match magnitude {
                Magnitude::Billions => "bn",
                Magnitude::Trillions => "trn",
            };
            format!("{sign}{symbol}{number} {unit}")
        }
        Lang::Zh => format!("{sign}{number}{}", unit_label_in(currency, lang, magnitude)),
    }
}

/// Long form in a language, in billions or trillions as the amount is: "287.30 billion
/// yuan", "2,873.0亿元", "9.89 trillion yuan".
pub fn amount_long_in(value: f64, decimals: usize, currency: Currency, lang: Lang) -> String {
    let magnitude = Magnitude::of(value);
    with_unit(
        &money_number(value, decimals, lang, magnitude),
        unit_label_in(currency, lang, magnitude),
        lang,
    )
}

/// A number and its unit: "4.72 billion yuan" (a space in English), "47.2亿元" (none in
/// Chinese).
pub fn with_unit(number: &str, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{number} {unit}"),
        Lang::Zh => format!("{number}{unit}"),
    }
}

/// Percentage points, signed: "+19.3 pp", "+19.3个百分点".
pub fn points_in(p: f64, lang: Lang) -> String {
    let number = percent(p);
    let number = number.trim_end_matches('%');
    match lang {
        Lang::En => format!("{number} pp"),
        Lang::Zh => format!("{number}个百分点"),
    }
}

/// Signed percentage: "+48.9%", "−3.1%" (a true minus sign).
pub fn percent(p: f64) -> String {
    let text = format!("{:.1}", p.abs());
    let text = text.strip_suffix(".0").map(str::to_string).unwrap_or(text);
    let sign = if p > 0.0 {
        "+"
    } else if p < 0.0 {
        "−"
    } else {
        ""
    };
    format!("{sign}{text}%")
}

/// A share of a whole, unsigned: two decimals below ten per cent ("0.72%"), one above
/// ("23.4%"), a trailing ".0" dropped ("80%").
pub fn share_percent(p: f64) -> String {
    let text = match p.abs() < 10.0 {
        true => format!("{p:.2}"),
        false => format!("{p:.1}"),
    };
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text}%")
}

/// A published growth rate as printed: up to two decimals, trailing zeros dropped
/// ("+0.03%", "+48.9%", "−5%"), where [`percent`] rounds to one.
pub fn percent_as_printed(p: f64) -> String {
    let text = format!("{:.2}", p.abs());
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let sign = if text == "0" {
        ""
    } else if p > 0.0 {
        "+"
    } else {
        "−"
    };
    format!("{sign}{text}%")
}

fn group_thousands(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(r) => ("−", r),
        None => ("", number),
    };
    let (int, frac) = rest
        .split_once('.')
        .map(|(i, f)| (i, Some(f)))
        .unwrap_or((rest, None));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A size in bytes as megabytes: "12.3 MB".
pub fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1024.0 / 1024.0)
}

/// A text's width in narrow characters: a Chinese character (or any from the CJK blocks
/// on) takes two.
pub fn text_units(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
        .sum()
}

/// A list in a language: "a, b and c"; "a、b和c".
pub fn join_and_in(items: &[String], lang: Lang) -> String {
    let (comma, and) = match lang {
        Lang::En => (", ", " and "),
        Lang::Zh => ("、", "和"),
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(comma)),
    }
}

/// Escapes text for XML content and attributes.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
