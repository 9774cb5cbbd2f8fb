//! Trade Trends: an embeddable trade-trend dashboard.
//!
//! One pipeline in layers. A module imports only from its own layer and the layers below,
//! and no two modules import each other, directly or through others ([`LAYERS`], checked by
//! `tests/architecture.rs`; `docs/architecture.md` follows one control change through
//! them). Lowest first:
//!
//! | layer | modules | what they hold |
//! |---|---|---|
//! | ground | [`i18n`], [`month`], [`currency`], [`format`](mod@format), [`urlstate`], [`embed`], [`sorting`] | languages and their strings, months, currencies, numbers in words, the view state in the URL, the embed protocol and codes, one shared sort |
//! | data | [`dataset`], [`periods`], `ingest` (native), [`synth`], [`summary`] | the published figures and their checker, the periods between releases, building the dataset from tables |
//! | measures | [`measures`], [`selection`], [`checks`] | what a reader asks of a series, which series a view state selects, the figure check |
//! | chart | [`chart`] | SVG drawing, pure |
//! | page | [`page`] | what a view state shows, and the page drawn at a width |
//! | app | `app` (wasm only) | the Leptos components, one per file, and the browser's state as signals |
//!
//! The command-line tools (`src/bin`: `dataset`, `prerender`) use the library from beside
//! it; `src/main.rs` mounts the app.

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
pub mod sorting;
pub mod summary;
pub mod synth;
pub mod urlstate;

/// The layers of the library, lowest first, each with its modules (the table above shows
/// the same). A module may import from its own layer and those before it, never from a
/// later one; and no modules may import each other in a loop.
pub const LAYERS: &[(&str, &[&str])] = &[
    (
        "ground",
        &[
            "i18n", "month", "currency", "format", "urlstate", "embed", "sorting",
        ],
    ),
    (
        "data",
        &["dataset", "periods", "ingest", "synth", "summary"],
    ),
    ("measures", &["measures", "selection", "checks"]),
    ("chart", &["chart"]),
    ("page", &["page"]),
    ("app", &["app"]),
];
