//! The file and folder walk: which inputs a batch run (or `validate` over folders) reads, in a
//! stable order, one at a time.
//!
//! Files named on the command line are always taken. Folders are walked recursively; each folder's
//! entries are read and sorted by name before any is yielded, so the order does not depend on the
//! file system, and only one folder listing per level is held at a time: memory follows the depth
//! of the tree, not the size of the archive. Hidden entries (a leading `.`) are skipped, which also
//! keeps the temporary files of atomic writes out of a walk. Symbolic links to folders met inside a
//! walk are not followed (no loops); links to files are when the file lies inside the folder
//! named, or with `--follow-symlinks`; otherwise they are skipped with a warning, so a link
//! planted in a shared folder cannot make the tool read (and quote) a file from elsewhere. Only
//! regular files are yielded: a FIFO, socket or device met in a folder is skipped with a warning
//! (opening a FIFO blocks until a writer comes).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use unletters::error::{Error, Result};

/// The file name endings a folder walk takes when no `--include` is given: the formats unletters
/// reads.
pub const DEFAULT_EXTENSIONS: [&str; 7] = ["txt", "text", "md", "xml", "akn", "json", "pdf"];

/// What a folder walk takes and leaves. Globs match the path relative to the folder named on the
/// command line (`sub/letter.txt`); `*` crosses `/`, so `*.txt` matches at any depth.
#[derive(Debug, Clone)]
pub struct Filters {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    extensions: Vec<String>,
    skip: Vec<PathBuf>,
    follow_symlinks: bool,
}

impl Default for Filters {
    /// No globs: files with one of the [`DEFAULT_EXTENSIONS`] are taken.
    fn default() -> Self {
        Filters {
            include: None,
            exclude: None,
            extensions: DEFAULT_EXTENSIONS.iter().map(|e| e.to_string()).collect(),
            skip: Vec::new(),
            follow_symlinks: false,
        }
    }
}

impl Filters {
    /// Filters from `--include` and `--exclude` globs; without includes, files with one of the
    /// [`DEFAULT_EXTENSIONS`] are taken. A bad glob is an [`Error::Usage`] naming it.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Filters> {
        Ok(Filters {
            include: glob_set(include, "--include")?,
            exclude: glob_set(exclude, "--exclude")?,
            ..Filters::default()
        })
    }

    /// The same filters also pruning a folder (compared after canonicalisation): a batch run skips
    /// its own output folder so that outputs never become inputs.
    pub fn skipping(mut self, folder: &Path) -> Filters {
        if let Ok(c) = folder.canonicalize() {
            self.skip.push(c);
        }
        self
    }

    /// The same filters following symbolic links to files outside the folder named
    /// (`--follow-symlinks`).
    pub fn following_symlinks(mut self, follow: bool) -> Filters {
        self.follow_symlinks = follow;
        self
    }

    /// Whether a file met in a folder walk, at `rel` under its root, is taken.
    pub fn takes_file(&self, rel: &Path) -> bool {
        if self.exclude.as_ref().is_some_and(|g| g.is_match(rel)) {
            return false;
        }
        match &self.include {
            Some(g) => g.is_match(rel),
            None => rel
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e))),
        }
    }

    /// Whether a folder met in a walk, at `rel` under its root (full path `path`), is entered.
    fn enters_folder(&self, rel: &Path, path: &Path) -> bool {
        if self.exclude.as_ref().is_some_and(|g| g.is_match(rel)) {
            return false;
        }
        if self.skip.is_empty() {
            return true;
        }
        match path.canonicalize() {
            Ok(c) => !self.skip.contains(&c),
            Err(_) => true,
        }
    }
}

fn glob_set(globs: &[String], flag: &str) -> Result<Option<GlobSet>> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|e| Error::usage(format!("{flag} {g:?}: {e}")))?);
    }
    b.build()
        .map(Some)
        .map_err(|e| Error::usage(format!("{flag}: {e}")))
}

/// One input found by a walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path to read, as reached from the command line's path.
    pub path: PathBuf,
    /// The path relative to the folder named on the command line, or the bare file name for a file
    /// named directly: the name outputs mirror under `--out-dir`.
    pub rel: PathBuf,
}

/// A path the walk could not read, and why.
#[derive(Debug)]
pub struct WalkError {
    /// The file or folder.
    pub path: PathBuf,
    /// What went wrong.
    pub error: std::io::Error,
}

/// Every input file under `paths`, in order, as they are found, with its path relative to its
/// root. A path that does not exist or a folder that cannot be read gives an `Err` in its place
/// and the walk goes on.
pub fn walk(paths: &[PathBuf], filters: &Filters) -> Walk {
    Walk {
        roots: Vec::from(paths).into_iter(),
        filters: filters.clone(),
        stack: Vec::new(),
        root: None,
        warnings: Vec::new(),
    }
}

/// The iterator [`walk`] returns.
#[derive(Debug)]
pub struct Walk {
    roots: std::vec::IntoIter<PathBuf>,
    filters: Filters,
    /// One sorted listing per open folder: (folder path, its path relative to the root, entries left).
    stack: Vec<Level>,
    /// The folder named on the command line being walked, canonical.
    root: Option<PathBuf>,
    /// What was left out and why, until the caller takes them.
    warnings: Vec<String>,
}

#[derive(Debug)]
struct Level {
    dir: PathBuf,
    rel: PathBuf,
    entries: std::vec::IntoIter<(OsString, bool)>,
}

impl Walk {
    /// Opens a folder: reads and sorts its listing. Entry kinds come from the listing itself (no
    /// `stat` per file, except for symbolic links and special files); a symbolic link counts as
    /// a file when it leads to a regular file (inside the root unless links are followed), and a
    /// link to a folder is left out.
    fn open(&mut self, dir: PathBuf, rel: PathBuf) -> Result<(), WalkError> {
        let fail = |path: &Path, error| WalkError {
            path: path.to_path_buf(),
            error,
        };
        let read = std::fs::read_dir(&dir).map_err(|e| fail(&dir, e))?;
        let mut entries = Vec::new();
        for entry in read {
            let entry = entry.map_err(|e| fail(&dir, e))?;
            let name = entry.file_name();
            if name.as_encoded_bytes().first() == Some(&b'.') {
                continue;
            }
            let kind = entry.file_type().map_err(|e| fail(&entry.path(), e))?;
            let shown = || crate::app::io::shown(&entry.path());
            let is_dir = if kind.is_symlink() {
                let target = std::fs::metadata(entry.path());
                match target {
                    Ok(m) if m.is_dir() => continue,
                    Ok(m) if !m.is_file() => {
                        let what = crate::app::io::kind_name(m.file_type());
                        self.warnings.push(format!(
                            "{}: a link to {what}, not a regular file; skipped",
                            shown()
                        ));
                        continue;
                    }
                    Ok(_) if !self.filters.follow_symlinks && !self.inside_root(&entry.path()) => {
                        self.warnings.push(format!(
                            "{}: a symbolic link to a file outside the folder named; not followed \
                             (pass --follow-symlinks to read it)",
                            shown()
                        ));
                        continue;
                    }
                    // A dangling link is taken, so reading it reports the error in its place.
                    _ => false,
                }
            } else if kind.is_dir() {
                true
            } else if kind.is_file() {
                false
            } else {
                // Only a file the walk would take is worth a warning.
                if self.filters.takes_file(&rel.join(&name)) {
                    self.warnings.push(format!(
                        "{}: {}, not a regular file; skipped",
                        shown(),
                        crate::app::io::kind_name(kind)
                    ));
                }
                continue;
            };
            entries.push((name, is_dir));
        }
        entries.sort();
        self.stack.push(Level {
            dir,
            rel,
            entries: entries.into_iter(),
        });
        Ok(())
    }

    /// Whether `path` (a symbolic link) leads to a file inside the folder being walked.
    fn inside_root(&self, path: &Path) -> bool {
        match (&self.root, path.canonicalize()) {
            (Some(root), Ok(target)) => target.starts_with(root),
            _ => false,
        }
    }

    /// What the walk left out so far (special files, links not followed), one line each.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    fn next_root(&mut self) -> Option<Result<Input, WalkError>> {
        let root = self.roots.next()?;
        match std::fs::metadata(&root) {
            Err(error) => Some(Err(WalkError { path: root, error })),
            Ok(m) if m.is_dir() => {
                self.root = root.canonicalize().ok();
                match self.open(root, PathBuf::new()) {
                    Ok(()) => None,
                    Err(e) => Some(Err(e)),
                }
            }
            Ok(_) => {
                let rel = root.file_name().map(PathBuf::from).unwrap_or_default();
                Some(Ok(Input { path: root, rel }))
            }
        }
    }
}

impl Iterator for Walk {
    type Item = Result<Input, WalkError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some(level) = self.stack.last_mut() else {
                if self.roots.len() == 0 {
                    return None;
                }
                match self.next_root() {
                    Some(r) => return Some(r),
                    None => continue,
                }
            };
            let Some((name, is_dir)) = level.entries.next() else {
                self.stack.pop();
                continue;
            };
            let path = level.dir.join(&name);
            let rel = level.rel.join(&name);
            if is_dir {
                if self.filters.enters_folder(&rel, &path) {
                    if let Err(e) = self.open(path, rel) {
                        return Some(Err(e));
                    }
                }
            } else if self.filters.takes_file(&rel) {
                return Some(Ok(Input { path, rel }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        for f in [
            "b.txt",
            "a.json",
            "notes.tsv",
            ".hidden.txt",
            "sub/z.xml",
            "sub/deeper/y.md",
            "drafts/x.txt",
            ".git/config.txt",
        ] {
            let p = d.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        d
    }

    fn rels(paths: &[PathBuf], f: &Filters) -> Vec<String> {
        walk(paths, f)
            .map(|r| r.unwrap().rel.to_string_lossy().replace('\\', "/"))
            .collect()
    }

    #[test]
    fn walks_sorted_recursive_skipping_hidden_and_unknown_extensions() {
        let d = tree();
        let f = Filters::new(&[], &[]).unwrap();
        assert_eq!(
            rels(&[d.path().to_path_buf()], &f),
            [
                "a.json",
                "b.txt",
                "drafts/x.txt",
                "sub/deeper/y.md",
                "sub/z.xml"
            ]
        );
    }

    #[test]
    fn include_and_exclude_globs() {
        let d = tree();
        let f = Filters::new(&["*.txt".into(), "*.tsv".into()], &["drafts".into()]).unwrap();
        assert_eq!(rels(&[d.path().to_path_buf()], &f), ["b.txt", "notes.tsv"]);
        let f = Filters::new(&[], &["sub/**/*.md".into()]).unwrap();
        assert!(!rels(&[d.path().to_path_buf()], &f).contains(&"sub/deeper/y.md".to_string()));
    }

    #[test]
    fn skips_a_folder_and_takes_named_files_whatever_their_extension() {
        let d = tree();
        let f = Filters::new(&[], &[])
            .unwrap()
            .skipping(&d.path().join("sub"));
        let roots = [d.path().join("notes.tsv"), d.path().to_path_buf()];
        assert_eq!(
            rels(&roots, &f),
            ["notes.tsv", "a.json", "b.txt", "drafts/x.txt"]
        );
    }

    #[test]
    fn a_missing_root_is_an_error_in_its_place() {
        let d = tree();
        let f = Filters::new(&[], &[]).unwrap();
        let roots = [d.path().join("nope"), d.path().join("b.txt")];
        let got: Vec<_> = walk(&roots, &f).collect();
        assert_eq!(got.len(), 2);
        assert!(got[0].as_ref().unwrap_err().path.ends_with("nope"));
        assert_eq!(got[1].as_ref().unwrap().path, d.path().join("b.txt"));
    }

    #[test]
    fn a_bad_glob_is_refused() {
        assert!(Filters::new(&["a[".into()], &[]).is_err());
    }
}
