//! The syringe picture, as pure markup (`Markup`): one picture per syringe of
//! an administration. Each picture marks the target (the dose to keep: the
//! plunger is pushed to this mark) and shades what to push out before
//! injecting (PREP-PARTIAL), on the 100 mg / 0.67 mL prefilled syringe
//! (PROD-SYR), labelled every 0.1 mL in the language's decimal separator,
//! with the mg first (PROD-GRAD). Integer coordinates: no float formatting in
//! the bundle.
//!
//! Used by the calculator's result card (every syringe of the plan) and by
//! the checklist's partial-dose step (the syringe that is prepared).

use super::rules::SYRINGE_MG;
use super::{volume_hundredths, DosePlan};
use crate::core::facts::Fact;
use crate::core::format::{fmt_mg, fmt_ml, fmt_number};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::markup::Markup;
use crate::messages;

/// The facts the picture applies: the partial dose prepared before
/// injecting, the syringe's content, mg first.
pub const FACTS: [Fact; 3] = [Fact::PrepPartial, Fact::ProdSyr, Fact::ProdGrad];

/// Tenths of a mg in one syringe (100 mg).
const FULL_TENTHS: u32 = SYRINGE_MG * 10;
/// Hundredths of a mL in one syringe (0.67 mL).
const FULL_HUNDREDTHS: i32 = 67;

// Geometry (viewBox units). The needle points right; the volume left in the
// syringe is read from the needle end (0 mL) towards the plunger (0.67 mL).
/// Barrel start (where the plunger's stopper sits in a full syringe).
const X: i32 = 36;
/// Barrel width: 0.67 mL.
const W: i32 = 240;
/// Barrel end (the needle's side: 0 mL).
const END: i32 = X + W;
/// Text size in viewBox units: the picture is never drawn narrower than its
/// viewBox (CSS min-width), so labels are at least 14 px (≥ 12 px).
pub const FONT_SIZE: i32 = 14;
/// Narrowest push-out area that still holds its "push out" word.
const PUSH_WORD_MIN_W: i32 = 64;

messages! {
    /// The picture's texts.
    pub enum SyringeMsg {
        Keep => [
            "Syringe {n}: keep {keep} ({keepMl}), push out {push} ({pushMl})",
            "Jeringa {n}: conserve {keep} ({keepMl}), expulse {push} ({pushMl})",
        ],
        Whole => [
            "Syringe {n}: inject all {keep} ({keepMl}), nothing to push out",
            "Jeringa {n}: inyecte los {keep} ({keepMl}) enteros, no hay que expulsar nada",
        ],
        PushOut => ["push out", "expulsar"],
    }
}

/// x of the mark for `hundredths` of a mL left in the syringe.
fn x_of_ml(hundredths: i32) -> i32 {
    END - (hundredths * W * 2 + FULL_HUNDREDTHS) / (FULL_HUNDREDTHS * 2)
}

/// Width of the part kept (`keep_tenths` of a mg, clamped to one syringe),
/// drawn in proportion to the mg (0.0067 mL per mg: the same proportion).
pub fn keep_width(keep_tenths: u32) -> i32 {
    let k = keep_tenths.min(FULL_TENTHS) as i32;
    (k * W * 2 + FULL_TENTHS as i32) / (FULL_TENTHS as i32 * 2)
}

/// Width of the part pushed out: the rest of the barrel.
pub fn push_width(keep_tenths: u32) -> i32 {
    W - keep_width(keep_tenths)
}

/// The accessible name, e.g. "Syringe 2: keep 66 mg (0.44 mL), push out
/// 34 mg (0.23 mL)" (mg first, then mL; the mL rounded as the calculator
/// rounds them).
pub fn label(n: u32, keep_tenths: u32, lang: Lang) -> String {
    let keep = keep_tenths.min(FULL_TENTHS);
    let push = FULL_TENTHS - keep;
    let mg = |t: u32| fmt_mg(f64::from(t) / 10.0, lang);
    let ml = |t: u32| fmt_ml(f64::from(volume_hundredths(t)) / 100.0, lang);
    let msg = if push == 0 { SyringeMsg::Whole } else { SyringeMsg::Keep };
    fill(
        msg.tr(lang),
        &[("n", &n.to_string()), ("keep", &mg(keep)), ("keepMl", &ml(keep)), ("push", &mg(push)), ("pushMl", &ml(push))],
    )
}

/// Appends a number attribute value.
fn num(h: &mut Markup, v: i32) -> &mut Markup {
    h.n(i64::from(v))
}

/// Draws syringe `n` (1-based) prepared to keep `keep_tenths` tenths of a mg.
pub fn picture(h: &mut Markup, n: u32, keep_tenths: u32, lang: Lang) {
    let keep = keep_tenths.min(FULL_TENTHS);
    let kw = keep_width(keep);
    let target = END - kw;
    h.m(r#"<svg class="kw-syringe" viewBox="0 0 316 84" role="img" focusable="false" aria-label=""#).t(&label(n, keep, lang));
    h.m(r#""><rect class="kw-syringe-plunger" x="2" y="32" height="12" width=""#);
    num(h, X - 2).m(r#""/>"#);
    // What is pushed out before injecting: shaded and outlined (not colour alone).
    if target > X {
        h.m(r#"<rect class="kw-syringe-push" y="24" height="28" x=""#);
        num(h, X).m(r#"" width=""#);
        num(h, target - X).m(r#""/>"#);
        if target - X >= PUSH_WORD_MIN_W {
            h.m(r#"<text class="kw-syringe-word" y="43" text-anchor="middle" font-size=""#);
            num(h, FONT_SIZE).m(r#"" x=""#);
            num(h, (X + target) / 2).m(r#"">"#).t(SyringeMsg::PushOut.tr(lang)).m("</text>");
        }
    }
    // The dose to keep.
    h.m(r#"<rect class="kw-syringe-fill" y="24" height="28" x=""#);
    num(h, target).m(r#"" width=""#);
    num(h, kw).m(r#""/><rect class="kw-syringe-barrel" y="24" height="28" rx="3" x=""#);
    num(h, X).m(r#"" width=""#);
    num(h, W).m(r#""/>"#);
    // Graduations every 0.1 mL, each labelled, and the unit.
    for tenth in 1..=6 {
        let x = x_of_ml(tenth * 10);
        h.m(r#"<line class="kw-syringe-tick" y1="52" y2="60" x1=""#);
        num(h, x).m(r#"" x2=""#);
        num(h, x).m(r#""/><text class="kw-syringe-scale" y="76" text-anchor="middle" font-size=""#);
        num(h, FONT_SIZE).m(r#"" x=""#);
        num(h, x).m(r#"">"#).t(&fmt_number(f64::from(tenth) / 10.0, 1, lang)).m("</text>");
    }
    h.m(r#"<text class="kw-syringe-scale" y="76" font-size=""#);
    num(h, FONT_SIZE).m(r#"" x=""#);
    num(h, END + 8).m(r#"">mL</text>"#);
    // The target: where the plunger stops, labelled with the mg to keep.
    h.m(r#"<line class="kw-syringe-target" y1="18" y2="58" x1=""#);
    num(h, target).m(r#"" x2=""#);
    num(h, target).m(r#""/><text class="kw-syringe-mark" y="14" text-anchor="middle" font-size=""#);
    num(h, FONT_SIZE).m(r#"" x=""#);
    num(h, target.clamp(X + 24, END)).m(r#"">"#).t(&fmt_mg(f64::from(keep) / 10.0, lang)).m("</text>");
    h.m(r#"<rect class="kw-syringe-hub" y="33" width="12" height="10" x=""#);
    num(h, END).m(r#""/><line class="kw-syringe-needle" y1="38" y2="38" x1=""#);
    num(h, END + 12).m(r#"" x2="314"/></svg>"#);
}

/// One picture per syringe of one administration of `plan` (the calculator's
/// result card): whole syringes first, then the last one's amount.
pub fn plan_pictures(h: &mut Markup, plan: &DosePlan, lang: Lang) {
    open_row(h, lang);
    for (i, s) in plan.syringes.iter().enumerate() {
        picture(h, i as u32 + 1, (s.dose.value() * 10.0).round() as u32, lang);
    }
    h.m("</div>");
}

/// The row the pictures sit in. It scrolls sideways on a narrow screen (the
/// pictures never shrink below readable labels), so it is focusable and
/// named for keyboard users (WCAG 2.1.1). Close it with `</div>`.
pub fn open_row(h: &mut Markup, lang: Lang) {
    h.m(r#"<div class="kw-syringes" role="group" tabindex="0" aria-label=""#);
    h.t(super::labels::CalcUi::SyringePictures.tr(lang)).m(r#"">"#);
}

/// The syringe prepared in the checklist's partial-dose step: the last of
/// `syringes`, with `discard_mg` to push out (PREP-PARTIAL). Nothing when the
/// dose uses whole syringes or the amount is unknown.
pub fn partial_picture(h: &mut Markup, syringes: u32, discard_mg: Option<f64>, lang: Lang) {
    let Some(push) = discard_mg.filter(|d| d.is_finite() && *d > 0.0 && *d < f64::from(SYRINGE_MG)) else { return };
    let push_tenths = (push * 10.0).round() as u32;
    picture(h, syringes.max(1), FULL_TENTHS.saturating_sub(push_tenths), lang);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(n: u32, keep_tenths: u32, lang: Lang) -> String {
        let mut h = Markup::default();
        picture(&mut h, n, keep_tenths, lang);
        h.take()
    }

    /// The value of attribute `name` of the first element with `class`.
    fn attr(markup: &str, class: &str, name: &str) -> Option<i32> {
        let at = markup.find(&format!(r#"class="{class}""#))?;
        let tag = &markup[at..at + markup[at..].find('>')?];
        let v = tag.split(&format!(r#" {name}=""#)).nth(1)?;
        v[..v.find('"')?].parse().ok()
    }

    /// The texts of the elements with `class`, in order.
    fn texts(markup: &str, class: &str) -> Vec<String> {
        markup
            .split(&format!(r#"class="{class}""#))
            .skip(1)
            .filter_map(|s| Some(s[s.find('>')? + 1..s.find("</text>")?].to_string()))
            .collect()
    }

    #[test]
    fn a_partial_dose_names_the_dose_to_keep_and_the_amount_to_push_out() {
        // PREP-PARTIAL, PROD-SYR: 66 mg from one syringe: keep 66 mg (0.44 mL),
        // push out 34 mg (0.23 mL); mg first (PROD-GRAD).
        assert_eq!(label(2, 660, Lang::En), "Syringe 2: keep 66 mg (0.44 mL), push out 34 mg (0.23 mL)");
        assert_eq!(label(1, 660, Lang::Es), "Jeringa 1: conserve 66 mg (0,44 mL), expulse 34 mg (0,23 mL)");
        assert_eq!(label(1, 1000, Lang::En), "Syringe 1: inject all 100 mg (0.67 mL), nothing to push out");
        assert_eq!(label(2, 249, Lang::En), "Syringe 2: keep 24.9 mg (0.17 mL), push out 75.1 mg (0.5 mL)");
        let m = svg(2, 660, Lang::En);
        assert!(m.contains(r#"role="img""#) && m.contains(r#"aria-label="Syringe 2: keep 66 mg (0.44 mL), push out 34 mg (0.23 mL)""#));
        assert_eq!(texts(&m, "kw-syringe-mark"), vec!["66 mg"]);
        assert_eq!(texts(&m, "kw-syringe-word"), vec!["push out"]);
        assert_eq!(FACTS, [Fact::PrepPartial, Fact::ProdSyr, Fact::ProdGrad]);
    }

    #[test]
    fn labelled_every_tenth_of_a_ml_in_the_language_separator_at_a_readable_size() {
        // PROD-SYR: 0.67 mL; a mark and a label every 0.1 mL.
        let en = svg(1, 660, Lang::En);
        assert_eq!(texts(&en, "kw-syringe-scale"), vec!["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "mL"]);
        assert_eq!(en.matches(r#"class="kw-syringe-tick""#).count(), 6);
        let es = svg(1, 660, Lang::Es);
        assert_eq!(texts(&es, "kw-syringe-scale"), vec!["0,1", "0,2", "0,3", "0,4", "0,5", "0,6", "mL"]);
        assert_eq!(texts(&es, "kw-syringe-word"), vec!["expulsar"]);
        assert!(!es.contains(">0.") && !es.contains("0.44"));
        // Every text is drawn at FONT_SIZE ≥ 12 viewBox units (the CSS keeps
        // the picture at least as wide as its viewBox: 1 unit ≥ 1 px).
        const { assert!(FONT_SIZE >= 12) };
        for size in en.split(r#"font-size=""#).skip(1).map(|s| s[..s.find('"').unwrap()].parse::<i32>().unwrap()) {
            assert!(size >= 12, "{size}");
        }
        // The marks are 0.1 mL apart (W units per 0.67 mL), 0.1 mL nearest the needle.
        let ticks: Vec<i32> = en
            .split(r#"class="kw-syringe-tick""#)
            .skip(1)
            .map(|s| s.split(r#"x1=""#).nth(1).unwrap().split('"').next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(ticks.len(), 6);
        for w in ticks.windows(2) {
            assert!((w[0] - w[1] - W * 10 / 67).abs() <= 1, "{ticks:?}");
        }
        assert_eq!(END - ticks[0], (W * 10 + 33) / 67);
    }

    #[test]
    fn the_shading_is_in_proportion_to_what_is_kept_and_pushed_out() {
        // PREP-PARTIAL: the kept part ends at the target mark, the pushed-out
        // part fills the rest of the barrel, in proportion to the mg.
        for keep in [0u32, 5, 200, 249, 500, 600, 660, 999, 1000, 1500] {
            let m = svg(1, keep, Lang::En);
            let k = keep.min(1000);
            let fill_w = attr(&m, "kw-syringe-fill", "width").unwrap();
            let fill_x = attr(&m, "kw-syringe-fill", "x").unwrap();
            assert_eq!(fill_x + fill_w, END, "the kept part reaches the needle end");
            let expected = f64::from(k) / 1000.0 * f64::from(W);
            assert!((f64::from(fill_w) - expected).abs() <= 0.5, "{keep}: {fill_w} vs {expected}");
            let target = attr(&m, "kw-syringe-target", "x1").unwrap();
            assert_eq!(target, fill_x, "the target mark is where the kept part starts");
            match attr(&m, "kw-syringe-push", "width") {
                Some(pw) => {
                    assert_eq!(attr(&m, "kw-syringe-push", "x"), Some(X));
                    assert_eq!(pw + fill_w, W);
                    assert_eq!(pw, push_width(k));
                    assert!(pw > 0 && k < 1000);
                }
                // Only a whole syringe (or one within 0.2 mg of it) has nothing drawn to push out.
                None => assert!(push_width(k) == 0 && k >= 998, "{keep}"),
            }
        }
        // 66 mg: about two thirds kept, one third pushed out.
        assert_eq!((keep_width(660), push_width(660)), (158, 82));
        // The 0.44 mL mark (66 mg) is where the target is, within a unit.
        assert!((x_of_ml(44) - (END - keep_width(660))).abs() <= 1);
    }

    #[test]
    fn one_picture_per_syringe_and_only_the_prepared_one_in_the_checklist() {
        use crate::core::units::{Milligrams, Millilitres};
        let mut plan_syringes = Vec::new();
        for t in [1000u32, 600] {
            plan_syringes.push(super::super::SyringeDraw {
                dose: Milligrams::from_tenths(t),
                volume: Millilitres::from_hundredths(volume_hundredths(t)),
            });
        }
        let mut h = Markup::default();
        for (i, s) in plan_syringes.iter().enumerate() {
            picture(&mut h, i as u32 + 1, (s.dose.value() * 10.0).round() as u32, Lang::En);
        }
        assert_eq!(h.as_str().matches("<svg").count(), 2);
        assert!(h.as_str().contains("Syringe 1: inject all 100 mg (0.67 mL), nothing to push out"));
        assert!(h.as_str().contains("Syringe 2: keep 60 mg (0.4 mL), push out 40 mg (0.27 mL)"));
        // The checklist: the last syringe only, when part of it is pushed out.
        let mut h = Markup::default();
        partial_picture(&mut h, 2, Some(40.0), Lang::En);
        assert_eq!(h.as_str().matches("<svg").count(), 1);
        assert!(h.as_str().contains("Syringe 2: keep 60 mg (0.4 mL), push out 40 mg (0.27 mL)"));
        for none in [None, Some(0.0), Some(100.0), Some(f64::NAN), Some(-3.0)] {
            let mut h = Markup::default();
            partial_picture(&mut h, 1, none, Lang::En);
            assert!(h.as_str().is_empty(), "{none:?}");
        }
    }

    #[test]
    fn every_text_has_both_languages_and_the_same_placeholders() {
        for m in SyringeMsg::ALL {
            let [en, es] = m.texts();
            assert_ne!(en, es);
            assert_eq!(crate::core::i18n::placeholders(en), crate::core::i18n::placeholders(es), "{m:?}");
        }
    }
}
