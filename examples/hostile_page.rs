//! Writes one of the generated test pages to standard output, so that the memory and time
//! figures in the README can be reproduced with the command-line tool:
//!
//! ```sh
//! cargo run --release --example hostile_page -- realistic 50000000 > page-50MB.html
//! /usr/bin/time -v target/release/pith page-50MB.html > /dev/null
//! cargo run --release --example hostile_page -- div 100000 > nested.html
//! ```
//!
//! `realistic BYTES` is a news page of about that size (paragraphs with links, headings,
//! lists, ad slots, related boxes); any other name is one of the hostile shapes of
//! `tests/common/hostile.rs` repeated N times.

#[path = "../tests/common/hostile.rs"]
#[allow(dead_code)]
mod hostile;

use std::io::Write;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(name), Some(Ok(n))) = (args.first(), args.get(1).map(|n| n.parse::<usize>())) else {
        eprintln!(
            "usage: hostile_page realistic BYTES | hostile_page SHAPE N\nshapes: {}",
            hostile::SHAPES.join(", ")
        );
        return std::process::ExitCode::FAILURE;
    };
    let page = if name == "realistic" {
        hostile::realistic_page(n)
    } else if hostile::SHAPES.contains(&name.as_str()) {
        hostile::shape(name, n)
    } else {
        eprintln!(
            "unknown shape {name}; shapes: {}",
            hostile::SHAPES.join(", ")
        );
        return std::process::ExitCode::FAILURE;
    };
    match std::io::stdout().lock().write_all(page.as_bytes()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write the page: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
