//! The body map: two SVG figures (front and back) drawn for this project,
//! one focusable button per zone, and the legend.
//!
//! viewBox 200 × 320 per figure; the stylesheet never lets a figure get
//! narrower than 200 CSS px, so every zone (at least 46 × 46 units) is at
//! least 46 × 46 CSS px.

use yew::prelude::*;

use crate::shell::components::{classed, with_attrs};

use crate::core::i18n::{Lang, Translate};
use crate::core::sites::rotation::{Tone, ZoneStatus};
use crate::core::sites::text::SitesUi;
use crate::core::sites::{View, ZoneId};

/// Each zone's ellipse, in [`ZoneId::ALL`] order, as ready-made attribute
/// strings (no number formatting at run time): cx, cy, rx, ry, focus-ring
/// rx/ry (+7), suggestion-ring rx/ry (+3), baseline of the day count (cy+6).
/// Front view: the person's right is on the viewer's left; back view: the
/// other way round.
const GEOMETRY: [[&str; 9]; 8] = [
    ["77", "250", "23", "30", "30", "37", "26", "33", "256"], // thigh-right
    ["123", "250", "23", "30", "30", "37", "26", "33", "256"], // thigh-left
    ["76", "160", "23", "23", "30", "30", "26", "26", "166"], // abdomen-right
    ["124", "160", "23", "23", "30", "30", "26", "26", "166"], // abdomen-left
    ["126", "197", "24", "23", "31", "30", "27", "26", "203"], // buttock-right
    ["74", "197", "24", "23", "31", "30", "27", "26", "203"], // buttock-left
    ["164", "104", "24", "30", "31", "37", "27", "33", "110"], // arm-right
    ["36", "104", "24", "30", "31", "37", "27", "33", "110"], // arm-left
];

/// The silhouette (same outline for both views).
const BODY: &str = concat!(
    "M80 30a20 20 0 1 0 40 0a20 20 0 1 0-40 0zM92 46h16v14h-16z",
    "M74 58h52a22 22 0 0 1 22 22v92a22 22 0 0 1-22 22h-52a22 22 0 0 1-22-22v-92a22 22 0 0 1 22-22z",
    "M36 64a14 14 0 0 1 14 14v92a14 14 0 0 1-28 0v-92a14 14 0 0 1 14-14z",
    "M164 64a14 14 0 0 1 14 14v92a14 14 0 0 1-28 0v-92a14 14 0 0 1 14-14z",
    "M72 176h10a16 16 0 0 1 16 16v106a16 16 0 0 1-16 16h-10a16 16 0 0 1-16-16v-106a16 16 0 0 1 16-16z",
    "M118 176h10a16 16 0 0 1 16 16v106a16 16 0 0 1-16 16h-10a16 16 0 0 1-16-16v-106a16 16 0 0 1 16-16z",
);

pub struct MapInput<'a> {
    pub lang: Lang,
    pub statuses: &'a [ZoneStatus],
    pub selected: Option<ZoneId>,
    pub suggested: Option<ZoneId>,
    pub focus: ZoneId,
    pub arm_reason: bool,
}

fn zone(m: &MapInput, st: &ZoneStatus) -> Html {
    let z = st.zone;
    let [cx, cy, rx, ry, rrx, rry, srx, sry, ty] = GEOMETRY[z as usize];
    let tone = st.tone();
    let sel = m.selected == Some(z);
    let pattern = match tone {
        Tone::Flagged => Some("url(#kw-hatch)"),
        Tone::Unavailable => Some("url(#kw-dots)"),
        _ => None,
    };
    // Literal classes (no `classes!`): docs/SIZE.md rule 3.
    let class = match tone {
        Tone::Never => ["kw-zone kw-tone-never", "kw-zone kw-tone-never kw-sel"],
        Tone::Recent => ["kw-zone kw-tone-recent", "kw-zone kw-tone-recent kw-sel"],
        Tone::Rested => ["kw-zone kw-tone-rested", "kw-zone kw-tone-rested kw-sel"],
        Tone::Flagged => ["kw-zone kw-tone-flagged", "kw-zone kw-tone-flagged kw-sel"],
        Tone::Unavailable => ["kw-zone kw-tone-unavailable", "kw-zone kw-tone-unavailable kw-sel"],
    }[usize::from(sel)];
    let disabled = st.disabled.is_some();
    let g = html! {
        <g>
            <ellipse class="kw-zring" {cx} {cy} rx={rrx} ry={rry} />
            if m.suggested == Some(z) {
                <ellipse class="kw-zsug" {cx} {cy} rx={srx} ry={sry} />
            }
            <ellipse class="kw-zshape" {cx} {cy} {rx} {ry} />
            if let Some(p) = pattern {
                <ellipse class="kw-zpat" fill={p} {cx} {cy} {rx} {ry} />
            }
        </g>
    };
    let g = with_attrs(
        g,
        &["class", "role", "data-a", "data-v", "tabindex", "aria-label", "aria-pressed", "aria-disabled", "aria-describedby"],
        &[
            Some(AttrValue::Static(class)),
            Some(AttrValue::Static("button")),
            Some(AttrValue::Static("zone")),
            Some(AttrValue::Static(z.as_str())),
            Some(AttrValue::Static(if m.focus == z { "0" } else { "-1" })),
            Some(AttrValue::from(st.accessible_name(m.lang))),
            Some(AttrValue::Static(if sel { "true" } else { "false" })),
            disabled.then_some(AttrValue::Static("true")),
            disabled.then_some(AttrValue::Static("kw-arm-reason")),
        ],
    );
    html! {
        <>
        { g }
        // Outside the button, so its accessible name stays the full sentence.
        <text class="kw-zcue" x={cx} y={ty} text-anchor="middle" aria-hidden="true">
            { st.cue() }
        </text>
        </>
    }
}

/// The zones of one view (a loop, not an `html!` `for` over an iterator).
fn zones(m: &MapInput, view: View) -> Html {
    let mut items = Vec::with_capacity(m.statuses.len());
    for s in m.statuses {
        if s.zone.zone().view == view {
            items.push(zone(m, s));
        }
    }
    yew::virtual_dom::VList::with_children(items, None).into()
}

fn figure(m: &MapInput, view: View) -> Html {
    let lang = m.lang;
    let (caption, left_label, right_label) = match view {
        View::Front => (SitesUi::FrontView, SitesUi::SideRight, SitesUi::SideLeft),
        View::Back => (SitesUi::BackView, SitesUi::SideLeft, SitesUi::SideRight),
    };
    html! {
        <figure class="kw-fig">
            <figcaption>{ caption.tr(lang) }</figcaption>
            <svg viewBox="0 0 200 320" role="group">
                if view == View::Front {
                    <defs>
                        <pattern id="kw-hatch" width="8" height="8" patternUnits="userSpaceOnUse"
                            patternTransform="rotate(45)">
                            <line class="kw-pline" x1="0" y1="0" x2="0" y2="8" />
                        </pattern>
                        <pattern id="kw-dots" width="7" height="7" patternUnits="userSpaceOnUse">
                            <circle class="kw-pdot" cx="3.5" cy="3.5" r="1.4" />
                        </pattern>
                    </defs>
                }
                <path class="kw-body" d={BODY} />
                <text class="kw-side" x="14" y="16">{ left_label.tr(lang) }</text>
                <text class="kw-side" x="186" y="16" text-anchor="end">{ right_label.tr(lang) }</text>
                if view == View::Front {
                    // The belly button and the 2-inch (5 cm) circle around it: no injection.
                    <circle class="kw-navel-zone" fill="url(#kw-hatch)" cx="100" cy="124" r="16" />
                    <circle class="kw-navel" cx="100" cy="124" r="2.5" />
                } else {
                    <path class="kw-line" d="M100 182v40" />
                }
                { zones(m, view) }
            </svg>
        </figure>
    }
}

fn swatch(class: &'static str, pattern: Option<&'static str>, ring: bool) -> Html {
    html! {
        <svg class="kw-swatch" viewBox="0 0 28 28" aria-hidden="true">
            { classed(class, html! {
                <g>
                    if ring { <ellipse class="kw-zsug" cx="14" cy="14" rx="12" ry="12" /> }
                    <ellipse class="kw-zshape" cx="14" cy="14" rx="9" ry="9" />
                    if let Some(p) = pattern { <ellipse class="kw-zpat" fill={p} cx="14" cy="14" rx="9" ry="9" /> }
                </g>
            }) }
        </svg>
    }
}

pub fn body_map(m: &MapInput, onkeydown: Callback<KeyboardEvent>) -> Html {
    let lang = m.lang;
    let legend: [(&'static str, Option<&'static str>, bool, SitesUi); 7] = [
        ("kw-zone kw-tone-never", None, false, SitesUi::LegendNever),
        ("kw-zone kw-tone-recent", None, false, SitesUi::LegendRecent),
        ("kw-zone kw-tone-rested", None, false, SitesUi::LegendRested),
        ("kw-zone kw-tone-flagged", Some("url(#kw-hatch)"), false, SitesUi::LegendFlagged),
        ("kw-zone kw-tone-unavailable", Some("url(#kw-dots)"), false, SitesUi::LegendUnavailable),
        ("kw-zone kw-tone-never", None, true, SitesUi::LegendSuggested),
        ("kw-zone kw-sel", None, false, SitesUi::LegendSelected),
    ];
    html! {
        <div class="kw-mapcol">
            <div class="kw-map" role="group" aria-label={SitesUi::MapLabel.tr(lang)}
                aria-describedby="kw-map-hint" {onkeydown}>
                { figure(m, View::Front) }
                { figure(m, View::Back) }
            </div>
            <p class="kw-hint" id="kw-map-hint">{ SitesUi::MapHint.tr(lang) }</p>
            if m.arm_reason {
                <p class="kw-hint" id="kw-arm-reason">
                    { crate::core::sites::rotation::DisabledReason::CaregiverOnly.text(lang) }
                </p>
            }
            <h4 id="kw-legend-title">{ SitesUi::LegendTitle.tr(lang) }</h4>
            <ul class="kw-key" aria-labelledby="kw-legend-title">
                { for legend.iter().map(|(class, pattern, ring, text)| html! {
                    <li>{ swatch(class, *pattern, *ring) }{ text.tr(lang) }</li>
                }) }
                <li>
                    <svg class="kw-swatch" viewBox="0 0 28 28" aria-hidden="true">
                        <circle class="kw-navel-zone" fill="url(#kw-hatch)" cx="14" cy="14" r="10" />
                        <circle class="kw-navel" cx="14" cy="14" r="2" />
                    </svg>
                    { SitesUi::LegendNavel.tr(lang) }
                </li>
            </ul>
        </div>
    }
}
