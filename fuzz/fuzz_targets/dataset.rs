//! The dataset parser and validator, then the views built on what it accepts: no input
//! may panic; every refusal is a message.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match trade_trends::dataset::parse_dataset("fuzz.json", text) {
        Ok(d) => {
            let _ = trade_trends::summary::summarize(&d);
            let state = trade_trends::urlstate::ViewState::default();
            let snap = trade_trends::snapshot::Snapshot::new(&d, &state, 640);
            // Every value's words, made on demand, and the CSV.
            for i in 0..snap.points.len().min(50) {
                assert!(snap.point_text(i).is_some());
            }
            assert_eq!(snap.rows().len(), snap.row_count());
            let csv = trade_trends::dashboard::DashboardView::new(&d, &state).csv();
            assert!(!csv.is_empty());
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
