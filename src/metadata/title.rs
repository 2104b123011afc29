//! The title rules: the public headline (JSON-LD, meta keys, Readability.js's `<title>`
//! rules, an `h1` that agrees) and, apart, the headline hint the context stage uses.

use super::{Found, meta_first, normalise, site_name, str_field, unescape};
use crate::lexicon;
use crate::tuning;
use serde_json::Value;

/// The visible headline when an `h1` agrees with one of the page's title statements
/// (JSON-LD `headline`/`name`, the meta title keys, `<title>`), else the stated title with
/// the site name removed; and the name of its source.
pub(super) fn title(
    f: &Found,
    ld: Option<&serde_json::Map<String, Value>>,
) -> Option<(String, &'static str)> {
    let mut stated: Vec<String> = Vec::new();
    if let Some(o) = ld {
        stated.extend(str_field(o, "headline"));
        stated.extend(str_field(o, "name"));
    }
    for k in lexicon::META_TITLE {
        stated.extend(f.meta.get(*k).and_then(|v| v.last()).map(|v| unescape(v)));
    }
    stated.extend(f.html_title.clone());
    // An `h1` that is the site's name is the masthead's, not the headline: it is passed over
    // while a stated title names something else (a home page states the site name itself).
    let site = site_name(f, ld).map(|s| fold(&s));
    let stated_title = stated_title(f, ld);
    let names_site = |h: &str| {
        site.as_deref().is_some_and(|s| fold(h) == s)
            && stated_title
                .as_deref()
                .is_some_and(|t| site.as_deref() != Some(fold(t).as_str()))
    };
    let best =
        f.h1.iter()
            .take(tuning::TITLE_H1_CANDIDATES)
            .enumerate()
            .filter(|(_, h)| !names_site(h))
            .filter_map(|(i, h)| {
                let score = stated.iter().map(|t| agreement(h, t)).max().unwrap_or(0);
                (score > 0).then_some((score, std::cmp::Reverse(i), h))
            })
            .max();
    if let Some((_, _, h)) = best {
        // The same headline with plain quotes for the typographic ones in a stated title:
        // the spelling the publisher states for machines.
        let folded = fold_quotes(h);
        let spelled = stated
            .iter()
            .map(|t| normalise(t))
            .find(|t| *t != *h && fold_quotes(t) == folded);
        let h = spelled.unwrap_or_else(|| h.clone());
        // A heading that ends with the site's name after a separator ("… – Artlyst",
        // "… | WRAL" on WRAL.com) carries the brand as the stated titles do.
        let site_name = site_name(f, ld);
        let brand = site_name.as_deref().map(|s| {
            let s = s.trim();
            lexicon::SITE_NAME_DOMAINS
                .iter()
                .find_map(|d| {
                    s.len()
                        .checked_sub(d.len())
                        .and_then(|cut| s.get(cut..))
                        .filter(|tail| tail.eq_ignore_ascii_case(d))
                        .and_then(|_| s.get(..s.len() - d.len()))
                })
                .unwrap_or(s)
                .to_string()
        });
        let stripped = strip_exact_site_name(&h, site_name.as_deref());
        let stripped = if stripped == h {
            strip_exact_site_name(&h, brand.as_deref())
        } else {
            stripped
        };
        return Some((stripped, "h1"));
    }
    stated_title.map(|t| (t, "stated-title"))
}

/// The headline of a page that presents itself as an article (it names an author and a
/// publication date) when no stated title agrees with any `h1`: of the first `h1`s that
/// [`visible_headline`] accepts and that share words with the stated title, the one
/// holding most of them: what the reader sees above the article. Landing and
/// product pages, which name neither, keep the stated title: their `h1` is often a slogan.
pub(super) fn article_headline(
    f: &Found,
    ld: Option<&serde_json::Map<String, Value>>,
    stated: &str,
) -> Option<String> {
    // Of the first few `h1`s that read as a headline, the one holding most of the stated
    // title's words (a section's or logo's `h1` may come first).
    let mut best: Option<(f32, &String)> = None;
    for h in
        f.h1.iter()
            .filter(|h| !h.trim().is_empty())
            .take(tuning::TITLE_H1_CANDIDATES)
    {
        // A headline and the page's stated title share words; a heading that shares
        // (almost) none is a box's ("Contact Us", "Allergies Health Center").
        if !visible_headline(h, f, ld, Some(stated))
            || similarity(stated, h) < tuning::TITLE_HEADLINE_MIN_SHARED
        {
            continue;
        }
        let score = similarity(h, stated);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, h));
        }
    }
    best.map(|(_, h)| h.clone())
}

/// Whether an `h1` that no stated title agrees with reads as the page's headline: it has
/// [`tuning::TITLE_MIN_WORDS`] words or more and is not the site's name, nor a part of the
/// `<title>` that the stated title left out as the site part.
fn visible_headline(
    h1: &str,
    f: &Found,
    ld: Option<&serde_json::Map<String, Value>>,
    stated: Option<&str>,
) -> bool {
    let h = fold(h1);
    if h.split_whitespace().count() < tuning::TITLE_MIN_WORDS {
        return false;
    }
    if site_name(f, ld).is_some_and(|s| fold(&s) == h) {
        return false;
    }
    let is_sep = |c: char| lexicon::TITLE_SEPARATORS.contains(&c) || c == ':';
    let stated = stated.map(fold).unwrap_or_default();
    let titles = f.html_title.iter().chain(
        lexicon::META_TITLE
            .iter()
            .filter_map(|k| f.meta.get(*k).and_then(|v| v.last())),
    );
    for t in titles {
        for part in fold(t).split(|c: char| is_sep(c)).map(str::trim) {
            if part == h && !stated.contains(&h) {
                return false;
            }
        }
    }
    true
}

/// How far an `h1` agrees with a stated title: 3 when it is the title or its main part
/// (the longest between separators), or nearly the same words; 2 when one holds the other
/// whole and the heading has [`tuning::TITLE_MIN_WORDS`] words or more; 0 otherwise.
fn agreement(h1: &str, stated: &str) -> u8 {
    let (h, t) = (fold(h1), fold(stated));
    if h.is_empty() || t.is_empty() {
        return 0;
    }
    let is_sep = |c: char| lexicon::TITLE_SEPARATORS.contains(&c) || c == ':';
    let main = t
        .split(|c: char| is_sep(c))
        .map(str::trim)
        .max_by_key(|p| p.len())
        .unwrap_or("");
    if h == t || h == main {
        return 3;
    }
    if similarity(&h, &t) >= tuning::TITLE_AGREEMENT
        && similarity(&t, &h) >= tuning::TITLE_AGREEMENT
    {
        return 3;
    }
    let words = h.split_whitespace().count();
    let holds = |outer: &str, inner: &str| {
        outer.starts_with(inner) || outer.ends_with(inner) || outer.contains(&format!(" {inner} "))
    };
    if words >= tuning::TITLE_MIN_WORDS && (holds(&t, &h) || holds(&h, &t)) {
        return 2;
    }
    0
}

/// Lower case, typographic quotes and dashes as their plain forms, white space collapsed.
fn fold(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{00A0}' => ' ',
            c => c,
        })
        .collect();
    normalise(&mapped.to_lowercase())
}

/// Typographic single and double quotes as plain ones, white space collapsed.
fn fold_quotes(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect();
    normalise(&mapped)
}

fn stated_title(f: &Found, ld: Option<&serde_json::Map<String, Value>>) -> Option<String> {
    let from_ld = ld.and_then(|o| {
        let (name, headline) = (str_field(o, "name"), str_field(o, "headline"));
        match (name, headline) {
            (Some(name), Some(headline)) if name != headline => {
                let page = page_title(f);
                let near = |t: &str| similarity(t, &page) > tuning::JSON_LD_TITLE_SIMILARITY;
                Some(if near(&headline) && !near(&name) {
                    headline
                } else {
                    name
                })
            }
            (name, headline) => name.or(headline),
        }
    });
    let title = from_ld
        .or_else(|| meta_first(f, lexicon::META_TITLE))
        .or_else(|| Some(page_title(f)).filter(|t| !t.is_empty()))
        // No `<title>` at all: the first `h1` is the best headline left.
        .or_else(|| f.h1.first().cloned())
        .map(|t| normalise(&t))?;
    let site = site_name(f, ld);
    let folded_site = site.as_deref().map(fold);
    let headings: Vec<String> =
        f.h1.iter()
            .filter(|h| folded_site.as_deref() != Some(fold(h).as_str()))
            .cloned()
            .collect();
    if let Some(h1) = heading_in_title(&title, &headings) {
        return Some(h1);
    }
    let title = strip_exact_site_name(&title, site.as_deref());
    // A short last part the site name was not spelled as ("Headline | Brand").
    Some(strip_site_name(&title, site.as_deref()))
}

/// An `h1` that the title holds whole, with only a separator and a site or section name
/// beside it ("Harrowgate Navigation - Openpedia", "The 1947 flood :: Local History
/// Group"): the heading and the title agree on the headline, so the rest is not part of it.
fn heading_in_title(title: &str, h1s: &[String]) -> Option<String> {
    let is_sep = |c: char| lexicon::TITLE_SEPARATORS.contains(&c) || c == ':';
    h1s.iter()
        .filter(|h| h.len() < title.len())
        .find(|h| {
            let after = title
                .strip_prefix(h.as_str())
                .map(|rest| rest.trim_start().starts_with(is_sep) && rest.starts_with(' '));
            let before = title
                .strip_suffix(h.as_str())
                .map(|rest| rest.trim_end().ends_with(is_sep) && rest.ends_with(' '));
            after == Some(true) || before == Some(true)
        })
        .cloned()
}

/// Removes a prefix or suffix equal to the site name ("Headline | Site", "Site: Headline").
fn strip_exact_site_name(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    let lower = title.to_lowercase();
    let site_lower = site.to_lowercase();
    let trim = |s: &str| {
        s.trim_matches(|c: char| {
            c.is_whitespace() || lexicon::TITLE_SEPARATORS.contains(&c) || c == ':'
        })
        .to_string()
    };
    if lower.len() > site_lower.len() + 3 {
        if lower.ends_with(&site_lower) {
            let cut = title.len().saturating_sub(site.len());
            if let Some(head) = title.get(..cut) {
                let head_trimmed = trim(head);
                if head.trim_end().len() > head_trimmed.len() || head.ends_with(": ") {
                    return head_trimmed;
                }
            }
        }
        if lower.starts_with(&site_lower) {
            if let Some(tail) = title.get(site.len()..) {
                let tail_trimmed = trim(tail);
                if tail.trim_start().len() > tail_trimmed.len() {
                    return tail_trimmed;
                }
            }
        }
    }
    title.to_string()
}

/// Readability.js `_getArticleTitle`: the `<title>` cut at its last separator (or colon),
/// unless what remains is too short; the only `h1` when the `<title>` is very short or long.
fn page_title(f: &Found) -> String {
    let orig = f.html_title.clone().unwrap_or_default();
    let words = |s: &str| s.split_whitespace().count().max(1);
    let separator_at = |s: &str, set: &[char]| -> Vec<usize> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        chars
            .windows(3)
            .filter(|w| {
                matches!(w, [(_, a), (_, b), (_, c)] if a.is_whitespace() && c.is_whitespace() && set.contains(b))
            })
            .filter_map(|w| w.first().map(|(i, _)| *i))
            .collect()
    };
    let seps = separator_at(&orig, lexicon::TITLE_SEPARATORS);
    // A heading equal to the part before the last separator (or after the first) agrees
    // that it is the headline, however short (Readability.js would keep the whole title).
    let parts = [
        seps.last().and_then(|i| orig.get(..*i)),
        seps.first().and_then(|i| {
            // Past the white space, the separator and the white space after it.
            let rest = orig.get(*i..)?;
            rest.get(rest.char_indices().nth(3)?.0..)
        }),
    ];
    // Not the part that is the site's name, whatever heading shows it (a masthead `h1`).
    let site = site_name(f, None).map(|s| fold(&s));
    for part in parts.into_iter().flatten() {
        let part = normalise(part);
        if site.as_deref() != Some(fold(&part).as_str())
            && f.h1.iter().chain(&f.h2).any(|h| *h == part)
        {
            return part;
        }
    }
    let mut hierarchical = false;
    let mut cur = orig.clone();
    if let Some(last) = seps.last() {
        hierarchical = !separator_at(&orig, lexicon::TITLE_HIERARCHY_SEPARATORS).is_empty();
        cur = orig.get(..*last).unwrap_or("").to_string();
        if words(&cur) < tuning::TITLE_MIN_WORDS {
            // Remove the first part instead.
            cur = orig
                .char_indices()
                .find(|(_, c)| lexicon::TITLE_SEPARATORS.contains(c))
                .and_then(|(i, c)| orig.get(i + c.len_utf8()..))
                .unwrap_or("")
                .to_string();
        }
    } else if cur.contains(": ") {
        let matches_heading = f.h1.iter().chain(&f.h2).any(|h| *h == orig);
        if !matches_heading {
            let last = orig.rfind(':').map_or(0, |i| i + 1);
            cur = orig.get(last..).unwrap_or("").to_string();
            if words(&cur) < tuning::TITLE_MIN_WORDS {
                let first = orig.find(':').map_or(0, |i| i + 1);
                cur = orig.get(first..).unwrap_or("").to_string();
            } else if words(orig.get(..orig.find(':').unwrap_or(0)).unwrap_or(""))
                > tuning::TITLE_COLON_MAX_WORDS
            {
                cur = orig.clone();
            }
        }
    } else {
        let len = cur.chars().count();
        if !(tuning::TITLE_MIN_CHARS..=tuning::TITLE_MAX_CHARS).contains(&len) {
            if let [only] = f.h1.as_slice() {
                cur = only.clone();
            }
        }
    }
    let cur = normalise(&cur);
    let cur_words = words(&cur);
    let without_seps: String = orig
        .chars()
        .filter(|c| !lexicon::TITLE_SEPARATORS.contains(c))
        .collect();
    if cur_words <= tuning::TITLE_SHORT_WORDS
        && (!hierarchical || cur_words + 1 != words(&without_seps))
    {
        return orig;
    }
    cur
}

/// Share of `b`'s word characters also found as words of `a` (Readability.js
/// `_textSimilarity`).
fn similarity(a: &str, b: &str) -> f32 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&str> = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(String::as_str)
        .collect();
    let all = tb.join(" ").len().max(1);
    1.0 - uniq.join(" ").len() as f32 / all as f32
}

// Headline hint for the context stage (rules unchanged from the first metadata stage, so that
// the text output does not move with the public title rules).

pub(super) fn headline(f: &Found) -> Option<String> {
    let og_title = f.meta.get("og:title").and_then(|v| v.first()).cloned();
    let twitter_title = f.meta.get("twitter:title").and_then(|v| v.first()).cloned();
    let site_name = f
        .meta
        .get("og:site_name")
        .or_else(|| f.meta.get("application-name"))
        .and_then(|v| v.first())
        .cloned();
    let h1s: Vec<&String> = f.h1.iter().take(4).collect();
    let page_titles = [&f.html_title, &og_title, &twitter_title];
    for h1 in &h1s {
        let h = h1.to_lowercase();
        if h.len() >= 10
            && page_titles
                .iter()
                .filter_map(|t| t.as_deref())
                .any(|t| t.to_lowercase().contains(&h))
        {
            return Some((*h1).clone());
        }
    }
    if let Some(t) = og_title.or(twitter_title) {
        return Some(strip_site_name(&t, site_name.as_deref()));
    }
    if let Some(t) = &f.html_title {
        return Some(strip_site_name(t, site_name.as_deref()));
    }
    h1s.first().map(|h| (*h).clone())
}

/// Removes a site-name part from a title: the part equal to the site name, else the
/// shorter side of the last separator when the longer side keeps at least three words.
pub(crate) fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for sep in lexicon::HEADLINE_SEPARATORS {
        let Some(pos) = title.rfind(sep) else {
            continue;
        };
        let (head, tail) = (
            title.get(..pos).unwrap_or(""),
            title.get(pos + sep.len()..).unwrap_or(""),
        );
        if let Some(site) = site {
            if tail.trim().eq_ignore_ascii_case(site.trim()) {
                return head.trim().to_string();
            }
            if head.trim().eq_ignore_ascii_case(site.trim()) {
                return tail.trim().to_string();
            }
        }
        let (long, short) = if head.len() >= tail.len() {
            (head, tail)
        } else {
            (tail, head)
        };
        if long.split_whitespace().count() >= 3 && short.split_whitespace().count() <= 4 {
            return long.trim().to_string();
        }
    }
    title.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_is_stripped_from_title() {
        assert_eq!(
            strip_site_name("Bridge vote delayed again - Valley Post", None),
            "Bridge vote delayed again"
        );
        assert_eq!(
            strip_site_name("Valley Post | Bridge vote delayed", Some("Valley Post")),
            "Bridge vote delayed"
        );
        assert_eq!(strip_site_name("Q&A - Part 2", None), "Q&A - Part 2");
        assert_eq!(
            strip_exact_site_name("Bridge vote delayed - Valley Post", Some("Valley Post")),
            "Bridge vote delayed"
        );
        assert_eq!(
            strip_exact_site_name("Valley Post: Bridge vote delayed", Some("valley post")),
            "Bridge vote delayed"
        );
        // A headline that merely ends with the site's name keeps it.
        assert_eq!(
            strip_exact_site_name("Ten years of the Valley Post", Some("Valley Post")),
            "Ten years of the Valley Post"
        );
    }
}
