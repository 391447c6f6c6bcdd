//! `subprocess-run` under stress: four threads run children at once, many
//! rounds; every answer is exact, and a missing program is an error every time.

use std::thread;

use subprocess_exercises::run::{RunError, run};

#[test]
fn many_children_from_many_threads_give_exact_answers() {
    thread::scope(|scope| {
        for t in 0..4 {
            scope.spawn(move || {
                for round in 0..60 {
                    let word = format!("t{t}-r{round}");
                    assert_eq!(run("echo", &[&word]).unwrap(), format!("{word}\n"));
                    match run("sh", &["-c", "exit 7"]) {
                        Err(RunError::Failed { code: Some(7), .. }) => {}
                        other => panic!("round {round}: exit 7 gave {other:?}"),
                    }
                    match run("no-such-program-for-subprocess-run", &[]) {
                        Err(RunError::NotFound { .. }) => {}
                        other => panic!("round {round}: a missing program gave {other:?}"),
                    }
                }
            });
        }
    });
}
