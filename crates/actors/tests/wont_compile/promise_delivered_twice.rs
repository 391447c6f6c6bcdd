// A promise delivers once: `set` takes the promise by value, so a second
// `set` uses a value that has moved. The Cookbook's `Result` would let a
// second `set_result` overwrite the first; here it does not compile:
// error[E0382], use of moved value.
fn main() {
    let (promise, handle) = actors::result_handle::<u32>();
    promise.set(1);
    promise.set(2);
    println!("{:?}", handle.result());
}
