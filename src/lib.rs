//! Trade Trends: an embeddable trade-trend dashboard.
//!
//! Layers, each pointing only down: [`month`] (calendar months and spans) →
//! [`dataset`] (wire types and validation) → [`periods`] (the customs-period engine) →
//! [`view`] (what the first view shows) → [`chart`] (SVG drawing); [`format`](mod@format) and
//! [`urlstate`] are small pure modules anything may use. The Leptos app (`app`, wasm only)
//! sits on top; the `dataset` command-line tool and [`ingest`] (native only) beside it.

#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod chart;
pub mod checks;
pub mod currency;
pub mod dataset;
pub mod embed;
pub mod format;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod ingest;
pub mod measures;
pub mod month;
pub mod page;
pub mod periods;
pub mod selection;
pub mod summary;
pub mod synth;
pub mod urlstate;
