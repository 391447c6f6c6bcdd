//! `cargo xtask learn --verify`: the exercises are checked like a lesson.
//!
//! - every exercise has a `// TODO` in its starter, a task, at least two
//!   hints, a solution file, and a chapter link to a real heading; every
//!   chapter an exercise links to has an `## Exercises` section naming each
//!   of its exercises (by name or by file path);
//! - every starter compiles and fails its checks;
//! - every solution (`--features solutions`) passes all of them, and clippy
//!   (`--all-targets -- -D warnings`);
//! - every wrong answer, `crates/<lesson>/exercises/wrong/<exercise>/<bug>.patch`,
//!   applies to its exercise's solution and is rejected, with a report
//!   containing the words of its first line, `expect: <words>`; one that
//!   loom rejects shows the schedule loom found (`schedule`), naming two
//!   threads or more and at least one line of the answer's file.
//!
//! A wrong answer is a unified diff against the solution (`diff -u`, `git
//! diff`), so it is the bug and nothing else, and a reviewer reads the bug.
//! Its header, the free text before the first `--- ` line (as in git's
//! patches), says what to expect and why: the first line is `expect:
//! <words>`, the rest explains the bug. It is applied in-process by `diffy`;
//! one that no longer applies (the solution changed where it touches it) is
//! a problem that names it.
//!
//! Each package's test binaries are built once per variant (starter,
//! solutions): one cargo run per profile. A wrong answer is checked in a
//! *sandbox*: a copy of the package under `<target>/learn-verify/<lesson>-<n>/`
//! inside a one-package copy of the workspace manifest (same dependencies,
//! same lock file, same profiles), sharing the target directory, so only the
//! exercise package itself is rebuilt; the patched solution is written
//! over the starter in the copy, never in the learner's tree.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, PoisonError, mpsc};
use std::time::{Duration, Instant};

use super::check::{Checker, Outcome, Profile, Step};
use super::course::{
    Course, Exercise, exercise_packages, heading_ids, package_dir, relative, section,
};

/// Runs every check; returns the problems found (empty: all good).
pub fn verify(course: &Course, target: &Path) -> Vec<String> {
    let started = Instant::now();
    let mut problems = metadata_problems(course);
    eprintln!(
        "==> learn --verify: {} exercises, metadata {}",
        course.exercises.len(),
        if problems.is_empty() {
            "ok"
        } else {
            "has problems"
        }
    );
    // The wrong answers are checked by a pool of workers from the moment
    // their package's solutions pass, while the next packages build: a hung
    // one's wait overlaps those builds too.
    let (jobs, queue) = mpsc::channel();
    let mut count = 0;
    let wrong_problems = std::thread::scope(|scope| {
        let pool = scope.spawn(|| verify_wrong(course, queue, target));
        for (package, exercises) in course.packages() {
            let phase = Instant::now();
            if verify_package(course, &package, &exercises, target, &mut problems) {
                let mut batch = wrong_jobs(course, &package, &exercises);
                // The likely hangs first: the longest jobs first pack best.
                batch.sort_by_key(|job| !expects_a_hang(job));
                for mut job in batch {
                    job.index = count;
                    count += 1;
                    let _ = jobs.send(job);
                }
            }
            eprintln!(
                "==> {package}: starters and solutions done in {:.1} s",
                phase.elapsed().as_secs_f64()
            );
        }
        drop(jobs);
        let waited = Instant::now();
        let found = pool.join().expect("the pool's collector does not panic");
        eprintln!(
            "==> wrong answers: {count} checked on {SANDBOXES} workers, the last {:.1} s \
             after the last package",
            waited.elapsed().as_secs_f64()
        );
        found
    });
    problems.extend(wrong_problems);
    eprintln!(
        "==> learn --verify: {} problem(s) in {:.1} s",
        problems.len(),
        started.elapsed().as_secs_f64()
    );
    problems
}

/// The checks that need no build: files, tasks, hints, chapter links.
pub fn metadata_problems(course: &Course) -> Vec<String> {
    let root = &course.root;
    let mut problems = Vec::new();
    for exercise in &course.exercises {
        let name = &exercise.name;
        match fs::read_to_string(root.join(exercise.path())) {
            Ok(text) if text.contains("// TODO") => {}
            Ok(_) => problems.push(format!("{name}: {} has no `// TODO`", exercise.path())),
            Err(err) => problems.push(format!("{name}: {}: {err}", exercise.path())),
        }
        if exercise.task.trim().is_empty() || exercise.task.contains('\n') {
            problems.push(format!("{name}: `task` must be one line"));
        }
        if exercise.hints.len() < 2 || exercise.hints.iter().any(|h| h.trim().is_empty()) {
            problems.push(format!("{name}: needs at least two (non-empty) hints"));
        }
        if !root.join(exercise.solution_path()).is_file() {
            problems.push(format!(
                "{name}: no solution at {}",
                exercise.solution_path()
            ));
        }
        for target in exercise.targets() {
            let file = format!("{}/tests/{target}.rs", exercise.dir());
            if !root.join(&file).is_file() {
                problems.push(format!("{name}: no test file {file}"));
            }
        }
        if let Err(why) = chapter_link(root, &exercise.chapter_link()) {
            problems.push(format!(
                "{name}: section `{}` (book/src/{}): {why}",
                exercise.section,
                exercise.chapter_link()
            ));
        }
    }
    // Each chapter that exercises link to lists them under `## Exercises`.
    let mut chapters: Vec<String> = course
        .exercises
        .iter()
        .map(Exercise::chapter_file)
        .collect();
    chapters.sort_unstable();
    chapters.dedup();
    for chapter in &chapters {
        let Ok(text) = fs::read_to_string(root.join("book/src").join(chapter)) else {
            continue; // already reported as a broken link
        };
        let Some(list) = section(&text, "Exercises") else {
            problems.push(format!(
                "book/src/{chapter}: exercises link here, but it has no `## Exercises` section"
            ));
            continue;
        };
        for exercise in &course.exercises {
            let here = exercise.chapter_file() == *chapter;
            if here && !list.contains(&exercise.name) && !list.contains(&exercise.path()) {
                problems.push(format!(
                    "book/src/{chapter}: its `## Exercises` section does not name `{}`",
                    exercise.name
                ));
            }
        }
    }
    // A package without its metadata would be invisible to `learn`.
    for lesson in exercise_packages(root) {
        if lesson.join("Cargo.toml").is_file() && !lesson.join("exercises.toml").is_file() {
            problems.push(format!(
                "{}: a package without an exercises.toml (learn cannot see its exercises)",
                relative(root, &lesson)
            ));
        }
    }
    // Every wrong answer belongs to an exercise, says what to expect, and
    // applies to the exercise's solution.
    for (lesson, dir, file) in wrong_answers(root) {
        if !root
            .join(package_dir(&lesson))
            .join("exercises.toml")
            .is_file()
        {
            continue; // reported above
        }
        let label = relative(root, &file);
        if file.extension().is_some_and(|e| e == "rs") {
            problems.push(format!(
                "{label}: a wrong answer is a patch against the solution now: \
                 `{}.patch` (`diff -u`, see CONTRIBUTING.md, \"Exercises\")",
                file.file_stem()
                    .map(|s| s.to_string_lossy())
                    .unwrap_or_default()
            ));
            continue;
        }
        match find_wrong_owner(course, &lesson, &dir) {
            None => problems.push(format!(
                "{label}: `{dir}` is no exercise of `{lesson}` (name the folder after the exercise)"
            )),
            Some(exercise) => {
                if let Err(why) = read_wrong_answer(root, exercise, &file) {
                    problems.push(format!("{label}: {why}"));
                }
            }
        }
    }
    problems
}

/// `threads.md#ask_to_stop` → Ok if book/src/threads.md has a heading
/// whose id is written out as `{#ask_to_stop}`: an id of its own, the same
/// in every edition of the book and whatever number the section has.
pub fn chapter_link(root: &Path, link: &str) -> Result<(), String> {
    let Some((file, anchor)) = link.split_once('#') else {
        return Err("no `#section`: link the section the exercise practises".into());
    };
    let text = fs::read_to_string(root.join("book/src").join(file))
        .map_err(|e| format!("book/src/{file}: {e}"))?;
    let written = format!("{{#{anchor}}}");
    let explicit = text
        .lines()
        .any(|line| line.starts_with('#') && line.trim_end().ends_with(&written));
    if explicit && heading_ids(&text).iter().any(|id| id == anchor) {
        Ok(())
    } else {
        Err(format!(
            "book/src/{file} has no heading with the id `{anchor}` (written `{written}`)"
        ))
    }
}

/// Every `crates/<lesson>/exercises/wrong/<dir>/<bug>.patch` (and any
/// `<bug>.rs` left from before wrong answers were patches, to be reported):
/// (lesson, dir, path), sorted.
fn wrong_answers(root: &Path) -> Vec<(String, String, PathBuf)> {
    let mut found = Vec::new();
    for lesson in exercise_packages(root) {
        let lesson_name = lesson.parent().map(file_name).unwrap_or_default();
        for dir in sorted_dir(&lesson.join("wrong")) {
            for file in sorted_dir(&dir) {
                if file.extension().is_some_and(|e| e == "patch" || e == "rs") {
                    found.push((lesson_name.clone(), file_name(&dir), file));
                }
            }
        }
    }
    found
}

/// The exercise a `wrong/<dir>/` folder belongs to: `<dir>` is its name (or
/// the stem of its file, or its tests target).
fn find_wrong_owner<'a>(course: &'a Course, lesson: &str, dir: &str) -> Option<&'a Exercise> {
    let stem = |e: &Exercise| {
        Path::new(&e.file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
    };
    let in_lesson = || course.exercises.iter().filter(move |e| e.lesson == lesson);
    in_lesson()
        .find(|e| e.name == dir)
        .or_else(|| in_lesson().find(|e| stem(e).as_deref() == Some(dir)))
        .or_else(|| in_lesson().find(|e| e.tests == dir))
}

/// A wrong answer, ready to check: what its report must say, and the
/// solution with its patch applied.
#[derive(Debug, PartialEq, Eq)]
struct WrongAnswer {
    expect: String,
    patched: String,
}

/// Reads the patch `file` and applies it to `exercise`'s solution; `Err`
/// says, in words, what is wrong with it.
fn read_wrong_answer(root: &Path, exercise: &Exercise, file: &Path) -> Result<WrongAnswer, String> {
    let patch = fs::read_to_string(file).map_err(|e| e.to_string())?;
    let solution_path = exercise.solution_path();
    let solution = fs::read_to_string(root.join(&solution_path))
        .map_err(|e| format!("cannot read the solution {solution_path}: {e}"))?;
    apply_wrong_answer(&patch, &solution_path, &solution)
}

/// A wrong answer's patch, `patch`, applied to the solution at
/// `solution_path` (relative to the course root), whose text is `solution`.
fn apply_wrong_answer(
    patch: &str,
    solution_path: &str,
    solution: &str,
) -> Result<WrongAnswer, String> {
    // The header: everything before the first `--- ` line.
    let diff_at = patch
        .match_indices("--- ")
        .map(|(at, _)| at)
        .find(|&at| at == 0 || patch[..at].ends_with('\n'))
        .ok_or_else(|| {
            format!(
                "no diff in it: a wrong answer is `expect: <words>`, a few lines on the bug, \
                 then a unified diff against {solution_path} (`--- a/{solution_path}`, \
                 `+++ b/{solution_path}`, its `@@` hunks)"
            )
        })?;
    let (header, diff) = patch.split_at(diff_at);
    let expect = header
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("expect:"))
        .map(str::trim)
        .filter(|words| !words.is_empty())
        .ok_or("the first line must be `expect: <words>`, the words its report must contain")?;
    let parsed = diffy::Patch::from_str(diff).map_err(|e| format!("not a unified diff: {e}"))?;
    let names_solution = parsed.original().is_some_and(|name| {
        let name = name.trim();
        name == solution_path || name.strip_prefix("a/") == Some(solution_path)
    });
    if !names_solution {
        return Err(format!(
            "its `--- ` line names {}, not the exercise's solution, {solution_path}",
            parsed.original().unwrap_or("nothing")
        ));
    }
    let patched = diffy::apply(solution, &parsed).map_err(|e| {
        format!(
            "it no longer applies to {solution_path} ({e}): the solution changed where the \
             bug is; record the bug again against the solution as it is"
        )
    })?;
    if patched == solution {
        return Err(format!("it changes nothing in {solution_path}"));
    }
    Ok(WrongAnswer {
        expect: expect.to_owned(),
        patched,
    })
}

/// The starters and solutions of one package. Returns false when its
/// solutions do not build (its wrong answers are then not worth checking).
fn verify_package(
    course: &Course,
    package: &str,
    exercises: &[&Exercise],
    target: &Path,
    problems: &mut Vec<String>,
) -> bool {
    let Some(lesson) = exercises.first().map(|e| e.lesson.clone()) else {
        return false;
    };
    let dir = course.root.join(package_dir(&lesson));
    let all = |pick: fn(&Exercise) -> Option<&str>| -> Vec<&str> {
        exercises.iter().filter_map(|e| pick(e)).collect()
    };
    let behaviour = all(|e| Some(e.tests.as_str()));
    let models = all(|e| e.loom.as_deref());
    let stress = all(|e| e.stress.as_deref());

    // The starters: each compiles and fails.
    let mut starters = Checker::new(&course.root, &dir, package, target);
    timed(&format!("{package}: starters build"), || {
        starters.build(Profile::Debug, &behaviour)
    })
    .unwrap_or_else(|errors| {
        problems.push(format!("{package}: the starters do not compile:\n{errors}"));
    });
    for exercise in exercises {
        let outcome = starters.check(exercise);
        match outcome.failed {
            None => problems.push(format!(
                "{}: the starter passes every check: the checks test nothing",
                exercise.name
            )),
            Some(Step::Build) => problems.push(format!(
                "{}: the starter does not compile:\n{}",
                exercise.name, outcome.report
            )),
            Some(step) => eprintln!("    {}: the starter fails at {step}: ok", exercise.name),
        }
    }

    // The solutions: each passes everything, and clippy.
    let mut solutions = Checker::new(&course.root, &dir, package, target);
    solutions.solutions = true;
    solutions.chatty = true;
    for (profile, targets) in [
        (Profile::Debug, &behaviour),
        (Profile::Loom, &models),
        (Profile::Release, &stress),
    ] {
        if targets.is_empty() {
            continue;
        }
        if let Err(errors) = timed(&format!("{package}: solutions build ({profile:?})"), || {
            solutions.build(profile, targets)
        }) {
            problems.push(format!(
                "{package}: the solutions do not compile ({profile:?}):\n{errors}"
            ));
            return false;
        }
    }
    for exercise in exercises {
        let started = Instant::now();
        let outcome = solutions.check(exercise);
        if outcome.passed {
            // A solution should pass in a quarter of each limit, so that a
            // busy machine does not turn a right answer into a "deadlock".
            let runs: Vec<String> = outcome.timings.iter().map(ToString::to_string).collect();
            let slow = outcome.timings.iter().any(|t| t.took > t.limit / 4);
            eprintln!(
                "    {}: the solution passes in {:.1} s ({}){}",
                exercise.name,
                started.elapsed().as_secs_f64(),
                runs.join(", "),
                if slow {
                    ": over a quarter of a limit, make that test smaller"
                } else {
                    ""
                }
            );
        } else {
            problems.push(format!(
                "{}: the solution fails:\n{}",
                exercise.name, outcome.report
            ));
        }
    }
    if let Err(report) = timed(&format!("{package}: clippy on the solutions"), || {
        clippy(&course.root, package, target)
    }) {
        problems.push(format!("{package}: clippy on the solutions:\n{report}"));
    }

    true
}

/// A wrong answer to check: where it is, whose it is, what its report
/// must say, and the file to swap in.
struct WrongJob<'a> {
    /// Its place in the order of checking (problems are listed in it).
    index: usize,
    /// Its path, relative to the course root.
    label: String,
    exercise: &'a Exercise,
    package: String,
    expect: String,
    /// The solution with the patch applied.
    patched: String,
}

/// The wrong answers of one package's exercises, in file order.
fn wrong_jobs<'a>(course: &'a Course, package: &str, exercises: &[&Exercise]) -> Vec<WrongJob<'a>> {
    let Some(lesson) = exercises.first().map(|e| e.lesson.as_str()) else {
        return Vec::new();
    };
    wrong_answers(&course.root)
        .into_iter()
        .filter(|(l, _, file)| l == lesson && file.extension().is_some_and(|e| e == "patch"))
        .filter_map(|(_, dir_name, file)| {
            let exercise = find_wrong_owner(course, lesson, &dir_name)?;
            // A patch that does not apply is reported with the metadata.
            let answer = read_wrong_answer(&course.root, exercise, &file).ok()?;
            Some(WrongJob {
                index: 0,
                label: relative(&course.root, &file),
                exercise,
                package: package.to_owned(),
                expect: answer.expect,
                patched: answer.patched,
            })
        })
        .collect()
}

/// Could a hang's report say what `job` expects? Such a job likely waits out
/// a whole time limit, so it is started early, while others build.
fn expects_a_hang(job: &WrongJob<'_>) -> bool {
    let words = format!(
        "did not finish in {}: a deadlock or a lost wake-up? {}",
        super::check::seconds(super::check::TEST_LIMIT),
        job.exercise.deadlock
    );
    words.to_lowercase().contains(&job.expect.to_lowercase())
}

/// Checks the wrong answers that arrive on `queue`, each caught in the
/// words it expects; returns the problems, in the jobs' order.
///
/// A hung wrong answer waits out its limit doing nothing, so
/// [`SANDBOXES`] workers check them at once, whatever their lesson: one's
/// wait overlaps the others' builds (cargo runs one build at a time in the
/// shared target dir) and waits. Each worker keeps a sandbox per lesson.
fn verify_wrong<'a>(
    course: &Course,
    queue: mpsc::Receiver<WrongJob<'a>>,
    target: &Path,
) -> Vec<String> {
    type Checked<'a> = (WrongJob<'a>, io::Result<Outcome>, Duration);
    let queue = Mutex::new(queue);
    let (results, finished) = mpsc::channel::<Checked<'a>>();
    let mut checked: Vec<Checked<'a>> = Vec::new();
    std::thread::scope(|scope| {
        for slot in 0..SANDBOXES {
            let queue = &queue;
            let results = results.clone();
            scope.spawn(move || {
                let mut sandboxes: Vec<(String, Sandbox)> = Vec::new();
                loop {
                    // Holding the lock while waiting is fine: the other
                    // workers would be waiting for a job too.
                    let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    let Ok(job) = next else { return };
                    let started = Instant::now();
                    let lesson = &job.exercise.lesson;
                    if !sandboxes.iter().any(|(l, _)| l == lesson) {
                        match Sandbox::create(&course.root, target, lesson, slot) {
                            Ok(sandbox) => sandboxes.push((lesson.clone(), sandbox)),
                            Err(err) => {
                                let err =
                                    io::Error::other(format!("could not make a sandbox: {err}"));
                                let _ = results.send((job, Err(err), started.elapsed()));
                                continue;
                            }
                        }
                    }
                    let (_, sandbox) = sandboxes
                        .iter()
                        .find(|(l, _)| l == lesson)
                        .expect("made above");
                    let outcome =
                        sandbox.check_with(job.exercise, &job.patched, &job.package, target);
                    let _ = results.send((job, outcome, started.elapsed()));
                }
            });
        }
        drop(results);
        for (job, outcome, took) in finished {
            if let Ok(outcome) = &outcome
                && !outcome.passed
                && caught_in_words(&outcome.report, &job.expect)
            {
                eprintln!(
                    "    {}: caught at {} in {:.1} s (\"{}\"): ok",
                    job.label,
                    outcome.failed.unwrap_or(Step::Build),
                    took.as_secs_f64(),
                    job.expect
                );
            }
            checked.push((job, outcome, took));
        }
    });
    checked.sort_by_key(|(job, _, _)| job.index);
    let mut problems = Vec::new();
    for (job, outcome, _) in checked {
        let (label, expect) = (&job.label, &job.expect);
        match outcome {
            Err(err) => problems.push(format!("{label}: could not swap it in: {err}")),
            Ok(outcome) if outcome.passed => problems.push(format!(
                "{label}: this wrong answer passes every check (it expected: {expect})"
            )),
            Ok(outcome) if !caught_in_words(&outcome.report, expect) => problems.push(format!(
                "{label}: rejected, but the report does not say `{expect}`:\n{}",
                outcome.report
            )),
            // Loom's rejection shows the schedule it found, in the answer's
            // own lines, across at least two threads.
            Ok(outcome)
                if outcome.failed == Some(Step::Loom)
                    && !outcome
                        .schedule
                        .is_some_and(|s| s.threads >= 2 && s.answer_steps >= 1) =>
            {
                problems.push(format!(
                    "{label}: rejected by loom, but the report shows no schedule of two \
                     threads or more with a line of the answer ({:?}):\n{}",
                    outcome.schedule, outcome.report
                ));
            }
            Ok(_) => {}
        }
    }
    problems
}

/// Does a report say the expected words (ignoring case)?
fn caught_in_words(report: &str, expect: &str) -> bool {
    report.to_lowercase().contains(&expect.to_lowercase())
}

/// How many wrong answers are checked at once (each worker on sandboxes of
/// its own).
const SANDBOXES: usize = 4;

fn timed<T>(what: &str, task: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = task();
    eprintln!("    {what}: {:.1} s", started.elapsed().as_secs_f64());
    result
}

fn clippy(root: &Path, package: &str, target: &Path) -> Result<(), String> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(root)
        .args([
            "clippy",
            "--quiet",
            "-p",
            package,
            "--features",
            "solutions",
        ])
        .args(["--all-targets", "--", "-D", "warnings"])
        .env("CARGO_TARGET_DIR", target)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start cargo clippy: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// A one-package copy of the workspace for checking wrong answers:
///
/// ```text
/// <target>/learn-verify/<lesson>-<slot>/
///   Cargo.toml            the course's workspace manifest,
///                         members = ["crates/<lesson>/exercises"],
///                         path dependencies made absolute
///   Cargo.lock            the course's lock file (the same versions)
///   crates/<lesson>/exercises/
///                         a copy of the package, solutions and all (without wrong/)
/// ```
///
/// Files are copied only when they differ, so cargo rebuilds only what a
/// swapped file changes.
#[derive(Debug)]
pub struct Sandbox {
    pub root: PathBuf,
    lesson: String,
}

impl Sandbox {
    pub fn create(
        course_root: &Path,
        target: &Path,
        lesson: &str,
        slot: usize,
    ) -> io::Result<Sandbox> {
        let root = target.join("learn-verify").join(format!("{lesson}-{slot}"));
        fs::create_dir_all(&root)?;
        let manifest = sandbox_manifest(course_root, lesson).map_err(io::Error::other)?;
        write_if_changed(&root.join("Cargo.toml"), manifest.as_bytes())?;
        if let Ok(lock) = fs::read(course_root.join("Cargo.lock")) {
            write_if_changed(&root.join("Cargo.lock"), &lock)?;
        }
        let package = course_root.join(package_dir(lesson));
        let copy = root.join(package_dir(lesson));
        sync_tree(&package, &copy, &["wrong", "target", "Cargo.toml"])?;
        let manifest =
            package_manifest(&package.join("Cargo.toml"), slot).map_err(io::Error::other)?;
        write_if_changed(&copy.join("Cargo.toml"), manifest.as_bytes())?;
        Ok(Sandbox {
            root,
            lesson: lesson.to_owned(),
        })
    }

    /// Checks `exercise` with `wrong` (a file's text) in place of its
    /// starter, then puts the starter back.
    pub fn check_with(
        &self,
        exercise: &Exercise,
        wrong: &str,
        package: &str,
        target: &Path,
    ) -> io::Result<Outcome> {
        let dir = self.root.join(package_dir(&self.lesson));
        let file = dir.join(&exercise.file);
        let starter = fs::read(&file)?;
        fs::write(&file, wrong)?;
        let mut checker = Checker::new(&self.root, &dir, package, target);
        let outcome = checker.check(exercise);
        fs::write(&file, starter)?;
        Ok(outcome)
    }
}

/// The package's manifest with another version, `<version>-learn-verify.<slot>`.
///
/// Cargo names a workspace member's build outputs after its path *relative
/// to the workspace root*, its name and its version: the copy, at the same
/// relative path, would otherwise share (and overwrite) the learner's
/// compiled package in the shared target directory, and each would then look
/// up to date to the other. A different version keeps them apart.
fn package_manifest(path: &Path, slot: usize) -> Result<String, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut manifest: toml::Table = text
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let package = manifest
        .get_mut("package")
        .and_then(|p| p.as_table_mut())
        .ok_or_else(|| format!("{}: no [package]", path.display()))?;
    let version = package
        .get("version")
        .and_then(|v| v.as_str())
        .unwrap_or("0.0.0")
        .to_owned();
    package.insert(
        "version".into(),
        format!("{version}-learn-verify.{slot}").into(),
    );
    toml::to_string(&manifest).map_err(|e| e.to_string())
}

/// The course's root manifest, reduced to a workspace of one package.
fn sandbox_manifest(course_root: &Path, lesson: &str) -> Result<String, String> {
    let path = course_root.join("Cargo.toml");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut manifest: toml::Table = text
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    manifest.retain(|key, _| matches!(key, "workspace" | "profile" | "patch"));
    let workspace = manifest
        .get_mut("workspace")
        .and_then(|w| w.as_table_mut())
        .ok_or("the course's Cargo.toml has no [workspace]")?;
    workspace.remove("default-members");
    workspace.remove("exclude");
    workspace.insert(
        "members".into(),
        toml::Value::Array(vec![package_dir(lesson).into()]),
    );
    if let Some(deps) = workspace
        .get_mut("dependencies")
        .and_then(|d| d.as_table_mut())
    {
        for (_, dep) in deps.iter_mut() {
            if let Some(path) = dep.get_mut("path")
                && let Some(relative) = path.as_str()
            {
                *path = course_root.join(relative).display().to_string().into();
            }
        }
    }
    Ok(format!(
        "# Written by `cargo xtask learn --verify`: a copy of the course's workspace\n\
         # with one exercise package, for checking wrong answers.\n{}",
        toml::to_string(&manifest).map_err(|e| e.to_string())?
    ))
}

/// Copies `from` into `to`, writing only files that differ and removing
/// files `from` no longer has; top-level entries named in `skip` are left out.
fn sync_tree(from: &Path, to: &Path, skip: &[&str]) -> io::Result<()> {
    fs::create_dir_all(to)?;
    let mut keep = Vec::new();
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if skip.iter().any(|s| name == *s) {
            continue;
        }
        keep.push(name.clone());
        let source = entry.path();
        if entry.file_type()?.is_dir() {
            sync_tree(&source, &to.join(&name), &[])?;
        } else {
            write_if_changed(&to.join(&name), &fs::read(&source)?)?;
        }
    }
    for entry in fs::read_dir(to)? {
        let entry = entry?;
        if !keep.contains(&entry.file_name()) {
            if entry.file_type()?.is_dir() {
                fs::remove_dir_all(entry.path())?;
            } else {
                fs::remove_file(entry.path())?;
            }
        }
    }
    Ok(())
}

fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    fs::write(path, bytes)
}

fn sorted_dir(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_manifest_is_the_workspace_with_one_member_and_absolute_paths() {
        let root = std::env::temp_dir().join(format!("xtask-sandbox-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        fs::write(
            root.join("Cargo.toml"),
            r#"
            [workspace]
            members = ["crates/*", "crates/*/exercises", "xtask"]
            exclude = ["old"]
            [workspace.dependencies]
            harness = { path = "crates/harness" }
            loom = "0.7.2"
            [profile.dev.package."*"]
            opt-level = 1
            [package]
            name = "not-virtual"
            "#,
        )
        .unwrap();
        let manifest: toml::Table = sandbox_manifest(&root, "threads").unwrap().parse().unwrap();
        fs::remove_dir_all(&root).unwrap();

        let workspace = manifest["workspace"].as_table().unwrap();
        assert_eq!(
            workspace["members"].as_array().unwrap(),
            &[toml::Value::from("crates/threads/exercises")]
        );
        assert!(!workspace.contains_key("exclude"));
        let deps = workspace["dependencies"].as_table().unwrap();
        assert_eq!(
            deps["harness"]["path"].as_str().unwrap(),
            root.join("crates/harness").display().to_string()
        );
        assert_eq!(deps["loom"].as_str(), Some("0.7.2"));
        assert_eq!(
            manifest["profile"]["dev"]["package"]["*"]["opt-level"].as_integer(),
            Some(1)
        );
        assert!(!manifest.contains_key("package"));
    }

    const SOLUTION: &str = "fn set(&self) {\n    *lock(&self.set) = true;\n    \
                            self.changed.notify_all();\n}\n";
    const PATH: &str = "crates/demo/exercises/solutions/event.rs";

    fn patch(header: &str) -> String {
        format!(
            "{header}--- a/{PATH}\n+++ b/{PATH}\n@@ -1,4 +1,3 @@\n fn set(&self) {{\n     \
             *lock(&self.set) = true;\n-    self.changed.notify_all();\n }}\n"
        )
    }

    #[test]
    fn a_wrong_answer_is_its_header_and_the_solution_patched() {
        let answer = apply_wrong_answer(
            &patch("expect: lost wake-up\n\nNo notify.\n\n"),
            PATH,
            SOLUTION,
        );
        assert_eq!(
            answer,
            Ok(WrongAnswer {
                expect: "lost wake-up".into(),
                patched: "fn set(&self) {\n    *lock(&self.set) = true;\n}\n".into(),
            })
        );
    }

    #[test]
    fn a_wrong_answer_without_its_expectation_first_is_refused() {
        for header in ["", "A bug.\nexpect: lost wake-up\n", "expect:   \n"] {
            let err = apply_wrong_answer(&patch(header), PATH, SOLUTION).unwrap_err();
            assert!(
                err.contains("the first line must be `expect: <words>`"),
                "{err}"
            );
        }
        let err = apply_wrong_answer("expect: x\nno diff here\n", PATH, SOLUTION).unwrap_err();
        assert!(err.starts_with("no diff in it"), "{err}");
    }

    #[test]
    fn a_patch_that_no_longer_applies_or_names_another_file_is_refused() {
        let moved = SOLUTION.replace("notify_all()", "notify_all(); // wake them all");
        let err = apply_wrong_answer(&patch("expect: x\n"), PATH, &moved).unwrap_err();
        assert!(
            err.starts_with(&format!(
                "it no longer applies to {PATH} (error applying hunk #1)"
            )),
            "{err}"
        );
        let other = patch("expect: x\n").replace("--- a/crates/demo", "--- a/crates/other");
        let err = apply_wrong_answer(&other, PATH, SOLUTION).unwrap_err();
        assert!(err.contains("not the exercise's solution"), "{err}");
        let nothing = format!("expect: x\n--- a/{PATH}\n+++ b/{PATH}\n");
        let err = apply_wrong_answer(&nothing, PATH, SOLUTION).unwrap_err();
        assert_eq!(err, format!("it changes nothing in {PATH}"));
    }
}
