//! `pith batch` over damaged WARC archives built here: every sound record gives its page,
//! each damaged stretch exactly one error line, and the exit status is 1 when the archive
//! was read to its end (2 only when it could not be read at all). Also an output that
//! cannot be written.

use flate2::{Compression, write::GzEncoder};
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("pith runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A record with a `Content-Length` off by `length_error` bytes from its block.
fn record_off(kind: &str, id: &str, block: &[u8], length_error: i64) -> Vec<u8> {
    let length = block.len() as i64 + length_error;
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: https://example.com/{id}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn record(kind: &str, id: &str, block: &[u8]) -> Vec<u8> {
    record_off(kind, id, block, 0)
}

/// An HTML response whose article names `id`.
fn response_block(id: &str) -> Vec<u8> {
    let body = format!(
        "<html><head><title>Report {id}</title></head><body><article><p>The harbour \
         committee met on Tuesday to discuss report {id}, and agreed that the northern pier \
         would reopen after the winter storms had passed and the engineers had checked \
         it.</p><p>Fishing boats will use the southern pier until then, the committee \
         said, and the ferry timetable for report {id} will not change.</p></article>\
         </body></html>"
    );
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}").into_bytes()
}

fn response(id: &str) -> Vec<u8> {
    record("response", id, &response_block(id))
}

fn warcinfo() -> Vec<u8> {
    let mut r = b"WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:info>\r\n\
        Content-Length: 16\r\n\r\nsoftware: test\r\n"
        .to_vec();
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// A gzip member whose deflate data is overwritten in the middle.
fn corrupt(member: &[u8]) -> Vec<u8> {
    let mut bad = member.to_vec();
    let middle = bad.len() / 2;
    for b in &mut bad[middle - 8..middle + 8] {
        *b ^= 0x5a;
    }
    bad
}

struct Archive {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn archive(name: &str, bytes: &[u8]) -> Archive {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    Archive { _dir: dir, path }
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs `pith batch` on the archive; returns the ids of the pages, the error lines and the
/// exit status, after checking the damaged-stretch count of the summary.
fn batch(name: &str, bytes: &[u8]) -> (Vec<String>, Vec<Value>, Option<i32>, String) {
    let a = archive(name, bytes);
    let out = run(&["batch", arg(&a.path)]);
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for line in lines(&out) {
        if line.get("error").is_some() {
            errors.push(line);
        } else {
            let id = line["id"].as_str().unwrap().to_string();
            // The page is the one the record holds: its text names its id.
            let short = id.trim_start_matches("urn:uuid:");
            assert!(
                line["text"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("report {short}")),
                "{line}"
            );
            pages.push(short.to_string());
        }
    }
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    (pages, errors, out.status.code(), err)
}

/// How many bytes a cut gzip stream decodes to before it ends.
fn decoded_len(gz: &[u8]) -> usize {
    use std::io::Read;
    let mut decoder = flate2::read::GzDecoder::new(gz);
    let mut out = Vec::new();
    let mut chunk = [0u8; 1];
    while let Ok(1) = decoder.read(&mut chunk) {
        out.push(chunk[0]);
    }
    out.len()
}

fn error_text(line: &Value) -> &str {
    line["error"].as_str().unwrap()
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The run found one damaged stretch and exited 1; with `id`, the error line names that
/// record; with `says`, its text holds those words.
fn one_damage(errors: &[Value], status: Option<i32>, id: Option<&str>, says: Option<&str>) {
    assert_eq!(errors.len(), 1, "{errors:?}");
    if let Some(id) = id {
        assert_eq!(errors[0]["id"], id);
    }
    if let Some(says) = says {
        assert!(error_text(&errors[0]).contains(says), "{errors:?}");
    }
    assert_eq!(status, Some(1));
}

#[test]
fn a_corrupt_member_in_the_middle_costs_that_record_only() {
    let members: Vec<Vec<u8>> = ["a", "b", "c", "d"]
        .iter()
        .map(|id| gzip(&response(id)))
        .collect();
    let mut bytes = gzip(&warcinfo());
    let offset = bytes.len() + members[0].len();
    bytes.extend_from_slice(&members[0]);
    bytes.extend(corrupt(&members[1]));
    bytes.extend_from_slice(&members[2]);
    bytes.extend_from_slice(&members[3]);
    let (pages, errors, status, err) = batch("corrupt.warc.gz", &bytes);
    assert_eq!(pages, ids(&["a", "c", "d"]), "{err}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = error_text(&errors[0]);
    assert!(e.contains("does not decode"), "{e}");
    assert!(e.contains(&format!("offset {offset}")), "{e}");
    assert_eq!(status, Some(1), "{err}");
    assert!(err.contains("3 pages"), "{err}");
    assert!(err.contains("1 damaged record,"), "{err}");
}

#[test]
fn a_content_length_too_short_in_its_own_member_costs_that_record_only() {
    let mut bytes = gzip(&response("a"));
    bytes.extend(gzip(&record_off(
        "response",
        "b",
        &response_block("b"),
        -40,
    )));
    bytes.extend(gzip(&response("c")));
    let (pages, errors, status, err) = batch("short.warc.gz", &bytes);
    assert_eq!(pages, ids(&["a", "c"]), "{err}");
    one_damage(&errors, status, Some("urn:uuid:b"), Some("Content-Length"));
}

#[test]
fn a_content_length_too_long_in_its_own_member_costs_that_record_only() {
    let mut bytes = gzip(&response("a"));
    bytes.extend(gzip(&record_off(
        "response",
        "b",
        &response_block("b"),
        500,
    )));
    bytes.extend(gzip(&response("c")));
    let (pages, errors, status, err) = batch("long.warc.gz", &bytes);
    assert_eq!(pages, ids(&["a", "c"]), "{err}");
    one_damage(
        &errors,
        status,
        Some("urn:uuid:b"),
        Some("gzip member ends"),
    );
}

#[test]
fn a_content_length_too_short_in_a_plain_archive_costs_that_record_only() {
    let mut bytes = response("a");
    let offset = bytes.len();
    bytes.extend(record_off("response", "b", &response_block("b"), -40));
    bytes.extend(response("c"));
    let (pages, errors, status, err) = batch("short.warc", &bytes);
    assert_eq!(pages, ids(&["a", "c"]), "{err}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["id"], "urn:uuid:b");
    assert!(
        error_text(&errors[0]).contains(&format!("offset {offset}")),
        "{errors:?}"
    );
    assert_eq!(status, Some(1));
}

#[test]
fn a_content_length_too_long_in_a_plain_archive_gives_back_the_records_it_swallowed() {
    let mut bytes = response("a");
    // Long enough to swallow the header of the record after it.
    bytes.extend(record_off("response", "b", &response_block("b"), 300));
    bytes.extend(response("c"));
    bytes.extend(response("d"));
    let (pages, errors, status, err) = batch("long.warc", &bytes);
    assert_eq!(pages, ids(&["a", "c", "d"]), "{err}");
    one_damage(&errors, status, Some("urn:uuid:b"), None);
}

#[test]
fn garbage_between_members_is_one_damaged_stretch() {
    let mut bytes = gzip(&response("a"));
    let offset = bytes.len();
    bytes.extend_from_slice(b"\0\0\0 stray bytes \x1f\x8b not a member \x1f\x8b\x08 either");
    bytes.extend(gzip(&response("b")));
    bytes.extend(gzip(&response("c")));
    let (pages, errors, status, err) = batch("stray.warc.gz", &bytes);
    assert_eq!(pages, ids(&["a", "b", "c"]), "{err}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = error_text(&errors[0]);
    assert!(e.contains("not a gzip member"), "{e}");
    assert!(e.contains(&format!("offset {offset}")), "{e}");
    let id = errors[0]["id"].as_str().unwrap();
    assert!(id.ends_with(&format!("stray.warc.gz@{offset}")), "{id}");
    assert_eq!(status, Some(1));
}

#[test]
fn garbage_between_records_of_a_plain_archive_is_one_damaged_stretch() {
    let mut bytes = response("a");
    bytes.extend_from_slice(b"some bytes that are no record\r\nWARC/1.0 but no header\r\n\r\n");
    bytes.extend(response("b"));
    let (pages, errors, status, err) = batch("stray.warc", &bytes);
    assert_eq!(pages, ids(&["a", "b"]), "{err}");
    one_damage(&errors, status, None, Some("not a WARC record header"));
}

#[test]
fn a_whole_file_gzip_cut_short_keeps_the_records_before_the_cut() {
    let mut plain = warcinfo();
    for id in ["a", "b", "c"] {
        plain.extend(response(id));
    }
    let whole = gzip(&plain);
    // Cut where the decompressed bytes reach into c: a and b are whole.
    let wanted = plain.len() - response("c").len() / 2;
    let cut = (1..whole.len())
        .find(|&n| decoded_len(&whole[..n]) >= wanted)
        .unwrap();
    let (pages, errors, status, err) = batch("cut.warc.gz", &whole[..cut]);
    assert_eq!(pages, ids(&["a", "b"]), "{err}");
    one_damage(&errors, status, Some("urn:uuid:c"), Some("cut short"));
}

#[test]
fn damage_inside_a_whole_file_gzip_resyncs_on_the_next_record_header() {
    let mut plain = response("a");
    plain.extend(record_off("response", "b", &response_block("b"), -30));
    plain.extend(response("c"));
    let (pages, errors, status, err) = batch("whole.warc.gz", &gzip(&plain));
    assert_eq!(pages, ids(&["a", "c"]), "{err}");
    one_damage(&errors, status, None, None);
}

#[test]
fn an_empty_archive_gives_nothing_and_succeeds() {
    for name in ["empty.warc", "empty.warc.gz"] {
        let (pages, errors, status, err) = batch(name, b"");
        assert!(pages.is_empty() && errors.is_empty(), "{err}");
        assert_eq!(status, Some(0), "{err}");
    }
    let (pages, errors, status, err) = batch("empty-member.warc.gz", &gzip(b""));
    assert!(pages.is_empty() && errors.is_empty(), "{err}");
    assert_eq!(status, Some(0), "{err}");
}

#[test]
fn a_warcinfo_only_archive_gives_no_page_and_succeeds() {
    for (name, bytes) in [
        ("info.warc", warcinfo()),
        ("info.warc.gz", gzip(&warcinfo())),
    ] {
        let (pages, errors, status, err) = batch(name, &bytes);
        assert!(pages.is_empty() && errors.is_empty(), "{err}");
        assert_eq!(status, Some(0), "{err}");
        assert!(err.contains("1 other WARC records"), "{err}");
    }
}

#[test]
fn a_mixture_of_damage_gives_one_error_line_per_stretch() {
    let mut bytes = gzip(&warcinfo());
    bytes.extend(gzip(&response("a")));
    bytes.extend(corrupt(&gzip(&response("b"))));
    bytes.extend(gzip(&response("c")));
    bytes.extend(gzip(&record_off(
        "response",
        "d",
        &response_block("d"),
        -25,
    )));
    bytes.extend(gzip(&response("e")));
    bytes.extend_from_slice(b"garbage");
    bytes.extend(gzip(&record_off("response", "f", &response_block("f"), 90)));
    bytes.extend(gzip(&response("g")));
    let (pages, errors, status, err) = batch("mixed.warc.gz", &bytes);
    assert_eq!(pages, ids(&["a", "c", "e", "g"]), "{err}");
    // b (corrupt), d (too short), the garbage, f (too long).
    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert_eq!(errors[1]["id"], "urn:uuid:d");
    assert_eq!(errors[3]["id"], "urn:uuid:f");
    assert_eq!(status, Some(1));
    assert!(err.contains("4 damaged records"), "{err}");
}

#[test]
fn a_plain_mixture_gives_one_error_line_per_stretch() {
    let mut bytes = warcinfo();
    bytes.extend(response("a"));
    bytes.extend(record_off("response", "b", &response_block("b"), -20));
    bytes.extend(response("c"));
    bytes.extend_from_slice(b"\r\nnoise between records\r\n");
    bytes.extend(response("d"));
    bytes.extend(record_off("response", "e", &response_block("e"), 200));
    bytes.extend(response("f"));
    let (pages, errors, status, err) = batch("mixed.warc", &bytes);
    assert_eq!(pages, ids(&["a", "c", "d", "f"]), "{err}");
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert_eq!(errors[0]["id"], "urn:uuid:b");
    assert_eq!(errors[2]["id"], "urn:uuid:e");
    assert_eq!(status, Some(1));
}

#[test]
fn a_huge_claimed_length_allocates_nothing_and_costs_its_record_only() {
    let mut bytes = gzip(&response("a"));
    bytes.extend(gzip(&record_off(
        "response",
        "b",
        &response_block("b"),
        1_000_000_000_000,
    )));
    bytes.extend(gzip(&response("c")));
    let a = archive("huge.warc.gz", &bytes);
    let out = Command::new("/usr/bin/time")
        .args([
            "-f",
            "max-rss-kb %M",
            env!("CARGO_BIN_EXE_pith"),
            "batch",
            arg(&a.path),
        ])
        .output();
    let out = match out {
        Ok(out) => out,
        // No /usr/bin/time here: the pages are still checked.
        Err(_) => run(&["batch", arg(&a.path)]),
    };
    let ids: Vec<String> = lines(&out)
        .iter()
        .filter(|l| l.get("error").is_none())
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["urn:uuid:a", "urn:uuid:c"], "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(1));
    if let Some(kb) = stderr(&out)
        .lines()
        .find_map(|l| l.strip_prefix("max-rss-kb "))
    {
        let kb: u64 = kb.trim().parse().unwrap();
        assert!(kb < 200_000, "{kb} KB");
    }
}

#[test]
fn a_file_with_no_warc_record_could_not_be_read_exit_2() {
    let (pages, errors, status, err) = batch("page.warc", b"<html><p>not an archive</p></html>");
    assert!(pages.is_empty() && errors.is_empty());
    assert_eq!(status, Some(2));
    assert!(err.contains("is this a WARC file?"), "{err}");
}

#[test]
fn an_output_that_cannot_be_written_exits_2_with_a_message() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let mut bytes = Vec::new();
    for i in 0..50 {
        bytes.extend(gzip(&response(&format!("p{i}"))));
    }
    let a = archive("ok.warc.gz", &bytes);
    let out = run(&["batch", arg(&a.path), "-o", "/dev/full"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("cannot write to /dev/full"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // A single page too.
    let page = a.path.with_file_name("p.html");
    fs::write(
        &page,
        "<html><body><p>Some text for the page.</p></body></html>",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pith"))
        .arg(arg(&page))
        .stdout(
            fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("cannot write"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_gzip_archive_whose_first_member_is_damaged_at_its_first_byte_is_still_gzip() {
    let mut bytes = gzip(&response("a"));
    bytes[0] ^= 1;
    bytes.extend(gzip(&response("b")));
    let (pages, errors, status, err) = batch("first.warc.gz", &bytes);
    assert_eq!(pages, ids(&["b"]), "{err}");
    one_damage(&errors, status, None, None);
}

#[test]
fn garbage_with_no_line_end_before_the_next_record_is_passed_over() {
    let mut bytes = response("a");
    bytes.extend_from_slice(b"HT");
    bytes.extend(response("b"));
    let (pages, errors, status, err) = batch("noline.warc", &bytes);
    assert_eq!(pages, ids(&["a", "b"]), "{err}");
    one_damage(&errors, status, None, None);
}

#[test]
fn a_length_that_runs_past_the_end_gives_back_the_records_it_swallowed() {
    let mut bytes = response("a");
    bytes.extend(record_off("response", "b", &response_block("b"), 5_000));
    bytes.extend(response("c"));
    let (pages, errors, status, err) = batch("past-end.warc", &bytes);
    assert_eq!(pages, ids(&["a", "c"]), "{err}");
    one_damage(&errors, status, Some("urn:uuid:b"), None);
}

/// A gzip member in stored blocks (no compression), as tiny records come out of some writers.
fn gzip_stored(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::none());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn a_plain_archive_with_a_damaged_first_header_and_a_gzip_record_in_its_block_is_plain() {
    // The first record's block holds a `.warc.gz` member (a record that decodes to
    // `WARC/`), and its own header is damaged: read as gzip, that member would be the only
    // record and b and c would be lost (fuzz finding crash-3d1a112a…).
    let mut block = response_block("a");
    block.extend(gzip(&response("x")));
    let mut bytes = record("response", "a", &block);
    bytes[0] = b'V';
    bytes.extend(response("b"));
    bytes.extend(response("c"));
    let (pages, errors, status, err) = batch("nested.warc", &bytes);
    assert_eq!(pages, ids(&["b", "c"]), "{err}");
    one_damage(&errors, status, None, Some("at offset 0:"));
}

#[test]
fn a_stored_block_gzip_archive_with_a_damaged_first_byte_is_still_gzip() {
    // Stored blocks show each record's `WARC/1.` line, so read as plain every record would
    // come out with a damaged stretch (its member's trailer) after it.
    let mut bytes = gzip_stored(&response("a"));
    bytes[0] ^= 1;
    bytes.extend(gzip_stored(&response("b")));
    bytes.extend(gzip_stored(&response("c")));
    let (pages, errors, status, err) = batch("stored.warc.gz", &bytes);
    assert_eq!(pages, ids(&["b", "c"]), "{err}");
    one_damage(&errors, status, None, None);
}

#[test]
fn a_length_that_ends_before_a_line_end_of_the_next_header_keeps_that_header_whole() {
    // b's block runs on to the end of the first line of c's header, just before its line
    // end: searching again from b's block must see that line end, or c's first two fields
    // join ("WARC-Type: responseWARC-Record-ID: …") and c is no longer a response (fuzz
    // finding crash-a85f0779…, where a flipped byte in b's blank line did the same).
    let first_line_of_c = "\r\n\r\nWARC/1.1\r\nWARC-Type: response".len() as i64;
    let mut bytes = response("a");
    bytes.extend(record_off(
        "response",
        "b",
        &response_block("b"),
        first_line_of_c,
    ));
    bytes.extend(response("c"));
    bytes.extend(response("d"));
    let (pages, errors, status, err) = batch("line-end.warc", &bytes);
    assert_eq!(pages, ids(&["a", "c", "d"]), "{err}");
    one_damage(&errors, status, Some("urn:uuid:b"), None);
}

#[test]
fn a_content_length_that_swallows_whole_records_is_damage_without_the_blank_line_after_it() {
    // b's Content-Length runs over c and d and ends one line end short of e's header (fuzz
    // finding crash-b162a401…, a flipped byte made 62 read 362), or right at it: a `WARC/`
    // follows the block, but not the blank line that ends a record, so b is damage and the
    // search from its block gives back c and d.
    let swallowed = (4 + response("c").len() + response("d").len()) as i64;
    for short_by in [2, 0] {
        let mut bytes = response("a");
        bytes.extend(record_off(
            "response",
            "b",
            &response_block("b"),
            swallowed - short_by,
        ));
        bytes.extend(response("c"));
        bytes.extend(response("d"));
        bytes.extend(response("e"));
        let (pages, errors, status, err) = batch("swallowed.warc", &bytes);
        assert_eq!(pages, ids(&["a", "c", "d", "e"]), "{short_by}: {err}");
        assert_eq!(errors.len(), 1, "{short_by}: {errors:?}");
        assert_eq!(errors[0]["id"], "urn:uuid:b");
        assert_eq!(status, Some(1));
    }
}

#[test]
fn a_header_that_lost_its_blank_line_gives_back_the_record_its_block_swallowed() {
    // m's header lost the blank line that ends it (fuzz finding open-header-blank-line-…,
    // a flipped line end): the header runs on through m's block, whose lines all have a
    // colon, to the blank line after it, and m's block then takes b's header up to b's own
    // blank line. That block is followed by a proper blank line, then b's block: garbage
    // after a record that looks sound. m's block holds b's header, so m is the damage
    // (one error line) and b is read from there.
    let b = response("b");
    let b_header = b.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let mut block = b"fetchTimeMs: 12\r\ncharset-detected: UTF-8\r\nlanguages-cld2: ".to_vec();
    block.resize(b_header, b'x');
    let mut m = record("metadata", "m", &block);
    let blank = m.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    m.drain(blank..blank + 2);
    let mut bytes = response("a");
    bytes.extend(m);
    bytes.extend(b);
    bytes.extend(response("c"));
    let (pages, errors, status, err) = batch("run-on.warc", &bytes);
    assert_eq!(pages, ids(&["a", "b", "c"]), "{err}");
    one_damage(
        &errors,
        status,
        Some("urn:uuid:m"),
        Some("a record header 0 bytes into its block"),
    );
}
