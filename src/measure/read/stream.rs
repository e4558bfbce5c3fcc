//! One file on two cores: the thread that reads the file hands each chunk of raw rows to the
//! thread pool, which types it, while reading goes on; the typed batches are passed on in
//! the file's order, so what counts first (the first row of a repeated id, the order of a
//! sum) is the same on every machine. At most a few chunks are between being read and being
//! handed on, typed or not, so memory stays bounded whatever the file's size and however
//! the pool runs the chunks (a pool of one thread runs the newest first).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Batch, Sink};
use crate::error::Error;

/// Reads chunks with `next` until it returns `None`, running `convert` and then
/// `sink.prepare` on each chunk in the thread pool, and `sink.each` on what they made one at
/// a time, in the order of the chunks. Returns the first error of `next`, after the chunks
/// already read have been handed on.
pub(super) fn stream<R: Send, T: Send>(
    mut next: impl FnMut() -> Result<Option<R>, Error> + Send,
    convert: &(dyn Fn(R) -> Batch + Sync),
    sink: &Sink<'_, T>,
) -> Result<(), Error> {
    let in_flight = AtomicUsize::new(0);
    let limit = 2 * rayon::current_num_threads().max(1);
    // The next batch to hand on, and those typed before their turn.
    let order: Mutex<(u64, BTreeMap<u64, T>)> = Mutex::new((0, BTreeMap::new()));
    let mut seq = 0u64;
    rayon::scope(|scope| {
        let (in_flight, order) = (&in_flight, &order);
        loop {
            // Waiting runs queued chunks on this thread too, so a pool of one thread (or one
            // whose every thread reads a file) still makes progress.
            while in_flight.load(Ordering::Acquire) >= limit {
                match rayon::yield_now() {
                    Some(rayon::Yield::Executed) => {}
                    _ => std::thread::sleep(std::time::Duration::from_micros(200)),
                }
            }
            let Some(chunk) = next()? else {
                return Ok(());
            };
            in_flight.fetch_add(1, Ordering::AcqRel);
            let mine = seq;
            seq += 1;
            scope.spawn(move |_| {
                let batch = (sink.prepare)(convert(chunk));
                let mut order = order.lock().unwrap_or_else(|e| e.into_inner());
                order.1.insert(mine, batch);
                loop {
                    let next = order.0;
                    let Some(batch) = order.1.remove(&next) else {
                        break;
                    };
                    order.0 += 1;
                    (sink.each)(batch);
                    in_flight.fetch_sub(1, Ordering::AcqRel);
                }
            });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn every_chunk_is_handed_on_once() {
        let seen = Mutex::new(Vec::new());
        let mut n = 0u64;
        stream(
            || {
                n += 1;
                Ok((n <= 100).then_some(n))
            },
            &|n| Batch {
                events: Vec::new(),
                rejected: vec![
                    crate::diagnostics::Diagnostic::at_record(
                        &crate::diagnostics::codes::EVENT_MALFORMED,
                        crate::source::FileId(0),
                        crate::diagnostics::Record {
                            line: n,
                            column: None,
                        },
                        "",
                    );
                    1
                ],
            },
            &Sink {
                prepare: &|batch: Batch| batch.rejected[0].record.clone().unwrap().line,
                each: &|line| seen.lock().unwrap().push(line),
            },
        )
        .unwrap();
        let seen = seen.into_inner().unwrap();
        assert!(seen.is_sorted(), "batches are handed on in order");
        assert_eq!(seen, (1..=100).collect::<Vec<_>>());
    }

    #[test]
    fn a_pool_of_one_thread_keeps_few_chunks_waiting() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let waiting = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut n = 0u64;
        pool.install(|| {
            stream(
                || {
                    n += 1;
                    let now = waiting.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    Ok((n <= 1000).then_some(n))
                },
                &|_| Batch {
                    events: Vec::new(),
                    rejected: Vec::new(),
                },
                &Sink {
                    prepare: &|batch| batch,
                    each: &|_| {
                        waiting.fetch_sub(1, Ordering::SeqCst);
                    },
                },
            )
            .unwrap()
        });
        assert!(most.into_inner() <= 3, "chunks read and not handed on");
    }

    #[test]
    fn an_error_stops_reading() {
        let mut n = 0;
        let result = stream(
            || {
                n += 1;
                if n == 3 {
                    Err(Error::new("read failed"))
                } else {
                    Ok(Some(n))
                }
            },
            &|_| Batch {
                events: Vec::new(),
                rejected: Vec::new(),
            },
            &Sink {
                prepare: &|_| (),
                each: &|()| {},
            },
        );
        assert_eq!(result.unwrap_err().message, "read failed");
    }
}
