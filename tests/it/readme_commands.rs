//! Every `unletters` command the README shows, run as a newcomer would: in a scratch folder that
//! holds only the repository's `tests/fixtures`, in the README's order (a later example reads what
//! an earlier one wrote), each with the exit code its comment promises (0 when it says none).
//! Synopsis lines (`PATH...`, `[--jobs N]`) are not commands and are skipped; `cargo` and `pip`
//! lines are the build's business (`.ci/run` runs them).

use std::path::{Path, PathBuf};
use std::process::Command;

/// One command from the README: the shell line and the exit code it promises.
#[derive(Debug)]
struct Example {
    line: String,
    exit: i32,
}

/// The commands of the README's indented (not fenced) code blocks that run `unletters`,
/// continuation lines joined.
fn examples(readme: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut lines = readme.lines();
    let mut fenced = false;
    while let Some(line) = lines.next() {
        // Fenced blocks hold files (YAML, TOML, Python), not shell commands.
        if line.starts_with("```") {
            fenced = !fenced;
        }
        let Some(command) = line.strip_prefix("    ").filter(|_| !fenced) else {
            continue;
        };
        let mut command = command.to_string();
        while command.trim_end().ends_with('\\') {
            let Some(next) = lines.next() else { break };
            command = format!(
                "{} {}",
                command.trim_end().trim_end_matches('\\').trim_end(),
                next.trim()
            );
        }
        let runs_us = command.starts_with("unletters ") || command.contains("| unletters ");
        let synopsis = command.contains("PATH...") || command.contains(" [");
        if !runs_us || synopsis {
            continue;
        }
        let (shell, comment) = match command.split_once(" # ") {
            Some((shell, comment)) => (shell.trim_end().to_string(), comment.trim().to_string()),
            None => (command.trim_end().to_string(), String::new()),
        };
        let exit = comment
            .strip_prefix("exit ")
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        out.push(Example { line: shell, exit });
    }
    out
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("scratch folder");
    for entry in std::fs::read_dir(from).expect("fixtures") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copied");
        }
    }
}

#[test]
fn every_readme_command_runs_from_a_scratch_folder() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(repo.join("README.md")).expect("README.md");
    let examples = examples(&readme);
    assert!(
        examples.len() >= 15,
        "the README shows more commands than were found: {examples:#?}"
    );
    let scratch = tempfile::tempdir().expect("scratch folder");
    let dir = scratch.path();
    copy_tree(&repo.join("tests/fixtures"), &dir.join("tests/fixtures"));
    // Where the completion and man page examples write: a home of the newcomer's own, with the
    // folders their shells already have.
    let home = dir.join("home");
    for folder in [
        ".local/share/bash-completion/completions",
        ".zfunc",
        ".config/fish/completions",
        ".config/elvish",
    ] {
        std::fs::create_dir_all(home.join(folder)).expect("home folders");
    }
    let bin: PathBuf = Path::new(env!("CARGO_BIN_EXE_unletters"))
        .parent()
        .expect("the binary's folder")
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    for example in &examples {
        let o = Command::new("sh")
            .arg("-c")
            .arg(&example.line)
            .current_dir(dir)
            .env("PATH", &path)
            .env("HOME", &home)
            .env("PROFILE", home.join("profile.ps1"))
            .env_remove("NO_COLOR")
            .output()
            .expect("run sh");
        assert_eq!(
            o.status.code(),
            Some(example.exit),
            "README: `{}`\nstdout: {}\nstderr: {}",
            example.line,
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // What the examples say they write is there.
    for written in [
        "letter.xml",
        "letter.html",
        "out/index.html",
        "report.jsonl",
        "changes.html",
    ] {
        assert!(dir.join(written).is_file(), "{written} was not written");
    }
    assert!(
        home.join(".local/share/man/man1/unletters-convert.1")
            .is_file()
    );
}

#[test]
fn synopsis_and_comments_are_told_apart() {
    let readme = "```yaml\n    unletters validate letters/\n```\n    unletters convert a.txt --to json   # exit 1, says why\n    unletters convert PATH... --to akn\n    cargo test\n    unletters convert x \\\n        --to akn\n";
    let found = examples(readme);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].line, "unletters convert a.txt --to json");
    assert_eq!(found[0].exit, 1);
    assert_eq!(found[1].line, "unletters convert x --to akn");
    assert_eq!(found[1].exit, 0);
}
