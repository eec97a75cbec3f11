//! Shell integration: completion scripts for every shell clap_complete knows (the bash one loads
//! in bash and registers `unletters`), and man pages that `man -l` renders.

use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unletters"))
}

#[test]
fn completion_scripts_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = String::from_utf8(out.stdout).unwrap();
        for command in [
            "convert",
            "validate",
            "diff",
            "completions",
            "max-input-size",
        ] {
            assert!(script.contains(command), "{shell}: no {command}");
        }
    }
    let out = bin().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bash_loads_the_completion_script() {
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("skipping: no bash");
        return;
    }
    let dir = Path::new(env!("CARGO_BIN_EXE_unletters")).parent().unwrap();
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args([
            "-c",
            "source <(unletters completions bash); complete -p unletters",
        ])
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("complete ") && stdout.trim_end().ends_with(" unletters"),
        "{stdout}"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn man_pages_are_written_for_every_command_and_man_renders_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().arg("man").arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "unletters-completions.1",
            "unletters-convert.1",
            "unletters-diff.1",
            "unletters-export.1",
            "unletters-man.1",
            "unletters-validate.1",
            "unletters.1"
        ]
    );
    for page in &pages {
        let path = dir.path().join(page);
        let roff = std::fs::read_to_string(&path).unwrap();
        let name = page.trim_end_matches(".1");
        assert!(roff.contains(&format!(".TH {name} 1")), "{page}");
        assert!(
            roff.contains(".SH NAME") && roff.contains(".SH SYNOPSIS"),
            "{page}"
        );
    }
    let man = Command::new("man").arg("--version").output();
    if man.is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "man is required in CI (.ci/run installs man-db)"
        );
        eprintln!("skipping the man -l check: no man");
        return;
    }
    for page in &pages {
        let out = Command::new("man")
            .arg("-l")
            .arg(dir.path().join(page))
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .env("MANROFFOPT", "-ww")
            .output()
            .unwrap();
        assert!(out.status.success(), "{page}: {out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("NAME") && text.contains("SYNOPSIS"),
            "{page}: {text}"
        );
        // groff's warnings (-ww) would name a bad request or escape.
        assert!(
            out.stderr.is_empty(),
            "{page}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let convert = Command::new("man")
        .arg("-l")
        .arg(dir.path().join("unletters-convert.1"))
        .env("MANPAGER", "cat")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&convert.stdout);
    assert!(text.contains("--max-input-size"), "{text}");
}
