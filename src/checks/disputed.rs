//! The note on a disputed figure: what was claimed, what customs published for the same
//! period (in either currency, with its growth rate), and what the numbers suggest (a
//! factor of ten is most likely a unit slip); where customs published no figure for the
//! period, the value its year-to-date releases give.

use super::{terms_sources, terms_text, CheckKind, CheckNote};
use crate::currency::Currency;
use crate::dataset::{push_unique, Dataset, Flag, Flow, Observation, Series};
use crate::format::{amount_long_in, amount_short_in, decimals_for, join_and_in, percent};
use crate::i18n::{fill, Lang};
use crate::periods::{derive_with, Provenance};

/// The note on disputed figure `o` of series `s`.
pub(super) fn note(d: &Dataset, s: &Series, o: &Observation, lang: Lang) -> CheckNote {
    let t = lang.text();
    let currency = o.currency.unwrap_or(Currency::USD);
    let claim = amount_long_in(
        o.value.unwrap_or_default(),
        decimals_for(o.resolution.unwrap_or(1e8)).min(1),
        currency,
        lang,
    );
    let mut text = fill(
        t.v_disputed,
        &[
            ("period", &o.span().label_in(lang)),
            ("claim", &claim),
            ("flow", d.flow_name(s.flow, lang)),
            ("partner", &d.partner_phrase(&s.partner, lang)),
            ("row", &o.first_row()),
        ],
    );
    let mut sources = o.sources.to_vec();
    // What customs published for the same period, in total trade.
    let total = d.series(&s.reporter, Flow::Total, &s.partner);
    let official: Vec<Observation> = total
        .into_iter()
        .flat_map(|t| t.figures())
        .filter(|(_, x)| x.is_fact() && x.span() == o.span() && x.basis == o.basis)
        .map(|(_, x)| x.into_owned())
        .collect();
    if official.is_empty() {
        text.push_str(&derived_instead(total, o, &mut sources, lang));
    } else {
        for x in &official {
            push_unique(&mut sources, &x.sources);
        }
        text.push_str(&customs_figures(d, s, &official, lang));
        text.push_str(&comparison(total, o, lang));
    }
    let short_claim = amount_short_in(o.value.unwrap_or_default(), 0, currency, lang);
    CheckNote {
        span: o.span(),
        kind: CheckKind::Disputed,
        text,
        short: fill(t.mark_disputed, &[("value", &short_claim)]),
        sources,
        verdict: None,
    }
}

/// " Customs published total trade of 287.3 billion yuan, +48.9% on a year earlier
/// (obs-0055) and …".
fn customs_figures(d: &Dataset, s: &Series, official: &[Observation], lang: Lang) -> String {
    let t = lang.text();
    let figures: Vec<String> = official
        .iter()
        .map(|x| {
            let c = x.currency.unwrap_or(Currency::CNY);
            let conversion = if x.flags.contains(&Flag::PublisherConversion) {
                t.v_publisher_conversion
            } else {
                ""
            };
            // A publisher's dollar conversion carries the yuan growth rate: given once,
            // with the yuan figure.
            let growth = match x.yoy_pct {
                Some(p) if conversion.is_empty() => fill(t.v_growth, &[("growth", &percent(p))]),
                _ => String::new(),
            };
            let decimals = decimals_for(x.resolution.unwrap_or(1e7));
            let value = amount_long_in(x.value.unwrap_or_default(), decimals, c, lang);
            fill(
                t.v_customs_figure,
                &[
                    ("value", &value),
                    ("conversion", conversion),
                    ("growth", &growth),
                    ("row", &x.first_row()),
                ],
            )
        })
        .collect();
    let template = if s.flow == Flow::Total {
        t.v_customs_total
    } else {
        t.v_customs_total_not_flow
    };
    fill(
        template,
        &[
            ("flow", d.flow_name(s.flow, lang)),
            ("figures", &join_and_in(&figures, lang)),
        ],
    )
}

/// What the disputed figure is beside customs' total for the period: ten times it (a
/// unit slip), and a growth rate that differs from the one customs published.
fn comparison(total: Option<&Series>, o: &Observation, lang: Lang) -> String {
    let t = lang.text();
    let mut text = String::new();
    let find = |wanted: &dyn Fn(&Observation) -> bool| {
        total.and_then(|s| {
            s.figures()
                .find(|(_, x)| x.is_fact() && x.span() == o.span() && wanted(x))
                .map(|(_, x)| x.into_owned())
        })
    };
    if let (Some(v), Some(c)) = (o.value, o.currency) {
        let same_currency = find(&|x| x.currency == Some(c));
        if let Some(x) = same_currency.and_then(|x| x.value).filter(|x| *x > 0.0) {
            let ratio = v / x;
            if (9.0..=11.0).contains(&ratio) {
                text.push_str(&fill(t.v_unit_slip, &[("ratio", &format!("{ratio:.1}"))]));
            }
        }
    }
    // The disputed report's growth rate, against the one customs published.
    let customs_growth = find(&|x| x.yoy_pct.is_some()).and_then(|x| x.yoy_pct);
    if let (Some(claimed), Some(official)) = (o.yoy_pct, customs_growth) {
        if (claimed - official).abs() > 0.05 {
            text.push_str(&fill(
                t.v_growth_differs,
                &[
                    ("claimed", &percent(claimed)),
                    ("official", &percent(official)),
                ],
            ));
        }
    }
    text
}

/// Where customs published no figure for the period: the value its year-to-date releases
/// give, derived from the total-trade series itself (shown or not) in yuan (customs
/// publishes yuan), leaving out publishers' own conversions.
fn derived_instead(
    total: Option<&Series>,
    o: &Observation,
    sources: &mut Vec<String>,
    lang: Lang,
) -> String {
    let t = lang.text();
    let derived = total.and_then(|total| {
        let derivation = derive_with(total, Currency::CNY, |x| {
            !x.flags.contains(&Flag::PublisherConversion)
        });
        let period = derivation
            .periods
            .into_iter()
            .find(|x| x.span == o.span() && x.drawable())?;
        Some((total, period))
    });
    let Some((total, x)) = derived else {
        return t.v_no_customs_figure.to_string();
    };
    let terms = match &x.provenance {
        Provenance::Derived(terms) => {
            push_unique(sources, &terms_sources(total, terms));
            terms_text(total, terms, lang)
        }
        Provenance::Official { observation } => {
            let o = total.figure(*observation);
            push_unique(sources, &o.sources);
            o.first_row()
        }
    };
    fill(
        t.v_derived_instead,
        &[
            ("value", &amount_long_in(x.value, 2, Currency::CNY, lang)),
            ("terms", &terms),
        ],
    )
}
