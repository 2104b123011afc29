//! Reading WARC archives (ISO 28500, WARC/1.0 and 1.1) record by record, never the whole
//! archive, and reading on past damage.
//!
//! Input: any `Read` over the archive bytes, uncompressed or gzip-compressed (one gzip
//! member per record, as Common Crawl ships them, or one member for the whole file; the
//! compression is recognised by its magic bytes, not the file name, and when the first
//! bytes are damaged by which reading of the first few MB finds more records). Output: one [`Item`]
//! per record: its [`Header`] and as much of its block as the caller asked for, or one
//! [`Damage`] per damaged stretch of the archive.
//!
//! A record is sound when its block (`Content-Length` bytes) is followed by its blank line
//! (CR LF CR LF, or LF LF), or by the end of its gzip member or of the archive. A `WARC/`
//! line right after the block, or after a single line end, does not end it: a
//! `Content-Length` too long by whole records ends just so, and taking it for sound would
//! lose the records it swallowed.
//! Damage and how reading goes on after it:
//! * a gzip member that does not decode, or bytes between members that are not a gzip
//!   member: the next gzip member header (`1f 8b 08`) whose data starts with `WARC/` is
//!   searched for, in the compressed bytes, from just after the start of the damage;
//! * a record whose `Content-Length` disagrees with its gzip member (the member ends first,
//!   or the block ends inside the member) or, uncompressed, with the next record's start;
//!   bytes where a record header should start that are not one: the next `WARC/1.` that
//!   starts a record header that parses (at a line start or after garbage) is searched for, from the start of the
//!   damaged record's block (so a block that claimed too much gives back the records it
//!   swallowed), across member ends;
//! * a record whose block ends with its blank line but is followed by bytes that are not a
//!   record: its block is searched for a line starting `WARC/1.` that starts a record
//!   header that parses (a header that lost its blank line runs on into its body, and its
//!   block then swallows the next record's header). Found: the record is the damage and
//!   reading goes on at that header; else the record is sound and the bytes after it are;
//! * the archive ends inside a record: that record is the damage, as before.
//!
//! Each damaged stretch, from its start to the next sound record, is one [`Damage`], with
//! the record's id when its header was read. Healthy archives never search: resync costs
//! nothing until damage. A claimed `Content-Length` allocates nothing: blocks are read in
//! pieces as they arrive, and only the bytes asked for are kept.
//!
//! Why not the `warc` crate (0.4.0): it decompresses with libflate (about half the speed
//! of flate2), brings uuid 0.8, chrono, url and nom for writing features we do not use,
//! drops folded header lines, rejects records whose `WARC-Date` is not RFC 3339, reads
//! every block whole (no limit), and reports failures as "Error parsing headers." without
//! saying where; warcio (Python) stops at the first damaged member. This reader is lenient
//! where archives in the wild differ (LF-only line ends, extra blank lines between
//! records, `<…>` around URIs), strict where a mistake would lose pages silently (a missing
//! `Content-Length` is damage, and so is a missing blank line after a block: it cannot be
//! told from a length that swallowed records), and every damage names the record and offset.
//!
//! The fuzz crate includes this file (`fuzz/fuzz_targets/warc_reader.rs`), so it depends on
//! nothing of the binary's.

use flate2::bufread::GzDecoder;
use std::fmt;
use std::io::{self, BufRead, Read};

/// Longest record header accepted. Common Crawl's are about 1 KB; a `WARC-Target-URI`
/// may be a few KB. Longer means this is not a WARC file (or it is damaged), and reading
/// on would buffer an arbitrary amount of garbage.
const MAX_HEADER_BYTES: usize = 1 << 20;

/// The bytes every gzip member starts with: the magic and the deflate method (RFC 1952
/// §2.3.1). Searching for all three skips most false starts in compressed data.
const GZIP_MEMBER: [u8; 3] = [0x1f, 0x8b, 0x08];

/// What a record (and a member of a gzip-per-record archive) starts with.
const RECORD_START: &[u8] = b"WARC/";

/// What a record header line found by the resync search must start with (WARC 1.0, 1.1).
const RESYNC_START: &[u8] = b"WARC/1.";

/// Bytes of an archive that starts damaged read ahead, both as gzip and as plain, to tell
/// which it is (only then: a healthy archive starts with the gzip magic or `WARC/`). Enough
/// for a few records after the damaged one: Common Crawl cuts payloads at 1 MiB, and most
/// records are tens of KB. Larger decides better on archives of large records and costs
/// memory and two trial reads of this many bytes, once per damaged archive.
const KIND_WINDOW: usize = 4 << 20;

/// Bytes read from the input at a time.
const CHUNK: usize = 1 << 16;

/// Bytes of every block kept whatever the caller asked for, so that a block that claimed
/// too much can be searched for the records it swallowed. Records other than pages
/// (requests, metadata) are a few KB; a larger block that turns out damaged is searched
/// from where its kept bytes end.
const RESYNC_WINDOW: u64 = 1 << 20;

/// Compressed bytes of the current gzip member kept, so that a member that does not
/// decode can be searched for the next one from its own start (a corrupt deflate stream
/// may read on into the next member before it fails). Common Crawl members are tens of
/// KB; a whole-file gzip member is longer, and is then searched from where decoding failed.
const MEMBER_WINDOW: usize = 8 << 20;

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

/// A sound record.
#[derive(Debug)]
pub(crate) struct Record {
    pub(crate) header: Header,
    /// The first bytes of the block, as many as the caller asked for.
    pub(crate) block: Vec<u8>,
    /// 1-based number of the record in the archive, damaged stretches not counted.
    pub(crate) number: u64,
}

/// One damaged stretch of an archive, from where the damage starts to the next sound
/// record (or the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Damage {
    /// The damaged record's `WARC-Record-ID`, when its header could be read.
    pub(crate) record_id: Option<String>,
    /// Its `WARC-Target-URI`, likewise.
    pub(crate) target_uri: Option<String>,
    /// Where the stretch starts, in bytes of the file: for a gzip archive, the start of the
    /// gzip member it starts in (or of the bytes between members).
    pub(crate) offset: u64,
    /// Bytes passed over to reach the next record: compressed bytes between gzip members,
    /// decompressed bytes inside one (a damaged record's header and block included).
    pub(crate) skipped: u64,
    /// What was wrong, first damage of the stretch first.
    pub(crate) what: String,
    /// The archive ends inside this stretch (it was cut short).
    pub(crate) truncated: bool,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "damaged WARC record at offset {}: {}",
            self.offset, self.what
        )?;
        if self.truncated {
            write!(f, "; the archive is cut short")
        } else {
            write!(f, "; {} bytes skipped to the next record", self.skipped)
        }
    }
}

/// What the reader gives, in archive order.
#[derive(Debug)]
pub(crate) enum Item {
    Record(Record),
    Damaged(Damage),
}

/// Why an archive could not be read at all.
#[derive(Debug)]
pub(crate) enum Error {
    /// Reading the input failed (not a decoding failure: the file itself).
    Io(io::Error),
    /// Not a single WARC record in the input.
    NotWarc { starts_with: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "read error: {e}"),
            Error::NotWarc { starts_with } => write!(
                f,
                "no WARC record in it (it starts with {starts_with:?}); is this a WARC file?"
            ),
        }
    }
}

/// Compressed input, buffered, with its offset, and able to go back to any byte of the
/// current gzip member while that is at most [`MEMBER_WINDOW`] bytes.
struct Raw<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    /// File offset of `buf[0]`.
    base: u64,
    /// Bytes before this index may be dropped; `None`: before `pos`.
    keep_from: Option<usize>,
    eof: bool,
}

impl<R: Read> Raw<R> {
    fn new(inner: R) -> Self {
        Raw {
            inner,
            buf: Vec::new(),
            pos: 0,
            base: 0,
            keep_from: None,
            eof: false,
        }
    }

    fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Keeps the bytes from here on (the start of a gzip member).
    fn mark(&mut self) {
        self.keep_from = Some(self.pos);
    }

    /// Goes back to `offset`, when its bytes are still held.
    fn rewind(&mut self, offset: u64) -> bool {
        match offset.checked_sub(self.base).map(usize::try_from) {
            Some(Ok(i)) if i <= self.buf.len() => {
                self.pos = i;
                true
            }
            _ => false,
        }
    }

    /// Makes at least `n` bytes available from `pos` (fewer at the end of the input).
    fn fill(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.buf.len() - self.pos < n && !self.eof {
            let keep = match self.keep_from {
                Some(k) if self.pos - k <= MEMBER_WINDOW => k,
                _ => {
                    self.keep_from = None;
                    self.pos
                }
            };
            if keep > 0 && keep >= self.buf.len() / 2 {
                self.buf.drain(..keep);
                self.base += keep as u64;
                self.pos -= keep;
                self.keep_from = self.keep_from.map(|k| k - keep);
            }
            let len = self.buf.len();
            self.buf.resize(len + CHUNK, 0);
            let got = loop {
                match self.inner.read(self.buf.get_mut(len..).unwrap_or_default()) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    other => break other,
                }
            };
            self.buf.truncate(len + *got.as_ref().unwrap_or(&0));
            if got? == 0 {
                self.eof = true;
            }
        }
        Ok(self.buf.get(self.pos..).unwrap_or_default())
    }
}

impl<R: Read> Read for Raw<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out.get_mut(..n)
                .unwrap_or_default()
                .copy_from_slice(available.get(..n).unwrap_or_default());
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Raw<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.fill(1)
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }
}

/// Where decompressed (or plain) bytes come from.
enum Input<R> {
    Plain(R),
    /// Decoding a gzip member that starts at `start` in the file.
    Member {
        decoder: Box<GzDecoder<Raw<R>>>,
        start: u64,
    },
    /// Between gzip members.
    Between(Raw<R>),
    /// Only while switching.
    Gone,
}

/// A failure to get more bytes.
enum Fault {
    /// The file could not be read.
    Io(io::Error),
    /// The gzip member that starts at this offset does not decode.
    Corrupt { member: u64, why: String },
}

/// What follows the end of a segment (a gzip member, or the whole plain archive).
enum Next {
    /// A gzip member whose data starts a record.
    Record,
    /// A gzip member whose data does not start a record: the stream goes on (one record
    /// written over several members).
    Continues,
    /// The end of the archive.
    End,
    /// Bytes that are not a gzip member, at this offset.
    Garbage { offset: u64 },
}

/// A record-by-record reader (see the module doc).
pub(crate) struct Reader<R> {
    input: Input<R>,
    /// Decompressed bytes; `buf[pos..]` is not consumed yet.
    buf: Vec<u8>,
    pos: usize,
    /// Plain archives: the file offset of `buf[0]`.
    base: u64,
    /// The current segment has no more bytes (its gzip member ended, or the input).
    segment_done: bool,
    /// Sound records returned.
    records: u64,
    /// A sound record was returned or the input is gzip: damage at the start is not
    /// "no WARC at all".
    seen_record: bool,
    /// Damage found while checking the end of a sound record, reported on the next call.
    pending: Option<Damage>,
    /// The first bytes of the input, for the "is this a WARC file?" message.
    starts_with: String,
}

/// Opens an archive stream, decompressing it when it starts with the gzip magic bytes.
pub(crate) fn open<R: Read>(raw: R) -> io::Result<Reader<R>> {
    let mut raw = Raw::new(raw);
    let head = raw.fill(CHUNK)?;
    let starts_with = preview(head);
    let head_is_gzip = head.starts_with(&GZIP_MEMBER[..2]);
    // A gzip archive whose first member is damaged at its start still has gzip members
    // after it: bytes that do not start a record, followed soon by a gzip member that
    // decodes to a record, are read as gzip (the damage is then passed over like any other).
    let first = head
        .iter()
        .position(|b| *b != b'\r' && *b != b'\n')
        .and_then(|i| head.get(i..))
        .unwrap_or_default();
    let first = first
        .get(..RECORD_START.len().min(first.len()))
        .unwrap_or_default();
    let damaged_start =
        !first.is_empty() && !RECORD_START.starts_with(first) && holds_a_record_member(head);
    // A plain archive whose first header is damaged may hold such a member in a block too
    // (a record of a `.warc.gz` file, or bytes that happen to decode): the first bytes do
    // not tell the two apart, so the first [`KIND_WINDOW`] bytes are read both ways and
    // the reading that explains them better is taken (see [`reads_better_as_gzip`]).
    let damaged_gzip = damaged_start && {
        let window = raw.fill(KIND_WINDOW)?;
        reads_better_as_gzip(window)
    };
    let input = if head_is_gzip || damaged_gzip {
        Input::Between(raw)
    } else {
        // No gzip: the buffered bytes are the start of the archive.
        let Raw {
            inner, buf, pos, ..
        } = raw;
        let mut reader = Reader::with_input(Input::Plain(inner), starts_with);
        reader.buf = buf;
        reader.pos = pos;
        return Ok(reader);
    };
    Ok(Reader::gzip(input, starts_with))
}

/// Whether the archive that starts with `window` (its first bytes, damaged at its start)
/// reads better as gzip than as plain: read both ways, each sound record counts one for
/// that reading and each damaged stretch one against it; a tie goes to gzip. A gzip
/// archive read as plain finds nothing, or (stored-block members) each record with a
/// damaged stretch after it, its member's trailer; a plain archive read as gzip finds at
/// most the members inside a block, between a damaged stretch before them and one after.
fn reads_better_as_gzip(window: &[u8]) -> bool {
    let plain = Reader::with_input(Input::Plain(window), String::new());
    let gzip = Reader::gzip(Input::Between(Raw::new(window)), String::new());
    score(gzip, window.len()) >= score(plain, window.len())
}

/// Sound records less damaged stretches, reading `reader` (over `len` bytes) to its end.
fn score<R: Read>(mut reader: Reader<R>, len: usize) -> i64 {
    let mut score = 0;
    // Every item consumes input (the fuzz target checks it): this bounds the loop.
    for _ in 0..=len + 1 {
        match reader.next(|_| 0) {
            Ok(Some(Item::Record(_))) => score += 1,
            Ok(Some(Item::Damaged(_))) => score -= 1,
            Ok(None) => break,
            Err(_) => {
                score -= 1;
                break;
            }
        }
    }
    score
}

/// Where `needle` starts in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

impl<R: Read> Reader<R> {
    /// A reader of gzip members, from the one at the raw position.
    fn gzip(input: Input<R>, starts_with: String) -> Self {
        let mut reader = Reader::with_input(input, starts_with);
        // The first member starts the first segment.
        reader.segment_done = true;
        reader
    }

    fn with_input(input: Input<R>, starts_with: String) -> Self {
        Reader {
            input,
            buf: Vec::new(),
            pos: 0,
            base: 0,
            segment_done: false,
            records: 0,
            seen_record: false,
            pending: None,
            starts_with,
        }
    }

    /// The file offset of the next unread byte: in a gzip archive, of the member it is in.
    fn offset(&self) -> u64 {
        match &self.input {
            Input::Plain(_) | Input::Gone => self.base + self.pos as u64,
            Input::Member { start, .. } => *start,
            Input::Between(raw) => raw.offset(),
        }
    }

    fn available(&self) -> &[u8] {
        self.buf.get(self.pos..).unwrap_or_default()
    }

    /// Reads more of the current segment into `buf`; 0 at its end.
    fn more(&mut self) -> Result<usize, Fault> {
        if self.segment_done {
            return Ok(0);
        }
        if self.pos > 0 && self.pos >= self.buf.len() / 2 {
            self.buf.drain(..self.pos);
            self.base += self.pos as u64;
            self.pos = 0;
        }
        let len = self.buf.len();
        self.buf.resize(len + CHUNK, 0);
        let space = self.buf.get_mut(len..).unwrap_or_default();
        let got = match &mut self.input {
            Input::Plain(inner) => loop {
                match inner.read(space) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    other => break other.map_err(Fault::Io),
                }
            },
            Input::Member { decoder, start } => match decoder.read(space) {
                Ok(n) => Ok(n),
                Err(e) => {
                    // The file itself failed, not the data in it.
                    if !matches!(
                        e.kind(),
                        io::ErrorKind::InvalidData
                            | io::ErrorKind::InvalidInput
                            | io::ErrorKind::UnexpectedEof
                    ) {
                        Err(Fault::Io(e))
                    } else {
                        Err(Fault::Corrupt {
                            member: *start,
                            why: e.to_string(),
                        })
                    }
                }
            },
            Input::Between(_) | Input::Gone => Ok(0),
        };
        let n = *got.as_ref().unwrap_or(&0);
        self.buf.truncate(len + n);
        if got? == 0 {
            self.segment_done = true;
            self.input = match std::mem::replace(&mut self.input, Input::Gone) {
                Input::Member { decoder, .. } => Input::Between(decoder.into_inner()),
                other => other,
            };
        }
        Ok(n)
    }

    /// Makes `n` bytes of the current segment available (fewer at its end).
    /// Returns how many are.
    fn peek(&mut self, n: usize) -> Result<usize, Fault> {
        while self.available().len() < n && self.more()? > 0 {}
        Ok(self.available().len())
    }

    /// Moves to the next segment: the next gzip member, once the current one is read.
    /// Its bytes follow the unread bytes of the current one in `buf`.
    fn advance(&mut self) -> Result<Next, Fault> {
        let Input::Between(raw) = &mut self.input else {
            return Ok(Next::End);
        };
        let head = raw.fill(GZIP_MEMBER.len()).map_err(Fault::Io)?;
        if head.is_empty() {
            return Ok(Next::End);
        }
        if !head.starts_with(&GZIP_MEMBER) {
            return Ok(Next::Garbage {
                offset: raw.offset(),
            });
        }
        let start = raw.offset();
        self.start_member(start);
        let from = self.available().len();
        self.peek(from + RECORD_START.len())?;
        let first = self.available().get(from..).unwrap_or_default();
        Ok(if first.starts_with(RECORD_START) {
            Next::Record
        } else {
            Next::Continues
        })
    }

    fn start_member(&mut self, start: u64) {
        if let Input::Between(mut raw) = std::mem::replace(&mut self.input, Input::Gone) {
            raw.mark();
            self.input = Input::Member {
                decoder: Box::new(GzDecoder::new(raw)),
                start,
            };
            self.segment_done = false;
        }
    }

    /// The next record or damaged stretch; `None` at the end of the archive. An error only
    /// when the input cannot be read, or holds no WARC record at all.
    pub(crate) fn next(&mut self, keep: impl Fn(&Header) -> u64) -> Result<Option<Item>, Error> {
        if let Some(mut damage) = self.pending.take() {
            self.measure(&mut damage);
            return Ok(Some(Item::Damaged(damage)));
        }
        let start = self.offset();
        let result = self.record(&keep);
        let damage = match result {
            Ok(Some(record)) => {
                self.seen_record = true;
                return Ok(Some(Item::Record(record)));
            }
            Ok(None) => return Ok(None),
            Err(Stop::Io(e)) => return Err(Error::Io(e)),
            Err(Stop::Damaged(damage)) => damage,
        };
        // Nothing that looks like WARC anywhere in an uncompressed input.
        if !self.seen_record && start == 0 && damage.truncated && damage.record_id.is_none() {
            return Err(Error::NotWarc {
                starts_with: self.starts_with.clone(),
            });
        }
        self.seen_record = true;
        let mut damage = damage;
        self.measure(&mut damage);
        Ok(Some(Item::Damaged(damage)))
    }

    /// The bytes of a damaged stretch in the file, from its start to the next record,
    /// when the reader has moved on in the file (inside one whole-file gzip member, the
    /// decompressed bytes passed over are what was counted).
    fn measure(&self, damage: &mut Damage) {
        let here = self.offset();
        if here > damage.offset {
            damage.skipped = here - damage.offset;
        }
    }

    /// One sound record, or the damaged stretch up to the next one.
    fn record(&mut self, keep: &impl Fn(&Header) -> u64) -> Result<Option<Record>, Stop> {
        // Blank lines between records.
        loop {
            let peeked = self.peek(1);
            if let Err(f) = peeked {
                return Err(self.fault(f, None));
            }
            let available = self.available();
            if available.is_empty() {
                match self.advance().map_err(|f| self.fault(f, None))? {
                    Next::End => return Ok(None),
                    Next::Record | Next::Continues => continue,
                    Next::Garbage { offset } => {
                        return Err(self.raw_resync(Damage::new(
                            offset,
                            None,
                            "bytes between gzip members that are not a gzip member",
                        )));
                    }
                }
            }
            let blank = available
                .iter()
                .position(|b| *b != b'\r' && *b != b'\n')
                .unwrap_or(available.len());
            self.pos += blank;
            if !self.available().is_empty() {
                break;
            }
        }
        let at = self.offset();
        let end = self.header_end();
        let end = match end {
            Ok(end) => end,
            Err(f) => return Err(self.fault(f, None)),
        };
        let header_len = match end {
            HeaderEnd::Found(len) => len,
            HeaderEnd::NotWarc => {
                let what = format!("it starts with {:?}", preview(self.available()));
                return Err(self.resync(Damage::new(
                    at,
                    None,
                    &format!("not a WARC record header ({what})"),
                )));
            }
            HeaderEnd::TooLong => {
                self.pos += 1;
                let mut damage = Damage::new(
                    at,
                    None,
                    &format!("a record header longer than {MAX_HEADER_BYTES} bytes"),
                );
                damage.skipped = 1;
                return Err(self.resync(damage));
            }
            HeaderEnd::Cut { len, then } => {
                self.pos += len;
                let mut damage = Damage::new(
                    at,
                    None,
                    "a record header cut off by the end of its gzip member",
                );
                damage.skipped = len as u64;
                return Err(match then {
                    Next::End => {
                        damage.what = "the archive ends inside a record header".into();
                        damage.truncated = true;
                        Stop::Damaged(damage)
                    }
                    Next::Garbage { .. } => self.raw_resync(damage),
                    Next::Record | Next::Continues => Stop::Damaged(damage),
                });
            }
        };
        let header_bytes = self.available().get(..header_len).unwrap_or_default();
        let header = match parse_header(header_bytes) {
            Ok(header) => header,
            Err(what) => {
                self.pos += 1;
                let mut damage = Damage::new(at, None, &what);
                damage.skipped = 1;
                return Err(self.resync(damage));
            }
        };
        self.pos += header_len;
        let want = keep(&header).min(header.content_length);
        let held = want.max(header.content_length.min(RESYNC_WINDOW));
        let mut damage = Damage::new(at, Some(&header), "");
        damage.skipped = header_len as u64;
        let (block, complete) = match self.block(header.content_length, held) {
            Ok(read) => read,
            Err(BlockEnd::Fault(f)) => return Err(self.fault(f, Some(&header))),
            Err(BlockEnd::MemberEnded { got, then, kept }) => {
                damage.skipped += got;
                damage.what = format!(
                    "Content-Length {} but its gzip member ends after {got} bytes of block",
                    header.content_length
                );
                return Err(match then {
                    Next::Record => Stop::Damaged(damage),
                    Next::End => {
                        damage.what = format!(
                            "the archive ends {got} bytes into a block of {}",
                            header.content_length
                        );
                        match kept {
                            // A length that claimed too much may have swallowed records.
                            Some(block) => {
                                damage.skipped = header_len as u64;
                                self.unread(&block);
                                self.resync(damage)
                            }
                            None => {
                                damage.truncated = true;
                                Stop::Damaged(damage)
                            }
                        }
                    }
                    Next::Garbage { .. } => self.raw_resync(damage),
                    Next::Continues => Stop::Damaged(damage),
                });
            }
        };
        // The end of the block must be the end of the record.
        match self.record_end() {
            Ok(RecordEnd::Ends) => {}
            Ok(RecordEnd::GarbageAfter { blanks }) => {
                // The only place where a damaged stretch would start right after a record
                // read as sound: a header that lost its blank line may have run on into its
                // body, and its block swallowed the next record's header. A block not kept
                // whole cannot be gone back over: as before.
                let found = if complete {
                    self.embedded_header(&block, &blanks)
                } else {
                    Ok(None)
                };
                match found {
                    Ok(Some(i)) => {
                        damage.what = format!(
                            "a record header {i} bytes into its block, which is followed by \
                             bytes that are not a record (its header lost its blank line and \
                             ran on into its body?)"
                        );
                        damage.skipped = header_len as u64 + i as u64;
                        return Err(Stop::Damaged(damage));
                    }
                    Ok(None) => {}
                    Err(f) => {
                        // As below: the record is whole, the damage after it is the next
                        // stretch.
                        self.pending = Some(match self.fault(f, None) {
                            Stop::Damaged(d) => d,
                            Stop::Io(e) => return Err(Stop::Io(e)),
                        });
                    }
                }
            }
            Ok(RecordEnd::NotEnded) => {
                damage.what = format!(
                    "Content-Length {} does not end the record (no blank line after its block)",
                    header.content_length
                );
                if complete {
                    // Search the block again: it may hold the records a wrong length swallowed.
                    damage.skipped = header_len as u64;
                    self.unread(&block);
                } else {
                    damage.skipped += header.content_length;
                }
                return Err(self.resync(damage));
            }
            Err(f) => {
                // The record is whole; the damage after it is the next stretch.
                self.pending = Some(match self.fault(f, None) {
                    Stop::Damaged(d) => d,
                    Stop::Io(e) => return Err(Stop::Io(e)),
                });
            }
        }
        self.records += 1;
        let mut block = block;
        block.truncate(usize::try_from(want).unwrap_or(usize::MAX));
        Ok(Some(Record {
            header,
            block,
            number: self.records,
        }))
    }

    /// Where the header that starts at `pos` ends (after its blank line).
    fn header_end(&mut self) -> Result<HeaderEnd, Fault> {
        let mut scanned = 0;
        loop {
            self.peek(RECORD_START.len())?;
            let available = self.available();
            let warc = if available.len() < RECORD_START.len() {
                RECORD_START.starts_with(available)
            } else {
                available.starts_with(RECORD_START)
            };
            if !warc {
                return Ok(HeaderEnd::NotWarc);
            }
            if let Some(end) = blank_line_end(available, scanned) {
                return Ok(HeaderEnd::Found(end));
            }
            if available.len() > MAX_HEADER_BYTES {
                return Ok(HeaderEnd::TooLong);
            }
            scanned = available.len().saturating_sub(3);
            let len = available.len();
            if self.peek(len + 1)? == len {
                // The segment ended inside the header.
                match self.advance()? {
                    Next::Continues => {}
                    then => return Ok(HeaderEnd::Cut { len, then }),
                }
            }
        }
    }

    /// Reads a block of `length` bytes, keeping the first `held`. Stops at the end of a
    /// gzip member that is followed by a record's member (or nothing).
    fn block(&mut self, length: u64, held: u64) -> Result<(Vec<u8>, bool), BlockEnd> {
        let mut kept = Vec::new();
        let mut got = 0u64;
        while got < length {
            if self.available().is_empty() && self.more().map_err(BlockEnd::Fault)? == 0 {
                match self.advance().map_err(BlockEnd::Fault)? {
                    Next::Continues => continue,
                    then => {
                        let complete = kept.len() as u64 == got;
                        return Err(BlockEnd::MemberEnded {
                            got,
                            then,
                            kept: complete.then_some(kept),
                        });
                    }
                }
            }
            let available = self.available();
            let n = usize::try_from(length - got)
                .unwrap_or(usize::MAX)
                .min(available.len());
            let room =
                usize::try_from(held.saturating_sub(kept.len() as u64)).unwrap_or(usize::MAX);
            kept.extend_from_slice(available.get(..n.min(room)).unwrap_or_default());
            self.pos += n;
            got += n as u64;
        }
        let complete = kept.len() as u64 == length;
        Ok((kept, complete))
    }

    /// After a block: the record's blank line (CR LF CR LF, or LF LF), or line ends up to
    /// the end of the member or archive. Consumes the blank lines when the record ends,
    /// nothing when it does not (the caller searches again from the block's start, and a
    /// line end dropped there would join the lines around it). A proper blank line ends
    /// the record even when no record follows it: what follows is then damage of its own.
    /// A next record's `WARC/` without that blank line does not: a `Content-Length` too
    /// long by whole records may end just before it, or one line end short of it
    /// (`crash-b162a401…`), and the records it swallowed are found by searching the block.
    /// When the blank line is followed by bytes that do not start a record, the line ends
    /// consumed are given back with [`RecordEnd::GarbageAfter`], for the caller to search
    /// the block (see [`Reader::embedded_header`]).
    fn record_end(&mut self) -> Result<RecordEnd, Fault> {
        self.peek(4)?;
        let terminated = {
            let after = self.available();
            after.starts_with(b"\r\n\r\n") || after.starts_with(b"\n\n")
        };
        // The line ends passed over, to put back (the buffer may move on while peeking).
        let mut blanks = Vec::new();
        loop {
            let len = self.peek(RECORD_START.len())?;
            let blank = self
                .available()
                .iter()
                .position(|b| *b != b'\r' && *b != b'\n')
                .unwrap_or(len);
            if blanks.len() < MAX_HEADER_BYTES {
                // Past this many, only their number of lines could matter, and a run that
                // long is damage whatever its length.
                blanks.extend_from_slice(self.available().get(..blank).unwrap_or_default());
            }
            self.pos += blank;
            if blank < len {
                if !terminated {
                    self.unread(&blanks);
                    return Ok(RecordEnd::NotEnded);
                }
                // What follows: a record (or a piece of one at the end of the segment), or
                // garbage. Only the first bytes are looked at, which were read anyway.
                let len = self.peek(RECORD_START.len())?;
                let next = self.available();
                let warc = if len < RECORD_START.len() {
                    RECORD_START.starts_with(next)
                } else {
                    next.starts_with(RECORD_START)
                };
                // Line ends past the cap were not all kept: they cannot be given back.
                return Ok(if warc || blanks.len() >= MAX_HEADER_BYTES {
                    RecordEnd::Ends
                } else {
                    RecordEnd::GarbageAfter { blanks }
                });
            }
            if self.peek(1)? == 0 {
                // The member (or archive) ends here: the record ends with it. What follows
                // is read as the next record.
                return Ok(RecordEnd::Ends);
            }
        }
    }

    /// Where a record whose block (`block`, kept whole) ended with its blank line
    /// (`blanks`, consumed) and was followed by garbage holds a record header: the first
    /// line of the block that starts `WARC/1.` and starts a header that parses (its blank
    /// line may be the one after the block). Found: `pos` is at that header, `i` bytes into
    /// the block, and reading goes on there. Not found (or a fault while reading a
    /// candidate's header): `pos` is back after the blank line, and the record is sound.
    /// Only the block is searched: a line starting `WARC/1.` in the record's own header
    /// (after its first line) has no colon, so a header holding one did not parse.
    /// Runs only when garbage follows a record, so a healthy archive never searches; a
    /// record whose payload is itself a WARC record is taken for damage when garbage
    /// follows it.
    fn embedded_header(&mut self, block: &[u8], blanks: &[u8]) -> Result<Option<usize>, Fault> {
        let mut put_back = false;
        let mut from = 0;
        let found = loop {
            let Some(i) = block
                .get(from..)
                .and_then(|rest| find(rest, RESYNC_START))
                .map(|i| from + i)
            else {
                break None;
            };
            from = i + 1;
            if i > 0 && block.get(i - 1) != Some(&b'\n') {
                continue;
            }
            if !put_back {
                // First candidate: the block and its line ends go back in front of what
                // follows, so that a header running past the block can be read whole.
                self.unread(blanks);
                self.unread(block);
                put_back = true;
            }
            let end = loop {
                let end = self.available().get(i..).and_then(|c| blank_line_end(c, 0));
                let len = self.available().len();
                if end.is_some() || len - i > MAX_HEADER_BYTES || self.segment_done {
                    break end;
                }
                match self.peek(len + 1) {
                    Ok(got) if got > len => {}
                    Ok(_) => break None,
                    Err(f) => {
                        self.pos += block.len() + blanks.len();
                        return Err(f);
                    }
                }
            };
            let parsed = end
                .and_then(|e| self.available().get(i..i + e))
                .map(parse_header);
            if let Some(Ok(_)) = parsed {
                break Some(i);
            }
        };
        match found {
            Some(i) => self.pos += i,
            None if put_back => self.pos += block.len() + blanks.len(),
            None => {}
        }
        Ok(found)
    }

    /// Puts bytes back in front of the unread ones.
    fn unread(&mut self, bytes: &[u8]) {
        let rest = self.buf.split_off(self.pos);
        self.buf.clear();
        self.base = (self.base + self.pos as u64).saturating_sub(bytes.len() as u64);
        self.buf.extend_from_slice(bytes);
        self.buf.extend_from_slice(&rest);
        self.pos = 0;
    }

    /// Damage from a fault: a member that does not decode is searched past.
    fn fault(&mut self, fault: Fault, header: Option<&Header>) -> Stop {
        let offset = match &fault {
            Fault::Io(_) => 0,
            Fault::Corrupt { member, .. } => *member,
        };
        self.merge(Damage::new(offset, header, ""), fault)
    }

    /// Searches the decompressed bytes for the next line starting `WARC/1.` that parses as
    /// a record header (see the module doc); `pos` is at the damage.
    fn resync(&mut self, mut damage: Damage) -> Stop {
        loop {
            // Not the damage's own first byte.
            let found = {
                let available = self.available();
                // Not only at line starts: garbage may end without a line end.
                find(available, RESYNC_START)
            };
            match found {
                Some(i) => {
                    // A candidate: read its header whole before judging it.
                    let end = self.available().get(i..).and_then(|c| blank_line_end(c, 0));
                    let need_more = end.is_none()
                        && self.available().len() - i <= MAX_HEADER_BYTES
                        && !self.segment_done;
                    if need_more {
                        let len = self.available().len();
                        match self.peek(len + 1) {
                            Ok(_) => continue,
                            Err(f) => return self.merge(damage, f),
                        }
                    }
                    let parsed = end
                        .and_then(|e| self.available().get(i..i + e))
                        .map(parse_header);
                    if let Some(Ok(_)) = parsed {
                        damage.skipped += i as u64;
                        self.pos += i;
                        return Stop::Damaged(damage);
                    }
                    damage.skipped += i as u64 + 1;
                    self.pos += i + 1;
                }
                None => {
                    // Keep the last bytes: a `WARC/1.` may straddle what is read next.
                    let available = self.available().len();
                    let drop = available.saturating_sub(RESYNC_START.len());
                    damage.skipped += drop as u64;
                    self.pos += drop;
                    match self.more() {
                        Ok(n) if n > 0 => continue,
                        Ok(_) => {}
                        Err(f) => return self.merge(damage, f),
                    }
                    damage.skipped += self.available().len() as u64;
                    self.pos = self.buf.len();
                    match self.advance() {
                        Ok(Next::Record) => return Stop::Damaged(damage),
                        Ok(Next::Continues) => continue,
                        Ok(Next::End) => {
                            damage.truncated = true;
                            return Stop::Damaged(damage);
                        }
                        Ok(Next::Garbage { .. }) => return self.raw_resync(damage),
                        Err(f) => return self.merge(damage, f),
                    }
                }
            }
        }
    }

    /// A fault met while passing over damage joins that stretch.
    /// A member that does not decode is named as the cause when the damage is in it.
    fn merge(&mut self, mut damage: Damage, fault: Fault) -> Stop {
        match fault {
            Fault::Io(e) => Stop::Io(e),
            Fault::Corrupt { member, why } => {
                if member == damage.offset {
                    damage.what = format!("a gzip member that does not decode ({why})");
                }
                self.buf.truncate(self.pos);
                // A member that decodes up to the end of the file may be a cut one, or a
                // corrupt one that read on through the members after it: they are searched
                // (none found: the archive was cut short).
                self.raw_resync(damage)
            }
        }
    }

    /// Searches the compressed bytes for the next gzip member whose data starts with
    /// `WARC/`, from just after the start of the damage (see the module doc).
    fn raw_resync(&mut self, mut damage: Damage) -> Stop {
        let mut raw = match std::mem::replace(&mut self.input, Input::Gone) {
            Input::Member { decoder, .. } => decoder.into_inner(),
            Input::Between(raw) => raw,
            other => {
                self.input = other;
                return Stop::Damaged(damage);
            }
        };
        // Decompressed bytes of the damaged member are of no use.
        self.buf.clear();
        self.pos = 0;
        // Back to just after the start of the damage when its bytes are still held (the
        // member held since its start), else on from here.
        let here = raw.offset();
        if damage.offset < here
            && raw.rewind(damage.offset.max(raw.base))
            && raw.offset() == damage.offset
        {
            raw.pos += 1;
        }
        let searched_from = raw.offset();
        self.segment_done = true;
        loop {
            let available = match raw.fill(GZIP_MEMBER.len()) {
                Err(e) => return Stop::Io(e),
                Ok(available) => available,
            };
            if available.len() < GZIP_MEMBER.len() {
                raw.pos = raw.buf.len();
                damage.skipped += raw.offset().saturating_sub(searched_from);
                damage.truncated = true;
                self.input = Input::Between(raw);
                return Stop::Damaged(damage);
            }
            match find(available, &GZIP_MEMBER) {
                None => {
                    // Keep the last two bytes: a member header may straddle the next read.
                    raw.pos += available.len() - (GZIP_MEMBER.len() - 1);
                    raw.keep_from = None;
                }
                Some(i) => {
                    raw.pos += i;
                    let candidate = raw.offset();
                    if decodes_to_record(&mut raw) {
                        raw.rewind(candidate);
                        damage.skipped += candidate.saturating_sub(searched_from);
                        self.input = Input::Between(raw);
                        self.start_member(candidate);
                        return Stop::Damaged(damage);
                    }
                    raw.rewind(candidate + 1);
                }
            }
        }
    }
}

/// Whether `bytes` hold a gzip member that decodes to bytes starting `WARC/`.
fn holds_a_record_member(bytes: &[u8]) -> bool {
    let mut from = 0;
    while let Some(i) = bytes.get(from..).and_then(|rest| find(rest, &GZIP_MEMBER)) {
        if decodes_to_record(&mut Raw::new(bytes.get(from + i..).unwrap_or_default())) {
            return true;
        }
        from += i + 1;
    }
    false
}

/// Whether the gzip member at the raw position decodes to bytes starting `WARC/`. Leaves
/// the position anywhere; the caller rewinds.
fn decodes_to_record<R: Read>(raw: &mut Raw<R>) -> bool {
    raw.mark();
    let mut first = [0u8; RECORD_START.len()];
    let mut decoder = GzDecoder::new(&mut *raw);
    let mut got = 0;
    while got < first.len() {
        match decoder.read(first.get_mut(got..).unwrap_or_default()) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    got == first.len() && first == RECORD_START
}

impl Damage {
    fn new(offset: u64, header: Option<&Header>, what: &str) -> Self {
        Damage {
            record_id: header.and_then(|h| h.record_id.clone()),
            target_uri: header.and_then(|h| h.target_uri.clone()),
            offset,
            skipped: 0,
            what: what.to_string(),
            truncated: false,
        }
    }
}

/// Why [`Reader::record`] gave no record.
enum Stop {
    Io(io::Error),
    Damaged(Damage),
}

enum HeaderEnd {
    /// The header is this many bytes, blank line included.
    Found(usize),
    NotWarc,
    TooLong,
    /// The segment ends `len` bytes into it, and `then` follows (never `Continues`).
    Cut {
        len: usize,
        then: Next,
    },
}

/// How a block ends (see [`Reader::record_end`]).
enum RecordEnd {
    /// With its blank line followed by a record, or the end of its member or the archive.
    Ends,
    /// With its blank line, followed by bytes that do not start a record; the line ends
    /// consumed.
    GarbageAfter { blanks: Vec<u8> },
    /// Without its blank line (nothing consumed).
    NotEnded,
}

enum BlockEnd {
    Fault(Fault),
    /// The gzip member ended `got` bytes into the block, and `then` follows.
    MemberEnded {
        got: u64,
        then: Next,
        /// The bytes read, when all were kept.
        kept: Option<Vec<u8>>,
    },
}

/// The end of the first blank line (LF LF or LF CR LF) in `bytes`, searching from `from`.
fn blank_line_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut search = from;
    while let Some(i) = bytes
        .get(search..)
        .and_then(|rest| memchr::memchr(b'\n', rest))
    {
        let i = search + i;
        match bytes.get(i + 1..i + 3) {
            Some([b'\n', _]) => return Some(i + 2),
            Some([b'\r', b'\n']) => return Some(i + 3),
            None if bytes.get(i + 1) == Some(&b'\n') => return Some(i + 2),
            _ => {}
        }
        search = i + 1;
    }
    None
}

/// A record header: the `WARC/` line, fields, the blank line.
fn parse_header(bytes: &[u8]) -> Result<Header, String> {
    let mut lines = bytes.split(|b| *b == b'\n').map(trim_eol);
    let first = lines.next().unwrap_or_default();
    if !first.starts_with(RECORD_START) {
        return Err(format!(
            "not a WARC record header (it starts with {:?})",
            preview(first)
        ));
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.is_empty() {
            break;
        }
        let text = String::from_utf8_lossy(line);
        if text.starts_with([' ', '\t']) {
            // A folded line continues the previous field (WARC 1.1 §4, after RFC 2616).
            if let Some((_, value)) = fields.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
                continue;
            }
        }
        let Some((name, value)) = text.split_once(':') else {
            return Err(format!(
                "a record header line without a colon: {:?}",
                preview(line)
            ));
        };
        fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    header_from(fields)
}

fn header_from(fields: Vec<(String, String)>) -> Result<Header, String> {
    let mut header = Header::default();
    let mut length = None;
    for (name, value) in fields {
        match name.as_str() {
            "warc-type" => header.warc_type = value.to_ascii_lowercase(),
            "warc-record-id" => header.record_id = Some(unbracket(&value).to_string()),
            "warc-target-uri" => header.target_uri = Some(unbracket(&value).to_string()),
            "content-type" => header.content_type = Some(value),
            "content-length" => {
                length = Some(
                    value
                        .parse::<u64>()
                        .map_err(|_| format!("Content-Length {value:?} is not a number"))?,
                );
            }
            _ => {}
        }
    }
    // Without a length the block's end cannot be found, and guessing would merge or lose
    // records.
    header.content_length = length.ok_or("a record header without Content-Length")?;
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
    let line = line.split(|b| *b == b'\n').next().unwrap_or_default();
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

    fn all(bytes: &[u8]) -> Vec<Item> {
        let mut reader = open(bytes).unwrap();
        let mut items = Vec::new();
        while let Some(item) = reader.next(|h| h.content_length).unwrap() {
            items.push(item);
        }
        items
    }

    fn sound(item: &Item) -> &Record {
        match item {
            Item::Record(r) => r,
            Item::Damaged(d) => panic!("damaged: {d}"),
        }
    }

    #[test]
    fn records_are_read_in_turn_with_their_blocks() {
        let mut bytes = record("WARC-Type: warcinfo\r\n", b"software: test\r\n");
        bytes.extend(record(
            "WARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
             WARC-Target-URI: <https://example.com/a>\r\n",
            b"HTTP/1.1 200 OK\r\n\r\n<p>hi</p>",
        ));
        let items = all(&bytes);
        assert_eq!(items.len(), 2);
        assert_eq!(sound(&items[0]).header.warc_type, "warcinfo");
        let page = sound(&items[1]);
        assert_eq!(page.header.warc_type, "response");
        assert_eq!(page.header.record_id.as_deref(), Some("urn:uuid:1"));
        assert_eq!(
            page.header.target_uri.as_deref(),
            Some("https://example.com/a")
        );
        assert_eq!(page.number, 2);
        assert!(page.block.ends_with(b"<p>hi</p>"));
    }

    #[test]
    fn header_names_are_case_insensitive_and_folded_lines_join() {
        let bytes = record(
            "warc-type: Response\r\nwarc-target-uri: https://example.com/\r\n  long-path\r\n",
            b"",
        );
        let items = all(&bytes);
        let header = &sound(&items[0]).header;
        assert_eq!(header.warc_type, "response");
        assert_eq!(
            header.target_uri.as_deref(),
            Some("https://example.com/ long-path")
        );
    }

    #[test]
    fn lf_only_line_ends_are_accepted() {
        let bytes = b"WARC/1.0\nWARC-Type: request\nContent-Length: 3\n\nabc\n\nWARC/1.0\nContent-Length: 0\n\n";
        let items = all(bytes);
        assert_eq!(items.len(), 2);
        assert_eq!(sound(&items[0]).block, b"abc");
    }

    #[test]
    fn only_the_bytes_asked_for_are_kept() {
        let mut bytes = record("WARC-Type: response\r\n", &[b'x'; 100]);
        bytes.extend(record("WARC-Type: metadata\r\n", b"m"));
        let mut reader = open(&bytes[..]).unwrap();
        let Some(Item::Record(big)) = reader.next(|_| 10).unwrap() else {
            panic!("a record")
        };
        assert_eq!(big.block.len(), 10);
        let Some(Item::Record(next)) = reader.next(|_| 10).unwrap() else {
            panic!("a record")
        };
        assert_eq!(next.header.warc_type, "metadata");
        assert!(reader.next(|_| 10).unwrap().is_none());
    }

    #[test]
    fn a_file_that_is_not_warc_is_an_error_naming_its_start() {
        let err = open(&b"<html><body>hello"[..])
            .unwrap()
            .next(|_| 0)
            .unwrap_err();
        assert!(err.to_string().contains("<html>"), "{err}");
        assert!(err.to_string().contains("is this a WARC file?"), "{err}");
    }

    #[test]
    fn a_header_without_content_length_is_damage_and_reading_goes_on() {
        let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\n\r\n".to_vec();
        bytes.extend(record("WARC-Type: metadata\r\n", b"m"));
        let items = all(&bytes);
        assert_eq!(items.len(), 2);
        let Item::Damaged(d) = &items[0] else {
            panic!("damage first")
        };
        assert!(d.what.contains("without Content-Length"), "{d}");
        assert_eq!(sound(&items[1]).header.warc_type, "metadata");
    }

    #[test]
    fn an_archive_cut_inside_a_block_reports_that_record_cut_short() {
        let mut bytes = record(
            "WARC-Type: response\r\nWARC-Record-ID: <urn:uuid:7>\r\n",
            b"0123456789",
        );
        bytes.truncate(bytes.len() - 8);
        let items = all(&bytes);
        assert_eq!(items.len(), 1);
        let Item::Damaged(d) = &items[0] else {
            panic!("damage")
        };
        assert!(d.truncated, "{d}");
        assert_eq!(d.record_id.as_deref(), Some("urn:uuid:7"));
        assert_eq!(d.offset, 0);
    }

    #[test]
    fn gzip_per_record_is_read_member_after_member() {
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
        let items = all(&archive);
        assert_eq!(items.len(), 2);
        assert_eq!(sound(&items[1]).header.warc_type, "response");
        assert_eq!(sound(&items[1]).block, b"bbbbb");
    }

    #[test]
    fn a_blank_line_is_found_across_reads() {
        assert_eq!(blank_line_end(b"a\r\n\r\nb", 0), Some(5));
        assert_eq!(blank_line_end(b"a\n\nb", 0), Some(3));
        assert_eq!(blank_line_end(b"a\r\nb\r\n", 0), None);
    }
}
