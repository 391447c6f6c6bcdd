//! The Rust side of this lesson's `cargo xtask compare` experiment: what it
//! measures, its sizes and its table rows are in `lesson.toml`
//! (`[[experiment]]`), the Python side in `python/compare_pollable.py`, the
//! protocol in `harness::compare`.
//!
//! ```text
//! cargo run --release -p pollable-queues --example pollable-queues-compare -- pollable --runs 5 --size 50000
//! ```

use std::io::{Read, Write};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::process::ExitCode;
use std::thread;

use harness::compare::{self, Result, Run, check};
use pollable_queues::{PollableQueue, ready};

fn main() -> ExitCode {
    compare::main(env!("CARGO_PKG_NAME"), &[("pollable", pollable)])
}

/// Three queues, one producer putting `size` items in turn into each, one
/// consumer that waits on all three with `poll()` and takes an item from
/// each that is ready (the cookbook's consumer): on the lesson's
/// `PollableQueue`; then raw, the items written into three socket pairs
/// themselves, waited for with `poll()` and read in whatever batches have
/// arrived.
fn pollable(run: &mut Run) -> Result {
    let size = run.size;
    let expected_sum = size * size.saturating_sub(1) / 2;
    let lesson = || -> Result {
        let new = || PollableQueue::new().map_err(|e| e.to_string());
        let queues: [PollableQueue<u64>; 3] = [new()?, new()?, new()?];
        let sum = thread::scope(|s| {
            let consumer = s.spawn(|| -> Result<u64> {
                let fds = queues.each_ref().map(|q| q.as_fd());
                let (mut got, mut sum) = (0, 0);
                while got < size {
                    for index in ready(&fds, None).map_err(|e| e.to_string())? {
                        if let Some(item) = queues[index].try_get() {
                            got += 1;
                            sum += item;
                        }
                    }
                }
                Ok(sum)
            });
            for n in 0..size {
                queues[(n % 3) as usize].put(n);
            }
            consumer
                .join()
                .map_err(|_| "the consumer panicked".to_owned())?
        })?;
        check(sum == expected_sum, || {
            format!("the items add up to {sum}, not {expected_sum}")
        })
    };
    let raw = || -> Result {
        let pairs = [UnixStream::pair(), UnixStream::pair(), UnixStream::pair()];
        let mut writers = Vec::new();
        let mut readers = Vec::new();
        for pair in pairs {
            let (writer, reader) = pair.map_err(|e| e.to_string())?;
            writers.push(writer);
            readers.push(reader);
        }
        let sum = thread::scope(|s| {
            let consumer = s.spawn(move || raw_consumer(&mut readers, size));
            for n in 0..size {
                writers[(n % 3) as usize]
                    .write_all(&n.to_le_bytes())
                    .map_err(|e| e.to_string())?;
            }
            consumer
                .join()
                .map_err(|_| "the consumer panicked".to_owned())?
        })?;
        check(sum == expected_sum, || {
            format!("the items add up to {sum}, not {expected_sum}")
        })
    };
    run.timed("queue", lesson)?;
    run.timed("raw", raw)
}

/// Reads `size` eight-byte items from whichever of `readers` has data.
fn raw_consumer(readers: &mut [UnixStream], size: u64) -> Result<u64> {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    const ITEM: usize = size_of::<u64>();
    let mut buffer = [0u8; 4096];
    // A read may end inside an item: its first bytes wait here per stream.
    let mut partial: Vec<Vec<u8>> = vec![Vec::new(); readers.len()];
    let (mut got, mut sum) = (0, 0);
    while got < size {
        let ready: Vec<usize> = {
            let mut fds: Vec<PollFd<'_>> = readers
                .iter()
                .map(|r| PollFd::new(r.as_fd(), PollFlags::POLLIN))
                .collect();
            match poll(&mut fds, PollTimeout::NONE) {
                Err(nix::errno::Errno::EINTR) => continue,
                Err(e) => return Err(e.to_string()),
                Ok(_) => {}
            }
            (0..fds.len())
                .filter(|&i| {
                    fds[i]
                        .revents()
                        .is_some_and(|r| r.contains(PollFlags::POLLIN))
                })
                .collect()
        };
        for index in ready {
            let read = readers[index]
                .read(&mut buffer)
                .map_err(|e| e.to_string())?;
            check(read > 0, || "a writer closed its end early".to_owned())?;
            let bytes = &mut partial[index];
            bytes.extend_from_slice(&buffer[..read]);
            let whole = bytes.len() / ITEM * ITEM;
            for item in bytes[..whole].chunks_exact(ITEM) {
                let item: [u8; ITEM] = item.try_into().expect("chunks_exact yields ITEM bytes");
                sum += u64::from_le_bytes(item);
                got += 1;
            }
            bytes.drain(..whole);
        }
    }
    Ok(sum)
}
