//! Stage 0 — bytes to text.
//!
//! Input: the page's bytes and, when known, the HTTP `Content-Type` header. Output:
//! [`Decoded`]: the text and the [`Charset`] used, with how it was found.
//!
//! Decides the character encoding, in the order of the WHATWG HTML standard's "determining
//! the character encoding" (§13.2.3.2), with one deviation noted below:
//! 1. a byte order mark (UTF-8, UTF-16LE/BE);
//! 2. the `charset` parameter of the transport layer's `Content-Type`;
//! 3. the prescan of the first 1024 bytes for `<meta charset>` or
//!    `<meta http-equiv=content-type content="…charset=…">`;
//! 4. a guess from the bytes with `chardetng` (Firefox's detector), allowing UTF-8;
//!
//! Deviations: a declared legacy encoding (ISO-8859-1, windows-1252, GB2312, Shift_JIS…) on
//! bytes that are valid UTF-8 and contain non-ASCII is read as UTF-8. Such pages are common
//! in older crawls and saved copies: a server default header, or a page re-saved as UTF-8
//! without updating its `<meta>`, mislabels UTF-8 bytes. The reverse mistake (legacy bytes
//! that happen to form valid UTF-8) is very rare for real text, since UTF-8's multi-byte
//! patterns almost never arise by chance. And a declared UTF-8 on bytes that are mostly
//! invalid UTF-8 (more invalid sequences than valid non-ASCII characters) is ignored and
//! the bytes are guessed: server-wide UTF-8 headers in front of legacy pages are the common
//! case, and reading those as UTF-8 loses every non-ASCII letter.
//!
//! Input that is plainly not text (NUL- or control-character-heavy, or an
//! image/archive/PDF signature) is an
//! [`Error::NotHtml`].

use crate::error::Error;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use once_cell::sync::Lazy;
use regex::bytes::Regex;
use std::borrow::Cow;

/// How the charset of a page was determined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum CharsetSource {
    /// A byte order mark.
    Bom,
    /// The `charset` of the HTTP `Content-Type` header.
    Header,
    /// A `<meta>` declaration in the first 1024 bytes.
    Meta,
    /// A declared legacy charset overridden because the bytes are valid UTF-8.
    Utf8Override,
    /// Guessed from the bytes (chardetng): nothing was declared, the declaration came after
    /// the first 1024 bytes, or a declared UTF-8 was contradicted by the bytes.
    Guess,
}

/// The character encoding a page was decoded with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Charset {
    /// WHATWG name of the encoding (`UTF-8`, `windows-1252`, `Shift_JIS`…).
    pub name: &'static str,
    /// How it was found.
    pub source: CharsetSource,
}

/// Decoded page text.
pub(crate) struct Decoded<'a> {
    /// The text; borrowed when the input was already UTF-8.
    pub(crate) text: Cow<'a, str>,
    /// The charset used.
    pub(crate) charset: Charset,
}

/// The `<meta>` prescan window (WHATWG: 1024 bytes).
const PRESCAN_BYTES: usize = 1024;
/// Bytes the charset detector reads: enough text for a confident guess (chardetng's
/// own advice is "a few kilobytes of text"), bounded so huge pages cost no more.
const GUESS_BYTES: usize = 64 * 1024;
/// Bytes inspected for binary signatures and NUL density.
const SNIFF_BYTES: usize = 4096;
/// More NUL bytes than this share of the sniffed bytes means binary, not text (UTF-16
/// without a BOM would trip it too; such pages are vanishingly rare on the web).
const MAX_NUL_SHARE: f32 = 0.01;
/// More C0 control bytes than this share of the sniffed bytes (tab, line feed, form feed,
/// carriage return and escape excepted: ISO-2022-JP switches character sets with escape
/// sequences) means binary. Uniformly random bytes have 10.5%; text has none but strays.
const MAX_CONTROL_SHARE: f32 = 0.02;

static META_CHARSET: Lazy<Option<Regex>> =
    Lazy::new(|| Regex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).ok());

/// Decodes page bytes (see the module doc).
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
) -> Result<Decoded<'a>, Error> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return Ok(with(enc, rest, CharsetSource::Bom));
    }
    reject_binary(bytes)?;
    // One validation pass serves every step below.
    let valid_utf8 = std::str::from_utf8(bytes).ok();
    // A UTF-8 declaration the bytes contradict is passed over (see the module doc).
    let declared = [
        content_type
            .and_then(header_charset)
            .map(|e| (e, CharsetSource::Header)),
        meta_charset(bytes).map(|e| (e, CharsetSource::Meta)),
    ]
    .into_iter()
    .flatten()
    .find(|(enc, _)| *enc != UTF_8 || valid_utf8.is_some() || utf8_is_plausible(bytes));
    if let Some((enc, source)) = declared {
        match valid_utf8 {
            Some(text) if enc == UTF_8 => return Ok(utf8(text, source)),
            Some(text) if !bytes.is_ascii() => {
                return Ok(utf8(text, CharsetSource::Utf8Override));
            }
            _ => return Ok(with(enc, bytes, source)),
        }
    }
    // Valid UTF-8 with no declaration is UTF-8: the detector would say so too, after
    // running every candidate over every byte (it was 40% of run time on scrapinghub).
    if let Some(text) = valid_utf8 {
        return Ok(utf8(text, CharsetSource::Guess));
    }
    Ok(guess(bytes))
}

/// The detector's guess (step 4).
fn guess(bytes: &[u8]) -> Decoded<'_> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let sample = bytes.get(..GUESS_BYTES.min(bytes.len())).unwrap_or(bytes);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    with(guess, bytes, CharsetSource::Guess)
}

/// Whether bytes declared UTF-8 are UTF-8: there are fewer invalid sequences than valid
/// non-ASCII characters in the sniffed head. A page with a stray byte or two from a
/// template in another charset stays UTF-8; a legacy page behind a server-wide UTF-8
/// header, where every non-ASCII byte is invalid, does not.
fn utf8_is_plausible(bytes: &[u8]) -> bool {
    let head = bytes.get(..GUESS_BYTES.min(bytes.len())).unwrap_or(bytes);
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in head.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    // A multi-byte character cut by the end of the sniffed window is not evidence.
    if head.len() < bytes.len() {
        invalid = invalid.saturating_sub(1);
    }
    invalid <= valid
}

/// Text already validated as UTF-8, borrowed as is.
fn utf8(text: &str, source: CharsetSource) -> Decoded<'_> {
    Decoded {
        text: Cow::Borrowed(text),
        charset: Charset {
            name: UTF_8.name(),
            source,
        },
    }
}

fn with<'a>(enc: &'static Encoding, bytes: &'a [u8], source: CharsetSource) -> Decoded<'a> {
    let (text, _had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text,
        charset: Charset {
            name: enc.name(),
            source,
        },
    }
}

/// The encoding named by a `Content-Type` header's `charset` parameter.
fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        if !key.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let label = value.trim().trim_matches(|c| c == '"' || c == '\'');
        whatwg_label(label.as_bytes())
    })
}

/// The encoding declared by a `<meta>` in the prescan window.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let window = bytes.get(..PRESCAN_BYTES.min(bytes.len())).unwrap_or(bytes);
    let re = META_CHARSET.as_ref()?;
    let caps = re.captures(window)?;
    whatwg_label(caps.get(1)?.as_bytes())
}

/// WHATWG label lookup plus the prescan's rules: a UTF-16 declaration inside the document
/// means UTF-8 (the document could not have been read to find it otherwise), and
/// `x-user-defined` means windows-1252.
fn whatwg_label(label: &[u8]) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label)?;
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    if enc == encoding_rs::X_USER_DEFINED {
        return Some(WINDOWS_1252);
    }
    Some(enc)
}

/// Signatures of common non-text formats served in place of pages.
const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF signature"),
    (b"\x89PNG", "a PNG signature"),
    (b"GIF8", "a GIF signature"),
    (b"\xFF\xD8\xFF", "a JPEG signature"),
    (b"PK\x03\x04", "a ZIP signature"),
    (b"\x1F\x8B", "a gzip signature; decompress it first"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) signature"),
    (b"\x00asm", "a WebAssembly signature"),
];

fn reject_binary(bytes: &[u8]) -> Result<(), Error> {
    for (magic, reason) in BINARY_SIGNATURES {
        if bytes.starts_with(magic) {
            return Err(Error::NotHtml { reason });
        }
    }
    let head = bytes.get(..SNIFF_BYTES.min(bytes.len())).unwrap_or(bytes);
    let nul = head.iter().filter(|b| **b == 0).count();
    if !head.is_empty() && nul as f32 > MAX_NUL_SHARE * head.len() as f32 {
        return Err(Error::NotHtml {
            reason: "many NUL bytes",
        });
    }
    let control = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | 0x0C | b'\r' | 0x1B))
        .count();
    if !head.is_empty() && control as f32 > MAX_CONTROL_SHARE * head.len() as f32 {
        return Err(Error::NotHtml {
            reason: "many control characters",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(b"<meta charset=koi8-r>caf\xC3\xA9");
        let d = decode(&bytes, Some("text/html; charset=iso-8859-2")).expect("text");
        assert_eq!(d.charset.source, CharsetSource::Bom);
        assert!(d.text.ends_with("café"));
    }

    #[test]
    fn header_beats_meta() {
        let d = decode(
            b"<meta charset=utf-8>\xE9",
            Some("text/html; charset=\"ISO-8859-2\""),
        )
        .expect("text");
        assert_eq!(d.charset.name, "ISO-8859-2");
        assert_eq!(d.charset.source, CharsetSource::Header);
    }

    #[test]
    fn meta_prescan_finds_both_forms() {
        let d = decode(b"<meta charset='windows-1251'>\xEF\xF0", None).expect("text");
        assert_eq!(d.charset.name, "windows-1251");
        assert_eq!(d.text.chars().last(), Some('р'));
        let d = decode(
            b"<meta http-equiv=Content-Type content=\"text/html; charset=Shift_JIS\">",
            None,
        )
        .expect("text");
        assert_eq!(d.charset.name, "Shift_JIS");
    }

    #[test]
    fn latin1_label_on_utf8_bytes_reads_as_utf8() {
        let d = decode("<meta charset=iso-8859-1><p>café</p>".as_bytes(), None).expect("text");
        assert_eq!(d.charset.source, CharsetSource::Utf8Override);
        assert!(d.text.contains("café"));
    }

    #[test]
    fn gb2312_label_on_utf8_bytes_reads_as_utf8() {
        let page =
            "<meta http-equiv=Content-Type content='text/html; charset=gb2312'><p>人工智能</p>";
        let d = decode(page.as_bytes(), None).expect("text");
        assert_eq!(d.charset.source, CharsetSource::Utf8Override);
        assert!(d.text.contains("人工智能"));
    }

    #[test]
    fn undeclared_bytes_are_guessed() {
        let d = decode(
            "<p>Ça a été un été très chaud à Genève.</p>".as_bytes(),
            None,
        )
        .expect("text");
        assert_eq!(d.charset.name, "UTF-8");
        assert_eq!(d.charset.source, CharsetSource::Guess);
    }

    #[test]
    fn binary_input_is_rejected() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n", None),
            Err(Error::NotHtml { .. })
        ));
        assert!(matches!(
            decode(&[0u8; 200], None),
            Err(Error::NotHtml { .. })
        ));
    }

    #[test]
    fn control_characters_mark_binary_but_escapes_and_strays_do_not() {
        let mut bytes = b"<p>".repeat(100);
        bytes.extend_from_slice(&[0x01, 0x02, 0x03]);
        assert!(decode(&bytes, None).is_ok());
        bytes.extend_from_slice(&[0x05; 10]);
        assert!(matches!(
            decode(&bytes, None),
            Err(Error::NotHtml {
                reason: "many control characters"
            })
        ));
        // ISO-2022-JP text is full of escape sequences.
        let (jis, _, _) = encoding_rs::ISO_2022_JP.encode("<p>日本 語 の 文 章 です</p>");
        assert!(decode(&jis, Some("text/html; charset=iso-2022-jp")).is_ok());
    }
}
