//! Every numeric threshold and weight of the pipeline, with its source and trade-off.
//!
//! Stages receive a `&Tuning`; [`Tuning::for_focus`] picks one of three presets. Numbers
//! that were measured name the command that measured them; numbers taken from a paper or a
//! peer name it. Constants that move together say so.
//!
//! Measurement commands referred to below:
//! * `pith eval DIR` — SH/ROUGE P/R/F1 of the whole pipeline over a dataset in the shared
//!   layout (see README, "Evaluating").
//! * "the calibration run": `pith eval --explain-stats DIR` over the shared scrapinghub and
//!   readability sets, which prints the distribution of each feature over blocks that hold
//!   truth text versus blocks that do not.

use crate::options::Focus;

/// All thresholds the stages read. Built only through the presets, so that the values that
/// were tuned together stay together.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tuning {
    // ---- stage 4: context-free classification (jusText `classify_paragraphs`) ----
    /// Blocks shorter than this (in weighted characters) are `Short` at best.
    /// jusText default 70. Lower keeps more one-line paragraphs as candidates but lets more
    /// menu lines through to the context stage.
    pub length_low: u32,
    /// Blocks at least this long with a high stopword density are `Good` outright.
    /// jusText default 200.
    pub length_high: u32,
    /// Stopword density at or above which a block is at least `NearGood`.
    /// jusText uses 0.30 with lists of ~300 words; our lists are shorter (~150 words), so
    /// density on the same prose is lower. Calibration run: 95% of truth blocks of 10+ words
    /// in English sit above 0.25, while menus and link lists mostly sit below 0.15.
    pub stopwords_low: f32,
    /// Stopword density at or above which a long block is `Good`. jusText 0.32 (see above
    /// for why ours is lower).
    pub stopwords_high: f32,
    /// Link density (linked characters / characters) above which a block is `Bad`.
    /// jusText 0.2; boilerpipe's decision tree splits at 0.33. Lower drops
    /// encyclopedia-style paragraphs; higher keeps "Related:" lines with a little text.
    pub max_link_density: f32,
    /// Link density allowed for long blocks (at least `length_high`), where a prose
    /// paragraph full of inline links (encyclopedia style) is common and menus are rare.
    pub max_link_density_long: f32,
    /// Boilerplate phrases ("subscribe to", "©") only mark blocks of at most this many
    /// words: a long paragraph quoting one is still prose.
    pub phrase_max_words: u32,
    /// Short blocks of at most this many words are checked against the boilerplate
    /// section headings ("Comments", "Related articles", "Lesen Sie auch"). Headings of
    /// such sections are one to five words; six leaves room for a site name.
    pub heading_max_words: u32,
    /// Short blocks of at most this many words are checked for byline openers ("By …",
    /// "Von …"). Bylines with a photographer, a date and a reading time reach about
    /// sixteen words; the capitalised-name and no-sentence-end tests guard longer prose.
    pub byline_max_words: u32,
    /// Weight of one CJK character relative to a Latin letter in block lengths. A Chinese or
    /// Japanese character carries about as much as a short word; 3 keeps a one-line CJK
    /// paragraph (~25 characters) near the Latin `length_low`.
    pub cjk_weight: u32,
    /// Weight of one Hangul syllable relative to a Latin letter in block lengths. Korean
    /// separates words with spaces, but each syllable block writes two or three letters
    /// (jamo): a news paragraph of fifty words is about 150 syllables where English needs
    /// 300 letters, so unweighted Korean prose never reached `length_high` (measured on
    /// Korean pages we wrote; the two Korean pages of the shared sets are unchanged).
    pub hangul_weight: u32,
    /// Inside the article span (between its first and last good block), short blocks
    /// are kept when at most this share of their text is linked: a one-line paragraph
    /// with a link is prose, a "Related: <headline>" line is mostly link.
    pub max_link_density_inside: f32,
    /// When no stop list covers the page (fewer than this share of words are stopwords of
    /// the best language), classification falls back to length and punctuation alone.
    /// Measured over prose-length blocks (see `language_block_words`) of the shared
    /// scrapinghub and readability pages: every page in a listed language scores 0.16 or
    /// more (most over 0.25), Lorem ipsum and languages without a list score 0.11 or less;
    /// 0.13 splits the gap.
    pub min_language_stopword_share: f32,
    /// A page that declares a language with a stop list (`<html lang>`, `content-language`…)
    /// is measured with that list when its share reaches `min_language_stopword_share` and
    /// this fraction of the best list's share. Related languages share function words
    /// (Portuguese and Spanish, Czech and Polish), so the best list is not always the right
    /// one; but declarations are often template defaults (the shared scrapinghub set has
    /// German pages declared `en` and English pages declared `de`, where the declared list
    /// scores under a quarter of the best), so a declared list far behind is not believed.
    pub declared_language_min_ratio: f32,
    /// A page that declares a language no stop list covers (Danish, Hungarian, Finnish,
    /// Greek…) is measured with another language's list only when that list's share reaches
    /// this. Related languages match a neighbour's list well enough to pass
    /// `min_language_stopword_share` but not to make their prose dense in it: Danish and
    /// Norwegian news prose scored 0.17 and 0.23 on the Swedish list and Hungarian 0.19 on
    /// the English one (through the article "a"), and their paragraphs were then labelled
    /// few-stopwords; pages truly in a listed language score 0.40 at the median on the
    /// shared sets, so a page mislabelled with another language still gets its list.
    pub undeclared_language_min_share: f32,
    /// Blocks of at least this many words are the language evidence (when they hold at
    /// least `language_min_prose_words` words in all; else every block is).
    pub language_block_words: u32,
    /// See `language_block_words`.
    pub language_min_prose_words: u32,

    // ---- stage 5: context revision (jusText `revise_paragraph_classification`) ----
    /// A heading within this many characters before `Good` text is kept. jusText default 200.
    pub max_heading_distance: u32,
    /// Whether the article span grows past its first and last good block over short
    /// sentences and unlinked list lines in the same container (`context::sequence`).
    /// Off in the precision preset: edges hold most stray datelines and credits.
    pub extend_edges: bool,
    /// Region voting: value of one character of `Good` text. The article region is the DOM
    /// subtree with the largest sum of block values.
    pub value_good: f32,
    /// Region voting: value of one character of `NearGood` text.
    pub value_near_good: f32,
    /// Region voting: value of one character of `Short` text (short, unlinked lines).
    /// Neutral: such lines are subheadings, list items and recipe steps inside articles as
    /// often as dates and labels around them, and menus are caught by their links. A
    /// negative value cut recipe and list-heavy articles out of their own region
    /// (measured: SH mean page F1 0.957 at -0.25, 0.959 at 0.0 on scrapinghub).
    pub value_short: f32,
    /// Region voting: value of one character of `Bad` text. The ratio to `value_good`
    /// decides how much boilerplate the region may swallow to take in one more good block:
    /// at -1.0 a region grows over an ad block only when the text beyond is longer than the
    /// ad. Lower (more negative) gives tighter regions and risks cutting multi-part articles.
    pub value_bad: f32,
    /// Region voting: value of one character of a block that is bad only for its low
    /// stopword density and has no links (a list of tour dates, a results table). Such
    /// blocks sit inside articles far more often than around them, where boilerplate is
    /// mostly linked; a full `value_bad` made regions stop short of them, and any negative
    /// value lost list-heavy articles (see `value_short`).
    pub value_unlinked_bad: f32,
    /// Region voting: factor on the value of all text under a boilerplate-named element
    /// (footer, comments, sidebar…), whether or not the name is believed. A footer's
    /// "contact us" paragraph must not outvote a short article, yet a site that wraps its
    /// article in `content-with-sidebar` loses nothing, since every candidate inside the
    /// wrapper is scaled alike (good and bad text both).
    pub hinted_discount: f32,
    /// Region voting: value of one character inside a believed boilerplate box (a related
    /// list, a comment section, an ad slot). Such boxes are dropped from the text anyway;
    /// counting them neutral lets a region span an ad or a "most read" box set into the
    /// middle of a story instead of stopping at it.
    pub value_boxed: f32,
    /// Region voting: bonus, as a share of its positive value, for an element with strong
    /// body evidence (`<article>`, `itemprop=articleBody`, `article-body`-style names), so
    /// that a short article in such an element beats the same plus a stray alert or teaser
    /// paragraph in the page wrapper around it.
    pub body_bonus: f32,
    /// Region voting: value of one character of linked prose (see `classify::Rule::LinkedProse`).
    /// Neutral: a news digest of linked summaries is article, a teaser list with blurbs
    /// is not, and only the blocks around it can tell which.
    pub value_linked_prose: f32,
    /// A boilerplate-hinted subtree inside the region (share bar, related box, comments) is
    /// dropped when its good text is below this share of the region's good text. Higher
    /// drops bigger hinted boxes (and risks an article body whose class says "comments").
    pub hinted_region_max_share: f32,
    /// A boilerplate concept whose named boxes hold together more than this share of the
    /// page's good text is the page builder's vocabulary, not evidence (see
    /// `context::boxes::page_vocabulary`): Elementor names every text box a `widget`.
    /// Measured with `pith eval` over the three shared sets: 0.5 with
    /// `vocabulary_min_boxes` 3 lifts wcxb-dev ROUGE F1 by 0.011 (page-builder pages that
    /// came out empty) and changes no scrapinghub or readability page. Lower reads more
    /// sidebars as content on pages with a short story.
    pub vocabulary_share: f32,
    /// ... and only when at least this many such boxes hold good text: a framework names
    /// every box, a site names one sidebar. With 1, four scrapinghub stories beside one big
    /// sidebar lost their text (SH F1 0.975 -> 0.970); 2, 3 and 4 leave the news sets
    /// unchanged and give wcxb-dev 0.800 / 0.798 / 0.797.
    pub vocabulary_min_boxes: u32,
    /// The recall fallback (`context::fallback`) runs only when the prose blocks it would
    /// keep hold at least this many characters: about two paragraphs, so that a login wall
    /// or a script-rendered shell with one stray sentence stays empty. Same order as
    /// `tiny_page_chars`, which keeps a whole page below it.
    pub fallback_min_chars: u32,
    /// The recall fallback's second tier (`context::fallback`, when the prose is under
    /// `fallback_min_chars`) keeps blocks with text of their own: at most this link
    /// density (a block mostly of links is a menu or a list of teasers) ...
    pub fallback_text_max_link_density: f32,
    /// ... and at least this many characters (shorter are labels and buttons) ...
    pub fallback_text_min_block: u32,
    /// ... when together they hold at least this many characters: less is a login wall's
    /// or an app shell's few words.
    pub fallback_text_min_chars: u32,
    /// Record sets (`context::records`): at least this many sibling elements of one shape.
    /// Three, as issue 12 and the wrapper-induction literature (MDR, Liu et al. 2003) ask:
    /// two siblings alike are common by chance.
    pub records_min: usize,
    /// A record set's records hold at least this many characters on average: a teaser has a
    /// title of several words; menu items ("Home", "News") average under 15.
    pub records_min_mean: u32,
    /// The largest record holds at most this share of the set's text: records of one set
    /// are alike; a page's top-level sections (header, main, footer in three `div.row`) are
    /// not, the main one holding nearly all the text.
    pub records_max_share: f32,
    /// Blocks of a record shorter than this are its chrome (counts, "Reply", prices) and
    /// are not promoted.
    pub records_block_min_chars: u32,
    /// The record sets' teaser text is promoted only when it is at least this many times
    /// the page's unboxed good prose: on an article the story outweighs its teaser lists.
    /// Measured on the three shared sets (with `records_linked_weight` 1): 0.5 and 1.0 give
    /// wcxb-dev ROUGE 0.833 / 0.832, 1.5 gives 0.829, 2.0 gives 0.827 (listings lose);
    /// news is unchanged on scrapinghub from 0.5 up.
    pub records_dominance: f32,
    /// Weight of a mostly linked record set's text against the prose (`records_dominance`):
    /// linked teasers beside a story are the site's navigation unless they clearly outweigh
    /// it. 0.5 keeps readability's German news page with a teaser column (heise) whole, at
    /// a cost of 0.001 on wcxb-dev against 1.0.
    pub records_linked_weight: f32,
    /// A box opened by a boilerplate section heading ("Comments", "You may also like") is
    /// believed up to this share of the page's good text. Higher than
    /// `hinted_region_max_share`: a heading is stronger evidence than a class name, and a
    /// related-posts section with prose teasers can outweigh a short article.
    pub headed_box_max_share: f32,
    /// Good blocks outside the region are kept when they sit within this many blocks of it
    /// (articles split around an ad or a photo, a lead paragraph above the body). 0 keeps
    /// the region only.
    pub outside_reach_blocks: u32,

    /// A page with less text than this in all (characters), where nothing was kept, is
    /// kept whole (see `context::keep_tiny_page`). A listing page or an error page with a
    /// menu and a footer has more; a one-paragraph note has less.
    pub tiny_page_chars: u32,

    // ---- relaxed retry (Readability.js `_grabArticle` retry) ----
    /// When the kept text is shorter than this (characters), extraction runs once more with
    /// the `Recall` preset and keeps the longer result. Readability's `charThreshold` is 500.
    pub retry_below_chars: u32,
}

impl Tuning {
    /// The balanced preset: the default.
    pub(crate) const BALANCED: Tuning = Tuning {
        length_low: 70,
        length_high: 200,
        stopwords_low: 0.22,
        stopwords_high: 0.26,
        max_link_density: 0.2,
        max_link_density_long: 0.4,
        max_link_density_inside: 0.5,
        phrase_max_words: 25,
        heading_max_words: 6,
        byline_max_words: 16,
        cjk_weight: 3,
        hangul_weight: 2,
        min_language_stopword_share: 0.13,
        declared_language_min_ratio: 0.75,
        undeclared_language_min_share: 0.3,
        language_block_words: 15,
        language_min_prose_words: 50,
        max_heading_distance: 200,
        extend_edges: true,
        value_good: 1.0,
        value_near_good: 0.75,
        value_short: 0.0,
        value_bad: -1.0,
        value_unlinked_bad: 0.0,
        hinted_discount: 0.25,
        value_linked_prose: 0.0,
        body_bonus: 0.3,
        value_boxed: 0.0,
        hinted_region_max_share: 0.5,
        vocabulary_share: 0.5,
        vocabulary_min_boxes: 3,
        fallback_min_chars: 300,
        fallback_text_max_link_density: 0.5,
        fallback_text_min_block: 20,
        fallback_text_min_chars: 150,
        records_min: 3,
        records_min_mean: 25,
        records_max_share: 0.5,
        records_block_min_chars: 15,
        records_dominance: 1.0,
        records_linked_weight: 0.5,
        headed_box_max_share: 0.8,
        outside_reach_blocks: 2,
        retry_below_chars: 500,
        tiny_page_chars: 300,
    };

    /// The precision preset: stricter labels, tighter region, no reach outside it, no
    /// edge growth, fewer linked lines inside the span. Measured trade-off in the README.
    pub(crate) const PRECISION: Tuning = Tuning {
        stopwords_low: 0.25,
        stopwords_high: 0.30,
        max_link_density: 0.15,
        max_link_density_long: 0.3,
        max_link_density_inside: 0.3,
        value_short: -0.25,
        value_bad: -1.5,
        hinted_region_max_share: 0.6,
        outside_reach_blocks: 0,
        extend_edges: false,
        ..Tuning::BALANCED
    };

    /// The recall preset: looser labels, regions that grow over more boilerplate, fewer
    /// boxes believed.
    pub(crate) const RECALL: Tuning = Tuning {
        length_low: 50,
        stopwords_low: 0.18,
        stopwords_high: 0.22,
        max_link_density: 0.3,
        max_link_density_long: 0.5,
        max_link_density_inside: 0.6,
        value_bad: -0.6,
        hinted_region_max_share: 0.35,
        outside_reach_blocks: 4,
        ..Tuning::BALANCED
    };

    /// The preset for a focus.
    pub(crate) fn for_focus(focus: Focus) -> &'static Tuning {
        match focus {
            Focus::Precision => &Tuning::PRECISION,
            Focus::Balanced => &Tuning::BALANCED,
            Focus::Recall => &Tuning::RECALL,
        }
    }
}

// ---- features (`features.rs`) ----

/// Page types on which the face of a card that one link wraps whole (a product tile, a
/// listing's teaser: heading and text inside one `<a>`) is read as text, not as link text
/// (`features::measure_page`). Measured on the three shared sets with the rule on every
/// page, summed page ROUGE F1 by the type pith decides: wcxb-dev collections +2.6,
/// listings +1.3, products +0.2, articles −1.1; scrapinghub and readability −0.7 each,
/// where a story's related teasers are such cards. On these three types only: wcxb-dev
/// +3.5 over 87 pages, the news sets unchanged.
pub(crate) const CARD_FACE_PAGE_TYPES: &[crate::page_type::PageType] = &[
    crate::page_type::PageType::Collection,
    crate::page_type::PageType::Listing,
    crate::page_type::PageType::Product,
];

// ---- recall fallback (`context/fallback.rs`) ----

/// When nothing else is kept, a set of at least this many sibling records inside the
/// page's main content is its grid of tiles and is kept. Five: a hero's three or four
/// feature cards are not a grid, and the rule runs only on pages that would be empty.
pub(crate) const FALLBACK_GRID_MIN_RECORDS: usize = 5;

// ---- repeated copies (`context/copies.rs`) ----

/// A later element whose blocks repeat an earlier element's blocks, text for text, is a
/// second copy of it (a page builder's breakpoint variants, `ssr-variant`, each holding the
/// whole article; a carousel cloned for looping) when it holds at least this many blocks
/// and `REPEAT_MIN_CHARS` characters. Two blocks: one repeated sentence (a pull quote, a
/// "Read more") is not a copy of a box, and test pages that say the same lorem ipsum
/// paragraph five times in a row are not either, since no element of theirs repeats.
pub(crate) const REPEAT_MIN_BLOCKS: u32 = 2;

/// See `REPEAT_MIN_BLOCKS`: below this many non-whitespace characters a repeated box is a
/// pair of labels ("Add to cart", a price), which other rules judge. Measured on the three
/// shared sets (the rule: wcxb-dev +4.2 page ROUGE F1 over 97 pages, readability +0.007,
/// scrapinghub unchanged): 300 gives back 0.9 of it on wcxb-dev (breakpoint copies of short
/// sections are missed), 40 adds 0.36 more over 90 changed pages, within noise; 100 sits
/// between, away from short repeated labels.
pub(crate) const REPEAT_MIN_CHARS: u32 = 100;

// ---- reader comments (`comments.rs`) ----

/// Inside a comment, a line of at most this many words that reads as a byline or a
/// dateline is the commenter's name or the comment's date rather than its text. A name and
/// a date with a time ("Jo Bloggs", "12 March 2025 at 9:41 am") fit; a one-line comment
/// longer than this with a sentence end stays text.
pub(crate) const COMMENT_META_MAX_WORDS: u32 = 8;

// ---- content fingerprint (`fingerprint.rs`) ----

/// Words per shingle in the SimHash fingerprint. Charikar's SimHash over word n-grams as used
/// for near-duplicate web pages by Manku, Jain & Das Sarma (WWW 2007, 3-word shingles in
/// their follow-ups); 3 makes a changed word touch only three features, so an edit moves
/// few bits, while still separating texts that share vocabulary but not sentences. Larger
/// shingles make small edits cost more bits; 1 (bag of words) makes different stories on the
/// same topic look alike. Measured with `cargo test --release --test fingerprint --
/// --nocapture` on the corpus (commit of this line): one replaced word moves 2.3 bits on
/// average (worst 7 of 383 edits); the syndicated pair is 0 bits apart; different stories are
/// 20 bits apart or more. A Python run of the same hash over 30 corpus texts gave 1-word
/// shingles (bag of words) 0.5 bits per edit but let different stories come within 2 bits,
/// and 4-word shingles 3.3 bits per edit: 3 is the balance.
pub(crate) const FINGERPRINT_SHINGLE_WORDS: usize = 3;

/// A table row is page layout, not data, when one of its cells holds a block of at least
/// this many characters (a paragraph: the balanced `length_high`) or more than one block;
/// its blocks are then rendered as paragraphs instead of being joined with tabs into one
/// table row. Old sites lay whole pages out in tables, the article in one cell; joining its
/// paragraphs made one line of the whole article. Readability.js's `_isDataTable` calls
/// tables layout on similar evidence. Lower would split data tables with long cells into
/// paragraphs.
pub(crate) const LAYOUT_CELL_CHARS: u32 = 200;

// ---- metadata (`metadata.rs`) ----

/// A byline found in the page text (not in metadata) is at most this many characters.
/// Readability.js `_isValidByline` uses 100: longer text in a `.author` box is a biography,
/// not a name. Lower misses "By A, B and C, Staff Writers" lines; higher takes bios.
pub(crate) const BYLINE_MAX_CHARS: usize = 100;

/// Words at the start of a byline searched for the end of its label ("This post was
/// written by Ana"): labels are short. More would cut names that contain "by" later on.
pub(crate) const BYLINE_LABEL_WORDS: usize = 6;

/// Byline texts longer than this many bytes (any source) are not cleaned but refused: a
/// bio or a list, and the cleaning looks for dates at each offset (quadratic). Twice the
/// longest valid DOM byline in UTF-8.
pub(crate) const BYLINE_CLEAN_MAX_BYTES: usize = 400;

/// Byline elements remembered in page order; the first whose text states a name is taken
/// (the first may hold only "About the Author" or initials). Four covers a label box, an
/// avatar and the name box of one byline row without taking the author boxes of a listing.
pub(crate) const BYLINE_DOM_CANDIDATES: usize = 4;

/// `twitter:labelN` / `twitter:dataN` pairs read for a "Written by" card (Yoast SEO emits
/// two: author and reading time; four leaves room for plugins that add more).
pub(crate) const TWITTER_CARD_LABELS: usize = 4;

/// Blocks after the headline `h1` searched for a line that opens like a byline ("By Ana
/// Ruiz") when no markup names the author. A byline sits within the first few blocks (a
/// standfirst, a date line, the byline); further down, "By the time…" is prose.
pub(crate) const BYLINE_TEXT_LINES: usize = 4;

/// Years a `/YYYY/MM/DD/` URL path segment may name to be read as the publication date. The
/// web's news archives start in the 1990s; later than 2100 is an ID, not a year. Wider
/// ranges read more product and ticket numbers as dates.
pub(crate) const URL_DATE_YEARS: std::ops::RangeInclusive<u32> = 1990..=2100;

/// Years a date must fall in to be taken as a page's publication or modification date,
/// from any source. The web has pages from 1991 on; a "published" year outside this is a
/// placeholder (`0001-01-01`, `1970-01-01` from a zero timestamp) or a historical date in the
/// text ("July 4, 1776"). Earlier bounds admit epoch placeholders.
pub(crate) const DATE_YEARS: std::ops::RangeInclusive<u32> = 1991..=2100;

/// Characters of page text after the first `h1` opens (and, separately, before it) that are
/// searched for a visible publication date when no markup states one. Datelines sit within
/// a few lines of the headline; 600 characters reach past a standfirst and a byline row
/// without reaching the article's own dates in its body or a listing's later entries.
/// Higher finds more dates placed below a long teaser, and more dates that are not the
/// page's.
pub(crate) const DATE_NEAR_HEADLINE_CHARS: usize = 600;

/// `h1`s whose surroundings are kept for the visible-date search; the one that starts
/// with the title is searched. A logo `h1` and a section `h1` may come before the headline;
/// four covers them and bounds the copies of each text node.
pub(crate) const DATE_HEADLINE_WINDOWS: usize = 4;

/// Characters of text before a `<time>` element searched for a modification label
/// ("Last updated: <time>"). A label sits right before its date; more reaches the
/// "Published … ·" label of an earlier date.
pub(crate) const DATE_LABEL_CHARS: usize = 24;

/// Most tags kept in `Metadata::tags`. Pages that stuff hundreds of SEO keywords into
/// `<meta name=keywords>` would otherwise bloat every record; 64 is far above the 5–20 tags
/// real articles carry.
pub(crate) const MAX_TAGS: usize = 64;

/// Headings remembered for the title rules (Readability.js compares the `<title>` with
/// every `h1`/`h2`). Pages with more have a listing shape; bounding it keeps the walk's
/// memory constant.
pub(crate) const MAX_TITLE_HEADINGS: usize = 64;

/// Readability.js `_getArticleTitle` rules, kept together: a title part of fewer than
/// `TITLE_MIN_WORDS` words is too short to be the headline (the other side of the separator
/// is taken); a cleaned title of at most `TITLE_SHORT_WORDS` words falls back to the whole
/// `<title>`; a `<title>` shorter than `TITLE_MIN_CHARS` or longer than `TITLE_MAX_CHARS`
/// characters is replaced by the page's only `h1`; more than `TITLE_COLON_MAX_WORDS` words
/// before a colon means the colon is part of the headline.
pub(crate) const TITLE_MIN_WORDS: usize = 3;
/// See [`TITLE_MIN_WORDS`].
pub(crate) const TITLE_SHORT_WORDS: usize = 4;
/// See [`TITLE_MIN_WORDS`].
pub(crate) const TITLE_MIN_CHARS: usize = 15;
/// See [`TITLE_MIN_WORDS`].
pub(crate) const TITLE_MAX_CHARS: usize = 150;
/// See [`TITLE_MIN_WORDS`].
pub(crate) const TITLE_COLON_MAX_WORDS: usize = 5;

/// `h1`s compared with the stated titles (JSON-LD, meta, `<title>`); the best-agreeing one
/// is the headline. A logo and a section `h1` may come before the headline; past the first
/// few, `h1`s are listing entries.
pub(crate) const TITLE_H1_CANDIDATES: usize = 4;

/// An `h1` and a stated title whose words overlap by at least this share both ways (the
/// `_textSimilarity` measure) state the same headline in two wordings ("Best Home Security
/// Cameras of 2026" / "The Best Home Security Cameras of 2026"). Lower takes section
/// headings that share a few words with the title; higher needs exact agreement.
pub(crate) const TITLE_AGREEMENT: f32 = 0.8;

/// JSON-LD `name` and `headline` differ: the one whose words overlap the `<title>` by more
/// than this share is the headline (Readability.js `_textSimilarity` > 0.75; aktualne.cz
/// puts the site name in `name`).
pub(crate) const JSON_LD_TITLE_SIMILARITY: f32 = 0.75;

/// Most inline marks (links, emphasis…) open at once in the segment walk; deeper ones add no
/// mark (their text is kept). An open mark is repeated in every block it spans, so without a
/// bound a hostile page with hundreds of unclosed `<em>` before thousands of paragraphs
/// would build hundreds of marks per block. Real markup nests inline elements a handful deep;
/// 32 leaves a wide margin and keeps the mark table linear in the page size.
pub(crate) const MAX_OPEN_MARKS: usize = 32;

/// Text the metadata walk collects for one title, heading, byline or microdata candidate
/// stops growing past this many bytes (JSON-LD is not capped). Such candidates nest on
/// hostile pages (hundreds of `<div class=author>`), and every text node is copied into each
/// open one; a cap keeps the walk linear. 4 KiB is ten times the longest real headline, and a
/// byline candidate is rejected beyond `BYLINE_MAX_CHARS` anyway.
pub(crate) const MAX_CAPTURE_BYTES: usize = 4096;

// ---- side stage: page type (`page_type.rs`) ----
// Votes are summed per type and the largest sum wins. Weights are round numbers on one scale:
// 1 is "this kind of page usually has it", 4 is "only this kind of page has it". They were
// set by reasoning about what each kind of page carries, then checked against the
// `page_type` labels of wcxb-dev with `pith eval ../shared/datasets/wcxb-dev --worst 0`
// (confusion matrix in the README, "Page types") and against the two news sets, which must
// stay `article`. No weight was moved to fix one page.

/// The vote every page gives `article` before any evidence: pith's home ground, and the
/// commonest kind of page on the web that a text extractor is pointed at. Higher turns
/// pages with one weak clue (a root URL, an `ItemList`) back into articles. A page with
/// neither a date nor an author gets no prior: an article says when and by whom (withholding
/// it moved wcxb-dev agreement 79.2% -> 80.3%: service pages taken for articles 80 -> 58,
/// articles taken for service pages up to 17; text unchanged on the three sets within
/// 0.0001 ROUGE F1).
pub(crate) const PAGE_TYPE_PRIOR_ARTICLE: f32 = 1.0;
/// A schema.org type that names the page's structure outright (`QAPage`, `APIReference`).
pub(crate) const PAGE_TYPE_SCHEMA_DECISIVE: f32 = 4.0;
/// A schema.org type that usually names the main entity (`Product`, `NewsArticle`).
pub(crate) const PAGE_TYPE_SCHEMA_STRONG: f32 = 3.0;
/// A schema.org type that is often a part of another kind of page (`Offer`, `ItemList`).
pub(crate) const PAGE_TYPE_SCHEMA_WEAK: f32 = 1.0;
/// `og:type` `product` (or `product.group`, which votes for collection): shop platforms set
/// it only on product pages and collections.
pub(crate) const PAGE_TYPE_OG_PRODUCT: f32 = 3.0;
/// `og:type` `article`: many CMSs set it on every page, services and listings included, so
/// it is weaker than a schema.org article type.
pub(crate) const PAGE_TYPE_OG_ARTICLE: f32 = 1.5;
/// A forum or documentation generator (`<meta name=generator>`): the platform fixes the
/// structure of every page it serves.
pub(crate) const PAGE_TYPE_GENERATOR: f32 = 4.0;
/// One URL path word of `URL_PAGE_TYPES` (each type counted once per URL): the site's own
/// name for the kind of page, as strong as a schema.org main-entity type (1.5 gave 78.4%
/// agreement on wcxb-dev, 2.5 gave 79.5%). At 3.0 the site's word outweighs the CMS's
/// defaults that every page carries (`og:type` article, 1.5) with the prose vote (1.5):
/// 11 more pages agree (six threads under `/threads/`, `forums.`, `/comments/`, three
/// service pages), none of them an article lost; a schema.org type plus prose evidence
/// still outvotes it.
pub(crate) const PAGE_TYPE_URL_WORD: f32 = 3.0;
/// A four-digit year segment in the path (`/2025/09/slug`): blog and news permalinks.
pub(crate) const PAGE_TYPE_URL_YEAR: f32 = 1.0;
/// A site's root address (`https://example.com/`): home pages of businesses describe their
/// services; home pages of magazines also carry article evidence that outvotes this.
pub(crate) const PAGE_TYPE_URL_ROOT: f32 = 1.5;
/// Code blocks (`<pre>`) at or above `PAGE_TYPE_CODE_BLOCKS` vote for documentation;
/// at or above `PAGE_TYPE_MANY_CODE_BLOCKS` once more. Tutorials on blogs have a couple of
/// code blocks too, so two are needed and one vote is not decisive.
pub(crate) const PAGE_TYPE_CODE_BLOCKS: u32 = 2;
/// See [`PAGE_TYPE_CODE_BLOCKS`].
pub(crate) const PAGE_TYPE_MANY_CODE_BLOCKS: u32 = 8;
/// The vote of [`PAGE_TYPE_CODE_BLOCKS`] code blocks.
pub(crate) const PAGE_TYPE_CODE: f32 = 2.0;
/// The extra vote of [`PAGE_TYPE_MANY_CODE_BLOCKS`].
pub(crate) const PAGE_TYPE_MORE_CODE: f32 = 1.0;
/// Inline `<code>` spans at or above this count vote for documentation (API names in
/// running text); wcxb-dev documentation pages have a median of 64, articles 0.
pub(crate) const PAGE_TYPE_INLINE_CODE: u32 = 10;
/// The vote of [`PAGE_TYPE_INLINE_CODE`].
pub(crate) const PAGE_TYPE_INLINE_CODE_VOTE: f32 = 1.5;
/// A buy box (an add-to-cart control or buy button, or a price box): product, or collection
/// when prices repeat (see [`PAGE_TYPE_PRICE_GRID`]).
pub(crate) const PAGE_TYPE_SHOP: f32 = 2.5;
/// Price boxes at or above this count are a product grid (collection), below it one
/// product with its variants and "also bought" strip. wcxb-dev medians: product 3,
/// collection 7.
pub(crate) const PAGE_TYPE_PRICE_GRID: u32 = 8;
/// Microdata `Product` items at or above this count are a grid of products.
pub(crate) const PAGE_TYPE_PRODUCT_GRID: u32 = 3;
/// Repeated post records: at least this many `<time>` elements and this many post boxes
/// (`POST_CLASS_TOKENS`). An article with a few comments stays below it.
pub(crate) const PAGE_TYPE_POST_RECORDS: u32 = 5;
/// The vote of repeated post records.
pub(crate) const PAGE_TYPE_POSTS: f32 = 2.0;
/// A link-heavy page of teasers: the share of the page's characters inside links at or
/// above this, and at least `PAGE_TYPE_LINKED_HEADINGS` headings that are links. wcxb-dev
/// medians of the linked share: listing 0.47, collection 0.51, article 0.14.
pub(crate) const PAGE_TYPE_LINKED_SHARE: f32 = 0.4;
/// See [`PAGE_TYPE_LINKED_SHARE`].
pub(crate) const PAGE_TYPE_LINKED_HEADINGS: u32 = 6;
/// A heading counts as a link when at least this share of its characters is linked.
pub(crate) const PAGE_TYPE_HEADING_LINKED: f32 = 0.7;
/// The vote of a page of teasers (listing, or collection when there is shop evidence).
pub(crate) const PAGE_TYPE_TEASERS: f32 = 3.0;
/// A block this long (characters) with little linked text is a paragraph of prose. Measured
/// over wcxb-dev and the news sets: 250 called 19 wcxb-dev articles and 13 readability pages
/// service (short-paragraph news, test fixtures of lorem ipsum); 150 keeps 97% of wcxb-dev
/// articles but turns 23 more service pages into articles (78.5% agreement); 200 keeps the
/// articles (97%) and most of the service pages (79.7%).
pub(crate) const PAGE_TYPE_PROSE_BLOCK_CHARS: u32 = 200;
/// Link density under which a long block is prose: boilerpipe's split at 0.33, so that
/// encyclopedia paragraphs with a link every few words still count (at 0.2 the corpus page
/// `link-heavy-encyclopedia-paragraphs` was voted service; wcxb-dev moves by one page).
pub(crate) const PAGE_TYPE_PROSE_LINK_DENSITY: f32 = 0.33;
/// Share of the page's characters in prose blocks at or above which the page votes for
/// article (wcxb-dev medians: article 0.35, service 0.17, listing 0).
pub(crate) const PAGE_TYPE_PROSE_SHARE: f32 = 0.3;
/// The vote of a prose page.
pub(crate) const PAGE_TYPE_PROSE: f32 = 1.5;
/// Share under which the page votes for service: sections of short copy, no long prose.
pub(crate) const PAGE_TYPE_THIN_SHARE: f32 = 0.15;
/// The vote of a page of short copy.
pub(crate) const PAGE_TYPE_THIN: f32 = 1.0;
/// A page that names neither a date nor an author votes for service: articles and forum
/// posts are dated and signed, a company's pages about its offer are not.
pub(crate) const PAGE_TYPE_UNDATED: f32 = 0.8;
/// A page with fewer characters of text than this and no evidence is `other` (an empty
/// shell, a login wall).
pub(crate) const PAGE_TYPE_MIN_CHARS: u32 = 200;
/// Most distinct JSON-LD `@type` names the page type reads: real pages name a dozen or two
/// (a graph of WebPage, BreadcrumbList, Organization, Article…); the bound keeps a hostile
/// page's thousands of objects from growing the list.
pub(crate) const MAX_JSON_LD_TYPES: usize = 64;

// ---- metadata, issue 14 third round (`metadata.rs`) ----

/// A text node this long or shorter (bytes, trimmed) is read as a possible date label
/// ("Published", "Posted on", "Last updated: 12 May 2025"). Labels are short; a longer text
/// that starts with "Published" is a sentence. Higher reads more prose; lower misses a
/// label written together with its date.
pub(crate) const DATE_LABEL_NODE_BYTES: usize = 48;

/// Bytes of page text, from the label on, in which the labelled date is looked for: the
/// label, white space and the longest written date ("Wednesday, 17 September 2025 at
/// 10:00"). Longer windows reach into the next, unrelated date.
pub(crate) const DATE_LABELLED_CHARS: usize = 64;

/// A line after the headline that starts with a date opens like a byline when a byline
/// opener follows within this many bytes ("03/01/2017 by Ana Ruiz", "Wednesday, 17
/// September 2025 · By Ana Ruiz"): the longest written date and a separator. Further on,
/// "by" is prose.
pub(crate) const BYLINE_DATE_LEAD_BYTES: usize = 40;

/// An authored, dated page takes an `h1` that disagrees with its stated title only if at
/// least this share of the heading's word characters are words of the stated title
/// (Readability.js's text similarity): a headline and its page title share words, a box's
/// `h1` ("Contact Us", "Information and Resources") shares none. wcxb-dev: the headlines
/// this rule takes share 0.4 or more in most cases; 0.3 drops the box headings that
/// newly dated pages offered (0.15 took two more box headings and lost a readability
/// title; wcxb-dev equal). Higher keeps more stated titles that the page rewords.
pub(crate) const TITLE_HEADLINE_MIN_SHARED: f32 = 0.3;

/// The widest offsets of civil time zones (UTC+14, UTC-12), in minutes: a date written
/// without a time ("13 June 2018") agrees with a markup moment that falls on that day in
/// some zone (`2018-06-12T23:00:00Z` is 13 June in UTC+1). Fixed by the time zone database,
/// not tuned.
pub(crate) const DATE_ZONE_EAST_MINUTES: i64 = 14 * 60;
/// See [`DATE_ZONE_EAST_MINUTES`].
pub(crate) const DATE_ZONE_WEST_MINUTES: i64 = 12 * 60;

/// Class tokens of an element that make its record shape (`segment::shape`): siblings
/// whose tag and first class token agree are candidate records of one set. The first token
/// names the component (`carousel-cell`, `card`, BEM's block); later ones are modifiers and
/// the record's own data (WordPress `post_class()` ends with `category-…` and `tag-…`
/// tokens that differ from post to post), which split a grid into sets of one. Measured
/// on the three shared sets: the whole class list gave wcxb-dev ROUGE 0.841, the first 3
/// tokens 0.843, 2 tokens 0.843, 1 token 0.845 (listing 0.603 → 0.629, product 0.642 →
/// 0.655, service 0.803 → 0.810, no type lower, the news sets unchanged), the tag alone
/// 0.845 with lower precision and readability ROUGE 0.9602 → 0.9594.
pub(crate) const SHAPE_CLASS_TOKENS: usize = 1;

/// Most words of a member-card field (`features::is_member_field`): the label ("Reaction
/// score") and a number or a date ("Joined: Mar 12, 2019"); longer lines that open with a
/// label are prose ("Posts about the harbour…").
pub(crate) const MEMBER_FIELD_MAX_WORDS: u32 = 6;

/// Most words of a member's badge tally (`features::is_badge_tally`): a reputation figure
/// and three "N colour badges" parts, which is 7 words as Stack Exchange's text glues them,
/// with room for a spaced-out rendering.
pub(crate) const BADGE_TALLY_MAX_WORDS: u32 = 10;

/// Most digits of a block that is a bare count (`features::is_count`): vote and reply
/// counters and page numbers have one to three; a four-digit number alone on a line is as
/// often a year heading an archive section.
pub(crate) const COUNT_MAX_DIGITS: usize = 3;

/// Share of a page's text above which a `<form>` is the page's wrapper rather than a
/// sign-up or search form (`context::boxes`): ASP.NET WebForms put the whole page in one
/// `<form>`, whose tag would otherwise make every block a newsletter box. Real forms hold
/// a few percent. Measured on the shared sets: one such collection page on wcxb-dev goes
/// 0.000 -> 0.933, one listing page 0.579 -> 0.561, no other page changes. A share of 0.5
/// applied to every boilerplate box, not only forms, also let a news story's comment
/// section in (an article 0.968 -> 0.258).
pub(crate) const FORM_WRAPPER_SHARE: f32 = 0.5;

/// Elements of a post record searched for its named body when a comment box inside it
/// is judged (`context::boxes`). A Stack Exchange answer opens its `js-post-body` within
/// its first 10 elements; 64 leaves room for vote and menu markup before it and bounds the
/// work on a record of thousands of elements.
pub(crate) const POST_BODY_SCAN: usize = 64;

/// Least share of a page's characters that a record set must hold for its records' own
/// "related" names not to be believed on a page typed listing or collection
/// (`context::boxes`): a category page lists its stories in "recirculation" card lists,
/// the markup its articles put beside a story. Measured on wcxb-dev: at 0.1 listing goes
/// 0.650 -> 0.662 and collection 0.671 -> 0.672, service 0.809 -> 0.808 (one service page
/// typed collection keeps its "latest" strip, 0.836 -> 0.668); 0.15 and 0.2 miss the
/// category page whose grid is a fifth of its characters beside a hidden cookie dialog.
/// The news sets do not change (their pages are typed article).
pub(crate) const LISTING_SET_MIN_SHARE: f32 = 0.1;

/// Characters (of lower-cased words joined by single spaces) of a product's JSON-LD
/// description whose presence in the kept text says the page shows that description
/// (`extractor::shown_description`): a sentence's opening, long enough that a shop's
/// boilerplate does not share it by chance, short enough that the page's own wording of the
/// rest may differ.
pub(crate) const DESCRIPTION_OPENING_CHARS: usize = 60;
