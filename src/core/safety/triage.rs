//! Side-effect triage from the seed drug page's groups, plus the emergency
//! signs of a severe allergic reaction. It never diagnoses.

use serde::{Deserialize, Serialize};

use crate::messages;
use crate::core::i18n::{Lang, Translate};

/// Every symptom row comes from the seed page.
pub const TRIAGE_SOURCE: &str = "seed";
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
        // Emergency signs (CLINICAL.md "Side effects"; seed DIRA paragraph).
        SwellingFaceLipsTongueThroat => ["Swelling of the face, lips, tongue or throat", "Hinchazón de la cara, los labios, la lengua o la garganta"],
        TroubleBreathing => ["Trouble breathing", "Dificultad para respirar"],
        DizzyAfterInjection => ["Dizziness after an injection", "Mareo después de una inyección"],
        Choking => ["A choking feeling", "Sensación de ahogo"],
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
        SwellingFaceLips => ["Swelling of the face or lips", "Hinchazón de la cara o los labios"],
        BruisingBleeding => ["Unusual bruising or bleeding", "Moretones o sangrado poco comunes"],
        TirednessWeakness => ["Unusual tiredness or weakness", "Cansancio o debilidad poco comunes"],
        // Incidence not known.
        TarryStools => ["Black, tarry stools", "Heces negras y alquitranadas"],
        BleedingGums => ["Bleeding gums", "Sangrado de las encías"],
        BloodUrineStools => ["Blood in the urine or stools", "Sangre en la orina o en las heces"],
        Dizziness => ["Dizziness", "Mareo"],
        FastHeartbeat => ["Fast heartbeat", "Latidos rápidos del corazón"],
        HivesWelts => ["Hives or welts", "Urticaria o ronchas"],
        LargeHiveSwelling => ["Large, hive-like swelling on the face, eyelids, lips, tongue, throat, hands, legs, feet, or sex organs", "Hinchazón grande, como urticaria, en la cara, los párpados, los labios, la lengua, la garganta, las manos, las piernas, los pies o los órganos sexuales"],
        RedSpots => ["Pinpoint red spots on the skin", "Puntos rojos diminutos en la piel"],
        PuffyEyesFace => ["Puffiness or swelling of the eyelids or around the eyes, face, lips or tongue", "Hinchazón de los párpados o alrededor de los ojos, la cara, los labios o la lengua"],
        // Usually no medical attention needed (more common).
        InjectionSiteReaction => ["At the injection site: bleeding, blistering, burning, coldness, skin discoloration, pressure, hives, infection, inflammation, itching, lumps, numbness, pain, rash, redness, scarring, soreness, stinging, swelling, tenderness, tingling, ulceration or warmth", "En la zona (lugar) de inyección: sangrado, ampollas, ardor, frío, cambio de color de la piel, presión, urticaria, infección, inflamación, picazón, bultos, entumecimiento, dolor, sarpullido, enrojecimiento, cicatrices, molestia, escozor, hinchazón, sensibilidad, hormigueo, úlceras o calor"],
        DifficultyMoving => ["Difficulty with moving", "Dificultad para moverse"],
        HeadacheMild => ["Headache", "Dolor de cabeza"],
        MuscleStiffness => ["Muscle aches or stiffness", "Dolores o rigidez muscular"],
    }
}

impl Symptom {
    /// The page's group for this symptom.
    pub fn group(self) -> Group {
        use Symptom::*;
        match self {
            SwellingFaceLipsTongueThroat | TroubleBreathing | DizzyAfterInjection | Choking => Group::Emergency,
            FeverChills | Headache | SkinItchPainRedWarm | JointPain | MuscleAches | NauseaVomiting | StomachPain => {
                Group::AttentionMoreCommon
            }
            SwallowingDifficulty | SwellingFaceLips | BruisingBleeding | TirednessWeakness => Group::AttentionLessCommon,
            TarryStools | BleedingGums | BloodUrineStools | Dizziness | FastHeartbeat | HivesWelts | LargeHiveSwelling
            | RedSpots | PuffyEyesFace => Group::AttentionNotKnown,
            InjectionSiteReaction | DifficultyMoving | HeadacheMild | MuscleStiffness => Group::UsuallyNot,
        }
    }

    /// Triage level. Seed rows that are themselves signs of a serious allergic
    /// reaction (swelling of face/lips/tongue/throat, dizziness) escalate to
    /// `Emergency`, as CLINICAL.md "Side effects" requires.
    pub fn level(self) -> Triage {
        use Symptom::*;
        match self {
            SwellingFaceLips | Dizziness | LargeHiveSwelling | PuffyEyesFace => Triage::Emergency,
            s => match s.group() {
                Group::Emergency => Triage::Emergency,
                Group::UsuallyNot => Triage::UsuallyGoesAway,
                _ => Triage::CallDoctorToday,
            },
        }
    }

    pub fn source(self) -> &'static str {
        TRIAGE_SOURCE
    }
}

/// The most serious level among the selected symptoms.
pub fn triage(selected: &[Symptom]) -> Triage {
    selected.iter().map(|s| s.level()).min().unwrap_or(Triage::NothingSelected)
}

messages! {
    pub enum TriageMsg {
        Emergency => [
            "Call your local emergency number. These can be signs of a severe allergic reaction.",
            "Llame al número local de emergencias. Pueden ser signos de una reacción alérgica grave.",
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
        Disclaimer => [
            "This list does not diagnose anything and does not list every side effect. If you are worried, call your healthcare provider.",
            "Esta lista no hace diagnósticos ni incluye todos los efectos secundarios. Si está preocupado(a), llame a su profesional de la salud.",
        ],
        GroupEmergency => ["Get emergency help now", "Busque ayuda de emergencia ahora"],
        GroupMoreCommon => ["Check with your doctor immediately — more common", "Consulte con su médico de inmediato: más frecuentes"],
        GroupLessCommon => ["Check with your doctor immediately — less common", "Consulte con su médico de inmediato: menos frecuentes"],
        GroupNotKnown => ["Check with your doctor immediately — frequency not known", "Consulte con su médico de inmediato: frecuencia desconocida"],
        GroupUsuallyNot => ["Usually do not need medical attention", "Por lo general no necesitan atención médica"],
    }
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
            Group::Emergency => TriageMsg::GroupEmergency,
            Group::AttentionMoreCommon => TriageMsg::GroupMoreCommon,
            Group::AttentionLessCommon => TriageMsg::GroupLessCommon,
            Group::AttentionNotKnown => TriageMsg::GroupNotKnown,
            Group::UsuallyNot => TriageMsg::GroupUsuallyNot,
        }
    }
}

impl Group {
    /// The page's groups in the page's order.
    pub const ALL: [Group; 5] =
        [Group::Emergency, Group::AttentionMoreCommon, Group::AttentionLessCommon, Group::AttentionNotKnown, Group::UsuallyNot];
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

#[cfg(test)]
mod tests {
    use super::*;
    use Symptom::*;

    #[test]
    fn levels() {
        assert_eq!(triage(&[]), Triage::NothingSelected);
        assert_eq!(triage(&[InjectionSiteReaction]), Triage::UsuallyGoesAway);
        assert_eq!(triage(&[HeadacheMild, MuscleStiffness]), Triage::UsuallyGoesAway);
        assert_eq!(triage(&[InjectionSiteReaction, FeverChills]), Triage::CallDoctorToday);
        assert_eq!(triage(&[TarryStools]), Triage::CallDoctorToday);
        assert_eq!(triage(&[InjectionSiteReaction, FeverChills, TroubleBreathing]), Triage::Emergency);
        assert_eq!(triage(&[Choking]), Triage::Emergency);
        // Seed rows that are allergic signs escalate.
        assert_eq!(triage(&[SwellingFaceLips]), Triage::Emergency);
        assert_eq!(triage(&[Dizziness]), Triage::Emergency);
        assert_eq!(Dizziness.group(), Group::AttentionNotKnown);
    }

    #[test]
    fn table_matches_the_seed_groups() {
        let count = |g| Symptom::ALL.iter().filter(|s| s.group() == g).count();
        assert_eq!(count(Group::Emergency), 4);
        assert_eq!(count(Group::AttentionMoreCommon), 7);
        assert_eq!(count(Group::AttentionLessCommon), 4);
        assert_eq!(count(Group::AttentionNotKnown), 9);
        assert_eq!(count(Group::UsuallyNot), 4);
        for &s in Symptom::ALL {
            assert_eq!(s.source(), "seed");
            assert!(!s.tr(Lang::En).is_empty() && !s.tr(Lang::Es).is_empty());
        }
        let id = serde_json::to_string(&Symptom::FeverChills).unwrap();
        assert_eq!(id, "\"feverChills\"");
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
        assert_eq!(hits("headache"), 2);
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
            if m != TriageMsg::MedWatch {
                assert!(!m.tr(Lang::Es).contains('{'));
            }
        }
    }
}
