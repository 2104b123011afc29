//! Reading WARC archives (ISO 28500, WARC/1.0 and 1.1): record headers and blocks, one
//! record at a time, never the whole archive.
//!
//! Input: any `BufRead` over the archive bytes, uncompressed or gzip-compressed (one gzip
//! member per record, as Common Crawl ships them, or one member for the whole file; the
//! compression is recognised by its magic bytes, not the file name). Output: one
//! [`Header`] per record; the caller then reads as much of the block as it needs with
//! [`Reader::read`] and the rest is skipped, so a 500 MB video record costs no memory.
//!
//! Why not the `warc` crate (0.4.0): it decompresses with libflate (about half the speed
//! of flate2), brings uuid 0.8, chrono, url and nom for writing features we do not use,
//! drops folded header lines, rejects records whose `WARC-Date` is not RFC 3339, reads
//! every block whole (no limit), and reports failures as "Error parsing headers." without
//! saying where. This reader is lenient where archives in the wild differ (LF-only line
//! ends, missing or extra blank lines between records, `<…>` around URIs), strict where a
//! mistake would lose pages silently (a missing `Content-Length` is an error), and every
//! error names the record.

use flate2::bufread::MultiGzDecoder;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

/// Longest record header accepted. Common Crawl's are about 1 KB; a `WARC-Target-URI`
/// may be a few KB. Longer means this is not a WARC file (or it is damaged), and reading
/// on would buffer an arbitrary amount of garbage.
const MAX_HEADER_BYTES: u64 = 1 << 20;

/// The two bytes every gzip member starts with (RFC 1952 §2.3.1).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// One record's named fields. Field names are case-insensitive (WARC 1.1 §5); only the
/// fields pith uses are kept.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// `WARC-Type`: `warcinfo`, `response`, `request`, `metadata`, `revisit`…
    pub(crate) warc_type: String,
    /// `WARC-Record-ID`, without the angle brackets.
    pub(crate) record_id: Option<String>,
    /// `WARC-Target-URI`, without angle brackets (some writers add them).
    pub(crate) target_uri: Option<String>,
    /// `Content-Type` of the block (`application/http; msgtype=response` for HTTP).
    pub(crate) content_type: Option<String>,
    /// `Content-Length`: bytes in the block.
    pub(crate) content_length: u64,
}

/// What went wrong while reading an archive. The batch reports it with the archive's
/// name and stops reading that archive (after a damaged record the next one cannot be
/// found reliably).
#[derive(Debug)]
pub(crate) enum Error {
    /// Reading or decompressing failed.
    Io { record: u64, source: io::Error },
    /// The bytes are not a WARC record header.
    Malformed { record: u64, what: String },
    /// The archive ends inside a record.
    Truncated { record: u64 },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { record, source }
                if source.kind() == io::ErrorKind::InvalidInput
                    || source.kind() == io::ErrorKind::InvalidData =>
            {
                write!(
                    f,
                    "damaged compressed data at record {record} ({source}); \
                     the file may be cut short or not a gzip file"
                )
            }
            Error::Io { record, source } if source.kind() == io::ErrorKind::UnexpectedEof => {
                Error::Truncated { record: *record }.fmt(f)
            }
            Error::Io { record, source } => write!(f, "read error at record {record}: {source}"),
            Error::Malformed { record, what } => write!(
                f,
                "record {record} is not a WARC record ({what}); is this a WARC file?"
            ),
            Error::Truncated { record } => write!(
                f,
                "the archive ends inside record {record}; the file is cut short"
            ),
        }
    }
}

/// A record-by-record reader.
pub(crate) struct Reader<R> {
    inner: R,
    /// Records whose header was read (1-based number of the current record).
    record: u64,
    /// Bytes of the current record's block not yet read.
    remaining: u64,
}

/// Opens an archive stream, decompressing it when it starts with the gzip magic bytes.
pub(crate) fn open<R: Read + Send + 'static>(
    raw: R,
) -> io::Result<Reader<Box<dyn BufRead + Send>>> {
    let mut buffered = BufReader::with_capacity(1 << 16, raw);
    let is_gzip = buffered.fill_buf()?.starts_with(&GZIP_MAGIC);
    let inner: Box<dyn BufRead + Send> = if is_gzip {
        // MultiGzDecoder reads every member, so gzip-per-record and whole-file gzip are
        // the same to us.
        Box::new(BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    };
    Ok(Reader::new(inner))
}

impl<R: BufRead> Reader<R> {
    pub(crate) fn new(inner: R) -> Self {
        Reader {
            inner,
            record: 0,
            remaining: 0,
        }
    }

    /// The number of the record last returned by [`next_header`](Self::next_header),
    /// counting from 1.
    pub(crate) fn record_number(&self) -> u64 {
        self.record
    }

    /// Reads the next record's header, first skipping whatever of the previous block was
    /// not read. `None` at a clean end of the archive.
    pub(crate) fn next_header(&mut self) -> Result<Option<Header>, Error> {
        self.skip_rest()?;
        let record = self.record + 1;
        let mut budget = (&mut self.inner).take(MAX_HEADER_BYTES);
        let mut line = Vec::new();
        // Blank lines end the previous block (WARC 1.1 §4: CRLF CRLF); tolerate any
        // number of them, with or without CR.
        loop {
            line.clear();
            let n = budget
                .read_until(b'\n', &mut line)
                .map_err(|source| Error::Io { record, source })?;
            if n == 0 {
                return Ok(None);
            }
            if !trim_eol(&line).is_empty() {
                break;
            }
        }
        if !line.starts_with(b"WARC/") {
            return Err(Error::Malformed {
                record,
                what: format!("it starts with {:?}", preview(&line)),
            });
        }
        self.record = record;
        let mut fields: Vec<(String, String)> = Vec::new();
        loop {
            line.clear();
            let n = budget
                .read_until(b'\n', &mut line)
                .map_err(|source| Error::Io { record, source })?;
            if n == 0 {
                return Err(if budget.limit() == 0 {
                    Error::Malformed {
                        record,
                        what: format!("header longer than {MAX_HEADER_BYTES} bytes"),
                    }
                } else {
                    Error::Truncated { record }
                });
            }
            let text = trim_eol(&line);
            if text.is_empty() {
                break;
            }
            let text = String::from_utf8_lossy(text);
            if text.starts_with([' ', '\t']) {
                // A folded line continues the previous field (WARC 1.1 §4, after RFC 2616).
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(text.trim());
                    continue;
                }
            }
            let Some((name, value)) = text.split_once(':') else {
                return Err(Error::Malformed {
                    record,
                    what: format!("header line without a colon: {:?}", preview(&line)),
                });
            };
            fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
        let header = header_from(record, fields)?;
        self.remaining = header.content_length;
        Ok(Some(header))
    }

    /// Reads up to `max` more bytes of the current block (all of them when fewer remain).
    pub(crate) fn read(&mut self, max: u64) -> Result<Vec<u8>, Error> {
        let want = max.min(self.remaining);
        let mut bytes = Vec::new();
        let record = self.record;
        let got = (&mut self.inner)
            .take(want)
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io { record, source })? as u64;
        self.remaining -= got;
        if got < want {
            return Err(Error::Truncated { record });
        }
        Ok(bytes)
    }

    /// Bytes of the current block not yet read.
    #[cfg(test)]
    pub(crate) fn remaining(&self) -> u64 {
        self.remaining
    }

    /// Reads past the rest of the current block.
    fn skip_rest(&mut self) -> Result<(), Error> {
        let record = self.record;
        let want = self.remaining;
        let skipped = io::copy(&mut (&mut self.inner).take(want), &mut io::sink())
            .map_err(|source| Error::Io { record, source })?;
        self.remaining = 0;
        if skipped < want {
            return Err(Error::Truncated { record });
        }
        Ok(())
    }
}

fn header_from(record: u64, fields: Vec<(String, String)>) -> Result<Header, Error> {
    let mut header = Header::default();
    let mut length = None;
    for (name, value) in fields {
        match name.as_str() {
            "warc-type" => header.warc_type = value.to_ascii_lowercase(),
            "warc-record-id" => header.record_id = Some(unbracket(&value).to_string()),
            "warc-target-uri" => header.target_uri = Some(unbracket(&value).to_string()),
            "content-type" => header.content_type = Some(value),
            "content-length" => {
                length = Some(value.parse::<u64>().map_err(|_| Error::Malformed {
                    record,
                    what: format!("Content-Length {value:?} is not a number"),
                })?);
            }
            _ => {}
        }
    }
    // Without a length the block's end cannot be found, and guessing would merge or lose
    // records.
    header.content_length = length.ok_or(Error::Malformed {
        record,
        what: "no Content-Length".to_string(),
    })?;
    Ok(header)
}

/// `<urn:uuid:…>` → `urn:uuid:…`.
fn unbracket(value: &str) -> &str {
    value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(value)
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The start of a line, for error messages.
fn preview(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(trim_eol(line));
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(fields: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\n{fields}Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn records_are_read_in_turn_with_their_blocks() {
        let mut bytes = record("WARC-Type: warcinfo\r\n", b"software: test\r\n");
        bytes.extend(record(
            "WARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
             WARC-Target-URI: <https://example.com/a>\r\n",
            b"HTTP/1.1 200 OK\r\n\r\n<p>hi</p>",
        ));
        let mut reader = Reader::new(&bytes[..]);
        let info = reader.next_header().unwrap().unwrap();
        assert_eq!(info.warc_type, "warcinfo");
        let page = reader.next_header().unwrap().unwrap();
        assert_eq!(page.warc_type, "response");
        assert_eq!(page.record_id.as_deref(), Some("urn:uuid:1"));
        assert_eq!(page.target_uri.as_deref(), Some("https://example.com/a"));
        assert_eq!(reader.record_number(), 2);
        assert_eq!(reader.read(5).unwrap(), b"HTTP/");
        let rest = reader.read(1 << 20).unwrap();
        assert!(rest.ends_with(b"<p>hi</p>"));
        assert_eq!(reader.remaining(), 0);
        assert!(reader.next_header().unwrap().is_none());
    }

    #[test]
    fn header_names_are_case_insensitive_and_folded_lines_join() {
        let bytes = record(
            "warc-type: Response\r\nwarc-target-uri: https://example.com/\r\n  long-path\r\n",
            b"",
        );
        let header = Reader::new(&bytes[..]).next_header().unwrap().unwrap();
        assert_eq!(header.warc_type, "response");
        assert_eq!(
            header.target_uri.as_deref(),
            Some("https://example.com/ long-path")
        );
    }

    #[test]
    fn lf_only_line_ends_are_accepted() {
        let bytes = b"WARC/1.0\nWARC-Type: request\nContent-Length: 3\n\nabc\n\n";
        let mut reader = Reader::new(&bytes[..]);
        let header = reader.next_header().unwrap().unwrap();
        assert_eq!(header.content_length, 3);
        assert_eq!(reader.read(10).unwrap(), b"abc");
        assert!(reader.next_header().unwrap().is_none());
    }

    #[test]
    fn a_block_read_in_part_is_skipped_by_the_next_header() {
        let mut bytes = record("WARC-Type: response\r\n", &[b'x'; 100]);
        bytes.extend(record("WARC-Type: metadata\r\n", b"m"));
        let mut reader = Reader::new(&bytes[..]);
        let big = reader.next_header().unwrap().unwrap();
        assert_eq!(big.content_length, 100);
        assert_eq!(reader.read(10).unwrap().len(), 10);
        assert_eq!(reader.remaining(), 90);
        assert_eq!(reader.next_header().unwrap().unwrap().warc_type, "metadata");
    }

    #[test]
    fn a_file_that_is_not_warc_is_an_error_naming_its_start() {
        let err = Reader::new(&b"<html><body>hello"[..])
            .next_header()
            .unwrap_err();
        assert!(matches!(err, Error::Malformed { record: 1, .. }));
        assert!(err.to_string().contains("<html>"), "{err}");
    }

    #[test]
    fn missing_content_length_is_an_error() {
        let bytes = b"WARC/1.0\r\nWARC-Type: response\r\n\r\n";
        let err = Reader::new(&bytes[..]).next_header().unwrap_err();
        assert!(err.to_string().contains("no Content-Length"), "{err}");
    }

    #[test]
    fn an_archive_cut_inside_a_block_is_truncated() {
        let mut bytes = record("WARC-Type: response\r\n", b"0123456789");
        bytes.truncate(bytes.len() - 8);
        let mut reader = Reader::new(&bytes[..]);
        reader.next_header().unwrap().unwrap();
        assert!(matches!(
            reader.read(100),
            Err(Error::Truncated { record: 1 })
        ));
    }

    #[test]
    fn gzip_per_record_is_decompressed_member_after_member() {
        use flate2::{Compression, write::GzEncoder};
        use std::io::Write;
        let mut archive = Vec::new();
        for (i, kind) in ["warcinfo", "response"].iter().enumerate() {
            let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
            gz.write_all(&record(
                &format!("WARC-Type: {kind}\r\n"),
                &[b'a' + i as u8; 5],
            ))
            .unwrap();
            archive.extend(gz.finish().unwrap());
        }
        let mut reader = open(io::Cursor::new(archive)).unwrap();
        reader.next_header().unwrap().unwrap();
        let second = reader.next_header().unwrap().unwrap();
        assert_eq!(second.warc_type, "response");
        assert_eq!(reader.read(10).unwrap(), b"bbbbb");
        assert!(reader.next_header().unwrap().is_none());
    }
}
