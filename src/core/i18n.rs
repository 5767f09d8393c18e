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
pub trait Translate: Copy {
    fn texts(self) -> [&'static str; 2];

    fn tr(self, lang: Lang) -> &'static str {
        self.texts()[lang.index()]
    }
}

/// Declares a message table: an enum, its `ALL` list (for tests over every
/// message) and its `Translate` impl. Each row must give both languages.
#[macro_export]
macro_rules! messages {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident => [$en:expr, $es:expr $(,)?]),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name { $($variant),* }
        impl $name {
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
        }
        impl $crate::core::i18n::Translate for $name {
            fn texts(self) -> [&'static str; 2] {
                match self { $($name::$variant => [$en, $es]),* }
            }
        }
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
