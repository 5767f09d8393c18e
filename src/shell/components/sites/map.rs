//! The body map: two SVG figures (front and back) drawn for this project,
//! one focusable button per zone, and the legend.
//!
//! viewBox 200 × 320 per figure; the stylesheet never lets a figure get
//! narrower than 200 CSS px, so every zone (at least 46 × 46 units) is at
//! least 46 × 46 CSS px.
//!
//! Only the controls are Yew elements (the group with its key listener, each
//! figure's `<svg>` and the zone `<g>` buttons); the drawing, the captions,
//! the hints and the legend are escaped markup (`Markup`, docs/SIZE.md
//! rule 15).

use yew::prelude::*;

use crate::shell::components::{raw, raw_svg};
use crate::shell::components::with_attrs;

use crate::core::i18n::{Lang, Translate};
use crate::core::markup::Markup;
use crate::core::sites::rotation::{Tone, ZoneStatus};
use crate::core::sites::labels::SitesUi;
use crate::core::sites::{View, ZoneId};

use super::model::Action;

/// Each zone's ellipse as drawn (`core::sites::zones::DRAWN`: the keyboard
/// follows the same centres).
const GEOMETRY: [[&str; 9]; 8] = crate::core::sites::zones::DRAWN;

/// The patterns for flagged (hatched), unavailable (dotted) and, in forced
/// colors only, recently used (striped) zones; drawn once, in the front
/// figure. The legend's swatches use them too.
const DEFS: &str = concat!(
    r#"<defs><pattern id="kw-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">"#,
    r#"<line class="kw-pline" x1="0" y1="0" x2="0" y2="8"/></pattern>"#,
    r#"<pattern id="kw-dots" width="7" height="7" patternUnits="userSpaceOnUse">"#,
    r#"<circle class="kw-pdot" cx="3.5" cy="3.5" r="1.4"/></pattern>"#,
    r#"<pattern id="kw-stripes" width="6" height="6" patternUnits="userSpaceOnUse">"#,
    r#"<line class="kw-pline" x1="0" y1="1" x2="6" y2="1"/></pattern></defs>"#,
);

/// The silhouette (same outline for both views).
const BODY: &str = concat!(
    r#"<path class="kw-body" d=""#,
    "M80 30a20 20 0 1 0 40 0a20 20 0 1 0-40 0zM92 46h16v14h-16z",
    "M74 58h52a22 22 0 0 1 22 22v92a22 22 0 0 1-22 22h-52a22 22 0 0 1-22-22v-92a22 22 0 0 1 22-22z",
    "M36 64a14 14 0 0 1 14 14v92a14 14 0 0 1-28 0v-92a14 14 0 0 1 14-14z",
    "M164 64a14 14 0 0 1 14 14v92a14 14 0 0 1-28 0v-92a14 14 0 0 1 14-14z",
    "M72 176h10a16 16 0 0 1 16 16v106a16 16 0 0 1-16 16h-10a16 16 0 0 1-16-16v-106a16 16 0 0 1 16-16z",
    "M118 176h10a16 16 0 0 1 16 16v106a16 16 0 0 1-16 16h-10a16 16 0 0 1-16-16v-106a16 16 0 0 1 16-16z",
    r#""/><text class="kw-side" x="14" y="16">"#,
);

/// The belly button and the 2-inch (5 cm) circle around it: no injection.
const NAVEL: &str = concat!(
    r#"<circle class="kw-navel-zone" fill="url(#kw-hatch)" cx="100" cy="124" r="16"/>"#,
    r#"<circle class="kw-navel" cx="100" cy="124" r="2.5"/>"#,
);

pub struct MapInput<'a> {
    pub lang: Lang,
    pub statuses: &'a [ZoneStatus],
    pub selected: Option<ZoneId>,
    pub suggested: Option<ZoneId>,
    pub focus: ZoneId,
    pub arm_reason: bool,
    /// The key (legend) starts open (wide screens).
    pub key_open: bool,
}

/// `<ellipse class=… [fill=…] cx cy rx ry/>`.
fn ellipse(h: &mut Markup, class: &'static str, fill: Option<&'static str>, [cx, cy, rx, ry]: [&'static str; 4]) {
    h.m(r#"<ellipse class=""#).m(class);
    if let Some(f) = fill {
        h.m(r#"" fill=""#).m(f);
    }
    h.m(r#"" cx=""#).m(cx).m(r#"" cy=""#).m(cy).m(r#"" rx=""#).m(rx).m(r#"" ry=""#).m(ry).m(r#""/>"#);
}

/// The pattern over a zone of this tone (the stripes show in forced colors
/// only, where the tones' fills are all `Canvas`: 20-sites.css).
fn pattern(tone: Tone) -> Option<&'static str> {
    match tone {
        Tone::Flagged => Some("url(#kw-hatch)"),
        Tone::Unavailable => Some("url(#kw-dots)"),
        Tone::Recent => Some("url(#kw-stripes)"),
        _ => None,
    }
}

fn zone(m: &MapInput, st: &ZoneStatus, items: &mut Vec<Html>) {
    let z = st.zone;
    let [cx, cy, rx, ry, rrx, rry, srx, sry, ty] = GEOMETRY[z as usize];
    let tone = st.tone();
    let sel = m.selected == Some(z);
    // Literal classes (no `classes!`): docs/SIZE.md rule 3.
    let class = match tone {
        Tone::Never => ["kw-zone kw-tone-never", "kw-zone kw-tone-never kw-sel"],
        Tone::Recent => ["kw-zone kw-tone-recent", "kw-zone kw-tone-recent kw-sel"],
        Tone::Rested => ["kw-zone kw-tone-rested", "kw-zone kw-tone-rested kw-sel"],
        Tone::Flagged => ["kw-zone kw-tone-flagged", "kw-zone kw-tone-flagged kw-sel"],
        Tone::Unavailable => ["kw-zone kw-tone-unavailable", "kw-zone kw-tone-unavailable kw-sel"],
    }[usize::from(sel)];
    let disabled = st.disabled.is_some();
    let mut h = Markup::default();
    // The focus ring: two rings, a solid one under a dashed one of the
    // other colour (visible on light and dark; 20-sites.css).
    ellipse(&mut h, "kw-zring", None, [cx, cy, rrx, rry]);
    ellipse(&mut h, "kw-zring kw-zring2", None, [cx, cy, rrx, rry]);
    if m.suggested == Some(z) {
        ellipse(&mut h, "kw-zsug", None, [cx, cy, srx, sry]);
    }
    // Recently used: the colour ramp (most recent strongest).
    let shape = match st.age_step() {
        Some(0) => "kw-zshape kw-age0",
        Some(1) => "kw-zshape kw-age1",
        Some(_) => "kw-zshape kw-age2",
        None => "kw-zshape",
    };
    ellipse(&mut h, shape, None, [cx, cy, rx, ry]);
    if let Some(p) = pattern(tone) {
        ellipse(&mut h, "kw-zpat", Some(p), [cx, cy, rx, ry]);
    }
    let g = with_attrs(
        html! { <g>{ raw_svg(&mut h) }</g> },
        &["class", "role", "data-a", "data-v", "tabindex", "aria-label", "aria-pressed", "aria-disabled", "aria-describedby"],
        &[
            Some(AttrValue::Static(class)),
            Some(AttrValue::Static("button")),
            Some(AttrValue::Static(Action::Zone.code())),
            Some(AttrValue::Static(z.as_str())),
            Some(AttrValue::Static(if m.focus == z { "0" } else { "-1" })),
            Some(AttrValue::from(st.accessible_name(m.lang))),
            Some(AttrValue::Static(if sel { "true" } else { "false" })),
            disabled.then_some(AttrValue::Static("true")),
            disabled.then_some(AttrValue::Static("kw-arm-reason")),
        ],
    );
    items.push(g);
    // Outside the button, so its accessible name stays the full sentence.
    let cue = st.cue(m.lang);
    // A word ("Today") is set smaller than "5 d" to fit in the zone.
    h.m(if cue.len() > 4 { r#"<text class="kw-zcue kw-zcue-word" x=""# } else { r#"<text class="kw-zcue" x=""# });
    h.m(cx).m(r#"" y=""#).m(ty);
    h.m(r#"" text-anchor="middle" aria-hidden="true">"#).t(&cue).m("</text>");
    items.push(raw_svg(&mut h));
}

fn figure(m: &MapInput, view: View) -> Html {
    let lang = m.lang;
    let front = view == View::Front;
    let (caption, left_label, right_label) = match view {
        View::Front => (SitesUi::FrontView, SitesUi::SideRight, SitesUi::SideLeft),
        View::Back => (SitesUi::BackView, SitesUi::SideLeft, SitesUi::SideRight),
    };
    let mut h = Markup::default();
    h.m("<figcaption>").t(caption.tr(lang)).m("</figcaption>");
    let caption = raw(&mut h);
    if front {
        h.m(DEFS);
    }
    h.m(BODY).t(left_label.tr(lang)).m(r#"</text><text class="kw-side" x="186" y="16" text-anchor="end">"#);
    h.t(right_label.tr(lang)).m("</text>");
    h.m(if front { NAVEL } else { r#"<path class="kw-line" d="M100 182v40"/>"# });
    // The zones of this view (a loop, not an `html!` `for` over an iterator).
    let mut items = vec![raw_svg(&mut h)];
    for s in m.statuses {
        if s.zone.zone().view == view {
            zone(m, s, &mut items);
        }
    }
    let svg = yew::virtual_dom::VList::with_children(items, None);
    html! {
        <figure class="kw-fig">
            { caption }
            <svg viewBox="0 0 200 320" role="group">{ svg }</svg>
        </figure>
    }
}

/// The hints under the map (text only).
fn hints(h: &mut Markup, lang: Lang, arm_reason: bool) {
    h.m(r#"<p class="kw-hint" id="kw-map-hint">"#).t(SitesUi::MapHint.tr(lang)).m("</p>");
    if arm_reason {
        h.m(r#"<p class="kw-hint" id="kw-arm-reason">"#);
        h.t(crate::core::sites::rotation::DisabledReason::CaregiverOnly.text(lang)).m("</p>");
    }
}

/// The legend's list (text only), inside the key's `<details>`.
fn legend(h: &mut Markup, lang: Lang) {
    h.m(r#"<ul class="kw-key" aria-labelledby="kw-legend-title">"#);
    // Drawn like the map's zones (same classes, patterns and cues), so a
    // swatch and its zones look alike in every colour mode.
    let key: [(&str, Option<Tone>, &str, SitesUi); 7] = [
        ("kw-zone kw-tone-never", Some(Tone::Never), "", SitesUi::LegendNever),
        ("kw-zone kw-tone-recent", Some(Tone::Recent), "2 d", SitesUi::LegendRecent),
        ("kw-zone kw-tone-rested", Some(Tone::Rested), "9 d", SitesUi::LegendRested),
        ("kw-zone kw-tone-flagged", Some(Tone::Flagged), "!", SitesUi::LegendFlagged),
        ("kw-zone kw-tone-unavailable", Some(Tone::Unavailable), "–", SitesUi::LegendUnavailable),
        ("kw-zone kw-tone-never", None, "", SitesUi::LegendSuggested),
        ("kw-zone kw-sel", Some(Tone::Never), "", SitesUi::LegendSelected),
    ];
    const SWATCH: &str = r#"<li><svg class="kw-swatch" viewBox="0 0 28 28" aria-hidden="true">"#;
    const C9: [&str; 4] = ["14", "14", "9", "9"];
    for (class, tone, cue, text) in key {
        h.m(SWATCH).m(r#"<g class=""#).m(class).m(r#"">"#);
        if tone.is_none() {
            ellipse(h, "kw-zsug", None, ["14", "14", "12", "12"]);
        }
        ellipse(h, if tone == Some(Tone::Recent) { "kw-zshape kw-age1" } else { "kw-zshape" }, None, C9);
        if let Some(p) = tone.and_then(pattern) {
            ellipse(h, "kw-zpat", Some(p), C9);
        }
        h.m(r#"</g><text class="kw-zcue" x="14" y="18" text-anchor="middle">"#).m(cue);
        h.m("</text></svg>").t(text.tr(lang)).m("</li>");
    }
    h.m(SWATCH).m(r#"<circle class="kw-navel-zone" fill="url(#kw-hatch)" cx="14" cy="14" r="10"/>"#);
    h.m(r#"<circle class="kw-navel" cx="14" cy="14" r="2"/></svg>"#).t(SitesUi::LegendNavel.tr(lang)).m("</li></ul>");
}

pub fn body_map(m: &MapInput, onkeydown: Callback<KeyboardEvent>) -> Html {
    let lang = m.lang;
    let mut h = Markup::default();
    hints(&mut h, lang, m.arm_reason);
    let hints = raw(&mut h);
    legend(&mut h, lang);
    // The key folds away (closed on narrow screens): a native disclosure,
    // so keyboard and screen readers get it for free.
    html! {
        <div class="kw-mapcol">
            <div class="kw-map" role="group" aria-label={SitesUi::MapLabel.tr(lang)}
                aria-describedby="kw-map-hint" {onkeydown}>
                { figure(m, View::Front) }
                { figure(m, View::Back) }
            </div>
            { hints }
            <details class="kw-keybox" open={m.key_open}>
                <summary id="kw-legend-title">{ SitesUi::LegendTitle.tr(lang) }</summary>
                { raw(&mut h) }
            </details>
        </div>
    }
}
