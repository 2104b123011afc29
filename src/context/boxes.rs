//! Step 2 of the context stage — boilerplate boxes.
//!
//! Per block, the boilerplate concepts of the boxes it sits in that are believed: an
//! element named for a boilerplate concept (share, related, newsletter, comments…) is
//! believed only when it holds a minor share of the page's good text, so a site that names
//! its article wrapper `comments-open` is not emptied; a boilerplate section heading
//! ("Comments", "Related articles") opens a box that runs to the end of the element it
//! heads.

use super::length;
use crate::classify::{Decision, Label};
use crate::features::Features;
use crate::lexicon::{self, Hints, TagKind};
use crate::page_type::PageType;
use crate::segment::{NONE, Segmentation};
use crate::tuning::{self, Tuning};

/// Per block, the boilerplate concepts of the boxes it sits in that are believed: boxes
/// named by class, id, role or tag (an element's own names plus its ancestors'), and boxes
/// opened by a boilerplate section heading ("Comments", "Related articles"). A box is
/// believed only when it holds less than `hinted_region_max_share` of the page's good text.
pub(super) fn boxes(
    seg: &Segmentation,
    features: &[Features],
    decisions: &[Decision],
    tuning: &Tuning,
    page_type: PageType,
) -> Vec<Hints> {
    // A cookie dialog's paragraphs read as prose, but they are no part of the page's good
    // text: counted, they let a long settings panel make a short thread's posts look like
    // a minor share of the page, and its sign-up form or comment box be believed.
    let dialogs = seg.subtrees(|_, e| is_cookie_dialog(seg, e));
    let in_dialog = |i: usize| {
        seg.blocks
            .get(i)
            .and_then(|b| dialogs.get(b.element as usize))
            .copied()
            .unwrap_or(false)
    };
    let good = GoodText::new(features, decisions, in_dialog);
    let believed = believed_elements(seg, &good, &dialogs, tuning, page_type);
    let mut per_block: Vec<Hints> = seg
        .blocks
        .iter()
        .map(|b| {
            believed
                .get(b.element as usize)
                .copied()
                .unwrap_or_default()
        })
        .collect();
    add_headed_boxes(&mut per_block, seg, features, decisions, &good, tuning);
    per_block
}

/// The good text (good and near-good blocks' length) of any run of blocks, by one
/// subtraction of prefix sums.
struct GoodText {
    prefix: Vec<f32>,
    total: f32,
}

impl GoodText {
    /// The sums over `decisions`, leaving out the blocks `excluded` selects.
    fn new(
        features: &[Features],
        decisions: &[Decision],
        excluded: impl Fn(usize) -> bool,
    ) -> Self {
        let mut prefix = Vec::with_capacity(decisions.len() + 1);
        prefix.push(0.0f32);
        let mut total = 0.0f32;
        for (i, d) in decisions.iter().enumerate() {
            if matches!(d.label, Label::Good | Label::NearGood) && !excluded(i) {
                total += length(features, i);
            }
            prefix.push(total);
        }
        GoodText { prefix, total }
    }

    /// The good text of blocks `first..end`.
    fn within(&self, first: usize, end: usize) -> f32 {
        self.prefix.get(end).copied().unwrap_or(self.total)
            - self.prefix.get(first).copied().unwrap_or(0.0)
    }

    /// The good text of an element's blocks.
    fn of(&self, e: &crate::segment::Element) -> f32 {
        self.within(e.first_block as usize, e.end_block as usize)
    }

    /// The page's good text, at least 1 so that shares of it are defined.
    fn page(&self) -> f32 {
        self.total.max(1.0)
    }
}

/// Per element, the boilerplate concepts believed of it and its ancestors (see [`boxes`]).
fn believed_elements(
    seg: &Segmentation,
    good: &GoodText,
    dialogs: &[bool],
    tuning: &Tuning,
    page_type: PageType,
) -> Vec<Hints> {
    let limit = tuning.hinted_region_max_share * good.page();
    // On a thread, the posts are the content: names that call them comments are not
    // evidence against them (the comment form and its heading are still dropped by their
    // phrases and by the link and length rules).
    let believable = if page_type == PageType::Forum {
        Hints(Hints::BOILERPLATE.0 & !Hints::COMMENT.0)
    } else {
        Hints::BOILERPLATE
    };
    let vocabulary = page_vocabulary(
        seg,
        good,
        tuning.vocabulary_share * good.page(),
        tuning.vocabulary_min_boxes,
    );
    let on_posts = if page_type == PageType::Forum {
        comments_on_posts(seg, good, tuning)
    } else {
        Vec::new()
    };
    // A `<form>` holding most of the page's text is the page's wrapper (ASP.NET WebForms
    // put every page in one), not a sign-up form. Forms are few, so their text is summed
    // when one is met.
    let total_chars: u32 = seg.blocks.iter().map(|b| b.chars).sum();
    let chars_in = |e: &crate::segment::Element| -> u32 {
        seg.blocks
            .get(e.first_block as usize..e.end_block as usize)
            .unwrap_or_default()
            .iter()
            .map(|b| b.chars)
            .sum()
    };
    let listed = if matches!(page_type, PageType::Listing | PageType::Collection) {
        listing_records(seg, total_chars, tuning)
    } else {
        Vec::new()
    };
    let mut believed = vec![Hints::NONE; seg.elements.len()];
    for (i, e) in seg.elements.iter().enumerate() {
        let inherited = believed.get(e.parent as usize).copied().unwrap_or_default();
        let believable = if on_posts.get(i).copied().unwrap_or(false) {
            believable.with(Hints::COMMENT)
        } else {
            believable
        };
        // On a listing, its items' own "related" names are not evidence against them.
        let believable = if listed.get(i).copied().unwrap_or(false) {
            Hints(believable.0 & !Hints::RELATED.0)
        } else {
            believable
        };
        let mut mine = Hints(e.own_hints.0 & believable.0 & !vocabulary.0);
        // A cookie dialog (OneTrust's settings panel, paragraphs about each kind of
        // cookie; a consent banner asking about personal data) is believed however much
        // text it holds. Not any modal: a shop's location pop-ups hold its content.
        let cookie_dialog =
            e.own_hints.any(Hints::CONSENT) && dialogs.get(i).copied().unwrap_or(false);
        // A page footer (`<footer>`, `role=contentinfo`) likewise: its legal notes, store
        // lists and footnotes read as prose, but a reader never takes them for the page.
        // Measured: wcxb-dev +4.3 page ROUGE F1 over 13 pages (Apple's footnotes, store
        // and city lists, calculator disclaimers), scrapinghub +0.06; two pages whose only
        // prose was the footer come out empty (their truths are a menu and a grid of
        // short tiles); sparing a footer that holds all the page's good text saves neither.
        let page_footer = e.own_hints.any(Hints::FOOTER) && e.own_hints.any(Hints::LANDMARK);
        if e.parent == NONE
            || !(cookie_dialog || page_footer) && good.of(e) > limit
            || e.name == html5ever::local_name!("form")
                && chars_in(e) as f32 > tuning::FORM_WRAPPER_SHARE * total_chars as f32
        {
            mine = Hints::NONE;
        }
        if let Some(slot) = believed.get_mut(i) {
            *slot = inherited.with(mine);
        }
    }
    believed
}

/// Adds the boxes that boilerplate section headings open (see [`headed_box`]), each
/// believed when it holds at most `headed_box_max_share` of the page's good text.
fn add_headed_boxes(
    per_block: &mut [Hints],
    seg: &Segmentation,
    features: &[Features],
    decisions: &[Decision],
    good: &GoodText,
    tuning: &Tuning,
) {
    for (i, f) in features.iter().enumerate() {
        if f.heads == Hints::NONE {
            continue;
        }
        let range = headed_box(seg, decisions, i);
        if good.within(range.start, range.end) > tuning.headed_box_max_share * good.page() {
            continue;
        }
        for slot in per_block.get_mut(range).into_iter().flatten() {
            *slot = slot.with(f.heads);
        }
    }
}

/// On a thread, the comment-named boxes that are comments on a post rather than posts: a
/// box inside a record of a repeated set (an answer, a post) that is not itself named a
/// comment and holds good text outside the box, its own body (Stack Exchange's comments
/// under each answer), or whose named body (`post-body`) lies outside the box: an answer of
/// one line under a long discussion is still the post, and the discussion its comments. A
/// thread's replies named comments are the records themselves, or sit beside the first
/// post rather than inside a record of it (Reddit's comment area), and stay content.
fn comments_on_posts(seg: &Segmentation, good_text: &GoodText, tuning: &Tuning) -> Vec<bool> {
    let mut is_post = vec![false; seg.elements.len()];
    for set in super::records::find(seg, tuning.records_min) {
        for r in set.records {
            if let Some(slot) = is_post.get_mut(r as usize) {
                *slot = seg
                    .elements
                    .get(r as usize)
                    .is_some_and(|e| !e.own_hints.any(Hints::COMMENT));
            }
        }
    }
    let good = |e: &crate::segment::Element| good_text.of(e);
    // Shapes of body-named elements with text that occur more than once: a post's body
    // (`js-post-body` on the question and on each answer).
    let repeated = super::repeated_shapes(seg, is_body);
    let post_body = |x: &crate::segment::Element| is_body(x) && repeated.contains(&x.shape);
    seg.elements
        .iter()
        .map(|e| {
            if !e.own_hints.any(Hints::COMMENT) {
                return false;
            }
            let mut up = e.parent;
            while let Some(a) = seg.elements.get(up as usize) {
                if a.own_hints.any(Hints::COMMENT) {
                    return false;
                }
                if is_post.get(up as usize).copied().unwrap_or(false) {
                    return good(a) > good(e) || body_beside(seg, up, e);
                }
                if one_post(seg, up, e, &post_body) {
                    return true;
                }
                if a.parent == NONE {
                    break;
                }
                up = a.parent;
            }
            false
        })
        .collect()
}

/// Whether the record `post` holds an element named a body (its own, `js-post-body`) with
/// text that neither holds the box `boxed` nor lies inside it. Only the first
/// [`tuning::POST_BODY_SCAN`] elements of the record are looked at: a post's body opens
/// early, and a box under a record of thousands of elements costs no more than that.
fn body_beside(seg: &Segmentation, post: u32, boxed: &crate::segment::Element) -> bool {
    let Some(p) = seg.elements.get(post as usize) else {
        return false;
    };
    let first = post as usize + 1;
    let end = (p.end_element as usize).min(first + tuning::POST_BODY_SCAN);
    seg.elements
        .get(first..end)
        .unwrap_or_default()
        .iter()
        .any(|x| is_body(x) && outside(x, boxed))
}

/// Whether `x` is named a body (`post-body`, `entry-content`) and holds text.
fn is_body(x: &crate::segment::Element) -> bool {
    x.own_hints.any(Hints::BODY) && x.first_block < x.end_block
}

/// Whether the blocks of `x` all lie outside those of `boxed` (before or after it).
fn outside(x: &crate::segment::Element, boxed: &crate::segment::Element) -> bool {
    x.end_block <= boxed.first_block || x.first_block >= boxed.end_block
}

/// Whether `post` is one post outside any record set (Stack Exchange's question beside its
/// answers): a small subtree (at most [`tuning::POST_BODY_SCAN`] elements, read whole)
/// holding exactly one post body (a body name repeated on the page, see `post_body`),
/// outside the box `boxed`. A thread's container holds several post bodies, and a lone
/// article's body is not repeated, so neither makes its comment area a post's comments.
fn one_post(
    seg: &Segmentation,
    post: u32,
    boxed: &crate::segment::Element,
    post_body: &dyn Fn(&crate::segment::Element) -> bool,
) -> bool {
    let Some(p) = seg.elements.get(post as usize) else {
        return false;
    };
    let first = post as usize + 1;
    let end = p.end_element as usize;
    if end.saturating_sub(first) > tuning::POST_BODY_SCAN {
        return false;
    }
    let mut bodies = seg
        .elements
        .get(first..end)
        .unwrap_or_default()
        .iter()
        .filter(|x| post_body(x));
    matches!((bodies.next(), bodies.next()), (Some(x), None) if outside(x, boxed))
}

/// On a listing or a shop's grid, the elements inside the records of a content-shaped set
/// holding at least [`tuning::LISTING_SET_MIN_SHARE`] of the page's text. The "related"
/// names inside them are the listing's own: a category page lists its stories in the
/// site's "recirculation" card lists, the same markup its articles put beside the story.
fn listing_records(seg: &Segmentation, total_chars: u32, tuning: &Tuning) -> Vec<bool> {
    let mut is_record = vec![false; seg.elements.len()];
    for set in super::records::find(seg, tuning.records_min) {
        if (set.chars as f32) < tuning::LISTING_SET_MIN_SHARE * total_chars as f32
            || !super::records::is_content_shaped(seg, &set, tuning)
        {
            continue;
        }
        for r in set.records.iter().copied() {
            if let Some(slot) = is_record.get_mut(r as usize) {
                *slot = true;
            }
        }
    }
    seg.subtrees(|i, _| is_record.get(i).copied().unwrap_or(false))
}

/// Whether `e` is a cookie dialog: named a consent box (or a modal, a pop-up), and its
/// text names cookies or personal data ([`lexicon::COOKIE_WORDS`]). Measured against
/// requiring it hidden as well: the same on the news sets, +0.8 page of ROUGE F1 on
/// wcxb-dev over 3 pages (a visible consent banner was kept once the hidden settings
/// panel's text stopped counting as the page's good text).
fn is_cookie_dialog(seg: &Segmentation, e: &crate::segment::Element) -> bool {
    e.own_hints.any(Hints::CONSENT) && talks_of_cookies(seg, e)
}

/// Whether a block under `e` names cookies in one of the spellings of
/// [`lexicon::COOKIE_WORDS`].
fn talks_of_cookies(seg: &Segmentation, e: &crate::segment::Element) -> bool {
    let blocks = seg
        .blocks
        .get(e.first_block as usize..e.end_block as usize)
        .unwrap_or_default();
    blocks.iter().any(|b| {
        let text = seg.text_of(b).to_lowercase();
        lexicon::COOKIE_WORDS.iter().any(|w| text.contains(w))
    })
}

/// Concepts that can be a page's vocabulary. Not comments: a news story's reader comments
/// often outweigh the story, and the comment names are right about them.
const VOCABULARY_CONCEPTS: Hints = Hints(Hints::BOILERPLATE.0 & !Hints::COMMENT.0);

/// Concepts whose innermost boxes may show a page's vocabulary. Not navigation: menus
/// nest by nature (a mega-menu's panels under its bar), and a menu whose panels carry
/// descriptions holds most of the good text of a page with a short story (scrapinghub:
/// two stories 0.92 -> 0.05 and 0.98 -> 0.80 when menus counted).
const NESTED_VOCABULARY_CONCEPTS: Hints = Hints(VOCABULARY_CONCEPTS.0 & !Hints::NAV.0);

/// Boilerplate concepts that the page's class names give to boxes holding, together, more
/// than `limit` of its good text: the vocabulary of a page builder (Elementor's
/// `elementor-widget` around every text, a theme's `post-comments-area` around a thread),
/// not evidence about any one box. Counted over the outermost boxes of each concept, and
/// apart over the innermost ones (a builder nests its text widgets in one widget area:
/// one outer box, many inner), so nested boxes are not counted twice; and only when at
/// least `min_boxes` boxes hold good text: one big sidebar beside a short story is still
/// a sidebar, and three small ads inside an ad-named wrapper around the story are ads.
fn page_vocabulary(seg: &Segmentation, good: &GoodText, limit: f32, min_boxes: u32) -> Hints {
    // Per element, the concepts named below it (elements come parents first, so a
    // reverse walk sees every child before its parent).
    // Only boxes holding good text count: an empty ad slot inside a text widget does not
    // make the widget an outer box.
    let mut below = vec![0u32; seg.elements.len()];
    for (i, e) in seg.elements.iter().enumerate().rev() {
        let named = if good.of(e) > 0.0 { e.own_hints.0 } else { 0 };
        let mine = below.get(i).copied().unwrap_or(0) | named;
        if let Some(p) = below
            .get_mut(e.parent as usize)
            .filter(|_| e.parent != NONE)
        {
            *p |= mine & VOCABULARY_CONCEPTS.0;
        }
    }
    // Good text and count of the outermost boxes of each concept, and of the innermost.
    let mut outer = [(0.0f32, 0u32); 32];
    let mut inner = [(0.0f32, 0u32); 32];
    for (i, e) in seg.elements.iter().enumerate() {
        let own = e.own_hints.0 & VOCABULARY_CONCEPTS.0;
        if own == 0 || e.parent == NONE {
            continue;
        }
        let text = good.of(e);
        if text <= 0.0 {
            continue;
        }
        let parent = seg
            .elements
            .get(e.parent as usize)
            .map_or(Hints::NONE, |p| p.hints);
        let outermost = own & !parent.0;
        let innermost = own & NESTED_VOCABULARY_CONCEPTS.0 & !below.get(i).copied().unwrap_or(0);
        for bit in 0..32 {
            let add = |slot: &mut (f32, u32), set: u32| {
                if set & (1 << bit) != 0 {
                    slot.0 += text;
                    slot.1 += 1;
                }
            };
            if let (Some(o), Some(n)) = (outer.get_mut(bit), inner.get_mut(bit)) {
                add(o, outermost);
                add(n, innermost);
            }
        }
    }
    let mut vocabulary = Hints::NONE;
    for (bit, (o, n)) in outer.iter().zip(&inner).enumerate() {
        let names_the_text = |(good, boxes): &(f32, u32)| *good > limit && *boxes >= min_boxes;
        if names_the_text(o) || names_the_text(n) {
            vocabulary = vocabulary.with(Hints(1 << bit));
        }
    }
    vocabulary
}

/// The blocks a section heading at block `i` heads: from the heading to the end of the
/// nearest enclosing element that holds more than the heading. When that element also
/// holds text before the heading and the heading is not a heading element (`h1`–`h6`), it
/// sits inside running prose ("Read also" above a link, in the middle of a story), so it
/// heads only what comes before the next good block.
fn headed_box(seg: &Segmentation, decisions: &[Decision], i: usize) -> std::ops::Range<usize> {
    let mut e = seg.blocks.get(i).map_or(NONE, |b| b.element);
    while let Some(el) = seg.elements.get(e as usize) {
        if el.end_block as usize > i + 1 {
            let end = el.end_block as usize;
            let is_heading_element = seg
                .blocks
                .get(i)
                .is_some_and(|b| matches!(b.kind, TagKind::Heading(_)));
            if (el.first_block as usize) < i && !is_heading_element {
                let next_good = (i + 1..end)
                    .find(|j| decisions.get(*j).is_some_and(|d| d.label == Label::Good))
                    .unwrap_or(end);
                return i..next_good;
            }
            return i..end;
        }
        if el.parent == NONE {
            break;
        }
        e = el.parent;
    }
    i..i + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::classify::Rule;
    use crate::segment::of as seg;

    fn labels(s: &Segmentation, good: &[usize]) -> Vec<Decision> {
        (0..s.blocks.len())
            .map(|i| Decision {
                label: if good.contains(&i) {
                    Label::Good
                } else {
                    Label::Bad
                },
                rule: Rule::TooShort,
            })
            .collect()
    }

    /// Good text: every block with a word of at least four letters.
    fn worded(s: &Segmentation) -> Vec<usize> {
        (0..s.blocks.len())
            .filter(|i| {
                s.blocks.get(*i).is_some_and(|b| {
                    s.text_of(b)
                        .split_whitespace()
                        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
                })
            })
            .collect()
    }

    fn comment_boxed(html: &str) -> Vec<bool> {
        let s = seg(html);
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let d = labels(&s, &worded(&s));
        boxes(&s, &features, &d, &Tuning::BALANCED, PageType::Forum)
            .iter()
            .map(|h| h.any(Hints::COMMENT))
            .collect()
    }

    #[test]
    fn on_a_thread_comments_under_each_answer_are_boxes_and_replies_are_not() {
        let answer = |n: u32| {
            format!(
                "<div class='answer'><div class='body'><p>Answer {n} explains the setting \
                 at length.</p></div><div class='comments'><p>Comment on answer {n} \
                 here.</p></div></div>"
            )
        };
        let qa = format!("<main>{}{}{}</main>", answer(1), answer(2), answer(3));
        assert_eq!(comment_boxed(&qa), [false, true, false, true, false, true]);
        // Replies named comments, beside the first post: the thread itself.
        let reply = |n: u32| format!("<div class='comment'><p>Reply number {n} agrees.</p></div>");
        let thread = format!(
            "<main><div class='post'><p>The first post asks the question.</p></div>\
             <div class='commentarea'>{}{}{}</div></main>",
            reply(1),
            reply(2),
            reply(3)
        );
        assert_eq!(comment_boxed(&thread), [false; 4]);
        // An answer of one short line under a longer discussion: its named body outside
        // the box still makes the box its comments.
        let short = |n: u32| {
            format!(
                "<div class='answer'><div class='post-body'><p>Try {n}.</p></div>                 <div class='comments'><p>Comment on answer {n} here, and a long                  discussion follows it.</p></div></div>"
            )
        };
        let qa = format!("<main>{}{}{}</main>", short(1), short(2), short(3));
        assert_eq!(comment_boxed(&qa), [false, true, false, true, false, true]);
        // The question beside the answers is no record of their set, but its body is named
        // as theirs: the comments under it are its comments too.
        let question = "<div class='question'><div class='post-body'><p>How do I set the \
             focus here?</p></div><div class='comments'><p>Comment asking which version \
             you run.</p></div></div>";
        let page = format!(
            "<main>{question}<div class='answers'>{}{}{}</div></main>",
            short(1),
            short(2),
            short(3)
        );
        assert_eq!(
            comment_boxed(&page),
            [false, true, false, true, false, true, false, true]
        );
    }

    #[test]
    fn a_cookie_dialog_is_a_box_and_its_text_no_share_of_the_page() {
        let panel = "<p>These cookies help us understand how the site is used and which \
             pages readers visit most often, so that we can improve it.</p>"
            .repeat(8);
        let page = format!(
            "<main><form class='thread'><p>The first post asks how to mount the fans \
             under the case.</p><p>A reply says the rear port is for the lights.</p></form>\
             </main><div class='consent-panel hidden'>{panel}</div>"
        );
        let s = seg(&page);
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let d = labels(&s, &worded(&s));
        let boxed = boxes(&s, &features, &d, &Tuning::BALANCED, PageType::Forum);
        // The thread's form holds all of the page's good text once the panel's is left
        // out: no sign-up box. The panel is believed however long it is.
        assert_eq!(boxed.len(), 10);
        assert!(boxed[..2].iter().all(|h| !h.any(Hints::NEWSLETTER)));
        assert!(boxed[2..].iter().all(|h| h.any(Hints::CONSENT)));
        // Without cookie words, a long named pop-up holds content and is not believed.
        let modal = panel.replace("cookies", "notes");
        let s = seg(&format!(
            "<main><p>Short note.</p></main><div class='consent-panel hidden'>{modal}</div>"
        ));
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let d = labels(&s, &worded(&s));
        let boxed = boxes(&s, &features, &d, &Tuning::BALANCED, PageType::Article);
        assert_eq!(boxed.len(), 9);
        assert!(boxed[1..].iter().all(|h| !h.any(Hints::CONSENT)));
    }

    #[test]
    fn a_page_footer_is_a_box_however_much_prose_it_holds() {
        let notes = "<p>Offers are subject to availability and may be withdrawn at any time \
             without notice; prices include the taxes of the country of delivery.</p>"
            .repeat(6);
        let page = format!(
            "<main><p>The lamp comes in three colours and fits any standard bulb.</p></main>\
             <footer>{notes}</footer>"
        );
        let s = seg(&page);
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let d = labels(&s, &worded(&s));
        let boxed = boxes(&s, &features, &d, &Tuning::BALANCED, PageType::Product);
        assert_eq!(boxed.len(), 7);
        assert!(!boxed[0].any(Hints::FOOTER));
        assert!(boxed[1..].iter().all(|h| h.any(Hints::FOOTER)));
        // A box merely named `footer` is still judged by its share of the page.
        let s = seg(&page
            .replace("<footer>", "<div class='footer'>")
            .replace("</footer>", "</div>"));
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let d = labels(&s, &worded(&s));
        let boxed = boxes(&s, &features, &d, &Tuning::BALANCED, PageType::Product);
        assert!(boxed[1..].iter().all(|h| !h.any(Hints::FOOTER)));
    }

    fn vocabulary_of(html: &str) -> Hints {
        let s = seg(html);
        let (features, _) = crate::features::measure(&s, &Tuning::BALANCED, None);
        let good = GoodText::new(&features, &labels(&s, &worded(&s)), |_| false);
        page_vocabulary(&s, &good, 0.5 * good.total, 3)
    }

    #[test]
    fn a_name_on_every_text_box_inside_one_outer_box_is_the_pages_vocabulary() {
        let prose = "Paragraph of the story with several words in it, told at length. ";
        let widget = |n: usize| {
            format!(
                "<div class='widget-wrapper'><p>{}</p></div>",
                prose.repeat(n)
            )
        };
        // The story, told in text widgets inside one widget area, an empty widget among
        // them: the widgets are the builder's boxes.
        let page = format!(
            "<div class='widget-area'>{}<div class='widget-wrapper'><p>{}</p>\
             <div class='widget'></div></div>{}</div>\
             <footer><p>Short footer words here.</p></footer>",
            widget(2),
            prose.repeat(3),
            widget(2)
        );
        assert!(vocabulary_of(&page).any(Hints::RELATED));
        // A wrapper named for ads around a story with three small ads inside: the ads
        // are still ads.
        let ad = "<div class='ad-slot'><p>Buy shoes today</p></div>";
        let page = format!(
            "<div class='ad-wrapper'><p>{}</p>{ad}{ad}{ad}</div>",
            prose.repeat(6)
        );
        assert!(!vocabulary_of(&page).any(Hints::AD));
        // Menus nest: a mega-menu's panels holding most of the text are still a menu.
        let panel = format!("<div class='navbar-panel'><p>{}</p></div>", prose.repeat(2));
        let page = format!(
            "<div class='navbar'>{panel}{panel}{panel}</div><p>{}</p>",
            prose.repeat(2)
        );
        assert!(!vocabulary_of(&page).any(Hints::NAV));
    }

    #[test]
    fn a_heading_opening_its_section_heads_all_of_it() {
        let s = seg(
            "<main><p>Story.</p><section><h2>Comments</h2><p>One.</p><p>Two.</p></section></main>",
        );
        assert_eq!(headed_box(&s, &labels(&s, &[0, 2, 3]), 1), 1..4);
    }

    #[test]
    fn a_heading_inside_running_prose_heads_up_to_the_next_good_block() {
        let s = seg(
            "<div><p>Story one.</p><p>Read also</p><ul><li>A</li><li>B</li></ul><p>Story two.</p></div>",
        );
        assert_eq!(headed_box(&s, &labels(&s, &[0, 4]), 1), 1..4);
    }

    #[test]
    fn a_heading_element_heads_the_rest_of_its_container() {
        let s = seg("<div><p>Story one.</p><h3>Related</h3><p>Teaser.</p><p>Teaser.</p></div>");
        assert_eq!(headed_box(&s, &labels(&s, &[0, 2, 3]), 1), 1..4);
    }

    #[test]
    fn a_heading_inside_a_box_heads_only_that_box() {
        let s =
            seg("<div><aside>Related<ul><li>A</li></ul></aside><p>Story.</p><p>More.</p></div>");
        assert_eq!(headed_box(&s, &labels(&s, &[2, 3]), 0), 0..2);
    }
}
