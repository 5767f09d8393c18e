//! The preparation steps, as data: order, text and where each comes from.

use serde::{Deserialize, Serialize};

use super::timer::WARM_UP_MINUTES;
use crate::core::i18n::{fill, Lang, Translate};

/// One step of the per-dose checklist, in the order it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Step {
    ExpiryChecked,
    OutOfFridge,
    LaidFlat,
    Inspected,
    HandsWashed,
    SiteChosen,
    Injected,
    SharpsDisposed,
    RemainderDiscarded,
}

/// `(step, source)`: the audit trail of every step. Hand washing has no row in
/// CLINICAL.md, so it cites the issue that asked for it.
const TABLE: [(Step, &str); 9] = [
    (Step::ExpiryChecked, "US PI"),
    (Step::OutOfFridge, "seed"),
    (Step::LaidFlat, "seed, US IFU"),
    (Step::Inspected, "US PI 16, seed"),
    (Step::HandsWashed, "general practice, not in the label"),
    (Step::SiteChosen, "seed"),
    (Step::Injected, "US PI, seed"),
    (Step::SharpsDisposed, "seed, FDA sharps guidance"),
    (Step::RemainderDiscarded, "US PI 2.2, seed"),
];

impl Step {
    pub const ALL: [Step; 9] = [
        Step::ExpiryChecked,
        Step::OutOfFridge,
        Step::LaidFlat,
        Step::Inspected,
        Step::HandsWashed,
        Step::SiteChosen,
        Step::Injected,
        Step::SharpsDisposed,
        Step::RemainderDiscarded,
    ];

    /// Position in [`Step::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Where the step comes from (a CLINICAL.md source string).
    pub fn source(self) -> &'static str {
        TABLE[self.index()].1
    }

    /// The label with its numbers filled in.
    pub fn label(self, lang: Lang) -> String {
        fill(self.tr(lang), &[("min", &WARM_UP_MINUTES.to_string())])
    }
}

impl Translate for Step {
    fn texts(self) -> [&'static str; 2] {
        match self {
            Step::ExpiryChecked => [
                "Expiration date checked (never use it after the date on the carton or syringe)",
                "Fecha de caducidad comprobada (nunca la use después de la fecha de la caja o de la jeringa)",
            ],
            Step::OutOfFridge => [
                "One prefilled syringe taken out of the refrigerator",
                "Una jeringa precargada sacada del refrigerador (nevera)",
            ],
            Step::LaidFlat => [
                "Laid flat at room temperature for {min} minutes",
                "Colocada en posición horizontal a temperatura ambiente durante {min} minutos",
            ],
            Step::Inspected => ["Liquid inspected", "Líquido revisado"],
            Step::HandsWashed => ["Hands washed", "Manos lavadas"],
            Step::SiteChosen => [
                "Injection site chosen (a different one from last time)",
                "Zona (lugar) de inyección elegida (distinta de la última vez)",
            ],
            Step::Injected => [
                "Injected under the skin (subcutaneous)",
                "Inyectada debajo de la piel (subcutánea)",
            ],
            Step::SharpsDisposed => [
                "Needle and syringe put in a sharps container (never the household trash)",
                "Aguja y jeringa en un contenedor para objetos punzocortantes (nunca en la basura de la casa)",
            ],
            Step::RemainderDiscarded => [
                "Any medicine left in the syringe thrown away (never kept for later)",
                "Medicamento sobrante de la jeringa desechado (nunca se guarda para después)",
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_order_matches_enum_and_every_step_is_sourced() {
        for (i, s) in Step::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
            assert_eq!(TABLE[i].0, *s);
            assert!(!s.source().is_empty());
            for lang in Lang::ALL {
                let l = s.label(lang);
                assert!(!l.is_empty() && !l.contains('{'), "{l}");
            }
        }
        assert!(Step::LaidFlat.label(Lang::En).contains("30 minutes"));
        assert!(Step::LaidFlat.label(Lang::Es).contains("30 minutos"));
    }
}
