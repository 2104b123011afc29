//! The `pith` command: extract one page, or many — folders, files, WARC archives — as
//! JSON lines.
//!
//! One module per command (`page.rs`, `batch.rs`); a new command is a module with an
//! `Args` struct and a `run` function, plus one variant of [`Command`] and one arm in
//! `main`. Shared pieces: `record.rs` (the JSON record), `source.rs` (inputs to pages),
//! `warc.rs` and `http.rs` (archives), `ordered.rs` (the ordered parallel map),
//! `progress.rs`, `score.rs` (the shared benchmark metrics, for `pith eval`).

mod batch;
mod eval;
mod http;
mod ordered;
mod page;
mod progress;
mod record;
mod score;
mod source;
mod warc;

use clap::{Parser, Subcommand, ValueEnum};
use pith::{Focus, Options};
use std::io;
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  pith article.html                  title and text
  pith article.html --format json    one JSON object (the record `pith batch` writes)
  pith article.html -f markdown      Markdown with headings, lists, tables and code
  pith article.html --explain        why each block was kept or dropped
  curl -s https://example.com/a | pith - --url https://example.com/a
  pith batch pages/ -o pages.jsonl   a folder of pages to JSON lines
  pith batch crawl.warc.gz           a WARC archive to JSON lines
  pith eval corpus                   score against a labelled dataset

Exit status:
  0  extracted (an empty article is not an error)
  1  the page could not be read, or is not HTML
  2  bad arguments, or the output could not be written
`pith batch --help` describes the batch inputs, output and exit status.";

#[derive(Parser)]
#[command(
    name = "pith",
    version,
    about = "Extract the main article (text and metadata) from saved web pages",
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true,
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    page: page::PageArgs,
    #[command(flatten)]
    common: Common,
}

/// Options every command takes.
#[derive(clap::Args)]
struct Common {
    /// Which way to lean when a block could be article or boilerplate.
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced, global = true)]
    focus: FocusArg,
    /// Gather reader comments (author, date, text) into a `comments` array; the article
    /// text never holds them.
    #[arg(long, global = true)]
    comments: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Extract many pages (folders, files, WARC archives) to JSON lines, in parallel.
    #[command(after_help = batch::AFTER_HELP)]
    Batch(batch::BatchArgs),
    /// Score pith on a labelled dataset (html/<id>.html + truth.jsonl) with the shared
    /// benchmark metrics; list the worst pages; explain one page's blocks.
    #[command(after_help = eval::AFTER_HELP)]
    Eval(eval::EvalArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum FocusArg {
    /// Fewer stray lines, some article lines lost.
    Precision,
    /// The default trade-off.
    Balanced,
    /// The whole article, some noise.
    Recall,
}

/// How a run ended; the process exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Exit {
    /// Every page was extracted.
    Success = 0,
    /// Some page could not be extracted (and was reported).
    PagesFailed = 1,
    /// Bad arguments, or an input or the output could not be read or written to the end.
    Trouble = 2,
}

/// Why a command stopped.
pub(crate) enum Failure {
    /// Said on standard error; exit status 2.
    Message(String),
    /// Standard output was closed by its reader (`pith … | head`): stop quietly.
    BrokenPipe,
}

impl Failure {
    /// A failed write to standard output.
    fn from_output(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Message(format!("cannot write the output: {}", describe_io(&e)))
        }
    }
}

/// An I/O error in words that say what to do, without the `(os error N)` suffix.
pub(crate) fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file; check the path".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text.get(..i).unwrap_or(&text).to_string(),
                None => text,
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = Options::default()
        .focus(match cli.common.focus {
            FocusArg::Precision => Focus::Precision,
            FocusArg::Balanced => Focus::Balanced,
            FocusArg::Recall => Focus::Recall,
        })
        .comments(cli.common.comments);
    let outcome = match cli.command {
        Some(Command::Batch(args)) => batch::run(args, options),
        Some(Command::Eval(args)) => eval::run(args, options),
        None => page::run(cli.page, options),
    };
    let exit = match outcome {
        Ok(exit) => exit,
        Err(Failure::BrokenPipe) => Exit::Success,
        Err(Failure::Message(message)) => {
            eprintln!("pith: {message}");
            Exit::Trouble
        }
    };
    ExitCode::from(exit as u8)
}
