//! The injection-site view: body map, logging with rotation advice, avoid
//! flags, history (edit, delete, undo, print) and the user's data (export,
//! import, delete all). All rules live in `core::sites`; this file wires the
//! browser to them.
//!
//! One component; the parts are plain functions returning `Html`. Buttons and
//! fields carry `data-a` (action) / `name` attributes and are handled by one
//! delegated `click` and one delegated `input` listener, which keeps the
//! wasm small (every distinct callback is generic code).

mod data;
mod form;
mod history;
mod io;
mod map;
mod model;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::core::clock::Clock;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::sites::log::{flag_until, parse_local};
use crate::core::sites::rotation::{disabled_reason, map_key, needs_confirmation, MapLayout};
use crate::core::sites::labels::SitesUi;
use crate::core::sites::{
    check_import_size, input_values, Flag, FlagReason, Injector, LogEntry, Reaction,
    SitesAction, Suggestion, Undo, ZoneId,
};
use crate::core::markup::Markup;
use crate::core::ui::Ui as UiText;
use crate::shell::context::{use_env, Env};
use crate::shell::components::raw;
use crate::shell::events::emit;
use crate::shell::hooks::use_data_revision::use_data_revision;
use crate::shell::services::clock::BrowserClock;
use crate::shell::services::files::{download, read_text};
use crate::shell::services::print::print_alone;
use crate::shell::services::storage::{notify_changed, with_repo};
use crate::shell::context::LastDoseCtx;
use crate::core::checklist::history::DoseSchedule;
use crate::core::checklist::store::{load as checklist_load, save_run};
use crate::core::sites::dose::{dose_run, offer_dose};

/// `focus_next` marker: reveal the chosen zone's form (`reveal_form`).
const REVEAL: &str = "reveal";

use model::{both, core, ui, Act, Action, Announce, DoseOffer, Draft, FieldErr, Model, Notice};

/// Name of the `CustomEvent` dispatched on the host after an injection is logged.
pub const LOGGED_EVENT: &str = "kineret:injection-logged";

/// A date (and time) in the user's time zone and the widget's language, by
/// the browser's Intl (never hand-formatted).
pub(crate) fn time_text(ms: i64, lang: Lang, with_time: bool) -> String {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    if with_time {
        let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    }
    js_sys::Date::new(&JsValue::from_f64(ms as f64)).to_locale_string(lang.code(), &opts).into()
}

/// The nearest element matching `selector` from the event's target.
fn target_with(e: &Event, selector: &str) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}

/// Focuses the first element under `root` matching `selector` (HTML or SVG).
fn focus(root: &NodeRef, selector: &str) {
    let el = root.cast::<Element>().and_then(|r| r.query_selector(selector).ok().flatten());
    if let Some(el) = el {
        call_focus(&el, false);
    }
}

fn call_focus(el: &Element, prevent_scroll: bool) {
    if let Ok(f) = js_sys::Reflect::get(el, &"focus".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let opts = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&opts, &"preventScroll".into(), &prevent_scroll.into());
            let _ = f.call1(el, &opts);
        }
    }
}

/// Selector of the log form's first control ("Now"), focused after a zone
/// is chosen.
const FORM_FIRST: &str = ".kw-detail [data-d=log] input";

/// Brings the chosen zone's form into view (on a phone it is under the
/// map): its heading to the top of the screen when the form is not fully
/// in view, then focus on its first control.
fn reveal_form(root: &NodeRef) {
    let Some(r) = root.cast::<Element>() else { return };
    let Some(first) = r.query_selector(FORM_FIRST).ok().flatten() else { return };
    let heading = r.query_selector(".kw-detail h4").ok().flatten();
    let view_h = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|v| v.as_f64()).unwrap_or(0.0);
    let edge = |el: &Element, side: &str| {
        js_sys::Reflect::get(el, &"getBoundingClientRect".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(el).ok())
            .and_then(|rect| js_sys::Reflect::get(&rect, &side.into()).ok())
            .and_then(|v| v.as_f64())
    };
    let top = heading.as_ref().and_then(|h| edge(h, "top"));
    let bottom = edge(&first, "bottom");
    let hidden = top.is_some_and(|t| t < 0.0) || bottom.is_some_and(|b| b > view_h);
    if let (true, Some(h)) = (hidden, heading) {
        h.scroll_into_view();
    }
    call_focus(&first, hidden);
}

/// How the two figures are laid out now: the back one under the front one
/// (phones) or beside it.
fn map_layout(root: &NodeRef) -> MapLayout {
    let figs = root.cast::<Element>().and_then(|r| r.query_selector_all(".kw-fig").ok());
    let top = |i: u32| {
        figs.as_ref()
            .and_then(|l| l.item(i))
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|e| e.offset_top())
    };
    match (top(0), top(1)) {
        (Some(front), Some(back)) if back > front + 20 => MapLayout::Stacked,
        _ => MapLayout::SideBySide,
    }
}

fn nonce() -> u32 {
    (js_sys::Math::random() * 4_294_967_295.0) as u32
}

/// What a click handler needs besides the event.
struct Ctx {
    m: UseReducerHandle<Model>,
    env: Env,
    root: NodeRef,
    /// Focus this selector after the next render.
    focus_next: Rc<RefCell<Option<String>>>,
    /// The dose schedule (calculator's dose, else the storage view's choice,
    /// else daily), for how many doses a day may be recorded.
    schedule: DoseSchedule,
}

impl Ctx {
    fn then_focus(&self, selector: impl Into<String>) {
        *self.focus_next.borrow_mut() = Some(selector.into());
    }
}

/// Writes the changes the reducer accepted (storage writes never run inside
/// the reducer) and shows "not saved" when that failed.
fn flush(m: &UseReducerHandle<Model>) {
    if let Some(ok) = m.save_pending() {
        if ok == m.ui.not_saved {
            m.dispatch(ui(move |u| u.not_saved = !ok));
        }
    }
}

fn time_error(err: crate::core::sites::log::BackdateError) -> Option<FieldErr> {
    Some(FieldErr::Time(err))
}

fn log(c: &Ctx, confirmed: bool) {
    let m = &c.m;
    let clock = BrowserClock;
    let Some(zone) = m.ui.selected else { return };
    let injector = m.s.injector;
    if disabled_reason(zone, injector).is_some() {
        return;
    }
    let d = &m.ui.log;
    let now = clock.now_ms();
    let at = if d.earlier {
        match parse_local(&clock, &d.date, &d.time) {
            Ok(at) => at,
            Err(err) => {
                m.dispatch(ui(move |u| u.log.error = time_error(err)));
                c.then_focus("#kw-log-date");
                return;
            }
        }
    } else {
        now
    };
    if !confirmed && needs_confirmation(&m.s.warnings(zone, &clock)) {
        m.dispatch(ui(|u| u.confirm = true));
        c.then_focus(Action::LogYes.selector());
        return;
    }
    let entry = LogEntry::new(zone, at, now, injector, d.reactions.clone(), &d.note, nonce());
    let announce = Announce::Logged(entry.zone, entry.at_ms);
    // The form closes (no zone chosen), so logging again takes a new choice;
    // the visible confirmation offers Undo (`Undo::Logged`).
    m.dispatch(both(SitesAction::Log(entry.clone()), move |u| {
        u.selected = None;
        u.log = Draft::default();
        u.confirm = false;
        u.flag_until.clear();
        u.flag_error = None;
        u.notice = Some(Notice::Logged);
        u.announce = announce;
    }));
    // Saved before the host page hears of it.
    flush(m);
    if let Some(host) = &c.env.host {
        emit(host, LOGGED_EVENT, &entry.event_detail(c.env.events_include_note));
    }
    // One dose, one record: offer the dose history when today's dose is
    // not recorded yet (core::sites::dose).
    let runs = with_repo(|r| checklist_load(r).runs).unwrap_or_default();
    let offer = offer_dose(entry.at_ms, &runs, c.schedule, &clock);
    m.dispatch(ui(move |u| u.dose = if offer { DoseOffer::Offer(entry.at_ms) } else { DoseOffer::None }));
    c.then_focus("#kw-logged");
}

/// "Also record today's dose": saved through the checklist's own store, as
/// the storage view saves a completed run; every view then reloads.
fn record_dose(c: &Ctx) {
    let (DoseOffer::Offer(at) | DoseOffer::NotSaved(at)) = c.m.ui.dose else { return };
    let result = with_repo(|r| {
        let runs = checklist_load(r).runs;
        if offer_dose(at, &runs, c.schedule, &BrowserClock) {
            save_run(r, &dose_run(at), None).map(|_| DoseOffer::Recorded).unwrap_or(DoseOffer::NotSaved(at))
        } else {
            DoseOffer::Already
        }
    })
    .unwrap_or(DoseOffer::NotSaved(at));
    if result == DoseOffer::Recorded {
        notify_changed();
    }
    let said = Announce::Said(match result {
        DoseOffer::Recorded => SitesUi::DoseRecorded,
        DoseOffer::Already => SitesUi::DoseAlready,
        _ => SitesUi::DoseNotSaved,
    });
    c.m.dispatch(ui(move |u| (u.dose, u.announce) = (result, said)));
    c.then_focus("#kw-dose-msg");
}

/// "Logged: Left thigh, 5 Mar 2024, 10:32".
pub(crate) fn logged_text(zone: ZoneId, at_ms: i64, lang: Lang) -> String {
    fill(SitesUi::Logged.tr(lang), &[("zone", zone.tr(lang)), ("time", &time_text(at_ms, lang, true))])
}

/// The live region's text, in `lang`.
fn announce_text(a: Announce, lang: Lang) -> String {
    match a {
        Announce::Nothing => String::new(),
        Announce::Logged(zone, at_ms) => logged_text(zone, at_ms, lang),
        Announce::LogUndone(zone) => fill(SitesUi::LogUndone.tr(lang), &[("zone", zone.tr(lang))]),
        Announce::Said(msg) => msg.tr(lang).to_string(),
    }
}

fn save_edit(c: &Ctx) {
    let m = &c.m;
    let Some((id, d)) = m.ui.edit.clone() else { return };
    let Some(old) = m.s.entries.iter().find(|e| e.id == id) else { return };
    let zone = d.zone.unwrap_or(old.zone);
    let at = match parse_local(&BrowserClock, &d.date, &d.time) {
        Ok(at) => at,
        Err(err) => {
            m.dispatch(ui(move |u| {
                if let Some((_, d)) = u.edit.as_mut() {
                    d.error = time_error(err);
                }
            }));
            return c.then_focus("#kw-edit-date");
        }
    };
    if disabled_reason(zone, d.injector).is_some() {
        m.dispatch(ui(|u| {
            if let Some((_, d)) = u.edit.as_mut() {
                d.error = Some(FieldErr::CaregiverOnly);
            }
        }));
        return c.then_focus("#kw-edit-by");
    }
    let new = old.revised(zone, at, d.injector, d.reactions, &d.note);
    let said = Announce::Said(SitesUi::Edited);
    m.dispatch(both(SitesAction::Edit(new), move |u| {
        u.edit = None;
        u.notice = Some(Notice::Edited);
        u.announce = said;
    }));
    c.then_focus(Action::Undo.selector());
}

/// The file work's module (io.rs); if it cannot be fetched, the view says
/// so and the caller stops.
async fn io_or_notice(m: &UseReducerHandle<Model>) -> Option<io::Io> {
    let io = io::io().await.ok();
    if io.is_none() {
        m.dispatch(ui(|u| u.notice = Some(Notice::IoLoadFailed)));
    }
    io
}

/// Downloads the log as CSV or JSON (the file work's module first, io.rs);
/// if that module could not be fetched, or the file made, a notice says so.
fn export(c: &Ctx, csv: bool) {
    let (m, lang) = (c.m.clone(), c.env.lang);
    wasm_bindgen_futures::spawn_local(async move {
        let Some(io) = io_or_notice(&m).await else { return };
        let day = input_values(&BrowserClock, BrowserClock.now_ms()).0;
        let (name, mime) = if csv { ("csv", "text/csv") } else { ("json", "application/json") };
        let ok = (io.export)(&m.s.entries, &m.s.flags, csv, lang)
            .and_then(|text| download(&format!("kineret-sites-{day}.{name}"), mime, &text).ok());
        if ok.is_none() {
            m.dispatch(ui(|u| u.notice = Some(Notice::ExportFailed)));
        }
    });
}

fn on_action(c: &Ctx, action: Action, value: String) {
    let m = &c.m;
    let lang = c.env.lang;
    match action {
        Action::Zone => {
            let Some(z) = ZoneId::parse(&value) else { return };
            if disabled_reason(z, m.s.injector).is_some() {
                return;
            }
            m.dispatch(ui(move |u| {
                if u.selected != Some(z) {
                    u.log.error = None;
                    u.flag_error = None;
                    u.flag_until.clear();
                }
                u.selected = Some(z);
                u.focus_zone = z;
                u.confirm = false;
            }));
            // The form comes into view with focus on its first control.
            c.then_focus(REVEAL);
        }
        Action::Dose => record_dose(c),
        Action::Log => log(c, false),
        Action::LogYes => log(c, true),
        Action::LogNo => {
            m.dispatch(ui(|u| u.confirm = false));
            c.then_focus(Action::Log.selector());
        }
        Action::Flag => {
            let Some(zone) = m.ui.selected else { return };
            match flag_until(&BrowserClock, &m.ui.flag_until) {
                Ok(until_ms) => {
                    let flag = Flag { zone, reason: m.ui.flag_reason, until_ms };
                    m.dispatch(both(SitesAction::SetFlag(flag), |u| {
                        u.flag_until.clear();
                        u.flag_error = None;
                    }));
                    c.then_focus(Action::Unflag.selector());
                }
                Err(err) => {
                    m.dispatch(ui(move |u| u.flag_error = time_error(err)));
                    c.then_focus("#kw-flag-until");
                }
            }
        }
        Action::Unflag => {
            if let Some(z) = ZoneId::parse(&value) {
                m.dispatch(core(SitesAction::ClearFlag(z)));
                c.then_focus(Action::Flag.selector());
            }
        }
        Action::Edit => {
            if let Some(e) = m.s.entries.iter().find(|e| e.id == value) {
                let d = Draft::of(e);
                m.dispatch(ui(move |u| u.edit = Some((value, d))));
                c.then_focus("#kw-edit-zone");
            }
        }
        Action::EditSave => save_edit(c),
        Action::EditCancel => {
            if let Some((id, _)) = &m.ui.edit {
                c.then_focus(format!("{}[data-v=\"{id}\"]", Action::Edit.selector()));
            }
            m.dispatch(ui(|u| u.edit = None));
        }
        Action::Delete => {
            let said = Announce::Said(SitesUi::Deleted);
            m.dispatch(both(SitesAction::Delete(value), move |u| {
                u.notice = Some(Notice::Deleted);
                u.announce = said;
            }));
            c.then_focus(Action::Undo.selector());
        }
        Action::Undo => {
            let mut logged = None;
            match &m.s.undo {
                Some(Undo::Deleted(e) | Undo::Edited(e)) => c.then_focus(format!("{}[data-v=\"{}\"]", Action::Edit.selector(), e.id)),
                Some(Undo::Logged(e)) => {
                    // Back to the zone and the form as they were.
                    c.then_focus(format!("g{}[data-v={}]", Action::Zone.selector(), e.zone.as_str()));
                    let said = Announce::LogUndone(e.zone);
                    logged = Some((e.zone, Draft::undone(e), said));
                }
                None => {}
            }
            m.dispatch(both(SitesAction::Undo, |u| {
                u.notice = None;
                if let Some((zone, draft, said)) = logged {
                    (u.selected, u.focus_zone, u.log, u.announce) = (Some(zone), zone, draft, said);
                }
            }));
        }
        Action::ShowAll => m.dispatch(ui(|u| u.show_all = true)),
        Action::Print => {
            print_alone(c.root.cast::<Element>(), ".kw-print", SitesUi::PrintTitle.tr(lang), lang.code());
        }
        Action::Json => export(c, false),
        Action::Csv => export(c, true),
        Action::Wipe => {
            m.dispatch(ui(|u| u.confirm_wipe = true));
            c.then_focus(Action::WipeYes.selector());
        }
        Action::WipeYes | Action::WipeNo => {
            let wipe = action == Action::WipeYes;
            let f = move |u: &mut model::Ui| {
                u.confirm_wipe = false;
                if wipe {
                    *u = model::Ui { notice: Some(Notice::DeletedAll), ..model::Ui::default() };
                }
            };
            m.dispatch(Act { core: wipe.then_some(SitesAction::Clear), ui: Some(Box::new(f)) });
            c.then_focus(Action::Wipe.selector());
        }
    }
}

/// A field changed: update the draft or setting it belongs to.
fn on_input(m: &UseReducerHandle<Model>, el: Element) {
    let name = el.get_attribute("name").unwrap_or_default();
    let value = js_sys::Reflect::get(&el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let checked = js_sys::Reflect::get(&el, &"checked".into()).ok().and_then(|v| v.as_bool()) == Some(true);
    let in_edit = el.closest("[data-d=edit]").ok().flatten().is_some();
    if name == "who" {
        if let Some(i) = Injector::ALL.into_iter().find(|i| i.as_str() == value) {
            m.dispatch(core(SitesAction::SetInjector(i)));
        }
        return;
    }
    m.dispatch(ui(move |u| {
        match name.as_str() {
            "freason" => {
                if let Some(r) = FlagReason::parse(&value) {
                    u.flag_reason = r;
                }
                return;
            }
            "funtil" => {
                u.flag_until = value;
                u.flag_error = None;
                return;
            }
            _ => {}
        }
        let d = match (in_edit, u.edit.as_mut()) {
            (true, Some((_, d))) => d,
            (true, None) => return,
            (false, _) => &mut u.log,
        };
        match name.as_str() {
            "when" => {
                d.earlier = value == "earlier";
                if d.earlier && d.date.is_empty() {
                    (d.date, d.time) = input_values(&BrowserClock, BrowserClock.now_ms());
                }
                d.error = None;
            }
            "date" => (d.date, d.error) = (value, None),
            "time" => (d.time, d.error) = (value, None),
            "note" => d.note = value,
            "react" => {
                if let Some(r) = Reaction::parse(&value) {
                    d.reactions.retain(|x| *x != r);
                    if checked {
                        d.reactions.push(r);
                    }
                }
            }
            "zone" => {
                d.zone = ZoneId::parse(&value);
                d.error = None;
            }
            "by" => {
                if let Some(i) = Injector::ALL.into_iter().find(|i| i.as_str() == value) {
                    d.injector = i;
                    d.error = None;
                }
            }
            _ => {}
        }
    }));
}

#[function_component(Sites)]
pub fn view() -> Html {
    let env = use_env();
    let lang = env.lang;
    let revision = use_data_revision();
    let m = use_reducer(Model::load);
    let root = use_node_ref();
    let focus_next: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    {
        // Storage changed (this or another instance, or another tab): reload.
        let m = m.clone();
        use_effect_with(revision, move |rev| {
            if *rev != 0 {
                if let Some(a) = model::reload_action() {
                    m.dispatch(core(a));
                }
            }
        });
    }
    {
        // Write what the reducer accepted (never inside the reducer).
        let m = m.clone();
        use_effect_with(m.pending, move |pending| {
            if *pending != 0 {
                flush(&m);
            }
        });
    }
    {
        let (root, focus_next) = (root.clone(), focus_next.clone());
        use_effect(move || {
            if let Some(selector) = focus_next.borrow_mut().take() {
                if selector == REVEAL {
                    reveal_form(&root);
                } else {
                    focus(&root, &selector);
                }
            }
        });
    }
    let last_dose = use_context::<LastDoseCtx>().and_then(|c| *c);
    let chosen = *use_memo((), |_| {
        with_repo(|r| checklist_load(r).schedule).flatten().unwrap_or(DoseSchedule::Daily)
    });
    let schedule = match last_dose {
        Some(d) => DoseSchedule::from_dose(d.administrations_per_day, d.interval_days),
        None => chosen,
    };
    // The key starts open where there is room for it beside the map.
    let key_open = *use_memo((), |_| {
        web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w >= 640.0)
    });
    let ctx = Rc::new(Ctx { m: m.clone(), env: env.clone(), root: root.clone(), focus_next, schedule });
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(el) = target_with(&e, "[data-a]") {
                if let Some(action) = el.get_attribute("data-a").as_deref().and_then(Action::parse) {
                    on_action(&ctx, action, el.get_attribute("data-v").unwrap_or_default());
                }
            }
        })
    };
    let oninput = {
        let m = m.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = target_with(&e, "[name]") {
                on_input(&m, el);
            }
        })
    };
    let onkeydown = {
        let ctx = ctx.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(z) = target_with(&e, "[data-v]").and_then(|el| ZoneId::parse(&el.get_attribute("data-v")?))
            else {
                return;
            };
            let key = e.key();
            if key.starts_with("Arrow") {
                // At the edge of the picture too: the page does not scroll.
                e.prevent_default();
            }
            if let Some(to) = map_key(z, &key, map_layout(&ctx.root)) {
                e.prevent_default();
                // `g`: the suggestion card's "Choose this site" button has the
                // same data-a/data-v and comes first in the DOM.
                focus(&ctx.root, &format!("g{}[data-v={}]", Action::Zone.selector(), to.as_str()));
                ctx.m.dispatch(ui(move |u| u.focus_zone = to));
            } else if key == "Enter" || key == " " {
                e.prevent_default();
                on_action(&ctx, Action::Zone, z.as_str().to_string());
            }
        })
    };
    let onchange = {
        let m = m.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            // Too large: refused by its size, without reading it.
            if let Err(e) = check_import_size(file.size()) {
                m.dispatch(ui(move |u| u.notice = Some(Notice::ImportFailed(Some(e)))));
                return;
            }
            let m = m.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Some(io) = io_or_notice(&m).await else { return };
                let parsed = match read_text(file).await {
                    Ok(text) => (io.import)(&text, BrowserClock.now_ms()).map_err(Some),
                    Err(_) => Err(None),
                };
                m.dispatch(match parsed {
                    Ok(doc) => both(SitesAction::Import(doc), |u| u.notice = Some(Notice::Imported)),
                    Err(e) => ui(move |u| u.notice = Some(Notice::ImportFailed(e))),
                });
            });
        })
    };

    let clock = BrowserClock;
    let s = &m.s;
    let u = &m.ui;
    let statuses = s.zone_statuses(&clock);
    let suggestion = s.suggest(&clock);
    let map_input = map::MapInput {
        lang,
        statuses: &statuses,
        selected: u.selected,
        suggested: suggestion.zone(),
        focus: u.focus_zone,
        arm_reason: s.injector == Injector::SelfInjecting,
        key_open,
    };
    let mut h = Markup::default();
    h.m(r#"<h3 id="kw-sites-title">"#).t(UiText::TabSites.tr(lang)).m("</h3>");
    let title = raw(&mut h);
    let mut notices = Vec::new();
    for msg in m.storage_notices(lang) {
        h.m("<p>").t(&msg).m("</p>");
        notices.push(html! { <div class="kw-notice kw-danger" role="alert">{ raw(&mut h) }</div> });
    }
    h.m("<legend>").t(SitesUi::WhoLegend.tr(lang)).m("</legend>");
    let mut who = vec![raw(&mut h)];
    for i in Injector::ALL {
        who.push(form::choice("radio", "who", i.as_str(), i == s.injector, i.tr(lang)));
    }
    let suggest = match suggestion {
        Suggestion::Zone { zone, .. } => {
            h.m("<p>").t(SitesUi::SuggestTitle.tr(lang)).m(": <strong>").t(zone.tr(lang)).m("</strong></p>");
            h.m(r#"<p class="kw-hint">"#).t(&suggestion.reason(lang)).m("</p>");
            html! {
                <div class="kw-card kw-suggest">
                    { raw(&mut h) }
                    { form::value_button(Action::Zone, AttrValue::Static(zone.as_str()), SitesUi::UseSuggested.tr(lang), None) }
                </div>
            }
        }
        Suggestion::NoneAvailable => {
            h.m(r#"<div class="kw-notice kw-caution"><p>"#).t(&suggestion.reason(lang)).m("</p></div>");
            raw(&mut h)
        }
    };
    h.m("<ul>");
    for (tip, _) in crate::core::sites::rotation::TIPS {
        h.m("<li>").t(tip.tr(lang)).m("</li>");
    }
    h.m("</ul>");
    html! {
        <section class="kw-sites" aria-labelledby="kw-sites-title" ref={root} {onclick} {oninput}>
            { title }
            { notices }
            <p class="kw-visually-hidden" role="status" aria-live="polite">{ announce_text(u.announce, lang) }</p>
            <fieldset class="kw-who">{ who }</fieldset>
            { suggest }
            <div class="kw-sites-grid">
                { map::body_map(&map_input, onkeydown) }
                { form::detail(lang, u, s, &clock) }
            </div>
            <details class="kw-tips">
                <summary>{ SitesUi::TipsTitle.tr(lang) }</summary>
                { raw(&mut h) }
            </details>
            { history::history(lang, u, s) }
            { history::print_view(lang, s, &clock) }
            { data::data(lang, u, s, onchange) }
        </section>
    }
}
