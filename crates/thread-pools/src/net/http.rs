//! Just enough HTTP/1.1 to serve a few pages ([`Site`], [`serve_page`]) and
//! to fetch them ([`fetch`]), for the page fetcher of
//! `fetching_pages_through_a_pool`, in `main.rs`.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use super::IO_TIMEOUT;

/// A few pages, served slowly: every response waits `delay` first, like a
/// backend that takes a while.
#[derive(Debug, Clone)]
pub struct Site {
    pub pages: Vec<(&'static str, &'static str)>,
    pub delay: Duration,
}

/// The longest request head the server reads.
const MAX_HEAD: usize = 8 * 1024;

/// Answers one HTTP/1.1 request on `stream` from `site`: `200` with the page,
/// `404` for a path it does not have, `400` for anything that is not a
/// `GET` request line.
pub fn serve_page(mut stream: TcpStream, site: &Site) -> io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let head = read_head(&mut stream)?;
    let (status, body) = match request_path(&head) {
        Some(path) => match site.pages.iter().find(|(p, _)| *p == path) {
            Some((_, page)) => ("200 OK", *page),
            None => ("404 Not Found", "no such page\n"),
        },
        None => ("400 Bad Request", "bad request\n"),
    };
    thread::sleep(site.delay);
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes())
}

/// Reads up to the blank line that ends a request head.
fn read_head(stream: &mut TcpStream) -> io::Result<String> {
    let mut head = Vec::new();
    let mut buf = [0; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > MAX_HEAD {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "request head too long",
            ));
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break; // the client stopped sending; parse what we have
        }
        head.extend_from_slice(&buf[..n]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

/// `/about` from `GET /about HTTP/1.1`; `None` for anything else.
fn request_path(head: &str) -> Option<&str> {
    let mut words = head.lines().next()?.split(' ');
    match (words.next(), words.next(), words.next()) {
        (Some("GET"), Some(path), Some(version))
            if path.starts_with('/') && version.starts_with("HTTP/1.") =>
        {
            Some(path)
        }
        _ => None,
    }
}

// ANCHOR: fetch
/// Why a page could not be fetched.
#[derive(Debug)]
pub enum FetchError {
    /// Connecting, sending or receiving failed (a refused connection, a timeout).
    Io(io::Error),
    /// The server answered, but not with `200 OK`.
    Status(u16),
    /// The server's answer was not an HTTP response we understand.
    Malformed,
}

/// Fetches `path` from the HTTP server at `addr` and returns the page's body.
///
/// ```
/// use std::time::Duration;
/// use thread_pools::net::{self, FetchError, Server, Site};
///
/// let site = Site { pages: vec![("/", "hello\n")], delay: Duration::ZERO };
/// let server = Server::start(1, move |stream| net::serve_page(stream, &site))?;
/// assert_eq!(net::fetch(server.addr(), "/").ok(), Some(b"hello\n".to_vec()));
/// assert!(matches!(net::fetch(server.addr(), "/nope"), Err(FetchError::Status(404))));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn fetch(addr: SocketAddr, path: &str) -> Result<Vec<u8>, FetchError> {
    let mut stream = TcpStream::connect(addr).map_err(FetchError::Io)?;
    stream
        .set_read_timeout(Some(IO_TIMEOUT))
        .map_err(FetchError::Io)?;
    // One `write_all` of the whole request: `write!` straight to the socket
    // would send it in pieces.
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .map_err(FetchError::Io)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(FetchError::Io)?;
    parse_response(&response)
}
// ANCHOR_END: fetch

/// The body of a complete `200` response; the status of any other.
fn parse_response(response: &[u8]) -> Result<Vec<u8>, FetchError> {
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or(FetchError::Malformed)?;
    let head = std::str::from_utf8(&response[..split]).map_err(|_| FetchError::Malformed)?;
    let body = &response[split + 4..];
    let mut lines = head.split("\r\n");
    let status: u16 = match lines.next().map(|line| line.split(' ').collect::<Vec<_>>()) {
        Some(words) if words.len() >= 2 && words[0].starts_with("HTTP/1.") => {
            words[1].parse().map_err(|_| FetchError::Malformed)?
        }
        _ => return Err(FetchError::Malformed),
    };
    let length: Option<usize> = lines
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .map(|(_, value)| value.trim().parse().map_err(|_| FetchError::Malformed))
        .transpose()?;
    if length.is_some_and(|length| length != body.len()) {
        return Err(FetchError::Malformed); // cut short, or more than promised
    }
    if status == 200 {
        Ok(body.to_vec())
    } else {
        Err(FetchError::Status(status))
    }
}

/// Only the error's *kind* (`ConnectionRefused`), never the operating
/// system's wording of it, which differs between Linux and macOS.
impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Io(err) => write!(f, "{:?}", err.kind()),
            FetchError::Status(status) => write!(f, "HTTP status {status}"),
            FetchError::Malformed => write!(f, "malformed HTTP response"),
        }
    }
}

impl std::error::Error for FetchError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FetchError::Io(err) => Some(err),
            _ => None,
        }
    }
}

/// An address on `127.0.0.1` where nothing listens: we bind a port, note it,
/// and close the listener, so connecting there is refused.
pub fn refused_addr() -> io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    listener.local_addr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_are_parsed_and_junk_refused() {
        assert_eq!(
            request_path("GET /about HTTP/1.1\r\nHost: x\r\n\r\n"),
            Some("/about")
        );
        assert_eq!(request_path("POST /about HTTP/1.1\r\n\r\n"), None);
        assert_eq!(request_path("GET about HTTP/1.1\r\n\r\n"), None);
        assert_eq!(request_path("GET /about\r\n\r\n"), None);
        assert_eq!(request_path(""), None);
    }

    #[test]
    fn responses_are_parsed_exactly() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        assert_eq!(parse_response(ok).ok(), Some(b"hello".to_vec()));
        let missing = b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno";
        assert!(matches!(
            parse_response(missing),
            Err(FetchError::Status(404))
        ));
        let short = b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhello";
        assert!(matches!(parse_response(short), Err(FetchError::Malformed)));
        assert!(matches!(
            parse_response(b"hello"),
            Err(FetchError::Malformed)
        ));
        assert!(matches!(
            parse_response(b"SMTP 200 OK\r\n\r\n"),
            Err(FetchError::Malformed)
        ));
    }
}
