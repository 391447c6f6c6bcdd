// ANCHOR: spawn_cannot_borrow
let readings = vec![3, 1, 4, 1, 5];
// error[E0373]: closure may outlive the current function, but it borrows
// `readings`, which is owned by the current function
let worker = std::thread::spawn(|| readings.len());
drop(readings); // nothing stops this from running while the thread reads
println!("{:?}", worker.join());
// ANCHOR_END: spawn_cannot_borrow
