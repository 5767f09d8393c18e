//! Markup by construction: the one builder of the widget's static HTML
//! (headings, hints, outcomes, the syringe and body-map drawings).
//!
//! Its string is private and grows only three ways: [`Markup::m`] appends a
//! `&'static str` (markup written in the source code, never data),
//! [`Markup::n`] a number, [`Markup::t`] text with every character that means
//! something in HTML escaped. So whatever a user typed or a backup file held
//! can only ever arrive as escaped text. The shell turns it into nodes in one
//! place (`shell::markup`, the widget's only HTML sink, under the Trusted
//! Types policy `kineret-widget`); clippy forbids the other ways of inserting
//! HTML (`clippy.toml`).
//!
//! Controls are never built here (the shell keeps them as elements, so they
//! keep focus when a part is rebuilt).

use std::fmt::Write;

/// Static HTML built from constants, numbers and escaped text (see the
/// module documentation).
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// Appends markup written in the source code.
    #[inline(never)]
    pub fn m(&mut self, markup: &'static str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// Appends a number (an attribute value such as a coordinate).
    #[inline(never)]
    pub fn n(&mut self, v: i64) -> &mut Self {
        let _ = write!(self.0, "{v}");
        self
    }

    /// Appends text with `&`, `<`, `>`, `"` and `'` escaped, so it is inert
    /// in element content and in quoted attribute values alike.
    #[inline(never)]
    pub fn t(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// The markup so far.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Takes the markup, leaving the builder empty for the next part.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_for_markup() {
        let mut h = Markup::default();
        h.m("<p class=\"x\" title=\"").t("it's").m("\">").t("a < b & c > d \"e\" 'f' Náuseas").m("</p>");
        assert_eq!(
            h.as_str(),
            "<p class=\"x\" title=\"it&#39;s\">a &lt; b &amp; c &gt; d &quot;e&quot; &#39;f&#39; Náuseas</p>"
        );
    }

    #[test]
    fn a_hostile_note_stays_text() {
        let mut h = Markup::default();
        h.m("<p class='kw-note' title='").t("x' onmouseover='a()").m("'>");
        h.t("<img src=x onerror=window.__x=1>\"'").m("</p>");
        let s = h.take();
        assert_eq!(
            s,
            "<p class='kw-note' title='x&#39; onmouseover=&#39;a()'>&lt;img src=x onerror=window.__x=1&gt;&quot;&#39;</p>"
        );
        assert!(!s.contains("<img"));
        assert_eq!(h.as_str(), "");
    }

    #[test]
    fn numbers_and_take() {
        let mut h = Markup::default();
        h.m("x=\"").n(-12).m("\" y=\"").n(0).m("\" w=\"").n(316).m("\"");
        assert_eq!(h.take(), "x=\"-12\" y=\"0\" w=\"316\"");
        assert_eq!(h.as_str(), "");
    }
}
