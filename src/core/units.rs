//! Number parsing and checked clinical quantities.
//!
//! Every quantity is a `Copy` newtype with a private field, so a value that
//! reached the dose code has already passed its checks. Upper limits on weight
//! are *input-sanity bounds* (catching typos such as 700 kg), not clinical
//! rules; the one clinical limit here, 8 mg/kg/day, carries its source.


use super::i18n::Translate;

/// Pounds to kilograms, exact by definition (1 lb = 0.45359237 kg; ISMP: weight
/// in kilograms for every calculation, a weight in pounds is converted).
pub const KG_PER_LB: f64 = 0.453_592_37;
/// Source of the lb → kg rule (CLINICAL.md, "Writing doses safely").
pub const KG_PER_LB_SOURCE: &str = "ISMP";

/// Input-sanity bound on body weight (not a clinical limit): anything above is
/// taken to be a typing error.
pub const WEIGHT_SANITY_MAX_KG: f64 = 300.0;

/// Maximum NOMID/DIRA dose, 8 mg/kg/day.
pub const MAX_MG_PER_KG_PER_DAY: f64 = 8.0;
/// Source of [`MAX_MG_PER_KG_PER_DAY`].
pub const MAX_MG_PER_KG_PER_DAY_SOURCE: &str = "US PI 2.2";

/// Why a typed-in number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but whitespace.
    Empty,
    /// Not a plain decimal number (letters, units, exponents, thousands
    /// separators, several separators, …).
    NotANumber,
    /// A well-formed number with a minus sign (the UI says "must be more than 0").
    Negative,
    /// One separator before exactly three digits after 1–3 non-zero digits
    /// ("1,000", "2.500"): a thousands separator in one notation and a
    /// decimal in the other, so a 1000× misreading. Refused, never guessed.
    Ambiguous,
}

impl Translate for NumberError {
    crate::text_slots!(NumberError);
    fn en(self) -> &'static str {
        match self {
            NumberError::Empty => "Enter a number.",
            NumberError::NotANumber => "Enter a number only, for example 12.5 (no units or letters).",
            NumberError::Negative => "Must be more than 0.",
            NumberError::Ambiguous => "Unclear: a comma or point before exactly 3 digits may be a thousands separator. Write thousands without it (1000) and decimals with fewer digits (1.25, not 1.250).",
        }
    }

    fn es(self) -> &'static str {
        match self {
            NumberError::Empty => "Introduzca un número.",
            NumberError::NotANumber => "Introduzca solo un número, por ejemplo 12,5 (sin unidades ni letras).",
            NumberError::Negative => "Debe ser mayor que 0.",
            NumberError::Ambiguous => "No está claro: una coma o un punto antes de exactamente 3 cifras puede ser un separador de miles. Escriba los miles sin separador (1000) y los decimales con menos cifras (1,25, no 1,250).",
        }
    }
}

impl NumberError {
    pub const ALL: [NumberError; 4] =
        [NumberError::Empty, NumberError::NotANumber, NumberError::Negative, NumberError::Ambiguous];
}

/// Parses a decimal typed by a person, in either `.` or `,` decimal notation.
///
/// Accepts: optional surrounding whitespace, ASCII digits with at most one
/// decimal separator (`.` or `,`), at least one digit: "12.5", "12,5", " 7 ",
/// ".5" / ",5" (= 0.5), "5." (= 5).
/// Refuses (never half-reads): "" → `Empty`; "-3" → `Negative`; "20 kg",
/// "20kg", "1e3", "NaN", "inf", "+5", "1,234.5", "1.234,5", "1.2.3" →
/// `NotANumber`; "1,234", "12.500" (a separator before exactly three digits,
/// after 1–3 digits that are not all zero) → `Ambiguous`, since that is a
/// thousands separator in one notation and a decimal in the other. "0,125",
/// "1234,567" and "1,2345" are read as decimals.
pub fn parse_decimal(s: &str) -> Result<f64, NumberError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    // Read the digits into an integer mantissa and a count of decimals; the
    // value is then one correctly rounded division (no float parser in the
    // bundle). Exact for up to 15 significant digits (the mantissa stays
    // below 2^53); longer inputs may differ from `str::parse` in the last
    // binary digit, far below any clinical resolution.
    let mut mantissa: u64 = 0;
    let mut approx = 0f64;
    let mut digits = 0u32;
    let mut decimals = 0i32;
    let mut separators = 0u32;
    let mut int_digits = 0u32;
    let mut int_nonzero = false;
    for c in body.chars() {
        match c {
            '0'..='9' => {
                let d = u64::from(c as u8 - b'0');
                digits += 1;
                if separators > 0 {
                    decimals += 1;
                } else {
                    int_digits += 1;
                    int_nonzero |= d != 0;
                }
                mantissa = mantissa.saturating_mul(10).saturating_add(d);
                approx = approx * 10.0 + d as f64;
            }
            '.' | ',' => separators += 1,
            _ => return Err(NumberError::NotANumber),
        }
    }
    if digits == 0 || separators > 1 {
        return Err(NumberError::NotANumber);
    }
    let whole = if digits <= 18 { mantissa as f64 } else { approx };
    let value = whole / 10f64.powi(decimals);
    if !value.is_finite() {
        return Err(NumberError::NotANumber);
    }
    if negative {
        return Err(NumberError::Negative);
    }
    if separators == 1 && decimals == 3 && int_nonzero && int_digits <= 3 {
        return Err(NumberError::Ambiguous);
    }
    Ok(value)
}

/// Why a quantity was refused by its checked constructor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantityError {
    /// NaN or ±infinity.
    NotFinite,
    /// Below the allowed minimum (≤ 0 where the quantity must be positive, < 0
    /// where zero is allowed).
    TooSmall,
    /// Above the allowed maximum (sanity bound or clinical maximum).
    AboveMax,
}

/// Body weight in kilograms: finite, > 0, ≤ [`WEIGHT_SANITY_MAX_KG`].
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Kilograms(f64);

impl Kilograms {
    pub fn new(kg: f64) -> Result<Self, QuantityError> {
        if !kg.is_finite() {
            Err(QuantityError::NotFinite)
        } else if kg <= 0.0 {
            Err(QuantityError::TooSmall)
        } else if kg > WEIGHT_SANITY_MAX_KG {
            Err(QuantityError::AboveMax)
        } else {
            Ok(Kilograms(kg))
        }
    }

    /// Converts pounds (1 lb = 0.45359237 kg, ISMP) then applies the same checks.
    pub fn from_pounds(lb: f64) -> Result<Self, QuantityError> {
        if !lb.is_finite() {
            return Err(QuantityError::NotFinite);
        }
        Kilograms::new(lb * KG_PER_LB)
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

/// A mass of anakinra in milligrams: finite, ≥ 0.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Milligrams(f64);

impl Milligrams {
    pub fn new(mg: f64) -> Result<Self, QuantityError> {
        if !mg.is_finite() {
            Err(QuantityError::NotFinite)
        } else if mg < 0.0 {
            Err(QuantityError::TooSmall)
        } else {
            Ok(Milligrams(mg))
        }
    }

    /// From an integer count of tenths of a milligram: always finite and ≥ 0,
    /// so it cannot fail. Used by the dose code, which computes in 0.1 mg units.
    pub(crate) fn from_tenths(tenths: u32) -> Self {
        Milligrams(f64::from(tenths) / 10.0)
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

/// A volume in millilitres: finite, ≥ 0.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Millilitres(f64);

impl Millilitres {
    pub fn new(ml: f64) -> Result<Self, QuantityError> {
        if !ml.is_finite() {
            Err(QuantityError::NotFinite)
        } else if ml < 0.0 {
            Err(QuantityError::TooSmall)
        } else {
            Ok(Millilitres(ml))
        }
    }

    /// From an integer count of hundredths of a millilitre (cannot fail).
    pub(crate) fn from_hundredths(hundredths: u32) -> Self {
        Millilitres(f64::from(hundredths) / 100.0)
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

/// A prescribed weight-based dose: finite, > 0, ≤ 8 mg/kg/day (US PI 2.2).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct MgPerKgPerDay(f64);

impl MgPerKgPerDay {
    pub const MAX: f64 = MAX_MG_PER_KG_PER_DAY;
    pub const MAX_SOURCE: &'static str = MAX_MG_PER_KG_PER_DAY_SOURCE;

    pub fn new(v: f64) -> Result<Self, QuantityError> {
        if !v.is_finite() {
            Err(QuantityError::NotFinite)
        } else if v <= 0.0 {
            Err(QuantityError::TooSmall)
        } else if v > Self::MAX {
            Err(QuantityError::AboveMax)
        } else {
            Ok(MgPerKgPerDay(v))
        }
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

/// Display unit for temperatures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TempUnit {
    C,
    F,
}

crate::wire_enum!(TempUnit { C => "C", F => "F" });

impl TempUnit {
    pub const ALL: [TempUnit; 2] = [TempUnit::C, TempUnit::F];

    /// The `units` attribute's value: "c" | "f".
    pub fn code(self) -> &'static str {
        match self {
            TempUnit::C => "c",
            TempUnit::F => "f",
        }
    }

    /// °F for "en-US" and "es-US" (any case, `_` or `-`), °C for every other
    /// locale. An explicit choice always wins.
    pub fn for_locale(locale: &str, explicit: Option<TempUnit>) -> TempUnit {
        if let Some(u) = explicit {
            return u;
        }
        let l = locale.trim().replace('_', "-").to_ascii_lowercase();
        if l == "en-us" || l == "es-us" {
            TempUnit::F
        } else {
            TempUnit::C
        }
    }

    /// Parses "c"/"°C"/"celsius" and "f"/"°F"/"fahrenheit".
    pub fn parse(s: &str) -> Option<TempUnit> {
        match s.trim().trim_start_matches('°').to_ascii_lowercase().as_str() {
            "c" | "celsius" => Some(TempUnit::C),
            "f" | "fahrenheit" => Some(TempUnit::F),
            _ => None,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            TempUnit::C => "°C",
            TempUnit::F => "°F",
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;

    #[test]
    fn parse_accepts_dot_and_comma_decimals() {
        assert_eq!(parse_decimal("12.5"), Ok(12.5));
        assert_eq!(parse_decimal("12,5"), Ok(12.5));
        assert_eq!(parse_decimal(" 7 "), Ok(7.0));
        assert_eq!(parse_decimal("0.5"), Ok(0.5));
        assert_eq!(parse_decimal(".5"), Ok(0.5));
        assert_eq!(parse_decimal(",5"), Ok(0.5));
        assert_eq!(parse_decimal("5."), Ok(5.0));
        assert_eq!(parse_decimal("0"), Ok(0.0));
        assert_eq!(parse_decimal("\t44\n"), Ok(44.0));
        assert_eq!(parse_decimal("1,234"), Err(NumberError::Ambiguous));
        assert_eq!(parse_decimal("1,000"), Err(NumberError::Ambiguous));
        assert_eq!(parse_decimal("12.500"), Err(NumberError::Ambiguous));
        assert_eq!(parse_decimal("999,999"), Err(NumberError::Ambiguous));
        assert_eq!(parse_decimal("0,125"), Ok(0.125));
        assert_eq!(parse_decimal("0.800"), Ok(0.8));
        assert_eq!(parse_decimal("1234,567"), Ok(1234.567));
        assert_eq!(parse_decimal("1,2345"), Ok(1.2345));
        assert_eq!(parse_decimal("1,23"), Ok(1.23));
        assert_eq!(parse_decimal("1000"), Ok(1000.0));
        assert_eq!(parse_decimal("-1,000"), Err(NumberError::Negative));
    }

    #[test]
    fn parse_rejects_empty() {
        assert_eq!(parse_decimal(""), Err(NumberError::Empty));
        assert_eq!(parse_decimal("   "), Err(NumberError::Empty));
    }

    #[test]
    fn parse_rejects_non_numbers_without_half_reading() {
        for s in [
            "abc", "20 kg", "20kg", "kg20", "1e3", "1E3", "NaN", "nan", "inf", "-inf", "infinity", "+5", "1,234.5",
            "1.234,5", "1.2.3", "1,,2", ".", ",", "-", "--3", "- 3", "1 000", "0x10", "½", "١٢", "12.5.", "3-",
        ] {
            assert_eq!(parse_decimal(s), Err(NumberError::NotANumber), "{s:?}");
        }
    }

    #[test]
    fn parse_flags_negative_separately() {
        assert_eq!(parse_decimal("-3"), Err(NumberError::Negative));
        assert_eq!(parse_decimal(" -0,5 "), Err(NumberError::Negative));
        assert_eq!(parse_decimal("-abc"), Err(NumberError::NotANumber));
    }

    #[test]
    fn parse_rejects_overflow_to_infinity() {
        let huge = "9".repeat(400);
        assert_eq!(parse_decimal(&huge), Err(NumberError::NotANumber));
    }

    #[test]
    fn pounds_convert_exactly__ismp() {
        let kg = Kilograms::from_pounds(44.0).unwrap().value();
        assert!((kg - 19.958_064_28).abs() < 1e-9);
        assert_eq!(KG_PER_LB, 0.45359237);
        assert_eq!(KG_PER_LB_SOURCE, "ISMP");
    }

    #[test]
    fn kilograms_checks() {
        assert_eq!(Kilograms::new(0.0), Err(QuantityError::TooSmall));
        assert_eq!(Kilograms::new(-1.0), Err(QuantityError::TooSmall));
        assert_eq!(Kilograms::new(f64::NAN), Err(QuantityError::NotFinite));
        assert_eq!(Kilograms::new(f64::INFINITY), Err(QuantityError::NotFinite));
        assert_eq!(Kilograms::new(300.0).map(Kilograms::value), Ok(300.0));
        assert_eq!(Kilograms::new(300.01), Err(QuantityError::AboveMax));
        assert_eq!(Kilograms::from_pounds(662.0), Err(QuantityError::AboveMax));
        assert_eq!(Kilograms::from_pounds(f64::NAN), Err(QuantityError::NotFinite));
        assert_eq!(Kilograms::from_pounds(0.0), Err(QuantityError::TooSmall));
    }

    #[test]
    fn milligrams_and_millilitres_allow_zero_not_negative() {
        assert_eq!(Milligrams::new(0.0).map(Milligrams::value), Ok(0.0));
        assert_eq!(Milligrams::new(-0.1), Err(QuantityError::TooSmall));
        assert_eq!(Milligrams::new(f64::NAN), Err(QuantityError::NotFinite));
        assert_eq!(Millilitres::new(0.67).map(Millilitres::value), Ok(0.67));
        assert_eq!(Millilitres::new(-1.0), Err(QuantityError::TooSmall));
        assert_eq!(Millilitres::new(f64::INFINITY), Err(QuantityError::NotFinite));
        assert_eq!(Milligrams::from_tenths(1596).value(), 159.6);
        assert_eq!(Millilitres::from_hundredths(13).value(), 0.13);
    }

    #[test]
    fn mg_per_kg_per_day_max_is_8__us_pi_2_2() {
        assert_eq!(MgPerKgPerDay::new(8.0).map(MgPerKgPerDay::value), Ok(8.0));
        assert_eq!(MgPerKgPerDay::new(8.01), Err(QuantityError::AboveMax));
        assert_eq!(MgPerKgPerDay::new(0.0), Err(QuantityError::TooSmall));
        assert_eq!(MgPerKgPerDay::new(-1.0), Err(QuantityError::TooSmall));
        assert_eq!(MgPerKgPerDay::new(f64::NAN), Err(QuantityError::NotFinite));
        assert_eq!(MgPerKgPerDay::MAX_SOURCE, "US PI 2.2");
    }
}
