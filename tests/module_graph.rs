#![cfg(not(target_arch = "wasm32"))]
//! Rules of the crate's source that ARCHITECTURE.md states (issue #14): no
//! import cycles between files, no `unwrap`/`expect`/`panic!` in shipped
//! code, and no HTML sink outside `src/shell/markup.rs` (Rust and shipped
//! JS: what clippy.toml cannot see, see `HTML_SINKS`).
//!
//! Builds the dependency graph of `src/` at file granularity from every path
//! the shipped code names (`use crate::…`, `use super::…`, `use self::…` and
//! the same paths written inline, e.g. `crate::core::sort::sort(…)`), leaving
//! out `#[cfg(test)]` items and comments, and fails naming each cycle.
//!
//! A file's edges to its own ancestors (`super::Thing` from a child of the
//! module declaring `Thing`) are not counted: a parent module is the child's
//! namespace, and a parent re-exporting its children is the usual Rust
//! layout. Every other pair of files must depend one way at most, through
//! any number of steps.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Module path (`["core", "sites", "log"]`) of every `.rs` file under `src/`.
fn module_files(dir: &Path, out: &mut BTreeMap<Vec<String>, PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("read src dir").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            module_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(src_dir()).expect("under src");
            let mut segs: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            let last = segs.pop().expect("file name");
            let stem = last.trim_end_matches(".rs");
            if stem != "mod" && stem != "lib" {
                segs.push(stem.to_string());
            }
            out.insert(segs, path);
        }
    }
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The code without comments, string and char literal contents (kept as
/// empty quotes), so that only real paths remain. Newlines are kept, so line
/// numbers stay those of the file.
fn strip(src: &str) -> String {
    strip_with(src, false)
}

/// The code without comments, string and char literals kept as written.
fn strip_comments(src: &str) -> String {
    strip_with(src, true)
}

/// The newlines of `c[from..to]`, standing for text left out.
fn newlines(c: &[char], from: usize, to: usize) -> String {
    c[from.min(c.len())..to.min(c.len())].iter().filter(|&&ch| ch == '\n').collect()
}

fn strip_with(src: &str, keep_strings: bool) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < c.len() {
        let at = |k: usize| c.get(i + k).copied().unwrap_or('\0');
        let (a1, a2) = (at(1), at(2));
        if c[i] == '/' && a1 == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && a1 == '*' {
            let from = i;
            let mut depth = 0;
            while i < c.len() {
                let next = c.get(i + 1).copied().unwrap_or('\0');
                if c[i] == '/' && next == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && next == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
            out.push_str(&newlines(&c, from, i));
        } else if c[i] == 'r' && (a1 == '"' || (a1 == '#' && (a2 == '"' || a2 == '#'))) && !prev_is_ident(&c, i) {
            // Raw string r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            j += 1; // opening quote
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (0..hashes).all(|h| c.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            let j = j.min(c.len());
            if keep_strings {
                out.extend(&c[i..j]);
            } else {
                out.push_str("\"\"");
                out.push_str(&newlines(&c, i, j));
            }
            i = j;
        } else if c[i] == '"' {
            let from = i;
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(c.len());
            if keep_strings {
                out.extend(&c[from..i]);
            } else {
                out.push_str("\"\"");
                out.push_str(&newlines(&c, from, i));
            }
        } else if c[i] == '\'' {
            // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a).
            let from = i;
            if a1 == '\\' {
                let mut j = i + 2;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = (j + 1).min(c.len());
                out.push_str(if keep_strings { String::from_iter(&c[from..i]) } else { "' '".into() }.as_str());
            } else if a2 == '\'' {
                i += 3;
                out.push_str(if keep_strings { String::from_iter(&c[from..i]) } else { "' '".into() }.as_str());
            } else {
                out.push(c[i]);
                i += 1;
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn prev_is_ident(c: &[char], i: usize) -> bool {
    i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_')
}

/// Removes every item under `#[cfg(test)]` (a `mod tests { … }`, a test-only
/// `use`, fn or impl) from stripped code.
fn drop_test_items(code: &str) -> String {
    let c: Vec<char> = code.chars().collect();
    let pat: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < c.len() {
        if c[i..].starts_with(&pat) {
            let from = i;
            i += pat.len();
            // Skip to the end of the item: the first `;` at depth 0, or the
            // block opened by the first `{` at depth 0 (attributes' brackets
            // and generics' parentheses are nested, not depth 0).
            let mut depth = 0i32;
            while i < c.len() {
                match c[i] {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth -= 1,
                    ';' if depth == 0 => {
                        i += 1;
                        break;
                    }
                    '{' if depth == 0 => {
                        let mut braces = 0;
                        while i < c.len() {
                            if c[i] == '{' {
                                braces += 1;
                            } else if c[i] == '}' {
                                braces -= 1;
                                if braces == 0 {
                                    break;
                                }
                            }
                            i += 1;
                        }
                        i += 1;
                        break;
                    }
                    _ => {}
                }
                i += 1;
            }
            out.push_str(&newlines(&c, from, i));
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// Expands a `use` tree (`a::{b, c::{d, e as f}, *}`) into its paths.
fn expand_use(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (k, ch) in inner.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_use(&inner[start..k], &base, out);
                    start = k + 1;
                }
                _ => {}
            }
        }
        expand_use(&inner[start..], &base, out);
    } else if !tree.is_empty() {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        let path = path.trim_end_matches("::*");
        if path != "*" && path != "self" {
            out.push(join(prefix, path));
        } else {
            out.push(prefix.to_string());
        }
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}::{b}"),
    }
}

/// Every path the code names: `use` trees (expanded) and inline paths
/// (`crate::`/`super::`/`self::`, a child module's name, or anything else
/// followed by `::`, which [`resolve`] drops).
fn named_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let c: Vec<char> = code.chars().collect();
    let s: String = c.iter().collect();
    let mut rest = s.as_str();
    let mut plain = String::new();
    // `use` statements.
    while let Some(k) = find_word(rest, "use") {
        plain.push_str(&rest[..k]);
        let after = &rest[k + 3..];
        let end = after.find(';').unwrap_or(after.len());
        let tree: String = after[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        expand_use(&tree, "", &mut paths);
        rest = &after[(end + 1).min(after.len())..];
    }
    plain.push_str(rest);
    // Inline paths.
    let p: Vec<char> = plain.chars().collect();
    let mut i = 0;
    while i < p.len() {
        // A path starts with a word followed by `::` (`crate::`, `super::`,
        // `self::`, or a child module's name, `text::region_name`), not
        // inside another path.
        let starts = (p[i].is_alphabetic() || p[i] == '_') && !prev_is_ident(&p, i) && (i == 0 || p[i - 1] != ':') && {
            let mut k = i;
            while k < p.len() && (p[k].is_alphanumeric() || p[k] == '_') {
                k += 1;
            }
            p[k..].starts_with(&[':', ':'])
        };
        if starts {
            let mut j = i;
            while j < p.len() && (p[j].is_alphanumeric() || p[j] == '_' || p[j] == ':') {
                j += 1;
            }
            let path: String = p[i..j].iter().collect();
            paths.push(path.trim_end_matches(':').to_string());
            i = j;
        } else {
            i += 1;
        }
    }
    paths
}

/// Byte offset of `word` as a whole word in `s`.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(k) = s[from..].find(word) {
        let at = from + k;
        let before_ok = at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let end = at + word.len();
        let after_ok = end < bytes.len() && bytes[end].is_ascii_whitespace();
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// The module file a path names: the longest prefix of the absolute path
/// that is a file's module.
fn resolve(path: &str, current: &[String], modules: &BTreeMap<Vec<String>, PathBuf>) -> Option<Vec<String>> {
    let mut segs: Vec<String> = Vec::new();
    let mut parts = path.split("::").filter(|s| !s.is_empty()).peekable();
    match parts.peek().copied() {
        Some("crate") => {
            parts.next();
        }
        Some("super") | Some("self") => {
            segs = current.to_vec();
            while let Some(&p) = parts.peek() {
                match p {
                    "super" => {
                        segs.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                parts.next();
            }
        }
        // A child module of the current file by its own name (`text::x`
        // in dose/mod.rs is `dose::text::x`).
        Some(first) if modules.contains_key(&[current, &[first.to_string()]].concat()) => {
            segs = current.to_vec();
        }
        _ => return None, // an external crate, a type or a local name
    }
    segs.extend(parts.map(str::to_string));
    (0..=segs.len()).rev().map(|n| segs[..n].to_vec()).find(|m| modules.contains_key(m))
}

type Graph = BTreeMap<Vec<String>, BTreeSet<Vec<String>>>;

fn graph() -> (Graph, BTreeMap<Vec<String>, PathBuf>) {
    let mut modules = BTreeMap::new();
    module_files(&src_dir(), &mut modules);
    let mut g = Graph::new();
    for (module, path) in &modules {
        let code = drop_test_items(&strip(&fs::read_to_string(path).expect("read source")));
        let deps = g.entry(module.clone()).or_default();
        for p in named_paths(&code) {
            if let Some(target) = resolve(&p, module, &modules) {
                let is_ancestor = target.len() < module.len() && module.starts_with(&target);
                if target != *module && !is_ancestor {
                    deps.insert(target);
                }
            }
        }
    }
    (g, modules)
}

/// Strongly connected components with more than one file (Tarjan).
fn cycles(g: &Graph) -> Vec<Vec<Vec<String>>> {
    struct T<'a> {
        g: &'a Graph,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on: BTreeSet<&'a Vec<String>>,
        out: Vec<Vec<Vec<String>>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a Vec<String>) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        if let Some(ws) = t.g.get(v) {
            for w in ws {
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(lw);
                } else if t.on.contains(w) {
                    let iw = t.index[w];
                    let lv = t.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(iw);
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.clone());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T { g, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), on: BTreeSet::new(), out: Vec::new() };
    for v in g.keys() {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

/// One path through a cycle's files, for the failure message:
/// `a.rs → b.rs → a.rs`.
fn describe(comp: &[Vec<String>], g: &Graph, files: &BTreeMap<Vec<String>, PathBuf>) -> String {
    let name = |m: &Vec<String>| files[m].strip_prefix(src_dir()).map(|p| p.display().to_string()).unwrap_or_default();
    let members: BTreeSet<&Vec<String>> = comp.iter().collect();
    let start = &comp[0];
    // Shortest way back to `start` (breadth first inside the component).
    let mut prev: BTreeMap<&Vec<String>, &Vec<String>> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    let mut last = None;
    'bfs: while let Some(v) = queue.pop_front() {
        for w in g.get(v).into_iter().flatten() {
            if !members.contains(w) {
                continue;
            }
            if w == start {
                last = Some(v);
                break 'bfs;
            }
            if !prev.contains_key(w) {
                prev.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    let mut path = vec![start];
    let mut v = last.unwrap_or(start);
    while v != start {
        path.push(v);
        v = prev[v];
    }
    path[1..].reverse();
    path.push(start);
    let all: Vec<String> = comp.iter().map(name).collect();
    format!("{} (files in this cycle: {})", path.iter().map(|m| name(m)).collect::<Vec<_>>().join(" → "), all.join(", "))
}

#[test]
fn no_import_cycles_between_files() {
    let (g, files) = graph();
    let found: Vec<String> = cycles(&g).iter().map(|c| describe(c, &g, &files)).collect();
    assert!(
        found.is_empty(),
        "import cycles between files of src/ (move the shared items into a module both can use):\n  {}",
        found.join("\n  ")
    );
}

/// Files that are only compiled for tests (`#[cfg(test)] mod tests;`).
fn test_only_files(files: &BTreeMap<Vec<String>, PathBuf>) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    for (module, path) in files {
        let code = strip(&fs::read_to_string(path).expect("read source"));
        let mut rest = code.as_str();
        while let Some(k) = rest.find("#[cfg(test)]") {
            rest = &rest[k + "#[cfg(test)]".len()..];
            let item: String = rest.trim_start().chars().take_while(|c| *c != ';' && *c != '{').collect();
            if let Some(name) = item.trim().strip_prefix("mod ").or_else(|| item.trim().strip_prefix("pub mod ")) {
                if rest.trim_start().len() > item.len() && rest.trim_start()[item.len()..].starts_with(';') {
                    let mut m = module.clone();
                    m.push(name.trim().to_string());
                    out.insert(m);
                }
            }
        }
    }
    out
}

#[test]
fn no_unwrap_expect_or_panic_in_shipped_code() {
    let mut files = BTreeMap::new();
    module_files(&src_dir(), &mut files);
    let skip = test_only_files(&files);
    let mut found = Vec::new();
    for (module, path) in &files {
        if skip.iter().any(|t| module.starts_with(t)) {
            continue;
        }
        let code = drop_test_items(&strip(&fs::read_to_string(path).expect("read source")));
        for line in code.lines() {
            for bad in [".unwrap()", ".expect(", "panic!", "unreachable!", "todo!", "unimplemented!"] {
                if line.contains(bad) {
                    let name = path.strip_prefix(src_dir()).map(|p| p.display().to_string()).unwrap_or_default();
                    found.push(format!("{name}: `{bad}` in: {}", line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "shipped code must not panic on data (ARCHITECTURE.md, invariants); handle the case or move it under #[cfg(test)]:\n  {}",
        found.join("\n  ")
    );
}

/// The checker itself finds the cycles it is meant to find, and resolves
/// `super::`, groups and inline paths.
#[test]
fn checker_finds_a_cycle_and_resolves_paths() {
    let code = "use super::log::{input_values, Change};\nuse crate::core::{clock::Clock, i18n::*};\nfn f() { crate::core::sort::sort(&mut v); }\n#[cfg(test)]\nmod tests { use crate::core::facts::Fact; }\n";
    let code = drop_test_items(&strip(code));
    let mut paths = named_paths(&code);
    paths.sort();
    assert_eq!(paths, ["crate::core::clock::Clock", "crate::core::i18n", "crate::core::sort::sort", "super::log::Change", "super::log::input_values"]);
    let m = |s: &str| s.split("::").map(str::to_string).collect::<Vec<_>>();
    let mut files = BTreeMap::new();
    for f in ["core", "core::sites", "core::sites::log", "core::sites::export"] {
        files.insert(m(f), PathBuf::new());
    }
    assert_eq!(resolve("super::log::Change", &m("core::sites::export"), &files), Some(m("core::sites::log")));
    assert_eq!(resolve("super::LogEntry", &m("core::sites::export"), &files), Some(m("core::sites")));
    assert_eq!(resolve("serde::Serialize", &m("core::sites::export"), &files), None);
    let mut g = Graph::new();
    g.entry(m("core::sites::export")).or_default().insert(m("core::sites::log"));
    g.entry(m("core::sites::log")).or_default().insert(m("core::sites::export"));
    g.entry(m("core")).or_default();
    assert_eq!(cycles(&g), vec![vec![m("core::sites::export"), m("core::sites::log")]]);
    assert!(strip("let s = \"crate::x\"; // crate::y\n'a'; 'b").find("crate::").is_none());
    // Test-only files and items are left out of the panic check.
    // (keeping their newlines, so that line numbers stay the file's).
    assert_eq!(drop_test_items("fn a() {}\n#[cfg(test)]\nfn b() { x.unwrap(); }\nfn c() {}"), "fn a() {}\n\n\nfn c() {}");
}

/// What inserts an HTML string, in Rust or in JS, by any name clippy cannot
/// see: DOM properties and methods reached by name (`js_sys::Reflect::set(el,
/// "innerHTML", …)`, a `#[wasm_bindgen(js_name = innerHTML)]` binding, a JS
/// `el.innerHTML = …`), and Yew's raw HTML (`VRaw`, `from_html_unchecked`).
/// Matched anywhere in the code but its comments (strings included), so a
/// read is refused too: the widget has no reason to name these at all.
const HTML_SINKS: &[&str] = &[
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "srcdoc",
    "setHTMLUnsafe",
    "parseHTMLUnsafe",
    "createContextualFragment",
    "parseFromString",
    "DOMParser",
    "document.write",
];

/// The same in Rust, with Yew's raw HTML and `document.write`/`writeln`
/// reached through `Reflect::get(&document, "write")`.
const RUST_HTML_SINKS: &[&str] = &["from_html_unchecked", "VRaw", "\"write\"", "\"writeln\""];

/// The one file allowed to name an HTML sink (Trusted Types, README).
const THE_SINK: &str = "shell/markup.rs";

/// `line: sink` for every sink named in `code` (comments already removed).
fn html_sinks_in(code: &str, sinks: &[&'static str]) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        for &sink in sinks {
            if line.contains(sink) {
                found.push((n + 1, sink));
            }
        }
    }
    found
}

/// JS without its comments (strings, template literals and regular
/// expressions kept as written; newlines kept).
fn strip_js_comments(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    // The last character of code before `i` that is not whitespace: a `/`
    // after one of these starts a regular expression, not a division.
    let mut last = '\0';
    while i < c.len() {
        let next = c.get(i + 1).copied().unwrap_or('\0');
        let from = i;
        if c[i] == '/' && next == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
            continue;
        } else if c[i] == '/' && next == '*' {
            i += 2;
            while i < c.len() && !(c[i] == '*' && c.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i = (i + 2).min(c.len());
            out.push(' ');
            out.push_str(&newlines(&c, from, i));
            continue;
        } else if c[i] == '"' || c[i] == '\'' || c[i] == '`' || (c[i] == '/' && "(,=:[!&|?{};+-*%<>~^\0".contains(last)) {
            // A string, a template literal (its `${…}` kept as text) or a
            // regular expression (with its `[…]` classes).
            let quote = c[i];
            let mut class = false;
            i += 1;
            while i < c.len() && (c[i] != quote || class) {
                if c[i] == '\\' {
                    i += 1;
                } else if quote == '/' && c[i] == '[' {
                    class = true;
                } else if quote == '/' && c[i] == ']' {
                    class = false;
                } else if quote != '`' && c[i] == '\n' {
                    break;
                }
                i += 1;
            }
            i = (i + 1).min(c.len());
            out.extend(&c[from..i]);
            last = quote;
            continue;
        }
        out.push(c[i]);
        if !c[i].is_whitespace() {
            last = c[i];
        }
        i += 1;
    }
    out
}

#[test]
fn no_html_sink_outside_shell_markup() {
    let mut files = BTreeMap::new();
    module_files(&src_dir(), &mut files);
    let skip = test_only_files(&files);
    let rust_sinks: Vec<&'static str> = HTML_SINKS.iter().chain(RUST_HTML_SINKS).copied().collect();
    let mut found = Vec::new();
    let mut the_sink_seen = false;
    for (module, path) in &files {
        let name = path.strip_prefix(src_dir()).map(|p| p.display().to_string()).unwrap_or_default();
        if name == THE_SINK {
            the_sink_seen = true;
            continue;
        }
        if skip.iter().any(|t| module.starts_with(t)) {
            continue;
        }
        let code = drop_test_items(&strip_comments(&fs::read_to_string(path).expect("read source")));
        for (line, sink) in html_sinks_in(&code, &rust_sinks) {
            found.push(format!("src/{name}:{line}: `{sink}`"));
        }
    }
    assert!(the_sink_seen, "src/{THE_SINK} (the one HTML sink) was not found: update THE_SINK");
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut js: Vec<PathBuf> = fs::read_dir(&www).expect("read www").flatten().map(|e| e.path()).collect();
    js.retain(|p| p.extension().is_some_and(|e| e == "js" || e == "mjs"));
    js.sort();
    assert!(js.iter().any(|p| p.ends_with("kineret-widget.js")), "www/kineret-widget.js not found");
    for path in &js {
        let code = strip_js_comments(&fs::read_to_string(path).expect("read js"));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for (line, sink) in html_sinks_in(&code, HTML_SINKS) {
            found.push(format!("www/{name}:{line}: `{sink}`"));
        }
    }
    assert!(
        found.is_empty(),
        "HTML is inserted in one place only, src/{THE_SINK} (Trusted Types policy kineret-widget): build it as a core::markup::Markup and insert it with shell::markup::raw, or build nodes / set textContent:\n  {}",
        found.join("\n  ")
    );
}

/// The sink check finds sinks in strings, bindings and JS assignments, with
/// their line numbers, and not in comments or test code.
#[test]
fn sink_checker_finds_planted_sinks() {
    let rust = "//! innerHTML in a doc comment\nfn a(el: &JsValue) {\n    /* srcdoc\n */ let _ = Reflect::set(el, &\"innerHTML\".into(), &s.into());\n    let w = Reflect::get(&doc, &JsValue::from_str(\"write\"));\n    VNode::VRaw(h.into())\n}\n#[cfg(test)]\nmod tests { const X: &str = \"outerHTML\"; }\nfn b() {}\n#[wasm_bindgen(method, setter, js_name = insertAdjacentHTML)]\nfn c() {}";
    let sinks: Vec<&'static str> = HTML_SINKS.iter().chain(RUST_HTML_SINKS).copied().collect();
    let code = drop_test_items(&strip_comments(rust));
    assert_eq!(html_sinks_in(&code, &sinks), [(4, "innerHTML"), (5, "\"write\""), (6, "VRaw"), (11, "insertAdjacentHTML")]);
    let js = "// el.innerHTML = x\nconst re = /['\"]/g; /* outerHTML */\nel.textContent = 'a // b';\nhost.shadowRoot.innerHTML = html;\nconst u = `https://x/${a}`; frame.srcdoc = s;\ndocument.write('<p>');\nel['outerHTML'] = s; // innerHTML\n";
    assert_eq!(
        html_sinks_in(&strip_js_comments(js), HTML_SINKS),
        [(4, "innerHTML"), (5, "srcdoc"), (6, "document.write"), (7, "outerHTML")]
    );
}

/// A table's name without its module path.
fn short(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

/// `code` names the type `name` as in `Name::Variant` (not `Other::Name`).
fn names_type(code: &str, name: &str) -> bool {
    let pat = format!("{name}::");
    code.match_indices(&pat).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
    })
}

/// The first `word` in `s` not inside a longer identifier.
fn find_ident(s: &str, word: &str) -> Option<usize> {
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(k) = s[from..].find(word) {
        let at = from + k;
        let end = at + word.len();
        if (at == 0 || !ident(bytes[at - 1])) && (end >= bytes.len() || !ident(bytes[end]) || word.ends_with('!')) {
            return Some(at);
        }
        from = end;
    }
    None
}

/// The message tables (`messages!` enums and `impl Translate for X`) each
/// file defines, with whether they are `resident` (frame texts kept in the
/// main module, core/i18n.rs).
fn tables(files: &BTreeMap<Vec<String>, PathBuf>) -> BTreeMap<String, (Vec<String>, bool)> {
    let mut out = BTreeMap::new();
    for (module, path) in files {
        let code = drop_test_items(&strip(&fs::read_to_string(path).expect("read source")));
        let mut rest = code.as_str();
        while let Some(at) = find_ident(rest, "messages!") {
            let after = &rest[at..];
            let Some(open) = after.find('{') else { break };
            let body = &after[open + 1..];
            let resident = body.trim_start().starts_with("resident");
            if let Some(e) = find_ident(body, "enum") {
                let name: String = body[e + 4..].trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    out.insert(format!("{}::{name}", module.join("::")), (module.clone(), resident));
                }
            }
            rest = &after[open..];
        }
        let mut rest = code.as_str();
        while let Some(at) = rest.find("impl Translate for ") {
            let name: String = rest[at + 19..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            out.entry(format!("{}::{name}", module.join("::"))).or_insert((module.clone(), false));
            rest = &rest[at + 19..];
        }
    }
    out
}

/// The files reachable from `roots` through the paths the code names,
/// parents and children included (a module may use its parent's items, and
/// its children's by relative paths), never entering `stop`.
fn reachable(roots: &[&[&str]], stop: &[Vec<String>], files: &BTreeMap<Vec<String>, PathBuf>) -> BTreeSet<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<Vec<String>> = roots.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect();
    while let Some(m) = todo.pop() {
        if !files.contains_key(&m) || !seen.insert(m.clone()) {
            continue;
        }
        let code = drop_test_items(&strip(&fs::read_to_string(&files[&m]).expect("read source")));
        for p in named_paths(&code) {
            if let Some(t) = resolve(&p, &m, files) {
                if !stop.contains(&t) && !seen.contains(&t) {
                    todo.push(t);
                }
            }
        }
        // Parents are the child's namespace (`super::X`).
        for n in 1..m.len() {
            let parent = m[..n].to_vec();
            if !stop.contains(&parent) {
                todo.push(parent);
            }
        }
    }
    seen
}

/// [`reachable`] from a view's root file and every file under it (a view's
/// component uses its own children by relative paths, `checklist::Checklist`,
/// which `named_paths` does not resolve).
fn reachable_from_view(root: &[&str], stop: &[Vec<String>], files: &BTreeMap<Vec<String>, PathBuf>) -> BTreeSet<Vec<String>> {
    let root: Vec<String> = root.iter().map(|s| s.to_string()).collect();
    let subtree: Vec<Vec<String>> = files.keys().filter(|k| k.starts_with(&root)).cloned().collect();
    let roots: Vec<Vec<&str>> = subtree.iter().map(|m| m.iter().map(String::as_str).collect()).collect();
    let roots: Vec<&[&str]> = roots.iter().map(Vec::as_slice).collect();
    reachable(&roots, stop, files)
}

/// The tables reachable files can use: defined in one of them, or whose
/// type one of them names (a `.tr()` on a value finds the impl wherever it
/// is), non-resident only.
fn tables_used(reach: &BTreeSet<Vec<String>>, files: &BTreeMap<Vec<String>, PathBuf>, all: &BTreeMap<String, (Vec<String>, bool)>) -> BTreeSet<String> {
    let code: Vec<String> = reach.iter().map(|m| drop_test_items(&strip(&fs::read_to_string(&files[m]).expect("read source")))).collect();
    all.iter()
        .filter(|(path, (module, resident))| !resident && (reach.contains(module) || code.iter().any(|c| find_ident(c, short(path)).is_some())))
        .map(|(name, _)| name.clone())
        .collect()
}

/// The tables each `text_pack!` in src/shell/texts.rs installs, by pack.
fn packs() -> BTreeMap<String, BTreeSet<String>> {
    let code = strip_comments(&fs::read_to_string(src_dir().join("shell/texts.rs")).expect("read texts.rs"));
    let mut out = BTreeMap::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("text_pack!(") {
        let after = &rest[at + 11..];
        let end = after.find(");").expect("text_pack!( … );");
        let args = &after[..end];
        let name = args.split(',').next().unwrap_or_default().trim().to_string();
        let list = &args[args.find('[').expect("[tables]") + 1..args.rfind(']').expect("[tables]")];
        let tables = list.split(',').map(|t| t.trim().trim_start_matches("crate::").to_string()).filter(|t| !t.is_empty()).collect();
        out.insert(name, tables);
        rest = &after[end..];
    }
    out
}

/// Each view's name and root module (its component; its own files are
/// under it).
const VIEW_ROOTS: [(&str, &[&str]); 4] = [
    ("calculator", &["shell", "components", "calculator"]),
    ("sites", &["shell", "components", "sites"]),
    ("storage", &["shell", "components", "storage"]),
    ("safety", &["shell", "components", "safety"]),
];

/// The frame's files: what shows around (and before) any view.
const FRAME_FILES: [&[&str]; 6] =
    [&["shell", "app"], &["shell", "embed"], &["shell", "lazy"], &["shell", "api"], &["shell", "components", "tabs"], &["shell", "components", "delete_all"]];

/// A module path as [`module_files`] keys it.
fn module(path: &[&str]) -> Vec<String> {
    path.iter().map(|s| s.to_string()).collect()
}

/// What a view's files can reach, stopping at the frame's modules that
/// name every view or pack (a view reaching `shell::lazy` does not show the
/// other views).
fn view_reach(root: &[&str], files: &BTreeMap<Vec<String>, PathBuf>) -> BTreeSet<Vec<String>> {
    let stop = [module(&["shell", "lazy"]), module(&["shell", "app"]), module(&["shell", "texts"])];
    reachable_from_view(root, &stop, files)
}

/// With the `split` build the views' texts arrive in language packs
/// (src/shell/texts.rs): `All` for every page, and `Sites` and `Safety`
/// (a view's own tables) that the sites and the safety view add. Together they must install
/// every non-resident table of the crate, each once (a table left out would
/// read as an empty text; `RegionName`, reached only through a relative
/// `use`, once was), and every table a view's files (or the API's) can reach
/// through the module graph must be in that view's packs. The frame (app,
/// tabs, footer, loading notices) shows before any pack, so the tables it
/// names must be `resident`.
#[test]
fn language_packs_install_every_table_their_view_can_show() {
    let mut files = BTreeMap::new();
    module_files(&src_dir(), &mut files);
    let all = tables(&files);
    assert!(all.len() > 30, "found only {} message tables", all.len());
    let packs = packs();
    let mut problems = Vec::new();
    // The views' packs below follow `Pack::modules` in src/shell/texts.rs;
    // a new pack must be added here too.
    assert_eq!(packs.keys().collect::<Vec<_>>(), ["Base", "Care", "Safety", "Sites"], "src/shell/texts.rs: a pack this test does not know");
    let unique = |t: &str| all.keys().filter(|k| short(k) == short(t)).count() == 1;
    let listed_in = |have: &BTreeSet<String>, t: &String| have.contains(t) || unique(t) && have.iter().any(|h| short(h) == short(t));
    let have: BTreeSet<String> = packs.values().flatten().cloned().collect();
    let every: Vec<_> = all.iter().filter(|(_, (_, resident))| !resident).map(|(t, _)| t).filter(|t| !listed_in(&have, t)).cloned().collect();
    if !every.is_empty() {
        problems.push(format!("no pack has {}", every.join(", ")));
    }
    for (name, own) in &packs {
        let twice: Vec<_> = own.iter().filter(|t| packs.iter().any(|(other, list)| other != name && listed_in(list, t))).cloned().collect();
        if !twice.is_empty() {
            problems.push(format!("{name} and another pack list {}", twice.join(", ")));
        }
    }
    // The packs each view (and the API) reads, as `Pack::of` and
    // `Pack::modules` give them: the calculator and the API `Base` only, the
    // storage view `Care` too, the sites and the safety view their own too.
    let read = |names: &[&str]| -> BTreeSet<String> { names.iter().flat_map(|n| packs[*n].iter().cloned()).collect() };
    let views = VIEW_ROOTS.iter().map(|(name, root)| {
        let names: &[&str] = match *name {
            "calculator" => &["Base"],
            "storage" => &["Base", "Care"],
            "sites" => &["Base", "Care", "Sites"],
            "safety" => &["Base", "Care", "Safety"],
            other => panic!("no packs known for the view {other}"),
        };
        (*root, read(names))
    });
    for (root, have) in views.chain([(&["core", "api"][..], read(&["Base"]))]) {
        let listed = |t: &String| listed_in(&have, t);
        let need = tables_used(&view_reach(root, &files), &files, &all);
        let missing: Vec<_> = need.iter().filter(|t| !listed(t)).cloned().collect();
        if !missing.is_empty() {
            problems.push(format!("{} can show {}, not in its packs", root.join("/"), missing.join(", ")));
        }
    }
    let unknown: Vec<_> = have.iter().filter(|t| !all.contains_key(*t) && !all.keys().any(|k| short(k) == short(t))).cloned().collect();
    if !unknown.is_empty() {
        problems.push(format!("the pack names unknown tables {}", unknown.join(", ")));
    }
    // The frame's own files render before any pack: each table they name
    // must be resident. (What they reach, e.g. the calculator's last dose
    // in shell/context.rs, they pass on without showing.)
    for frame in FRAME_FILES {
        let file = module(frame);
        let code = drop_test_items(&strip(&fs::read_to_string(&files[&file]).expect("read source")));
        let named: Vec<_> = all.iter().filter(|(n, (_, resident))| !resident && names_type(&code, short(n))).map(|(n, _)| n.clone()).collect();
        if !named.is_empty() {
            problems.push(format!("{} shows non-resident tables {} (mark them `resident`)", frame.join("/"), named.join(", ")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// docs/SIZE.md rule 3: a `class` in `html!` is a string literal. `classes!`,
/// `class={expr}` and the `{class}` shorthand convert through yew's
/// `Classes` (an `IndexSet` with hashing, about 5 KB of code); the
/// calculator's titration buttons once brought it back.
#[test]
fn html_classes_are_string_literals() {
    let mut files = BTreeMap::new();
    module_files(&src_dir(), &mut files);
    let mut found = Vec::new();
    for path in files.values() {
        let code = drop_test_items(&strip(&fs::read_to_string(path).expect("read source")));
        for (n, line) in code.lines().enumerate() {
            if ["classes!", "class={", "{class}", "Classes"].iter().any(|w| line.contains(w)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "computed classes (docs/SIZE.md rule 3):\n{}", found.join("\n"));
}

/// The split build moves a view into its own module only if nothing outside
/// it names it: the one way in is its loader in `shell/lazy.rs`.
#[test]
fn only_the_loaders_name_a_view() {
    let (g, files) = graph();
    let views: Vec<Vec<String>> = VIEW_ROOTS.iter().map(|(_, root)| module(root)).collect();
    let in_view = |m: &Vec<String>| views.iter().any(|v| m.starts_with(v));
    let loader = module(&["shell", "lazy"]);
    let mut wrong = Vec::new();
    for (file, deps) in &g {
        if in_view(file) || *file == loader {
            continue;
        }
        for d in deps.iter().filter(|d| in_view(d)) {
            // A view may use another view's module (the views share types);
            // the frame and the core may not.
            wrong.push(format!("{} names {}", files[file].strip_prefix(src_dir()).map(|p| p.display().to_string()).unwrap_or_default(), d.join("::")));
        }
    }
    assert!(wrong.is_empty(), "only shell/lazy.rs may name a view (docs/SIZE.md):\n  {}", wrong.join("\n  "));
    assert!(g[&loader].iter().filter(|d| in_view(d)).count() >= 4, "shell/lazy.rs no longer names the four views: the checker is broken");
}

/// The class names a file's code writes (`kw-…` in its string literals).
fn class_named(code: &str, class: &str) -> bool {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    code.match_indices(class).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + class.len()..].chars().next();
        !before.is_some_and(is_name) && !after.is_some_and(is_name)
    })
}

/// A class built at run time with a number (`format!("kw-age{n}")`): the
/// code writes its stem, then a placeholder or the end of the literal.
/// Any other class must be written whole.
fn class_stem_named(code: &str, class: &str) -> bool {
    let stem = class.trim_end_matches(|c: char| c.is_ascii_digit());
    stem.len() < class.len() && code.match_indices(stem).any(|(at, _)| matches!(code[at + stem.len()..].chars().next(), Some('{' | '"')))
}

/// Each selector of a stylesheet (comma-separated, at-rule wrappers left
/// out, commas inside `:is(…)` kept).
fn selectors(css: &str) -> Vec<String> {
    let css = strip_comments(css);
    let mut out = Vec::new();
    let mut rest = css.as_str();
    while let Some(open) = rest.find('{') {
        let head = rest[..open].rsplit(['}', ';']).next().unwrap_or_default().trim();
        if !head.starts_with('@') && !head.is_empty() {
            let (mut depth, mut from) = (0, 0);
            for (i, c) in head.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(head[from..i].trim().to_string());
                        from = i + 1;
                    }
                    _ => {}
                }
            }
            out.push(head[from..].trim().to_string());
        }
        rest = &rest[open + 1..];
    }
    out
}

/// The `.class` names of a selector, except those inside `:not(…)` (a
/// class the element must not have scopes nothing).
fn classes_of(selector: &str) -> Vec<String> {
    let mut kept = String::new();
    let mut rest = selector;
    while let Some(at) = rest.find(":not(") {
        kept.push_str(&rest[..at]);
        let mut depth = 0;
        let end = rest[at + 4..].char_indices().find_map(|(i, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(at + 4 + i + 1)
        });
        rest = &rest[end.unwrap_or(rest.len())..];
    }
    kept.push_str(rest);
    kept.split('.').skip(1).map(|s| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect::<String>()).filter(|s| !s.is_empty()).collect()
}

/// Each view's stylesheet (`www/styles/NN-<view>.css`, or `NN-<a>+<b>.css`
/// for markup two views draw) ships in that view's own code
/// (src/shell/styles.rs, build.rs), adopted when a widget first renders the
/// view: before that, and on a page that never shows the view, its rules
/// are absent. So each of its selectors must name a class that only its
/// views write: one that only files of those views (reachable from their
/// roots, and from no other view, the headless API or the frame) and no
/// page script write. Any other rule belongs in `00-base.css`.
#[test]
fn view_stylesheets_style_only_their_own_views_markup() {
    let mut files = BTreeMap::new();
    module_files(&src_dir(), &mut files);
    let reach: BTreeMap<&str, BTreeSet<Vec<String>>> = VIEW_ROOTS.iter().map(|(v, root)| (*v, view_reach(root, &files))).collect();
    // The frame and the API: everything a view is not.
    let frame_roots: Vec<&[&str]> = FRAME_FILES.into_iter().chain([&["core", "api"][..]]).collect();
    let mut frame_stop: Vec<Vec<String>> = VIEW_ROOTS.iter().map(|(_, root)| module(root)).collect();
    frame_stop.push(module(&["shell", "texts"]));
    let frame = reachable(&frame_roots, &frame_stop, &files);
    let code: BTreeMap<Vec<String>, String> = files.iter().map(|(k, p)| (k.clone(), drop_test_items(&strip_comments(&fs::read_to_string(p).expect("read source"))))).collect();
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let pages: Vec<(String, String)> = fs::read_dir(&www).expect("www").flatten().map(|e| e.path())
        .chain([Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")])
        .filter(|p| p.extension().is_some_and(|e| e == "js" || e == "html"))
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).expect("read page")))
        .collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut sheets: Vec<PathBuf> = fs::read_dir(www.join("styles")).expect("www/styles").flatten().map(|e| e.path()).collect();
    sheets.sort();
    for sheet in sheets.iter().filter(|p| p.extension().is_some_and(|e| e == "css")) {
        let name = sheet.file_stem().expect("a file name").to_string_lossy().into_owned();
        // `00-base` is the frame's; `15-calculator+storage` both views'.
        let Some((_, owners)) = name.split_once('-').filter(|(n, _)| *n != "00") else { continue };
        let owners: Vec<&str> = owners.split('+').collect();
        for o in &owners {
            assert!(reach.contains_key(o), "{}: {o} is no view", sheet.display());
        }
        let whose = owners.join(" and ");
        let css = fs::read_to_string(sheet).expect("read stylesheet");
        let own = |class: &str| -> Result<(), String> {
            let mut writers: Vec<&Vec<String>> = code.iter().filter(|(_, c)| class_named(c, class)).map(|(k, _)| k).collect();
            if writers.is_empty() {
                writers = code.iter().filter(|(_, c)| class_stem_named(c, class)).map(|(k, _)| k).collect();
            }
            if writers.is_empty() {
                return Err(format!("no file writes .{class}"));
            }
            if let Some((page, _)) = pages.iter().find(|(_, text)| class_named(text, class)) {
                return Err(format!(".{class} is written by {page}"));
            }
            for w in writers {
                if !owners.iter().any(|o| reach[o].contains(w)) {
                    return Err(format!(".{class} is written by {}, outside the {whose} view", w.join("/")));
                }
                if let Some((other, _)) = reach.iter().find(|(o, r)| !owners.contains(o) && r.contains(w)) {
                    return Err(format!(".{class} is written by {}, which the {other} view reaches too", w.join("/")));
                }
                if frame.contains(w) {
                    return Err(format!(".{class} is written by {}, which the frame or the API reaches", w.join("/")));
                }
            }
            Ok(())
        };
        for selector in selectors(&css) {
            checked += 1;
            let reasons: Vec<String> = classes_of(&selector).iter().filter_map(|c| own(c).err()).collect();
            if classes_of(&selector).len() == reasons.len() {
                problems.push(format!("{}: `{selector}` names no class only the {whose} view writes ({}): move it to 00-base.css", sheet.display(), if reasons.is_empty() { "no class".to_string() } else { reasons.join("; ") }));
            }
        }
    }
    assert!(checked > 100, "read only {checked} selectors");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
