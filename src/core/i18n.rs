//! The one translation layer. Every user-visible string is a variant of a
//! `Msg`-like enum whose `texts()` returns one entry per language, so a missing
//! translation is a compile error (the array has a fixed length of `Lang::ALL`).
//!
//! Templates use `{name}` placeholders filled by [`fill`]; numbers are formatted
//! by `core::format` before they are substituted, so ISMP rules hold in every
//! language.

/// Languages the widget speaks. `en` is the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// Parses an attribute or API value. `None` for anything unknown, so the
    /// caller can warn and fall back to the default.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            "es" | "es-es" | "es-mx" | "es-us" => Some(Lang::Es),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Es => 1,
        }
    }
}

/// Implemented by every message table. `texts()` is `[english, spanish]`.
///
/// With the `split` feature (the shipped build, docs/SIZE.md) a table's
/// texts are not in the main module: `tr` reads them through the table's
/// [`TextSlots`], which a view's language pack fills ([`install_en`],
/// [`install_es`]; shell/texts.rs), so a page in English never downloads the
/// Spanish texts of its views, and the reverse. `RESIDENT` tables (the
/// frame's: title, tabs, loading and failure notices) keep both languages in
/// the main module, since they show before any pack can arrive. Without
/// `split` (native and browser tests) `tr` reads `texts()` directly.
pub trait Translate: Copy + 'static {
    /// Kept in the main module in both languages (see the trait's doc).
    const RESIDENT: bool = false;

    /// The English text. Its own `match`, apart from [`Translate::es`]'s:
    /// one function (and lookup table) per language, so each language's
    /// strings can live in their own module.
    fn en(self) -> &'static str;

    /// The Spanish text (see [`Translate::en`]).
    fn es(self) -> &'static str;

    /// `[english, spanish]` (tests over every message).
    fn texts(self) -> [&'static str; 2] {
        [self.en(), self.es()]
    }

    /// The table's installed languages (one per table: [`text_slots!`]).
    fn slots() -> &'static std::thread::LocalKey<TextSlots<Self>>;

    fn tr(self, lang: Lang) -> &'static str {
        if cfg!(feature = "split") && !Self::RESIDENT {
            match Self::slots().with(|s| s.0.get()[lang.index()]) {
                Some(text) => text(self),
                None => missing::<Self>(),
            }
        } else {
            match lang {
                Lang::En => self.en(),
                Lang::Es => self.es(),
            }
        }
    }
}

/// A table's text accessor for one language.
pub type TextFn<T> = fn(T) -> &'static str;

/// A table's text accessor per language, empty until installed.
pub struct TextSlots<T>(std::cell::Cell<[Option<TextFn<T>>; 2]>);

impl<T> TextSlots<T> {
    pub const fn new() -> Self {
        TextSlots(std::cell::Cell::new([None, None]))
    }
}

impl<T> Default for TextSlots<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Declares a table's [`TextSlots`] inside its `impl Translate` block.
#[macro_export]
macro_rules! text_slots {
    ($t:ty) => {
        fn slots() -> &'static ::std::thread::LocalKey<$crate::core::i18n::TextSlots<$t>> {
            ::std::thread_local!(static SLOTS: $crate::core::i18n::TextSlots<$t> = const { $crate::core::i18n::TextSlots::new() });
            &SLOTS
        }
    };
}

fn english<T: Translate>(t: T) -> &'static str {
    t.en()
}

fn spanish<T: Translate>(t: T) -> &'static str {
    t.es()
}

/// The accessor, hidden from the optimiser: a slot only ever set to one
/// function would otherwise become a flag and a direct call to it (LLVM's
/// global optimisation), putting both languages back into the view's code.
fn opaque<T>(f: TextFn<T>) -> TextFn<T> {
    std::hint::black_box(f)
}

/// Makes `T`'s English texts available (a language pack calls this).
pub fn install_en<T: Translate>() {
    T::slots().with(|s| {
        let mut v = s.0.get();
        v[0] = Some(opaque(english::<T>));
        s.0.set(v);
    });
}

/// Makes `T`'s Spanish texts available (a language pack calls this).
pub fn install_es<T: Translate>() {
    T::slots().with(|s| {
        let mut v = s.0.get();
        v[1] = Some(opaque(spanish::<T>));
        s.0.set(v);
    });
}

std::thread_local! {
    /// Told of a table read before its pack was installed (a bug: a pack
    /// list in shell/texts.rs misses it); the shell logs it on the console.
    static ON_MISSING: std::cell::Cell<Option<fn(&'static str)>> = const { std::cell::Cell::new(None) };
}

/// Sets who is told of a missing table (the shell, at start).
pub fn on_missing_texts(report: fn(&'static str)) {
    ON_MISSING.with(|m| m.set(Some(report)));
}

/// An empty text (never another language's or a wrong one), reported.
fn missing<T>() -> &'static str {
    if let Some(report) = ON_MISSING.with(|m| m.get()) {
        report(std::any::type_name::<T>());
    }
    ""
}

/// Declares a message table: an enum, its `ALL` list (for tests over every
/// message) and its `Translate` impl. Each row must give both languages.
/// `resident` before the enum keeps the table in the main module (frame
/// texts, see [`Translate`]).
#[macro_export]
macro_rules! messages {
    (resident $(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident => [$en:expr, $es:expr $(,)?]),* $(,)? }) => {
        $crate::messages!(@table true, $(#[$meta])* $vis enum $name { $($variant => [$en, $es]),* });
    };
    (@table $resident:expr, $(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident => [$en:expr, $es:expr]),* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name { $($variant),* }
        impl $name {
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
        }
        impl $crate::core::i18n::Translate for $name {
            const RESIDENT: bool = $resident;
            $crate::text_slots!($name);
            fn en(self) -> &'static str {
                match self { $($name::$variant => $en),* }
            }
            fn es(self) -> &'static str {
                match self { $($name::$variant => $es),* }
            }
        }
    };
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident => [$en:expr, $es:expr $(,)?]),* $(,)? }) => {
        $crate::messages!(@table false, $(#[$meta])* $vis enum $name { $($variant => [$en, $es]),* });
    };
}

/// The `{placeholder}` names of a template, in order (for consistency tests).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out.sort_unstable();
    out
}

/// Replaces each `{key}` in `template` with its value. Unknown placeholders are
/// left as they are (a test over every table checks none remain).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let key = &after[..end];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

messages! {
    resident
    /// CLINICAL.md's short source names that are not label sections, as
    /// users read them.
    pub enum SourceName {
        Seed => ["Kineret drug page", "página del medicamento Kineret"],
        GeneralPractice => ["general practice, not in the label", "práctica habitual, no figura en la ficha técnica"],
    }
}

/// A rule's source as shown to users: each part (between ", " or "; ") that
/// is one of CLINICAL.md's internal short names ("seed") becomes words in
/// `lang`; label sections ("US PI 2.2", "EU SmPC 6.4") and the separators
/// stay as they are, so sources joined from several facts read right too.
/// The JS API and exports keep the short names.
pub fn source_text(source: &str, lang: Lang) -> String {
    const GENERAL_PRACTICE: &str = "general practice, not in the label";
    let mut out = String::with_capacity(source.len() + 16);
    let mut rest = source;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix(GENERAL_PRACTICE) {
            out.push_str(SourceName::GeneralPractice.tr(lang));
            rest = after;
            continue;
        }
        // The next part ends at the first ", " or "; " (kept as it is).
        let end = [rest.find(", "), rest.find("; ")].into_iter().flatten().min().unwrap_or(rest.len());
        let part = &rest[..end];
        out.push_str(if part == "seed" { SourceName::Seed.tr(lang) } else { part });
        let sep_len = if end < rest.len() { 2 } else { 0 };
        out.push_str(&rest[end..end + sep_len]);
        rest = &rest[end + sep_len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_text_names_the_seed_and_keeps_label_sections() {
        assert_eq!(source_text("US PI 16, seed", Lang::En), "US PI 16, Kineret drug page");
        // Sources joined from several facts keep their "; " and read right.
        assert_eq!(source_text("seed; US PI 5.3", Lang::En), "Kineret drug page; US PI 5.3");
        assert_eq!(source_text("US IFU; EU PL; seed, FDA", Lang::Es), "US IFU; EU PL; página del medicamento Kineret, FDA");
        assert_eq!(source_text("seed", Lang::Es), "página del medicamento Kineret");
        assert_eq!(source_text("EU SmPC 6.4, SPS", Lang::Es), "EU SmPC 6.4, SPS");
        assert_eq!(
            source_text("general practice, not in the label", Lang::Es),
            "práctica habitual, no figura en la ficha técnica"
        );
        assert_eq!(source_text("general practice, not in the label", Lang::En), "general practice, not in the label");
        assert_eq!(source_text("seed, general practice, not in the label", Lang::En), "Kineret drug page, general practice, not in the label");
        assert_eq!(source_text("", Lang::En), "");
    }

    #[test]
    fn parse_known_and_unknown_languages() {
        assert_eq!(Lang::parse("es"), Some(Lang::Es));
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn fill_substitutes_and_keeps_unknown() {
        assert_eq!(fill("{dose} ({vol}) daily", &[("dose", "20 mg"), ("vol", "0.13 mL")]), "20 mg (0.13 mL) daily");
        assert_eq!(fill("a {x} b", &[]), "a {x} b");
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }
}
