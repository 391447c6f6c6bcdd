//! The schedule read back, built and drawn from recorded replays.

use super::render::render;
use super::*;

/// A real replay: `queues-blocking` answered with `if` for `while`
/// (`wrong/queues-blocking/if_instead_of_while.patch`), recorded by
/// `kit::schedule` in a course copied to `/course`.
const STEPS: &str = include_str!("../../../tests/fixtures/schedule/if_instead_of_while.steps");
const ANSWER: &str = include_str!("../../../tests/fixtures/schedule/if_instead_of_while.rs.txt");

fn files() -> Files {
    Files {
        answer: PathBuf::from("crates/queues/exercises/src/blocking.rs"),
        answer_text: ANSWER.to_owned(),
        test: PathBuf::from("crates/queues/exercises/tests/blocking_loom.rs"),
        test_text: String::new(),
    }
}

#[test]
fn the_failing_test_is_the_first_libtest_calls_failed() {
    let stdout = "running 2 tests\ntest a ... ok\ntest b::c ... FAILED\ntest d ... FAILED\n";
    assert_eq!(failing_test(stdout).as_deref(), Some("b::c"));
    assert_eq!(failing_test("test a ... ok\n"), None);
    let aborted = "running 2 tests\n\nthread 'racing' (8812) panicked at loom/src/rt/execution.rs:215:13:\n\
                   deadlock; threads = []\nthread caused non-unwinding panic. aborting.\n";
    assert_eq!(failing_test(aborted).as_deref(), Some("racing"));
}

#[test]
fn records_are_read_back_with_their_escapes() {
    let records =
        parse("step\t1\tAtomic::load a=b\tx.rs:3 y.rs:4\npanic\t0\tl\\\\r\\nsecond\\tx\t\nnoise\n");
    assert_eq!(
        records,
        [
            Record {
                panic: false,
                thread: 1,
                what: "Atomic::load a=b".into(),
                frames: vec!["x.rs:3".into(), "y.rs:4".into()],
            },
            Record {
                panic: true,
                thread: 0,
                what: "l\\r\nsecond\tx".into(),
                frames: vec![],
            },
        ]
    );
}

#[test]
fn a_stolen_item_is_drawn_thread_by_thread_up_to_the_panic() {
    let schedule = build(&parse(STEPS), &files(), false);
    let (table, shown) = render(&schedule, &files(), false);
    let expected = r#"The schedule loom found, by lines of blocking.rs (the steps on shared state; every step: --verbose):

  main                            │ thread 1                        │ thread 2
  ────────────────────────────────┼─────────────────────────────────┼────────────────────────────────
  27 lock(&self.items).push_back… │                                 │
                                  │ 34 let mut items = lock(&self.… │
                                  │                                 │ 34 let mut items = lock(&self.…
                                  │                                 │ 37 items = wait(&self.not_empt…
                                  │                                 │   ↳ waits
  29 self.not_empty.notify_one(); │                                 │
    ↳ wakes thread 2              │                                 │
  27 lock(&self.items).push_back… │                                 │
                                  │                                 │ 37 items = wait(&self.not_empt…
                                  │                                 │   ↳ wakes up
                                  │                                 │ 41 .expect("woken by a put: th…
                                  │                                 │   ↳ panics

  ✗ then thread 2 panics at line 41 of blocking.rs:
    woken by a put: there must be an item
"#;
    assert_eq!(table, expected, "\n{table}");
    assert_eq!(
        shown,
        Shown {
            threads: 3,
            answer_steps: 8
        }
    );
}

/// A record of `thread` at `line` of the answer (through the test's
/// line 9), as the recorder writes it.
fn step(thread: usize, what: &str, line: usize) -> String {
    format!(
        "step\t{thread}\t{what}\t/course/crates/queues/exercises/src/blocking.rs:{line} \
         /course/crates/queues/exercises/tests/blocking_loom.rs:9\n"
    )
}

#[test]
fn a_deadlock_ends_with_every_thread_blocked_and_a_lost_notify_is_named() {
    let mut text = String::new();
    text.push_str(&step(
        0,
        "Object::branch_acquire obj=Ref<loom::rt::mutex::State>(0) is_locked=false",
        27,
    ));
    text.push_str(&step(
        0,
        "Condvar::notify_one state=Ref<loom::rt::condvar::State>(1) thread=None",
        29,
    ));
    text.push_str(&step(
        1,
        "Object::branch_acquire obj=Ref<loom::rt::mutex::State>(0) is_locked=true",
        34,
    ));
    text.push_str(&step(
        1,
        "Object::branch_action obj=Ref<loom::rt::arc::State>(2) action=RefDec",
        35,
    ));
    text.push_str("panic\t1\tdeadlock; threads = [(0, Blocked), (1, Blocked)]\t\n");
    text.push_str(&step(
        1,
        "Atomic::load state=Ref<loom::rt::atomic::State>(3)",
        36,
    ));
    let schedule = build(&parse(&text), &files(), false);
    assert_eq!(
        schedule.rows,
        [
            Row {
                thread: 0,
                place: Place::Answer(27),
                notes: vec![]
            },
            Row {
                thread: 0,
                place: Place::Answer(29),
                notes: vec!["wakes nobody".to_owned()]
            },
            Row {
                thread: 1,
                place: Place::Answer(34),
                notes: vec!["lock held: blocks".to_owned()]
            },
        ],
        "the Arc's count is bookkeeping, and nothing after the panic is a step"
    );
    assert_eq!(schedule.ending, Some(Ending::Deadlock));
    let (table, shown) = render(&schedule, &files(), false);
    assert!(
        table.ends_with(
            "\n  ✗ then every thread is blocked, each waiting for another: nothing can run.\n"
        ),
        "{table}"
    );
    assert_eq!(
        shown,
        Shown {
            threads: 2,
            answer_steps: 3
        }
    );
}

#[test]
fn the_short_form_keeps_the_last_steps_and_says_how_many_it_left_out() {
    let mut text = String::new();
    for at in 0..SHORT_ROWS + 5 {
        // Two threads taking turns at a lock: each step a row.
        text.push_str(&step(at % 2, "Object::branch_acquire is_locked=false", 27));
    }
    text.push_str(
        "panic\t0\tassertion failed\t/course/crates/queues/exercises/tests/blocking_loom.rs:20\n",
    );
    let short = build(&parse(&text), &files(), false);
    assert_eq!((short.rows.len(), short.hidden), (SHORT_ROWS, 5));
    let (table, _) = render(&short, &files(), false);
    assert!(table.contains("\n  (… 5 earlier steps)\n"), "{table}");
    assert!(
        table.ends_with(
            "✗ then main panics at line 20 of the test, blocking_loom.rs:\n    assertion failed\n"
        ),
        "{table}"
    );
    let whole = build(&parse(&text), &files(), true);
    assert_eq!(
        (whole.rows.len(), whole.hidden),
        (SHORT_ROWS + 6, 0),
        "the panic's row too"
    );
}

#[test]
fn every_step_shows_the_tests_lines_too() {
    let verbose = build(&parse(STEPS), &files(), true);
    let short = build(&parse(STEPS), &files(), false);
    assert!(verbose.rows.len() > short.rows.len());
    assert!(
        verbose.rows.iter().any(|r| r.place == Place::Test(15)),
        "the consumers' spawn at line 15 of the test: {:?}",
        verbose.rows
    );
    assert!(
        short
            .rows
            .iter()
            .all(|r| matches!(r.place, Place::Answer(_)))
    );
}
