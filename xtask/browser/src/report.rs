//! What the check found: counts for the summary, notes (what was skipped and
//! why), and every problem with its page.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use crate::site::Site;

/// One thing wrong, on one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The page, as served: `threads.html`, `ko/threads.html`.
    pub page: String,
    /// What is wrong, naming the link or element.
    pub what: String,
}

#[derive(Debug, Default)]
pub struct Report {
    pub editions: Vec<String>,
    pub pages: usize,
    pub widths: Vec<u32>,
    pub internal_links: usize,
    pub anchors: usize,
    /// Anchors into a page the check did not load (none in mdBook's output).
    pub unchecked_anchors: usize,
    pub external_links: usize,
    pub pictures: usize,
    pub screenshots: Vec<PathBuf>,
    pub notes: Vec<String>,
    pub problems: Vec<Problem>,
    pub elapsed: Duration,
}

impl Report {
    pub fn new(site: &Site, widths: &[u32]) -> Report {
        Report {
            editions: site
                .editions
                .iter()
                .map(|e| format!("{} ({} pages)", e.name(), e.pages.len()))
                .collect(),
            pages: site.pages().count(),
            widths: widths.to_vec(),
            ..Report::default()
        }
    }

    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }

    /// Records a problem once (a page loaded at two widths logs its console
    /// errors twice).
    pub fn problem(&mut self, page: &str, what: String) {
        let problem = Problem {
            page: page.to_owned(),
            what,
        };
        if !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
    }

    pub fn note(&mut self, note: String) {
        self.notes.push(note);
    }

    /// The summary, then every problem; a problem found on many pages (a
    /// broken link in the sidebar) is listed once, with its pages.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let widths: Vec<String> = self.widths.iter().map(|w| format!("{w} px")).collect();
        let _ = writeln!(
            out,
            "book in a browser: {} pages in {} at {}; {} internal links ({} with an anchor{}), \
             {} external links not followed; {} pictures; {:.1} s",
            self.pages,
            self.editions.join(" and "),
            widths.join(" and "),
            self.internal_links,
            self.anchors,
            if self.unchecked_anchors > 0 {
                format!(", {} into pages not loaded", self.unchecked_anchors)
            } else {
                String::new()
            },
            self.external_links,
            self.pictures,
            self.elapsed.as_secs_f64(),
        );
        for note in &self.notes {
            let _ = writeln!(out, "  {note}");
        }
        if let Some(first) = self.screenshots.first() {
            let dir = first.parent().map(|d| d.display().to_string());
            let _ = writeln!(
                out,
                "  {} screenshots in {}",
                self.screenshots.len(),
                dir.unwrap_or_default()
            );
        }
        if self.passed() {
            let _ = writeln!(out, "no problems");
            return out;
        }
        let mut grouped: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for problem in &self.problems {
            grouped
                .entry(&problem.what)
                .or_default()
                .push(&problem.page);
        }
        let _ = writeln!(
            out,
            "{} problems ({} distinct):",
            self.problems.len(),
            grouped.len()
        );
        // Ordered by the first page each problem is on, then by text.
        let mut grouped: Vec<(&str, Vec<&str>)> = grouped.into_iter().collect();
        grouped.sort_by(|a, b| (a.1[0], a.0).cmp(&(b.1[0], b.0)));
        for (what, pages) in grouped {
            let on = if pages.len() > 4 {
                format!(
                    "{} and {} more pages",
                    pages[..3].join(", "),
                    pages.len() - 3
                )
            } else {
                pages.join(", ")
            };
            let _ = writeln!(out, "  {on}: {what}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_on_many_pages_is_listed_once_with_its_pages() {
        let mut report = Report::default();
        for page in ["a.html", "b.html", "c.html", "d.html", "e.html"] {
            report.problem(page, "broken link `x.html`".into());
        }
        report.problem("b.html", "picture without alt text: img".into());
        let text = report.render();
        assert!(!report.passed());
        assert!(text.contains("6 problems (2 distinct):"), "{text}");
        assert!(
            text.contains("  a.html, b.html, c.html and 2 more pages: broken link `x.html`\n"),
            "{text}"
        );
        assert!(
            text.contains("  b.html: picture without alt text: img\n"),
            "{text}"
        );
    }
}
