//! The browser entry point: mounts the app. All behaviour lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    trade_trends::app::install_panic_hook();
    leptos::mount::mount_to_body(trade_trends::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "trade-trends is a browser app: build it with `make build` or run it with `make run`."
    );
    std::process::exit(2);
}
