//! `--record`: run each picture's program with the recorder on, and write
//! its trace, its SVG and a note of when and where it was recorded.
//!
//! Pictures that run the same program with the same arguments share one
//! run (a lesson's binary is run once for all its Rust pictures, each
//! showing its own window). The program's stdout is its own business and
//! is thrown away; it must end by itself, successfully, within the time
//! limit. Each process writes `<scratch>/trace.<pid>.json`, and the files
//! are merged into one trace.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::definition::{Picture, Side};
use super::files;
use super::layout::{FRAMES, Frame};
use super::svg;
use super::timeline::Timeline;
use crate::{Result, fail, run_command};

/// A picture's program is a lesson (two seconds) or one of its Python
/// programs; the rest is headroom for a loaded machine.
const LIMIT: Duration = Duration::from_secs(60);

/// What a run is: the pictures that share it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct RunKey {
    lesson: String,
    side: Side,
    program: Option<String>,
    example: Option<String>,
    release: bool,
    args: Vec<String>,
}

fn run_key(picture: &Picture) -> RunKey {
    let d = &picture.def;
    RunKey {
        lesson: picture.lesson.clone(),
        side: d.side,
        program: d.program.clone(),
        example: d.example.clone(),
        release: d.release,
        args: d.args.clone(),
    }
}

/// How a recording goes: into which directory, and whether to take a
/// second, before each run, to see how busy the machine is.
pub struct Options<'a> {
    pub out: &'a Path,
    pub measure_idle: bool,
}

/// Records `pictures` into `options.out`. Python pictures are skipped,
/// with a message, where there is no `python3`. Returns the pictures
/// recorded.
pub fn record(root: &Path, pictures: &[Picture], options: &Options) -> Result<Vec<Picture>> {
    let mut runs: BTreeMap<RunKey, Vec<&Picture>> = BTreeMap::new();
    for picture in pictures {
        runs.entry(run_key(picture)).or_default().push(picture);
    }
    let python = crate::python::python3();
    let mut recorded = Vec::new();
    for (key, pictures) in runs {
        let names: Vec<String> = pictures.iter().map(|p| p.id()).collect();
        let (command, program, tool) = match key.side {
            Side::Python => {
                let Some(python) = &python else {
                    eprintln!(
                        "==> python3 is not on the PATH: not recorded: {}",
                        names.join(", ")
                    );
                    continue;
                };
                let script = format!(
                    "crates/{}/{}",
                    key.lesson,
                    key.program.as_deref().unwrap_or_default()
                );
                let mut command = Command::new(python);
                command.arg("-B").arg(&script);
                (command, pictures[0].command_line(), python_version(python))
            }
            Side::Rust => {
                let binary = build(root, &key)?;
                (
                    Command::new(binary),
                    pictures[0].command_line(),
                    rust_version(key.release),
                )
            }
        };
        eprintln!("==> recording {} ({program})", names.join(", "));
        let busy = options.measure_idle.then(idle_share).flatten();
        let trace = run(root, command, &key.args)?;
        let recorded_on = recorded_on(busy.as_deref(), &tool);
        for picture in pictures {
            write(picture, &trace, &program, &recorded_on, options.out)?;
            recorded.push(picture.clone());
        }
    }
    Ok(recorded)
}

/// Builds what a Rust picture runs and says where the binary is.
fn build(root: &Path, key: &RunKey) -> Result<PathBuf> {
    let mut args = vec!["build", "--quiet", "-p", key.lesson.as_str()];
    if key.release {
        args.push("--release");
    }
    if let Some(example) = &key.example {
        args.extend(["--example", example.as_str()]);
    } else {
        args.push("--bins");
    }
    let mut command = crate::cargo_command(&args, &[]);
    command.current_dir(root);
    run_command(command, &format!("cargo {}", args.join(" ")))?;
    let profile = crate::target_dir().join(if key.release { "release" } else { "debug" });
    Ok(match &key.example {
        Some(example) => profile.join("examples").join(example),
        None => profile.join(&key.lesson),
    })
}

/// Runs `command` with the recorder on, and reads back the merged trace.
fn run(root: &Path, mut command: Command, args: &[String]) -> Result<Value> {
    let scratch = std::env::temp_dir().join(format!(
        "course-pictures-{}-{}",
        std::process::id(),
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    fs::create_dir_all(&scratch).map_err(|e| fail(format!("{}: {e}", scratch.display())))?;
    command
        .args(args)
        .current_dir(root)
        .env("COURSE_TRACE", scratch.join("trace.{pid}.json"));
    let outcome = harness::run_with_timeout(command, LIMIT);
    let traces = read_traces(&scratch);
    let _ = fs::remove_dir_all(&scratch);
    match outcome {
        Ok(run) if run.status.success() => {}
        Ok(run) => {
            return Err(fail(format!(
                "the program failed ({}):\n{}",
                run.status, run.stderr
            )));
        }
        Err(err) => return Err(fail(format!("the program did not end: {err}"))),
    }
    files::merge(traces?).map_err(fail)
}

fn read_traces(dir: &Path) -> Result<Vec<Value>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| fail(format!("{}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text =
                fs::read_to_string(path).map_err(|e| fail(format!("{}: {e}", path.display())))?;
            serde_json::from_str(&text)
                .map_err(|e| fail(format!("{}: not a JSON trace: {e}", path.display())))
        })
        .collect()
}

/// Writes one picture's cropped trace, its SVG and its note under `out`.
fn write(picture: &Picture, trace: &Value, program: &str, recorded_on: &str, out: &Path) -> Result {
    let d = &picture.def;
    let mut cropped = files::crop(trace, d.window.as_deref())
        .map_err(|e| fail(format!("picture {}: {e}", picture.id())))?;
    let other = &mut cropped["otherData"];
    other["picture"] = Value::from(picture.id());
    other["program"] = Value::from(program);
    other["recorded"] = Value::from(recorded_on);
    if let Some(window) = &d.window {
        other["window"] = Value::from(window.as_str());
    }
    let drawn = FRAMES
        .iter()
        .map(|&frame| Ok((frame.extension, render(picture, &cropped, frame)?)))
        .collect::<Result<Vec<_>>>()?;
    let dir = out.join(&picture.lesson);
    fs::create_dir_all(&dir).map_err(|e| fail(format!("{}: {e}", dir.display())))?;
    let note = format!(
        "# Written by `cargo xtask pictures --record`; record again rather than editing.\n\
         picture = {}\nprogram = {}\nrecorded = {}\n",
        toml_string(&picture.id()),
        toml_string(program),
        toml_string(recorded_on)
    );
    let files = [("trace.json", files::to_text(&cropped)), ("toml", note)];
    for (extension, text) in files.into_iter().chain(drawn) {
        let path = picture.file(out, extension);
        fs::write(&path, text).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// The SVG of a picture's (cropped) trace, in `frame`.
pub fn render(picture: &Picture, trace: &Value, frame: Frame) -> Result<String> {
    let timeline = Timeline::read(trace, picture.def.window.as_deref())
        .map_err(|e| fail(format!("picture {}: {e}", picture.id())))?;
    Ok(svg::draw(
        &timeline,
        &picture.def.title,
        &picture.def.alt,
        frame,
    ))
}

/// "Recorded 2025-06-01 22:40 UTC on AMD EPYC (2 cores), 35% idle in the
/// second before: busy with other work; CPython 3.11.7."
fn recorded_on(idle: Option<&str>, tool: &str) -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let busy = match idle.and_then(|i| i.trim_end_matches('%').parse::<u32>().ok()) {
        Some(share) if share < 75 => format!(
            ", {share}% idle in the second before: busy with other work, so the lanes show it too"
        ),
        Some(share) => format!(", {share}% idle in the second before"),
        None => String::new(),
    };
    format!(
        "Recorded {} on {} ({cores} cores){busy}; {tool}.",
        utc_now(),
        cpu_model()
    )
}

fn python_version(python: &str) -> String {
    let out = Command::new(python).arg("--version").output();
    let version = out
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "Python".to_owned());
    version.replacen("Python", "CPython", 1)
}

fn rust_version(release: bool) -> String {
    let out = Command::new("rustc").arg("--version").output();
    let version = out
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .nth(1)
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "?".to_owned());
    let build = if release { "release" } else { "debug" };
    format!("Rust {version}, a {build} build")
}

/// `/proc/cpuinfo`'s model name, without the marketing (or "this machine").
fn cpu_model() -> String {
    let model = fs::read_to_string("/proc/cpuinfo").ok().and_then(|info| {
        info.lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, name)| name.trim().to_owned())
    });
    let model = model.or_else(|| {
        let out = Command::new("sysctl")
            .args(["-n", "machdep.cpu.brand_string"])
            .output()
            .ok()?;
        Some(String::from_utf8_lossy(&out.stdout).trim().to_owned()).filter(|s| !s.is_empty())
    });
    let model = model.unwrap_or_else(|| "this machine".to_owned());
    // "AMD EPYC 7B13 64-Core Processor": the family is what a reader needs.
    let words: Vec<&str> = model
        .split_whitespace()
        .take_while(|w| !w.ends_with("-Core") && *w != "Processor" && *w != "CPU")
        .collect();
    if words.is_empty() {
        model
    } else {
        words.join(" ")
    }
}

/// The share of all cores' time that was idle over the next second
/// (Linux; `None` elsewhere).
fn idle_share() -> Option<String> {
    let sample = || -> Option<(u64, u64)> {
        let stat = fs::read_to_string("/proc/stat").ok()?;
        let line = stat.lines().find(|l| l.starts_with("cpu "))?;
        let fields: Vec<u64> = line
            .split_whitespace()
            .skip(1)
            .filter_map(|f| f.parse().ok())
            .collect();
        let idle = fields.get(3)? + fields.get(4).copied().unwrap_or(0);
        Some((idle, fields.iter().sum()))
    };
    let (idle_before, total_before) = sample()?;
    std::thread::sleep(Duration::from_secs(1));
    let (idle_after, total_after) = sample()?;
    let total = total_after.saturating_sub(total_before).max(1);
    Some(format!(
        "{}%",
        idle_after.saturating_sub(idle_before) * 100 / total
    ))
}

/// Now, as `2025-06-01 22:40 UTC`.
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (year, month, day) = civil_from_days((secs / 86_400) as i64);
    let minutes = secs % 86_400 / 60;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}

/// The date of day `days` since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn the_note_says_when_the_machine_was_busy() {
        let busy = recorded_on(Some("40%"), "CPython 3.11.7");
        assert!(
            busy.contains("40% idle in the second before: busy with other work"),
            "{busy}"
        );
        assert!(busy.ends_with("; CPython 3.11.7."), "{busy}");
        let idle = recorded_on(Some("98%"), "Rust 1.95.0, a debug build");
        assert!(!idle.contains("busy"), "{idle}");
        assert!(idle.contains("cores)"), "{idle}");
    }
}
