//! `prerender`: the static first paint. After `trunk build`, renders the default view and
//! each preset view of `prerender.json` with the same Rust chart code the app uses, puts
//! the result into the HTML (so the page shows the real chart before the WebAssembly has
//! loaded, and with JavaScript off), and writes a PNG of each for `og:image`.
//!
//! ```text
//! prerender --dataset dist/data/xinjiang.json --config prerender.json --dist dist
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(match cli::run(std::env::args().skip(1).collect()) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};

    use serde::Deserialize;
    use trade_trends::chart::escape_xml;
    use trade_trends::dataset::parse_dataset;
    use trade_trends::snapshot::Snapshot;
    use trade_trends::urlstate::parse_query;

    const START: &str = "<!-- static-view:start -->";
    const END: &str = "<!-- static-view:end -->";

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Config {
        width: u32,
        views: Vec<View>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct View {
        /// `index` for the page itself; otherwise the file name of a preset page.
        name: String,
        /// The view's URL parameters.
        query: String,
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let (mut dataset, mut config, mut dist) = (None, None, None);
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it
                .next()
                .map(PathBuf::from)
                .ok_or(format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--dataset" => dataset = Some(value),
                "--config" => config = Some(value),
                "--dist" => dist = Some(value),
                other => return Err(format!("unknown option {other}")),
            }
        }
        let (Some(dataset), Some(config), Some(dist)) = (dataset, config, dist) else {
            return Err(
                "usage: prerender --dataset FILE.json --config prerender.json --dist DIR".into(),
            );
        };
        let read =
            |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
        let d = parse_dataset(&dataset.display().to_string(), &read(&dataset)?)
            .map_err(|e| e.to_string())?;
        let config: Config = serde_json::from_str(&read(&config)?)
            .map_err(|e| format!("{}: {e}", config.display()))?;
        let index_path = dist.join("index.html");
        let template = externalize_loader(&strip_static(&read(&index_path)?), &dist)?;
        let fonts = fonts();
        let paint = write_paint_script(&dist)?;
        for view in &config.views {
            if !view
                .name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                return Err(format!(
                    "view name \"{}\": letters, digits and '-' only",
                    view.name
                ));
            }
            let (state, notices) = parse_query(&view.query);
            if !notices.is_empty() {
                let list: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
                return Err(format!("view \"{}\": {}", view.name, list.join("; ")));
            }
            let snap = Snapshot::new(&d, &state, config.width);
            let png_name = format!("og-{}.png", view.name);
            write_png(&snap.export_svg(), &dist.join(&png_name), &fonts)?;
            let html = inject(&template, &snap, &view.query, &png_name, &paint);
            let out = if view.name == "index" {
                index_path.clone()
            } else {
                dist.join(format!("{}.html", view.name))
            };
            std::fs::write(&out, html).map_err(|e| format!("{}: {e}", out.display()))?;
            println!(
                "prerendered {} ({}) and {png_name}",
                out.display(),
                snap.title
            );
        }
        Ok(())
    }

    /// Moves Trunk's inline module loader into `boot.js` (with subresource integrity), so
    /// that the page runs under a Content-Security-Policy without `'unsafe-inline'`.
    fn externalize_loader(html: &str, dist: &Path) -> Result<String, String> {
        let open = "<script type=\"module\">";
        let Some(start) = html.find(open) else {
            return Ok(html.to_string()); // already external
        };
        let body_start = start + open.len();
        let end = html[body_start..]
            .find("</script>")
            .map(|i| body_start + i)
            .ok_or("unclosed loader script")?;
        let integrity = write_script(dist, "boot.js", &html[body_start..end])?;
        let tag = format!("<script type=\"module\" src=\"./boot.js\" {integrity}></script>");
        Ok(format!(
            "{}{tag}{}",
            &html[..start],
            &html[end + "</script>".len()..]
        ))
    }

    /// Writes `paint.js`, run right after the static first paint is parsed: the static
    /// chart is the chart of the page's own view, so once it is on screen it is marked as
    /// the app marks its own drawings (the benchmark contract, bench/). Returns its tag,
    /// with subresource integrity (the page's CSP allows no inline script).
    fn write_paint_script(dist: &Path) -> Result<String, String> {
        let code = "{ const view = document.querySelector('meta[name=\"trade-trends-view\"]');\n\
                    const query = location.search.replace(/^\\?/, '');\n\
                    if (document.getElementById('static-view') && (query === '' || query === (view ? view.content : '')))\n\
                    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('chart-rendered'))); }\n";
        let integrity = write_script(dist, "paint.js", code)?;
        Ok(format!("<script src=\"./paint.js\" {integrity}></script>"))
    }

    /// Writes a script into `dist` and returns the attributes that pin it (subresource
    /// integrity): `integrity="sha384-…" crossorigin="anonymous"`.
    fn write_script(dist: &Path, name: &str, code: &str) -> Result<String, String> {
        use base64::Engine;
        use sha2::Digest;
        let path = dist.join(name);
        std::fs::write(&path, code).map_err(|e| format!("{}: {e}", path.display()))?;
        let digest =
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(code.as_bytes()));
        Ok(format!(
            "integrity=\"sha384-{digest}\" crossorigin=\"anonymous\""
        ))
    }

    /// The HTML without a static view from an earlier run.
    fn strip_static(html: &str) -> String {
        match (html.find(START), html.find(END)) {
            (Some(a), Some(b)) if b > a => format!("{}{}", &html[..a], &html[b + END.len()..]),
            _ => html.to_string(),
        }
    }

    fn inject(template: &str, snap: &Snapshot, query: &str, png: &str, paint: &str) -> String {
        let esc = escape_xml;
        let notes: String = snap
            .notes
            .iter()
            .map(|n| format!("<p>{}</p>", esc(n)))
            .collect();
        let mut publishers: Vec<&str> = Vec::new();
        for s in &snap.sources {
            if !publishers.contains(&s.publisher.as_str()) {
                publishers.push(&s.publisher);
            }
        }
        let block = format!(
            "{START}<div id=\"static-view\"><header class=\"masthead\"><p class=\"brand\">Trade Trends</p></header>\
             <main><article class=\"dashboard\"><h1>{title}</h1><p class=\"key-figures\">{key}</p>\
             <figure class=\"chart-figure\"><figcaption class=\"measure\">{measure} — {unit}</figcaption>\
             <div class=\"chart\"><div class=\"chart-svg-host\">{svg}</div></div></figure>\
             <section class=\"notes\">{notes}</section><p class=\"static-note\">Sources: {sources}. \
             <noscript>This is a static picture of the chart; the interactive dashboard (controls, tooltips, table, downloads) needs JavaScript.</noscript></p>\
             </article></main></div>{paint}{END}",
            title = esc(&snap.title),
            key = esc(snap.key_figures.as_deref().unwrap_or("")),
            measure = esc(&snap.measure_label),
            unit = esc(&snap.y_label),
            svg = snap.svg,
            sources = esc(&publishers.join(", ")),
        );
        let description = snap
            .key_figures
            .clone()
            .unwrap_or_else(|| snap.title.clone());
        let meta = format!(
            "{START}<meta name=\"trade-trends-view\" content=\"{q}\">\
             <meta property=\"og:title\" content=\"{t}\"><meta property=\"og:description\" content=\"{desc}\">\
             <meta property=\"og:image\" content=\"{png}\"><meta name=\"twitter:card\" content=\"summary_large_image\">\
             <meta name=\"twitter:image\" content=\"{png}\">{END}",
            q = esc(query),
            t = esc(&snap.title),
            desc = esc(&description),
        );
        let html = template.replacen("</head>", &format!("{meta}</head>"), 1);
        match html.find("<body>") {
            Some(i) => format!("{}{block}{}", &html[..i + 6], &html[i + 6..]),
            None => html,
        }
    }

    fn fonts() -> std::sync::Arc<resvg::usvg::fontdb::Database> {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        db.set_sans_serif_family("DejaVu Sans");
        std::sync::Arc::new(db)
    }

    fn write_png(
        svg: &str,
        out: &Path,
        fonts: &std::sync::Arc<resvg::usvg::fontdb::Database>,
    ) -> Result<(), String> {
        let options = resvg::usvg::Options {
            fontdb: fonts.clone(),
            ..Default::default()
        };
        let tree = resvg::usvg::Tree::from_str(svg, &options)
            .map_err(|e| format!("SVG for {}: {e}", out.display()))?;
        let size = tree.size().to_int_size();
        let mut pixmap =
            resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("empty image")?;
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::default(),
            &mut pixmap.as_mut(),
        );
        pixmap
            .save_png(out)
            .map_err(|e| format!("{}: {e}", out.display()))
    }
}
