//! Lesson stub: to be written.

fn main() {}
