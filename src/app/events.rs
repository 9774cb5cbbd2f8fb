//! The events under the chart, numbered as on the chart's time axis.

use leptos::prelude::*;

use super::sources::source_anchor;
use crate::i18n::Catalogue;
use crate::page::Snapshot;

/// The events listed under the chart, numbered as on the chart.
#[component]
pub fn EventsList(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    move || {
        snapshot.with(|s| {
            (s.state.events && !s.events.is_empty()).then(|| {
                view! {
                    <ol class="events" aria-label=t.events_label>
                        {s.events.iter().map(|e| view! {
                            <li value=e.number.to_string()>
                                <span class="event-date">{e.date.clone()}</span>" "<span lang="en">{e.title.clone()}</span>" "
                                {e.source.clone().map(|src| source_anchor(t, &src.url, t.event_source.to_string(), "event-source"))}
                            </li>
                        }).collect_view()}
                    </ol>
                }
            })
        })
    }
}
