//! The progress bar of `pith batch`, on standard error when it is a terminal.
//!
//! Counting pages when the inputs are files and folders (the total grows as folders are
//! listed); counting compressed bytes when an archive is read, since the number of pages
//! in an archive is unknown until it has been read. Hidden with `--quiet` or when
//! standard error is not a terminal, so logs and pipelines see only the summary.

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use std::fmt::Write;
use std::io::Read;
use std::time::Duration;

/// How often the bar is redrawn while no page finishes (a slow page, a slow disk).
const TICK: Duration = Duration::from_millis(200);

pub(crate) struct Progress {
    bar: ProgressBar,
    by_bytes: bool,
    pages: std::cell::Cell<u64>,
}

impl Progress {
    /// `archive_bytes`: the archives' total size when the inputs include archives.
    pub(crate) fn new(visible: bool, archive_bytes: Option<u64>) -> Self {
        let by_bytes = archive_bytes.is_some();
        let bar = if !visible {
            ProgressBar::hidden()
        } else {
            let (len, template) = match archive_bytes {
                // Standard input: size unknown.
                Some(0) => (None, "{spinner} {elapsed_precise} {bytes} read, {msg}"),
                Some(bytes) => (
                    Some(bytes),
                    "{spinner} {elapsed_precise} {wide_bar} {bytes}/{total_bytes} {msg} ({eta} left)",
                ),
                None => (
                    Some(0),
                    "{spinner} {elapsed_precise} {wide_bar} {pos}/{len} pages ({rate}, {eta} left)",
                ),
            };
            let bar = len.map_or_else(ProgressBar::no_length, ProgressBar::new);
            if let Ok(style) = ProgressStyle::with_template(template) {
                // indicatif's {per_sec} prints four decimals.
                bar.set_style(style.with_key(
                    "rate",
                    |state: &ProgressState, w: &mut dyn Write| {
                        let _ = write!(w, "{:.0} pages/s", state.per_sec());
                    },
                ));
            }
            bar.enable_steady_tick(TICK);
            bar
        };
        Progress {
            bar,
            by_bytes,
            pages: std::cell::Cell::new(0),
        }
    }

    /// More pages are known (a folder was listed).
    pub(crate) fn add_pages(&self, n: u64) {
        if !self.by_bytes {
            self.bar.inc_length(n);
        }
    }

    /// A page was written.
    pub(crate) fn page_done(&self) {
        self.pages.set(self.pages.get() + 1);
        if self.by_bytes {
            self.bar.set_message(format!("{} pages", self.pages.get()));
        } else {
            self.bar.inc(1);
        }
    }

    /// An archive stream that moves the bar as it is read.
    pub(crate) fn wrap_read<R: Read + Send + 'static>(&self, reader: R) -> Box<dyn Read + Send> {
        if self.by_bytes {
            Box::new(self.bar.wrap_read(reader))
        } else {
            Box::new(reader)
        }
    }

    /// Prints a line on standard error without tearing the bar.
    pub(crate) fn println(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
