//! `work_every`: one slice of work per `every` items, the slices end to end.
//! Its own test binary, because it turns the recorder on for the process.

use std::time::Duration;

use serde_json::Value;

const NAP: Duration = Duration::from_millis(3);

#[test]
fn each_item_is_a_slice_and_the_slices_meet() {
    let dir = std::env::temp_dir().join(format!("trace-work-every-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let path = dir.join("trace.json");
    assert!(
        trace::record_to(&path),
        "nothing else records in this binary"
    );

    // Four items, each of which keeps the thread off the CPU for a nap: to
    // the recorder, four slices of a thread that was not running.
    let napped = trace::work_every(0..4, 1)
        .inspect(|_| std::thread::sleep(NAP))
        .count();
    assert_eq!(napped, 4);
    trace::finish().expect("the trace is written");

    let text = std::fs::read_to_string(&path).expect("the trace file");
    let _ = std::fs::remove_dir_all(&dir);
    let trace: Value = serde_json::from_str(&text).expect("valid JSON");
    let mut slices: Vec<(f64, f64)> = trace["traceEvents"]
        .as_array()
        .expect("a list of events")
        .iter()
        .filter(|e| e["cat"] == "ready" || e["cat"] == "run")
        .map(|e| {
            let ts = e["ts"].as_f64().expect("a time");
            (ts, ts + e["dur"].as_f64().expect("a span has a length"))
        })
        .collect();
    slices.sort_by(|a, b| a.0.total_cmp(&b.0));
    let naps: Vec<&(f64, f64)> = slices
        .iter()
        .filter(|(from, to)| to - from >= 0.9 * NAP.as_micros() as f64)
        .collect();
    assert_eq!(naps.len(), 4, "a slice for each item: {slices:?}");
    for pair in slices.windows(2) {
        assert!(
            pair[1].0 - pair[0].1 < 100.0,
            "slices less than 100 µs apart: {slices:?}"
        );
    }
}
