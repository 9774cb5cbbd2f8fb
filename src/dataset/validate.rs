//! The checker's rules for a parsed dataset, shared by the app and the `dataset` tool.
//!
//! Every problem names where it is (series, observation, field) and what was expected
//! versus found; validation collects all problems instead of stopping at the first. The
//! rules of one series (its figures, their order and sums) are in [`series`].

mod series;

use std::collections::HashSet;

use super::problem::{Problem, ProblemKind};
use super::wire::{ConflictField, Dataset, Names, PartnerKind, RateBasis};
use crate::i18n::Lang;
use crate::month::Span;

/// All semantic problems of a parsed dataset (empty when it is valid).
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut v = Validator::default();
    v.check_declarations(d);
    let source_ids: HashSet<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    let partner_codes: HashSet<&str> = d.partners.iter().map(|p| p.code.as_str()).collect();
    let reporter_codes: HashSet<&str> = d.reporters.iter().map(|r| r.code.as_str()).collect();
    let refs = Refs {
        sources: &source_ids,
        partners: &partner_codes,
        reporters: &reporter_codes,
    };
    series::check_all(&mut v, &refs, d);
    check_conflicts(&mut v, &refs, d);
    check_rates(&mut v, &refs, d);
    check_claims(&mut v, &refs, d);
    if let Some(vintage) = &d.vintage {
        v.check_date("", "vintage", vintage);
    }
    for (i, e) in d.events.iter().enumerate() {
        let loc = format!("events[{i}] {}", e.date);
        v.check_date(&loc, "date", &e.date);
        if e.title.trim().is_empty() {
            v.problem(&loc, "title", ProblemKind::EmptyTitle);
        }
        refs.check_sources(&mut v, &loc, "source", std::slice::from_ref(&e.source));
    }
    v.problems
}

fn check_conflicts(v: &mut Validator, refs: &Refs, d: &Dataset) {
    for (i, c) in d.conflicts.iter().enumerate() {
        let loc = format!(
            "conflicts[{i}] {}/{}/{} {}",
            c.reporter,
            c.flow.code(),
            c.partner,
            c.span()
        );
        refs.check_reporter_partner(v, &loc, &c.reporter, &c.partner);
        v.check_span(&loc, c.span(), c.basis);
        if c.figures.len() < 2 {
            v.problem(&loc, "figures", ProblemKind::ConflictNeedsTwo);
        }
        if c.figures.iter().filter(|f| f.chosen).count() != 1 {
            v.problem(&loc, "figures", ProblemKind::ConflictChosen);
        }
        for f in &c.figures {
            let money = c.field == ConflictField::Value;
            v.check_number(&loc, "figures.value", f.value, money);
            refs.check_sources(v, &loc, "sources", &f.sources);
        }
    }
}

fn check_rates(v: &mut Validator, refs: &Refs, d: &Dataset) {
    for (i, r) in d.exchange_rates.iter().enumerate() {
        let span = Span {
            first: r.first,
            last: r.last,
        };
        let loc = format!("exchange_rates[{i}] {span}");
        if r.first > r.last {
            v.problem(&loc, "last", ProblemKind::RateReversed);
        }
        let (shape_ok, expected) = match r.basis {
            RateBasis::Month => (
                r.first == r.last && r.date.is_none(),
                ProblemKind::RateMonthShape,
            ),
            RateBasis::Year => (
                r.first.month() == 1 && r.last == r.first.december() && r.date.is_none(),
                ProblemKind::RateYearShape,
            ),
            RateBasis::Day => (
                r.first == r.last
                    && r.date
                        .as_deref()
                        .is_some_and(|d| d.get(..7) == Some(&r.first.to_string())),
                ProblemKind::RateDayShape,
            ),
        };
        if !shape_ok {
            v.problem(&loc, "basis", expected);
        }
        if !(r.cny_per_usd.is_finite() && r.cny_per_usd > 0.0) {
            let n = r.cny_per_usd;
            v.problem(&loc, "cny_per_usd", ProblemKind::NotPositive { n });
        }
        if let Some(date) = &r.date {
            v.check_date(&loc, "date", date);
        }
        refs.check_sources(v, &loc, "source", std::slice::from_ref(&r.source));
    }
}

fn check_claims(v: &mut Validator, refs: &Refs, d: &Dataset) {
    let mut seen = HashSet::new();
    for (i, c) in d.claims.iter().enumerate() {
        let loc = format!("claims[{i}] {}", c.id);
        if !v.unique(&mut seen, &c.id) {
            let code = c.id.clone();
            v.problem(&loc, "id", ProblemKind::CodeTwice { code });
        }
        refs.check_sources(v, &loc, "source", std::slice::from_ref(&c.source));
        if c.words.trim().is_empty() {
            v.problem(&loc, "words", ProblemKind::EmptyTitle);
        }
        if c.asserts.is_empty() {
            v.problem(&loc, "asserts", ProblemKind::NoAssertion);
        }
        for a in &c.asserts {
            for f in a.figures() {
                refs.check_reporter_partner(v, &loc, &f.reporter, &f.partner);
                v.check_span(&loc, f.span(), f.basis);
            }
            if let super::claims::Assertion::Value { value, .. } = a {
                v.check_number(&loc, "asserts.value", *value, true);
            }
        }
    }
}

/// The problems found so far.
#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

/// The codes a reference may name.
struct Refs<'a> {
    sources: &'a HashSet<&'a str>,
    partners: &'a HashSet<&'a str>,
    reporters: &'a HashSet<&'a str>,
}

impl Refs<'_> {
    fn check_reporter_partner(&self, v: &mut Validator, loc: &str, reporter: &str, partner: &str) {
        if !self.reporters.contains(reporter) {
            let code = reporter.to_string();
            v.problem(loc, "reporter", ProblemKind::UndeclaredReporter { code });
        }
        if !self.partners.contains(partner) {
            let code = partner.to_string();
            v.problem(loc, "partner", ProblemKind::UndeclaredPartner { code });
        }
    }

    /// The source ids of field `field` (`source` or `sources`) are declared, and some.
    fn check_sources(&self, v: &mut Validator, loc: &str, field: &str, ids: &[String]) {
        if ids.is_empty() {
            v.problem(loc, field, ProblemKind::NoSources);
        }
        for id in ids.iter().filter(|id| !self.sources.contains(id.as_str())) {
            let code = id.clone();
            v.problem(loc, field, ProblemKind::UndeclaredSource { code });
        }
    }
}

/// Largest plausible trade value in full units (a thousand trillion).
const MAX_VALUE: f64 = 1e15;
/// Longest name or title shown.
const MAX_TEXT: usize = 300;

impl Validator {
    fn problem(&mut self, location: &str, field: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            location: location.to_string(),
            field: field.to_string(),
            kind,
        });
    }

    /// Translated names: keyed by a language the page speaks other than English (whose
    /// name is the `name` field), each a shown text.
    fn check_names(&mut self, location: &str, names: &Names) {
        for (lang, name) in names {
            let field = format!("names.{}", lang.chars().take(20).collect::<String>());
            match Lang::from_code(lang) {
                Some(Lang::En) => self.problem(location, &field, ProblemKind::NamesHoldEnglish),
                Some(_) if name.trim().is_empty() => {
                    self.problem(location, &field, ProblemKind::NameEmpty)
                }
                Some(_) => self.check_text(location, &field, name),
                None => {
                    let code = lang.chars().take(20).collect();
                    self.problem(location, &field, ProblemKind::UnknownLanguage { code })
                }
            }
        }
    }

    fn check_declarations(&mut self, d: &Dataset) {
        self.check_text("dataset", "title", &d.title);
        for (i, r) in d.reporters.iter().enumerate() {
            self.check_text(&format!("reporters[{i}] {}", r.code), "name", &r.name);
        }
        for (i, p) in d.partners.iter().enumerate() {
            self.check_text(&format!("partners[{i}] {}", p.code), "name", &p.name);
        }
        for (i, e) in d.events.iter().enumerate() {
            self.check_text(&format!("events[{i}] {}", e.date), "title", &e.title);
        }
        for (i, r) in d.reporters.iter().enumerate() {
            self.check_names(&format!("reporters[{i}] {}", r.code), &r.names);
        }
        for (i, p) in d.partners.iter().enumerate() {
            self.check_names(&format!("partners[{i}] {}", p.code), &p.names);
        }
        let mut seen = HashSet::new();
        for (i, f) in d.flow_names.iter().enumerate() {
            let loc = format!("flow_names[{i}] {}", f.flow.code());
            if !seen.insert(f.flow) {
                self.problem(&loc, "flow", ProblemKind::FlowNamesTwice);
            }
            self.check_names(&loc, &f.names);
        }
        self.check_reporter_codes(d);
        self.check_partners(d);
        self.check_sources_declared(d);
    }

    /// Reporter codes that are empty or repeat.
    fn check_reporter_codes(&mut self, d: &Dataset) {
        let mut seen = HashSet::new();
        for (i, r) in d.reporters.iter().enumerate() {
            if !self.unique(&mut seen, &r.code) {
                let code = r.code.clone();
                self.problem(
                    &format!("reporters[{i}]"),
                    "code",
                    ProblemKind::CodeTwice { code },
                );
            }
        }
    }

    /// Whether `code` is not empty and not in `seen` (which it joins).
    fn unique<'a>(&self, seen: &mut HashSet<&'a str>, code: &'a str) -> bool {
        !code.trim().is_empty() && seen.insert(code)
    }

    /// Partner codes that are empty or repeat, and groups' members.
    fn check_partners(&mut self, d: &Dataset) {
        let mut seen = HashSet::new();
        let is_country = |m: &String| {
            d.partners
                .iter()
                .any(|q| &q.code == m && q.kind == PartnerKind::Country)
        };
        for (i, p) in d.partners.iter().enumerate() {
            let loc = format!("partners[{i}] {}", p.code);
            if !self.unique(&mut seen, &p.code) {
                let code = p.code.clone();
                self.problem(&loc, "code", ProblemKind::CodeTwice { code });
            }
            for m in p.members.iter().filter(|m| !is_country(m)) {
                let code = m.clone();
                self.problem(&loc, "members", ProblemKind::MemberUndeclared { code });
            }
            if p.kind == PartnerKind::Group && p.members.is_empty() {
                self.problem(&loc, "members", ProblemKind::GroupWithoutMembers);
            }
        }
    }

    fn check_sources_declared(&mut self, d: &Dataset) {
        let mut seen = HashSet::new();
        for (i, s) in d.sources.iter().enumerate() {
            let loc = format!("sources[{i}] {}", s.id);
            if !self.unique(&mut seen, &s.id) {
                let code = s.id.clone();
                self.problem(&loc, "id", ProblemKind::CodeTwice { code });
            }
            // Any other address (javascript:, data:, …) is shown as text, never as a link.
            if s.url.trim().is_empty() {
                self.problem(&loc, "url", ProblemKind::NoUrl);
            }
            self.check_text(&loc, "title", &s.title);
            self.check_publisher(&loc, &s.publisher);
            if let Some(date) = &s.date {
                self.check_date(&loc, "date", date);
            }
        }
    }

    /// A source's publisher: named, and by its name, not by a host.
    fn check_publisher(&mut self, loc: &str, publisher: &str) {
        if publisher.trim().is_empty() {
            return self.problem(loc, "publisher", ProblemKind::NoPublisher);
        }
        if looks_like_host(publisher) {
            let publisher = publisher.to_string();
            self.problem(loc, "publisher", ProblemKind::PublisherIsHost { publisher });
        }
        self.check_text(loc, "publisher", publisher);
    }

    fn check_date(&mut self, loc: &str, field: &str, date: &str) {
        if !is_iso_date(date) {
            let date = date.to_string();
            self.problem(loc, field, ProblemKind::NotADate { date });
        }
    }

    fn check_span(&mut self, loc: &str, span: Span, basis: super::wire::Basis) {
        use super::wire::Basis;
        let (first, last) = (span.first, span.last);
        if first > last {
            return self.problem(loc, "last", ProblemKind::SpanReversed { first, last });
        }
        let (field, kind) = match basis {
            Basis::Month if first != last => ("basis", ProblemKind::MonthBasis { first, last }),
            Basis::Ytd if first.month() != 1 || first.year() != last.year() => {
                ("first", ProblemKind::YtdBasis { first, last })
            }
            Basis::Year if first.month() != 1 || last != first.december() => {
                ("basis", ProblemKind::YearBasis { first, last })
            }
            _ => return,
        };
        self.problem(loc, field, kind);
    }

    fn check_number(&mut self, loc: &str, field: &str, n: f64, non_negative: bool) {
        if !n.is_finite() {
            self.problem(loc, field, ProblemKind::NotFinite { n });
        } else if non_negative && n < 0.0 {
            self.problem(loc, field, ProblemKind::Negative { n });
        }
    }

    /// Names and titles: not longer than [`MAX_TEXT`] characters.
    fn check_text(&mut self, loc: &str, field: &str, text: &str) {
        let n = text.chars().count();
        if n > MAX_TEXT {
            let kind = ProblemKind::TooLong { n, max: MAX_TEXT };
            self.problem(loc, field, kind);
        }
    }
}

/// Whether `name` reads as a host name ("naghshcarpet.com", "www.ecns.cn"): one word of
/// letters, digits, dots and dashes with a dot before a last part of letters.
pub fn looks_like_host(name: &str) -> bool {
    let name = name.trim().trim_end_matches('.');
    let Some((head, tld)) = name.rsplit_once('.') else {
        return false;
    };
    let host_chars = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    };
    host_chars(head) && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
}

/// True for a valid calendar date `YYYY-MM-DD`.
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        text.get(r.clone())
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?
            .parse()
            .ok()
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}
