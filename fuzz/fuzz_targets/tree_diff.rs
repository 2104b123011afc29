//! pith's tree against html5ever's own (scraper, no guard): when no guard fired they are
//! equal (elements and the text of every node); when one fired, pith's text holds no
//! character that is not text in html5ever's tree (script and style text counted): a
//! guard drops what is over a limit and never turns markup into text. Small limits, taken
//! from the first bytes, reach the guards.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::HashMap;

#[path = "../../tests/common/html5ever_outline.rs"]
mod their_tree;
use their_tree::outline;

/// How often each character occurs in the text nodes of an outline.
fn text_chars(outline: &[String]) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for line in outline.iter().filter(|l| l.starts_with('"')) {
        for c in line.chars() {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    counts
}

fuzz_target!(|data: &[u8]| {
    let Some((&[depth, nodes], rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let Ok(html) = std::str::from_utf8(rest) else {
        return;
    };
    let (depth, nodes) = if depth < 128 {
        (pith::DEFAULT_MAX_DEPTH, pith::DEFAULT_MAX_NODES)
    } else {
        (usize::from(depth % 32) + 1, usize::from(nodes) * 16 + 1)
    };
    let (ours, guarded) = pith::parse_outline(html, depth, nodes);
    if !guarded {
        assert_eq!(ours, outline(html, false), "the trees differ with no guard fired");
        return;
    }
    // Each line is `"…"` with Debug escapes on both sides, so characters compare alike.
    let theirs = text_chars(&outline(html, true));
    for (c, n) in text_chars(&ours) {
        if c == '"' {
            continue;
        }
        let have = theirs.get(&c).copied().unwrap_or(0);
        assert!(n <= have, "{c:?} is text {n} times in pith's tree, {have} in html5ever's");
    }
});
