//! Storage and preparation: storage status, the per-dose checklist with its
//! warm-up timer, the "something went wrong" helper and the dose history.
//! Every rule is in `core::checklist`; this file wires state and effects, the
//! sub-modules render plain `Html`.

mod checklist;
mod history;
mod mishap;
mod model;
mod warmup;

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::core::checklist::store::{load, save_run, ChecklistSettings};
use crate::core::checklist::timer::{warm_up_status, WarmUp};
use crate::core::checklist::{DosePrepared, DoseSchedule, RunAction, Step, TempUnit, DOSE_PREPARED_EVENT};
use crate::core::clock::Clock;
use crate::core::i18n::Translate;
use crate::core::storage::{StorageMsg, StorageStatus};
use crate::core::ui::Ui;
use crate::shell::app::{use_env, LastDoseCtx};
use crate::shell::events::emit;
use crate::shell::hooks::use_data_revision::use_data_revision;
use crate::shell::services::clock::BrowserClock;
use crate::shell::services::storage::{notify_changed, shared_repo};

use model::{Model, Msg};
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

#[function_component(StoragePrep)]
pub fn view() -> Html {
    let env = use_env();
    let lang = env.lang;
    let last_dose = use_context::<LastDoseCtx>().and_then(|c| *c);
    let ctx_discard = last_dose.map(|d| d.discard_mg_per_administration);
    let data_rev = use_data_revision();

    let model = use_reducer(|| {
        let loaded = load(&mut shared_repo().borrow_mut());
        Model::start(loaded, now_ms(), ctx_discard)
    });
    let notice = use_state(|| storage_notice(lang));
    let notify = use_state(warmup::notify_initial);
    let mishap = use_state(mishap::Form::default);
    let force = use_force_update();

    // Stored data changed elsewhere (or by our own save): reload.
    {
        let dispatch = model.dispatcher();
        use_effect_with(data_rev, move |rev| {
            if *rev > 0 {
                let loaded = load(&mut shared_repo().borrow_mut());
                dispatch.dispatch(Msg::Loaded(loaded));
            }
        });
    }

    // Save every accepted change; tell the host page when a dose was taken.
    {
        let m = (*model).clone();
        let notice = notice.clone();
        let host = env.host.clone();
        use_effect_with(model.rev, move |rev| {
            if *rev > 0 {
                let saved = save_run(&mut shared_repo().borrow_mut(), &m.run, m.replaced.as_ref());
                notice.set(storage_notice(lang));
                if saved.is_ok() {
                    notify_changed();
                }
                if m.completed_now {
                    if let (Some(host), Some(detail)) = (host, DosePrepared::from_run(&m.run)) {
                        emit(&host, DOSE_PREPARED_EVENT, &detail);
                    }
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
        let force = force.clone();
        let notify_on = *notify == Notify::On;
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

    let act = {
        let dispatch = model.dispatcher();
        Callback::from(move |(action, target): (RunAction, Option<Step>)| {
            dispatch.dispatch(Msg::Act(action, now_ms(), target));
        })
    };

    let schedule = match last_dose {
        Some(d) => DoseSchedule::from_dose(d.administrations_per_day, d.interval_days),
        None => model.schedule.unwrap_or(DoseSchedule::Daily),
    };
    let on_schedule = {
        let dispatch = model.dispatcher();
        let notice = notice.clone();
        Callback::from(move |s: DoseSchedule| {
            dispatch.dispatch(Msg::Schedule(s));
            let saved = shared_repo().borrow_mut().put(&ChecklistSettings { schedule: s });
            notice.set(storage_notice(lang));
            if saved.is_ok() {
                notify_changed();
            }
        })
    };

    let unit = TempUnit::for_locale(&browser_locale(), env.units.explicit());
    // The site log is read once per data change, not on every timer tick.
    let suggestion = *use_memo(data_rev, |_| {
        let (sites, _) = crate::core::sites::log::load(&mut shared_repo().borrow_mut());
        sites.suggest(&BrowserClock)
    });

    html! {
        <section class="kw-storage" aria-labelledby="kw-st-title">
            <h3 id="kw-st-title">{ Ui::TabStorage.tr(lang) }</h3>
            <div role="status" class="kw-st-notice">
                if let Some(text) = (*notice).clone() {
                    <p class="kw-notice kw-caution">{ text }</p>
                }
            </div>
            { mishap::storage_status(lang, env.region, unit) }
            { checklist::view(&checklist::Ctx {
                lang,
                model: &model,
                now,
                act,
                notify: notify.clone(),
                suggestion,
            }) }
            { mishap::view(lang, env.region, unit, mishap) }
            { history::view(lang, &model.runs, schedule, last_dose.is_some(), now, on_schedule) }
        </section>
    }
}
