//! Number and unit formatting for readers: billions with the publication's precision,
//! currency names spelled out, signed percentages.

use crate::dataset::Currency;

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
    let decimals = decimals.min(9);
    let step = 10f64.powi(9 - decimals as i32);
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

/// "billion yuan" / "billion US dollars".
pub fn unit_label(currency: Currency) -> &'static str {
    match currency {
        Currency::CNY => "billion yuan",
        Currency::USD => "billion US dollars",
    }
}

/// Short symbol form: "¥287.3 bn" / "$40.2 bn".
pub fn amount_short(value: f64, decimals: usize, currency: Currency) -> String {
    let symbol = match currency {
        Currency::CNY => "¥",
        Currency::USD => "$",
    };
    let sign = if value < 0.0 { "−" } else { "" };
    format!("{sign}{symbol}{} bn", billions(value.abs(), decimals))
}

/// Long form a reader quotes: "287.3 billion yuan".
pub fn amount_long(value: f64, decimals: usize, currency: Currency) -> String {
    format!("{} {}", billions(value, decimals), unit_label(currency))
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

/// "a", "a and b", "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
