//! `blocking-io-send` under stress: eight threads clone and drop handles
//! to the same settings at once; the count always comes back to exactly one.
// The starter's `Shared` has no fields yet, so nothing to drop.
#![allow(clippy::drop_non_drop)]

use std::thread;

use blocking_io_exercises::send::{Settings, Shared, greet_all};

#[test]
fn the_count_survives_many_threads_cloning_at_once() {
    let shared = Shared::new(Settings {
        greeting: "Hi".to_owned(),
        punctuation: '.',
    });
    for round in 0..20 {
        thread::scope(|scope| {
            for _ in 0..8 {
                let mine = shared.clone();
                scope.spawn(move || {
                    for _ in 0..2_000 {
                        let another = mine.clone();
                        assert_eq!(another.settings().punctuation, '.');
                        drop(another);
                    }
                });
            }
        });
        assert_eq!(shared.handles(), 1, "round {round}: handles left over");
        assert_eq!(greet_all(&shared, &["a", "b"]), ["Hi, a.", "Hi, b."]);
    }
}
