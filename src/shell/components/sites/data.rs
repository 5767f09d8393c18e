//! "Your data": export (JSON, CSV), import (JSON, validated and merged) and
//! "delete all my data" with an in-widget confirmation step.

use yew::prelude::*;

use crate::shell::components::raw;
use crate::shell::components::with_attrs;

use crate::core::i18n::{Lang, Translate};
use crate::core::markup::Markup;
use crate::core::sites::labels::SitesUi;
use crate::core::sites::SitesState;

use super::form::{button, label};
use super::model::{Action, Notice, Ui};

fn wipe_q(h: &mut Markup, lang: Lang) -> Html {
    h.m(r#"<p id="kw-wipe-q"><strong>"#).t(SitesUi::DeleteAllConfirm.tr(lang)).m("</strong></p>");
    raw(h)
}

pub fn data(lang: Lang, ui: &Ui, s: &SitesState, onchange: Callback<Event>) -> Html {
    let import_error = match &ui.notice {
        Some(Notice::ImportFailed(e)) => Some(match e {
            Some(e) => e.message(lang),
            None => SitesUi::ImportReadFailed.tr(lang).to_string(),
        }),
        _ => None,
    };
    let invalid = import_error.is_some();
    let other = match &ui.notice {
        Some(Notice::Imported) => s.last_import.map(|r| (r.message(lang), "kw-notice kw-ok")),
        Some(Notice::DeletedAll) => Some((SitesUi::DeletedAll.tr(lang).to_string(), "kw-notice kw-ok")),
        Some(Notice::ExportFailed) => Some((SitesUi::ExportFailed.tr(lang).to_string(), "kw-notice kw-danger")),
        // Not the file's fault: the input is not marked invalid.
        Some(Notice::IoLoadFailed) => Some((SitesUi::IoLoadFailed.tr(lang).to_string(), "kw-notice kw-danger")),
        _ => None,
    };
    let mut h = Markup::default();
    h.m(r#"<h4 id="kw-data-title">"#).t(SitesUi::DataTitle.tr(lang)).m(r#"</h4><p class="kw-hint">"#);
    h.t(SitesUi::DataInfo.tr(lang)).m("</p>");
    let intro = raw(&mut h);
    html! {
        <section class="kw-data" aria-labelledby="kw-data-title">
            { intro }
            <div class="kw-row">
                { button("kw-button kw-secondary", Action::Json, SitesUi::ExportJson.tr(lang)) }
                { button("kw-button kw-secondary", Action::Csv, SitesUi::ExportCsv.tr(lang)) }
            </div>
            <div class="kw-field">
                { label(&mut h, "kw-import", SitesUi::ImportLabel.tr(lang)) }
                <input type="file" id="kw-import" accept=".json,application/json" {onchange}
                    aria-invalid={invalid.then_some("true")} aria-describedby={invalid.then_some("kw-import-err")} />
            </div>
            if let Some(msg) = import_error {
                <p class="kw-error" id="kw-import-err" role="alert">{ msg }</p>
            }
            if let Some((msg, class)) = other {
                { with_attrs(html! { <div><p>{ msg }</p></div> }, &["class", "role"],
                    &[Some(AttrValue::Static(class)), Some(AttrValue::Static("status"))]) }
            }
            if ui.confirm_wipe {
                <div class="kw-notice kw-danger" role="group" aria-labelledby="kw-wipe-q">
                    { wipe_q(&mut h, lang) }
                    <div class="kw-row">
                        { button("kw-button kw-danger", Action::WipeYes, SitesUi::DeleteAllYes.tr(lang)) }
                        { button("kw-button kw-secondary", Action::WipeNo, SitesUi::Cancel.tr(lang)) }
                    </div>
                </div>
            } else {
                { button("kw-button kw-secondary kw-danger", Action::Wipe, SitesUi::DeleteAll.tr(lang)) }
            }
        </section>
    }
}
