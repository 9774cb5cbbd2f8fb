//! Timing: User Timing marks for the benchmark harness (`data-ready`, `chart-rendered`,
//! `chart-error`), running work once a change is painted, and `window.benchUpdate()`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::document::Commit;
use crate::page::Snapshot;
use crate::urlstate::ViewState;

/// A User Timing mark, for the benchmark harness.
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Runs `f` once what has just changed is painted: in a task after the second animation
/// frame from now (after the `chart-rendered` mark of a draw made now).
pub fn after_paint(f: impl FnOnce() + 'static) {
    // One body for every caller (boxed): each closure type would be its own code.
    let f: Box<dyn FnOnce()> = Box::new(f);
    request_animation_frame(move || {
        request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO))
    });
}

/// A count of `snapshot`'s views, for a part of the page that can be hidden (a tab that is
/// not open): it follows a new view at once while `shown()` holds, and once that view is
/// painted otherwise, so that a hidden part's lists are re-made after the chart is drawn,
/// not before. Read the snapshot untracked where this is tracked.
pub fn follow_when_shown(
    snapshot: Memo<Snapshot>,
    shown: impl Fn() -> bool + Copy + 'static,
) -> ReadSignal<u64> {
    let views = RwSignal::new(0u64);
    Effect::new(move |first: Option<()>| {
        snapshot.track();
        // The part was made from the view it starts with.
        if first.is_none() {
            return;
        }
        let next = move || {
            // The part may be gone since (another language re-makes the page).
            if let Some(n) = views.try_get_untracked() {
                views.set(n + 1);
            }
        };
        if untrack(shown) {
            next();
        } else {
            after_paint(next);
        }
    });
    views.read_only()
}

/// A flag that turns true in a task after this one.
pub fn true_in_next_task() -> ReadSignal<bool> {
    let flag = RwSignal::new(false);
    set_timeout(
        move || {
            // The view it was made for may have been replaced since (another language
            // re-makes it).
            flag.try_set(true);
        },
        std::time::Duration::ZERO,
    );
    flag.read_only()
}

/// Resolves in a task of its own: what follows runs after the browser has had its turn
/// (a slow phone then runs two shorter tasks instead of one long one).
pub async fn next_task() {
    let ready = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(ready).await;
}

/// Two animation frames after a draw, so the mark lands after the paint; then `painted`.
pub fn mark_rendered(painted: RwSignal<bool>) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            mark("chart-rendered");
            // The view may have been replaced since (another language re-makes it): its
            // signals are gone then, and there is nothing to tell.
            if painted.try_get_untracked() == Some(false) {
                painted.set(true);
            }
        })
    });
}

/// `window.benchUpdate()` for the benchmark harness (`bench/`): odd calls hide the first
/// partner's series, even calls show it again; each redraw marks `chart-rendered` once.
pub fn install_bench_update(
    snapshot: Memo<Snapshot>,
    state: RwSignal<ViewState>,
    set_state: Callback<(ViewState, Commit)>,
) {
    let hidden = StoredValue::new(None::<String>);
    let toggle = Closure::<dyn FnMut()>::new(move || {
        let Some(shown) = snapshot.try_with_untracked(|s| s.state.partners.clone()) else {
            return; // a dashboard that has been replaced
        };
        let mut next = state.get_untracked();
        next.partners = match hidden.get_value() {
            None => {
                hidden.set_value(shown.first().cloned());
                shown.into_iter().skip(1).collect()
            }
            Some(first) => {
                hidden.set_value(None);
                std::iter::once(first).chain(shown).collect()
            }
        };
        set_state.run((next, Commit::Replace));
    });
    let _ = js_sys::Reflect::set(&window(), &"benchUpdate".into(), toggle.as_ref());
    // A call made before the app had started (the page's head keeps it) runs now.
    let queued = JsValue::from_str("__ttQueuedUpdate");
    if js_sys::Reflect::get(&window(), &queued).is_ok_and(|v| v.is_truthy()) {
        let _ = js_sys::Reflect::delete_property(&window(), &queued);
        let run = toggle.as_ref().unchecked_ref::<js_sys::Function>().clone();
        request_animation_frame(move || {
            let _ = run.call0(&JsValue::NULL);
        });
    }
    toggle.forget();
}
