// A `NestedConnection` pops its entry off *this* thread's stack when it is
// dropped, so it must not leave the thread either: rustc refuses this program
// with E0277 (`nested_connection_is_not_send.stderr`).
// `tests/wont_compile.rs` checks it.
use std::net::SocketAddr;
use std::thread;

use thread_local::connection::NestedLazyConnection;

fn main() {
    let conn = NestedLazyConnection::new(SocketAddr::from(([127, 0, 0, 1], 8080)));
    // ANCHOR: nested_connection_is_not_send
    let inner = conn.enter().expect("a server is listening");
    thread::scope(|s| {
        s.spawn(move || drop(inner));
    });
    // ANCHOR_END: nested_connection_is_not_send
}
