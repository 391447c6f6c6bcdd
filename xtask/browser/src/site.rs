//! The built book on disk: its editions and their pages, named by their path
//! from the build folder (`threads.html`, `ko/threads.html`), as the server
//! serves them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Error;

/// One language's copy of the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// From `<html lang="…">` of its `index.html` (`en` when absent).
    pub lang: String,
    /// Its folder inside the build folder, with a trailing slash; `""` for
    /// the edition at the top.
    pub prefix: String,
    pub pages: Vec<String>,
}

impl Edition {
    pub fn index(&self) -> String {
        format!("{}index.html", self.prefix)
    }

    /// "en", or "ko (ko/)".
    pub fn name(&self) -> String {
        if self.prefix.is_empty() {
            self.lang.clone()
        } else {
            format!("{} ({})", self.lang, self.prefix)
        }
    }

    /// Whether a picker's language (`ko`, `ko-KR`) names this edition.
    pub fn speaks(&self, lang: &str) -> bool {
        lang == self.lang
            || lang
                .strip_prefix(self.lang.as_str())
                .is_some_and(|rest| rest.starts_with('-'))
    }
}

#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub editions: Vec<Edition>,
}

impl Site {
    /// Finds the editions under `root`: the top folder's pages, and each
    /// folder directly inside it that has an `index.html` and a `print.html`
    /// of its own (another language's book).
    pub fn read(root: &Path) -> Result<Site, Error> {
        let unreadable =
            |e: std::io::Error| Error::Setup(format!("reading {}: {e}", root.display()));
        if !root.join("index.html").is_file() {
            return Err(Error::Setup(format!(
                "no book at {}: no index.html (build it with `cargo xtask book`)",
                root.display()
            )));
        }
        let mut sub_editions = Vec::new();
        for entry in fs::read_dir(root).map_err(unreadable)? {
            let path = entry.map_err(unreadable)?.path();
            if path.join("index.html").is_file() && path.join("print.html").is_file() {
                sub_editions.push(path);
            }
        }
        sub_editions.sort();
        let mut editions = vec![edition(root, root, &sub_editions)?];
        for dir in &sub_editions {
            editions.push(edition(root, dir, &[])?);
        }
        Ok(Site {
            root: root.to_path_buf(),
            editions,
        })
    }

    /// Every page of every edition.
    pub fn pages(&self) -> impl Iterator<Item = &String> {
        self.editions.iter().flat_map(|e| e.pages.iter())
    }

    pub fn edition_of(&self, page: &str) -> &Edition {
        // The top edition (prefix "") matches every page; a folder's is longer.
        self.editions
            .iter()
            .filter(|e| page.starts_with(&e.prefix))
            .max_by_key(|e| e.prefix.len())
            .expect("the top edition's empty prefix matches every page")
    }

    /// The page's name inside its edition without `.html`: `threads` for
    /// both `threads.html` and `ko/threads.html`.
    pub fn stem<'a>(&self, page: &'a str) -> &'a str {
        let prefix = &self.edition_of(page).prefix;
        page[prefix.len()..].trim_end_matches(".html")
    }

    /// The same page in each other edition: (that edition, its page).
    pub fn counterparts<'a>(&'a self, page: &str) -> Vec<(&'a Edition, String)> {
        let own = self.edition_of(page);
        let inside = &page[own.prefix.len()..];
        self.editions
            .iter()
            .filter(|e| *e != own)
            .map(|e| (e, format!("{}{inside}", e.prefix)))
            .collect()
    }

    /// A served path as a page name: no leading slash, `index.html` for a
    /// folder.
    pub fn normalize(&self, path: &str) -> String {
        let path = path.trim_start_matches('/');
        if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else if self.root.join(path).is_dir() {
            format!("{path}/index.html")
        } else {
            path.to_owned()
        }
    }
}

/// The pages of the edition in `dir`, leaving out the folders of `others`.
fn edition(root: &Path, dir: &Path, others: &[PathBuf]) -> Result<Edition, Error> {
    let mut pages = Vec::new();
    collect_pages(dir, others, &mut pages)
        .map_err(|e| Error::Setup(format!("reading {}: {e}", dir.display())))?;
    let mut pages: Vec<String> = pages
        .iter()
        .filter_map(|p| p.strip_prefix(root).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        // toc.html is the sidebar for readers without JavaScript, shown in
        // an <iframe>; its links are the sidebar's, checked on every page.
        .filter(|p| !p.ends_with("toc.html"))
        .collect();
    pages.sort();
    let index = fs::read_to_string(dir.join("index.html")).unwrap_or_default();
    let prefix = dir
        .strip_prefix(root)
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    Ok(Edition {
        lang: html_lang(&index).unwrap_or_else(|| "en".into()),
        prefix: if prefix.is_empty() {
            prefix
        } else {
            format!("{prefix}/")
        },
        pages,
    })
}

fn collect_pages(dir: &Path, others: &[PathBuf], out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            if !others.contains(&path) {
                collect_pages(&path, others, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    Ok(())
}

/// The `lang` attribute of a page's `<html>` element.
fn html_lang(html: &str) -> Option<String> {
    let start = html.find("<html")?;
    let tag = &html[start..start + html[start..].find('>')?];
    let value = tag.split("lang=").nth(1)?;
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    Some(value[..value.find(quote)?].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_html_element() {
        assert_eq!(
            html_lang("<!DOCTYPE html>\n<html lang=\"ko\" class=\"light\">").as_deref(),
            Some("ko")
        );
        assert_eq!(
            html_lang("<html class='x' lang='en'>").as_deref(),
            Some("en")
        );
        assert_eq!(html_lang("<html>").as_deref(), None);
    }

    #[test]
    fn a_page_has_its_counterpart_in_the_other_edition() {
        let site = Site {
            root: PathBuf::from("/nonexistent"),
            editions: vec![
                Edition {
                    lang: "en".into(),
                    prefix: "".into(),
                    pages: vec!["threads.html".into()],
                },
                Edition {
                    lang: "ko".into(),
                    prefix: "ko/".into(),
                    pages: vec!["ko/threads.html".into()],
                },
            ],
        };
        let there: Vec<String> = site
            .counterparts("threads.html")
            .into_iter()
            .map(|(e, p)| format!("{}:{p}", e.lang))
            .collect();
        assert_eq!(there, ["ko:ko/threads.html"]);
        let back: Vec<String> = site
            .counterparts("ko/threads.html")
            .into_iter()
            .map(|(e, p)| format!("{}:{p}", e.lang))
            .collect();
        assert_eq!(back, ["en:threads.html"]);
        assert_eq!(site.stem("ko/threads.html"), "threads");
        assert_eq!(site.normalize("/ko/"), "ko/index.html");
        assert!(site.editions[1].speaks("ko-KR"));
        assert!(!site.editions[1].speaks("kok"));
    }
}
