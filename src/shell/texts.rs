//! Language packs (docs/SIZE.md, "Split per view"): every text a view or the
//! headless API can show, in three packs per language (`Pack`).
//!
//! With the `split` feature each pack is a split point of its own, so a page
//! in English never downloads a Spanish text (and the reverse); a live `lang`
//! change fetches the missing pack before the view switches language
//! (shell/lazy.rs). A pack installs its tables' accessors
//! (`core::i18n::install_en`); the frame's own tables are `resident` and
//! need none. Without `split` the packs are plain calls.
//!
//! One pack per language for every page (`All`), and a second one for the
//! tables only one view can reach, which that view adds: the safety view's
//! (the others download about 3 KB less) and the sites view's own labels
//! (`SitesUi`, about 0.8 KB less for the others). Not one pack per view and
//! language: measured, per-view packs saved a few KB on some single views
//! but nearly doubled the number of modules a view fetches (shared text
//! chunks), and cost more on the others and on `view="all"` (docs/SIZE.md).
//!
//! The list is checked by tests/module_graph.rs: it must hold every
//! non-resident table of the crate (a table left out would read as an empty
//! text, which core::i18n reports on the console).

use std::cell::Cell;

use crate::core::attrs::View;
use crate::core::i18n::{install_en, install_es, Lang};
use crate::shell::split::LoadFailed;

/// Declares a pack's two loaders (English, Spanish), each a split point.
macro_rules! text_pack {
    ($pack:ident, $en:ident, $es:ident, $split_en:ident, $split_es:ident, [$($table:path),* $(,)?]) => {
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($split_en, fallible))]
        fn $en() -> Result<(), LoadFailed> {
            $( install_en::<$table>(); )*
            Ok(())
        }
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($split_es, fallible))]
        fn $es() -> Result<(), LoadFailed> {
            $( install_es::<$table>(); )*
            Ok(())
        }
    };
}

text_pack!(All, texts_en, texts_es, kw_texts_en, kw_texts_es, [
    crate::core::checklist::Inspection,
    crate::core::checklist::Refusal,
    crate::core::checklist::StopReason,
    crate::core::checklist::excursion::ExcursionMsg,
    crate::core::checklist::excursion::MishapKind,
    crate::core::checklist::excursion::TempBand,
    crate::core::checklist::guard::GuardMsg,
    crate::core::checklist::history::DoseSchedule,
    crate::core::checklist::history::HistoryMsg,
    crate::core::checklist::steps::Step,
    crate::core::checklist::steps::StepMsg,
    crate::core::checklist::text::ChecklistMsg,
    crate::core::checklist::timer::WarmUpMsg,
    crate::core::dose::form::Missing,
    crate::core::dose::labels::CalcUi,
    crate::core::dose::labels::IndicationOption,
    crate::core::dose::rules::Indication,
    crate::core::dose::syringe::SyringeMsg,
    crate::core::dose::text::Freq,
    crate::core::dose::text::Instruction,
    crate::core::dose::text::RegionName,
    crate::core::dose::text::StepMsg,
    crate::core::dose::text::WarningCode,
    crate::core::limits::ErrorCode,
    crate::core::sites::FlagReason,
    crate::core::sites::Injector,
    crate::core::sites::Reaction,
    crate::core::sites::text::ImportProblem,
    crate::core::sites::text::SitesMsg,
    crate::core::sites::zones::Area,
    crate::core::sites::zones::ZoneId,
    crate::core::storage::StorageMsg,
    crate::core::units::NumberError,
]);

// Only the sites view shows these (tests/module_graph.rs checks that no
// other view or the API can reach them).
text_pack!(Sites, sites_en, sites_es, kw_texts_sites_en, kw_texts_sites_es, [
    crate::core::sites::labels::SitesUi,
]);

// Only the safety view shows these (tests/module_graph.rs checks that no
// other view or the API can reach them), so the other pages do not
// download them.
text_pack!(Safety, safety_en, safety_es, kw_texts_safety_en, kw_texts_safety_es, [
    crate::core::safety::form::SafetyUi,
    crate::core::safety::ics::ReminderMsg,
    crate::core::safety::monitoring::MonitoringMsg,
    crate::core::safety::screen::Question,
    crate::core::safety::screen::ScreenMsg,
    crate::core::safety::triage::Symptom,
    crate::core::safety::triage::TriageMsg,
    crate::core::safety::warnings::WarningMsg,
]);

/// The texts a page needs, per language: `All` (every table but the sites
/// and safety views' own: the calculator and storage views and the API) in
/// one module, and for the sites and the safety view that module and their
/// own (measured against one pack for everything and one per view in
/// docs/SIZE.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pack {
    All,
    Sites,
    Safety,
}

impl Pack {
    /// The texts a view shows.
    pub fn of(view: View) -> Pack {
        match view {
            View::Sites => Pack::Sites,
            View::Safety => Pack::Safety,
            _ => Pack::All,
        }
    }

    /// One bit per module: `All` English 1, Spanish 2; `Sites`' own 4, 8;
    /// `Safety`'s own 16, 32.
    fn own_bit(self, lang: Lang) -> u16 {
        let bit = match lang {
            Lang::En => 1,
            Lang::Es => 2,
        };
        match self {
            Pack::All => bit,
            Pack::Sites => bit << 2,
            Pack::Safety => bit << 4,
        }
    }

    /// The modules this pack needs: a view's own pack needs `All`'s too.
    fn bits(self, lang: Lang) -> u16 {
        Pack::All.own_bit(lang) | self.own_bit(lang)
    }
}

thread_local! {
    /// The (pack, language) pairs installed on this page, one bit each.
    static INSTALLED: Cell<u16> = const { Cell::new(0) };
}

/// The pack's texts in `lang` are here (always, without `split`).
pub fn installed(pack: Pack, lang: Lang) -> bool {
    !cfg!(feature = "split") || INSTALLED.with(|i| i.get() & pack.bits(lang) == pack.bits(lang))
}

/// Fetches and installs the pack's texts in `lang` (once; a failure is
/// retried on the next call).
pub async fn install(pack: Pack, lang: Lang) -> Result<(), LoadFailed> {
    if installed(pack, lang) {
        return Ok(());
    }
    match pack {
        Pack::All => install_module(Pack::All, lang).await,
        // Both modules at once; each is kept once here, so a retry fetches
        // only the one that failed.
        Pack::Sites | Pack::Safety => {
            let (all, own) = crate::shell::split::futures_join(install_module(Pack::All, lang), install_module(pack, lang)).await;
            all.and(own)
        }
    }
}

/// Fetches and installs one module of texts (once).
async fn install_module(pack: Pack, lang: Lang) -> Result<(), LoadFailed> {
    if INSTALLED.with(|i| i.get() & pack.own_bit(lang) != 0) {
        return Ok(());
    }
    // One arm per pack and language; `.await` only where they are split.
    macro_rules! call {
        ($($p:ident, $l:ident => $f:ident),*) => {
            match (pack, lang) {
                $((Pack::$p, Lang::$l) => {
                    #[cfg(feature = "split")]
                    let r = $f().await;
                    #[cfg(not(feature = "split"))]
                    let r = $f();
                    r
                })*
            }
        };
    }
    call!(All, En => texts_en, All, Es => texts_es, Sites, En => sites_en, Sites, Es => sites_es, Safety, En => safety_en, Safety, Es => safety_es)?;
    INSTALLED.with(|i| i.set(i.get() | pack.own_bit(lang)));
    Ok(())
}
