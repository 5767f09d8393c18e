//! Storage and preparation: storage status, the per-dose checklist with its
//! warm-up timer, the "something went wrong" helper and the dose history.
//! Every rule is in `core::checklist`; this file wires state and effects, the
//! sub-modules render plain `Html`.
//!
//! Size (docs/SIZE.md): one reducer holds all of the view's state, and one
//! handler per event type on the `<section>` routes every control's event by
//! the target's id (`handle`). Text is escaped markup (`Markup`) inserted as
//! raw nodes; controls, buttons and live regions stay Yew elements.

mod checklist;
mod history;
mod mishap;
mod model;
mod warmup;

use gloo::timers::callback::{Interval, Timeout};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::checklist::store::{load, save_run, ChecklistSettings};
use crate::core::checklist::timer::{warm_up_status, WarmUp};
use crate::core::attrs::Region;
use crate::core::checklist::excursion::MishapKind;
use crate::core::checklist::text::ChecklistMsg;
use crate::core::checklist::history::{due_today, HistoryMsg, SCHEDULE_FACT, SPLIT_FACT};
use crate::core::checklist::{DosePrepared, DoseSchedule, Inspection, RunAction, Step, TempUnit, DOSE_PREPARED_EVENT};
use crate::core::checklist::view_parts;
use crate::core::clock::Pinned;
use crate::core::clock::Clock;
use crate::core::i18n::{fill, Lang, Translate, source_text};
use crate::core::safety::form::Markup;
use crate::core::storage::{StorageMsg, StorageStatus};
use crate::core::sites::Suggestion;
use crate::core::ui::Ui;
use crate::shell::app::{use_env, LastDoseCtx};
use crate::shell::events::emit;
use crate::shell::hooks::use_data_revision::use_data_revision;
use crate::shell::services::clock::BrowserClock;
use crate::shell::services::storage::{notify_changed, shared_repo};

use model::{Model, Msg};
use super::{list, raw};
pub use warmup::Notify;

fn now_ms() -> i64 {
    BrowserClock.now_ms()
}

/// What to tell the user about storage, if anything (memory only, last write failed).
fn storage_notice(lang: crate::core::i18n::Lang) -> Option<String> {
    let status = shared_repo().borrow().status();
    match status {
        StorageStatus::Ok | StorageStatus::Quarantined(_) => None,
        s => s.message(lang).map(|m| {
            let mut m = m;
            if matches!(s, StorageStatus::LastWriteFailed(_)) {
                m.push(' ');
                m.push_str(StorageMsg::NotSaved.tr(lang));
            }
            m
        }),
    }
}

/// The browser's locale (`navigator.language`), "" when unknown.
fn browser_locale() -> String {
    web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default()
}


/// "Source: …" as a paragraph.
fn source(h: &mut Markup, lang: Lang, src: &str) {
    h.m(r#"<p class="kw-source">"#).t(&fill(ChecklistMsg::Source.tr(lang), &[("source", &source_text(src, lang))])).m("</p>");
}

/// An `<input type=ty>` (name and value if not empty) and its label.
#[allow(clippy::too_many_arguments)]
fn input_label(
    ty: &'static str,
    name: &'static str,
    id: &'static str,
    value: &'static str,
    checked: bool,
    disabled: bool,
    described: Option<AttrValue>,
    label: &str,
) -> Html {
    let mut h = Markup::default();
    h.m(r#"<label for=""#).m(id).m(r#"">"#).t(label).m("</label>");
    let name = (!name.is_empty()).then_some(name);
    let value = (!value.is_empty()).then_some(value);
    html! {
        <>
            <input type={ty} {name} {id} {value} {checked} {disabled} aria-describedby={described} />
            { raw(&mut h) }
        </>
    }
}

/// The site to suggest, from the stored site log.
fn suggestion() -> Suggestion {
    let (sites, _) = crate::core::sites::log::load(&mut shared_repo().borrow_mut());
    sites.suggest(&BrowserClock)
}

/// Focuses the element matching `selector` in the view once the render that
/// the current event causes is done (a 0 ms timeout runs after it).
fn focus_after_render(from: &web_sys::Element, selector: &'static str) {
    let Ok(Some(section)) = from.closest(".kw-storage") else { return };
    Timeout::new(0, move || {
        if let Some(el) = section.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    })
    .forget();
}

#[derive(Clone, Copy, PartialEq)]
enum Ev {
    Input,
    Change,
    Click,
    Submit,
}

/// The view's one event handler (delegated: one listener per event type on
/// the `<section>`, routed by the target's id).
fn handle(d: &UseReducerDispatcher<Model>, e: &Event, ev: Ev, lang: Lang, region: Region, unit: TempUnit) {
    use mishap::Change;
    if ev == Ev::Submit {
        e.prevent_default();
        d.dispatch(Msg::Mishap(Change::Check(unit, region)));
        return;
    }
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let id = el.id();
    let id = id.as_str();
    let now = now_ms();
    let msg = match ev {
        Ev::Input => {
            let value = || el.unchecked_ref::<HtmlInputElement>().value();
            match id {
                "kw-mh-hours" => Msg::Mishap(Change::Hours(value())),
                "kw-mh-temp" => Msg::Mishap(Change::Temp(value())),
                _ => return,
            }
        }
        Ev::Click => match id {
            checklist::NEW_RUN => Msg::NewRun(now),
            checklist::COMPLETE => Msg::Act(RunAction::Complete, now, None),
            warmup::OVERRIDE => Msg::Act(RunAction::OverrideWarmUp, now, Some(Step::LaidFlat)),
            warmup::NOTIFY => return warmup::request(d.clone()),
            _ => return,
        },
        _ => match id {
            "kw-ck-insp-ok" => Msg::Act(RunAction::Inspect(Inspection::ClearOk), now, Some(Step::Inspected)),
            "kw-ck-insp-bad" => {
                // The run stops and this radio is disabled: focus the stop box
                // shown under it.
                focus_after_render(&el, checklist::STOP_SELECTOR);
                Msg::Act(RunAction::Inspect(Inspection::CloudyDiscoloredParticles), now, Some(Step::Inspected))
            }
            "kw-mh-earlier" => Msg::Mishap(Change::Earlier),
            _ => {
                if let Some(i) = checklist::ID.iter().position(|x| *x == id) {
                    Msg::Toggle(Step::ALL[i], now)
                } else if let Some(i) = mishap::KIND_IDS.iter().position(|x| *x == id) {
                    Msg::Mishap(Change::Kind(MishapKind::ALL[i], unit, region))
                } else if let Some(i) = history::SCHEDULE_IDS.iter().position(|x| *x == id) {
                    let s = DoseSchedule::CHOICES[i];
                    d.dispatch(Msg::Schedule(s));
                    let saved = shared_repo().borrow_mut().put(&ChecklistSettings { schedule: s });
                    if saved.is_ok() {
                        notify_changed();
                    }
                    Msg::Notice(storage_notice(lang))
                } else {
                    return;
                }
            }
        },
    };
    d.dispatch(msg);
}

#[function_component(StoragePrep)]
pub fn view() -> Html {
    let env = use_env();
    let lang = env.lang;
    let region = env.region;
    let last_dose = use_context::<LastDoseCtx>().and_then(|c| *c);
    let ctx_discard = last_dose.map(|d| d.discard_mg_per_administration);
    let data_rev = use_data_revision();

    let model = use_reducer(|| {
        let loaded = load(&mut shared_repo().borrow_mut());
        Model::start(loaded, now_ms(), ctx_discard, storage_notice(lang), warmup::notify_initial(), suggestion())
    });
    let force = use_force_update();

    // Stored data changed elsewhere (or by our own save): reload.
    {
        let dispatch = model.dispatcher();
        use_effect_with(data_rev, move |rev| {
            if *rev > 0 {
                let loaded = load(&mut shared_repo().borrow_mut());
                dispatch.dispatch(Msg::Loaded(loaded, suggestion()));
            }
        });
    }

    // Save every accepted change; tell the host page when a dose was taken.
    {
        let m = model.clone();
        let host = env.host.clone();
        use_effect_with(model.rev, move |rev| {
            if *rev > 0 {
                let saved = save_run(&mut shared_repo().borrow_mut(), &m.run, m.replaced.as_ref());
                // Read before dispatching: the handle derefs to the latest state.
                let done = if m.completed_now { DosePrepared::from_run(&m.run) } else { None };
                m.dispatch(Msg::Notice(storage_notice(lang)));
                if saved.is_ok() {
                    notify_changed();
                }
                if let (Some(host), Some(detail)) = (host, done) {
                    emit(&host, DOSE_PREPARED_EVENT, &detail);
                }
            }
        });
    }

    // The calculator computed a dose in this widget: the mg to discard.
    {
        let dispatch = model.dispatcher();
        let open = !model.run.is_closed();
        let differs = ctx_discard.is_some() && model.run.discard_mg != ctx_discard;
        use_effect_with((ctx_discard, model.run.id.clone(), open && differs), move |(mg, _, needed)| {
            if *needed {
                dispatch.dispatch(Msg::Act(RunAction::SetDiscard(*mg), now_ms(), None));
            }
        });
    }

    // Warm-up: a 1 s tick only while the timer runs; dropped on unmount.
    let now = now_ms();
    let out_ms = model.run.out_of_fridge_ms.filter(|_| !model.run.is_closed());
    let running = out_ms.is_some_and(|o| warm_up_status(o, now) != WarmUp::Done);
    {
        let notify_on = model.notify == Notify::On;
        use_effect_with((out_ms, running, notify_on), move |&(out, running, notify_on)| {
            let tick = match (out, running) {
                (Some(out), true) => {
                    let mut fired = false;
                    Some(Interval::new(1_000, move || {
                        if !fired && warm_up_status(out, now_ms()) == WarmUp::Done {
                            fired = true;
                            if notify_on {
                                warmup::show_notification(lang);
                            }
                        }
                        force.force_update();
                    }))
                }
                _ => None,
            };
            move || drop(tick)
        });
    }

    let schedule = match last_dose {
        Some(d) => DoseSchedule::from_dose(d.administrations_per_day, d.interval_days),
        None => model.schedule.unwrap_or(DoseSchedule::Daily),
    };
    let unit = TempUnit::for_locale(&browser_locale(), env.units.explicit());
    let on = |ev: Ev| {
        let d = model.dispatcher();
        move |e: &Event| handle(&d, e, ev, lang, region, unit)
    };
    let oninput = {
        let f = on(Ev::Input);
        Callback::from(move |e: InputEvent| f(&e))
    };
    let onchange = {
        let f = on(Ev::Change);
        Callback::from(move |e: Event| f(&e))
    };
    let onclick = {
        let f = on(Ev::Click);
        Callback::from(move |e: MouseEvent| f(&e))
    };
    let onsubmit = {
        let f = on(Ev::Submit);
        Callback::from(move |e: SubmitEvent| f(&e))
    };

    let mut h = Markup::default();
    h.m(r#"<h3 id="kw-st-title">"#).t(Ui::TabStorage.tr(lang)).m("</h3>");
    let title = raw(&mut h);
    if let Some(text) = &model.notice {
        h.m(r#"<p class="kw-notice kw-caution">"#).t(text).m("</p>");
    }
    let notice = raw(&mut h);
    mishap::storage_status(&mut h, lang, region, unit);
    // DOSE-COVID-HOSP: hospital use only: no home checklist, timer, history
    // or reminders; the storage card stays (for the pharmacy).
    let parts = view_parts(last_dose.is_some_and(|d| d.hospital_only));
    if let (false, Some(fact)) = (parts.home_guidance, parts.hospital_note) {
        h.m(r#"<div class="kw-notice kw-st-hospital" role="note"><p>"#).t(ChecklistMsg::HospitalOnly.tr(lang)).m("</p>");
        source(&mut h, lang, &fact.source_in(region));
        h.m("</div>");
        return html! {
            <section class="kw-storage" aria-labelledby="kw-st-title">
                { title }
                <div role="status" class="kw-st-notice">{ notice }</div>
                { raw(&mut h) }
            </section>
        };
    }
    let card = raw(&mut h);
    // RENAL-EOD / RENAL-SPLIT: the checklist follows the schedule chosen.
    if !due_today(&model.runs, schedule, &Pinned { inner: &BrowserClock, now_ms: now }) {
        h.m(r#"<p class="kw-notice kw-caution kw-ck-notdue">"#);
        h.t(&fill(HistoryMsg::NotDueToday.tr(lang), &[("schedule", schedule.tr(lang))])).m("</p>");
        let fact = if schedule.unlabelled_split() { SPLIT_FACT } else { SCHEDULE_FACT };
        source(&mut h, lang, &fact.source_in(region));
    }
    let syringes = last_dose.map_or(1, |d| d.syringes_per_administration.max(1));
    html! {
        <section class="kw-storage" aria-labelledby="kw-st-title" {oninput} {onchange} {onclick} {onsubmit}>
            { title }
            <div role="status" class="kw-st-notice">{ notice }</div>
            { card }
            { raw(&mut h) }
            { checklist::view(&checklist::Ctx { lang, region, model: &model, now, syringes }) }
            { mishap::view(lang, region, unit, &model.mishap) }
            { history::view(lang, region, &model.runs, schedule, last_dose.is_some(), now) }
        </section>
    }
}
