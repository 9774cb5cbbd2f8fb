//! The error state: what went wrong, in the reader's language, with a retry where trying
//! again can help and a link to the default dataset.

use leptos::prelude::*;

use crate::i18n::{Catalogue, Lang};

/// The error state: a heading and the problem in words; `details` are the dataset
/// checker's problems, one per line.
#[component]
pub fn ErrorState(
    t: &'static Catalogue,
    title: String,
    lines: Vec<String>,
    details: Vec<String>,
    #[prop(default = None)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    // The default dataset, in the language the reader is reading.
    let default_page = match t.lang {
        Lang::En => "./".to_string(),
        other => format!("./?lang={}", other.code()),
    };
    view! {
        <section class="error" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{title}</h1>
            <ul class="error-lines">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                {details.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            {on_retry.map(|retry| view! { <button type="button" class="retry" on:click=move |_| retry.run(())>{t.try_again}</button> })}
            <p class="hint">{t.default_dataset_hint}<a href=default_page>{t.default_dataset_link}</a>{t.default_dataset_end}</p>
        </section>
    }
}
