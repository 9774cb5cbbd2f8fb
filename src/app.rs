//! The Leptos layer (browser only): fetches the dataset, and renders the view that
//! [`crate::view`] computes. It holds no logic of its own beyond wiring.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::chart::render_svg;
use crate::dataset::{parse_dataset, Dataset};
use crate::format::billions;
use crate::urlstate::data_path;
use crate::view::{FirstView, ViewSpec};

/// Where loading stands.
#[derive(Clone)]
enum Load {
    Loading(String),
    Ready(Arc<Dataset>),
    Failed { title: String, lines: Vec<String> },
}

fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Fetches and validates the dataset at `path`; errors are sentences for the reader.
async fn fetch_dataset(path: String) -> Result<Dataset, (String, Vec<String>)> {
    let response = gloo_net::http::Request::get(&path)
        .send()
        .await
        .map_err(|e| {
            (
                "The dataset could not be fetched".to_string(),
                vec![format!("{path}: {e}")],
            )
        })?;
    match response.status() {
        200 => {}
        404 => {
            return Err((
                "Dataset not found".to_string(),
                vec![format!("{path} was not found on the server (HTTP 404). Check the data= parameter or the file name.")],
            ))
        }
        status => {
            return Err((
                "The dataset could not be loaded".to_string(),
                vec![format!("{path}: the server answered HTTP {status} {}.", response.status_text())],
            ))
        }
    }
    let text = response.text().await.map_err(|e| {
        (
            "The dataset could not be read".to_string(),
            vec![format!("{path}: {e}")],
        )
    })?;
    parse_dataset(&path, &text).map_err(|e| {
        let message = e.to_string();
        let mut lines = message
            .lines()
            .map(|l| l.trim_start_matches("- ").to_string());
        let first = lines.next().unwrap_or_default();
        (
            "The dataset is not valid".to_string(),
            std::iter::once(first).chain(lines).collect(),
        )
    })
}

/// Two animation frames after a draw, so the mark lands after the paint.
fn mark_rendered() {
    request_animation_frame(|| {
        request_animation_frame(|| {
            if let Some(p) = window().performance() {
                let _ = p.mark("chart-rendered");
            }
        })
    });
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading(String::new()));
    match data_path(query_param("data").as_deref()) {
        Ok(path) => {
            state.set(Load::Loading(path.clone()));
            spawn_local(async move {
                state.set(match fetch_dataset(path).await {
                    Ok(d) => Load::Ready(Arc::new(d)),
                    Err((title, lines)) => Load::Failed { title, lines },
                });
            });
        }
        Err(refused) => state.set(Load::Failed {
            title: "This dataset address is not allowed".into(),
            lines: vec![refused.to_string()],
        }),
    }
    view! {
        <header class="masthead">
            <p class="brand">"Trade Trends"</p>
        </header>
        <main id="main">
            {move || match state.get() {
                Load::Loading(path) => view! {
                    <p class="status" role="status" aria-live="polite">
                        <span class="spinner" aria-hidden="true"></span>
                        {format!("Loading dataset {path}…")}
                    </p>
                }.into_any(),
                Load::Failed { title, lines } => view! { <ErrorState title lines/> }.into_any(),
                Load::Ready(d) => view! { <Dashboard dataset=d/> }.into_any(),
            }}
        </main>
    }
}

/// The error state: a heading and the problem in words.
#[component]
fn ErrorState(title: String, lines: Vec<String>) -> impl IntoView {
    view! {
        <section class="error" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{title}</h1>
            <ul class="error-lines">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            <p class="hint">"The default dataset is at "<a href="./">"this page without parameters"</a>"."</p>
        </section>
    }
}

/// The first view of a loaded dataset.
#[component]
fn Dashboard(dataset: Arc<Dataset>) -> impl IntoView {
    let Some(spec) = ViewSpec::default_for(&dataset) else {
        return view! {
            <ErrorState
                title="Nothing to draw".to_string()
                lines=vec!["The dataset is valid but has no figure with a value to draw.".to_string()]
            />
        }
        .into_any();
    };
    let view = FirstView::new(&dataset, spec.clone());
    let title = view.title.clone();
    let unit = view.unit();
    let chart_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0u32);
    let measure = move || {
        if let Some(el) = chart_ref.get_untracked() {
            let w = el.client_width().max(280) as u32;
            if w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if chart_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let chart_data = dataset.clone();
    let chart_spec = spec.clone();
    let svg = Memo::new(move |_| {
        let w = width.get();
        if w == 0 {
            return Ok(String::new());
        }
        render_svg(&FirstView::new(&chart_data, chart_spec.clone()).chart_spec(w))
            .map_err(|e| e.to_string())
    });
    Effect::new(move |_| {
        if matches!(svg.get(), Ok(ref s) if !s.is_empty()) {
            mark_rendered();
        }
    });

    let sources = view
        .sources
        .iter()
        .filter_map(|id| dataset.source(id))
        .map(|s| {
            let date = s.date.clone().map(|d| format!(", {d}")).unwrap_or_default();
            view! {
                <li id=format!("source-{}", s.id)>
                    <a href=s.url.clone() rel="noopener noreferrer">{s.title.clone()}</a>
                    {format!(" — {}{date}", s.publisher)}
                </li>
            }
        })
        .collect_view();
    let checks = view
        .checks
        .iter()
        .map(|c| view! { <li>{c.text.clone()}</li> })
        .collect_view();
    let not_drawn = view
        .not_drawn
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    let rows = view
        .rows
        .iter()
        .map(|r| {
            let value = billions(r.value, r.decimals);
            let note = r.caveat.clone().unwrap_or_default();
            view! {
                <tr class:not-drawn=!r.drawn data-plus=r.plus.join(" ") data-minus=r.minus.join(" ") data-value=r.value.to_string()>
                    <td>{r.span.label()}</td>
                    <td>{r.series.clone()}</td>
                    <td>{r.measure.label()}</td>
                    <td class="num">{value}</td>
                    <td>{r.provenance.clone()}<span class="caveat">{note}</span></td>
                    <td>{r.sources.iter().filter_map(|id| dataset.source(id)).map(|s| view! {
                        <a class="src" href=s.url.clone() rel="noopener noreferrer">{s.publisher.clone()}</a>
                    }).collect_view()}</td>
                </tr>
            }
        })
        .collect_view();
    let alt = view.alt_text();
    view! {
        <article class="dashboard">
            <h1>{title}</h1>
            <p class="standfirst">{dataset.description.clone()}</p>
            <p class="units">{format!("All values in {unit}, as published by customs (current prices, not adjusted for inflation).")}</p>
            <figure class="chart-figure">
                <div class="chart" node_ref=chart_ref aria-describedby="chart-notes">
                    {move || match svg.get() {
                        Ok(s) => view! { <div class="chart-svg-host" inner_html=s></div> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                    }}
                </div>
                <figcaption id="chart-notes" class="notes">
                    <p class="legend-note">{alt}</p>
                    <p>"Customs publishes cumulative “first N months” figures; January and February are released together. "
                       "The lower panel shows each period between two releases as one step across its months, at its average per month; the table gives each period's total."</p>
                </figcaption>
            </figure>
            <section class="checks" aria-labelledby="check-title">
                <h2 id="check-title">"Figure check"</h2>
                <p>"Where published figures disagree or look wrong, they are listed here and not drawn as fact."</p>
                <ul>{checks}</ul>
                <ul class="not-drawn-list">{not_drawn}</ul>
            </section>
            <section class="table-section" aria-labelledby="table-title">
                <h2 id="table-title">"Plotted values"</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-title">
                    <table class="values">
                        <caption>{format!("Values drawn in the chart, in {unit}, with how each was obtained")}</caption>
                        <thead><tr>
                            <th scope="col">"Period"</th>
                            <th scope="col">"Partner"</th>
                            <th scope="col">"Measure"</th>
                            <th scope="col" class="num">{format!("Value ({unit})")}</th>
                            <th scope="col">"How obtained"</th>
                            <th scope="col">"Sources"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
            <section class="sources" aria-labelledby="sources-title">
                <h2 id="sources-title">"Sources"</h2>
                <p>{dataset.attribution.clone()}</p>
                <ol>{sources}</ol>
                <p class="license">{dataset.license.clone()}</p>
            </section>
        </article>
    }
    .into_any()
}
