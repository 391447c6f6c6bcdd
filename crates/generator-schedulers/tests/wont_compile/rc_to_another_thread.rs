// Tasks on one thread may share an `Rc<RefCell<..>>` freely. Hand one to
// another thread and the program does not compile: error[E0277], `Rc` cannot
// be sent between threads safely (its count is not atomic).
use std::cell::RefCell;
use std::rc::Rc;
use std::thread;

fn main() {
    let printed = Rc::new(RefCell::new(Vec::<String>::new()));
    let for_the_thread = Rc::clone(&printed);
    let other = thread::spawn(move || {
        for_the_thread.borrow_mut().push("T-minus 1".to_owned());
    });
    other.join().expect("the thread does not panic");
    println!("{:?}", printed.borrow());
}
