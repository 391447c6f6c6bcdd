// A third kind of message, `C`, and a handler that forgets it. Python's
// `getattr(self, "do_C")` fails at run time, inside the actor's thread;
// here the program does not compile: error[E0004], non-exhaustive patterns.
enum Command {
    A(i32),
    B(i32, i32),
    C,
}

fn handle(command: Command) -> String {
    match command {
        Command::A(x) => format!("Running A {x}"),
        Command::B(x, y) => format!("Running B {x} {y}"),
    }
}

fn main() {
    println!("{}", handle(Command::C));
}
