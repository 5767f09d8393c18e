//! What the frame (`app.rs`) shares with its views through Yew contexts:
//! the `Env` (lang, region, units, host element) and the calculator's
//! `LastDose`. Views and the frame both use this module; it uses neither, so
//! the frame can name its views without a cycle (tests/module_graph.rs).

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::core::attrs::{Region, Units};
use crate::core::i18n::Lang;

/// What every view needs from the frame, shared through a context.
#[derive(Clone, PartialEq, Default)]
pub struct Env {
    pub lang: Lang,
    pub region: Region,
    pub units: Units,
    pub remember: bool,
    /// The host opted in to the note in `kineret:injection-logged`.
    pub events_include_note: bool,
    /// Where `CustomEvent`s are dispatched.
    pub host: Option<HtmlElement>,
}

/// The last valid dose the calculator computed in this widget instance, for
/// the other views (checklist: mg to discard, dose schedule). `None` until a
/// dose is calculated; never persisted (clinic computers are shared).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct LastDose {
    pub indication: crate::core::dose::Indication,
    pub dose_mg_per_administration: f64,
    pub volume_ml_per_administration: f64,
    pub discard_mg_per_administration: f64,
    /// Syringes for one administration (PREP-COUNT).
    pub syringes_per_administration: u32,
    /// The schedule actually chosen (RENAL-EOD: the user may keep daily);
    /// everything downstream follows these two numbers.
    pub administrations_per_day: u8,
    pub interval_days: u8,
    /// COVID-19: no home guidance (DOSE-COVID-HOSP).
    pub hospital_only: bool,
}

/// Read with `use_context::<LastDoseCtx>()`; the calculator sets it.
pub type LastDoseCtx = UseStateHandle<Option<LastDose>>;

/// The frame's environment. Views are always rendered inside `App`'s
/// provider; the default only serves a view mounted alone.
#[hook]
pub fn use_env() -> Env {
    use_context::<Env>().unwrap_or_default()
}
