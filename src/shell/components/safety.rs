//! Placeholder view; replaced by its feature.

use yew::prelude::*;

use crate::core::i18n::Translate;
use crate::core::ui::Ui;
use crate::shell::app::use_env;

#[function_component(Safety)]
pub fn view() -> Html {
    let env = use_env();
    html! { <section><h3>{ Ui::TabSafety.tr(env.lang) }</h3></section> }
}
