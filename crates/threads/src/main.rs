//! Lesson stub: to be written.

fn main() {
    println!("== 1. Hello ==");
    println!(
        "took {:.1?}: fast: yes",
        std::time::Duration::from_micros(1234)
    );
}
