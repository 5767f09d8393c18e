//! The clinical fact register: one row per fact ID of the project's clinical
//! reference (`docs/CLINICAL.md`, carried over from the shared CLINICAL.md
//! version 2 with the same IDs). Every rule, message and test that applies a
//! clinical fact cites its [`Fact`]; the user sees [`Fact::source`] (or the
//! region's part of it, [`Fact::source_in`]).
//!
//! `docs/RULES.md` is generated from this table and from the code and tests
//! that cite each fact (`make rules`; `tests/rulebook.rs` fails when it is out
//! of date, when a fact has no rule or message, or when no test cites it).
//!
//! The plain-words column ([`Fact::rule_en`]) is read by the rule book only;
//! the wasm build never calls it, so the linker leaves it out.

use crate::core::attrs::Region;

/// Where a fact applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Both,
    Us,
    Eu,
}

impl Scope {
    pub fn applies_to(self, region: Region) -> bool {
        matches!((self, region), (Scope::Both, _) | (Scope::Us, Region::Us) | (Scope::Eu, Region::Eu))
    }

    pub fn code(self) -> &'static str {
        match self {
            Scope::Both => "us, eu",
            Scope::Us => "us",
            Scope::Eu => "eu",
        }
    }
}

macro_rules! facts {
    ($($variant:ident = $id:literal, $scope:ident, $confirm:literal, $source:literal, $rule:literal;)*) => {
        /// A clinical fact ID (`Fact::StoreEuRt` is `STORE-EU-RT`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Fact { $($variant),* }

        impl Fact {
            pub const ALL: &'static [Fact] = &[$(Fact::$variant),*];

            /// The ID as in the clinical reference, e.g. "STORE-EU-RT".
            pub fn id(self) -> &'static str {
                match self { $(Fact::$variant => $id),* }
            }

            /// Where the fact applies.
            pub fn scope(self) -> Scope {
                match self { $(Fact::$variant => Scope::$scope),* }
            }

            /// Marked "(confirm)" in the reference: listed in the rule book's
            /// "to confirm before release" section.
            pub fn to_confirm(self) -> bool {
                match self { $(Fact::$variant => $confirm),* }
            }

            /// The label sections the user sees, e.g. "US PI 2.2; EU SmPC 4.2".
            pub fn source(self) -> &'static str {
                match self { $(Fact::$variant => $source),* }
            }

            /// The rule in plain words (English), for the rule book.
            pub fn rule_en(self) -> &'static str {
                match self { $(Fact::$variant => $rule),* }
            }
        }
    };
}

facts! {
    // Product
    ProdSyr = "PROD-SYR", Both, false, "US PI 3, 16; EU SmPC 2",
        "One single-dose prefilled syringe holds 100 mg anakinra in 0.67 mL (150 mg/mL): a dose of D mg is D x 0.0067 mL.";
    ProdSingle = "PROD-SINGLE", Both, false, "US PI 2.2, seed",
        "Use a new syringe for every dose and throw away what is left after each dose.";
    ProdRoute = "PROD-ROUTE", Both, false, "US PI, seed",
        "Subcutaneous (under the skin) only.";
    ProdGrad = "PROD-GRAD", Both, false, "EU SmPC 2, EU PL 3, US PI 2.2",
        "Show mg first and mL second. The EU syringe is graduated in mg from 20 mg; a dose under 20 mg is below the first mark and its measuring method comes from the prescriber or pharmacist. In the US, ask the provider or pharmacist how to measure a partial dose.";
    ProdLatex = "PROD-LATEX", Both, false, "US PI; EU SmPC 6.5",
        "The syringe and needle shield are not made with natural rubber latex; never say otherwise.";
    ProdLook = "PROD-LOOK", Both, false, "EU SmPC 3, US PI 16",
        "The solution is clear, colourless to white, and may contain a few translucent-to-white protein particles, which are normal.";
    // Indications
    IndUsRa = "IND-US-RA", Us, false, "US PI 1.1",
        "US: rheumatoid arthritis in adults (18 years and over) after at least one DMARD failed.";
    IndUsNomid = "IND-US-NOMID", Us, false, "US PI 1.2",
        "US: CAPS, neonatal-onset multisystem inflammatory disease (NOMID), children and adults.";
    IndUsDira = "IND-US-DIRA", Us, false, "US PI 1.3",
        "US: deficiency of interleukin-1 receptor antagonist (DIRA), children and adults.";
    IndUsCovid = "IND-US-COVID", Us, false, "EUA",
        "US: COVID-19 is authorized for emergency use (not approved) in hospitalised adults with pneumonia needing supplemental oxygen, at risk of severe respiratory failure, likely to have a raised suPAR.";
    IndEuRa = "IND-EU-RA", Eu, false, "EU SmPC 4.1",
        "EU: rheumatoid arthritis in adults, with methotrexate, after an inadequate response to methotrexate alone.";
    IndEuCovid = "IND-EU-COVID", Eu, false, "EU SmPC 4.1",
        "EU: COVID-19 in adults with pneumonia needing supplemental oxygen, at risk of severe respiratory failure, with plasma suPAR of at least 6 ng/mL.";
    IndEuCaps = "IND-EU-CAPS", Eu, false, "EU SmPC 4.1",
        "EU: CAPS (NOMID/CINCA, Muckle-Wells syndrome, familial cold autoinflammatory syndrome) from 8 months of age and 10 kg.";
    IndEuFmf = "IND-EU-FMF", Eu, false, "EU SmPC 4.1",
        "EU: familial Mediterranean fever, with colchicine if appropriate, from 8 months of age and 10 kg.";
    IndEuStill = "IND-EU-STILL", Eu, false, "EU SmPC 4.1",
        "EU: Still's disease (systemic JIA and adult-onset Still's disease) from 8 months of age and 10 kg.";
    // Dosing
    DoseRa = "DOSE-RA", Both, false, "US PI 2.1; EU SmPC 4.2",
        "RA: 100 mg once daily at about the same time each day, not weight based.";
    DoseNomidUs = "DOSE-NOMID-US", Us, false, "US PI 2.2",
        "NOMID: start 1-2 mg/kg/day, adjust in 0.5-1 mg/kg steps, at most 8 mg/kg/day; once daily, or split in two (twice daily).";
    DoseDiraUs = "DOSE-DIRA-US", Us, false, "US PI 2.3, seed",
        "DIRA: start 1-2 mg/kg/day, adjust in 0.5-1 mg/kg steps, at most 8 mg/kg/day; once daily (may be split in two).";
    DoseCapsEu = "DOSE-CAPS-EU", Eu, false, "EU SmPC 4.2",
        "CAPS: start 1-2 mg/kg/day once daily. Mild CAPS (FCAS, mild MWS) usually stays at 1-2 mg/kg/day; severe CAPS (MWS, NOMID/CINCA) often needs increases within 1-2 months, usual maintenance 3-4 mg/kg/day; at most 8 mg/kg/day.";
    MonCapsEu = "MON-CAPS-EU", Eu, false, "EU SmPC 4.2",
        "Severe CAPS: assess CNS inflammation (including the inner ear: MRI or CT, lumbar puncture, audiology) and the eyes after the first 3 months, then every 6 months until effective doses are found.";
    DoseFmfEu = "DOSE-FMF-EU", Eu, true, "EU SmPC 4.2",
        "FMF: 50 kg and over, 100 mg once daily; under 50 kg, by weight, start 1-2 mg/kg/day; children with an inadequate response may go up to 4 mg/kg/day.";
    DoseStillEu = "DOSE-STILL-EU", Eu, true, "EU SmPC 4.2",
        "Still's disease: 50 kg and over, 100 mg once daily; under 50 kg, by weight, start 1-2 mg/kg/day; response evaluated after 1 month.";
    DoseCovidUs = "DOSE-COVID-US", Us, false, "EUA",
        "COVID-19 (EUA): 100 mg once daily for 10 days.";
    DoseCovidEu = "DOSE-COVID-EU", Eu, false, "EU PL 3; EU SmPC 4.2",
        "COVID-19: 100 mg once daily for 10 days.";
    DoseMax = "DOSE-MAX", Both, false, "US PI 2.2; EU SmPC 4.2",
        "Every weight-based dose: never above 8 mg/kg/day; when split, each administration is half the daily dose.";
    DoseSeveral = "DOSE-SEVERAL", Both, false, "US PI 2.2, seed",
        "A dose above 100 mg needs more than one syringe: show how many, the amount from each and the mg thrown away.";
    DoseRaU18 = "DOSE-RA-U18", Both, false, "US PI 1.1; EU PL 2",
        "RA under 18: not an approved use; warn, never compute silently.";
    DoseCovidU18 = "DOSE-COVID-U18", Both, false, "EUA; EU PL 2",
        "COVID-19 under 18: not authorized (US) / not recommended (EU); warn.";
    DoseEuFloor = "DOSE-EU-FLOOR", Eu, false, "EU SmPC 4.1; EU PL 2",
        "CAPS, FMF, Still's (EU): under 8 months of age or under 10 kg is outside the EU label; warn.";
    DoseCovidHosp = "DOSE-COVID-HOSP", Both, false, "seed, EUA",
        "COVID-19 is hospital use only: no home guidance (no home checklist, warm-up timer, injection reminders or 1-year blood-test schedule).";
    // Renal function
    RenalEod = "RENAL-EOD", Both, true, "US PI 2.4; EU SmPC 4.2",
        "CrCl under 30 mL/min, or end-stage kidney disease or dialysis: the prescriber should consider giving the prescribed dose every other day. A suggestion: the user may keep the prescribed daily schedule, and everything downstream follows the schedule chosen.";
    RenalCovid = "RENAL-COVID", Both, false, "EUA",
        "COVID-19 with CrCl under 30 mL/min: consider 100 mg every other day, 5 doses over 10 days.";
    RenalSplit = "RENAL-SPLIT", Both, false, "US PI 2.2, 2.4",
        "No label describes a twice-daily split combined with every-other-day dosing: never build that regimen silently; only as the prescriber's explicit choice, with a warning.";
    RenalModEu = "RENAL-MOD-EU", Eu, true, "EU SmPC 4.2",
        "EU: CrCl 30-59 mL/min, use with caution.";
    RenalDial = "RENAL-DIAL", Both, false, "US PI 12.3",
        "Dialysis removes less than 2.5 % of a dose.";
    RenalCg = "RENAL-CG", Both, false, "US PI 2.4",
        "Adults (18 and over): Cockcroft-Gault, (140 - age) x weight (kg) / (72 x SCr mg/dL), x 0.85 if female, with actual body weight (which overestimates CrCl in obesity).";
    RenalUnits = "RENAL-UNITS", Both, false, "standard",
        "Serum creatinine in umol/L divided by 88.4 gives mg/dL.";
    RenalSchwartz = "RENAL-SCHWARTZ", Both, false, "CKiD",
        "Children: bedside Schwartz 0.413 x height (cm) / SCr (mg/dL), an eGFR in mL/min/1.73 m2, validated for ages 1-16: age required, refused at 18 and over, caution under 1 year; compared with the 30 mL/min threshold as an approximation.";
    // Monitoring, contraindications, warnings
    MonAncUs = "MON-ANC-US", Us, false, "US PI 5.x",
        "Neutrophil count before starting, monthly for 3 months, then every 3 months up to 1 year.";
    MonAncEu = "MON-ANC-EU", Eu, true, "EU SmPC 4.4",
        "Neutrophil count before starting, monthly for the first 6 months, then every 3 months.";
    CiEcoli = "CI-ECOLI", Both, false, "US PI 4; EU SmPC 4.3",
        "Allergy to E. coli-derived proteins, anakinra or any ingredient: do not use.";
    CiNeutroEu = "CI-NEUTRO-EU", Eu, false, "EU SmPC 4.3; EU PL 2",
        "Do not start with neutropenia (ANC under 1.5 x 10^9/L).";
    WarnInfect = "WARN-INFECT", Both, false, "US PI 5.1; EU PL 4",
        "Serious infections: do not start during an active infection; call the provider for signs of infection (persistent high or low fever, shivers, cough, headache, red tender skin, weight loss).";
    WarnAllergy = "WARN-ALLERGY", Both, false, "US PI 5.3; EU PL 4",
        "Severe allergic signs (swelling of face, tongue or throat; trouble swallowing or breathing; fast pulse or sweating; itchy rash): emergency help, no more injections; highest risk in DIRA in the first weeks.";
    WarnTnf = "WARN-TNF", Both, false, "US PI 5.2, 7; EU PL 2",
        "TNF blockers (etanercept, adalimumab, infliximab, certolizumab, golimumab and biosimilars): combination not recommended.";
    WarnLivevax = "WARN-LIVEVAX", Both, false, "US PI 5.x; EU PL 2",
        "No live (attenuated) vaccines during treatment, viral or bacterial (e.g. BCG, oral typhoid); vaccinations up to date before starting.";
    WarnCyp = "WARN-CYP", Both, false, "US PI 7; EU PL 2",
        "When starting or stopping, doses of narrow-range medicines metabolised by CYP450 (e.g. warfarin, phenytoin) may need adjusting.";
    WarnDress = "WARN-DRESS", Eu, false, "EU PL 2",
        "DRESS, mainly in SJIA: seek help at once for an unusual widespread rash, possibly with fever and swollen lymph nodes; tell the doctor of any past widespread rash or skin peeling after Kineret.";
    WarnStillLung = "WARN-STILL-LUNG", Eu, false, "EU PL 2",
        "Still's disease, mainly children (higher risk with trisomy 21): lung disease; contact the provider for breathlessness on light exercise, morning cough or difficulty breathing.";
    WarnLiver = "WARN-LIVER", Both, false, "EU SmPC 4.4; EU PL 4",
        "Still's: liver events mostly in the first month, liver enzymes may be checked then. Anyone: yellow skin or eyes, nausea, loss of appetite, dark urine, pale stools: call the provider.";
    WarnAmyloid = "WARN-AMYLOID", Both, true, "EU SmPC 4.8; US PI 5.5",
        "Amyloid deposits at injection sites have been reported: rotate sites; tell the provider about a lump that stays at a site.";
    PregUs = "PREG-US", Us, false, "US PPI",
        "Pregnancy (US): not known whether it harms an unborn baby; decide with the provider, also about breastfeeding.";
    PregEu = "PREG-EU", Eu, false, "EU PL 2",
        "Pregnancy (EU): not recommended in pregnancy or in women able to become pregnant who do not use contraception; do not breast-feed.";
    Missed = "MISSED", Both, false, "EU PL 3",
        "A forgotten dose: contact the doctor to discuss when to take the next one; never double up on your own.";
    Overdose = "OVERDOSE", Both, false, "EU PL 3",
        "Too much given by accident: serious problems are not expected; contact the doctor, nurse or pharmacist, at once if unwell.";
    // Storage and preparation
    StoreFridge = "STORE-FRIDGE", Both, false, "US PI 16; EU PL 5",
        "Keep in the refrigerator at 2-8 C (36-46 F); do not freeze; do not shake; keep in the original carton to protect from light.";
    StoreFrozen = "STORE-FROZEN", Both, false, "EU PL 5; US PI 16",
        "Do not use a syringe that may have been frozen; a reading at or below 0 C (32 F) counts as frozen.";
    StoreEuRt = "STORE-EU-RT", Eu, false, "EU PL 5",
        "EU: once out of the refrigerator at room temperature (up to 25 C / 77 F), use within 72 hours or throw away; never put it back in the refrigerator.";
    StoreUsRt = "STORE-US-RT", Us, false, "AHFS",
        "US: the label gives no room-temperature allowance; do not use a syringe kept at room temperature for more than 24 hours; ask the pharmacist.";
    StoreHot = "STORE-HOT", Both, false, "EU PL 5; USP 659",
        "Above 25 C (77 F): do not use (the EU limit; in the US, USP controlled room temperature is 20-25 C).";
    StoreFoam = "STORE-FOAM", Both, false, "AHFS",
        "If foamy, let it rest a few minutes until clear; do not shake.";
    StoreExpiry = "STORE-EXPIRY", Both, false, "US PI; EU PL 5",
        "Never use after the expiry date on the carton or syringe (the last day of that month).";
    StoreChildren = "STORE-CHILDREN", Both, false, "EU PL 5",
        "Keep out of the sight and reach of children.";
    PrepHands = "PREP-HANDS", Both, false, "US IFU; EU PL",
        "Wash hands before preparing the injection.";
    PrepWarm = "PREP-WARM", Both, false, "seed, US IFU",
        "Lay the syringe flat at room temperature for about 30 minutes; never warm it any other way.";
    PrepInspect = "PREP-INSPECT", Both, false, "US PI 16; EU PL 6",
        "Do not use if cloudy, discoloured or with foreign particles; a few translucent-to-white particles are normal.";
    PrepSharps = "PREP-SHARPS", Both, false, "seed, FDA",
        "Needle and syringe go into a sharps container (or a heavy-duty plastic household container), never household trash.";
    PrepPartial = "PREP-PARTIAL", Both, true, "EU PL; US PPI",
        "A dose under 100 mg is prepared before injecting: push out the excess until the plunger reaches the dose's mark, then inject all that is left; state the dose to keep and the amount to push out (mg and mL); the prescriber, nurse or pharmacist shows the method.";
    PrepCount = "PREP-COUNT", Both, false, "US PI 2.2, seed",
        "When a dose needs several syringes, every syringe count and step of the checklist follows the plan.";
    // Injection sites
    SiteZones = "SITE-ZONES", Both, false, "seed",
        "Sites: thighs (front, middle); abdomen at least 2 inches (5 cm) from the belly button; upper outer buttocks; outer upper arms only when someone else injects.";
    SiteRotate = "SITE-ROTATE", Both, false, "AHFS",
        "Rotate every time; within an area, about 1 inch (2.5 cm) from the last injection.";
    SiteAvoid = "SITE-AVOID", Both, false, "AHFS, seed",
        "Never inject into tender, red, bruised, swollen, hard or scarred skin, stretch marks, or near a visible vein.";
    // Side effects
    SeEmerg = "SE-EMERG", Both, false, "seed; EU PL 4",
        "Severe allergic signs: get emergency help now.";
    SeCall = "SE-CALL", Both, false, "seed; US PI 5.1",
        "Call the doctor for the drug page's 'check with your doctor immediately' signs, signs of infection including cough, and injection-site infection, ulceration, blistering or bleeding.";
    SeReport = "SE-REPORT", Both, false, "seed; EU PL 4",
        "Reporting side effects: US, FDA MedWatch 1-800-FDA-1088; EU, the national reporting system.";
    // Writing doses safely
    IsmpFormat = "ISMP-FORMAT", Both, false, "ISMP",
        "Leading zero below one (0.2 mL), no trailing zero (20 mg), thousands separator in English (2,400 mg), never a point that reads as a decimal in Spanish; frequencies spelled out; weight in kg for every calculation, pounds converted (1 lb = 0.45359237 kg) and the kg shown; always the per-kg dose, the total mg and the volume in mL.";
}

impl Fact {
    /// Looks a fact up by its ID ("STORE-EU-RT").
    pub fn by_id(id: &str) -> Option<Fact> {
        Fact::ALL.iter().copied().find(|f| f.id() == id)
    }

    /// The part of [`Fact::source`] that belongs to `region`: a source is split
    /// on ";" into label groups, and the groups of the other region's labels
    /// ("EU …" for us; "US …", "EUA", "AHFS", "USP …" for eu) are left out.
    /// When nothing would be left the whole source is kept.
    pub fn source_in(self, region: Region) -> String {
        let all = self.source();
        let parts: Vec<&str> = all.split(';').map(str::trim).filter(|p| belongs(p, region)).collect();
        if parts.is_empty() {
            all.to_string()
        } else {
            parts.join("; ")
        }
    }
}

/// The sources of `facts` (only `region`'s labels when given), joined with
/// "; ", each label group once.
pub fn join_sources(facts: &[Fact], region: Option<Region>) -> String {
    let mut out = String::new();
    for f in facts {
        let src = match region {
            Some(r) => f.source_in(r),
            None => f.source().to_string(),
        };
        for part in src.split("; ") {
            if !out.split("; ").any(|p| p == part) {
                if !out.is_empty() {
                    out.push_str("; ");
                }
                out.push_str(part);
            }
        }
    }
    out
}

/// The distinct sources of `facts`, in first-seen order, each with the IDs
/// that cite it: `[("US PI 16; EU PL 5", ["STORE-FRIDGE", "STORE-EXPIRY"])]`.
/// With a region, each fact's part for that region ([`Fact::source_in`]).
/// For a card's one "Sources" list instead of a source after every line.
pub fn source_groups(facts: impl IntoIterator<Item = Fact>, region: Option<Region>) -> Vec<(String, Vec<&'static str>)> {
    let mut groups: Vec<(String, Vec<&'static str>)> = Vec::new();
    for f in facts {
        let src = match region {
            Some(r) => f.source_in(r),
            None => f.source().to_string(),
        };
        match groups.iter_mut().find(|(s, _)| *s == src) {
            Some((_, ids)) if !ids.contains(&f.id()) => ids.push(f.id()),
            Some(_) => {}
            None => groups.push((src, vec![f.id()])),
        }
    }
    groups
}

fn belongs(part: &str, region: Region) -> bool {
    let eu = part.starts_with("EU ");
    let us = part.starts_with("US ") || part == "US PI" || part.starts_with("EUA") || part.starts_with("AHFS") || part.starts_with("USP");
    match region {
        Region::Us => !eu,
        Region::Eu => !us,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        for (i, f) in Fact::ALL.iter().enumerate() {
            assert_eq!(Fact::by_id(f.id()), Some(*f));
            assert!(Fact::ALL[..i].iter().all(|g| g.id() != f.id()), "{} twice", f.id());
            assert!(!f.source().is_empty() && !f.rule_en().is_empty());
        }
        assert_eq!(Fact::by_id("NOPE"), None);
    }

    #[test]
    fn source_in_keeps_the_region_s_labels() {
        // DOSE-RA is in both labels.
        assert_eq!(Fact::DoseRa.source_in(Region::Us), "US PI 2.1");
        assert_eq!(Fact::DoseRa.source_in(Region::Eu), "EU SmPC 4.2");
        // STORE-EU-RT has only an EU source: kept whole in every region.
        assert_eq!(Fact::StoreEuRt.source_in(Region::Us), "EU PL 5");
        // RENAL-COVID (EUA) in the EU: nothing left, so kept whole.
        assert_eq!(Fact::RenalCovid.source_in(Region::Eu), "EUA");
        assert_eq!(Fact::StoreHot.source_in(Region::Us), "USP 659");
    }

    #[test]
    fn source_groups_gather_each_source_once_with_its_ids() {
        // PREP-HANDS and PREP-SHARPS: two sources; STORE-FRIDGE twice is one ID.
        let g = source_groups([Fact::PrepHands, Fact::StoreFridge, Fact::StoreFridge, Fact::PrepSharps], None);
        assert_eq!(
            g,
            vec![
                ("US IFU; EU PL".to_string(), vec!["PREP-HANDS"]),
                ("US PI 16; EU PL 5".to_string(), vec!["STORE-FRIDGE"]),
                ("seed, FDA".to_string(), vec!["PREP-SHARPS"]),
            ]
        );
        let eu = source_groups([Fact::StoreFridge, Fact::StoreExpiry], Some(Region::Eu));
        assert_eq!(eu, vec![("EU PL 5".to_string(), vec!["STORE-FRIDGE", "STORE-EXPIRY"])]);
    }

    #[test]
    fn scope_applies() {
        assert!(Fact::StoreEuRt.scope().applies_to(Region::Eu));
        assert!(!Fact::StoreEuRt.scope().applies_to(Region::Us));
        assert!(Fact::DoseMax.scope().applies_to(Region::Us));
    }
}
