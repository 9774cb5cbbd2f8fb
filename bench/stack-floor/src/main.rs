//! The floor of the fixed stack: the harness's chart (ten series, time axis, value axis,
//! legend, 960×540) drawn with nothing but the project's stack, and none of the
//! dashboard: Leptos mounts one element, gloo-net fetches `?data=`, serde_json parses the
//! harness's own format, each series is decimated per pixel column (first, min, max, last:
//! as the app and `floor-canvas-m4` do), plotters writes the SVG, Leptos sets it, and the
//! `chart-rendered` mark follows two animation frames later. `window.benchUpdate()` hides
//! or shows the first series through a signal.
//!
//! What this page measures is what any page on this stack pays before it does anything of
//! its own: the code size of Leptos, wasm-bindgen, serde_json and plotters, their start-up,
//! and an SVG chart's parse, layout and raster. It is not a dashboard.

#[cfg(target_arch = "wasm32")]
mod page {
    use leptos::prelude::*;
    use plotters::prelude::*;
    use serde::Deserialize;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    const WIDTH: u32 = 960;
    const HEIGHT: u32 = 540;
    const PALETTE: [RGBColor; 10] = [
        RGBColor(0x4e, 0x79, 0xa7),
        RGBColor(0xf2, 0x8e, 0x2c),
        RGBColor(0xe1, 0x57, 0x59),
        RGBColor(0x76, 0xb7, 0xb2),
        RGBColor(0x59, 0xa1, 0x4f),
        RGBColor(0xed, 0xc9, 0x49),
        RGBColor(0xaf, 0x7a, 0xa1),
        RGBColor(0xff, 0x9d, 0xa7),
        RGBColor(0x9c, 0x75, 0x5f),
        RGBColor(0xba, 0xb0, 0xab),
    ];

    #[derive(Deserialize)]
    struct Data {
        periods: Vec<String>,
        series: Vec<Series>,
    }

    #[derive(Deserialize)]
    struct Series {
        name: String,
        values: Vec<f64>,
    }

    fn mark(name: &str) {
        if let Some(performance) = window().performance() {
            let _ = performance.mark(name);
        }
    }

    fn fail(message: String) {
        let _ = js_sys::Reflect::set(&window(), &"benchError".into(), &message.into());
        mark("chart-error");
    }

    /// At most four points per pixel column of `columns`: the first, lowest, highest and
    /// last value that falls in it, in the order they come.
    fn m4(values: &[f64], columns: usize) -> Vec<(f64, f64)> {
        let n = values.len();
        let mut out = Vec::with_capacity(4 * columns.min(n));
        let mut i = 0;
        while i < n {
            let column = i * columns / n;
            let mut end = i + 1;
            while end < n && end * columns / n == column {
                end += 1;
            }
            let (mut lo, mut hi) = (i, i);
            for j in i..end {
                if values[j] < values[lo] {
                    lo = j;
                }
                if values[j] > values[hi] {
                    hi = j;
                }
            }
            let mut picks = [i, lo.min(hi), lo.max(hi), end - 1];
            picks.sort_unstable();
            let mut last = usize::MAX;
            for p in picks {
                if p != last {
                    out.push((p as f64, values[p]));
                    last = p;
                }
            }
            i = end;
        }
        out
    }

    fn first_year(periods: &[String]) -> i64 {
        periods
            .first()
            .and_then(|p| p.rsplit_once('-'))
            .and_then(|(year, _)| year.parse().ok())
            .unwrap_or(0)
    }

    fn draw(data: &Data, hidden: bool) -> Result<String, String> {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
            root.fill(&WHITE).map_err(|e| e.to_string())?;
            let months = data.periods.len().max(1);
            let shown = || {
                data.series
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !hidden || *i != 0)
            };
            let (lo, hi) = shown()
                .flat_map(|(_, s)| s.values.iter().copied())
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                    (lo.min(v), hi.max(v))
                });
            let (lo, hi) = if lo <= hi { (lo, hi) } else { (0.0, 1.0) };
            let year0 = first_year(&data.periods);
            let mut chart = ChartBuilder::on(&root)
                .margin(10)
                .x_label_area_size(28)
                .y_label_area_size(60)
                .build_cartesian_2d(0f64..months as f64, lo..hi)
                .map_err(|e| e.to_string())?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_labels(8)
                .x_label_formatter(&|x| (year0 + (*x as i64) / 12).to_string())
                .y_labels(6)
                .draw()
                .map_err(|e| e.to_string())?;
            let (xs, _) = chart.plotting_area().get_pixel_range();
            let columns = (xs.end - xs.start).max(1) as usize;
            for (i, series) in shown() {
                let color = PALETTE[i % PALETTE.len()];
                chart
                    .draw_series(LineSeries::new(
                        m4(&series.values, columns),
                        color.stroke_width(1),
                    ))
                    .map_err(|e| e.to_string())?
                    .label(series.name.as_str())
                    .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], color));
            }
            chart
                .configure_series_labels()
                .background_style(WHITE.mix(0.8))
                .border_style(BLACK)
                .draw()
                .map_err(|e| e.to_string())?;
            root.present().map_err(|e| e.to_string())?;
        }
        Ok(svg)
    }

    #[component]
    fn Floor() -> impl IntoView {
        let (data, set_data) = signal_local(None::<Data>);
        let (hidden, set_hidden) = signal(false);
        let url = window().location().search().ok().and_then(|q| {
            q.trim_start_matches('?')
                .split('&')
                .find_map(|kv| kv.strip_prefix("data=").map(str::to_string))
        });
        leptos::task::spawn_local(async move {
            let Some(url) = url else {
                return fail("missing ?data= parameter".into());
            };
            let text = match gloo_net::http::Request::get(&url).send().await {
                Ok(response) if response.ok() => response.text().await,
                Ok(response) => return fail(format!("fetch {url}: HTTP {}", response.status())),
                Err(e) => return fail(format!("fetch {url}: {e}")),
            };
            match text
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<Data>(&t).map_err(|e| e.to_string()))
            {
                Ok(parsed) => {
                    mark("data-ready");
                    set_data.set(Some(parsed));
                }
                Err(e) => fail(format!("{url}: {e}")),
            }
        });
        let update = Closure::<dyn FnMut()>::new(move || set_hidden.update(|h| *h = !*h));
        let _ = js_sys::Reflect::set(
            &window(),
            &"benchUpdate".into(),
            update.as_ref().unchecked_ref::<JsValue>(),
        );
        update.forget();
        let svg = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| draw(d, hidden.get()))));
        Effect::new(move |_| {
            // Only whether it was drawn: the SVG itself is copied once, into the element.
            let error = svg.with(|s| s.as_ref().map(|r| r.as_ref().err().cloned()));
            match error {
                Some(None) => {
                    request_animation_frame(|| request_animation_frame(|| mark("chart-rendered")))
                }
                Some(Some(e)) => fail(e),
                None => {}
            }
        });
        view! {
            <div style="width:960px;height:540px" inner_html=move || {
                svg.get().and_then(Result::ok).unwrap_or_default()
            }></div>
        }
    }

    pub fn start() {
        leptos::mount::mount_to_body(Floor);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stack-floor is a browser page: `trunk build --release` in bench/stack-floor");
}
