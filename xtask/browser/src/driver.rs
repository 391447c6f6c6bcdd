//! The browser: Debian's `chromium`, driven through its `chromedriver` over
//! WebDriver (fantoccini). Nothing is downloaded: both binaries must be
//! installed (`apt-get install chromium chromium-driver`), or named by
//! `$CHROMIUM` and `$CHROMEDRIVER`.
//!
//! chromedriver is started on an ephemeral port and ended (with the Chromium
//! it started) when the [`Driver`] is dropped; Chromium gets a fresh profile
//! in a temporary folder, removed afterwards.

use std::env;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

use crate::Error;

/// How long chromedriver may take to say it listens.
const DRIVER_START: Duration = Duration::from_secs(20);

/// The two programs the check needs.
#[derive(Debug, Clone)]
pub struct Chromium {
    pub browser: PathBuf,
    pub driver: PathBuf,
}

impl Chromium {
    /// `$CHROMIUM` / `$CHROMEDRIVER`, or the first of the usual names on
    /// `$PATH`; `None` when either is missing.
    pub fn find() -> Option<Chromium> {
        let browser = from_env_or_path(
            "CHROMIUM",
            &["chromium", "chromium-browser", "google-chrome", "chrome"],
        )?;
        let driver = from_env_or_path("CHROMEDRIVER", &["chromedriver"])?;
        Some(Chromium { browser, driver })
    }
}

fn from_env_or_path(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = env::var_os(var) {
        return Some(PathBuf::from(path)).filter(|p| p.is_file());
    }
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// The flags Chromium runs with. Without the background-networking ones it
/// tries to reach Google's servers, and a closed network refuses it.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
];

/// A running chromedriver, its session and Chromium's profile folder.
#[derive(Debug)]
pub struct Driver {
    pub client: Option<Client>,
    process: Child,
    profile: PathBuf,
}

impl Driver {
    pub async fn start(chromium: &Chromium) -> Result<Driver, Error> {
        let profile = env::temp_dir().join(format!(
            "book-browser-{}-{}",
            std::process::id(),
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        ));
        std::fs::create_dir_all(&profile)
            .map_err(|e| Error::Setup(format!("creating {}: {e}", profile.display())))?;
        let (process, port) = start_driver(&chromium.driver)?;
        let mut driver = Driver {
            client: None,
            process,
            profile,
        };
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", driver.profile.display()));
        let capabilities = json!({
            "goog:chromeOptions": { "binary": chromium.browser, "args": args },
            "goog:loggingPrefs": { "browser": "ALL" },
            "pageLoadStrategy": "normal",
            "timeouts": { "pageLoad": 20_000, "script": 15_000, "implicit": 0 },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("json!({{..}}) is an object")
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}/"))
            .await
            .map_err(|e| {
                Error::Setup(format!(
                    "chromedriver could not start {}: {e}",
                    chromium.browser.display()
                ))
            })?;
        driver.client = Some(client);
        Ok(driver)
    }

    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("the client is set by start() and taken only by close()")
    }

    /// Ends the session, which quits Chromium; the process and the profile
    /// go when `self` is dropped.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Starts chromedriver on a port of its choosing and reads which one.
fn start_driver(path: &Path) -> Result<(Child, u16), Error> {
    let mut child = Command::new(path)
        .arg("--port=0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Error::Setup(format!("starting {}: {e}", path.display())))?;
    let stdout = child
        .stdout
        .take()
        .expect("stdout is piped just above, and taken only here");
    let (tx, rx) = mpsc::channel();
    // Reads chromedriver's output to its end, so it never blocks on a full
    // pipe. "Starting ChromeDriver … on port 0" comes first, then "ChromeDriver
    // was started successfully on port 41234."
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(port) = line
                .split("successfully on port ")
                .nth(1)
                .and_then(|rest| rest.trim_end_matches('.').trim().parse::<u16>().ok())
            {
                let _ = tx.send(port);
            }
        }
    });
    match rx.recv_timeout(DRIVER_START) {
        Ok(port) => Ok((child, port)),
        _ => {
            let _ = child.kill();
            let _ = child.wait();
            Err(Error::Setup(format!(
                "{} did not say which port it listens on within {} s",
                path.display(),
                DRIVER_START.as_secs()
            )))
        }
    }
}

/// The browser's log since the last call (console messages, script errors,
/// failed requests): chromedriver's `se/log` command, which empties it.
#[derive(Debug)]
pub struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or("")))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// One entry of the browser's log.
#[derive(Debug, serde::Deserialize)]
pub struct LogEntry {
    pub level: String,
    pub message: String,
    #[serde(default)]
    pub source: String,
}

/// The log's errors since the last call.
pub async fn errors(client: &Client) -> Result<Vec<LogEntry>, Error> {
    let value = client
        .issue_cmd(BrowserLog)
        .await
        .map_err(|e| Error::Browser(format!("reading the browser's log: {e}")))?;
    let entries: Vec<LogEntry> = serde_json::from_value(value)
        .map_err(|e| Error::Browser(format!("the browser's log: {e}")))?;
    Ok(entries
        .into_iter()
        .filter(|e| e.level == "SEVERE")
        .collect())
}
