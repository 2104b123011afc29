//! A folder of pages to JSON lines, in parallel, carrying on past bad pages.
//!
//! A minimal version of `pith batch` with only the standard library: one `Extractor`
//! shared by a few threads, one line per page in file order, and an `error` field for
//! a page that could not be read or is not HTML.
//!
//! ```sh
//! cargo run --release --example batch -- corpus/html > corpus.jsonl
//! ```

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

fn main() {
    let dir = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .unwrap_or_else(|| "corpus/html".into()),
    );
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    files.retain(|p| p.extension().is_some_and(|x| x == "html"));
    files.sort();

    let extractor = pith::Extractor::default();
    let next = AtomicUsize::new(0);
    let mut lines: Vec<Option<String>> = vec![None; files.len()];
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let results: Vec<Vec<(usize, String)>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
                        let line = match std::fs::read(path) {
                            Ok(bytes) => match extractor.extract_bytes(&bytes, None) {
                                Ok(a) => json_line(id.as_deref(), &a.text, None),
                                Err(e) => json_line(id.as_deref(), "", Some(&e.to_string())),
                            },
                            Err(e) => json_line(id.as_deref(), "", Some(&e.to_string())),
                        };
                        done.push((i, line));
                    }
                    done
                })
            })
            .collect();
        workers.into_iter().filter_map(|w| w.join().ok()).collect()
    });
    for (i, line) in results.into_iter().flatten() {
        if let Some(slot) = lines.get_mut(i) {
            *slot = Some(line);
        }
    }
    for line in lines.into_iter().flatten() {
        println!("{line}");
    }
}

/// A JSON line with the fields the shared scorer reads.
fn json_line(id: Option<&str>, text: &str, error: Option<&str>) -> String {
    let mut s = format!(
        "{{\"id\":{},\"text\":{}",
        quote(id.unwrap_or("")),
        quote(text)
    );
    if let Some(e) = error {
        s.push_str(&format!(",\"error\":{}", quote(e)));
    }
    s.push('}');
    s
}

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
