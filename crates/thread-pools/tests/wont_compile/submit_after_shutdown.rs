// Python's executor, once shut down, raises `RuntimeError` when a job is
// submitted: a check at run time. Here `shutdown` takes the pool by value,
// so a later `submit` uses a pool that has moved away, and the program does
// not compile: error[E0382], borrow of moved value.
use std::convert::Infallible;

use thread_pools::ThreadPool;

fn main() {
    let pool = ThreadPool::new(2).expect("two workers");
    let report = pool.shutdown();
    let late = pool.submit(|| Ok::<_, Infallible>(42));
    println!("{report:?} {:?}", late.result());
}
