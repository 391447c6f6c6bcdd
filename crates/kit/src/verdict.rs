//! The answer a lesson prints to a claim: `<claim>: yes` or `<claim>: no`.

use std::fmt;

/// A claim's answer, computed from the evidence a section gathered and
/// printed as `yes` or `no`.
///
/// ```
/// use kit::Verdict;
///
/// let ran_in_parallel = Verdict::from(104 < 500);
/// assert_eq!(format!("ran in parallel: {ran_in_parallel}"), "ran in parallel: yes");
/// assert_eq!(Verdict::from(false).to_string(), "no");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use = "a verdict is there to be printed or checked"]
pub enum Verdict {
    Yes,
    No,
}

impl Verdict {
    /// True for `Yes`.
    pub fn is_yes(self) -> bool {
        self == Verdict::Yes
    }
}

impl From<bool> for Verdict {
    fn from(claim: bool) -> Self {
        if claim { Verdict::Yes } else { Verdict::No }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Yes => "yes",
            Verdict::No => "no",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Verdict;

    #[test]
    fn a_claim_prints_as_yes_or_no() {
        assert_eq!(Verdict::from(true), Verdict::Yes);
        assert_eq!(Verdict::from(false), Verdict::No);
        assert!(Verdict::Yes.is_yes());
        assert!(!Verdict::No.is_yes());
        assert_eq!(format!("{}|{}", Verdict::Yes, Verdict::No), "yes|no");
    }
}
