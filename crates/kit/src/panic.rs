//! A panic's message, from the payload that `JoinHandle::join` or
//! `catch_unwind` hands back.

use std::any::Any;

// ANCHOR: panic_message
/// What a thread panicked with: `panic!("…")` with a literal gives a
/// `&'static str`, with arguments a `String`; anything else (a payload from
/// `panic_any`) has no text.
///
/// ```
/// let payload = std::thread::spawn(|| panic!("sensor {} sent {:?}", 3, "warm"))
///     .join()
///     .expect_err("the thread panics");
/// assert_eq!(kit::panic_message(&*payload), "sensor 3 sent \"warm\"");
/// ```
pub fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&'static str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "(a panic without a message)"
    }
}
// ANCHOR_END: panic_message

#[cfg(test)]
mod tests {
    use super::panic_message;

    #[test]
    fn each_kind_of_payload_gives_its_text() {
        let literal: Box<dyn std::any::Any + Send> = Box::new("stuck");
        let formatted: Box<dyn std::any::Any + Send> = Box::new(String::from("stuck at 3"));
        let other: Box<dyn std::any::Any + Send> = Box::new(42_u32);
        assert_eq!(panic_message(&*literal), "stuck");
        assert_eq!(panic_message(&*formatted), "stuck at 3");
        assert_eq!(panic_message(&*other), "(a panic without a message)");
    }
}
