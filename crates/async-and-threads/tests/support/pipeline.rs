//! The channels of `a_channel_joins_threads_and_a_task`, with a task that
//! may give up early: shared by the behaviour tests (`tests/mixing.rs`) and
//! the controls (`tests/verdicts.rs`).

use std::thread;

use async_and_threads::multi_thread_runtime;
use tokio::sync::mpsc;

/// A feeder thread sends `lines` with `blocking_send`, a task forwards at
/// most `forward` of them (upper-cased), and the calling thread reads the
/// answers with `blocking_recv` until the channel closes. Both channels
/// hold one item.
pub fn pipeline(lines: &[&str], forward: usize) -> Vec<String> {
    let runtime = multi_thread_runtime();
    let (to_task, mut task_inbox) = mpsc::channel::<String>(1);
    let (to_main, mut main_inbox) = mpsc::channel::<String>(1);
    let task = runtime.spawn(async move {
        for _ in 0..forward {
            let Some(line) = task_inbox.recv().await else {
                break;
            };
            if to_main.send(line.to_uppercase()).await.is_err() {
                break;
            }
        }
    });
    let lines: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
    let feeder = thread::spawn(move || {
        for line in lines {
            if to_task.blocking_send(line).is_err() {
                break; // the task has gone
            }
        }
    });
    let mut received = Vec::new();
    while let Some(line) = main_inbox.blocking_recv() {
        received.push(line);
    }
    feeder.join().expect("the feeder does not panic");
    runtime.block_on(task).expect("the task does not panic");
    received
}
