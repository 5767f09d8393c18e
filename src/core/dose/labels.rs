//! Labels of the calculator view (the clinical texts are in `text.rs`).

use crate::messages;

messages! {
    pub enum CalcUi {
        Heading => ["Dose calculator", "Calculadora de dosis"],
        Intro => [
            "For healthcare professionals and trained caregivers. Check every result against the prescription.",
            "Para profesionales de la salud y cuidadores formados. Compruebe cada resultado con la receta.",
        ],
        Indication => ["Prescribed for", "Recetado para"],
        ChooseIndication => ["Choose…", "Elija…"],
        Weight => ["Weight", "Peso"],
        WeightUnit => ["Weight unit", "Unidad de peso"],
        Kg => ["kg", "kg"],
        Lb => ["lb", "lb"],
        Dose => ["Prescribed dose (mg/kg/day)", "Dosis recetada (mg/kg/día)"],
        DoseHint => ["Usual start 1–2 mg/kg/day; maximum 8 mg/kg/day.", "Inicio habitual 1–2 mg/kg/día; máximo 8 mg/kg/día."],
        Split => ["Given", "Administración"],
        Once => ["once daily", "una vez al día"],
        Twice => ["twice daily (daily dose split in two)", "dos veces al día (dosis diaria dividida en dos)"],
        Age => ["Age (years, optional)", "Edad (años, opcional)"],
        AgeRequired => ["Age (years)", "Edad (años)"],
        Kidney => ["Kidney function", "Función renal"],
        KidneyNotKnown => ["Normal or not known", "Normal o desconocida"],
        KidneyEnter => ["Enter creatinine clearance", "Introducir el aclaramiento de creatinina"],
        KidneyEstimate => ["Estimate it from serum creatinine", "Estimarlo a partir de la creatinina sérica"],
        KidneyEsrd => ["End-stage renal disease or dialysis", "Insuficiencia renal terminal o diálisis"],
        Crcl => ["Creatinine clearance (mL/min)", "Aclaramiento de creatinina (mL/min)"],
        Method => ["Patient", "Paciente"],
        MethodAdult => ["Adult (Cockcroft–Gault)", "Adulto (Cockcroft–Gault)"],
        MethodChild => ["Child under 18 (bedside Schwartz)", "Menor de 18 años (Schwartz a pie de cama)"],
        Sex => ["Sex", "Sexo"],
        Female => ["Female", "Mujer"],
        Male => ["Male", "Hombre"],
        Scr => ["Serum creatinine", "Creatinina sérica"],
        ScrUnit => ["Creatinine unit", "Unidad de creatinina"],
        Height => ["Height (cm)", "Estatura (cm)"],
        EstimateAdult => ["Estimated creatinine clearance: {value} mL/min (Cockcroft–Gault)", "Aclaramiento de creatinina estimado: {value} mL/min (Cockcroft–Gault)"],
        EstimateChild => ["Estimated GFR: {value} mL/min/1.73 m² (bedside Schwartz)", "FG estimado: {value} mL/min/1,73 m² (Schwartz a pie de cama)"],
        ToSeeDose => ["To see the dose: {list}.", "Para ver la dosis: {list}."],
        FixErrors => ["Correct the highlighted fields to see the dose.", "Corrija los campos señalados para ver la dosis."],
        Result => ["Result", "Resultado"],
        PerAdministration => ["Each dose", "Cada dosis"],
        DailyDose => ["Dose per dosing day: {dose}", "Dosis por día de administración: {dose}"],
        Course => ["Course: {doses} doses over {days} days", "Tratamiento: {doses} dosis en {days} días"],
        SyringePlan => ["Syringe plan (each syringe: 100 mg in 0.67 mL, single use)", "Plan de jeringas (cada jeringa: 100 mg en 0,67 mL, un solo uso)"],
        SyringeRow => ["Syringe {n}: give {ml} ({mg})", "Jeringa {n}: administre {ml} ({mg})"],
        Discard => ["Discard {mg} left in the last syringe.", "Deseche {mg} que quedan en la última jeringa."],
        NoDiscard => ["Nothing to discard: every syringe is used in full.", "Nada que desechar: cada jeringa se usa entera."],
        SyringeDrawing => ["Syringe filled to {ml}", "Jeringa llena hasta {ml}"],
        FullSyringes => ["{n} full syringes", "{n} jeringas llenas"],
        ShowWork => ["Show your work", "Mostrar el cálculo"],
        Source => ["Source: {source}", "Fuente: {source}"],
        Titration => ["Titration steps (0.5 or 1 mg/kg, never above 8 mg/kg/day)", "Pasos de ajuste (0,5 o 1 mg/kg, nunca más de 8 mg/kg/día)"],
        UseStep => ["Use {dose} mg/kg/day", "Usar {dose} mg/kg/día"],
        Copy => ["Copy result", "Copiar resultado"],
        Copied => ["Result copied to the clipboard.", "Resultado copiado al portapapeles."],
        CopyFailed => ["Could not copy. Select the text and copy it by hand.", "No se pudo copiar. Seleccione el texto y cópielo a mano."],
        Print => ["Print", "Imprimir"],
        Warnings => ["Warnings", "Advertencias"],
        SeverityDanger => ["Important:", "Importante:"],
        SeverityCaution => ["Caution:", "Precaución:"],
        SeverityInfo => ["Note:", "Nota:"],
        Remembered => ["Your entries are saved in this browser (remember is on).", "Sus datos se guardan en este navegador (recordar activado)."],
    }
}

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;
    use crate::core::dose::form::Missing;
    use crate::core::i18n::{placeholders, Translate};

    #[test]
    fn every_label_is_translated_with_the_same_placeholders() {
        for m in CalcUi::ALL {
            let [en, es] = m.texts();
            assert!(!en.is_empty() && !es.is_empty(), "{m:?}");
            assert_eq!(placeholders(en), placeholders(es), "{m:?}");
        }
        for m in Missing::ALL {
            let [en, es] = m.texts();
            assert_ne!(en, es, "{m:?}");
        }
    }

    #[test]
    fn no_abbreviated_frequencies_in_patient_text__ismp() {
        for m in CalcUi::ALL {
            for t in m.texts() {
                for bad in [" qd", " QD", " BID", " bid", " QOD", " qod", " q.d."] {
                    assert!(!t.contains(bad), "{m:?}: {t}");
                }
            }
        }
    }
}
