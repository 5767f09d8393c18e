//! Message tables for the checklist. Every user-visible string is
//! `[english, spanish]`, declared with `crate::messages!`.

use crate::messages;

messages! {
    /// Checklist-wide texts.
    pub enum ChecklistMsg {
        Title => ["Dose checklist", "Lista de verificación de la dosis"],
        InspectQuestion => ["What does the liquid look like?", "¿Cómo se ve el líquido?"],
        StoppedTitle => ["Stop: do not use this syringe", "Alto: no use esta jeringa precargada"],
        Completed => ["Dose recorded as taken.", "Dosis registrada como administrada."],
        NewRun => ["Start a new dose", "Empezar una nueva dosis"],
        NotApplicable => [
            "Not applicable: this syringe must not be used (step {step}).",
            "No corresponde: esta jeringa no se debe usar (paso {step}).",
        ],
        Source => ["Source: {source}", "Fuente: {source}"],
        ZoneLabel => [
            "Injection site for this dose (saved in the injection site log when you record the dose)",
            "Zona de inyección de esta dosis (se guarda en el registro de zonas de inyección al registrar la dosis)",
        ],
        StepMissing => [
            "Not ticked yet: step {n}, “{step}”.",
            "Aún sin marcar: paso {n}, «{step}».",
        ],
        CompleteButton => ["Record this dose as taken", "Registrar esta dosis como administrada"],
        TimerLabel => ["Warm-up time left", "Tiempo que falta a temperatura ambiente"],
        NotifyButton => ["Notify me when it is ready", "Avisarme cuando esté lista"],
        NotifyOn => [
            "A browser notification will tell you when it is ready.",
            "Una notificación del navegador le avisará cuando esté lista.",
        ],
        NotifyBlocked => [
            "This browser does not allow notifications here; this page will say when it is ready.",
            "Este navegador no permite notificaciones aquí; esta página le dirá cuándo está lista.",
        ],
        OverrideDone => [
            "You confirmed it is already at room temperature.",
            "Usted confirmó que ya está a temperatura ambiente.",
        ],
        SiteSuggested => ["Suggested site: {zone}. {reason}", "Zona sugerida: {zone}. {reason}"],
        DiscardMg => [
            "Your dose does not use the whole syringe: throw away the {mg} ({ml}) left in it.",
            "Su dosis no usa toda la jeringa: deseche los {mg} ({ml}) que quedan en ella.",
        ],
        DiscardMgLast => [
            "Your dose does not use all of the last syringe: throw away the {mg} ({ml}) left in it.",
            "Su dosis no usa toda la última jeringa: deseche los {mg} ({ml}) que quedan en ella.",
        ],
        DiscardNone => [
            "Your dose uses the whole syringe: nothing is left to throw away.",
            "Su dosis usa toda la jeringa: no queda nada que desechar.",
        ],
        StorageTitle => ["Storage", "Conservación"],
        RegionUs => ["Rules of the US label", "Reglas de la etiqueta de EE. UU."],
        RegionEu => ["Rules of the EU label", "Reglas de la ficha técnica de la UE"],
        MishapTitle => ["Something went wrong?", "¿Algo salió mal?"],
        MishapQuestion => ["What happened to the syringe?", "¿Qué le pasó a la jeringa?"],
        HoursLabel => ["Hours out of the refrigerator", "Horas fuera del refrigerador (nevera)"],
        TempLabel => ["Temperature it was kept at ({unit})", "Temperatura a la que estuvo ({unit})"],
        EarlierLabel => [
            "It had already been out of the refrigerator before and was put back",
            "Ya había estado fuera del refrigerador (nevera) antes y se volvió a guardar",
        ],
        CheckButton => ["What should I do?", "¿Qué debo hacer?"],
        SevOk => ["You may use it", "Puede usarla"],
        SevCaution => ["Check first", "Consulte primero"],
        SevDoNotUse => ["Do not use it", "No la use"],
        HistoryTitle => ["Doses in the last {days} days", "Dosis de los últimos {days} días"],
        ScheduleQuestion => ["How often do you take it?", "¿Con qué frecuencia se la administra?"],
        ScheduleFromCalc => [
            "Schedule from the dose calculator: {schedule}",
            "Frecuencia según la calculadora de dosis: {schedule}",
        ],
        StripLabel => ["Last {days} days, oldest first", "Últimos {days} días, del más antiguo al más reciente"],
        LegendTitle => ["Key", "Leyenda"],
        HospitalOnly => [
            "COVID-19 treatment with Kineret is given in hospital: this view has no home checklist, warm-up timer, dose history or reminders for it. The storage rules below are for the pharmacy and the ward.",
            "El tratamiento de la COVID-19 con Kineret se administra en el hospital: esta vista no ofrece para él lista de verificación en casa, temporizador, historial de dosis ni recordatorios. Las reglas de conservación de abajo son para la farmacia y la planta del hospital.",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checklist::excursion::{ExcursionMsg, MishapKind};
    use crate::core::checklist::history::HistoryMsg;
    use crate::core::checklist::timer::WarmUpMsg;
    use crate::core::checklist::Refusal;
    use crate::core::i18n::{placeholders, Translate};

    fn check(name: &str, [en, es]: [&str; 2]) {
        assert!(!en.trim().is_empty() && !es.trim().is_empty(), "{name} is empty");
        assert_eq!(placeholders(en), placeholders(es), "{name}: placeholders differ");
    }

    #[test]
    fn every_checklist_table_has_both_languages_and_same_placeholders() {
        for m in ChecklistMsg::ALL {
            check(&format!("{m:?}"), m.texts());
            assert_ne!(m.texts()[0], m.texts()[1], "{m:?} is not translated");
        }
        for m in WarmUpMsg::ALL {
            check(&format!("{m:?}"), m.texts());
        }
        for m in HistoryMsg::ALL {
            check(&format!("{m:?}"), m.texts());
        }
        for m in ExcursionMsg::ALL {
            check(&format!("{m:?}"), m.texts());
        }
        for m in crate::core::checklist::guard::GuardMsg::ALL {
            check(&format!("{m:?}"), m.texts());
        }
        for m in Refusal::ALL {
            check(&format!("{m:?}"), m.texts());
        }
        for m in MishapKind::ALL {
            check(&format!("{m:?}"), m.texts());
        }
        for m in crate::core::checklist::steps::StepMsg::ALL {
            check(&format!("{m:?}"), m.texts());
        }
    }

    #[test]
    fn spanish_uses_the_clinical_glossary() {
        assert!(ChecklistMsg::HoursLabel.tr(crate::core::i18n::Lang::Es).contains("refrigerador (nevera)"));
        assert!(ChecklistMsg::CompleteButton.tr(crate::core::i18n::Lang::Es).contains("administrada"));
    }

}
