//! The warm-up block under "laid flat": the time left (not announced every
//! second), a polite live region that says when it is ready, the override,
//! and the optional browser notification.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsValue;
use web_sys::{Notification, NotificationOptions, NotificationPermission};
use yew::prelude::*;

use super::model::{Model, Msg, Notify};
use super::raw;
use crate::core::markup::Markup;

use crate::core::checklist::text::ChecklistMsg;
use crate::core::checklist::timer::{format_clock, warm_up_status, WarmUp, WarmUpMsg};
use crate::core::checklist::{Run, Step};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::ui::Ui;

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
pub fn request(state: UseReducerDispatcher<Model>) {
    if !supported() {
        state.dispatch(Msg::Notify(Notify::Unsupported));
        return;
    }
    let promise = match Notification::request_permission() {
        Ok(p) => js_sys::Promise::resolve(&p),
        Err(_) => js_sys::Promise::resolve(&JsValue::UNDEFINED),
    };
    // A plain `then` (no futures executor in the bundle for one callback).
    let done = Closure::once(move |_: JsValue| {
        state.dispatch(Msg::Notify(match Notification::permission() {
            NotificationPermission::Granted => Notify::On,
            _ => Notify::Blocked,
        }));
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

/// Button ids (handled by `super::handle`).
pub const OVERRIDE: &str = "kw-ck-override";
pub const NOTIFY: &str = "kw-ck-notify";

/// The block shown under "laid flat" once the syringe is out of the fridge.
pub fn view(lang: Lang, run: &Run, now: i64, notify: Notify) -> Html {
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
    let mut h = Markup::default();
    let (id, label) = if run.warm_up_overridden {
        h.m(r#"<p class="kw-hint">"#).t(ChecklistMsg::OverrideDone.tr(lang)).m("</p>");
        ("", String::new())
    } else if running {
        (OVERRIDE, WarmUpMsg::OverrideButton.text(lang))
    } else {
        ("", String::new())
    };
    let override_part = button(id, label, &mut h);
    let hint = match notify {
        Notify::Idle if running => {
            let notify_part = button(NOTIFY, ChecklistMsg::NotifyButton.tr(lang).to_string(), &mut h);
            return block(timer, ready, override_part, notify_part);
        }
        Notify::On if running => Some(ChecklistMsg::NotifyOn),
        Notify::Blocked if running => Some(ChecklistMsg::NotifyBlocked),
        _ => None,
    };
    if let Some(m) = hint {
        h.m(r#"<p class="kw-hint">"#).t(m.tr(lang)).m("</p>");
    }
    block(timer, ready, override_part, raw(&mut h))
}

/// A secondary button with `id` (none if `id` is empty), after the markup
/// collected so far.
fn button(id: &'static str, label: String, h: &mut Markup) -> Html {
    let before = raw(h);
    if id.is_empty() {
        return before;
    }
    html! {
        <>
            { before }
            <button type="button" class="kw-button kw-secondary" {id}>{ label }</button>
        </>
    }
}

fn block(timer: Html, ready: String, override_part: Html, notify_part: Html) -> Html {
    html! {
        <div class="kw-ck-warm">
            { timer }
            <p class="kw-ck-ready" aria-live="polite">{ ready }</p>
            <div class="kw-ck-actions">{ override_part }{ notify_part }</div>
        </div>
    }
}
