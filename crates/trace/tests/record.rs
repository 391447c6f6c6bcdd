//! The recorder end to end: each test runs itself again as a child process
//! with `COURSE_TRACE` set (the recorder reads it once, at its first call),
//! lets the child end normally, and reads back the trace it left: valid
//! JSON in the Chrome trace format, with what the child did in it.
//!
//! No test here turns the recorder on in this process, so the last one can
//! check that off records nothing.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use serde_json::Value;

const CHILD: &str = "TRACE_TEST_CHILD";

/// A span of one lane: its tid, start and end (µs).
type Interval = (u64, f64, f64);

/// Runs the test `name` of this binary again in a child process, recording
/// to `trace` (a `{pid}` in it left for the recorder to fill in).
fn run_child(name: &str, trace: &Path) {
    let exe = env::current_exe().expect("a test knows its own executable");
    let output = Command::new(exe)
        .args([name, "--exact", "--test-threads=1", "--nocapture"])
        .env(CHILD, "1")
        .env(trace::ENV, trace)
        .output()
        .expect("the test binary runs again as a child");
    assert!(
        output.status.success(),
        "the child failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

fn is_child() -> bool {
    env::var_os(CHILD).is_some()
}

fn scratch(name: &str) -> PathBuf {
    let dir = env::temp_dir().join(format!("trace-test-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory in the temp dir");
    dir
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("no trace at {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON: {e}\n{text}"))
}

fn events(trace: &Value) -> &Vec<Value> {
    trace["traceEvents"]
        .as_array()
        .expect("traceEvents is a list")
}

/// The events of category `cat`.
fn of<'a>(trace: &'a Value, cat: &str) -> Vec<&'a Value> {
    events(trace).iter().filter(|e| e["cat"] == cat).collect()
}

/// The tid of the lane named `name`.
fn lane(trace: &Value, name: &str) -> u64 {
    events(trace)
        .iter()
        .find(|e| e["name"] == "thread_name" && e["args"]["name"] == name)
        .and_then(|e| e["tid"].as_u64())
        .unwrap_or_else(|| panic!("no lane named {name}"))
}

fn micros(event: &Value, field: &str) -> f64 {
    event[field]
        .as_f64()
        .unwrap_or_else(|| panic!("{field} in {event}"))
}

#[test]
fn spans_hand_offs_and_thread_names_are_written_when_the_program_ends() {
    if is_child() {
        let _shown = trace::region("the test");
        let (tx, rx) = mpsc::channel();
        let sleeper = thread::Builder::new()
            .name("sleeper".into())
            .spawn(move || {
                {
                    let _asleep = trace::waiting(trace::Wait::Sleep, "sleep");
                    thread::sleep(Duration::from_millis(20));
                }
                trace::flow_out("put", 7);
                tx.send(()).expect("the taker waits for it");
            })
            .expect("a thread starts");
        let taker = thread::Builder::new()
            .name("taker".into())
            .spawn(move || {
                rx.recv().expect("the sleeper sends once");
                trace::flow_in("put", 7);
                trace::instant("took it");
            })
            .expect("a thread starts");
        sleeper.join().expect("the sleeper does not panic");
        taker.join().expect("the taker does not panic");
        return; // no finish(): the program's end writes the trace
    }
    let dir = scratch("spans");
    let path = dir.join("t.json");
    run_child(
        "spans_hand_offs_and_thread_names_are_written_when_the_program_ends",
        &path,
    );
    let trace = read(&path);
    for event in events(&trace) {
        for field in ["ph", "ts", "pid", "tid"] {
            assert!(!event[field].is_null(), "{field} missing from {event}");
        }
    }
    let sleeper = lane(&trace, "sleeper");
    let taker = lane(&trace, "taker");
    assert_ne!(sleeper, taker);

    let sleeps = of(&trace, "wait.sleep");
    assert_eq!(sleeps.len(), 1, "one sleep span");
    assert_eq!(sleeps[0]["ph"], "X");
    assert_eq!(sleeps[0]["tid"], sleeper);
    assert!(micros(sleeps[0], "dur") >= 20_000.0, "{}", sleeps[0]);

    let out: Vec<_> = events(&trace).iter().filter(|e| e["ph"] == "s").collect();
    let into: Vec<_> = events(&trace).iter().filter(|e| e["ph"] == "f").collect();
    assert_eq!((out.len(), into.len()), (1, 1), "one hand-off");
    assert_eq!(
        (&out[0]["id"], &into[0]["id"]),
        (&Value::from(7), &Value::from(7))
    );
    assert_eq!(
        (&out[0]["tid"], &into[0]["tid"]),
        (&Value::from(sleeper), &Value::from(taker))
    );
    assert!(micros(into[0], "ts") >= micros(out[0], "ts"));
    // Each end of the hand-off sits in a slice of its own, for Perfetto.
    assert_eq!(
        of(&trace, "hand-off")
            .iter()
            .filter(|e| e["ph"] == "X")
            .count(),
        2
    );
    let sleep_end = micros(sleeps[0], "ts") + micros(sleeps[0], "dur");
    assert!(micros(out[0], "ts") >= sleep_end);

    let regions = of(&trace, "region");
    assert_eq!(regions.len(), 1);
    let region_end = micros(regions[0], "ts") + micros(regions[0], "dur");
    assert!(
        region_end >= micros(into[0], "ts"),
        "the region spans the threads"
    );
    assert_eq!(of(&trace, "instant").len(), 1);
    assert_eq!(trace["otherData"]["dropped"], 0);
    std::fs::remove_dir_all(dir).expect("the scratch directory is ours");
}

#[test]
fn a_pid_in_the_file_name_is_the_process_id() {
    if is_child() {
        let _running = trace::running("something");
        return;
    }
    let dir = scratch("pid");
    run_child(
        "a_pid_in_the_file_name_is_the_process_id",
        &dir.join("t.{pid}.json"),
    );
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the scratch directory")
        .map(|e| e.expect("an entry").path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0]
        .file_name()
        .expect("a file")
        .to_string_lossy()
        .into_owned();
    let trace = read(&files[0]);
    let pid = events(&trace)[0]["pid"].as_u64().expect("a pid");
    assert_eq!(name, format!("t.{pid}.json"));
    std::fs::remove_dir_all(dir).expect("the scratch directory is ours");
}

#[test]
fn a_child_process_gets_a_lane_its_parent_draws() {
    if is_child() {
        let mut sleeper = Command::new("sleep")
            .arg("0.02")
            .spawn()
            .expect("sleep starts");
        let asleep = trace::child("child 1", trace::Wait::Sleep, "sleep 0.02");
        {
            let _reaping = trace::waiting(trace::Wait::Join, "wait");
            assert!(sleeper.wait().expect("sleep is reaped").success());
        }
        asleep.end();
        return;
    }
    let dir = scratch("child");
    let path = dir.join("t.json");
    run_child("a_child_process_gets_a_lane_its_parent_draws", &path);
    let trace = read(&path);
    let child = lane(&trace, "child 1");
    let sleeps = of(&trace, "wait.sleep");
    assert_eq!(sleeps.len(), 1, "one span on the child's lane");
    assert_eq!(sleeps[0]["tid"], child);
    assert_eq!(sleeps[0]["name"], "sleep 0.02");
    assert!(micros(sleeps[0], "dur") >= 20_000.0, "{}", sleeps[0]);
    let waits = of(&trace, "wait.join");
    assert_eq!(waits.len(), 1);
    assert_ne!(
        waits[0]["tid"], child,
        "the parent waits on a lane of its own"
    );
    assert_eq!(
        waits[0]["pid"], sleeps[0]["pid"],
        "both lanes are the parent's"
    );
    std::fs::remove_dir_all(dir).expect("the scratch directory is ours");
}

/// A lock taken 10 000 times in a row, each wait for it and each hold
/// marked `often`: the holds come out as a few runs, the waits too short to
/// see not at all, and the one long wait (1 ms) as itself. Without `often`
/// the trace would hold 20 000 spans. (A busy machine may preempt the
/// thread for more than the resolution between two holds, which starts a
/// new run, or during a wait, which keeps it: so "a few", not "one".)
#[test]
fn spans_taken_often_are_joined_and_short_waits_left_out() {
    if is_child() {
        for turn in 0..10_000 {
            let waiting = trace::waiting(trace::Wait::Lock, "count").often();
            if turn == 5_000 {
                thread::sleep(Duration::from_millis(1));
            }
            waiting.end();
            let _holding = trace::holding("count").often();
        }
        return;
    }
    let dir = scratch("often");
    let path = dir.join("t.json");
    run_child(
        "spans_taken_often_are_joined_and_short_waits_left_out",
        &path,
    );
    let trace = read(&path);
    let span = |e: &Value| (micros(e, "ts"), micros(e, "ts") + micros(e, "dur"));
    let waits: Vec<(f64, f64)> = of(&trace, "wait.lock").into_iter().map(span).collect();
    let holds: Vec<(f64, f64)> = of(&trace, "hold").into_iter().map(span).collect();
    assert!(
        (1..50).contains(&waits.len()),
        "the long wait, and few others: {waits:?}"
    );
    assert!(
        waits.iter().any(|(from, to)| to - from >= 1_000.0),
        "the 1 ms wait: {waits:?}"
    );
    assert!(
        (2..200).contains(&holds.len()),
        "runs of holds, before the long wait and after: {holds:?}"
    );
    for (i, hold) in holds.iter().enumerate() {
        assert!(
            waits.iter().all(|w| hold.1 <= w.0 || hold.0 >= w.1),
            "hold {hold:?} overlaps a wait: {waits:?}"
        );
        if let Some(next) = holds.get(i + 1) {
            assert!(
                hold.1 < next.0,
                "runs of holds apart and in order: {holds:?}"
            );
        }
    }
    std::fs::remove_dir_all(dir).expect("the scratch directory is ours");
}

#[test]
fn finish_writes_at_once_and_records_nothing_after() {
    if is_child() {
        drop(trace::running("before"));
        trace::finish().expect("the trace is written");
        assert!(!trace::on(), "finished means off");
        drop(trace::running("after"));
        return;
    }
    let dir = scratch("finish");
    let path = dir.join("t.json");
    run_child("finish_writes_at_once_and_records_nothing_after", &path);
    let trace = read(&path);
    let names: Vec<&Value> = of(&trace, "run").iter().map(|e| &e["name"]).collect();
    assert_eq!(names, [&Value::from("before")]);
    std::fs::remove_dir_all(dir).expect("the scratch directory is ours");
}

/// Two threads that compute, pinned to one core: they cannot run at the
/// same time, and the trace must say so. Their running spans barely
/// overlap (by no more than a slice's own work can be misplaced), and each
/// shows time waiting for the core, though to its own clock it never
/// stopped working.
#[cfg(target_os = "linux")]
#[test]
fn two_threads_on_one_core_take_turns_in_the_trace() {
    use nix::sched::{CpuSet, sched_setaffinity};
    use nix::unistd::Pid;

    if is_child() {
        let mut one = CpuSet::new();
        one.set(0).expect("core 0 is in the set");
        let count = |_| {
            sched_setaffinity(Pid::from_raw(0), &one).expect("a thread may pin itself");
            let number = 20_000_003u64;
            trace::work(1..=number)
                .filter(|&i| number.is_multiple_of(i))
                .count()
        };
        thread::scope(|scope| {
            let a = scope.spawn(|| count(0));
            let b = scope.spawn(|| count(1));
            assert_eq!(a.join().ok(), b.join().ok());
        });
        return;
    }
    let dir = scratch("one-core");
    let path = dir.join("t.json");
    run_child("two_threads_on_one_core_take_turns_in_the_trace", &path);
    let trace = read(&path);
    let spans = |cat: &str| -> Vec<Interval> {
        of(&trace, cat)
            .iter()
            .map(|e| {
                let ts = micros(e, "ts");
                (e["tid"].as_u64().expect("a tid"), ts, ts + micros(e, "dur"))
            })
            .collect()
    };
    let runs = spans("run");
    let mut tids: Vec<u64> = runs.iter().map(|r| r.0).collect();
    tids.sort();
    tids.dedup();
    assert_eq!(tids.len(), 2, "two lanes of work");
    let (a, b): (Vec<&Interval>, Vec<&Interval>) = runs.iter().partition(|r| r.0 == tids[0]);
    let overlap: f64 = a
        .iter()
        .flat_map(|x| {
            b.iter()
                .map(move |y: &&Interval| (x.2.min(y.2) - x.1.max(y.1)).max(0.0))
        })
        .sum();
    let ran: f64 = runs.iter().map(|r| r.2 - r.1).sum();
    assert!(
        overlap < ran * 0.1,
        "on one core, running overlapped {overlap:.0} µs of {ran:.0} µs"
    );
    let ready = spans("ready");
    for tid in &tids {
        assert!(
            ready.iter().any(|r| r.0 == *tid),
            "thread {tid} never waited for the core"
        );
    }
    std::fs::remove_dir_all(dir).expect("the scratch directory is ours");
}

#[test]
fn off_records_nothing() {
    if is_child() {
        return;
    }
    // This process never had COURSE_TRACE (the children do).
    assert!(
        env::var_os(trace::ENV).is_none(),
        "run the tests without COURSE_TRACE"
    );
    assert!(!trace::on());
    let span = trace::waiting(trace::Wait::Io, "poll");
    assert!(format!("{span:?}").contains("started: None"), "{span:?}");
    let child = trace::child("child 1", trace::Wait::Sleep, "sleep");
    assert!(format!("{child:?}").contains("lane: None"), "{child:?}");
    let items: Vec<u32> = trace::work(1..=3).collect();
    assert_eq!(items, [1, 2, 3]);
    assert!(trace::finish().is_ok());
}
