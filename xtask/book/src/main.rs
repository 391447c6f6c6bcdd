//! `cargo xtask book` (`cargo run -p xtask-book`): builds `book/` into
//! `book/build/` with mdBook's library crates, in this process, so no one has
//! to install mdBook. A package of its own, so that only this command builds
//! mdBook; the course model (lessons, sections, snapshots, pictures) is the
//! `xtask` library's.
//!
//! Before mdBook sees a chapter, these things happen to it here:
//!
//! - `{{#output <lesson>:<section>}}` is replaced by that section's recorded
//!   output: its part of `crates/<lesson>/tests/snapshots/<lesson>.snap`, the
//!   file CI checks, so the book can only show output the program really
//!   prints. A section is named, never numbered: `<section>` is the anchor
//!   around the code that prints its header (see `xtask::sections`); a name the
//!   program lacks, or a section the output lacks, fails the build.
//! - the numbers go in: a lesson chapter's title (`# Pipelines…`) gets its
//!   chapter number, each section heading (`## A blocking queue…
//!   {#blocking_get}`) the number its program prints, and
//!   `{{#section [<lesson>:]<name>}}` becomes a link, "section 4", to that
//!   heading.
//! - `{{#picture <lesson>:<name>}}` becomes that picture: its SVG, alt text
//!   and caption, from the lesson's `[[picture]]` (see `xtask::pictures`); a
//!   picture not defined or not recorded fails the build.
//! - `{{#chart <lesson>}}` becomes the chart of what it costs, drawn from
//!   `book/src/measured/<lesson>.json` or `.toml` (see
//!   `xtask::pictures::chart`); a chart without figures, or not drawn from
//!   them, fails the build.
//! - every `{{#include path:anchor}}` is checked: the file must exist and hold
//!   `ANCHOR: anchor` and `ANCHOR_END: anchor`. (mdBook itself only logs a
//!   broken include and carries on; here it fails the build.)
//!
//! A chapter named in `SUMMARY.md` but missing on disk also fails the build
//! (`create-missing = false` in `book.toml`).

mod chapter;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use mdbook_driver::MDBook;

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask book",
    bin_name = "cargo xtask book",
    about = "Builds the book into book/build/, in-process: each lesson's recorded output, \
             pictures and section numbers go in, and a broken include or reference fails the build."
)]
struct Args {
    /// Write the translation template, book/po/messages.pot, from the
    /// chapters' Markdown and the texts outside it, and build nothing.
    #[arg(long)]
    pot: bool,
}

fn main() -> ExitCode {
    let Args { pot } = Args::parse();
    let root = xtask::root();
    if let Err(message) = xtask::lessons::init(&root) {
        eprintln!("error: the course's lesson list: {message}");
        return ExitCode::FAILURE;
    }
    let result = if pot { write_pot(&root) } else { build(&root) };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `--pot`: writes `book/po/messages.pot`.
fn write_pot(root: &Path) -> Result<(), String> {
    let entries = xtask_book::pot::entries(root)?;
    let book = MDBook::load(root.join("book")).map_err(|e| format!("loading the book: {e:#}"))?;
    let title = book.config.book.title.unwrap_or_default();
    let path = root.join(xtask_book::pot::POT);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    std::fs::write(&path, xtask_book::pot::render(&title, &entries))
        .map_err(|e| format!("writing {}: {e}", path.display()))?;
    eprintln!(
        "==> {} messages written to {}",
        entries.len(),
        path.display()
    );
    Ok(())
}

fn build(root: &Path) -> Result<(), String> {
    let book_dir = root.join("book");
    let mut book = MDBook::load(&book_dir).map_err(|e| format!("loading the book: {e:#}"))?;
    let src_dir = book_dir.join(&book.config.book.src);

    let mut problems = Vec::new();
    book.book.for_each_chapter_mut(|chapter| {
        if let Err(problem) = chapter::prepare_chapter(root, &src_dir, chapter) {
            problems.push(problem);
        }
    });
    if !problems.is_empty() {
        return Err(format!(
            "the book has broken links:\n  {}",
            problems.join("\n  ")
        ));
    }

    book.build()
        .map_err(|e| format!("building the book: {e:#}"))?;
    let index = book.build_dir_for("html").join("index.html");
    eprintln!("==> book written to {}", index.display());
    Ok(())
}
