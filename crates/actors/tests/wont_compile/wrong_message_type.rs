// An actor's mailbox holds one type of message. Python's actor takes any
// object and finds out what it is when it unpacks it; here sending a string
// to an actor that reads `Command`s does not compile: error[E0308],
// mismatched types.
use actors::Actor;

enum Command {
    A(i32),
}

fn main() {
    let actor = Actor::spawn("tagged", |inbox| {
        inbox
            .map(|Command::A(x)| x)
            .sum::<i32>()
    });
    actor.send(Command::A(1)).expect("the mailbox is open");
    actor.send("A 1").expect("the mailbox is open");
    println!("{:?}", actor.join());
}
