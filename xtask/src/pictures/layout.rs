//! The small arithmetic of the SVG: the two frames a picture is drawn in,
//! round steps for the time axis, the unit, coordinates to a tenth, marks
//! joined where they touch, how wide a text is, and text wrapped, shortened
//! and escaped.

/// The shape a picture or chart is drawn in. Each is drawn twice: [`WIDE`]
/// for the book's column (about 750 px), and [`NARROW`] for a phone, where
/// the wide one would be scaled to half its size and its text with it. The
/// narrow one puts each label on a line of its own above its lane or bar,
/// so the marks keep the whole width, and its text is larger for its width:
/// at 360 px (a 390 px phone less the page's margins) its smallest text is
/// about 10 px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// In SVG units; the image is this many CSS pixels wide at most.
    pub width: f64,
    /// Labels in a column left of the marks (wide), or above each (narrow).
    pub labels_left: bool,
    /// The title's size.
    pub title: f64,
    /// Labels, ticks and the legend.
    pub font: f64,
    /// The note of where and when.
    pub small: f64,
    /// About how many steps the time axis has.
    pub ticks: f64,
    /// The file's extension: `svg`, or `narrow.svg`.
    pub extension: &'static str,
}

pub const WIDE: Frame = Frame {
    width: 750.0,
    labels_left: true,
    title: 16.0,
    font: 12.0,
    small: 11.0,
    ticks: 6.0,
    extension: "svg",
};

pub const NARROW: Frame = Frame {
    width: 400.0,
    labels_left: false,
    title: 16.0,
    font: 13.0,
    small: 12.0,
    ticks: 4.0,
    extension: "narrow.svg",
};

/// Both frames, wide first.
pub const FRAMES: [Frame; 2] = [WIDE, NARROW];

/// Below this page width the book shows the narrow drawing: the wide one
/// would be shown at less than three quarters of its size.
pub const NARROW_BELOW_PX: u32 = 560;

impl Frame {
    /// How many characters of text at `size` fit across the frame, less
    /// its margins.
    pub fn chars(&self, size: f64) -> usize {
        ((self.width - 24.0) / (size * 0.55)) as usize
    }
}

/// Intervals in time order, those less than half a unit apart joined.
pub(super) fn merged(intervals: impl Iterator<Item = (f64, f64)>) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (a, b) in intervals {
        match out.last_mut() {
            Some(last) if a - last.1 < 0.5 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The unit for a window of `length` microseconds, and its size in them.
pub(super) fn unit(length: f64) -> (&'static str, f64) {
    if length < 2_000.0 {
        ("µs", 1.0)
    } else if length < 20_000_000.0 {
        ("ms", 1_000.0)
    } else {
        ("s", 1_000_000.0)
    }
}

/// The smallest of 1, 2 or 5 times a power of ten that is at least `raw`.
pub(super) fn nice_step(raw: f64) -> f64 {
    let raw = raw.max(1e-9);
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| step >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// A coordinate, to a tenth.
pub(super) fn n(value: f64) -> String {
    let text = format!("{value:.1}");
    match text.strip_suffix(".0") {
        Some("-0") => "0".to_owned(),
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// About how wide `text` is at `size` in a sans-serif font.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

pub(super) fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        text.to_owned()
    } else {
        let kept: String = text.chars().take(most - 1).collect();
        format!("{kept}…")
    }
}

/// `text` in lines of at most `width` characters, broken at spaces; a word
/// longer than a line (a path) is broken after a `/` or `_`, or else
/// where the line ends.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        for (i, piece) in pieces(word, width).into_iter().enumerate() {
            let line = lines.last_mut().expect("there is always a line");
            let space = usize::from(i == 0 && !line.is_empty());
            if !line.is_empty() && line.chars().count() + space + piece.chars().count() > width {
                lines.push(piece);
            } else {
                if space == 1 {
                    line.push(' ');
                }
                line.push_str(&piece);
            }
        }
    }
    lines
}

/// A word cut into pieces of at most `width` characters, each ending after
/// a `/` or `_` where it can.
fn pieces(word: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    while chars.len() - start > width {
        let window = &chars[start..start + width];
        let cut = window
            .iter()
            .rposition(|c| matches!(c, '/' | '_'))
            .filter(|&at| at > 0)
            .map_or(width, |at| at + 1);
        out.push(chars[start..start + cut].iter().collect());
        start += cut;
    }
    out.push(chars[start..].iter().collect());
    out
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_helpers() {
        assert_eq!(n(-0.04), "0");
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.25), "12.2");
        assert_eq!(
            merged([(0.0, 1.0), (1.2, 2.0), (3.0, 4.0)].into_iter()),
            [(0.0, 2.0), (3.0, 4.0)]
        );
        assert_eq!(wrap("aa bb cc", 8), ["aa bb cc"]);
        assert_eq!(wrap("aaa bbb ccc", 8), ["aaa bbb", "ccc"]);
        assert_eq!(
            wrap("run `crates/some_lesson/python/a_long.py`.", 12),
            ["run `crates/", "some_lesson/", "python/a_", "long.py`."]
        );
        assert_eq!(wrap("abcdefghijkl", 8), ["abcdefgh", "ijkl"]);
        assert_eq!(shorten("abcdef", 4), "abc…");
    }
}
