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
        assert_eq!(err.reason, reason, "{value}");
    }
    assert_eq!(
        data_path(Some("https://evil.example/x.json")).unwrap_err().to_string(),
        "The data parameter \"https://evil.example/x.json\" was refused: it names a scheme or another site \
         (it contains ':'). Only a relative path to a .json file in this app's folder is allowed, e.g. ?data=data/xinjiang.json"
    );
}
