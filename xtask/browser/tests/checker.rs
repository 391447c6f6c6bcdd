//! The checker, checked: a two-page book-like folder with a defect of every
//! kind the checker looks for must fail, each problem named with its page
//! and its link or element; the same folder with the defects fixed must
//! pass. Runs only where Chromium is installed; elsewhere it says it skipped.

use std::fs;
use std::path::{Path, PathBuf};

use book_browser::{Chromium, Options, Problem, check};

/// The pages, broken or fixed: `broken` picks each defect's text.
fn write_book(dir: &Path, broken: bool) {
    let pick = |bad: &'static str, good: &'static str| if broken { bad } else { good };
    let index = format!(
        r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Index</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"></head>
<body><main>
<h1 id="start">Start</h1>
<p><a href="chapter.html#{anchor}">the section</a>, <a href="{page}">the other page</a>,
<a href="#start">the top</a>, <a href="https://example.invalid/">elsewhere</a>.</p>
</main></body></html>
"##,
        anchor = pick("missing", "present"),
        page = pick("gone.html", "chapter.html"),
    );
    let chapter = format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Chapter</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"></head>
<body><main>
<h1 id="chapter">Chapter</h1>
<h2 id="present">Present</h2>
<p><img src="dot.svg" width="20" height="20"{alt}>
<img src="{picture}" alt="a square" width="20" height="20">
<svg width="20" height="20" role="img"><title>A circle</title><circle cx="10" cy="10" r="8"/></svg></p>
{wide}
<script>{script}</script>
</main></body></html>
"#,
        alt = pick("", r#" alt="a dot""#),
        picture = pick("nosuch.svg", "dot.svg"),
        wide = pick(
            r#"<div id="wide" style="width: 600px">too wide for a phone</div>"#,
            r#"<div style="overflow-x: auto"><div id="wide" style="width: 600px">scrolls in its box</div></div>"#
        ),
        script = pick("console.error('boom');", "console.log('fine');"),
    );
    fs::create_dir_all(dir).expect("the test's temporary folder can be created");
    fs::write(dir.join("index.html"), index).expect("writable temp folder");
    fs::write(dir.join("chapter.html"), chapter).expect("writable temp folder");
    fs::write(
        dir.join("dot.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="5"/></svg>"#,
    )
    .expect("writable temp folder");
}

fn options(book: PathBuf, chromium: Chromium) -> Options {
    Options {
        book,
        chromium,
        widths: vec![1280, 390],
        search: Vec::new(),
        screenshots: None,
    }
}

/// Whether some problem is on `page` and says every one of `words`.
fn has(problems: &[Problem], page: &str, words: &[&str]) -> bool {
    problems
        .iter()
        .any(|p| p.page == page && words.iter().all(|w| p.what.contains(w)))
}

#[test]
fn every_defect_is_named_with_its_page_and_the_fixed_book_passes() {
    let Some(chromium) = Chromium::find() else {
        eprintln!(
            "skipped: no Chromium on PATH (apt-get install chromium chromium-driver, \
             or set $CHROMIUM and $CHROMEDRIVER)"
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("book-browser-test-{}", std::process::id()));

    write_book(&dir, true);
    let report = check(&options(dir.clone(), chromium.clone())).expect("the check runs");
    let text = report.render();
    let problems = &report.problems;
    let expected: &[(&str, &[&str])] = &[
        (
            "index.html",
            &[
                "broken anchor",
                "`chapter.html#missing`",
                "no element with id `missing`",
            ],
        ),
        ("index.html", &["broken link", "`gone.html`"]),
        ("chapter.html", &["picture without alt text", "dot.svg"]),
        ("chapter.html", &["picture does not render", "nosuch.svg"]),
        (
            "chapter.html",
            &["console error (network)", "nosuch.svg", "404"],
        ),
        ("chapter.html", &["console error (console-api)", "boom"]),
        (
            "chapter.html",
            &["at 390 px", "div#wide", "too wide for a phone"],
        ),
    ];
    for (page, words) in expected {
        assert!(
            has(problems, page, words),
            "expected {page}: {words:?}\n{text}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{text}");
    assert!(!report.passed());
    assert!(
        text.contains("index.html: broken anchor `chapter.html#missing`"),
        "{text}"
    );

    write_book(&dir, false);
    let report = check(&options(dir.clone(), chromium)).expect("the check runs");
    let text = report.render();
    fs::remove_dir_all(&dir).expect("the test's temporary folder can be removed");
    assert!(report.passed(), "{text}");
    // Both widths were checked and every link was followed.
    assert_eq!((report.pages, report.widths.len()), (2, 2), "{text}");
    assert_eq!((report.internal_links, report.anchors), (3, 2), "{text}");
    assert_eq!((report.external_links, report.pictures), (1, 3), "{text}");
}

/// A page of the two-edition book: `body` inside <main>.
fn page(lang: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Page</title>
<link rel="icon" href="data:,"></head>
<body><main>{body}</main></body></html>
"#
    )
}

/// An English book with a Korean one in `ko/`, each with an index and a
/// print page. The pickers: links, and on the English print page a button
/// the checker clicks. Broken, the Korean index's picker opens the wrong
/// page and the Korean print page lacks its chapter's heading.
fn write_two_editions(dir: &Path, broken: bool) {
    let pick = |bad: &'static str, good: &'static str| if broken { bad } else { good };
    let files = [
        (
            "index.html",
            page(
                "en",
                r#"<h1 id="start">Start</h1><a hreflang="ko" href="ko/index.html">한국어</a>"#,
            ),
        ),
        (
            "print.html",
            page(
                "en",
                r#"<h1 id="start">Start</h1>
<button data-lang="ko" onclick="location.href = 'ko/print.html'">한국어</button>"#,
            ),
        ),
        (
            "ko/index.html",
            page(
                "ko",
                &format!(
                    r#"<h1 id="start">시작</h1><a hreflang="en" href="../{}">English</a>"#,
                    pick("print.html", "index.html")
                ),
            ),
        ),
        (
            "ko/print.html",
            page(
                "ko",
                &format!(
                    r#"<h1 id="start">{}</h1><a hreflang="en-GB" href="../print.html">English</a>"#,
                    pick("다른 제목", "시작")
                ),
            ),
        ),
    ];
    for (name, text) in files {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().expect("a file in the temp folder"))
            .expect("the test's temporary folder can be created");
        fs::write(path, text).expect("writable temp folder");
    }
}

#[test]
fn the_language_picker_and_print_pages_are_checked_in_both_editions() {
    let Some(chromium) = Chromium::find() else {
        eprintln!("skipped: no Chromium on PATH (apt-get install chromium chromium-driver)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("book-browser-editions-{}", std::process::id()));

    write_two_editions(&dir, true);
    let report = check(&options(dir.clone(), chromium.clone())).expect("the check runs");
    let text = report.render();
    let expected: &[(&str, &[&str])] = &[
        (
            "ko/index.html",
            &[
                "language picker `a[hreflang=\"en\"]`",
                "lands on `print.html`",
                "not the same page `index.html`",
            ],
        ),
        (
            "ko/print.html",
            &["the chapter heading \"시작\" of `ko/index.html` is missing"],
        ),
    ];
    for (page, words) in expected {
        assert!(
            has(&report.problems, page, words),
            "expected {page}: {words:?}\n{text}"
        );
    }
    assert_eq!(report.problems.len(), expected.len(), "{text}");

    write_two_editions(&dir, false);
    let report = check(&options(dir.clone(), chromium)).expect("the check runs");
    let text = report.render();
    fs::remove_dir_all(&dir).expect("the test's temporary folder can be removed");
    assert!(report.passed(), "{text}");
    assert_eq!(
        report.editions,
        ["en (2 pages)", "ko (ko/) (2 pages)"],
        "{text}"
    );
    assert!(text.contains("language picker: 4 pages checked"), "{text}");
}
