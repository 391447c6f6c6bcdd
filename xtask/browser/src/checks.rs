//! The judgements made on what the browser saw: the facts `probe.js`
//! gathers on each page, and the checks that need no browser any more
//! (links and anchors across pages, pictures, sideways overflow, print.html).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::report::Report;
use crate::site::Site;

/// What `probe.js` returns (all of it in "full" mode; `layout` alone in
/// "layout" mode).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageFacts {
    pub error: Option<String>,
    pub lang: String,
    pub ids: Vec<String>,
    pub links: Vec<Link>,
    pub pictures: Vec<Picture>,
    /// The `h1` texts inside `<main>`.
    pub headings: Vec<String>,
    pub pickers: Vec<Picker>,
    pub layout: Option<Layout>,
}

#[derive(Debug, Deserialize)]
pub struct Link {
    /// As written in the page.
    pub raw: String,
    /// Same origin as the page (the book's server).
    pub internal: bool,
    pub scheme: String,
    /// Decoded, from the root: `/ko/threads.html`.
    pub path: String,
    /// Decoded, without `#`; empty for none.
    pub fragment: String,
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct Picture {
    pub what: String,
    pub rendered: bool,
    pub size: String,
    /// Its text alternative: `alt`, `<title>`, `aria-label(ledby)`.
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct Picker {
    pub lang: String,
    /// Where its link goes (decoded path), or `None` for a button.
    pub path: Option<String>,
    pub selector: String,
}

#[derive(Debug, Deserialize)]
pub struct Layout {
    /// The width a page has to fit: `documentElement.clientWidth`.
    pub viewport: f64,
    pub inner_width: f64,
    pub scroll_width: f64,
    pub offenders: Vec<String>,
}

/// Nothing may stick out sideways, except inside what is made to scroll.
pub fn layout(page: &str, width: u32, layout: &Layout, report: &mut Report) {
    if (layout.inner_width - f64::from(width)).abs() > 1.0 {
        report.problem(
            page,
            format!(
                "the window is {} px wide, not {width}: the check at {width} px is not what a reader sees",
                layout.inner_width
            ),
        );
    }
    if layout.scroll_width > layout.viewport + 1.0 || !layout.offenders.is_empty() {
        let mut what = format!(
            "at {width} px the page is {} px wide (scrolls or is cut off sideways)",
            layout.scroll_width
        );
        for offender in &layout.offenders {
            what.push_str(&format!("\n      sticks out: {offender}"));
        }
        report.problem(page, what);
    }
}

/// Every picture renders and has a text alternative.
pub fn pictures(page: &str, facts: &PageFacts, report: &mut Report) {
    for picture in &facts.pictures {
        report.pictures += 1;
        if !picture.rendered {
            report.problem(
                page,
                format!(
                    "picture does not render ({}): {}",
                    picture.size, picture.what
                ),
            );
        }
        if picture.text.is_empty() {
            report.problem(
                page,
                format!(
                    "picture without alt text (img alt, svg <title> or aria-label): {}",
                    picture.what
                ),
            );
        }
    }
}

/// Every internal link names an existing file, and its anchor an id on the
/// page it names (as the browser built that page).
pub fn links(site: &Site, facts: &BTreeMap<String, PageFacts>, report: &mut Report) {
    let ids: BTreeMap<&str, BTreeSet<&str>> = facts
        .iter()
        .map(|(page, f)| (page.as_str(), f.ids.iter().map(String::as_str).collect()))
        .collect();
    for (page, found) in facts {
        let mut seen = BTreeSet::new();
        for link in &found.links {
            if !link.internal {
                if link.scheme == "http:" || link.scheme == "https:" {
                    report.external_links += 1;
                }
                continue;
            }
            if !seen.insert((&link.path, &link.fragment)) {
                continue;
            }
            report.internal_links += 1;
            let target = site.normalize(&link.path);
            let shown = describe(link);
            if crate::serve::file_for(&site.root, &link.path).is_none() {
                report.problem(page, format!("broken link {shown}: no file `{target}`"));
                continue;
            }
            if link.fragment.is_empty() {
                continue;
            }
            report.anchors += 1;
            match ids.get(target.as_str()) {
                Some(ids) if ids.contains(link.fragment.as_str()) => {}
                Some(_) => report.problem(
                    page,
                    format!(
                        "broken anchor {shown}: `{target}` has no element with id `{}`",
                        link.fragment
                    ),
                ),
                None => report.unchecked_anchors += 1,
            }
        }
    }
}

/// `[text](raw)`, as the link stands in the page.
fn describe(link: &Link) -> String {
    if link.text.is_empty() {
        format!("`{}`", link.raw)
    } else {
        format!("`{}` (\"{}\")", link.raw, link.text)
    }
}

/// Each edition's print.html holds the heading of every chapter.
pub fn print(site: &Site, facts: &BTreeMap<String, PageFacts>, report: &mut Report) {
    for edition in &site.editions {
        let print = format!("{}print.html", edition.prefix);
        let Some(printed) = facts.get(&print) else {
            report.note(format!(
                "print.html in the {} edition: skipped (there is none)",
                edition.name()
            ));
            continue;
        };
        let printed: BTreeSet<&str> = printed.headings.iter().map(String::as_str).collect();
        let mut chapters = 0;
        for page in &edition.pages {
            let stem = site.stem(page);
            if stem == "print" || stem == "404" {
                continue;
            }
            let Some(title) = facts.get(page).and_then(|f| f.headings.first()) else {
                continue;
            };
            chapters += 1;
            if !printed.contains(title.as_str()) {
                report.problem(
                    &print,
                    format!("the chapter heading \"{title}\" of `{page}` is missing"),
                );
            }
        }
        if printed.is_empty() {
            report.problem(&print, "no chapter headings (h1) at all".into());
        }
        report.note(format!(
            "print.html in the {} edition: {} headings, {chapters} pages' titles looked for",
            edition.name(),
            printed.len()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Edition;

    fn link(path: &str, fragment: &str) -> Link {
        Link {
            raw: format!("{}#{fragment}", path.trim_start_matches('/')),
            internal: true,
            scheme: "http:".into(),
            path: path.into(),
            fragment: fragment.into(),
            text: "see".into(),
        }
    }

    /// Links are judged on what the browser saw, without a browser: a
    /// missing file and a missing id are named with the page and the link.
    #[test]
    fn a_missing_page_or_id_is_named_with_its_page_and_link() {
        let root = std::env::temp_dir().join(format!("book-browser-links-{}", std::process::id()));
        std::fs::create_dir_all(&root).expect("temp folder");
        for page in ["a.html", "b.html"] {
            std::fs::write(root.join(page), "<html>").expect("temp folder");
        }
        let site = Site {
            root: root.clone(),
            editions: vec![Edition {
                lang: "en".into(),
                prefix: String::new(),
                pages: vec!["a.html".into(), "b.html".into()],
            }],
        };
        let mut facts = BTreeMap::new();
        facts.insert(
            "a.html".to_string(),
            PageFacts {
                links: vec![
                    link("/b.html", "here"),
                    link("/b.html", "gone"),
                    link("/b.html", "gone"),
                    link("/c.html", ""),
                    link("/", "top"),
                ],
                ids: vec!["top".into()],
                ..PageFacts::default()
            },
        );
        facts.insert(
            "b.html".to_string(),
            PageFacts {
                ids: vec!["here".into()],
                ..PageFacts::default()
            },
        );
        let mut report = Report::default();
        std::fs::rename(root.join("a.html"), root.join("index.html")).expect("temp folder");
        links(&site, &facts, &mut report);
        std::fs::remove_dir_all(&root).expect("temp folder");
        let found: Vec<String> = report
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.page, p.what))
            .collect();
        assert_eq!(
            found,
            [
                "a.html: broken anchor `b.html#gone` (\"see\"): `b.html` has no element with id `gone`",
                "a.html: broken link `c.html#` (\"see\"): no file `c.html`",
            ]
        );
        // The duplicate is counted once; `/#top` goes to index.html, a page
        // not loaded here, so its anchor is counted as not checked.
        assert_eq!((report.internal_links, report.anchors), (4, 3));
        assert_eq!(report.unchecked_anchors, 1);
    }
}
