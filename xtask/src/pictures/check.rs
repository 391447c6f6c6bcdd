//! `--check`, for CI: the definitions are sound, every picture a chapter
//! names is defined and recorded, every picture defined is shown, each SVG
//! is byte for byte what its trace draws (both frames), every chapter's
//! "What it costs" shows its chart, drawn from its figures, and recording
//! still works (into a temporary directory).

use std::fs;
use std::path::Path;

use super::definition::Picture;
use super::layout::FRAMES;
use super::{all, book_pictures, record, recorded_trace};
use crate::{Result, fail};

/// What is wrong with the definitions of `pictures`, all at once.
pub fn problems_of(root: &Path, pictures: &[Picture]) -> Result {
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for picture in pictures {
        if !seen.insert(picture.id()) {
            problems.push(format!("picture {}: defined twice", picture.id()));
        }
        let sections: Vec<String> = crate::sections::of_lesson(root, &picture.lesson)
            .map_err(fail)?
            .into_iter()
            .map(|s| s.name)
            .collect();
        problems.extend(picture.problems(root, &sections));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(fail(problems.join("\n")))
    }
}

/// `--check`, for CI.
pub fn check(root: &Path) -> Result {
    let pictures = all();
    problems_of(root, &pictures)?;
    let book = book_pictures(root);
    let mut problems = Vec::new();

    // Every picture a chapter names is defined and recorded; every picture
    // defined is shown somewhere.
    let named = named_in_chapters(root)?;
    for (chapter, id) in &named {
        match pictures.iter().find(|p| &p.id() == id) {
            None => problems.push(format!(
                "{chapter}: {{{{#picture {id}}}}}: no such picture (a [[picture]] in crates/<lesson>/lesson.toml)"
            )),
            Some(picture) => {
                for extension in ["svg", "narrow.svg", "trace.json", "toml"] {
                    let path = picture.file(&book, extension);
                    if !path.is_file() {
                        problems.push(format!(
                            "{chapter}: picture {id} is not recorded: no {} (cargo xtask pictures --record {})",
                            path.strip_prefix(root).unwrap_or(&path).display(),
                            picture.lesson
                        ));
                    }
                }
            }
        }
    }
    for picture in &pictures {
        if !named.iter().any(|(_, id)| id == &picture.id()) {
            problems.push(format!(
                "picture {} is defined but no chapter shows it ({{{{#picture {}}}}})",
                picture.id(),
                picture.id()
            ));
        }
    }
    // Each SVG is what the renderer draws from its trace, byte for byte.
    for picture in &pictures {
        let Some(trace) = recorded_trace(picture, &book)? else {
            continue;
        };
        for frame in FRAMES {
            let drawn = record::render(picture, &trace, frame)?;
            let path = picture.file(&book, frame.extension);
            if fs::read_to_string(&path).ok().as_deref() != Some(drawn.as_str()) {
                problems.push(format!(
                    "{} is not what its trace draws: cargo xtask pictures --render",
                    path.strip_prefix(root).unwrap_or(&path).display()
                ));
            }
        }
    }
    // Every chapter's "What it costs" shows its chart, drawn from its
    // figures.
    problems.extend(super::chart::problems(root)?);
    if !problems.is_empty() {
        return Err(fail(problems.join("\n")));
    }

    // And recording works: every picture, into a temporary directory.
    let scratch =
        std::env::temp_dir().join(format!("course-pictures-check-{}", std::process::id()));
    let options = record::Options {
        out: &scratch,
        measure_idle: false,
    };
    let outcome = record::record(root, &pictures, &options);
    let _ = fs::remove_dir_all(&scratch);
    let recorded = outcome?;
    eprintln!(
        "==> {} pictures named by the chapters, each drawn from its trace; {} recorded afresh",
        named.len(),
        recorded.len()
    );
    Ok(())
}

/// Every `{{#picture <lesson>:<name>}}` in the book's chapters, with the
/// chapter it is in.
fn named_in_chapters(root: &Path) -> Result<Vec<(String, String)>> {
    let src = root.join("book/src");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.map_err(|e| fail(format!("{}: {e}", src.display())))?;
        if entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = fs::read_to_string(entry.path())
            .map_err(|e| fail(format!("{}: {e}", entry.path().display())))?;
        let chapter = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .display()
            .to_string();
        found.extend(
            directives(&text)
                .into_iter()
                .map(|id| (chapter.clone(), id)),
        );
    }
    Ok(found)
}

/// The arguments of the `{{#picture …}}` directives in `text`.
fn directives(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{#picture ") {
        let after = &rest[start + "{{#picture ".len()..];
        let Some(end) = after.find("}}") else { break };
        found.push(after[..end].trim().to_owned());
        rest = &after[end..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_name_pictures_by_directive() {
        let text = "a {{#picture blocking-io:gil}} b\n{{#picture x:y }}{{#output z:w}}";
        assert_eq!(directives(text), ["blocking-io:gil", "x:y"]);
    }
}
