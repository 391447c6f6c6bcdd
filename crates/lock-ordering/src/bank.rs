//! The bank account of `one_global_order_cannot_deadlock` (in `main.rs`):
//! a balance and a ledger, all behind the account's one lock, so what the
//! ledger says is what happened to the balance.

/// One account. Every field is written only by a thread holding the
/// account's lock, in the same critical section that moves the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Account {
    pub balance: i64,
    /// Transfers out of this account.
    pub sent: u32,
    /// Transfers into this account.
    pub received: u32,
}

impl Account {
    /// An account holding `balance`, with an empty ledger.
    pub fn opened_with(balance: i64) -> Self {
        Account {
            balance,
            sent: 0,
            received: 0,
        }
    }
}
