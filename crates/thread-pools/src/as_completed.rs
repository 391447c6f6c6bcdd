//! Step 4, [`as_completed`]: hands back many jobs' results in the order
//! they finish, like `concurrent.futures.as_completed`.

use std::fmt;

use kit::sync::{Arc, lock};

use crate::channel::Channel;
use crate::handle::{JobError, JobHandle};

// ANCHOR: as_completed
/// Yields each job's `(index, result)` as the job finishes, fastest first;
/// `index` is the handle's position in `handles`.
///
/// Each handle is told where to announce that it finished (a shared
/// [`Channel`] of indices); a handle that finished already announces itself
/// at once. So every handle is yielded exactly once, whichever comes first.
///
/// ```
/// use thread_pools::{as_completed, ThreadPool};
///
/// let pool = ThreadPool::new(2).expect("two workers");
/// let handles: Vec<_> = ["1", "2", "x"]
///     .into_iter()
///     .map(|text| pool.submit(move || text.parse::<u32>()))
///     .collect();
/// let mut seen: Vec<_> = as_completed(handles)
///     .map(|(index, result)| (index, result.is_ok()))
///     .collect();
/// seen.sort(); // completion order varies: sort before comparing
/// assert_eq!(seen, [(0, true), (1, true), (2, false)]);
/// ```
pub fn as_completed<T, E>(handles: impl IntoIterator<Item = JobHandle<T, E>>) -> AsCompleted<T, E> {
    let finished = Arc::new(Channel::new());
    let handles: Vec<_> = handles.into_iter().collect();
    for (index, handle) in handles.iter().enumerate() {
        // Under the slot's lock, the job either has finished (announce it
        // now) or has not (leave the watcher for `complete` to find): it
        // cannot finish in between, so no index is lost or sent twice.
        let mut state = lock(&handle.slot.state);
        if state.outcome.is_some() {
            drop(state);
            let _ = finished.send(index);
        } else {
            state.watcher = Some((Arc::clone(&finished), index));
        }
    }
    AsCompleted {
        remaining: handles.len(),
        handles: handles.into_iter().map(Some).collect(),
        finished,
    }
}

/// The iterator [`as_completed`] returns.
pub struct AsCompleted<T, E> {
    handles: Vec<Option<JobHandle<T, E>>>,
    /// Indices of finished jobs, in the order they finished.
    finished: Arc<Channel<usize>>,
    remaining: usize,
}

impl<T, E> Iterator for AsCompleted<T, E> {
    type Item = (usize, Result<T, JobError<E>>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == 0 {
            return None;
        }
        let index = self.finished.recv()?;
        let handle = self.handles[index].take()?;
        self.remaining -= 1;
        // The job has finished, so this does not wait.
        Some((index, handle.result()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}
// ANCHOR_END: as_completed

impl<T, E> ExactSizeIterator for AsCompleted<T, E> {}

impl<T, E> fmt::Debug for AsCompleted<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsCompleted")
            .field("remaining", &self.remaining)
            .finish()
    }
}
