//! What the tests of `cargo xtask learn` share: a copy of the tiny fixture
//! course (tests/fixtures/course: two exercises, no dependencies) and
//! `learn` run on it. The time limit is shortened to 3 s
//! (`XTASK_LEARN_TIME_LIMIT`) so a hang costs 3 s.
// Each test file uses a part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const XTASK: &str = env!("CARGO_BIN_EXE_xtask");
const LIMIT_SECS: &str = "3";

/// A copy of the fixture course in a fresh folder, removed on drop.
pub struct Course {
    pub root: PathBuf,
    /// A target dir of its own. Cargo names a workspace member's outputs
    /// after its path relative to the workspace root, so two copies of the
    /// course sharing one would overwrite each other's builds. The fixture
    /// has no dependencies: a build takes a second or two.
    pub target: PathBuf,
}

impl Course {
    pub fn new(tag: &str) -> Course {
        let root = std::env::temp_dir().join(format!("xtask-learn-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course"),
            &root,
        );
        // Fresh, so no build from an earlier run can look up to date.
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("learn-{tag}"));
        let _ = fs::remove_dir_all(&target);
        Course { root, target }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// Puts `text` in the exercise file `relative` (the learner saving).
    pub fn save(&self, relative: &str, text: &str) {
        fs::write(self.path(relative), text).unwrap();
    }

    pub fn solution(&self, name: &str) -> String {
        fs::read_to_string(self.path(&format!("crates/demo/exercises/solutions/{name}.rs")))
            .unwrap()
    }

    /// The recorded wrong answer `wrong/<dir>/<bug>.patch` applied to the
    /// solution `name`, as a learner could have written it.
    pub fn wrong_answer(&self, dir: &str, bug: &str, name: &str) -> String {
        let patch = fs::read_to_string(
            self.path(&format!("crates/demo/exercises/wrong/{dir}/{bug}.patch")),
        )
        .unwrap();
        diffy::apply(
            &self.solution(name),
            &diffy::Patch::from_str(&patch).unwrap(),
        )
        .unwrap()
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(XTASK);
        command
            .arg("learn")
            .arg("--root")
            .arg(&self.root)
            .args(args)
            .env("CARGO_TARGET_DIR", &self.target)
            .env("XTASK_LEARN_TIME_LIMIT", LIMIT_SECS)
            .env_remove("XTASK_LEARN_ROOT");
        // English unless a test asks otherwise, whatever the machine's
        // locale.
        for locale in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            command.env_remove(locale);
        }
        command
    }

    pub fn learn(&self, args: &[&str]) -> Output {
        self.command(args).stdin(Stdio::null()).output().unwrap()
    }
}

impl Drop for Course {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
