//! The URL state parser: any query parses to a state (with notices), and printing that
//! state and parsing it again gives the same state.
#![no_main]
use libfuzzer_sys::fuzz_target;
use trade_trends::urlstate::{parse_query, to_query};

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let (state, _notices) = parse_query(query);
    let printed = to_query(&state);
    let (again, notices) = parse_query(&printed);
    assert_eq!(again, state, "round trip of {printed}");
    // A state we printed ourselves carries no notice, except for a refused data path.
    assert!(notices.is_empty() || trade_trends::urlstate::data_path(Some(&state.data)).is_err());
});
