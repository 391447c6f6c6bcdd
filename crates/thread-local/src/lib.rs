//! The `thread-local` lesson's library: per-thread state (Python Cookbook
//! 12.6).
//!
//! - [`server`]: the lesson's own tiny HTTP server on 127.0.0.1, which counts
//!   what it sees, so the lesson can prove its claims from the other side of
//!   the socket;
//! - [`connection`]: the cookbook's `LazyConnection`, in both its forms: one
//!   connection per thread, and a per-thread stack for nested use;
//! - [`verdict`]: how the lesson decides each `yes`/`no` it prints, shared
//!   with the tests that show every one of them can come out `no`.

pub mod connection;
pub mod server;
pub mod verdict;
