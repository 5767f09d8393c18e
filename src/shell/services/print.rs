//! Printing one part of the widget alone (the dose result, the site history
//! table). A shadow root cannot hide the host page's own content from the
//! printer, so the part is copied, with the widget's stylesheet, into a hidden
//! iframe of the page and that iframe is printed. Same origin, no network, and
//! no `<style>` element (a constructable stylesheet, as the widget itself
//! uses), so a strict CSP still works. The frame is kept until the next print
//! (one per page). If anything is missing, the whole page prints as before.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

const FRAME_ID: &str = "kineret-widget-print";

fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    get(target, method)?.dyn_into::<Function>()?.apply(target, args)
}

/// The widget's CSS as text, from the shadow root's adopted stylesheets.
fn widget_css(root: &JsValue) -> Result<String, JsValue> {
    let mut css = String::new();
    for sheet in Array::from(&get(root, "adoptedStyleSheets")?).iter() {
        for rule in Array::from(&get(&sheet, "cssRules")?).iter() {
            if let Some(text) = get(&rule, "cssText")?.as_string() {
                css.push_str(&text);
                css.push('\n');
            }
        }
    }
    Ok(css)
}

/// The theming properties README documents, as the host set them.
const THEME: [&str; 13] = [
    "--kw-accent",
    "--kw-accent-contrast",
    "--kw-font",
    "--kw-font-size",
    "--kw-bg",
    "--kw-fg",
    "--kw-muted",
    "--kw-border",
    "--kw-surface",
    "--kw-radius",
    "--kw-danger",
    "--kw-caution",
    "--kw-ok",
];

fn print_in_frame(from: &Element, selector: &str, title: &str, lang: &str) -> Result<(), JsValue> {
    let root: JsValue = from.get_root_node().into();
    let part = call(&root, "querySelector", &Array::of1(&JsValue::from_str(selector)))?;
    let part: Element = part.dyn_into()?;
    let css = widget_css(&root)?;

    let doc = gloo::utils::document();
    if let Some(old) = doc.get_element_by_id(FRAME_ID) {
        old.remove();
    }
    let frame = doc.create_element("iframe")?;
    frame.set_id(FRAME_ID);
    frame.set_attribute("aria-hidden", "true")?;
    frame.set_attribute("tabindex", "-1")?;
    frame.set_attribute("title", title)?;
    // Off-screen but with a page-like size (some browsers lay a printed
    // frame out at its own size), through the CSSOM (allowed under a strict
    // CSP), and `important` so host rules for `iframe` cannot override it.
    let style = get(&frame, "style")?;
    let important = JsValue::from_str("important");
    for (k, v) in [("position", "fixed"), ("left", "-10000px"), ("top", "0"), ("width", "800px"), ("height", "600px"), ("border", "0")] {
        let args = Array::of3(&JsValue::from_str(k), &JsValue::from_str(v), &important);
        call(&style, "setProperty", &args)?;
    }
    doc.body().ok_or_else(|| JsValue::from_str("no body"))?.append_child(&frame)?;

    let win = get(&frame, "contentWindow")?;
    let fdoc = get(&win, "document")?;
    Reflect::set(&fdoc, &"title".into(), &JsValue::from_str(title))?;
    let html = get(&fdoc, "documentElement")?;
    call(&html, "setAttribute", &Array::of2(&"lang".into(), &JsValue::from_str(lang)))?;
    let body = get(&fdoc, "body")?;
    // Inside `.kw-host`, where the widget's font and colours are set, with
    // the host page's theming properties (a larger --kw-font-size, say). A
    // copy of the nodes (no HTML string, so nothing is parsed again and a
    // Trusted Types host has nothing to refuse).
    let host_box = call(&fdoc, "createElement", &Array::of1(&"div".into()))?;
    call(&host_box, "setAttribute", &Array::of2(&"class".into(), &"kw-host".into()))?;
    call(&host_box, "append", &Array::of1(&call(&fdoc, "importNode", &Array::of2(&part, &JsValue::TRUE))?))?;
    call(&body, "append", &Array::of1(&host_box))?;
    let host_style = get(&host_box, "style")?;
    let window: JsValue = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?.into();
    let theme = call(&window, "getComputedStyle", &Array::of1(from))?;
    for name in THEME {
        let value = call(&theme, "getPropertyValue", &Array::of1(&JsValue::from_str(name)))?.as_string().unwrap_or_default();
        if !value.trim().is_empty() {
            call(&host_style, "setProperty", &Array::of2(&JsValue::from_str(name), &JsValue::from_str(value.trim())))?;
        }
    }
    // Show-your-work and similar disclosures print open.
    let details = call(&body, "querySelectorAll", &Array::of1(&"details".into()))?;
    for d in Array::from(&details).iter() {
        let _ = Reflect::set(&d, &"open".into(), &JsValue::TRUE);
    }
    let ctor = get(&win, "CSSStyleSheet")?.dyn_into::<Function>()?;
    let sheet = Reflect::construct(&ctor, &Array::new())?;
    call(&sheet, "replaceSync", &Array::of1(&JsValue::from_str(&css)))?;
    Reflect::set(&fdoc, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;

    // The frame stays until the next print replaces it: in some browsers
    // print() returns (and even `afterprint` fires) while the dialog still
    // reads the frame, and removing it then prints a blank page.
    call(&win, "print", &Array::new())?;
    Ok(())
}

/// Prints the element matching `selector` in `from`'s shadow root alone;
/// falls back to printing the page.
///
/// Printing's code is reachable only through [`load_print`]: with the
/// `split` feature it is its own module (`kw-print`), fetched on the first
/// Print click, so no view downloads it before it is interactive
/// (docs/SIZE.md). The installed app precaches it like every module; if it
/// cannot be fetched, the page prints as when the frame cannot be made.
pub fn print_alone(from: Option<Element>, selector: &'static str, title: &'static str, lang: &'static str) {
    #[cfg(feature = "split")]
    wasm_bindgen_futures::spawn_local(async move {
        match load_print().await {
            Ok(print) => print(from, selector, title, lang),
            Err(_) => print_page(),
        }
    });
    #[cfg(not(feature = "split"))]
    if let Ok(print) = load_print() {
        print(from, selector, title, lang);
    }
}

type Print = fn(Option<Element>, &str, &str, &str);

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(kw_print, fallible))]
fn load_print() -> Result<Print, crate::shell::split::LoadFailed> {
    Ok(print_now)
}

fn print_now(from: Option<Element>, selector: &str, title: &str, lang: &str) {
    let done = from.is_some_and(|el| print_in_frame(&el, selector, title, lang).is_ok());
    if !done {
        if let Some(frame) = gloo::utils::document().get_element_by_id(FRAME_ID) {
            frame.remove();
        }
        print_page();
    }
}

fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
