//! Side stage — content fingerprint.
//!
//! Input: the article text. Output: a 64-bit SimHash (Charikar, STOC 2002) over word
//! shingles, each hashed with 64-bit FNV-1a. Near-identical texts get fingerprints a few bits
//! apart (each shingle moves every bit's vote only a little), unrelated texts about 32 bits
//! apart; Manku, Jain & Das Sarma (WWW 2007) use this to find near-duplicate web pages at
//! crawl scale.
//!
//! Measured on the corpus (`cargo test --release --test fingerprint -- --nocapture`): the
//! same story on two sites with different boilerplate, 0 bits; one word replaced, 2.4 bits on
//! average (worst 9); the syndicated story and every other page, 24 bits or more; the closest
//! two different stories, 17 bits (two short texts: fewer shingles, so more spread around
//! the 32 bits expected by chance).
//!
//! Words are lower-cased runs of letters and digits, so punctuation, case and white space
//! (and therefore the block layout) do not change the fingerprint; a CJK character is a
//! word of its own, as in segmentation. Texts shorter than one shingle are hashed as one
//! shingle. FNV-1a is fixed (no random seed), so fingerprints compare across processes,
//! machines and pith versions that keep these rules.

use crate::segment::is_cjk;
use crate::tuning::FINGERPRINT_SHINGLE_WORDS;

/// FNV-1a 64-bit offset basis and prime (Fowler, Noll, Vo; IETF draft-eastlake-fnv).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// SimHash of `text`; `0` when it has no words.
pub(crate) fn simhash(text: &str) -> u64 {
    // Streamed: word hashes go through a ring of the last `W` words, so memory stays
    // constant whatever the text's length (collecting the words of a 50 MB page cost
    // 24 bytes a word at the extraction's memory peak).
    const W: usize = FINGERPRINT_SHINGLE_WORDS;
    let mut recent = [0u64; W];
    let mut words = 0usize;
    // Per bit, how many shingle hashes have it set; a bit of the fingerprint is set when more
    // than half of them do (SimHash's vote).
    let mut ones = Votes::default();
    let mut shingles = 0u32;
    let mut vote = |h: u64, ones: &mut Votes| {
        shingles += 1;
        ones.add(h);
    };
    // The hash of the last `n` words (oldest first), combined from their word hashes.
    let shingle = |recent: &[u64; W], words: usize, n: usize| {
        (0..n).fold(FNV_OFFSET, |h, k| {
            let w = recent.get((words + W - n + k) % W).copied().unwrap_or(0);
            mix(h.rotate_left(17) ^ w)
        })
    };
    let mut current: Option<u64> = None;
    let mut end_word = |hash: u64, ones: &mut Votes| {
        if let Some(slot) = recent.get_mut(words % W) {
            *slot = hash;
        }
        words += 1;
        if words >= W {
            vote(shingle(&recent, words, W), ones);
        }
    };
    // Byte by byte, with ASCII handled without decoding (most text; decoding each character
    // was half of this function's time): an ASCII character is alphanumeric exactly when it
    // is an ASCII letter or digit, is never CJK, and lower-cases to one byte. Other
    // characters are decoded at their first byte; continuation bytes are skipped.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                current = Some(fnv_byte(
                    current.unwrap_or(FNV_OFFSET),
                    b.to_ascii_lowercase(),
                ));
            } else if let Some(h) = current.take() {
                end_word(h, &mut ones);
            }
            continue;
        }
        if b < 0xC0 {
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let cjk = is_cjk(c);
        if cjk || !c.is_alphanumeric() {
            if let Some(h) = current.take() {
                end_word(h, &mut ones);
            }
            if cjk {
                end_word(hash_lowercase(FNV_OFFSET, c), &mut ones);
            }
        } else {
            current = Some(hash_lowercase(current.unwrap_or(FNV_OFFSET), c));
        }
    }
    if let Some(h) = current.take() {
        end_word(h, &mut ones);
    }
    if words == 0 {
        return 0;
    }
    // A text shorter than one shingle is hashed as one shingle of all its words.
    if words < W {
        vote(shingle(&recent, words, words), &mut ones);
    }
    ones.totals()
        .iter()
        .enumerate()
        .filter(|(_, n)| 2 * u64::from(**n) > u64::from(shingles))
        .fold(0u64, |acc, (bit, _)| acc | 1 << bit)
}

/// Per-bit counts of set bits over many 64-bit hashes, eight bits at a time: each byte of a
/// hash adds a precomputed pattern (one byte lane per bit) to a packed counter, so a hash
/// costs eight table lookups and additions instead of 64 (the vote loop was most of the
/// fingerprint's time). Lanes are flushed into wide totals before they can overflow.
struct Votes {
    /// `packed[byte]` holds eight 8-bit counters, for bits `8 × byte ..= 8 × byte + 7`.
    packed: [u64; 8],
    pending: u32,
    totals: [u32; 64],
}

impl Default for Votes {
    fn default() -> Self {
        Votes {
            packed: [0; 8],
            pending: 0,
            totals: [0; 64],
        }
    }
}

/// For each byte value, one 0/1 byte lane per bit (lane `i` = bit `i`).
// Indexing in a constant initialiser is evaluated by the compiler: an index out of range
// fails the build, it cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const LANES: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut v = 0;
    while v < 256 {
        let mut lanes = 0u64;
        let mut bit = 0;
        while bit < 8 {
            if v >> bit & 1 == 1 {
                lanes |= 1 << (8 * bit);
            }
            bit += 1;
        }
        table[v] = lanes;
        v += 1;
    }
    table
};

impl Votes {
    fn add(&mut self, h: u64) {
        for (byte, lane) in self.packed.iter_mut().enumerate() {
            let value = (h >> (8 * byte)) & 0xff;
            *lane += LANES.get(value as usize).copied().unwrap_or(0);
        }
        self.pending += 1;
        if self.pending == 255 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (byte, lane) in self.packed.iter_mut().enumerate() {
            for bit in 0..8 {
                if let Some(t) = self.totals.get_mut(8 * byte + bit) {
                    *t += ((*lane >> (8 * bit)) & 0xff) as u32;
                }
            }
            *lane = 0;
        }
        self.pending = 0;
    }

    fn totals(mut self) -> [u32; 64] {
        self.flush();
        self.totals
    }
}

/// Folds the UTF-8 bytes of `c` lower-cased into an FNV-1a hash.
fn hash_lowercase(mut h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return fnv_byte(h, c.to_ascii_lowercase() as u8);
    }
    let mut buf = [0u8; 4];
    for l in c.to_lowercase() {
        for b in l.encode_utf8(&mut buf).bytes() {
            h = fnv_byte(h, b);
        }
    }
    h
}

/// SplitMix64's finaliser: spreads every input bit over the output, so that shingles that
/// share words still get unrelated hashes (plain FNV folding of word hashes did not).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// Serializes a fingerprint as 16 hexadecimal digits.
#[cfg(feature = "serde")]
pub(crate) fn serialize_hex<S: serde::Serializer>(value: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{value:016x}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The harbour reopened on Monday after a week of repairs to the north \
        pier, and the first ferry of the morning left on time with a full deck of cars and \
        cyclists. Port officials said the timetable would return to normal by the weekend.";

    #[test]
    fn layout_case_and_punctuation_do_not_change_the_fingerprint() {
        let relaid = STORY
            .to_uppercase()
            .replace(", ", "\n")
            .replace(". ", "!\n\n");
        assert_eq!(simhash(STORY), simhash(&relaid));
    }

    #[test]
    fn one_changed_word_moves_few_bits_and_another_text_many() {
        let edited = STORY.replace("Monday", "Tuesday");
        let other = "Councillors voted to close the library on Sundays from next year, \
            saying that the savings would pay for longer opening hours on weekday evenings.";
        let near = (simhash(STORY) ^ simhash(&edited)).count_ones();
        let far = (simhash(STORY) ^ simhash(other)).count_ones();
        assert!(near <= 8, "near {near}");
        assert!(far >= 16, "far {far}");
    }

    /// The byte loop reads non-ASCII words as the character loop did.
    #[test]
    fn mixed_scripts_hash_by_words() {
        assert_eq!(
            simhash("Ça VA? don\u{2019}t \u{201c}stop\u{201d}\u{2014}now 日本"),
            simhash("ça va don t stop now 日 本")
        );
        assert_ne!(simhash("ça va"), simhash("ca va"));
    }

    #[test]
    fn empty_text_has_fingerprint_zero_and_short_text_does_not() {
        assert_eq!(simhash(""), 0);
        assert_eq!(simhash(" ,. "), 0);
        assert_ne!(simhash("ferry"), 0);
    }

    #[test]
    fn packed_votes_count_like_a_plain_loop() {
        let mut votes = Votes::default();
        let mut plain = [0u32; 64];
        let mut h = 0x1234_5678_9abc_def0u64;
        for _ in 0..1000 {
            h = mix(h);
            votes.add(h);
            for (bit, count) in plain.iter_mut().enumerate() {
                *count += (h >> bit & 1) as u32;
            }
        }
        assert_eq!(votes.totals(), plain);
    }

    #[test]
    fn cjk_characters_are_words_and_punctuation_is_not() {
        assert_eq!(simhash("日本語の文"), simhash("日 本 語 の 文"));
        assert_eq!(simhash("don't stop-2024"), simhash("DON T STOP 2024"));
    }
}
