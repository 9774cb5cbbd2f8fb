//! Native memory of the app's pipeline on a dataset file: bytes live (and the peak) after
//! reading the text, parsing and checking, the first view's snapshot and a toggle.
//! `cargo run --release --example mem_probe -- FILE.json [QUERY]`
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let live = LIVE.fetch_add(new, Relaxed) + new;
        PEAK.fetch_max(live, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn report(stage: &str) {
    let mib = |b: usize| b as f64 / (1u64 << 20) as f64;
    println!(
        "{stage:<40} live {:>8.1} MiB   peak so far {:>8.1} MiB",
        mib(LIVE.load(Relaxed)),
        mib(PEAK.load(Relaxed))
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string(&args[0]).unwrap();
    report("text read");
    let d = trade_trends::dataset::parse_dataset(&args[0], &text).unwrap();
    report("parsed and checked");
    drop(text);
    report("text dropped");
    let query = args.get(1).cloned().unwrap_or_default();
    let (state, _) = trade_trends::urlstate::parse_query(&query);
    let derived = std::sync::Arc::new(trade_trends::page::Kept::default());
    if std::env::var_os("STAGES").is_some() {
        use trade_trends::currency::Currency;
        use trade_trends::measures::Cut;
        for s in &d.series {
            let _ = derived.derived.derivation(s, Currency::USD);
        }
        report("derivations (USD) of every series");
        for s in &d.series {
            let _ = derived.derived.money(&d, s, Currency::USD, Cut::Periods);
        }
        report("money points (USD, periods) of every series");
        println!(
            "sizes: Observation {} Point {} PeriodValue {}",
            std::mem::size_of::<trade_trends::dataset::Observation>(),
            std::mem::size_of::<trade_trends::measures::Point>(),
            std::mem::size_of::<trade_trends::periods::PeriodValue>()
        );
    }
    let s = trade_trends::page::Snapshot::themed_with(&d, &state, 960, false, &derived);
    report("first snapshot (derivations kept)");
    let _ = s.nearest(300.0, 200.0);
    report("after a pointer (points placed)");
    let mut toggled = state.clone();
    toggled.partners.remove(0);
    let t = trade_trends::page::Snapshot::themed_with(&d, &toggled, 960, false, &derived);
    drop(s);
    report("after a toggle (old snapshot dropped)");
    drop(t);
}
