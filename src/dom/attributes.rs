//! Stage 1, before tokenizing — cap the number of attributes any tag can have.
//!
//! Input: the page as `&str`. Output: the same page, or a copy in which every tag that
//! would have more than [`MAX_ATTRIBUTES`] attributes keeps its first ones and loses the
//! rest: the tag is ended before its next attribute and the rest of it is made a comment
//! (`><?` and a mark inserted, a bogus comment that the tag's own `>` ends, §13.2.5.41), so
//! the element keeps its content and no attribute becomes text.
//!
//! Why: html5ever's tokenizer checks each new attribute name against all the names the tag
//! already has (`Tokenizer::finish_attribute`), so one tag with n attributes costs n²/2
//! comparisons: 270 KB of `a1 a2 a3 …` inside one tag took 1.1 s, 10 MB would take half an
//! hour. Real tags have a few dozen attributes at most.
//!
//! How, without knowing the tokenizer's state: which `<` starts a tag depends on state the
//! tree builder feeds back (raw text after `<script>`, CDATA in SVG, comments), so instead of
//! guessing it this scan follows *every* reading at once. Each `<` + letter or `</` + letter
//! may start a tag; from there the tag states of the HTML tokenizer (§13.2.5.8–.40: tag name,
//! attribute name and value, quoted or not) are run. Readings that reach the same state are
//! merged, keeping the larger attribute count, so at most one reading per state is alive and
//! the scan is linear. Whatever the real tokenizer state is, if it is inside a tag, one of
//! the readings is in that same state with at least its attribute count, so no tag can slip
//! through with more than the cap. A reading that reaches the cap is in a state where `>`
//! ends the tag (attributes start only outside quotes), so `><?` is inserted there: the tag
//! ends and a bogus comment starts, which ends at the next `>`. That reading is followed on
//! (the "tail") to its own end: a `>` it sees inside a quoted value would end the comment
//! early, so `<?` is inserted after each such `>` to start another. The dropped attributes
//! are in comments nobody reads. After the start tag of an element whose content the
//! tokenizer reads as text (`title`, `textarea`, `script`, `style`…; readings remember
//! whether their tag name is one), a comment would be text, so the tail is deleted
//! instead, up to the tag's own `>`. The readings go on over the output bytes, insertions
//! included, so the cap holds for what the tokenizer sees.
//!
//! If the reading that reached the cap was not the real one (the `<` was text in a title,
//! script or comment, or sat in an attribute value), the cut would put `><?` in text, or
//! delete text up to a `>`. So every cut carries a mark with its offset ([`CUT_MARK`]), and
//! the parse looks for the marks: one found where a cut in a real tag cannot put it (in
//! text, in an attribute value, in a comment that no tag just before it owns), or one not
//! found where a cut in a real tag puts it (it can go unseen in the value of an attribute
//! the tokenizer drops as a repeat), shows that `<` was not a tag, and the page is parsed
//! again with that cut left out (`dom::parse`). It takes hundreds of space-separated words after a `<` without any `>`
//! to get there, so real pages are parsed once.

use std::borrow::Cow;
use std::collections::BTreeSet;

/// Most attributes a tag keeps; the rest are dropped. Real tags carry a few
/// dozen at most (tracking links with many `data-` attributes); a tag at the cap costs the
/// tokenizer 256²/2 = 32k comparisons, about 20 µs, for at least 700 bytes of input.
pub(crate) const MAX_ATTRIBUTES: u32 = 256;

/// The HTML tokenizer's states inside a tag (§13.2.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TagState {
    Name,
    BeforeAttributeName,
    AttributeName,
    AfterAttributeName,
    BeforeAttributeValue,
    DoubleQuoted,
    SingleQuoted,
    Unquoted,
    AfterQuotedValue,
    SelfClosing,
}

const STATES: usize = 10;

impl TagState {
    fn index(self) -> usize {
        self as usize
    }

    fn from_index(i: usize) -> Self {
        use TagState::*;
        match i {
            0 => Name,
            1 => BeforeAttributeName,
            2 => AttributeName,
            3 => AfterAttributeName,
            4 => BeforeAttributeValue,
            5 => DoubleQuoted,
            6 => SingleQuoted,
            7 => Unquoted,
            8 => AfterQuotedValue,
            _ => SelfClosing,
        }
    }
}

// Byte classes, as bit flags, for skipping bytes that no live reading reacts to.
const SPACE: u8 = 1;
const SLASH: u8 = 2;
const GT: u8 = 4;
const EQUALS: u8 = 8;
const DOUBLE_QUOTE: u8 = 16;
const SINGLE_QUOTE: u8 = 32;
const LT: u8 = 64;
const NOT_SPACE: u8 = 128;

fn class(byte: u8) -> u8 {
    CLASSES.get(usize::from(byte)).copied().unwrap_or(NOT_SPACE)
}

/// The class of every byte, looked up once per byte scanned.
// Evaluated at compile time: an index out of range would fail the build, not a parse.
#[allow(clippy::indexing_slicing)]
static CLASSES: [u8; 256] = {
    let mut table = [NOT_SPACE; 256];
    table[b'\t' as usize] = SPACE;
    table[b'\n' as usize] = SPACE;
    table[0x0C] = SPACE;
    table[b'\r' as usize] = SPACE;
    table[b' ' as usize] = SPACE;
    table[b'/' as usize] |= SLASH;
    table[b'>' as usize] |= GT;
    table[b'=' as usize] |= EQUALS;
    table[b'"' as usize] |= DOUBLE_QUOTE;
    table[b'\'' as usize] |= SINGLE_QUOTE;
    table[b'<' as usize] |= LT;
    table
};

/// The byte classes that move a reading out of its state (see [`step`]); other bytes leave
/// it as it is.
fn stops_of(state: TagState) -> u8 {
    use TagState::*;
    match state {
        Name => SPACE | SLASH | GT,
        BeforeAttributeName | AfterAttributeName | BeforeAttributeValue => NOT_SPACE,
        AttributeName => SPACE | SLASH | GT | EQUALS,
        DoubleQuoted => DOUBLE_QUOTE,
        SingleQuoted => SINGLE_QUOTE,
        Unquoted => SPACE | GT,
        AfterQuotedValue | SelfClosing => SPACE | NOT_SPACE,
    }
}

/// What one byte does to a reading: its next state (None: the tag ended) and whether a new
/// attribute started.
fn step(state: TagState, byte: u8) -> Option<(TagState, bool)> {
    use TagState::*;
    // §13.2.5: tab, line feed, form feed, space; carriage returns were normalised to line
    // feeds before tokenizing.
    let space = matches!(byte, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ');
    match state {
        Name => match byte {
            _ if space => Some((BeforeAttributeName, false)),
            b'/' => Some((SelfClosing, false)),
            b'>' => None,
            _ => Some((Name, false)),
        },
        // `/`, `>` reconsume in "after attribute name"; anything else, `=` included, starts
        // an attribute.
        BeforeAttributeName => match byte {
            _ if space => Some((BeforeAttributeName, false)),
            b'/' => Some((SelfClosing, false)),
            b'>' => None,
            _ => Some((AttributeName, true)),
        },
        AttributeName => match byte {
            _ if space => Some((AfterAttributeName, false)),
            b'/' => Some((SelfClosing, false)),
            b'>' => None,
            b'=' => Some((BeforeAttributeValue, false)),
            _ => Some((AttributeName, false)),
        },
        AfterAttributeName => match byte {
            _ if space => Some((AfterAttributeName, false)),
            b'/' => Some((SelfClosing, false)),
            b'=' => Some((BeforeAttributeValue, false)),
            b'>' => None,
            _ => Some((AttributeName, true)),
        },
        BeforeAttributeValue => match byte {
            _ if space => Some((BeforeAttributeValue, false)),
            b'"' => Some((DoubleQuoted, false)),
            b'\'' => Some((SingleQuoted, false)),
            b'>' => None,
            _ => Some((Unquoted, false)),
        },
        // Character references inside values never consume a quote, a space or `>`.
        DoubleQuoted => match byte {
            b'"' => Some((AfterQuotedValue, false)),
            _ => Some((DoubleQuoted, false)),
        },
        SingleQuoted => match byte {
            b'\'' => Some((AfterQuotedValue, false)),
            _ => Some((SingleQuoted, false)),
        },
        Unquoted => match byte {
            _ if space => Some((BeforeAttributeName, false)),
            b'>' => None,
            _ => Some((Unquoted, false)),
        },
        // Anything else is a parse error and reconsumed in "before attribute name".
        AfterQuotedValue => match byte {
            _ if space => Some((BeforeAttributeName, false)),
            b'/' => Some((SelfClosing, false)),
            b'>' => None,
            _ => Some((AttributeName, true)),
        },
        SelfClosing => match byte {
            b'>' => None,
            _ => step(BeforeAttributeName, byte),
        },
    }
}

/// The page with no tag over [`MAX_ATTRIBUTES`] attributes (see the module doc); borrowed
/// when nothing had to change, which is every real page.
///
/// `in_text` holds the byte offsets of cuts that an earlier parse of the page showed to fall
/// outside any tag (see [`marked_offsets`]): those `<` were text, so no cut is made there.
/// The offsets of the cuts made come back with the page, so that the parse can check that
/// each one shows up where a cut in a real tag puts its mark (see [`CUT_MARK`]).
pub(crate) fn limit<'a>(html: &'a str, in_text: &BTreeSet<usize>) -> (Cow<'a, str>, Vec<usize>) {
    if !may_exceed(html, MAX_ATTRIBUTES) {
        return (Cow::Borrowed(html), Vec::new());
    }
    limit_to(html, MAX_ATTRIBUTES, in_text)
}

/// The name every cut is marked with, followed by the cut's byte offset in the page and
/// `.`: `><?pithcap1234.` where a tag is ended (the bogus comment's text then starts with
/// it), ` pithcap1234.` as the last attribute of a raw-text tag whose tail is deleted. In a
/// real tag the mark is in that comment or attribute name, where nothing reads it; found
/// anywhere else (text, another comment, an attribute value), or not found there, it shows
/// that its `<` was not a tag, and the page is parsed again without that cut. Letters and digits only, so the
/// tokenizer emits it in one piece in every text state.
pub(crate) const CUT_MARK: &str = "pithcap";

/// The offsets of the cut marks in `text` (see [`CUT_MARK`]).
pub(crate) fn marked_offsets(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices(CUT_MARK).filter_map(|(at, mark)| {
        let rest = text.get(at + mark.len()..)?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if rest.as_bytes().get(digits) != Some(&b'.') {
            return None;
        }
        rest.get(..digits)?.parse().ok()
    })
}

/// `><?` and the mark of a cut at `at` (see [`CUT_MARK`]).
fn cut_at(at: usize) -> String {
    format!("{CUT}{CUT_MARK}{at}.")
}

/// The mark of a cut at `at`, as the last attribute of a raw-text tag.
pub(super) fn raw_cut_at(at: usize) -> String {
    format!("{CUT_MARK}{at}.")
}

/// Whether any tag of the page could reach `cap` attributes, decided cheaply before the
/// all-readings scan (which was 5–8% of extraction time on the shared benchmark pages).
///
/// From every `<` that can open a tag, the attributes are counted as the HTML tokenizer
/// would count them if that `<` were a tag start in the data state (§13.2.5.8–.40: name,
/// `=`, quoted or unquoted value, `/` and whitespace as separators). Real tags are a subset
/// of these readings (a `<` in a script, comment or attribute value opens no tag), so if
/// none reaches `cap` no real tag does. Anything this check cannot settle cheaply — a
/// reading that reaches `cap`, a value or tag left open to the end of the input, or more
/// scanning than [`PRECHECK_BUDGET`] times the input (many `<` inside one long value) —
/// answers "maybe", and the exact scan runs.
fn may_exceed(html: &str, cap: u32) -> bool {
    let bytes = html.as_bytes();
    let mut budget = bytes.len().saturating_mul(PRECHECK_BUDGET);
    let mut from = 0;
    while let Some(p) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'<', rest))
    {
        let lt = from + p;
        from = lt + 1;
        let opens_tag = bytes
            .get(lt + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/');
        if !opens_tag {
            continue;
        }
        match count_attributes(bytes.get(lt + 1..).unwrap_or_default(), cap) {
            Reading::Ended { scanned } if scanned <= budget => budget -= scanned,
            _ => return true,
        }
    }
    false
}

/// How much scanning the cheap check may do, per input byte, before deferring to the
/// exact scan. Real pages scan each tag's bytes about once.
const PRECHECK_BUDGET: usize = 4;

/// The outcome of one cheap reading.
enum Reading {
    /// The tag ended (`>`) below the cap after `scanned` bytes.
    Ended { scanned: usize },
    /// The cap was reached, or the input ended inside the tag.
    Unsettled,
}

/// Counts the attributes of a tag whose name starts at `tag[0]`, up to `cap`. Each run of
/// bytes of one kind is skipped with a look-up in [`CLASSES`] per byte (comparing each byte
/// with every separator was most of this check's time).
fn count_attributes(tag: &[u8], cap: u32) -> Reading {
    // Tag name.
    let mut i = find_class(tag, 0, SPACE | SLASH | GT);
    let mut count = 0u32;
    loop {
        // Before an attribute name: separators.
        i = skip_class(tag, i, SPACE | SLASH);
        match tag.get(i) {
            None => return Reading::Unsettled,
            Some(b'>') => return Reading::Ended { scanned: i + 1 },
            Some(_) => {}
        }
        count += 1;
        if count >= cap {
            return Reading::Unsettled;
        }
        // Attribute name (its first byte may be `=`).
        i = find_class(tag, i + 1, SPACE | SLASH | GT | EQUALS);
        i = skip_class(tag, i, SPACE);
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i = skip_class(tag, i + 1, SPACE);
        match tag.get(i) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let rest = tag.get(i + 1..).unwrap_or_default();
                match memchr::memchr(q, rest) {
                    Some(end) => i += end + 2,
                    None => return Reading::Unsettled,
                }
            }
            _ => i = find_class(tag, i, SPACE | GT),
        }
    }
}

/// The first index from `from` on whose byte is of one of the `classes`, else the length.
fn find_class(bytes: &[u8], from: usize, classes: u8) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|b| class(*b) & classes != 0))
        .map_or(bytes.len().max(from), |p| from + p)
}

/// The first index from `from` on whose byte is of none of the `classes`, else the length.
fn skip_class(bytes: &[u8], from: usize, classes: u8) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|b| class(*b) & classes == 0))
        .map_or(bytes.len().max(from), |p| from + p)
}

/// What is inserted where a tag reaches the cap: the end of the tag, then a bogus comment
/// (§13.2.5.41) that holds the rest of its attributes up to its own `>`.
const CUT: &str = "><?";

/// What is inserted after a `>` inside a quoted value of a cut tag's tail: the `>` ended
/// the comment, so another one starts.
const REOPEN: &str = "<?";

/// The states of the readings that reached the cap, followed to their own end (the tail of
/// the tag, whose attributes are dropped).
#[derive(Clone, Copy, Default)]
struct Tail {
    /// Bit `s`: a reading that reached the cap is in state `s`.
    states: u16,
    /// The tag is a raw-text start tag: its tail is deleted, not made a comment.
    delete: bool,
}

impl Tail {
    /// Steps every state; whether a quoted state saw `>`, and whether all ended.
    fn step(&mut self, byte: u8) -> (bool, bool) {
        let mut next = 0u16;
        let mut quoted_gt = false;
        let mut bits = self.states;
        while bits != 0 {
            let state = TagState::from_index(bits.trailing_zeros() as usize);
            bits &= bits - 1;
            if let Some((to, _)) = step(state, byte) {
                quoted_gt |= byte == b'>'
                    && matches!(state, TagState::DoubleQuoted | TagState::SingleQuoted);
                next |= 1 << to.index();
            }
        }
        self.states = next;
        (quoted_gt, next == 0)
    }

    fn stops(&self) -> u8 {
        let mut stops = GT;
        let mut bits = self.states;
        while bits != 0 {
            stops |= stops_of(TagState::from_index(bits.trailing_zeros() as usize));
            bits &= bits - 1;
        }
        stops
    }
}

/// Whether a start tag's name makes the tokenizer read what follows it as text (RCDATA,
/// raw text, plaintext: §13.2.6.4.7), so that a comment cannot hold its dropped
/// attributes. `name` starts at the tag name.
fn is_raw_text_name(name: &[u8]) -> bool {
    const NAMES: [&[u8]; 10] = [
        b"title",
        b"textarea",
        b"script",
        b"style",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"noscript",
        b"plaintext",
    ];
    NAMES.iter().any(|n| {
        name.get(..n.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(n))
            && name
                .get(n.len())
                .is_none_or(|b| matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ' | b'/' | b'>'))
    })
}

fn limit_to<'a>(html: &'a str, cap: u32, in_text: &BTreeSet<usize>) -> (Cow<'a, str>, Vec<usize>) {
    let bytes = html.as_bytes();
    let mut made = Vec::new();
    let mut readings = Readings::default();
    let mut out: Option<String> = None;
    // Bytes of `html` already copied to `out`.
    let mut copied = 0;
    // The previous byte was the `<` of `</`: look at the `/` even if nothing is alive.
    let mut end_tag_open = false;
    let mut tail = Tail::default();
    let mut i = 0;
    while i < bytes.len() {
        // Skip bytes that change no reading and open no tag: up to the next `<` when no
        // reading is alive, else up to the next byte some live state reacts to. Most bytes
        // of a page are skipped this way (text, long values, class lists).
        if !end_tag_open {
            let rest = bytes.get(i..).unwrap_or_default();
            let skip = if tail.delete {
                rest.iter().position(|b| class(*b) & tail.stops() != 0)
            } else if readings.alive == 0 && tail.states == 0 {
                memchr::memchr(b'<', rest)
            } else {
                let mut stops = readings.stops();
                if tail.states != 0 {
                    stops |= tail.stops();
                }
                rest.iter().position(|b| class(*b) & stops != 0)
            };
            match skip {
                Some(offset) => i += offset,
                None => break,
            }
        }
        let Some(&byte) = bytes.get(i) else { break };
        if tail.delete {
            // Deleted bytes are not seen by the tokenizer, so not by the readings either;
            // the tag's own `>` is kept.
            let (_, ended) = tail.step(byte);
            if ended {
                tail = Tail::default();
                copied = i;
            } else {
                i += 1;
                continue;
            }
        }
        if readings.alive != 0 {
            match readings.step(byte, cap) {
                Ok(next) => readings = next,
                Err(raw) => {
                    readings = readings.without_over(byte, cap);
                    if in_text.contains(&i) {
                        // The readings over the cap were not the tokenizer's.
                        continue;
                    }
                    // Every reading about to start an attribute past the cap is outside
                    // quotes, where `>` ends the tag.
                    let out = out.get_or_insert_with(|| String::with_capacity(html.len() + 64));
                    out.push_str(html.get(copied..i).unwrap_or(""));
                    copied = i;
                    // The other readings see the inserted bytes too.
                    let inserted = if raw { raw_cut_at(i) } else { cut_at(i) };
                    made.push(i);
                    out.push_str(&inserted);
                    readings = readings.step_all(inserted.as_bytes());
                    if raw {
                        tail = Tail {
                            states: 1 << TagState::BeforeAttributeName.index(),
                            delete: true,
                        };
                    } else {
                        tail.states |= 1 << TagState::BeforeAttributeName.index();
                    }
                    continue;
                }
            }
        }
        if tail.states != 0 {
            let (quoted_gt, _) = tail.step(byte);
            if quoted_gt {
                let out = out.get_or_insert_with(|| String::with_capacity(html.len() + 64));
                out.push_str(html.get(copied..=i).unwrap_or(""));
                out.push_str(REOPEN);
                copied = i + 1;
                readings = readings.step_all(REOPEN.as_bytes());
                i += 1;
                end_tag_open = false;
                continue;
            }
        }
        let next_is_letter = bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        // `<x` and `</x` open a tag name at `x`.
        if next_is_letter && (byte == b'<' || end_tag_open) {
            let raw = byte == b'<' && is_raw_text_name(bytes.get(i + 1..).unwrap_or_default());
            readings.spawn(raw);
        }
        end_tag_open = byte == b'<' && bytes.get(i + 1) == Some(&b'/');
        i += 1;
    }
    let page = match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            if !tail.delete {
                out.push_str(html.get(copied..).unwrap_or(""));
            }
            Cow::Owned(out)
        }
    };
    (page, made)
}

/// The live readings: at most one per state (merged ones keep the larger count).
#[derive(Clone, Copy, Default)]
struct Readings {
    /// Bit `s` is set when a reading is in state `s`.
    alive: u16,
    /// Attribute count of the reading in each state.
    counts: [u32; STATES],
    /// Bit `s` is set when the reading in state `s` (or one merged into it) is a start tag
    /// of an element whose text the tokenizer reads raw (see [`is_raw_text_name`]).
    raw: u16,
}

impl Readings {
    /// Starts a reading at a tag name.
    fn spawn(&mut self, raw: bool) {
        self.put(TagState::Name, 0, raw);
    }

    fn put(&mut self, state: TagState, count: u32, raw: bool) {
        let bit = 1u16 << state.index();
        if raw {
            self.raw |= bit;
        } else if self.alive & bit == 0 {
            self.raw &= !bit;
        }
        if let Some(slot) = self.counts.get_mut(state.index()) {
            *slot = if self.alive & bit != 0 {
                (*slot).max(count)
            } else {
                count
            };
            self.alive |= bit;
        }
    }

    /// Byte classes some live reading reacts to, and `<`.
    fn stops(&self) -> u8 {
        let mut stops = LT;
        let mut bits = self.alive;
        while bits != 0 {
            stops |= stops_of(TagState::from_index(bits.trailing_zeros() as usize));
            bits &= bits - 1;
        }
        stops
    }

    /// The readings after inserted bytes, which start no attribute of a live reading past
    /// the cap that matters (`>` ends every reading outside quotes; `<?` opens no tag).
    fn step_all(&self, inserted: &[u8]) -> Readings {
        inserted.iter().fold(*self, |readings, &b| {
            readings.step(b, u32::MAX).unwrap_or_default()
        })
    }

    /// The readings with the attributes past the cap gone: the ones that were over it
    /// dropped, the others as they were (their counts, at most the cap, kept).
    fn without_over(&self, byte: u8, cap: u32) -> Readings {
        let mut next = Readings::default();
        let mut bits = self.alive;
        while bits != 0 {
            let state = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let count = self.counts.get(state).copied().unwrap_or(0);
            let raw = self.raw & (1 << state) != 0;
            let starts = step(TagState::from_index(state), byte).is_some_and(|(_, s)| s);
            if !(starts && count >= cap) {
                next.put(TagState::from_index(state), count, raw);
            }
        }
        next
    }

    /// The readings after one byte; `Err` with whether a reading that would pass `cap`
    /// attributes is a raw-text start tag.
    fn step(&self, byte: u8, cap: u32) -> Result<Readings, bool> {
        let mut next = Readings::default();
        let mut bits = self.alive;
        let mut over: Option<bool> = None;
        while bits != 0 {
            let state = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let count = self.counts.get(state).copied().unwrap_or(0);
            let raw = self.raw & (1 << state) != 0;
            if let Some((to, starts)) = step(TagState::from_index(state), byte) {
                let count = count.saturating_add(u32::from(starts));
                if count > cap {
                    over = Some(over.unwrap_or(false) | raw);
                    continue;
                }
                next.put(to, count, raw);
            }
        }
        match over {
            Some(raw) => Err(raw),
            None => Ok(next),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tags_skip_the_scan_and_long_ones_do_not() {
        assert!(!may_exceed("<p class=a id=b>text < more text</p>", 8));
        assert!(may_exceed("<p a b c d e f g h>", 8));
        assert!(may_exceed("<p a=\"1\"b=\"2\"c=\"3\"d=\"4\"e f g h>", 8));
        assert!(may_exceed("<p a/b/c/d/e/f/g/h>", 8));
        // Quoted values hold any number of spaces.
        assert!(!may_exceed(
            "<meta content=\"a b c d e f g h i j k l m n\">",
            8
        ));
        // A tag left open to the end of the input cannot be settled cheaply.
        assert!(may_exceed("<p a b", 8));
        assert!(may_exceed("<p title=\"never closed", 8));
        // `<` not followed by a letter or `/` never opens a tag.
        assert!(!may_exceed("a < b c d e f g h i j", 8));
    }

    /// `limit_to` with no cut known to be in text.
    fn cap(html: &str, cap: u32) -> Cow<'_, str> {
        limit_to(html, cap, &BTreeSet::new()).0
    }

    #[test]
    fn ordinary_markup_is_borrowed_unchanged() {
        let page = "<p class=a id='b' data-x=\"c > d\">text <a href=/x>link</a> 3 < 4</p>";
        assert!(matches!(cap(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn a_tag_over_the_cap_keeps_its_first_attributes_and_the_rest_are_a_comment() {
        assert_eq!(cap("<div a b c d e>x", 3), "<div a b c ><?pithcap11.d e>x");
        assert_eq!(cap("</div a b c d>", 3), "</div a b c ><?pithcap12.d>");
    }

    #[test]
    fn a_raw_text_tag_over_the_cap_loses_the_rest_of_its_attributes() {
        // After `<title …>` the tokenizer reads text, so no comment can hold them.
        assert_eq!(
            cap("<title a b c d='>' e>x</title>", 3),
            "<title a b c pithcap13.>x</title>"
        );
        assert_eq!(
            cap("<TEXTAREA a b c d>x", 3),
            "<TEXTAREA a b c pithcap16.>x"
        );
        // Not a raw-text name, only a prefix of one.
        assert_eq!(
            cap("<titles a b c d>x", 3),
            "<titles a b c ><?pithcap14.d>x"
        );
    }

    #[test]
    fn a_quoted_gt_in_the_dropped_attributes_reopens_the_comment() {
        assert_eq!(
            cap("<p a b c d=\"1>2\" e='>' f>text", 3),
            "<p a b c ><?pithcap9.d=\"1><?2\" e='><?' f>text"
        );
    }

    #[test]
    fn quoted_values_and_equals_are_followed_like_the_tokenizer() {
        // `a="1"b="2"` is two attributes without a space between them; `>` inside quotes
        // does not end the tag.
        assert_eq!(
            cap("<i a=\">\"b='>'c=3 d>x", 3),
            "<i a=\">\"b='>'c=3 ><?pithcap17.d>x"
        );
        // A `/` not followed by `>` separates attributes like a space.
        assert_eq!(cap("<i a/b/c/d>", 3), "<i a/b/c/><?pithcap9.d>");
    }

    #[test]
    fn a_tag_hidden_behind_a_quote_in_text_is_still_caught() {
        // Whether `<x a="` opened a tag depends on tokenizer state this scan cannot see: a
        // comment here. The real tag after it must still be capped.
        let page = "<!-- <x a=\" --><div a b c d e>";
        let out = cap(page, 3);
        assert!(out.contains("<div a b c ><?pithcap26.d e>"), "{out}");
    }

    #[test]
    fn multibyte_text_is_never_split() {
        let page = "<p é ü ö ä>日本";
        assert_eq!(cap(page, 2), "<p é ü ><?pithcap9.ö ä>日本");
    }

    #[test]
    fn a_cut_shown_to_be_in_text_is_not_made() {
        let page = "<title><a b c d e</title><p>x";
        assert_eq!(cap(page, 3), "<title><a b c d ><?pithcap16.e</title><p>x");
        let in_text = BTreeSet::from([16]);
        assert!(matches!(limit_to(page, 3, &in_text).0, Cow::Borrowed(_)));
    }

    #[test]
    fn marks_give_back_their_offsets() {
        let text = "x><?pithcap14.d pithcap7. pithcap pithcap9x pithcap3.";
        assert_eq!(marked_offsets(text).collect::<Vec<_>>(), [14, 7, 3]);
    }
}
