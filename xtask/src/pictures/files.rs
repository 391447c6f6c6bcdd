//! Trace files: the files of one run's processes merged into one trace, a
//! trace cropped to its picture's window, and a trace written as the book
//! keeps it (one event a line).

use serde_json::{Map, Value};

use super::timeline::{events, key, number, region, text};

/// The traces of one run's processes, one trace: each file's times moved
/// onto the earliest file's clock by their `epoch_unix_ns`.
pub fn merge(traces: Vec<Value>) -> Result<Value, String> {
    let epoch = |t: &Value| {
        t.pointer("/otherData/epoch_unix_ns")
            .and_then(Value::as_u64)
            .unwrap_or(0)
    };
    let earliest = traces
        .iter()
        .map(epoch)
        .min()
        .ok_or("the program wrote no trace")?;
    let mut merged = Vec::new();
    let mut other = Map::new();
    let mut dropped = 0;
    for trace in &traces {
        let shift = (epoch(trace) - earliest) as f64 / 1000.0;
        for event in events(trace)? {
            let mut event = event.clone();
            if shift != 0.0
                && text(&event, "ph") != "M"
                && let Some(ts) = number(&event, "ts")
            {
                event["ts"] = Value::from(((ts + shift) * 1000.0).round() / 1000.0);
            }
            merged.push(event);
        }
        dropped += trace
            .pointer("/otherData/dropped")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        if other.is_empty()
            && let Some(map) = trace.get("otherData").and_then(Value::as_object)
        {
            other = map.clone();
        }
    }
    other.insert("epoch_unix_ns".into(), Value::from(earliest));
    other.insert("dropped".into(), Value::from(dropped));
    other.insert("processes".into(), Value::from(traces.len()));
    Ok(serde_json::json!({ "traceEvents": merged, "displayTimeUnit": "ms", "otherData": other }))
}

/// `trace` with only what its picture shows: the events that touch the
/// window (the region `window`, or all), and the names of their lanes.
pub fn crop(trace: &Value, window: Option<&str>) -> Result<Value, String> {
    let all = events(trace)?;
    let kept: Vec<Value> = match window {
        None => all.clone(),
        Some(name) => {
            let (from, to) = region(trace, name)?;
            let touches = |e: &Value| {
                let Some(ts) = number(e, "ts") else {
                    return false;
                };
                let end = ts + number(e, "dur").unwrap_or(0.0);
                end >= from && ts <= to
            };
            let drawn: Vec<&Value> = all
                .iter()
                .filter(|e| text(e, "ph") != "M" && touches(e))
                .collect();
            let lanes: std::collections::BTreeSet<(u64, u64)> =
                drawn.iter().map(|e| key(e)).collect();
            let pids: std::collections::BTreeSet<u64> = lanes.iter().map(|k| k.0).collect();
            all.iter()
                .filter(|e| {
                    text(e, "ph") == "M"
                        && (lanes.contains(&key(e))
                            || (text(e, "name") == "process_name" && pids.contains(&key(e).0)))
                })
                .chain(drawn)
                .cloned()
                .collect()
        }
    };
    let mut out = trace.clone();
    out["traceEvents"] = Value::Array(kept);
    Ok(out)
}

/// The trace as the book keeps it: one event a line, so a diff reads.
pub fn to_text(trace: &Value) -> String {
    let events = events(trace).map(|e| e.as_slice()).unwrap_or_default();
    let lines: Vec<String> = events.iter().map(Value::to_string).collect();
    let other = trace.get("otherData").cloned().unwrap_or(Value::Null);
    format!(
        "{{\"traceEvents\":[\n{}\n],\n\"displayTimeUnit\":\"ms\",\n\"otherData\":{}}}\n",
        lines.join(",\n"),
        other
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pictures::timeline::Timeline;
    use crate::pictures::timeline::tests::sample;
    use serde_json::json;

    #[test]
    fn cropping_keeps_what_touches_the_window_and_the_names_of_its_lanes() {
        let cropped = crop(&sample(), Some("shown")).unwrap();
        let events = cropped["traceEvents"].as_array().unwrap();
        assert!(
            events
                .iter()
                .all(|e| e["name"] != "late" && e["ts"] != 0.0 || e["ph"] == "M")
        );
        assert_eq!(events.iter().filter(|e| e["ph"] == "M").count(), 2);
        assert_eq!(
            Timeline::read(&cropped, Some("shown")).unwrap(),
            Timeline::read(&sample(), Some("shown")).unwrap()
        );
    }

    #[test]
    fn processes_are_lined_up_by_their_epochs() {
        let a = json!({"traceEvents": [
            {"ph":"X","cat":"run","name":"w","ts":10.0,"dur":1.0,"pid":1,"tid":1}],
            "otherData": {"epoch_unix_ns": 1_000_000u64}});
        let b = json!({"traceEvents": [
            {"ph":"X","cat":"run","name":"w","ts":10.0,"dur":1.0,"pid":2,"tid":1}],
            "otherData": {"epoch_unix_ns": 1_500_000u64}});
        let merged = merge(vec![b, a]).unwrap();
        let t = Timeline::read(&merged, None).unwrap();
        assert_eq!(t.window, (10.0, 511.0));
        let labels: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
        // Neither process is named: one program's, told apart by their ids.
        assert_eq!(labels, ["thread 1 (1)", "thread 2 (2)"]);
        assert_eq!(merged["otherData"]["processes"], 2);
        assert!(to_text(&merged).lines().count() >= 4);
    }
}
