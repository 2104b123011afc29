//! One page under the three `Focus` settings, with a reusable `Extractor`, and the
//! decision behind every block for the page's first few blocks.
//!
//! ```sh
//! cargo run --example options -- corpus/html/inline-ad-splits-article.html
//! ```

use pith::{Extractor, Focus, Options};

fn main() {
    let path = std::env::args_os()
        .nth(1)
        .unwrap_or_else(|| "corpus/html/inline-ad-splits-article.html".into());
    let html = match std::fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.to_string_lossy());
            std::process::exit(1);
        }
    };
    for focus in [Focus::Precision, Focus::Balanced, Focus::Recall] {
        // An Extractor is cheap, immutable and Send + Sync: build one per configuration
        // and share it across threads.
        let extractor = Extractor::new(Options::default().focus(focus));
        let article = extractor.extract(&html);
        println!(
            "{focus:?}: {} blocks, {} characters",
            article.blocks.len(),
            article.text.chars().count()
        );
    }
    let why = Extractor::default().explain(&html);
    println!("\nregion: {}", why.region);
    for b in why.blocks.iter().take(12) {
        let preview: String = b.text.chars().take(60).collect();
        println!(
            "{} {:<40} {}",
            if b.kept { "keep" } else { "drop" },
            b.rule,
            preview
        );
    }
}
