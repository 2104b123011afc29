//! Dates in the forms pages write them, as ISO 8601 (see the parent module doc for the
//! forms read). A value in no known form is not a date: callers try their next source.
//!
//! Hand-written rather than a date crate: the forms are few and fixed (ISO 8601 / RFC 3339,
//! RFC 2822, numeric day-month-year, written month names in the stop-list languages), the
//! month names live in `lexicon.rs` with the other word lists, and chrono's or time's
//! format strings cannot express "any of these, in any of seven languages" without a loop of
//! trial parses per value.

use crate::lexicon;
use crate::tuning;
use url::Url;

/// A date in ISO 8601 form (`2024-03-01`, `2024-03-01T10:00:00+01:00`) when `raw` is one
/// (see the module doc); `None` otherwise.
pub(crate) fn iso_date(raw: &str) -> Option<String> {
    // Values quoted twice (`"2025-12-17T13:22:47Z"`) are still dates.
    let s = raw
        .trim()
        .trim_matches(|c: char| c == '"' || c == '\'')
        .trim();
    iso_numeric(s)
        .or_else(|| written_date(s))
        .or_else(|| numeric_date(s))
}

/// Whether `s` is a calendar date `y-m-d` that exists.
fn valid(y: u32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    tuning::DATE_YEARS.contains(&y) && (1..=days).contains(&d)
}

/// `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS[.fff]]` and an offset
/// (`Z`, `+HH:MM`, `+HHMM`, `+HH`).
fn iso_numeric(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = s.get(from..from + len)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (y, m, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let sep_ok = |i: usize, c: u8| b.get(i) == Some(&c);
    let sep = b
        .get(4)
        .copied()
        .filter(|c| matches!(c, b'-' | b'/' | b'.'))?;
    if !(sep_ok(7, sep) && valid(y, m, d)) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return (b.len() == 10 || !b.get(10).is_some_and(u8::is_ascii_digit)).then_some(date);
    }
    let (Some(hh), Some(mm)) = (num(11, 2), num(14, 2)) else {
        return Some(date);
    };
    if !sep_ok(13, b':') || hh > 23 || mm > 59 {
        return Some(date);
    }
    let mut i = 16;
    let mut time = format!("{hh:02}:{mm:02}");
    if sep_ok(16, b':') {
        let Some(ss) = num(17, 2).filter(|s| *s <= 60) else {
            return Some(date);
        };
        time.push_str(&format!(":{ss:02}"));
        i = 19;
        if sep_ok(19, b'.') || sep_ok(19, b',') {
            let digits = b
                .get(20..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if let Some(frac) = s.get(20..20 + digits).filter(|f| !f.is_empty()) {
                time.push('.');
                time.push_str(frac);
            }
            i = 20 + digits;
        }
    } else {
        time.push_str(":00");
    }
    let rest = s.get(i..).unwrap_or("").trim();
    // A time without an offset is local time of an unknown zone: the day is all that is
    // known for sure, and a date-time without offset is still ISO 8601.
    Some(match offset(rest) {
        Some(z) => format!("{date}T{time}{z}"),
        None => format!("{date}T{time}"),
    })
}

/// The moment an ISO date-time with an offset (as [`iso_date`] writes it) denotes, in
/// minutes since 1970-01-01 UTC; `None` for a bare date or a time without offset.
pub(crate) fn instant(iso: &str) -> Option<i64> {
    let num = |from: usize, len: usize| -> Option<i64> { iso.get(from..from + len)?.parse().ok() };
    let (y, m, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (hh, mm) = (num(11, 2)?, num(14, 2)?);
    let zone = iso
        .get(16..)?
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    let shift = if zone == "Z" {
        0
    } else {
        let sign = match zone.get(..1)? {
            "+" => 1,
            "-" => -1,
            _ => return None,
        };
        sign * (zone.get(1..3)?.parse::<i64>().ok()? * 60 + zone.get(4..6)?.parse::<i64>().ok()?)
    };
    // Days from the civil date (Howard Hinnant's `days_from_civil`).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 1440 + hh * 60 + mm - shift)
}

/// `Z`, `+HH:MM`, `+HHMM`, `+HH`, `UTC`, `GMT` as `Z` or `+HH:MM`.
fn offset(s: &str) -> Option<String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("utc") || s.eq_ignore_ascii_case("gmt")
    {
        return Some("Z".into());
    }
    let sign = s.chars().next().filter(|c| matches!(c, '+' | '-'))?;
    let body = s.get(1..)?;
    if !body.chars().all(|c| c.is_ascii_digit() || c == ':') {
        return None;
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<u32>().ok()?, 0),
        4 => (
            digits.get(..2)?.parse().ok()?,
            digits.get(2..)?.parse().ok()?,
        ),
        _ => return None,
    };
    (h <= 14 && m <= 59).then(|| format!("{sign}{h:02}:{m:02}"))
}

/// Lower-case word tokens of `s` (letters and digits), with the byte offset each starts at.
fn tokens(s: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let word = c.is_alphanumeric() || c == ':' && start.is_some();
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                if let Some(w) = s.get(st..i) {
                    // A year glued to the next inline element's word ("2022Updated:" of
                    // `<span>May 2, 2022</span><span>Updated: …`) is a token of its own.
                    let b = w.as_bytes();
                    let glued_year = b.len() > 4
                        && b.iter().take(4).all(u8::is_ascii_digit)
                        && b.get(4).is_some_and(u8::is_ascii_alphabetic);
                    match (glued_year, w.get(..4), w.get(4..)) {
                        (true, Some(year), Some(rest)) => {
                            out.push((st, year.to_string()));
                            out.push((st + 4, rest.to_lowercase()));
                        }
                        _ => out.push((st, w.to_lowercase())),
                    }
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn month(token: &str) -> Option<u32> {
    lexicon::MONTH_NUMBERS
        .iter()
        .find(|(name, _)| *name == token)
        .map(|(_, n)| *n)
}

fn day_of(t: &str) -> Option<u32> {
    let digits = t.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = t.get(digits.len()..).unwrap_or("");
    if !(suffix.is_empty() || lexicon::DAY_SUFFIXES.contains(&suffix)) || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(t: &str) -> Option<u32> {
    (t.len() == 4)
        .then(|| t.parse().ok())
        .flatten()
        .filter(|y| tuning::DATE_YEARS.contains(y))
}

/// A written date at the start of `tok` (month name at `tok[0]` or `tok[1]`): `March 5,
/// 2024`, `5 March 2024`, `5. März 2024`, `5 de marzo de 2024`, `Sept. 5 2024`. Returns the
/// date and the number of tokens it took.
fn written_at(tok: &[(usize, String)]) -> Option<((u32, u32, u32), usize)> {
    let word = |i: usize| tok.get(i).map(|(_, t)| t.as_str());
    let skip = |i: usize| -> usize {
        if word(i).is_some_and(|w| lexicon::DATE_JOINERS.contains(&w)) {
            i + 1
        } else {
            i
        }
    };
    // Day first: "5 March 2024", "5 de marzo de 2024".
    if let Some(d) = word(0).and_then(day_of) {
        let mi = skip(1);
        if let Some(m) = word(mi).and_then(month) {
            let yi = skip(mi + 1);
            if let Some(y) = word(yi).and_then(year_of) {
                return valid(y, m, d).then_some(((y, m, d), yi + 1));
            }
        }
    }
    // Month first: "March 5, 2024".
    let m = word(0).and_then(month)?;
    let d = word(1).and_then(day_of)?;
    let yi = skip(2);
    let y = word(yi).and_then(year_of)?;
    valid(y, m, d).then_some(((y, m, d), yi + 1))
}

/// A written date that `s` is (leading weekday and trailing time allowed), with the RFC 2822
/// time and zone kept.
fn written_date(s: &str) -> Option<String> {
    let tok = tokens(s);
    let at = tok.iter().position(|(_, t)| month(t).is_some())?;
    // The day stands up to two tokens before the month ("4 de septiembre").
    let (rest, ((y, m, d), used)) = (at.saturating_sub(2)..=at).find_map(|start| {
        let rest = tok.get(start..)?;
        written_at(rest).map(|found| (rest, found))
    })?;
    let date = format!("{y:04}-{m:02}-{d:02}");
    // RFC 2822: `Tue, 05 Mar 2024 10:00:00 +0000`.
    let after = s
        .get(
            rest.get(used.saturating_sub(1))
                .map_or(s.len(), |(i, t)| i + t.len())..,
        )
        .unwrap_or("")
        .trim();
    let mut parts = after.split_whitespace();
    let time = parts.next().filter(|t| {
        t.len() == 8 && t.as_bytes().get(2) == Some(&b':') && t.as_bytes().get(5) == Some(&b':')
    });
    match (time, parts.next().and_then(offset)) {
        (Some(t), Some(z)) => Some(format!("{date}T{t}{z}")),
        _ => Some(date),
    }
}

/// Numeric `d/m/y`, `m/d/y`, `d.m.y`, `d-m-y` (four-digit year) at the start of `s`, with
/// the length taken. Day and month are told apart by a value over 12; when both could be a
/// month, `/` is read month first (the United States' custom, the usual one on English
/// pages) and `.` or `-` day first (the European custom).
fn numeric_at(s: &str) -> Option<((u32, u32, u32), usize)> {
    let b = s.as_bytes();
    let digits = |from: usize| {
        b.get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let l1 = digits(0);
    let sep = *b.get(l1)?;
    if !(1..=2).contains(&l1) || !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let l2 = digits(l1 + 1);
    if !(1..=2).contains(&l2) || b.get(l1 + 1 + l2) != Some(&sep) {
        return None;
    }
    let ys = l1 + l2 + 2;
    if digits(ys) != 4 {
        return None;
    }
    let a: u32 = s.get(..l1)?.parse().ok()?;
    let c: u32 = s.get(l1 + 1..l1 + 1 + l2)?.parse().ok()?;
    let y: u32 = s.get(ys..ys + 4)?.parse().ok()?;
    let (m, d) = if a > 12 {
        (c, a)
    } else if c > 12 || sep == b'/' {
        (a, c)
    } else {
        (c, a)
    };
    valid(y, m, d).then_some(((y, m, d), ys + 4))
}

/// A numeric date that `s` is (a leading weekday and trailing time allowed).
fn numeric_date(s: &str) -> Option<String> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let head = s.get(..start)?;
    if head.chars().any(|c| c.is_ascii_digit()) || head.split_whitespace().count() > 1 {
        return None;
    }
    let ((y, m, d), _) = numeric_at(s.get(start..)?)?;
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The first date written in running text (`Published 14 Nov 2025`, `September 4, 2025`,
/// `25.09.2025`, `2025-09-25`), as `YYYY-MM-DD`.
/// Dates labelled as modification dates (see [`lexicon::UPDATE_LABELS`]) are passed over.
#[cfg(test)]
pub(crate) fn date_in_text(text: &str) -> Option<String> {
    dates_in_text(text).0
}

/// The first date in running text that no modification label precedes, and the first that
/// one does.
pub(crate) fn dates_in_text(text: &str) -> (Option<String>, Option<String>) {
    let mut labelled = None;
    let tok = tokens(text);
    // Where the previous date ended: a label before it belongs to it.
    let mut since = 0;
    let mut k = 0;
    while let Some((at, t)) = tok.get(k) {
        let first = t.chars().next().unwrap_or(' ');
        let rest = text.get(*at..).unwrap_or("");
        let found = if first.is_ascii_digit() {
            iso_numeric(rest.get(..10).unwrap_or(rest))
                .map(|iso| (iso, 10))
                .or_else(|| {
                    numeric_at(rest).map(|((y, m, d), len)| (format!("{y:04}-{m:02}-{d:02}"), len))
                })
        } else {
            None
        };
        let found = found.or_else(|| {
            let ((y, m, d), used) = tok.get(k..).and_then(written_at)?;
            let end = tok
                .get(k + used - 1)
                .map_or(text.len(), |(i, t)| i + t.len());
            Some((format!("{y:04}-{m:02}-{d:02}"), end - at))
        });
        match found {
            Some((date, len)) => {
                let mut from = since.max(at.saturating_sub(tuning::DATE_LABEL_CHARS));
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                let before = text.get(from..*at).unwrap_or("");
                if !is_update_label(before) {
                    return (Some(date), labelled);
                }
                labelled.get_or_insert(date);
                since = at + len;
                k = tok
                    .iter()
                    .position(|(i, _)| *i >= since)
                    .unwrap_or(tok.len());
            }
            None => k += 1,
        }
    }
    (None, labelled)
}

/// Whether `text` holds a modification-date label (see [`lexicon::UPDATE_LABELS`]).
pub(crate) fn is_update_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    lexicon::UPDATE_LABELS.iter().any(|l| lower.contains(l))
}

/// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD`) date in a URL path.
pub(super) fn url_date(url: &str) -> Option<String> {
    let path = Url::parse(url)
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| url.to_string());
    let parts: Vec<&str> = path.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        let [y, m, d] = w else { return None };
        let ok = y.len() == 4 && m.len() == 2 && d.len() == 2;
        let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        (ok && tuning::URL_DATE_YEARS.contains(&y) && valid(y, m, d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_moment_in_two_zones_is_one_instant() {
        let a = instant("2025-07-04T20:04:00-04:00");
        assert!(a.is_some());
        assert_eq!(a, instant("2025-07-05T00:04:00Z"));
        assert_eq!(a, instant("2025-07-05T00:04:00.000+00:00"));
        assert_eq!(instant("1970-01-01T00:00:00Z"), Some(0));
        assert_ne!(a, instant("2025-07-04T20:04:00Z"));
        assert_eq!(instant("2025-07-04"), None);
        assert_eq!(instant("2025-07-04T20:04:00"), None);
    }

    fn iso(s: &str) -> String {
        iso_date(s).unwrap_or_else(|| format!("none: {s}"))
    }

    #[test]
    fn dates_are_normalised_to_iso_8601() {
        assert_eq!(iso("2021-11-01T10:52:50+0100"), "2021-11-01T10:52:50+01:00");
        assert_eq!(
            iso("2017-11-03 03:01:00.000000"),
            "2017-11-03T03:01:00.000000"
        );
        assert_eq!(iso("2018-04-05T06:00"), "2018-04-05T06:00:00");
        assert_eq!(iso("2024-06-25"), "2024-06-25");
        assert_eq!(iso("\"2025-12-17T13:22:47Z\""), "2025-12-17T13:22:47Z");
        assert_eq!(iso("March 25, 2015"), "2015-03-25");
        assert_eq!(iso("5 Sept. 2019"), "2019-09-05");
        assert_eq!(
            iso("Fri, 21 Dec 2018 12:55:00 +0000"),
            "2018-12-21T12:55:00+00:00"
        );
        assert_eq!(iso("Thu, 09/25/2025 - 11:38"), "2025-09-25");
        assert_eq!(iso("13/11/2025 09:21:40"), "2025-11-13");
        assert_eq!(iso("02.12.2025"), "2025-12-02");
        assert_eq!(iso("4. März 2024"), "2024-03-04");
        assert_eq!(iso("4 de septiembre de 2025"), "2025-09-04");
        assert_eq!(iso_date("last Tuesday"), None);
        assert_eq!(iso_date("2024-02-30"), None);
        assert_eq!(
            url_date("https://x.example/news/2019/04/28/story"),
            Some("2019-04-28".into())
        );
        assert_eq!(url_date("https://x.example/p/12345678"), None);
    }

    #[test]
    fn dates_are_found_in_running_text() {
        let t = |s: &str| date_in_text(s);
        assert_eq!(
            t("Published 14 Nov 2025 by Ana").as_deref(),
            Some("2025-11-14")
        );
        assert_eq!(
            t("Ana Ruiz · September 4th, 2025").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(t("Posted: 2025-09-25 11:38").as_deref(), Some("2025-09-25"));
        assert_eq!(t("le 3 janvier 2024 à 10h").as_deref(), Some("2024-01-03"));
        assert_eq!(t("May the river rise 12 feet"), None);
        assert_eq!(t("3 of 2024 votes"), None);
        assert_eq!(
            t("Updated June 18, 2025 · Published 2 May 2024").as_deref(),
            Some("2024-05-02")
        );
        assert_eq!(t("Last updated 18.06.2025"), None);
    }
}
