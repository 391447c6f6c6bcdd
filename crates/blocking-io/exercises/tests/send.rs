//! `blocking-io-send`: the behaviour, with exact expectations. (A handle
//! that is not `Send` does not get this far: it does not compile.)
// The starter's `Shared` has no fields yet, so nothing to drop.
#![allow(clippy::drop_non_drop)]

use std::ptr;
use std::thread;

use blocking_io_exercises::send::{Settings, Shared, greet_all};

fn hello() -> Shared {
    Shared::new(Settings {
        greeting: "Hello".to_owned(),
        punctuation: '!',
    })
}

#[test]
fn the_handle_may_be_sent_and_shared_between_threads() {
    fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<Shared>();
}

#[test]
fn each_name_is_greeted_in_order() {
    let shared = hello();
    assert_eq!(
        greet_all(&shared, &["Ada", "Grace", "Barbara"]),
        ["Hello, Ada!", "Hello, Grace!", "Hello, Barbara!"]
    );
    assert!(greet_all(&shared, &[]).is_empty());
    assert_eq!(
        shared.handles(),
        1,
        "every job's handle is dropped once greet_all returns"
    );
}

#[test]
fn a_clone_is_another_handle_to_the_same_settings_not_a_copy() {
    let first = hello();
    assert_eq!(first.handles(), 1);
    let second = first.clone();
    assert!(
        ptr::eq(first.settings(), second.settings()),
        "a clone must share the settings, not copy them"
    );
    assert_eq!(first.handles(), 2);
    assert_eq!(second.handles(), 2);
    drop(second);
    assert_eq!(first.handles(), 1);
}

#[test]
fn a_handle_moves_to_a_thread_that_outlives_its_caller() {
    let shared = hello();
    let handle = shared.clone();
    // `thread::spawn` (not scoped): the closure must own what it holds.
    let greeting = thread::spawn(move || handle.settings().greeting.clone())
        .join()
        .expect("the thread does not panic");
    assert_eq!(greeting, "Hello");
    assert_eq!(
        shared.handles(),
        1,
        "the thread's handle was dropped with it"
    );
}
