//! `cargo xtask book` (`cargo run -p xtask-book`): builds `book/` into
//! `book/build/` with mdBook's library crates, in this process, so no one has
//! to install mdBook. A package of its own, so that only this command builds
//! mdBook; the course model (lessons, sections, snapshots, pictures) is the
//! `xtask` library's.
//!
//! It builds two editions: the English into `book/build/`, then the Korean
//! into `book/build/ko/`, each chapter's raw Markdown translated with
//! `book/po/ko.po` first (see the library's `translate`), then treated
//! exactly as the English. `--pot` writes the translation template,
//! `--check-po` checks it and the translations (see the library's `pot` and
//! `check`).
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
use mdbook_driver::book::{BookItem, Chapter};
use xtask_book::translate::Translations;

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask book",
    bin_name = "cargo xtask book",
    about = "Builds the book into book/build/ (English) and book/build/ko/ (Korean, from \
             book/po/ko.po), in-process: each lesson's recorded output, pictures and section \
             numbers go in, and a broken include or reference fails the build."
)]
struct Args {
    /// Write the translation template, book/po/messages.pot, from the
    /// chapters' Markdown and the texts outside it, and build nothing.
    #[arg(long)]
    pot: bool,
    /// The Korean edition's translations from this PO file instead of
    /// book/po/ko.po: to see (or --check-po) a translation before it is
    /// committed.
    #[arg(long, value_name = "FILE")]
    ko_po: Option<std::path::PathBuf>,
    /// Check the translations instead of building: the template is current
    /// and book/po/ko.po translates all of it (none fuzzy, obsolete or
    /// stale). Reports and passes until `--strict`.
    #[arg(long)]
    check_po: bool,
    /// With --check-po: fail on any problem, naming each message.
    #[arg(long, requires = "check_po")]
    strict: bool,
}

fn main() -> ExitCode {
    let Args {
        pot,
        ko_po,
        check_po,
        strict,
    } = Args::parse();
    let root = xtask::root();
    if let Err(message) = xtask::lessons::init(&root) {
        eprintln!("error: the course's lesson list: {message}");
        return ExitCode::FAILURE;
    }
    let ko_po = ko_po.unwrap_or_else(|| xtask::i18n::po_path(&root, "ko"));
    let result = if pot {
        write_pot(&root)
    } else if check_po {
        check_po_files(&root, &ko_po, strict)
    } else {
        build(&root, &ko_po)
    };
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

/// `--check-po`: the template current, every language's PO complete.
fn check_po_files(root: &Path, ko_po: &Path, strict: bool) -> Result<(), String> {
    let report = xtask_book::check::check(root, &[("ko", ko_po)])?;
    print!("{}", report.render(strict));
    match (report.passed(), strict) {
        (true, _) => Ok(()),
        (false, true) => Err("the translations are not complete and current (above)".to_owned()),
        (false, false) => {
            println!(
                "(not strict yet: CI passes until `--check-po --strict`, xtask/src/ci.rs, \
                 once the translation is complete)"
            );
            Ok(())
        }
    }
}

/// Both editions: the English into `book/build/`, then the Korean into
/// `book/build/ko/` (after, since mdBook empties its output folder first).
fn build(root: &Path, ko_po: &Path) -> Result<(), String> {
    build_edition(root, None)?;
    let korean = Translations::load_file(ko_po)?;
    build_edition(root, Some(("ko", &korean)))
}

/// One edition: English (`translation` `None`), or `(lang, its translations)`.
///
/// Each chapter, in order: a Markdown file it includes whole is spliced in
/// (translated on its own, its directives escaped so that they show as
/// written); the chapter's own messages are translated; then the course's
/// directives are expanded and its includes checked, the same for every
/// edition.
fn build_edition(root: &Path, translation: Option<(&str, &Translations)>) -> Result<(), String> {
    let book_dir = root.join("book");
    let mut book = MDBook::load(&book_dir).map_err(|e| format!("loading the book: {e:#}"))?;
    let src = Path::new("book").join(&book.config.book.src);
    let src_dir = root.join(&src);
    let none = Translations::default();
    let (lang, words) = match translation {
        None => (chapter::Lang::English, &none),
        Some((code, translations)) => {
            let title = book.config.book.title.clone().unwrap_or_default();
            book.config.book.title = Some(translations.text(&title).to_owned());
            book.config.book.language = Some(code.to_owned());
            book.config.build.build_dir = Path::new("build").join(code);
            // The 404 page loads its scripts from the site's root, `/` for
            // the English edition served from book/build/: `/ko/` for this.
            let site_url = book
                .config
                .get::<String>("output.html.site-url")
                .ok()
                .flatten()
                .unwrap_or_else(|| "/".to_owned());
            book.config
                .set("output.html.site-url", format!("{site_url}{code}/"))
                .map_err(|e| format!("setting the {code} edition's site-url: {e:#}"))?;
            (chapter::Lang::Korean, translations)
        }
    };

    let mut problems = Vec::new();
    book.book.for_each_mut(|item| match item {
        BookItem::Chapter(chapter) => {
            chapter.name = words.text(&chapter.name).to_owned();
            if let Err(problem) = translate_chapter(root, &src, words, chapter)
                .and_then(|()| chapter::prepare_chapter(root, &src_dir, chapter, lang, words))
            {
                problems.push(problem);
            }
        }
        BookItem::PartTitle(title) => *title = words.text(title).to_owned(),
        BookItem::Separator => {}
    });
    if !problems.is_empty() {
        return Err(format!(
            "the book has broken links:\n  {}",
            problems.join("\n  ")
        ));
    }

    book.build()
        .map_err(|e| format!("building the book: {e:#}"))?;
    let out = book.build_dir_for("html");
    xtask_book::search::reindex(&out).map_err(|e| format!("the search index: {e}"))?;
    if translation.is_some() {
        // mdBook reads the 404 page's Markdown itself, untranslated.
        let text = std::fs::read_to_string(src_dir.join("404.md"))
            .map_err(|e| format!("reading {}: {e}", src.join("404.md").display()))?;
        let page = out.join("404.html");
        let html = std::fs::read_to_string(&page)
            .map_err(|e| format!("reading {}: {e}", page.display()))?;
        let translated = translate_404(&text, words)?;
        std::fs::write(&page, replace_main(&html, &translated)?)
            .map_err(|e| format!("writing {}: {e}", page.display()))?;
    }
    let index = out.join("index.html");
    match translation {
        None => eprintln!("==> book written to {}", index.display()),
        Some((code, translations)) => eprintln!(
            "==> book ({code}, {} messages translated) written to {}",
            translations.len(),
            index.display()
        ),
    }
    Ok(())
}

/// A chapter's text as the edition shows it, before the course's
/// directives: its own messages translated (English: as written), and each
/// Markdown file it includes whole spliced in, translated on its own, with
/// its directives escaped (`\{{#…}}`) so that they show as written.
fn translate_chapter(
    root: &Path,
    src: &Path,
    words: &Translations,
    chapter: &mut Chapter,
) -> Result<(), String> {
    let Some(source) = &chapter.source_path else {
        return Ok(());
    };
    let path = src.join(source).to_string_lossy().replace('\\', "/");
    let own = words
        .markdown(&chapter.content)
        .map_err(|e| format!("{path}: {e}"))?;
    let (text, _) =
        xtask_book::messages::splice_markdown_includes(root, &path, &own, |file, text| {
            let translated = words.markdown(text).map_err(|e| format!("{file}: {e}"))?;
            Ok(escape_directives(&translated))
        })?;
    chapter.content = text;
    Ok(())
}

/// The 404 page's Markdown in the edition's language: its messages, and
/// its heading, which it writes as HTML.
fn translate_404(text: &str, words: &Translations) -> Result<String, String> {
    let mut out = words
        .markdown(text)
        .map_err(|e| format!("book/src/404.md: {e}"))?;
    for (_, heading) in xtask_book::messages::html_headings(text) {
        out = out.replace(
            &format!(">{heading}</h"),
            &format!(">{}</h", words.text(&heading)),
        );
    }
    Ok(out)
}

/// A page built by mdBook with the content of its `<main>` replaced by
/// `markdown`, rendered.
fn replace_main(html: &str, markdown: &str) -> Result<String, String> {
    let start = html.find("<main>").ok_or("no <main> in the 404 page")? + "<main>".len();
    let end = html.rfind("</main>").ok_or("no </main> in the 404 page")?;
    let mut rendered = String::new();
    pulldown_cmark::html::push_html(&mut rendered, pulldown_cmark::Parser::new(markdown));
    Ok(format!("{}\n{rendered}{}", &html[..start], &html[end..]))
}

/// Each line's first `{{#` escaped, `\{{#`: mdBook then shows that directive
/// and the rest of its line as written, and so does the course's own
/// preprocessor (see `chapter::replace_directives`).
fn escape_directives(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| line.replacen("{{#", "\\{{#", 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A real chapter, `threads.md`, through the Korean edition's steps with
    /// two translations: its title and a section heading come out Korean,
    /// numbered, the heading keeps its id, and a section link reads "4절".
    #[test]
    fn a_korean_chapter_is_translated_then_numbered_and_linked() {
        let root = xtask::root();
        xtask::lessons::init(&root).unwrap();
        let src = Path::new("book/src");
        let english = std::fs::read_to_string(root.join(src).join("threads.md")).unwrap();
        let heading = english
            .lines()
            .find(|l| l.starts_with("## ") && l.ends_with("{#ask_to_stop}"))
            .expect("threads.md has a section {#ask_to_stop}");
        let heading_text = &heading["## ".len()..heading.len() - " {#ask_to_stop}".len()];
        let title = english.lines().next().unwrap().trim_start_matches("# ");
        // The first picture's caption, as its lesson.toml writes it.
        let toml = std::fs::read_to_string(root.join("crates/threads/lesson.toml")).unwrap();
        let caption = toml
            .lines()
            .find_map(|l| l.strip_prefix("caption = \"")?.strip_suffix('"'))
            .expect("threads has a picture with a caption");
        let korean = Translations::from_pairs([
            (caption.to_owned(), "그림 설명입니다.".to_owned()),
            ("Rust".to_owned(), "러스트".to_owned()),
            ("Python".to_owned(), "파이썬".to_owned()),
            (title.to_owned(), "스레드 시작하기".to_owned()),
            (
                heading_text.to_owned(),
                "스레드에게 멈추라고 부탁합니다".to_owned(),
            ),
        ]);
        let mut chapter = Chapter::new(
            title,
            english.clone() + "\nSee {{#section ask_to_stop}}.\n",
            PathBuf::from("threads.md"),
            Vec::new(),
        );
        chapter.number = Some(mdbook_driver::book::SectionNumber::new([1]));
        translate_chapter(&root, src, &korean, &mut chapter).unwrap();
        chapter::prepare_chapter(
            &root,
            &root.join(src),
            &mut chapter,
            chapter::Lang::Korean,
            &korean,
        )
        .unwrap();
        assert!(
            chapter.content.starts_with("# 1. 스레드 시작하기\n"),
            "{}",
            &chapter.content[..200]
        );
        assert!(
            chapter
                .content
                .contains("\n## 4. 스레드에게 멈추라고 부탁합니다 {#ask_to_stop}\n"),
            "the translated heading keeps its number and id"
        );
        assert!(chapter.content.contains("See [4절](#ask_to_stop)."));
        assert!(
            chapter
                .content
                .contains("<figcaption>그림 설명입니다. <small>(러스트; ")
                || chapter
                    .content
                    .contains("<figcaption>그림 설명입니다. <small>(파이썬; "),
            "a picture's caption in the edition's language"
        );
        // The program's output, injected after translation, still prints
        // the English title; the heading does not.
        assert!(!chapter.content.contains(&format!("## 4. {heading_text}")));
    }

    /// The 404 page, which mdBook renders from the English file: its heading
    /// (HTML) and its text translated into the page's `<main>`.
    #[test]
    fn the_404_page_is_translated_into_the_built_page() {
        let root = xtask::root();
        let text = std::fs::read_to_string(root.join("book/src/404.md")).unwrap();
        let heading = xtask_book::messages::html_headings(&text)[0].1.clone();
        let korean = Translations::from_pairs([(heading, "페이지가 없습니다".to_owned())]);
        let built = "<html><main>\n<h1>Page not found</h1>\n</main></html>";
        let page = replace_main(built, &translate_404(&text, &korean).unwrap()).unwrap();
        assert!(page.starts_with("<html><main>\n"), "{page}");
        assert!(page.ends_with("</main></html>"), "{page}");
        assert!(page.contains(">페이지가 없습니다</h1>"), "{page}");
        assert_eq!(page.matches("<main>").count(), 1);
    }

    /// CONTRIBUTING.md, included whole by `how-a-lesson-is-built.md`: its
    /// directives show as written, in both editions.
    #[test]
    fn a_markdown_file_included_whole_shows_its_directives_as_written() {
        let root = xtask::root();
        xtask::lessons::init(&root).unwrap();
        let src = Path::new("book/src");
        let mut chapter = Chapter::new(
            "How a lesson is built",
            "{{#include ../../CONTRIBUTING.md}}\n".to_owned(),
            PathBuf::from("how-a-lesson-is-built.md"),
            Vec::new(),
        );
        translate_chapter(&root, src, &Translations::default(), &mut chapter).unwrap();
        let contributing = std::fs::read_to_string(root.join("CONTRIBUTING.md")).unwrap();
        assert_eq!(chapter.content.replace("\\{{#", "{{#"), contributing);
        chapter::prepare_chapter(
            &root,
            &root.join(src),
            &mut chapter,
            chapter::Lang::English,
            &Translations::default(),
        )
        .unwrap();
        assert_eq!(chapter.content.replace("\\{{#", "{{#"), contributing);
    }
}
