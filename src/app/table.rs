//! The data table: exactly what the chart shows, sortable by period, partner or value,
//! with provenance and sources per value. A long table shows its first rows until the
//! reader asks for all, and a new view's rows follow once its chart is painted.

use leptos::prelude::*;

use super::sources::source_links;
use super::timing::after_paint;
use crate::i18n::{fill, Catalogue};
use crate::page::{Snapshot, TableRow};
use crate::urlstate::ViewMode;

/// Rows of the data table shown before the reader asks for all of them (a bounded page:
/// each row is about eight elements, and a new view replaces them all).
const TABLE_ROWS: usize = 250;
/// Rows built at once with a new view when the table is what the reader looks at; the rest
/// follow once the view is on screen (under a chart, all of them do: the chart comes first).
const TABLE_FIRST_ROWS: usize = 100;

/// The table of exactly what the chart shows, sortable.
#[component]
pub fn DataTable(t: &'static Catalogue, snapshot: Memo<Snapshot>) -> impl IntoView {
    // (column, ascending); columns: 0 period, 1 series, 2 value.
    let sort = RwSignal::new((0usize, true));
    // A very long table (a synthetic benchmark has 100,000 rows) is shown in part until the
    // reader asks for all of it: the chart, the CSV and the keyboard still have every value.
    let show_all = RwSignal::new(false);
    let total = Memo::new(move |_| snapshot.with(|s| s.row_count()));
    // Beyond the first rows, the table of a new view is built after the chart has been
    // painted, so that a long table never delays the chart.
    let generation = Memo::new(move |previous: Option<&u64>| {
        snapshot.track();
        previous.map(|g| g + 1).unwrap_or(0)
    });
    let complete_for = RwSignal::new(u64::MAX);
    Effect::new(move |_| {
        let g = generation.get();
        after_paint(move || complete_for.set(g));
    });
    // Which view's rows the body holds, and whether all of them are due. When the table
    // is the view, a new view's first rows come at once; when it is below the chart, the
    // old body stays until the chart has been painted (taking hundreds of rows out of the
    // page costs milliseconds), and the new rows come then.
    let body = Memo::new(move |shown: Option<&(u64, bool)>| {
        let g = generation.get();
        let complete = complete_for.get() == g;
        let primary = snapshot.with_untracked(|s| s.state.view == ViewMode::Table);
        match shown {
            Some(&shown) if !complete && !primary => shown,
            _ => (g, complete),
        }
    });
    let header = move |col: usize, label: &'static str, class: &'static str| {
        view! {
            <th scope="col" class=class
                aria-sort=move || { let (c, asc) = sort.get(); if c == col { if asc { "ascending" } else { "descending" } } else { "none" } }>
                <button type="button" class="sort" on:click=move |_| sort.update(|(c, asc)| { if *c == col { *asc = !*asc } else { *c = col; *asc = true } })>
                    {label}
                </button>
            </th>
        }
    };
    // The rows of the current view: re-made when the order or "Show all" asks; a new view
    // or the second phase replaces the whole body at once (below), not row by row.
    let rows = move || {
        let (col, asc) = sort.get();
        snapshot.with_untracked(|s| {
            // Rows are ordered and put in words only for what is shown.
            let limit = if show_all.get() {
                usize::MAX
            } else if body.get_untracked().1 {
                TABLE_ROWS
            } else if s.state.view == ViewMode::Table {
                TABLE_FIRST_ROWS
            } else {
                0
            };
            s.row_order(col, asc, limit).into_iter()
                .map(|k| s.row(k))
                .map(|r: TableRow| view! {
                    <tr class:not-drawn=!r.drawn data-plus=r.plus.join(" ") data-minus=r.minus.join(" ") data-months=r.months.to_string()>
                        <td>{r.period}</td>
                        <td>{r.series}</td>
                        <td class="num">{r.value}</td>
                        <td>{r.provenance}<span class="caveat">{r.caveat.unwrap_or_default()}</span></td>
                        <td>{source_links(t, &r.sources)}</td>
                    </tr>
                })
                .collect_view()
        })
    };
    view! {
        <section class="table-section" class:primary=move || snapshot.with(|s| s.state.view == ViewMode::Table) aria-labelledby="table-title">
            <h2 id="table-title">{t.data_table}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-title">
                // Busy (for assistive technology, and for anyone reading the rows) while
                // the body holds an earlier view's rows, or only the first rows of this one.
                <table class="values" aria-busy=move || (body.get() != (generation.get(), true)).then_some("true")>
                    <caption>{move || snapshot.with(|s| fill(t.table_caption, &[("title", &s.title), ("measure", &s.wording.measure_label), ("unit", &s.wording.y_label)]))}</caption>
                    <thead><tr>
                        {header(0, t.col_period, "")}
                        {header(1, t.col_partner, "")}
                        {header(2, t.col_value, "num")}
                        <th scope="col">{t.col_how}</th>
                        <th scope="col">{t.col_sources}</th>
                    </tr></thead>
                    // A new view gets a new body: the old rows leave in one step, so a long
                    // table never delays the chart of the next view.
                    {move || { body.track(); view! { <tbody>{rows}</tbody> } }}
                </table>
            </div>
            {move || (total.get() > TABLE_ROWS && !show_all.get()).then(|| {
                let count = total.get().to_string();
                view! {
                    <p class="table-more">
                        {fill(t.table_partial, &[("shown", &TABLE_ROWS.to_string()), ("total", &count)])}" "
                        <button type="button" on:click=move |_| show_all.set(true)>{fill(t.table_show_all, &[("total", &count)])}</button>
                    </p>
                }
            })}
        </section>
    }
}
