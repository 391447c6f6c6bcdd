//! Pools instead of a thread per task: Python Cookbook 12.7 and Effective
//! Python Items 56-59, in Rust. Run it with `cargo run -p thread-pools`;
//! the chapter is `book/src/thread-pools.md`.

use std::convert::Infallible;
use std::io;
use std::sync::{Arc, Barrier, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use thread_pools::cost::{
    collatz_steps, default_stack_size, fastest_of, footprint_per_thread, spawn_and_join,
};
use thread_pools::net::{self, Server, Serving, Site};
use thread_pools::verdict::{
    all_on_pool_workers, faster, fetched_concurrently, got_its_own_words, more_than_a_microsecond,
    never_more_than, reserved_is_its_stack, same_answer, still_waiting, touched_under_a_tenth,
};
use thread_pools::{Gauge, JobError, ThreadPool, as_completed};

fn main() -> io::Result<()> {
    a_thread_costs_time_and_memory()?;
    workers_pull_jobs_from_a_channel()?;
    submit_returns_a_handle_and_failures_come_back()?;
    as_completed_yields_results_as_they_finish()?;
    a_pool_of_n_never_runs_more_than_n()?;
    a_thread_per_item_does_not_scale()?;
    an_echo_server_on_a_bounded_pool()?;
    fetching_pages_through_a_pool()?;
    Ok(())
}

// ANCHOR: a_thread_costs_time_and_memory
/// Effective Python Item 57: a new thread for every item costs time to start
/// and memory to hold. Here is how much.
fn a_thread_costs_time_and_memory() -> io::Result<()> {
    println!("== 1. A thread costs time and memory ==");
    // Memory first, while no thread has run yet: the C library keeps the
    // stacks of finished threads for reuse, which would hide new ones.
    const THREADS: u64 = 64;
    let default_kib = default_stack_size() as u64 / 1024;
    let small_kib = 64;
    let default = footprint_per_thread(THREADS, None)?;
    let small = footprint_per_thread(THREADS, Some(small_kib as usize * 1024))?;
    match (default, small) {
        (Some(default), Some(small)) => {
            println!(
                "{THREADS} threads alive at once, each with std's default stack ({default_kib} KiB):"
            );
            println!(
                "  reserved ~{} KiB of address space each: its stack and a few pages more: {}",
                default.reserved_kib,
                reserved_is_its_stack(default.reserved_kib, default_kib)
            );
            println!(
                "  resident ~{} KiB each: only the pages it touched, under a tenth of that: {}",
                default.resident_kib,
                touched_under_a_tenth(default.resident_kib, default.reserved_kib)
            );
            println!("{THREADS} threads with thread::Builder::stack_size({small_kib} KiB):");
            println!(
                "  reserved ~{} KiB each: its stack and a few pages more: {}",
                small.reserved_kib,
                reserved_is_its_stack(small.reserved_kib, small_kib)
            );
        }
        _ => println!("(memory per thread is read from /proc/self/status: Linux only)"),
    }

    const SPAWNS: u32 = 200;
    let per_thread = spawn_and_join(SPAWNS)?;
    println!(
        "starting and joining a thread, {SPAWNS} times: {per_thread:.1?} each: \
         more than a microsecond: {}",
        more_than_a_microsecond(per_thread)
    );
    Ok(())
}
// ANCHOR_END: a_thread_costs_time_and_memory

// ANCHOR: workers_pull_jobs_from_a_channel
/// Cookbook 12.7's own pool (a `Queue` and a few threads) and Effective
/// Python Item 58 (refactor to queues): a fixed set of workers pulls boxed
/// jobs from one channel. Dropping or shutting down the pool finishes what is
/// queued and joins every worker.
fn workers_pull_jobs_from_a_channel() -> io::Result<()> {
    println!("\n== 2. Workers pull jobs from a channel ==");
    let pool = ThreadPool::new(3)?;
    let (report_to, reports) = mpsc::channel();
    let _pictured = trace::region("workers"); // what the chapter's picture shows
    for job in 0..9 {
        let report_to = report_to.clone();
        // The first job is long and the other eight short, so the workers
        // free up at different times. (A sleep stands for a wait on I/O.)
        let length = Duration::from_millis(if job == 0 { 80 } else { 15 });
        trace::flow_out("job", job); // the picture's arrow: from here...
        // Each job reports which thread ran it; nobody waits on the
        // handles, and `let _` says so out loud.
        let _ = pool.submit(move || {
            trace::flow_in("job", job); // ...to the worker that took it
            let _asleep = trace::waiting(trace::Wait::Sleep, "the job");
            thread::sleep(length);
            let worker = thread::current().name().unwrap_or("unnamed").to_owned();
            report_to.send((job, worker))
        });
    }
    drop(report_to);
    // Some of the nine may still be queued here; shutdown runs them all first.
    let report = pool.shutdown();
    let (mut jobs, workers): (Vec<u64>, Vec<String>) = reports.try_iter().unzip();
    jobs.sort();
    println!(
        "shutdown joined {} workers, which ran {} jobs between them",
        report.workers_joined, report.jobs_run
    );
    println!("jobs that ran: {jobs:?}");
    println!(
        "every job ran on a pool worker, none on main: {}",
        all_on_pool_workers(&workers)
    );
    Ok(())
}
// ANCHOR_END: workers_pull_jobs_from_a_channel

// ANCHOR: submit_returns_a_handle_and_failures_come_back
/// Effective Python Item 59 and Cookbook 12.7's `pool.submit(...)` and
/// `a.result()`: a handle that blocks until its job has run; the job's
/// error, or its panic, comes back as an `Err`.
fn submit_returns_a_handle_and_failures_come_back() -> io::Result<()> {
    println!("\n== 3. submit returns a handle; errors and panics come back ==");
    // One worker, so every job below runs on the same thread, one by one.
    let pool = ThreadPool::new(1)?;

    let (open, gate) = mpsc::channel::<()>();
    let gated = pool.submit(move || gate.recv().map(|()| "opened"));
    println!(
        "before the gate opens, the job is still waiting: {}",
        still_waiting(&gated)
    );
    open.send(())
        .map_err(|_| io::Error::other("the gated job is gone"))?;
    println!("result() waited for the job: {:?}", gated.result());

    for text in ["17", "forty-two"] {
        let parsed = pool.submit(move || text.parse::<u32>());
        match parsed.result() {
            Ok(number) => println!("parse {text:?}: Ok({number})"),
            Err(err) => println!("parse {text:?}: Err({err})"),
        }
    }
    let doomed = pool.submit(|| -> Result<u32, io::Error> { panic!("a job that gives up") });
    match doomed.result() {
        Ok(_) => println!("the panicking job returned?"),
        Err(err) => println!("a job that panics: Err({err})"),
    }
    // The only worker ran the panicking job: if the panic had killed it,
    // this job would never run.
    let after = pool.submit(|| Ok::<_, Infallible>(6 * 7));
    println!("the same worker, after the panic: {:?}", after.result());
    Ok(())
}
// ANCHOR_END: submit_returns_a_handle_and_failures_come_back

// ANCHOR: as_completed_yields_results_as_they_finish
/// Cookbook 12.7's `as_completed` loop: results in the order the jobs
/// finish, not the order they were submitted.
fn as_completed_yields_results_as_they_finish() -> io::Result<()> {
    println!("\n== 4. as_completed yields results as they finish ==");
    let pool = ThreadPool::new(2)?;
    let (open, gate) = mpsc::channel::<()>();
    let names = ["slow", "quick", "broken"];
    let handles = vec![
        // Cannot finish until the gate opens, and the gate opens only after
        // the other two have come out of `as_completed`.
        pool.submit(move || gate.recv().map(|()| 3).map_err(|e| e.to_string())),
        pool.submit(|| Ok(1)),
        pool.submit(|| Err("bad input".to_string())),
    ];
    println!("submitted: {names:?}");
    let mut yielded = 0;
    for (index, result) in as_completed(handles) {
        match result {
            Ok(value) => println!("  {}: Ok({value})", names[index]),
            Err(err) => println!("  {}: Err({err})", names[index]),
        }
        yielded += 1;
        if yielded == 2 {
            open.send(())
                .map_err(|_| io::Error::other("the slow job is gone"))?;
        }
    }
    Ok(())
}
// ANCHOR_END: as_completed_yields_results_as_they_finish

// ANCHOR: a_pool_of_n_never_runs_more_than_n
/// Effective Python Item 59's `max_workers`, shown rather than assumed: a
/// gauge counts the jobs inside at once and keeps the highest count.
fn a_pool_of_n_never_runs_more_than_n() -> io::Result<()> {
    println!("\n== 5. A pool of N never runs more than N jobs at once ==");
    const WORKERS: usize = 4;
    const JOBS: usize = 40;
    let pool = ThreadPool::new(WORKERS)?;
    let gauge = Arc::new(Gauge::new());
    // Each job waits for WORKERS - 1 others to be inside too, so the gauge
    // does reach WORKERS; whether it can go past WORKERS is up to the pool.
    let meet = Arc::new(Barrier::new(WORKERS));
    let handles: Vec<_> = (0..JOBS)
        .map(|_| {
            let (gauge, meet) = (Arc::clone(&gauge), Arc::clone(&meet));
            pool.submit(move || {
                let _inside = gauge.enter();
                meet.wait();
                Ok::<_, Infallible>(())
            })
        })
        .collect();
    let finished = handles.into_iter().filter_map(|h| h.result().ok()).count();
    println!(
        "{JOBS} jobs on a pool of {WORKERS}: {finished} finished, most at once: {}: never more than {WORKERS}: {}",
        gauge.peak(),
        never_more_than(gauge.peak(), WORKERS)
    );

    // The same jobs with a thread each: nothing bounds them.
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
    println!(
        "{JOBS} jobs with a thread each: most at once: {}",
        gauge.peak()
    );
    Ok(())
}
// ANCHOR_END: a_pool_of_n_never_runs_more_than_n

// ANCHOR: a_thread_per_item_does_not_scale
/// Effective Python Item 57: don't create a thread per fan-out item. Many
/// small jobs, a thread each, against the same jobs on a pool of four.
fn a_thread_per_item_does_not_scale() -> io::Result<()> {
    println!("\n== 6. A thread per item does not scale ==");
    const ITEMS: u64 = 1000;
    // Fastest of three runs each, the least disturbed by the rest of the machine.
    let (per_item, per_item_total) = fastest_of(3, || {
        let threads: Vec<_> = (1..=ITEMS)
            .map(|n| thread::spawn(move || collatz_steps(n)))
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().expect("collatz_steps does not panic"))
            .sum::<u64>()
    });
    let pool = ThreadPool::new(4)?;
    let (pooled, pooled_total) = fastest_of(3, || {
        let handles: Vec<_> = (1..=ITEMS)
            .map(|n| pool.submit(move || Ok::<_, Infallible>(collatz_steps(n))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.result().expect("collatz_steps does not panic"))
            .sum::<u64>()
    });
    let threads_started = pool.shutdown().workers_joined;
    println!("{ITEMS} small jobs, a thread each: {per_item:.1?} ({ITEMS} threads started)");
    println!("{ITEMS} small jobs on a pool: {pooled:.1?} ({threads_started} threads started)");
    println!(
        "same answer ({per_item_total}): {}; the pool was faster: {}",
        same_answer(&per_item_total, &pooled_total),
        faster(pooled, per_item)
    );
    Ok(())
}
// ANCHOR_END: a_thread_per_item_does_not_scale

// ANCHOR: an_echo_server_on_a_bounded_pool
/// Cookbook 12.7's echo server: a pool serves the connections, so a burst of
/// clients cannot start a burst of threads.
fn an_echo_server_on_a_bounded_pool() -> io::Result<()> {
    println!("\n== 7. An echo server on a bounded pool ==");
    const WORKERS: usize = 2;
    const CLIENTS: usize = 5;
    // Five clients at once. Every connection the server takes up is held
    // until all five are either being served or queued for a worker, so a
    // server with no bound would be serving all five at once.
    let burst = net::echo_burst(Serving::Pool(WORKERS), CLIENTS, |stream| {
        net::echo(stream).map(drop)
    })?;
    for (i, (reply, sent)) in burst.replies.iter().zip(&burst.sent).enumerate() {
        match reply {
            Ok(bytes) => println!(
                "client {i}: got back {:?}: its own words: {}",
                String::from_utf8_lossy(bytes),
                got_its_own_words(bytes, sent)
            ),
            Err(err) => println!("client {i}: error: {:?}", err.kind()),
        }
    }
    println!(
        "the server took {} connections, {} failed; most served at once: {}: \
         never more than {WORKERS}: {}",
        burst.report.connections,
        burst.report.errors.len(),
        burst.most_at_once,
        never_more_than(burst.most_at_once, WORKERS)
    );

    // The same burst on a server with a thread per connection: no bound.
    let unbounded = net::echo_burst(Serving::ThreadPerConnection, CLIENTS, |stream| {
        net::echo(stream).map(drop)
    })?;
    println!(
        "the same clients, a thread per connection: most served at once: {}",
        unbounded.most_at_once
    );
    Ok(())
}
// ANCHOR_END: an_echo_server_on_a_bounded_pool

// ANCHOR: fetching_pages_through_a_pool
/// Cookbook 12.7's page fetcher and Effective Python Item 56 (know when you
/// need concurrency: many independent jobs that each mostly wait). Three
/// pages from the lesson's own slow server, and one address where nothing
/// listens, fetched through a pool and collected with `as_completed`.
fn fetching_pages_through_a_pool() -> io::Result<()> {
    println!("\n== 8. Fetching pages through a pool ==");
    const DELAY: Duration = Duration::from_millis(100);
    let site = Site {
        pages: vec![
            ("/", "<h1>the front page</h1>\n"),
            ("/about", "<p>a course on concurrency</p>\n"),
        ],
        delay: DELAY,
    };
    let server = Server::start(4, move |stream| net::serve_page(stream, &site))?;
    let (up, down) = (server.addr(), net::refused_addr()?);
    let requests = [("/", up), ("/about", up), ("/missing", up), ("/", down)];

    let pool = ThreadPool::new(4)?;
    let started = Instant::now();
    let handles = requests.map(|(path, addr)| pool.submit(move || net::fetch(addr, path)));
    let mut results: Vec<_> = as_completed(handles).collect();
    let took = started.elapsed();
    results.sort_by_key(|(index, _)| *index); // they finished in any order; print in a fixed one
    for (index, result) in results {
        let (path, addr) = requests[index];
        let place = if addr == up {
            "the server"
        } else {
            "a closed port"
        };
        match result {
            Ok(page) => println!("{path} from {place}: {} bytes", page.len()),
            Err(JobError::Failed(err)) => println!("{path} from {place}: error: {err}"),
            Err(JobError::Panicked(why)) => println!("{path} from {place}: panicked: {why}"),
        }
    }
    let report = server.shutdown()?;
    println!(
        "the server answered {} requests, each after {DELAY:.1?}; all four took {took:.1?}: \
         fetched concurrently: {}",
        report.connections,
        fetched_concurrently(took, DELAY, 3)
    );
    Ok(())
}
// ANCHOR_END: fetching_pages_through_a_pool
