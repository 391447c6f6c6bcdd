// The guard `acquire` returns cannot be sent to another thread: the locks it
// holds are this thread's, and so is the held-locks list its drop updates.
use lock_ordering::{OrderedMutex, acquire};

fn main() {
    let a = OrderedMutex::new("a", 0);
    let guard = acquire(&[&a]).expect("this thread holds nothing else");
    std::thread::scope(|s| {
        s.spawn(move || drop(guard));
    });
}
