//! The Rust side of this lesson's `cargo xtask compare` experiments: what
//! they measure, their sizes and their table rows are in `lesson.toml`
//! (`[[experiment]]`), the Python sides in `python/compare_children.py` and
//! `python/compare_spawn.py`, the protocol in `harness::compare`.
//!
//! ```text
//! cargo run --release -p subprocess --example subprocess-compare -- children --runs 5 --size 200
//! cargo run --release -p subprocess --example subprocess-compare -- spawn --runs 5 --size 20
//! ```

use std::process::{Command, ExitCode};
use std::time::Instant;

use harness::compare::{self, Result, Run, check};

fn main() -> ExitCode {
    compare::main(
        env!("CARGO_PKG_NAME"),
        &[("children", children), ("spawn", spawn)],
    )
}

/// How many children sleep at once.
const CHILDREN: usize = 10;

/// `CHILDREN` children that each sleep `size` ms, all started before any
/// is waited for (the lesson's `spawn`).
fn children(run: &mut Run) -> Result {
    let seconds = format!("{:.3}", run.size as f64 / 1000.0);
    run.fact("children", CHILDREN);
    run.timed("sleepers", || {
        let mut started = Vec::with_capacity(CHILDREN);
        for _ in 0..CHILDREN {
            match subprocess::spawn(Command::new("sleep").arg(&seconds)) {
                Ok(child) => started.push(subprocess::ReapOnDrop::new(child)),
                Err(e) => return Err(e.to_string()), // those started are reaped on drop
            }
        }
        for child in started {
            let status = child.into_inner().wait().map_err(|e| e.to_string())?;
            check(status.success(), || format!("sleep ended with {status}"))?;
        }
        Ok(())
    })
}

/// Starts `size` trivial children (`true`) one after another, each run to
/// its end (the lesson's `output`); the time reported is per child.
fn spawn(run: &mut Run) -> Result {
    let size = run.size;
    let per_child = u32::try_from(size).map_err(|_| "--size must fit in a u32")?;
    run.measured("trivial", || {
        let started = Instant::now();
        for _ in 0..size {
            let output =
                subprocess::output(&mut Command::new("true")).map_err(|e| e.to_string())?;
            check(output.status.success(), || {
                format!("true ended with {}", output.status)
            })?;
        }
        Ok(started.elapsed() / per_child)
    })
}
