//! Storage status and mishaps ("excursions"). The room-temperature allowance is
//! a per-region profile (data), never a constant baked into the rules.

use serde::{Deserialize, Serialize};

use crate::messages;
use crate::core::facts::{join_sources, Fact};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::units::NumberError;

/// How serious an outcome is. Ordered: `Ok < Caution < DoNotUse`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Ok,
    Caution,
    DoNotUse,
}

crate::wire_enum!(Severity { Ok => "ok", Caution => "caution", DoNotUse => "doNotUse" });

/// Display unit for temperatures (defined with the other units, which the
/// `units` attribute's parser uses too).
pub use crate::core::units::TempUnit;

pub fn f_to_c(f: f64) -> f64 {
    (f - 32.0) * 5.0 / 9.0
}

pub fn c_to_f(c: f64) -> f64 {
    c * 9.0 / 5.0 + 32.0
}

/// A temperature as entered by the user.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Temp {
    pub value: f64,
    pub unit: TempUnit,
}

impl Temp {
    pub fn celsius(self) -> f64 {
        match self.unit {
            TempUnit::C => self.value,
            TempUnit::F => f_to_c(self.value),
        }
    }
}

/// One decimal at most, the language's decimal separator (ISMP: "22,5" in es).
fn num(v: f64, lang: Lang) -> String {
    crate::core::format::fmt_number(v, 1, lang)
}

/// "25 °C" / "77 °F" from a Celsius value.
pub fn format_temp(celsius: f64, unit: TempUnit, lang: Lang) -> String {
    let v = match unit {
        TempUnit::C => celsius,
        TempUnit::F => c_to_f(celsius),
    };
    format!("{} {}", num(v, lang), unit.symbol())
}

/// The refrigerator range as printed on the label, in both units (the °F
/// values are the label's, not recomputed: 2 °C is 35.6 °F). STORE-FRIDGE.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FridgeRange {
    pub min_c: f64,
    pub max_c: f64,
    pub min_f: f64,
    pub max_f: f64,
    pub fact: Fact,
}

pub const FRIDGE: FridgeRange = FridgeRange { min_c: 2.0, max_c: 8.0, min_f: 36.0, max_f: 46.0, fact: Fact::StoreFridge };

/// A reading at or below this counts as frozen: do not use (STORE-FROZEN).
pub const FROZEN_AT_OR_BELOW_C: f64 = 0.0;

/// Above this: do not use, in both regions (STORE-HOT: the EU limit; USP
/// controlled room temperature 20–25 °C in the US).
pub const HOT_ABOVE_C: f64 = 25.0;

/// "2–8 °C" or "36–46 °F".
pub fn fridge_range_text(unit: TempUnit, lang: Lang) -> String {
    let (a, b) = match unit {
        TempUnit::C => (FRIDGE.min_c, FRIDGE.max_c),
        TempUnit::F => (FRIDGE.min_f, FRIDGE.max_f),
    };
    format!("{}–{} {}", num(a, lang), num(b, lang), unit.symbol())
}

/// The widget's `region` attribute decides which label's profile applies.
pub use crate::core::attrs::Region;

/// A once-only room-temperature allowance printed on a label (STORE-EU-RT:
/// up to 25 °C for 72 hours; never back in the refrigerator).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RoomTempAllowance {
    pub max_c: f64,
    pub max_hours: f64,
    pub fact: Fact,
}

/// A statement from a consumer monograph (not the label): no use after
/// `hours` at room temperature (STORE-US-RT).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConsumerLimit {
    pub hours: f64,
    pub fact: Fact,
}

/// Everything region-specific about storage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionProfile {
    pub region: Region,
    /// `None`: the label gives no allowance, ask the pharmacist.
    pub allowance: Option<RoomTempAllowance>,
    pub consumer_limit: Option<ConsumerLimit>,
}

pub const US_PROFILE: RegionProfile = RegionProfile {
    region: Region::Us,
    allowance: None,
    consumer_limit: Some(ConsumerLimit { hours: 24.0, fact: Fact::StoreUsRt }),
};

pub const EU_PROFILE: RegionProfile = RegionProfile {
    region: Region::Eu,
    allowance: Some(RoomTempAllowance { max_c: HOT_ABOVE_C, max_hours: 72.0, fact: Fact::StoreEuRt }),
    consumer_limit: None,
};

/// The storage rules of a region's label, as data.
pub fn profile(region: Region) -> &'static RegionProfile {
    match region {
        Region::Us => &US_PROFILE,
        Region::Eu => &EU_PROFILE,
    }
}

/// The facts of the storage card, in order: the refrigerator rules
/// (STORE-FRIDGE), children (STORE-CHILDREN) and the latex-free syringe
/// (PROD-LATEX: old US labels said otherwise; never repeat that).
pub const STORAGE_CARD_FACTS: [Fact; 3] = [Fact::StoreFridge, Fact::StoreChildren, Fact::ProdLatex];

/// The storage card's source line in `region`: each fact's part for the
/// region, without repeats ("EU PL 5" in the EU, "US PI 16; EU PL 5" in the US).
pub fn storage_source(region: Region) -> String {
    join_sources(&STORAGE_CARD_FACTS, Some(region))
}

/// Something that happened to a syringe.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Mishap {
    /// Left out of the refrigerator for `hours` at `temp`. `earlier_excursion`:
    /// it had already been out before (and was put back).
    OutOfFridge { hours: f64, temp: Temp, earlier_excursion: bool },
    /// Left out for `hours`, the temperature given only as a band ("room
    /// temperature", "warmer", "colder", "don't know"): a parent often
    /// cannot give a number.
    OutOfFridgeAbout { hours: f64, band: TempBand, earlier_excursion: bool },
    Frozen,
    /// Left in the light / out of its carton.
    LeftInLight,
    PastExpiry,
    Foamy,
}

/// How warm it was, for a user without a thermometer reading. Mapped to the
/// existing rules honestly: room temperature is up to 25 °C (the EU 72-hour
/// rule, STORE-EU-RT; in the US the 24-hour consumer limit and the
/// pharmacist, STORE-US-RT); warmer is STORE-HOT; colder than the
/// refrigerator, near freezing, may have frozen (STORE-FROZEN); don't know is
/// the most cautious answer that applies (both, with the pharmacist).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TempBand {
    Room,
    Warmer,
    Colder,
    Unknown,
}

crate::wire_enum!(TempBand { Room => "room", Warmer => "warmer", Colder => "colder", Unknown => "unknown" });

impl TempBand {
    pub const ALL: [TempBand; 4] = [TempBand::Room, TempBand::Warmer, TempBand::Colder, TempBand::Unknown];

    /// Stable id for form controls.
    pub fn code(self) -> &'static str {
        match self {
            TempBand::Room => "room",
            TempBand::Warmer => "warmer",
            TempBand::Colder => "colder",
            TempBand::Unknown => "unknown",
        }
    }

    /// The choice's label, the room-temperature limit in `unit`.
    pub fn label(self, lang: Lang, unit: TempUnit) -> String {
        fill(self.tr(lang), &[("hot", &format_temp(HOT_ABOVE_C, unit, lang))])
    }
}

impl Translate for TempBand {
    crate::text_slots!(TempBand);
    fn en(self) -> &'static str {
        match self {
            TempBand::Room => "Room temperature (up to {hot})",
            TempBand::Warmer => "Warmer than room temperature",
            TempBand::Colder => "Colder than the refrigerator (for example, near freezing)",
            TempBand::Unknown => "I don't know",
        }
    }

    fn es(self) -> &'static str {
        match self {
            TempBand::Room => "Temperatura ambiente (hasta {hot})",
            TempBand::Warmer => "Más caliente que la temperatura ambiente",
            TempBand::Colder => "Más frío que el refrigerador (nevera) (por ejemplo, casi congelándose)",
            TempBand::Unknown => "No lo sé",
        }
    }
}

/// The choices of the "something went wrong" helper, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MishapKind {
    OutOfFridge,
    Frozen,
    LeftInLight,
    PastExpiry,
    Foamy,
}

impl MishapKind {
    pub const ALL: [MishapKind; 5] =
        [MishapKind::OutOfFridge, MishapKind::Frozen, MishapKind::LeftInLight, MishapKind::PastExpiry, MishapKind::Foamy];

    /// Stable id for form controls.
    pub fn code(self) -> &'static str {
        match self {
            MishapKind::OutOfFridge => "out",
            MishapKind::Frozen => "frozen",
            MishapKind::LeftInLight => "light",
            MishapKind::PastExpiry => "expired",
            MishapKind::Foamy => "foamy",
        }
    }
}

impl Translate for MishapKind {
    crate::text_slots!(MishapKind);
    fn en(self) -> &'static str {
        match self {
            MishapKind::OutOfFridge => "It was left out of the refrigerator",
            MishapKind::Frozen => "It was frozen",
            MishapKind::LeftInLight => "It was left in the light or out of its carton",
            MishapKind::PastExpiry => "It is past its expiration date",
            MishapKind::Foamy => "The liquid is foamy",
        }
    }

    fn es(self) -> &'static str {
        match self {
            MishapKind::OutOfFridge => "Se quedó fuera del refrigerador (nevera)",
            MishapKind::Frozen => "Se congeló",
            MishapKind::LeftInLight => "Se dejó a la luz o fuera de su caja",
            MishapKind::PastExpiry => "Ya pasó su fecha de caducidad",
            MishapKind::Foamy => "El líquido tiene espuma",
        }
    }
}

/// Absolute zero: no temperature is lower (physics, not a clinical rule).
pub const ABSOLUTE_ZERO_C: f64 = -273.15;

/// Temperatures a syringe can meet at home, in a car or in hot water: a
/// plausibility bound on the input (not a clinical threshold). Outside it the
/// entry is refused, most likely a typo or the wrong unit. 100 °C is boiling
/// water (the seed warns against warming it "under hot water"); −50 °C is
/// colder than a home freezer or a car in winter.
pub const PLAUSIBLE_MIN_C: f64 = -50.0;
pub const PLAUSIBLE_MAX_C: f64 = 100.0;

/// Why a typed-in temperature was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TempError {
    Number(NumberError),
    /// Below absolute zero: physically impossible.
    BelowAbsoluteZero,
    /// Possible, but not at home or in a car: [`PLAUSIBLE_MIN_C`]..=[`PLAUSIBLE_MAX_C`].
    Implausible,
}

impl TempError {
    /// The field's message, the range in the unit it was typed in.
    pub fn text(self, lang: Lang, unit: TempUnit) -> String {
        let msg = match self {
            TempError::Number(e) => return e.tr(lang).to_string(),
            TempError::BelowAbsoluteZero => ExcursionMsg::TempImpossible,
            TempError::Implausible => ExcursionMsg::TempImplausible,
        };
        let (min, max) = (format_temp(PLAUSIBLE_MIN_C, unit, lang), format_temp(PLAUSIBLE_MAX_C, unit, lang));
        fill(msg.tr(lang), &[("min", &min), ("max", &max)])
    }
}

/// Checks a temperature (in `unit`) against physics and the plausible range.
pub fn check_temp(value: f64, unit: TempUnit) -> Result<f64, TempError> {
    let c = Temp { value, unit }.celsius();
    if !c.is_finite() {
        Err(TempError::Number(NumberError::NotANumber))
    } else if c < ABSOLUTE_ZERO_C {
        Err(TempError::BelowAbsoluteZero)
    } else if !(PLAUSIBLE_MIN_C..=PLAUSIBLE_MAX_C).contains(&c) {
        Err(TempError::Implausible)
    } else {
        Ok(value)
    }
}

/// What is wrong with the typed-in hours and temperature (per field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FormErrors {
    pub hours: Option<NumberError>,
    pub temp: Option<TempError>,
}

/// Hours or degrees as typed: exactly `units::parse_decimal` ("12.5",
/// "12,5"; no units, exponents or thousands separators; a minus sign is
/// `Negative`), which needs no float parser in the bundle.
pub fn parse_amount(s: &str) -> Result<f64, NumberError> {
    crate::core::units::parse_decimal(s)
}

/// A temperature as typed: like [`parse_amount`] but a leading minus is
/// allowed (a freezer is below zero).
pub fn parse_temp(s: &str) -> Result<f64, NumberError> {
    let t = s.trim();
    match t.strip_prefix('-') {
        Some(rest) if !rest.trim_start().starts_with('-') => parse_amount(rest).map(|v| -v),
        Some(_) => Err(NumberError::NotANumber),
        None => parse_amount(t),
    }
}

/// Builds the [`Mishap`] from the helper's form. Only "left out of the
/// refrigerator" reads the hours and temperature (typed in `unit`); an
/// impossible or implausible temperature is refused on its field, with no
/// verdict.
pub fn mishap_from_form(kind: MishapKind, hours: &str, temp: &str, unit: TempUnit, earlier_excursion: bool) -> Result<Mishap, FormErrors> {
    Ok(match kind {
        MishapKind::Frozen => Mishap::Frozen,
        MishapKind::LeftInLight => Mishap::LeftInLight,
        MishapKind::PastExpiry => Mishap::PastExpiry,
        MishapKind::Foamy => Mishap::Foamy,
        MishapKind::OutOfFridge => match (
            parse_amount(hours),
            parse_temp(temp).map_err(TempError::Number).and_then(|v| check_temp(v, unit)),
        ) {
            (Ok(hours), Ok(value)) => Mishap::OutOfFridge { hours, temp: Temp { value, unit }, earlier_excursion },
            (h, t) => return Err(FormErrors { hours: h.err(), temp: t.err() }),
        },
    })
}

/// Like [`mishap_from_form`], with the temperature given as a band instead
/// of a number (`band`: `None` reads the typed number as before).
pub fn mishap_from_form_band(
    kind: MishapKind,
    hours: &str,
    band: Option<TempBand>,
    temp: &str,
    unit: TempUnit,
    earlier_excursion: bool,
) -> Result<Mishap, FormErrors> {
    match (kind, band) {
        (MishapKind::OutOfFridge, Some(band)) => match parse_amount(hours) {
            Ok(hours) => Ok(Mishap::OutOfFridgeAbout { hours, band, earlier_excursion }),
            Err(e) => Err(FormErrors { hours: Some(e), temp: None }),
        },
        _ => mishap_from_form(kind, hours, temp, unit, earlier_excursion),
    }
}

messages! {
    /// Outcome texts. Placeholders: {maxTemp} {maxHours} {limitHours} {range}
    /// {hot} {frozen}; the field messages (`TempError::text`) {min} {max}.
    pub enum ExcursionMsg {
        EuAllowed => [
            "You may still use it: it has been out of the refrigerator only once, at {maxTemp} or below, for no more than {maxHours} hours. Do not put it back in the refrigerator. If it is not used within {maxHours} hours of being taken out, throw it away.",
            "Aún puede usarla: ha estado fuera del refrigerador (nevera) una sola vez, a {maxTemp} o menos, durante no más de {maxHours} horas. No la vuelva a poner en el refrigerador. Si no la usa dentro de las {maxHours} horas desde que la sacó, deséchela.",
        ],
        TooHot => [
            "Do not use it: it was kept above {hot}, warmer than room temperature. Ask your pharmacist.",
            "No la use: estuvo a más de {hot}, por encima de la temperatura ambiente. Consulte a su farmacéutico(a).",
        ],
        EuTooLong => [
            "Do not use it: it was out of the refrigerator for more than {maxHours} hours. Throw it away; never put it back in the refrigerator.",
            "No la use: estuvo fuera del refrigerador (nevera) más de {maxHours} horas. Deséchela; nunca la vuelva a poner en el refrigerador.",
        ],
        EuOnceOnly => [
            "Do not use it: once taken out of the refrigerator it must never be put back in it. Ask your pharmacist.",
            "No la use: una vez fuera del refrigerador (nevera) nunca se debe volver a guardar en él. Consulte a su farmacéutico(a).",
        ],
        UsContactPharmacist => [
            "The US label gives no time it may stay out of the refrigerator. Do not use it until you have talked to your pharmacist.",
            "La etiqueta de EE. UU. no indica cuánto tiempo puede estar fuera del refrigerador (nevera). No la use hasta hablar con su farmacéutico(a).",
        ],
        UsConsumerNote => [
            "The US consumer medicine information says not to use a syringe that has been at room temperature for more than {limitHours} hours.",
            "La información para el consumidor de EE. UU. dice que no se use una jeringa que haya estado a temperatura ambiente más de {limitHours} horas.",
        ],
        UsOverConsumerLimit => [
            "Do not use it: it has been at room temperature for more than {limitHours} hours. Contact your pharmacist.",
            "No la use: ha estado a temperatura ambiente más de {limitHours} horas. Comuníquese con su farmacéutico(a).",
        ],
        FrozenReading => [
            "Do not use it: it was at {frozen} or colder, so it counts as frozen. Ask your pharmacist.",
            "No la use: estuvo a {frozen} o menos, así que se considera congelada. Consulte a su farmacéutico(a).",
        ],
        TooCold => [
            "It was kept below the refrigerator range ({range}). Do not use it until you have talked to your pharmacist.",
            "Estuvo por debajo del rango del refrigerador ({range}). No la use hasta hablar con su farmacéutico(a).",
        ],
        Frozen => [
            "Do not use a syringe that has been frozen or that you think may have been frozen. Ask your pharmacist.",
            "No use una jeringa que se haya congelado o que crea que pudo congelarse. Consulte a su farmacéutico(a).",
        ],
        LeftInLight => [
            "Kineret must be kept in its carton to protect it from light. Contact your pharmacist before using this syringe.",
            "Kineret se debe guardar en su caja para protegerlo de la luz. Comuníquese con su farmacéutico(a) antes de usar esta jeringa.",
        ],
        PastExpiry => [
            "Do not use it after the expiration date (the last day of the month shown). Ask your pharmacist.",
            "No la use después de la fecha de caducidad (el último día del mes indicado). Consulte a su farmacéutico(a).",
        ],
        Foamy => [
            "Do not shake it. Let the syringe sit for a few minutes until the foam clears, then check the liquid again.",
            "No la agite. Deje reposar la jeringa unos minutos hasta que desaparezca la espuma y vuelva a revisar el líquido.",
        ],
        InvalidEntry => [
            "Check the hours and the temperature you entered.",
            "Revise las horas y la temperatura que escribió.",
        ],
        TempImpossible => [
            "No temperature can be this low: it is below absolute zero. Check the number and the unit.",
            "Ninguna temperatura puede ser tan baja: está por debajo del cero absoluto. Revise el número y la unidad.",
        ],
        TempImplausible => [
            "Enter a temperature a home, a car or hot water can have: from {min} to {max}. Check the number and the unit.",
            "Escriba una temperatura posible en una casa, un coche o agua caliente: de {min} a {max}. Revise el número y la unidad.",
        ],
        StoreInFridge => [
            "Store in the refrigerator at {range}, in the original carton to protect from light. Do not freeze. Do not shake. Keep out of the sight and reach of children. The syringe and its needle cover are not made with natural rubber latex.",
            "Guárdela en el refrigerador (nevera) a {range}, en su caja original para protegerla de la luz. No la congele. No la agite. Manténgala fuera de la vista y del alcance de los niños. La jeringa y el capuchón de la aguja no están fabricados con látex de caucho natural.",
        ],
        ColderMaybeFrozen => [
            "Do not use it: colder than the refrigerator, near freezing, it may have frozen. Ask your pharmacist.",
            "No la use: más fría que el refrigerador (nevera), casi congelándose, pudo congelarse. Consulte a su farmacéutico(a).",
        ],
        UnknownTemp => [
            "Do not use it until you have talked to your pharmacist: without the temperature, it may have been warmer than room temperature (above {hot}) or near freezing.",
            "No la use hasta hablar con su farmacéutico(a): sin la temperatura, pudo estar más caliente que la temperatura ambiente (más de {hot}) o casi congelándose.",
        ],
        UnknownFrozenNote => [
            "A syringe that may have frozen must not be used.",
            "No se debe usar una jeringa que pudo congelarse.",
        ],
        TonightTitle => ["For this dose", "Para esta dosis"],
        TonightKeep => [
            "Use a new syringe from the refrigerator for this dose, and keep this one to show your pharmacist.",
            "Use una jeringa nueva del refrigerador (nevera) para esta dosis y guarde esta para mostrársela a su farmacéutico(a).",
        ],
        TonightNew => [
            "Use a new syringe from the refrigerator for this dose.",
            "Use una jeringa nueva del refrigerador (nevera) para esta dosis.",
        ],
        BandQuestion => ["How warm was it where it was kept?", "¿Qué temperatura había donde estuvo?"],
        BandNumber => ["I know the temperature", "Sé la temperatura"],
        AlsoTitle => ["Also:", "Además:"],
    }
}

/// The answer of one storage rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub severity: Severity,
    pub msg: ExcursionMsg,
    /// The fact the rule applies (`None` only for an invalid entry).
    pub fact: Option<Fact>,
    /// An extra remark and its fact (the US consumer-monograph statement).
    pub note: Option<(ExcursionMsg, Fact)>,
    profile: &'static RegionProfile,
}

impl Outcome {
    fn new(severity: Severity, msg: ExcursionMsg, fact: Option<Fact>, profile: &'static RegionProfile) -> Self {
        Outcome { severity, msg, fact, note: None, profile }
    }

    /// The source the user sees: the fact's labels for the profile's region.
    pub fn source(&self) -> Option<String> {
        self.fact.map(|f| f.source_in(self.profile.region))
    }

    fn fill(&self, msg: ExcursionMsg, lang: Lang, unit: TempUnit) -> String {
        let (max_t, max_h) = match self.profile.allowance {
            Some(a) => (format_temp(a.max_c, unit, lang), num(a.max_hours, lang)),
            None => (String::new(), String::new()),
        };
        let limit = self.profile.consumer_limit.map(|c| num(c.hours, lang)).unwrap_or_default();
        let range = fridge_range_text(unit, lang);
        fill(
            msg.tr(lang),
            &[
                ("maxTemp", &max_t),
                ("maxHours", &max_h),
                ("limitHours", &limit),
                ("range", &range),
                ("hot", &format_temp(HOT_ABOVE_C, unit, lang)),
                ("frozen", &format_temp(FROZEN_AT_OR_BELOW_C, unit, lang)),
            ],
        )
    }

    /// The main text, numbers filled from the profile, temperatures in `unit`.
    pub fn text(&self, lang: Lang, unit: TempUnit) -> String {
        self.fill(self.msg, lang, unit)
    }

    /// The note's text and source, if any.
    pub fn note_text(&self, lang: Lang, unit: TempUnit) -> Option<(String, String)> {
        self.note.map(|(m, f)| (self.fill(m, lang, unit), f.source_in(self.profile.region)))
    }
}

/// The storage instruction ("Store in the refrigerator at 2–8 °C …"),
/// STORE-FRIDGE and STORE-CHILDREN.
pub fn storage_text(lang: Lang, unit: TempUnit) -> String {
    fill(ExcursionMsg::StoreInFridge.tr(lang), &[("range", &fridge_range_text(unit, lang))])
}

/// Decides what to do about `mishap` under `profile`: the answer of EVERY
/// rule that applies (frozen, too cold, too hot, time out of the
/// refrigerator), worst first, so that a temperature rule never hides a more
/// serious one. When no rule objects, the one "you may use it" answer. Never
/// empty.
pub fn assess(mishap: Mishap, profile: &'static RegionProfile) -> Vec<Outcome> {
    use ExcursionMsg as M;
    use Severity::*;
    let o = |sev, msg, fact: Fact| Outcome::new(sev, msg, Some(fact), profile);
    let (hours, c, band, earlier) = match mishap {
        Mishap::Frozen => return vec![o(DoNotUse, M::Frozen, Fact::StoreFrozen)],
        Mishap::LeftInLight => return vec![o(Caution, M::LeftInLight, Fact::StoreFridge)],
        Mishap::PastExpiry => return vec![o(DoNotUse, M::PastExpiry, Fact::StoreExpiry)],
        Mishap::Foamy => return vec![o(Caution, M::Foamy, Fact::StoreFoam)],
        Mishap::OutOfFridge { hours, temp, earlier_excursion } => (hours, temp.celsius(), None, earlier_excursion),
        // A band is checked by its rules below; the number is never read.
        Mishap::OutOfFridgeAbout { hours, band, earlier_excursion } => (hours, HOT_ABOVE_C, Some(band), earlier_excursion),
    };
    if !(hours.is_finite() && hours >= 0.0 && check_temp(c, TempUnit::C).is_ok()) {
        return vec![Outcome::new(Caution, M::InvalidEntry, None, profile)];
    }
    let mut found: Vec<Outcome> = Vec::with_capacity(3);
    // Temperature rules.
    match band {
        None => {
            if c <= FROZEN_AT_OR_BELOW_C {
                found.push(o(DoNotUse, M::FrozenReading, Fact::StoreFrozen));
            } else if c < FRIDGE.min_c {
                found.push(o(Caution, M::TooCold, FRIDGE.fact));
            }
            if c > HOT_ABOVE_C {
                found.push(o(DoNotUse, M::TooHot, Fact::StoreHot));
            }
        }
        // Up to 25 °C: only the time rules apply.
        Some(TempBand::Room) => {}
        Some(TempBand::Warmer) => found.push(o(DoNotUse, M::TooHot, Fact::StoreHot)),
        Some(TempBand::Colder) => found.push(o(DoNotUse, M::ColderMaybeFrozen, Fact::StoreFrozen)),
        // The most cautious answer that applies: it may have been too warm
        // or frozen; not before the pharmacist.
        Some(TempBand::Unknown) => {
            let mut x = o(DoNotUse, M::UnknownTemp, Fact::StoreHot);
            x.note = Some((M::UnknownFrozenNote, Fact::StoreFrozen));
            found.push(x);
        }
    }
    // Time out of the refrigerator, by the region's label.
    let mut allowed = None;
    match (profile.allowance, profile.consumer_limit) {
        (Some(a), _) => {
            if earlier {
                found.push(o(DoNotUse, M::EuOnceOnly, a.fact));
            }
            if hours > a.max_hours {
                found.push(o(DoNotUse, M::EuTooLong, a.fact));
            }
            allowed = Some(o(Ok, M::EuAllowed, a.fact));
        }
        (None, Some(l)) if hours > l.hours => found.push(o(DoNotUse, M::UsOverConsumerLimit, l.fact)),
        (None, limit) => {
            let mut out = o(Caution, M::UsContactPharmacist, limit.map_or(Fact::StoreUsRt, |l| l.fact));
            out.note = limit.map(|l| (M::UsConsumerNote, l.fact));
            found.push(out);
        }
    }
    if found.is_empty() {
        return allowed.into_iter().collect();
    }
    // Worst first; rules of equal severity keep their order (a stable
    // insertion: no sort code in the bundle).
    let mut sorted: Vec<Outcome> = Vec::with_capacity(found.len());
    for x in found {
        let at = sorted.partition_point(|y| y.severity >= x.severity);
        sorted.insert(at, x);
    }
    sorted
}

impl ExcursionMsg {
    /// The answer sends the user to the pharmacist.
    pub fn asks_pharmacist(self) -> bool {
        use ExcursionMsg as M;
        matches!(
            self,
            M::TooHot
                | M::EuOnceOnly
                | M::UsContactPharmacist
                | M::UsOverConsumerLimit
                | M::FrozenReading
                | M::TooCold
                | M::Frozen
                | M::LeftInLight
                | M::PastExpiry
                | M::ColderMaybeFrozen
                | M::UnknownTemp
        )
    }
}

/// What to do for this dose (PROD-SINGLE: a new syringe for every dose),
/// after any "do not use" or "talk to your pharmacist" answer: use a new
/// syringe from the refrigerator, and keep this one to show the pharmacist
/// when the pharmacist is asked. `None` when every answer allows using it
/// (or only says to wait for the foam to clear).
pub fn tonight_note(outcomes: &[Outcome]) -> Option<(ExcursionMsg, Fact)> {
    let pharmacist = outcomes.iter().any(|o| o.msg.asks_pharmacist());
    if pharmacist {
        Some((ExcursionMsg::TonightKeep, Fact::ProdSingle))
    } else if worst(outcomes) == Severity::DoNotUse {
        Some((ExcursionMsg::TonightNew, Fact::ProdSingle))
    } else {
        None
    }
}

/// The most serious severity among `outcomes` (`Ok` for none).
pub fn worst(outcomes: &[Outcome]) -> Severity {
    outcomes.iter().map(|o| o.severity).max().unwrap_or(Severity::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(hours: f64, value: f64, unit: TempUnit) -> Mishap {
        Mishap::OutOfFridge { hours, temp: Temp { value, unit }, earlier_excursion: false }
    }

    #[test]
    fn locale_unit_choice_and_override() {
        assert_eq!(TempUnit::for_locale("en-US", None), TempUnit::F);
        assert_eq!(TempUnit::for_locale("es-US", None), TempUnit::F);
        assert_eq!(TempUnit::for_locale("es_us", None), TempUnit::F);
        assert_eq!(TempUnit::for_locale("en-GB", None), TempUnit::C);
        assert_eq!(TempUnit::for_locale("es-MX", None), TempUnit::C);
        assert_eq!(TempUnit::for_locale("de", None), TempUnit::C);
        assert_eq!(TempUnit::for_locale("", None), TempUnit::C);
        assert_eq!(TempUnit::for_locale("en-US", Some(TempUnit::C)), TempUnit::C);
        assert_eq!(TempUnit::for_locale("fr-FR", Some(TempUnit::F)), TempUnit::F);
        assert_eq!(TempUnit::parse("°F"), Some(TempUnit::F));
        assert_eq!(TempUnit::parse("celsius"), Some(TempUnit::C));
        assert_eq!(TempUnit::parse("k"), None);
    }

    #[test]
    fn fahrenheit_conversion() {
        assert!((f_to_c(77.0) - 25.0).abs() < 1e-9);
        assert!((f_to_c(32.0)).abs() < 1e-9);
        assert!((c_to_f(8.0) - 46.4).abs() < 1e-9);
        assert!((Temp { value: 212.0, unit: TempUnit::F }.celsius() - 100.0).abs() < 1e-9);
        assert_eq!(format_temp(25.0, TempUnit::F, Lang::En), "77 °F");
        assert_eq!(format_temp(25.0, TempUnit::C, Lang::En), "25 °C");
        assert_eq!(format_temp(22.5, TempUnit::C, Lang::Es), "22,5 °C");
        assert_eq!(fridge_range_text(TempUnit::C, Lang::En), "2–8 °C");
        assert_eq!(fridge_range_text(TempUnit::F, Lang::Es), "36–46 °F");
        assert!(storage_text(Lang::Es, TempUnit::F).contains("36–46 °F"));
    }

    /// The first (worst) answer.
    fn first(m: Mishap, p: &'static RegionProfile) -> Outcome {
        assess(m, p)[0]
    }

    #[test]
    fn eu_allowed_at_or_below_25_for_up_to_72_hours() {
        // STORE-EU-RT: 72 hours (version 1 said 12: wrong).
        for m in [out(72.0, 25.0, TempUnit::C), out(30.0, 22.0, TempUnit::C), out(72.0, 77.0, TempUnit::F), out(0.0, 5.0, TempUnit::C)] {
            let all = assess(m, &EU_PROFILE);
            assert_eq!(all.len(), 1, "{m:?}");
            assert_eq!(all[0].severity, Severity::Ok, "{m:?}");
            assert_eq!(all[0].msg, ExcursionMsg::EuAllowed);
            assert_eq!(all[0].fact, Some(Fact::StoreEuRt));
            assert_eq!(all[0].source().as_deref(), Some("EU PL 5"));
        }
        let t = first(out(30.0, 22.0, TempUnit::C), &EU_PROFILE).text(Lang::En, TempUnit::C);
        assert!(t.contains("25 °C") && t.contains("72 hours") && t.contains("Do not put it back"), "{t}");
        let t = first(out(2.0, 20.0, TempUnit::C), &EU_PROFILE).text(Lang::Es, TempUnit::F);
        assert!(t.contains("77 °F") && t.contains("72 horas"), "{t}");
    }

    #[test]
    fn eu_too_hot_too_long_or_second_time() {
        let hot = first(out(1.0, 25.5, TempUnit::C), &EU_PROFILE);
        assert_eq!((hot.severity, hot.msg, hot.fact), (Severity::DoNotUse, ExcursionMsg::TooHot, Some(Fact::StoreHot)));
        // STORE-HOT cites the EU leaflet in the EU.
        assert_eq!(hot.source().as_deref(), Some("EU PL 5"));
        assert_eq!(first(out(1.0, 78.0, TempUnit::F), &EU_PROFILE).msg, ExcursionMsg::TooHot);
        let long = first(out(72.5, 20.0, TempUnit::C), &EU_PROFILE);
        assert_eq!((long.severity, long.msg), (Severity::DoNotUse, ExcursionMsg::EuTooLong));
        let twice = first(Mishap::OutOfFridge { hours: 1.0, temp: Temp { value: 20.0, unit: TempUnit::C }, earlier_excursion: true }, &EU_PROFILE);
        assert_eq!((twice.severity, twice.msg), (Severity::DoNotUse, ExcursionMsg::EuOnceOnly));
        assert!(long.text(Lang::En, TempUnit::C).contains("never put it back"));
        assert!(long.text(Lang::En, TempUnit::C).contains("72 hours"));
    }

    #[test]
    fn us_sends_to_pharmacist_with_ahfs_note() {
        // STORE-US-RT: no label allowance; AHFS: not after more than 24 hours.
        let o = first(out(2.0, 20.0, TempUnit::C), &US_PROFILE);
        assert_eq!((o.severity, o.msg, o.fact), (Severity::Caution, ExcursionMsg::UsContactPharmacist, Some(Fact::StoreUsRt)));
        assert_eq!(o.source().as_deref(), Some("AHFS"));
        let (note, src) = o.note_text(Lang::En, TempUnit::F).unwrap();
        assert_eq!(src, "AHFS");
        assert!(note.contains("24 hours") && note.contains("consumer"));
        assert!(o.text(Lang::En, TempUnit::F).contains("pharmacist"));
        // Even within the EU limits the US profile gives no allowance.
        assert_eq!(first(out(1.0, 77.0, TempUnit::F), profile(Region::Us)).severity, Severity::Caution);
        let over = first(out(25.0, 20.0, TempUnit::C), &US_PROFILE);
        assert_eq!((over.severity, over.fact), (Severity::DoNotUse, Some(Fact::StoreUsRt)));
        assert!(over.text(Lang::Es, TempUnit::C).contains("24 horas"));
        assert!(over.text(Lang::En, TempUnit::C).contains("pharmacist"));
    }

    #[test]
    fn a_frozen_reading_is_do_not_use_in_both_regions() {
        // STORE-FROZEN: at or below 0 °C (32 °F) counts as frozen: "Do not
        // use" (it said "may have frozen: check first").
        for p in [&US_PROFILE, &EU_PROFILE] {
            for (v, u) in [(0.0, TempUnit::C), (-4.0, TempUnit::C), (32.0, TempUnit::F), (20.0, TempUnit::F)] {
                let o = first(out(1.0, v, u), p);
                assert_eq!((o.severity, o.msg, o.fact), (Severity::DoNotUse, ExcursionMsg::FrozenReading, Some(Fact::StoreFrozen)), "{v} {u:?}");
                let t = o.text(Lang::En, u);
                assert!(t.starts_with("Do not use it") && t.contains("pharmacist") && !t.contains("check first"), "{t}");
            }
        }
        assert!(first(out(1.0, 0.0, TempUnit::C), &EU_PROFILE).text(Lang::En, TempUnit::F).contains("32 °F"));
        // Just above 0 °C but below the refrigerator range: ask first.
        let cold = first(out(1.0, 0.5, TempUnit::C), &EU_PROFILE);
        assert_eq!((cold.severity, cold.msg, cold.fact), (Severity::Caution, ExcursionMsg::TooCold, Some(Fact::StoreFridge)));
    }

    #[test]
    fn every_rule_that_applies_is_shown_worst_first() {
        // A temperature rule never hides a more serious one. EU, 100 hours
        // at 30 °C: too hot (STORE-HOT) AND too long (STORE-EU-RT).
        let all = assess(out(100.0, 30.0, TempUnit::C), &EU_PROFILE);
        let msgs: Vec<ExcursionMsg> = all.iter().map(|o| o.msg).collect();
        assert_eq!(msgs, vec![ExcursionMsg::TooHot, ExcursionMsg::EuTooLong]);
        // A cold reading (caution) does not hide 80 hours out (do not use).
        let all = assess(out(80.0, 1.0, TempUnit::C), &EU_PROFILE);
        assert_eq!(all.iter().map(|o| o.msg).collect::<Vec<_>>(), vec![ExcursionMsg::EuTooLong, ExcursionMsg::TooCold]);
        assert_eq!(all[0].severity, Severity::DoNotUse);
        // US, frozen and 30 hours: both "do not use"; the answer is never "check first".
        let all = assess(out(30.0, -2.0, TempUnit::C), &US_PROFILE);
        assert_eq!(all.iter().map(|o| o.msg).collect::<Vec<_>>(), vec![ExcursionMsg::FrozenReading, ExcursionMsg::UsOverConsumerLimit]);
        // US, too hot within 24 h: do not use first, the pharmacist rule listed.
        let all = assess(out(2.0, 30.0, TempUnit::C), &US_PROFILE);
        assert_eq!(all[0].msg, ExcursionMsg::TooHot);
        assert_eq!(all[0].source().as_deref(), Some("USP 659"), "STORE-HOT: USP controlled room temperature in the US");
        assert_eq!(all[1].msg, ExcursionMsg::UsContactPharmacist);
        // Severities never increase down the list; every answer cites its fact.
        for p in [&US_PROFILE, &EU_PROFILE] {
            for h in [0.0, 10.0, 23.0, 30.0, 71.0, 80.0] {
                for t in [-10.0, 0.0, 1.0, 5.0, 22.0, 25.0, 26.0, 40.0] {
                    for earlier in [false, true] {
                        let all = assess(Mishap::OutOfFridge { hours: h, temp: Temp { value: t, unit: TempUnit::C }, earlier_excursion: earlier }, p);
                        assert!(!all.is_empty());
                        assert!(all.windows(2).all(|w| w[0].severity >= w[1].severity), "{h} {t}");
                        assert!(all.iter().all(|o| o.fact.is_some()));
                        assert_eq!(all[0].severity, worst(&all));
                        if all[0].severity == Severity::Ok {
                            assert_eq!(all.len(), 1);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn other_mishaps() {
        for (m, sev, fact, us, eu) in [
            (Mishap::Frozen, Severity::DoNotUse, Fact::StoreFrozen, "US PI 16", "EU PL 5"),
            (Mishap::PastExpiry, Severity::DoNotUse, Fact::StoreExpiry, "US PI", "EU PL 5"),
            (Mishap::LeftInLight, Severity::Caution, Fact::StoreFridge, "US PI 16", "EU PL 5"),
            (Mishap::Foamy, Severity::Caution, Fact::StoreFoam, "AHFS", "AHFS"),
        ] {
            for (p, src) in [(&US_PROFILE, us), (&EU_PROFILE, eu)] {
                let all = assess(m, p);
                assert_eq!(all.len(), 1);
                assert_eq!((all[0].severity, all[0].fact, all[0].source().as_deref()), (sev, Some(fact), Some(src)), "{m:?}");
            }
        }
        assert!(first(Mishap::Foamy, &EU_PROFILE).text(Lang::En, TempUnit::C).contains("few minutes"));
        assert!(first(Mishap::LeftInLight, &EU_PROFILE).text(Lang::En, TempUnit::C).contains("pharmacist"));
        // "Do not use" answers say "ask your pharmacist"; what to do for this
        // dose (a new syringe, PROD-SINGLE) is the separate `tonight_note`.
        for m in ExcursionMsg::ALL {
            let en = m.texts()[0];
            if en.starts_with("Do not use") {
                assert!(en.contains("pharmacist") || *m == ExcursionMsg::EuTooLong, "{m:?}");
                assert!(!en.contains("new syringe") && !en.contains("Take a new"), "{m:?}");
            }
            // The list of pharmacist answers matches the texts.
            if !matches!(m, ExcursionMsg::TonightKeep | ExcursionMsg::UnknownFrozenNote) {
                assert_eq!(m.asks_pharmacist(), en.contains("pharmacist"), "{m:?}");
            }
        }
        assert_eq!(first(out(f64::NAN, 20.0, TempUnit::C), &EU_PROFILE).msg, ExcursionMsg::InvalidEntry);
        assert_eq!(first(out(-1.0, 20.0, TempUnit::C), &EU_PROFILE).msg, ExcursionMsg::InvalidEntry);
        assert_eq!(first(out(-1.0, 20.0, TempUnit::C), &EU_PROFILE).source(), None);
        let all: Vec<Outcome> = [Mishap::Foamy, Mishap::Frozen].iter().map(|&m| first(m, &EU_PROFILE)).collect();
        assert_eq!(worst(&all), Severity::DoNotUse);
        assert_eq!(worst(&[]), Severity::Ok);
    }

    #[test]
    fn form_builds_the_mishap_in_the_typed_unit() {
        let m = mishap_from_form(MishapKind::OutOfFridge, "6", "22", TempUnit::C, false);
        assert_eq!(m, Ok(out(6.0, 22.0, TempUnit::C)));
        // EU: 6 h at 22 °C is the allowed once-only excursion.
        let o = first(m.unwrap_or(Mishap::Frozen), profile(Region::Eu));
        assert_eq!((o.severity, o.msg), (Severity::Ok, ExcursionMsg::EuAllowed));
        assert!(o.text(Lang::En, TempUnit::C).contains("Do not put it back in the refrigerator"));
        // US: same entry, contact the pharmacist.
        let us = first(out(6.0, 22.0, TempUnit::C), profile(Region::Us));
        assert!(us.text(Lang::En, TempUnit::C).contains("pharmacist"));
        // Decimal comma, Fahrenheit, the earlier-excursion box.
        let f = mishap_from_form(MishapKind::OutOfFridge, "1,5", "71.6", TempUnit::F, true);
        assert_eq!(f, Ok(Mishap::OutOfFridge { hours: 1.5, temp: Temp { value: 71.6, unit: TempUnit::F }, earlier_excursion: true }));
        assert_eq!(mishap_from_form(MishapKind::Frozen, "", "x", TempUnit::C, false), Ok(Mishap::Frozen));
        assert_eq!(mishap_from_form(MishapKind::PastExpiry, "", "", TempUnit::C, false), Ok(Mishap::PastExpiry));
    }

    #[test]
    fn form_errors_name_each_bad_field() {
        let e = mishap_from_form(MishapKind::OutOfFridge, "", "22 C", TempUnit::C, false);
        assert_eq!(e, Err(FormErrors { hours: Some(NumberError::Empty), temp: Some(TempError::Number(NumberError::NotANumber)) }));
        let e = mishap_from_form(MishapKind::OutOfFridge, "-2", "20", TempUnit::C, false);
        assert_eq!(e, Err(FormErrors { hours: Some(NumberError::Negative), temp: None }));
        assert_eq!(parse_temp("-4"), Ok(-4.0));
        assert_eq!(parse_temp(" -0,5 "), Ok(-0.5));
        assert_eq!(parse_temp("--4"), Err(NumberError::NotANumber));
        assert_eq!(parse_temp(""), Err(NumberError::Empty));
        // A temperature below zero is never "allowed" (STORE-FROZEN).
        let cold = mishap_from_form(MishapKind::OutOfFridge, "1", "-4", TempUnit::C, false);
        assert_eq!(cold.map(|m| assess(m, &EU_PROFILE)[0].msg), Ok(ExcursionMsg::FrozenReading));
    }

    /// The answer for `hours` at `value` typed in `unit`, through the form.
    fn answer(region: Region, hours: &str, value: &str, unit: TempUnit) -> Result<(Severity, ExcursionMsg), FormErrors> {
        mishap_from_form(MishapKind::OutOfFridge, hours, value, unit, false).map(|m| {
            let o = assess(m, profile(region))[0];
            (o.severity, o.msg)
        })
    }

    fn temp_error(value: &str, unit: TempUnit) -> Option<TempError> {
        answer(Region::Eu, "1", value, unit).err().and_then(|e| e.temp)
    }

    #[test]
    fn eu_boundaries_in_celsius_and_fahrenheit() {
        use ExcursionMsg as M;
        use Severity::{Caution, DoNotUse};
        let ok = Severity::Ok;
        let eu = |h: &str, t: &str, u| answer(Region::Eu, h, t, u);
        // Allowed: ≤ 25 °C (77 °F), ≤ 72 h, once (STORE-EU-RT, EU PL 5).
        assert_eq!(eu("72", "25", TempUnit::C), Result::Ok((ok, M::EuAllowed)));
        assert_eq!(eu("72", "77", TempUnit::F), Result::Ok((ok, M::EuAllowed)));
        assert_eq!(eu("30", "22", TempUnit::C), Result::Ok((ok, M::EuAllowed)));
        assert_eq!(eu("1", "25,1", TempUnit::C), Result::Ok((DoNotUse, M::TooHot)));
        assert_eq!(eu("1", "77.1", TempUnit::F), Result::Ok((DoNotUse, M::TooHot)));
        assert_eq!(eu("72.1", "20", TempUnit::C), Result::Ok((DoNotUse, M::EuTooLong)));
        assert_eq!(eu("72.1", "68", TempUnit::F), Result::Ok((DoNotUse, M::EuTooLong)));
        // Well above: never a soft answer.
        assert_eq!(eu("2", "200", TempUnit::F), Result::Ok((DoNotUse, M::TooHot)));
        assert_eq!(eu("2", "90", TempUnit::C), Result::Ok((DoNotUse, M::TooHot)));
        // The bottom of the refrigerator range (2 °C, 35.6 °F), below it, and frozen.
        assert_eq!(eu("1", "2", TempUnit::C), Result::Ok((ok, M::EuAllowed)));
        assert_eq!(eu("1", "35.6", TempUnit::F), Result::Ok((ok, M::EuAllowed)));
        assert_eq!(eu("1", "1.9", TempUnit::C), Result::Ok((Caution, M::TooCold)));
        assert_eq!(eu("1", "35.5", TempUnit::F), Result::Ok((Caution, M::TooCold)));
        assert_eq!(eu("1", "0,1", TempUnit::C), Result::Ok((Caution, M::TooCold)));
        assert_eq!(eu("1", "0", TempUnit::C), Result::Ok((DoNotUse, M::FrozenReading)));
        assert_eq!(eu("1", "32", TempUnit::F), Result::Ok((DoNotUse, M::FrozenReading)));
    }

    #[test]
    fn us_boundaries_in_celsius_and_fahrenheit() {
        use ExcursionMsg as M;
        use Severity::{Caution, DoNotUse};
        let us = |h: &str, t: &str, u| answer(Region::Us, h, t, u);
        // No allowance in the US label: up to room temperature, do not use it
        // until the pharmacist says so (with the AHFS note) …
        assert_eq!(us("2", "25", TempUnit::C), Result::Ok((Caution, M::UsContactPharmacist)));
        assert_eq!(us("2", "77", TempUnit::F), Result::Ok((Caution, M::UsContactPharmacist)));
        // … above it (STORE-HOT), and after more than 24 h (STORE-US-RT), do not use it.
        assert_eq!(us("2", "25.1", TempUnit::C), Result::Ok((DoNotUse, M::TooHot)));
        assert_eq!(us("2", "77.1", TempUnit::F), Result::Ok((DoNotUse, M::TooHot)));
        assert_eq!(us("2", "200", TempUnit::F), Result::Ok((DoNotUse, M::TooHot)));
        assert_eq!(us("24", "20", TempUnit::C), Result::Ok((Caution, M::UsContactPharmacist)));
        assert_eq!(us("24.1", "20", TempUnit::C), Result::Ok((DoNotUse, M::UsOverConsumerLimit)));
        assert_eq!(us("24.1", "68", TempUnit::F), Result::Ok((DoNotUse, M::UsOverConsumerLimit)));
        assert_eq!(us("1", "1.9", TempUnit::C), Result::Ok((Caution, M::TooCold)));
        assert_eq!(us("1", "35.5", TempUnit::F), Result::Ok((Caution, M::TooCold)));
        assert_eq!(us("1", "32", TempUnit::F), Result::Ok((DoNotUse, M::FrozenReading)));
        let hot = first(out(2.0, 200.0, TempUnit::F), &US_PROFILE);
        assert_eq!(hot.source().as_deref(), Some("USP 659"));
        let t = hot.text(Lang::En, TempUnit::F);
        assert!(t.starts_with("Do not use it") && t.contains("77 °F") && t.contains("pharmacist"), "{t}");
        assert!(hot.text(Lang::Es, TempUnit::C).contains("25 °C"));
    }

    #[test]
    fn impossible_and_implausible_temperatures_are_refused_without_a_verdict() {
        use TempError::*;
        // Below absolute zero (−273.15 °C, −459.67 °F): impossible.
        assert_eq!(temp_error("-500", TempUnit::F), Some(BelowAbsoluteZero));
        assert_eq!(temp_error("-459.7", TempUnit::F), Some(BelowAbsoluteZero));
        assert_eq!(temp_error("-273.2", TempUnit::C), Some(BelowAbsoluteZero));
        assert_eq!(temp_error("-459.6", TempUnit::F), Some(Implausible));
        assert_eq!(temp_error("-273.1", TempUnit::C), Some(Implausible));
        // Not at home or in a car: −50…100 °C (−58…212 °F), bounds included.
        assert_eq!(temp_error("-50", TempUnit::C), None);
        assert_eq!(temp_error("-50.1", TempUnit::C), Some(Implausible));
        assert_eq!(temp_error("-58", TempUnit::F), None);
        assert_eq!(temp_error("-58.1", TempUnit::F), Some(Implausible));
        assert_eq!(temp_error("100", TempUnit::C), None);
        assert_eq!(temp_error("100.1", TempUnit::C), Some(Implausible));
        assert_eq!(temp_error("212", TempUnit::F), None);
        assert_eq!(temp_error("212.1", TempUnit::F), Some(Implausible));
        assert_eq!(temp_error("2000", TempUnit::C), Some(Implausible));
        // Both fields are checked at once; no verdict while one is wrong.
        let e = mishap_from_form(MishapKind::OutOfFridge, "x", "-500", TempUnit::F, false);
        assert_eq!(e, Err(FormErrors { hours: Some(NumberError::NotANumber), temp: Some(BelowAbsoluteZero) }));
        // The messages explain, in the unit typed.
        let t = Implausible.text(Lang::En, TempUnit::F);
        assert!(t.contains("-58 °F") && t.contains("212 °F") && t.contains("unit"), "{t}");
        assert!(Implausible.text(Lang::Es, TempUnit::C).contains("-50 °C"));
        assert!(BelowAbsoluteZero.text(Lang::En, TempUnit::C).contains("absolute zero"));
        assert!(BelowAbsoluteZero.text(Lang::Es, TempUnit::C).contains("cero absoluto"));
        assert_eq!(Number(NumberError::Empty).text(Lang::En, TempUnit::C), "Enter a number.");
        // assess() itself gives no verdict on such a value either.
        assert_eq!(first(out(1.0, -500.0, TempUnit::F), &US_PROFILE).msg, ExcursionMsg::InvalidEntry);
        assert_eq!(first(out(1.0, 150.0, TempUnit::C), &EU_PROFILE).msg, ExcursionMsg::InvalidEntry);
    }

    #[test]
    fn each_region_cites_its_own_label() {
        // STORE-FRIDGE, STORE-CHILDREN and PROD-LATEX on the storage card.
        assert_eq!(storage_source(Region::Us), "US PI 16; EU PL 5; US PI");
        assert_eq!(storage_source(Region::Eu), "EU PL 5; EU SmPC 6.5");
        assert!(storage_text(Lang::En, TempUnit::C).contains("out of the sight and reach of children"));
        assert!(storage_text(Lang::Es, TempUnit::C).contains("alcance de los niños"));
        // PROD-LATEX: said the right way round, never "contains latex".
        assert!(storage_text(Lang::En, TempUnit::C).contains("not made with natural rubber latex"));
        assert!(storage_text(Lang::Es, TempUnit::C).contains("no están fabricados con látex"));
        assert_eq!(STORAGE_CARD_FACTS, [Fact::StoreFridge, Fact::StoreChildren, Fact::ProdLatex]);
        assert_eq!(EU_PROFILE.allowance.map(|a| (a.max_hours, a.fact)), Some((72.0, Fact::StoreEuRt)));
    }

    #[test]
    fn mishap_choices_are_labelled_in_both_languages() {
        for k in MishapKind::ALL {
            let [en, es] = k.texts();
            assert!(!en.is_empty() && en != es && !k.code().is_empty());
        }
    }

    #[test]
    fn every_text_is_filled_in_both_languages() {
        let field_msgs = [ExcursionMsg::TempImpossible, ExcursionMsg::TempImplausible];
        for &m in ExcursionMsg::ALL.iter().filter(|m| !field_msgs.contains(m)) {
            for p in [&US_PROFILE, &EU_PROFILE] {
                let o = Outcome::new(Severity::Ok, m, None, p);
                for l in Lang::ALL {
                    let t = o.text(l, TempUnit::C);
                    assert!(!t.is_empty());
                    // Placeholders only stay empty for numbers the profile lacks.
                    assert!(!t.contains('{'), "{t}");
                }
            }
        }
        // The field messages, through the function that shows them.
        for e in [TempError::BelowAbsoluteZero, TempError::Implausible] {
            for l in Lang::ALL {
                for u in [TempUnit::C, TempUnit::F] {
                    let t = e.text(l, u);
                    assert!(!t.is_empty());
                    assert!(!t.contains('{'), "{t}");
                }
            }
        }
    }

    fn about(hours: f64, band: TempBand) -> Vec<Outcome> {
        assess(Mishap::OutOfFridgeAbout { hours, band, earlier_excursion: false }, profile(REGION_UNUSED))
    }
    const REGION_UNUSED: Region = Region::Eu;

    fn msgs(all: &[Outcome]) -> Vec<ExcursionMsg> {
        all.iter().map(|o| o.msg).collect()
    }

    #[test]
    fn eu_bands_without_a_thermometer() {
        use ExcursionMsg as M;
        let eu = |h, b| assess(Mishap::OutOfFridgeAbout { hours: h, band: b, earlier_excursion: false }, &EU_PROFILE);
        // Room temperature = up to 25 °C: the 72-hour rule (STORE-EU-RT).
        let all = eu(6.0, TempBand::Room);
        assert_eq!((msgs(&all), all[0].severity, all[0].fact), (vec![M::EuAllowed], Severity::Ok, Some(Fact::StoreEuRt)));
        assert_eq!(tonight_note(&all), None);
        assert_eq!(msgs(&eu(73.0, TempBand::Room)), vec![M::EuTooLong]);
        assert_eq!(tonight_note(&eu(73.0, TempBand::Room)), Some((M::TonightNew, Fact::ProdSingle)));
        // Warmer: STORE-HOT, do not use.
        let hot = eu(1.0, TempBand::Warmer);
        assert_eq!((msgs(&hot), hot[0].severity, hot[0].fact), (vec![M::TooHot], Severity::DoNotUse, Some(Fact::StoreHot)));
        // Colder, near freezing: may have frozen, STORE-FROZEN, do not use.
        let cold = eu(1.0, TempBand::Colder);
        assert_eq!((msgs(&cold), cold[0].severity, cold[0].fact), (vec![M::ColderMaybeFrozen], Severity::DoNotUse, Some(Fact::StoreFrozen)));
        assert_eq!(cold[0].source().as_deref(), Some("EU PL 5"));
        // Don't know: the most cautious answer, with the pharmacist; both facts.
        let unknown = eu(1.0, TempBand::Unknown);
        assert_eq!((msgs(&unknown), unknown[0].severity), (vec![M::UnknownTemp], Severity::DoNotUse));
        assert_eq!(unknown[0].fact, Some(Fact::StoreHot));
        assert_eq!(unknown[0].note.map(|n| n.1), Some(Fact::StoreFrozen));
        assert!(unknown[0].text(Lang::En, TempUnit::C).contains("above 25 °C"));
        // Every band keeps the time rules: 80 hours and colder lists both.
        assert_eq!(msgs(&eu(80.0, TempBand::Colder)), vec![M::ColderMaybeFrozen, M::EuTooLong]);
        assert_eq!(about(1.0, TempBand::Room).len(), 1);
    }

    #[test]
    fn us_bands_without_a_thermometer() {
        use ExcursionMsg as M;
        let us = |h, b| assess(Mishap::OutOfFridgeAbout { hours: h, band: b, earlier_excursion: false }, &US_PROFILE);
        // Room temperature: no allowance in the US label; the pharmacist, with the 24-hour note (STORE-US-RT).
        let room = us(6.0, TempBand::Room);
        assert_eq!((msgs(&room), room[0].severity, room[0].fact), (vec![M::UsContactPharmacist], Severity::Caution, Some(Fact::StoreUsRt)));
        assert!(room[0].note.is_some());
        assert_eq!(msgs(&us(25.0, TempBand::Room)), vec![M::UsOverConsumerLimit]);
        // Warmer: STORE-HOT (USP in the US).
        let hot = us(1.0, TempBand::Warmer);
        assert_eq!(hot[0].msg, M::TooHot);
        assert_eq!(hot[0].source().as_deref(), Some("USP 659"));
        // Colder: STORE-FROZEN.
        assert_eq!(us(1.0, TempBand::Colder)[0].source().as_deref(), Some("US PI 16"));
        assert_eq!(us(1.0, TempBand::Unknown)[0].severity, Severity::DoNotUse);
    }

    #[test]
    fn every_do_not_use_or_pharmacist_answer_says_what_to_do_for_this_dose() {
        // PROD-SINGLE: a new syringe from the refrigerator for this dose; keep
        // this one to show the pharmacist.
        for p in [&US_PROFILE, &EU_PROFILE] {
            let mut cases: Vec<Mishap> = vec![Mishap::Frozen, Mishap::LeftInLight, Mishap::PastExpiry, Mishap::Foamy];
            for h in [1.0, 30.0, 80.0] {
                for t in [-3.0, 1.0, 20.0, 30.0] {
                    cases.push(out(h, t, TempUnit::C));
                }
                for b in TempBand::ALL {
                    cases.push(Mishap::OutOfFridgeAbout { hours: h, band: b, earlier_excursion: false });
                }
            }
            for m in cases {
                let all = assess(m, p);
                let needs = all.iter().any(|o| o.severity == Severity::DoNotUse || o.msg.asks_pharmacist());
                let note = tonight_note(&all);
                assert_eq!(note.is_some(), needs, "{m:?}");
                if let Some((msg, fact)) = note {
                    assert_eq!(fact, Fact::ProdSingle);
                    assert!(msg.tr(Lang::En).contains("new syringe from the refrigerator"));
                    assert!(msg.tr(Lang::Es).contains("jeringa nueva del refrigerador"));
                    let keep = all.iter().any(|o| o.msg.asks_pharmacist());
                    assert_eq!(msg == ExcursionMsg::TonightKeep, keep, "{m:?}");
                }
            }
        }
        assert!(ExcursionMsg::TonightKeep.tr(Lang::En).contains("keep this one to show your pharmacist"));
        // The band labels, the limit in the user's unit.
        assert_eq!(TempBand::Room.label(Lang::En, TempUnit::C), "Room temperature (up to 25 °C)");
        assert_eq!(TempBand::Room.label(Lang::Es, TempUnit::F), "Temperatura ambiente (hasta 77 °F)");
        for b in TempBand::ALL {
            let [en, es] = b.texts();
            assert!(en != es && !b.code().is_empty());
        }
    }

    #[test]
    fn the_band_form_reads_only_the_hours() {
        let m = mishap_from_form_band(MishapKind::OutOfFridge, "2,5", Some(TempBand::Colder), "nonsense", TempUnit::C, true);
        assert_eq!(m, Ok(Mishap::OutOfFridgeAbout { hours: 2.5, band: TempBand::Colder, earlier_excursion: true }));
        let e = mishap_from_form_band(MishapKind::OutOfFridge, "", Some(TempBand::Room), "", TempUnit::C, false);
        assert_eq!(e, Err(FormErrors { hours: Some(NumberError::Empty), temp: None }));
        // Without a band, the number is read as before.
        assert_eq!(
            mishap_from_form_band(MishapKind::OutOfFridge, "1", None, "22", TempUnit::C, false),
            mishap_from_form(MishapKind::OutOfFridge, "1", "22", TempUnit::C, false)
        );
        assert_eq!(mishap_from_form_band(MishapKind::Frozen, "", Some(TempBand::Room), "", TempUnit::C, false), Ok(Mishap::Frozen));
    }
}
