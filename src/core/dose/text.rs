//! Every user-visible string of the dose and renal calculators, `[en, es]`.
//! Spanish follows the terms table in CLINICAL.md. Numbers are formatted by
//! `core::format` and substituted with `i18n::fill`; no clinical number is
//! written into a template except where the template itself states the rule
//! and a test checks it against the table.

use super::rules::Indication;
use crate::core::i18n::Translate;

/// How the shell should style a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Caution,
    Danger,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Caution, Severity::Danger];
    /// "info" | "caution" | "danger".
    pub fn code(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Caution => "caution",
            Severity::Danger => "danger",
        }
    }
}

/// Warning codes (the API `code`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarningCode {
    /// RENAL-EOD / RENAL-COVID: every other day (the label's suggestion, as chosen or by default).
    RenalEveryOtherDay,
    /// RENAL-EOD: the prescribed daily schedule kept, as chosen.
    RenalDailyKept,
    /// RENAL-SPLIT: twice daily kept; the every-other-day suggestion is not combined with a split.
    RenalSplitKept,
    /// RENAL-SPLIT: twice daily every other day, only as the explicit choice.
    RenalSplitEveryOtherDay,
    /// RENAL-MOD-EU: CrCl 30–59 mL/min in the EU.
    RenalModerate,
    HospitalOnly,
    /// DOSE-RA-U18.
    NotApprovedUnder18,
    /// DOSE-COVID-U18 (us).
    NotAuthorizedUnder18,
    /// DOSE-COVID-U18 (eu).
    NotRecommendedUnder18,
    /// IND-*: the indication is not in the region's label.
    NotInRegionLabel,
    /// DOSE-EU-FLOOR.
    BelowEuMinimum,
    DoseStep,
    /// PROD-GRAD.
    BelowSyringeMarks,
    /// DOSE-SEVERAL.
    SeveralSyringes,
}

impl WarningCode {
    pub const ALL: [WarningCode; 14] = [
        WarningCode::RenalEveryOtherDay,
        WarningCode::RenalDailyKept,
        WarningCode::RenalSplitKept,
        WarningCode::RenalSplitEveryOtherDay,
        WarningCode::RenalModerate,
        WarningCode::HospitalOnly,
        WarningCode::NotApprovedUnder18,
        WarningCode::NotAuthorizedUnder18,
        WarningCode::NotRecommendedUnder18,
        WarningCode::NotInRegionLabel,
        WarningCode::BelowEuMinimum,
        WarningCode::DoseStep,
        WarningCode::BelowSyringeMarks,
        WarningCode::SeveralSyringes,
    ];

    pub fn code(self) -> &'static str {
        match self {
            WarningCode::RenalEveryOtherDay => "renal_every_other_day",
            WarningCode::RenalDailyKept => "renal_daily_kept",
            WarningCode::RenalSplitKept => "renal_split_kept",
            WarningCode::RenalSplitEveryOtherDay => "renal_split_every_other_day",
            WarningCode::RenalModerate => "renal_moderate",
            WarningCode::HospitalOnly => "hospital_only",
            WarningCode::NotApprovedUnder18 => "not_approved_under_18",
            WarningCode::NotAuthorizedUnder18 => "not_authorized_under_18",
            WarningCode::NotRecommendedUnder18 => "not_recommended_under_18",
            WarningCode::NotInRegionLabel => "not_in_region_label",
            WarningCode::BelowEuMinimum => "below_eu_minimum",
            WarningCode::DoseStep => "dose_step",
            WarningCode::BelowSyringeMarks => "below_syringe_marks",
            WarningCode::SeveralSyringes => "several_syringes",
        }
    }

    /// Hospital only, uses outside the label and a regimen no label
    /// describes are Danger; renal and a dose below the syringe's marks
    /// Caution; dose_step and several syringes Info.
    pub fn severity(self) -> Severity {
        match self {
            WarningCode::HospitalOnly
            | WarningCode::NotApprovedUnder18
            | WarningCode::NotAuthorizedUnder18
            | WarningCode::NotRecommendedUnder18
            | WarningCode::NotInRegionLabel
            | WarningCode::BelowEuMinimum
            | WarningCode::RenalSplitEveryOtherDay => Severity::Danger,
            WarningCode::RenalEveryOtherDay
            | WarningCode::RenalDailyKept
            | WarningCode::RenalSplitKept
            | WarningCode::RenalModerate
            | WarningCode::BelowSyringeMarks => Severity::Caution,
            WarningCode::DoseStep | WarningCode::SeveralSyringes => Severity::Info,
        }
    }
}

impl Translate for WarningCode {
    crate::text_slots!(WarningCode);
    fn en(self) -> &'static str {
        match self {
            WarningCode::RenalEveryOtherDay => "Creatinine clearance below {threshold} mL/min or end-stage kidney disease / dialysis: the label says to consider giving the dose every other day. This plan gives it every other day; the prescriber may keep the daily schedule.",
            WarningCode::RenalDailyKept => "Creatinine clearance below {threshold} mL/min or end-stage kidney disease / dialysis: consider giving the dose every other day. This plan keeps the prescribed daily schedule, as chosen.",
            WarningCode::RenalSplitKept => "Creatinine clearance below {threshold} mL/min or end-stage kidney disease / dialysis: the label's suggestion to consider every other day is not combined with a twice-daily split automatically. This plan keeps the prescribed twice-daily schedule; check with the prescriber.",
            WarningCode::RenalSplitEveryOtherDay => "Twice daily, every other day: no label describes this regimen. It is shown only because it was chosen; check it with the prescriber.",
            WarningCode::RenalModerate => "Creatinine clearance {crcl} mL/min, from {from} and below {to} mL/min: use with caution (EU label).",
            WarningCode::HospitalOnly => "COVID-19: for use in the hospital only, given by healthcare providers. Not for home injection.",
            WarningCode::NotApprovedUnder18 => "{indication}: not an approved use under {age} years. Check with the prescriber.",
            WarningCode::NotAuthorizedUnder18 => "{indication}: not authorized under {age} years (the emergency use authorization covers adults). Check with the prescriber.",
            WarningCode::NotRecommendedUnder18 => "{indication}: not recommended under {age} years. Check with the prescriber.",
            WarningCode::NotInRegionLabel => "{indication} is not in the {region} label: this dose is computed from the prescriber's numbers only. Check with the prescriber.",
            WarningCode::BelowEuMinimum => "{indication}: the EU label starts from {months} months of age and {kg}; below that is outside the label. Check with the prescriber.",
            WarningCode::BelowSyringeMarks => "{dose} from a syringe is under its first mark ({marks}): the measuring method comes from the prescriber or pharmacist.",
            WarningCode::SeveralSyringes => "Each dose of {dose} needs {count} syringes: {plan}.",
            WarningCode::DoseStep => "{rate} mg/kg/day is not a multiple of {step_min} mg/kg; the dose is adjusted in {step_min}–{step_max} mg/kg steps.",
        }
    }

    fn es(self) -> &'static str {
        match self {
            WarningCode::RenalEveryOtherDay => "Aclaramiento de creatinina menor de {threshold} mL/min o enfermedad renal terminal / diálisis: la ficha técnica indica considerar la dosis en días alternos. Este plan la da en días alternos; el profesional que la recetó puede mantener la pauta diaria.",
            WarningCode::RenalDailyKept => "Aclaramiento de creatinina menor de {threshold} mL/min o enfermedad renal terminal / diálisis: considere administrar la dosis en días alternos. Este plan mantiene la pauta diaria recetada, según lo elegido.",
            WarningCode::RenalSplitKept => "Aclaramiento de creatinina menor de {threshold} mL/min o enfermedad renal terminal / diálisis: la sugerencia de la ficha técnica de considerar días alternos no se combina automáticamente con la dosis dividida dos veces al día. Este plan mantiene la pauta recetada de dos veces al día; consulte con el profesional que la recetó.",
            WarningCode::RenalSplitEveryOtherDay => "Dos veces al día, en días alternos: ninguna ficha técnica describe esta pauta. Se muestra solo porque se ha elegido; compruébela con el profesional que la recetó.",
            WarningCode::RenalModerate => "Aclaramiento de creatinina de {crcl} mL/min, de {from} a menos de {to} mL/min: usar con precaución (ficha técnica de la UE).",
            WarningCode::HospitalOnly => "COVID-19: solo para uso en el hospital, administrado por profesionales de la salud. No es para inyección en casa.",
            WarningCode::NotApprovedUnder18 => "{indication}: no es un uso aprobado en menores de {age} años. Consulte con el profesional que lo recetó.",
            WarningCode::NotAuthorizedUnder18 => "{indication}: no autorizado en menores de {age} años (la autorización de uso de emergencia es para adultos). Consulte con el profesional que lo recetó.",
            WarningCode::NotRecommendedUnder18 => "{indication}: no se recomienda en menores de {age} años. Consulte con el profesional que lo recetó.",
            WarningCode::NotInRegionLabel => "{indication} no figura en la ficha técnica de {region}: esta dosis se calcula solo con los datos del profesional que la recetó. Consulte con él o ella.",
            WarningCode::BelowEuMinimum => "{indication}: la ficha técnica de la UE empieza a partir de {months} meses de edad y {kg}; por debajo queda fuera de la ficha. Consulte con el profesional que lo recetó.",
            WarningCode::BelowSyringeMarks => "{dose} de una jeringa está por debajo de su primera marca ({marks}): el método para medirlo lo indica el profesional que lo recetó o el farmacéutico(a).",
            WarningCode::SeveralSyringes => "Cada dosis de {dose} necesita {count} jeringas: {plan}.",
            WarningCode::DoseStep => "{rate} mg/kg/día no es múltiplo de {step_min} mg/kg; la dosis se ajusta en pasos de {step_min}–{step_max} mg/kg.",
        }
    }
}

crate::messages! {
    /// The region's name in "not in the {region} label".
    pub enum RegionName {
        Us => ["US", "EE. UU."],
        Eu => ["EU", "la UE"],
    }
}

/// The region's name in a sentence ("the US label", "la ficha técnica de la UE").
pub fn region_name(region: crate::core::attrs::Region) -> RegionName {
    match region {
        crate::core::attrs::Region::Us => RegionName::Us,
        crate::core::attrs::Region::Eu => RegionName::Eu,
    }
}

impl Translate for Indication {
    crate::text_slots!(Indication);
    fn en(self) -> &'static str {
        match self {
            Indication::Ra => "Rheumatoid arthritis",
            Indication::Nomid => "NOMID",
            Indication::Dira => "DIRA",
            Indication::Covid19 => "COVID-19",
            Indication::Caps => "CAPS",
            Indication::Fmf => "Familial Mediterranean fever",
            Indication::Stills => "Still's disease",
        }
    }

    fn es(self) -> &'static str {
        match self {
            Indication::Ra => "Artritis reumatoide",
            Indication::Nomid => "NOMID",
            Indication::Dira => "DIRA",
            Indication::Covid19 => "COVID-19",
            Indication::Caps => "CAPS",
            Indication::Fmf => "Fiebre mediterránea familiar",
            Indication::Stills => "Enfermedad de Still",
        }
    }
}

/// Frequencies, always spelled out (ISMP: never qd, BID, QOD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Freq {
    OnceDaily,
    TwiceDaily,
    EveryOtherDay,
    TwiceDailyEveryOtherDay,
}

impl Freq {
    pub const ALL: [Freq; 4] = [Freq::OnceDaily, Freq::TwiceDaily, Freq::EveryOtherDay, Freq::TwiceDailyEveryOtherDay];
}

impl Translate for Freq {
    crate::text_slots!(Freq);
    fn en(self) -> &'static str {
        match self {
            Freq::OnceDaily => "once daily",
            Freq::TwiceDaily => "twice daily",
            Freq::EveryOtherDay => "every other day",
            Freq::TwiceDailyEveryOtherDay => "twice daily, every other day",
        }
    }

    fn es(self) -> &'static str {
        match self {
            Freq::OnceDaily => "una vez al día",
            Freq::TwiceDaily => "dos veces al día",
            Freq::EveryOtherDay => "en días alternos",
            Freq::TwiceDailyEveryOtherDay => "dos veces al día, en días alternos",
        }
    }
}

/// The one-sentence instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Instruction {
    Plain,
    Course,
    CourseWithDoses,
}

impl Instruction {
    pub const ALL: [Instruction; 3] = [Instruction::Plain, Instruction::Course, Instruction::CourseWithDoses];
}

impl Translate for Instruction {
    crate::text_slots!(Instruction);
    fn en(self) -> &'static str {
        match self {
            Instruction::Plain => "{dose} ({volume}) under the skin {frequency}",
            Instruction::Course => "{dose} ({volume}) under the skin {frequency} for {days} days",
            Instruction::CourseWithDoses => "{dose} ({volume}) under the skin {frequency} for {days} days ({doses} doses)",
        }
    }

    fn es(self) -> &'static str {
        match self {
            Instruction::Plain => "{dose} ({volume}) debajo de la piel {frequency}",
            Instruction::Course => "{dose} ({volume}) debajo de la piel {frequency} durante {days} días",
            Instruction::CourseWithDoses => "{dose} ({volume}) debajo de la piel {frequency} durante {days} días ({doses} dosis)",
        }
    }
}

/// "Show your work" steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepMsg {
    WeightFromLb,
    WeightKg,
    RuleFixed,
    RuleFixedCourse,
    RulePerKg,
    RulePerKgNoSteps,
    DailyDoseExact,
    DailyDoseRoundedDown,
    CapOk,
    OnceDaily,
    TwiceDaily,
    RenalBelow,
    RenalEsrd,
    RenalDialysis,
    RenalOk,
    RenalBelowEgfr,
    RenalOkEgfr,
    RenalUnknown,
    CourseDoses,
    Volume,
    Syringes,
    RuleFixedFromKg,
    FixedFromKgApplied,
    CapsMaintenance,
    CapsMonitoring,
    CovidCriterionUs,
    CovidCriterionEu,
    ScheduleChosen,
}

impl StepMsg {
    pub const ALL: [StepMsg; 28] = [
        StepMsg::WeightFromLb,
        StepMsg::WeightKg,
        StepMsg::RuleFixed,
        StepMsg::RuleFixedCourse,
        StepMsg::RulePerKg,
        StepMsg::RulePerKgNoSteps,
        StepMsg::DailyDoseExact,
        StepMsg::DailyDoseRoundedDown,
        StepMsg::CapOk,
        StepMsg::OnceDaily,
        StepMsg::TwiceDaily,
        StepMsg::RenalBelow,
        StepMsg::RenalEsrd,
        StepMsg::RenalDialysis,
        StepMsg::RenalOk,
        StepMsg::RenalBelowEgfr,
        StepMsg::RenalOkEgfr,
        StepMsg::RenalUnknown,
        StepMsg::CourseDoses,
        StepMsg::Volume,
        StepMsg::Syringes,
        StepMsg::RuleFixedFromKg,
        StepMsg::FixedFromKgApplied,
        StepMsg::CapsMaintenance,
        StepMsg::CapsMonitoring,
        StepMsg::CovidCriterionUs,
        StepMsg::CovidCriterionEu,
        StepMsg::ScheduleChosen,
    ];
}

impl Translate for StepMsg {
    crate::text_slots!(StepMsg);
    fn en(self) -> &'static str {
        match self {
            StepMsg::WeightFromLb => "Weight: {lb} lb × {factor} kg/lb = {kg} (rounded down to 0.01 kg)",
            StepMsg::WeightKg => "Weight used: {kg} (rounded down to 0.01 kg)",
            StepMsg::RuleFixed => "{indication}: fixed dose of {dose} {frequency}, not based on weight.",
            StepMsg::RuleFixedCourse => "{indication}: fixed dose of {dose} {frequency} for {days} days, not based on weight.",
            StepMsg::RulePerKg => "{indication}: dose in mg/kg/day, adjusted in {step_min}–{step_max} mg/kg steps, maximum {max} mg/kg/day.",
            StepMsg::RulePerKgNoSteps => "{indication}: dose in mg/kg/day, maximum {max} mg/kg/day.",
            StepMsg::DailyDoseExact => "Daily dose: {rate} mg/kg/day × {kg} = {daily}",
            StepMsg::DailyDoseRoundedDown => "Daily dose: {rate} mg/kg/day × {kg} = {exact}, rounded down to {resolution}: {daily}",
            StepMsg::CapOk => "{rate} mg/kg/day is not above the maximum of {max} mg/kg/day.",
            StepMsg::OnceDaily => "Once daily: the whole daily dose, {dose}, at one time.",
            StepMsg::TwiceDaily => "Twice daily: {daily} ÷ 2 = {dose} each time (rounded down to {resolution}).",
            StepMsg::RenalBelow => "Creatinine clearance {crcl} mL/min is below {threshold} mL/min: the label says to consider every other day, same dose each time.",
            StepMsg::RenalEsrd => "End-stage kidney disease / dialysis: the label says to consider every other day, same dose each time.",
            StepMsg::RenalDialysis => "Dialysis removes less than 2.5 % of a dose.",
            StepMsg::RenalOk => "Creatinine clearance {crcl} mL/min is {threshold} mL/min or more: no change to the schedule.",
            StepMsg::RenalBelowEgfr => "Estimated GFR (bedside Schwartz) {crcl} mL/min/1.73 m², an approximation compared with the {threshold} mL/min threshold: below it, so the label says to consider every other day, same dose each time.",
            StepMsg::RenalOkEgfr => "Estimated GFR (bedside Schwartz) {crcl} mL/min/1.73 m², an approximation compared with the {threshold} mL/min threshold: {threshold} or more, no change to the schedule.",
            StepMsg::RenalUnknown => "No creatinine clearance or dialysis entered: usual schedule. Below {threshold} mL/min or with dialysis, the label says to consider every other day.",
            StepMsg::CourseDoses => "{frequency} for {days} days: {doses} doses in total.",
            StepMsg::Volume => "Volume: {dose} × {syringe_ml} / {syringe_mg} = {volume}",
            StepMsg::Syringes => "Prefilled syringes per dose: {count} (single use, {syringe_mg} each); discard {discard}.",
            StepMsg::RuleFixedFromKg => "{indication}: from {from_kg}, a fixed dose of {dose} {frequency}; under {from_kg}, the prescribed mg/kg/day {frequency}, maximum {max} mg/kg/day.",
            StepMsg::FixedFromKgApplied => "Weight {kg} is {from_kg} or more: fixed dose of {dose} {frequency}, not based on weight.",
            StepMsg::CapsMaintenance => "CAPS: start 1–2 mg/kg/day. Mild CAPS (FCAS, mild MWS): usually kept at 1–2 mg/kg/day. Severe CAPS (MWS, NOMID/CINCA): increases are often needed within 1–2 months; usual maintenance 3–4 mg/kg/day.",
            StepMsg::CapsMonitoring => "Severe CAPS: assess CNS inflammation (including the inner ear: MRI or CT, lumbar puncture, audiology) and the eyes after the first 3 months, then every 6 months until effective doses are found.",
            StepMsg::CovidCriterionUs => "COVID-19 (emergency use authorization, not approved): hospitalised adults with pneumonia needing supplemental oxygen, at risk of severe respiratory failure, likely to have a raised suPAR.",
            StepMsg::CovidCriterionEu => "COVID-19 (EU label): adults with pneumonia needing supplemental oxygen, at risk of severe respiratory failure, with plasma suPAR ≥ 6 ng/mL.",
            StepMsg::ScheduleChosen => "Schedule used: {frequency}.",
        }
    }

    fn es(self) -> &'static str {
        match self {
            StepMsg::WeightFromLb => "Peso: {lb} lb × {factor} kg/lb = {kg} (redondeado a la baja a 0,01 kg)",
            StepMsg::WeightKg => "Peso utilizado: {kg} (redondeado a la baja a 0,01 kg)",
            StepMsg::RuleFixed => "{indication}: dosis fija de {dose} {frequency}, no basada en el peso.",
            StepMsg::RuleFixedCourse => "{indication}: dosis fija de {dose} {frequency} durante {days} días, no basada en el peso.",
            StepMsg::RulePerKg => "{indication}: dosis en mg/kg/día, ajustada en pasos de {step_min}–{step_max} mg/kg, máximo {max} mg/kg/día.",
            StepMsg::RulePerKgNoSteps => "{indication}: dosis en mg/kg/día, máximo {max} mg/kg/día.",
            StepMsg::DailyDoseExact => "Dosis diaria: {rate} mg/kg/día × {kg} = {daily}",
            StepMsg::DailyDoseRoundedDown => "Dosis diaria: {rate} mg/kg/día × {kg} = {exact}, redondeada hacia abajo a {resolution}: {daily}",
            StepMsg::CapOk => "{rate} mg/kg/día no supera el máximo de {max} mg/kg/día.",
            StepMsg::OnceDaily => "Una vez al día: toda la dosis diaria, {dose}, de una sola vez.",
            StepMsg::TwiceDaily => "Dos veces al día: {daily} ÷ 2 = {dose} cada vez (redondeada hacia abajo a {resolution}).",
            StepMsg::RenalBelow => "Aclaramiento de creatinina de {crcl} mL/min, menor de {threshold} mL/min: la ficha técnica indica considerar la administración en días alternos, misma dosis cada vez.",
            StepMsg::RenalEsrd => "Enfermedad renal terminal / diálisis: la ficha técnica indica considerar la administración en días alternos, misma dosis cada vez.",
            StepMsg::RenalDialysis => "La diálisis elimina menos del 2,5 % de una dosis.",
            StepMsg::RenalOk => "Aclaramiento de creatinina de {crcl} mL/min, de {threshold} mL/min o más: sin cambios en la pauta.",
            StepMsg::RenalBelowEgfr => "FG estimado (Schwartz a pie de cama) de {crcl} mL/min/1,73 m², una aproximación comparada con el umbral de {threshold} mL/min: por debajo, así que la ficha técnica indica considerar la administración en días alternos, misma dosis cada vez.",
            StepMsg::RenalOkEgfr => "FG estimado (Schwartz a pie de cama) de {crcl} mL/min/1,73 m², una aproximación comparada con el umbral de {threshold} mL/min: {threshold} o más, sin cambios en la pauta.",
            StepMsg::RenalUnknown => "No se indicó aclaramiento de creatinina ni diálisis: pauta habitual. Con menos de {threshold} mL/min o con diálisis, la ficha técnica indica considerar la administración en días alternos.",
            StepMsg::CourseDoses => "{frequency} durante {days} días: {doses} dosis en total.",
            StepMsg::Volume => "Volumen: {dose} × {syringe_ml} / {syringe_mg} = {volume}",
            StepMsg::Syringes => "Jeringas precargadas por dosis: {count} (de un solo uso, {syringe_mg} cada una); deseche {discard}.",
            StepMsg::RuleFixedFromKg => "{indication}: desde {from_kg}, dosis fija de {dose} {frequency}; con menos de {from_kg}, la dosis recetada en mg/kg/día {frequency}, máximo {max} mg/kg/día.",
            StepMsg::FixedFromKgApplied => "Peso de {kg}, de {from_kg} o más: dosis fija de {dose} {frequency}, no basada en el peso.",
            StepMsg::CapsMaintenance => "CAPS: inicio con 1–2 mg/kg/día. CAPS leve (FCAS, MWS leve): normalmente se mantiene en 1–2 mg/kg/día. CAPS grave (MWS, NOMID/CINCA): a menudo hay que aumentar la dosis en 1–2 meses; mantenimiento habitual 3–4 mg/kg/día.",
            StepMsg::CapsMonitoring => "CAPS grave: evaluar la inflamación del SNC (incluido el oído interno: RM o TC, punción lumbar, audiología) y los ojos tras los 3 primeros meses y después cada 6 meses hasta encontrar la dosis eficaz.",
            StepMsg::CovidCriterionUs => "COVID-19 (autorización de uso de emergencia, no aprobado): adultos hospitalizados con neumonía que necesitan oxígeno suplementario, con riesgo de insuficiencia respiratoria grave y probable suPAR elevado.",
            StepMsg::CovidCriterionEu => "COVID-19 (ficha técnica de la UE): adultos con neumonía que necesitan oxígeno suplementario, con riesgo de insuficiencia respiratoria grave y suPAR plasmático ≥ 6 ng/mL.",
            StepMsg::ScheduleChosen => "Pauta utilizada: {frequency}.",
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;
    use crate::core::units::NumberError;
    use crate::core::limits::ErrorCode;

    /// The `{placeholder}` names of a template, sorted and deduplicated.
    pub(crate) fn placeholders(t: &str) -> Vec<&str> {
        let mut out = crate::core::i18n::placeholders(t);
        out.dedup();
        out
    }

    fn same_placeholders<T: Translate + std::fmt::Debug>(all: &[T]) {
        for &v in all {
            let [en, es] = v.texts();
            assert!(!en.is_empty() && !es.is_empty(), "{v:?} has an empty text");
            assert_ne!(en, es, "{v:?}: Spanish text is a copy of the English one");
            assert_eq!(placeholders(en), placeholders(es), "{v:?}: en/es placeholders differ");
        }
    }

    #[test]
    fn every_template_has_same_placeholders_in_en_and_es() {
        same_placeholders(&ErrorCode::ALL);
        same_placeholders(&WarningCode::ALL);
        same_placeholders(&Freq::ALL);
        same_placeholders(&Instruction::ALL);
        same_placeholders(&StepMsg::ALL);
        same_placeholders(&NumberError::ALL);
        for ind in Indication::ALL {
            let [en, es] = ind.texts();
            assert!(placeholders(en).is_empty() && placeholders(es).is_empty());
        }
    }

    #[test]
    fn frequencies_spelled_out__ismp() {
        for f in Freq::ALL {
            for t in f.texts() {
                let lower = t.to_ascii_lowercase();
                for abbr in ["qd", "bid", "qod", "q.d", "b.i.d", "tid"] {
                    assert!(!lower.split(|c: char| !c.is_ascii_alphanumeric() && c != '.').any(|w| w == abbr), "{t}");
                }
            }
        }
        assert_eq!(Freq::EveryOtherDay.texts(), ["every other day", "en días alternos"]);
    }

    #[test]
    fn codes_are_unique_snake_case() {
        let mut codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
        codes.extend(WarningCode::ALL.iter().map(|c| c.code()));
        for c in &codes {
            assert!(c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit()), "{c}");
        }
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }

    #[test]
    fn warning_severities() {
        assert_eq!(WarningCode::HospitalOnly.severity(), Severity::Danger);
        assert_eq!(WarningCode::NotApprovedUnder18.severity(), Severity::Danger);
        assert_eq!(WarningCode::RenalEveryOtherDay.severity(), Severity::Caution);
        assert_eq!(WarningCode::DoseStep.severity(), Severity::Info);
        assert_eq!(Severity::Caution.code(), "caution");
    }
}
