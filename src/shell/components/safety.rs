//! The safety companion view: neutrophil-check schedule with a calendar file,
//! side-effect triage and the before-starting screen. Every rule and string
//! is in `core::safety`; the view keeps one `SafetyForm` in a reducer and has
//! one delegated `input` listener: each control reports its `name`, `value`
//! and `checked` to `SafetyForm::apply`.
//!
//! Size: only the controls and their containers are Yew elements (they keep
//! their identity, hence focus, across renders); headings, hints and outcomes
//! are built as escaped markup by `core::markup::Markup` and inserted as
//! raw nodes by `shell::markup::raw`, which costs far less code than one
//! element template each.

mod monitoring;
mod screen;
mod triage;
mod warnings;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::clock::{local_day, Clock};
use crate::core::i18n::Translate;
use crate::core::markup::Markup;
use crate::core::safety::form::{storage_notice, MonitoringRecord, Notice, SafetyUi, CALENDAR_FILE, CALENDAR_MIME};
use crate::core::safety::{Context, Course, SafetyForm};
use crate::core::ui::Ui;
use crate::shell::context::{use_env, LastDoseCtx};
use crate::shell::services::clock::BrowserClock;
use crate::shell::services::files::download;
use crate::core::storage::StoreError;
use crate::shell::services::storage::{notify_changed, with_repo};
use super::{list, raw};

pub enum Act {
    /// A control's (name, value, checked).
    Input(String, String, bool),
    Notice(Notice),
    /// What saving the last change gave (`None`: saved, nothing to say).
    Saved(Option<Notice>),
}

/// The form, and how many accepted changes it has had: the view's effect
/// saves the record when that number grows (no storage write in the reducer).
#[derive(PartialEq)]
pub struct State(SafetyForm, u32);

impl Reducible for State {
    type Action = Act;
    fn reduce(self: Rc<Self>, action: Act) -> Rc<Self> {
        let mut f = self.0.clone();
        let mut changes = self.1;
        match action {
            Act::Input(name, value, checked) => {
                if f.apply(&name, &value, checked) {
                    changes = changes.wrapping_add(1);
                }
            }
            Act::Notice(n) => f.notice = Some(n),
            Act::Saved(n) => f.notice = n,
        }
        Rc::new(State(f, changes))
    }
}

/// Saves the schedule; the notice to show (busy counts as not saved).
fn save(f: &SafetyForm) -> Option<Notice> {
    let record = f.record();
    let result = with_repo(|r| (r.put(&record), r.is_memory_only()));
    match result {
        Some((result, memory_only)) => {
            if result.is_ok() {
                notify_changed();
            }
            storage_notice(result, memory_only)
        }
        None => storage_notice(Err(StoreError::Other("busy".into())), false),
    }
}

/// The saved schedule, read once when the view opens.
fn initial() -> State {
    let mut f = SafetyForm::default();
    if let Some(r) = with_repo(|r| r.load_all::<MonitoringRecord>().records.into_iter().next()).flatten() {
        f.load(&r);
    }
    State(f, 0)
}

/// (local day number today, UTC ms now) from the browser's clock.
fn today_now() -> (i64, i64) {
    let now = BrowserClock.now_ms();
    (local_day(now, BrowserClock.local_offset_minutes(now)), now)
}

#[function_component(Safety)]
pub fn view() -> Html {
    let env = use_env();
    let lang = env.lang;
    let state = use_reducer(initial);
    let course = use_context::<LastDoseCtx>()
        .and_then(|c| *c)
        .map(|d| Course::new(d.indication, d.administrations_per_day, d.interval_days, d.hospital_only));
    {
        let s = state.clone();
        use_effect_with(state.1, move |changes| {
            if *changes > 0 {
                s.dispatch(Act::Saved(save(&s.0)));
            }
        });
    }
    let ctx = Context::new(env.region, course);
    let calc = ctx.plan();
    let oninput = {
        let d = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                d.dispatch(Act::Input(i.name(), i.value(), i.checked()));
            }
        })
    };
    let onclick = {
        let s = state.clone();
        Callback::from(move |_: MouseEvent| {
            let (today, now) = today_now();
            let file = s.0.calendar(today, now, s.0.reminder_plan(calc), ctx, lang);
            let ok = file.is_some_and(|ics| download(CALENDAR_FILE, CALENDAR_MIME, &ics).is_ok());
            s.dispatch(Act::Notice(if ok { Notice::Downloaded } else { Notice::DownloadFailed }));
        })
    };
    let f = &state.0;
    let mut h = Markup::default();
    h.m(r#"<h3 id="kw-sf-h">"#).t(Ui::TabSafety.tr(lang)).m(r#"</h3><p class="kw-hint">"#).t(SafetyUi::Intro.tr(lang)).m("</p>");
    html! {
        <section class="kw-safety" aria-labelledby="kw-sf-h" {oninput}>
            { triage::banner(f, lang, env.region) }
            { raw(&mut h) }
            { monitoring::view(f, lang, today_now().0, ctx, onclick) }
            { triage::view(f, lang, env.region) }
            { warnings::view(lang, ctx) }
            { screen::view(f, lang, env.region) }
        </section>
    }
}
