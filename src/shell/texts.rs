//! Language packs (docs/SIZE.md, "Split per view"): every text a view or the
//! headless API can show, in four packs per language (`Pack`).
//!
//! With the `split` feature each pack is a split point of its own, so a page
//! in English never downloads a Spanish text (and the reverse); a live `lang`
//! change fetches the missing pack before the view switches language
//! (shell/lazy.rs). A pack installs its tables' accessors
//! (`core::i18n::install_en`); the frame's own tables are `resident` and
//! need none. Without `split` the packs are plain calls.
//!
//! Four packs per language, each table in one: `Base`, what the calculator
//! and the headless API can show, which every page reads; `Care`, what they
//! cannot (checklist and injection-site texts), which the other views read
//! (the calculator's page and the API download about 4 KB less); and the
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

text_pack!(Base, texts_en, texts_es, kw_texts_en, kw_texts_es, [
    crate::core::checklist::steps::Step,
    crate::core::checklist::steps::StepMsg,
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
    crate::core::storage::StorageMsg,
    crate::core::units::NumberError,
]);

// What the calculator and the API cannot show, which the storage, sites and
// safety views all read (tests/module_graph.rs checks both), so the
// calculator's page and the API do not download it.
text_pack!(Care, care_en, care_es, kw_texts_care_en, kw_texts_care_es, [
    crate::core::checklist::Inspection,
    crate::core::checklist::Refusal,
    crate::core::checklist::StopReason,
    crate::core::checklist::excursion::ExcursionMsg,
    crate::core::checklist::excursion::MishapKind,
    crate::core::checklist::excursion::TempBand,
    crate::core::checklist::guard::GuardMsg,
    crate::core::checklist::history::DoseSchedule,
    crate::core::checklist::history::HistoryMsg,
    crate::core::checklist::text::ChecklistMsg,
    crate::core::checklist::timer::WarmUpMsg,
    crate::core::sites::FlagReason,
    crate::core::sites::Injector,
    crate::core::sites::Reaction,
    crate::core::sites::text::ImportProblem,
    crate::core::sites::text::SitesMsg,
    crate::core::sites::zones::Area,
    crate::core::sites::zones::ZoneId,
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

/// The texts a page needs, per language. A page reads its view's pack and
/// the packs under it (`modules`): `Base` alone for the calculator and the
/// headless API; `Care` (what they cannot show) and `Base` for the storage
/// view; the sites and the safety view their own, `Care` and `Base`
/// (measured against one pack for everything and one per view in
/// docs/SIZE.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pack {
    Base,
    Care,
    Sites,
    Safety,
}

impl Pack {
    /// The texts a view shows.
    pub fn of(view: View) -> Pack {
        match view {
            View::Sites => Pack::Sites,
            View::Safety => Pack::Safety,
            View::Storage => Pack::Care,
            _ => Pack::Base,
        }
    }

    /// The modules a page showing this pack reads: its own and those under it.
    fn modules(self) -> [Option<Pack>; 3] {
        match self {
            Pack::Base => [Some(Pack::Base), None, None],
            Pack::Care => [Some(Pack::Base), Some(Pack::Care), None],
            Pack::Sites => [Some(Pack::Base), Some(Pack::Care), Some(Pack::Sites)],
            Pack::Safety => [Some(Pack::Base), Some(Pack::Care), Some(Pack::Safety)],
        }
    }

    /// One bit per module: `Base` English 1, Spanish 2; `Care` 4, 8;
    /// `Sites`' own 16, 32; `Safety`'s own 64, 128.
    fn own_bit(self, lang: Lang) -> u16 {
        let bit = match lang {
            Lang::En => 1,
            Lang::Es => 2,
        };
        bit << (2 * self as u16)
    }

    /// The modules this pack needs, one bit each.
    fn bits(self, lang: Lang) -> u16 {
        self.modules().iter().flatten().fold(0, |b, p| b | p.own_bit(lang))
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
/// retried on the next call): its modules at once; each is kept once here,
/// so a retry fetches only those that failed.
pub async fn install(pack: Pack, lang: Lang) -> Result<(), LoadFailed> {
    if installed(pack, lang) {
        return Ok(());
    }
    let [a, b, c] = pack.modules();
    let one = |p: Option<Pack>| async move {
        match p {
            Some(p) => install_module(p, lang).await,
            None => Ok(()),
        }
    };
    let (a, (b, c)) = crate::shell::split::futures_join(one(a), crate::shell::split::futures_join(one(b), one(c))).await;
    a.and(b).and(c)
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
    call!(Base, En => texts_en, Base, Es => texts_es, Care, En => care_en, Care, Es => care_es, Sites, En => sites_en, Sites, Es => sites_es, Safety, En => safety_en, Safety, Es => safety_es)?;
    INSTALLED.with(|i| i.set(i.get() | pack.own_bit(lang)));
    Ok(())
}
