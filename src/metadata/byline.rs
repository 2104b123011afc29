//! Byline cleaning: the author's name out of the text of the element or value that holds it
//! (label, date, job title, forum badges and "and 2 others" tails removed).

use super::date::dates_in_text;
use super::normalise;
use crate::lexicon;
use crate::tuning;

/// The name a byline text states, or `None` when it states none (a label alone, "About the
/// Author", a date). `raw` may hold line breaks where the page had block boundaries: the
/// first part that is a name wins, so a name block followed by a job-title block does not
/// glue ("Emma Ryan" / "Writer").
pub(super) fn clean(raw: &str) -> Option<String> {
    // Longer text is a bio or a list, not a byline; the cleaning is quadratic in length.
    if raw.len() > tuning::BYLINE_CLEAN_MAX_BYTES {
        return None;
    }
    raw.split('\n').find_map(clean_part)
}

/// Whether a line of page text opens like a byline: with a byline opener ("By ", "by:",
/// "Von "), also after a leading date and its separator ("03/01/2017 by Ana Ruiz", "Dec
/// 26, 2025 · By Ana Ruiz").
pub(super) fn opens_like_byline(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    // After a leading date, the opener is looked for among the next few characters.
    let dated = first_date_at(&lower) == Some(0);
    lexicon::BYLINE_OPENERS.iter().any(|o| {
        let bare = o.trim_end().trim_end_matches(':').trim_end();
        let colon = format!("{bare}:");
        lower.starts_with(o)
            || lower.starts_with(&colon)
            || (dated
                && [format!(" {o}"), format!(" {colon}")].iter().any(|w| {
                    lower
                        .find(w.as_str())
                        .is_some_and(|at| at <= tuning::BYLINE_DATE_LEAD_BYTES)
                }))
    })
}

fn clean_part(part: &str) -> Option<String> {
    let mut s = normalise(part);
    s = s
        .trim_matches(|c: char| {
            matches!(
                c,
                '"' | '\'' | '“' | '”' | '&' | ',' | '|' | '·' | '•' | '-' | '–' | '—'
            )
        })
        .trim()
        .to_string();
    // A leading date and its separator ("Dec. 19, 2025 · Ana Ruiz").
    s = strip_label(&s);
    s = cut_tail(&s);
    // A connector left before the cut date ("Ana Ruiz on" of "Ana Ruiz on Jan 22, 2025").
    while let Some((head, last)) = s.trim_end().rsplit_once(' ') {
        if !lexicon::BYLINE_TRAILING_WORDS.contains(&last) {
            break;
        }
        s = head.trim_end().to_string();
    }
    let s = s
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '|' | '·' | '•' | '⋅' | '●' | '-' | '–' | '—' | ':' | '→' | '›' | '»'
                )
        })
        .to_string();
    let lower = s.to_lowercase();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    // A label whose name is in the next block ("Article by" / "Cara Dumaplin").
    let label_alone = lower
        .split_whitespace()
        .last()
        .is_some_and(|w| lexicon::BYLINE_BY_WORDS.contains(&w.trim_end_matches(':')));
    // Avatar initials ("CM") and label-only texts are not names.
    if letters < 2
        || label_alone
        || (letters <= 2 && !s.contains(' ') && s.chars().all(|c| !c.is_lowercase()))
        || lexicon::BYLINE_NON_NAMES.contains(&lower.as_str())
        || only_date_words(&lower)
        || dates_in_text(&s) == (None, None) && s.chars().all(|c| !c.is_alphabetic())
    {
        return None;
    }
    if dates_in_text(&s).0.is_some() && first_date_at(&s) == Some(0) {
        return None;
    }
    Some(s)
}

/// Whether every word is a month or weekday name or abbreviation ("Dec", "Sun", "mer."):
/// a date's remnant in the byline element, not a name.
fn only_date_words(lower: &str) -> bool {
    let mut words = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| lexicon::MONTH_WORDS.contains(&w) || lexicon::DATE_LABELS.contains(&w))
}

/// Removes a byline opener (`lexicon::BYLINE_OPENERS`, also with a colon) that `s` starts
/// with.
fn strip_opener(s: &mut String) {
    let lower = s.to_lowercase();
    for opener in lexicon::BYLINE_OPENERS {
        let bare = opener.trim_end();
        if lower.starts_with(opener) || lower.starts_with(&format!("{bare}:")) {
            let cut = if lower.starts_with(opener) {
                opener.len()
            } else {
                bare.len() + 1
            };
            *s = s
                .get(cut..)
                .unwrap_or("")
                .trim_start_matches([':', ' '])
                .to_string();
            break;
        }
    }
}

/// Removes the label before the name: a byline opener (`lexicon::BYLINE_OPENERS`), any
/// short lead ending in the word "by" ("This post was written by", "View all posts by"), a
/// short lead ending in a colon ("Authors:"), a leading date.
fn strip_label(s: &str) -> String {
    let mut s = s.to_string();
    if first_date_at(&s) == Some(0) {
        if let Some(rest) = after_first_date(&s) {
            s = rest;
        }
    }
    // Twice: a label may be written twice (an icon's `<title>` and a screen-reader text,
    // "Thread starter Thread starter ana_r").
    for _ in 0..2 {
        strip_opener(&mut s);
    }
    let lead = tuning::BYLINE_LABEL_WORDS;
    // "By" glued to the name where the page had no space ("BySummer Swann", "Written
    // byDan Lee").
    let words: Vec<&str> = s.split_whitespace().collect();
    let glued = words.iter().take(lead).enumerate().find_map(|(i, w)| {
        let rest = lexicon::BYLINE_BY_WORDS.iter().find_map(|by| {
            let head = w.get(..by.len())?;
            let rest = w.get(by.len()..)?;
            (head.eq_ignore_ascii_case(by) && rest.chars().next().is_some_and(char::is_uppercase))
                .then_some(rest)
        })?;
        Some((i, rest))
    });
    if let Some((i, rest)) = glued {
        let tail = words.get(i + 1..).unwrap_or(&[]).join(" ");
        s = normalise(&format!("{rest} {tail}"));
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if let Some(i) = words.iter().take(lead).position(|w| {
        let w = w.to_lowercase();
        lexicon::BYLINE_BY_WORDS.contains(&w.trim_end_matches(':'))
    }) {
        if i + 1 < words.len() {
            s = words.get(i + 1..).unwrap_or(&[]).join(" ");
        }
    } else if let Some(i) = words.iter().take(lead).position(|w| w.ends_with(':')) {
        if i + 1 < words.len() {
            s = words.get(i + 1..).unwrap_or(&[]).join(" ");
        }
    }
    s
}

/// Cuts what follows the name: a date, a modification or publication label, a forum badge
/// count (the first word starting with a digit after the name), "and 2 others", a job title
/// or affiliation after a comma.
fn cut_tail(s: &str) -> String {
    let mut end = others_tail_at(s).unwrap_or(s.len());
    if let Some(at) = first_date_at(s).filter(|a| *a > 0) {
        end = end.min(at);
    }
    let lower = s.to_lowercase();
    for label in lexicon::BYLINE_TAIL_LABELS {
        if let Some(at) = lower.find(label).filter(|a| *a > 0) {
            end = end.min(at);
        }
    }
    // Word offsets.
    let mut offsets = Vec::new();
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        if !c.is_whitespace() && prev_space {
            offsets.push(i);
        }
        prev_space = c.is_whitespace();
    }
    if let Some(at) = offsets.iter().skip(1).find(|i| {
        s.get(**i..)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    }) {
        end = end.min(*at);
    }
    // Separators before a date or a category always end the name; a dash or bar before a
    // capitalised word may be an affiliation ("Ana Ruiz | The Valley Post") and stays.
    for (sep, always) in lexicon::BYLINE_SEPARATORS {
        if let Some(at) = s.find(sep) {
            let rest = s.get(at + sep.len()..).unwrap_or("");
            if *always || !rest.chars().next().is_some_and(char::is_uppercase) {
                end = end.min(at);
            }
        }
    }
    let head = s.get(..end).unwrap_or(s);
    // ", Associate Editor", ", Trial Attorney at …", ", Extension horticulture educators".
    let mut out = String::new();
    for (k, piece) in head.split(", ").enumerate() {
        let words: Vec<&str> = piece.split_whitespace().collect();
        let job = words.iter().any(|w| {
            let w = w.to_lowercase();
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            lexicon::JOB_TITLE_WORDS.iter().any(|j| w.starts_with(j))
        });
        let prose = words.iter().any(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && !lexicon::NAME_PARTICLES.contains(w)
        });
        if k > 0 && (job || prose || piece.starts_with("The ")) {
            break;
        }
        if k > 0 {
            out.push_str(", ");
        }
        out.push_str(piece);
    }
    out.trim().to_string()
}

/// Where an "and 2 others" / "+ 3 more" tail starts.
fn others_tail_at(s: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    words.windows(3).find_map(|w| {
        let [(at, and), (_, n), (_, others)] = w else {
            return None;
        };
        let others = others.to_lowercase();
        (lexicon::BYLINE_AND_WORDS.contains(&and.to_lowercase().as_str())
            && n.chars().all(|c| c.is_ascii_digit())
            && lexicon::BYLINE_OTHERS_WORDS
                .contains(&others.trim_end_matches(|c: char| !c.is_alphabetic())))
        .then_some(*at)
    })
}

/// Byte offset of the first date written in `s`.
fn first_date_at(s: &str) -> Option<usize> {
    let (a, b) = dates_in_text(s);
    let date = a.or(b)?;
    // Find where it starts: the shortest prefix whose text already holds the date.
    let mut at = None;
    for (i, _) in s.char_indices() {
        let tail = s.get(i..).unwrap_or("");
        let (x, y) = dates_in_text(tail);
        if x.or(y).as_deref() != Some(date.as_str()) {
            break;
        }
        at = Some(i);
    }
    // The date's first digits may parse alone the same ("3/01/2017" of "03/01/2017"): its
    // start is before them.
    let at = at?;
    let lead = s
        .get(..at)
        .unwrap_or("")
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    Some(at - lead)
}

/// The text after a date that starts `s`.
fn after_first_date(s: &str) -> Option<String> {
    let mut last = None;
    for (i, _) in s.char_indices().skip(1) {
        let head = s.get(..i).unwrap_or("");
        let (x, y) = dates_in_text(head);
        if x.or(y).is_some() {
            last = Some(i);
            break;
        }
    }
    let i = last?;
    let rest = s.get(i..)?;
    // The rest of the date's last token (a year's digits, a time).
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == ',');
    Some(
        rest.trim_start_matches(|c: char| !c.is_alphabetic())
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels_and_date_remnants_are_no_names() {
        for label in [
            "Posted",
            "Offline",
            "Updated",
            "mins read",
            "Dec",
            "Sun",
            "Mar.",
        ] {
            assert_eq!(clean(label), None, "{label}");
        }
        // The arrow of an author link is decoration.
        assert_eq!(clean("Ana Ruiz \u{2192}").as_deref(), Some("Ana Ruiz"));
        // A date word inside a real name keeps it.
        assert_eq!(clean("June Carter").as_deref(), Some("June Carter"));
    }

    #[test]
    fn labels_dates_and_tails_are_removed() {
        let c = |s: &str| clean(s);
        assert_eq!(c("By Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            c("Written By\nAna Ruiz\nStaff Writer").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            c("BySummer Lane-June 12, 2025").as_deref(),
            Some("Summer Lane")
        );
        assert_eq!(
            c("Author: Ana Ruiz, Associate Editor, Valley Post").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            c("This post was written by Ana Ruiz").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(c("Ana Ruiz July 3, 2025").as_deref(), Some("Ana Ruiz"));
        assert_eq!(c("Ana Ruiz and 2 others").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            c("anaruiz 4,701 18 gold badges").as_deref(),
            Some("anaruiz")
        );
        assert_eq!(c("Li Wei, Ana Ruiz").as_deref(), Some("Li Wei, Ana Ruiz"));
        assert_eq!(c("Dec. 19, 2025 · Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(c("About the Author"), None);
        assert_eq!(c("By"), None);
        assert_eq!(c("CM\nAna Ruiz").as_deref(), Some("Ana Ruiz"));
    }
}
