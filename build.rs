//! Minifies each view's stylesheet into `$OUT_DIR/<view>.css` for
//! `src/shell/styles.rs`, which puts it in the view's own code (with the
//! `split` feature, the view's `.wasm` file): a page downloads only the CSS
//! of the views it shows. A view's stylesheet is every
//! `www/styles/NN-<views>.css` naming it, in name order: `20-sites.css` is
//! the sites view's, `15-calculator+storage.css` (markup both views draw)
//! goes to both. `00-base.css` (the frame) stays in the entry
//! (scripts/dist.mjs).
//!
//! The same minification as scripts/dist.mjs' `minifyCss`: comments out,
//! whitespace collapsed outside quoted strings, no space around `{ } ; , >`,
//! no `;` before `}`.

use std::fs;
use std::path::Path;

fn minify(text: &str) -> String {
    // Comments out first (a comment never holds a quote the rules need).
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("/*") {
        plain.push_str(&rest[..at]);
        rest = rest[at + 2..].find("*/").map_or("", |end| &rest[at + 2 + end + 2..]);
    }
    plain.push_str(rest);
    let mut out = String::with_capacity(plain.len());
    let mut quote: Option<char> = None;
    let mut chars = plain.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            } else if c == q {
                quote = None;
            }
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let tight = |ch: char| matches!(ch, '{' | '}' | ';' | ',' | '>');
        if space && !out.is_empty() && !tight(c) && !out.ends_with(tight) {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    out.trim().to_string()
}

fn main() {
    let dir = Path::new("www/styles");
    println!("cargo::rerun-if-changed={}", dir.display());
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut names: Vec<_> = fs::read_dir(dir).expect("www/styles").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let mut sheets: Vec<(String, String)> = Vec::new();
    for name in names.iter().filter(|n| n.ends_with(".css") && !n.starts_with("00-")) {
        let path = dir.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        let css = minify(&fs::read_to_string(&path).expect("read a stylesheet"));
        // `15-calculator+storage.css` → calculator, storage.
        let views = name.trim_end_matches(".css").split_once('-').map_or("", |(_, v)| v);
        for view in views.split('+').filter(|v| !v.is_empty()) {
            match sheets.iter_mut().find(|(v, _)| v == view) {
                Some((_, text)) => text.push_str(&css),
                None => sheets.push((view.to_string(), css.clone())),
            }
        }
    }
    // No sheet left from an earlier build: a view whose last stylesheet was
    // renamed or removed must fail to build (`include_str!`), not ship stale CSS.
    for old in fs::read_dir(&out_dir).expect("OUT_DIR").flatten().map(|e| e.path()) {
        if old.extension().is_some_and(|e| e == "css") {
            fs::remove_file(&old).expect("remove an old minified stylesheet");
        }
    }
    for (view, css) in sheets {
        fs::write(Path::new(&out_dir).join(format!("{view}.css")), css).expect("write the minified stylesheet");
    }
}
