//! `dataset synth`: synthetic benchmark datasets in the project's own format, valid,
//! deterministic, and labelled as synthetic wherever a reader looks.

use trade_trends::dataset::parse_dataset;
use trade_trends::month::Month;
use trade_trends::synth::{synth, synth_json, SynthSpec};

#[test]
fn a_synthetic_dataset_is_valid_deterministic_and_says_what_it_is() {
    let spec = SynthSpec {
        points: 1000,
        series: 10,
        seed: 20240601,
    };
    let text = synth_json(&spec);
    assert_eq!(text, synth_json(&spec), "the same seed gives the same file");
    assert_ne!(text, synth_json(&SynthSpec { seed: 1, ..spec }));
    // Written as compact monthly runs: about 13 bytes a value (180 as one object each).
    assert!(text.contains("\"monthly\":{\"first\":\"2001-01\",\"currency\":\"USD\""));
    assert!(text.len() < 16_000, "{}", text.len());
    let d = parse_dataset("n1e3.json", &text).expect("valid");
    assert_eq!(d.series.len(), 10);
    assert!(d.series.iter().all(|s| s.figure_count() == 100));
    assert_eq!(d.series[0].figure(0).first.to_string(), "2001-01");
    assert_eq!(d.series[0].figure(99).first.to_string(), "2009-04");
    assert!(d
        .title
        .starts_with("Synthetic benchmark data (not real figures)"));
    assert!(d
        .description
        .starts_with("SYNTHETIC DATA for benchmarks, not published statistics"));
    assert!(d.partners.iter().all(|p| p.name.starts_with("Synthetic ")));
    assert_eq!(d.sources.len(), 1);
    assert_eq!(d.sources[0].publisher, "synthetic (dataset synth)");
    // Values are whole tenths of a million dollars, as the harness's generator draws them.
    for (_, o) in d.series[3].figures() {
        let v = o.value.unwrap();
        assert!(v > 0.0 && (v / 1e5).fract() == 0.0, "{v}");
    }
}

#[test]
fn a_million_values_run_past_the_year_9999() {
    let spec = SynthSpec {
        points: 1_000_000,
        series: 10,
        seed: 20240601,
    };
    assert_eq!(spec.months(), 100_000);
    let last = Month::new(2001, 1).unwrap().offset(100_000 - 1);
    assert_eq!(last.to_string(), "10334-04");
    assert_eq!("10334-04".parse::<Month>().unwrap(), last);
    let d = synth(&SynthSpec {
        points: 200_000,
        series: 2,
        seed: 7,
    });
    assert!(trade_trends::dataset::validate(&d).is_empty());
    let (_, last) = d.series[1].figures().last().unwrap();
    assert_eq!(last.first.to_string(), "10334-04");
}
