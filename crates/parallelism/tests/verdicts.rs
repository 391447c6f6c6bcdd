//! The controls: every verdict function the lesson prints, fed the evidence
//! of a broken variant run for real, answers "no" where the snapshot says
//! "yes" (`verdict_<name>_can_fail`, one per function in `src/verdict.rs`):
//! a gcd that finds the smallest common divisor, scoped threads whose
//! answers are gathered as they finish, a worker that fails, a rayon pool
//! sized the way Python sizes its thread pools, a pool of one thread,
//! threads handed copies, and a thread whose start is not empty.

use std::cell::Cell;
use std::hint::black_box;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;

use kit::Verdict;
use parallelism::verdict::{
    agrees_with_euclid, all_exited_cleanly, costs_more, distinct_threads, one_thread_per_core,
    read_in_place, same_answers, shared_out,
};
use parallelism::{
    Handout, Pair, ProcessRun, WORKER_ARG, address_range, gcd, gcds_in_processes, gcds_on_threads,
    gcds_with_rayon, pairs, process_start_cpu, thread_cpu,
};

const LESSON: &str = env!("CARGO_BIN_EXE_parallelism");

fn worker() -> Command {
    let mut command = Command::new(LESSON);
    command.arg(WORKER_ARG);
    command
}

/// The smallest common divisor (counting up from 1), not the greatest:
/// almost always 1.
fn broken_gcd((a, b): Pair) -> u64 {
    (1..=a.min(b))
        .find(|d| a % d == 0 && b % d == 0)
        .expect("1 divides both")
}

fn small_input() -> Vec<Pair> {
    // Among them pairs whose gcd is not 1, or the broken gcd would pass.
    let input = pairs(7, 13, 1_000, 5_000);
    assert!(input.iter().any(|&pair| gcd(pair) > 1));
    input
}

fn one_thread(input: &[Pair]) -> Vec<u64> {
    input.iter().map(|&pair| gcd(pair)).collect()
}

/// `the_items_workload_on_one_thread`'s check, given a gcd that stops at
/// the first common divisor counting up instead of down.
#[test]
fn verdict_agrees_with_euclid_can_fail() {
    let input = small_input();
    let broken: Vec<u64> = input.iter().map(|&pair| broken_gcd(pair)).collect();
    assert_eq!(agrees_with_euclid(&input, &broken), Verdict::No);
}

/// Four scoped threads, each computing its chunk and sending the answers
/// the moment it is done, gathered in the order they arrive instead of in
/// chunk order; the first chunk is held back until the other three have
/// arrived, so it finishes last, as it may on any run.
fn gathered_as_they_finish(input: &[Pair]) -> Vec<u64> {
    let chunks: Vec<&[Pair]> = input.chunks(input.len().div_ceil(4)).collect();
    assert_eq!(chunks.len(), 4);
    let (done, arrivals) = mpsc::channel::<Vec<u64>>();
    let (go, first_may_start) = mpsc::channel::<()>();
    let mut first_may_start = Some(first_may_start);
    thread::scope(|s| {
        for (i, chunk) in chunks.into_iter().enumerate() {
            let done = done.clone();
            let held_back = if i == 0 { first_may_start.take() } else { None };
            s.spawn(move || {
                if let Some(signal) = held_back {
                    signal.recv().expect("main sends the signal");
                }
                let answers = chunk.iter().map(|&pair| gcd(pair)).collect();
                done.send(answers).expect("main is receiving");
            });
        }
        let mut answers: Vec<u64> = arrivals.iter().take(3).flatten().collect();
        go.send(()).expect("the first chunk's thread is waiting");
        answers.extend(arrivals.recv().expect("the first chunk arrives"));
        answers
    })
}

/// Four workers, the third of which is started with a wrong argument: it
/// prints its usage on stderr, answers nothing and exits with status 2.
fn run_with_a_failing_worker(input: &[Pair]) -> ProcessRun {
    let started = Cell::new(0);
    gcds_in_processes(
        || {
            started.set(started.get() + 1);
            if started.get() == 3 {
                let mut command = Command::new(LESSON);
                command.arg("--gcd-wroker").stderr(Stdio::null());
                command
            } else {
                worker()
            }
        },
        input,
        4,
    )
    .expect("the other three workers start and answer")
}

/// "Same answers as one thread", printed by three sections, each with its
/// own way to go wrong: scoped threads gathered as they finish, rayon with
/// the broken gcd, and worker processes one of which fails.
#[test]
fn verdict_same_answers_can_fail() {
    let input = small_input();
    let expected = one_thread(&input);

    let gathered = gathered_as_they_finish(&input);
    assert_eq!(gathered.len(), expected.len()); // every answer, out of order
    assert_eq!(same_answers(&expected, &gathered), Verdict::No);

    let by_rayon: Vec<u64> = gcds_with_rayon(&input, broken_gcd)
        .into_iter()
        .map(|(answer, _)| answer)
        .collect();
    assert_eq!(same_answers(&expected, &by_rayon), Verdict::No);

    let run = run_with_a_failing_worker(&input);
    assert_eq!(run.answers.len(), input.len() - 4); // the third chunk's four
    assert_eq!(same_answers(&expected, &run.answers), Verdict::No);
}

/// rayon's pool sized the way Python sizes a `ThreadPoolExecutor` when
/// given no `max_workers`: `min(32, cores + 4)` threads, more than the
/// cores.
#[test]
fn verdict_one_thread_per_core_can_fail() {
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(32.min(cores + 4))
        .build()
        .expect("the OS can start a few threads");
    let pool_threads = pool.install(rayon::current_num_threads);
    assert_eq!(one_thread_per_core(pool_threads, cores), Verdict::No);
}

/// `par_iter` in a rayon pool of one thread: every pair on the same thread.
#[test]
fn verdict_shared_out_can_fail() {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("the OS can start a thread");
    let answered = pool.install(|| gcds_with_rayon(&small_input(), gcd));
    let workers = distinct_threads(answered.into_iter().map(|(_, thread)| thread));
    assert_eq!(shared_out(workers), Verdict::No);
}

/// The run with a failing third worker: it was reaped, with status 2.
#[test]
fn verdict_all_exited_cleanly_can_fail() {
    let run = run_with_a_failing_worker(&small_input());
    let codes: Vec<Option<i32>> = run.statuses.iter().map(|status| status.code()).collect();
    assert_eq!(codes, [Some(0), Some(0), Some(2), Some(0)]);
    assert_eq!(all_exited_cleanly(&run.statuses, 4), Verdict::No);
}

/// A thread that does at its start what a process's start does to a new
/// address space, and more: it fills 64 MiB of fresh pages (16 384 page
/// faults, each a trip into the kernel, and the zeroing of every page).
fn fill_fresh_pages() {
    let mut memory = vec![0_u8; 64 << 20];
    for page in memory.chunks_mut(4096) {
        page[0] = 1;
    }
    black_box(&memory);
}

/// `what_a_process_costs_that_a_thread_does_not`'s comparison, with the
/// empty thread replaced by one whose start is not empty: now the thread
/// costs more CPU time than the empty worker process.
#[test]
fn verdict_costs_more_can_fail() {
    let heavy_thread = thread_cpu(3, fill_fresh_pages);
    let process = process_start_cpu(worker, 3).expect("the lesson's binary starts");
    assert_eq!(
        costs_more(heavy_thread, process),
        Verdict::No,
        "a thread filling 64 MiB took {heavy_thread:?} of CPU time, a process start {process:?}"
    );
}

/// `gcds_on_threads` handing each thread a copy of its chunk, as a process
/// must be handed one.
#[test]
fn verdict_read_in_place_can_fail() {
    let input = small_input();
    let shares = gcds_on_threads(&input, 4, gcd, Handout::Copy);
    let views: Vec<_> = shares.iter().map(|share| share.read_from.clone()).collect();
    assert_eq!(read_in_place(&address_range(&input), &views), Verdict::No);
}
