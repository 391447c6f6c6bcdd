//! The `parallelism` lesson's parts (Effective Python Item 64): one
//! CPU-bound workload, run four ways.
//!
//! - [`gcd`] and [`pairs`]: the Item's slow greatest common divisor, and a
//!   deterministic input for it;
//! - [`gcds_on_threads`]: scoped threads over equal chunks (Python's
//!   `ThreadPoolExecutor.map`, minus the GIL);
//! - [`gcds_with_rayon`]: rayon's `par_iter`;
//! - [`gcds_in_processes`] and [`serve`]: worker processes over pipes (Python's
//!   `ProcessPoolExecutor`), the lesson's own binary being the worker;
//! - [`fastest_thread_start`], [`fastest_process_start`] and their CPU-time
//!   twins: what starting each kind of worker costs;
//! - [`verdict`]: the checks behind every claim the lesson prints, each
//!   answering with a `kit::Verdict`.
//!
//! Nothing here is a synchronisation primitive built by hand: the threads
//! share only read-only data, each returns its own results through `join`,
//! and rayon brings its own pool. So the lesson has no loom model.

mod costs;
mod processes;
mod threads;
pub mod verdict;
mod workload;

pub use costs::{
    fastest_process_start, fastest_thread_start, process_start_cpu, thread_cpu, thread_start_cpu,
};
pub use processes::{ProcessRun, WORKER_ARG, encode, gcds_in_processes, serve};
pub use threads::{Handout, Share, address_range, gcds_on_threads, gcds_with_rayon};
pub use workload::{Lcg, Pair, candidates_tried, euclid, gcd, pairs, timed};
