//! `cargo xtask browser` (`cargo run -p book-browser`): the built book,
//! checked in Chromium. See the library's docs for what is checked.

use std::env;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use book_browser::{Chromium, Options};

const HELP: &str = "\
usage: cargo xtask browser [--book DIR] [--screenshots DIR] [--or-skip]

Checks the built book (cargo xtask book) in headless Chromium: every page of
every edition loads without console errors or failed requests, links and
anchors resolve, pictures render with alt text, nothing scrolls sideways at
1280 and 390 px, search finds a term, the language picker and print.html work.

  --book DIR         the built book (default: book/build)
  --screenshots DIR  where screenshots go (default: target/browser)
  --or-skip          without Chromium, say so and succeed (for CI)

Chromium and chromedriver are found on PATH (Debian: apt-get install chromium
chromium-driver), or named by $CHROMIUM and $CHROMEDRIVER.";

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("xtask/browser/ sits two folders inside the workspace root")
        .to_path_buf();
    let mut book = root.join("book/build");
    let mut shots = root.join("target/browser");
    let mut or_skip = false;
    let mut args = env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--book" | "--screenshots" => {
                let Some(value) = args.next() else {
                    eprintln!("error: {arg} takes a folder\n\n{HELP}");
                    return ExitCode::from(2);
                };
                let target = if arg == "--book" {
                    &mut book
                } else {
                    &mut shots
                };
                *target = PathBuf::from(value);
            }
            "--or-skip" => or_skip = true,
            "-h" | "--help" => {
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("error: unknown argument `{other}`\n\n{HELP}");
                return ExitCode::from(2);
            }
        }
    }

    let Some(chromium) = Chromium::find() else {
        let message = "no Chromium: `chromium` and `chromedriver` are not on PATH \
                       (Debian: apt-get install chromium chromium-driver; \
                       or set $CHROMIUM and $CHROMEDRIVER)";
        if or_skip {
            println!("book in a browser: skipped, {message}");
            return ExitCode::SUCCESS;
        }
        eprintln!("error: {message}");
        return ExitCode::from(2);
    };
    match book_browser::check(&Options::course(book, chromium, shots)) {
        Ok(report) => {
            print!("{}", report.render());
            if report.passed() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("error: the browser check could not run: {error}");
            ExitCode::FAILURE
        }
    }
}
