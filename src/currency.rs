//! The two currencies of the figures: yuan (as customs in China publishes) and US dollars.
//! A value of the dataset is in one of them; the page shows either.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Currency of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Currency {
    CNY,
    USD,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::CNY => "CNY",
            Currency::USD => "USD",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        [Currency::CNY, Currency::USD]
            .into_iter()
            .find(|c| c.code() == code)
    }

    /// The other currency of the two.
    pub fn other(self) -> Currency {
        match self {
            Currency::CNY => Currency::USD,
            Currency::USD => Currency::CNY,
        }
    }

    /// The currency in words: "yuan", "人民币".
    pub fn name_in(self, lang: Lang) -> &'static str {
        let t = lang.text();
        match self {
            Currency::CNY => t.currency_cny,
            Currency::USD => t.currency_usd,
        }
    }
}
