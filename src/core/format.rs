//! ISMP-safe number formatting (CLINICAL.md, "Writing doses safely"):
//! leading zero below one ("0.2", never ".2"), no trailing zeros ("20", never
//! "20.0"), the language's decimal separator ("." en, "," es), rounding half
//! away from zero. No thousands separators (they would be ambiguous between
//! languages).
//!
//! Rounding works on the shortest decimal representation of the `f64` (the one
//! `Display` prints), so 1.005 rounds to 1.01 as a person expects, not to 1.00
//! as its binary expansion (1.00499999…) would.

use super::i18n::Lang;

/// Source string for these conventions.
pub const SOURCE: &str = "ISMP";

/// Rounds `value` half away from zero to `max_decimals` and returns the decimal
/// digits as (negative, integer digits, fraction digits without trailing zeros).
fn round_digits(value: f64, max_decimals: u8) -> (bool, Vec<u8>, Vec<u8>) {
    let text = format!("{}", value.abs());
    let (int_s, frac_s) = match text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (text.as_str(), ""),
    };
    let keep = usize::from(max_decimals);
    let mut digits: Vec<u8> = int_s.bytes().chain(frac_s.bytes().take(keep)).map(|b| b - b'0').collect();
    // `digits` holds the integer digits followed by the `kept` fraction digits.
    let kept = frac_s.len().min(keep);
    let round_up = frac_s.as_bytes().get(keep).is_some_and(|&b| b >= b'5');
    if round_up {
        let mut i = digits.len();
        let mut carry = true;
        while carry && i > 0 {
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                carry = false;
            }
        }
        if carry {
            digits.insert(0, 1);
        }
    }
    let int_count = digits.len() - kept;
    let mut frac = digits.split_off(int_count);
    while frac.last() == Some(&0) {
        frac.pop();
    }
    let mut int = digits;
    // Strip leading zeros but keep one (the ISMP leading zero).
    while int.len() > 1 && int[0] == 0 {
        int.remove(0);
    }
    if int.is_empty() {
        int.push(0);
    }
    let is_zero = int.iter().all(|&d| d == 0) && frac.is_empty();
    (value.is_sign_negative() && !is_zero, int, frac)
}

/// Formats a number by the ISMP conventions above. Non-finite values (which
/// the core never formats) come out as "—" rather than "NaN".
pub fn fmt_number(value: f64, max_decimals: u8, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let (negative, int, frac) = round_digits(value, max_decimals);
    let mut out = String::with_capacity(int.len() + frac.len() + 2);
    if negative {
        out.push('-');
    }
    out.extend(int.iter().map(|&d| char::from(b'0' + d)));
    if !frac.is_empty() {
        out.push(match lang {
            Lang::En => '.',
            Lang::Es => ',',
        });
        out.extend(frac.iter().map(|&d| char::from(b'0' + d)));
    }
    out
}

/// Rounds half away from zero to `decimals`, with the same decimal semantics
/// as [`fmt_number`], so a rounded value always prints as it was rounded.
pub fn round_dp(value: f64, decimals: u8) -> f64 {
    if !value.is_finite() {
        return value;
    }
    let s = fmt_number(value, decimals, Lang::En);
    s.parse().unwrap_or(value)
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

fn with_unit(v: f64, decimals: u8, unit: &str, lang: Lang) -> String {
    let mut s = fmt_number(v, decimals, lang);
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
        assert_eq!(fmt_number(1e21, 2, Lang::En), "1000000000000000000000");
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
