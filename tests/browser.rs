//! Component tests in headless Chromium (`make test-wasm`): the Yew shell
//! mounted through the same `mount` entry the custom element uses.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, KeyboardEvent, KeyboardEventInit};

mod common;

use common::browser::{all, mount_ready, present, set_value, text, until, Fixture};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh widget, once the app has rendered (Yew renders a view's whole
/// tree in one pass; how long that takes depends on the build and machine).
async fn widget(attrs: &[(&str, &str)]) -> Fixture {
    mount_ready(attrs, ".kw-app").await
}

/// Waits until tab `i` is selected.
async fn until_selected(root: &Element, i: usize) {
    let selected = || all(root, "[role=tab]").get(i).and_then(|t| t.get_attribute("aria-selected"));
    until(&format!("tab {i} to be selected"), || selected().as_deref() == Some("true")).await;
}

fn press(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn renders_four_tabs_with_the_first_selected() {
    let f = widget(&[]).await;
    let tabs = all(&f.host, "[role=tab]");
    assert_eq!(tabs.len(), 4);
    assert_eq!(tabs[0].get_attribute("aria-selected").as_deref(), Some("true"));
    assert_eq!(tabs[0].get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(tabs[1].get_attribute("tabindex").as_deref(), Some("-1"));
    let panel = f.host.query_selector("[role=tabpanel]").unwrap().unwrap();
    assert_eq!(panel.get_attribute("aria-labelledby"), tabs[0].get_attribute("id"));
}

#[wasm_bindgen_test]
async fn arrow_home_end_move_the_selection() {
    let f = widget(&[]).await;
    let tabs = all(&f.host, "[role=tab]");
    press(&tabs[0], "ArrowRight");
    until_selected(&f.host, 1).await;
    let tabs = all(&f.host, "[role=tab]");
    assert_eq!(tabs[1].get_attribute("aria-selected").as_deref(), Some("true"));
    press(&tabs[1], "End");
    until_selected(&f.host, 3).await;
    assert_eq!(all(&f.host, "[role=tab]")[3].get_attribute("aria-selected").as_deref(), Some("true"));
    press(&tabs[3], "ArrowRight");
    until_selected(&f.host, 0).await;
    assert_eq!(all(&f.host, "[role=tab]")[0].get_attribute("aria-selected").as_deref(), Some("true"));
    press(&tabs[0], "ArrowLeft");
    until_selected(&f.host, 3).await;
    assert_eq!(all(&f.host, "[role=tab]")[3].get_attribute("aria-selected").as_deref(), Some("true"));
    press(&tabs[3], "Home");
    until_selected(&f.host, 0).await;
    assert_eq!(all(&f.host, "[role=tab]")[0].get_attribute("aria-selected").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn lang_attribute_change_re_renders_in_spanish() {
    let mut f = widget(&[("lang", "en")]).await;
    assert_eq!(text(&f.host, ".kw-title"), "Kineret companion");
    f.host.set_attribute("lang", "es").unwrap();
    f.handle.refresh();
    until("the Spanish title", || text(&f.host, ".kw-title") == "Asistente de Kineret").await;
    assert_eq!(f.host.query_selector(".kw-app").unwrap().unwrap().get_attribute("lang").as_deref(), Some("es"));
}

#[wasm_bindgen_test]
async fn single_view_has_no_tabs_and_unknown_view_falls_back_to_all() {
    let f = widget(&[("view", "calculator")]).await;
    assert!(all(&f.host, "[role=tab]").is_empty());
    let g = widget(&[("view", "nope")]).await;
    assert_eq!(all(&g.host, "[role=tab]").len(), 4);
}

#[wasm_bindgen_test]
async fn destroy_removes_the_app() {
    let mut f = widget(&[]).await;
    assert!(f.host.query_selector(".kw-app").unwrap().is_some());
    f.handle.destroy();
    until("the app to go", || !present(&f.host, ".kw-app")).await;
    // A second destroy is harmless.
    f.handle.destroy();
}

#[wasm_bindgen_test]
async fn calculator_shows_a_dose_only_when_every_input_is_valid() {
    let f = widget(&[("view", "calculator")]).await;
    assert!(f.host.query_selector(".kw-result").unwrap().is_none());
    set_value(&f.host, "#kw-calc-indication", "dira", "change");
    until("the weight-based dose field", || present(&f.host, "#kw-calc-dose")).await;
    set_value(&f.host, "#kw-calc-weight", "20", "input");
    set_value(&f.host, "#kw-calc-dose", "9", "input");
    // Above 8 mg/kg/day: a message beside the field and no number anywhere.
    until("the dose refusal", || present(&f.host, "#kw-calc-dose[aria-invalid=true]")).await;
    let dose = f.host.query_selector("#kw-calc-dose").unwrap().unwrap();
    assert!(text(&f.host, "#kw-calc-dose-error").contains('8'));
    assert!(f.host.query_selector(".kw-result").unwrap().is_none());
    set_value(&f.host, "#kw-calc-dose", "2", "input");
    until("the 40 mg dose", || present(&f.host, ".kw-dose")).await;
    assert_eq!(text(&f.host, ".kw-dose"), "40 mg (0.27 mL)");
    assert_eq!(dose.get_attribute("aria-invalid").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn calculator_emits_kineret_dose_with_the_api_result() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let f = widget(&[("view", "calculator"), ("lang", "es")]).await;
    let seen: Rc<RefCell<Vec<wasm_bindgen::JsValue>>> = Rc::default();
    let sink = seen.clone();
    let _listener = gloo::events::EventListener::new(&f.host, "kineret:dose", move |e| {
        let e: &web_sys::CustomEvent = e.unchecked_ref();
        sink.borrow_mut().push(e.detail());
    });
    set_value(&f.host, "#kw-calc-indication", "ra", "change");
    until("a kineret:dose event", || !seen.borrow().is_empty()).await;
    let events = seen.borrow();
    assert_eq!(events.len(), 1);
    let get = |k: &str| js_sys::Reflect::get(&events[0], &k.into()).unwrap();
    assert_eq!(get("ok").as_bool(), Some(true));
    assert_eq!(get("dailyDoseMg").as_f64(), Some(100.0));
    assert!(get("instructions").as_string().unwrap().contains("una vez al día"));
}

/// Checks a radio and fires `change` (the form's delegated handler reads the id).
fn choose(root: &Element, selector: &str) {
    let el = root.query_selector(selector).unwrap().unwrap();
    el.unchecked_ref::<web_sys::HtmlInputElement>().set_checked(true);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn calculator_renal_schedule_is_a_choice_defaulting_to_every_other_day() {
    // RENAL-EOD: "consider" every other day; the user may keep daily.
    let f = widget(&[("view", "calculator")]).await;
    set_value(&f.host, "#kw-calc-indication", "ra", "change");
    until("the RA instructions", || present(&f.host, ".kw-instructions")).await;
    assert!(f.host.query_selector("#kw-calc-schedule-0").unwrap().is_none());
    choose(&f.host, "#kw-calc-renal-3"); // end-stage kidney disease or dialysis
    let eod_text = "100 mg (0.67 mL) under the skin every other day";
    until("every other day", || text(&f.host, ".kw-instructions") == eod_text).await;
    let eod = f.host.query_selector("#kw-calc-schedule-0").unwrap().unwrap();
    assert!(eod.unchecked_ref::<web_sys::HtmlInputElement>().checked());
    choose(&f.host, "#kw-calc-schedule-1");
    let daily = "100 mg (0.67 mL) under the skin once daily";
    until("once daily", || text(&f.host, ".kw-instructions") == daily).await;
}

#[wasm_bindgen_test]
async fn calculator_in_the_eu_lists_the_eu_indications() {
    // IND-EU-*: CAPS, FMF, Still's; FMF 30 kg at 2 mg/kg/day is 60 mg once daily (DOSE-FMF-EU).
    let f = widget(&[("view", "calculator"), ("region", "eu")]).await;
    let options: Vec<String> =
        all(&f.host, "#kw-calc-indication option").iter().filter_map(|o| o.get_attribute("value")).collect();
    assert_eq!(options, vec!["", "ra", "caps", "fmf", "stills", "covid19"]);
    set_value(&f.host, "#kw-calc-indication", "fmf", "change");
    until("the weight-based dose field", || present(&f.host, "#kw-calc-dose")).await;
    set_value(&f.host, "#kw-calc-weight", "30", "input");
    set_value(&f.host, "#kw-calc-dose", "2", "input");
    until("the 60 mg dose", || present(&f.host, ".kw-dose")).await;
    assert_eq!(text(&f.host, ".kw-dose"), "60 mg (0.4 mL)");
    assert!(f.host.query_selector("#kw-calc-split-0").unwrap().is_none(), "FMF is once daily");
}
