//! The WARC reader over damaged archives: a sound archive of 2–7 records is built from the
//! input (gzip per record, whole-file gzip or plain), then damaged in one place (bytes
//! flipped, garbage inserted, a cut) the input chooses, or the input is read as an archive
//! as it is. The reader must never panic or hang, every item must make progress, and with
//! one damaged record in a per-record or plain archive every other record must come out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;

#[path = "../../src/bin/pith/warc.rs"]
#[allow(dead_code)]
mod warc;

fn record(i: usize, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i}>\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = gz.write_all(bytes);
    gz.finish().unwrap_or_default()
}

/// Reads the whole archive; the ids of the sound records and the number of damaged
/// stretches.
fn read(archive: &[u8]) -> (Vec<String>, usize) {
    let Ok(mut reader) = warc::open(archive) else {
        return (Vec::new(), 0);
    };
    let (mut ids, mut damaged) = (Vec::new(), 0);
    // Every item consumes input: more items than bytes would be a loop.
    for _ in 0..=archive.len() + 1 {
        match reader.next(|h| h.content_length.min(1 << 16)) {
            Ok(Some(warc::Item::Record(r))) => ids.push(r.header.record_id.unwrap_or_default()),
            Ok(Some(warc::Item::Damaged(d))) => {
                assert!(d.offset <= archive.len() as u64, "{d:?}");
                damaged += 1;
            }
            Ok(None) | Err(_) => return (ids, damaged),
        }
    }
    panic!("the reader does not reach the end of a {}-byte archive", archive.len());
}

fuzz_target!(|data: &[u8]| {
    let Some((&[mode, count, at, op], rest)) = data.split_first_chunk::<4>() else {
        return;
    };
    if mode % 4 == 3 {
        read(rest);
        return;
    }
    let count = 2 + usize::from(count % 6);
    // Bodies from the input, with no `W`: a body never holds a record header.
    let chunk = rest.len() / count + 1;
    let bodies: Vec<Vec<u8>> = (0..count)
        .map(|i| {
            rest.get(i * chunk..((i + 1) * chunk).min(rest.len()))
                .unwrap_or_default()
                .iter()
                .map(|b| if b.to_ascii_uppercase() == b'W' { b'.' } else { *b })
                .collect()
        })
        .collect();
    let records: Vec<Vec<u8>> = bodies.iter().enumerate().map(|(i, b)| record(i, b)).collect();
    let per_record = mode % 4 == 0;
    let whole = mode % 4 == 1;
    let pieces: Vec<Vec<u8>> = if per_record {
        records.iter().map(|r| gzip(r)).collect()
    } else {
        records.clone()
    };
    // The damage: in record `victim`, per `op`.
    let victim = usize::from(at) % count;
    let mut archive = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i != victim {
            archive.extend_from_slice(piece);
            continue;
        }
        let mut piece = piece.clone();
        match op % 3 {
            0 => {
                // Flip bytes in the piece.
                let len = piece.len();
                for k in 0..usize::from(op / 3 % 4) + 1 {
                    let p = (usize::from(at) * 31 + k * 97) % len;
                    piece[p] ^= op | 1;
                }
            }
            1 => {
                // Garbage after the piece, with no gzip member or record in it.
                piece.extend(
                    rest.iter()
                        .take(usize::from(op) + 1)
                        .map(|b| if *b == 0x1f || b.to_ascii_uppercase() == b'W' { b'.' } else { *b }),
                );
            }
            _ => {}
        }
        archive.extend_from_slice(&piece);
    }
    if whole {
        // Damage inside a whole-file gzip only checks that reading ends.
        read(&gzip(&archive));
        return;
    }
    let (ids, damaged) = read(&archive);
    if op % 3 == 2 {
        // Undamaged.
        let all: Vec<String> = (0..count).map(|i| format!("urn:uuid:{i}")).collect();
        assert_eq!(ids, all);
        assert_eq!(damaged, 0);
        return;
    }
    // Every record but the victim comes out, in order (the victim may come out too, with
    // its id flipped).
    let mut found = ids.iter();
    for i in (0..count).filter(|i| *i != victim) {
        let id = format!("urn:uuid:{i}");
        assert!(
            found.any(|f| *f == id),
            "{id} is lost: {ids:?}, {damaged} damaged"
        );
    }
});
