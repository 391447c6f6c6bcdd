// A message with one argument too many. Python's `a.send(('A', 1, 2))` is
// accepted, and `do_A(1, 2)` raises `TypeError` later, inside the actor;
// here the sender does not compile: error[E0061], this enum variant takes 1
// argument but 2 arguments were supplied.
enum Command {
    A(i32),
    B(i32, i32),
}

fn main() {
    let commands = [Command::A(1, 2), Command::B(2, 3)];
    println!("{}", commands.len());
}
