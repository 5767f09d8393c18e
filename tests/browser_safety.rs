//! Safety view component tests in headless Chromium: the Yew shell mounted
//! through the custom element's `mount` entry with `view="safety"`.
#![cfg(target_arch = "wasm32")]

use kineret_widget::core::safety::Symptom;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, InputEvent, InputEventInit};

mod common;

use common::browser::{mount_ready, until, Fixture};

wasm_bindgen_test_configure!(run_in_browser);

/// Rendered once the triage outcome line is there.
const READY: &str = ".kw-sf-result";

/// A fresh `view="safety"` widget on empty storage.
async fn widget(lang: &str) -> Fixture {
    mount_ready(&[("view", "safety"), ("lang", lang)], READY).await
}

fn one(root: &Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector).unwrap().unwrap().dyn_into().unwrap()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

/// Types `value` into a text-like field the way a browser reports it
/// (callers wait for what it should change).
fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let ev = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

fn symptom_box(root: &Element, s: Symptom) -> HtmlInputElement {
    let i = Symptom::ALL.iter().position(|x| *x == s).unwrap();
    one(root, &format!("input[name=y][value='{i}']"))
}

#[wasm_bindgen_test]
async fn triage_outcome_follows_the_ticked_symptoms() {
    let f = widget("en").await;
    assert!(text(&f.host, ".kw-sf-result").contains("Select the side effects you notice."));
    let site = symptom_box(&f.host, Symptom::InjectionSiteReaction);
    site.click();
    until("the injection-site outcome", || text(&f.host, ".kw-sf-result").starts_with("Usually goes away")).await;
    assert!(site.checked());
    symptom_box(&f.host, Symptom::FeverChills).click();
    until("the call-your-doctor outcome", || text(&f.host, ".kw-sf-result").starts_with("Call your doctor immediately")).await;
    symptom_box(&f.host, Symptom::TroubleBreathing).click();
    until("the emergency outcome", || text(&f.host, ".kw-sf-outcome").starts_with("Get emergency help now")).await;
    let result = f.host.query_selector(".kw-sf-outcome").unwrap().unwrap();
    assert!(result.text_content().unwrap_or_default().starts_with("Get emergency help now"));
    assert!(result.get_attribute("class").unwrap_or_default().contains("kw-danger"));
    // Unticking brings the less serious outcome back.
    symptom_box(&f.host, Symptom::TroubleBreathing).click();
    until("the call-your-doctor outcome again", || text(&f.host, ".kw-sf-result").starts_with("Call your doctor immediately")).await;
    assert_eq!(
        f.host.query_selector("a[href^='tel:']").unwrap().unwrap().get_attribute("href").as_deref(),
        Some("tel:+18003321088")
    );
}

#[wasm_bindgen_test]
async fn dizziness_is_an_emergency_sign_and_eu_reporting_has_no_fda_number() {
    let f = mount_ready(&[("view", "safety"), ("lang", "en"), ("region", "eu")], READY).await;
    let dizzy = symptom_box(&f.host, Symptom::Dizziness);
    let group = dizzy.closest("fieldset").unwrap().unwrap();
    assert!(group.get_attribute("class").unwrap_or_default().contains("kw-sf-emergency"));
    assert!(group.text_content().unwrap_or_default().starts_with("Get emergency help now"));
    dizzy.click();
    until("the emergency outcome", || text(&f.host, ".kw-sf-result").starts_with("Get emergency help now")).await;
    // No FDA number in the EU; the emergency banner and the answer under the
    // group offer 112 (general practice, not in the label; SE-EMERG).
    assert!(f.host.query_selector("a[href^='tel:+1']").unwrap().is_none());
    assert_eq!(f.host.query_selector_all(".kw-sf-banner a[href='tel:112'], .kw-sf-answer a[href='tel:112']").unwrap().length(), 2);
    assert!(text(&f.host, ".kw-sf-banner").contains("general practice, not in the label"));
    let report = text(&f.host, ".kw-sf-report");
    // SE-REPORT: the national reporting system, with its source.
    assert!(report.contains("national reporting system") && !report.contains("FDA"), "{report}");
    assert!(report.contains("Source: Kineret drug page; EU PL 4"), "{report}");
}

#[wasm_bindgen_test]
async fn the_symptom_filter_hides_what_does_not_match_but_keeps_ticks() {
    let f = widget("es").await;
    let fever = symptom_box(&f.host, Symptom::FeverChills);
    fever.click();
    until("fever ticked", || text(&f.host, ".kw-sf-result").starts_with("Llame a su médico de inmediato")).await;
    type_into(&one(&f.host, "#kw-sf-filter"), "nausea");
    let hidden = |s: Symptom| symptom_box(&f.host, s).closest("li").unwrap().unwrap().has_attribute("hidden");
    until("the filter to hide fever", || hidden(Symptom::FeverChills)).await;
    assert!(!hidden(Symptom::NauseaVomiting));
    // The hidden tick still counts.
    assert!(text(&f.host, ".kw-sf-result").starts_with("Llame a su médico de inmediato"));
}

#[wasm_bindgen_test]
async fn tnf_search_shows_the_combination_outcome_with_its_source() {
    let f = widget("en").await;
    let search = one(&f.host, "#kw-sf-tnf");
    let out = || search.closest("li").unwrap().unwrap().text_content().unwrap_or_default();
    type_into(&search, "Humira");
    let humira = "Humira is a TNF blocker (adalimumab). Using it with Kineret is not recommended.";
    until("the Humira outcome", || out().contains(humira)).await;
    assert!(out().contains("Source: US PI 5.2, 7"), "{}", out());
    type_into(&search, "adalimumab-atto");
    until("the adalimumab outcome", || out().contains("adalimumab is a TNF blocker")).await;
    type_into(&search, "methotrexate");
    until("no TNF blocker found", || out().contains("No TNF blocker in this list has that name")).await;
}

#[wasm_bindgen_test]
async fn a_screen_answer_shows_its_sourced_outcome() {
    let f = widget("en").await;
    let allergy = one(&f.host, "input[name=q][value='0']");
    allergy.click();
    let li = || allergy.closest("li").unwrap().unwrap().text_content().unwrap_or_default();
    until("the allergy outcome", || li().contains("Do not use Kineret.")).await;
    assert!(li().contains("Source: US PI 4"), "{}", li());
    assert!(text(&f.host, ".kw-sf-questions").contains("Yellow fever"));
}

#[wasm_bindgen_test]
async fn a_start_date_gives_seven_dated_checks_and_done_is_saved() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = "kineret-widget/v1/safety/monitoring/current";
    let _ = storage.remove_item(key);
    let f = widget("en").await;
    assert!(f.host.query_selector(".kw-sf-checks").unwrap().is_none());
    type_into(&one(&f.host, "#kw-sf-start"), "2999-01-15");
    until("the dated checks", || f.host.query_selector(".kw-sf-checks").unwrap().is_some()).await;
    let rows = f.host.query_selector_all(".kw-sf-checks li").unwrap();
    assert_eq!(rows.length(), 7);
    assert!(text(&f.host, ".kw-sf-checks li").contains("Upcoming"));
    assert!(text(&f.host, ".kw-sf-checks li:nth-child(2)").contains("2999"));
    one(&f.host, "input[name=d][value='1']").click();
    until("check 2 done", || text(&f.host, ".kw-sf-checks li:nth-child(2)").contains("Done")).await;
    let stored = || storage.get_item(key).unwrap().unwrap_or_default();
    until("the done check to be saved", || !stored().is_empty()).await;
    assert_eq!(stored(), r#"{"v":1,"data":"2999-01-15 1"}"#);
    let _ = storage.remove_item(key);
}

#[wasm_bindgen_test]
async fn region_eu_asks_about_neutropenia_and_shows_the_eu_warnings() {
    // CI-NEUTRO-EU, WARN-DRESS, WARN-STILL-LUNG: region eu only.
    let eu = mount_ready(&[("view", "safety"), ("lang", "en"), ("region", "eu")], READY).await;
    assert!(text(&eu.host, ".kw-sf-questions").contains("low neutrophil count (neutropenia)"));
    let warn = text(&eu.host, ".kw-sf-warn");
    assert!(warn.contains("DRESS") && warn.contains("Still's disease, mainly in children"), "{warn}");
    let us = widget("en").await;
    assert!(!text(&us.host, ".kw-sf-questions").contains("neutropenia"));
    assert!(!text(&us.host, ".kw-sf-warn").contains("DRESS"));
}
