//! The chart settings: every control a labelled form control bound to the view state (and
//! so to the URL): reporter and the reporter compared with it, flow, measure, currency,
//! chart type, events, partners (with a filter) and the time range (two handles and
//! presets).

use std::sync::Arc;

use leptos::prelude::*;

use super::dashboard::Update;
use super::document::{focus_first, Commit};
use crate::currency::Currency;
use crate::dataset::{Dataset, PartnerKind};
use crate::i18n::{fill, Catalogue};
use crate::page::Snapshot;
use crate::selection::partner_choices;
use crate::urlstate::{ChartKind, FlowChoice, MeasureKind};

/// The settings: a panel beside the chart on a wide screen; elsewhere (phones, embeds) a
/// drawer that the settings button opens (`drawer`, see [`open_drawer`]), closed by Esc,
/// by its close button or by the button again, the focus going back to the button.
#[component]
pub fn Controls(
    t: &'static Catalogue,
    dataset: Arc<Dataset>,
    snapshot: Memo<Snapshot>,
    update: Update,
    drawer: RwSignal<bool>,
) -> impl IntoView {
    let close = move || {
        drawer.set(false);
        focus_first(".settings-open");
    };
    view! {
        <aside class="controls" id="settings" class:open=move || drawer.get() aria-labelledby="settings-title"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" && drawer.get_untracked() { close() }>
            <div class="controls-head">
                <h2 id="settings-title">{t.settings}</h2>
                <button type="button" class="settings-close" on:click=move |_| close()>{t.close}</button>
            </div>
            <form class="control-grid" on:submit=|ev| ev.prevent_default()>
                <ReporterChoice t dataset=dataset.clone() snapshot update/>
                <Choices t snapshot update/>
                <PartnerPicker t dataset snapshot update/>
                <RangeControl t snapshot update/>
            </form>
        </aside>
    }
}

/// The reporter, when the dataset has more than one.
#[component]
fn ReporterChoice(
    t: &'static Catalogue,
    dataset: Arc<Dataset>,
    snapshot: Memo<Snapshot>,
    update: Update,
) -> impl IntoView {
    let reporters: Vec<(String, String)> = dataset
        .reporters
        .iter()
        .map(|r| (r.code.clone(), r.name_in(t.lang).to_string()))
        .collect();
    let choose = move |code: String| {
        let set = move |s: &mut crate::urlstate::ViewState| {
            s.reporter = Some(code.clone());
            s.partners.clear();
        };
        update.run(&set, Commit::Push)
    };
    let compare = move |code: String| {
        let set = move |s: &mut crate::urlstate::ViewState| {
            s.compare = Some(code.clone()).filter(|c| !c.is_empty());
        };
        update.run(&set, Commit::Push)
    };
    let others = reporters.clone();
    let shown = move || snapshot.with(|s| s.reporter.clone());
    (reporters.len() > 1).then(|| view! {
        <label class="control">{t.reporter}
            <select on:change=move |ev| choose(event_target_value(&ev))
                prop:value=shown>
                {reporters.iter().map(|(code, name)| view! { <option value=code.clone()>{name.clone()}</option> }).collect_view()}
            </select>
        </label>
        <label class="control">{t.compare_with}
            <select on:change=move |ev| compare(event_target_value(&ev))
                prop:value=move || snapshot.with(|s| s.state.compare.clone().unwrap_or_default())>
                <option value="">{t.compare_none}</option>
                {others.into_iter().map(|(code, name)| {
                    let own = code.clone();
                    view! { <option value=code disabled=move || shown() == own>{name}</option> }
                }).collect_view()}
            </select>
        </label>
    })
}

/// Flow, measure (with averaging per month), currency, chart type and events.
#[component]
fn Choices(t: &'static Catalogue, snapshot: Memo<Snapshot>, update: Update) -> impl IntoView {
    let currencies = [
        (Currency::CNY, t.currency_cny_option),
        (Currency::USD, t.currency_usd_option),
    ];
    let kinds = [
        (ChartKind::Line, t.chart_type_line),
        (ChartKind::Bar, t.chart_type_bar),
        (ChartKind::Area, t.chart_type_area),
    ];
    view! {
        <label class="control">{t.flow}
            <select on:change=move |ev| { let v = event_target_value(&ev); if let Some(f) = FlowChoice::from_code(&v) { update.run(&|s| s.flow = f, Commit::Push) } }
                prop:value=move || snapshot.with(|s| s.state.flow.code())>
                <option value="total">{t.flow_total}</option>
                <option value="exports">{t.flow_exports}</option>
                <option value="imports">{t.flow_imports}</option>
                <option value="balance">{t.flow_balance_option}</option>
            </select>
        </label>
        <label class="control">{t.measure}
            <select on:change=move |ev| { let v = event_target_value(&ev); if let Some(m) = MeasureKind::from_code(&v) { update.run(&|s| s.measure = m, Commit::Push) } }
                prop:value=move || snapshot.with(|s| s.state.measure.code())>
                <option value="monthly">{t.opt_monthly}</option>
                <option value="ytd">{t.opt_ytd}</option>
                <option value="yoy">{t.opt_yoy}</option>
                <option value="rolling12">{t.opt_rolling12}</option>
                <option value="share">{t.opt_share}</option>
                <option value="contribution">{t.opt_contribution}</option>
                <option value="reporter_share" disabled=move || snapshot.with(|s| s.state.compare.is_none())>{t.opt_reporter_share}</option>
            </select>
        </label>
        <label class="control check" class:hidden=move || snapshot.with(|s| s.state.measure != MeasureKind::Monthly)>
            <input type="checkbox" prop:checked=move || snapshot.with(|s| s.state.average)
                on:change=move |ev| { let on = event_target_checked(&ev); update.run(&|s| s.average = on, Commit::Push) }/>
            {t.average_per_month}
        </label>
        <fieldset class="control radios">
            <legend>{t.currency}</legend>
            {currencies.into_iter().map(|(c, label)| view! {
                <label><input type="radio" name="currency" value=c.code()
                    prop:checked=move || snapshot.with(|s| s.state.currency == c)
                    on:change=move |_| update.run(&|s| s.currency = c, Commit::Push)/>{label}</label>
            }).collect_view()}
        </fieldset>
        <fieldset class="control radios">
            <legend>{t.chart_type}</legend>
            {kinds.into_iter().map(|(k, label)| view! {
                <label><input type="radio" name="chart" value=k.code()
                    prop:checked=move || snapshot.with(|s| s.state.chart == k)
                    on:change=move |_| update.run(&|s| s.chart = k, Commit::Push)/>{label}</label>
            }).collect_view()}
        </fieldset>
        <label class="control check">
            <input type="checkbox" prop:checked=move || snapshot.with(|s| s.state.events)
                on:change=move |ev| { let on = event_target_checked(&ev); update.run(&|s| s.events = on, Commit::Push) }/>
            {t.show_events}
        </label>
    }
}

/// The partners of the reporter, to tick, with a filter by name or code.
#[component]
fn PartnerPicker(
    t: &'static Catalogue,
    dataset: Arc<Dataset>,
    snapshot: Memo<Snapshot>,
    update: Update,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    // The list is re-made when the reporter or the filter changes, not every view.
    let reporter = Memo::new(move |_| snapshot.with(|s| s.reporter.clone()));
    let partners_of = move |reporter: &str| -> Vec<(String, String, PartnerKind)> {
        partner_choices(&dataset, reporter)
            .into_iter()
            .filter_map(|c| {
                let p = dataset.partner(&c)?;
                Some((p.code.clone(), p.name_in(t.lang).to_string(), p.kind))
            })
            .collect()
    };
    let toggle = move |code: String, on: bool| {
        let set = move |s: &mut crate::urlstate::ViewState| {
            let current = snapshot.with_untracked(|x| x.state.partners.clone());
            let mut next: Vec<String> = current.into_iter().filter(|p| *p != code).collect();
            if on {
                next.push(code.clone());
            }
            s.partners = next;
        };
        update.run(&set, Commit::Push)
    };
    let kind_label = move |kind| match kind {
        PartnerKind::World => t.kind_world,
        PartnerKind::Group => t.kind_group,
        PartnerKind::Country => t.kind_country,
    };
    view! {
        <fieldset class="control partners">
            <legend>{t.partners}</legend>
            <input type="search" placeholder=t.filter_placeholder aria-label=t.filter_partners
                prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
            <ul class="partner-list">
                {move || {
                    let reporter = reporter.get();
                    let needle = search.get().to_ascii_lowercase();
                    partners_of(&reporter).into_iter()
                        .filter(|(code, name, _)| needle.is_empty() || name.to_ascii_lowercase().contains(&needle) || code.to_ascii_lowercase().contains(&needle))
                        .map(|(code, name, kind)| {
                            let shown = code.clone();
                            view! {
                                <li><label>
                                    <input type="checkbox" value=code.clone()
                                        prop:checked=move || snapshot.with(|s| s.state.partners.contains(&shown))
                                        on:change=move |ev| toggle(code.clone(), event_target_checked(&ev))/>
                                    {name}<span class="kind">{fill(t.kind_suffix, &[("kind", kind_label(kind))])}</span>
                                </label></li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </fieldset>
    }
}

/// The months shown: two handles over the months with a value, and presets.
#[component]
fn RangeControl(t: &'static Catalogue, snapshot: Memo<Snapshot>, update: Update) -> impl IntoView {
    let month_count = move || snapshot.with(|s| s.month_count());
    let month_at = move |i: usize| snapshot.with(|s| s.month_at(i));
    let label_at = move |i: usize| month_at(i).map(|m| m.label_in(t.lang)).unwrap_or_default();
    // The months shown (the default range, when none was asked for).
    let from_index =
        move || snapshot.with(|s| s.range.and_then(|r| s.month_position(r.0)).unwrap_or(0));
    let to_index = move || {
        snapshot.with(|s| {
            let last = s.month_count().saturating_sub(1);
            s.range.and_then(|r| s.month_position(r.1)).unwrap_or(last)
        })
    };
    let max = move || month_count().saturating_sub(1).to_string();
    let picked = |ev: &leptos::ev::Event| event_target_value(ev).parse::<usize>().unwrap_or(0);
    let last_month = move || snapshot.with_untracked(|s| s.bounds.map(|b| b.1));
    view! {
        <fieldset class="control range">
            <legend>{t.time_range}</legend>
            <label>{t.from}<output aria-hidden="true">{move || label_at(from_index())}</output>
                <input type="range" aria-label=t.from_month min="0" max=max
                    prop:value=move || from_index().to_string()
                    aria-valuetext=move || label_at(from_index())
                    on:input=move |ev| {
                        let m = month_at(picked(&ev).min(to_index()));
                        update.run(&move |s| s.from = m, Commit::Replace)
                    }/>
            </label>
            <label>{t.to}<output aria-hidden="true">{move || label_at(to_index())}</output>
                <input type="range" aria-label=t.to_month min="0" max=max
                    prop:value=move || to_index().to_string()
                    aria-valuetext=move || label_at(to_index())
                    on:input=move |ev| {
                        let m = month_at(picked(&ev).max(from_index()));
                        update.run(&move |s| s.to = m, Commit::Replace)
                    }/>
            </label>
            <div class="presets" role="group" aria-label=t.range_presets>
                <button type="button" on:click=move |_| {
                    let last = last_month();
                    update.run(&move |s| { s.to = None; s.from = last.map(|m| m.offset(-11)); }, Commit::Push)
                }>{t.last_12_months}</button>
                <button type="button" on:click=move |_| {
                    let last = last_month();
                    update.run(&move |s| { s.to = None; s.from = last.map(|m| m.january()); }, Commit::Push)
                }>{t.year_to_date}</button>
                <button type="button" on:click=move |_| {
                    let first = snapshot.with_untracked(|s| s.bounds.map(|b| b.0));
                    update.run(&move |s| { s.from = first; s.to = None; }, Commit::Push)
                }>{t.all_years}</button>
            </div>
        </fieldset>
    }
}

/// Opens or closes the settings drawer; opened, it takes the focus to its first control
/// once it is shown.
pub fn open_drawer(drawer: RwSignal<bool>, open: bool) {
    drawer.set(open);
    if open {
        // After the drawer's slide has started: an element still hidden takes no focus.
        set_timeout(
            || focus_first("#settings .control-grid select, #settings .control-grid input"),
            std::time::Duration::from_millis(50),
        );
    }
}
