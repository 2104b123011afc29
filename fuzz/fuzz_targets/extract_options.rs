//! Any text with options taken from its first bytes (small depth and node limits reach the
//! guards' edge cases): `Extractor::extract` must never panic, and is deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pith::{Extractor, Focus, Options};

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<3>() else {
        return;
    };
    let Ok(html) = std::str::from_utf8(rest) else {
        return;
    };
    let focus = match head[0] % 3 {
        0 => Focus::Precision,
        1 => Focus::Balanced,
        _ => Focus::Recall,
    };
    let options = Options::default()
        .focus(focus)
        .max_depth(usize::from(head[1]) + 1)
        .max_nodes(usize::from(head[2]) * 64 + 1)
        .min_article_chars(usize::from(head[0] / 3));
    let extractor = Extractor::new(options);
    let first = extractor.extract(html);
    let second = extractor.extract(html);
    assert_eq!(first, second, "extraction is not deterministic");
});
