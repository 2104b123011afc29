//! The `pith` command: extract one page, or a folder of pages as JSON lines.

use clap::{Parser, Subcommand, ValueEnum};
use pith::{Extractor, Focus, Options};
use rayon::prelude::*;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "pith",
    version,
    about = "Extract the main article from web pages"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The page to read (`-` for standard input).
    input: Option<PathBuf>,
    #[command(flatten)]
    common: Common,
    /// Print every block with its features, label and the rule that decided it.
    #[arg(long)]
    explain: bool,
    /// With --explain: one JSON object per block instead of text.
    #[arg(long, requires = "explain")]
    json: bool,
    /// Output format for one page: the title and text, Markdown, clean HTML, or the whole
    /// article (text, blocks with their structure, metadata, fingerprint) as JSON.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Markdown,
    Html,
    Json,
}

#[derive(clap::Args, Clone)]
struct Common {
    /// Precision/recall trade-off.
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced, global = true)]
    focus: FocusArg,
    /// The page's address: relative links, images and the canonical URL resolve against it.
    #[arg(long, global = true)]
    base_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Extract every `*.html` page of a folder, one JSON line per page.
    Batch {
        /// Folder of pages.
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = BatchFormat::Jsonl)]
        format: BatchFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FocusArg {
    Precision,
    Balanced,
    Recall,
}

#[derive(Clone, Copy, ValueEnum)]
enum BatchFormat {
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = Options::default().focus(match cli.common.focus {
        FocusArg::Precision => Focus::Precision,
        FocusArg::Balanced => Focus::Balanced,
        FocusArg::Recall => Focus::Recall,
    });
    let options = match cli.common.base_url {
        Some(url) => options.base_url(url),
        None => options,
    };
    let extractor = Extractor::new(options);
    let result = match cli.command {
        Some(Command::Batch { dir, format: _ }) => batch(&extractor, &dir),
        None => match cli.input {
            Some(input) => single(&extractor, &input, cli.explain, cli.json, cli.format),
            None => {
                Err("no input: give a page file, `-` for standard input, or `batch DIR`".into())
            }
        },
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pith: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()).into())
}

fn single(
    extractor: &Extractor,
    path: &Path,
    explain: bool,
    json: bool,
    format: OutputFormat,
) -> Result<ExitCode> {
    let bytes = read_input(path)?;
    let mut out = io::stdout().lock();
    if explain {
        let text = String::from_utf8_lossy(&bytes);
        let why = extractor.explain(&text);
        if json {
            for b in &why.blocks {
                let line = serde_json::json!({
                    "text": b.text, "kept": b.kept, "first_label": b.first_label,
                    "rule": b.rule, "length": b.length, "words": b.words,
                    "link_density": b.link_density, "stopword_density": b.stopword_density,
                    "sentence_ends": b.sentence_ends, "hints": b.hints, "path": b.path,
                });
                writeln!(out, "{line}")?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        writeln!(out, "region: {}", why.region)?;
        writeln!(
            out,
            "language: {} (stopword share {:.2})",
            why.language.as_deref().unwrap_or("-"),
            why.stopword_share
        )?;
        for (i, b) in why.blocks.iter().enumerate() {
            let preview: String = b.text.chars().take(70).collect();
            writeln!(
                out,
                "{i:4} {} {:9} len={:<5} ld={:.2} sw={} [{}] {} | {}\n     {}",
                if b.kept { "KEEP" } else { "drop" },
                b.first_label,
                b.length,
                b.link_density,
                b.stopword_density.map_or("-".into(), |d| format!("{d:.2}")),
                b.hints.join(","),
                b.rule,
                preview.replace('\n', " "),
                b.path
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let article = extractor.extract_bytes(&bytes, None)?;
    match format {
        OutputFormat::Text => {
            if !article.title.is_empty() {
                writeln!(out, "{}\n", article.title)?;
            }
            writeln!(out, "{}", article.text)?;
        }
        OutputFormat::Markdown => write!(out, "{}", article.to_markdown())?,
        OutputFormat::Html => write!(out, "{}", article.to_html())?,
        OutputFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&article)?)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn batch(extractor: &Extractor, dir: &Path) -> Result<ExitCode> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html" || x == "htm"))
        .collect();
    files.sort();
    let lines: Vec<(String, bool)> = files
        .par_iter()
        .map(|path| {
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let started = std::time::Instant::now();
            let result = std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| extractor.extract_bytes(&bytes, None).map_err(|e| e.to_string()));
            let seconds = started.elapsed().as_secs_f64();
            match result {
                Ok(a) => (
                    serde_json::json!({"id": id, "title": a.title, "text": a.text, "seconds": seconds})
                        .to_string(),
                    true,
                ),
                Err(e) => (
                    serde_json::json!({"id": id, "text": "", "error": e, "seconds": seconds})
                        .to_string(),
                    false,
                ),
            }
        })
        .collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = 0;
    for (line, ok) in &lines {
        writeln!(out, "{line}")?;
        if !ok {
            failed += 1;
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
