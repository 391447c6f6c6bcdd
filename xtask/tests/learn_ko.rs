//! `cargo xtask learn` in Korean (issue 27): `--lang ko` or a Korean locale
//! reads the course's `book/po/ko.po` (the fixture's holds a few messages);
//! a message it does not translate, or translates fuzzily, stays English.
// The helpers are test code too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use common::{Course, text};

const COUNTER_TASK_KO: &str = "여러 스레드에서 수를 세되 증가를 하나도 잃지 않습니다.";
const COUNTER_TASK_EN: &str = "Count from several threads without losing an increment.";
/// demo-event's task: not in the fixture's ko.po.
const EVENT_TASK_EN: &str = "Build a one-shot event: set once, every waiter wakes.";

#[test]
fn the_list_speaks_korean_when_asked_and_keeps_english_where_ko_po_has_nothing() {
    let course = Course::new("ko-list");
    for args in [&["--lang", "ko", "list"][..], &["list", "--lang", "ko"]] {
        let output = course.learn(args);
        let stdout = text(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stdout}");
        assert!(stdout.contains(COUNTER_TASK_KO), "{args:?}: {stdout}");
        assert!(!stdout.contains(COUNTER_TASK_EN), "{args:?}: {stdout}");
        assert!(stdout.contains(" 0/2 완료"), "{args:?}: {stdout}");
        assert!(!stdout.contains("done"), "{args:?}: {stdout}");
        assert!(stdout.contains(EVENT_TASK_EN), "{args:?}: {stdout}");
    }

    // The locale asks too (LC_ALL before LC_MESSAGES before LANG), and
    // `--lang` wins over it.
    let list = |envs: &[(&str, &str)], args: &[&str]| {
        let mut command = course.command(args);
        for (name, value) in envs {
            command.env(name, value);
        }
        text(&command.output().unwrap().stdout)
    };
    let korean = |stdout: &str| stdout.contains(COUNTER_TASK_KO);
    assert!(korean(&list(&[("LANG", "ko_KR.UTF-8")], &["list"])));
    assert!(korean(&list(&[("LC_MESSAGES", "ko_KR.UTF-8")], &["list"])));
    assert!(!korean(&list(
        &[("LC_ALL", "en_US.UTF-8"), ("LANG", "ko_KR.UTF-8")],
        &["list"]
    )));
    assert!(!korean(&list(
        &[("LANG", "ko_KR.UTF-8")],
        &["--lang", "en", "list"]
    )));
    assert!(!korean(&list(&[("LANG", "C.UTF-8")], &["list"])));
}

#[test]
fn hints_are_korean_where_translated_and_english_where_fuzzy_or_missing() {
    let course = Course::new("ko-hint");
    let first = text(
        &course
            .learn(&["--lang", "ko", "hint", "demo-counter"])
            .stdout,
    );
    assert_eq!(
        first,
        "힌트 1/2: 여러 스레드가 같은 카운터를 써야 합니다. 카운터를 공유하십시오.\n"
    );
    let both = text(
        &course
            .learn(&["--lang", "ko", "hint", "demo-counter"])
            .stdout,
    );
    // The second hint's translation is fuzzy: English; so is the closing
    // line, which the fixture's ko.po does not have.
    assert!(
        both.contains("\n힌트 2/2: An AtomicU64 and fetch_add"),
        "{both}"
    );
    assert!(!both.contains("흐릿한"), "{both}");
    assert!(both.contains("(that was the last hint;"), "{both}");
}

#[test]
fn help_speaks_korean_too() {
    let course = Course::new("ko-help");
    let output = course.learn(&["--lang", "ko", "hint", "--help"]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.starts_with("다음 힌트.\n"), "{stdout}");
    let output = course
        .command(&["--help"])
        .env("LANG", "ko_KR.UTF-8")
        .output()
        .unwrap();
    assert!(text(&output.stdout).contains("  hint      다음 힌트.\n"));
    let english = text(&course.learn(&["hint", "--help"]).stdout);
    assert!(english.starts_with("The next hint.\n"), "{english}");
}

#[test]
fn a_hang_is_explained_in_korean() {
    let course = Course::new("ko-deadlock");
    let wrong = course.wrong_answer("demo-event", "never_notifies", "event");
    course.save("crates/demo/exercises/src/event.rs", &wrong);
    let output = course.learn(&["--lang", "ko", "check", "demo-event"]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "✗ demo-event: 테스트가 3초 안에 끝나지 않았습니다. \
             교착 상태이거나 잃어버린 깨우기가 아닙니까?\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "\n대기자는 누군가 notify_all을 호출할 때까지 잠듭니다. set이 그것을 호출합니까?\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("멈출 때 아직 실행 중이던 테스트:\n  a_waiter_wakes_when_the_event_is_set\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("did not finish"), "{stdout}");
    assert!(!stdout.contains("does set call it?"), "{stdout}");
    // The error line too, its prefix included.
    assert_eq!(
        text(&output.stderr),
        "오류: 아직 통과하지 못함: demo-event\n"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error_and_a_missing_ko_po_is_named() {
    let course = Course::new("ko-unknown");
    let output = course.learn(&["--lang", "fr", "list"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("'fr'"), "{stderr}");
    assert!(stderr.contains("en (English), ko (한국어)"), "{stderr}");

    fs::remove_file(course.path("book/po/ko.po")).unwrap();
    let output = course.learn(&["--lang", "ko", "list"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--lang ko: book/po/ko.po: "), "{stderr}");
    // Under a Korean locale, a course without ko.po speaks English.
    let output = course
        .command(&["list"])
        .env("LANG", "ko_KR.UTF-8")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).contains(COUNTER_TASK_EN));
}
