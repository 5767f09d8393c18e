//! The widget's only HTML sink: a [`Markup`] (constants, numbers and escaped
//! text: `core::markup`) becomes DOM nodes here and nowhere else.
//!
//! Hosts that enforce Trusted Types (`require-trusted-types-for 'script'`)
//! refuse a plain string assigned to `innerHTML`, which is what Yew's
//! `Html::from_html_unchecked` does. So the markup is parsed here, into an
//! inert `<template>`, through the Trusted Types policy `kineret-widget`
//! (created once per page, when the widget first renders, and only where the
//! browser has `trustedTypes`; elsewhere the string is used as it is), and
//! the resulting nodes are handed to Yew as they are (`VNode::VRef`), by a
//! small component that keeps them while its markup is unchanged (as Yew
//! keeps a raw node, so an open `<details>` stays open).
//!
//! `clippy.toml` forbids the Yew and web-sys APIs that insert HTML
//! (`Html::from_html_unchecked`, `VRaw`, `set_inner_html`, …) everywhere, and
//! `tests/module_graph.rs` forbids naming a DOM HTML sink (`"innerHTML"`, …)
//! anywhere else: this file is the only one that may.

use std::cell::OnceCell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Node;
use yew::virtual_dom::{VList, VNode};
use yew::{html, AttrValue, Component, Context, Html, Properties};

use crate::core::markup::Markup;

/// The Trusted Types policy name hosts allow (`trusted-types kineret-widget`).
pub const POLICY: &str = "kineret-widget";

thread_local! {
    /// The policy, created at most once per page (a second `createPolicy`
    /// with the same name throws unless the host allows duplicates).
    static POLICY_OBJECT: OnceCell<Option<JsValue>> = const { OnceCell::new() };
}

fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
}

/// `trustedTypes.createPolicy("kineret-widget", { createHTML: String })`, or
/// `None` where the browser has no Trusted Types. `String` is the identity on
/// strings: the policy's input is only ever a `Markup`, safe by construction,
/// and the policy object never leaves this module.
fn create_policy() -> Option<JsValue> {
    let global: JsValue = js_sys::global().into();
    let tt = get(&global, "trustedTypes").ok().filter(JsValue::is_object)?;
    let rules = Object::new();
    let created = get(&global, "String")
        .and_then(|identity| Reflect::set(&rules, &JsValue::from_str("createHTML"), &identity))
        .and_then(|_| get(&tt, "createPolicy"))
        .and_then(|f| f.dyn_into::<Function>())
        .and_then(|create| create.call2(&tt, &JsValue::from_str(POLICY), &rules));
    match created {
        Ok(policy) => Some(policy),
        Err(e) => {
            gloo::console::error!("kineret-widget: the Trusted Types policy could not be created", e);
            None
        }
    }
}

/// The markup as a `TrustedHTML` of the policy, or as a string.
fn trusted(html: &str) -> JsValue {
    let s = JsValue::from_str(html);
    POLICY_OBJECT.with(|cell| match cell.get_or_init(create_policy) {
        Some(policy) => get(policy, "createHTML")
            .and_then(|f| f.dyn_into::<Function>())
            .and_then(|f| f.call1(policy, &s))
            .unwrap_or(s),
        None => s,
    })
}

/// Parses `html` in an inert `<template>` (nothing loads or runs there) and
/// returns its top-level nodes; `svg`: parsed as the content of an `<svg>`,
/// for markup placed inside one.
fn parse(html: &str, svg: bool) -> Vec<Node> {
    let mut nodes = Vec::new();
    let wrapped;
    let html = if svg {
        wrapped = ["<svg>", html, "</svg>"].concat();
        &wrapped
    } else {
        html
    };
    let Ok(template) = gloo::utils::document().create_element("template") else {
        return nodes;
    };
    let parsed = Reflect::set(&template, &JsValue::from_str("innerHTML"), &trusted(html))
        .and_then(|_| get(&template, "content"))
        .and_then(|content| content.dyn_into::<Node>());
    let mut parent = match parsed {
        Ok(content) => content,
        Err(e) => {
            gloo::console::error!("kineret-widget: markup could not be inserted", e);
            return nodes;
        }
    };
    if svg {
        match parent.first_child() {
            Some(inner) => parent = inner,
            None => return nodes,
        }
    }
    while let Some(child) = parent.first_child() {
        let _ = parent.remove_child(&child);
        nodes.push(child);
    }
    nodes
}

#[derive(Properties, PartialEq)]
struct RawProps {
    html: AttrValue,
    svg: bool,
}

/// The nodes of one markup string, kept while the string is unchanged.
struct Raw {
    nodes: Vec<Node>,
}

impl Component for Raw {
    type Message = ();
    type Properties = RawProps;

    fn create(ctx: &Context<Self>) -> Self {
        Self { nodes: parse(&ctx.props().html, ctx.props().svg) }
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &RawProps) -> bool {
        let new = ctx.props();
        if new == old {
            return false;
        }
        self.nodes = parse(&new.html, new.svg);
        true
    }

    fn view(&self, _: &Context<Self>) -> Html {
        VList::with_children(self.nodes.iter().cloned().map(VNode::VRef).collect(), None).into()
    }
}

fn nodes_of(h: &mut Markup, svg: bool) -> Html {
    html! { <Raw html={AttrValue::from(h.take())} {svg} /> }
}

/// The markup built in `h` as nodes, leaving `h` empty for the next part
/// (docs/SIZE.md rule 15).
pub(crate) fn raw(h: &mut Markup) -> Html {
    nodes_of(h, false)
}

/// The same for markup placed inside an `<svg>` (shapes, `<text>`).
pub(crate) fn raw_svg(h: &mut Markup) -> Html {
    nodes_of(h, true)
}
