//! The HTTP response stored in a WARC `response` record: status line and headers, which
//! payloads are pages, and the payload's bytes with transfer and content codings undone.
//!
//! Common Crawl stores payloads already decoded (it renames the original
//! `Content-Encoding`/`Transfer-Encoding` headers to `X-Crawler-…`), but wget, Heritrix
//! and browser-based crawlers store the bytes as they came off the wire, so `chunked`,
//! `gzip` and `deflate` are undone here (as warcio does).

use flate2::read::{DeflateDecoder, GzDecoder, ZlibDecoder};
use std::io::Read;

/// Longest HTTP head looked for: real heads are a few KB; a block with no blank line in
/// this span is not an HTTP message.
const MAX_HEAD_BYTES: usize = 1 << 16;

/// Media types pith extracts from (WHATWG MIME Sniffing "HTML MIME type", plus XHTML).
const HTML_TYPES: [&str; 2] = ["text/html", "application/xhtml+xml"];

/// The parts of an HTTP response pith needs.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Response<'a> {
    /// The `Content-Type` header value, if any.
    pub(crate) content_type: Option<String>,
    /// The `Transfer-Encoding` header value, lower-case.
    pub(crate) transfer_encoding: Option<String>,
    /// The `Content-Encoding` header value, lower-case.
    pub(crate) content_encoding: Option<String>,
    /// The bytes after the head, still encoded.
    pub(crate) body: &'a [u8],
}

/// Splits a stored response into head and body. `None` when the block does not start
/// with an HTTP status line (`text/dns` responses, damaged records).
pub(crate) fn parse(block: &[u8]) -> Option<Response<'_>> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let window = block.get(..MAX_HEAD_BYTES).unwrap_or(block);
    // RFC 9112 §2.2: a recipient may accept a bare LF as a line terminator.
    let (head_len, sep_len) = find(window, b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| find(window, b"\n\n").map(|i| (i, 2)))?;
    let head = String::from_utf8_lossy(block.get(..head_len)?);
    let body = block.get(head_len + sep_len..)?;
    let mut response = Response {
        content_type: None,
        transfer_encoding: None,
        content_encoding: None,
        body,
    };
    for line in head.lines().skip(1) {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        // Repeated fields: the last one wins, as in WHATWG Fetch's "extract a MIME type".
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => response.content_type = Some(value.to_string()),
            "transfer-encoding" => response.transfer_encoding = Some(value.to_ascii_lowercase()),
            "content-encoding" => response.content_encoding = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    Some(response)
}

impl Response<'_> {
    /// Whether the payload is a page: an HTML media type, or no `Content-Type` at all and
    /// a body that starts (after whitespace) with `<`. Other types — images, scripts,
    /// PDFs, JSON — are not pages.
    pub(crate) fn is_html(&self) -> bool {
        match &self.content_type {
            Some(value) => {
                let essence = value.split(';').next().unwrap_or("").trim();
                HTML_TYPES.iter().any(|t| essence.eq_ignore_ascii_case(t))
            }
            None => {
                // Undecoded bodies cannot be sniffed; let them through to the extractor,
                // which rejects binary input itself.
                self.content_encoding.is_some()
                    || self.transfer_encoding.is_some()
                    || self
                        .body
                        .iter()
                        .find(|b| !b.is_ascii_whitespace())
                        .is_some_and(|&b| b == b'<')
            }
        }
    }
}

/// Undoes the transfer coding (`chunked`) and content coding (`gzip`, `deflate`) named in
/// the headers; decoded output beyond `limit` bytes is an error (a decompression bomb, or
/// a page the extractor would refuse anyway).
pub(crate) fn decode_body(
    body: &[u8],
    transfer_encoding: Option<&str>,
    content_encoding: Option<&str>,
    limit: usize,
) -> Result<Vec<u8>, String> {
    let dechunked;
    let mut bytes = body;
    if transfer_encoding.is_some_and(|te| te.contains("chunked")) {
        dechunked = dechunk(body)?;
        bytes = &dechunked;
    }
    let coding = content_encoding.unwrap_or("").trim();
    let cap = limit as u64 + 1;
    let mut out = Vec::new();
    let read = match coding {
        "" | "identity" | "none" => return Ok(bytes.to_vec()),
        "gzip" | "x-gzip" => GzDecoder::new(bytes).take(cap).read_to_end(&mut out),
        // "deflate" is meant to be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send
        // raw deflate; try the former, then the latter.
        "deflate" => ZlibDecoder::new(bytes)
            .take(cap)
            .read_to_end(&mut out)
            .or_else(|_| {
                out.clear();
                DeflateDecoder::new(bytes).take(cap).read_to_end(&mut out)
            }),
        other => {
            return Err(format!(
                "the payload has Content-Encoding {other:?}, which pith cannot decode \
                 (gzip and deflate are supported)"
            ));
        }
    };
    read.map_err(|e| format!("cannot decode the {coding} payload: {e}"))?;
    if out.len() > limit {
        return Err(format!(
            "the decoded payload is over the limit of {limit} bytes"
        ));
    }
    Ok(out)
}

/// Joins the chunks of a `chunked` body (RFC 9112 §7.1). A body cut short keeps the
/// chunks that are complete and the part of the last one that is there, since stored
/// responses are often truncated (`WARC-Truncated`).
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(eol) = find(body, b"\n") {
        let line = String::from_utf8_lossy(body.get(..eol).unwrap_or_default());
        // Chunk extensions follow a `;`.
        let size_text = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("malformed chunked encoding (chunk size {size_text:?})"))?;
        body = body.get(eol + 1..).unwrap_or_default();
        if size == 0 {
            break;
        }
        let take = size.min(body.len());
        out.extend_from_slice(body.get(..take).unwrap_or_default());
        body = body.get(take..).unwrap_or_default();
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
    Ok(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_and_body_are_split_and_headers_read() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\
            Server: x\r\n\r\n<html>body";
        let r = parse(block).unwrap();
        assert_eq!(
            r.content_type.as_deref(),
            Some("text/html; charset=ISO-8859-1")
        );
        assert_eq!(r.body, b"<html>body");
        assert!(r.is_html());
    }

    #[test]
    fn images_and_scripts_are_not_pages() {
        for ct in ["image/png", "application/javascript", "text/plain"] {
            let block = format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n<x>");
            assert!(!parse(block.as_bytes()).unwrap().is_html(), "{ct}");
        }
    }

    #[test]
    fn without_a_content_type_the_body_is_sniffed() {
        assert!(
            parse(b"HTTP/1.0 200 OK\n\n  <!doctype html>")
                .unwrap()
                .is_html()
        );
        assert!(!parse(b"HTTP/1.0 200 OK\n\n\x89PNG").unwrap().is_html());
    }

    #[test]
    fn a_block_that_is_not_http_is_none() {
        assert_eq!(parse(b"example.com. 300 IN A 1.2.3.4"), None);
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let body = b"4\r\nWiki\r\n6;ext=1\r\npedia \r\n0\r\n\r\n";
        assert_eq!(
            decode_body(body, Some("chunked"), None, 100).unwrap(),
            b"Wikipedia "
        );
    }

    #[test]
    fn a_chunked_body_cut_short_keeps_what_is_there() {
        assert_eq!(dechunk(b"5\r\nhel").unwrap(), b"hel");
    }

    #[test]
    fn gzip_and_deflate_payloads_are_decoded() {
        use flate2::{Compression, write::GzEncoder, write::ZlibEncoder};
        use std::io::Write;
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(
            decode_body(&gz, None, Some("gzip"), 100).unwrap(),
            b"<p>zipped</p>"
        );
        let mut z = ZlibEncoder::new(Vec::new(), Compression::fast());
        z.write_all(b"<p>deflated</p>").unwrap();
        let z = z.finish().unwrap();
        assert_eq!(
            decode_body(&z, None, Some("deflate"), 100).unwrap(),
            b"<p>deflated</p>"
        );
        assert!(decode_body(&gz, None, Some("gzip"), 5).is_err());
    }

    #[test]
    fn unsupported_codings_are_named_in_the_error() {
        let err = decode_body(b"x", None, Some("br"), 10).unwrap_err();
        assert!(err.contains("\"br\""), "{err}");
    }
}
