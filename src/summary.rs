//! One-screen text summaries of a dataset, for the `dataset` tool.

use std::fmt::Write;

use crate::currency::Currency;
use crate::dataset::{Conflict, ConflictField, Dataset, Series};
use crate::format::{billions, decimals_for, percent};
use crate::month::{Month, Span};
use crate::periods::derive;

/// Series, periods covered, gaps and conflicts.
pub fn summarize(d: &Dataset) -> String {
    let mut out = String::new();
    let figures: usize = d.series.iter().map(Series::figure_count).sum();
    let _ = writeln!(
        out,
        "{}: {} series, {} figures, {} sources, {} conflicts, {} exchange rates, {} events",
        d.title,
        d.series.len(),
        figures,
        d.sources.len(),
        d.conflicts.len(),
        d.exchange_rates.len(),
        d.events.len()
    );
    for s in &d.series {
        let _ = writeln!(out, "{}", series_line(d, s));
    }
    for c in &d.conflicts {
        let _ = writeln!(out, "  conflict: {}", conflict_line(d, c));
    }
    out.trim_end().to_string()
}

fn series_line(d: &Dataset, s: &Series) -> String {
    let key = format!("{}/{}/{}", s.reporter, s.flow.code(), s.partner);
    let first = s.figures().map(|(_, o)| o.first).min();
    let last = s.figures().map(|(_, o)| o.last).max();
    let count = |c: Option<Currency>| s.figures().filter(|(_, o)| o.currency == c).count();
    let conflicts = d.conflicts_of(s).count();
    let mut line = format!(
        "  {key:<34} {:>3} figures (CNY {}, USD {}, growth only {})",
        s.figure_count(),
        count(Some(Currency::CNY)),
        count(Some(Currency::USD)),
        count(None)
    );
    if let (Some(a), Some(b)) = (first, last) {
        let _ = write!(line, ", {a}..{b}");
    }
    let derivation = derive(s, Currency::CNY);
    let covered: Vec<Month> = derivation
        .periods
        .iter()
        .filter(|p| p.drawable())
        .flat_map(|p| p.span.months())
        .collect();
    if !covered.is_empty() {
        let gaps = gaps(&covered);
        let _ = write!(line, "; CNY periods {}", derivation.periods.len());
        if !gaps.is_empty() {
            let shown: Vec<String> = gaps.iter().take(3).map(|g| g.to_string()).collect();
            let more = if gaps.len() > 3 {
                format!(" and {} more", gaps.len() - 3)
            } else {
                String::new()
            };
            let _ = write!(line, ", gaps {}{more}", shown.join(", "));
        }
    }
    if conflicts > 0 {
        let _ = write!(line, "; {conflicts} conflict(s)");
    }
    line
}

/// Runs of months missing between the first and last covered month.
pub fn gaps(covered: &[Month]) -> Vec<Span> {
    let mut months: Vec<Month> = covered.to_vec();
    crate::sorting::sort(&mut months);
    months.dedup();
    months
        .windows(2)
        .filter(|w| w[1].index() - w[0].index() > 1)
        .map(|w| Span {
            first: w[0].offset(1),
            last: w[1].offset(-1),
        })
        .collect()
}

/// `xinjiang/total/world Jan–Oct 2023 USD value: 409.2 bn [disputed] (obs-0056) vs …`.
pub fn conflict_line(_d: &Dataset, c: &Conflict) -> String {
    let what = match (c.field, c.currency) {
        (ConflictField::Value, Some(cur)) => format!("{} value", cur.code()),
        (ConflictField::Value, None) => "value".to_string(),
        (ConflictField::YoyPct, Some(cur)) => format!("{} growth", cur.code()),
        (ConflictField::YoyPct, None) => "growth".to_string(),
    };
    let figures: Vec<String> = c
        .figures
        .iter()
        .map(|f| {
            let number = match c.field {
                ConflictField::Value => format!("{} bn", billions(f.value, decimals_for(1e7))),
                ConflictField::YoyPct => percent(f.value),
            };
            let mut tags = Vec::new();
            if f.disputed {
                tags.push("disputed");
            }
            if f.chosen {
                tags.push("chosen");
            }
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", tags.join(", "))
            };
            format!("{number}{tags} ({})", f.rows.join(", "))
        })
        .collect();
    let mut line = format!(
        "{}/{}/{} {} {what}: {}",
        c.reporter,
        c.flow.code(),
        c.partner,
        c.span().label(),
        figures.join(" vs ")
    );
    if let Some(cause) = &c.likely_cause {
        let _ = write!(line, " — {cause}");
    }
    line
}
