//! Lesson stub: to be written.
