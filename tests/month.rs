use trade_trends::month::{Month, Span};

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

#[test]
fn parses_and_prints_yyyy_mm() {
    let oct = m("2023-10");
    assert_eq!((oct.year(), oct.month()), (2023, 10));
    assert_eq!(oct.to_string(), "2023-10");
    assert_eq!(m("0999-01").to_string(), "0999-01");
    // Synthetic benchmark data runs past year 9999.
    assert_eq!(m("10334-04").year(), 10334);
}

#[test]
fn refuses_what_is_not_a_month() {
    for (text, reason) in [
        ("2023-13", "the month must be between 01 and 12"),
        ("2023-00", "the month must be between 01 and 12"),
        ("2023-1", "the month must be two digits"),
        ("23-01", "the year must be four or more digits"),
        ("2023/10", "no '-' found"),
        ("", "no '-' found"),
        ("2023-1a", "the month must be two digits"),
    ] {
        let err = text.parse::<Month>().unwrap_err();
        assert_eq!(err.reason, reason, "{text}");
    }
    assert_eq!(
        "2023-13".parse::<Month>().unwrap_err().to_string(),
        "\"2023-13\" is not a month in the form YYYY-MM: the month must be between 01 and 12"
    );
}

#[test]
fn offsets_cross_year_boundaries() {
    assert_eq!(m("2023-11").offset(3), m("2024-02"));
    assert_eq!(m("2024-02").offset(-14), m("2022-12"));
    assert_eq!(m("2023-01").offset(-1), m("2022-12"));
    assert_eq!(m("2024-02").index() - m("2023-11").index(), 3);
    assert_eq!(Month::from_index(m("2023-10").index()), m("2023-10"));
}

#[test]
fn spans_count_and_label_their_months() {
    let q3 = Span::new(m("2023-07"), m("2023-09")).unwrap();
    assert_eq!(q3.len(), 3);
    assert_eq!(q3.label(), "Jul–Sep 2023");
    assert_eq!(
        q3.months().map(|x| x.to_string()).collect::<Vec<_>>(),
        ["2023-07", "2023-08", "2023-09"]
    );
    assert_eq!(Span::single(m("2023-10")).label(), "Oct 2023");
    assert_eq!(
        Span::new(m("2023-01"), m("2023-12")).unwrap().label(),
        "2023"
    );
    assert_eq!(
        Span::new(m("2022-11"), m("2023-02")).unwrap().label(),
        "Nov 2022–Feb 2023"
    );
    assert_eq!(q3.year_earlier().to_string(), "2022-07..2022-09");
    assert!(
        Span::new(m("2023-09"), m("2023-07")).is_none(),
        "a span cannot end before it starts"
    );
}

#[test]
fn serialises_as_text() {
    let json = serde_json::to_string(&m("2023-10")).unwrap();
    assert_eq!(json, "\"2023-10\"");
    let back: Month = serde_json::from_str(&json).unwrap();
    assert_eq!(back, m("2023-10"));
    let err = serde_json::from_str::<Month>("\"2023-13\"")
        .unwrap_err()
        .to_string();
    assert!(err.contains("the month must be between 01 and 12"), "{err}");
}
