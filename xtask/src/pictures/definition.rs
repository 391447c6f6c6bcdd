//! A picture's definition: a `[[picture]]` table in its lesson's
//! `lesson.toml`, the one place that says what the picture is.
//!
//! ```toml
//! [[picture]]
//! name = "factorising-python"   # book/src/pictures/<lesson>/<name>.svg
//! section = "factorising"       # the section it stands beside
//! side = "python"               # whose run it is: "python" or "rust"
//! program = "python/factorising_on_one_thread_per_number.py"  # Python: under crates/<lesson>/
//! # Rust: the lesson's binary (a debug build, as `cargo run` makes it);
//! # `example = "<name>"` for one of its examples, `release = true` for a release build.
//! args = []                     # the program's arguments
//! window = "factorising"        # optional: the `trace::region` whose time it shows
//! title = "…"                   # the SVG's title
//! caption = "…"                 # under the picture: what to see in it
//! alt = "…"                     # for a reader who cannot see it
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One `[[picture]]` table.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// The file stem under `book/src/pictures/<lesson>/`: lower case,
    /// digits and `-`.
    pub name: String,
    /// The section the picture stands beside (a section name of the lesson).
    pub section: String,
    /// Whose run it draws.
    pub side: Side,
    /// Python: the program, relative to `crates/<lesson>/`.
    #[serde(default)]
    pub program: Option<String>,
    /// Rust: one of the lesson's examples instead of its binary.
    #[serde(default)]
    pub example: Option<String>,
    /// Rust: a release build instead of the debug build learners run.
    #[serde(default)]
    pub release: bool,
    /// The program's arguments.
    #[serde(default)]
    pub args: Vec<String>,
    /// The `region` the picture shows; without one, everything recorded.
    #[serde(default)]
    pub window: Option<String>,
    /// The picture's title, drawn at its top and its SVG `<title>`.
    pub title: String,
    /// The caption under it in the chapter: what to see.
    pub caption: String,
    /// The text alternative: the SVG's `<desc>` and the image's `alt`.
    pub alt: String,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Python,
    Rust,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Python => "python",
            Side::Rust => "rust",
        }
    }
}

/// A picture and the lesson it belongs to.
#[derive(Debug, Clone)]
pub struct Picture {
    pub lesson: String,
    pub def: Definition,
}

impl Picture {
    /// `lesson:name`, as a chapter names it.
    pub fn id(&self) -> String {
        format!("{}:{}", self.lesson, self.def.name)
    }

    /// Where its files go under `dir` (the book's `pictures/`, or a
    /// temporary directory): `<dir>/<lesson>/<name>.<extension>`.
    pub fn file(&self, dir: &Path, extension: &str) -> PathBuf {
        dir.join(&self.lesson)
            .join(format!("{}.{extension}", self.def.name))
    }

    /// The command line it is recorded from, as a reader would type it.
    pub fn command_line(&self) -> String {
        let mut words = match (self.def.side, &self.def.example) {
            (Side::Python, _) => vec![
                "python3".to_owned(),
                format!(
                    "crates/{}/{}",
                    self.lesson,
                    self.def.program.as_deref().unwrap_or("?")
                ),
            ],
            (Side::Rust, example) => {
                let mut words = vec!["cargo".to_owned(), "run".to_owned()];
                if self.def.release {
                    words.push("--release".to_owned());
                }
                words.extend(["-p".to_owned(), self.lesson.clone()]);
                if let Some(example) = example {
                    words.extend(["--example".to_owned(), example.clone()]);
                }
                if !self.def.args.is_empty() {
                    words.push("--".to_owned());
                }
                words
            }
        };
        words.extend(self.def.args.iter().cloned());
        words.join(" ")
    }

    /// What is wrong with the definition, if anything: `sections` are the
    /// lesson's section names.
    pub fn problems(&self, root: &Path, sections: &[String]) -> Vec<String> {
        let d = &self.def;
        let mut problems = Vec::new();
        let mut say = |what: String| problems.push(format!("picture {}: {what}", self.id()));
        if d.name.is_empty()
            || !d
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            say("a name is lower-case letters, digits and `-`".into());
        }
        if !sections.contains(&d.section) {
            say(format!(
                "`{}` has no section `{}`; its sections are: {}",
                self.lesson,
                d.section,
                sections.join(", ")
            ));
        }
        let lesson_dir = root.join("crates").join(&self.lesson);
        match (d.side, &d.program, &d.example) {
            (Side::Python, Some(program), None) => {
                if !program.ends_with(".py") || !lesson_dir.join(program).is_file() {
                    say(format!("no Python program crates/{}/{program}", self.lesson));
                }
            }
            (Side::Python, _, _) => {
                say("a Python picture names its `program` (and no `example`)".into())
            }
            (Side::Rust, Some(_), _) => say(
                "a Rust picture runs the lesson's binary, or `example = \"<name>\"`, not a `program`"
                    .into(),
            ),
            (Side::Rust, None, Some(example)) => {
                if !lesson_dir
                    .join("examples")
                    .join(format!("{example}.rs"))
                    .is_file()
                {
                    say(format!(
                        "no example crates/{}/examples/{example}.rs",
                        self.lesson
                    ));
                }
            }
            (Side::Rust, None, None) => {}
        }
        if d.side == Side::Python && d.release {
            say("`release` is for Rust pictures".into());
        }
        for (field, text) in [
            ("title", &d.title),
            ("caption", &d.caption),
            ("alt", &d.alt),
        ] {
            if text.trim().is_empty() {
                say(format!("`{field}` is empty"));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(toml_text: &str) -> Picture {
        Picture {
            lesson: "blocking-io".into(),
            def: toml::from_str(toml_text).expect("a valid [[picture]] table"),
        }
    }

    const PYTHON: &str = r#"
        name = "gil"
        section = "factorising"
        side = "python"
        program = "python/factorising_on_one_thread_per_number.py"
        title = "t"
        caption = "c"
        alt = "a"
    "#;

    #[test]
    fn a_python_picture_runs_its_program() {
        let p = picture(PYTHON);
        assert_eq!(p.id(), "blocking-io:gil");
        assert_eq!(
            p.command_line(),
            "python3 crates/blocking-io/python/factorising_on_one_thread_per_number.py"
        );
        assert_eq!(
            p.file(Path::new("book/src/pictures"), "svg"),
            Path::new("book/src/pictures/blocking-io/gil.svg")
        );
    }

    #[test]
    fn a_rust_picture_runs_the_lesson_or_an_example() {
        let p = picture(&PYTHON.replace(
            "side = \"python\"\n        program = \"python/factorising_on_one_thread_per_number.py\"",
            "side = \"rust\"\n        release = true\n        example = \"x\"\n        args = [\"--n\", \"2\"]",
        ));
        assert_eq!(
            p.command_line(),
            "cargo run --release -p blocking-io --example x -- --n 2"
        );
    }

    #[test]
    fn a_bad_definition_is_refused_with_its_reasons() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let good = picture(PYTHON);
        assert_eq!(
            good.problems(root, &["factorising".into()]),
            Vec::<String>::new()
        );

        let bad = picture(
            &PYTHON
                .replace("\"gil\"", "\"The GIL\"")
                .replace("one_thread_per_number", "nothing")
                .replace("alt = \"a\"", "alt = \" \""),
        );
        let problems = bad.problems(root, &["other".into()]).join("\n");
        for words in [
            "lower-case letters",
            "has no section `factorising`",
            "no Python program",
            "`alt` is empty",
        ] {
            assert!(problems.contains(words), "{words}: {problems}");
        }
        let err = toml::from_str::<Definition>(&format!("{PYTHON}\ncolour = 1")).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
