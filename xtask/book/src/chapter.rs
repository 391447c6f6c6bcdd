//! What happens to a chapter before mdBook sees it: the lesson's output,
//! pictures, charts, tables of figures and section numbers go in, and
//! every include is checked (see `main.rs` for the list).

use std::fs;
use std::path::Path;

use mdbook_driver::book::Chapter;
use xtask::sections::{self, Section};
use xtask::snapshot;
use xtask_book::translate::Translations;

/// The words the course itself writes into a chapter (a section link's
/// text), in the edition's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    English,
    Korean,
}

/// Injects lesson output and numbers into `chapter`, and checks its
/// includes. `lang` and `words` are the edition's: the words the course
/// writes itself (section links), and the translations of the texts it
/// injects (captions, alt texts, the tables' words; English: none).
pub fn prepare_chapter(
    root: &Path,
    src_dir: &Path,
    chapter: &mut Chapter,
    lang: Lang,
    words: &Translations,
) -> std::result::Result<(), String> {
    let Some(source) = chapter.source_path.clone() else {
        return Ok(());
    };
    let chapter_dir = src_dir
        .join(&source)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut errors = Vec::new();
    let mut sections = Sections::new(root);
    let own_lesson = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|stem| root.join("crates").join(stem).join("lesson.toml").is_file());

    chapter.content = replace_directives(&chapter.content, "output", |argument| {
        lesson_output(root, &mut sections, argument)
            .map_err(|e| errors.push(format!("{}: {e}", source.display())))
    });
    chapter.content = replace_directives(&chapter.content, "picture", |argument| {
        xtask::pictures::figure_in(root, argument, &|text| words.text(text).to_owned())
            .map_err(|e| errors.push(format!("{}: {e}", source.display())))
    });
    chapter.content = replace_directives(&chapter.content, "chart", |argument| {
        xtask::pictures::chart::figure_in(root, argument, &|text| words.text(text).to_owned())
            .map_err(|e| errors.push(format!("{}: {e}", source.display())))
    });
    // The figures' tables, in the edition's language.
    let translate = |text: &str| words.text(text).to_owned();
    let table_words = xtask::compare::Words::new(&translate);
    chapter.content = replace_directives(&chapter.content, "measured", |argument| {
        xtask::compare::measured::directive(root, argument, &table_words)
            .map_err(|e| errors.push(format!("{}: {e}", source.display())))
    });
    chapter.content = replace_directives(&chapter.content, "section", |argument| {
        section_link(&mut sections, own_lesson.as_deref(), argument, lang)
            .map_err(|e| errors.push(format!("{}: {e}", source.display())))
    });
    if let Some(lesson) = &own_lesson {
        let number = chapter.number.as_ref().map(ToString::to_string);
        match sections.of(lesson) {
            Ok(list) => {
                chapter.content = number_headings(&chapter.content, number.as_deref(), list)
            }
            Err(e) => errors.push(format!("{}: {e}", source.display())),
        }
    }
    for link in ["include", "rustdoc_include"] {
        replace_directives(&chapter.content, link, |target| {
            check_include(&chapter_dir, target).map_err(|e| {
                errors.push(format!(
                    "{}: {{{{#{link} {target}}}}}: {e}",
                    source.display()
                ))
            })?;
            Err(()) // leave the directive for mdBook to expand
        });
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n  "))
    }
}

/// The lessons' sections, read from their sources once each.
struct Sections<'a> {
    root: &'a Path,
    read: std::collections::HashMap<String, std::result::Result<Vec<Section>, String>>,
}

impl<'a> Sections<'a> {
    fn new(root: &'a Path) -> Self {
        Sections {
            root,
            read: Default::default(),
        }
    }

    fn of(&mut self, lesson: &str) -> std::result::Result<&[Section], String> {
        let root = self.root;
        self.read
            .entry(lesson.to_owned())
            .or_insert_with(|| sections::of_lesson(root, lesson))
            .as_deref()
            .map_err(Clone::clone)
    }

    /// The number of `lesson`'s section `name`.
    fn number(&mut self, lesson: &str, name: &str) -> std::result::Result<u32, String> {
        let list = self.of(lesson)?;
        list.iter()
            .find(|s| s.name == name)
            .map(|s| s.number)
            .ok_or_else(|| {
                let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
                format!(
                    "`{lesson}` has no section `{name}`; its sections are: {}",
                    names.join(", ")
                )
            })
    }
}

/// `{{#section close}}` (this chapter) or `{{#section queues:close}}`: a
/// link to the section's heading, "section 8" ("8절" in Korean, as a Korean
/// book numbers its sections).
fn section_link(
    sections: &mut Sections,
    own_lesson: Option<&str>,
    argument: &str,
    lang: Lang,
) -> std::result::Result<String, String> {
    let (lesson, name) = match argument.split_once(':') {
        Some((lesson, name)) => (lesson.trim(), name.trim()),
        None => (
            own_lesson.ok_or_else(|| {
                format!("`{{{{#section {argument}}}}}` outside a lesson's chapter: name the lesson, `<lesson>:{argument}`")
            })?,
            argument,
        ),
    };
    let number = sections.number(lesson, name)?;
    Ok(match (Some(lesson) == own_lesson, lang) {
        (true, Lang::English) => format!("[section {number}](#{name})"),
        (false, Lang::English) => format!("[section {number} of `{lesson}`]({lesson}.md#{name})"),
        (true, Lang::Korean) => format!("[{number}절](#{name})"),
        (false, Lang::Korean) => format!("[`{lesson}` {number}절]({lesson}.md#{name})"),
    })
}

/// The chapter with its numbers: `# <title>` becomes `# <chapter>. <title>`
/// (`chapter` as mdBook numbers it, "5."), and every `## <title> {#<name>}`
/// of a section becomes `## <n>. <title> {#<name>}`.
fn number_headings(content: &str, chapter: Option<&str>, sections: &[Section]) -> String {
    let mut out = String::with_capacity(content.len() + 64);
    let mut in_code = false;
    let mut titled = false;
    for line in content.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
        }
        if !in_code {
            if let (false, Some(number), Some(title)) = (titled, chapter, line.strip_prefix("# ")) {
                titled = true;
                out.push_str(&format!("# {number} {title}"));
                continue;
            }
            if let Some(heading) = line.strip_prefix("## ")
                && let Some(section) = sections
                    .iter()
                    .find(|s| heading.trim_end().ends_with(&format!("{{#{}}}", s.name)))
            {
                out.push_str(&format!("## {}. {heading}", section.number));
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

/// Calls `expand` on the argument of every `{{#<name> argument}}` in `text`
/// and replaces the directive with what it returns (or leaves it on `Err`).
/// An escaped directive, `\{{#…}}`, is left alone, and so is the rest of
/// its line, as mdBook leaves it (it then drops the backslash): that is how
/// a page that documents the directives (CONTRIBUTING.md) shows them.
fn replace_directives(
    text: &str,
    name: &str,
    mut expand: impl FnMut(&str) -> std::result::Result<String, ()>,
) -> String {
    let open = format!("{{{{#{name} ");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let directive = &rest[start..start + len + 2];
        let argument = directive[open.len()..directive.len() - 2].trim();
        let line_start = out.rfind('\n').map_or(0, |at| at + 1);
        let before = format!("{}{}", &out[line_start..], &rest[..start]);
        let line_so_far = before.rsplit('\n').next().unwrap_or_default();
        if line_so_far.ends_with('\\') || line_so_far.contains("\\{{#") {
            out.push_str(&rest[..start + len + 2]);
            rest = &rest[start + len + 2..];
            continue;
        }
        out.push_str(&rest[..start]);
        match expand(argument) {
            Ok(replacement) => out.push_str(&replacement),
            Err(()) => out.push_str(directive),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// The recorded output of one section, as a fenced block for the chapter:
/// `{{#output threads:ask_to_stop}}` is section `ask_to_stop` (from its
/// `== 4. … ==` header up to the next section's).
fn lesson_output(
    root: &Path,
    sections: &mut Sections,
    argument: &str,
) -> std::result::Result<String, String> {
    let Some((lesson, name)) = argument.split_once(':') else {
        return Err(format!(
            "`{{{{#output {argument}}}}}`: name a section, as in `{argument}:<section>`; \
             each section's output stands after its code"
        ));
    };
    let (lesson, name) = (lesson.trim(), name.trim());
    if name.parse::<u32>().is_ok() {
        return Err(format!(
            "`{argument}`: a section is named, not numbered (its numbers are the program's)"
        ));
    }
    let number = sections.number(lesson, name)?;
    let path = snapshot::path(root, lesson);
    let snapshot = fs::read_to_string(&path).map_err(|e| {
        format!(
            "no snapshot for lesson `{lesson}` at {} ({e}); run `cargo xtask test --accept`",
            path.display()
        )
    })?;
    let text = snapshot::section(snapshot::body(&snapshot), number).ok_or_else(|| {
        format!(
            "the output of `{lesson}` has no section {number}, `{name}` (no line `== {number}. … ==` in {})",
            path.display()
        )
    })?;
    Ok(format!("```text\n{}\n```", text.trim_end()))
}

/// Checks one `{{#include file[:anchor | :lines]}}` target.
fn check_include(chapter_dir: &Path, target: &str) -> std::result::Result<(), String> {
    let (file, selector) = match target.split_once(':') {
        Some((file, selector)) => (file, Some(selector)),
        None => (target, None),
    };
    let path = chapter_dir.join(file);
    let text =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let Some(anchor) =
        selector.filter(|s| !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()))
    else {
        return Ok(()); // a whole file, or a line range
    };
    let has = |marker: &str| text.lines().any(|line| line.trim_end().ends_with(marker));
    if !has(&format!("ANCHOR: {anchor}")) {
        return Err(format!("no `ANCHOR: {anchor}` in {}", path.display()));
    }
    if !has(&format!("ANCHOR_END: {anchor}")) {
        return Err(format!("no `ANCHOR_END: {anchor}` in {}", path.display()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use xtask::sections::Section;

    #[test]
    fn a_section_is_shown_by_name_and_a_missing_one_fails_the_book() {
        let root = &xtask::root();
        let mut sections = Sections::new(root);
        let one = lesson_output(root, &mut sections, "threads:returns_through_join").unwrap();
        assert!(one.starts_with("```text\n== 1. "), "{one}");
        assert!(!one.contains("== 2. "), "{one}");
        let err = lesson_output(root, &mut sections, "threads:nosuch").unwrap_err();
        assert!(err.contains("has no section `nosuch`"), "{err}");
        let err = lesson_output(root, &mut sections, "threads:2").unwrap_err();
        assert!(err.contains("named, not numbered"), "{err}");
        let err = lesson_output(root, &mut sections, "threads").unwrap_err();
        assert!(err.contains("name a section"), "{err}");
    }

    #[test]
    fn headings_get_their_numbers_and_references_become_links() {
        let sections = [
            Section {
                name: "first".into(),
                number: 1,
                file: "src/main.rs".into(),
            },
            Section {
                name: "second".into(),
                number: 2,
                file: "src/main.rs".into(),
            },
        ];
        let chapter = "# Title\n\n## What it is\n\n## Two {#second}\n```sh\n## One {#first}\n```\n## One {#first}\n";
        assert_eq!(
            number_headings(chapter, Some("5."), &sections),
            "# 5. Title\n\n## What it is\n\n## 2. Two {#second}\n```sh\n## One {#first}\n```\n## 1. One {#first}\n"
        );
        let root = &xtask::root();
        let mut sections = Sections::new(root);
        let link = |sections: &mut Sections, own, argument, lang| {
            section_link(sections, own, argument, lang)
        };
        assert_eq!(
            link(&mut sections, Some("threads"), "ask_to_stop", Lang::English).unwrap(),
            "[section 4](#ask_to_stop)"
        );
        assert_eq!(
            link(&mut sections, None, "threads:ask_to_stop", Lang::English).unwrap(),
            "[section 4 of `threads`](threads.md#ask_to_stop)"
        );
        assert_eq!(
            link(&mut sections, Some("threads"), "ask_to_stop", Lang::Korean).unwrap(),
            "[4절](#ask_to_stop)"
        );
        assert_eq!(
            link(
                &mut sections,
                Some("queues"),
                "threads:ask_to_stop",
                Lang::Korean
            )
            .unwrap(),
            "[`threads` 4절](threads.md#ask_to_stop)"
        );
        assert!(link(&mut sections, None, "ask_to_stop", Lang::English).is_err());
    }

    #[test]
    fn directives_are_replaced_in_place() {
        let text = "a {{#output x}} b {{#output y}} c";
        let out = replace_directives(text, "output", |arg| Ok(arg.to_uppercase()));
        assert_eq!(out, "a X b Y c");
    }

    #[test]
    fn an_escaped_directive_and_the_rest_of_its_line_stay_as_written() {
        let text = "a \\{{#output x}} {{#output y}}\nb {{#output z}}";
        let out = replace_directives(text, "output", |arg| Ok(arg.to_uppercase()));
        assert_eq!(out, "a \\{{#output x}} {{#output y}}\nb Z");
    }

    #[test]
    fn a_directive_left_on_error_stays_as_written() {
        let text = "a {{#include f.rs:anchor}} b";
        assert_eq!(replace_directives(text, "include", |_| Err(())), text);
    }

    #[test]
    fn a_missing_anchor_is_reported() {
        let dir = std::env::temp_dir().join(format!("xtask-book-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("f.rs"),
            "// ANCHOR: here\nfn f() {}\n// ANCHOR_END: here\n",
        )
        .unwrap();
        assert_eq!(check_include(&dir, "f.rs:here"), Ok(()));
        assert_eq!(check_include(&dir, "f.rs"), Ok(()));
        assert_eq!(check_include(&dir, "f.rs:2:3"), Ok(()));
        let err = check_include(&dir, "f.rs:there").unwrap_err();
        assert!(err.starts_with("no `ANCHOR: there`"), "{err}");
        assert!(
            check_include(&dir, "nosuch.rs:here")
                .unwrap_err()
                .starts_with("cannot read")
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
