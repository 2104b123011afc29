//! `pith PAGE`: one page (a file, or `-` for standard input) to text or JSON, or its
//! blocks with the decision about each (`--explain`).

use crate::record::{self, Source};
use crate::source::is_archive;
use crate::{Exit, Failure, describe_io};
use clap::{Args, ValueEnum};
use pith::{Article, Explanation, Extractor, Options};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of the default command (one page).
#[derive(Args)]
pub(crate) struct PageArgs {
    /// The page to read: an HTML file, or `-` for standard input.
    #[arg(value_name = "PAGE")]
    input: Option<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The page's address: the base for its relative links, and `url` in JSON output.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Print every block with its features, its label and the rule that decided it.
    #[arg(long)]
    explain: bool,
    /// With --explain: one JSON object per block (same as --explain --format json).
    #[arg(long, requires = "explain")]
    json: bool,
}

/// What `pith PAGE` prints.
///
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The title, a blank line, then the article text, one block per line.
    Text,
    /// CommonMark: headings, lists, tables, code fences, quotes, links and images.
    Markdown,
    /// Clean HTML of the kept content only (no scripts, no event attributes).
    Html,
    /// One JSON object: the record `pith batch` writes for a page.
    Json,
    /// One JSON object: the whole article (blocks with their structure, metadata,
    /// fingerprint).
    Article,
}

/// Runs the single-page command.
pub(crate) fn run(args: PageArgs, options: Options) -> Result<Exit, Failure> {
    let Some(input) = args.input else {
        return Err(Failure::Message(
            "no page given: name an HTML file, `-` for standard input, or see `pith --help`".into(),
        ));
    };
    let is_stdin = input.as_os_str() == "-";
    if !is_stdin && input.is_dir() {
        return Err(Failure::Message(format!(
            "{} is a folder; use `pith batch {}` for folders",
            input.display(),
            input.display()
        )));
    }
    if !is_stdin && is_archive(&input) {
        return Err(Failure::Message(format!(
            "{} is a WARC archive; use `pith batch {}` for archives",
            input.display(),
            input.display()
        )));
    }
    let started = Instant::now();
    let bytes = match read(&input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("pith: cannot read {}: {}", name(&input), describe_io(&e));
            return Ok(Exit::PagesFailed);
        }
    };
    let options = match &args.url {
        Some(url) => options.base_url(url.as_str()),
        None => options,
    };
    let extractor = Extractor::new(options);
    let explained = args.explain.then(|| extractor.explain_bytes(&bytes, None));
    // The page is handed over so that its bytes are freed once the tree is built.
    let result = extractor.extract_vec(bytes, None);
    let mut out = io::stdout().lock();
    let written = if let Some(explained) = explained {
        match explained {
            Ok(why) => write_explanation(&mut out, &why, args.json || args.format == Format::Json),
            Err(_) => Ok(()),
        }
    } else {
        match (&result, args.format) {
            (Ok(article), Format::Text) => write_article(&mut out, article, &input),
            (Ok(article), Format::Markdown) => writeln!(out, "{}", article.to_markdown()),
            (Ok(article), Format::Html) => writeln!(out, "{}", article.to_html()),
            (Ok(article), Format::Article) => match serde_json::to_string(article) {
                Ok(json) => writeln!(out, "{json}"),
                Err(e) => Err(io::Error::other(e)),
            },
            (_, Format::Json) => {
                let id = (!is_stdin).then(|| stem(&input));
                let source = Source {
                    id: id.as_deref(),
                    url: args.url.as_deref(),
                };
                let result = result.clone().map_err(|e| e.to_string());
                let line = record::line(&source, &result, started.elapsed().as_secs_f64());
                writeln!(out, "{line}")
            }
            (Err(_), Format::Text | Format::Markdown | Format::Html | Format::Article) => Ok(()),
        }
    };
    written
        .and_then(|()| out.flush())
        .map_err(Failure::from_output)?;
    match result {
        Ok(_) => Ok(Exit::Success),
        Err(e) => {
            eprintln!("pith: {}: {e}", name(&input));
            Ok(Exit::PagesFailed)
        }
    }
}

fn write_article(out: &mut impl Write, article: &Article, input: &Path) -> io::Result<()> {
    if article.is_empty() {
        // Not an error (listing pages, error pages have no article), but a person at a
        // terminal should not be left wondering.
        eprintln!("pith: no article found in {}", name(input));
    }
    if !article.title.is_empty() {
        writeln!(out, "{}\n", article.title)?;
    }
    if !article.text.is_empty() {
        writeln!(out, "{}", article.text)?;
    }
    Ok(())
}

/// The explanation: a table for people, or one JSON object per block for scripts
/// (fields `text`, `kept`, `first_label`, `rule`, `length`, `words`, `link_density`,
/// `stopword_density`, `sentence_ends`, `hints`, `path`).
pub(crate) fn write_explanation(
    out: &mut impl Write,
    why: &Explanation,
    json: bool,
) -> io::Result<()> {
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
        return Ok(());
    }
    writeln!(out, "region: {}", why.region)?;
    if why.retried {
        writeln!(out, "retried: relaxed thresholds (too little was kept)")?;
    }
    if why.revealed {
        writeln!(
            out,
            "revealed: text hidden by inline styles was read (nothing visible was kept)"
        )?;
    }
    writeln!(
        out,
        "language: {} (stopword share {:.2})",
        why.language.as_deref().unwrap_or("-"),
        why.stopword_share
    )?;
    write_page_type(out, why)?;
    for (field, source) in &why.metadata_sources {
        writeln!(out, "{field}: {source}")?;
    }
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
    Ok(())
}

/// The page type and the votes for it, strongest first: `page type: forum (decided by:
/// generator discourse → forum +4.0; url /t/ → forum +2.5; outvoted: prior … → article +1.0)`.
fn write_page_type(out: &mut impl Write, why: &Explanation) -> io::Result<()> {
    let mut votes: Vec<&pith::PageTypeEvidence> = why.page_type_evidence.iter().collect();
    votes.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let show = |e: &&pith::PageTypeEvidence| {
        format!("{} {} → {} +{:.1}", e.source, e.detail, e.vote, e.weight)
    };
    let (for_it, against): (Vec<_>, Vec<_>) = votes.iter().partition(|e| e.vote == why.page_type);
    let for_it: Vec<String> = for_it.iter().map(&show).collect();
    let against: Vec<String> = against.iter().map(show).collect();
    let decided = if for_it.is_empty() {
        "too little text and no evidence of any type".to_string()
    } else {
        for_it.join("; ")
    };
    write!(out, "page type: {} (decided by: {decided}", why.page_type)?;
    if !against.is_empty() {
        write!(out, "; outvoted: {}", against.join("; "))?;
    }
    writeln!(out, ")")
}

fn read(input: &Path) -> io::Result<Vec<u8>> {
    if input.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    std::fs::read(input)
}

fn name(input: &Path) -> String {
    if input.as_os_str() == "-" {
        "standard input".into()
    } else {
        input.display().to_string()
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
