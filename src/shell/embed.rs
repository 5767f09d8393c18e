//! The embed layer: the JS custom element (www/kineret-widget.js) calls
//! `mount` once its shadow root exists, `refresh` when an observed attribute
//! changes, and `destroy` when the element leaves the document.

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

use crate::core::attrs::{parse_or_default, EventNote, Region, Units, View};
use crate::core::i18n::Lang;
use crate::shell::app::{App, AppProps};

#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
    host: HtmlElement,
    props: AppProps,
    /// The rejected value last warned about, per attribute.
    warned: Vec<(&'static str, String)>,
}

/// Reads the host's attributes. An unknown value falls back to the default
/// with one `console.warn` each time the attribute is set to a new unknown
/// value (also when the default is what was shown before), never a blank
/// widget.
fn read_props(host: &HtmlElement, warned: &mut Vec<(&'static str, String)>) -> AppProps {
    /// Warns once per attribute and value that a value was not understood
    /// (not generic: compiled once, not once per attribute type).
    #[inline(never)]
    fn note(warned: &mut Vec<(&'static str, String)>, name: &'static str, raw: Option<String>, rejected: bool) {
        let raw = raw.unwrap_or_default();
        if !rejected {
            warned.retain(|(n, _)| *n != name);
        } else if !warned.iter().any(|(n, v)| *n == name && *v == raw) {
            gloo::console::warn!(format!("kineret-widget: unknown {name}=\"{raw}\"; using the default"));
            warned.retain(|(n, _)| *n != name);
            warned.push((name, raw));
        }
    }
    fn attr<T: Default>(
        host: &HtmlElement,
        name: &'static str,
        parse: fn(&str) -> Option<T>,
        warned: &mut Vec<(&'static str, String)>,
    ) -> T {
        let raw = host.get_attribute(name);
        let parsed = parse_or_default(raw.as_deref(), parse);
        note(warned, name, raw, parsed.rejected);
        parsed.value
    }
    AppProps {
        lang: attr(host, "lang", Lang::parse, warned),
        view: attr(host, "view", View::parse, warned),
        region: attr(host, "region", Region::parse, warned),
        units: attr(host, "units", Units::parse, warned),
        remember: host.has_attribute("remember"),
        event_note: attr(host, "events-include-note", EventNote::parse, warned),
        update_available: host.has_attribute("update-available"),
        host: host.clone(),
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Re-reads the attributes and re-renders if anything changed.
    pub fn refresh(&mut self) {
        let props = read_props(&self.host, &mut self.warned);
        if props != self.props {
            self.props = props.clone();
            if let Some(app) = self.app.as_mut() {
                app.update(props);
            }
        }
    }

    /// Tears the Yew app down; the handle is inert afterwards.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a widget into `container` (inside the host's shadow root).
#[wasm_bindgen]
pub fn mount(host: HtmlElement, container: Element) -> WidgetHandle {
    let mut warned = Vec::new();
    let props = read_props(&host, &mut warned);
    let app = yew::Renderer::<App>::with_root_and_props(container, props.clone()).render();
    WidgetHandle { app: Some(app), host, props, warned }
}
