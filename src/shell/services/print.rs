//! Printing one part of the widget alone (the dose result, the site history
//! table). A shadow root cannot hide the host page's own content from the
//! printer, so the part is copied, with the widget's stylesheet, into a hidden
//! iframe of the page and that iframe is printed. Same origin, no network, and
//! no `<style>` element (a constructable stylesheet, as the widget itself
//! uses), so a strict CSP still works. If anything is missing, the whole page
//! prints as before.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget};

const FRAME_ID: &str = "kineret-widget-print";

fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    get(target, method)?.dyn_into::<Function>()?.apply(target, args)
}

/// The widget's CSS as text, from the shadow root's adopted stylesheets, with
/// `:host` read as the iframe's `:root` (its custom properties and font).
fn widget_css(root: &JsValue) -> Result<String, JsValue> {
    let mut css = String::new();
    for sheet in Array::from(&get(root, "adoptedStyleSheets")?).iter() {
        for rule in Array::from(&get(&sheet, "cssRules")?).iter() {
            if let Some(text) = get(&rule, "cssText")?.as_string() {
                css.push_str(&text.replace(":host", ":root"));
                css.push('\n');
            }
        }
    }
    Ok(css)
}

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
    // Inline style through the CSSOM (allowed under a strict CSP).
    let style = get(&frame, "style")?;
    for (k, v) in [("position", "fixed"), ("right", "0"), ("bottom", "0"), ("width", "0"), ("height", "0"), ("border", "0")] {
        call(&style, "setProperty", &Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)))?;
    }
    doc.body().ok_or_else(|| JsValue::from_str("no body"))?.append_child(&frame)?;

    let win = get(&frame, "contentWindow")?;
    let fdoc = get(&win, "document")?;
    Reflect::set(&fdoc, &"title".into(), &JsValue::from_str(title))?;
    let html = get(&fdoc, "documentElement")?;
    call(&html, "setAttribute", &Array::of2(&"lang".into(), &JsValue::from_str(lang)))?;
    let body = get(&fdoc, "body")?;
    // Inside `.kw-host`, where the widget's font and colours are set.
    let markup = format!(r#"<div class="kw-host">{}</div>"#, part.outer_html());
    Reflect::set(&body, &"innerHTML".into(), &JsValue::from_str(&markup))?;
    // Show-your-work and similar disclosures print open.
    let details = call(&body, "querySelectorAll", &Array::of1(&"details".into()))?;
    for d in Array::from(&details).iter() {
        let _ = Reflect::set(&d, &"open".into(), &JsValue::TRUE);
    }
    let ctor = get(&win, "CSSStyleSheet")?.dyn_into::<Function>()?;
    let sheet = Reflect::construct(&ctor, &Array::new())?;
    call(&sheet, "replaceSync", &Array::of1(&JsValue::from_str(&css)))?;
    Reflect::set(&fdoc, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;

    // Removed once printing is done (the iframe's window is from another
    // realm, hence the unchecked cast).
    let target: EventTarget = win.clone().unchecked_into();
    let frame_done = frame.clone();
    gloo::events::EventListener::once(&target, "afterprint", move |_: &Event| frame_done.remove()).forget();
    call(&win, "print", &Array::new())?;
    Ok(())
}

/// Prints the element matching `selector` in `from`'s shadow root alone;
/// falls back to printing the page.
pub fn print_alone(from: Option<Element>, selector: &str, title: &str, lang: &str) {
    let done = from.is_some_and(|el| print_in_frame(&el, selector, title, lang).is_ok());
    if !done {
        if let Some(frame) = gloo::utils::document().get_element_by_id(FRAME_ID) {
            frame.remove();
        }
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    }
}
