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

use crate::core::checklist::store::{load, save_run, ChecklistSettings, Loaded};
use crate::core::checklist::timer::{warm_up_status, WarmUp};
use crate::core::attrs::Region;
use crate::core::checklist::excursion::MishapKind;
use crate::core::checklist::text::ChecklistMsg;
use crate::core::checklist::excursion::TempBand;
use crate::core::checklist::guard::dose_guard;
use crate::core::checklist::{DosePrepared, DoseSchedule, Inspection, Run, RunAction, Step, TempUnit, DOSE_PREPARED_EVENT};
use crate::core::checklist::view_parts;
use crate::core::clock::Pinned;
use crate::core::clock::Clock;
use crate::core::i18n::{fill, Lang, Translate, source_text};
use crate::core::markup::Markup;
use crate::core::storage::{StorageMsg, StorageStatus};
use crate::core::sites::log::persist;
use crate::core::sites::rotation::disabled_reason;
use crate::core::sites::{LogEntry, SitesAction, ZoneId};
use crate::core::ui::Ui;
use crate::shell::context::{use_env, LastDoseCtx};
use crate::shell::events::emit;
use crate::shell::hooks::use_data_revision::use_data_revision;
use crate::shell::services::clock::BrowserClock;
use crate::shell::services::storage::{notify_changed, with_repo};

use model::{Model, Msg, SiteLog};
use super::{list, raw};
pub use model::Notify;

fn now_ms() -> i64 {
    BrowserClock.now_ms()
}

/// The storage status to tell the user about, if any (memory only, last
/// write failed). Kept in the model as the status, not as text: it is
/// translated when rendered (`notice_text`), so a live `lang` change
/// re-renders it in the new language.
fn storage_notice() -> Option<StorageStatus> {
    let status = with_repo(|r| r.status()).unwrap_or(StorageStatus::Ok);
    match status {
        StorageStatus::Ok | StorageStatus::Quarantined(_) => None,
        s => Some(s),
    }
}

/// The notice after a write: the storage status, or, when the repository was
/// busy (`with_repo` re-entered from a host script) and nothing was written,
/// a failed write, so the user knows the change was not saved.
fn notice_after(attempted: bool) -> Option<StorageStatus> {
    if attempted {
        storage_notice()
    } else {
        Some(StorageStatus::LastWriteFailed(crate::core::storage::StoreError::Other(String::new())))
    }
}

/// The notice for a status kept by `storage_notice`, in `lang`.
fn notice_text(status: &StorageStatus, lang: Lang) -> Option<String> {
    status.message(lang).map(|mut m| {
        if matches!(status, StorageStatus::LastWriteFailed(_)) {
            m.push(' ');
            m.push_str(StorageMsg::NotSaved.tr(lang));
        }
        m
    })
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

/// What the view needs of the stored site log: the site to suggest, when
/// each injection was given, who injects.
fn site_log() -> SiteLog {
    let sites = with_repo(|r| crate::core::sites::log::load(r).0).unwrap_or_default();
    SiteLog {
        suggestion: sites.suggest(&BrowserClock),
        logged_ms: sites.entries.iter().map(|e| e.at_ms).collect(),
        injector: sites.injector,
    }
}

/// One dose, one record: a recorded dose also logs its site in the
/// injection log (the sites view's records, through the same shared repo
/// and reducer). The entry's id comes from the dose's time, so logging the
/// same dose twice is ignored. Returns whether it was saved.
fn log_site(run: &Run) -> bool {
    let (Some(zone), Some(at)) = (run.site, run.completed_ms) else { return true };
    with_repo(|repo| {
        let (mut sites, _) = crate::core::sites::log::load(repo);
        if disabled_reason(zone, sites.injector).is_some() {
            return true;
        }
        let entry = LogEntry::new(zone, at, at, sites.injector, Vec::new(), "", CHECKLIST_NONCE);
        let changes = sites.apply(SitesAction::Log(entry));
        persist(repo, &changes).is_ok()
    })
    .unwrap_or(false)
}

/// Everything the view reads, or the storage error state when the
/// repository is busy (re-entered from a host script).
fn load_now() -> Loaded {
    with_repo(load)
        .unwrap_or_else(|| Loaded { error: Some(crate::core::storage::StoreError::Other("busy".into())), ..Loaded::default() })
}

/// The id nonce of entries logged by the checklist (`LogEntry::new`).
const CHECKLIST_NONCE: u32 = 0x000c_4ec1;

/// "7:49 AM": a time of day in the widget's language (the browser's Intl,
/// like the view's dates).
fn time_label(ms: i64, lang: Lang) -> String {
    let opts = js_sys::Object::new();
    for (k, v) in [("hour", "numeric"), ("minute", "2-digit")] {
        let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
    }
    js_sys::Date::new(&(ms as f64).into()).to_locale_time_string_with_options(lang.code(), &opts).into()
}

/// Focuses the element matching `selector` in the view once the render that
/// the current event causes is done (a 0 ms timeout runs after it).
fn focus_after_render(from: &web_sys::Element, selector: String) {
    let Ok(Some(section)) = from.closest(".kw-storage") else { return };
    Timeout::new(0, move || {
        if let Some(el) = section.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    })
    .forget();
}

/// Scrolls the mishap answer into view (its bottom edge, so the control the
/// user just used stays above it) once the render is done: the answer
/// appears where the user acted, on a phone too.
fn reveal_answer(from: &web_sys::Element) {
    let Ok(Some(section)) = from.closest(".kw-storage") else { return };
    Timeout::new(0, move || {
        if let Ok(Some(el)) = section.query_selector(".kw-mh-result > *") {
            el.scroll_into_view_with_bool(false);
        }
    })
    .forget();
}

/// What the handler needs of the render it belongs to.
#[derive(Clone, Copy)]
struct Seen {
    /// The first step still to tick (focused when recording is refused).
    first_missing: Option<Step>,
    /// The site the picker shows (the run's choice, else the suggestion).
    site: Option<ZoneId>,
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
fn handle(d: &UseReducerDispatcher<Model>, e: &Event, ev: Ev, region: Region, unit: TempUnit, seen: Seen) {
    use mishap::Change;
    if ev == Ev::Submit {
        e.prevent_default();
        if let Some(form) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            reveal_answer(&form);
        }
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
            checklist::COMPLETE | checklist::RECORD_ANYWAY => {
                if id == checklist::RECORD_ANYWAY {
                    d.dispatch(Msg::Act(RunAction::ConfirmExtraDose, now, None));
                }
                match seen.first_missing {
                    // Name it (at the button) and move focus to it.
                    Some(step) => focus_after_render(&el, checklist::focus_selector(step)),
                    // The site shown in the picker is the one logged.
                    None => {
                        if let Some(zone) = seen.site {
                            d.dispatch(Msg::Act(RunAction::ChooseSite(zone), now, None));
                        }
                    }
                }
                Msg::Act(RunAction::Complete, now, None)
            }
            checklist::START_ANYWAY => {
                focus_after_render(&el, "#kw-ck-title".to_string());
                Msg::Act(RunAction::ConfirmExtraDose, now, None)
            }
            warmup::OVERRIDE => {
                // The button goes with the timer: focus the step it ticked.
                focus_after_render(&el, "#kw-ck-flat".to_string());
                Msg::Act(RunAction::OverrideWarmUp, now, Some(Step::LaidFlat))
            }
            warmup::NOTIFY => return warmup::request(d.clone()),
            _ => return,
        },
        _ => match id {
            "kw-ck-insp-ok" => Msg::Act(RunAction::Inspect(Inspection::ClearOk), now, Some(Step::Inspected)),
            "kw-ck-insp-bad" => {
                // The run stops and this radio is disabled: focus the stop box
                // shown under it.
                focus_after_render(&el, checklist::STOP_SELECTOR.to_string());
                Msg::Act(RunAction::Inspect(Inspection::CloudyDiscoloredParticles), now, Some(Step::Inspected))
            }
            "kw-mh-earlier" => Msg::Mishap(Change::Earlier),
            checklist::ZONE_ID => {
                let value = el.unchecked_ref::<web_sys::HtmlSelectElement>().value();
                match ZoneId::parse(&value) {
                    Some(zone) => Msg::Act(RunAction::ChooseSite(zone), now, Some(Step::SiteChosen)),
                    None => return,
                }
            }
            _ => {
                if let Some(i) = checklist::ID.iter().position(|x| *x == id) {
                    Msg::Toggle(Step::ALL[i], now)
                } else if let Some(i) = mishap::KIND_IDS.iter().position(|x| *x == id) {
                    // Every kind but "left out" is answered at once.
                    reveal_answer(&el);
                    Msg::Mishap(Change::Kind(MishapKind::ALL[i], unit, region))
                } else if let Some(i) = mishap::BAND_IDS.iter().position(|x| *x == id) {
                    // The first choice is "I know the temperature" (a number).
                    Msg::Mishap(Change::Band(i.checked_sub(1).map(|b| TempBand::ALL[b])))
                } else if let Some(i) = history::SCHEDULE_IDS.iter().position(|x| *x == id) {
                    let s = DoseSchedule::CHOICES[i];
                    d.dispatch(Msg::Schedule(s));
                    let saved = with_repo(|r| r.put(&ChecklistSettings { schedule: s }));
                    if matches!(saved, Some(Ok(()))) {
                        notify_changed();
                    }
                    Msg::Notice(notice_after(saved.is_some()))
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
        let loaded = load_now();
        Model::start(loaded, now_ms(), ctx_discard, storage_notice(), warmup::notify_initial(), site_log())
    });
    let force = use_force_update();

    // Stored data changed elsewhere (or by our own save): reload.
    {
        let dispatch = model.dispatcher();
        use_effect_with(data_rev, move |rev| {
            if *rev > 0 {
                let loaded = load_now();
                dispatch.dispatch(Msg::Loaded(loaded, site_log(), now_ms()));
            }
        });
    }

    // Save every accepted change; tell the host page when a dose was taken.
    {
        let m = model.clone();
        let host = env.host.clone();
        use_effect_with(model.rev, move |rev| {
            if *rev > 0 {
                let saved = with_repo(|r| save_run(r, &m.run, m.replaced.as_ref()));
                // Read before dispatching: the handle derefs to the latest state.
                let done = if m.completed_now { DosePrepared::from_run(&m.run) } else { None };
                // One dose, one record: the site goes into the injection log.
                let logged = done.is_some() && log_site(&m.run);
                m.dispatch(Msg::Notice(notice_after(saved.is_some())));
                if matches!(saved, Some(Ok(_))) {
                    m.dispatch(Msg::Saved(m.run.id.clone()));
                }
                if matches!(saved, Some(Ok(_))) || logged {
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
    // The override ticks "laid flat": the timer stops (PREP-WARM).
    let running = out_ms.is_some_and(|o| warm_up_status(o, now) != WarmUp::Done) && !model.run.is_ticked(Step::LaidFlat);
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
    let site = model.run.site.or(model.sites.suggestion.zone());
    let seen = Seen { first_missing: model.run.missing_steps().first().copied(), site };
    let on = |ev: Ev| {
        let d = model.dispatcher();
        move |e: &Event| handle(&d, e, ev, region, unit, seen)
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
    if let Some(text) = model.notice.as_ref().and_then(|s| notice_text(s, lang)) {
        h.m(r#"<p class="kw-notice kw-caution">"#).t(&text).m("</p>");
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
    // The double-dose guard, by the schedule chosen (RENAL-EOD / RENAL-SPLIT;
    // MISSED: never double up), counting the site log's doses too.
    let clock = Pinned { inner: &BrowserClock, now_ms: now };
    let guard = dose_guard(&model.runs, &model.sites.logged_ms, schedule, &clock);
    let syringes = last_dose.map_or(1, |d| d.syringes_per_administration.max(1));
    html! {
        <section class="kw-storage" aria-labelledby="kw-st-title" {oninput} {onchange} {onclick} {onsubmit}>
            { title }
            <div role="status" class="kw-st-notice">{ notice }</div>
            { card }
            { raw(&mut h) }
            { checklist::view(&checklist::Ctx { lang, region, model: &model, now, syringes, guard, schedule, site, time: &|ms| time_label(ms, lang) }) }
            { mishap::view(lang, region, unit, &model.mishap) }
            { history::view(lang, region, &model.runs, &model.sites.logged_ms, schedule, last_dose.is_some(), now) }
        </section>
    }
}
