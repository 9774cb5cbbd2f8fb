//! How a value was obtained and what a reader should know of it, in words, in the
//! reader's language.

use super::point::{Caveat, Computation, How};
use crate::i18n::{fill, Lang};

impl Computation {
    /// In words, in a language.
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            Computation::Balance => t.how_balance.to_string(),
            Computation::GrowthAsPublished => t.how_growth_as_published.to_string(),
            Computation::ChangeOn { span, base } => fill(
                t.how_change_on,
                &[
                    ("span", &span.label_in(lang)),
                    ("base", &base.label_in(lang)),
                ],
            ),
            Computation::Sum12 { span } => fill(t.how_sum12, &[("span", &span.label_in(lang))]),
            Computation::Share { part } => fill(t.how_share, &[("part", part)]),
            Computation::ShareOf(s) => share_of_text(s, &|r| r.to_string(), lang),
            Computation::Contribution { part } => fill(t.how_contribution, &[("part", part)]),
            Computation::Residual { total_pct } => fill(
                t.how_residual,
                &[("total", &crate::format::percent(*total_pct))],
            ),
        }
    }
}

impl Caveat {
    /// In words, in a language.
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.text();
        match self {
            Caveat::NotPositive => t.caveat_not_positive.to_string(),
            Caveat::DiffersFromDerived { derived, currency } => fill(
                t.caveat_differs_from_derived,
                &[(
                    "derived",
                    &crate::format::amount_long_in(*derived, 2, *currency, lang),
                )],
            ),
            Caveat::GrowthDiffers {
                published,
                computed,
            } => fill(
                t.caveat_growth_differs,
                &[
                    ("published", &crate::format::percent_as_printed(*published)),
                    ("computed", &crate::format::percent(*computed)),
                ],
            ),
        }
    }
}

/// Words for a provenance in a language; `row` names a source-table row (e.g. with its
/// period).
pub fn describe(how: &How, row: &dyn Fn(&str) -> String, lang: Lang) -> String {
    let t = lang.text();
    match how {
        // A value of a monthly run has no row of its own: the run is its record.
        How::Official { rows } if rows.is_empty() => t.how_official_run.to_string(),
        How::Official { rows } => fill(
            t.how_official,
            &[(
                "rows",
                &rows.iter().map(|r| row(r)).collect::<Vec<_>>().join(", "),
            )],
        ),
        How::Derived { plus, minus } => fill(
            t.how_derived,
            &[(
                "terms",
                &format!(
                    "{}{}",
                    plus.iter().map(|r| row(r)).collect::<Vec<_>>().join(" + "),
                    minus
                        .iter()
                        .map(|r| format!(" − {}", row(r)))
                        .collect::<String>()
                ),
            )],
        ),
        How::Converted { inner, from, rate } => fill(
            t.how_converted,
            &[
                ("inner", &describe(inner, row, lang)),
                ("from", from.name_in(lang)),
                ("rate", &format!("{:.4}", rate.cny_per_usd)),
                ("months", &rate.months.to_string()),
                ("s", if rate.months == 1 { "" } else { "s" }),
                ("series", &rate.rate_series),
            ],
        ),
        How::Computed(Computation::ShareOf(s)) => share_of_text(s, row, lang),
        How::Computed(what) => fill(t.how_computed, &[("what", &what.text(lang))]),
        How::PerMonth { inner, months } => fill(
            t.how_per_month,
            &[
                ("inner", &describe(inner, row, lang)),
                ("months", &months.to_string()),
            ],
        ),
    }
}

/// "Share: Xinjiang, Jan–Oct 2023 (obs-0307) ÷ China, Jan–Oct 2023 (obs-0453)".
fn share_of_text(s: &super::point::ShareOf, row: &dyn Fn(&str) -> String, lang: Lang) -> String {
    let side = |name: &str, rows: &[String]| {
        let rows: Vec<String> = rows.iter().map(|r| row(r)).collect();
        match rows.is_empty() {
            true => name.to_string(),
            false => fill(
                lang.text().share_side,
                &[("reporter", name), ("rows", &rows.join(", "))],
            ),
        }
    };
    fill(
        lang.text().how_share_of,
        &[
            ("part", &side(&s.part, &s.part_rows)),
            ("whole", &side(&s.whole, &s.whole_rows)),
        ],
    )
}
