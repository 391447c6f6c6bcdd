//! The book's library side: what `cargo xtask book` (this package's binary)
//! and other tools share. [`messages`] is how the book's Markdown is split
//! into gettext messages, for the template, the Korean build and the
//! translators' alignment tool alike; [`pot`] is the template,
//! `book/po/messages.pot`.

pub mod check;
pub mod messages;
pub mod pot;
pub mod search;
pub mod translate;
