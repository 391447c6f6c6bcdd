//! expect: cannot be sent between threads safely
//! An `Rc` for the handle: its count is a plain integer, so `Rc` is not
//! `Send`, a job holding one cannot go to another thread, and `greet_all`
//! does not compile. The checker shows rustc's error (E0277).

use std::rc::Rc;

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
    /// `Rc`: cheaper than `Arc` (no atomic instructions)... and not `Send`.
    settings: Rc<Settings>,
}

impl Shared {
    /// The first handle to `settings`.
    pub fn new(settings: Settings) -> Shared {
        Shared {
            settings: Rc::new(settings),
        }
    }

    /// The settings this handle shares.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// How many handles to these settings exist right now.
    pub fn handles(&self) -> usize {
        Rc::strong_count(&self.settings)
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
