//! The progress bar of a batch run: on stderr, only when stderr is a terminal; silent otherwise,
//! so logs and pipes get the summary alone.

use std::io::IsTerminal as _;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// A progress bar, or nothing.
#[derive(Debug, Clone)]
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar when stderr is a terminal. The number of inputs is not known up front (the walk
    /// streams); [`Progress::set_total`] gives it once a counting walk is done.
    pub fn new() -> Progress {
        if !std::io::stderr().is_terminal() || crate::app::report_error::quiet() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} ({rate}) {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        // indicatif's own {per_sec} prints four decimals (`217.5056/s`).
        .with_key(
            "rate",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0} files/s", state.per_sec());
            },
        );
        bar.set_style(style);
        Progress { bar: Some(bar) }
    }

    /// No bar.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    /// Whether a bar is shown.
    pub fn shown(&self) -> bool {
        self.bar.is_some()
    }

    /// Sets the number of inputs.
    pub fn set_total(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.set_length(n);
        }
    }

    /// One more input done.
    pub fn inc(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    /// Prints a line on stderr above the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(b) => b.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress::new()
    }
}
