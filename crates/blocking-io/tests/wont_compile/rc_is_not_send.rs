// A job that holds an `Rc` cannot go to another thread: `Rc` updates its
// count without atomic instructions, so it is not `Send`, and rustc refuses
// this with E0277. `tests/wont_compile.rs` checks that it still does; the
// message is in `rc_is_not_send.stderr`.
use std::rc::Rc;

fn main() {
    // ANCHOR: rc_is_not_send
    let shared = Rc::new(5);
    let results = blocking_io::one_thread_each([move || *shared + 1]);
    // ANCHOR_END: rc_is_not_send
    println!("{results:?}");
}
