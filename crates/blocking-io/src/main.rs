//! The `blocking-io` lesson: threads for blocking I/O, and real parallelism
//! (Effective Python Items 53 and 64). The chapter is `book/src/blocking-io.md`.
//!
//! Read it top to bottom: `main` runs one function per section. Threads here
//! never print; they return what they measured, and the main thread prints
//! once it has joined them, so the output is the same on every run.

use std::env;
use std::io;
use std::num::NonZeroUsize;
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use blocking_io::shares::{self, Shared};
use blocking_io::verdict;
use blocking_io::{
    Line, NUMBERS, best_speed_up, divisors, fresh_tcp_socket, helicopter_location, one_thread_each,
    slow_system_call, wait_readable,
};

/// How long each slow call blocks (the notes' 0.1 s).
const TIMEOUT: Duration = Duration::from_millis(100);
/// How many slow calls the notes make.
const CALLS: u32 = 5;

fn main() -> ExitCode {
    if env::args().len() > 1 {
        eprintln!(
            "usage: blocking-io\n(the lesson takes no arguments: run `cargo run -p blocking-io`)"
        );
        return ExitCode::from(2);
    }
    let sections: [fn() -> io::Result<()>; 4] = [
        a_fresh_socket_is_ready_at_once,
        a_silent_line_blocks_for_its_whole_timeout,
        five_calls_in_sequence_take_five_timeouts,
        five_threads_wait_while_the_main_thread_computes,
    ];
    for section in sections {
        // Every section opens a socket; if the system has none left to give,
        // say so and stop, rather than print verdicts about nothing.
        if let Err(err) = section() {
            println!("error: {err}");
            return ExitCode::FAILURE;
        }
    }
    let cores = what_speed_up_to_expect_on_n_cores();
    let in_sequence = factorising_on_one_thread_per_number(cores);
    factorising_in_equal_shares_one_per_core(cores, &in_sequence);
    ExitCode::SUCCESS
}

// ANCHOR: fresh_socket
fn a_fresh_socket_is_ready_at_once() -> io::Result<()> {
    println!("== 1. The notes' slow call is not slow: a fresh socket is ready at once ==");
    // The notes block in `select([socket.socket()], [], [], 0.1)`. A socket
    // that was never connected has nobody on the other end, and Linux reports
    // that as a hang-up, which select and poll both count as "readable".
    let socket = fresh_tcp_socket()?;
    let started = Instant::now();
    let waited = wait_readable(&socket, TIMEOUT)?;
    let took = started.elapsed();
    println!("poll on a fresh, unconnected TCP socket returned {waited:?} after {took:.1?}");
    println!(
        "it blocked for its timeout: {}",
        verdict::blocked_for_its_timeout(waited)
    );
    Ok(())
}
// ANCHOR_END: fresh_socket

// ANCHOR: silent_line
fn a_silent_line_blocks_for_its_whole_timeout() -> io::Result<()> {
    println!("\n== 2. A line nobody writes to blocks for its whole timeout ==");
    // Our end of a socket pair whose other end stays open and silent: the
    // kernel has nothing to report, so the thread sleeps until the timeout.
    let line = Line::new()?;
    let started = Instant::now();
    let waited = line.wait_for_reply(TIMEOUT)?;
    let took = started.elapsed();
    println!("poll on a silent line returned {waited:?} after {took:.1?}");
    println!(
        "it blocked for at least its timeout of {TIMEOUT:.1?}: {}",
        verdict::blocked_for_at_least(waited, took, TIMEOUT)
    );
    Ok(())
}
// ANCHOR_END: silent_line

// ANCHOR: in_sequence
fn five_calls_in_sequence_take_five_timeouts() -> io::Result<()> {
    println!("\n== 3. Five calls in sequence take five timeouts ==");
    let started = Instant::now();
    for _ in 0..CALLS {
        slow_system_call(TIMEOUT)?;
    }
    let took = started.elapsed();
    // Each call lasts at least its timeout, so this holds on any machine.
    println!(
        "five calls, one after another, took {took:.1?}: at least five timeouts: {}",
        verdict::took_at_least_timeouts(took, TIMEOUT, CALLS)
    );
    println!("and for all of that time the main thread could do nothing else");
    Ok(())
}
// ANCHOR_END: in_sequence

// ANCHOR: five_threads
fn five_threads_wait_while_the_main_thread_computes() -> io::Result<()> {
    println!("\n== 4. Five threads wait together while the main thread computes ==");
    let _pictured = trace::region("five threads"); // what the chapter's picture shows
    let started = Instant::now();
    // One thread per call, as the notes start one `Thread` per call. Each
    // returns how long its own call blocked.
    let calls: Vec<thread::JoinHandle<io::Result<Duration>>> = (0..CALLS)
        .map(|_| {
            thread::spawn(|| {
                let started = Instant::now();
                slow_system_call(TIMEOUT)?;
                Ok(started.elapsed())
            })
        })
        .collect();
    // While those five sleep in the kernel, the main thread keeps working:
    // it plots the helicopter's next five positions.
    let course: Vec<(i32, i32)> = (0..CALLS).map(helicopter_location).collect();
    // Join all five before looking at any result, so none is left running.
    let joining = trace::waiting(trace::Wait::Join, "join");
    let results: Vec<io::Result<Duration>> = calls
        .into_iter()
        .map(|call| {
            call.join()
                .expect("slow_system_call returns errors, never panics")
        })
        .collect();
    joining.end();
    let blocked = results.into_iter().collect::<io::Result<Vec<Duration>>>()?;
    let took = started.elapsed();
    println!("meanwhile the main thread plotted the course {course:?}");
    println!(
        "each of the five calls blocked for at least its timeout: {}",
        verdict::each_blocked_for_at_least(&blocked, TIMEOUT)
    );
    // Five calls of 100 ms that overlap take about 100 ms; 300 ms leaves room
    // for a loaded machine, and is still far from the 500 ms the same calls
    // took one after another.
    println!(
        "all five took {took:.1?} together: less than three timeouts: {}",
        verdict::under_three_timeouts(took, TIMEOUT)
    );
    Ok(())
}
// ANCHOR_END: five_threads

// ANCHOR: expect_on_n_cores
fn what_speed_up_to_expect_on_n_cores() -> NonZeroUsize {
    println!("\n== 5. What speed-up to expect on N cores ==");
    // How many threads this machine can run at the same instant (cores, or
    // fewer if the process is limited to some); 1 if it cannot tell.
    let cores = thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    println!("available_parallelism says cores: {cores}");
    // `divisors(n)` does n trial divisions: the numbers are the jobs' sizes.
    let jobs = NUMBERS.map(|number| number.get());
    let total: u64 = jobs.iter().sum();
    let longest = jobs.iter().copied().max().unwrap_or(0);
    println!(
        "factorising the four numbers takes {total} trial divisions, the longest job {longest}"
    );
    println!("cores  one thread per number is at most");
    for n in [1, 2, 3, 4, 8].into_iter().filter_map(NonZeroUsize::new) {
        println!("{n:>5}  {:.2} times as fast", best_speed_up(&jobs, n));
    }
    cores
}
// ANCHOR_END: expect_on_n_cores

/// What `factorising_on_one_thread_per_number` found one after another, and
/// how long that took: `factorising_in_equal_shares_one_per_core` compares
/// its threads with the same run.
struct InSequence {
    divisors: Vec<Vec<u64>>,
    took: Duration,
}

// ANCHOR: factorising
fn factorising_on_one_thread_per_number(cores: NonZeroUsize) -> InSequence {
    println!("\n== 6. Factorising on one thread per number ==");
    let _pictured = trace::region("factorising"); // what the chapter's picture shows
    let started = Instant::now();
    let in_sequence: Vec<Vec<u64>> = NUMBERS.iter().map(|&number| divisors(number)).collect();
    let sequential = started.elapsed();

    // The same work, one thread per number. Each closure owns its number
    // (`move`); a `NonZeroU64` and a `Vec<u64>` are `Send`, so the compiler
    // lets them cross to another thread and back.
    let started = Instant::now();
    let on_threads: Vec<Vec<u64>> = one_thread_each(NUMBERS.map(|number| move || divisors(number)));
    let threaded = started.elapsed();

    for (number, divisors) in NUMBERS.iter().zip(&on_threads) {
        println!("{number} ==> {divisors:?}");
    }
    println!(
        "one thread per number found the same divisors as one thread for all: {}",
        verdict::same_divisors(&on_threads, &in_sequence)
    );
    // The speed-up moves with whatever else the machine is running, so no
    // verdict rests on it here: the bench measures it.
    let speed_up = sequential.as_secs_f64() / threaded.as_secs_f64();
    println!(
        "in sequence {sequential:.1?}, one thread each {threaded:.1?}: a speed-up of {speed_up:.2}x on cores: {cores}"
    );
    InSequence {
        divisors: in_sequence,
        took: sequential,
    }
}
// ANCHOR_END: factorising

// ANCHOR: equal_shares
fn factorising_in_equal_shares_one_per_core(cores: NonZeroUsize, in_sequence: &InSequence) {
    println!("\n== 7. Factorising in equal shares, one per core ==");
    // One thread per number again, each thread now counting its trial
    // divisions.
    let started = Instant::now();
    let per_number = shares::divisors_in_shares(&NUMBERS, shares::one_share_per_number(&NUMBERS));
    let per_number_took = started.elapsed();
    let counts: Vec<String> = per_number.divisions.iter().map(u64::to_string).collect();
    println!(
        "one thread per number: the threads did {} trial divisions",
        counts.join(", ")
    );
    print_balance("", &per_number);

    // The same row of candidates, cut into as many equal slices as there
    // are cores. How many that is varies by machine: its figures carry a `~`.
    let started = Instant::now();
    let equal = shares::divisors_in_shares(&NUMBERS, shares::equal_shares(&NUMBERS, cores));
    let equal_took = started.elapsed();
    let busiest = equal.divisions.iter().max().unwrap_or(&0);
    let least = equal.divisions.iter().min().unwrap_or(&0);
    println!(
        "equal shares, one per core (cores: {cores}): the busiest thread did ~{busiest}, the least busy ~{least}"
    );
    print_balance("~", &equal);

    let in_all = |shared: &Shared| shared.divisions.iter().sum::<u64>();
    println!(
        "in all, one thread per number did {} trial divisions, equal shares {}",
        in_all(&per_number),
        in_all(&equal)
    );
    println!(
        "equal shares found the same divisors as one thread for all: {}",
        verdict::same_divisors(&equal.divisors, &in_sequence.divisors)
    );
    // As with one thread per number, the times are shown but judged by the
    // bench.
    let speed_up = |took: Duration| in_sequence.took.as_secs_f64() / took.as_secs_f64();
    println!(
        "in sequence {:.1?}, one thread per number {per_number_took:.1?}, equal shares {equal_took:.1?}",
        in_sequence.took
    );
    println!(
        "speed-ups of {:.2}x and {:.2}x on cores: {cores}",
        speed_up(per_number_took),
        speed_up(equal_took)
    );
}

/// How the busiest thread of a split compares with the average, and the
/// verdict. `mark` is `~` where the average varies from machine to machine
/// (equal shares are as many as the cores); the ratio does not.
fn print_balance(mark: &str, shared: &Shared) {
    let total: u64 = shared.divisions.iter().sum();
    let threads = shared.divisions.len().max(1) as u64;
    let busiest = shared.divisions.iter().copied().max().unwrap_or(0);
    let average = total / threads;
    let ratio = busiest as f64 / average.max(1) as f64;
    println!(
        "the busiest did {ratio:.2} times the average of {mark}{average}: at most 1.1 times the average: {}",
        verdict::busiest_within_a_tenth_of_average(&shared.divisions)
    );
}
// ANCHOR_END: equal_shares
