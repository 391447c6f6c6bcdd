// A thread started with `thread::spawn` may outlive the function that started
// it, so it may not borrow that function's locals. rustc refuses this program
// with E0373; `tests/wont_compile.rs` checks that it still does, and the
// message is in `spawn_cannot_borrow.stderr`.
fn main() {
    // ANCHOR: spawn_cannot_borrow
    let readings = vec![3, 1, 4, 1, 5];
    let worker = std::thread::spawn(|| readings.len());
    println!("{:?}", worker.join());
    // ANCHOR_END: spawn_cannot_borrow
}
