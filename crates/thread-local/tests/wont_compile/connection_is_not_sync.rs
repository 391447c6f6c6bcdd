// Nor may another thread borrow the guard: `&Connection` is `Send` only if
// `Connection` is `Sync`, and it is not. rustc refuses this program with
// E0277 (`connection_is_not_sync.stderr`). `tests/wont_compile.rs` checks it.
use std::net::SocketAddr;
use std::thread;

use thread_local::connection::LazyConnection;

fn main() {
    let conn = LazyConnection::new(SocketAddr::from(([127, 0, 0, 1], 8080)));
    // ANCHOR: connection_is_not_sync
    let stream = conn.enter().expect("a server is listening");
    thread::scope(|s| {
        s.spawn(|| stream.peer_addr());
    });
    // ANCHOR_END: connection_is_not_sync
}
