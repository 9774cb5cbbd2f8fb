//! The embed message decoder: any text is either a theme or ignored, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = trade_trends::embed::parse_theme_message(text);
    let _ = trade_trends::urlstate::valid_id(text);
});
