//! Every verdict the lesson prints can come out "no". Each test runs a
//! broken variant of a section (jobs run on the caller's thread, a thread
//! per job, a server with a thread per connection, servers that echo the
//! wrong words, a pool of one fetching pages), feeds what it saw to the same
//! check `main.rs` uses, and expects "no". Section 1's are in
//! `tests/verdict_cost.rs`.
#![cfg(not(loom))]

use std::convert::Infallible;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::{Barrier, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use thread_pools::cost::{collatz_steps, fastest_of};
use thread_pools::net::{self, Burst, Server, Serving, Site};
use thread_pools::verdict::{
    all_on_pool_workers, faster, fetched_concurrently, got_its_own_words, never_more_than,
    same_answer, still_waiting,
};
use thread_pools::{Gauge, ThreadPool, as_completed, yes_no};

/// Section 2 with "jobs" called on the caller's thread, as a pool that ran
/// each job inside `submit` would: none ran on a pool worker.
#[test]
fn verdict_every_job_on_a_pool_worker_can_fail() {
    let on_the_caller: Vec<String> = (0..9)
        .map(|_| thread::current().name().unwrap_or("unnamed").to_owned())
        .collect();
    assert_eq!(yes_no(all_on_pool_workers(&on_the_caller)), "no");
    // One stray job among pool workers is enough for a no.
    let mut mixed = vec!["pool-worker-0".to_owned(), "pool-worker-1".to_owned()];
    mixed.push(
        thread::spawn(|| thread::current().name().map(str::to_owned))
            .join()
            .expect("the thread does not panic")
            .unwrap_or_else(|| "unnamed".to_owned()),
    );
    assert_eq!(yes_no(all_on_pool_workers(&mixed)), "no");
}

/// Section 3 with a job that has certainly finished: the one worker ran it
/// before the job queued behind it, whose result we have.
#[test]
fn verdict_the_job_is_still_waiting_can_fail() {
    let pool = ThreadPool::new(1).expect("one worker");
    let first = pool.submit(|| Ok::<_, Infallible>("ran"));
    let behind = pool.submit(|| Ok::<_, Infallible>(()));
    behind.result().expect("no job fails");
    assert_eq!(yes_no(still_waiting(&first)), "no");
    // And a job held at a gate is still waiting.
    let (open, gate) = mpsc::channel::<()>();
    let gated = pool.submit(move || gate.recv().map(|()| "opened"));
    assert_eq!(yes_no(still_waiting(&gated)), "yes");
    open.send(()).expect("the gated job waits");
    assert_eq!(gated.result().ok(), Some("opened"));
}

/// Section 5's jobs with a thread each: nothing bounds them, and the
/// barrier makes them all overlap.
#[test]
fn verdict_never_more_than_n_jobs_at_once_can_fail() {
    const WORKERS: usize = 4;
    const JOBS: usize = 40;
    let gauge = Gauge::new();
    let meet = Barrier::new(JOBS);
    thread::scope(|scope| {
        for _ in 0..JOBS {
            scope.spawn(|| {
                let _inside = gauge.enter();
                meet.wait();
            });
        }
    });
    assert_eq!(gauge.peak(), JOBS);
    assert_eq!(yes_no(never_more_than(gauge.peak(), WORKERS)), "no");
}

/// Section 6 on a pool that throws one result away (its handle dropped):
/// the totals differ.
#[test]
fn verdict_same_answer_can_fail() {
    const ITEMS: u64 = 1000;
    let per_item: u64 = (1..=ITEMS)
        .map(|n| thread::spawn(move || collatz_steps(n)))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|t| t.join().expect("collatz_steps does not panic"))
        .sum();
    let pool = ThreadPool::new(4).expect("four workers");
    let mut handles: Vec<_> = (1..=ITEMS)
        .map(|n| pool.submit(move || Ok::<_, Infallible>(collatz_steps(n))))
        .collect();
    drop(handles.swap_remove(26)); // 27's handle, and its 111 steps, lost
    let pooled: u64 = handles
        .into_iter()
        .map(|h| h.result().expect("collatz_steps does not panic"))
        .sum();
    assert_eq!(per_item - pooled, 111);
    assert_eq!(yes_no(same_answer(&per_item, &pooled)), "no");
}

/// Section 6's comparison where the pool is the wrong tool: jobs that each
/// wait 5 ms (for I/O, say). A pool of four runs four at a time, 50 rounds
/// of at least 5 ms; a thread each lets all 200 wait at once.
#[test]
fn verdict_the_pool_was_faster_can_fail() {
    const ITEMS: u64 = 200;
    const WAIT: Duration = Duration::from_millis(5);
    let (per_item, per_item_total) = fastest_of(3, || {
        let threads: Vec<_> = (1..=ITEMS)
            .map(|n| {
                thread::spawn(move || {
                    thread::sleep(WAIT);
                    collatz_steps(n)
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().expect("collatz_steps does not panic"))
            .sum::<u64>()
    });
    let pool = ThreadPool::new(4).expect("four workers");
    let started = Instant::now();
    let handles: Vec<_> = (1..=ITEMS)
        .map(|n| {
            pool.submit(move || {
                thread::sleep(WAIT);
                Ok::<_, Infallible>(collatz_steps(n))
            })
        })
        .collect();
    let pooled_total: u64 = handles
        .into_iter()
        .map(|h| h.result().expect("collatz_steps does not panic"))
        .sum();
    let pooled = started.elapsed();
    assert_eq!(per_item_total, pooled_total);
    assert!(pooled >= WAIT * 50, "{pooled:?}");
    assert_eq!(
        yes_no(faster(pooled, per_item)),
        "no",
        "{pooled:?} vs {per_item:?}"
    );
}

/// Section 7's burst, on the section's pool of two, with `handler` in place
/// of the echo; returns each client's verdict.
fn own_words_verdicts(handler: fn(TcpStream) -> io::Result<()>) -> Vec<&'static str> {
    let Burst { sent, replies, .. } =
        net::echo_burst(Serving::Pool(2), 5, handler).expect("the server starts");
    replies
        .iter()
        .zip(&sent)
        .map(|(reply, sent)| {
            let reply = reply.as_ref().expect("the client gets an answer");
            yes_no(got_its_own_words(reply, sent))
        })
        .collect()
}

/// Reads everything the client sends, until it closes its side.
fn read_all(stream: &mut TcpStream) -> io::Result<Vec<u8>> {
    stream.set_read_timeout(Some(net::IO_TIMEOUT))?;
    let mut words = Vec::new();
    stream.read_to_end(&mut words)?;
    Ok(words)
}

#[test]
fn verdict_own_words_shouted_back_can_fail() {
    let verdicts = own_words_verdicts(|mut stream| {
        let words = read_all(&mut stream)?;
        stream.write_all(&words.to_ascii_uppercase())
    });
    assert_eq!(verdicts, ["no"; 5]);
}

#[test]
fn verdict_own_words_never_answered_can_fail() {
    let verdicts = own_words_verdicts(|mut stream| read_all(&mut stream).map(drop));
    assert_eq!(verdicts, ["no"; 5]);
}

#[test]
fn verdict_own_words_cut_short_can_fail() {
    let verdicts = own_words_verdicts(|mut stream| {
        let words = read_all(&mut stream)?;
        stream.write_all(&words[..words.len() / 2])
    });
    assert_eq!(verdicts, ["no"; 5]);
}

#[test]
fn verdict_own_words_said_twice_can_fail() {
    let verdicts = own_words_verdicts(|mut stream| {
        let words = read_all(&mut stream)?;
        stream.write_all(&words)?;
        stream.write_all(&words)
    });
    assert_eq!(verdicts, ["no"; 5]);
}

/// A server that answers each client with the words of the client before
/// it (the first gets nothing): every reply is somebody else's.
#[test]
fn verdict_own_words_of_another_client_can_fail() {
    static LAST: Mutex<Vec<u8>> = Mutex::new(Vec::new());
    let verdicts = own_words_verdicts(|mut stream| {
        let words = read_all(&mut stream)?;
        let previous = std::mem::replace(
            &mut *LAST
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
            words,
        );
        stream.write_all(&previous)
    });
    assert_eq!(verdicts, ["no"; 5]);
}

/// Section 7's burst on a server with a thread per connection: all five are
/// served at once, and the check says so.
#[test]
fn verdict_never_more_than_two_served_at_once_can_fail() {
    let burst = net::echo_burst(Serving::ThreadPerConnection, 5, |stream| {
        net::echo(stream).map(drop)
    })
    .expect("the server starts");
    assert_eq!(burst.most_at_once, 5);
    assert_eq!(burst.report.connections, 5);
    assert_eq!(yes_no(never_more_than(burst.most_at_once, 2)), "no");
    // Every client was still served.
    for (reply, sent) in burst.replies.iter().zip(&burst.sent) {
        assert_eq!(reply.as_ref().ok(), Some(sent));
    }
}

/// Section 8's pages fetched through a pool of one: one after another, so
/// the three slow answers take three delays.
#[test]
fn verdict_fetched_concurrently_can_fail() {
    const DELAY: Duration = Duration::from_millis(100);
    let site = Site {
        pages: vec![("/", "front\n"), ("/about", "about\n")],
        delay: DELAY,
    };
    let server =
        Server::start(4, move |stream| net::serve_page(stream, &site)).expect("the server starts");
    let (up, down) = (server.addr(), net::refused_addr().expect("a free port"));
    let requests = [("/", up), ("/about", up), ("/missing", up), ("/", down)];
    let pool = ThreadPool::new(1).expect("one worker");
    let started = Instant::now();
    let handles = requests.map(|(path, addr)| pool.submit(move || net::fetch(addr, path)));
    let finished = as_completed(handles).count();
    let took = started.elapsed();
    assert_eq!(finished, 4);
    assert_eq!(server.shutdown().expect("the server stops").connections, 3);
    assert!(took >= DELAY * 3, "{took:?}");
    assert_eq!(yes_no(fetched_concurrently(took, DELAY, 3)), "no");
}

#[test]
fn the_pool_burst_is_held_until_both_workers_are_busy() {
    // The same burst on the pool: exactly two at once, every time.
    for _ in 0..5 {
        let burst = net::echo_burst(Serving::Pool(2), 5, |stream| net::echo(stream).map(drop))
            .expect("the server starts");
        assert_eq!(burst.most_at_once, 2);
        assert_eq!(yes_no(never_more_than(burst.most_at_once, 2)), "yes");
    }
}
