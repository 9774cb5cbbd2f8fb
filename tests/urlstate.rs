use trade_trends::i18n::Lang;
use trade_trends::urlstate::{data_path, DEFAULT_DATA};

#[test]
fn no_parameter_loads_the_bundled_dataset() {
    assert_eq!(data_path(None).unwrap(), DEFAULT_DATA);
    assert_eq!(
        data_path(Some("data/other.json")).unwrap(),
        "data/other.json"
    );
    assert_eq!(
        data_path(Some("fixtures/bad-2.json")).unwrap(),
        "fixtures/bad-2.json"
    );
}

#[test]
fn anything_but_a_relative_json_path_in_the_app_folder_is_refused() {
    for (value, reason) in [
        (
            "https://evil.example/x.json",
            "it names a scheme or another site (it contains ':')",
        ),
        (
            "javascript:alert(1)",
            "it names a scheme or another site (it contains ':')",
        ),
        (
            "//evil.example/x.json",
            "it starts at the site root, outside the app's folder",
        ),
        (
            "/etc/passwd.json",
            "it starts at the site root, outside the app's folder",
        ),
        (
            "../secret.json",
            "it leaves the app's folder or has an empty or '.' segment",
        ),
        (
            "data/../../x.json",
            "it leaves the app's folder or has an empty or '.' segment",
        ),
        (
            "data/%2e%2e/x.json",
            "it contains characters other than letters, digits, '.', '_', '-' and '/'",
        ),
        (
            "data\\x.json",
            "it contains characters other than letters, digits, '.', '_', '-' and '/'",
        ),
        ("data/x.csv", "it does not end in .json"),
        ("", "it is empty"),
    ] {
        let err = data_path(Some(value)).unwrap_err();
        assert_eq!(err.reason.text(Lang::En), reason, "{value}");
    }
    assert_eq!(
        data_path(Some("https://evil.example/x.json")).unwrap_err().to_string(),
        "The data parameter \"https://evil.example/x.json\" was refused: it names a scheme or another site \
         (it contains ':'). Only a relative path to a .json file in this app's folder is allowed, e.g. ?data=data/xinjiang.json"
    );
}

use trade_trends::currency::Currency;
use trade_trends::urlstate::{
    parse_query, to_query, ChartKind, FlowChoice, MeasureKind, ViewMode, ViewState,
};

#[test]
fn every_parameter_round_trips() {
    let query = "data=data/other.json&reporter=china&flow=balance&partners=world,central_asia_5,KAZ&measure=yoy\
                 &average=off&currency=USD&from=2022-01&to=2023-10&chart=bar&view=table&events=on";
    let (state, notices) = parse_query(&format!("?{query}"));
    assert_eq!(notices, []);
    assert_eq!(
        state,
        ViewState {
            data: "data/other.json".into(),
            reporter: Some("china".into()),
            flow: FlowChoice::Balance,
            partners: vec!["world".into(), "central_asia_5".into(), "KAZ".into()],
            measure: MeasureKind::Yoy,
            average: false,
            currency: Currency::USD,
            from: Some("2022-01".parse().unwrap()),
            to: Some("2023-10".parse().unwrap()),
            chart: ChartKind::Bar,
            view: ViewMode::Table,
            events: true,
            ..ViewState::default()
        }
    );
    assert_eq!(to_query(&state), query);
    assert_eq!(parse_query(&to_query(&state)).0, state);
    assert_eq!(to_query(&ViewState::default()), "");
}

#[test]
fn invalid_values_fall_back_with_a_notice_naming_the_parameter() {
    let (state, notices) = parse_query(
        "flow=sideways&measure=&currency=EUR&from=2023-13&chart=pie&view=grid&events=maybe&partners=KAZ;drop&measure=ytd&utm_source=x",
    );
    assert_eq!(state, ViewState::default());
    let lines: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        lines,
        [
            "flow: \"sideways\" is not one of total, exports, imports, balance; the default is used",
            "measure: \"\" is not one of monthly, ytd, yoy, rolling12, share, contribution, reporter_share; the default is used",
            "currency: \"EUR\" is not CNY or USD; the default is used",
            "from: \"2023-13\" is not a month YYYY-MM; the default is used",
            "chart: \"pie\" is not one of line, bar, area; the default is used",
            "view: \"grid\" is not one of chart, table, check, sources, download; the default is used",
            "events: \"maybe\" is not on or off; the default is used",
            "partners: \"KAZ;drop\" is not a comma-separated list of partner codes; the default is used",
            "measure: given more than once; the first value is used",
        ]
    );
}

#[test]
fn encoded_long_and_reversed_values_are_handled() {
    let (state, notices) = parse_query("partners=world%2CKAZ&from=2024-01&to=2023-01");
    assert_eq!(state.partners, ["world", "KAZ"]);
    assert_eq!((state.from, state.to), (None, None));
    assert_eq!(
        notices[0].to_string(),
        "from: 2024-01 is after to=2023-01; the whole range is shown"
    );
    let long = "x".repeat(3000);
    let (state, notices) = parse_query(&format!("flow={long}"));
    assert_eq!(state.flow, FlowChoice::Total);
    assert_eq!(
        notices[0].to_string(),
        "flow: longer than 2000 characters; the default is used"
    );
    let (_, notices) = parse_query("flow=%E2%9C%93%3Cscript%3E");
    assert_eq!(
        notices[0].to_string(),
        "flow: \"✓<script>\" is not one of total, exports, imports, balance; the default is used"
    );
}

#[test]
fn an_embed_of_the_painted_view_keeps_its_static_first_paint() {
    use trade_trends::urlstate::shows_painted_view;
    assert!(shows_painted_view("", ""));
    assert!(shows_painted_view("?embed=1", ""));
    assert!(shows_painted_view(
        "?embed=1&id=trade-trends-1&lang=en&controls=0",
        ""
    ));
    assert!(shows_painted_view(
        "?measure=share&partners=central_asia_5&embed=1",
        "measure=share&partners=central_asia_5"
    ));
    // Another view, another language, another theme: the static chart is not theirs.
    assert!(!shows_painted_view("?measure=ytd&embed=1", ""));
    assert!(!shows_painted_view("?embed=1&lang=zh", ""));
    assert!(!shows_painted_view("?embed=1&theme=dark", ""));
    assert!(!shows_painted_view(
        "?embed=1",
        "measure=share&partners=central_asia_5"
    ));
}
