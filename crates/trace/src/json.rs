//! The Chrome trace event format, written by hand (the crate has no
//! dependencies to spare): one JSON object, `traceEvents` one event a line.
//!
//! ```text
//! {"traceEvents":[
//! {"ph":"M","name":"process_name","ts":0,"pid":41,"tid":0,"args":{"name":"blocking-io"}},
//! {"ph":"M","name":"thread_name","ts":0,"pid":41,"tid":1,"args":{"name":"main"}},
//! {"ph":"X","cat":"wait.io","name":"poll","ts":1520.250,"dur":100081.375,"pid":41,"tid":2},
//! {"ph":"s","cat":"hand-off","name":"put","id":7,"ts":…,"pid":41,"tid":2},
//! …
//! ],
//! "displayTimeUnit":"ms",
//! "otherData":{"recorder":"course trace (Rust)","epoch_unix_ns":…,"dropped":0}}
//! ```
//!
//! Times are microseconds (the format's unit) with three decimals, since the
//! recorder started; `epoch_unix_ns` is that moment on the wall clock, which
//! lines up the traces of several processes.

use std::fmt::Write;

use crate::lane::{Event, Kind};

#[derive(Debug)]
pub(crate) struct Writer {
    pid: u32,
    out: String,
}

impl Writer {
    pub(crate) fn new(pid: u32, process_name: &str) -> Self {
        let mut out = String::from("{\"traceEvents\":[\n");
        let _ = write!(
            out,
            "{{\"ph\":\"M\",\"name\":\"process_name\",\"ts\":0,\"pid\":{pid},\"tid\":0,\"args\":{{\"name\":{}}}}}",
            quoted(process_name)
        );
        Writer { pid, out }
    }

    /// One thread's lane: its name and sort order, then its events in time
    /// order (spans are recorded when they end, so they come out of order).
    pub(crate) fn lane(&mut self, tid: u64, name: Option<&str>, events: &mut [Event]) {
        let pid = self.pid;
        let out = &mut self.out;
        if let Some(name) = name {
            let _ = write!(
                out,
                ",\n{{\"ph\":\"M\",\"name\":\"thread_name\",\"ts\":0,\"pid\":{pid},\"tid\":{tid},\"args\":{{\"name\":{}}}}}",
                quoted(name)
            );
        }
        let _ = write!(
            out,
            ",\n{{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"ts\":0,\"pid\":{pid},\"tid\":{tid},\"args\":{{\"sort_index\":{tid}}}}}"
        );
        events.sort_by_key(|e| (e.ts, std::cmp::Reverse(e.dur)));
        for event in events.iter() {
            let (ph, extra) = match event.kind {
                Kind::Span => ("X", format!(",\"dur\":{}", micros(event.dur))),
                Kind::Instant => ("i", ",\"s\":\"t\"".to_owned()),
                Kind::FlowOut(id) => ("s", format!(",\"id\":{id}")),
                Kind::FlowIn(id) => ("f", format!(",\"id\":{id},\"bp\":\"e\"")),
            };
            let _ = write!(
                out,
                ",\n{{\"ph\":\"{ph}\",\"cat\":{},\"name\":{},\"ts\":{}{extra},\"pid\":{pid},\"tid\":{tid}}}",
                quoted(event.cat),
                quoted(&event.name),
                micros(event.ts),
            );
            // A flow binds to a slice on its thread: give it one, of no length.
            if matches!(event.kind, Kind::FlowOut(_) | Kind::FlowIn(_)) {
                let _ = write!(
                    out,
                    ",\n{{\"ph\":\"X\",\"cat\":\"hand-off\",\"name\":{},\"ts\":{},\"dur\":0,\"pid\":{pid},\"tid\":{tid}}}",
                    quoted(&event.name),
                    micros(event.ts),
                );
            }
        }
    }

    pub(crate) fn finish(mut self, epoch_unix_ns: u128, dropped: u64) -> String {
        let _ = write!(
            self.out,
            "\n],\n\"displayTimeUnit\":\"ms\",\n\"otherData\":{{\"recorder\":\"course trace (Rust)\",\"epoch_unix_ns\":{epoch_unix_ns},\"dropped\":{dropped}}}}}\n"
        );
        self.out
    }
}

/// Nanoseconds as microseconds with three decimals: `1520250` is `1520.250`.
fn micros(ns: u64) -> String {
    format!("{}.{:03}", ns / 1000, ns % 1000)
}

/// `text` as a JSON string.
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_microseconds_with_three_decimals() {
        assert_eq!(micros(0), "0.000");
        assert_eq!(micros(1_520_250), "1520.250");
        assert_eq!(micros(999), "0.999");
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(
            quoted("a \"b\"\\\n\u{1}é"),
            "\"a \\\"b\\\"\\\\\\n\\u0001é\""
        );
    }
}
