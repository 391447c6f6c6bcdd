//! Every verdict the lesson prints can come out the other way. For each
//! verdict function in `src/verdict.rs`, a control `verdict_<name>_can_fail`
//! runs a broken variant of the section that prints it (jobs on threads of
//! their own, a job that has finished, a thread per job or per connection,
//! a handle thrown away, jobs that wait instead of compute, servers that
//! echo the wrong words, a pool of one fetching pages), feeds what it saw to
//! the same function `main.rs` uses, and expects the answer opposite to the
//! snapshot's: `no`, as the snapshot says `yes` to every claim. The cost
//! verdicts' controls are in `tests/verdict_cost.rs`, a process of their
//! own, because they measure the process's memory.
#![cfg(not(loom))]

use std::convert::Infallible;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::{Barrier, Mutex, PoisonError, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use kit::Verdict;
use thread_pools::cost::{collatz_steps, fastest_of};
use thread_pools::net::{self, Burst, Server, Serving, Site};
use thread_pools::verdict::{
    all_on_pool_workers, faster, fetched_concurrently, got_its_own_words, never_more_than,
    same_answer, still_waiting,
};
use thread_pools::{Gauge, ThreadPool, as_completed};

/// `workers_pull_jobs_from_a_channel`'s nine jobs, each reporting the thread
/// that ran it, fanned out a thread each instead of through the pool: no
/// job ran on a pool worker.
#[test]
fn verdict_all_on_pool_workers_can_fail() {
    let (report_to, reports) = mpsc::channel();
    let threads: Vec<_> = (0..9)
        .map(|job| {
            let report_to = report_to.clone();
            thread::spawn(move || {
                let worker = thread::current().name().unwrap_or("unnamed").to_owned();
                report_to.send((job, worker))
            })
        })
        .collect();
    drop(report_to);
    for thread in threads {
        thread
            .join()
            .expect("the job does not panic")
            .expect("the receiver is alive");
    }
    let (jobs, workers): (Vec<usize>, Vec<String>) = reports.try_iter().unzip();
    assert_eq!(jobs.len(), 9);
    assert_eq!(all_on_pool_workers(&workers), Verdict::No);
}

/// `submit_returns_a_handle_and_failures_come_back`'s question asked of a
/// job that has certainly finished: the one worker ran it before the job
/// queued behind it, whose result we have.
#[test]
fn verdict_still_waiting_can_fail() {
    let pool = ThreadPool::new(1).expect("one worker");
    let first = pool.submit(|| Ok::<_, Infallible>("ran"));
    let behind = pool.submit(|| Ok::<_, Infallible>(()));
    behind.result().expect("no job fails");
    assert_eq!(still_waiting(&first), Verdict::No);
}

/// The bound of `a_pool_of_n_never_runs_more_than_n` and of
/// `an_echo_server_on_a_bounded_pool`, with the pool taken away: the forty
/// jobs with a thread each, which a barrier makes overlap, and the echo
/// burst on a server with a thread per connection, where all five are
/// served at once.
#[test]
fn verdict_never_more_than_can_fail() {
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
    assert_eq!(never_more_than(gauge.peak(), WORKERS), Verdict::No);

    let burst = net::echo_burst(Serving::ThreadPerConnection, 5, |stream| {
        net::echo(stream).map(drop)
    })
    .expect("the server starts");
    assert_eq!(burst.most_at_once, 5);
    assert_eq!(burst.report.connections, 5);
    assert_eq!(never_more_than(burst.most_at_once, 2), Verdict::No);
    // Every client was still served.
    for (reply, sent) in burst.replies.iter().zip(&burst.sent) {
        assert_eq!(reply.as_ref().ok(), Some(sent));
    }
}

/// `a_thread_per_item_does_not_scale` on a pool whose caller throws one
/// result away (its handle dropped): the totals differ.
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
    assert_eq!(same_answer(&per_item, &pooled), Verdict::No);
}

/// `a_thread_per_item_does_not_scale`'s comparison where the pool is the
/// wrong tool: jobs that each wait 5 ms (for I/O, say). A pool of four runs
/// four at a time, 50 rounds of at least 5 ms; a thread each lets all 200
/// wait at once.
#[test]
fn verdict_faster_can_fail() {
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
        faster(pooled, per_item),
        Verdict::No,
        "{pooled:?} vs {per_item:?}"
    );
}

/// `an_echo_server_on_a_bounded_pool`'s burst, on its pool of two, with
/// `handler` in place of the echo; returns each client's verdict.
fn own_words_verdicts(handler: fn(TcpStream) -> io::Result<()>) -> Vec<Verdict> {
    let Burst { sent, replies, .. } =
        net::echo_burst(Serving::Pool(2), 5, handler).expect("the server starts");
    replies
        .iter()
        .zip(&sent)
        .map(|(reply, sent)| {
            let reply = reply.as_ref().expect("the client gets an answer");
            got_its_own_words(reply, sent)
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

/// Echo servers that get it wrong: one shouts the words back, one never
/// answers, one cuts them short, one says them twice, and one answers each
/// client with the words of the client before it (the first gets nothing).
/// Every client of every one of them gets `no`.
#[test]
fn verdict_got_its_own_words_can_fail() {
    fn shouts(mut stream: TcpStream) -> io::Result<()> {
        let words = read_all(&mut stream)?;
        stream.write_all(&words.to_ascii_uppercase())
    }
    fn never_answers(mut stream: TcpStream) -> io::Result<()> {
        read_all(&mut stream).map(drop)
    }
    fn cuts_short(mut stream: TcpStream) -> io::Result<()> {
        let words = read_all(&mut stream)?;
        stream.write_all(&words[..words.len() / 2])
    }
    fn says_twice(mut stream: TcpStream) -> io::Result<()> {
        let words = read_all(&mut stream)?;
        stream.write_all(&words)?;
        stream.write_all(&words)
    }
    fn answers_the_last_client(mut stream: TcpStream) -> io::Result<()> {
        static LAST: Mutex<Vec<u8>> = Mutex::new(Vec::new());
        let words = read_all(&mut stream)?;
        let previous = std::mem::replace(
            &mut *LAST.lock().unwrap_or_else(PoisonError::into_inner),
            words,
        );
        stream.write_all(&previous)
    }
    let servers: [fn(TcpStream) -> io::Result<()>; 5] = [
        shouts,
        never_answers,
        cuts_short,
        says_twice,
        answers_the_last_client,
    ];
    for handler in servers {
        assert_eq!(own_words_verdicts(handler), [Verdict::No; 5]);
    }
}

/// `fetching_pages_through_a_pool`'s pages fetched through a pool of one:
/// one after another, so the three slow answers take three delays.
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
    assert_eq!(fetched_concurrently(took, DELAY, 3), Verdict::No);
}

#[test]
fn the_pool_burst_is_held_until_both_workers_are_busy() {
    // The same burst on the pool: exactly two at once, every time.
    for _ in 0..5 {
        let burst = net::echo_burst(Serving::Pool(2), 5, |stream| net::echo(stream).map(drop))
            .expect("the server starts");
        assert_eq!(burst.most_at_once, 2);
        assert_eq!(never_more_than(burst.most_at_once, 2), Verdict::Yes);
    }
}
