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
    use trade_trends::dataset::parse_dataset;
    use trade_trends::format::escape_xml;
    use trade_trends::page::Snapshot;
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
        let (template, wasm) = take_wasm_preload(&template);
        let (template, style_hash) = inline_stylesheet(&template, &dist)?;
        let (paint, paint_hash) = paint_script();
        let (head, head_hash) = head_script(wasm.as_ref());
        let template = with_hashes(&template, &style_hash, &format!("{head_hash} {paint_hash}"))?;
        std::fs::write(dist.join("csp.txt"), format!("{}\n", policy(&template)?))
            .map_err(|e| format!("{}: {e}", dist.join("csp.txt").display()))?;
        let fonts = fonts();
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
            let html = inject(&template, &snap, &view.query, &png_name, &head, &paint);
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
        // While the static chart of the page's own view is up, the app starts after the
        // browser has shown it (two frames): its start-up work would otherwise hold that
        // first frame back. The WebAssembly keeps downloading meanwhile (preloaded).
        let wait = "if (document.getElementById('static-view') && !document.documentElement.classList.contains('other-view'))\n\
                    await new Promise((ready) => requestAnimationFrame(() => requestAnimationFrame(ready)));\n";
        let boot = format!("{wait}{}", &html[body_start..end]);
        let integrity = write_script(dist, "boot.js", &boot)?;
        let tag = format!("<script type=\"module\" src=\"./boot.js\" {integrity}></script>");
        Ok(format!(
            "{}{tag}{}",
            &html[..start],
            &html[end + "</script>".len()..]
        ))
    }

    /// The page without Trunk's `<link rel="preload">` of the WebAssembly, and that link's
    /// address and integrity: the head script asks for it at once only when the page's
    /// static chart will not be shown (otherwise the static chart is painted first, and the
    /// loader fetches the WebAssembly after it).
    fn take_wasm_preload(html: &str) -> (String, Option<(String, String)>) {
        let Some(start) = html.find("<link rel=\"preload\" href=\"") else {
            return (html.to_string(), None);
        };
        let Some(len) = html[start..].find('>') else {
            return (html.to_string(), None);
        };
        let tag = &html[start..start + len + 1];
        let attr = |name: &str| {
            tag.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|r| r.split('"').next())
                .map(str::to_string)
        };
        match (attr("href"), attr("integrity")) {
            (Some(href), Some(integrity)) if href.ends_with(".wasm") => {
                let html = format!("{}{}", &html[..start], &html[start + len + 1..]);
                (html, Some((href, integrity)))
            }
            _ => (html.to_string(), None),
        }
    }

    /// The script at the end of `<head>`, run before the body is parsed:
    /// - a link to another view than the page's static one hides the static chart at once
    ///   (`html.other-view`), rather than showing the wrong chart until the app starts, and
    ///   preloads the WebAssembly (a page showing its static chart fetches it after the
    ///   chart is painted); an embed of the page's own view keeps it (`html.embed`);
    /// - `window.benchUpdate()` (the benchmark's update, bench/) called before the app has
    ///   started is kept, and run by the app once it has drawn;
    /// - the dataset's request starts now, while the WebAssembly is fetched and compiled,
    ///   instead of after. Only a plain relative `.json` path is asked for (the policy's
    ///   `connect-src 'self'` keeps it on the page's origin), and the app takes the answer
    ///   only if the path it accepts itself (`urlstate::data_path`) is the same; otherwise
    ///   it aborts this request and makes its own.
    ///
    /// Inline (allowed by its hash) so that it waits for no request. Returns the tag and
    /// its `'sha256-…'` source.
    fn head_script(wasm: Option<&(String, String)>) -> (String, String) {
        // Without a static chart to show first, the WebAssembly is asked for at once.
        let preload = wasm.map_or(String::new(), |(href, integrity)| {
            format!(
                "if (document.documentElement.classList.contains('other-view')) {{ const l = document.createElement('link');\n\
                 l.rel = 'preload'; l.as = 'fetch'; l.type = 'application/wasm'; l.crossOrigin = 'anonymous';\n\
                 l.href = '{href}'; l.integrity = '{integrity}'; document.head.append(l); }}\n"
            )
        });
        let code = format!(
            "{{ const view = document.querySelector('meta[name=\"trade-trends-view\"]');\n\
             const params = new URLSearchParams(location.search);\n\
             const own = location.search.replace(/^\\?/, '').split('&').filter((p) => p && !/^(embed|id|controls)(=|$)/.test(p) && p !== 'lang=en').join('&');\n\
             if (own !== (view ? view.content : '')) document.documentElement.classList.add('other-view');\n\
             else if (params.get('embed') === '1') document.documentElement.classList.add('embed');\n\
             {preload}window.benchUpdate = () => {{ window.__ttQueuedUpdate = true; }};\n\
             const q = new URLSearchParams(location.search);\n\
             const path = q.has('data') ? q.get('data') : '{default}';\n\
             if (/^[A-Za-z0-9_][A-Za-z0-9_.\\/-]*\\.json$/.test(path) && !path.split('/').some((s) => s === '..' || s === '.' || s === '')) {{\n\
             const controller = new AbortController();\n\
             const response = fetch(path, {{ signal: controller.signal }});\n\
             response.catch(() => {{}});\n\
             window.__ttPrefetch = {{ path, controller, response }}; }} }}\n",
            default = trade_trends::urlstate::DEFAULT_DATA
        );
        let hash = csp_hash(&code);
        (format!("<script>{code}</script>"), hash)
    }

    /// The script run right after the static first paint is parsed: the static chart is
    /// the chart of the page's own view, so once it is on screen it is marked as the app
    /// marks its own drawings (the benchmark contract, bench/). Inline, so the first paint
    /// waits for no request; the page's policy allows exactly this script by its hash.
    /// Returns the tag and its `'sha256-…'` source.
    fn paint_script() -> (String, String) {
        let code = "{ const view = document.querySelector('meta[name=\"trade-trends-view\"]');\n\
                    const own = location.search.replace(/^\\?/, '').split('&').filter((p) => p && !/^(embed|id|controls)(=|$)/.test(p) && p !== 'lang=en').join('&');\n\
                    if (document.getElementById('static-view') && own === (view ? view.content : ''))\n\
                    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('chart-rendered'))); }\n";
        (format!("<script>{code}</script>"), csp_hash(code))
    }

    /// A CSP hash source for an inline element's exact text: `'sha256-…'`.
    fn csp_hash(text: &str) -> String {
        use base64::Engine;
        use sha2::Digest;
        let digest =
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()));
        format!("'sha256-{digest}'")
    }

    /// Puts Trunk's stylesheet into the page as a `<style>` element: the first paint then
    /// waits for no stylesheet request (the file stays in `dist/` for anyone linking it).
    /// Returns the page and the style's hash source. A page whose style is already inline
    /// (an earlier run) keeps it.
    fn inline_stylesheet(html: &str, dist: &Path) -> Result<(String, String), String> {
        if let Some(start) = html.find("<style>") {
            let body = start + "<style>".len();
            let end = html[body..].find("</style>").ok_or("unclosed <style>")? + body;
            return Ok((html.to_string(), csp_hash(&html[body..end])));
        }
        let start = html
            .find("<link rel=\"stylesheet\" href=\"./")
            .ok_or("no stylesheet link in index.html")?;
        let end = html[start..].find('>').ok_or("unclosed stylesheet link")? + start + 1;
        let tag = &html[start..end];
        let href = tag
            .split("href=\"./")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .ok_or("stylesheet link without href")?;
        let css = std::fs::read_to_string(dist.join(href))
            .map_err(|e| format!("{}: {e}", dist.join(href).display()))?;
        if css.contains("</style") {
            return Err(format!("{href} contains \"</style\": it cannot be inlined"));
        }
        let hash = csp_hash(&css);
        Ok((
            format!("{}<style>{css}</style>{}", &html[..start], &html[end..]),
            hash,
        ))
    }

    /// The page's Content-Security-Policy (its `<meta>`).
    fn policy(html: &str) -> Result<String, String> {
        let open = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
        let start = html.find(open).ok_or("no Content-Security-Policy meta")? + open.len();
        let end = html[start..].find('"').ok_or("unclosed policy")? + start;
        Ok(html[start..end].to_string())
    }

    /// The page with its policy allowing exactly the inline style and paint script, by
    /// hash (any hashes of an earlier run replaced); still no `'unsafe-inline'`.
    fn with_hashes(html: &str, style: &str, scripts: &str) -> Result<String, String> {
        let old = policy(html)?;
        let directives: Vec<String> = old
            .split(';')
            .map(|d| {
                let words: Vec<&str> = d
                    .split_whitespace()
                    .filter(|w| !w.starts_with("'sha256-"))
                    .collect();
                let mut d = words.join(" ");
                match words.first() {
                    Some(&"script-src") => d = format!("{d} {scripts}"),
                    Some(&"style-src") => d = format!("{d} {style}"),
                    _ => {}
                }
                d
            })
            .collect();
        let new = directives.join("; ");
        for needed in ["script-src", "style-src"] {
            if !new.split("; ").any(|d| d.starts_with(needed)) {
                return Err(format!("the page's policy has no {needed}"));
            }
        }
        Ok(html.replacen(&old, &new, 1))
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

    fn inject(
        template: &str,
        snap: &Snapshot,
        query: &str,
        png: &str,
        head: &str,
        paint: &str,
    ) -> String {
        let esc = escape_xml;
        let notes: String = snap
            .notes
            .iter()
            .map(|n| format!("<p>{}</p>", esc(n)))
            .collect();
        let t = snap.wording.lang.text();
        let tabs: String = [
            t.view_chart,
            t.view_table,
            t.figure_check,
            t.sources,
            t.download,
        ]
        .iter()
        .map(|label| format!("<span class=\"tab\">{}</span>", esc(label)))
        .collect();
        let block = format!(
            "{START}<div id=\"static-view\"><header class=\"masthead\"><p class=\"brand\">Trade Trends</p></header>\
             <main><article class=\"dashboard\"><header class=\"graphic-head\"><h1>{title}</h1><p class=\"key-figures\">{key}</p><p class=\"freshness\">{fresh}</p></header>\
             <div class=\"dashboard-body\"><div class=\"dashboard-main\"><div class=\"graphic-bar\"><div class=\"tabs\">{tabs}</div></div>\
             <figure class=\"chart-figure\"><figcaption class=\"measure\">{measure} — {unit}</figcaption>\
             <div class=\"chart\"><div class=\"chart-svg-host\">{svg}</div></div>{range}</figure>\
             <section class=\"notes\">{notes}</section><p class=\"source-line\">{credit} \
             <noscript>This is a static picture of the chart; the interactive dashboard (controls, tooltips, table, downloads) needs JavaScript.</noscript></p>\
             </div></div></article></main></div>{paint}{END}",
            title = esc(&snap.title),
            key = esc(snap.key_figures.as_deref().unwrap_or("")),
            fresh = esc(snap.freshness.as_deref().unwrap_or("")),
            measure = esc(&snap.wording.measure_label),
            unit = esc(&snap.wording.y_label),
            svg = snap.svg,
            range = snap
                .range_note
                .as_deref()
                .map(|n| format!("<p class=\"range-note\">{}</p>", esc(n)))
                .unwrap_or_default(),
            credit = esc(&snap.credit_line()),
        );
        let description = snap
            .key_figures
            .clone()
            .unwrap_or_else(|| snap.title.clone());
        let meta = format!(
            "{START}<meta name=\"trade-trends-view\" content=\"{q}\">\
             <meta property=\"og:title\" content=\"{t}\"><meta property=\"og:description\" content=\"{desc}\">\
             <meta property=\"og:image\" content=\"{png}\"><meta name=\"twitter:card\" content=\"summary_large_image\">\
             <meta name=\"twitter:image\" content=\"{png}\">{head}{END}",
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
