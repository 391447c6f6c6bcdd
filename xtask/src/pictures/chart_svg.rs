//! A chart drawn as a static SVG: no script, the same bytes for the same
//! figures, in the two frames of `layout.rs`.
//!
//! Each group (a case, or a benchmark's claim) has its heading and its
//! bars, each bar its label on the line above it and its figure at its
//! end, so nothing depends on colour alone; the colours differ in lightness
//! and pattern too, so they stay apart in grey (Python light, the lesson's
//! Rust dark, an earlier step striped, a best tool dotted, the floor an
//! outline). One time axis for the whole chart, at the bottom: a log scale
//! with a grid line every power of ten where the figures span more than a
//! factor of twenty, else linear from zero. Under it, where and when the
//! figures were measured.

use std::fmt::Write;

use super::chart::{Bar, Chart, Kind, figure_of, plain};
use super::layout::{Frame, escape, n, nice_step, text_width, wrap};
use super::svg::{INK, document, heading, note};

/// A bar's height.
const BAR: f64 = 14.0;

const PATTERNS: &str = r##"<pattern id="earlier" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6dccf"/><rect width="2.5" height="6" fill="#a33b14"/></pattern>
<pattern id="best" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#e2ecf6"/><circle cx="2.5" cy="2.5" r="1.4" fill="#2c5282"/></pattern>"##;

/// A kind's fill, outline, dashes and what the legend calls it.
fn style(kind: Kind) -> (&'static str, &'static str, &'static str, &'static str) {
    match kind {
        Kind::Python => ("#f2c94c", "#8a6d0b", "", "Python"),
        Kind::Rust => ("#a33b14", "#5c1f08", "", "the lesson's Rust"),
        Kind::Earlier => ("url(#earlier)", "#a33b14", "", "an earlier step of it"),
        Kind::Best => ("url(#best)", "#2c5282", "", "another tool"),
        Kind::Floor => (
            "#ffffff",
            INK,
            r#" stroke-dasharray="4 2""#,
            "the floor: the least it can take",
        ),
    }
}

/// The time axis: where a time falls on it, 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    log: bool,
    /// Log: powers of ten. Linear: seconds, from 0.
    low: f64,
    high: f64,
}

impl Scale {
    pub fn of(chart: &Chart) -> Scale {
        let times = chart.groups.iter().flat_map(|g| &g.bars).flat_map(|b| {
            let (low, high) = b.range.unwrap_or((b.seconds, b.seconds));
            [low, high]
        });
        let (min, max) = times.fold((f64::INFINITY, 0.0_f64), |(lo, hi), t| {
            (lo.min(t), hi.max(t))
        });
        let min = min.min(max).max(1e-12);
        if max / min >= 20.0 {
            // The shortest bar keeps some length: at least a third of a
            // power of ten past the axis's start.
            let mut low = min.log10().floor();
            if min.log10() - low < 0.3 {
                low -= 1.0;
            }
            // The axis ends just past the longest bar, not at the next
            // power of ten, which could leave most of a power empty.
            let high = (max.log10() + 0.05).max(low + 1.0);
            Scale {
                log: true,
                low,
                high,
            }
        } else {
            let step = nice_step(max / 4.0);
            Scale {
                log: false,
                low: 0.0,
                high: (max / step).ceil().max(1.0) * step,
            }
        }
    }

    pub fn is_log(&self) -> bool {
        self.log
    }

    fn at(&self, seconds: f64) -> f64 {
        let v = if self.log {
            (seconds.max(1e-12).log10() - self.low) / (self.high - self.low)
        } else {
            seconds / self.high
        };
        v.clamp(0.0, 1.0)
    }

    /// The grid: each line's place, its label (none for a minor line).
    fn ticks(&self) -> Vec<(f64, Option<String>)> {
        let mut ticks = Vec::new();
        if self.log {
            let decades = self.high - self.low;
            let mut power = self.low as i32;
            while f64::from(power) <= self.high {
                ticks.push((self.at(10f64.powi(power)), Some(power_of_ten(power))));
                for m in [2.0, 5.0] {
                    let minor = m * 10f64.powi(power);
                    if decades <= 4.5 && minor.log10() <= self.high {
                        ticks.push((self.at(minor), None));
                    }
                }
                power += 1;
            }
        } else {
            let step = nice_step(self.high / 4.0);
            let steps = (self.high / step).round() as u32;
            for k in 0..=steps {
                let v = f64::from(k) * step;
                let label = if k == 0 { "0".to_owned() } else { figure_of(v) };
                ticks.push((self.at(v), Some(label)));
            }
        }
        ticks
    }
}

/// `10^power` seconds, as `1 µs`, `10 ms`, `100 s`.
fn power_of_ten(power: i32) -> String {
    let (unit, base) = match power {
        p if p >= 0 => ("s", 0),
        -3..=-1 => ("ms", -3),
        -6..=-4 => ("µs", -6),
        _ => ("ns", -9),
    };
    format!("{} {unit}", 10u64.pow((power - base).clamp(0, 12) as u32))
}

/// A line of text with its `code` in a monospace font; `in_code` carries
/// an unclosed code span over to the next line.
fn rich(line: &str, in_code: &mut bool) -> String {
    let mut out = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i > 0 {
            *in_code = !*in_code;
        }
        if part.is_empty() {
            continue;
        }
        if *in_code {
            let _ = write!(
                out,
                r#"<tspan font-family="ui-monospace, Menlo, Consolas, monospace">{}</tspan>"#,
                escape(part)
            );
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

/// Lines of text from `top` (each `size` high, `gap` apart); returns where
/// the next thing may begin.
fn lines(body: &mut String, text: &str, top: f64, size: f64, bold: bool, f: Frame) -> f64 {
    let mut y = top;
    let mut in_code = false;
    let weight = if bold { r#" font-weight="bold""# } else { "" };
    for line in wrap(text, f.chars(size * if bold { 1.08 } else { 1.0 })) {
        y += size;
        let _ = writeln!(
            body,
            r#"<text x="12" y="{}" font-size="{}"{weight}>{}</text>"#,
            n(y),
            n(size),
            rich(&line, &mut in_code)
        );
        y += 4.0;
    }
    y
}

/// The SVG of `chart` in `frame`.
pub fn draw(chart: &Chart, frame: Frame) -> String {
    let f = frame;
    let scale = Scale::of(chart);
    let (mut body, mut y) = heading(&plain(&chart.title), f);

    // The legend: the kinds of bar this chart has.
    let mut kinds: Vec<Kind> = chart
        .groups
        .iter()
        .flat_map(|g| g.bars.iter().map(|b| b.kind))
        .collect();
    kinds.sort();
    kinds.dedup();
    let mut lx = 12.0;
    y += f.font - 6.0;
    for kind in kinds {
        let (fill, stroke, dash, label) = style(kind);
        let width = 24.0 + text_width(label, f.font) + 18.0;
        if lx + width > f.width - 12.0 && lx > 12.0 {
            lx = 12.0;
            y += f.font + 8.0;
        }
        let _ = writeln!(
            body,
            r#"<g transform="translate({},{})"><rect x="0" y="-10" width="18" height="12" fill="{fill}" stroke="{stroke}" stroke-width="0.8"{dash}/><text x="24" y="0" font-size="{}">{}</text></g>"#,
            n(lx),
            n(y),
            n(f.font),
            escape(label)
        );
        lx += width;
    }
    y += 14.0;

    // The groups and their bars, drawn after the grid that lies under them.
    let value_room = text_width("999 ms", f.font) + 16.0;
    let (x0, x1) = (12.0, f.width - 12.0 - value_room);
    let x = |seconds: f64| x0 + scale.at(seconds) * (x1 - x0);
    let plot_top = y;
    let mut bars = String::new();
    for group in &chart.groups {
        y = lines(&mut bars, &group.heading, y, f.font, true, f) + 2.0;
        for bar in &group.bars {
            y = lines(&mut bars, &bar.label, y, f.font, false, f);
            draw_bar(&mut bars, bar, y, x0, &x, f);
            y += BAR + 10.0;
        }
        y += 6.0;
    }

    // The axis.
    let axis_y = y;
    for (at, label) in scale.ticks() {
        let tx = x0 + at * (x1 - x0);
        let (colour, width) = if label.is_some() {
            ("#a0aec0", "0.8")
        } else {
            ("#e2e8f0", "0.6")
        };
        let _ = writeln!(
            body,
            r#"<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{colour}" stroke-width="{width}"/>"#,
            n(tx),
            n(plot_top),
            n(axis_y + if label.is_some() { 5.0 } else { 0.0 }),
        );
        if let Some(label) = label {
            let half = text_width(&label, f.font) / 2.0;
            let lx = tx.clamp(12.0 + half, f.width - 12.0 - half);
            let _ = writeln!(
                body,
                r#"<text x="{}" y="{}" font-size="{}" text-anchor="middle">{}</text>"#,
                n(lx),
                n(axis_y + 7.0 + f.font),
                n(f.font),
                escape(&label)
            );
        }
    }
    body.push_str(&bars);
    let _ = writeln!(
        body,
        r#"<line x1="{}" y1="{2}" x2="{}" y2="{2}" stroke="{INK}"/>"#,
        n(x0),
        n(x1),
        n(axis_y)
    );
    let caption = if scale.is_log() {
        "log scale: each labelled line ten times the last"
    } else {
        "linear scale from zero"
    };
    let y = lines(&mut body, caption, axis_y + f.font + 12.0, f.font, false, f);
    let height = note(&mut body, &[plain(&chart.recorded)], y + 4.0, f);
    document(
        f,
        height,
        &plain(&chart.title),
        &chart.description(),
        PATTERNS,
        &body,
    )
}

/// One bar from `x0` to its time, its range as a whisker, its figure at
/// its end.
fn draw_bar(body: &mut String, bar: &Bar, top: f64, x0: f64, x: &dyn Fn(f64) -> f64, f: Frame) {
    let (fill, stroke, dash, _) = style(bar.kind);
    let end = x(bar.seconds);
    let _ = writeln!(
        body,
        r#"<rect x="{}" y="{}" width="{}" height="{BAR}" fill="{fill}" stroke="{stroke}" stroke-width="0.8"{dash}/>"#,
        n(x0),
        n(top),
        n((end - x0).max(1.0)),
    );
    let mut right = end;
    if let Some((low, high)) = bar.range {
        let (a, b, mid) = (x(low), x(high), top + BAR / 2.0);
        let _ = writeln!(
            body,
            r#"<path d="M{a},{m} H{b} M{a},{t} V{u} M{b},{t} V{u}" stroke="{INK}" stroke-width="1.2" fill="none"/>"#,
            a = n(a),
            b = n(b),
            m = n(mid),
            t = n(mid - 4.0),
            u = n(mid + 4.0),
        );
        right = right.max(b);
    }
    let _ = writeln!(
        body,
        r#"<text x="{}" y="{}" font-size="{}">{}</text>"#,
        n(right + 5.0),
        n(top + BAR - 3.0),
        n(f.font),
        escape(&figure_of(bar.seconds))
    );
}

#[cfg(test)]
mod tests {
    use super::super::chart::Group;
    use super::super::layout::{NARROW, WIDE};
    use super::*;

    fn chart(times: &[f64]) -> Chart {
        Chart {
            title: "What it costs: `x`".into(),
            recorded: "Measured today.".into(),
            groups: vec![Group {
                heading: "a case with `code in it`".into(),
                bars: times
                    .iter()
                    .zip([Kind::Python, Kind::Rust, Kind::Best, Kind::Floor])
                    .map(|(&seconds, kind)| Bar {
                        label: format!("{kind:?}"),
                        kind,
                        seconds,
                        range: None,
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn figures_that_span_powers_of_ten_get_a_log_scale_from_a_power_below() {
        let scale = Scale::of(&chart(&[1.04, 0.0206, 0.0502]));
        assert!(scale.log);
        // 0.0206 is 0.31 of a power past 0.01: room enough for a bar. The
        // axis ends a little past the longest bar.
        assert_eq!(scale.low, -2.0);
        assert!((scale.high - (1.04f64.log10() + 0.05)).abs() < 1e-12);
        assert!(scale.at(1.04) < 1.0);
        let close = Scale::of(&chart(&[1.0, 0.0101]));
        assert_eq!(close.low, -3.0);
        let labels: Vec<String> = close.ticks().into_iter().filter_map(|t| t.1).collect();
        assert_eq!(labels, ["1 ms", "10 ms", "100 ms", "1 s"]);
        assert_eq!(close.ticks().len(), 4 + 3 * 2, "2× and 5× lines between");
        assert_eq!(power_of_ten(-7), "100 ns");
        assert_eq!(power_of_ten(1), "10 s");
        assert!((close.at(0.01) - 1.0 / 3.05).abs() < 1e-9);
    }

    #[test]
    fn figures_within_a_factor_of_twenty_get_a_linear_scale_from_zero() {
        let scale = Scale::of(&chart(&[0.501, 0.101]));
        assert!(!scale.log);
        assert!((scale.high - 0.6).abs() < 1e-12, "{scale:?}");
        let labels: Vec<String> = scale.ticks().into_iter().filter_map(|t| t.1).collect();
        assert_eq!(labels, ["0", "200 ms", "400 ms", "600 ms"]);
    }

    #[test]
    fn every_bar_says_its_figure_and_the_chart_says_where_it_was_measured() {
        for frame in [WIDE, NARROW] {
            let c = chart(&[1.04, 0.0206, 0.0502, 0.526]);
            let svg = draw(&c, frame);
            assert_eq!(svg, draw(&c, frame), "the same figures, the same bytes");
            assert!(svg.starts_with(&format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} ",
                frame.width
            )));
            assert!(!svg.contains("<script"));
            assert!(svg.contains("<title id=\"title\">What it costs: x</title>"));
            assert!(svg.contains("<desc id=\"desc\">Bar chart of times (log scale). a case with code in it: Python 1.04 s;"));
            for figure in [">1.04 s<", ">20.6 ms<", ">50.2 ms<", ">526 ms<"] {
                assert!(svg.contains(figure), "{figure}");
            }
            assert!(svg.contains(">Measured today.</text>"));
            assert!(svg.contains(">log scale: each labelled line ten times the last</text>"));
            assert!(svg.contains(
                r#"font-family="ui-monospace, Menlo, Consolas, monospace">code in it</tspan>"#
            ));
            assert_eq!(
                svg.split("<text")
                    .filter(|t| t.contains(">another tool<"))
                    .count(),
                1,
                "one legend entry a kind"
            );
        }
    }

    #[test]
    fn a_code_span_broken_over_two_lines_stays_code() {
        let mut in_code = false;
        assert_eq!(
            rich("a `b c", &mut in_code),
            r#"a <tspan font-family="ui-monospace, Menlo, Consolas, monospace">b c</tspan>"#
        );
        assert!(in_code);
        assert_eq!(
            rich("d` e", &mut in_code),
            r#"<tspan font-family="ui-monospace, Menlo, Consolas, monospace">d</tspan> e"#
        );
        assert!(!in_code);
    }
}
