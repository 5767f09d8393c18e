//! ISMP-safe number formatting (CLINICAL.md, "Writing doses safely"):
//! leading zero below one ("0.2", never ".2"), no trailing zeros ("20", never
//! "20.0"), the language's decimal separator ("." en, "," es), rounding half
//! away from zero.
//!
//! Thousands (ISMP-FORMAT): the doses, volumes and weights shown with their
//! unit ([`fmt_mg`], [`fmt_ml`], [`fmt_kg`], [`fmt_display`]) group thousands
//! with "," in English ("2,400 mg"); Spanish has no separator ("2400 mg":
//! never a point, which reads as a decimal there). [`fmt_number`] itself
//! never groups: its output is also put back into input fields and read by
//! `units::parse_decimal`, which refuses separators ("1,000" would read as 1).
//!
//! Rounding is done in integers on a grid of 10⁻⁹ first, so values that are
//! a decimal "half" to a person round as a person expects (1.005 → 1.01, not
//! 1.00 as its binary expansion 1.00499999… would). Integer arithmetic keeps
//! Rust's float formatting machinery (≈ 20 KB of wasm) out of the bundle.

use super::i18n::Lang;

/// The fact these conventions apply (ISMP-FORMAT).
pub const FACT: crate::core::facts::Fact = crate::core::facts::Fact::IsmpFormat;

/// Source string for these conventions.
pub const SOURCE: &str = "ISMP";

const GRID_DECIMALS: u32 = 9;

/// `|value|` rounded half away from zero to `decimals` (≤ 9), as an integer
/// count of 10^-decimals; `None` when it does not fit (|value| ≥ 9·10⁹).
fn scaled(value: f64, decimals: u8) -> Option<u64> {
    let d = u32::from(decimals.min(GRID_DECIMALS as u8));
    let fine = (value.abs() * 10f64.powi(GRID_DECIMALS as i32)).round();
    if fine.is_nan() || fine >= 9.0e18 {
        return None;
    }
    let step = 10u64.pow(GRID_DECIMALS - d);
    Some((fine as u64 + step / 2) / step)
}

/// Formats a number by the ISMP conventions above. Non-finite values and
/// magnitudes from 9·10⁹ up (which the core never formats) come out as "—".
pub fn fmt_number(value: f64, max_decimals: u8, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let d = u32::from(max_decimals.min(GRID_DECIMALS as u8));
    let Some(n) = scaled(value, max_decimals) else {
        return "—".to_string();
    };
    let pow = 10u64.pow(d);
    let (int, mut frac, mut width) = (n / pow, n % pow, d);
    while width > 0 && frac % 10 == 0 {
        frac /= 10;
        width -= 1;
    }
    let mut out = String::with_capacity(24);
    if value < 0.0 && n > 0 {
        out.push('-');
    }
    out.push_str(&int.to_string());
    if width > 0 {
        out.push(match lang {
            Lang::En => '.',
            Lang::Es => ',',
        });
        let digits = frac.to_string();
        for _ in digits.len()..width as usize {
            out.push('0');
        }
        out.push_str(&digits);
    }
    out
}

/// Rounds half away from zero to `decimals`, with the same decimal semantics
/// as [`fmt_number`], so a rounded value always prints as it was rounded.
pub fn round_dp(value: f64, decimals: u8) -> f64 {
    if !value.is_finite() {
        return value;
    }
    match scaled(value, decimals) {
        // An exact integer divided by an exact power of ten: correctly rounded.
        Some(n) => (n as f64 / 10f64.powi(i32::from(decimals))).copysign(value),
        None => value,
    }
}

/// "20 mg", "0.5 mg", "159.68 mg" (at most 2 decimals).
pub fn fmt_mg(mg: f64, lang: Lang) -> String {
    with_unit(mg, 2, "mg", lang)
}

/// "0.13 mL", "1.34 mL" (at most 2 decimals).
pub fn fmt_ml(ml: f64, lang: Lang) -> String {
    with_unit(ml, 2, "mL", lang)
}

/// "19.96 kg" (at most 2 decimals).
pub fn fmt_kg(kg: f64, lang: Lang) -> String {
    with_unit(kg, 2, "kg", lang)
}

/// A number for display only (never parsed back): [`fmt_number`] with the
/// thousands grouped in English ("2,400"; ISMP-FORMAT). Spanish: no separator.
pub fn fmt_display(value: f64, max_decimals: u8, lang: Lang) -> String {
    let plain = fmt_number(value, max_decimals, lang);
    match lang {
        Lang::En => group_thousands(&plain),
        Lang::Es => plain,
    }
}

/// "2400.5" → "2,400.5", "-12345" → "-12,345"; "999" and "—" unchanged.
fn group_thousands(plain: &str) -> String {
    let (sign, rest) = plain.strip_prefix('-').map_or(("", plain), |r| ("-", r));
    let int_len = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    if int_len < 4 {
        return plain.to_string();
    }
    let (int, tail) = rest.split_at(int_len);
    let mut out = String::with_capacity(plain.len() + int_len / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int_len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(tail);
    out
}

fn with_unit(v: f64, decimals: u8, unit: &str, lang: Lang) -> String {
    let mut s = fmt_display(v, decimals, lang);
    s.push(' ');
    s.push_str(unit);
    s
}

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;

    #[test]
    fn leading_zero_below_one__ismp() {
        assert_eq!(fmt_number(0.2, 2, Lang::En), "0.2");
        assert_eq!(fmt_number(0.05, 2, Lang::En), "0.05");
        assert_eq!(fmt_ml(0.13, Lang::En), "0.13 mL");
        assert_eq!(fmt_number(-0.5, 2, Lang::En), "-0.5");
    }

    #[test]
    fn no_trailing_zero__ismp() {
        assert_eq!(fmt_number(20.0, 2, Lang::En), "20");
        assert_eq!(fmt_mg(20.0, Lang::En), "20 mg");
        assert_eq!(fmt_number(0.50, 2, Lang::En), "0.5");
        assert_eq!(fmt_number(1.10, 2, Lang::Es), "1,1");
        assert_eq!(fmt_number(100.0, 0, Lang::En), "100");
        assert_eq!(fmt_number(0.0, 2, Lang::En), "0");
        assert_eq!(fmt_number(-0.0, 2, Lang::En), "0");
    }

    #[test]
    fn decimal_separator_per_language__ismp() {
        assert_eq!(fmt_number(12.5, 2, Lang::En), "12.5");
        assert_eq!(fmt_number(12.5, 2, Lang::Es), "12,5");
        assert_eq!(fmt_ml(0.27, Lang::Es), "0,27 mL");
        assert_eq!(fmt_kg(19.96, Lang::Es), "19,96 kg");
        assert_eq!(fmt_number(2400.0, 2, Lang::Es), "2400", "no thousands separator");
    }

    #[test]
    fn thousands_separator_in_english_only_for_display__ismp() {
        // ISMP-FORMAT: "2,400 mg" in English at 1,000 and above; Spanish
        // never a point (it reads as a decimal there): no separator.
        assert_eq!(fmt_mg(2400.0, Lang::En), "2,400 mg");
        assert_eq!(fmt_mg(1000.0, Lang::En), "1,000 mg");
        assert_eq!(fmt_mg(999.5, Lang::En), "999.5 mg");
        assert_eq!(fmt_mg(1234.56, Lang::En), "1,234.56 mg");
        assert_eq!(fmt_kg(1500.0, Lang::En), "1,500 kg");
        assert_eq!(fmt_display(-12345.0, 0, Lang::En), "-12,345");
        assert_eq!(fmt_display(2_400_000.0, 0, Lang::En), "2,400,000");
        assert_eq!(fmt_display(f64::NAN, 0, Lang::En), "—");
        assert_eq!(fmt_mg(2400.0, Lang::Es), "2400 mg");
        assert_eq!(fmt_mg(1234.5, Lang::Es), "1234,5 mg");
        assert!(!fmt_display(2400.0, 2, Lang::Es).contains('.'));
        // fmt_number stays plain: it is put back into fields and parsed.
        assert_eq!(fmt_number(2400.0, 2, Lang::En), "2400");
        for (v, lang) in [(2400.0, Lang::En), (1234.5, Lang::Es), (1000.25, Lang::En)] {
            assert_eq!(crate::core::units::parse_decimal(&fmt_number(v, 2, lang)), Ok(v));
        }
        assert_eq!(FACT, crate::core::facts::Fact::IsmpFormat);
        assert_eq!(SOURCE, FACT.source());
    }

    #[test]
    fn rounds_half_away_from_zero__ismp() {
        assert_eq!(fmt_number(0.125, 2, Lang::En), "0.13");
        assert_eq!(fmt_number(0.135, 2, Lang::En), "0.14");
        assert_eq!(fmt_number(1.005, 2, Lang::En), "1.01");
        assert_eq!(fmt_number(2.5, 0, Lang::En), "3");
        assert_eq!(fmt_number(-2.5, 0, Lang::En), "-3");
        assert_eq!(fmt_number(0.994, 2, Lang::En), "0.99");
        assert_eq!(fmt_number(0.995, 2, Lang::En), "1");
        assert_eq!(fmt_number(9.999, 2, Lang::En), "10");
        assert_eq!(fmt_number(99.96, 1, Lang::En), "100");
        assert_eq!(fmt_number(0.004, 2, Lang::En), "0");
        assert_eq!(fmt_number(-0.004, 2, Lang::En), "0", "no negative zero");
        assert_eq!(fmt_kg(19.958_064_28, Lang::En), "19.96 kg");
    }

    #[test]
    fn tiny_and_huge_values_do_not_use_exponents() {
        assert_eq!(fmt_number(1e-7, 2, Lang::En), "0");
        assert_eq!(fmt_number(1e-7, 8, Lang::En), "0.0000001");
        assert_eq!(fmt_number(2_400_000_000.0, 2, Lang::En), "2400000000");
        // Beyond 9·10⁹ (never a dose: 8 mg/kg × 300 kg = 2400 mg) it says "—"
        // rather than print an exponent or a wrong number.
        assert_eq!(fmt_number(1e21, 2, Lang::En), "—");
        assert_eq!(fmt_number(f64::NAN, 2, Lang::En), "—");
        assert_eq!(fmt_number(0.45359237, 8, Lang::Es), "0,45359237");
    }

    #[test]
    fn round_dp_matches_display() {
        assert_eq!(round_dp(19.958_064_28, 2), 19.96);
        assert_eq!(round_dp(80.05, 1), 80.1);
        assert_eq!(round_dp(-1.25, 1), -1.3);
        assert_eq!(round_dp(3.0, 1), 3.0);
    }
}
