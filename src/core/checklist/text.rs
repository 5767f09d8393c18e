//! Message tables for the checklist. Every user-visible string is
//! `[english, spanish]`, declared with `crate::messages!`.

use crate::messages;


/// Formats a number with at most one decimal and no trailing zero
/// ("25", "0.5", "77"), ISMP style (leading zero kept).
pub fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        return String::from("?");
    }
    let tenths = (x * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    if a % 10 == 0 {
        format!("{sign}{}", a / 10)
    } else {
        format!("{sign}{}.{}", a / 10, a % 10)
    }
}

messages! {
    /// Checklist-wide texts.
    pub enum ChecklistMsg {
        Title => ["Dose checklist", "Lista de verificación de la dosis"],
        InspectQuestion => ["What does the liquid look like?", "¿Cómo se ve el líquido?"],
        StoppedTitle => ["Stop: do not use this syringe", "Alto: no use esta jeringa precargada"],
        Completed => ["Dose recorded as taken.", "Dosis registrada como administrada."],
        NewRun => ["Start a new dose", "Empezar una nueva dosis"],
        Source => ["Source: {source}", "Fuente: {source}"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fmt_num_is_ismp_style() {
        assert_eq!(fmt_num(25.0), "25");
        assert_eq!(fmt_num(0.5), "0.5");
        assert_eq!(fmt_num(77.04), "77");
        assert_eq!(fmt_num(-3.25), "-3.3");
        assert_eq!(fmt_num(-0.4), "-0.4");
        assert_eq!(fmt_num(f64::NAN), "?");
    }
}
