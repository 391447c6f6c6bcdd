//! `cargo xtask python`: runs every program under `crates/<lesson>/python/`, each under a
//! time limit, and fails if one does not end by itself with exit 0.
//!
//! The Python side of the course is there to be run: a learner compares its
//! output and its speed with the Rust. These programs misbehave on purpose
//! at times (lost updates, busy polling, a deadlock), so each must bound
//! itself; this is what checks that it does. Python is optional: without
//! `python3` on the PATH this says so and succeeds.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::{Result, fail};

/// A program is written to end in a few seconds; the rest is headroom for a
/// loaded two-core machine.
const LIMIT: Duration = Duration::from_secs(30);

/// The interpreter, if this machine has one: `python3 --version` answers.
pub fn python3() -> Option<String> {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    ok.then(|| "python3".to_owned())
}

pub fn run_all(root: &Path) -> Result {
    let Some(python) = python3() else {
        eprintln!("==> python3 is not on the PATH: the Python programs were not run");
        return Ok(());
    };
    let programs: Vec<PathBuf> = lesson_dirs(root)
        .iter()
        .flat_map(|lesson| programs(&lesson.join("python")))
        .collect();
    let mut failed = Vec::new();
    for program in &programs {
        let name = program.strip_prefix(root).unwrap_or(program).display();
        let mut command = Command::new(&python);
        // -B: write no `__pycache__` into the repository.
        command.arg("-B").arg(program).current_dir(root);
        match harness::run_with_timeout(command, LIMIT) {
            Ok(run) if run.status.success() => {
                eprintln!("==> {name}: ok in {:.2} s", run.elapsed.as_secs_f64());
            }
            Ok(run) => {
                eprintln!("==> {name}: FAILED ({})\n{}", run.status, run.stderr);
                failed.push(name.to_string());
            }
            Err(err) => {
                eprintln!("==> {name}: {err}");
                failed.push(name.to_string());
            }
        }
    }
    if failed.is_empty() {
        eprintln!("==> {} Python programs ran and ended", programs.len());
        Ok(())
    } else {
        Err(fail(format!(
            "Python programs failed: {}",
            failed.join(", ")
        )))
    }
}

/// Every `crates/<lesson>/` folder, sorted.
fn lesson_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(root.join("crates"))
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// Every `.py` file below `dir`, in order; a name starting with `_` is a
/// module the programs import, not a program.
fn programs(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.file_name() != "__pycache__")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".py") && !name.starts_with('_')
        })
        .collect()
}
