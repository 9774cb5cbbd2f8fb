//! `dataset`: builds the dashboard's JSON from the published-figures tables, and checks
//! a dataset file.
//!
//! ```text
//! dataset build --observations data/observations.csv [--meta data/meta.json]
//!               [--sources data/sources.csv] [--rates FILE ...] [--events data/events.csv]
//!               [--claims data/claims.json] --out public/data/xinjiang.json
//! dataset check FILE.json
//! dataset synth --points N [--series S] [--seed SEED] --out FILE.json
//! ```
//!
//! `synth` writes a synthetic benchmark dataset (made-up values, labelled so everywhere;
//! see `trade_trends::synth`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};

    use trade_trends::dataset::{parse_dataset_noting, Dataset};
    use trade_trends::ingest::{build, Inputs};
    use trade_trends::summary::summarize;
    use trade_trends::synth::{synth_json, SynthSpec};

    const USAGE: &str = "usage:
  dataset build --observations FILE.csv [--meta FILE.json] [--sources FILE.csv] [--rates FILE.csv ...]
                [--events FILE.csv] [--claims FILE.json] --out FILE.json
                (meta.json and sources.csv default to the files beside the observations)
  dataset check FILE.json
  dataset synth --points N [--series S] [--seed SEED] --out FILE.json   (synthetic benchmark data)";

    pub fn run(args: Vec<String>) -> i32 {
        match args.first().map(String::as_str) {
            Some("build") => build_command(&args[1..]),
            Some("check") if args.len() == 2 => check_command(&args[1]),
            Some("synth") => synth_command(&args[1..]),
            Some("-h" | "--help") => {
                println!("{USAGE}");
                0
            }
            _ => {
                eprintln!("{USAGE}");
                2
            }
        }
    }

    #[derive(Default)]
    struct BuildArgs {
        observations: Option<PathBuf>,
        meta: Option<PathBuf>,
        sources: Option<PathBuf>,
        rates: Vec<PathBuf>,
        events: Option<PathBuf>,
        claims: Option<PathBuf>,
        out: Option<PathBuf>,
    }

    fn parse_build_args(args: &[String]) -> Result<BuildArgs, String> {
        let mut parsed = BuildArgs::default();
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let mut value = || {
                it.next()
                    .map(PathBuf::from)
                    .ok_or(format!("{flag} needs a file name"))
            };
            match flag.as_str() {
                "--observations" => parsed.observations = Some(value()?),
                "--meta" => parsed.meta = Some(value()?),
                "--sources" => parsed.sources = Some(value()?),
                "--claims" => parsed.claims = Some(value()?),
                "--rates" => parsed.rates.push(value()?),
                "--events" => parsed.events = Some(value()?),
                "--out" => parsed.out = Some(value()?),
                other => return Err(format!("unknown option {other}")),
            }
        }
        if parsed.observations.is_none() || parsed.out.is_none() {
            return Err("build needs --observations and --out".into());
        }
        Ok(parsed)
    }

    fn read(path: &Path) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
    }

    fn build_command(args: &[String]) -> i32 {
        let a = match parse_build_args(args) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("error: {e}\n{USAGE}");
                return 2;
            }
        };
        let observations = a.observations.unwrap();
        let out = a.out.unwrap();
        // Metadata and sources default to the files beside the observations.
        let beside = |name: &str| observations.with_file_name(name);
        let meta = a.meta.unwrap_or_else(|| beside("meta.json"));
        let sources = a.sources.unwrap_or_else(|| beside("sources.csv"));
        let named = |path: &PathBuf| read(path).map(|t| (path.display().to_string(), t));
        let mut failed = false;
        let mut read_all = |paths: Vec<&PathBuf>| -> Vec<(String, String)> {
            let texts: Vec<_> = paths.into_iter().map(named).collect();
            for e in texts.iter().filter_map(|t| t.as_ref().err()) {
                eprintln!("error: {e}");
                failed = true;
            }
            texts.into_iter().flatten().collect()
        };
        let fixed = read_all(vec![&meta, &sources, &observations]);
        let rates = read_all(a.rates.iter().collect());
        let events = read_all(a.events.iter().collect());
        let claims = read_all(a.claims.iter().collect());
        if failed {
            return 1;
        }
        fn pair((f, t): &(String, String)) -> (&str, &str) {
            (f, t)
        }
        let inputs = Inputs {
            meta: pair(&fixed[0]),
            sources: pair(&fixed[1]),
            observations: pair(&fixed[2]),
            rates: rates.iter().map(pair).collect(),
            events: events.first().map(pair),
            claims: claims.first().map(pair),
        };
        let dataset = match build(&inputs) {
            Ok(d) => d,
            Err(errors) => {
                for e in &errors {
                    eprintln!("error: {e}");
                }
                eprintln!("{} problem(s); {} not written", errors.len(), out.display());
                return 1;
            }
        };
        let json = serde_json::to_string_pretty(&dataset).expect("a dataset serialises");
        // Write beside the target, then rename: a failed write never leaves half a file.
        let tmp = out.with_extension("json.tmp");
        if let Err(e) = std::fs::write(&tmp, json + "\n").and_then(|_| std::fs::rename(&tmp, &out))
        {
            eprintln!("error: {}: cannot write: {e}", out.display());
            let _ = std::fs::remove_file(&tmp);
            return 1;
        }
        println!("{}", summarize(&dataset));
        println!("wrote {}", out.display());
        match write_vintage(&out, &dataset) {
            Ok(Some(copy)) => println!("wrote {} (and the list of vintages)", copy.display()),
            Ok(None) => {}
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        }
        0
    }

    /// Beside `out`, the dataset's dated copy (`xinjiang-2026-03-10.json`) and the list of
    /// the dated copies there (`xinjiang.vintages.json`, latest first); nothing when the
    /// dataset has no vintage.
    fn write_vintage(out: &Path, dataset: &Dataset) -> Result<Option<PathBuf>, String> {
        let Some(vintage) = &dataset.vintage else {
            return Ok(None);
        };
        let name = out.to_string_lossy().to_string();
        let copy = PathBuf::from(trade_trends::embed::vintage_path(&name, vintage));
        std::fs::copy(out, &copy).map_err(|e| format!("{}: cannot write: {e}", copy.display()))?;
        let dir = out
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut vintages: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
            .filter_map(|e| e.ok())
            .map(|e| dir.join(e.file_name()).to_string_lossy().to_string())
            .filter_map(|p| trade_trends::embed::pinned_parts(&p))
            .filter(|(current, _)| *current == name)
            .map(|(_, date)| date)
            .collect();
        vintages.sort_unstable_by(|a, b| b.cmp(a));
        let index = serde_json::json!({ "latest": vintage, "vintages": vintages });
        let path = trade_trends::embed::vintages_path(&name);
        std::fs::write(&path, format!("{index:#}\n"))
            .map_err(|e| format!("{path}: cannot write: {e}"))?;
        Ok(Some(copy))
    }

    /// Reads `--points N [--series S] [--seed SEED] --out FILE`; N may be written `1e5`.
    fn parse_synth_args(args: &[String]) -> Result<(SynthSpec, PathBuf), String> {
        let mut spec = SynthSpec::default();
        let mut out = None;
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let value = it.next().ok_or(format!("{flag} needs a value"))?;
            let number = || -> Result<f64, String> {
                value
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite() && *n >= 1.0 && *n <= 1e8 && n.fract() == 0.0)
                    .ok_or(format!(
                        "{flag} needs a whole number from 1 to 1e8, found \"{value}\""
                    ))
            };
            match flag.as_str() {
                "--points" => spec.points = number()? as usize,
                "--series" => spec.series = number()? as usize,
                "--seed" => {
                    spec.seed = value
                        .parse()
                        .map_err(|_| format!("--seed needs a whole number, found \"{value}\""))?
                }
                "--out" => out = Some(PathBuf::from(value)),
                other => return Err(format!("unknown option {other}")),
            }
        }
        Ok((spec, out.ok_or("synth needs --out")?))
    }

    fn synth_command(args: &[String]) -> i32 {
        let (spec, out) = match parse_synth_args(args) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("error: {e}\n{USAGE}");
                return 2;
            }
        };
        let json = synth_json(&spec);
        let tmp = out.with_extension("json.tmp");
        if let Err(e) = std::fs::write(&tmp, &json).and_then(|_| std::fs::rename(&tmp, &out)) {
            eprintln!("error: {}: cannot write: {e}", out.display());
            let _ = std::fs::remove_file(&tmp);
            return 1;
        }
        println!(
            "wrote {}: synthetic, {} series × {} months = {} values, {} bytes",
            out.display(),
            spec.series,
            spec.months(),
            spec.series * spec.months(),
            json.len()
        );
        0
    }

    fn check_command(file: &str) -> i32 {
        let text = match read(Path::new(file)) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        };
        match parse_dataset_noting(file, &text) {
            Ok((d, notes)) => {
                println!("{file}: valid (schema version {})", d.schema_version);
                for note in notes {
                    println!("note: {note}");
                }
                println!("{}", summarize(&d));
                0
            }
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        }
    }
}
