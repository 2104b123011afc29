//! What `pith batch` reads: its arguments turned into a stream of [`Job`]s, one per page,
//! in a stable order.
//!
//! * a folder: its `*.html` / `*.htm` entries (any case), sorted by path; with
//!   `--recursive`, also those of its subfolders (symbolic links to folders are not
//!   followed, so a link loop cannot trap the walk). Every entry with such a name is a
//!   page, even one that turns out unreadable (it then gets an error record, so nothing
//!   named like a page disappears silently);
//! * `*.warc`, `*.warc.gz` (and `-`, standard input): a WARC archive, read record by
//!   record; each HTML `response` record is a page, and each damaged stretch of the
//!   archive one failed job (`warc.rs` reads on past it);
//! * any other file: a page.
//!
//! Files are read by the workers (in parallel); archives are read here, on the calling
//! thread, since a compressed stream can only be read in order.

use crate::http;
use crate::progress::Progress;
use crate::warc;
use std::cell::Cell;
use std::collections::VecDeque;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Largest HTTP head read to decide whether a record too large to extract is a page.
const HEAD_PEEK_BYTES: u64 = 1 << 16;

/// One page to extract.
pub(crate) enum Job {
    /// A page file, read by the worker.
    File { id: String, path: PathBuf },
    /// A stored HTTP response with an HTML payload, from an archive.
    Response {
        id: String,
        url: Option<String>,
        /// The whole record block: HTTP head and body.
        block: Vec<u8>,
    },
    /// A page known to have failed before extraction.
    Failed {
        id: String,
        url: Option<String>,
        error: String,
    },
    /// A damaged stretch of an archive (see `warc::Damage`): one error line.
    Damaged {
        id: String,
        url: Option<String>,
        error: String,
    },
}

/// Counts kept while reading, for the summary.
#[derive(Default)]
pub(crate) struct Tally {
    /// `response` records that are not HTML (images, scripts, PDFs…).
    pub(crate) non_html: Cell<u64>,
    /// Records of other types (`warcinfo`, `request`, `metadata`, `revisit`…).
    pub(crate) other_records: Cell<u64>,
    /// Inputs that could not be read to the end: pages may be missing.
    pub(crate) damaged: Cell<u64>,
    /// Damaged stretches of archives that were read on past (one error line each).
    pub(crate) damaged_records: Cell<u64>,
    /// Bytes passed over in them.
    pub(crate) skipped_bytes: Cell<u64>,
}

/// One command-line input.
enum Input {
    Folder(PathBuf),
    Archive(PathBuf),
    Page(PathBuf),
}

/// The jobs of all inputs, in order.
pub(crate) struct Jobs<'a> {
    inputs: VecDeque<Input>,
    recursive: bool,
    /// Largest page accepted from an archive.
    max_bytes: u64,
    current: Current,
    tally: &'a Tally,
    progress: &'a Progress,
}

enum Current {
    Idle,
    Pages(std::vec::IntoIter<Job>),
    Archive {
        name: String,
        reader: Box<warc::Reader<Box<dyn Read + Send>>>,
    },
}

/// Whether a path names an archive.
pub(crate) fn is_archive(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    name == "-" || name.ends_with(".warc") || name.ends_with(".warc.gz")
}

impl<'a> Jobs<'a> {
    pub(crate) fn new(
        paths: &[PathBuf],
        recursive: bool,
        max_bytes: u64,
        tally: &'a Tally,
        progress: &'a Progress,
    ) -> Self {
        let inputs = paths
            .iter()
            .map(|p| {
                if p.is_dir() {
                    Input::Folder(p.clone())
                } else if is_archive(p) {
                    Input::Archive(p.clone())
                } else {
                    Input::Page(p.clone())
                }
            })
            .collect();
        Jobs {
            inputs,
            recursive,
            max_bytes,
            current: Current::Idle,
            tally,
            progress,
        }
    }

    /// The total size of the archive files named, when any archive is named; 0 when that
    /// is unknown (standard input).
    pub(crate) fn archive_bytes(paths: &[PathBuf]) -> Option<u64> {
        let archives: Vec<&PathBuf> = paths.iter().filter(|p| is_archive(p)).collect();
        if archives.is_empty() {
            return None;
        }
        if archives.iter().any(|p| p.as_os_str() == "-") {
            return Some(0);
        }
        Some(
            archives
                .iter()
                .filter_map(|p| fs::metadata(p).ok())
                .map(|m| m.len())
                .sum(),
        )
    }

    fn damaged(&self, message: String) {
        self.tally.damaged.set(self.tally.damaged.get() + 1);
        self.progress.println(&format!("pith: {message}"));
    }

    fn start(&mut self, input: Input) {
        self.current = match input {
            Input::Page(path) => {
                let id = stem(&path);
                self.progress.add_pages(1);
                Current::Pages(vec![Job::File { id, path }].into_iter())
            }
            Input::Folder(dir) => match list(&dir, self.recursive) {
                Ok(pages) => {
                    self.progress.add_pages(pages.len() as u64);
                    Current::Pages(pages.into_iter())
                }
                Err(e) => {
                    self.damaged(format!(
                        "cannot list folder {}: {e}; its pages were skipped",
                        dir.display()
                    ));
                    Current::Idle
                }
            },
            Input::Archive(path) => {
                let name = path.display().to_string();
                let opened = if name == "-" {
                    warc::open(self.progress.wrap_read(io::stdin()))
                } else {
                    fs::File::open(&path).and_then(|f| warc::open(self.progress.wrap_read(f)))
                };
                match opened {
                    Ok(reader) => Current::Archive {
                        name,
                        reader: Box::new(reader),
                    },
                    Err(e) => {
                        self.damaged(format!(
                            "cannot read archive {name}: {}",
                            crate::describe_io(&e)
                        ));
                        Current::Idle
                    }
                }
            }
        };
    }

    /// The next HTML response or damaged stretch of the current archive; `None` at its end
    /// (or when it cannot be read on, which is reported).
    fn next_response(&mut self) -> Option<Job> {
        let Current::Archive { name, reader } = &mut self.current else {
            return None;
        };
        let name = name.clone();
        match next_response(reader, &name, self.max_bytes, self.tally) {
            Ok(Some(job)) => {
                if let Job::Damaged { error, .. } = &job {
                    self.progress
                        .println(&format!("pith: archive {name}: {error}"));
                }
                Some(job)
            }
            Ok(None) => None,
            Err(error) => {
                self.damaged(format!(
                    "archive {name}: {error}; the rest of it was skipped"
                ));
                self.current = Current::Idle;
                None
            }
        }
    }
}

impl Iterator for Jobs<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            let job = match &mut self.current {
                Current::Idle => None,
                Current::Pages(pages) => pages.next(),
                Current::Archive { .. } => self.next_response(),
            };
            if job.is_some() {
                return job;
            }
            self.current = Current::Idle;
            let input = self.inputs.pop_front()?;
            self.start(input);
        }
    }
}

/// Reads records until an HTML response or a damaged stretch. `Ok(None)` at the end of
/// the archive; an error when it cannot be read on.
fn next_response<R: Read>(
    reader: &mut warc::Reader<R>,
    archive: &str,
    max_bytes: u64,
    tally: &Tally,
) -> Result<Option<Job>, warc::Error> {
    let bump = |c: &Cell<u64>, n: u64| c.set(c.get() + n);
    // Only response blocks are read; one too large to extract is read far enough to say
    // whether it is a page.
    let keep = |header: &warc::Header| match header.warc_type.as_str() {
        "response" if header.content_length > max_bytes + HEAD_PEEK_BYTES => HEAD_PEEK_BYTES,
        "response" => header.content_length,
        _ => 0,
    };
    loop {
        let record = match reader.next(keep)? {
            None => return Ok(None),
            Some(warc::Item::Damaged(damage)) => {
                bump(&tally.damaged_records, 1);
                bump(&tally.skipped_bytes, damage.skipped);
                let id = damage
                    .record_id
                    .clone()
                    .unwrap_or_else(|| format!("{archive}@{}", damage.offset));
                return Ok(Some(Job::Damaged {
                    id,
                    url: damage.target_uri.clone(),
                    error: damage.to_string(),
                }));
            }
            Some(warc::Item::Record(record)) => record,
        };
        let header = record.header;
        if header.warc_type != "response" {
            bump(&tally.other_records, 1);
            continue;
        }
        let url = header.target_uri.clone();
        let id = header
            .record_id
            .clone()
            .or_else(|| url.clone())
            .unwrap_or_else(|| format!("record-{}", record.number));
        match http::parse(&record.block) {
            Some(response) if response.is_html() => {}
            _ => {
                bump(&tally.non_html, 1);
                continue;
            }
        }
        if header.content_length > max_bytes + HEAD_PEEK_BYTES {
            return Ok(Some(Job::Failed {
                id,
                url,
                error: format!(
                    "the response is {} bytes, over the limit of {max_bytes}",
                    header.content_length
                ),
            }));
        }
        return Ok(Some(Job::Response {
            id,
            url,
            block: record.block,
        }));
    }
}

/// The pages of a folder, sorted by path (see the module doc).
fn list(dir: &Path, recursive: bool) -> io::Result<Vec<Job>> {
    let mut pages: Vec<(String, PathBuf)> = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder)? {
            let entry = entry?;
            let path = entry.path();
            if is_page_name(&path) {
                let relative = path.strip_prefix(dir).unwrap_or(&path);
                pages.push((page_id(relative), path));
            } else if recursive && entry.file_type()?.is_dir() {
                folders.push(path);
            }
        }
    }
    pages.sort();
    Ok(pages
        .into_iter()
        .map(|(id, path)| Job::File { id, path })
        .collect())
}

fn is_page_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("html") || x.eq_ignore_ascii_case("htm"))
}

/// `2024/abc.html` → `2024/abc`, with `/` on every platform.
fn page_id(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.push(stem(relative));
    parts.join("/")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stems_with_their_subfolders() {
        assert_eq!(page_id(Path::new("abc.html")), "abc");
        assert_eq!(page_id(Path::new("2024/05/abc.htm")), "2024/05/abc");
        assert_eq!(page_id(Path::new("a.b.html")), "a.b");
    }

    #[test]
    fn page_names_are_html_or_htm_in_any_case() {
        assert!(is_page_name(Path::new("x/A.HTML")));
        assert!(is_page_name(Path::new("b.htm")));
        assert!(!is_page_name(Path::new("c.txt")));
        assert!(!is_page_name(Path::new("html")));
    }

    #[test]
    fn archives_are_named_warc_or_warc_gz() {
        assert!(is_archive(Path::new("CC-MAIN-1.warc.gz")));
        assert!(is_archive(Path::new("x.WARC")));
        assert!(is_archive(Path::new("-")));
        assert!(!is_archive(Path::new("x.html")));
        assert!(!is_archive(Path::new("x.gz")));
    }
}
