//! Measures: what a reader asks of a series, computed from its published figures.
//!
//! Values come in a chosen currency: a figure published in that currency by the reporter
//! where there is one, otherwise the figure in the other currency converted at the
//! average exchange rate over the period's months (marked approximate, with the rate and
//! its source). On top of those: trade balance, year-on-year change, rolling 12-month
//! sums, shares of the world total and contributions to growth. Every value says how it
//! was obtained.
//!
//! - [`Point`] and [`How`] (point): one value and how it was obtained; [`words`] puts
//!   them in words;
//! - [`Points`]: a series' values in time order (a monthly run's read in place);
//! - money values of a series in a currency ([`money`]), kept per series by [`Derived`];
//! - growth on a year earlier ([`yoy`]), sums ([`balance`], [`rolling12`]) and parts of
//!   the world total ([`share`], [`contributions`]).

mod cache;
mod growth;
pub mod money;
mod point;
mod points;
mod shares;
mod sums;
pub mod words;

pub use cache::Derived;
pub use growth::{published_growth_only, yoy};
pub use money::{average_rate, in_time_order, run_only};
pub use point::{Caveat, Computation, Cut, How, Point, RateUsed, ShareOf, Sources};
pub use points::{Brief, Points, WeakPoints};
pub use shares::{contributions, share, share_of, Contribution};
pub use sums::{balance, rolling12};
