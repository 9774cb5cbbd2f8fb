//! The reader's language: English or Simplified Chinese. Every string the page shows
//! comes from one catalogue per language (`en::EN`, `zh::ZH`); a missing entry is a
//! compile error, because both are values of the same [`Catalogue`] struct. Templates name
//! their blanks (`{period}`) and are filled with [`fill`].
//!
//! Numbers, months and units follow the language through [`crate::format`] and
//! [`crate::month`]: customs in China publishes yuan figures in 亿元 (hundred million
//! yuan), so Chinese shows 亿元 and English billions.

mod en;
mod zh;

pub use catalogue::Catalogue;

mod catalogue;

/// A language the page speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The `lang=` value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The BCP 47 tag for `<html lang>`: Chinese in simplified script.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language for a browser's preferences (`navigator.languages`, best first):
    /// the first that is English or Chinese; English if none is.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in preferred {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if let Some(lang) = Lang::from_code(&primary) {
                return lang;
            }
        }
        Lang::En
    }

    /// What separates two sentences: a space in English, nothing in Chinese.
    pub fn sentence_gap(self) -> &'static str {
        match self {
            Lang::En => " ",
            Lang::Zh => "",
        }
    }

    /// This language's strings.
    pub fn text(self) -> &'static Catalogue {
        match self {
            Lang::En => &en::EN,
            Lang::Zh => &zh::ZH,
        }
    }

    /// The name of the language in itself, for the language switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }
}

/// Fills the named blanks of `template`: `fill("{a} and {b}", &[("a", "x"), ("b", "y")])`
/// is "x and y". A blank without a value stays as written, so a mistake shows.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
