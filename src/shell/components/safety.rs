//! The safety companion view: neutrophil-check schedule with a calendar file,
//! side-effect triage and the before-starting screen. Every rule and string
//! is in `core::safety`; the view keeps one `SafetyForm` in a reducer and has
//! one delegated `input` listener: each control reports its `name`, `value`
//! and `checked` to `SafetyForm::apply`.
//!
//! Size: only the controls and their containers are Yew elements (they keep
//! their identity, hence focus, across renders); headings, hints and outcomes
//! are built as escaped markup by `core::safety::form::Markup` and inserted as
//! raw nodes, which costs far less code than one element template each.

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
use crate::shell::app::{use_env, LastDoseCtx};
use crate::shell::services::clock::BrowserClock;
use crate::shell::services::files::download;
use crate::shell::services::storage::{notify_changed, shared_repo};
use super::{list, raw};

pub enum Act {
    /// A control's (name, value, checked).
    Input(String, String, bool),
    Notice(Notice),
}

#[derive(PartialEq)]
pub struct State(SafetyForm);

impl Reducible for State {
    type Action = Act;
    fn reduce(self: Rc<Self>, action: Act) -> Rc<Self> {
        let mut f = self.0.clone();
        match action {
            Act::Input(name, value, checked) => {
                if f.apply(&name, &value, checked) {
                    let repo = shared_repo();
                    let mut repo = repo.borrow_mut();
                    let result = repo.put(&f.record());
                    f.notice = storage_notice(result, repo.is_memory_only());
                    drop(repo);
                    notify_changed();
                }
            }
            Act::Notice(n) => f.notice = Some(n),
        }
        Rc::new(State(f))
    }
}

/// The saved schedule, read once when the view opens.
fn initial() -> State {
    let mut f = SafetyForm::default();
    if let Some(r) = shared_repo().borrow_mut().load_all::<MonitoringRecord>().records.first() {
        f.load(r);
    }
    State(f)
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
