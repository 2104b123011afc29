//! Page bytes in any charset, with or without a Content-Type header: `extract_bytes` must
//! return an article or an error, never panic, overflow the stack or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/fuzz_input.rs"]
mod fuzz_input;

fuzz_target!(|data: &[u8]| {
    let Some((content_type, page)) = fuzz_input::split(data) else {
        return;
    };
    if let Ok(article) = pith::extract_bytes(page, content_type) {
        // The text is built from the page's own text: never longer than it by much.
        assert!(article.text.len() <= page.len().saturating_mul(4) + 16);
    }
});
