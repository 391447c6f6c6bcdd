//! A timeline drawn as a static SVG: no script, no fonts to fetch, the
//! same bytes for the same trace.
//!
//! One lane a thread, labelled on the left; running as a tall solid bar,
//! waiting as a lower bar with a pattern of its own (hatched: ready but not
//! running; dots: I/O; lines: a join, a lock, a condition variable; a
//! dashed outline: asleep), holding a lock as a thin strip under the lane,
//! hand-offs as arrows. Colour and shape both tell them apart, so the
//! picture reads in grey too. Under the lanes a time axis, a legend of the
//! marks the picture uses, and where and when the trace was recorded.
//!
//! It is drawn in two frames (`layout::Frame`): 750 units wide, the book's
//! content width, with the lane labels in a column on the left; and 400
//! wide for a phone, each label above its lane and the text larger for the
//! width. The book shows the one that fits the page.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::layout::{Frame, escape, merged, n, nice_step, shorten, text_width, unit, wrap};
use super::timeline::{Kind, Span, Timeline};

/// Wide: where the lane labels end, and the lanes begin.
const LABEL_RIGHT: f64 = 142.0;
const X0: f64 = 150.0;
/// A lane's band.
const PITCH: f64 = 30.0;
pub(super) const INK: &str = "#1a202c";
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

/// How a kind of span is drawn: its fill, its outline, where in the lane
/// (top offset and height), and what the legend calls it.
struct Mark {
    fill: &'static str,
    stroke: &'static str,
    dashed: bool,
    top: f64,
    height: f64,
    label: &'static str,
}

fn mark(kind: Kind) -> Mark {
    let wait = |fill, stroke, label| Mark {
        fill,
        stroke,
        dashed: false,
        top: 9.0,
        height: 12.0,
        label,
    };
    match kind {
        Kind::Run => Mark {
            fill: "#2b6cb0",
            stroke: "#1a4971",
            dashed: false,
            top: 4.0,
            height: 22.0,
            label: "running",
        },
        Kind::Ready => wait("url(#ready)", "#c05621", "ready, not running"),
        Kind::Io => wait("url(#io)", "#276749", "waiting on I/O"),
        Kind::Join => wait("url(#join)", "#4a5568", "waiting to join"),
        Kind::Lock => wait("url(#lock)", "#c53030", "waiting for a lock"),
        Kind::Condvar => wait(
            "url(#condvar)",
            "#6b46c1",
            "waiting on a condition variable",
        ),
        Kind::Sleep => Mark {
            dashed: true,
            ..wait("#ffffff", "#4a5568", "asleep")
        },
        Kind::Hold => Mark {
            fill: "#b7791f",
            stroke: "#b7791f",
            dashed: false,
            top: 26.5,
            height: 3.0,
            label: "holding a lock",
        },
    }
}

const PATTERNS: &str = r##"<pattern id="ready" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fffaf0"/><rect width="2" height="6" fill="#c05621"/></pattern>
<pattern id="io" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#c6f6d5"/><circle cx="2.5" cy="2.5" r="1.2" fill="#22543d"/></pattern>
<pattern id="join" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#edf2f7"/><rect width="1.5" height="5" fill="#4a5568"/></pattern>
<pattern id="lock" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fed7d7"/><rect width="1.5" height="6" fill="#c53030"/><rect width="6" height="1.5" fill="#c53030"/></pattern>
<pattern id="condvar" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#e9d8fd"/><rect width="5" height="1.5" fill="#6b46c1"/></pattern>
<marker id="arrow" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#1a202c"/></marker>"##;

/// The SVG of `timeline` in `frame`, titled `title`, described by `alt`.
pub fn draw(timeline: &Timeline, title: &str, alt: &str, frame: Frame) -> String {
    let f = frame;
    let lanes = timeline.lanes.len() as f64;
    let (from, to) = timeline.window;
    let length = (to - from).max(1e-3);
    // Wide: labels in a column on the left. Narrow: each label on a line
    // above its lane, and the marks take the whole width.
    let (x0, x1) = if f.labels_left {
        (X0, f.width - 14.0)
    } else {
        (12.0, f.width - 12.0)
    };
    let label_row = if f.labels_left { 0.0 } else { f.font + 5.0 };
    let pitch = PITCH + label_row;
    let x = |t: f64| x0 + (t - from) / length * (x1 - x0);
    let (head, lanes_top) = heading(title, f);
    let lane_top = |lane: usize| lanes_top + lane as f64 * pitch + label_row;
    let axis_y = lanes_top + lanes * pitch + 4.0;

    let mut body = head;
    // Lanes: a light band every other lane, and the labels.
    for (i, lane) in timeline.lanes.iter().enumerate() {
        let top = lane_top(i);
        if i % 2 == 0 {
            let _ = writeln!(
                body,
                r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#f7fafc"/>"##,
                n(x0),
                n(top - label_row),
                n(x1 - x0),
                n(pitch)
            );
        }
        let (lx, ly, anchor, most) = if f.labels_left {
            (LABEL_RIGHT, top + 19.0, "end", 21)
        } else {
            (x0 + 2.0, top - 4.0, "start", f.chars(f.font))
        };
        let _ = writeln!(
            body,
            r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}">{}</text>"#,
            n(lx),
            n(ly),
            n(f.font),
            escape(&shorten(&lane.label, most))
        );
    }
    // The time axis: grid lines, ticks and their labels, the unit.
    let (unit, scale) = unit(length);
    let step = nice_step(length / scale / f.ticks);
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil() as usize
    };
    let tick_y = axis_y + 6.0 + f.font;
    let mut k = 0.0;
    while k * step <= length / scale + step * 1e-9 {
        let t = from + k * step * scale;
        let tx = x(t);
        let _ = writeln!(
            body,
            r##"<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#cbd5e0" stroke-width="0.6"/><line x1="{0}" y1="{2}" x2="{0}" y2="{3}" stroke="{INK}"/><text x="{0}" y="{4}" font-size="{7}" text-anchor="middle">{5:.6$}</text>"##,
            n(tx),
            n(lanes_top),
            n(axis_y),
            n(axis_y + 5.0),
            n(tick_y),
            k * step,
            decimals,
            n(f.font)
        );
        k += 1.0;
    }
    let _ = writeln!(
        body,
        r#"<line x1="{}" y1="{2}" x2="{}" y2="{2}" stroke="{INK}"/>"#,
        n(x0),
        n(x1),
        n(axis_y),
    );
    let legend_top = if f.labels_left {
        let _ = writeln!(
            body,
            r#"<text x="{}" y="{}" font-size="{}" text-anchor="end">{unit}</text>"#,
            n(LABEL_RIGHT),
            n(tick_y),
            n(f.font)
        );
        tick_y + 26.0
    } else {
        let _ = writeln!(
            body,
            r#"<text x="{}" y="{}" font-size="{}">time in {unit}</text>"#,
            n(x0),
            n(tick_y + f.font + 6.0),
            n(f.font)
        );
        tick_y + f.font + 32.0
    };

    // The marks, merged where they touch at this scale.
    let mut used: BTreeMap<Kind, Vec<&str>> = BTreeMap::new();
    for (kind, lane, spans) in groups(&timeline.spans) {
        let m = mark(kind);
        let names = used.entry(kind).or_default();
        for span in &spans {
            if !names.contains(&span.name.as_str()) {
                names.push(&span.name);
            }
        }
        let top = lane_top(lane) + m.top;
        for (a, b) in merged(spans.iter().map(|s| (x(s.start), x(s.end)))) {
            let _ = writeln!(
                body,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="0.6"{}/>"#,
                n(a),
                n(top),
                n((b - a).max(0.6)),
                n(m.height),
                m.fill,
                m.stroke,
                if m.dashed {
                    r#" stroke-dasharray="2 1.5""#
                } else {
                    ""
                }
            );
        }
    }
    for moment in &timeline.moments {
        let (mx, top) = (x(moment.at), lane_top(moment.lane));
        let _ = writeln!(
            body,
            r#"<path d="M{},{} l-4,-6 h8 z" fill="{INK}"><title>{}</title></path>"#,
            n(mx),
            n(top + 8.0),
            escape(&moment.name)
        );
    }
    for flow in &timeline.flows {
        let (ax, ay) = (x(flow.from.1), lane_top(flow.from.0) + PITCH / 2.0);
        let (bx, by) = (x(flow.to.1), lane_top(flow.to.0) + PITCH / 2.0);
        let _ = writeln!(
            body,
            r#"<circle cx="{}" cy="{}" r="2" fill="{INK}"/><line x1="{0}" y1="{1}" x2="{}" y2="{}" stroke="{INK}" stroke-width="1.3" marker-end="url(#arrow)"><title>{}</title></line>"#,
            n(ax),
            n(ay),
            n(bx),
            n(by),
            escape(&flow.name)
        );
    }

    // The legend: the marks this picture uses, then hand-offs and moments.
    let mut legend: Vec<(String, String)> = used
        .iter()
        .map(|(&kind, names)| (swatch(kind), legend_label(kind, names)))
        .collect();
    if !timeline.flows.is_empty() {
        legend.push((
            format!(r#"<line x1="0" y1="-4" x2="22" y2="-4" stroke="{INK}" stroke-width="1.3" marker-end="url(#arrow)"/>"#),
            "a hand-off".into(),
        ));
    }
    if let Some(first) = timeline.moments.first() {
        // Called what they mark, when every moment marks the same thing
        // ("woke to nothing").
        let one_name = timeline.moments.iter().all(|m| m.name == first.name);
        legend.push((
            format!(r#"<path d="M11,-1 l-4,-6 h8 z" fill="{INK}"/>"#),
            if one_name && !first.name.is_empty() {
                first.name.clone()
            } else {
                "a moment".into()
            },
        ));
    }
    let mut lx = 12.0;
    let mut ly = legend_top;
    for (glyph, label) in &legend {
        let label = shorten(label, f.chars(f.font).saturating_sub(6));
        let width = 30.0 + text_width(&label, f.font) + 18.0;
        if lx + width > f.width - 12.0 && lx > 12.0 {
            lx = 12.0;
            ly += f.font + 8.0;
        }
        let _ = writeln!(
            body,
            r#"<g transform="translate({},{})">{glyph}<text x="30" y="0" font-size="{}">{}</text></g>"#,
            n(lx),
            n(ly),
            n(f.font),
            escape(&label)
        );
        lx += width;
    }

    // Where and when it was recorded.
    let said = |key: &str| timeline.other.get(key).and_then(|v| v.as_str());
    let mut footer = Vec::new();
    if let Some(program) = said("program") {
        footer.push(format!("The program: `{program}`."));
    }
    footer.push(
        said("recorded")
            .unwrap_or("Not recorded by `cargo xtask pictures`.")
            .to_owned(),
    );
    let height = note(&mut body, &footer, ly + 12.0, f);
    document(f, height, title, alt, PATTERNS, &body)
}

/// The title, wrapped to the frame, as SVG text; and where what follows
/// it may begin.
pub(super) fn heading(title: &str, f: Frame) -> (String, f64) {
    let mut svg = String::new();
    let mut y = 24.0;
    for (i, line) in wrap(title, f.chars(f.title * 1.08)).iter().enumerate() {
        if i > 0 {
            y += f.title + 5.0;
        }
        let _ = writeln!(
            svg,
            r#"<text x="12" y="{}" font-size="{}" font-weight="bold">{}</text>"#,
            n(y),
            n(f.title),
            escape(line)
        );
    }
    (svg, y + 20.0)
}

/// The note of where and when, in small grey lines from `top`; returns the
/// drawing's height.
pub(super) fn note(body: &mut String, paragraphs: &[String], top: f64, f: Frame) -> f64 {
    let mut y = top + f.small + 2.0;
    for line in paragraphs
        .iter()
        .flat_map(|text| wrap(text, f.chars(f.small)))
    {
        let _ = writeln!(
            body,
            r##"<text x="12" y="{}" font-size="{}" fill="#4a5568">{}</text>"##,
            n(y),
            n(f.small),
            escape(&line)
        );
        y += f.small + 4.0;
    }
    (y - f.small + 2.0).ceil()
}

/// The whole SVG document around `body`: its size, title and description
/// (what a screen reader says), its patterns, a white ground.
pub(super) fn document(
    f: Frame,
    height: f64,
    title: &str,
    alt: &str,
    defs: &str,
    body: &str,
) -> String {
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="title desc" font-family="{FONT}" fill="{INK}">"#,
        w = n(f.width),
        h = n(height)
    );
    let _ = writeln!(svg, r#"<title id="title">{}</title>"#, escape(title));
    let _ = writeln!(svg, r#"<desc id="desc">{}</desc>"#, escape(alt));
    let _ = writeln!(svg, "<defs>\n{defs}\n</defs>");
    let _ = writeln!(
        svg,
        r##"<rect width="{}" height="{}" fill="#ffffff"/>"##,
        n(f.width),
        n(height)
    );
    svg.push_str(body);
    svg.push_str("</svg>\n");
    svg
}

/// The spans grouped by kind, then lane, each group in time order.
fn groups(spans: &[Span]) -> Vec<(Kind, usize, Vec<&Span>)> {
    let mut groups: BTreeMap<(Kind, usize), Vec<&Span>> = BTreeMap::new();
    for span in spans {
        groups.entry((span.kind, span.lane)).or_default().push(span);
    }
    groups
        .into_iter()
        .map(|((kind, lane), mut spans)| {
            spans.sort_by(|a, b| a.start.total_cmp(&b.start));
            (kind, lane, spans)
        })
        .collect()
}

/// The legend's sample of a mark, 24 by 12, its baseline at 0.
fn swatch(kind: Kind) -> String {
    let m = mark(kind);
    let (top, height) = if kind == Kind::Hold {
        (-6.0, 3.0)
    } else {
        (-10.0, 12.0)
    };
    format!(
        r#"<rect x="0" y="{}" width="24" height="{}" fill="{}" stroke="{}" stroke-width="0.6"{}/>"#,
        n(top),
        n(height),
        m.fill,
        m.stroke,
        if m.dashed {
            r#" stroke-dasharray="2 1.5""#
        } else {
            ""
        }
    )
}

/// What the legend calls a kind: the recorder's own words for a thread not
/// running ("waiting for the GIL or a core"), and what a wait was on when
/// every such span says the same ("waiting on I/O: poll").
fn legend_label(kind: Kind, names: &[&str]) -> String {
    let label = mark(kind).label;
    match (kind, names) {
        (Kind::Ready, [name]) => (*name).to_owned(),
        (Kind::Run | Kind::Ready, _) => label.to_owned(),
        (_, [name]) if !name.is_empty() && !label.contains(name) => format!("{label}: {name}"),
        _ => label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pictures::layout::{NARROW, WIDE};
    use crate::pictures::timeline::Timeline;
    use serde_json::json;

    fn timeline() -> Timeline {
        let trace = json!({"traceEvents": [
            {"ph":"M","name":"thread_name","ts":0,"pid":1,"tid":1,"args":{"name":"main <1>"}},
            {"ph":"X","cat":"run","name":"work","ts":0.0,"dur":40000.0,"pid":1,"tid":1},
            {"ph":"X","cat":"run","name":"work","ts":40010.0,"dur":10000.0,"pid":1,"tid":1},
            {"ph":"X","cat":"ready","name":"waiting for a core","ts":50010.0,"dur":20000.0,"pid":1,"tid":1},
            {"ph":"X","cat":"wait.io","name":"poll","ts":10000.0,"dur":100000.0,"pid":1,"tid":2},
            {"ph":"X","cat":"hold","name":"counter","ts":0.0,"dur":5000.0,"pid":1,"tid":2},
            {"ph":"s","cat":"hand-off","name":"put","id":1,"ts":20000.0,"pid":1,"tid":1},
            {"ph":"f","cat":"hand-off","name":"put","id":1,"ts":30000.0,"pid":1,"tid":2},
        ], "otherData": {"recorded": "Recorded today on a test.", "program": "demo"}});
        Timeline::read(&trace, None).unwrap()
    }

    #[test]
    fn the_same_trace_gives_the_same_bytes() {
        let a = draw(&timeline(), "A & B", "alt <text>", WIDE);
        let b = draw(&timeline(), "A & B", "alt <text>", WIDE);
        assert_eq!(a, b);
        assert!(a.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 750 "));
        assert!(a.contains("<title id=\"title\">A &amp; B</title>"));
        assert!(a.contains("<desc id=\"desc\">alt &lt;text&gt;</desc>"));
        assert!(!a.contains("<script"));
        assert!(a.contains(">main &lt;1&gt;</text>"));
        assert!(a.contains("The program: `demo`."));
    }

    #[test]
    fn moments_are_named_in_the_legend_when_they_all_mark_the_same_thing() {
        let moments = |names: &[&str]| {
            let events: Vec<_> = names
                .iter()
                .enumerate()
                .map(|(i, name)| json!({"ph":"i","cat":"instant","name":name,"s":"t","ts":i as f64 * 10.0,"pid":1,"tid":1}))
                .collect();
            draw(
                &Timeline::read(&json!({ "traceEvents": events }), None).unwrap(),
                "t",
                "a",
                WIDE,
            )
        };
        let same = moments(&["woke to nothing", "woke to nothing"]);
        assert!(same.contains(">woke to nothing</text>"), "{same}");
        let mixed = moments(&["woke to nothing", "gave up"]);
        assert!(mixed.contains(">a moment</text>"), "{mixed}");
    }

    #[test]
    fn each_kind_used_has_its_mark_and_legend_entry() {
        let svg = draw(&timeline(), "t", "a", WIDE);
        for words in [
            ">running</text>",
            ">waiting for a core</text>",
            ">waiting on I/O: poll</text>",
            ">holding a lock: counter</text>",
            ">a hand-off</text>",
            "fill=\"url(#ready)\"",
            "fill=\"url(#io)\"",
            "marker-end=\"url(#arrow)\"",
        ] {
            assert!(svg.contains(words), "{words} missing");
        }
        assert!(
            !svg.contains(">waiting to join"),
            "unused kinds stay out of the legend"
        );
        // Two runs 10 µs apart are one mark at this scale.
        assert_eq!(
            svg.matches("fill=\"#2b6cb0\"").count(),
            1 + 1,
            "one mark, one swatch"
        );
    }

    #[test]
    fn the_narrow_drawing_puts_labels_above_the_lanes_in_larger_text() {
        let svg = draw(
            &timeline(),
            "A title long enough to need two lines on a phone",
            "a",
            NARROW,
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 "));
        assert_eq!(svg.matches("font-weight=\"bold\"").count(), 2, "{svg}");
        // The lane's label starts at the left edge, above its lane.
        assert!(
            svg.contains(r#"font-size="13" text-anchor="start">main &lt;1&gt;</text>"#),
            "{svg}"
        );
        assert!(svg.contains(">time in ms</text>"));
        // Every mark stays inside the frame.
        for rect in svg.split("<rect ").skip(1) {
            let rect = rect.split("/>").next().unwrap_or_default();
            let attr = |name: &str| -> f64 {
                rect.split(&format!(" {name}=\""))
                    .nth(1)
                    .or_else(|| rect.strip_prefix(&format!("{name}=\"")))
                    .and_then(|v| v.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0.0)
            };
            assert!(attr("x") + attr("width") <= 400.0, "{rect}");
        }
        assert_eq!(
            svg,
            draw(
                &timeline(),
                "A title long enough to need two lines on a phone",
                "a",
                NARROW
            )
        );
    }

    #[test]
    fn the_axis_counts_in_round_steps_of_a_fitting_unit() {
        assert_eq!(unit(500.0), ("µs", 1.0));
        assert_eq!(unit(110_000.0), ("ms", 1000.0));
        assert_eq!(nice_step(110.0 / 6.0), 20.0);
        assert_eq!(nice_step(0.3), 0.5);
        assert_eq!(nice_step(5.0), 5.0);
        let svg = draw(&timeline(), "t", "a", WIDE);
        for tick in [">0</text>", ">20</text>", ">100</text>", ">ms</text>"] {
            assert!(svg.contains(tick), "{tick}");
        }
    }
}
