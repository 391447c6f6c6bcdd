//! The answer to `blocking-io-send`: a handle that several threads share.
//! (The exercise and its task: crates/blocking-io/exercises/src/send.rs.)

use std::sync::Arc;

use crate::on_threads;

/// Settings every job reads.
#[derive(Debug, PartialEq, Eq)]
pub struct Settings {
    pub greeting: String,
    pub punctuation: char,
}

/// A handle to one shared [`Settings`]: a clone is another handle to the
/// same settings, not a copy of them.
#[derive(Debug, Clone)]
pub struct Shared {
    /// `Arc`, not `Rc`: its count is updated with atomic instructions, so
    /// handles may be cloned and dropped on several threads at once. That is
    /// what makes `Arc<T>` `Send` (and `Sync`) when `T` is `Send + Sync`.
    settings: Arc<Settings>,
}

impl Shared {
    /// The first handle to `settings`.
    pub fn new(settings: Settings) -> Shared {
        Shared {
            settings: Arc::new(settings),
        }
    }

    /// The settings this handle shares.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// How many handles to these settings exist right now.
    pub fn handles(&self) -> usize {
        Arc::strong_count(&self.settings)
    }
}

/// Greets each name on a thread of its own ([`on_threads`]), each job
/// holding a handle of its own; the greetings in the order of `names`.
pub fn greet_all(shared: &Shared, names: &[&str]) -> Vec<String> {
    let jobs: Vec<_> = names
        .iter()
        .map(|name| {
            let shared = shared.clone();
            move || {
                let settings = shared.settings();
                format!("{}, {name}{}", settings.greeting, settings.punctuation)
            }
        })
        .collect();
    on_threads(jobs)
}
