//! Page bytes in any charset, with or without a Content-Type header: `extract_bytes` must
//! return an article or an error, never panic, overflow the stack or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Header values tried, chosen by the first byte: none, plain, declared charsets that may
/// be right or wrong for the bytes, and junk.
const CONTENT_TYPES: &[Option<&str>] = &[
    None,
    Some("text/html"),
    Some("text/html; charset=utf-8"),
    Some("text/html; charset=iso-8859-1"),
    Some("text/html; charset=shift_jis"),
    Some("text/html; charset=\"gb18030\""),
    Some("text/html; charset=utf-16le"),
    Some("text/html; charset=x-user-defined"),
    Some("text/html; charset=bogus; charset="),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, page)) = data.split_first() else {
        return;
    };
    let content_type = CONTENT_TYPES
        .get(usize::from(selector) % CONTENT_TYPES.len())
        .copied()
        .flatten();
    if let Ok(article) = pith::extract_bytes(page, content_type) {
        // The text is built from the page's own text: never longer than it by much.
        assert!(article.text.len() <= page.len().saturating_mul(4) + 16);
    }
});
