//! Dates in the forms pages write them, as ISO 8601 (see the parent module doc for the
//! forms read).

use crate::lexicon;
use crate::tuning;
use url::Url;

/// A date in ISO 8601 form when its form is known (see the module doc), else as found.
pub(crate) fn iso_date(raw: &str) -> String {
    let s = raw.trim();
    iso_numeric(s)
        .or_else(|| written_date(s))
        .unwrap_or_else(|| s.to_string())
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
    if !(sep_ok(4, b'-') && sep_ok(7, b'-') && (1..=12).contains(&m) && (1..=31).contains(&d)) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return (b.len() == 10 || !b.get(10).is_some_and(u8::is_ascii_digit)).then_some(date);
    }
    let (hh, mm) = (num(11, 2)?, num(14, 2)?);
    if !sep_ok(13, b':') || hh > 23 || mm > 59 {
        return Some(date);
    }
    let mut i = 16;
    let mut time = format!("{hh:02}:{mm:02}");
    if sep_ok(16, b':') {
        let ss = num(17, 2)?;
        time.push_str(&format!(":{ss:02}"));
        i = 19;
        if sep_ok(19, b'.') || sep_ok(19, b',') {
            let digits = b
                .get(20..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if let Some(frac) = s.get(20..20 + digits) {
                time.push('.');
                time.push_str(frac);
            }
            i = 20 + digits;
        }
    } else {
        time.push_str(":00");
    }
    let rest = s.get(i..).unwrap_or("").trim();
    let offset = offset(rest);
    Some(format!("{date}T{time}{}", offset.unwrap_or_default()))
}

/// `Z`, `+HH:MM`, `+HHMM`, `+HH`, `UTC`, `GMT` as `Z` or `+HH:MM`.
fn offset(s: &str) -> Option<String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("utc") || s.eq_ignore_ascii_case("gmt")
    {
        return Some("Z".into());
    }
    let sign = s.chars().next().filter(|c| matches!(c, '+' | '-'))?;
    let digits: String = s.chars().skip(1).filter(char::is_ascii_digit).collect();
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

/// English written dates: `March 5, 2024`, `5 March 2024`, `Tue, 05 Mar 2024 10:00:00 +0000`
/// (RFC 2822, time kept), `Mar. 5 2024`.
fn written_date(s: &str) -> Option<String> {
    let tokens: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches('.').to_lowercase())
        .collect();
    let month_at = tokens.iter().position(|t| month(t).is_some())?;
    let m = month(tokens.get(month_at)?)?;
    let day_of = |t: &String| -> Option<u32> {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    };
    let year_of = |t: &String| -> Option<u32> {
        t.parse()
            .ok()
            .filter(|y| (1000..=9999).contains(y) && t.len() == 4)
    };
    let (d, y, after) = if let (Some(d), Some(y)) = (
        month_at
            .checked_sub(1)
            .and_then(|i| tokens.get(i))
            .and_then(day_of),
        tokens.get(month_at + 1).and_then(year_of),
    ) {
        (d, y, month_at + 2)
    } else {
        let d = tokens.get(month_at + 1).and_then(day_of)?;
        let y = tokens.get(month_at + 2).and_then(year_of)?;
        (d, y, month_at + 3)
    };
    let date = format!("{y:04}-{m:02}-{d:02}");
    // RFC 2822 time and zone.
    let time = tokens.get(after).filter(|t| {
        t.len() == 8 && t.as_bytes().get(2) == Some(&b':') && t.as_bytes().get(5) == Some(&b':')
    });
    match (time, tokens.get(after + 1).and_then(|z| offset(z))) {
        (Some(t), Some(z)) => Some(format!("{date}T{t}{z}")),
        _ => Some(date),
    }
}

fn month(token: &str) -> Option<u32> {
    if !token.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let prefix = token.get(..3)?;
    lexicon::MONTHS
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
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
        (ok && tuning::URL_DATE_YEARS.contains(&y)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalised_to_iso_8601() {
        assert_eq!(
            iso_date("2021-11-01T10:52:50+0100"),
            "2021-11-01T10:52:50+01:00"
        );
        assert_eq!(
            iso_date("2017-11-03 03:01:00.000000"),
            "2017-11-03T03:01:00.000000"
        );
        assert_eq!(iso_date("2018-04-05T06:00"), "2018-04-05T06:00:00");
        assert_eq!(iso_date("2024-06-25"), "2024-06-25");
        assert_eq!(iso_date("March 25, 2015"), "2015-03-25");
        assert_eq!(iso_date("5 Sept. 2019"), "2019-09-05");
        assert_eq!(
            iso_date("Fri, 21 Dec 2018 12:55:00 +0000"),
            "2018-12-21T12:55:00+00:00"
        );
        assert_eq!(iso_date("last Tuesday"), "last Tuesday");
        assert_eq!(
            url_date("https://x.example/news/2019/04/28/story"),
            Some("2019-04-28".into())
        );
        assert_eq!(url_date("https://x.example/p/12345678"), None);
    }
}
