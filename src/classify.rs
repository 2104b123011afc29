//! Stage 4 of 6 — context-free classification.
//!
//! Input: one [`Features`] per block and the `Tuning`. Output: one [`Decision`] per block: a
//! [`Label`] and the [`Rule`] that gave it.
//!
//! Decides Good / NearGood / Short / Bad from length, link density, stopword density,
//! boilerplate phrases and sentence punctuation, looking at each block alone. The order of
//! the tests: boilerplate phrases, then length (short blocks are left to the context
//! stage, which knows whether they sit inside the article), then link density (a link list
//! is boilerplate however long), then stopword density, as in jusText.
//!
//! Pages no stop list covers (CJK, Korean, Arabic…) fall back to length and sentence
//! punctuation, the two features boilerpipe's decision tree leans on.
//!
//! Source: jusText `classify_paragraphs` (Pomikálek 2011); boilerpipe's
//! `DensityRulesClassifier` (Kohlschütter et al. 2010).

use crate::features::Features;
use crate::lexicon::Hints;
use crate::tuning::Tuning;

/// How likely a block is to be article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Label {
    /// Article text.
    Good,
    /// Could be article text; kept when next to `Good` text.
    NearGood,
    /// Too short to judge alone; decided by its neighbours.
    Short,
    /// Boilerplate.
    Bad,
}

/// The rule that decided a label, for `--explain` and the tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Link density above the limit.
    LinkDensity,
    /// Link density above the limit, but prose (stopwords, sentences) with at most
    /// `max_link_density_inside` linked: kept inside the article span.
    LinkedProse,
    /// A boilerplate phrase in a short block.
    Phrase,
    /// Short and partly linked.
    ShortLinked,
    /// A bare count (a vote, reply or like counter, a page number) or a field of a forum
    /// member's card ("Posts: 1,204").
    Count,
    /// Shorter than `length_low`.
    TooShort,
    /// Long with many stopwords.
    Stopwords,
    /// Some stopwords, or long with few.
    SomeStopwords,
    /// Too few stopwords for prose.
    FewStopwords,
    /// No stop list fits: long with sentences.
    LongSentences,
    /// No stop list fits: has a sentence end.
    Sentence,
    /// No stop list fits: no sentence, but hardly linked.
    Unlinked,
    /// No stop list fits: no sentence and linked.
    NoSentence,
    /// Context: a short block, or an unlinked one with few stopwords, between the first
    /// and last good block of the region.
    InsideArticle,
    /// Context: a short block before the first or after the last good block.
    OutsideArticle,
    /// Context: a short sentence opening or closing the article.
    ArticleEdge,
    /// Context: a near-good block inside the article region.
    NearGoodInRegion,
    /// Context: a heading followed closely by good text.
    HeadingBeforeGood,
    /// Context: outside the article region.
    OutsideRegion,
    /// Context: a good block just outside the region, kept.
    NearRegion,
    /// Context: inside a boilerplate-named box within the region.
    HintedBox(Hints),
    /// Context: a photo caption or credit.
    Caption,
    /// Context: byline, dateline or post meta.
    Byline,
    /// Context: the headline, reported as the title instead.
    Title,
    /// Context: the whole page is tiny and nothing else was kept.
    TinyPage,
    /// Context: nothing was kept, so the blocks that read as prose on their own are.
    Fallback,
    /// Context: nothing was kept and there is too little prose, so the blocks with text of
    /// their own outside navigation and boilerplate boxes are.
    FallbackText,
    /// Context: the title or text of a record (a teaser, a card, a post) of a record set
    /// that holds more text than the page's prose.
    Record,
    /// Context: inside `<noscript>`, a second copy of text the page shows outside it.
    NoscriptCopy,
    /// Context: a later copy of a box whose blocks repeat an earlier box's, text for text.
    RepeatedCopy,
    /// Context: a code block on a documentation page, near-good whatever its stopwords.
    CodeBlock,
    /// Context: a cell of a table row another cell of which is kept.
    WholeRow,
    /// Context: a definition term whose description is kept.
    DefinitionTerm,
}

/// A label and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decision {
    /// The label.
    pub(crate) label: Label,
    /// The rule that set it.
    pub(crate) rule: Rule,
}

/// Labels every block on its own features (see the module doc).
pub(crate) fn label(features: &[Features], tuning: &Tuning) -> Vec<Decision> {
    features.iter().map(|f| label_one(f, tuning)).collect()
}

fn label_one(f: &Features, t: &Tuning) -> Decision {
    let decide = |label, rule| Decision { label, rule };
    let max_link = if f.length >= t.length_high {
        t.max_link_density_long
    } else {
        t.max_link_density
    };
    if f.has_phrase {
        return decide(Label::Bad, Rule::Phrase);
    }
    if f.is_count {
        return decide(Label::Bad, Rule::Count);
    }
    if f.length < t.length_low {
        return if f.link_density > 0.0 {
            decide(Label::Bad, Rule::ShortLinked)
        } else {
            decide(Label::Short, Rule::TooShort)
        };
    }
    if f.link_density > max_link {
        let prose = match f.stopword_density {
            Some(d) => d >= t.stopwords_low,
            None => f.sentence_ends > 0,
        };
        return if prose && f.link_density <= t.max_link_density_inside {
            decide(Label::Bad, Rule::LinkedProse)
        } else {
            decide(Label::Bad, Rule::LinkDensity)
        };
    }
    match f.stopword_density {
        Some(d) if d >= t.stopwords_high && f.length >= t.length_high => {
            decide(Label::Good, Rule::Stopwords)
        }
        Some(d) if d >= t.stopwords_low => decide(Label::NearGood, Rule::SomeStopwords),
        Some(_) => decide(Label::Bad, Rule::FewStopwords),
        None if f.length >= t.length_high && f.sentence_ends > 0 => {
            decide(Label::Good, Rule::LongSentences)
        }
        None if f.sentence_ends > 0 => decide(Label::NearGood, Rule::Sentence),
        // Without a stop list, an unlinked block of some length is more likely prose than
        // navigation (menus are linked); poetry-like blog prose without punctuation is
        // common in CJK pages.
        None if f.link_density <= t.max_link_density => decide(Label::NearGood, Rule::Unlinked),
        None => decide(Label::Bad, Rule::NoSentence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(length: u32, link_density: f32, stop: Option<f32>) -> Features {
        Features {
            length,
            words: length / 6,
            link_density,
            stopword_density: stop,
            sentence_ends: 1,
            has_phrase: false,
            heads: Hints::NONE,
            is_byline: false,
            is_count: false,
            position: 0.5,
            hints: Hints::NONE,
        }
    }

    fn lab(x: Features) -> Label {
        label_one(&x, &Tuning::BALANCED).label
    }

    const T: Tuning = Tuning::BALANCED;

    #[test]
    fn short_linked_blocks_are_left_to_context() {
        let d = label_one(&f(T.length_low - 1, 0.9, Some(0.4)), &T);
        assert_eq!((d.label, d.rule), (Label::Bad, Rule::ShortLinked));
    }

    #[test]
    fn link_density_at_the_limit_is_allowed_and_above_is_bad() {
        assert_eq!(lab(f(150, T.max_link_density, Some(0.4))), Label::NearGood);
        assert_eq!(
            lab(f(150, T.max_link_density + 0.01, Some(0.4))),
            Label::Bad
        );
        let linked = label_one(&f(150, T.max_link_density + 0.01, Some(0.4)), &T);
        assert_eq!(linked.rule, Rule::LinkedProse);
        let list = label_one(&f(150, T.max_link_density_inside + 0.01, Some(0.4)), &T);
        assert_eq!(list.rule, Rule::LinkDensity);
    }

    #[test]
    fn long_paragraphs_tolerate_more_links() {
        let d = (T.max_link_density + T.max_link_density_long) / 2.0;
        assert_eq!(lab(f(T.length_high, d, Some(0.4))), Label::Good);
        assert_eq!(lab(f(T.length_high - 1, d, Some(0.4))), Label::Bad);
    }

    #[test]
    fn short_block_with_link_is_bad_and_without_is_short() {
        assert_eq!(lab(f(T.length_low - 1, 0.01, Some(0.5))), Label::Bad);
        assert_eq!(lab(f(T.length_low - 1, 0.0, Some(0.5))), Label::Short);
        assert_ne!(lab(f(T.length_low, 0.0, Some(0.5))), Label::Short);
    }

    #[test]
    fn stopword_density_boundaries() {
        assert_eq!(
            lab(f(T.length_high, 0.0, Some(T.stopwords_high))),
            Label::Good
        );
        assert_eq!(
            lab(f(T.length_high, 0.0, Some(T.stopwords_high - 0.01))),
            Label::NearGood
        );
        assert_eq!(
            lab(f(T.length_high - 1, 0.0, Some(T.stopwords_high))),
            Label::NearGood
        );
        assert_eq!(lab(f(100, 0.0, Some(T.stopwords_low))), Label::NearGood);
        assert_eq!(lab(f(100, 0.0, Some(T.stopwords_low - 0.01))), Label::Bad);
    }

    #[test]
    fn phrase_makes_a_block_bad() {
        let mut x = f(150, 0.0, Some(0.5));
        x.has_phrase = true;
        assert_eq!(label_one(&x, &T).rule, Rule::Phrase);
    }

    #[test]
    fn without_stop_list_sentences_decide() {
        assert_eq!(lab(f(T.length_high, 0.0, None)), Label::Good);
        let mut x = f(100, 0.0, None);
        assert_eq!(lab(x.clone()), Label::NearGood);
        x.sentence_ends = 0;
        assert_eq!(label_one(&x, &T).rule, Rule::Unlinked);
        x.link_density = T.max_link_density + 0.01;
        assert_eq!(lab(x), Label::Bad);
    }
}
