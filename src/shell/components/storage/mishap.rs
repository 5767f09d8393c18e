//! Storage status (the fridge range in the user's unit) and the "something
//! went wrong" helper: every outcome comes from `excursion::assess` under the
//! region's profile, with its source. The form's events reach the view's one
//! delegated handler (`super::handle`); text is escaped markup (`Markup`).

use yew::prelude::*;

use super::{input_label, raw, source};
use crate::core::attrs::Region;
use crate::core::checklist::excursion::{
    assess, mishap_from_form_band, profile, storage_source, storage_text, tonight_note, ExcursionMsg, FormErrors, MishapKind,
    Outcome, TempBand,
};
use crate::core::checklist::text::ChecklistMsg;
use crate::core::checklist::{Severity, TempUnit};
use crate::core::i18n::{fill, Lang, Translate, source_text};
use crate::core::markup::Markup;

/// The helper's form. `result` is set when the user asks (and cleared when
/// an entry changes), so the answer never lags behind what is typed.
#[derive(Clone, Default, PartialEq)]
pub struct Form {
    pub kind: Option<MishapKind>,
    pub hours: String,
    pub temp: String,
    pub earlier: bool,
    /// The temperature as a band ("room temperature", …); `None`: a number.
    pub band: Option<TempBand>,
    /// Every rule's answer, worst first.
    pub result: Option<Result<Vec<Outcome>, FormErrors>>,
}

/// A change to the form.
pub enum Change {
    Hours(String),
    Temp(String),
    Earlier,
    /// "I know the temperature" (`None`) or a band.
    Band(Option<TempBand>),
    Kind(MishapKind, TempUnit, Region),
    /// "What should I do?" (submit).
    Check(TempUnit, Region),
}

/// Radio ids: "I know the temperature", then `TempBand::ALL` order.
pub const BAND_IDS: [&str; 5] = ["kw-mh-band-number", "kw-mh-band-room", "kw-mh-band-warmer", "kw-mh-band-colder", "kw-mh-band-unknown"];

/// Radio ids, in `MishapKind::ALL` order.
pub const KIND_IDS: [&str; 5] = ["kw-mh-out", "kw-mh-frozen", "kw-mh-light", "kw-mh-expired", "kw-mh-foamy"];

impl Form {
    pub fn apply(&mut self, change: Change) {
        let (kind, unit, region) = match change {
            Change::Hours(v) => {
                self.hours = v;
                self.result = None;
                return;
            }
            Change::Temp(v) => {
                self.temp = v;
                self.result = None;
                return;
            }
            Change::Earlier => {
                self.earlier = !self.earlier;
                self.result = None;
                return;
            }
            Change::Band(b) => {
                self.band = b;
                self.result = None;
                return;
            }
            Change::Kind(kind, unit, region) => {
                self.kind = Some(kind);
                // Only "left out" needs more answers; the others are decided now.
                if kind == MishapKind::OutOfFridge {
                    self.result = None;
                    return;
                }
                (kind, unit, region)
            }
            Change::Check(unit, region) => {
                let Some(kind) = self.kind else { return };
                (kind, unit, region)
            }
        };
        let (hours, temp, earlier) =
            if kind == MishapKind::OutOfFridge { (&*self.hours, &*self.temp, self.earlier) } else { ("", "", false) };
        self.result =
            Some(mishap_from_form_band(kind, hours, self.band, temp, unit, earlier).map(|m| assess(m, profile(region))));
    }
}

fn region_line(lang: Lang, region: Region) -> &'static str {
    match region {
        Region::Us => ChecklistMsg::RegionUs.tr(lang),
        Region::Eu => ChecklistMsg::RegionEu.tr(lang),
    }
}

pub fn storage_status(h: &mut Markup, lang: Lang, region: Region, unit: TempUnit) {
    h.m(r#"<div class="kw-card kw-st-card"><h4>"#).t(ChecklistMsg::StorageTitle.tr(lang));
    h.m("</h4><p>").t(&storage_text(lang, unit)).m(r#"</p><p class="kw-source">"#);
    h.t(&fill(ChecklistMsg::Source.tr(lang), &[("source", &source_text(&storage_source(region), lang))]));
    h.t(" · ").t(region_line(lang, region)).m("</p></div>");
}

fn outcome(h: &mut Markup, lang: Lang, unit: TempUnit, o: &Outcome) {
    let (open, word) = match o.severity {
        Severity::Ok => (r#"<div class="kw-notice kw-ok"><strong>✓ "#, ChecklistMsg::SevOk),
        Severity::Caution => (r#"<div class="kw-notice kw-caution"><strong>! "#, ChecklistMsg::SevCaution),
        Severity::DoNotUse => (r#"<div class="kw-notice kw-danger"><strong>✕ "#, ChecklistMsg::SevDoNotUse),
    };
    h.m(open).t(word.tr(lang)).m("</strong>");
    one(h, lang, unit, o);
    h.m("</div>");
}

/// One rule's text, its source and its note.
fn one(h: &mut Markup, lang: Lang, unit: TempUnit, o: &Outcome) {
    h.m("<p>").t(&o.text(lang, unit)).m("</p>");
    if let Some(src) = o.source() {
        source(h, lang, &src);
    }
    if let Some((text, src)) = o.note_text(lang, unit) {
        h.m("<p>").t(&text).m("</p>");
        source(h, lang, &src);
    }
}

/// The worst answer in its box, what to do for this dose (PROD-SINGLE),
/// then every other rule that applies.
fn outcomes(h: &mut Markup, lang: Lang, region: Region, unit: TempUnit, all: &[Outcome]) {
    let Some((worst, rest)) = all.split_first() else { return };
    outcome(h, lang, unit, worst);
    if let Some((msg, fact)) = tonight_note(all) {
        h.m(r#"<div class="kw-notice kw-mh-tonight"><p><strong>"#).t(ExcursionMsg::TonightTitle.tr(lang)).m(":</strong> ");
        h.t(msg.tr(lang)).m("</p>");
        source(h, lang, &fact.source_in(region));
        h.m("</div>");
    }
    if !rest.is_empty() {
        h.m(r#"<div class="kw-mh-also"><p><strong>"#).t(ExcursionMsg::AlsoTitle.tr(lang)).m("</strong></p><ul>");
        for o in rest {
            h.m("<li>");
            one(h, lang, unit, o);
            h.m("</li>");
        }
        h.m("</ul></div>");
    }
}

/// Text input with its label and, when invalid, its error (aria-describedby).
fn field(id: &'static str, label: &str, value: &str, error: Option<&str>) -> Html {
    let err_id = if id == "kw-mh-hours" { "kw-mh-hours-err" } else { "kw-mh-temp-err" };
    let mut h = Markup::default();
    h.m(r#"<label for=""#).m(id).m(r#"">"#).t(label).m("</label>");
    let label = raw(&mut h);
    if let Some(e) = error {
        h.m(r#"<p id=""#).m(err_id).m(r#"" class="kw-error">"#).t(e).m("</p>");
    }
    html! {
        <div class="kw-field">
            { label }
            <input type="text" inputmode="decimal" autocomplete="off" {id} value={value.to_string()}
                aria-invalid={error.map(|_| "true")} aria-describedby={error.map(|_| err_id)} />
            { raw(&mut h) }
        </div>
    }
}

pub fn view(lang: Lang, region: Region, unit: TempUnit, f: &Form) -> Html {
    let errors = match &f.result {
        Some(Err(e)) => *e,
        _ => FormErrors::default(),
    };
    let mut h = Markup::default();
    let out_fields = if f.kind == Some(MishapKind::OutOfFridge) {
        // A parent often has no thermometer reading: a band, or the number.
        h.m("<legend>").t(ExcursionMsg::BandQuestion.tr(lang)).m("</legend>");
        let mut bands = vec![raw(&mut h)];
        for (i, id) in BAND_IDS.into_iter().enumerate() {
            let band = i.checked_sub(1).map(|b| TempBand::ALL[b]);
            let (code, label) = match band {
                Some(b) => (b.code(), b.label(lang, unit)),
                None => ("number", ExcursionMsg::BandNumber.tr(lang).to_string()),
            };
            bands.push(html! {
                <div class="kw-ck-row">
                    { input_label("radio", "kw-mh-band", id, code, f.band == band, false, None, &label) }
                </div>
            });
        }
        let temp = if f.band.is_none() {
            field("kw-mh-temp", &fill(ChecklistMsg::TempLabel.tr(lang), &[("unit", unit.symbol())]), &f.temp,
                errors.temp.map(|e| e.text(lang, unit)).as_deref())
        } else {
            html! {}
        };
        html! {
            <>
                { field("kw-mh-hours", ChecklistMsg::HoursLabel.tr(lang), &f.hours, errors.hours.map(|e| e.tr(lang))) }
                <fieldset class="kw-mh-band">{ super::list(bands) }</fieldset>
                { temp }
                <div class="kw-ck-row">
                    { input_label("checkbox", "", "kw-mh-earlier", "", f.earlier, false, None, ChecklistMsg::EarlierLabel.tr(lang)) }
                </div>
                <button type="submit" class="kw-button">{ ChecklistMsg::CheckButton.tr(lang) }</button>
            </>
        }
    } else {
        html! {}
    };
    if let Some(Ok(all)) = &f.result {
        outcomes(&mut h, lang, region, unit, all);
    }
    let result = raw(&mut h);
    h.m(r#"<h4 id="kw-mh-title">"#).t(ChecklistMsg::MishapTitle.tr(lang)).m(r#"</h4><p class="kw-hint">"#);
    h.t(region_line(lang, region)).m("</p>");
    let head = raw(&mut h);
    h.m("<legend>").t(ChecklistMsg::MishapQuestion.tr(lang)).m("</legend>");
    let mut kinds = vec![raw(&mut h)];
    for (k, id) in MishapKind::ALL.into_iter().zip(KIND_IDS) {
        kinds.push(html! {
            <div class="kw-ck-row">
                { input_label("radio", "kw-mh-kind", id, k.code(), f.kind == Some(k), false, None, k.tr(lang)) }
            </div>
        });
    }
    html! {
        <form class="kw-mh" aria-labelledby="kw-mh-title" novalidate=true>
            { head }
            <fieldset>{ super::list(kinds) }</fieldset>
            { out_fields }
            <div class="kw-mh-result" aria-live="polite">{ result }</div>
        </form>
    }
}
