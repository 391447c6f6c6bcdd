//! Bench stub: to be written.

fn main() {}
