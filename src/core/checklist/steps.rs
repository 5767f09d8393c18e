//! The preparation steps, as data: order, text and the facts each applies.
//! The texts follow the dose plan (PREP-COUNT: "2 prefilled syringes", never
//! "one syringe" for a dose that needs two; PREP-PARTIAL: the amount to keep
//! and to push out of the last syringe).


use crate::core::facts::join_sources;
use super::timer::WARM_UP_MINUTES;
use crate::core::dose::rules::{ML_PER_MG, SYRINGE_MG};
use crate::core::facts::Fact;
use crate::core::format::{fmt_mg, fmt_ml};
use crate::core::i18n::{fill, Lang, Translate};
use crate::messages;

/// One step of the per-dose checklist, in the order it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    ExpiryChecked,
    OutOfFridge,
    LaidFlat,
    Inspected,
    HandsWashed,
    SiteChosen,
    /// Only for a dose that does not use the whole (last) syringe
    /// (PREP-PARTIAL): the excess is pushed out BEFORE injecting.
    PartialPrepared,
    Injected,
    SharpsDisposed,
    RemainderDiscarded,
}

crate::wire_enum!(Step {
    ExpiryChecked => "expiryChecked",
    OutOfFridge => "outOfFridge",
    LaidFlat => "laidFlat",
    Inspected => "inspected",
    HandsWashed => "handsWashed",
    SiteChosen => "siteChosen",
    PartialPrepared => "partialPrepared",
    Injected => "injected",
    SharpsDisposed => "sharpsDisposed",
    RemainderDiscarded => "remainderDiscarded",
});

/// `(step, facts)`: the audit trail of every step; the user sees the facts'
/// sources for the region.
const TABLE: [(Step, &[Fact]); 10] = [
    (Step::ExpiryChecked, &[Fact::StoreExpiry]),
    (Step::OutOfFridge, &[Fact::StoreFridge, Fact::PrepCount]),
    (Step::LaidFlat, &[Fact::PrepWarm]),
    (Step::Inspected, &[Fact::PrepInspect, Fact::ProdLook, Fact::StoreFoam]),
    (Step::HandsWashed, &[Fact::PrepHands]),
    (Step::SiteChosen, &[Fact::SiteRotate]),
    (Step::PartialPrepared, &[Fact::PrepPartial, Fact::ProdSyr]),
    (Step::Injected, &[Fact::ProdRoute]),
    (Step::SharpsDisposed, &[Fact::PrepSharps]),
    (Step::RemainderDiscarded, &[Fact::ProdSingle]),
];

/// What the steps need to know of the dose (from the calculator's last dose,
/// PREP-COUNT, PREP-PARTIAL).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct PrepPlan {
    /// Syringes for one administration (0 or 1: one).
    pub syringes: u32,
    /// mg of the last syringe to push out / throw away; `None` unknown.
    pub discard_mg: Option<f64>,
}

impl PrepPlan {
    fn many(self) -> bool {
        self.syringes > 1
    }

    /// The partial-dose step applies: the (last) syringe is not used whole.
    pub fn partial(self) -> bool {
        self.discard_mg.is_some_and(|d| d.is_finite() && d > 0.0 && d < f64::from(SYRINGE_MG))
    }
}

/// mL of `mg` from the prefilled syringe (PROD-SYR: D mg × 0.0067 mL),
/// rounded half up to 0.01 mL on 0.1 mg, as the calculator does.
pub fn ml_of(mg: f64) -> f64 {
    let tenths = (mg.max(0.0) * 10.0).round() as u64;
    let per_1000_tenths = (ML_PER_MG * 100.0 * 100.0).round() as u64; // 67 hundredths of a mL per 100 mg
    let hundredths = (tenths * per_1000_tenths * 2 + 1000) / 2000;
    hundredths as f64 / 100.0
}

/// The note under "remainder discarded" (PROD-SINGLE): what is left in the
/// (last) syringe, mg first then mL; `None` when the amount is unknown.
pub fn discard_note(plan: PrepPlan, lang: Lang) -> Option<String> {
    use super::text::ChecklistMsg;
    let mg = plan.discard_mg.filter(|m| m.is_finite() && *m >= 0.0)?;
    if mg <= 0.0 {
        return Some(ChecklistMsg::DiscardNone.tr(lang).to_string());
    }
    let msg = if plan.many() { ChecklistMsg::DiscardMgLast } else { ChecklistMsg::DiscardMg };
    Some(fill(msg.tr(lang), &[("mg", &fmt_mg(mg, lang)), ("ml", &fmt_ml(ml_of(mg), lang))]))
}

messages! {
    /// Step texts that depend on the plan.
    pub enum StepMsg {
        OutOfFridgeMany => [
            "{n} prefilled syringes taken out of the refrigerator (your dose needs {n})",
            "{n} jeringas precargadas sacadas del refrigerador (nevera) (su dosis necesita {n})",
        ],
        LaidFlatMany => [
            "All {n} syringes laid flat at room temperature for {min} minutes",
            "Las {n} jeringas colocadas en posición horizontal a temperatura ambiente durante {min} minutos",
        ],
        InspectedMany => ["Liquid in each syringe inspected", "Líquido de cada jeringa revisado"],
        DiscardMany => [
            "Any medicine left in the syringes thrown away (never kept for later)",
            "Medicamento sobrante de las jeringas desechado (nunca se guarda para después)",
        ],
        InjectedMany => [
            "All {n} syringes injected under the skin (subcutaneous)",
            "Las {n} jeringas inyectadas debajo de la piel (subcutánea)",
        ],
        SharpsMany => [
            "Needles and syringes put in a sharps container (never the household trash)",
            "Agujas y jeringas en un contenedor para objetos punzocortantes (nunca en la basura de la casa)",
        ],
        Partial => [
            "Before injecting: keep {keep} ({keepMl}) and push out {push} ({pushMl}) until the plunger reaches the {keep} mark, then inject all that is left",
            "Antes de inyectar: conserve {keep} ({keepMl}) y expulse {push} ({pushMl}) hasta que el émbolo llegue a la marca de {keep}; luego inyecte todo lo que queda",
        ],
        PartialLast => [
            "Before injecting the last syringe: keep {keep} ({keepMl}) and push out {push} ({pushMl}) until the plunger reaches the {keep} mark, then inject all that is left (the other syringes are injected whole)",
            "Antes de inyectar la última jeringa: conserve {keep} ({keepMl}) y expulse {push} ({pushMl}) hasta que el émbolo llegue a la marca de {keep}; luego inyecte todo lo que queda (las demás jeringas se inyectan enteras)",
        ],
        PartialMethod => [
            "Your prescriber, nurse or pharmacist shows you the method.",
            "Su médico(a), enfermero(a) o farmacéutico(a) le enseña el método.",
        ],
        FoamHint => [
            "If it is foamy, let it rest a few minutes until it is clear. Do not shake it.",
            "Si tiene espuma, déjela reposar unos minutos hasta que esté transparente. No la agite.",
        ],
    }
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::ExpiryChecked,
        Step::OutOfFridge,
        Step::LaidFlat,
        Step::Inspected,
        Step::HandsWashed,
        Step::SiteChosen,
        Step::PartialPrepared,
        Step::Injected,
        Step::SharpsDisposed,
        Step::RemainderDiscarded,
    ];

    /// Position in [`Step::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The facts the step applies.
    pub fn facts(self) -> &'static [Fact] {
        TABLE[self.index()].1
    }

    /// Where the step comes from: its facts' sources, e.g. "US PI 16; EU PL 5"
    /// (both labels: the steps are the same in both regions).
    pub fn source(self) -> String {
        join_sources(self.facts(), None)
    }

    /// The label for a one-syringe dose with its numbers filled in.
    pub fn label(self, lang: Lang) -> String {
        self.label_for(lang, PrepPlan::default())
    }

    /// The label for `plan`: syringe counts (PREP-COUNT) and the partial dose
    /// (PREP-PARTIAL) filled in.
    pub fn label_for(self, lang: Lang, plan: PrepPlan) -> String {
        let n = plan.syringes.to_string();
        let min = WARM_UP_MINUTES.to_string();
        let many = plan.many();
        let text = match self {
            Step::OutOfFridge if many => StepMsg::OutOfFridgeMany.tr(lang),
            Step::LaidFlat if many => StepMsg::LaidFlatMany.tr(lang),
            Step::Inspected if many => StepMsg::InspectedMany.tr(lang),
            Step::Injected if many => StepMsg::InjectedMany.tr(lang),
            Step::SharpsDisposed if many => StepMsg::SharpsMany.tr(lang),
            Step::RemainderDiscarded if many => StepMsg::DiscardMany.tr(lang),
            Step::PartialPrepared => {
                let push = plan.discard_mg.unwrap_or(0.0);
                let keep = f64::from(SYRINGE_MG) - push;
                let t = if many { StepMsg::PartialLast } else { StepMsg::Partial };
                return fill(
                    t.tr(lang),
                    &[
                        ("keep", &fmt_mg(keep, lang)),
                        ("keepMl", &fmt_ml(ml_of(keep), lang)),
                        ("push", &fmt_mg(push, lang)),
                        ("pushMl", &fmt_ml(ml_of(push), lang)),
                    ],
                );
            }
            _ => self.tr(lang),
        };
        fill(text, &[("min", &min), ("n", &n)])
    }

    /// The hint shown under the step, if any (PREP-PARTIAL's method,
    /// STORE-FOAM under the inspection).
    pub fn hint(self, lang: Lang) -> Option<&'static str> {
        match self {
            Step::PartialPrepared => Some(StepMsg::PartialMethod.tr(lang)),
            Step::Inspected => Some(StepMsg::FoamHint.tr(lang)),
            _ => None,
        }
    }
}

impl Translate for Step {
    crate::text_slots!(Step);
    fn en(self) -> &'static str {
        match self {
            Step::ExpiryChecked => "Expiration date checked (never use it after the date on the carton or syringe)",
            Step::OutOfFridge => "One prefilled syringe taken out of the refrigerator",
            Step::LaidFlat => "Laid flat at room temperature for {min} minutes",
            Step::Inspected => "Liquid inspected",
            Step::HandsWashed => "Hands washed",
            Step::SiteChosen => "Injection site chosen (a different one from last time)",
            Step::PartialPrepared => "Dose prepared before injecting",
            Step::Injected => "Injected under the skin (subcutaneous)",
            Step::SharpsDisposed => "Needle and syringe put in a sharps container (never the household trash)",
            Step::RemainderDiscarded => "Any medicine left in the syringe thrown away (never kept for later)",
        }
    }

    fn es(self) -> &'static str {
        match self {
            Step::ExpiryChecked => "Fecha de caducidad comprobada (nunca la use después de la fecha de la caja o de la jeringa)",
            Step::OutOfFridge => "Una jeringa precargada sacada del refrigerador (nevera)",
            Step::LaidFlat => "Colocada en posición horizontal a temperatura ambiente durante {min} minutos",
            Step::Inspected => "Líquido revisado",
            Step::HandsWashed => "Manos lavadas",
            Step::SiteChosen => "Zona de inyección elegida (distinta de la última vez)",
            Step::PartialPrepared => "Dosis preparada antes de inyectar",
            Step::Injected => "Inyectada debajo de la piel (subcutánea)",
            Step::SharpsDisposed => "Aguja y jeringa en un contenedor para objetos punzocortantes (nunca en la basura de la casa)",
            Step::RemainderDiscarded => "Medicamento sobrante de la jeringa desechado (nunca se guarda para después)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_order_matches_enum_and_every_step_cites_its_fact() {
        for (i, s) in Step::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
            assert_eq!(TABLE[i].0, *s);
            assert!(!s.facts().is_empty());
            assert!(!s.source().is_empty());
            for lang in Lang::ALL {
                let l = s.label(lang);
                assert!(!l.is_empty() && !l.contains('{'), "{l}");
                let l = s.label_for(lang, PrepPlan { syringes: 2, discard_mg: Some(40.0) });
                assert!(!l.is_empty() && !l.contains('{'), "{l}");
            }
        }
        assert!(Step::LaidFlat.label(Lang::En).contains("30 minutes"));
        assert!(Step::LaidFlat.label(Lang::Es).contains("30 minutos"));
        // Each step cites its fact.
        assert_eq!(Step::ExpiryChecked.facts(), &[Fact::StoreExpiry]); // STORE-EXPIRY
        assert!(Step::OutOfFridge.facts().contains(&Fact::StoreFridge)); // STORE-FRIDGE
        assert_eq!(Step::LaidFlat.facts(), &[Fact::PrepWarm]); // PREP-WARM
        // PREP-INSPECT with PROD-LOOK (normal particles) and STORE-FOAM.
        assert_eq!(Step::Inspected.facts(), &[Fact::PrepInspect, Fact::ProdLook, Fact::StoreFoam]);
        assert!(Step::Inspected.hint(Lang::En).is_some_and(|h| h.contains("foamy") && h.contains("Do not shake")));
        assert_eq!(Step::SharpsDisposed.facts(), &[Fact::PrepSharps]); // PREP-SHARPS
        assert_eq!(Step::RemainderDiscarded.facts(), &[Fact::ProdSingle]); // PROD-SINGLE
        assert_eq!(Step::Injected.facts(), &[Fact::ProdRoute]);
        assert_eq!(Step::SiteChosen.facts(), &[Fact::SiteRotate]);
    }

    #[test]
    fn hand_washing_cites_the_ifu_and_the_leaflet() {
        // PREP-HANDS: "US IFU; EU PL" (it cited "general practice").
        assert_eq!(Step::HandsWashed.facts(), &[Fact::PrepHands]);
        assert_eq!(Step::HandsWashed.source(), "US IFU; EU PL");
        assert_eq!(Step::OutOfFridge.source(), "US PI 16; EU PL 5; US PI 2.2, seed");
    }

    #[test]
    fn syringe_counts_follow_the_plan() {
        // PREP-COUNT: a dose that needs 2 syringes never says "one syringe".
        let two = PrepPlan { syringes: 2, discard_mg: Some(40.0) };
        assert_eq!(Step::OutOfFridge.label_for(Lang::En, two), "2 prefilled syringes taken out of the refrigerator (your dose needs 2)");
        assert!(Step::OutOfFridge.label_for(Lang::Es, two).starts_with("2 jeringas precargadas"));
        assert!(Step::LaidFlat.label_for(Lang::En, two).starts_with("All 2 syringes laid flat"));
        assert!(Step::Injected.label_for(Lang::En, two).starts_with("All 2 syringes injected"));
        assert!(Step::Inspected.label_for(Lang::En, two).contains("each syringe"));
        for s in Step::ALL {
            let l = s.label_for(Lang::En, two).to_lowercase();
            assert!(!l.contains("one prefilled syringe") && !l.contains("one syringe"), "{l}");
        }
        let one = PrepPlan { syringes: 1, discard_mg: None };
        assert_eq!(Step::OutOfFridge.label_for(Lang::En, one), "One prefilled syringe taken out of the refrigerator");
        assert_eq!(Step::OutOfFridge.label_for(Lang::En, PrepPlan::default()), Step::OutOfFridge.label(Lang::En));
    }

    #[test]
    fn a_partial_dose_is_prepared_before_injecting_in_mg_and_ml() {
        // PREP-PARTIAL: 66 mg from one syringe: keep 66 mg (0.44 mL), push out
        // 34 mg (0.23 mL), before the injection step.
        let p = PrepPlan { syringes: 1, discard_mg: Some(34.0) };
        assert!(p.partial());
        let l = Step::PartialPrepared.label_for(Lang::En, p);
        assert_eq!(
            l,
            "Before injecting: keep 66 mg (0.44 mL) and push out 34 mg (0.23 mL) until the plunger reaches the 66 mg mark, then inject all that is left"
        );
        assert!(Step::PartialPrepared.label_for(Lang::Es, p).contains("conserve 66 mg (0,44 mL) y expulse 34 mg (0,23 mL)"));
        assert!(Step::PartialPrepared.hint(Lang::En).is_some_and(|h| h.contains("prescriber, nurse or pharmacist")));
        assert!(Step::PartialPrepared.index() < Step::Injected.index());
        assert!(Step::PartialPrepared.facts().contains(&Fact::PrepPartial));
        // Several syringes (160 mg = 100 + 60): only the last syringe's part.
        let p = PrepPlan { syringes: 2, discard_mg: Some(40.0) };
        let l = Step::PartialPrepared.label_for(Lang::En, p);
        assert!(l.starts_with("Before injecting the last syringe: keep 60 mg (0.4 mL) and push out 40 mg (0.27 mL)"), "{l}");
        // A whole syringe, or no dose known: no partial step.
        assert!(!PrepPlan { syringes: 1, discard_mg: Some(0.0) }.partial());
        assert!(!PrepPlan { syringes: 1, discard_mg: None }.partial());
        // mL as the calculator rounds them (PROD-SYR: D mg x 0.0067 mL).
        assert_eq!(ml_of(66.0), 0.44);
        assert_eq!(ml_of(34.0), 0.23);
        assert_eq!(ml_of(25.0), 0.17); // 0.1675 → 0.17 (half up)
        assert_eq!(ml_of(100.0), 0.67);
        assert_eq!(ml_of(12.5), 0.08);
    }

    #[test]
    fn the_discard_is_given_in_mg_and_ml() {
        // PROD-SINGLE: what is left is thrown away; mg first, then mL (PROD-SYR).
        let one = PrepPlan { syringes: 1, discard_mg: Some(34.0) };
        assert_eq!(discard_note(one, Lang::En).as_deref(), Some("Your dose does not use the whole syringe: throw away the 34 mg (0.23 mL) left in it."));
        assert_eq!(discard_note(one, Lang::Es).as_deref(), Some("Su dosis no usa toda la jeringa: deseche los 34 mg (0,23 mL) que quedan en ella."));
        let two = PrepPlan { syringes: 2, discard_mg: Some(40.0) };
        assert_eq!(discard_note(two, Lang::En).as_deref(), Some("Your dose does not use all of the last syringe: throw away the 40 mg (0.27 mL) left in it."));
        assert!(discard_note(PrepPlan { syringes: 1, discard_mg: Some(0.0) }, Lang::En).is_some_and(|t| t.contains("nothing is left")));
        assert_eq!(discard_note(PrepPlan { syringes: 1, discard_mg: None }, Lang::En), None);
        assert_eq!(Step::RemainderDiscarded.facts(), &[Fact::ProdSingle]);
    }
}
