//! Side-effect triage from the seed drug page's groups, plus the emergency
//! signs of a severe allergic reaction. It never diagnoses.

use serde::{Deserialize, Serialize};

use crate::messages;
use crate::core::attrs::Region;
use crate::core::facts::Fact;
use crate::core::i18n::{Lang, Translate};

/// FDA MedWatch phone number for reporting side effects.
pub const MEDWATCH_PHONE: &str = "1-800-FDA-1088";
/// The same number for a `tel:` link (F-D-A = 3-3-2 on a phone keypad).
pub const MEDWATCH_TEL: &str = "tel:+18003321088";

/// The page's grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Group {
    /// Signs of a severe allergic reaction: get emergency help now.
    Emergency,
    /// Signs of infection, including cough, and an injection site that is
    /// infected, ulcerated, blistered or bleeding: call the doctor (SE-CALL,
    /// WARN-INFECT; never "no attention needed" on an immunosuppressant).
    Infection,
    /// "Check with your doctor immediately" — more common / less common / incidence not known.
    AttentionMoreCommon,
    AttentionLessCommon,
    AttentionNotKnown,
    /// "Usually do not need medical attention" (more common).
    UsuallyNot,
}

/// The triage answer, most serious first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Triage {
    Emergency,
    CallDoctorToday,
    UsuallyGoesAway,
    NothingSelected,
}

messages! {
    /// One symptom (en, es). Ids for storage are the camelCase variant names.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub enum Symptom {
        // Signs of a severe allergic reaction: get emergency help now
        // (CLINICAL.md "Side effects": swelling of face, lips, tongue, throat;
        // trouble breathing; dizziness; choking feeling; seed, DIRA paragraph:
        // "dizziness, a choking sensation, … swelling around your eyes,
        // swelling of the lips or tongue, or difficulty breathing … get
        // medical attention right away"). The seed's own rows for the same
        // signs ("swelling of the face or lips", less common; "dizziness",
        // the eyelid/face and hive-like swellings, incidence not known) are
        // shown here, once, with the emergency answer.
        SwellingFaceLipsTongueThroat => ["Swelling of the face, lips, tongue or throat", "Hinchazón de la cara, los labios, la lengua o la garganta"],
        PuffyEyesFace => ["Puffiness or swelling of the eyelids or around the eyes, face, lips or tongue", "Hinchazón de los párpados o alrededor de los ojos, la cara, los labios o la lengua"],
        LargeHiveSwelling => ["Large, hive-like swelling on the face, eyelids, lips, tongue, throat, hands, legs, feet, or sex organs", "Hinchazón grande, como urticaria, en la cara, los párpados, los labios, la lengua, la garganta, las manos, las piernas, los pies o los órganos sexuales"],
        TroubleBreathing => ["Trouble breathing", "Dificultad para respirar"],
        Dizziness => ["Dizziness", "Mareo"],
        Choking => ["A choking feeling", "Sensación de ahogo"],
        // Signs of infection (WARN-INFECT) and the injection-site signs that
        // SE-CALL moves out of "no attention needed".
        Cough => ["Cough, or a cough that does not go away", "Tos, o tos que no desaparece"],
        LowFeverWeightLoss => ["A low fever that does not go away, or weight loss", "Fiebre baja que no desaparece, o pérdida de peso"],
        InjectionSiteInfection => ["At the injection site: infection, ulceration (an open sore), blistering or bleeding", "En la zona de inyección: infección, úlceras (llagas abiertas), ampollas o sangrado"],
        // Check with your doctor immediately: more common.
        FeverChills => ["Fever or chills", "Fiebre o escalofríos"],
        Headache => ["Headache", "Dolor de cabeza"],
        SkinItchPainRedWarm => ["Itching, pain, redness, swelling, tenderness or warmth on the skin", "Picazón, dolor, enrojecimiento, hinchazón, sensibilidad o calor en la piel"],
        JointPain => ["Joint pain", "Dolor en las articulaciones"],
        MuscleAches => ["Muscle aches and pains", "Dolores musculares"],
        NauseaVomiting => ["Nausea or vomiting", "Náuseas o vómitos"],
        StomachPain => ["Stomach pain", "Dolor de estómago"],
        // Less common.
        SwallowingDifficulty => ["Difficulty with swallowing", "Dificultad para tragar"],
        BruisingBleeding => ["Unusual bruising or bleeding", "Moretones o sangrado poco comunes"],
        TirednessWeakness => ["Unusual tiredness or weakness", "Cansancio o debilidad poco comunes"],
        // Incidence not known.
        TarryStools => ["Black, tarry stools", "Heces negras y alquitranadas"],
        BleedingGums => ["Bleeding gums", "Sangrado de las encías"],
        BloodUrineStools => ["Blood in the urine or stools", "Sangre en la orina o en las heces"],
        FastHeartbeat => ["Fast heartbeat", "Latidos rápidos del corazón"],
        HivesWelts => ["Hives or welts", "Urticaria o ronchas"],
        RedSpots => ["Pinpoint red spots on the skin", "Puntos rojos diminutos en la piel"],
        // Usually no medical attention needed (more common). The seed also
        // lists "headache" and "muscle aches" here, word for word or nearly,
        // as well as under "check with your doctor immediately"; they are
        // shown once, above, with the safer answer (no note about the drug
        // page's own list: users do not need it).
        // Infection, ulceration, blistering and bleeding are above (SE-CALL).
        InjectionSiteReaction => ["At the injection site: burning, coldness, skin discoloration, pressure, hives, inflammation, itching, lumps, numbness, pain, rash, redness, scarring, soreness, stinging, swelling, tenderness, tingling or warmth", "En la zona de inyección: ardor, frío, cambio de color de la piel, presión, urticaria, inflamación, picazón, bultos, entumecimiento, dolor, sarpullido, enrojecimiento, cicatrices, molestia, escozor, hinchazón, sensibilidad, hormigueo o calor"],
        DifficultyMoving => ["Difficulty with moving", "Dificultad para moverse"],
        MuscleStiffness => ["Muscle stiffness", "Rigidez muscular"],
    }
}

impl Symptom {
    /// The group it is shown in (and answered by).
    pub fn group(self) -> Group {
        use Symptom::*;
        match self {
            SwellingFaceLipsTongueThroat | PuffyEyesFace | LargeHiveSwelling | TroubleBreathing | Dizziness | Choking => {
                Group::Emergency
            }
            Cough | LowFeverWeightLoss | InjectionSiteInfection => Group::Infection,
            FeverChills | Headache | SkinItchPainRedWarm | JointPain | MuscleAches | NauseaVomiting | StomachPain => {
                Group::AttentionMoreCommon
            }
            SwallowingDifficulty | BruisingBleeding | TirednessWeakness => Group::AttentionLessCommon,
            TarryStools | BleedingGums | BloodUrineStools | FastHeartbeat | HivesWelts | RedSpots => Group::AttentionNotKnown,
            InjectionSiteReaction | DifficultyMoving | MuscleStiffness => Group::UsuallyNot,
        }
    }

    /// Triage level: the group's answer, so that the list and the outcome
    /// never disagree.
    pub fn level(self) -> Triage {
        self.group().level()
    }

    /// The facts behind its answer: its group's.
    pub fn facts(self) -> &'static [Fact] {
        self.group().facts()
    }
}

/// The most serious level among the selected symptoms.
pub fn triage(selected: &[Symptom]) -> Triage {
    selected.iter().map(|s| s.level()).min().unwrap_or(Triage::NothingSelected)
}

messages! {
    pub enum TriageMsg {
        Emergency => [
            "Call your local emergency number. These can be signs of a severe allergic reaction. Do not give any more Kineret injections.",
            "Llame al número local de emergencias. Pueden ser signos de una reacción alérgica grave. No se administre más inyecciones de Kineret.",
        ],
        CallDoctorToday => [
            "Check with your doctor right away about what you ticked.",
            "Consulte con su médico de inmediato sobre lo que marcó.",
        ],
        UsuallyGoesAway => [
            "These usually do not need medical attention and may go away as your body adjusts.",
            "Por lo general no necesitan atención médica y pueden desaparecer a medida que su cuerpo se adapta.",
        ],
        HeadCallDoctorToday => ["Call your doctor immediately", "Llame a su médico de inmediato"],
        HeadUsuallyGoesAway => [
            "Usually goes away — tell your provider if it continues or bothers you",
            "Suele desaparecer: avise a su profesional de la salud si continúa o le molesta",
        ],
        Heading => ["Side effects: what to do", "Efectos secundarios: qué hacer"],
        Filter => ["Search the symptoms", "Buscar en los síntomas"],
        NoMatch => ["No symptom in this list matches your search.", "Ningún síntoma de esta lista coincide con su búsqueda."],
        NothingSelected => [
            "Select the side effects you notice.",
            "Seleccione los efectos secundarios que note.",
        ],
        MedWatch => [
            "You may report side effects to the FDA at {phone}.",
            "Puede informar los efectos secundarios a la FDA al {phone}.",
        ],
        ReportNational => [
            "Call your doctor for medical advice about side effects. You can report side effects through your country's national reporting system, or ask your doctor or pharmacist to report them.",
            "Llame a su médico para pedir consejo sobre los efectos secundarios. Puede comunicar los efectos secundarios a través del sistema nacional de notificación de su país, o pedir a su médico o farmacéutico(a) que los comunique.",
        ],
        Disclaimer => [
            "This list does not diagnose anything and does not list every side effect. If you are worried, call your healthcare provider.",
            "Esta lista no hace diagnósticos ni incluye todos los efectos secundarios. Si está preocupado(a), llame a su profesional de la salud.",
        ],
        GroupEmergency => ["Get emergency help now", "Busque ayuda de emergencia ahora"],
        GroupAllergic => [
            "Get emergency help now — signs of a severe allergic reaction",
            "Busque ayuda de emergencia ahora: signos de una reacción alérgica grave",
        ],
        GroupInfection => [
            "Call your doctor — signs of infection, also at the injection site",
            "Llame a su médico: signos de infección, también en la zona de inyección",
        ],
        GroupMoreCommon => ["Check with your doctor immediately — more common", "Consulte con su médico de inmediato: más frecuentes"],
        GroupLessCommon => ["Check with your doctor immediately — less common", "Consulte con su médico de inmediato: menos frecuentes"],
        GroupNotKnown => ["Check with your doctor immediately — frequency not known", "Consulte con su médico de inmediato: frecuencia desconocida"],
        GroupUsuallyNot => ["Usually do not need medical attention", "Por lo general no necesitan atención médica"],
        CallEmergency => ["Call {number}", "Llame al {number}"],
        BannerLabel => ["Emergency", "Emergencia"],
    }
}

/// The emergency number a banner offers to call, by region: 911 in the US,
/// 112 in the EU. General emergency-number practice, NOT a label fact (the
/// labels say "get emergency help" / "call your local emergency number"):
/// shown with [`EMERGENCY_NUMBER_SOURCE`].
pub fn emergency_number(region: Region) -> (&'static str, &'static str) {
    match region {
        Region::Us => ("911", "tel:911"),
        Region::Eu => ("112", "tel:112"),
    }
}

/// The source shown next to the emergency number (not a label fact).
pub const EMERGENCY_NUMBER_SOURCE: &str = "general practice, not in the label";

/// The answer to show right under `group`, where the user ticked: its
/// level when at least one of its signs is ticked, else `None`.
pub fn group_answer(group: Group, selected: &[Symptom]) -> Option<Triage> {
    selected.iter().any(|s| s.group() == group).then(|| group.level())
}

/// Whether the view shows the emergency banner (with the call link) at its
/// top: an emergency sign is ticked (SE-EMERG, WARN-ALLERGY).
pub fn emergency_banner(selected: &[Symptom]) -> bool {
    triage(selected) == Triage::Emergency
}

impl Triage {
    /// The short answer shown first (none when nothing is ticked).
    pub fn headline(self) -> Option<TriageMsg> {
        match self {
            Triage::Emergency => Some(TriageMsg::GroupEmergency),
            Triage::CallDoctorToday => Some(TriageMsg::HeadCallDoctorToday),
            Triage::UsuallyGoesAway => Some(TriageMsg::HeadUsuallyGoesAway),
            Triage::NothingSelected => None,
        }
    }

    pub fn msg(self) -> TriageMsg {
        match self {
            Triage::Emergency => TriageMsg::Emergency,
            Triage::CallDoctorToday => TriageMsg::CallDoctorToday,
            Triage::UsuallyGoesAway => TriageMsg::UsuallyGoesAway,
            Triage::NothingSelected => TriageMsg::NothingSelected,
        }
    }
}

impl Group {
    pub fn heading(self) -> TriageMsg {
        match self {
            Group::Emergency => TriageMsg::GroupAllergic,
            Group::Infection => TriageMsg::GroupInfection,
            Group::AttentionMoreCommon => TriageMsg::GroupMoreCommon,
            Group::AttentionLessCommon => TriageMsg::GroupLessCommon,
            Group::AttentionNotKnown => TriageMsg::GroupNotKnown,
            Group::UsuallyNot => TriageMsg::GroupUsuallyNot,
        }
    }
}

impl Group {
    /// The answer for every symptom of the group.
    pub fn level(self) -> Triage {
        match self {
            Group::Emergency => Triage::Emergency,
            Group::UsuallyNot => Triage::UsuallyGoesAway,
            _ => Triage::CallDoctorToday,
        }
    }

    /// The emergency signs first, then the signs of infection, then the
    /// page's groups in the page's order.
    pub const ALL: [Group; 6] = [
        Group::Emergency,
        Group::Infection,
        Group::AttentionMoreCommon,
        Group::AttentionLessCommon,
        Group::AttentionNotKnown,
        Group::UsuallyNot,
    ];

    /// The facts each group's answer cites: the emergency signs SE-EMERG and
    /// WARN-ALLERGY; the signs of infection SE-CALL and WARN-INFECT; the
    /// seed's groups SE-CALL (the corrected triage, which also decides what
    /// is left under "usually no attention").
    pub fn facts(self) -> &'static [Fact] {
        match self {
            Group::Emergency => &[Fact::SeEmerg, Fact::WarnAllergy],
            Group::Infection => &[Fact::SeCall, Fact::WarnInfect],
            _ => &[Fact::SeCall],
        }
    }
}

/// Lower case without Spanish accents, for searching ("Náuseas" → "nauseas").
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'Á' => 'a',
            'é' | 'É' => 'e',
            'í' | 'Í' => 'i',
            'ó' | 'Ó' => 'o',
            'ú' | 'Ú' | 'ü' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Whether a symptom's text matches the filter: every word of the (folded)
/// query appears in the (folded) text. An empty query matches everything.
pub fn matches_filter(text: &str, folded_query: &str) -> bool {
    if folded_query.trim().is_empty() {
        return true;
    }
    let t = fold(text);
    let t = t.as_bytes();
    folded_query.split_whitespace().all(|w| t.windows(w.len()).any(|x| x == w.as_bytes()))
}

/// "You may report side effects to the FDA at 1-800-FDA-1088."
pub fn medwatch_text(lang: Lang) -> String {
    crate::core::i18n::fill(TriageMsg::MedWatch.tr(lang), &[("phone", MEDWATCH_PHONE)])
}

/// Where to report side effects (SE-REPORT). US: FDA MedWatch and its
/// phone. EU: no FDA number and no invented one; the national reporting
/// system, or the doctor or pharmacist.
pub fn report_msg(region: Region) -> TriageMsg {
    match region {
        Region::Us => TriageMsg::MedWatch,
        Region::Eu => TriageMsg::ReportNational,
    }
}

/// The fact of the reporting line.
pub const REPORT_FACT: Fact = Fact::SeReport;

#[cfg(test)]
mod tests {
    use super::*;
    use Symptom::*;

    /// SE-EMERG, WARN-ALLERGY: an emergency sign gets its answer under its
    /// own group and the banner with the region's emergency number (general
    /// practice, marked as not from the label).
    #[test]
    fn emergency_answer_under_its_group_and_a_banner_with_the_number() {
        assert_eq!(group_answer(Group::Emergency, &[TroubleBreathing]), Some(Triage::Emergency));
        assert_eq!(group_answer(Group::Infection, &[TroubleBreathing]), None);
        assert_eq!(group_answer(Group::UsuallyNot, &[TroubleBreathing, MuscleStiffness]), Some(Triage::UsuallyGoesAway));
        assert_eq!(group_answer(Group::AttentionMoreCommon, &[Headache]), Some(Triage::CallDoctorToday));
        assert!(emergency_banner(&[Headache, TroubleBreathing]));
        assert!(!emergency_banner(&[Headache]));
        assert_eq!(Group::Emergency.facts(), &[Fact::SeEmerg, Fact::WarnAllergy]);
        assert_eq!(emergency_number(Region::Us), ("911", "tel:911"));
        assert_eq!(emergency_number(Region::Eu), ("112", "tel:112"));
        assert_eq!(
            crate::core::i18n::source_text(EMERGENCY_NUMBER_SOURCE, Lang::Es),
            "práctica habitual, no figura en la ficha técnica"
        );
        assert_eq!(crate::core::i18n::fill(TriageMsg::CallEmergency.tr(Lang::Es), &[("number", "112")]), "Llame al 112");
    }

    #[test]
    fn levels() {
        assert_eq!(triage(&[]), Triage::NothingSelected);
        assert_eq!(triage(&[InjectionSiteReaction]), Triage::UsuallyGoesAway);
        assert_eq!(triage(&[DifficultyMoving, MuscleStiffness]), Triage::UsuallyGoesAway);
        assert_eq!(triage(&[InjectionSiteReaction, FeverChills]), Triage::CallDoctorToday);
        assert_eq!(triage(&[TarryStools]), Triage::CallDoctorToday);
        assert_eq!(triage(&[Headache]), Triage::CallDoctorToday);
        assert_eq!(triage(&[InjectionSiteReaction, FeverChills, TroubleBreathing]), Triage::Emergency);
        assert_eq!(triage(&[Choking]), Triage::Emergency);
        assert_eq!(triage(&[Dizziness]), Triage::Emergency);
        assert_eq!(Dizziness.group(), Group::Emergency);
    }

    #[test]
    fn every_symptom_is_answered_by_the_group_it_is_listed_in() {
        // The seed's answer for each of its headings, written out here rather
        // than read from `Group::level`, so a wrong mapping fails.
        let seed_answer = |g: Group| match g {
            Group::Emergency => Triage::Emergency,
            Group::Infection | Group::AttentionMoreCommon | Group::AttentionLessCommon | Group::AttentionNotKnown => {
                Triage::CallDoctorToday
            }
            Group::UsuallyNot => Triage::UsuallyGoesAway,
        };
        for &s in Symptom::ALL {
            assert_eq!(triage(&[s]), seed_answer(s.group()), "{s:?}");
        }
        assert_eq!(triage(&[]), Triage::NothingSelected);
        // Only the emergency group gives the emergency answer, and its
        // heading says so.
        for g in Group::ALL {
            assert_eq!(g.level() == Triage::Emergency, g == Group::Emergency);
        }
        assert!(Group::Emergency.heading().tr(Lang::En).starts_with("Get emergency help now"));
        assert!(!Group::AttentionNotKnown.heading().tr(Lang::En).contains("emergency"));
        assert_eq!(Group::ALL[0], Group::Emergency, "the emergency signs come first");
    }

    /// CLINICAL.md "Side effects": swelling of face, lips, tongue, throat;
    /// trouble breathing; dizziness; choking feeling mean emergency help.
    #[test]
    fn every_allergic_emergency_sign_maps_to_the_emergency_answer() {
        let face = ["face", "lips", "tongue", "throat", "eyelids"];
        let mut seen = [false; 4];
        for &s in Symptom::ALL {
            let t = fold(s.tr(Lang::En));
            let allergic_sign = (t.contains("swelling") && face.iter().any(|w| t.contains(w)))
                || t.contains("breathing")
                || t.contains("dizz")
                || t.contains("chok");
            if allergic_sign {
                assert_eq!(s.level(), Triage::Emergency, "{s:?}");
                assert_eq!(s.group(), Group::Emergency, "{s:?} must be listed with the emergency signs");
            }
            for (i, w) in ["swelling of the face", "breathing", "dizz", "chok"].iter().enumerate() {
                seen[i] |= t.contains(w);
            }
        }
        assert_eq!(seen, [true; 4], "every sign CLINICAL.md names is in the list");
        // The same in Spanish: "mareo", "respirar", "ahogo", face swelling.
        for w in ["mareo", "respirar", "ahogo", "hinchazon de la cara"] {
            let hits: Vec<Symptom> = Symptom::ALL.iter().copied().filter(|s| fold(s.tr(Lang::Es)).contains(w)).collect();
            assert!(!hits.is_empty(), "no Spanish label contains {w:?}");
            for s in hits {
                assert_eq!(s.level(), Triage::Emergency, "{s:?}");
            }
        }
    }

    /// No label (in either language, ignoring case and accents) is listed
    /// twice with different answers, and the seed's doubled rows (headache,
    /// muscle aches) give one answer, the safer one.
    #[test]
    fn no_symptom_appears_twice_with_different_answers() {
        for l in Lang::ALL {
            for (i, &a) in Symptom::ALL.iter().enumerate() {
                for &b in &Symptom::ALL[i + 1..] {
                    assert_ne!(fold(a.tr(l)), fold(b.tr(l)), "{a:?} and {b:?} have the same label");
                }
            }
        }
        for (q, answer) in [
            ("headache", Triage::CallDoctorToday),
            ("muscle aches", Triage::CallDoctorToday),
            ("dizziness", Triage::Emergency),
            ("swelling of the face", Triage::Emergency),
        ] {
            let hits: Vec<Symptom> = Symptom::ALL.iter().copied().filter(|s| matches_filter(s.tr(Lang::En), &fold(q))).collect();
            assert!(!hits.is_empty(), "{q}");
            for s in hits {
                assert_eq!(s.level(), answer, "{q}: {s:?}");
            }
        }
        let headache = Symptom::ALL.iter().filter(|s| matches_filter(s.tr(Lang::En), "headache")).count();
        assert_eq!(headache, 1);
        let dolor_de_cabeza = Symptom::ALL.iter().filter(|s| matches_filter(s.tr(Lang::Es), "dolor de cabeza")).count();
        assert_eq!(dolor_de_cabeza, 1);
    }

    /// SE-CALL, WARN-INFECT: injection-site infection, ulceration,
    /// blistering or bleeding, and signs of infection including cough, mean
    /// "call your doctor", never "no attention needed".
    #[test]
    fn infection_signs_and_serious_injection_site_signs_mean_call_the_doctor() {
        for (q, lang) in [
            ("blistering", Lang::En),
            ("ulceration", Lang::En),
            ("injection site infection", Lang::En),
            ("injection site bleeding", Lang::En),
            ("cough", Lang::En),
            ("weight loss", Lang::En),
            ("ampollas", Lang::Es),
            ("tos que no desaparece", Lang::Es),
        ] {
            let hits: Vec<Symptom> = Symptom::ALL.iter().copied().filter(|s| matches_filter(s.tr(lang), &fold(q))).collect();
            assert!(!hits.is_empty(), "{q}");
            for s in hits {
                assert_eq!(triage(&[s]), Triage::CallDoctorToday, "{q}: {s:?}");
            }
        }
        assert_eq!(InjectionSiteInfection.group(), Group::Infection);
        assert_eq!(Group::Infection.facts(), &[Fact::SeCall, Fact::WarnInfect]);
        assert!(Group::Emergency.facts().contains(&Fact::SeEmerg) && Group::Emergency.facts().contains(&Fact::WarnAllergy));
        // WARN-ALLERGY: no more injections.
        assert!(TriageMsg::Emergency.tr(Lang::En).contains("Do not give any more Kineret injections"));
        // Every group cites at least one fact.
        assert!(Group::ALL.iter().all(|g| !g.facts().is_empty()));
    }

    #[test]
    fn table_matches_the_seed_groups() {
        let count = |g| Symptom::ALL.iter().filter(|s| s.group() == g).count();
        assert_eq!(count(Group::Emergency), 6);
        assert_eq!(count(Group::Infection), 3);
        assert_eq!(count(Group::AttentionMoreCommon), 7);
        assert_eq!(count(Group::AttentionLessCommon), 3);
        assert_eq!(count(Group::AttentionNotKnown), 6);
        assert_eq!(count(Group::UsuallyNot), 3);
        for &s in Symptom::ALL {
            assert!(!s.facts().is_empty());
            assert!(!s.tr(Lang::En).is_empty() && !s.tr(Lang::Es).is_empty());
        }
        let id = serde_json::to_string(&Symptom::FeverChills).unwrap();
        assert_eq!(id, "\"feverChills\"");
    }

    #[test]
    fn reporting_follows_the_region() {
        assert_eq!(report_msg(Region::Us), TriageMsg::MedWatch);
        for l in Lang::ALL {
            let eu = report_msg(Region::Eu).tr(l);
            assert!(!eu.contains("FDA") && !eu.contains("1-800") && !eu.contains('{'), "{eu}");
        }
        // SE-REPORT: EU, the national reporting system.
        assert!(report_msg(Region::Eu).tr(Lang::En).contains("national reporting system"));
        assert_eq!(REPORT_FACT, Fact::SeReport);
        assert_eq!(REPORT_FACT.source_in(Region::Eu), "seed; EU PL 4");
        assert!(report_msg(Region::Eu).tr(Lang::En).contains("doctor or pharmacist"));
    }

    #[test]
    fn headlines_and_filter() {
        assert_eq!(Triage::Emergency.headline().map(|m| m.tr(Lang::En)), Some("Get emergency help now"));
        assert_eq!(Triage::CallDoctorToday.headline().map(|m| m.tr(Lang::En)), Some("Call your doctor immediately"));
        assert!(Triage::UsuallyGoesAway.headline().unwrap().tr(Lang::En).starts_with("Usually goes away"));
        assert_eq!(Triage::NothingSelected.headline(), None);
        assert_eq!(fold("Náuseas o VÓMITOS, ñandú"), "nauseas o vomitos, nandu");
        assert!(matches_filter(NauseaVomiting.tr(Lang::Es), &fold("nausea")));
        assert!(matches_filter(FeverChills.tr(Lang::En), &fold(" chills  FEVER ")));
        assert!(!matches_filter(FeverChills.tr(Lang::En), &fold("fever rash")));
        assert!(matches_filter(Headache.tr(Lang::En), ""));
        let hits = |q: &str| Symptom::ALL.iter().filter(|s| matches_filter(s.tr(Lang::En), &fold(q))).count();
        assert_eq!(hits("breathing"), 1);
        assert_eq!(hits("headache"), 1);
        assert_eq!(hits("zzz"), 0);
        // The page's groups, in order, cover every symptom.
        let n: usize = Group::ALL.iter().map(|g| Symptom::ALL.iter().filter(|s| s.group() == *g).count()).sum();
        assert_eq!(n, Symptom::ALL.len());
    }

    #[test]
    fn medwatch_tel_link_spells_the_number() {
        // F, D, A on a phone keypad are 3, 3, 2.
        let digits: String = MEDWATCH_PHONE
            .chars()
            .filter_map(|c| match c {
                '0'..='9' => Some(c),
                'A'..='C' => Some('2'),
                'D'..='F' => Some('3'),
                _ => None,
            })
            .collect();
        assert_eq!(MEDWATCH_TEL, format!("tel:+{digits}"));
    }

    #[test]
    fn messages() {
        assert_eq!(medwatch_text(Lang::En), "You may report side effects to the FDA at 1-800-FDA-1088.");
        assert!(medwatch_text(Lang::Es).contains("1-800-FDA-1088"));
        assert!(TriageMsg::Disclaimer.tr(Lang::En).contains("does not diagnose"));
        assert!(Triage::Emergency.msg().tr(Lang::En).contains("emergency"));
        for &m in TriageMsg::ALL {
            if m != TriageMsg::MedWatch && m != TriageMsg::CallEmergency {
                assert!(!m.tr(Lang::Es).contains('{'));
            }
        }
    }
}
