//! The control of the verdict `src/sections/fast.rs` prints, for both of
//! the notification rules it measures.

use std::thread;

use kit::Verdict;
use queues::pipeline::{Roster, download, resize, start_workers, stop_stage};
use queues::verdict;
use queues::{FastQueue, NotifyRule};

// --- notified_only_when_someone_slept ---------------------------------------

/// `a_faster_queue_notifies_only_when_someone_sleeps` asks this of both
/// rules, and the snapshot shows "no" for step 4's and "yes" for step 5's;
/// this control runs the pipeline with each rule swapped for the other. On
/// step 4's rule, the done queue alone, drained after its close with no
/// producer left to wait for room, sends 1 000 notifications that find
/// nobody: "no", where the snapshot's step-5 line says "yes". On step 5's
/// rule the same pipeline says "yes", where the snapshot's step-4 line says
/// "no": a verdict stuck at either answer fails here.
#[test]
fn verdict_notified_only_when_someone_slept_can_fail() {
    for (rule, expected) in [
        (NotifyRule::Always, Verdict::No),
        (NotifyRule::WhenSomeoneSleeps, Verdict::Yes),
    ] {
        let downloads = FastQueue::with_rule(10, rule).expect("valid capacity");
        let resizes = FastQueue::with_rule(10, rule).expect("valid capacity");
        let done = FastQueue::with_rule(usize::MAX, rule).expect("valid capacity");
        let roster = Roster::new();
        thread::scope(|s| {
            let d = start_workers(s, 2, download, &downloads, &resizes, &roster);
            let r = start_workers(s, 2, resize, &resizes, &done, &roster);
            for id in 0..1_000 {
                downloads.put(id).expect("the queue is open");
            }
            stop_stage(&downloads, d).expect("stopped in order");
            stop_stage(&resizes, r).expect("stopped in order");
        });
        done.close();
        assert_eq!((&done).into_iter().count(), 1_000);
        let counted = downloads.notifications() + resizes.notifications() + done.notifications();
        assert_eq!(
            verdict::notified_only_when_someone_slept(counted),
            expected,
            "{rule:?}: {counted:?}"
        );
    }
}
