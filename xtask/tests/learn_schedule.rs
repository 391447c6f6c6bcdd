//! `cargo xtask learn check` on a recorded wrong answer that loom rejects:
//! the report shows the schedule loom found, in the answer's own lines,
//! ending with the panic.
//!
//! The course's `queues` exercises are copied into a workspace of one
//! package (as `learn --verify` does), with
//! `wrong/queues-blocking/if_instead_of_while.patch` applied to the
//! solution and saved as the learner's file. Loom's exploration is
//! deterministic, so the schedule is expected exactly; its line numbers are
//! looked up in the patched file, so an edit elsewhere in the solution does
//! not break the test.
//!
//! It builds the package's loom model (`--release`, `--cfg loom`, loom and
//! its dependencies) in a target directory of its own, kept between runs:
//! a cargo run inside `cargo test` must not wait for the lock on the
//! directory `cargo test` itself is using. The first run takes a minute or
//! two; later ones, seconds.
// The helpers are test code too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const XTASK: &str = env!("CARGO_BIN_EXE_xtask");

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The test's own target directory (see the module doc).
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("learn-schedule")
}

/// A one-package copy of the course holding the queues exercises, removed
/// on drop.
struct Copy {
    root: PathBuf,
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

impl Copy {
    fn new() -> Copy {
        let course = course_root();
        let root =
            std::env::temp_dir().join(format!("xtask-learn-schedule-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let package = root.join("crates/queues/exercises");
        copy_tree(&course.join("crates/queues/exercises"), &package);
        fs::remove_dir_all(package.join("wrong")).unwrap();

        // The workspace: one member, path dependencies made absolute.
        let mut manifest: toml::Table = fs::read_to_string(course.join("Cargo.toml"))
            .unwrap()
            .parse()
            .unwrap();
        manifest.retain(|key, _| matches!(key, "workspace" | "profile" | "patch"));
        let workspace = manifest["workspace"].as_table_mut().unwrap();
        workspace.remove("default-members");
        workspace.remove("exclude");
        workspace.insert(
            "members".into(),
            toml::Value::Array(vec!["crates/queues/exercises".into()]),
        );
        for (_, dep) in workspace["dependencies"].as_table_mut().unwrap().iter_mut() {
            if let Some(path) = dep.get_mut("path") {
                *path = course
                    .join(path.as_str().unwrap())
                    .display()
                    .to_string()
                    .into();
            }
        }
        fs::write(root.join("Cargo.toml"), toml::to_string(&manifest).unwrap()).unwrap();
        fs::copy(course.join("Cargo.lock"), root.join("Cargo.lock")).unwrap();

        Copy { root }
    }
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The number of the line of `text` that contains `code`, once.
fn line_of(text: &str, code: &str) -> usize {
    let found: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(code))
        .map(|(at, _)| at + 1)
        .collect();
    assert_eq!(found.len(), 1, "`{code}` should be on one line of:\n{text}");
    found[0]
}

#[test]
fn a_stolen_item_shows_the_schedule_that_steals_it() {
    let course = course_root();
    let exercises = course.join("crates/queues/exercises");
    let solution = fs::read_to_string(exercises.join("solutions/blocking.rs")).unwrap();
    let patch =
        fs::read_to_string(exercises.join("wrong/queues-blocking/if_instead_of_while.patch"))
            .unwrap();
    let answer = diffy::apply(&solution, &diffy::Patch::from_str(&patch).unwrap()).unwrap();
    let copy = Copy::new();
    fs::write(
        copy.root.join("crates/queues/exercises/src/blocking.rs"),
        &answer,
    )
    .unwrap();
    // The behaviour tests run before loom and catch this answer in some
    // runs (four consumers racing for an item), not in others; left in,
    // they would make this test depend on the run. Loom's verdict does not:
    // here it is the only check before the stress test.
    fs::write(
        copy.root.join("crates/queues/exercises/tests/blocking.rs"),
        "//! Left out of this copy: see xtask/tests/learn_schedule.rs.\n\n\
         #[test]\nfn left_out() {}\n",
    )
    .unwrap();

    let output = Command::new(XTASK)
        .args(["learn", "--root"])
        .arg(&copy.root)
        .args(["check", "queues-blocking"])
        .env("CARGO_TARGET_DIR", target_dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stdout}\n{stderr}");

    let put = line_of(&answer, "lock(&self.items).push_back(item);");
    let notify = line_of(&answer, "self.not_empty.notify_one();");
    let get = line_of(&answer, "let mut items = lock(&self.items);");
    let wait = line_of(&answer, "items = wait(&self.not_empty, items);");
    let expect = line_of(&answer, ".expect(\"woken by a put");
    let empty = "";
    let expected = format!(
        "The schedule loom found, by lines of blocking.rs (the steps on shared state; every step: --verbose):

  main                            │ thread 1                        │ thread 2
  ────────────────────────────────┼─────────────────────────────────┼────────────────────────────────
  {put} lock(&self.items).push_back… │ {empty:31} │
  {empty:31} │ {get} let mut items = lock(&self.… │
  {empty:31} │ {empty:31} │ {get} let mut items = lock(&self.…
  {empty:31} │ {empty:31} │ {wait} items = wait(&self.not_empt…
  {empty:31} │ {empty:31} │   ↳ waits
  {notify} self.not_empty.notify_one(); │ {empty:31} │
    ↳ wakes thread 2              │ {empty:31} │
  {put} lock(&self.items).push_back… │ {empty:31} │
  {empty:31} │ {empty:31} │ {wait} items = wait(&self.not_empt…
  {empty:31} │ {empty:31} │   ↳ wakes up
  {empty:31} │ {empty:31} │ {expect} .expect(\"woken by a put: th…
  {empty:31} │ {empty:31} │   ↳ panics

  ✗ then thread 2 panics at line {expect} of blocking.rs:
    woken by a put: there must be an item
"
    );
    assert!(
        stdout.contains(&expected),
        "expected the schedule\n{expected}\nin the report:\n{stdout}\n{stderr}"
    );
}
