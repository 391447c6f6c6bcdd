//! A trace read back: the Chrome trace events the course's recorders write
//! (`crates/trace`, Rust and Python), as lanes of spans, hand-offs and
//! moments in one time window. (How trace files are merged, cropped and
//! written is `files.rs`.)
//!
//! Times stay in the format's microseconds, as `f64`.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// What a span is, and so how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Run,
    Ready,
    Io,
    Join,
    Lock,
    Condvar,
    Sleep,
    Hold,
}

impl Kind {
    /// The recorders' category for it.
    pub fn from_category(cat: &str) -> Option<Kind> {
        Some(match cat {
            "run" => Kind::Run,
            "ready" => Kind::Ready,
            "wait.io" => Kind::Io,
            "wait.join" => Kind::Join,
            "wait.lock" => Kind::Lock,
            "wait.condvar" => Kind::Condvar,
            "wait.sleep" => Kind::Sleep,
            "hold" => Kind::Hold,
            _ => return None,
        })
    }
}

/// One thread (or task, or process) of the trace.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub pid: u64,
    pub tid: u64,
    /// Its label in the picture.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub lane: usize,
    pub kind: Kind,
    pub name: String,
    pub start: f64,
    pub end: f64,
}

/// A hand-off: from one lane at one time to another lane later.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub name: String,
    pub from: (usize, f64),
    pub to: (usize, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub lane: usize,
    pub name: String,
    pub at: f64,
}

/// A trace, ready to draw: its lanes in order, what happened on them
/// within the window, and the window (microseconds).
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    pub spans: Vec<Span>,
    pub flows: Vec<Flow>,
    pub moments: Vec<Moment>,
    pub window: (f64, f64),
    /// The trace's `otherData` (`recorded`: when and where).
    pub other: Map<String, Value>,
}

/// A hand-off's name and id, which its two ends share.
type FlowKey = (String, i64);
/// One end of a hand-off: its lane, `(pid, tid)`, and when.
type End = ((u64, u64), f64);

pub(super) fn events(trace: &Value) -> Result<&Vec<Value>, String> {
    trace
        .get("traceEvents")
        .and_then(Value::as_array)
        .ok_or_else(|| "not a Chrome trace: no `traceEvents` list".to_owned())
}

pub(super) fn key(event: &Value) -> (u64, u64) {
    let id = |f: &str| event.get(f).and_then(Value::as_u64).unwrap_or(0);
    (id("pid"), id("tid"))
}

pub(super) fn text<'a>(event: &'a Value, field: &str) -> &'a str {
    event.get(field).and_then(Value::as_str).unwrap_or("")
}

pub(super) fn number(event: &Value, field: &str) -> Option<f64> {
    event.get(field).and_then(Value::as_f64)
}

/// The stretch the `region` spans called `name` mark: from the first one's
/// start to the last one's end. A program may mark a few turns of a loop,
/// `let _pictured = (id < 3).then(|| trace::region("first downloads"));`,
/// and the picture shows them together.
pub fn region(trace: &Value, name: &str) -> Result<(f64, f64), String> {
    let found = events(trace)?
        .iter()
        .filter(|e| text(e, "ph") == "X" && text(e, "cat") == "region" && text(e, "name") == name)
        .filter_map(|e| Some((number(e, "ts")?, number(e, "ts")? + number(e, "dur")?)))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    found.ok_or_else(|| {
        format!("the trace has no region `{name}`: the program marks it with trace::region")
    })
}

impl Timeline {
    /// Reads `trace`, windowed to the region `window` (or to everything it
    /// records).
    pub fn read(trace: &Value, window: Option<&str>) -> Result<Timeline, String> {
        let all = events(trace)?;
        let mut names: BTreeMap<(u64, u64), String> = BTreeMap::new();
        let mut processes: BTreeMap<u64, String> = BTreeMap::new();
        let mut sort_index: BTreeMap<(u64, u64), i64> = BTreeMap::new();
        for e in all.iter().filter(|e| text(e, "ph") == "M") {
            if text(e, "name") == "thread_sort_index"
                && let Some(index) = e.pointer("/args/sort_index").and_then(Value::as_i64)
            {
                sort_index.insert(key(e), index);
            }
            let name = e
                .pointer("/args/name")
                .and_then(Value::as_str)
                .map(str::to_owned);
            match (text(e, "name"), name) {
                ("thread_name", Some(name)) => {
                    names.insert(key(e), name);
                }
                ("process_name", Some(name)) => {
                    processes.insert(key(e).0, name);
                }
                _ => {}
            }
        }

        // Everything drawable, on (pid, tid) keys for now.
        let mut spans = Vec::new();
        let mut moments = Vec::new();
        let mut outs: BTreeMap<FlowKey, End> = BTreeMap::new();
        let mut ins: Vec<(FlowKey, End)> = Vec::new();
        for e in all {
            let Some(ts) = number(e, "ts") else { continue };
            match text(e, "ph") {
                "X" => {
                    let Some(kind) = Kind::from_category(text(e, "cat")) else {
                        continue;
                    };
                    let end = ts + number(e, "dur").unwrap_or(0.0);
                    spans.push((key(e), kind, text(e, "name").to_owned(), ts, end));
                }
                "i" | "I" => moments.push((key(e), text(e, "name").to_owned(), ts)),
                "s" | "f" => {
                    let Some(id) = e.get("id").and_then(flow_id) else {
                        continue;
                    };
                    let name = text(e, "name").to_owned();
                    if text(e, "ph") == "s" {
                        outs.insert((name, id), (key(e), ts));
                    } else {
                        ins.push(((name, id), (key(e), ts)));
                    }
                }
                _ => {}
            }
        }
        // A hand-off's two ends may come in either order (each thread's
        // events are written together). One out may have several ins: a
        // `notify_all` wakes every waiter, and each wake-up is an arrow.
        let mut flows: Vec<_> = ins
            .into_iter()
            .filter_map(|((name, id), to)| {
                let from = *outs.get(&(name.clone(), id))?;
                Some((name, from, to))
            })
            .collect();
        flows.sort_by(|a, b| a.1.1.total_cmp(&b.1.1).then(a.2.1.total_cmp(&b.2.1)));

        let window = match window {
            Some(name) => region(trace, name)?,
            None => {
                // Everything recorded, hand-offs' ends included.
                let starts = spans.iter().map(|s| s.3).chain(moments.iter().map(|m| m.2));
                let ends = spans.iter().map(|s| s.4).chain(moments.iter().map(|m| m.2));
                let starts = starts.chain(flows.iter().map(|f| f.1.1));
                let ends = ends.chain(flows.iter().map(|f| f.2.1));
                let start = starts.fold(f64::INFINITY, f64::min);
                let end = ends.fold(f64::NEG_INFINITY, f64::max);
                if start > end {
                    return Err("the trace records nothing to draw".into());
                }
                (start, end)
            }
        };
        let (from, to) = window;
        spans.retain(|s| s.4 > from && s.3 < to || (s.3 == s.4 && s.3 >= from && s.3 <= to));
        moments.retain(|m| m.2 >= from && m.2 <= to);
        // An arrow is drawn only if both its ends are in the window: one
        // from before it (or to after it) would start (or end) off the lanes.
        flows.retain(|f| f.1.1 >= from && f.2.1 <= to);

        // Lanes: the processes in the order they first did something in the
        // window, and in each, its threads in their recorder's order (the
        // order each began to record; the thread that turned recording on,
        // usually the main thread, first).
        let mut first: BTreeMap<(u64, u64), f64> = BTreeMap::new();
        let mut seen = |k: (u64, u64), at: f64| {
            let t = first.entry(k).or_insert(at);
            *t = t.min(at);
        };
        spans.iter().for_each(|s| seen(s.0, s.3.max(from)));
        moments.iter().for_each(|m| seen(m.0, m.2));
        flows.iter().for_each(|f| {
            seen(f.1.0, f.1.1.max(from));
            seen(f.2.0, f.2.1.min(to));
        });
        if first.is_empty() {
            return Err("nothing happens in the picture's window".into());
        }
        let mut process_first: BTreeMap<u64, f64> = BTreeMap::new();
        for (&(pid, _), &at) in &first {
            let t = process_first.entry(pid).or_insert(at);
            *t = t.min(at);
        }
        let mut keys: Vec<(u64, u64)> = first.keys().copied().collect();
        let order = |k: &(u64, u64)| sort_index.get(k).copied().unwrap_or(k.1 as i64);
        let rank = lane_ranks(&keys, &names, order);
        keys.sort_by(|a, b| {
            process_first[&a.0]
                .total_cmp(&process_first[&b.0])
                .then(a.0.cmp(&b.0))
                .then(rank[a].cmp(&rank[b]))
        });
        let several = process_first.len() > 1;
        // Processes of one program (a lesson and the copies of itself it
        // starts as workers) are told apart by their ids alone, `main
        // (4057)`, so a label fits the picture's margin; processes of
        // different programs keep their names too.
        let programs: std::collections::BTreeSet<Option<&String>> =
            process_first.keys().map(|pid| processes.get(pid)).collect();
        let one_program = programs.len() == 1;
        let mut unnamed = 0;
        let lanes: Vec<Lane> = keys
            .iter()
            .map(|&(pid, tid)| {
                let thread = names.get(&(pid, tid)).cloned().unwrap_or_else(|| {
                    unnamed += 1;
                    format!("thread {unnamed}")
                });
                let label = if !several {
                    thread
                } else if one_program {
                    format!("{thread} ({pid})")
                } else {
                    let process = processes.get(&pid).map_or("process", String::as_str);
                    format!("{process} {pid}: {thread}")
                };
                Lane { pid, tid, label }
            })
            .collect();
        let lane = |k: (u64, u64)| keys.iter().position(|&x| x == k).unwrap_or(0);

        let mut spans: Vec<Span> = spans
            .into_iter()
            .map(|(k, kind, name, start, end)| Span {
                lane: lane(k),
                kind,
                name,
                start: start.max(from),
                end: end.min(to),
            })
            .collect();
        spans.sort_by(|a, b| {
            (a.lane, a.kind)
                .cmp(&(b.lane, b.kind))
                .then(a.start.total_cmp(&b.start))
        });
        Ok(Timeline {
            lanes,
            spans,
            flows: flows
                .into_iter()
                .map(|(name, (a, at), (b, bt))| Flow {
                    name,
                    from: (lane(a), at),
                    to: (lane(b), bt),
                })
                .collect(),
            moments: moments
                .into_iter()
                .map(|(k, name, at)| Moment {
                    lane: lane(k),
                    name,
                    at,
                })
                .collect(),
            window,
            other: trace
                .get("otherData")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
        })
    }
}

/// Where each lane goes among its process's lanes: the main thread first;
/// then families of lanes whose names differ only in their numbers
/// (`Thread-1 (timed_call)`, `Thread-2 (timed_call)`; `worker 1`,
/// `worker 2`), each family where its first member began to record, its
/// members in the order of their numbers; other lanes in the order they
/// began to record.
///
/// A recorder numbers lanes as threads first record, which is the order
/// they happened to get a core, not the order they were made: CPython's
/// five `Thread-N`s come out 1, 3, 5, 2, 4. The numbers in their names say
/// the order they were made in.
fn lane_ranks(
    keys: &[(u64, u64)],
    names: &BTreeMap<(u64, u64), String>,
    order: impl Fn(&(u64, u64)) -> i64,
) -> BTreeMap<(u64, u64), Rank> {
    // A family is a name's shape with each number (a run of digits, so
    // `worker 9` and `worker 10` are one family) made the same.
    let family = |k: &(u64, u64)| {
        names.get(k).map(|name| {
            let shape: Vec<Chunk> = natural(name)
                .into_iter()
                .map(|chunk| match chunk {
                    Chunk::Number(_) => Chunk::Number(0),
                    text => text,
                })
                .collect();
            (k.0, shape)
        })
    };
    let mut family_first: BTreeMap<(u64, Vec<Chunk>), i64> = BTreeMap::new();
    for k in keys {
        if let Some(f) = family(k) {
            let at = family_first.entry(f).or_insert(i64::MAX);
            *at = (*at).min(order(k));
        }
    }
    keys.iter()
        .map(|k| {
            let name = names.get(k).map_or("", String::as_str);
            let main = matches!(name, "main" | "MainThread");
            let place = family(k).map_or(order(k), |f| family_first[&f]);
            (*k, (!main, place, natural(name), order(k), k.1))
        })
        .collect()
}

/// A lane's place: not the main thread, its family's place, its name in
/// natural order, its own place, its id.
type Rank = (bool, i64, Vec<Chunk>, i64, u64);

/// A piece of a name for natural ordering: numbers compare as numbers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Chunk {
    Number(u64),
    Text(String),
}

/// `Thread-10` as `["Thread-", 10]`, so that it sorts after `Thread-9`.
fn natural(name: &str) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        let digits = c.is_ascii_digit();
        let end = rest
            .find(|c: char| c.is_ascii_digit() != digits)
            .unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        chunks.push(match piece.parse() {
            Ok(number) if digits => Chunk::Number(number),
            _ => Chunk::Text(piece.to_owned()),
        });
        rest = tail;
    }
    chunks
}

/// A flow id: a number, or a string of one.
fn flow_id(id: &Value) -> Option<i64> {
    id.as_i64()
        .or_else(|| id.as_str().and_then(|s| s.parse().ok()))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use serde_json::json;

    /// A trace of three threads: a region, runs, a join, an I/O wait, a
    /// hand-off (its ends out of order) and a moment after the region.
    pub(in crate::pictures) fn sample() -> Value {
        json!({"traceEvents": [
            {"ph":"M","name":"process_name","ts":0,"pid":1,"tid":0,"args":{"name":"demo"}},
            {"ph":"M","name":"thread_name","ts":0,"pid":1,"tid":1,"args":{"name":"main"}},
            {"ph":"X","cat":"region","name":"shown","ts":100.0,"dur":900.0,"pid":1,"tid":1},
            {"ph":"X","cat":"run","name":"work","ts":0.0,"dur":50.0,"pid":1,"tid":1},
            {"ph":"X","cat":"wait.join","name":"join","ts":150.0,"dur":850.0,"pid":1,"tid":1},
            {"ph":"X","cat":"wait.io","name":"poll","ts":300.0,"dur":400.0,"pid":1,"tid":3},
            {"ph":"X","cat":"run","name":"work","ts":200.0,"dur":50.0,"pid":1,"tid":2},
            {"ph":"f","cat":"hand-off","name":"put","id":4,"bp":"e","ts":700.0,"pid":1,"tid":3},
            {"ph":"s","cat":"hand-off","name":"put","id":4,"ts":240.0,"pid":1,"tid":2},
            {"ph":"i","cat":"instant","name":"late","s":"t","ts":5000.0,"pid":1,"tid":3},
        ], "otherData": {"recorded": "today"}})
    }

    #[test]
    fn lanes_come_in_their_recorders_order_and_unnamed_ones_are_numbered() {
        let t = Timeline::read(&sample(), Some("shown")).unwrap();
        let labels: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["main", "thread 1", "thread 2"]);
        assert_eq!(t.window, (100.0, 1000.0));
        // The run before the window and the moment after it are left out.
        assert_eq!(t.spans.len(), 3);
        assert!(t.moments.is_empty());
        assert_eq!(
            t.flows,
            [Flow {
                name: "put".into(),
                from: (1, 240.0),
                to: (2, 700.0)
            }]
        );
        assert_eq!(t.other["recorded"], "today");
    }

    #[test]
    fn numbered_threads_come_in_the_order_of_their_numbers_main_first() {
        // As CPython's five calls recorded them: in the order each thread
        // first got to run, a producer and a consumer among them.
        let mut events = Vec::new();
        for (tid, name) in [
            (1, "producer"),
            (2, "Thread-1 (timed_call)"),
            (3, "Thread-3 (timed_call)"),
            (4, "MainThread"),
            (5, "Thread-10 (timed_call)"),
            (6, "Thread-2 (timed_call)"),
            (7, "consumer"),
        ] {
            events.push(json!({"ph":"M","name":"thread_name","ts":0,"pid":1,"tid":tid,"args":{"name":name}}));
            events.push(json!({"ph":"M","name":"thread_sort_index","ts":0,"pid":1,"tid":tid,"args":{"sort_index":tid}}));
            events.push(json!({"ph":"X","cat":"run","name":"w","ts":tid as f64,"dur":1.0,"pid":1,"tid":tid}));
        }
        let t = Timeline::read(&json!({"traceEvents": events}), None).unwrap();
        let labels: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "MainThread",
                "producer",
                "Thread-1 (timed_call)",
                "Thread-2 (timed_call)",
                "Thread-3 (timed_call)",
                "Thread-10 (timed_call)",
                "consumer"
            ]
        );
        assert!(natural("a9") < natural("a10"));
    }

    #[test]
    fn a_number_of_two_digits_is_of_the_same_family() {
        // `worker 10` began to record first, and still comes last.
        let mut events = Vec::new();
        for (tid, name) in [
            (1, "main"),
            (2, "worker 10"),
            (3, "worker 2"),
            (4, "worker 1"),
        ] {
            events.push(json!({"ph":"M","name":"thread_name","ts":0,"pid":1,"tid":tid,"args":{"name":name}}));
            events.push(json!({"ph":"X","cat":"run","name":"w","ts":tid as f64,"dur":1.0,"pid":1,"tid":tid}));
        }
        let t = Timeline::read(&json!({"traceEvents": events}), None).unwrap();
        let labels: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["main", "worker 1", "worker 2", "worker 10"]);
    }

    #[test]
    fn one_notify_that_wakes_two_waiters_is_two_arrows() {
        let trace = json!({"traceEvents": [
            {"ph":"X","cat":"wait.sleep","name":"interval","ts":0.0,"dur":100.0,"pid":1,"tid":1},
            {"ph":"s","cat":"hand-off","name":"tick","id":1,"ts":100.0,"pid":1,"tid":1},
            {"ph":"f","cat":"hand-off","name":"tick","id":1,"bp":"e","ts":130.0,"pid":1,"tid":3},
            {"ph":"f","cat":"hand-off","name":"tick","id":1,"bp":"e","ts":120.0,"pid":1,"tid":2},
            {"ph":"f","cat":"hand-off","name":"tick","id":2,"bp":"e","ts":150.0,"pid":1,"tid":2},
        ]});
        let t = Timeline::read(&trace, None).unwrap();
        let arrow = |to, at| Flow {
            name: "tick".into(),
            from: (0, 100.0),
            to: (to, at),
        };
        // The wake-up with no notify (id 2) draws nothing.
        assert_eq!(t.flows, [arrow(1, 120.0), arrow(2, 130.0)]);
    }

    #[test]
    fn regions_of_one_name_make_one_window_and_arrows_across_its_edges_are_left_out() {
        // Two turns of a loop marked "pictured", and three hand-offs: one
        // inside the window, one from before it, one to after it.
        let trace = json!({"traceEvents": [
            {"ph":"X","cat":"region","name":"pictured","ts":100.0,"dur":50.0,"pid":1,"tid":1},
            {"ph":"X","cat":"region","name":"pictured","ts":300.0,"dur":100.0,"pid":1,"tid":1},
            {"ph":"X","cat":"wait.sleep","name":"nap","ts":0.0,"dur":500.0,"pid":1,"tid":2},
            {"ph":"s","cat":"hand-off","name":"put","id":1,"ts":50.0,"pid":1,"tid":1},
            {"ph":"f","cat":"hand-off","name":"put","id":1,"bp":"e","ts":120.0,"pid":1,"tid":2},
            {"ph":"s","cat":"hand-off","name":"put","id":2,"ts":200.0,"pid":1,"tid":1},
            {"ph":"f","cat":"hand-off","name":"put","id":2,"bp":"e","ts":250.0,"pid":1,"tid":2},
            {"ph":"s","cat":"hand-off","name":"put","id":3,"ts":380.0,"pid":1,"tid":1},
            {"ph":"f","cat":"hand-off","name":"put","id":3,"bp":"e","ts":450.0,"pid":1,"tid":2},
        ]});
        let t = Timeline::read(&trace, Some("pictured")).unwrap();
        assert_eq!(t.window, (100.0, 400.0));
        assert_eq!(
            t.flows,
            [Flow {
                name: "put".into(),
                from: (0, 200.0),
                to: (1, 250.0)
            }]
        );
    }

    #[test]
    fn processes_of_one_program_are_told_apart_by_their_ids() {
        let lane = |pid: u64, program: &str, thread: &str, at: f64| {
            [
                json!({"ph":"M","name":"process_name","ts":0,"pid":pid,"tid":0,"args":{"name":program}}),
                json!({"ph":"M","name":"thread_name","ts":0,"pid":pid,"tid":1,"args":{"name":thread}}),
                json!({"ph":"X","cat":"run","name":"w","ts":at,"dur":1.0,"pid":pid,"tid":1}),
            ]
        };
        let labels = |events: Vec<Value>| -> Vec<String> {
            let t = Timeline::read(&json!({ "traceEvents": events }), None).unwrap();
            t.lanes.into_iter().map(|l| l.label).collect()
        };
        let mut copies: Vec<Value> = lane(40, "parallelism", "main", 0.0).into();
        copies.extend(lane(57, "parallelism", "worker", 5.0));
        assert_eq!(labels(copies), ["main (40)", "worker (57)"]);
        let mut two: Vec<Value> = lane(40, "parent", "main", 0.0).into();
        two.extend(lane(57, "child", "main", 5.0));
        assert_eq!(labels(two), ["parent 40: main", "child 57: main"]);
    }

    #[test]
    fn without_a_window_everything_is_shown_and_a_missing_region_is_an_error() {
        let t = Timeline::read(&sample(), None).unwrap();
        assert_eq!(t.window, (0.0, 5000.0));
        let err = Timeline::read(&sample(), Some("nowhere")).unwrap_err();
        assert!(err.contains("no region `nowhere`"), "{err}");
    }
}
