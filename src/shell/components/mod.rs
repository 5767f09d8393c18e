//! One component per file, and the few helpers the views share.

pub mod calculator;
pub mod delete_all;
pub mod safety;
pub mod sites;
pub mod storage;
pub mod tabs;

use std::rc::Rc;

use yew::virtual_dom::{AttributeOrProperty, Attributes, VList, VNode};
use yew::{AttrValue, Html};

pub(crate) use crate::shell::markup::{raw, raw_svg};

/// Children without a wrapper element (one `Vec<Html>` type for every list).
pub(crate) fn list(items: Vec<Html>) -> Html {
    VList::with_children(items, None).into()
}

/// Sets `class` on the element `node` (built by `html!` without a class).
/// `class={expr}` in `html!` converts through yew's `Classes` (an
/// `IndexSet`), which this avoids (docs/SIZE.md rule 3).
pub(crate) fn classed(class: &'static str, node: Html) -> Html {
    with_attrs(node, &["class"], &[Some(AttrValue::Static(class))])
}

/// Replaces the attributes of the element `node` (built by `html!` without
/// attributes) with `keys` and their `values` (`None`: absent), as `html!`
/// itself does for computed attributes, for elements with a computed class.
pub(crate) fn with_attrs(mut node: Html, keys: &'static [&'static str], values: &[Option<AttrValue>]) -> Html {
    if let VNode::VTag(tag) = &mut node {
        if let Some(tag) = Rc::get_mut(tag) {
            tag.attributes = Attributes::Dynamic {
                keys,
                values: values.iter().map(|v| v.clone().map(AttributeOrProperty::Attribute)).collect(),
            };
        }
    }
    node
}
