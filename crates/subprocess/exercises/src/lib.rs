//! The exercises of the `subprocess` lesson (book/src/subprocess.md): each
//! module is a file you edit, checked by `cargo xtask learn check <name>`:
//!
//! - `subprocess-run`: [`run`], run a child to the end and return its text,
//!   or an error that names the program;
//! - `subprocess-pipeline`: [`pipeline`], two children chained like
//!   `first | second`, end-of-file reaching the second;
//! - `subprocess-deadline`: [`deadline`], wait with a deadline, then SIGTERM,
//!   then SIGKILL, and reap.
//!
//! With `--features solutions` each module is the answer from
//! `solutions/` instead.
//!
//! There is no `sync` shim and no loom model here: nothing in these
//! exercises is shared between threads by hand. The children are stock tools
//! (`sh`, `cat`, `tr`, `head`, `sleep`), and every test reaps (or kills) what
//! it started.
#![cfg_attr(not(feature = "solutions"), allow(clippy::todo, unused))]

#[cfg_attr(feature = "solutions", path = "../solutions/deadline.rs")]
pub mod deadline;
#[cfg_attr(feature = "solutions", path = "../solutions/pipeline.rs")]
pub mod pipeline;
#[cfg_attr(feature = "solutions", path = "../solutions/run.rs")]
pub mod run;
