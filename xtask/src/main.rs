//! `cargo xtask`: the course's task runner, in the style of matklad's xtask.
//! This is its command line (clap's derive: generated help, exit 2 on a
//! usage error); the commands are the `xtask` library's, and the book's is
//! the `xtask-book` package.
//!
//! ```text
//! cargo xtask list                    the lessons, in reading order
//! cargo xtask run <lesson>... | --all run lessons, each under a time limit
//! cargo xtask test [--accept]         check every lesson's output against its snapshot
//! cargo xtask book                    build the book into book/build/
//! cargo xtask bench [<lesson>...]     run the criterion benches
//! cargo xtask sync [--check]          write (or check) README's table, SUMMARY.md, the glossary
//! cargo xtask learn [<command>]       the exercises: a watch loop, check, hint, reset, --verify
//! cargo xtask compare [<lesson>...]   the notes' experiments, Python beside Rust, one table
//! cargo xtask pictures [--record]     timelines of real runs, drawn for the book
//! cargo xtask browser [--or-skip]     the built book, checked in Chromium
//! cargo xtask ci                      everything CI runs
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use xtask::{Result, ci, compare, learn, lessons, new, notes, pictures, python, sync, tasks};

#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "The course's task runner.",
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The lessons, in reading order.
    List,
    /// Scaffold a lesson that builds and passes its checks (remove one:
    /// delete crates/<lesson>/ and its chapter, then `cargo xtask sync`).
    New {
        /// The new lesson's package name, such as `barriers`.
        lesson: String,
    },
    /// Build and run lessons, each under a time limit.
    Run {
        #[arg(value_name = "LESSON", required_unless_present = "all")]
        lessons: Vec<String>,
        /// Every lesson.
        #[arg(long, conflicts_with = "lessons")]
        all: bool,
        /// The time limit of each lesson, in seconds.
        #[arg(long, value_name = "SECS", default_value_t = harness::LESSON_TIMEOUT.as_secs())]
        timeout: u64,
    },
    /// Run every lesson (or these) and compare its redacted output with its
    /// snapshot.
    Test {
        /// Record the new output as the snapshot.
        #[arg(long)]
        accept: bool,
        #[arg(value_name = "LESSON")]
        lessons: Vec<String>,
    },
    /// Build the book into book/build/ (`book --help` for its options).
    #[command(disable_help_flag = true)]
    Book {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
        args: Vec<String>,
    },
    /// Run the criterion benches (all lessons by default).
    Bench {
        #[arg(value_name = "LESSON")]
        lessons: Vec<String>,
    },
    /// Write README.md's lesson table and book/src/SUMMARY.md from the lesson
    /// list, and sort the glossary.
    Sync {
        /// Only compare (and check chapter titles, section references,
        /// verdict controls); change nothing.
        #[arg(long)]
        check: bool,
    },
    Learn(learn::Args),
    /// Run every Python program under python/, each under a time limit
    /// (skipped without python3).
    Python,
    /// The notes' experiments in Python and in Rust (release), one table
    /// (`compare --help` for more).
    #[command(disable_help_flag = true)]
    Compare {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
        args: Vec<String>,
    },
    /// Timelines of real runs for the book: list them (with no option),
    /// record them into book/src/pictures/, draw them again, or check them.
    Pictures {
        /// Run each picture's program (these lessons', or every lesson's)
        /// with the recorder on (COURSE_TRACE) and write its trace, SVG and
        /// note into book/src/pictures/<lesson>/.
        #[arg(long, value_name = "LESSON", num_args = 0.., conflicts_with_all = ["render", "check"])]
        record: Option<Vec<String>>,
        /// Draw every SVG again from its recorded trace.
        #[arg(long, conflicts_with = "check")]
        render: bool,
        /// What CI checks: every picture a chapter names is defined and
        /// recorded, every SVG is what its trace draws, and recording works.
        #[arg(long)]
        check: bool,
    },
    /// The built book checked in headless Chromium: pages, links, anchors,
    /// search, pictures, 1280 and 390 px (`browser --help`).
    #[command(disable_help_flag = true)]
    Browser {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
        args: Vec<String>,
    },
    /// Check that no run of 4 lines equals the notes' (skipped where the
    /// notes are not found).
    Notes {
        /// Where the notes are (default: $COURSE_NOTES, then ../shared/seeds).
        #[arg(long, value_name = "DIR")]
        seeds: Option<PathBuf>,
    },
    /// Everything CI runs, then each step's time.
    Ci,
}

fn main() -> ExitCode {
    let root = xtask::root();
    if let Err(message) = lessons::init(&root) {
        eprintln!("error: the course's lesson list: {message}");
        return ExitCode::FAILURE;
    }
    // `learn --help` in the learner's language, chosen before clap builds it.
    learn::speak_early(&root, &std::env::args().collect::<Vec<_>>());
    // `--help` prints, a usage error exits 2, both with clap's messages.
    let cli = Cli::from_arg_matches(&Cli::command().get_matches()).unwrap_or_else(|e| e.exit());
    let result: Result = match cli.command {
        Command::List => tasks::list(),
        Command::New { lesson } => new::new(&root, &lesson),
        Command::Run {
            lessons,
            all,
            timeout,
        } => tasks::run(&lessons, all, Duration::from_secs(timeout)),
        Command::Test { accept, lessons } => tasks::test(&lessons, accept),
        Command::Book { args } => tasks::book(&args),
        Command::Bench { lessons } => tasks::bench(&lessons),
        Command::Sync { check } => sync::sync(&root, check),
        Command::Learn(args) => learn::learn(&root, args),
        Command::Python => python::run_all(&root),
        Command::Compare { args } => compare::compare(&root, &args),
        Command::Pictures {
            record,
            render,
            check,
        } => pictures::pictures(
            &root,
            match (record, render, check) {
                (Some(lessons), _, _) => pictures::Mode::Record(lessons),
                (None, true, _) => pictures::Mode::Render,
                (None, false, true) => pictures::Mode::Check,
                (None, false, false) => pictures::Mode::List,
            },
        ),
        Command::Browser { args } => tasks::browser(&args),
        Command::Notes { seeds } => notes::notes(&root, seeds),
        Command::Ci => ci::ci(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // In the learner's language when `learn` set one (i18n).
            eprintln!("{} {}", xtask::i18n::tr("error:"), failure.message);
            ExitCode::from(failure.code)
        }
    }
}
