//! One check of one exercise, in order: build, tests, the loom model, the
//! stress test. It stops at the first step that fails and says, in words,
//! what that failure looks like in a concurrent program: a hang is a deadlock
//! or a lost wake-up, a loom failure is an interleaving nobody thought of,
//! drawn thread by thread in the learner's own lines (`schedule`).
//!
//! Test binaries are built by cargo (`cargo test --no-run`; its JSON
//! messages, read with `cargo_metadata`'s types, give each binary's path,
//! rustc's rendered errors, and each crate as it is compiled, which a
//! learner at a terminal sees on one line) and run by
//! `harness::run_with_timeout`, so a hung test is killed at its limit.

use std::collections::HashMap;
use std::io::{BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cargo_metadata::{Message, TargetKind};
use harness::RunError;

use super::course::Exercise;
use super::schedule::{self, Shown};
use super::terminal::StatusLine;
use crate::i18n::{self, tr, trf};

/// How long a test or stress binary may run before it is called hung.
pub const TEST_LIMIT: Duration = Duration::from_secs(10);
/// How long loom may search. A deadlock loom finds, it reports at once;
/// this only stops a model with too many interleavings.
pub const LOOM_LIMIT: Duration = Duration::from_secs(120);
/// Tests of the checker shorten the limits (it is a hidden override).
pub const LIMIT_ENV: &str = "XTASK_LEARN_TIME_LIMIT";

/// The three builds a check needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// `cargo test --no-run`: the behaviour tests.
    Debug,
    /// `--release`, `RUSTFLAGS="--cfg loom"`, in `<target>/loom`.
    Loom,
    /// The loom model again, built only when it failed, for its replay
    /// (`schedule`): the exercise package alone with line tables and
    /// without inlining, so its backtraces name every line it ran.
    LoomReplay,
    /// `--release`: the stress test.
    Release,
}

/// The step a check stopped at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Build,
    Tests,
    Loom,
    Stress,
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Step::Build => "the build",
            Step::Tests => "the tests",
            Step::Loom => "the loom model",
            Step::Stress => "the stress test",
        })
    }
}

/// What a check found: passed or not, and the report for the learner.
#[derive(Debug)]
pub struct Outcome {
    pub passed: bool,
    /// The step that failed, if one did.
    pub failed: Option<Step>,
    pub report: String,
    /// How long each test binary that ran took, against its limit, in check
    /// order (`learn --verify` prints them: the margin a busy machine has).
    pub timings: Vec<Timing>,
    /// The failing schedule the report shows, when loom rejected the answer.
    pub schedule: Option<Shown>,
}

/// One test binary's run: which step, how long, and its limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timing {
    pub step: Step,
    pub took: Duration,
    pub limit: Duration,
}

impl std::fmt::Display for Timing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.step {
            Step::Build => "build",
            Step::Tests => "tests",
            Step::Loom => "loom",
            Step::Stress => "stress",
        };
        write!(
            f,
            "{what} {:.1} s of {}",
            self.took.as_secs_f64(),
            seconds(self.limit)
        )
    }
}

/// Builds and runs one exercise package's test binaries: the learner's
/// package, its solutions (`--features solutions`), or a temporary copy with
/// a wrong answer swapped in (see `verify`).
#[derive(Debug)]
pub struct Checker {
    /// Where cargo runs: the workspace holding the package.
    pub workspace: PathBuf,
    /// The package's folder: the tests run there, as under `cargo test`.
    pub package_dir: PathBuf,
    pub package: String,
    pub solutions: bool,
    /// The cargo target directory; loom builds go to `<target>/loom`.
    pub target: PathBuf,
    /// Keep loom's own trace (and the test binaries' full output).
    pub verbose: bool,
    /// Print what is being built ("building the loom model…") to stderr.
    pub chatty: bool,
    /// Test binaries built so far: (profile, target name) → path.
    built: HashMap<(Profile, String), PathBuf>,
    test_limit: Duration,
    loom_limit: Duration,
}

impl Checker {
    pub fn new(workspace: &Path, package_dir: &Path, package: &str, target: &Path) -> Checker {
        let override_secs = std::env::var(LIMIT_ENV)
            .ok()
            .and_then(|s| s.parse::<u64>().ok());
        Checker {
            workspace: workspace.to_path_buf(),
            package_dir: package_dir.to_path_buf(),
            package: package.to_owned(),
            solutions: false,
            target: target.to_path_buf(),
            verbose: false,
            chatty: false,
            built: HashMap::new(),
            test_limit: override_secs.map_or(TEST_LIMIT, Duration::from_secs),
            loom_limit: override_secs.map_or(LOOM_LIMIT, |s| Duration::from_secs(s * 6)),
        }
    }

    /// Builds the named test targets of `profile` in one cargo run, unless
    /// built already. `Err` is the build's report: rustc's errors as cargo
    /// shows them.
    pub fn build(&mut self, profile: Profile, targets: &[&str]) -> Result<(), String> {
        let missing: Vec<&str> = targets
            .iter()
            .copied()
            .filter(|t| !self.built.contains_key(&(profile, (*t).to_owned())))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let color = std::io::stdout().is_terminal();
        let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        command
            .current_dir(&self.workspace)
            .args(["test", "--no-run", "--quiet", "-p", &self.package])
            .arg(if color {
                "--message-format=json-diagnostic-rendered-ansi"
            } else {
                "--message-format=json"
            })
            .stdin(Stdio::null());
        if self.solutions {
            command.args(["--features", "solutions"]);
        }
        for target in &missing {
            command.args(["--test", target]);
        }
        match profile {
            Profile::Debug => {
                command.env("CARGO_TARGET_DIR", &self.target);
            }
            Profile::Release => {
                command
                    .arg("--release")
                    .env("CARGO_TARGET_DIR", &self.target);
            }
            Profile::Loom => {
                command
                    .arg("--release")
                    .env("CARGO_TARGET_DIR", self.target.join("loom"))
                    .env("RUSTFLAGS", "--cfg loom");
            }
            Profile::LoomReplay => {
                // Only the package's own settings differ, so cargo keeps
                // both builds side by side and compiles nothing else again.
                let package = format!("profile.release.package.{}", self.package);
                command
                    .arg("--release")
                    .args(["--config", &format!("{package}.debug=\"line-tables-only\"")])
                    .args(["--config", &format!("{package}.opt-level=0")])
                    .env("CARGO_TARGET_DIR", self.target.join("loom"))
                    .env("RUSTFLAGS", "--cfg loom");
            }
        }
        if color {
            command.env("CARGO_TERM_COLOR", "always");
        }
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| trf("could not start cargo: {error}", &[("error", &e)]))?;
        // cargo's own errors (a broken manifest) come on stderr, read on a
        // thread of its own so neither pipe can fill and block cargo.
        let errors = child.stderr.take().map(|mut pipe| {
            std::thread::spawn(move || {
                let mut text = String::new();
                let _ = pipe.read_to_string(&mut text);
                text
            })
        });
        let mut status = StatusLine::new(self.chatty);
        // i18n: What is being built, in "building {what}…".
        let what = match profile {
            Profile::Debug => tr("the tests"),
            Profile::Loom if !loom_is_built(&self.target.join("loom")) => {
                tr("the loom model (the first time takes a minute)")
            }
            Profile::Loom => tr("the loom model"),
            Profile::LoomReplay => tr("the failing loom model again, to show its schedule"),
            Profile::Release => tr("the stress test (release)"),
        };
        status.show(&trf("building {what}…", &[("what", &what)]));
        let mut rendered = String::new();
        let mut compiled = 0;
        let stdout = child.stdout.take().map(BufReader::new);
        for message in stdout.into_iter().flat_map(Message::parse_stream) {
            match message {
                Ok(Message::CompilerMessage(message)) => {
                    if let Some(text) = message.message.rendered {
                        rendered.push_str(&text);
                    }
                }
                Ok(Message::CompilerArtifact(artifact)) => {
                    if !artifact.fresh {
                        compiled += 1;
                        status.show(&trf(
                            "building {what}: {compiled} crate(s) compiled, last {name}",
                            &[
                                ("what", &what),
                                ("compiled", &compiled),
                                ("name", &artifact.target.name),
                            ],
                        ));
                    }
                    if let (true, Some(executable)) = (
                        artifact.target.is_kind(TargetKind::Test),
                        artifact.executable,
                    ) {
                        self.built.insert(
                            (profile, artifact.target.name),
                            executable.into_std_path_buf(),
                        );
                    }
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        status.clear();
        let finished = child
            .wait()
            .map_err(|e| trf("could not wait for cargo: {error}", &[("error", &e)]))?;
        let stderr = errors
            .and_then(|reader| reader.join().ok())
            .unwrap_or_default();
        if finished.success() {
            return Ok(());
        }
        Err(format!("{rendered}{stderr}").trim_end().to_owned())
    }

    /// Runs every step for `exercise`, stopping at the first failure.
    pub fn check(&mut self, exercise: &Exercise) -> Outcome {
        let name = &exercise.name;
        let mut timings = Vec::new();
        let fail = |step: Step, report: String, timings: Vec<Timing>| Outcome {
            passed: false,
            failed: Some(step),
            report,
            timings,
            schedule: None,
        };

        // 1. build (only what the next step runs, so rustc's first errors are
        // the learner's file's).
        if let Err(errors) = self.build(Profile::Debug, &[&exercise.tests]) {
            return fail(
                Step::Build,
                format!(
                    "✗ {}\n\n{errors}\n",
                    trf("{name}: it does not compile.", &[("name", name)])
                ),
                timings,
            );
        }

        // 2. the behaviour tests.
        let started = Instant::now();
        let run = self.run_tests(Profile::Debug, &exercise.tests, exercise, Step::Tests);
        timings.push(self.timing(Step::Tests, started));
        if let Err(report) = run {
            return fail(Step::Tests, format!("✗ {name}: {report}"), timings);
        }

        // 3. the loom model.
        if let Some(model) = &exercise.loom {
            if let Err(errors) = self.build(Profile::Loom, &[model]) {
                return fail(
                    Step::Build,
                    format!(
                        "✗ {}\n\n{errors}\n",
                        trf(
                            "{name}: the loom model does not compile.",
                            &[("name", name)]
                        )
                    ),
                    timings,
                );
            }
            let started = Instant::now();
            let run = self.run_loom(model, exercise);
            timings.push(self.timing(Step::Loom, started));
            if let Err((report, shown)) = run {
                return Outcome {
                    schedule: shown,
                    ..fail(Step::Loom, format!("✗ {name}: {report}"), timings)
                };
            }
        }

        // 4. the stress test.
        if let Some(stress) = &exercise.stress {
            if let Err(errors) = self.build(Profile::Release, &[stress]) {
                return fail(
                    Step::Build,
                    format!(
                        "✗ {}\n\n{errors}\n",
                        trf(
                            "{name}: the stress test does not compile.",
                            &[("name", name)]
                        )
                    ),
                    timings,
                );
            }
            let started = Instant::now();
            let run = self.run_tests(Profile::Release, stress, exercise, Step::Stress);
            timings.push(self.timing(Step::Stress, started));
            if let Err(report) = run {
                return fail(Step::Stress, format!("✗ {name}: {report}"), timings);
            }
        }

        // i18n: The steps passed, listed in "{name} passes: {steps}.".
        let mut passed = vec![tr("it builds"), tr("its tests pass")];
        if exercise.loom.is_some() {
            passed.push(tr("loom finds no bad interleaving"));
        }
        if exercise.stress.is_some() {
            passed.push(tr("the stress test passes"));
        }
        Outcome {
            passed: true,
            failed: None,
            report: format!(
                "✓ {}\n",
                trf(
                    "{name} passes: {steps}.",
                    &[("name", name), ("steps", &passed.join(", "))]
                )
            ),
            timings,
            schedule: None,
        }
    }

    /// How long the run of `step` that began at `started` took, and its limit.
    fn timing(&self, step: Step, started: Instant) -> Timing {
        Timing {
            step,
            took: started.elapsed(),
            limit: if step == Step::Loom {
                self.loom_limit
            } else {
                self.test_limit
            },
        }
    }

    fn binary(&self, profile: Profile, target: &str) -> Result<&Path, String> {
        self.built
            .get(&(profile, target.to_owned()))
            .map(PathBuf::as_path)
            .ok_or_else(|| {
                let said = trf(
                    "cargo built no test binary called `{target}`: is it in tests/?",
                    &[("target", &target)],
                );
                format!("{said}\n")
            })
    }

    /// A test binary, run where `cargo test` runs it; backtraces and loom's
    /// locations only when verbose (a learner's `RUST_BACKTRACE=1` would bury
    /// the message).
    fn test_command(&self, binary: &Path) -> Command {
        let mut command = Command::new(binary);
        command.current_dir(&self.package_dir);
        if self.verbose {
            // loom names the source line of each blocked thread.
            command.env("LOOM_LOCATION", "1");
        } else {
            command.env("RUST_BACKTRACE", "0");
        }
        command
    }

    /// Runs a behaviour or stress test binary (`step`: which); `Err` is the
    /// report.
    fn run_tests(
        &self,
        profile: Profile,
        target: &str,
        exercise: &Exercise,
        step: Step,
    ) -> Result<(), String> {
        let binary = self.binary(profile, target)?;
        let stress = step == Step::Stress;
        match harness::run_with_timeout(self.test_command(binary), self.test_limit) {
            Ok(run) if run.status.success() => Ok(()),
            Ok(run) => {
                let status = run.status;
                let mut report = match (run.status.code().is_some(), stress) {
                    (true, false) => tr("the tests failed.").to_owned(),
                    (true, true) => tr("the stress test failed.").to_owned(),
                    (false, false) => trf("the tests crashed ({status}).", &[("status", &status)]),
                    (false, true) => trf(
                        "the stress test crashed ({status}).",
                        &[("status", &status)],
                    ),
                };
                report.push_str("\n\n");
                report.push_str(&failures(&run.stdout, &run.stderr, self.verbose));
                Err(report)
            }
            Err(RunError::TimedOut { stdout, .. }) => {
                Err(self.hung(binary, step, &stdout, exercise, self.test_limit))
            }
            Err(err) => {
                let said = if stress {
                    trf("the stress test could not run: {error}", &[("error", &err)])
                } else {
                    trf("the tests could not run: {error}", &[("error", &err)])
                };
                Err(format!("{said}\n"))
            }
        }
    }

    /// Runs the loom model; `Err` is the report, and the failing schedule
    /// it shows (if it could be replayed).
    fn run_loom(
        &mut self,
        target: &str,
        exercise: &Exercise,
    ) -> Result<(), (String, Option<Shown>)> {
        let binary = self
            .binary(Profile::Loom, target)
            .map_err(|e| (e, None))?
            .to_path_buf();
        let binary = binary.as_path();
        let run = harness::run_with_timeout(self.test_command(binary), self.loom_limit);
        let mut shown = None;
        let report = match run {
            Ok(run) if run.status.success() => return Ok(()),
            Ok(run) => {
                let mut report = tr("the loom model found an interleaving that fails.").to_owned();
                report.push('\n');
                if let Some(says) = &exercise.loom_says {
                    report.push('\n');
                    report.push_str(i18n::text(says).trim_end());
                    report.push('\n');
                }
                let all = format!("{}\n{}", run.stdout, run.stderr);
                report.push('\n');
                for line in translate_loom(&all) {
                    report.push_str(&line);
                    report.push('\n');
                }
                if let Some((table, summary)) = self.schedule(target, &all, exercise) {
                    report.push('\n');
                    report.push_str(&table);
                    shown = Some(summary);
                }
                report.push('\n');
                if self.verbose {
                    report.push_str(tr("loom's own report:"));
                    report.push('\n');
                    report.push_str(&failures(&run.stdout, &run.stderr, true));
                } else {
                    report.push_str(&trf(
                        "(loom's own trace: run `cargo xtask learn check --verbose {name}`)",
                        &[("name", &exercise.name)],
                    ));
                    report.push('\n');
                }
                report
            }
            Err(RunError::TimedOut { stdout, .. }) => format!(
                "{}{}\n",
                self.hung(binary, Step::Loom, &stdout, exercise, self.loom_limit),
                tr(
                    "(or loom has too many interleavings to try: a model keeps to two or \
                    three threads and a few operations)"
                )
            ),
            Err(err) => format!(
                "{}\n",
                trf("the loom model could not run: {error}", &[("error", &err)])
            ),
        };
        Err((report, shown))
    }

    /// The schedule of the failing test in the loom model's output, replayed
    /// on a build of its own (see `schedule`): only a failing check pays for
    /// it.
    fn schedule(
        &mut self,
        model: &str,
        output: &str,
        exercise: &Exercise,
    ) -> Option<(String, Shown)> {
        self.build(Profile::LoomReplay, &[model]).ok()?;
        let binary = self.binary(Profile::LoomReplay, model).ok()?.to_path_buf();
        let package = self
            .package_dir
            .strip_prefix(&self.workspace)
            .unwrap_or(&self.package_dir);
        let answer = package.join(&exercise.file);
        let test = package.join("tests").join(format!("{model}.rs"));
        let files = schedule::Files {
            answer_text: std::fs::read_to_string(self.workspace.join(&answer)).ok()?,
            test_text: std::fs::read_to_string(self.workspace.join(&test)).unwrap_or_default(),
            answer,
            test,
        };
        schedule::show(
            &binary,
            &self.package_dir,
            output,
            &files,
            self.loom_limit,
            self.verbose,
        )
    }

    /// The report for a test binary killed at its limit: what a hang means,
    /// the exercise's own hint, and which tests never finished.
    fn hung(
        &self,
        binary: &Path,
        step: Step,
        stdout: &str,
        exercise: &Exercise,
        limit: Duration,
    ) -> String {
        let limit = seconds(limit);
        let args: &[(&str, &dyn std::fmt::Display)] = &[("limit", &limit)];
        let mut report = match step {
            Step::Loom => trf(
                "the loom model did not finish in {limit}: a deadlock or a lost wake-up?",
                args,
            ),
            Step::Stress => trf(
                "the stress test did not finish in {limit}: a deadlock or a lost wake-up?",
                args,
            ),
            Step::Build | Step::Tests => trf(
                "the tests did not finish in {limit}: a deadlock or a lost wake-up?",
                args,
            ),
        };
        report.push('\n');
        if !exercise.deadlock.is_empty() {
            report.push('\n');
            report.push_str(i18n::text(&exercise.deadlock).trim_end());
            report.push('\n');
        }
        let stuck = unfinished_tests(binary, stdout);
        if !stuck.is_empty() {
            report.push('\n');
            report.push_str(tr("still running when it was stopped:"));
            report.push('\n');
            for test in stuck {
                report.push_str(&format!("  {test}\n"));
            }
        }
        report
    }
}

/// `10 s`, `1.5 s`: how the reports name a limit.
pub fn seconds(limit: Duration) -> String {
    let secs = limit.as_secs_f64();
    let secs = if secs.fract() == 0.0 {
        format!("{secs:.0}")
    } else {
        format!("{secs}")
    };
    trf("{secs} s", &[("secs", &secs)])
}

/// Has `<loom target>/release` built loom itself yet?
fn loom_is_built(loom_target: &Path) -> bool {
    std::fs::read_dir(loom_target.join("release/.fingerprint"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().starts_with("loom-"))
        })
        .unwrap_or(false)
}

/// The tests a hung binary never reported: all it lists, minus those whose
/// `test <name> ... <result>` line came out before it was killed.
fn unfinished_tests(binary: &Path, stdout: &str) -> Vec<String> {
    let Ok(listed) = Command::new(binary)
        .args(["--list", "--format", "terse"])
        .stdin(Stdio::null())
        .output()
    else {
        return Vec::new();
    };
    let finished: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("test "))
        .filter_map(|rest| rest.split(" ... ").next())
        .collect();
    String::from_utf8_lossy(&listed.stdout)
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .filter(|name| !finished.contains(name))
        .map(str::to_owned)
        .collect()
}

/// libtest's advice, wrong under the checker: it sets the variable itself
/// (`--verbose` keeps backtraces).
const BACKTRACE_NOTE: &str = "note: run with `RUST_BACKTRACE=1`";

/// What libtest said about the failures: from its `failures:` section to its
/// summary line; everything, if it never got there (or `verbose`). A failed
/// test whose output is the same as an earlier one's (the same panic at the
/// same place: every test of a starter stops at its first `todo!()`) is
/// named, not repeated.
pub fn failures(stdout: &str, stderr: &str, verbose: bool) -> String {
    let mut text = String::new();
    let start = stdout
        .lines()
        .position(|l| l == "failures:")
        .filter(|_| !verbose);
    match start {
        Some(start) => {
            let lines: Vec<&str> = stdout
                .lines()
                .skip(start)
                .take_while(|line| !line.starts_with("test result:"))
                .filter(|line| !line.starts_with(BACKTRACE_NOTE))
                .collect();
            // `---- <test> stdout ----` opens each failed test's output; the
            // second `failures:` opens the list of names.
            let names = lines
                .iter()
                .skip(1)
                .position(|line| *line == "failures:")
                .map_or(lines.len(), |at| at + 1);
            let mut seen: Vec<(String, &str)> = Vec::new();
            let mut at = 0;
            while at < names {
                let line = lines[at];
                let Some(test) = line
                    .strip_prefix("---- ")
                    .and_then(|rest| rest.strip_suffix(" stdout ----"))
                else {
                    text.push_str(line);
                    text.push('\n');
                    at += 1;
                    continue;
                };
                let end = (at + 1..names)
                    .find(|&i| lines[i].starts_with("---- "))
                    .unwrap_or(names);
                let body = &lines[at + 1..end];
                let key = failure_key(body);
                text.push_str(line);
                text.push('\n');
                match seen.iter().find(|(k, _)| *k == key) {
                    Some((_, first)) => {
                        text.push_str(&trf(
                            "(failed the same way as `{first}`)",
                            &[("first", first)],
                        ));
                        text.push_str("\n\n");
                    }
                    None => {
                        for line in body {
                            text.push_str(line);
                            text.push('\n');
                        }
                        seen.push((key, test));
                    }
                }
                at = end;
            }
            for line in &lines[names..] {
                text.push_str(line);
                text.push('\n');
            }
        }
        None => {
            text.push_str(stdout);
            if !stdout.ends_with('\n') && !stdout.is_empty() {
                text.push('\n');
            }
        }
    }
    if !stderr.trim().is_empty() {
        text.push_str(stderr);
        if !stderr.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

/// A failed test's output without what differs between two tests that
/// failed the same way: `thread '<test>' (<id>) panicked at` becomes
/// `panicked at`, and blank lines around it go.
fn failure_key(body: &[&str]) -> String {
    body.iter()
        .map(
            |line| match (line.strip_prefix("thread '"), line.find(" panicked at ")) {
                (Some(_), Some(at)) => &line[at + 1..],
                _ => line,
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// loom's messages, said in words. Each kind of failure found in `output`
/// gives one line; there is always at least one.
pub fn translate_loom(output: &str) -> Vec<String> {
    let mut said = Vec::new();
    if output.contains("deadlock; threads =") {
        said.push(
            tr(
                "In words: loom reached a state where every thread is blocked, waiting for \
             another: a deadlock, or a lost wake-up (a notify sent before anyone waited, \
             or never sent).",
            )
            .to_owned(),
        );
    }
    if output.contains("Model exceeded maximum number of branches") {
        said.push(
            tr(
                "In words: loom gave up (\"Model exceeded maximum number of branches\"): a \
             thread keeps looping while it waits for another to make progress, a busy \
             wait or spin loop. Block instead (a Condvar wait), or bound the loop.",
            )
            .to_owned(),
        );
    }
    if output.contains("Causality violation") {
        said.push(
            tr(
                "In words: a data race: two threads touched the same memory with nothing \
             ordering one access before the other (a missing lock, or too weak an \
             atomic ordering).",
            )
            .to_owned(),
        );
    }
    if output.contains("leaked") {
        said.push(
            tr(
                "In words: something was leaked: a value (an Arc, an allocation) was never \
             dropped when the model ended.",
            )
            .to_owned(),
        );
    }
    if said.is_empty() {
        if output.contains("assertion") {
            said.push(
                tr(
                    "In words: in one of the interleavings loom tried, an assertion failed: the \
                 result depends on the order in which the threads ran.",
                )
                .to_owned(),
            );
        } else {
            said.push(
                tr(
                    "In words: in one of the interleavings loom tried, the model panicked: the \
                 result depends on the order in which the threads ran.",
                )
                .to_owned(),
            );
        }
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loom_deadlock_is_said_in_words() {
        let output = "thread 'model' panicked at loom-0.7.3/src/rt/execution.rs:215:13:\n\
                      deadlock; threads = [(0, Blocked), (1, Blocked)]\n";
        let said = translate_loom(output);
        assert_eq!(said.len(), 1);
        assert!(
            said[0].contains("a deadlock, or a lost wake-up"),
            "{said:?}"
        );
    }

    #[test]
    fn a_spin_loop_a_race_and_an_assertion_are_told_apart() {
        let spin = translate_loom("Model exceeded maximum number of branches. This is often");
        assert!(spin[0].contains("busy wait"), "{spin:?}");
        let race = translate_loom("Causality violation: Concurrent load and mut accesses.");
        assert!(race[0].contains("data race"), "{race:?}");
        let assertion = translate_loom("assertion `left == right` failed\n  left: 1\n right: 2");
        assert!(
            assertion[0].contains("an assertion failed"),
            "{assertion:?}"
        );
        let other = translate_loom("called `Option::unwrap()` on a `None` value");
        assert!(other[0].contains("the model panicked"), "{other:?}");
    }

    #[test]
    fn failures_keep_libtests_failure_section_only() {
        let stdout = "running 2 tests\ntest a ... ok\ntest b ... FAILED\n\nfailures:\n\n\
                      ---- b stdout ----\npanicked: 1 != 2\n\
                      note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\n\
                      failures:\n    b\n\n\
                      test result: FAILED. 1 passed; 1 failed\n\n";
        assert_eq!(
            failures(stdout, "", false),
            "failures:\n\n---- b stdout ----\npanicked: 1 != 2\n\nfailures:\n    b\n\n"
        );
        assert_eq!(failures(stdout, "", true), stdout);
        assert_eq!(failures("no section", "err\n", false), "no section\nerr\n");
    }

    #[test]
    fn failures_that_repeat_an_earlier_one_are_named_not_repeated() {
        let block = |test: &str, id: u32, at: &str, message: &str| {
            format!(
                "---- {test} stdout ----\n\nthread '{test}' ({id}) panicked at {at}:\n{message}\n\n"
            )
        };
        let stdout = format!(
            "running 3 tests\n\nfailures:\n\n{}{}{}\nfailures:\n    a\n    b\n    c\n\n\
             test result: FAILED.\n",
            block("a", 11, "tests/x.rs:9:5", "lost an item"),
            block("b", 12, "src/x.rs:4:9", "not yet implemented: new"),
            block("c", 13, "src/x.rs:4:9", "not yet implemented: new"),
        );
        assert_eq!(
            failures(&stdout, "", false),
            format!(
                "failures:\n\n{}{}---- c stdout ----\n(failed the same way as `b`)\n\n\
                 failures:\n    a\n    b\n    c\n\n",
                block("a", 11, "tests/x.rs:9:5", "lost an item"),
                block("b", 12, "src/x.rs:4:9", "not yet implemented: new"),
            )
        );
    }

    #[test]
    fn limits_are_named_in_seconds() {
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5 s");
    }
}
