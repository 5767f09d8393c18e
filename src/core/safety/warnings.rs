//! Warnings a patient looks for in the safety view, and what to do if
//! something goes wrong with a dose. One row per message, each citing its
//! fact. A row shows when its scope applies to the region, or when the
//! calculator's indication makes it relevant (an EU-only fact about Still's
//! disease for a Still's patient anywhere); home-use rows (sites, missed or
//! extra doses) are left out for a hospital-only dose (DOSE-COVID-HOSP).

use super::course::{Condition, Context};
use crate::core::facts::{Fact, Scope};
use crate::messages;

messages! {
    pub enum WarningMsg {
        Heading => ["Warnings to know", "Advertencias que debe conocer"],
        WrongHeading => ["If something goes wrong", "Si algo sale mal"],
        Liver => [
            "Liver: call your doctor if you notice yellow skin or eyes, nausea, loss of appetite, dark urine or pale stools.",
            "Hígado: llame a su médico si nota la piel o los ojos amarillos, náuseas, pérdida de apetito, orina oscura o heces pálidas.",
        ],
        LiverStills => [
            "Still's disease: liver problems happen mostly in the first month of treatment; your doctor may check your liver enzymes then.",
            "Enfermedad de Still: los problemas de hígado aparecen sobre todo en el primer mes de tratamiento; su médico puede revisar entonces sus enzimas hepáticas.",
        ],
        Dress => [
            "DRESS (drug reaction with eosinophilia and systemic symptoms), mainly in systemic juvenile idiopathic arthritis (SJIA): get medical help at once for an unusual rash over much of the body, possibly with fever and swollen lymph nodes. Tell your doctor if you ever had a widespread rash or peeling skin after using Kineret.",
            "DRESS (reacción a fármacos con eosinofilia y síntomas sistémicos), sobre todo en la artritis idiopática juvenil sistémica (AIJS): busque ayuda médica de inmediato si aparece una erupción extensa poco habitual, a veces con fiebre y ganglios linfáticos inflamados. Informe a su médico si alguna vez tuvo una erupción extensa o descamación de la piel después de usar Kineret.",
        ],
        StillLung => [
            "Still's disease, mainly in children (higher risk with trisomy 21, Down syndrome): lung disease. Contact your doctor for breathlessness on light exercise, a morning cough or difficulty breathing.",
            "Enfermedad de Still, sobre todo en niños (más riesgo con trisomía 21, síndrome de Down): enfermedad pulmonar. Contacte con su médico si tiene falta de aire con un ejercicio ligero, tos por la mañana o dificultad para respirar.",
        ],
        Amyloid => [
            "Deposits of a protein called amyloid have been reported at injection sites: change the injection site every time, and tell your healthcare provider about a lump that stays at a site.",
            "Se han notificado depósitos de una proteína llamada amiloide en las zonas de inyección: cambie de zona de inyección cada vez e informe a su profesional de la salud si un bulto no desaparece en una zona.",
        ],
        Missed => [
            "If you forget a dose: contact your doctor to discuss when to take the next one. Never take two doses on your own to make up for it.",
            "Si olvida una dosis: contacte con su médico para decidir cuándo ponerse la siguiente. Nunca se ponga dos dosis por su cuenta para compensarla.",
        ],
        Overdose => [
            "If too much is given by accident: serious problems are not expected, but contact your doctor, nurse or pharmacist, at once if you feel unwell.",
            "Si se administra demasiado por accidente: no se esperan problemas graves, pero contacte con su médico, enfermero(a) o farmacéutico(a), de inmediato si se encuentra mal.",
        ],
    }
}

/// Which part of the view a row is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// "Warnings to know".
    Watch,
    /// "If something goes wrong" (MISSED, OVERDOSE).
    Wrong,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WarningRow {
    pub section: Section,
    pub msg: WarningMsg,
    pub fact: Fact,
    /// Where it shows without an indication that makes it relevant.
    pub scope: Scope,
    /// The indication that makes it relevant in any region.
    pub condition: Option<Condition>,
    /// Home use only: not for a hospital-only dose.
    pub home: bool,
}

const fn row(section: Section, msg: WarningMsg, fact: Fact, scope: Scope, condition: Option<Condition>, home: bool) -> WarningRow {
    WarningRow { section, msg, fact, scope, condition, home }
}

use Section::{Watch, Wrong};

pub const WARNINGS: [WarningRow; 7] = [
    row(Watch, WarningMsg::Dress, Fact::WarnDress, Scope::Eu, Some(Condition::Stills), false),
    row(Watch, WarningMsg::StillLung, Fact::WarnStillLung, Scope::Eu, Some(Condition::Stills), false),
    // WARN-LIVER: the Still's part where Still's is in the label or treated;
    // the signs to call about for anyone.
    row(Watch, WarningMsg::LiverStills, Fact::WarnLiver, Scope::Eu, Some(Condition::Stills), false),
    row(Watch, WarningMsg::Liver, Fact::WarnLiver, Scope::Both, None, false),
    row(Watch, WarningMsg::Amyloid, Fact::WarnAmyloid, Scope::Both, None, true),
    row(Wrong, WarningMsg::Missed, Fact::Missed, Scope::Both, None, true),
    row(Wrong, WarningMsg::Overdose, Fact::Overdose, Scope::Both, None, true),
];

impl WarningRow {
    pub fn shown(&self, ctx: Context) -> bool {
        let relevant = self.scope.applies_to(ctx.region) || self.condition.is_some_and(|c| ctx.is(c));
        relevant && !(self.home && ctx.hospital_only())
    }
}

/// The rows of `section` shown in `ctx`, in table order.
pub fn warnings(section: Section, ctx: Context) -> impl Iterator<Item = &'static WarningRow> {
    WARNINGS.iter().filter(move |r| r.section == section && r.shown(ctx))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attrs::Region;
    use crate::core::dose::Indication;
    use crate::core::i18n::{Lang, Translate};
    use crate::core::safety::course::Course;

    fn facts(section: Section, ctx: Context) -> Vec<Fact> {
        warnings(section, ctx).map(|r| r.fact).collect()
    }

    /// WARN-DRESS, WARN-STILL-LUNG (EU facts) show in region eu; in the US
    /// only the liver signs for anyone (WARN-LIVER) and WARN-AMYLOID.
    #[test]
    fn eu_warnings_show_in_the_eu_only() {
        let eu = Context::new(Region::Eu, None);
        assert_eq!(
            facts(Section::Watch, eu),
            vec![Fact::WarnDress, Fact::WarnStillLung, Fact::WarnLiver, Fact::WarnLiver, Fact::WarnAmyloid]
        );
        let us = Context::new(Region::Us, None);
        assert_eq!(facts(Section::Watch, us), vec![Fact::WarnLiver, Fact::WarnAmyloid]);
        assert!(warnings(Section::Watch, us).all(|r| r.msg != WarningMsg::LiverStills));
        // Scope of each row's fact is respected: an EU-scoped fact never shows
        // in the US without an indication that makes it relevant.
        for r in warnings(Section::Watch, us) {
            assert!(r.fact.scope().applies_to(Region::Us), "{:?}", r.fact);
        }
    }

    /// MISSED, OVERDOSE: "If something goes wrong", in both regions; not for
    /// a hospital-only dose (DOSE-COVID-HOSP), which keeps the liver signs.
    #[test]
    fn something_goes_wrong_section_and_hospital_use() {
        for region in [Region::Us, Region::Eu] {
            assert_eq!(facts(Section::Wrong, Context::new(region, None)), vec![Fact::Missed, Fact::Overdose]);
        }
        let covid = Context::new(Region::Us, Some(Course::new(Indication::Covid19, 1, 1, true)));
        assert!(facts(Section::Wrong, covid).is_empty());
        assert_eq!(facts(Section::Watch, covid), vec![Fact::WarnLiver]);
        assert!(WarningMsg::Missed.tr(Lang::En).contains("Never take two doses"));
        assert!(WarningMsg::Overdose.tr(Lang::En).contains("doctor, nurse or pharmacist, at once if you feel unwell"));
        assert!(WarningMsg::Amyloid.tr(Lang::En).contains("lump that stays"));
        assert!(WarningMsg::Amyloid.tr(Lang::Es).contains("zona de inyección"));
        assert!(WarningMsg::LiverStills.tr(Lang::Es).starts_with("Enfermedad de Still"));
    }

    /// An EU-only Still's fact shows in the US when the indication is
    /// Still's disease (the indication makes it relevant).
    #[test]
    fn the_indication_makes_a_region_specific_fact_relevant() {
        let row = WARNINGS.iter().find(|r| r.fact == Fact::WarnDress).unwrap();
        let us = Context::new(Region::Us, None);
        assert!(!row.shown(us));
        let course = Course::new(Indication::Stills, 1, 1, false);
        assert_eq!(course.condition, Condition::Stills);
        assert!(row.shown(Context::new(Region::Us, Some(course))));
    }

    #[test]
    fn every_warning_is_translated() {
        for &m in WarningMsg::ALL {
            let [en, es] = m.texts();
            assert!(!en.is_empty() && !es.is_empty() && en != es);
        }
    }
}
