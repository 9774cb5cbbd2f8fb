//! Downloads of what is shown: the CSV of the page's values (one row per drawn value, with
//! provenance and sources), and the chart as a standalone SVG with its title, key figures,
//! notes and sources (the PNG is made from it in the browser).

use super::{Page, Snapshot, ValueKind};
use crate::format::{escape_xml, text_units};

/// The CSV's header: the same in every language.
pub const CSV_HEADER: &str =
    "period_start,period_end,flow,partner,measure,value,unit,currency,provenance,source_url,publisher";

impl Page {
    /// The CSV of exactly what is shown: one row per plotted value.
    pub fn csv(&self) -> String {
        let mut out = format!("{CSV_HEADER}\n");
        let (unit, currency) = self.csv_unit();
        let scale = self.wording.display_scale();
        let lang = self.wording.lang;
        for s in &self.series {
            for p in s.points.iter().filter(|p| p.drawable) {
                let links = self.links(&p.sources);
                let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
                let credits: Vec<String> = links.iter().map(|l| l.credit(lang)).collect();
                let fields = [
                    p.span.first.to_string(),
                    p.span.last.to_string(),
                    self.state.flow.code().to_string(),
                    s.code.clone(),
                    self.state.measure.code().to_string(),
                    format!("{:.4}", p.value * scale),
                    unit.clone(),
                    currency.to_string(),
                    self.wording.provenance(&p),
                    urls.join(" "),
                    credits.join("; "),
                ];
                let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                out.push_str(&row.join(","));
                out.push('\n');
            }
        }
        out
    }

    /// The CSV's unit and currency columns: money in the unit the page shows (billions in
    /// English, 亿, hundred million, in Chinese).
    fn csv_unit(&self) -> (String, &'static str) {
        let money = self.wording.magnitude.name(self.wording.lang);
        match self.wording.kind {
            ValueKind::Money {
                currency,
                per_month: true,
            } => (format!("{money} per month"), currency.code()),
            ValueKind::Money { currency, .. } => (money.to_string(), currency.code()),
            ValueKind::Percent | ValueKind::Share => ("percent".to_string(), ""),
            ValueKind::Points => ("percentage points".to_string(), ""),
        }
    }

    /// A file name for downloads: "xinjiang-total-monthly-CNY".
    pub fn file_stem(&self) -> String {
        format!(
            "{}-{}-{}-{}",
            self.reporter,
            self.state.flow.code(),
            self.state.measure.code(),
            self.state.currency.code()
        )
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

impl Snapshot {
    /// The chart as a standalone SVG file: title above, key figures, notes and sources
    /// below.
    pub fn export_svg(&self) -> String {
        let w = self.width;
        let mut lines: Vec<String> = Vec::new();
        lines.extend(self.key_figures.clone());
        lines.extend(self.notes.iter().cloned());
        lines.push(self.credit_line());
        // Wrap at about 7 px per narrow character (a Chinese character is two).
        let wrapped = wrap(&lines, (w as usize / 7).max(40));
        let top = 44;
        let bottom = 16 + 16 * wrapped.len() as u32;
        let total = top + self.height + bottom;
        let chart = self
            .svg
            .replacen("<svg ", &format!("<svg x=\"0\" y=\"{top}\" "), 1);
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{total}\" viewBox=\"0 0 {w} {total}\">\
             <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
             <text x=\"8\" y=\"28\" font-family=\"sans-serif\" font-size=\"20\" font-weight=\"bold\" fill=\"#1f1f1f\">{}</text>{chart}",
            escape_xml(&self.title)
        );
        for (i, line) in wrapped.iter().enumerate() {
            out.push_str(&format!(
                "<text x=\"8\" y=\"{}\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#444444\">{}</text>",
                top + self.height + 20 + 16 * i as u32,
                escape_xml(line)
            ));
        }
        out.push_str("</svg>");
        out
    }
}

/// `lines` wrapped at `per_line` narrow characters (a Chinese character is two) between
/// words; a word too long for a line (Chinese has no spaces) is cut where it must.
fn wrap(lines: &[String], per_line: usize) -> Vec<String> {
    let width = text_units;
    let mut wrapped: Vec<String> = Vec::new();
    for line in lines {
        let mut current = String::new();
        for word in line.split(' ') {
            if width(&current) + width(word) + 1 > per_line && !current.is_empty() {
                wrapped.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            for c in word.chars() {
                if width(&current) + 2 > per_line {
                    wrapped.push(std::mem::take(&mut current));
                }
                current.push(c);
            }
        }
        wrapped.push(current);
    }
    wrapped
}
