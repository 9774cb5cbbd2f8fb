//! Notices: what the dataset file and the link asked for that could not be used, and what
//! was used instead.

use leptos::prelude::*;

use crate::i18n::Catalogue;
use crate::page::Snapshot;

/// Notices about link parameters that could not be used.
#[component]
pub fn Notices(
    t: &'static Catalogue,
    url_notices: RwSignal<Vec<String>>,
    snapshot: Memo<Snapshot>,
    data_notes: Vec<String>,
) -> impl IntoView {
    move || {
        let mut all = data_notes.clone();
        all.extend(url_notices.get());
        snapshot.with(|s| all.extend(s.notices.iter().map(|n| n.to_string())));
        (!all.is_empty()).then(|| {
            view! {
                <div class="notice" role="status">
                    <p>{t.notices_lead}</p>
                    <ul>{all.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
