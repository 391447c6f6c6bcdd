//! The `parallelism` lesson: true parallelism with threads, rayon and
//! processes (Effective Python Item 64). The chapter is
//! `book/src/parallelism.md`.
//!
//! Read it top to bottom: `main` runs one function per section. One
//! CPU-bound workload (the greatest common divisors of 40 pairs, found the
//! slow way) runs on one thread, on scoped threads, on rayon's pool and in
//! worker processes; every parallel run's answers are checked against the
//! first. Timings vary and are redacted in the snapshot; the verdicts beside
//! them do not depend on timing.
//!
//! Run as `parallelism --gcd-worker`, the program is one of the worker
//! processes of `worker_processes_over_pipes` instead: it reads pairs from
//! stdin and writes their gcds to stdout, and nothing else.

use std::env;
use std::io::{self, BufRead, BufWriter};
use std::path::{Path, PathBuf};
use std::process::{self, Command, ExitCode};
use std::thread;
use std::time::{Duration, Instant};

use parallelism::verdict::{
    agrees_with_euclid, all_exited_cleanly, costs_more, distinct_threads, one_thread_per_core,
    read_in_place, same_answers, shared_out,
};
use parallelism::{
    Handout, Pair, ProcessRun, WORKER_ARG, address_range, candidates_tried, euclid,
    fastest_process_start, fastest_thread_start, gcd, gcds_in_processes, gcds_on_threads,
    gcds_with_rayon, pairs, process_start_cpu, serve, thread_start_cpu,
};

/// The input: `PAIRS` pairs of numbers in `LOW..HIGH`, from `SEED`. Sized so
/// that one thread takes about 200 ms in a debug build.
const SEED: u64 = 64;
const PAIRS: usize = 40;
const LOW: u64 = 2_000_000;
const HIGH: u64 = 5_000_000;
/// How many threads, and how many processes, share the pairs out.
const WORKERS: usize = 4;
/// How many times each kind of empty worker is started, keeping the fastest.
const THREAD_STARTS: usize = 20;
const PROCESS_STARTS: usize = 5;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {}
        [arg] if arg == WORKER_ARG => return gcd_worker(),
        _ => {
            eprintln!(
                "usage: parallelism\n(the lesson takes no arguments: run `cargo run -p parallelism`)"
            );
            return ExitCode::from(2);
        }
    }
    let pairs = pairs(SEED, PAIRS, LOW, HIGH);
    let one_thread = the_items_workload_on_one_thread(&pairs);
    threads_run_in_parallel(&pairs, &one_thread);
    let sent = worker_processes_over_pipes(&pairs, &one_thread);
    what_a_process_costs_that_a_thread_does_not(&pairs, sent);
    ExitCode::SUCCESS
}

/// What one thread answered, and how long it took: every later run is
/// compared with it.
struct OneThread {
    answers: Vec<u64>,
    took: Duration,
}

// ANCHOR: one_thread
fn the_items_workload_on_one_thread(pairs: &[Pair]) -> OneThread {
    println!("== 1. The Item's workload on one thread ==");
    let candidates: u64 = pairs.iter().map(|&pair| candidates_tried(pair)).sum();
    println!(
        "{PAIRS} pairs of numbers from {LOW} to {}, from seed {SEED}",
        HIGH - 1
    );
    println!("the slow gcd tries {candidates} candidate divisors in all");
    let started = Instant::now();
    let answers: Vec<u64> = pairs.iter().map(|&pair| gcd(pair)).collect();
    let took = started.elapsed();
    println!("one thread took {took:.1?}");
    println!("the first ten answers: {:?}", &answers[..10]);
    println!(
        "every answer agrees with Euclid's algorithm: {}",
        agrees_with_euclid(pairs, &answers)
    );
    OneThread { answers, took }
}
// ANCHOR_END: one_thread

// ANCHOR: threads_in_parallel
fn threads_run_in_parallel(pairs: &[Pair], one_thread: &OneThread) {
    println!("\n== 2. Threads run in parallel: thread::scope and rayon ==");
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    let best = cores.min(WORKERS);
    println!(
        "cores: {cores} (available_parallelism); {WORKERS} workers can go at most {best:.2}x one thread's speed",
        best = best as f64
    );

    // Scoped threads: each borrows a quarter of `pairs` and returns its
    // answers through `join`; `thread::scope` joins them all.
    let pictured = trace::region("scoped threads"); // what the chapter's picture shows
    let started = Instant::now();
    let shares = gcds_on_threads(pairs, WORKERS, gcd, Handout::Borrow);
    let took = started.elapsed();
    pictured.end();
    let answers: Vec<u64> = shares
        .iter()
        .flat_map(|share| share.answers.clone())
        .collect();
    println!(
        "{WORKERS} scoped threads took {took:.1?}: {:.2}x one thread's speed",
        speed_up(one_thread.took, took)
    );
    println!(
        "  same answers as one thread: {}",
        same_answers(&one_thread.answers, &answers)
    );

    // rayon: the same map, with `par_iter` for `iter`. Its global pool
    // starts one thread per core the first time it is used.
    let started = Instant::now();
    let answered = gcds_with_rayon(pairs, gcd);
    let took = started.elapsed();
    let answers: Vec<u64> = answered.iter().map(|&(answer, _)| answer).collect();
    let workers = distinct_threads(answered.iter().map(|&(_, thread)| thread));
    println!(
        "rayon's par_iter took {took:.1?}: {:.2}x one thread's speed",
        speed_up(one_thread.took, took)
    );
    println!(
        "  same answers as one thread: {}",
        same_answers(&one_thread.answers, &answers)
    );
    println!(
        "  rayon's pool has one thread per core: {}",
        one_thread_per_core(rayon::current_num_threads(), cores)
    );
    println!(
        "  threads that computed pairs: ~{workers}: more than one: {}",
        shared_out(workers)
    );
}
// ANCHOR_END: threads_in_parallel

// ANCHOR: processes
/// Returns the bytes sent to the workers, which
/// `what_a_process_costs_that_a_thread_does_not` prints.
fn worker_processes_over_pipes(pairs: &[Pair], one_thread: &OneThread) -> Option<usize> {
    println!("\n== 3. Worker processes over pipes ==");
    let me = match env::current_exe() {
        Ok(me) => me,
        Err(err) => {
            println!("cannot find this program to run it as a worker: {err}");
            return None;
        }
    };
    println!("{WORKERS} worker processes, each this program run as `parallelism {WORKER_ARG}`");
    let pictured = trace::region("processes"); // what the chapter's picture shows
    let started = Instant::now();
    let run = gcds_in_processes(|| worker(&me), pairs, WORKERS);
    let took = started.elapsed();
    pictured.end();
    let ProcessRun {
        answers,
        bytes_sent,
        bytes_received,
        statuses,
    } = match run {
        Ok(run) => run,
        Err(err) => {
            println!("the workers failed: {err}");
            return None;
        }
    };
    println!(
        "they took {took:.1?}: {:.2}x one thread's speed",
        speed_up(one_thread.took, took)
    );
    println!(
        "same answers as one thread: {}",
        same_answers(&one_thread.answers, &answers)
    );
    println!(
        "the pairs went out as {bytes_sent} bytes of text; the answers came back as {bytes_received}"
    );
    println!(
        "every worker exited with status 0 and was reaped: {}",
        all_exited_cleanly(&statuses, WORKERS)
    );
    Some(bytes_sent)
}

/// This program, as a worker: reads pairs, writes gcds, exits.
fn gcd_worker() -> ExitCode {
    // The chapter's picture draws this process as a lane named "worker",
    // an arrow from the parent's write to the moment the pairs are here and
    // one back with the answers, each named by this process's id (the
    // parent knows it as its child's).
    trace::name_thread("worker");
    let me = u64::from(process::id());
    let mut stdin = io::stdin().lock();
    if stdin.fill_buf().is_ok_and(|pairs| !pairs.is_empty()) {
        trace::flow_in("pairs", me);
    }
    let stdout = BufWriter::new(io::stdout().lock());
    match serve(stdin, stdout) {
        Ok(answered) => {
            if answered > 0 {
                trace::flow_out("gcds", me);
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("gcd worker: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The command that starts one worker.
fn worker(me: &Path) -> Command {
    let mut command = Command::new(me);
    command.arg(WORKER_ARG);
    command
}
// ANCHOR_END: processes

// ANCHOR: process_costs
fn what_a_process_costs_that_a_thread_does_not(pairs: &[Pair], sent: Option<usize>) {
    println!("\n== 4. What a process costs that a thread does not ==");
    let thread = fastest_thread_start(THREAD_STARTS);
    let thread_cpu = thread_start_cpu(THREAD_STARTS as u32);
    println!(
        "start and join an empty thread: {thread:.1?} (the fastest of {THREAD_STARTS}), \
         {thread_cpu:.1?} of CPU time each"
    );
    let me: Option<PathBuf> = env::current_exe().ok();
    let process = me.map(|me| {
        let fastest = fastest_process_start(|| worker(&me), PROCESS_STARTS)?;
        let cpu = process_start_cpu(|| worker(&me), PROCESS_STARTS as u32)?;
        Ok::<_, std::io::Error>((fastest, cpu))
    });
    match process {
        Some(Ok((process, process_cpu))) => {
            println!(
                "start and wait for an empty worker process: {process:.1?} (the fastest of \
                 {PROCESS_STARTS}), {process_cpu:.1?} of CPU time each"
            );
            // Judged on CPU time: a wall-clock start includes waiting for a
            // free core, which on a busy machine can swamp either figure.
            println!(
                "a process takes {:.1}x the CPU time: costs more to start than a thread: {}",
                speed_up(process_cpu, thread_cpu),
                costs_more(thread_cpu, process_cpu)
            );
        }
        Some(Err(err)) => println!("could not start a worker process: {err}"),
        None => println!("cannot find this program to run it as a worker"),
    }

    // Threads read the caller's memory; a process can only be sent a copy.
    let shares = gcds_on_threads(pairs, WORKERS, euclid, Handout::Borrow);
    let views: Vec<_> = shares.iter().map(|share| share.read_from.clone()).collect();
    println!(
        "the {WORKERS} threads read the pairs in place, inside main's vector: {}",
        read_in_place(&address_range(pairs), &views)
    );
    match sent {
        Some(sent) => println!(
            "the {WORKERS} processes got a copy instead: {sent} bytes written to pipes, parsed back into numbers"
        ),
        None => println!("(the worker processes did not run)"),
    }
}
// ANCHOR_END: process_costs

/// How many times faster `fast` was than `slow`, as a ratio.
fn speed_up(slow: Duration, fast: Duration) -> f64 {
    slow.as_secs_f64() / fast.as_secs_f64().max(f64::MIN_POSITIVE)
}
