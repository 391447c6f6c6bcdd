//! `pollable-queues-flag-queue` under loom, with a fake flag (loom explores
//! threads and memory, not sockets). A `try_get` races a `put`: under every
//! interleaving the flag must end up raised exactly while items wait, and a
//! consumer waiting for the flag must get every item.
#![cfg(loom)]

use loom::sync::{Arc, Condvar, Mutex};
use pollable_queues_exercises::flag::Flag;
use pollable_queues_exercises::flag_queue::FlagQueue;

/// A flag a consumer can block on, as it would in `poll()`.
#[derive(Default)]
struct ModelFlag {
    raised: Mutex<bool>,
    changed: Condvar,
}

impl ModelFlag {
    fn is_raised(&self) -> bool {
        *self.raised.lock().unwrap()
    }

    fn wait_raised(&self) {
        let mut raised = self.raised.lock().unwrap();
        while !*raised {
            raised = self.changed.wait(raised).unwrap();
        }
    }
}

impl Flag for ModelFlag {
    fn raise(&self) {
        *self.raised.lock().unwrap() = true;
        self.changed.notify_all();
    }

    fn lower(&self) {
        *self.raised.lock().unwrap() = false;
    }
}

fn queue() -> Arc<FlagQueue<u32, ModelFlag>> {
    Arc::new(FlagQueue::with_flag(ModelFlag::default()))
}

#[test]
fn a_get_racing_a_put_leaves_the_flag_matching_the_items() {
    kit::schedule::model(|| {
        let q = queue();
        q.put(1);
        let producer = {
            let q = q.clone();
            loom::thread::spawn(move || q.put(2))
        };
        assert_eq!(q.try_get(), Some(1));
        producer.join().unwrap();
        let waiting = q.len();
        let raised = q.flag().is_raised();
        assert!(
            raised || waiting == 0,
            "{waiting} item(s) wait but the flag is lowered: a consumer in poll() would \
             sleep for ever, a lost wake-up"
        );
        assert!(
            !raised || waiting > 0,
            "the queue is empty but its flag is raised: readable with nothing to get"
        );
    });
}

#[test]
fn a_consumer_waiting_on_the_flag_gets_every_item() {
    kit::schedule::model(|| {
        let q = queue();
        let producer = {
            let q = q.clone();
            loom::thread::spawn(move || {
                q.put(1);
                q.put(2);
            })
        };
        let mut got = Vec::new();
        while got.len() < 2 {
            q.flag().wait_raised();
            if let Some(item) = q.try_get() {
                got.push(item);
            }
        }
        producer.join().unwrap();
        assert_eq!(got, [1, 2]);
        assert!(
            !q.flag().is_raised(),
            "drained, but the flag is still raised"
        );
    });
}
