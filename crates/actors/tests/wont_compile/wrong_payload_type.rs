// A payload of the wrong type. Python's `a.send(('A', 'one'))` is accepted,
// and fails only when `do_A` does arithmetic on it; here the sender does not
// compile: error[E0308], mismatched types.
enum Command {
    A(i32),
    B(i32, i32),
}

fn main() {
    let commands = [Command::A("one"), Command::B(2, 3)];
    println!("{}", commands.len());
}
