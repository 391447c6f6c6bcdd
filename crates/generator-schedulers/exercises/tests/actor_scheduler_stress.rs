//! `generator-schedulers-actors` under load: no threads here, so "stress"
//! means many messages. A ring of a thousand actors passes a token a
//! million hops; every delivery runs one deep, from the same place.

use generator_schedulers_exercises::actor_scheduler::{Actor, ActorScheduler, Flow, Outbox};
use generator_schedulers_exercises::probe;

const RING: usize = 1_000;
const HOPS: u64 = 1_000_000;

/// Names "0" to "999", leaked once: actor names are `&'static str`.
fn names() -> &'static [&'static str] {
    let names: Vec<&'static str> = (0..RING)
        .map(|i| &*Box::leak(i.to_string().into_boxed_str()))
        .collect();
    Box::leak(names.into_boxed_slice())
}

struct Link {
    next: &'static str,
}

impl Actor<u64> for Link {
    fn receive(&mut self, hops_left: u64, outbox: &mut Outbox<'_, u64>) -> Flow {
        let _delivery = probe::enter();
        if hops_left > 0 {
            outbox.send(self.next, hops_left - 1);
        }
        Flow::Continue
    }
}

#[test]
fn a_million_hops_round_a_ring_one_deep() {
    let names = names();
    probe::reset();
    let mut scheduler = ActorScheduler::new();
    for (i, name) in names.iter().enumerate() {
        scheduler.new_actor(
            name,
            Link {
                next: names[(i + 1) % RING],
            },
        );
    }
    scheduler.send(names[0], HOPS);
    let report = scheduler.run();
    let stack = probe::report();
    assert_eq!(report.delivered, HOPS + 1);
    assert_eq!(report.dropped, 0);
    assert_eq!(report.peak_queue_len, 1);
    assert_eq!(stack.deliveries, HOPS + 1);
    assert_eq!(stack.deepest, 1, "a delivery ran inside another");
    assert!(
        stack.spread < 4_096,
        "the stack moved {} bytes",
        stack.spread
    );
}
