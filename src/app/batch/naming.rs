//! Output names: from the input file's path under its root, or from the document's symbols, made
//! safe for any file system; and the claims that keep two inputs from writing the same output.
//!
//! A symbol comes from the document, so it is untrusted: `../`, `/etc/passwd`, NUL, control
//! characters or a thousand characters must all give one plain file name inside the output folder.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use unletters::format::Format;

/// How outputs are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum NameBy {
    /// After the input file, keeping its folders under the root (`sub/letter.txt` -> `sub/letter.json`).
    #[default]
    Input,
    /// After the document's symbols (`A/79/729-S/2025/40` -> `A_79_729-S_2025_40.json`), flat in the
    /// output folder; an input without a symbol falls back to its file name.
    Symbol,
}

/// Longest file name stem written, in bytes: file systems allow 255 bytes per name, and the
/// extension and a collision suffix need room.
pub const MAX_STEM: usize = 160;

/// The output path (relative to the output folder) for the input at `rel` under its root: the same
/// folders, the extension replaced. Every component is made safe, so the result stays inside the
/// output folder.
pub fn from_input(rel: &Path, to: Format) -> PathBuf {
    let mut out = PathBuf::new();
    let parts: Vec<_> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy()),
            _ => None,
        })
        .collect();
    let Some((file, dirs)) = parts.split_last() else {
        return PathBuf::from(format!("unnamed.{}", to.extension()));
    };
    for d in dirs {
        out.push(safe_component(d));
    }
    let stem = match file.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => file.as_ref(),
    };
    out.push(with_extension(&safe_component(stem), to));
    out
}

/// The output file name for a document with these symbols (in printed order), or `None` when it
/// has none. Joint symbols are joined with `-` and `/` becomes `_`, as UN file names do
/// (`A_79_729-S_2025_40`); a reissue's star is dropped from the name.
pub fn from_symbols<S: AsRef<str>>(symbols: &[S], to: Format) -> Option<PathBuf> {
    let joined = symbols
        .iter()
        .map(|s| {
            s.as_ref()
                .trim()
                .trim_end_matches('*')
                .replace(['/', '\\'], "_")
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if joined.is_empty() {
        return None;
    }
    Some(PathBuf::from(with_extension(&safe_component(&joined), to)))
}

fn with_extension(stem: &str, to: Format) -> String {
    format!("{stem}.{}", to.extension())
}

/// One path component that any common file system accepts and that names a plain entry: only
/// letters, digits and `._-()+,` (anything else becomes `_`), no run of dots, no leading dot, no
/// trailing dot or space, not a reserved Windows device name, at most [`MAX_STEM`] bytes (a cut
/// name ends with a hash of the whole, so two long names stay apart), never empty.
pub fn safe_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c.is_alphanumeric() || "._-()+,".contains(c) {
            c
        } else {
            '_'
        };
        if c == '.' && out.ends_with('.') {
            continue;
        }
        out.push(c);
    }
    let trimmed = out.trim_end_matches(['.', ' ']).len();
    out.truncate(trimmed);
    if out.starts_with('.') {
        out.insert(0, '_');
    }
    if out.is_empty() {
        out.push_str("unnamed");
    }
    if is_reserved(&out) {
        out.insert(0, '_');
    }
    if out.len() > MAX_STEM {
        let hash = short_hash(s);
        let mut cut = MAX_STEM - hash.len() - 1;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push('~');
        out.push_str(&hash);
    }
    out
}

fn is_reserved(name: &str) -> bool {
    let base = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((base.starts_with("COM") || base.starts_with("LPT"))
            && base.len() == 4
            && base.as_bytes().get(3).is_some_and(u8::is_ascii_digit))
}

/// A 64-bit hash of a name, in hex.
fn short_hash(s: &str) -> String {
    format!("{:016x}", fnv1a(s.as_bytes()))
}

/// FNV-1a: fixed by its definition, so a cut name is the same on every build and rerun (std's
/// hashers may change between Rust releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn path_hash(p: &Path) -> u64 {
    fnv1a(p.as_os_str().as_encoded_bytes())
}

/// The output names taken so far in a run. A run claims names in input order, so which input gets
/// a contested name does not depend on thread timing. Only a 64-bit hash per name is kept: memory
/// stays small as the archive grows.
#[derive(Debug, Default)]
pub struct Claims {
    taken: HashSet<u64>,
}

impl Claims {
    /// Claims `wanted` (relative to the output folder), or the first free `stem~N.ext` after it
    /// (N from 2). Returns the name given.
    pub fn claim(&mut self, wanted: &Path) -> PathBuf {
        if self.taken.insert(path_hash(wanted)) {
            return wanted.to_path_buf();
        }
        let stem = wanted
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = wanted
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        for n in 2.. {
            let alt = wanted.with_file_name(format!("{stem}~{n}{ext}"));
            if self.taken.insert(path_hash(&alt)) {
                return alt;
            }
        }
        unreachable!("an unbounded range always yields a free name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn plain(p: &Path) -> bool {
        p.components().all(|c| matches!(c, Component::Normal(_))) && p.components().count() >= 1
    }

    #[test]
    fn names_from_the_input_keep_folders_and_replace_the_extension() {
        assert_eq!(
            from_input(Path::new("sub/S_2025_71_Rev.1.txt"), Format::Json),
            Path::new("sub/S_2025_71_Rev.1.json")
        );
        assert_eq!(
            from_input(Path::new("letter"), Format::Akn),
            Path::new("letter.xml")
        );
        assert_eq!(
            from_input(Path::new("../../etc/passwd"), Format::Text),
            Path::new("etc/passwd.txt")
        );
        assert_eq!(
            from_input(Path::new(".profile"), Format::Json),
            Path::new("_.profile.json")
        );
    }

    #[test]
    fn names_from_symbols() {
        assert_eq!(
            from_symbols(&["A/79/729", "S/2025/40"], Format::Json).unwrap(),
            Path::new("A_79_729-S_2025_40.json")
        );
        assert_eq!(
            from_symbols(&["A/79/843*"], Format::Akn).unwrap(),
            Path::new("A_79_843.xml")
        );
        assert_eq!(
            from_symbols(&["S/2025/71/Rev.1"], Format::Text).unwrap(),
            Path::new("S_2025_71_Rev.1.txt")
        );
        assert_eq!(from_symbols::<&str>(&[], Format::Json), None);
    }

    #[test]
    fn hostile_symbols_give_one_plain_name() {
        for s in [
            "../../etc/passwd",
            "/etc/passwd",
            "..",
            ".",
            "a\0b",
            "C:\\Windows\\system32",
            "x\n\r\t\u{1b}[31m",
            "CON",
            "nul.txt",
            "...",
            "",
        ] {
            let name =
                from_symbols(&[s], Format::Json).unwrap_or_else(|| PathBuf::from("unnamed.json"));
            assert!(plain(&name), "{s:?} -> {name:?}");
            assert_eq!(name.components().count(), 1, "{s:?} -> {name:?}");
            let n = name.to_string_lossy();
            assert!(!n.starts_with('.'), "{s:?} -> {n}");
            assert!(!n.contains(".."), "{s:?} -> {n}");
            assert!(!n.chars().any(char::is_control), "{s:?} -> {n}");
        }
        assert_eq!(
            from_symbols(&["../../etc/passwd"], Format::Json).unwrap(),
            Path::new("_._._etc_passwd.json")
        );
        assert_eq!(
            from_symbols(&["CON"], Format::Json).unwrap(),
            Path::new("_CON.json")
        );
    }

    #[test]
    fn long_names_are_cut_and_stay_distinct() {
        let a = "A/".to_string() + &"7".repeat(1000);
        let b = "A/".to_string() + &"7".repeat(999) + "8";
        let na = from_symbols(&[&a], Format::Json).unwrap();
        let nb = from_symbols(&[&b], Format::Json).unwrap();
        assert!(na.to_string_lossy().len() <= MAX_STEM + 5);
        assert_ne!(na, nb);
        let wide = "é".repeat(500);
        assert!(safe_component(&wide).len() <= MAX_STEM);
    }

    #[test]
    fn claims_give_later_inputs_a_numbered_name() {
        let mut c = Claims::default();
        let x = Path::new("sub/x.json");
        assert_eq!(c.claim(x), x);
        assert_eq!(c.claim(x), Path::new("sub/x~2.json"));
        assert_eq!(c.claim(x), Path::new("sub/x~3.json"));
        assert_eq!(c.claim(Path::new("sub/x.xml")), Path::new("sub/x.xml"));
    }

    proptest! {
        #[test]
        fn any_string_gives_a_safe_component(s in "\\PC*|[./\\\\\0-\x1f]{0,20}") {
            let c = safe_component(&s);
            prop_assert!(!c.is_empty() && c.len() <= MAX_STEM);
            prop_assert!(!c.starts_with('.') && !c.contains("..") && !c.ends_with('.'));
            prop_assert!(!c.contains(['/', '\\', '\0']) && !c.chars().any(char::is_control));
            prop_assert_eq!(Path::new(&c).components().count(), 1);
        }
    }
}
