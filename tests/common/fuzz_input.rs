//! How the `extract_bytes` fuzz target reads its input, shared by the target
//! (`fuzz/fuzz_targets/extract_bytes.rs`) and the replay of saved crashes
//! (`tests/robustness.rs`), so that a replayed input means what it meant to the fuzzer.

/// Header values tried, chosen by the first byte: none, plain, declared charsets that may
/// be right or wrong for the bytes, and junk.
pub const CONTENT_TYPES: &[Option<&str>] = &[
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

/// The Content-Type the first byte selects and the page bytes after it; None for empty input.
pub fn split(data: &[u8]) -> Option<(Option<&'static str>, &[u8])> {
    let (&selector, page) = data.split_first()?;
    let content_type = CONTENT_TYPES
        .get(usize::from(selector) % CONTENT_TYPES.len())
        .copied()
        .flatten();
    Some((content_type, page))
}
