//! The controls: every verdict the lesson prints, fed a run where its claim
//! is false, says "no". Where it can, each control really runs the broken
//! variant (a gcd that finds the smallest common divisor, a pool of one
//! thread, a worker that fails, threads given copies).

use std::cell::Cell;
use std::process::{Command, Stdio};
use std::thread;

use parallelism::verdict::{
    agrees_with_euclid, all_exited_cleanly, costs_more, distinct_threads, one_thread_per_core,
    read_in_place, same_answers, shared_out, yes,
};
use parallelism::{
    Handout, Pair, WORKER_ARG, address_range, gcd, gcds_in_processes, gcds_on_threads,
    gcds_with_rayon, pairs, process_start_cpu, thread_start_cpu,
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

#[test]
fn verdict_agrees_with_euclid_can_fail() {
    let input = small_input();
    let broken: Vec<u64> = input.iter().map(|&pair| broken_gcd(pair)).collect();
    assert_eq!(yes(agrees_with_euclid(&input, &broken)), "no");
    assert_eq!(yes(agrees_with_euclid(&input, &one_thread(&input))), "yes");
}

#[test]
fn verdict_scoped_threads_same_answers_can_fail() {
    let input = small_input();
    let shares = gcds_on_threads(&input, 4, broken_gcd, Handout::Borrow);
    let answers: Vec<u64> = shares.into_iter().flat_map(|share| share.answers).collect();
    assert_eq!(yes(same_answers(&one_thread(&input), &answers)), "no");
}

#[test]
fn verdict_rayon_same_answers_can_fail() {
    let input = small_input();
    let answers: Vec<u64> = gcds_with_rayon(&input, broken_gcd)
        .into_iter()
        .map(|(answer, _)| answer)
        .collect();
    assert_eq!(yes(same_answers(&one_thread(&input), &answers)), "no");
}

#[test]
fn verdict_one_thread_per_core_can_fail() {
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cores + 1)
        .build()
        .unwrap();
    let pool_threads = pool.install(rayon::current_num_threads);
    assert_eq!(yes(one_thread_per_core(pool_threads, cores)), "no");
}

#[test]
fn verdict_shared_out_can_fail() {
    // rayon in a pool of one thread: every pair on the same thread.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let answered = pool.install(|| gcds_with_rayon(&small_input(), gcd));
    let workers = distinct_threads(answered.into_iter().map(|(_, thread)| thread));
    assert_eq!(yes(shared_out(workers)), "no");
}

/// Four workers, the third of which is started with a wrong argument: it
/// prints its usage on stderr, answers nothing and exits with status 2.
fn run_with_a_failing_worker(input: &[Pair]) -> parallelism::ProcessRun {
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

#[test]
fn verdict_processes_same_answers_can_fail() {
    let input = small_input();
    let run = run_with_a_failing_worker(&input);
    assert_eq!(run.answers.len(), input.len() - 4); // the third chunk's four
    assert_eq!(yes(same_answers(&one_thread(&input), &run.answers)), "no");
}

#[test]
fn verdict_all_exited_cleanly_can_fail() {
    let input = small_input();
    let run = run_with_a_failing_worker(&input);
    let codes: Vec<Option<i32>> = run.statuses.iter().map(|status| status.code()).collect();
    assert_eq!(codes, [Some(0), Some(0), Some(2), Some(0)]);
    assert_eq!(yes(all_exited_cleanly(&run.statuses, 4)), "no");
    // And a clean run of fewer workers than expected is no better.
    let clean = gcds_in_processes(worker, &input, 2).unwrap();
    assert_eq!(yes(all_exited_cleanly(&clean.statuses, 2)), "yes");
    assert_eq!(yes(all_exited_cleanly(&clean.statuses, 4)), "no");
}

#[test]
fn verdict_costs_more_can_fail() {
    // The same two measurements, asked the other way round: does a thread
    // cost more to start than a process?
    let thread = thread_start_cpu(20);
    let process = process_start_cpu(worker, 5).unwrap();
    assert_eq!(yes(costs_more(process, thread)), "no");
}

#[test]
fn verdict_read_in_place_can_fail() {
    // Threads handed copies of their chunks, as processes must be.
    let input = small_input();
    let shares = gcds_on_threads(&input, 4, gcd, Handout::Copy);
    let views: Vec<_> = shares.iter().map(|share| share.read_from.clone()).collect();
    assert_eq!(yes(read_in_place(&address_range(&input), &views)), "no");
}
