//! The tables built from recordings: the fixtures are three recordings as
//! `compare --record` wrote them, with the tables it wrote beside them
//! then (`<name>.md`), and the lessons' experiments as they were
//! (`experiments.toml`), so a new recording or a lesson's new wording
//! leaves these tests as they are.

use std::collections::HashMap;

use serde::Deserialize;

use super::super::record;
use super::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/measured");

#[derive(Deserialize)]
struct FixtureLesson {
    experiment: Vec<Experiment>,
}

fn fixture(file: &str) -> String {
    fs::read_to_string(format!("{FIXTURES}/{file}")).expect("a fixture")
}

fn fixture_lessons() -> HashMap<String, FixtureLesson> {
    toml::from_str(&fixture("experiments.toml")).expect("the fixture's experiments")
}

/// Renders a fixture recording (or `json` in its place) in `words`.
fn render_fixture(name: &str, json: &str, words: &Words) -> Result<String, String> {
    let lessons = fixture_lessons();
    let find = |lesson: &str, experiment: &str| {
        lessons
            .get(lesson)?
            .experiment
            .iter()
            .find(|e| e.name == experiment)
    };
    render(name, json, &find, words)
}

/// A Korean for some of the messages, as `book/po/ko.po` gives them.
fn korean(text: &str) -> String {
    let ko = match text {
        "lesson" => "레슨",
        "case" => "경우",
        "Python" => "파이썬",
        "Rust" => "러스트",
        "Python ÷ Rust" => "파이썬 ÷ 러스트",
        "best tool" => "최선의 도구",
        "its time" => "그 시간",
        "Rust ÷ best" => "러스트 ÷ 최선",
        "floor" => "하한",
        "Python ÷ floor" => "파이썬 ÷ 하한",
        "Rust ÷ floor" => "러스트 ÷ 하한",
        "Measured on {cpu} ({cores} cores{idle}) with {python} and a release build of the \
         Rust; each time is the median of {runs} runs." => {
            "{cpu}({cores}코어{idle})에서 {python} 및 러스트 릴리스 빌드로 측정했습니다. \
             각 시간은 {runs}회 실행의 중앙값입니다."
        }
        "; {share} idle in the second before the first case" => {
            ", 첫 경우 직전 1초 동안 {share} 유휴"
        }
        "{time} ({waits} waits)" => "{time}(대기 {waits}번)",
        "{time} ({waits} wait)" => "{time}(대기 {waits}번)",
        "sequential ÷ {share}" => "순차 ÷ {share}",
        "{time} ({name})" => "{time}({name})",
        "2 wake-ups each" => "왕복마다 깨우기 2번",
        "{calls} blocking calls of {size} ms, in sequence" => {
            "{size} ms짜리 블로킹 호출 {calls}번, 차례로"
        }
        "divisors of {numbers}, one thread each" => "{numbers}의 약수, 수마다 스레드 하나",
        "crossbeam `bounded(1)` pair" => "crossbeam `bounded(1)` 한 쌍",
        "the same on the first `Worker`" => "같은 작업, 첫 `Worker`",
        "A wait cannot end before its timeout." => "대기는 타임아웃보다 먼저 끝날 수 없습니다.",
        other => other,
    };
    ko.to_owned()
}

/// The figures of a rendered table (times and ratios), row by row.
fn figures_of(table: &str) -> Vec<Vec<String>> {
    let is_figure = |cell: &str| {
        cell.ends_with('×')
            || cell == "—"
            || [" s", " ms", " µs", " ns"]
                .iter()
                .any(|unit| cell.ends_with(unit) && cell.starts_with(|c: char| c.is_ascii_digit()))
    };
    table
        .lines()
        .filter(|line| line.starts_with('|'))
        .map(|line| {
            line.split('|')
                .map(str::trim)
                .filter(|cell| is_figure(cell))
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// A ratio cell's value: `51×` → 51.
fn ratio_of(cell: &str) -> Option<f64> {
    cell.strip_suffix('×')?.parse().ok()
}

/// The table compare wrote beside each recording, but for the ratios:
/// it took them from the unrounded medians, the book takes them from the
/// figures the JSON holds, which these recordings round to three figures
/// (1.04 s ÷ 20.6 ms is 50×, where the run's own medians gave 51×), so a
/// ratio may differ in its last figure.
#[test]
fn a_recording_renders_to_the_table_compare_wrote_for_it() {
    for name in ["actors", "blocking-io", "all"] {
        let rendered = render_fixture(name, &fixture(&format!("{name}.json")), &Words::english())
            .expect("renders");
        let written = fixture(&format!("{name}.md"));
        assert_eq!(
            rendered.lines().count(),
            written.lines().count(),
            "{rendered}"
        );
        let mut rounded = Vec::new();
        for (new, old) in rendered.lines().zip(written.lines()) {
            let (new_cells, old_cells): (Vec<&str>, Vec<&str>) =
                (new.split('|').collect(), old.split('|').collect());
            assert_eq!(new_cells.len(), old_cells.len(), "{new}\n{old}");
            for (n, o) in new_cells.iter().zip(&old_cells) {
                match (ratio_of(n.trim()), ratio_of(o.trim())) {
                    (Some(n), Some(o)) if n != o => {
                        // Each time rounded to three figures is within
                        // 0.5 % of the median, so the ratio is within 1 %,
                        // and one in the last figure written (`51×`, `1.43×`).
                        let last = if o >= 10.0 { 1.0 } else { 0.01 };
                        assert!((n - o).abs() <= o * 0.01 + last, "{n} against {o}: {new}");
                        rounded.push((o, n));
                    }
                    _ => assert_eq!(n.trim(), o.trim(), "{new}\n{old}"),
                }
            }
        }
        // Rounding moves some ratios, never all of them.
        let ratios = written.matches('×').count();
        assert!(rounded.len() * 2 < ratios, "{name}: {rounded:?}");
    }
}

#[test]
fn a_translation_changes_the_words_and_not_the_figures() {
    let ko = Words::new(&korean);
    for name in ["actors", "blocking-io", "all"] {
        let json = fixture(&format!("{name}.json"));
        let english = render_fixture(name, &json, &Words::english()).expect("English");
        let translated = render_fixture(name, &json, &ko).expect("Korean");
        assert_eq!(
            figures_of(&translated),
            figures_of(&english),
            "{translated}"
        );
        assert!(
            figures_of(&english).iter().flatten().count() > 5,
            "{english}"
        );
        assert!(
            translated.starts_with(
                "AMD EPYC(2코어, 첫 경우 직전 1초 동안 100% 유휴)에서 Python 3.11.7 및 러스트 \
                 릴리스 빌드로 측정했습니다. 각 시간은 5회 실행의 중앙값입니다.\n\n| "
            ),
            "{translated}"
        );
        let first = if name == "all" {
            "| 레슨 "
        } else {
            "| 경우 "
        };
        assert!(translated.contains(&format!("\n\n{first}")), "{translated}");
        for header in [
            "| case ",
            "| Python ",
            " Python ÷ Rust ",
            "| floor ",
            "Measured on",
        ] {
            assert!(!translated.contains(header), "{header}: {translated}");
        }
    }
    let actors = render_fixture("actors", &fixture("actors.json"), &ko).expect("Korean");
    for translated in [
        "| crossbeam `bounded(1)` 한 쌍 |",
        "| 526 ms(왕복마다 깨우기 2번) |",
        "| 같은 작업, 첫 `Worker` ",
    ] {
        assert!(actors.contains(translated), "{translated}: {actors}");
    }
    let blocking =
        render_fixture("blocking-io", &fixture("blocking-io.json"), &ko).expect("Korean");
    for translated in [
        "| 100 ms짜리 블로킹 호출 5번, 차례로 ",
        "| 500 ms(대기 5번) ",
        "| 100 ms(대기 1번) ",
        "| 2139079, 1214759, 1516637, 1852285의 약수, 수마다 스레드 하나 ",
        "| 순차 ÷ 2 ",
        "대기는 타임아웃보다 먼저 끝날 수 없습니다.",
    ] {
        assert!(blocking.contains(translated), "{translated}: {blocking}");
    }
    // A text without a translation stays English.
    assert!(blocking.contains("| divisors of 2139079, 1214759, 1516637, 1852285, in sequence "));
}

#[test]
fn a_recording_its_lesson_no_longer_writes_is_an_error_that_says_to_record_again() {
    let json = fixture("blocking-io.json");
    for (recorded, now) in [
        (
            "blocking calls of 100 ms, in sequence",
            "blocking calls of 100 ms, one by one",
        ),
        ("\"500 ms (5 waits)\"", "\"500 ms (5 sleeps)\""),
        ("\"sequential ÷ 2\"", "\"shared ÷ 2\""),
        (
            "\"experiment\": \"slow-calls\"",
            "\"experiment\": \"fast-calls\"",
        ),
    ] {
        assert!(json.contains(recorded), "{recorded}");
        let stale = json.replace(recorded, now);
        let error = render_fixture("blocking-io", &stale, &Words::english()).expect_err(now);
        assert!(error.contains("blocking-io"), "{error}");
        if !now.contains("fast-calls") {
            assert!(
                error.contains("`cargo xtask compare --record blocking-io` again"),
                "{error}"
            );
        }
    }
    let actors = fixture("actors.json");
    for (recorded, now) in [
        (
            "\"crossbeam `bounded(1)` pair\"",
            "\"crossbeam `bounded(2)` pair\"",
        ),
        ("(2 wake-ups each)", "(3 wake-ups each)"),
    ] {
        let stale = actors.replace(recorded, now);
        let error = render_fixture("actors", &stale, &Words::english()).expect_err(now);
        assert!(error.contains("compare --record actors"), "{error}");
    }
    let all = fixture("all.json").replace("in sequence", "one by one");
    let error = render_fixture("all", &all, &Words::english()).expect_err("stale");
    assert!(
        error.contains("`cargo xtask compare --record --all` again"),
        "{error}"
    );
    let machine = json.replace("Measured on", "Timed on");
    let error = render_fixture("blocking-io", &machine, &Words::english()).expect_err("machine");
    assert!(error.contains("Timed on AMD EPYC"), "{error}");
    let error = render_fixture("blocking-io", "{}", &Words::english()).expect_err("no rows");
    assert!(error.starts_with("not a recording"), "{error}");
}

#[test]
fn an_unknown_lesson_or_one_not_recorded_is_an_error_naming_it() {
    let root = crate::root();
    let error = directive(&root, "nosuch", &Words::english()).expect_err("no such lesson");
    assert!(error.contains("there is no lesson `nosuch`"), "{error}");
    assert!(error.contains("actors, all, "), "{error}");
    let error = directive(&root, "threads", &Words::english()).expect_err("not recorded");
    assert!(
        error.contains("no recorded figures for `threads`, book/src/measured/threads.json"),
        "{error}"
    );
    assert!(
        error.contains("cargo xtask compare --record threads"),
        "{error}"
    );
}

/// The book's own recordings: each renders, in English with the sentence
/// it recorded, and through a translation with the same figures.
#[test]
fn every_recording_in_the_book_renders() {
    let root = crate::root();
    let names = recordings(&root);
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let english = directive(&root, &name, &Words::english()).expect("English");
        let json = fs::read_to_string(root.join(format!("book/src/measured/{name}.json")))
            .expect("the recording");
        let recorded: Recorded = serde_json::from_str(&json).expect("a recording");
        assert!(
            english.starts_with(&format!("{}\n\n| ", recorded.machine)),
            "{english}"
        );
        let translated = directive(&root, &name, &Words::new(&korean)).expect("Korean");
        assert_eq!(figures_of(&translated), figures_of(&english), "{name}");
        assert_ne!(translated, english, "{name}");
    }
}

/// A processor's name may hold parentheses; the counts after it are
/// whole numbers, which is how the sentence splits where it was joined.
#[test]
fn a_processor_named_with_parentheses_keeps_its_name_in_translation() {
    let json = fixture("actors.json").replace(
        "Measured on AMD EPYC (2 cores;",
        "Measured on Intel(R) Xeon(R) CPU (VM) (4 cores;",
    );
    let rendered = render_fixture("actors", &json, &Words::new(&korean)).expect("renders");
    assert!(
        rendered
            .starts_with("Intel(R) Xeon(R) CPU (VM)(4코어, 첫 경우 직전 1초 동안 100% 유휴)에서"),
        "{rendered}"
    );
    let plain = json.replace("; 100% idle in the second before the first case", "");
    let rendered = render_fixture("actors", &plain, &Words::new(&korean)).expect("renders");
    assert!(
        rendered.starts_with("Intel(R) Xeon(R) CPU (VM)(4코어)에서"),
        "{rendered}"
    );
}

/// What `compare` prints and what the book builds from the JSON that
/// `--record` writes of the same run are the same table, for every kind
/// of row: floors of waits, of cores and jobs, a measured one, further
/// best tools, an earlier step.
#[test]
fn the_book_shows_the_table_compare_printed_for_the_same_run() {
    use super::super::figures::tests::{experiment, measured, report};
    let experiments: Vec<Experiment> = ["slow-calls", "factorize", "counter", "worker"]
        .into_iter()
        .map(experiment)
        .collect();
    let runs = |variants: &[&str], base: f64| -> Vec<(String, Vec<f64>)> {
        variants
            .iter()
            .enumerate()
            .map(|(i, v)| (v.to_string(), vec![base * (i + 1) as f64 * 1.0137]))
            .collect()
    };
    let mut figures = Vec::new();
    for e in &experiments {
        let python = runs(&["sequential", "threads", "shares", "lock", "worker"], 0.31);
        let rust = runs(
            &[
                "sequential",
                "threads",
                "shares",
                "mutex",
                "atomic",
                "parking_lot",
                "worker",
                "fast",
                "crossbeam",
                "wake_ups",
            ],
            0.0123,
        );
        let as_report = |runs: &[(String, Vec<f64>)], facts: &[(&str, &str)]| {
            let timings: Vec<(&str, &[f64])> = runs
                .iter()
                .map(|(v, s)| (v.as_str(), s.as_slice()))
                .collect();
            report(&timings, facts)
        };
        let facts = [
            ("calls", "5"),
            ("numbers", "2139079, 1214759"),
            ("threads", "5"),
        ];
        let m = measured(e, Some(as_report(&python, &[])), as_report(&rust, &facts));
        figures.extend(m.figures(2).expect("every case filled in"));
    }
    let machine = record::machine("python3", 2, 5, Some("97%".into()));
    let printed = format!(
        "{machine}\n\n{}\n{}\n",
        table::table(&table::rows(&figures), true, false, &Words::english()),
        table::legend(
            &experiments.iter().collect::<Vec<_>>(),
            true,
            &Words::english()
        )
    );
    let recorded = Recorded {
        machine,
        date: "2026-12-05".into(),
        rows: figures,
    };
    let json = serde_json::to_string_pretty(&recorded).expect("serialises");
    let find = |_: &str, name: &str| experiments.iter().find(|e| e.name == name);
    let built = render("lesson", &json, &find, &Words::english());
    assert_eq!(built.as_deref(), Ok(printed.as_str()));
    let translated = render("lesson", &json, &find, &Words::new(&korean)).expect("Korean");
    assert_eq!(figures_of(&translated), figures_of(&printed));
}
