// A `Connection` stands for "this thread is inside the lazy connection": its
// drop clears *this* thread's entry. Moved to another thread and dropped
// there, it would clear that thread's entry instead, so the guard is not
// `Send`, and rustc refuses this program with E0277
// (`connection_is_not_send.stderr`). `tests/wont_compile.rs` checks it.
use std::net::SocketAddr;
use std::thread;

use thread_local::connection::LazyConnection;

fn main() {
    let conn = LazyConnection::new(SocketAddr::from(([127, 0, 0, 1], 8080)));
    // ANCHOR: connection_is_not_send
    let stream = conn.enter().expect("a server is listening");
    let other = thread::spawn(move || drop(stream));
    // ANCHOR_END: connection_is_not_send
    other.join().expect("the thread did not panic");
}
