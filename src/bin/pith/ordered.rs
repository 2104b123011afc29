//! An ordered, bounded, parallel map: items go to a rayon pool as they are produced and
//! results come back to one consumer in input order.
//!
//! At most `window` items are in flight (sent and not yet consumed), so memory stays
//! bounded however many items there are, and a slow item holds back output by at most a
//! window. The producer and the consumer run on the calling thread (rayon's
//! `in_place_scope`), so all `N` pool threads extract, and reading an archive overlaps
//! with extraction.

use rayon::ThreadPool;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;

/// Maps `items` through `work` on `pool`, handing each result to `consume` in input
/// order. When `consume` fails, no more items are drawn, the items in flight finish
/// unconsumed, and the error is returned.
///
/// `work` must not panic (callers catch panics per item so that they can report which
/// item failed); should one escape anyway, it is re-raised here once the items in flight
/// are done, rather than leaving the consumer waiting for a result that never comes.
pub(crate) fn map<T, R, E>(
    pool: &ThreadPool,
    items: impl Iterator<Item = T>,
    window: usize,
    work: impl Fn(T) -> R + Sync,
    mut consume: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let window = window.max(1);
    let work = &work;
    pool.in_place_scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut sent = 0usize;
        let mut consumed = 0usize;
        let mut received = 0usize;
        let mut outcome = Ok(());
        let mut items = items.fuse();
        loop {
            // Fill the window.
            while outcome.is_ok() && sent - consumed < window {
                let Some(item) = items.next() else {
                    break;
                };
                let tx = tx.clone();
                let index = sent;
                scope.spawn(move |_| {
                    let result = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                    // The receiver lives until every sent item is received.
                    let _ = tx.send((index, result));
                });
                sent += 1;
            }
            // Nothing in flight: the items are exhausted, or the consumer failed.
            if received == sent {
                break;
            }
            // Wait for one result, then hand over every result that is next in order.
            let Ok((index, result)) = rx.recv() else {
                break;
            };
            received += 1;
            match result {
                Ok(r) => {
                    if outcome.is_ok() {
                        waiting.insert(index, r);
                    }
                }
                Err(payload) => {
                    // Drain the rest so the scope can end, then re-raise.
                    while received < sent {
                        if rx.recv().is_err() {
                            break;
                        }
                        received += 1;
                    }
                    panic::resume_unwind(payload);
                }
            }
            while let Some(r) = waiting.remove(&consumed) {
                consumed += 1;
                if outcome.is_ok() {
                    outcome = consume(r);
                }
            }
            if outcome.is_err() {
                // The items in flight finish, but are not consumed.
                waiting.clear();
            }
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn pool(n: usize) -> ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    }

    #[test]
    fn results_come_in_input_order_when_work_finishes_out_of_order() {
        let mut seen = Vec::new();
        map(
            &pool(4),
            0..200u64,
            8,
            |i| {
                // Early items finish last.
                std::thread::sleep(Duration::from_micros((200 - i) * 20));
                i * 2
            },
            |r| {
                seen.push(r);
                Ok::<_, ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn one_thread_and_a_window_of_one_still_finish() {
        let mut count = 0;
        map(
            &pool(1),
            0..50,
            1,
            |i| i,
            |_| {
                count += 1;
                Ok::<_, ()>(())
            },
        )
        .unwrap();
        assert_eq!(count, 50);
    }

    #[test]
    fn a_consumer_error_ends_early_and_no_more_items_are_drawn() {
        let drawn = std::cell::Cell::new(0);
        let items = (0..10_000).inspect(|_| drawn.set(drawn.get() + 1));
        let mut consumed = 0;
        map(
            &pool(2),
            items,
            4,
            |i| i,
            |_| {
                consumed += 1;
                if consumed == 3 {
                    Err("reader left")
                } else {
                    Ok(())
                }
            },
        )
        .unwrap_err();
        assert_eq!(consumed, 3);
        assert!(drawn.get() < 100, "drew {}", drawn.get());
    }

    #[test]
    #[should_panic(expected = "boom on 7")]
    fn a_panic_in_work_is_raised_to_the_caller_instead_of_hanging() {
        let _ = map(
            &pool(2),
            0..20,
            4,
            |i| {
                assert!(i != 7, "boom on {i}");
                i
            },
            |_| Ok::<_, ()>(()),
        );
    }

    #[test]
    fn a_consumer_error_is_returned() {
        let result = map(
            &pool(2),
            0..100,
            4,
            |i| i,
            |i| {
                if i == 10 { Err("full disk") } else { Ok(()) }
            },
        );
        assert_eq!(result, Err("full disk"));
    }

    #[test]
    fn the_items_in_flight_never_exceed_the_window() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let in_flight = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let drawn = std::cell::Cell::new(0usize);
        let mut consumed = 0usize;
        map(
            &pool(2),
            (0..300).inspect(|_| {
                drawn.set(drawn.get() + 1);
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
            }),
            6,
            |i| i,
            |_| {
                consumed += 1;
                in_flight.fetch_sub(1, Ordering::SeqCst);
                Ok::<_, ()>(())
            },
        )
        .unwrap();
        assert_eq!(consumed, 300);
        assert!(
            most.load(Ordering::SeqCst) <= 6,
            "{}",
            most.load(Ordering::SeqCst)
        );
    }
}
