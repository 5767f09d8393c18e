//! "Before starting" questions with sourced outcomes, the TNF-blocker name
//! search and the live-vaccine list. Not a substitute for a clinician.

use serde::{Deserialize, Serialize};

use crate::core::attrs::Region;
use crate::core::checklist::excursion::Severity;
use crate::core::facts::Fact;
use crate::messages;
use crate::core::i18n::{Lang, Translate};

messages! {
    /// The questions (answered yes / no), in the order shown.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub enum Question {
        Allergy => [
            "Have you ever had an allergic reaction to anakinra, to any ingredient of Kineret, or to proteins made in E. coli bacteria?",
            "¿Ha tenido alguna vez una reacción alérgica a anakinra, a algún componente de Kineret o a proteínas producidas en la bacteria E. coli?",
        ],
        Neutropenia => [
            "Has a blood test shown a low neutrophil count (neutropenia)?",
            "¿Un análisis de sangre ha mostrado un recuento de neutrófilos bajo (neutropenia)?",
        ],
        Infection => [
            "Do you have an infection now, an infection that lasts a long time or keeps coming back, or have you ever had tuberculosis (TB)?",
            "¿Tiene una infección ahora, una infección que dura mucho tiempo o que vuelve una y otra vez, o ha tenido alguna vez tuberculosis (TB)?",
        ],
        TnfBlocker => [
            "Do you take a TNF blocker, such as etanercept (Enbrel), adalimumab (Humira), infliximab (Remicade), certolizumab (Cimzia) or golimumab (Simponi), or a biosimilar of one?",
            "¿Usa un bloqueador del TNF, como etanercept (Enbrel), adalimumab (Humira), infliximab (Remicade), certolizumab (Cimzia) o golimumab (Simponi), o un biosimilar de alguno?",
        ],
        LiveVaccine => [
            "Are you due for, or planning, a live (attenuated) vaccine, viral or bacterial (such as MMR, chickenpox/varicella, the nasal spray flu vaccine, yellow fever, oral typhoid or BCG)?",
            "¿Le toca o planea ponerse una vacuna viva (atenuada), vírica o bacteriana (como la triple viral SPR, varicela, la vacuna antigripal en aerosol nasal, fiebre amarilla, tifoidea oral o BCG)?",
        ],
        NarrowRangeMedicine => [
            "Do you take warfarin, phenytoin or another medicine whose dose has to be kept within a narrow range?",
            "¿Toma warfarina, fenitoína u otro medicamento cuya dosis debe mantenerse dentro de un margen estrecho?",
        ],
        Dira => [
            "Is Kineret for DIRA (you or the person you care for)?",
            "¿Kineret es para DIRA (usted o la persona que cuida)?",
        ],
        PregnancyBreastfeeding => [
            "Are you pregnant, planning to become pregnant, or breastfeeding?",
            "¿Está embarazada, planea quedar embarazada o está amamantando?",
        ],
    }
}

messages! {
    pub enum ScreenMsg {
        Allergy => [
            "Do not use Kineret. Tell your healthcare provider about the allergy.",
            "No use Kineret. Informe de la alergia a su profesional de la salud.",
        ],
        Neutropenia => [
            "Do not start Kineret with neutropenia (a neutrophil count below 1.5 × 10⁹/L). Talk to your doctor.",
            "No empiece Kineret si tiene neutropenia (un recuento de neutrófilos inferior a 1,5 × 10⁹/L). Hable con su médico.",
        ],
        TnfBlocker => [
            "Using Kineret together with a TNF blocker is not recommended: it raises the risk of serious infections and of a low neutrophil count. Talk to your healthcare provider before starting.",
            "No se recomienda usar Kineret junto con un bloqueador del TNF: aumenta el riesgo de infecciones graves y de un recuento de neutrófilos bajo. Hable con su profesional de la salud antes de empezar.",
        ],
        LiveVaccine => [
            "Do not get live (attenuated) vaccines, viral or bacterial (such as BCG or oral typhoid), while using Kineret. Bring your vaccinations up to date before starting, and talk to your healthcare provider before any vaccine during treatment.",
            "No se ponga vacunas vivas (atenuadas), víricas o bacterianas (como la BCG o la tifoidea oral), mientras use Kineret. Ponga sus vacunas al día antes de empezar y hable con su profesional de la salud antes de cualquier vacuna durante el tratamiento.",
        ],
        NarrowRangeMedicine => [
            "When you start or stop Kineret, the doses of some medicines, such as warfarin or phenytoin, may need adjusting. Tell the doctor who prescribes them.",
            "Al empezar o dejar Kineret, puede que haya que ajustar la dosis de algunos medicamentos, como la warfarina o la fenitoína. Dígaselo al médico que se los receta.",
        ],
        Infection => [
            "Tell your healthcare provider before starting: Kineret should not be started during an active infection, and it can make infections such as TB come back. If a serious infection develops during treatment, call your provider.",
            "Informe a su profesional de la salud antes de empezar: Kineret no se debe empezar durante una infección activa y puede hacer que infecciones como la TB vuelvan. Si aparece una infección grave durante el tratamiento, llame a su profesional de la salud.",
        ],
        Dira => [
            "Allergic reactions are most likely in DIRA, in the first weeks. Watch for swelling of the face, lips, tongue or throat, trouble breathing, dizziness or a choking feeling, and get emergency help if they appear.",
            "Las reacciones alérgicas son más probables en DIRA, en las primeras semanas. Vigile la hinchazón de la cara, los labios, la lengua o la garganta, la dificultad para respirar, el mareo o la sensación de ahogo, y busque ayuda de emergencia si aparecen.",
        ],
        PregnancyUs => [
            "It is not known whether Kineret harms an unborn baby. Decide with your healthcare provider whether to use it, and talk about breastfeeding too.",
            "No se sabe si Kineret daña al bebé en gestación. Decida con su profesional de la salud si usarlo y hable también de la lactancia.",
        ],
        PregnancyEu => [
            "Kineret is not recommended during pregnancy, or in women who can become pregnant and do not use contraception. Do not breast-feed while using Kineret. Talk to your doctor.",
            "No se recomienda Kineret durante el embarazo, ni en mujeres que puedan quedar embarazadas y no usen anticonceptivos. No dé el pecho mientras use Kineret. Hable con su médico.",
        ],
        NotAClinician => [
            "These questions are not a substitute for a clinician. Your healthcare provider decides whether Kineret is right for you.",
            "Estas preguntas no sustituyen a un profesional clínico. Su profesional de la salud decide si Kineret es adecuado para usted.",
        ],
        TnfFound => [
            "{name} is a TNF blocker ({generic}). Using it with Kineret is not recommended.",
            "{name} es un bloqueador del TNF ({generic}). No se recomienda usarlo con Kineret.",
        ],
    }
}

/// The outcome of answering "yes" to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScreenOutcome {
    pub question: Question,
    pub severity: Severity,
    pub msg: ScreenMsg,
    /// The user sees its source in the region's labels.
    pub fact: Fact,
}

/// One rule per (question, fact); a question is asked in a region when one
/// of its rules' facts applies there (CI-NEUTRO-EU: eu only; pregnancy: the
/// region's own fact).
const RULES: [ScreenOutcome; 9] = [
    rule(Question::Allergy, Severity::DoNotUse, ScreenMsg::Allergy, Fact::CiEcoli),
    rule(Question::Neutropenia, Severity::DoNotUse, ScreenMsg::Neutropenia, Fact::CiNeutroEu),
    rule(Question::Infection, Severity::Caution, ScreenMsg::Infection, Fact::WarnInfect),
    rule(Question::TnfBlocker, Severity::Caution, ScreenMsg::TnfBlocker, Fact::WarnTnf),
    rule(Question::LiveVaccine, Severity::Caution, ScreenMsg::LiveVaccine, Fact::WarnLivevax),
    rule(Question::NarrowRangeMedicine, Severity::Caution, ScreenMsg::NarrowRangeMedicine, Fact::WarnCyp),
    rule(Question::Dira, Severity::Caution, ScreenMsg::Dira, Fact::WarnAllergy),
    rule(Question::PregnancyBreastfeeding, Severity::Caution, ScreenMsg::PregnancyUs, Fact::PregUs),
    rule(Question::PregnancyBreastfeeding, Severity::Caution, ScreenMsg::PregnancyEu, Fact::PregEu),
];

const fn rule(question: Question, severity: Severity, msg: ScreenMsg, fact: Fact) -> ScreenOutcome {
    ScreenOutcome { question, severity, msg, fact }
}

impl Question {
    /// What a "yes" means in `region`; `None`: not asked there.
    pub fn outcome(self, region: Region) -> Option<ScreenOutcome> {
        RULES.iter().copied().find(|r| r.question == self && r.fact.scope().applies_to(region))
    }
}

/// Outcomes for every question answered "yes", most serious first.
pub fn screen(answers: &[(Question, bool)], region: Region) -> Vec<ScreenOutcome> {
    let mut out: Vec<ScreenOutcome> = Vec::new();
    for &(q, yes) in answers {
        if yes && !out.iter().any(|o| o.question == q) {
            out.extend(q.outcome(region));
        }
    }
    out.sort_by_key(|o| core::cmp::Reverse(o.severity));
    out
}

/// A TNF blocker and all the names it is sold under (brands and biosimilars).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TnfBlocker {
    pub generic: &'static str,
    pub names: &'static [&'static str],
}

/// The fact behind a TNF-blocker hit.
pub const TNF_FACT: Fact = Fact::WarnTnf;

/// Generic names from CLINICAL.md; brand and biosimilar names from the issue.
pub const TNF_BLOCKERS: [TnfBlocker; 5] = [
    TnfBlocker { generic: "etanercept", names: &["Enbrel", "Erelzi", "Eticovo"] },
    TnfBlocker {
        generic: "adalimumab",
        names: &[
            "Humira", "Amjevita", "Cyltezo", "Hyrimoz", "Hadlima", "Yusimry", "Hulio", "Idacio", "Yuflyma", "Abrilada",
            "Simlandi",
        ],
    },
    TnfBlocker { generic: "infliximab", names: &["Remicade", "Inflectra", "Renflexis", "Avsola", "Zymfentra"] },
    TnfBlocker { generic: "certolizumab", names: &["Cimzia"] },
    TnfBlocker { generic: "golimumab", names: &["Simponi"] },
];

/// A name that matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TnfHit {
    pub generic: &'static str,
    /// The name as spelled in the table (generic or brand).
    pub name: &'static str,
}

impl TnfHit {
    pub fn text(self, lang: Lang) -> String {
        crate::core::i18n::fill(ScreenMsg::TnfFound.tr(lang), &[("name", self.name), ("generic", self.generic)])
    }
}

/// Finds TNF blockers in free text, case-insensitively, by generic or brand
/// name. A word of the query matches a name if it equals it, or — for words of
/// at least 4 letters (type-ahead) — if the name starts with it. Suffixes
/// after a hyphen ("adalimumab-atto") and extra words ("Humira Pen") are fine.
pub fn search_tnf(query: &str) -> Vec<TnfHit> {
    let q = query.to_ascii_lowercase();
    let mut hits = Vec::new();
    for b in &TNF_BLOCKERS {
        for i in 0..=b.names.len() {
            let name = if i == 0 { b.generic } else { b.names[i - 1] };
            let n = name.to_ascii_lowercase();
            let hit = q
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| !w.is_empty() && (w == n || (w.len() >= 4 && n.starts_with(w))));
            if hit {
                hits.push(TnfHit { generic: b.generic, name });
            }
        }
    }
    hits
}

/// Examples of live (attenuated) vaccines to avoid during treatment, viral
/// and bacterial (WARN-LIVEVAX; names from the issue).
pub const LIVE_VACCINES: [[&str; 2]; 6] = [
    ["MMR (measles, mumps, rubella)", "Triple viral SPR (sarampión, paperas, rubéola)"],
    ["Chickenpox (varicella)", "Varicela"],
    ["Nasal spray flu vaccine", "Vacuna antigripal en aerosol nasal"],
    ["Yellow fever", "Fiebre amarilla"],
    ["Oral typhoid", "Tifoidea oral"],
    ["BCG (tuberculosis)", "BCG (tuberculosis)"],
];

pub fn live_vaccines(lang: Lang) -> [&'static str; 6] {
    let i = usize::from(lang == Lang::Es);
    LIVE_VACCINES.map(|v| v[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generics(q: &str) -> Vec<&'static str> {
        let mut g: Vec<_> = search_tnf(q).iter().map(|h| h.generic).collect();
        g.dedup();
        g
    }

    #[test]
    fn tnf_search_by_brand_and_generic() {
        assert_eq!(generics("Humira"), vec!["adalimumab"]);
        assert_eq!(generics("humira pen 40 mg"), vec!["adalimumab"]);
        assert_eq!(generics("ADALIMUMAB"), vec!["adalimumab"]);
        assert_eq!(generics("adalimumab-atto"), vec!["adalimumab"]);
        assert_eq!(generics("Enbrel"), vec!["etanercept"]);
        assert_eq!(generics("eticovo"), vec!["etanercept"]);
        assert_eq!(generics("Remicade"), vec!["infliximab"]);
        assert_eq!(generics("zymfentra"), vec!["infliximab"]);
        assert_eq!(generics("certolizumab pegol"), vec!["certolizumab"]);
        assert_eq!(generics("Cimzia"), vec!["certolizumab"]);
        assert_eq!(generics("Simponi Aria"), vec!["golimumab"]);
        assert_eq!(generics("Simlandi"), vec!["adalimumab"]);
        assert_eq!(generics("inflix"), vec!["infliximab"]);
        assert_eq!(generics("Enbrel and Humira"), vec!["etanercept", "adalimumab"]);
        assert!(search_tnf("methotrexate").is_empty());
        assert!(search_tnf("").is_empty());
        assert!(search_tnf("hu").is_empty()); // too short for a prefix
        let hit = search_tnf("hyrimoz")[0];
        assert_eq!(hit.name, "Hyrimoz");
        assert!(hit.text(Lang::En).contains("Hyrimoz is a TNF blocker (adalimumab)"));
        assert!(hit.text(Lang::Es).contains("bloqueador del TNF"));
    }

    #[test]
    fn every_biosimilar_named_in_the_issue_is_found() {
        for n in [
            "Amjevita", "Cyltezo", "Hyrimoz", "Hadlima", "Yusimry", "Hulio", "Idacio", "Yuflyma", "Abrilada", "Simlandi",
            "Inflectra", "Renflexis", "Avsola", "Zymfentra", "Erelzi", "Eticovo",
        ] {
            assert_eq!(search_tnf(&n.to_uppercase()).len(), 1, "{n}");
        }
    }

    #[test]
    fn screening_outcomes_are_sourced() {
        let us = |q: Question| q.outcome(Region::Us).unwrap();
        assert_eq!(us(Question::Allergy).severity, Severity::DoNotUse);
        // CI-ECOLI, WARN-TNF, WARN-INFECT, WARN-ALLERGY.
        assert_eq!(us(Question::Allergy).fact, Fact::CiEcoli);
        assert_eq!(us(Question::Allergy).fact.source_in(Region::Us), "US PI 4");
        assert_eq!(us(Question::TnfBlocker).fact.source_in(Region::Us), "US PI 5.2, 7");
        assert_eq!(us(Question::Infection).fact, Fact::WarnInfect);
        assert_eq!(us(Question::Dira).fact, Fact::WarnAllergy);
        for &q in Question::ALL {
            if let Some(o) = q.outcome(Region::Eu) {
                assert_eq!(o.question, q);
            }
            assert!(q.outcome(Region::Eu).is_some(), "every question is asked in the EU");
        }
        let out = screen(
            &[(Question::LiveVaccine, true), (Question::Dira, false), (Question::Allergy, true), (Question::Allergy, true)],
            Region::Us,
        );
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].question, Question::Allergy);
        assert!(screen(&[(Question::Infection, false)], Region::Us).is_empty());
        assert!(ScreenMsg::NotAClinician.tr(Lang::En).contains("not a substitute for a clinician"));
        assert_eq!(live_vaccines(Lang::Es)[3], "Fiebre amarilla");
    }

    /// CI-NEUTRO-EU: in the EU, neutropenia (ANC < 1.5 x 10^9/L) means do
    /// not start; the question is not asked in the US (an EU-only fact).
    #[test]
    fn neutropenia_is_a_contraindication_in_the_eu_only() {
        let eu = Question::Neutropenia.outcome(Region::Eu).unwrap();
        assert_eq!((eu.severity, eu.fact), (Severity::DoNotUse, Fact::CiNeutroEu));
        assert!(eu.msg.tr(Lang::En).contains("1.5 × 10⁹/L"));
        assert!(eu.msg.tr(Lang::Es).contains("1,5 × 10⁹/L"));
        assert!(Question::Neutropenia.tr(Lang::Es).contains("recuento de neutrófilos"));
        assert_eq!(Question::Neutropenia.outcome(Region::Us), None);
        assert!(screen(&[(Question::Neutropenia, true)], Region::Us).is_empty());
    }

    /// WARN-LIVEVAX: live (attenuated) vaccines, viral and bacterial; the
    /// Spanish term is "vacuna viva (atenuada)", never "de virus vivos".
    #[test]
    fn live_vaccines_are_attenuated_viral_and_bacterial() {
        let o = Question::LiveVaccine.outcome(Region::Eu).unwrap();
        assert_eq!(o.fact, Fact::WarnLivevax);
        for l in Lang::ALL {
            for t in [Question::LiveVaccine.tr(l), o.msg.tr(l)] {
                assert!(!t.contains("virus vivos"), "{t}");
                assert!(t.contains("BCG"), "{t}");
            }
        }
        assert!(Question::LiveVaccine.tr(Lang::Es).contains("vacuna viva (atenuada)"));
        assert!(o.msg.tr(Lang::Es).contains("vacunas vivas (atenuadas)"));
        assert!(o.msg.tr(Lang::En).contains("viral or bacterial"));
    }

    /// WARN-CYP: warfarin, phenytoin and other narrow-range medicines.
    #[test]
    fn narrow_range_medicines_may_need_adjusting() {
        let o = Question::NarrowRangeMedicine.outcome(Region::Us).unwrap();
        assert_eq!((o.severity, o.fact), (Severity::Caution, Fact::WarnCyp));
        assert!(o.msg.tr(Lang::En).contains("start or stop") && o.msg.tr(Lang::En).contains("warfarin"));
        assert!(o.msg.tr(Lang::Es).contains("fenitoína"));
    }

    /// PREG-US, PREG-EU: the pregnancy answer follows the region.
    #[test]
    fn pregnancy_follows_the_region() {
        let us = Question::PregnancyBreastfeeding.outcome(Region::Us).unwrap();
        let eu = Question::PregnancyBreastfeeding.outcome(Region::Eu).unwrap();
        assert_eq!((us.fact, eu.fact), (Fact::PregUs, Fact::PregEu));
        assert!(us.msg.tr(Lang::En).contains("not known whether Kineret harms an unborn baby"));
        assert!(eu.msg.tr(Lang::En).contains("not recommended during pregnancy"));
        assert!(eu.msg.tr(Lang::En).contains("Do not breast-feed"));
    }
}
