//! Extract the article from one saved page and print its title and text.
//!
//! ```sh
//! cargo run --example extract -- corpus/html/megamenu-before-and-after.html
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: extract PAGE.html");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    // Bytes in, so the page's own charset declaration is honoured.
    match pith::extract_bytes(&bytes, None) {
        Ok(article) => {
            println!("{}\n", article.title);
            println!("{}", article.text);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}
