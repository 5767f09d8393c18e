//! The warm-up block under "laid flat": the time left (not announced every
//! second), a polite live region that says when it is ready, the override,
//! and the optional browser notification.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsValue;
use web_sys::{Notification, NotificationOptions, NotificationPermission};
use yew::prelude::*;

use crate::core::checklist::text::ChecklistMsg;
use crate::core::checklist::timer::{format_clock, warm_up_status, WarmUp, WarmUpMsg};
use crate::core::checklist::{Run, RunAction, Step};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::ui::Ui;

/// Browser-notification state for this view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notify {
    /// No `Notification` in this browser: the button is not shown.
    Unsupported,
    /// Not asked yet (or granted earlier but not chosen for this view).
    Idle,
    /// The user asked for it and the browser allows it.
    On,
    /// The user or the browser refused.
    Blocked,
}

fn supported() -> bool {
    web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &JsValue::from_str("Notification")).unwrap_or(false))
}

pub fn notify_initial() -> Notify {
    if !supported() {
        Notify::Unsupported
    } else if Notification::permission() == NotificationPermission::Denied {
        Notify::Blocked
    } else {
        Notify::Idle
    }
}

/// Asks for permission (on the user's click). The answer is read back from
/// `Notification.permission`, so old callback-only browsers work too.
fn request(state: UseStateHandle<Notify>) {
    if !supported() {
        state.set(Notify::Unsupported);
        return;
    }
    let promise = match Notification::request_permission() {
        Ok(p) => js_sys::Promise::resolve(&p),
        Err(_) => js_sys::Promise::resolve(&JsValue::UNDEFINED),
    };
    // A plain `then` (no futures executor in the bundle for one callback).
    let done = Closure::once(move |_: JsValue| {
        state.set(match Notification::permission() {
            NotificationPermission::Granted => Notify::On,
            _ => Notify::Blocked,
        });
    });
    let _ = promise.then(&done);
    done.forget(); // a few bytes per click (the Rust side is freed once it ran)
}

/// Shows "ready" as a system notification; failures are ignored (the live
/// region on the page says it anyway).
pub fn show_notification(lang: Lang) {
    if supported() && Notification::permission() == NotificationPermission::Granted {
        let opts = NotificationOptions::new();
        opts.set_body(&WarmUpMsg::Done.text(lang));
        opts.set_lang(lang.code());
        let _ = Notification::new_with_options(Ui::AppTitle.tr(lang), &opts);
    }
}

/// The block shown under "laid flat" once the syringe is out of the fridge.
pub fn view(lang: Lang, run: &Run, now: i64, act: &Callback<(RunAction, Option<Step>)>, notify: &UseStateHandle<Notify>) -> Html {
    let Some(out) = run.out_of_fridge_ms else {
        return html! {};
    };
    let status = warm_up_status(out, now);
    let closed = run.is_closed() || run.is_ticked(Step::LaidFlat);
    let timer = match status {
        WarmUp::Running { remaining_ms } if !closed => html! {
            <p class="kw-ck-timer" role="timer" aria-label={ChecklistMsg::TimerLabel.tr(lang)}>
                { fill(WarmUpMsg::Remaining.tr(lang), &[("time", &format_clock(remaining_ms))]) }
            </p>
        },
        _ => html! {},
    };
    let ready = if status == WarmUp::Done { WarmUpMsg::Done.text(lang) } else { String::new() };
    let running = matches!(status, WarmUp::Running { .. }) && !closed;
    let override_part = if run.warm_up_overridden {
        html! { <p class="kw-hint">{ ChecklistMsg::OverrideDone.tr(lang) }</p> }
    } else if running {
        let onclick = act.reform(|_| (RunAction::OverrideWarmUp, Some(Step::LaidFlat)));
        html! {
            <button type="button" class="kw-button kw-secondary" {onclick}>
                { WarmUpMsg::OverrideButton.text(lang) }
            </button>
        }
    } else {
        html! {}
    };
    let notify_part = match **notify {
        Notify::Idle if running => {
            let state = notify.clone();
            let onclick = Callback::from(move |_| request(state.clone()));
            html! {
                <button type="button" class="kw-button kw-secondary" {onclick}>
                    { ChecklistMsg::NotifyButton.tr(lang) }
                </button>
            }
        }
        Notify::On if running => html! { <p class="kw-hint">{ ChecklistMsg::NotifyOn.tr(lang) }</p> },
        Notify::Blocked if running => html! { <p class="kw-hint">{ ChecklistMsg::NotifyBlocked.tr(lang) }</p> },
        _ => html! {},
    };
    html! {
        <div class="kw-ck-warm">
            { timer }
            <p class="kw-ck-ready" aria-live="polite">{ ready }</p>
            <div class="kw-ck-actions">{ override_part }{ notify_part }</div>
        </div>
    }
}
