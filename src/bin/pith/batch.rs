//! `pith batch`: many pages — folders, files, WARC archives — to JSON lines, in parallel.
//!
//! Every page gives exactly one line, in input order whatever `--jobs` is: a page that
//! fails gives a record with an `error` field, and the batch goes on. Output is streamed:
//! at most a small window of pages per thread is held in memory (see `ordered.rs`).

use crate::ordered;
use crate::progress::Progress;
use crate::record::{self, Source};
use crate::source::{Job, Jobs, Tally};
use crate::{Exit, Failure, describe_io, http};
use clap::{Args, ValueEnum};
use pith::{Article, DEFAULT_MAX_INPUT_BYTES, Extractor, Options};
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Pages handed to the pool per thread before the oldest must be written: enough that a
/// slow page rarely idles the other threads, small enough that memory stays bounded
/// (16 pages × a few hundred KB each per thread).
const WINDOW_PER_THREAD: usize = 16;

pub(crate) const AFTER_HELP: &str = "\
Inputs:
  FOLDER           its *.html and *.htm pages, sorted by name (--recursive: subfolders too)
  FILE.warc[.gz]   a WARC archive (gzip per record or whole, or plain): its HTML
                   response records; other records are counted and skipped
  -                a WARC archive on standard input
  FILE             any other file is one page

Output: one JSON object per line and per page, in input order:
  {\"id\", \"url\", \"title\", \"text\", \"byline\", \"published\", \"language\", \"site_name\",
   \"description\", \"canonical_url\", \"charset\", \"charset_source\", \"error\"?, \"seconds\"}
  id: the file stem (the path below the folder with --recursive), or for WARC records
  the WARC-Record-ID; url: the record's WARC-Target-URI; error: only on failed pages.

Damaged archives: a damaged stretch of a WARC archive (a gzip member that does not
decode, a Content-Length that disagrees with its member or with the next record, bytes
that are not a record, the archive cut short) gives one line with \"error\" (the record's
id when its header was read, else ARCHIVE@OFFSET; the offset; what was wrong), and
reading goes on with the next sound record.

Exit status:
  0  every page was extracted
  1  some pages failed or some archive records were damaged (their lines carry \"error\")
  2  bad arguments, or an input or the output could not be read or written at all or to
     the end (pages may be missing; stderr says which)

Examples:
  pith batch pages/ > pages.jsonl
  pith batch -r site-mirror/ -o site.jsonl --jobs 4
  pith batch CC-MAIN-20240101-00000.warc.gz -o cc.jsonl
  cat part-1.warc.gz part-2.warc.gz | pith batch - | head
  pith batch pages/ | jq -r 'select(.error) | .id'";

/// `pith batch` arguments.
#[derive(Args)]
pub(crate) struct BatchArgs {
    /// Folders of pages, page files, WARC archives (.warc, .warc.gz), or `-` for a WARC
    /// archive on standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Write the JSON lines to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Pages extracted at once [default: the number of CPU cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = BatchFormat::Jsonl)]
    format: BatchFormat,
    /// Also read the pages in subfolders of folders.
    #[arg(short, long)]
    recursive: bool,
    /// No progress bar and no summary (errors are still printed).
    #[arg(short, long)]
    quiet: bool,
}

/// How `pith batch` writes pages.
#[derive(Clone, Copy, ValueEnum)]
enum BatchFormat {
    /// One JSON object per line (JSON Lines).
    #[value(alias = "json")]
    Jsonl,
}

/// One page's output.
struct Done {
    line: String,
    failed: bool,
    /// The line reports a damaged stretch of an archive, not a page.
    damaged: bool,
}

/// Runs a batch (see the module doc).
pub(crate) fn run(args: BatchArgs, options: Options) -> Result<Exit, Failure> {
    let BatchFormat::Jsonl = args.format;
    for input in &args.inputs {
        if input.as_os_str() != "-" && !input.exists() {
            return Err(Failure::Message(format!(
                "no such file or folder: {}",
                input.display()
            )));
        }
    }
    if args.inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Failure::Message(
            "`-` (standard input) can be given only once".into(),
        ));
    }
    let threads = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("pith-{i}"))
        .build()
        .map_err(|e| Failure::Message(format!("cannot start {threads} threads: {e}")))?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(fs::File::create(path).map_err(|e| {
            Failure::Message(format!(
                "cannot create {}: {}",
                path.display(),
                describe_io(&e)
            ))
        })?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };

    let started = Instant::now();
    let tally = Tally::default();
    let progress = Progress::new(
        !args.quiet && io::stderr().is_terminal(),
        Jobs::archive_bytes(&args.inputs),
    );
    let max_bytes = DEFAULT_MAX_INPUT_BYTES as u64;
    let jobs = Jobs::new(&args.inputs, args.recursive, max_bytes, &tally, &progress);
    let (mut pages, mut failed) = (0u64, 0u64);
    let written = ordered::map(
        &pool,
        jobs,
        threads * WINDOW_PER_THREAD,
        |job| process(job, &options),
        |done: Done| {
            writeln!(out, "{}", done.line)?;
            // A damaged stretch is counted apart (the tally), not as a page.
            pages += u64::from(!done.damaged);
            failed += u64::from(done.failed && !done.damaged);
            progress.page_done();
            Ok(())
        },
    )
    .and_then(|()| out.flush());
    progress.finish();
    let broken_pipe = match written {
        Ok(()) => false,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            let to = args
                .output
                .as_deref()
                .map_or("standard output".to_string(), |p| p.display().to_string());
            return Err(Failure::Message(format!(
                "cannot write to {to}: {}",
                describe_io(&e)
            )));
        }
    };
    // The reader went away (`pith batch … | head`): that is how the user asked to stop.
    if !broken_pipe && !args.quiet {
        eprintln!(
            "{}",
            summary(pages, failed, &tally, started.elapsed().as_secs_f64())
        );
    }
    Ok(if tally.damaged.get() > 0 {
        Exit::Trouble
    } else if failed > 0 || tally.damaged_records.get() > 0 {
        Exit::PagesFailed
    } else {
        Exit::Success
    })
}

fn summary(pages: u64, failed: u64, tally: &Tally, seconds: f64) -> String {
    let rate = if seconds > 0.0 {
        pages as f64 / seconds
    } else {
        0.0
    };
    let mut s =
        format!("pith: {pages} pages in {seconds:.2} s ({rate:.1} pages/s), {failed} failed");
    let (non_html, other) = (tally.non_html.get(), tally.other_records.get());
    if non_html + other > 0 {
        s.push_str(&format!(
            "; skipped {non_html} non-HTML responses and {other} other WARC records"
        ));
    }
    let records = tally.damaged_records.get();
    if records > 0 {
        let plural = if records == 1 { "" } else { "s" };
        s.push_str(&format!(
            "; {records} damaged record{plural}, {} bytes skipped (their lines carry \"error\")",
            tally.skipped_bytes.get()
        ));
    }
    let damaged = tally.damaged.get();
    if damaged > 0 {
        s.push_str(&format!(
            "; {damaged} inputs could not be read to the end (see above)"
        ));
    }
    s
}

/// Extracts one page; never panics (a panic inside the extractor becomes the page's
/// error, so the batch goes on and the page keeps its line).
fn process(job: Job, options: &Options) -> Done {
    let started = Instant::now();
    let damaged = matches!(job, Job::Damaged { .. });
    let (id, url, result) = match job {
        Job::File { id, path } => {
            let result = read_page(&path).and_then(|bytes| {
                guarded(|| {
                    Extractor::new(options.clone())
                        .extract_vec(bytes, None)
                        .map_err(|e| e.to_string())
                })
            });
            (id, None, result)
        }
        Job::Response { id, url, block } => {
            let result = guarded(|| response(&block, url.as_deref(), options));
            (id, url, result)
        }
        Job::Failed { id, url, error } | Job::Damaged { id, url, error } => (id, url, Err(error)),
    };
    let source = Source {
        id: Some(&id),
        url: url.as_deref(),
    };
    let line = record::line(&source, &result, started.elapsed().as_secs_f64());
    Done {
        line,
        failed: result.is_err(),
        damaged,
    }
}

/// A stored HTTP response to an article: payload decoded, charset from the response's
/// `Content-Type`, base URL from the record's target URI.
fn response(block: &[u8], url: Option<&str>, options: &Options) -> Result<Article, String> {
    let response = http::parse(block).ok_or("the record is not an HTTP response")?;
    let body = http::decode_body(
        response.body,
        response.transfer_encoding.as_deref(),
        response.content_encoding.as_deref(),
        DEFAULT_MAX_INPUT_BYTES,
    )?;
    let options = match url {
        Some(url) => options.clone().base_url(url),
        None => options.clone(),
    };
    Extractor::new(options)
        .extract_vec(body, response.content_type.as_deref())
        .map_err(|e| e.to_string())
}

/// Reads a page file, refusing files too large to extract before reading them.
fn read_page(path: &Path) -> Result<Vec<u8>, String> {
    let fail = |e: io::Error| format!("cannot read {}: {}", path.display(), describe_io(&e));
    let mut file = fs::File::open(path).map_err(fail)?;
    let size = file.metadata().map_err(fail)?.len();
    if size > DEFAULT_MAX_INPUT_BYTES as u64 {
        return Err(format!(
            "{} is {size} bytes, over the limit of {DEFAULT_MAX_INPUT_BYTES}",
            path.display()
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(fail)?;
    Ok(bytes)
}

fn guarded(f: impl FnOnce() -> Result<Article, String>) -> Result<Article, String> {
    panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(format!(
            "pith crashed on this page ({message}); this is a bug: please report it with the page"
        ))
    })
}
