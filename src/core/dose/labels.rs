//! Labels of the calculator view (the clinical texts are in `text.rs`), and
//! the result lines the view and the clipboard share.

use super::{DosePlan, Indication, Region};
use crate::core::format::{fmt_kg, fmt_mg, fmt_ml, fmt_number};
use crate::core::i18n::{fill, Lang, Translate};
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
        KidneyEsrd => ["End-stage kidney disease or dialysis", "Enfermedad renal terminal o diálisis"],
        Crcl => ["Creatinine clearance (mL/min)", "Aclaramiento de creatinina (mL/min)"],
        Schedule => ["Schedule", "Pauta"],
        ScheduleEveryOtherDay => ["Every other day (label suggestion: consider)", "En días alternos (sugerencia de la ficha técnica: considerar)"],
        ScheduleKeepDaily => ["Keep the prescribed daily schedule", "Mantener la pauta diaria recetada"],
        WeightActual => ["Actual body weight", "Peso corporal real"],
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
        EstimateChild => ["Estimated GFR: {value} mL/min/1.73 m² (bedside Schwartz), an approximation compared with the {threshold} mL/min threshold", "FG estimado: {value} mL/min/1,73 m² (Schwartz a pie de cama), una aproximación comparada con el umbral de {threshold} mL/min"],
        SchwartzUnderOne => ["Under 1 year: the bedside Schwartz equation is validated from 1 to 16 years; use this estimate with caution.", "Menores de 1 año: la ecuación de Schwartz a pie de cama está validada de 1 a 16 años; use esta estimación con precaución."],
        ToSeeDose => ["To see the dose: {list}.", "Para ver la dosis: {list}."],
        EstimateImpossible => ["This creatinine gives an estimate above {max} mL/min, which is not possible: check the value and its unit.", "Esta creatinina da una estimación por encima de {max} mL/min, lo que no es posible: revise el valor y su unidad."],
        EstimateImpossibleEgfr => ["This creatinine gives an eGFR above {max} mL/min/1.73 m², which is not possible: check the value and its unit.", "Esta creatinina da una TFGe por encima de {max} mL/min/1,73 m², lo que no es posible: revise el valor y su unidad."],
        FixErrors => ["Correct the highlighted fields to see the dose.", "Corrija los campos señalados para ver la dosis."],
        Result => ["Result", "Resultado"],
        PerAdministration => ["Each dose", "Cada dosis"],
        DailyDose => ["Total per day: {dose}", "Total al día: {dose}"],
        DailyDosePerKg => ["Total per day: {dose} ({rate} mg/kg/day × {kg})", "Total al día: {dose} ({rate} mg/kg/día × {kg})"],
        // Every other day (RENAL-EOD): "per day" would read as a daily total.
        DosingDayDose => ["Total on each dosing day (every other day): {dose}", "Total en cada día de dosis (en días alternos): {dose}"],
        DosingDayDosePerKg => ["Total on each dosing day (every other day): {dose} ({rate} mg/kg/day × {kg})", "Total en cada día de dosis (en días alternos): {dose} ({rate} mg/kg/día × {kg})"],
        SummaryTitle => ["Kineret (anakinra), {indication}", "Kineret (anakinra), {indication}"],
        Course => ["Course: {doses} doses over {days} days", "Tratamiento: {doses} dosis en {days} días"],
        SyringePlan => ["Syringe plan (each syringe: 100 mg in 0.67 mL, single use)", "Plan de jeringas (cada jeringa: 100 mg en 0,67 mL, un solo uso)"],
        SyringeRow => ["Syringe {n}: give {mg} ({ml})", "Jeringa {n}: administre {mg} ({ml})"],
        Discard => ["Discard {mg} left in the last syringe.", "Deseche {mg} que quedan en la última jeringa."],
        NoDiscard => ["Nothing to discard: every syringe is used in full.", "Nada que desechar: cada jeringa se usa entera."],
        SyringePictures => ["Syringe pictures (scroll sideways on a narrow screen)", "Imágenes de las jeringas (desplácese hacia los lados en una pantalla estrecha)"],
        FullSyringe => ["1 full syringe, then the amount shown from the last one.", "1 jeringa entera y, de la última, la cantidad indicada."],
        FullSyringes => ["{n} full syringes, then the amount shown from the last one.", "{n} jeringas enteras y, de la última, la cantidad indicada."],
        ShowWork => ["Show your work", "Mostrar el cálculo"],
        Source => ["Source: {source}", "Fuente: {source}"],
        Titration => ["Titration steps (0.5 or 1 mg/kg, never above 8 mg/kg/day)", "Pasos de ajuste (0,5 o 1 mg/kg, nunca más de 8 mg/kg/día)"],
        UseStep => ["Use {dose} mg/kg/day", "Usar {dose} mg/kg/día"],
        Copy => ["Copy result", "Copiar resultado"],
        Copied => ["Result copied to the clipboard.", "Resultado copiado al portapapeles."],
        CopyFailed => ["Could not copy. Select the text and copy it by hand.", "No se pudo copiar. Seleccione el texto y cópielo a mano."],
        Print => ["Print", "Imprimir"],
        PrintTitle => ["Kineret (anakinra): dose", "Kineret (anakinra): dosis"],
        Warnings => ["Warnings", "Advertencias"],
        SeverityDanger => ["Important:", "Importante:"],
        SeverityCaution => ["Caution:", "Precaución:"],
        SeverityInfo => ["Note:", "Nota:"],
        ForPrescribers => ["For prescribers", "Para quien prescribe"],
        SlotUnavailable => ["{delta} mg/kg/day: not possible", "{delta} mg/kg/día: no es posible"],
        DoseChanged => ["Dose changed {from} → {to} mg/kg/day", "Dosis cambiada {from} → {to} mg/kg/día"],
        Undo => ["Undo", "Deshacer"],
        More => ["More (optional): age, kidney function", "Más (opcional): edad, función renal"],
        Compact => ["{mg} = {ml}", "{mg} = {ml}"],
        FullResult => ["See the full result", "Ver el resultado completo"],
        FullResultWarnings => ["See the full result and warnings", "Ver el resultado completo y las advertencias"],
        Sources => ["Sources", "Fuentes"],
        ReportHeader => ["Kineret · {indication} · {date}", "Kineret · {indication} · {date}"],
        ReportWeight => ["Weight: {kg}", "Peso: {kg}"],
        ReportKidneyNotGiven => ["Kidney function: normal or not known (no creatinine clearance entered)", "Función renal: normal o desconocida (sin aclaramiento de creatinina)"],
        ReportKidneyEntered => ["Creatinine clearance: {value} mL/min (entered)", "Aclaramiento de creatinina: {value} mL/min (introducido)"],
        ReportKidneyCg => ["Creatinine clearance: {value} mL/min (Cockcroft–Gault)", "Aclaramiento de creatinina: {value} mL/min (Cockcroft–Gault)"],
        ReportKidneySchwartz => ["Estimated GFR: {value} mL/min/1.73 m² (bedside Schwartz eGFR)", "FG estimado: {value} mL/min/1,73 m² (TFGe por Schwartz a pie de cama)"],
        ReportKidneyEsrd => ["Kidney function: end-stage kidney disease or dialysis", "Función renal: enfermedad renal terminal o diálisis"],
        DosingDaysEvery => ["Dosing days: days {days}", "Días de administración: días {days}"],
        DosingDaysRange => ["Dosing days: days 1–{last}", "Días de administración: días 1–{last}"],
        CgFormulaFemale => [
            "Cockcroft–Gault: ({from} − {age}) × {weight} / ({divisor} × {scr}) × {factor} = {value} mL/min, rounded down to 0.1 mL/min on purpose (a clearance just under {threshold} mL/min is never shown as {threshold})",
            "Cockcroft–Gault: ({from} − {age}) × {weight} / ({divisor} × {scr}) × {factor} = {value} mL/min, redondeado hacia abajo a 0,1 mL/min a propósito (un aclaramiento justo por debajo de {threshold} mL/min nunca se muestra como {threshold})",
        ],
        CgFormulaMale => [
            "Cockcroft–Gault: ({from} − {age}) × {weight} / ({divisor} × {scr}) = {value} mL/min, rounded down to 0.1 mL/min on purpose (a clearance just under {threshold} mL/min is never shown as {threshold})",
            "Cockcroft–Gault: ({from} − {age}) × {weight} / ({divisor} × {scr}) = {value} mL/min, redondeado hacia abajo a 0,1 mL/min a propósito (un aclaramiento justo por debajo de {threshold} mL/min nunca se muestra como {threshold})",
        ],
        SchwartzFormula => [
            "Bedside Schwartz: {k} × {height} cm / {scr} = {value} mL/min/1.73 m², rounded down to 0.1 on purpose (an estimate just under {threshold} is never shown as {threshold})",
            "Schwartz a pie de cama: {k} × {height} cm / {scr} = {value} mL/min/1,73 m², redondeado hacia abajo a 0,1 a propósito (una estimación justo por debajo de {threshold} nunca se muestra como {threshold})",
        ],
        Remembered => ["Your entries are saved in this browser (remember is on).", "Sus datos se guardan en este navegador (recordar activado)."],
        // `remember` switched on while the calculator shows: its code is
        // fetched (shell/services/remember.rs); the form waits meanwhile.
        RememberLoading => ["Loading your saved entries …", "Cargando sus datos guardados …"],
        RememberFailed => [
            "Your saved entries could not be loaded, and changes are not being saved. Check your connection and try again.",
            "No se pudieron cargar sus datos guardados y los cambios no se están guardando. Compruebe su conexión e inténtelo de nuevo.",
        ],
    }
}

messages! {
    /// The indication list of the form, by region (IND-US-*, IND-EU-*).
    pub enum IndicationOption {
        Ra => ["Rheumatoid arthritis", "Artritis reumatoide"],
        Nomid => ["NOMID", "NOMID"],
        Dira => ["DIRA", "DIRA"],
        CovidUs => ["COVID-19 (emergency use authorization)", "COVID-19 (autorización de uso de emergencia)"],
        CovidEu => ["COVID-19 (plasma suPAR ≥ 6 ng/mL)", "COVID-19 (suPAR plasmático ≥ 6 ng/mL)"],
        Caps => ["CAPS (NOMID/CINCA, MWS, FCAS)", "CAPS (NOMID/CINCA, MWS, FCAS)"],
        Fmf => ["Familial Mediterranean fever (FMF)", "Fiebre mediterránea familiar (FMF)"],
        Stills => ["Still's disease (SJIA, AOSD)", "Enfermedad de Still (AIJS, ESA)"],
    }
}

/// The form's option for an indication in a region: COVID-19 names the
/// region's criterion (IND-US-COVID: EUA; IND-EU-COVID: suPAR ≥ 6 ng/mL).
pub fn indication_option(ind: Indication, region: Region) -> IndicationOption {
    match (ind, region) {
        (Indication::Ra, _) => IndicationOption::Ra,
        (Indication::Nomid, _) => IndicationOption::Nomid,
        (Indication::Dira, _) => IndicationOption::Dira,
        (Indication::Covid19, Region::Us) => IndicationOption::CovidUs,
        (Indication::Covid19, Region::Eu) => IndicationOption::CovidEu,
        (Indication::Caps, _) => IndicationOption::Caps,
        (Indication::Fmf, _) => IndicationOption::Fmf,
        (Indication::Stills, _) => IndicationOption::Stills,
    }
}

/// "Total per day: 49.8 mg (2.5 mg/kg/day × 19.95 kg)": the total and,
/// for a weight-based dose, the per-kg dose and the weight used (ISMP: show
/// both the per-kg dose and the total).
pub fn daily_dose_line(plan: &DosePlan, lang: Lang) -> String {
    let dose = fmt_mg(plan.daily_dose.value(), lang);
    let eod = plan.interval_days > 1;
    match (plan.mg_per_kg_per_day, plan.weight) {
        (Some(rate), Some(kg)) => fill(
            if eod { CalcUi::DosingDayDosePerKg } else { CalcUi::DailyDosePerKg }.tr(lang),
            &[("dose", &dose), ("rate", &fmt_number(rate.value(), 4, lang)), ("kg", &fmt_kg(kg.value(), lang))],
        ),
        _ => fill(if eod { CalcUi::DosingDayDose } else { CalcUi::DailyDose }.tr(lang), &[("dose", &dose)]),
    }
}

/// One line per syringe: "Syringe 1: give 0.67 mL (100 mg)".
pub fn syringe_rows(plan: &DosePlan, lang: Lang) -> Vec<String> {
    plan.syringes
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let n = (i + 1).to_string();
            fill(
                CalcUi::SyringeRow.tr(lang),
                &[("n", &n), ("ml", &fmt_ml(d.volume.value(), lang)), ("mg", &fmt_mg(d.dose.value(), lang))],
            )
        })
        .collect()
}

/// What is thrown away from the last syringe, or that nothing is.
pub fn discard_line(plan: &DosePlan, lang: Lang) -> String {
    let discard = plan.discard_per_administration.value();
    if discard > 0.0 {
        fill(CalcUi::Discard.tr(lang), &[("mg", &fmt_mg(discard, lang))])
    } else {
        CalcUi::NoDiscard.tr(lang).to_string()
    }
}

/// With several syringes per dose: how many are used in full.
pub fn full_syringes_line(plan: &DosePlan, lang: Lang) -> Option<String> {
    match plan.syringes.len().saturating_sub(1) {
        0 => None,
        1 => Some(CalcUi::FullSyringe.tr(lang).to_string()),
        n => Some(fill(CalcUi::FullSyringes.tr(lang), &[("n", &n.to_string())])),
    }
}

/// "66 mg = 0.44 mL": the compact summary that stays in view on a phone
/// (PROD-GRAD: mg first, then mL).
pub fn compact_line(plan: &DosePlan, lang: Lang) -> String {
    fill(
        CalcUi::Compact.tr(lang),
        &[("mg", &fmt_mg(plan.dose_per_administration.value(), lang)), ("ml", &fmt_ml(plan.volume_per_administration.value(), lang))],
    )
}

/// The card's sources, gathered: one line per distinct source shown, with
/// the fact IDs behind it, e.g. "US PI 2.2 (DOSE-NOMID-US, DOSE-MAX)", in
/// the order they first appear in the warnings, then the steps.
pub fn source_lines(plan: &DosePlan, lang: Lang) -> Vec<String> {
    // Every warning and step shows its fact's part for the plan's region.
    let facts = plan.warnings.iter().map(|w| w.fact).chain(plan.steps.iter().map(|s| s.fact));
    crate::core::facts::source_groups(facts, Some(plan.region))
        .into_iter()
        .map(|(source, ids)| format!("{} ({})", crate::core::i18n::source_text(&source, lang), ids.join(", ")))
        .collect()
}

/// A course's dosing days: "days 1, 3, 5, 7, 9" every other day, "days
/// 1–10" daily (DOSE-COVID-US, RENAL-COVID).
pub fn dosing_days_line(plan: &DosePlan, lang: Lang) -> Option<String> {
    let days = plan.course_days?;
    if plan.interval_days > 1 {
        let list: Vec<String> = (1..=days).step_by(usize::from(plan.interval_days)).map(|d| d.to_string()).collect();
        Some(fill(CalcUi::DosingDaysEvery.tr(lang), &[("days", &list.join(", "))]))
    } else {
        Some(fill(CalcUi::DosingDaysRange.tr(lang), &[("last", &days.to_string())]))
    }
}

/// How the kidney function in the result was obtained (Copy and Print).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KidneyBasis {
    NotGiven,
    Entered(f64),
    CockcroftGault(f64),
    Schwartz(f64),
    Esrd,
}

/// The inputs Copy and Print carry besides the result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReportInputs {
    /// kg, as used (per-kg dose) or as typed for Cockcroft–Gault.
    pub weight_kg: Option<f64>,
    pub kidney: KidneyBasis,
}

/// The lines Copy and Print start with: "Kineret · NOMID · 2026-11-30"
/// (`date` from the caller: the core has no clock), the weight, the
/// kidney function and how it was obtained, and a course's dosing days.
pub fn report_head(plan: &DosePlan, inputs: &ReportInputs, date: &str, lang: Lang) -> Vec<String> {
    let t = |m: CalcUi| m.tr(lang);
    let mut lines = vec![fill(t(CalcUi::ReportHeader), &[("indication", plan.indication.tr(lang)), ("date", date)])];
    if let Some(kg) = inputs.weight_kg {
        lines.push(fill(t(CalcUi::ReportWeight), &[("kg", &fmt_kg(kg, lang))]));
    }
    let value = |v: f64| fmt_number(v, 1, lang);
    lines.push(match inputs.kidney {
        KidneyBasis::NotGiven => t(CalcUi::ReportKidneyNotGiven).to_string(),
        KidneyBasis::Entered(v) => fill(t(CalcUi::ReportKidneyEntered), &[("value", &value(v))]),
        KidneyBasis::CockcroftGault(v) => fill(t(CalcUi::ReportKidneyCg), &[("value", &value(v))]),
        KidneyBasis::Schwartz(v) => fill(t(CalcUi::ReportKidneySchwartz), &[("value", &value(v))]),
        KidneyBasis::Esrd => t(CalcUi::ReportKidneyEsrd).to_string(),
    });
    lines.extend(dosing_days_line(plan, lang));
    lines
}

/// The plain-text result for the clipboard: the header and inputs
/// ([`report_head`]), the instruction, the daily total with its per-kg dose,
/// the syringe plan, the discard and every warning.
pub fn summary(plan: &DosePlan, inputs: &ReportInputs, date: &str, lang: Lang) -> String {
    let mut lines = report_head(plan, inputs, date, lang);
    lines.push(fill(CalcUi::SummaryTitle.tr(lang), &[("indication", plan.indication.tr(lang))]));
    lines.push(plan.instructions.clone());
    lines.push(daily_dose_line(plan, lang));
    lines.extend(syringe_rows(plan, lang));
    lines.extend(full_syringes_line(plan, lang));
    lines.push(discard_line(plan, lang));
    lines.extend(plan.warnings.iter().map(|w| w.message.clone()));
    lines.join("\n")
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
    fn clipboard_summary_has_drug_per_kg_dose_syringes_and_discard__ismp() {
        use crate::core::dose::{calculate, DoseInput, Indication, Split, WeightInput};
        let input = DoseInput {
            indication: Some(Indication::Nomid),
            weight: Some(WeightInput::Kg(20.0)),
            mg_per_kg_per_day: Some(2.0),
            split: Split::Twice,
            crcl_ml_min: None,
            crcl_is_schwartz_egfr: false,
            esrd: true,
            age_years: None,
            renal_schedule: None,
            region: Region::Us,
        };
        let plan = calculate(&input, Lang::En).map_err(|e| format!("{e:?}"));
        let plan = plan.as_ref().map_err(String::as_str).expect("a plan");
        let inputs = ReportInputs { weight_kg: Some(20.0), kidney: KidneyBasis::Esrd };
        assert_eq!(
            summary(plan, &inputs, "2026-11-30", Lang::En),
            "Kineret · NOMID · 2026-11-30\n\
             Weight: 20 kg\n\
             Kidney function: end-stage kidney disease or dialysis\n\
             Kineret (anakinra), NOMID\n\
             20 mg (0.13 mL) under the skin twice daily\n\
             Total per day: 40 mg (2 mg/kg/day × 20 kg)\n\
             Syringe 1: give 20 mg (0.13 mL)\n\
             Discard 80 mg left in the last syringe.\n\
             Creatinine clearance below 30 mL/min or end-stage kidney disease / dialysis: the label's suggestion to consider every other day is not combined with a twice-daily split automatically. This plan keeps the prescribed twice-daily schedule; check with the prescriber."
        );
        let big = DoseInput { weight: Some(WeightInput::Kg(20.0)), mg_per_kg_per_day: Some(8.0), split: Split::Once, esrd: false, ..input };
        let big = calculate(&big, Lang::Es).map_err(|e| format!("{e:?}"));
        let big = big.as_ref().map_err(String::as_str).expect("a plan");
        assert_eq!(full_syringes_line(big, Lang::Es).as_deref(), Some("1 jeringa entera y, de la última, la cantidad indicada."));
        assert_eq!(daily_dose_line(big, Lang::Es), "Total al día: 160 mg (8 mg/kg/día × 20 kg)");
        // The rate as the steps show it (4 decimals), so the product adds up.
        let odd = DoseInput { mg_per_kg_per_day: Some(2.125), ..input };
        let odd = calculate(&odd, Lang::En).map_err(|e| format!("{e:?}"));
        let odd = odd.as_ref().map_err(String::as_str).expect("a plan");
        assert_eq!(daily_dose_line(odd, Lang::En), "Total per day: 42.5 mg (2.125 mg/kg/day × 20 kg)");
        let ra = calculate(&DoseInput { indication: Some(Indication::Ra), weight: None, mg_per_kg_per_day: None, ..input }, Lang::En);
        let ra = ra.as_ref().map_err(|_| "no plan").expect("a plan");
        // `input` has end-stage kidney disease: RA is every other day.
        assert_eq!(daily_dose_line(ra, Lang::En), "Total on each dosing day (every other day): 100 mg");
        let ra_daily = calculate(&DoseInput { indication: Some(Indication::Ra), ..DoseInput::default() }, Lang::En).unwrap();
        assert_eq!(daily_dose_line(&ra_daily, Lang::En), "Total per day: 100 mg");
        // RENAL-EOD: every other day is never called a daily total.
        let ra_eod = calculate(&DoseInput { indication: Some(Indication::Ra), esrd: true, ..DoseInput::default() }, Lang::En).unwrap();
        assert_eq!(ra_eod.interval_days, 2);
        assert_eq!(daily_dose_line(&ra_eod, Lang::En), "Total on each dosing day (every other day): 100 mg");
        assert_eq!(daily_dose_line(&ra_eod, Lang::Es), "Total en cada día de dosis (en días alternos): 100 mg");
        assert_eq!(full_syringes_line(ra, Lang::En), None);
        assert_eq!(discard_line(ra, Lang::En), "Nothing to discard: every syringe is used in full.");
    }

    #[test]
    fn syringe_rows_give_mg_first_then_ml__prod_grad() {
        // PROD-GRAD: mg first, mL second, wherever the dose is shown.
        use crate::core::dose::{calculate, DoseInput, WeightInput};
        let input = DoseInput {
            indication: Some(Indication::Nomid),
            weight: Some(WeightInput::Kg(20.0)),
            mg_per_kg_per_day: Some(8.0),
            ..DoseInput::default()
        };
        let plan = calculate(&input, Lang::En).map_err(|e| format!("{e:?}"));
        let plan = plan.as_ref().map_err(String::as_str).expect("a plan");
        assert_eq!(syringe_rows(plan, Lang::En), vec!["Syringe 1: give 100 mg (0.67 mL)", "Syringe 2: give 60 mg (0.4 mL)"]);
        assert_eq!(syringe_rows(plan, Lang::Es)[1], "Jeringa 2: administre 60 mg (0,4 mL)");
        let [en, es] = CalcUi::SyringePictures.texts();
        assert!(en.starts_with("Syringe pictures") && es.starts_with("Imágenes de las jeringas"));
    }

    #[test]
    fn indication_options_follow_the_region__ind_us_covid_ind_eu_covid() {
        // IND-EU-COVID: the EU option names the suPAR criterion; IND-US-COVID: the EUA.
        assert_eq!(indication_option(Indication::Covid19, Region::Eu).tr(Lang::En), "COVID-19 (plasma suPAR ≥ 6 ng/mL)");
        assert_eq!(indication_option(Indication::Covid19, Region::Us).tr(Lang::En), "COVID-19 (emergency use authorization)");
        assert_eq!(indication_option(Indication::Fmf, Region::Eu).tr(Lang::Es), "Fiebre mediterránea familiar (FMF)");
        assert_eq!(IndicationOption::ALL.len(), 8);
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
