//! The book, checked as a reader meets it: in a real browser (Debian's
//! Chromium, through chromedriver), served from 127.0.0.1.
//!
//! Every page of every edition present (`book/build/` is the English one; a
//! folder beside its pages with its own `index.html` and `print.html`, such as
//! `book/build/ko/`, is another) is loaded at each width (1280 and 390 px), and:
//!
//! - it loads with no console error, script error or failed request (the
//!   browser's log, read after each page);
//! - every internal link names a file that exists, and its `#anchor` an `id`
//!   on the page it points to (as the browser built that page);
//! - every picture (`img`, or an inline `svg` in the chapter) renders with a
//!   non-zero size and has a text alternative (`alt`; `<title>`,
//!   `aria-label` or `aria-labelledby`);
//! - nothing sticks out past the right edge except inside an element made to
//!   scroll sideways (`overflow-x: auto | scroll`: code blocks, tables);
//! - the language picker, when there are two editions, opens the same page
//!   in the other one. The picker is any `a[hreflang]` or `[data-lang]`
//!   element whose language is the other edition's (`<html lang>` of its
//!   pages): its link is followed, or, without one, it is clicked. No picker
//!   on any page: the check is skipped, and the report says so;
//! - search (mdBook's search box, typed into) finds a term of each edition's
//!   language ("Condvar", "교착 상태"); an edition whose text does not hold
//!   its term at all (the Korean one before its translation) is not
//!   searched, and the report says so;
//! - `print.html` holds every chapter's heading.
//!
//! Screenshots of a few chapters at each width are written for a reviewer.

mod checks;
pub mod driver;
mod report;
pub mod serve;
mod site;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

pub use driver::Chromium;
pub use report::{Problem, Report};
pub use site::{Edition, Site};

use checks::PageFacts;
use driver::Driver;

/// What went wrong before the book could be judged.
#[derive(Debug)]
pub enum Error {
    /// The book, the server or the browser could not be set up.
    Setup(String),
    /// The browser failed a command.
    Browser(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Setup(m) | Error::Browser(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// What to check, and where to put the screenshots.
#[derive(Debug, Clone)]
pub struct Options {
    /// The built book: `book/build/`.
    pub book: PathBuf,
    pub chromium: Chromium,
    /// The window widths, in CSS pixels.
    pub widths: Vec<u32>,
    /// A term search must find, per edition language; a language without one
    /// is not searched (and the report says so).
    pub search: Vec<(String, String)>,
    /// Where to write screenshots, and of which pages (file stems).
    pub screenshots: Option<(PathBuf, Vec<String>)>,
}

impl Options {
    /// The course's checks: both widths, "Condvar" in English, "교착 상태"
    /// (deadlock) in Korean, screenshots of three chapters into `shots`.
    pub fn course(book: PathBuf, chromium: Chromium, shots: PathBuf) -> Options {
        Options {
            book,
            chromium,
            widths: vec![1280, 390],
            search: vec![
                ("en".into(), "Condvar".into()),
                ("ko".into(), "교착 상태".into()),
            ],
            screenshots: Some((
                shots,
                vec!["threads".into(), "queues".into(), "actors".into()],
            )),
        }
    }
}

/// The window's height while checking, and while taking a screenshot (two
/// phone screens, or most of a chapter's first part on a desktop).
const HEIGHT: u32 = 900;
const SHOT_HEIGHT: u32 = 1700;

/// Runs every check; `Err` only when the check itself could not run.
pub fn check(options: &Options) -> Result<Report, Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Setup(format!("starting the async runtime: {e}")))?;
    runtime.block_on(check_async(options))
}

async fn check_async(options: &Options) -> Result<Report, Error> {
    let started = Instant::now();
    let site = Site::read(&options.book)?;
    let server = serve::Server::start(&options.book)
        .map_err(|e| Error::Setup(format!("serving {}: {e}", options.book.display())))?;
    let driver = Driver::start(&options.chromium).await?;
    let result = run(options, &site, &server.base_url(), driver.client()).await;
    driver.close().await;
    drop(server);
    let mut report = result?;
    report.elapsed = started.elapsed();
    Ok(report)
}

async fn run(options: &Options, site: &Site, base: &str, client: &Client) -> Result<Report, Error> {
    let mut report = Report::new(site, &options.widths);
    let mut facts: std::collections::BTreeMap<String, PageFacts> = Default::default();
    // Drop whatever the new tab logged before the first page.
    driver::errors(client).await?;

    // Every page is loaded afresh at each width, as a reader at that width
    // would load it: mdBook's script lays the page out for the width it
    // loads at (a narrowed window keeps the sidebar a phone never shows).
    for (pass, &width) in options.widths.iter().enumerate() {
        client
            .set_window_size(width, HEIGHT)
            .await
            .map_err(|e| Error::Browser(format!("sizing the window to {width} px: {e}")))?;
        for page in site.pages() {
            visit(client, base, page).await?;
            let found = probe(client, page, if pass == 0 { "full" } else { "layout" }).await?;
            if let Some(layout) = &found.layout {
                checks::layout(page, width, layout, &mut report);
            }
            if let Some((dir, stems)) = &options.screenshots
                && stems.iter().any(|s| site.stem(page) == s)
            {
                screenshot(client, width, dir, page, &mut report).await?;
            }
            for entry in driver::errors(client).await? {
                report.problem(
                    page,
                    format!("console error ({}): {}", entry.source, entry.message),
                );
            }
            if pass == 0 {
                checks::pictures(page, &found, &mut report);
                facts.insert(page.clone(), found);
            }
        }
    }

    checks::links(site, &facts, &mut report);
    checks::print(site, &facts, &mut report);
    pickers(client, base, site, &facts, &mut report).await?;
    for edition in &site.editions {
        match options
            .search
            .iter()
            .find(|(lang, _)| *lang == edition.lang)
        {
            Some((_, term)) if !edition_has_text(&options.book, edition, term) => {
                report.note(format!(
                    "search in the {} edition: skipped, \"{term}\" is not in its text yet \
                     (not translated: cargo xtask book --check-po says how far it is)",
                    edition.name()
                ))
            }
            Some((_, term)) => search(client, base, edition, term, &mut report).await?,
            None => report.note(format!(
                "search in the {} edition: skipped (no term to search for in `{}`)",
                edition.name(),
                edition.lang
            )),
        }
    }
    Ok(report)
}

async fn visit(client: &Client, base: &str, page: &str) -> Result<(), Error> {
    client
        .goto(&format!("{base}{page}"))
        .await
        .map_err(|e| Error::Browser(format!("loading {page}: {e}")))
}

async fn probe(client: &Client, page: &str, mode: &str) -> Result<PageFacts, Error> {
    let value = client
        .execute_async(include_str!("probe.js"), vec![mode.into()])
        .await
        .map_err(|e| Error::Browser(format!("{page}: running the page probe: {e}")))?;
    let facts: PageFacts = serde_json::from_value(value)
        .map_err(|e| Error::Browser(format!("{page}: the page probe's answer: {e}")))?;
    match &facts.error {
        Some(error) => Err(Error::Browser(format!("{page}: the page probe: {error}"))),
        None => Ok(facts),
    }
}

async fn screenshot(
    client: &Client,
    width: u32,
    dir: &std::path::Path,
    page: &str,
    report: &mut Report,
) -> Result<(), Error> {
    let browser =
        |e: fantoccini::error::CmdError| Error::Browser(format!("{page}: screenshot: {e}"));
    client
        .set_window_size(width, SHOT_HEIGHT)
        .await
        .map_err(browser)?;
    let png = client.screenshot().await.map_err(browser)?;
    client
        .set_window_size(width, HEIGHT)
        .await
        .map_err(browser)?;
    let name = format!(
        "{}-{width}.png",
        page.trim_end_matches(".html").replace('/', "-")
    );
    std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(dir.join(&name), png))
        .map_err(|e| Error::Setup(format!("writing {}: {e}", dir.join(&name).display())))?;
    report.screenshots.push(dir.join(name));
    Ok(())
}

/// The language picker on every page, when there are two editions.
async fn pickers(
    client: &Client,
    base: &str,
    site: &Site,
    facts: &std::collections::BTreeMap<String, PageFacts>,
    report: &mut Report,
) -> Result<(), Error> {
    if site.editions.len() < 2 {
        report.note("language picker: skipped (one edition)".into());
        return Ok(());
    }
    let any = facts.values().any(|f| !f.pickers.is_empty());
    if !any {
        report.note(
            "language picker: skipped (no `a[hreflang]` or `[data-lang]` element on any page)"
                .into(),
        );
        return Ok(());
    }
    let mut checked = 0;
    for (page, found) in facts {
        for (other, expected) in site.counterparts(page) {
            let Some(picker) = found.pickers.iter().find(|p| other.speaks(&p.lang)) else {
                report.problem(
                    page,
                    format!(
                        "no language picker for `{}` (a[hreflang] or [data-lang])",
                        other.lang
                    ),
                );
                continue;
            };
            let landed = match &picker.path {
                Some(path) => path.trim_start_matches('/').to_owned(),
                None => click_picker(client, base, page, &picker.selector).await?,
            };
            checked += 1;
            if site.normalize(&landed) != expected {
                report.problem(
                    page,
                    format!(
                        "language picker `{}` lands on `{landed}`, not the same page `{expected}`",
                        picker.selector
                    ),
                );
            }
        }
    }
    report.note(format!("language picker: {checked} pages checked"));
    Ok(())
}

/// Clicks a picker that is not a link and says where the browser went.
async fn click_picker(
    client: &Client,
    base: &str,
    page: &str,
    selector: &str,
) -> Result<String, Error> {
    let browser = |e: fantoccini::error::CmdError| {
        Error::Browser(format!(
            "{page}: clicking the language picker `{selector}`: {e}"
        ))
    };
    visit(client, base, page).await?;
    let before = client.current_url().await.map_err(browser)?;
    client
        .find(Locator::Css(selector))
        .await
        .map_err(browser)?
        .click()
        .await
        .map_err(browser)?;
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let now = client.current_url().await.map_err(browser)?;
        if now != before || Instant::now() > deadline {
            return Ok(serve::percent_decode(now.path())
                .unwrap_or_else(|| now.path().to_owned())
                .trim_start_matches('/')
                .to_owned());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Whether `term` is in the edition's text at all: its search index stores
/// every section's text (`searchindex*.js`; `\uXXXX` escapes aside, which
/// mdBook does not write). A Korean edition built before its translation
/// is English throughout, and nothing could find a Korean word in it.
fn edition_has_text(book: &std::path::Path, edition: &Edition, term: &str) -> bool {
    let dir = book.join(&edition.prefix);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return true; // let the search itself say what is wrong
    };
    let mut indexes = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("searchindex"))
        })
        .peekable();
    if indexes.peek().is_none() {
        return true;
    }
    indexes.any(|path| std::fs::read_to_string(path).is_ok_and(|text| text.contains(term)))
}

/// Types `term` into the edition's search box and reads the results.
async fn search(
    client: &Client,
    base: &str,
    edition: &Edition,
    term: &str,
    report: &mut Report,
) -> Result<(), Error> {
    let page = edition.index();
    let browser = |e: fantoccini::error::CmdError| {
        Error::Browser(format!("{page}: searching for \"{term}\": {e}"))
    };
    visit(client, base, &page).await?;
    let Ok(toggle) = client.find(Locator::Css("#mdbook-search-toggle")).await else {
        report.problem(&page, "no search button (#mdbook-search-toggle)".into());
        return Ok(());
    };
    toggle.click().await.map_err(browser)?;
    let bar = client
        .wait()
        .at_most(Duration::from_secs(5))
        .for_element(Locator::Css("#mdbook-searchbar"))
        .await
        .map_err(browser)?;
    bar.send_keys(term).await.map_err(browser)?;
    // The index loads on first use; the results follow the last key.
    let deadline = Instant::now() + Duration::from_secs(10);
    let texts: Vec<String> = loop {
        let mut texts = Vec::new();
        for result in client
            .find_all(Locator::Css("#mdbook-searchresults li"))
            .await
            .map_err(browser)?
        {
            texts.push(result.text().await.map_err(browser)?);
        }
        if !texts.is_empty() || Instant::now() > deadline {
            break texts;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let words: Vec<String> = term.split_whitespace().map(str::to_lowercase).collect();
    let hits = texts
        .iter()
        .filter(|t| words.iter().all(|w| t.to_lowercase().contains(w)))
        .count();
    if hits == 0 {
        report.problem(
            &page,
            format!(
                "search for \"{term}\" found nothing that mentions it ({} results)",
                texts.len()
            ),
        );
    }
    report.note(format!(
        "search in the {} edition: \"{term}\" found {} results, {hits} mentioning it",
        edition.name(),
        texts.len()
    ));
    for entry in driver::errors(client).await? {
        report.problem(
            &page,
            format!("console error while searching: {}", entry.message),
        );
    }
    Ok(())
}
