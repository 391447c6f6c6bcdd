//! A guard that reaps its child on every way out (every section that starts
//! a child holds it in one; the last, `every_child_is_reaped`, checks it).
//!
//! A child that has exited stays in the process table, a zombie, until its
//! parent waits for it; std's `Child` does not wait when dropped. The
//! lesson holds each child it starts in a [`ReapOnDrop`], so that an early
//! `?` or a panic cannot leave one behind; the last section drops a plain `Child`
//! on purpose, to show the zombie, then checks that no child is left.

use std::ops::{Deref, DerefMut};
use std::process::Child;

// ANCHOR: reap_on_drop
/// A child that is reaped when the guard is dropped: killed first if it is
/// still running, then waited for.
///
/// `std::process::Child` has no `Drop`: drop one and the child runs on, and
/// when it exits it stays a zombie (an entry in the process table holding its
/// exit status) until someone waits for it. Python's `with Popen(...)` waits
/// on the way out; this guard does that on every way out, `?` and panics
/// included, and kills rather than waits, because a guard that can block
/// forever in `drop` is worse than one that ends the child.
///
/// It derefs to the `Child`, so `guard.wait()`, `guard.stdout.take()` work.
///
/// ```
/// use std::process::Command;
/// use subprocess::ReapOnDrop;
///
/// use nix::errno::Errno;
/// use nix::sys::wait::{WaitPidFlag, waitpid};
///
/// let child = ReapOnDrop::new(Command::new("sleep").arg("5").spawn()?);
/// let pid = subprocess::pid(&child);
/// drop(child); // killed and reaped at once, not in five seconds
/// // Reaped: the pid is no longer our child, not even a zombie.
/// assert_eq!(waitpid(pid, Some(WaitPidFlag::WNOHANG)), Err(Errno::ECHILD));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct ReapOnDrop(Option<Child>);

impl ReapOnDrop {
    /// Takes charge of reaping `child`.
    pub fn new(child: Child) -> Self {
        ReapOnDrop(Some(child))
    }

    /// Gives the child back, unguarded: for `wait_with_output`, which takes
    /// the `Child` by value (and reaps it).
    pub fn into_inner(mut self) -> Child {
        self.0
            .take()
            .expect("only into_inner takes the child, and it consumes the guard")
    }
}

impl Deref for ReapOnDrop {
    type Target = Child;
    fn deref(&self) -> &Child {
        self.0
            .as_ref()
            .expect("only into_inner takes the child, and it consumes the guard")
    }
}

impl DerefMut for ReapOnDrop {
    fn deref_mut(&mut self) -> &mut Child {
        self.0
            .as_mut()
            .expect("only into_inner takes the child, and it consumes the guard")
    }
}

impl Drop for ReapOnDrop {
    fn drop(&mut self) {
        let Some(child) = self.0.as_mut() else {
            return; // handed out by `into_inner`
        };
        // Errors are ignored: there is no one to report them to in a drop,
        // and `try_wait` fails only if the child was already reaped.
        if let Ok(None) = child.try_wait() {
            let _ = child.kill();
        }
        let _ = child.wait();
    }
}
// ANCHOR_END: reap_on_drop
