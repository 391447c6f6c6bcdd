//! `cargo xtask pictures`: timelines of real runs, drawn for the book.
//!
//! A picture is defined once, as a `[[picture]]` table in its lesson's
//! `lesson.toml` ([`definition`]): which program, which side (Python or
//! Rust), which section it stands beside, its title, caption and alt text.
//! The program records what its threads do with the course's recorder
//! (`crates/trace`, in Rust and in Python), and this command runs it
//! ([`record`]), merges and crops the trace files ([`files`]), reads the
//! trace ([`timeline`]) and draws it ([`svg`], with [`layout`]'s
//! arithmetic); [`check`] is what CI runs.
//!
//! ```text
//! cargo xtask pictures                      the pictures, and when each was recorded
//! cargo xtask pictures --record [<lesson>…] run their programs, write book/src/pictures/
//! cargo xtask pictures --render             draw the SVGs again from the recorded traces
//! cargo xtask pictures --check              CI: chapters name only pictures that exist,
//!                                           each SVG is what its trace draws, and
//!                                           recording works (into a temporary directory)
//! ```
//!
//! A chapter shows a picture with `{{#picture <lesson>:<name>}}`, which the
//! book turns into the image, its alt text and its caption ([`figure`]).
//! Each picture is drawn twice ([`layout::Frame`]): `<name>.svg` for the
//! book's width and `<name>.narrow.svg` for a phone, which the book shows
//! below 560 px. Beside them are its trace (`.trace.json`, which opens in
//! Perfetto) and a note of when and where it was recorded (`.toml`).
//!
//! The charts of what it costs ([`chart`]) are drawn here too, from the
//! figures `cargo xtask compare --record` wrote: `--render` draws them
//! again and `--check` checks them with the pictures.

pub mod chart;
mod chart_svg;
mod check;
mod definition;
mod files;
mod layout;
mod record;
mod svg;
mod timeline;

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use definition::Definition;
use definition::{Picture, Side};

use crate::{Result, fail, lessons};

/// What `cargo xtask pictures` is asked to do (its command line is in
/// `main.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// List the pictures and when each was recorded.
    List,
    /// Run these lessons' picture programs (every lesson's when empty) and
    /// write their traces, SVGs and notes into the book.
    Record(Vec<String>),
    /// Draw every SVG again from its recorded trace.
    Render,
    /// What CI checks.
    Check,
}

pub fn pictures(root: &Path, mode: Mode) -> Result {
    match mode {
        Mode::List => list(root),
        Mode::Record(names) => record_into_book(root, &names),
        Mode::Render => render_book(root),
        Mode::Check => check::check(root),
    }
}

/// Every picture of the course, in reading order.
fn all() -> Vec<Picture> {
    lessons::all()
        .iter()
        .flat_map(|lesson| {
            lesson.facts.pictures.iter().map(|def| Picture {
                lesson: lesson.name.clone(),
                def: def.clone(),
            })
        })
        .collect()
}

fn book_pictures(root: &Path) -> PathBuf {
    root.join("book/src/pictures")
}

/// `cargo xtask pictures`
fn list(root: &Path) -> Result {
    let pictures = all();
    if pictures.is_empty() {
        println!("no pictures yet: a lesson defines one with [[picture]] in its lesson.toml");
    }
    for picture in &pictures {
        let note = fs::read_to_string(picture.file(&book_pictures(root), "toml")).ok();
        let recorded = note
            .as_deref()
            .and_then(|text| text.parse::<toml::Table>().ok())
            .and_then(|t| {
                t.get("recorded")
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| "not recorded yet".to_owned());
        println!(
            "{:40} {:6} beside `{}`\n    {}\n    {}",
            picture.id(),
            picture.def.side.as_str(),
            picture.def.section,
            picture.command_line(),
            recorded
        );
    }
    Ok(())
}

/// `--record [<lesson>…]`: into the book.
fn record_into_book(root: &Path, names: &[String]) -> Result {
    let lessons = crate::lessons_named(names)?;
    let pictures: Vec<Picture> = all()
        .into_iter()
        .filter(|p| names.is_empty() || lessons.iter().any(|l| l.name == p.lesson))
        .collect();
    check::problems_of(root, &pictures)?;
    if pictures.is_empty() {
        eprintln!("==> no pictures to record");
        return Ok(());
    }
    let out = book_pictures(root);
    let options = record::Options {
        out: &out,
        measure_idle: true,
    };
    let recorded = record::record(root, &pictures, &options)?;
    for picture in &recorded {
        let svg = picture.file(&out, "svg");
        eprintln!("==> {}", svg.strip_prefix(root).unwrap_or(&svg).display());
    }
    Ok(())
}

/// `--render`: every recorded trace drawn again, in both frames, and
/// every chart from its figures.
fn render_book(root: &Path) -> Result {
    let out = book_pictures(root);
    let mut written = Vec::new();
    for picture in all() {
        let Some(trace) = recorded_trace(&picture, &out)? else {
            eprintln!("==> {}: not recorded yet", picture.id());
            continue;
        };
        for frame in layout::FRAMES {
            let path = picture.file(&out, frame.extension);
            let svg = record::render(&picture, &trace, frame)?;
            fs::write(&path, svg).map_err(|e| fail(format!("{}: {e}", path.display())))?;
            written.push(path);
        }
    }
    for lesson in chart::charted(root)? {
        written.extend(chart::render(root, &lesson)?);
    }
    for path in written {
        eprintln!("==> {}", path.strip_prefix(root).unwrap_or(&path).display());
    }
    Ok(())
}

/// A picture's trace as recorded into `dir`, if it has been.
fn recorded_trace(picture: &Picture, dir: &Path) -> Result<Option<Value>> {
    let path = picture.file(dir, "trace.json");
    let Ok(text) = fs::read_to_string(&path) else {
        return Ok(None);
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| fail(format!("{}: not a JSON trace: {e}", path.display())))
}

/// The words a figure writes around a picture's caption, besides the
/// caption and alt text themselves: `cargo xtask book` puts them in the
/// translation template, and [`figure_in`] looks them up.
pub const FIGURE_WORDS: [&str; 4] = [
    "Python",
    "Rust",
    "the trace",
    "({side}; {trace} opens in {perfetto}.)",
];

/// What `{{#picture <lesson>:<name>}}` becomes in a chapter: the image,
/// its alt text, and its caption with a link to the trace.
pub fn figure(root: &Path, argument: &str) -> std::result::Result<String, String> {
    figure_in(root, argument, &|text| text.to_owned())
}

/// [`figure`] in another language: `translate` gives the translation of
/// the caption, the alt text and each of [`FIGURE_WORDS`] (the text itself
/// where there is none).
pub fn figure_in(
    root: &Path,
    argument: &str,
    translate: &dyn Fn(&str) -> String,
) -> std::result::Result<String, String> {
    let picture = all()
        .into_iter()
        .find(|p| p.id() == argument.trim())
        .ok_or_else(|| {
            format!("{{{{#picture {argument}}}}}: no such picture; name one as <lesson>:<name> from a lesson.toml's [[picture]]")
        })?;
    let svg = picture.file(&book_pictures(root), "svg");
    if !svg.is_file() {
        return Err(format!(
            "{{{{#picture {argument}}}}}: not recorded yet (cargo xtask pictures --record {})",
            picture.lesson
        ));
    }
    let narrow = picture.file(&book_pictures(root), layout::NARROW.extension);
    if !narrow.is_file() {
        return Err(format!(
            "{{{{#picture {argument}}}}}: no {} (cargo xtask pictures --render)",
            narrow.display()
        ));
    }
    let href = |extension: &str| {
        format!(
            "pictures/{}/{}.{extension}",
            picture.lesson, picture.def.name
        )
    };
    let side = translate(match picture.def.side {
        Side::Python => FIGURE_WORDS[0],
        Side::Rust => FIGURE_WORDS[1],
    });
    let trace = format!(
        "<a href=\"{}\">{}</a>",
        href("trace.json"),
        translate(FIGURE_WORDS[2])
    );
    let note = crate::i18n::fill(
        &translate(FIGURE_WORDS[3]),
        &[
            ("side", &side),
            ("trace", &trace),
            (
                "perfetto",
                &"<a href=\"https://ui.perfetto.dev\">Perfetto</a>",
            ),
        ],
    );
    Ok(format!(
        "<figure class=\"picture\" id=\"picture-{name}\" style=\"margin:1.5em 0\">\n\
         <picture><source media=\"(max-width: {below}px)\" srcset=\"{narrow}\">\
         <img src=\"{svg}\" alt=\"{alt}\" width=\"750\" style=\"max-width:100%;height:auto\"></picture>\n\
         <figcaption>{caption} <small>{note}</small></figcaption>\n\
         </figure>",
        name = picture.def.name,
        svg = href("svg"),
        narrow = href(layout::NARROW.extension),
        below = layout::NARROW_BELOW_PX,
        alt = layout::escape(&translate(&picture.def.alt)),
        caption = inline_code(&layout::escape(&translate(&picture.def.caption))),
    ))
}

/// `` `code` `` as `<code>code</code>`: a caption is HTML in the chapter,
/// where Markdown is not read.
fn inline_code(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Python recorder and the renderer agree on the format: a small
    /// program records two threads and a hand-off, and they come back as
    /// lanes, marks and an arrow. (Skipped without `python3`.)
    #[test]
    fn the_python_recorder_writes_what_the_renderer_reads() {
        let Some(python) = crate::python::python3() else {
            return;
        };
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let dir = std::env::temp_dir().join(format!("xtask-pictures-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let program = r#"
import sys, threading, time
sys.path.insert(0, sys.argv[1])
import course_trace as trace
def worker():
    with trace.waiting("sleep"):
        time.sleep(0.01)
    trace.flow_out("put", 7)
with trace.region("shown"):
    t = threading.Thread(target=worker, name="worker")
    t.start()
    with trace.waiting("join"):
        t.join()
    trace.flow_in("put", 7)
    sum(i for i in trace.work(range(50_000)))
"#;
        let status = std::process::Command::new(python)
            .args(["-B", "-c", program])
            .arg(root.join("crates/trace/python"))
            .env("COURSE_TRACE", dir.join("t.{pid}.json"))
            .status()
            .unwrap();
        assert!(status.success());
        let files: Vec<Value> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| serde_json::from_str(&fs::read_to_string(e.unwrap().path()).unwrap()).unwrap())
            .collect();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(files.len(), 1);
        let trace = files::merge(files).unwrap();
        let t = timeline::Timeline::read(&trace, Some("shown")).unwrap();
        let labels: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["MainThread", "worker"]);
        let kinds: Vec<(usize, timeline::Kind)> =
            t.spans.iter().map(|s| (s.lane, s.kind)).collect();
        for expected in [
            (0, timeline::Kind::Join),
            (0, timeline::Kind::Run),
            (1, timeline::Kind::Sleep),
        ] {
            assert!(kinds.contains(&expected), "{expected:?} in {kinds:?}");
        }
        assert_eq!(t.flows.len(), 1);
        assert_eq!((t.flows[0].from.0, t.flows[0].to.0), (1, 0));
        let svg = svg::draw(&t, "t", "a", layout::WIDE);
        assert_eq!(
            svg,
            svg::draw(
                &timeline::Timeline::read(&trace, Some("shown")).unwrap(),
                "t",
                "a",
                layout::WIDE
            )
        );
    }

    #[test]
    fn captions_keep_their_code() {
        assert_eq!(
            inline_code("a `b` c `d`"),
            "a <code>b</code> c <code>d</code>"
        );
    }
}
