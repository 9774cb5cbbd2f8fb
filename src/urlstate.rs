//! The page's URL parameters, parsed and checked. Foundation scope: `data`, the dataset
//! to load, which must be a relative path to a `.json` file inside the app's folder.

/// The dataset bundled with the app, relative to the page.
pub const DEFAULT_DATA: &str = "data/xinjiang.json";

/// Why a `data=` value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataRefused {
    pub value: String,
    pub reason: &'static str,
}

impl std::fmt::Display for DataRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "The data parameter \"{}\" was refused: {}. Only a relative path to a .json file \
             in this app's folder is allowed, e.g. ?data=data/xinjiang.json",
            self.value, self.reason
        )
    }
}

impl std::error::Error for DataRefused {}

/// The dataset path to fetch for the (already percent-decoded) `data` parameter.
pub fn data_path(param: Option<&str>) -> Result<String, DataRefused> {
    let Some(value) = param else {
        return Ok(DEFAULT_DATA.to_string());
    };
    let refuse = |reason| {
        Err(DataRefused {
            value: value.chars().take(200).collect(),
            reason,
        })
    };
    if value.is_empty() {
        return refuse("it is empty");
    }
    if value.len() > 512 {
        return refuse("it is longer than 512 characters");
    }
    if value.contains(':') {
        return refuse("it names a scheme or another site (it contains ':')");
    }
    if value.starts_with('/') || value.starts_with('\\') {
        return refuse("it starts at the site root, outside the app's folder");
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
    {
        return refuse("it contains characters other than letters, digits, '.', '_', '-' and '/'");
    }
    if value
        .split('/')
        .any(|segment| segment == ".." || segment == "." || segment.is_empty())
    {
        return refuse("it leaves the app's folder or has an empty or '.' segment");
    }
    if !value.ends_with(".json") {
        return refuse("it does not end in .json");
    }
    Ok(value.to_string())
}
