//! The `pith` command end to end: single pages (file, stdin, each format, --explain),
//! batches over folders, files and WARC archives the tests build themselves, error
//! records, exit status, stable order across `--jobs`, and a reader that hangs up early.

use flate2::{Compression, write::GzEncoder};
use serde_json::Value;
use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn pith() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pith"))
}

/// Runs pith with `args`, feeding `stdin` when given.
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = pith()
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pith starts");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // pith may exit before reading it (a usage error): that is not a failure here.
        if let Err(e) = pipe.write_all(bytes) {
            assert_eq!(
                e.kind(),
                std::io::ErrorKind::BrokenPipe,
                "stdin is written: {e}"
            );
        }
    }
    child.wait_with_output().expect("pith finishes")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn records(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// A news page whose article names `marker`, with navigation and a footer around it.
fn page(title: &str, marker: &str) -> String {
    format!(
        "<!doctype html><html lang=en><head><title>{title}</title></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>\
         <article><h1>{title}</h1>\
         <p>The harbour reopened on Monday after a week of repairs to the north pier, and \
         the first ferry of the morning, the {marker}, left on time with a full deck of \
         cars and cyclists.</p>\
         <p>Port officials said the timetable would return to normal by the weekend, once \
         the second landing stage has been inspected by the engineers who were sent from \
         the capital.</p></article>\
         <footer>© 2024 Harbour News. All rights reserved.</footer></body></html>"
    )
}

fn folder_of_pages(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..n {
        let name = format!("page{i:04}");
        fs::write(
            dir.path().join(format!("{name}.html")),
            page(&format!("Story {i}"), &format!("marker{i:04}")),
        )
        .expect("page written");
    }
    dir
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

// ---------------------------------------------------------------- single page

#[test]
fn a_page_file_prints_its_title_then_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ferry.html");
    fs::write(&file, page("Ferry service resumes", "Morning Star")).unwrap();
    let out = run(&[arg(&file)], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Ferry service resumes\n\nThe harbour reopened"),
        "{text}"
    );
    assert!(text.contains("the Morning Star, left on time"));
    assert!(!text.contains("All rights reserved"));
    assert!(!text.contains("Sport"));
}

#[test]
fn a_page_on_standard_input_is_read_with_a_dash() {
    let html = page("Ferry service resumes", "Evening Star");
    let out = run(&["-"], Some(html.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("the Evening Star, left on time"));
}

#[test]
fn markdown_format_prints_the_headline_and_paragraphs() {
    let html = page("Ferry service resumes", "Evening Star");
    let out = run(&["-", "--format", "markdown"], Some(html.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Ferry service resumes"), "{md}");
    assert!(md.contains("\n\nThe harbour reopened on Monday"), "{md}");
    assert!(!md.contains("Sport"), "{md}");
}

#[test]
fn html_format_prints_only_the_kept_content_as_clean_html() {
    let html = page("Ferry service resumes", "Evening Star")
        .replace("<p>The harbour", "<p onclick=\"alert(1)\">The harbour");
    let out = run(&["-", "--format", "html"], Some(html.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let clean = stdout(&out);
    assert!(clean.contains("<p>The harbour reopened"), "{clean}");
    assert!(!clean.contains("onclick"), "{clean}");
    assert!(!clean.contains("<nav"), "{clean}");
}

#[test]
fn article_format_prints_the_whole_article_as_json() {
    let html = page("Ferry service resumes", "Evening Star");
    let out = run(&["-", "--format", "article"], Some(html.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = records(&out);
    assert_eq!(lines.len(), 1);
    let a = &lines[0];
    assert_eq!(a["title"], "Ferry service resumes");
    assert_eq!(a["blocks"][0]["kind"], "paragraph");
    assert!(a["metadata"].is_object());
    assert_eq!(a["fingerprint"].as_str().map(str::len), Some(16));
    assert!(a["page_type"].is_string());
}

#[test]
fn json_format_prints_the_batch_record_with_the_given_url() {
    let html = page("Ferry service resumes", "Evening Star");
    let out = run(
        &[
            "-",
            "--format",
            "json",
            "--url",
            "https://news.example/ferry",
        ],
        Some(html.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = records(&out);
    assert_eq!(lines.len(), 1);
    let r = &lines[0];
    assert_eq!(r["id"], Value::Null);
    assert_eq!(r["url"], "https://news.example/ferry");
    assert_eq!(r["title"], "Ferry service resumes");
    assert!(r["text"].as_str().unwrap().contains("Evening Star"));
    assert_eq!(r["language"], "en");
    assert_eq!(r["charset"], "UTF-8");
    assert!(r["page_type"].is_string());
    // Field order is fixed by hand: `page_type` comes right after `canonical_url`.
    let raw = stdout(&out);
    let at = |k: &str| raw.find(&format!("\"{k}\":"));
    assert!(at("canonical_url") < at("page_type") && at("page_type") < at("charset"));
    assert!(r["seconds"].as_f64().unwrap() >= 0.0);
    assert!(r.get("error").is_none());
}

#[test]
fn explain_json_gives_one_object_per_block_with_every_field() {
    let html = page("Ferry service resumes", "Evening Star");
    for flags in [
        &["--explain", "--json"][..],
        &["--explain", "--format", "json"][..],
    ] {
        let mut args = vec!["-"];
        args.extend_from_slice(flags);
        let out = run(&args, Some(html.as_bytes()));
        assert!(out.status.success(), "{}", stderr(&out));
        let blocks = records(&out);
        assert!(blocks.len() >= 4, "{}", stdout(&out));
        for b in &blocks {
            for field in [
                "text",
                "kept",
                "first_label",
                "rule",
                "length",
                "words",
                "link_density",
                "stopword_density",
                "sentence_ends",
                "hints",
                "path",
            ] {
                assert!(b.get(field).is_some(), "{field} missing in {b}");
            }
        }
        let nav = blocks
            .iter()
            .find(|b| b["text"] == "Home News Sport")
            .unwrap();
        assert_eq!(nav["kept"], false);
        assert!(
            blocks
                .iter()
                .any(|b| b["kept"] == true && b["text"].as_str().unwrap().contains("Evening Star"))
        );
    }
}

#[test]
fn explain_as_text_shows_decisions_and_the_region() {
    let html = page("Ferry service resumes", "Evening Star");
    let out = run(&["-", "--explain"], Some(html.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("region: "), "{text}");
    assert!(text.contains("KEEP"));
    assert!(text.contains("drop"));
    assert!(text.contains("\npage type: "), "{text}");
    assert!(text.contains("decided by: "), "{text}");
}

#[test]
fn explain_reads_the_page_in_its_declared_charset() {
    let mut html = b"<html><head><meta charset=windows-1252></head><body><article><p>Caf\xE9 \
        owners on the square said the new market hours would bring more visitors, and the \
        council agreed to try them for a year.</p></article></body></html>"
        .to_vec();
    html.extend_from_slice(b"\n");
    let out = run(&["-", "--explain", "--json"], Some(&html));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Café owners"), "{}", stdout(&out));
}

#[test]
fn an_unknown_format_is_a_usage_error_listing_the_formats() {
    let out = run(&["-", "--format", "xml"], Some(b"<p>x</p>"));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("invalid value 'xml'"), "{err}");
    assert!(err.contains("text") && err.contains("json"), "{err}");
}

#[test]
fn a_missing_page_says_so_and_exits_1() {
    let out = run(&["no/such/page.html"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("cannot read no/such/page.html: no such file"),
        "{err}"
    );
}

#[test]
fn a_binary_page_is_not_html_and_exits_1() {
    let out = run(&["-"], Some(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not look like an HTML page"));
}

#[test]
fn a_folder_or_archive_given_as_a_page_points_to_batch() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&[arg(dir.path())], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("use `pith batch"), "{}", stderr(&out));
    let out = run(&["crawl.warc.gz"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a WARC archive; use `pith batch"));
}

#[test]
fn help_describes_the_commands_with_examples_and_exit_status() {
    let out = run(&["--help"], None);
    assert!(out.status.success());
    let help = stdout(&out);
    for needle in [
        "batch",
        "--format",
        "--url",
        "--focus",
        "--explain",
        "Examples:",
        "Exit status",
    ] {
        assert!(
            help.contains(needle),
            "{needle} missing from --help:\n{help}"
        );
    }
    let out = run(&["batch", "--help"], None);
    assert!(out.status.success());
    let help = stdout(&out);
    for needle in [
        "--jobs",
        "--output",
        "--recursive",
        "--quiet",
        "WARC",
        "Examples:",
        "Exit status",
        "\"seconds\"",
    ] {
        assert!(
            help.contains(needle),
            "{needle} missing from batch --help:\n{help}"
        );
    }
}

#[test]
fn no_arguments_prints_help_and_fails() {
    let out = run(&[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Usage:"));
}

#[test]
fn a_reader_that_hangs_up_on_a_single_page_causes_no_error() {
    // Enough text that the output cannot fit in a pipe buffer.
    let paragraph = "<p>The council met again on Thursday evening and the members argued for \
        a long time about the harbour and the ferry and the price of the new landing stage.</p>";
    let html = format!("<article>{}</article>", paragraph.repeat(2000));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.html");
    fs::write(&file, html).unwrap();
    let mut child = pith()
        .args([arg(&file), "--explain"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(stderr(&out), "");
    assert!(out.status.success());
}

// ---------------------------------------------------------------- batch: files

#[test]
fn a_folder_gives_one_line_per_page_with_stem_ids_and_seconds() {
    let dir = folder_of_pages(3);
    fs::write(dir.path().join("notes.txt"), "not a page").unwrap();
    // The interface the shared scorer uses.
    let out = run(&["batch", arg(dir.path()), "--format", "jsonl"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = records(&out);
    let ids: Vec<&str> = lines.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["page0000", "page0001", "page0002"]);
    for (i, r) in lines.iter().enumerate() {
        assert!(
            r["text"]
                .as_str()
                .unwrap()
                .contains(&format!("marker{i:04}"))
        );
        assert_eq!(r["title"], format!("Story {i}"));
        assert!(r["seconds"].as_f64().is_some());
        assert!(r.get("error").is_none());
    }
    let err = stderr(&out);
    assert!(err.contains("3 pages in"), "{err}");
    assert!(err.contains("0 failed"), "{err}");
}

#[test]
fn an_unreadable_page_gets_an_error_record_and_the_batch_goes_on() {
    let dir = folder_of_pages(2);
    // A folder with a page's name cannot be read as a file, even by root.
    fs::create_dir(dir.path().join("page0001b.html")).unwrap();
    fs::write(
        dir.path().join("page0001c.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    let out = run(&["batch", arg(dir.path())], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines = records(&out);
    let ids: Vec<&str> = lines.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["page0000", "page0001", "page0001b", "page0001c"]);
    let folder = &lines[2];
    assert!(
        folder["error"].as_str().unwrap().contains("it is a folder"),
        "{folder}"
    );
    assert_eq!(folder["text"], "");
    assert!(
        lines[3]["error"]
            .as_str()
            .unwrap()
            .contains("does not look like an HTML page")
    );
    assert!(lines[0]["text"].as_str().unwrap().contains("marker0000"));
    assert!(lines[1]["text"].as_str().unwrap().contains("marker0001"));
    assert!(stderr(&out).contains("2 failed"));
}

#[test]
fn files_named_on_the_command_line_keep_their_order() {
    let dir = folder_of_pages(3);
    let p = |i: usize| dir.path().join(format!("page{i:04}.html"));
    let (a, b, c) = (p(2), p(0), p(1));
    let out = run(&["batch", arg(&a), arg(&b), arg(&c)], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["page0002", "page0000", "page0001"]);
}

#[test]
fn recursion_is_opt_in_and_ids_keep_the_subfolder() {
    let dir = folder_of_pages(1);
    let sub = dir.path().join("2024");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("deep.htm"), page("Deep", "deepmarker")).unwrap();
    let flat = records(&run(&["batch", arg(dir.path())], None));
    assert_eq!(flat.len(), 1);
    let out = run(&["batch", "-r", arg(dir.path())], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["2024/deep", "page0000"]);
}

#[test]
fn output_goes_to_the_file_named_by_o() {
    let dir = folder_of_pages(2);
    let target = tempfile::tempdir().unwrap();
    let file = target.path().join("out.jsonl");
    let out = run(&["batch", arg(dir.path()), "-o", arg(&file), "-q"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(stderr(&out), "", "-q prints no summary");
    let written = fs::read_to_string(&file).unwrap();
    assert_eq!(written.lines().count(), 2);
    assert!(written.contains("marker0001"));
}

#[test]
fn an_output_file_that_cannot_be_created_exits_2() {
    let dir = folder_of_pages(1);
    let out = run(
        &["batch", arg(dir.path()), "-o", "/no/such/folder/out.jsonl"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot create /no/such/folder/out.jsonl"));
}

#[test]
fn a_missing_input_is_named_and_nothing_is_written() {
    let out = run(&["batch", "no-such-folder"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("no such file or folder: no-such-folder"));
}

#[test]
fn jobs_0_is_refused() {
    let out = run(&["batch", ".", "--jobs", "0"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--jobs"));
}

/// The records without the `seconds` field, which is a measurement.
fn without_seconds(out: &Output) -> Vec<Value> {
    records(out)
        .into_iter()
        .map(|mut r| {
            r.as_object_mut().unwrap().remove("seconds");
            r
        })
        .collect()
}

#[test]
fn every_page_gives_exactly_one_line_in_order_with_two_jobs() {
    let n = 300;
    let dir = folder_of_pages(n);
    let out = run(&["batch", arg(dir.path()), "--jobs", "2"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = records(&out);
    assert_eq!(lines.len(), n);
    for (i, r) in lines.iter().enumerate() {
        assert_eq!(r["id"], format!("page{i:04}"));
        // The text is the page's own, not a neighbour's.
        assert!(
            r["text"]
                .as_str()
                .unwrap()
                .contains(&format!("marker{i:04}"))
        );
    }
    assert!(stderr(&out).contains(&format!("{n} pages in")));
}

#[test]
fn one_job_and_two_jobs_write_the_same_output() {
    let dir = folder_of_pages(60);
    fs::create_dir(dir.path().join("page0030x.html")).unwrap();
    let one = run(&["batch", arg(dir.path()), "--jobs", "1"], None);
    let two = run(&["batch", arg(dir.path()), "--jobs", "2"], None);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(two.status.code(), Some(1));
    assert_eq!(without_seconds(&one).len(), 61);
    assert_eq!(without_seconds(&one), without_seconds(&two));
}

#[test]
fn a_reader_that_hangs_up_early_ends_the_batch_quietly() {
    // 400 pages of about 500 bytes each: far more than a pipe buffer holds.
    let dir = folder_of_pages(400);
    let mut child = pith()
        .args(["batch", arg(dir.path()), "--jobs", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        let stdout = child.stdout.as_mut().unwrap();
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
            first.push(byte[0] as char);
        }
    }
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with("{\"id\":\"page0000\""), "{first}");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.to_lowercase().contains("broken pipe"), "{err}");
    assert_eq!(err, "", "no summary after the reader left");
    assert_eq!(out.status.code(), Some(0));
}

// ---------------------------------------------------------------- batch: WARC

fn warc_record(
    kind: &str,
    id: &str,
    uri: Option<&str>,
    content_type: &str,
    block: &[u8],
) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{id}>\r\n"
    );
    if let Some(uri) = uri {
        head.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    head.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    ));
    let mut record = head.into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn http(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    block.extend_from_slice(body);
    block
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

const HTTP_RESPONSE: &str = "application/http; msgtype=response";

/// The records of a small crawl: warcinfo, then per page a request and a response (UTF-8,
/// windows-1252 and KOI8-R pages, each declaring its charset only in the HTTP header), an
/// image, a metadata record.
fn crawl_records() -> Vec<Vec<u8>> {
    let latin = {
        let mut body =
            b"<html><head><title>March\xE9 du samedi</title></head><body><article><p>Le \
            march\xE9 de la place centrale ouvrira d\xE9sormais \xE0 sept heures, et les \
            commer\xE7ants ont dit que la nouvelle heure am\xE8nerait plus de visiteurs le \
            samedi matin.</p><p>La mairie a accept\xE9 de tester ces horaires pendant un an \
            avant de d\xE9cider, et elle publiera un bilan au printemps prochain.</p>\
            </article></body></html>"
                .to_vec();
        body.push(b'\n');
        body
    };
    let (cyrillic, _, _) = encoding_rs::KOI8_R.encode(
        "<html><head><title>Паром снова ходит</title></head><body><article><p>В понедельник \
         гавань снова открылась после недели ремонта северного причала, и первый утренний \
         паром ушёл вовремя с полной палубой машин.</p><p>Портовые власти сказали, что \
         расписание вернётся к обычному к выходным, когда инженеры проверят второй \
         причал.</p></article></body></html>",
    );
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
    vec![
        warc_record(
            "warcinfo",
            "info",
            None,
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "req1",
            Some("https://news.example/ferry"),
            "application/http; msgtype=request",
            b"GET /ferry HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        warc_record(
            "response",
            "r1",
            Some("https://news.example/ferry"),
            HTTP_RESPONSE,
            &http(
                "Content-Type: text/html; charset=utf-8\r\n",
                page("Ferry service resumes", "Sea Breeze").as_bytes(),
            ),
        ),
        warc_record(
            "response",
            "r2",
            Some("https://nouvelles.example/marche"),
            HTTP_RESPONSE,
            &http("Content-Type: text/html; charset=windows-1252\r\n", &latin),
        ),
        warc_record(
            "response",
            "r3",
            Some("https://image.example/logo.png"),
            HTTP_RESPONSE,
            &http("Content-Type: image/png\r\n", png),
        ),
        warc_record(
            "metadata",
            "m1",
            Some("https://news.example/ferry"),
            "application/warc-fields",
            b"fetchTimeMs: 120\r\n",
        ),
        warc_record(
            "response",
            "r4",
            Some("https://novosti.example/parom"),
            HTTP_RESPONSE,
            &http("Content-Type: text/html; charset=koi8-r\r\n", &cyrillic),
        ),
    ]
}

fn write_archive(
    dir: &Path,
    name: &str,
    records: &[Vec<u8>],
    gzip_each: bool,
) -> std::path::PathBuf {
    let path = dir.join(name);
    let bytes: Vec<u8> = records
        .iter()
        .flat_map(|r| if gzip_each { gzip(r) } else { r.clone() })
        .collect();
    fs::write(&path, bytes).unwrap();
    path
}

fn check_crawl(out: &Output) {
    assert!(out.status.success(), "{}", stderr(out));
    let lines = records(out);
    let ids: Vec<&str> = lines.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["urn:uuid:r1", "urn:uuid:r2", "urn:uuid:r4"]);
    let urls: Vec<&str> = lines.iter().map(|r| r["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "https://news.example/ferry",
            "https://nouvelles.example/marche",
            "https://novosti.example/parom"
        ]
    );
    assert!(
        lines[0]["text"]
            .as_str()
            .unwrap()
            .contains("the Sea Breeze")
    );
    assert_eq!(lines[1]["title"], "Marché du samedi");
    assert!(
        lines[1]["text"]
            .as_str()
            .unwrap()
            .contains("Le marché de la place centrale ouvrira désormais à sept heures"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[1]["charset"], "windows-1252");
    assert_eq!(lines[1]["charset_source"], "header");
    assert_eq!(lines[2]["title"], "Паром снова ходит");
    assert!(
        lines[2]["text"]
            .as_str()
            .unwrap()
            .contains("Портовые власти сказали"),
        "{}",
        lines[2]
    );
    assert_eq!(lines[2]["charset"], "KOI8-R");
    let err = stderr(out);
    assert!(err.contains("3 pages in"), "{err}");
    assert!(
        err.contains("skipped 1 non-HTML responses and 3 other WARC records"),
        "{err}"
    );
}

#[test]
fn a_gzip_per_record_warc_gives_its_html_responses_in_their_charsets() {
    let dir = tempfile::tempdir().unwrap();
    let archive = write_archive(dir.path(), "crawl.warc.gz", &crawl_records(), true);
    check_crawl(&run(&["batch", arg(&archive)], None));
}

#[test]
fn an_uncompressed_warc_gives_the_same_pages() {
    let dir = tempfile::tempdir().unwrap();
    let archive = write_archive(dir.path(), "crawl.warc", &crawl_records(), false);
    check_crawl(&run(&["batch", arg(&archive), "--jobs", "1"], None));
}

#[test]
fn a_warc_on_standard_input_is_read_with_a_dash() {
    let bytes: Vec<u8> = crawl_records().iter().flat_map(|r| gzip(r)).collect();
    check_crawl(&run(&["batch", "-"], Some(&bytes)));
}

#[test]
fn chunked_and_gzip_encoded_payloads_are_decoded() {
    let body = gzip(page("Ferry service resumes", "Harbour Light").as_bytes());
    let mut chunked = Vec::new();
    for chunk in body.chunks(100) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let record = warc_record(
        "response",
        "enc",
        Some("https://news.example/enc"),
        HTTP_RESPONSE,
        &http(
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked,
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let archive = write_archive(dir.path(), "enc.warc.gz", &[record], true);
    let out = run(&["batch", arg(&archive)], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = records(&out);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0]["text"]
            .as_str()
            .unwrap()
            .contains("the Harbour Light")
    );
}

#[test]
fn an_archive_cut_short_keeps_earlier_pages_reports_the_cut_one_and_exits_1() {
    let crawl = crawl_records();
    let mut bytes: Vec<u8> = crawl[..4].iter().flat_map(|r| gzip(r)).collect();
    // Half of the windows-1252 response record, uncompressed stream cut mid-block.
    let mut plain: Vec<u8> = crawl[..3].concat();
    plain.extend_from_slice(&crawl[3][..crawl[3].len() / 2]);
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.warc");
    fs::write(&cut, &plain).unwrap();
    let out = run(&["batch", arg(&cut)], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines = records(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "urn:uuid:r1");
    assert!(lines[0].get("error").is_none());
    assert_eq!(lines[1]["id"], "urn:uuid:r2");
    assert!(lines[1]["error"].as_str().unwrap().contains("damaged"));
    let err = stderr(&out);
    assert!(err.contains("cut.warc"), "{err}");
    assert!(err.contains("cut short"), "{err}");
    // The gzip stream cut in the middle of a member.
    bytes.truncate(bytes.len() - 40);
    let cut_gz = dir.path().join("cut.warc.gz");
    fs::write(&cut_gz, &bytes).unwrap();
    let out = run(&["batch", arg(&cut_gz)], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(records(&out)[0]["id"], "urn:uuid:r1");
    assert!(stderr(&out).contains("cut.warc.gz"));
}

#[test]
fn a_file_named_warc_that_is_not_one_is_reported_and_other_inputs_go_on() {
    let dir = folder_of_pages(1);
    let fake = dir.path().join("fake.warc");
    fs::write(&fake, page("Not an archive", "x")).unwrap();
    let out = run(&["batch", arg(&fake), arg(dir.path())], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("fake.warc"), "{err}");
    assert!(err.contains("is this a WARC file?"), "{err}");
    let lines = records(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "page0000");
}
