//! The lesson's own network: a TCP server whose connections are handled by a
//! [`ThreadPool`](crate::ThreadPool), an echo handler and client (Cookbook
//! 12.7's echo server), and just enough HTTP/1.1 to serve and fetch a few
//! pages. Everything listens on `127.0.0.1`, on a port the operating system
//! picks.
//!
//! - `server.rs`: [`Server`], the accept loop, and how it hands connections
//!   to a pool or to a thread each ([`Serving`]);
//! - `echo.rs`: [`echo`] and [`echo_client`], and [`echo_burst`], many
//!   clients at once (`an_echo_server_on_a_bounded_pool`, in `main.rs`);
//! - `http.rs`: [`Site`], [`serve_page`] and [`fetch`]
//!   (`fetching_pages_through_a_pool`).

mod echo;
mod http;
mod server;

pub use echo::{Burst, echo, echo_burst, echo_client};
pub use http::{FetchError, Site, fetch, refused_addr, serve_page};
pub use server::{Server, ServerReport, Serving};

use std::time::Duration;

/// No read or write on the lesson's sockets waits longer than this: a stuck
/// peer becomes an error, never a hang.
pub const IO_TIMEOUT: Duration = Duration::from_secs(5);
