//! Stage 3 of 6 — shallow text features.
//!
//! Input: the [`Segmentation`]. Output: one [`Features`] per block and the page's
//! [`PageFeatures`] (the stop-list language).
//!
//! Decides nothing: it only measures. Length (weighted so a CJK character counts like a
//! short word), word count, link density, stopword density in the page's language,
//! sentence punctuation, boilerplate phrases in short blocks, relative position, and the
//! class/id concepts carried from segmentation.
//!
//! The page language is the stop list with the most hits over the page's prose: one hash
//! lookup per word gives the hit set for every language at once (see
//! `lexicon::STOPWORD_MAP`). The language the markup declares weighs in (see
//! [`page_language`]): a page in a language without a list is not measured with a
//! neighbour's list that its prose only half fits (Danish on Swedish), which would make
//! every paragraph look poor in stopwords.
//!
//! Sources: Kohlschütter, Fankhauser & Nejdl, *Boilerplate Detection using Shallow Text
//! Features*, WSDM 2010 (link density, text density, word counts); Pomikálek, *Removing
//! Boilerplate and Duplicate Content from Web Corpora*, 2011 (jusText: length, stopword
//! density, link density).

use crate::lexicon::{self, Hints, STOP_LANGUAGES, STOPWORD_MAP, TagKind};
use crate::page_type::PageType;
use crate::segment::{Block, Segmentation};
use crate::tuning::{self, Tuning};
use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;

/// Measurements of one block.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Features {
    /// Non-whitespace characters, CJK characters weighted by `Tuning::cjk_weight`.
    pub(crate) length: u32,
    /// Words (CJK characters count one each).
    pub(crate) words: u32,
    /// Linked characters / characters.
    pub(crate) link_density: f32,
    /// Stopwords of the page language / words; `None` when no stop list fits the page.
    pub(crate) stopword_density: Option<f32>,
    /// Sentence-ending punctuation marks followed by a space or the end of the block.
    pub(crate) sentence_ends: u32,
    /// A boilerplate phrase (`lexicon::BOILERPLATE_PHRASES`) occurs in a short block.
    pub(crate) has_phrase: bool,
    /// The concept of a boilerplate section this short block is the heading of
    /// (`lexicon::BOILERPLATE_HEADINGS`), if any.
    pub(crate) heads: Hints,
    /// A short block that reads as a byline (`lexicon::BYLINE_OPENERS`) or a dateline
    /// (mostly date words and numbers, see `is_dateline`).
    pub(crate) is_byline: bool,
    /// The block is a bare count (`13`, `+2`): a vote, reply or like counter, a page
    /// number (see [`is_count`]); or a field of a forum member's card ("Posts: 1,204",
    /// "Joined", "Reaction score"; see [`is_member_field`]).
    pub(crate) is_count: bool,
    /// Block index / number of blocks, in `[0, 1)`.
    pub(crate) position: f32,
    /// Concepts from the enclosing elements.
    pub(crate) hints: Hints,
}

/// Measurements of the whole page.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct PageFeatures {
    /// Language of the stop list used, if any fits.
    pub(crate) language: Option<&'static str>,
    /// Share of all words that are stopwords of that language.
    pub(crate) stopword_share: f32,
}

const LANGS: usize = STOP_LANGUAGES.len();

/// Measures every block (see the module doc). `declared` is the language the page's markup
/// declares, if any (see [`page_language`]). The page's type unknown: links count as links.
#[cfg(test)]
pub(crate) fn measure(
    seg: &Segmentation,
    tuning: &Tuning,
    declared: Option<&str>,
) -> (Vec<Features>, PageFeatures) {
    measure_page(seg, tuning, declared, PageType::Other)
}

/// [`measure`] on a page of a known type: on the pages of
/// [`tuning::CARD_FACE_PAGE_TYPES`], the text of a card whose whole face is one link (see
/// `Block::card_link_chars`) is not counted as linked.
pub(crate) fn measure_page(
    seg: &Segmentation,
    tuning: &Tuning,
    declared: Option<&str>,
    page_type: PageType,
) -> (Vec<Features>, PageFeatures) {
    let cards_unlinked = tuning::CARD_FACE_PAGE_TYPES.contains(&page_type);
    let mut per_block: Vec<[u16; LANGS]> = Vec::with_capacity(seg.blocks.len());
    // Language evidence comes from prose-length blocks when there are enough of them:
    // menus and names carry few stopwords in any language and would blur the shares.
    let mut totals = [0u32; LANGS];
    let mut total_words = 0u32;
    let mut prose_totals = [0u32; LANGS];
    let mut prose_words = 0u32;
    let mut lower = String::new();
    for block in &seg.blocks {
        let counts = stopword_counts(seg.text_of(block), &mut lower);
        for (t, c) in totals.iter_mut().zip(counts.iter()) {
            *t += u32::from(*c);
        }
        total_words += block.words;
        if block.words >= tuning.language_block_words {
            for (t, c) in prose_totals.iter_mut().zip(counts.iter()) {
                *t += u32::from(*c);
            }
            prose_words += block.words;
        }
        per_block.push(counts);
    }
    if prose_words >= tuning.language_min_prose_words {
        totals = prose_totals;
        total_words = prose_words;
    }
    let page = page_language(&totals, total_words, declared, tuning);
    let lang_index = page
        .language
        .and_then(|l| STOP_LANGUAGES.iter().position(|x| *x == l));
    let n = seg.blocks.len().max(1) as f32;
    let features = seg
        .blocks
        .iter()
        .zip(per_block.iter())
        .enumerate()
        .map(|(i, (block, counts))| {
            let stops = lang_index.and_then(|l| counts.get(l)).copied();
            let linked = if cards_unlinked {
                block.link_chars.saturating_sub(block.card_link_chars)
            } else {
                block.link_chars
            };
            block_features(seg, block, linked, stops, i as f32 / n, tuning, &mut lower)
        })
        .collect();
    (features, page)
}

/// The stop list a page is measured with, from each list's hits over `words` words and the
/// language the markup declares. The best-scoring list is used when its share reaches
/// `min_language_stopword_share`, except that a declared language with a list is preferred
/// when close enough to the best (`declared_language_min_ratio`), and a declared language
/// without one lets another list in only past `undeclared_language_min_share`. A
/// declaration that is not a language tag (empty, `und`, `x-…`) counts as none.
fn page_language(
    hits: &[u32; LANGS],
    words: u32,
    declared: Option<&str>,
    tuning: &Tuning,
) -> PageFeatures {
    if words == 0 {
        return PageFeatures::default();
    }
    let share = |i: usize| hits.get(i).map_or(0.0, |&h| h as f32 / words as f32);
    let Some(best) = (0..LANGS).max_by_key(|&i| hits.get(i).copied().unwrap_or(0)) else {
        return PageFeatures::default();
    };
    let best_share = share(best);
    let declared = declared.and_then(primary_language);
    let chosen = match declared {
        Some(tag) => match STOP_LANGUAGES.iter().position(|l| *l == tag) {
            Some(d)
                if share(d) >= tuning.min_language_stopword_share
                    && share(d) >= best_share * tuning.declared_language_min_ratio =>
            {
                Some(d)
            }
            Some(_) => (best_share >= tuning.min_language_stopword_share).then_some(best),
            None => (best_share >= tuning.undeclared_language_min_share).then_some(best),
        },
        None => (best_share >= tuning.min_language_stopword_share).then_some(best),
    };
    match chosen {
        Some(i) => PageFeatures {
            language: STOP_LANGUAGES.get(i).copied(),
            stopword_share: share(i),
        },
        None => PageFeatures {
            language: None,
            stopword_share: best_share,
        },
    }
}

/// The primary subtag of a BCP 47 language tag, lower-cased (`pt-BR` → `pt`, `EN_us` → `en`);
/// None when it is not a two- or three-letter language code (`und`, `x-klingon`, `*`).
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let is_code = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(primary.as_str(), "und" | "mul" | "zxx" | "mis");
    is_code.then_some(primary)
}

fn block_features(
    seg: &Segmentation,
    block: &Block,
    linked: u32,
    stopwords: Option<u16>,
    position: f32,
    tuning: &Tuning,
    lower: &mut String,
) -> Features {
    let text = seg.text_of(block);
    let scanned = scan(text);
    let length = block.chars
        + block.cjk_chars * tuning.cjk_weight.saturating_sub(1)
        + scanned.hangul * tuning.hangul_weight.saturating_sub(1);
    let words = block.words.max(1);
    let checked = tuning
        .phrase_max_words
        .max(tuning.heading_max_words)
        .max(tuning.byline_max_words);
    lower.clear();
    if block.words <= checked {
        push_lowercase(lower, text);
    }
    let has_phrase = block.words <= tuning.phrase_max_words && contains_phrase(lower)
        || lexicon::AD_LABELS.contains(&lower.trim().trim_matches(|c: char| !c.is_alphanumeric()));
    // A linked "Read more" or "Comments" is a link to elsewhere, not the heading of what
    // follows it.
    let heads = if linked > 0 {
        Hints::NONE
    } else if block.words <= tuning.heading_max_words {
        section_heading(lower)
    } else if block.words <= tuning.phrase_max_words && is_comment_count_heading(lower) {
        Hints::COMMENT
    } else {
        Hints::NONE
    };
    let is_byline = block.words <= tuning.byline_max_words
        && (is_byline(text, lower)
            || !matches!(block.kind, TagKind::TableCell | TagKind::ListItem)
                && (is_dateline(lower) || is_relative_time(lower)));
    Features {
        length,
        words: block.words,
        link_density: if block.chars == 0 {
            0.0
        } else {
            linked as f32 / block.chars as f32
        },
        stopword_density: stopwords.map(|s| f32::from(s) / words as f32),
        sentence_ends: scanned.sentence_ends,
        has_phrase,
        heads,
        is_byline,
        is_count: !matches!(block.kind, TagKind::TableCell | TagKind::Heading(_))
            && (is_count(text)
                || block.words <= tuning::MEMBER_FIELD_MAX_WORDS.min(checked)
                    && is_member_field(lower)
                || block.words <= tuning::BADGE_TALLY_MAX_WORDS.min(checked)
                    && is_badge_tally(lower)),
        position,
        hints: block.hints,
    }
}

/// Whether a lower-cased short block is a field of a forum member's card: a label of
/// [`lexicon::MEMBER_FIELDS`] alone, or followed by a number or a date. Measured on pith's
/// wcxb-dev output: 346 such lines on 23 thread pages, one of them a line of the truth.
fn is_member_field(lower: &str) -> bool {
    let t = lower.trim();
    lexicon::MEMBER_FIELDS.iter().any(|field| {
        let Some(rest) = t.strip_prefix(field) else {
            return false;
        };
        let rest = rest.trim_start_matches([':', ' ']).trim();
        rest.is_empty()
            || rest
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            || is_dateline(rest)
    })
}

/// Whether a lower-cased short block is a member's badge tally: figures (digits, `,`, `.`,
/// `k` or `m` for thousands and millions) and words of [`lexicon::MEMBER_BADGE_WORDS`]
/// only, with at least one figure and one "badge".
fn is_badge_tally(lower: &str) -> bool {
    let mut badge = false;
    for word in lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        badge |= word.starts_with("badge");
        if !lexicon::MEMBER_BADGE_WORDS.contains(&word) && !matches!(word, "k" | "m") {
            return false;
        }
    }
    badge && lower.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a block's text is a bare count: at most [`tuning::COUNT_MAX_DIGITS`] digits,
/// signed or not. Outside table cells and headings such a block is a widget's counter
/// (votes, replies, likes, a pager's page number), not text: measured on pith's output
/// for wcxb-dev, 1,012 lines were bare 1–3 digit numbers and 93 of them were lines of
/// the true text.
fn is_count(text: &str) -> bool {
    let t = text.trim();
    let digits = t.strip_prefix(['+', '-', '\u{2212}']).unwrap_or(t);
    (1..=tuning::COUNT_MAX_DIGITS).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Appends `text` lower-cased: ASCII with a byte-wise fast path, the rest by Unicode rules.
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Stopword hits per language for one text.
fn stopword_counts(text: &str, lower: &mut String) -> [u16; LANGS] {
    let mut counts = [0u16; LANGS];
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || word.len() > 16 {
            continue;
        }
        lower.clear();
        push_lowercase(lower, word);
        if let Some(mask) = STOPWORD_MAP.get(lower.as_str()) {
            for (i, c) in counts.iter_mut().enumerate() {
                if mask & (1 << i) != 0 {
                    *c = c.saturating_add(1);
                }
            }
        }
    }
    counts
}

/// The sentence ends of a text (see [`Scanned::sentence_ends`]).
#[cfg(test)]
fn sentence_ends(text: &str) -> u32 {
    scan(text).sentence_ends
}

/// What one pass over a block's characters counts.
struct Scanned {
    /// Sentence-ending marks: `. ! ? …` when followed by whitespace, a closing quote or bracket,
    /// or the end of the text (so `example.com` and `2.0` do not count), and the marks of other
    /// scripts wherever they stand, since they do not occur inside words or numbers: the CJK
    /// full stops and their full-width and half-width forms, the Devanagari danda (Hindi,
    /// Marathi, Nepali, and Bengali text), the Arabic question mark and full stop (Arabic,
    /// Persian, Urdu), the Armenian, Ethiopic, Myanmar and Khmer full stops. Pages in
    /// languages without a stop list are classified by these (see `classify`), so a script
    /// whose full stop is missing here would have no sentences at all. Source: the Unicode
    /// `Sentence_Terminal` property (UAX #29), the common marks of each script.
    sentence_ends: u32,
    /// Hangul syllables (U+AC00–U+D7A3), weighted in the block length.
    hangul: u32,
}

/// Counts a block's sentence ends and Hangul syllables in one pass over its characters.
fn scan(text: &str) -> Scanned {
    let mut n = 0;
    let mut hangul = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{AC00}'..='\u{D7A3}' => hangul += 1,
            '。' | '！' | '？' | '｡' | '．' | '।' | '॥' | '؟' | '۔' | '։' | '።' | '፧' | '။'
            | '។' => n += 1,
            '.' | '!' | '?' | '…' => {
                let next = chars.peek().copied();
                if next.is_none_or(|d| d.is_whitespace() || "\"'”’)»".contains(d)) {
                    n += 1;
                }
            }
            _ => {}
        }
    }
    Scanned {
        sentence_ends: n,
        hangul,
    }
}

/// One automaton for all of `lexicon::BOILERPLATE_PHRASES`: a single pass over a block
/// instead of one substring search per phrase (that loop was 5% of run time).
static PHRASES: Lazy<Option<AhoCorasick>> =
    Lazy::new(|| AhoCorasick::new(lexicon::BOILERPLATE_PHRASES).ok());

/// Whether a lower-cased text holds one of `lexicon::BOILERPLATE_PHRASES`.
fn contains_phrase(lower: &str) -> bool {
    PHRASES.as_ref().is_some_and(|ac| ac.is_match(lower))
}

/// The concept of the boilerplate section a lower-cased short text heads, if any: the text
/// without trailing counts and punctuation ("comments (3)", "related:") equals a listed
/// heading, or starts with a listed prefix phrase ("more from the post").
fn section_heading(lower: &str) -> Hints {
    let core = lower.trim().trim_end_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || "():.!?…»›>-–—|".contains(c)
    });
    let core = core.trim_start_matches(|c: char| !c.is_alphanumeric());
    // A leading count, as in "6 Comments" or "12 responses".
    let core = core.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    for (phrase, hint) in lexicon::BOILERPLATE_HEADINGS {
        let matches = if phrase.ends_with(' ') {
            core.starts_with(phrase)
        } else {
            core == *phrase
        };
        if matches {
            return *hint;
        }
    }
    Hints::NONE
}

/// Whether a lower-cased text is a comment list's heading that counts the comments and
/// names the post: "6 thoughts on “Title”", "One response to “Title”", "3 Kommentare zu
/// „Titel“" (see `lexicon::COMMENT_COUNT_HEADINGS`). These run past the length of other
/// section headings because they quote the post's title.
fn is_comment_count_heading(lower: &str) -> bool {
    let t = lower.trim_start();
    let after_count = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(0) => lexicon::COUNT_WORDS
            .iter()
            .find_map(|w| t.strip_prefix(w).filter(|r| r.starts_with(' '))),
        Some(i) => t.get(i..),
        None => None,
    };
    // The title is quoted to the end of the heading (a trailing colon aside).
    let is_quote = |c: char| "\"“”„«»‘’'‹›「」『』".contains(c);
    let ends_quoted = t
        .trim_end()
        .trim_end_matches([':', '.'])
        .ends_with(is_quote);
    ends_quoted
        && after_count.is_some_and(|rest| {
            let rest = rest.trim_start();
            lexicon::COMMENT_COUNT_HEADINGS.iter().any(|p| {
                rest.strip_prefix(p)
                    .is_some_and(|title| title.trim_start().starts_with(is_quote))
            })
        })
}

/// Whether a short text reads as a byline: it opens with a byline word ("By", "Von",
/// "Words by") followed by a capitalised name, and does not end like a sentence ("By the
/// end of the day, the vote was lost." is prose). `lower` is `text` lower-cased.
fn is_byline(text: &str, lower: &str) -> bool {
    let t = lower.trim_start();
    let opener_words = match lexicon::BYLINE_OPENERS.iter().find(|o| t.starts_with(**o)) {
        Some(o) => o.split_whitespace().count(),
        // "<word> by <name>": photographs by, illustration by.
        None if t.split_whitespace().nth(1) == Some("by") => 2,
        None => return false,
    };
    let capitalised = text
        .split_whitespace()
        .nth(opener_words)
        .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
        .is_some_and(char::is_uppercase);
    let ends_sentence = text.trim_end().ends_with(['.', '!', '?']);
    capitalised && !ends_sentence
}

/// Whether a lower-cased short text is a dateline: it names a date or a time (a month, a
/// year from 1900 to 2099, or an `hh:mm` clock) and at least half its words are date words,
/// numbers or date labels ("Updated at 1:23 p.m.", "Nov 13, 2019 4:26 pm",
/// "30.05.2024, 17:45 Uhr").
fn is_dateline(lower: &str) -> bool {
    let mut words = 0usize;
    let mut dateish = 0usize;
    let mut anchored = false;
    for raw in lower.split_whitespace() {
        words += 1;
        let w = raw
            .trim_matches(|c: char| ",;:()[]".contains(c))
            .trim_end_matches('.');
        let digits = w.chars().filter(char::is_ascii_digit).count();
        let is_year = w.len() == 4 && digits == 4 && (w.starts_with("19") || w.starts_with("20"));
        let is_clock = w.contains(':') && digits >= 3;
        let is_month = lexicon::MONTH_WORDS.contains(&w);
        anchored |= is_year || is_clock || is_month || digits >= 6;
        if digits > 0 || is_month || lexicon::DATE_LABELS.contains(&w) || w.is_empty() {
            dateish += 1;
        }
    }
    anchored && words > 0 && dateish * 2 >= words
}

/// Whether a lower-cased short text is a relative timestamp: a number, a time unit and a
/// relative word ("2 hours ago", "vor 3 Tagen", "il y a 5 min", "3d ago"), with nothing
/// else, or a relative day alone ("Yesterday"); see [`lexicon::RELATIVE_TIME_UNITS`].
fn is_relative_time(lower: &str) -> bool {
    let t = lower
        .trim()
        .trim_matches(|c: char| "·|•()[]".contains(c))
        .trim();
    if lexicon::RELATIVE_DAYS.contains(&t.trim_end_matches('.')) {
        return true;
    }
    let (t, mut mark) = match t.strip_prefix("il y a ") {
        Some(rest) => (rest, true),
        None => (t, false),
    };
    let mut number = false;
    let mut unit = false;
    for raw in t.split_whitespace() {
        let w = raw.trim_matches(|c: char| ",;:.".contains(c));
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        let (n, rest) = w.split_at(digits);
        if !n.is_empty() && !number {
            // "3", or "3d" with its unit glued on.
            number = true;
            match rest {
                "" => {}
                _ if lexicon::RELATIVE_TIME_UNITS.contains(&rest) => unit = true,
                _ => return false,
            }
        } else if number && !unit && lexicon::RELATIVE_TIME_UNITS.contains(&w) {
            unit = true;
        } else if !number && lexicon::RELATIVE_TIME_ONE.contains(&w) {
            number = true;
        } else if !mark && lexicon::RELATIVE_TIME_MARKS.contains(&w) {
            mark = true;
        } else {
            return false;
        }
    }
    number && unit && mark
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn measure_html(html: &str) -> (Vec<Features>, PageFeatures) {
        measure(&segment::of(html), &Tuning::BALANCED, None)
    }

    #[test]
    fn english_prose_is_detected_and_dense_in_stopwords() {
        let (f, page) = measure_html(
            "<p>The council said that it would not approve the plan until the residents of \
             the valley had been heard, and that a vote was expected in the spring.</p>\
             <ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul>",
        );
        assert_eq!(page.language, Some("en"));
        assert!(f[0].stopword_density.is_some_and(|d| d > 0.35));
        assert_eq!(f[1].stopword_density, Some(0.0));
        assert!((f[1].link_density - 1.0).abs() < f32::EPSILON);
    }

    #[test]
    fn bare_counts_are_counts_outside_table_cells_and_headings() {
        let (f, _) = measure_html(
            "<div>13</div><span>+2</span><p>3 replies</p><div>2024</div>\
             <table><tr><td>Height</td><td>12</td></tr></table><h2>7</h2>",
        );
        let counts: Vec<bool> = f.iter().map(|f| f.is_count).collect();
        assert_eq!(counts, [true, true, false, false, false, false, false]);
        let (f, _) = measure_html(
            "<div>Posts: 1,204</div><div>Joined: Mar 12, 2019</div><div>Messages</div>\
             <div>Reaction score</div><div>Posts about the harbour</div><div>Location: Leeds</div>",
        );
        let fields: Vec<bool> = f.iter().map(|f| f.is_count).collect();
        assert_eq!(fields, [true, true, true, true, false, false]);
        // A member's badge tally, figures glued to the words as Stack Exchange renders it.
        let (f, _) = measure_html(
            "<div>1,9922 gold badges14 silver badges18 bronze badges</div>\
             <div>23.8k14 gold badges88 silver badges</div><div>4384 silver badges7 bronze badges</div>\
             <div>Gold badges for the swimmers</div><div>badges</div>",
        );
        let tallies: Vec<bool> = f.iter().map(|f| f.is_count).collect();
        assert_eq!(tallies, [true, true, true, false, false]);
    }

    #[test]
    fn german_prose_picks_the_german_list() {
        let (_, page) = measure_html(
            "<p>Die Stadt hat am Montag beschlossen, dass der neue Bahnhof nicht vor dem \
             Jahr fertig wird, weil die Planung noch einmal geprüft werden muss.</p>",
        );
        assert_eq!(page.language, Some("de"));
    }

    #[test]
    fn text_without_any_stop_list_has_no_density() {
        let (f, page) = measure_html("<p>東京都は月曜日、新しい駅の建設計画を発表した。</p>");
        assert_eq!(page.language, None);
        assert_eq!(f[0].stopword_density, None);
        assert_eq!(f[0].sentence_ends, 1);
        assert!(
            f[0].length > 40,
            "CJK characters are weighted: {}",
            f[0].length
        );
    }

    /// Hits per stop list for 100 words, by language code.
    fn hits(pairs: &[(&str, u32)]) -> [u32; LANGS] {
        let mut h = [0; LANGS];
        for (lang, n) in pairs {
            let i = STOP_LANGUAGES.iter().position(|l| l == lang).unwrap();
            h[i] = *n;
        }
        h
    }

    #[test]
    fn page_language_weighs_the_declared_language() {
        let t = &Tuning::BALANCED;
        let lang = |h: &[(&str, u32)], declared| page_language(&hits(h), 100, declared, t).language;
        // Undeclared: the best list, when it clears the minimum share.
        assert_eq!(lang(&[("sv", 17), ("en", 5)], None), Some("sv"));
        assert_eq!(lang(&[("fr", 11)], None), None);
        // Danish matched to Swedish: not believed against the declaration...
        assert_eq!(lang(&[("sv", 17), ("en", 5)], Some("da")), None);
        assert_eq!(lang(&[("sv", 29)], Some("da-DK")), None);
        // ... unless the text really is in a listed language (a mislabelled template).
        assert_eq!(lang(&[("en", 30), ("sv", 4)], Some("da")), Some("en"));
        // A declared listed language close to the best is preferred to it.
        assert_eq!(lang(&[("es", 40), ("pt", 32)], Some("pt-BR")), Some("pt"));
        // A declared listed language far behind is a template default: the best wins.
        assert_eq!(lang(&[("de", 42), ("en", 9)], Some("en")), Some("de"));
        assert_eq!(lang(&[("de", 42), ("en", 14)], Some("en_US")), Some("de"));
        // Not a language tag: as if undeclared.
        assert_eq!(lang(&[("sv", 17)], Some("und")), Some("sv"));
        assert_eq!(lang(&[("sv", 17)], Some("x-pig-latin")), Some("sv"));
        assert_eq!(lang(&[("sv", 17)], Some("English")), Some("sv"));
    }

    #[test]
    fn hangul_syllables_weigh_more_than_latin_letters() {
        let (f, _) = measure_html(
            "<p>서울시는 내년부터 한강 다리 세 곳에 자전거 전용 차로를 만든다고 밝혔다.</p>",
        );
        // 30 syllables and a full stop; spaces do not count.
        let syllables = 30;
        assert_eq!(
            f[0].length,
            syllables * Tuning::BALANCED.hangul_weight + 1,
            "syllables weighted, the full stop counted once"
        );
    }

    #[test]
    fn sentence_ends_of_other_scripts_count_anywhere() {
        assert_eq!(sentence_ends("यह एक वाक्य है। यह दूसरा है।"), 2);
        assert_eq!(sentence_ends("هل هذا سؤال؟ نعم."), 2);
        assert_eq!(sentence_ends("これは文です。次の文"), 1);
        assert_eq!(sentence_ends("Հայերեն նախադասություն։"), 1);
    }

    #[test]
    fn sentence_ends_need_a_following_space_or_end() {
        assert_eq!(sentence_ends("Version 2.0 is out. Get it now!"), 2);
        assert_eq!(sentence_ends("example.com"), 0);
        assert_eq!(sentence_ends("He said \"stop.\" Then left"), 1);
    }

    #[test]
    fn the_phrase_automaton_builds_and_matches_every_phrase() {
        assert!(PHRASES.is_some());
        for p in lexicon::BOILERPLATE_PHRASES {
            assert!(contains_phrase(&format!("x {p} y")), "{p}");
        }
        assert!(!contains_phrase("the council met on tuesday"));
    }

    #[test]
    fn section_headings_are_recognised_with_counts_and_suffixes() {
        assert_eq!(section_heading("comments (3)"), Hints::COMMENT);
        assert_eq!(section_heading("more from the valley post"), Hints::RELATED);
        assert_eq!(section_heading("related:"), Hints::RELATED);
        assert_eq!(section_heading("você pode gostar…"), Hints::RELATED);
        assert_eq!(section_heading("relatedness of species"), Hints::NONE);
        assert_eq!(section_heading("related: bridge reopens"), Hints::NONE);
        assert_eq!(section_heading("the comments section"), Hints::NONE);
        assert_eq!(section_heading("6 comments"), Hints::COMMENT);
        assert_eq!(section_heading("12 responses"), Hints::COMMENT);
        assert_eq!(section_heading("2024 elections"), Hints::NONE);
    }

    #[test]
    fn comment_count_headings_name_the_post() {
        for heading in [
            "6 thoughts on “why we moved the vegetable garden”",
            "one thought on \"why we moved the vegetable garden\"",
            "12 responses to “the allotment waiting list”",
            "2 replies to ‘a winter of leeks’",
            "3 kommentare zu „der neue gemeinschaftsgarten“",
            "5 réflexions sur « le jardin partagé »",
            "4 commenti su “l’orto in città”",
        ] {
            assert!(is_comment_count_heading(heading), "{heading}");
        }
        for prose in [
            "6 thoughts on the new garden plan were shared at the meeting",
            "thoughts on “the garden”",
            "one response to the flooding was to raise the beds",
            "2024 responses to “the survey” were counted",
        ] {
            assert!(!is_comment_count_heading(prose), "{prose}");
        }
    }

    #[test]
    fn datelines_are_recognised() {
        for line in [
            "updated at 1:23 p.m.",
            "nov 13, 2019 4:26 pm",
            "october 12, 2017",
            "published: november 19, 2019 at 8:59 pm | updated: november 19, 2019 at 10:16 pm",
            "30.05.2024, 17:45 uhr",
        ] {
            assert!(is_dateline(line), "{line}");
        }
        for line in [
            "the bridge opened in 2019 after years of delay",
            "3 tackles (3 combined)",
            "may the best team win",
            "tom davies associated press",
        ] {
            assert!(!is_dateline(line), "{line}");
        }
    }

    #[test]
    fn relative_timestamps_are_recognised() {
        for line in [
            "2 hours ago",
            "3d ago",
            "an hour ago",
            "· 5 min ago",
            "yesterday",
            "vor 3 tagen",
            "il y a un an",
            "hace 2 horas",
            "2 ore fa",
            "1 week geleden",
        ] {
            assert!(is_relative_time(line), "{line}");
        }
        for line in [
            "2 hours",
            "a day to remember",
            "4 day week",
            "two hours ago the bridge closed",
            "today",
            "3 years ago we moved",
        ] {
            assert!(!is_relative_time(line), "{line}");
        }
    }

    #[test]
    fn bylines_are_recognised() {
        let by = |t: &str| is_byline(t, &t.to_lowercase());
        assert!(by("By Ana Ruiz"));
        assert!(by("Von Katrin Vogelsang · 30.05.2024, 17:45 Uhr"));
        assert!(by("Words by Eleanor Rusk · Photographs by Idris Mackie"));
        assert!(by("By Dr. Femi Adeyemi, Health Correspondent"));
        assert!(!by("Bystanders said the bridge shook"));
        assert!(!by("The bridge was built by the council"));
        assert!(!by("By the end of the day the vote was lost."));
        assert!(!by("by the river"));
    }

    #[test]
    fn phrases_are_only_checked_in_short_blocks() {
        let long = format!("<p>{} subscribe to our newsletter</p>", "word ".repeat(40));
        let (f, _) = measure_html(&long);
        assert!(!f[0].has_phrase);
        let (f, _) = measure_html("<p>Subscribe to our newsletter</p>");
        assert!(f[0].has_phrase);
        let (f, _) = measure_html("<p>Advertisement</p><p>Digital advertising paid for it.</p>");
        assert!(f[0].has_phrase);
        assert!(!f[1].has_phrase);
    }

    #[test]
    fn a_card_that_one_link_wraps_reads_as_text_on_grid_pages_only() {
        let page = "<div class='grid'><a href='/a'><h3>Trail shoe with a deep lug</h3>\
             <p>Grips wet rock and mud on long descents.</p></a>\
             <p>Sizes <a href='/s'>small</a> to large.</p></div>";
        let s = segment::of(page);
        let density = |t: PageType| {
            let (f, _) = measure_page(&s, &Tuning::BALANCED, None, t);
            f.iter().map(|f| f.link_density).collect::<Vec<_>>()
        };
        assert_eq!(density(PageType::Article)[..2], [1.0, 1.0]);
        assert_eq!(density(PageType::Collection)[..2], [0.0, 0.0]);
        // A plain link inside a paragraph is a link on every page.
        assert!(density(PageType::Collection)[2] > 0.0);
        assert_eq!(
            density(PageType::Collection)[2],
            density(PageType::Article)[2]
        );
    }
}
